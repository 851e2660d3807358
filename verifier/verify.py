#!/usr/bin/env python3
"""An independent verifier of a tandoo election record, in Python 3 with its standard library.

Written from the documented formats alone (crates/record/README.md, docs/log.md, docs/acts.md,
docs/rules.md, docs/allocate.md, docs/api.md), not from tandoo's code, so that an observer has
a second implementation to hold the commission's results to. It checks every hash and link of
an export, the Merkle root against a signed checkpoint, replays the acts to recompute each
station's accepted figures, each constituency's totals and the seats, and compares them with
the status tandoo publishes. Exit code 0 when everything agrees, 1 when anything differs or
fails, 2 when it was called wrongly. See docs/verify.md.
"""

import argparse
import base64
import hashlib
import json
import os
import sys
import urllib.parse
import urllib.request

from ed25519_check import verify as ed25519_verify
from proofs import check_proofs
from replay import Replay, ReplayError


class Failure(Exception):
    """The record, the checkpoint or the key is not what it must be: verification fails."""


# ---------------------------------------------------------------------------------------------
# The record: canonical JSON, hashes and links (crates/record/README.md)


def canon(value):
    """RFC 8785 canonical JSON of a value without fractional numbers."""
    if isinstance(value, dict):
        members = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(canon(k) + ":" + canon(v) for k, v in members) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canon(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        if abs(value) > 9007199254740991:
            raise Failure(f"the integer {value} is outside the range a record may hold")
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    raise Failure(f"a record never holds a value like {value!r}")


HASHED = ("seq", "recorded_at", "legal_date", "actor", "act", "prev_hash")


def entry_hash(entry):
    """The SHA-256, in hex, of an entry's hash input: the canonical JSON of its six members."""
    body = {k: entry[k] for k in HASHED}
    return hashlib.sha256(canon(body).encode("utf-8")).hexdigest()


def read_export(path):
    """Read an export and check every entry's hash and link; return the entries in order."""
    entries, prev, withheld = [], "0" * 64, 0
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line, parse_float=_no_float, parse_constant=_no_float)
            except (ValueError, Failure) as error:
                raise Failure(f"line {number}: not an entry of a record ({error})")
            seq = len(entries) + 1
            if not isinstance(entry, dict) or entry.get("seq") != seq:
                raise Failure(f"line {number}: expected entry {seq}, the record has a gap or is reordered")
            if entry.get("prev_hash") != prev:
                raise Failure(f"entry {seq}: prev_hash does not link to entry {seq - 1}'s hash")
            if entry.get("withheld"):
                # A withheld entry's figures are not shown, so its hash cannot be recomputed; the
                # next entry's prev_hash still binds it into the chain.
                withheld += 1
            else:
                missing = [k for k in HASHED + ("hash",) if k not in entry]
                if missing:
                    raise Failure(f"entry {seq}: lacks {', '.join(missing)}")
                if entry["hash"] != entry_hash(entry):
                    raise Failure(f"entry {seq}: its hash is not the SHA-256 of its content: the entry was changed")
            if not _is_hex32(entry.get("hash")):
                raise Failure(f"entry {seq}: hash is not 64 lowercase hex digits")
            prev = entry["hash"]
            entries.append(entry)
    return entries, withheld


def _no_float(text):
    raise Failure(f"a fractional or non-finite number {text}")


def _is_hex32(text):
    return isinstance(text, str) and len(text) == 64 and all(c in "0123456789abcdef" for c in text)


# ---------------------------------------------------------------------------------------------
# The transparency log: Merkle tree, keys and signed checkpoints (docs/log.md)


def leaf_hash(entry):
    leaf = entry["seq"].to_bytes(8, "big") + bytes.fromhex(entry["hash"])
    return hashlib.sha256(b"\x00" + leaf).digest()


def merkle_root(leaf_hashes):
    """RFC 9162 §2.1.1 tree head, built left to right with a stack of complete subtrees."""
    if not leaf_hashes:
        return hashlib.sha256(b"").digest()
    stack = []  # (size, hash) of complete subtrees, sizes decreasing powers of two
    for h in leaf_hashes:
        size = 1
        while stack and stack[-1][0] == size:
            left = stack.pop()[1]
            h = hashlib.sha256(b"\x01" + left + h).digest()
            size *= 2
        stack.append((size, h))
    # The right edge: RFC 9162 splits at the largest power of two, so the smaller subtrees on
    # the right join first.
    h = stack.pop()[1]
    while stack:
        h = hashlib.sha256(b"\x01" + stack.pop()[1] + h).digest()
    return h


def parse_public_key(text):
    """A note verifier key, `<name>+<key hash>+<base64(0x01 ‖ public key)>`."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3:
        raise Failure("the public key is not <name>+<key hash>+<key>")
    name, key_hash, encoded = parts
    try:
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise Failure("the public key's last part is not base64")
    if len(raw) != 33 or raw[0] != 1:
        raise Failure("the public key is not an Ed25519 key (0x01 and 32 bytes)")
    expected = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    if key_hash != expected.hex():
        raise Failure("the public key's hash does not match its name and key")
    return name, expected, raw[1:]


def read_checkpoint(text, key):
    """Check a signed checkpoint (C2SP signed-note) with the key; return (origin, size, root)."""
    name, key_hash, public = key
    if "\n\n" not in text:
        raise Failure("the checkpoint is not a signed note (no blank line before the signatures)")
    body, signatures = text.split("\n\n", 1)
    body += "\n"
    signed = False
    for line in signatures.splitlines():
        if not line.startswith("\u2014 "):
            raise Failure("a signature line of the checkpoint does not start with an em dash")
        try:
            signer, encoded = line[2:].split(" ")
            blob = base64.b64decode(encoded, validate=True)
        except ValueError:
            raise Failure("a signature line of the checkpoint is malformed")
        if signer != name or blob[:4] != key_hash:
            continue  # another key's signature, such as a witness's cosignature
        if len(blob) != 68 or not ed25519_verify(public, body.encode("utf-8"), blob[4:]):
            raise Failure("the checkpoint's signature does not verify with the key")
        signed = True
    if not signed:
        raise Failure("the checkpoint carries no signature by the key")
    lines = body.split("\n")
    if len(lines) < 4 or lines[0] != name:
        raise Failure("the checkpoint does not name the key's log as its origin")
    if not lines[1].isdigit() or (lines[1] != "0" and lines[1].startswith("0")):
        raise Failure("the checkpoint's tree size is not a decimal number")
    root = base64.b64decode(lines[2], validate=True)
    if len(root) != 32:
        raise Failure("the checkpoint's root hash is not 32 bytes")
    return lines[0], int(lines[1]), root


def check_log(entries, checkpoint_text, key_text):
    key = parse_public_key(key_text)
    origin, size, root = read_checkpoint(checkpoint_text, key)
    if size > len(entries):
        raise Failure(f"the checkpoint covers {size} entries, the export holds only {len(entries)}")
    if merkle_root([leaf_hash(e) for e in entries[:size]]) != root:
        raise Failure(f"the Merkle root of the first {size} entries is not the checkpoint's root")
    return origin, size


# ---------------------------------------------------------------------------------------------
# tandoo's published results: the status JSON (docs/api.md)


class Published:
    """Reads tandoo's status, from files `tandoo status --json` wrote or from a server."""

    def __init__(self, directory=None, api=None):
        self.directory, self.api = directory, api

    def status(self, as_of, constituency=None):
        if self.api:
            query = {}
            if constituency is not None:
                query["constituency"] = str(constituency)
            if as_of:
                query["as_of"] = as_of
            url = self.api.rstrip("/") + "/api/status?" + urllib.parse.urlencode(query)
            with urllib.request.urlopen(url, timeout=30) as answer:
                return json.load(answer)
        name = "national" if constituency is None else str(constituency)
        path = os.path.join(self.directory, f"{name}.json")
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return json.load(f)


def compare(ours, published, as_of, only=None):
    """Compare the replay's results with tandoo's; return (differences, figures compared)."""
    diffs, compared = [], 0
    when = f"as of {as_of}" if as_of else "now"

    def differ(where, what, mine, theirs):
        diffs.append(f"{when}: {where}: {what}: verifier {mine}, tandoo {theirs}")

    national = published.status(as_of)
    if national is not None:
        mine = ours.national()
        for field in ("men", "women", "took_part"):
            compared += 1
            if mine[field] != national.get(field):
                differ("national", field, mine[field], national.get(field))
        for standing in ("elected", "allocated", "leading"):
            compared += 1
            theirs = national.get("seat_count", {}).get(standing)
            if mine["seat_count"][standing] != theirs:
                differ("national", f"seats {standing}", mine["seat_count"][standing], theirs)
        compared += 1
        if mine["met"] != national.get("gender_check", {}).get("met"):
            differ("national", "gender check met", mine["met"], national.get("gender_check", {}).get("met"))
        published_by_number = {c["constituency"]: c for c in national.get("constituencies", [])}
        for number, holder in sorted(mine["constituencies"].items()):
            theirs = published_by_number.get(number)
            compared += 1
            if theirs is None:
                differ(f"constituency {number}", "listed nationally", "yes", "no")
                continue
            if holder["election"] != theirs.get("election"):
                differ(f"constituency {number}", "election holding the seats", holder["election"], theirs.get("election"))
            names = [(h["name"], h.get("latin_name")) for h in theirs.get("holders", [])]
            for seat in range(max(len(names), len(holder["names"]))):
                compared += 1
                a = holder["names"][seat] if seat < len(holder["names"]) else None
                b = names[seat] if seat < len(names) else None
                if a != b:
                    differ(f"constituency {number}", f"seat {seat + 1}", _name(a), _name(b))
            if theirs.get("seat_standing") != holder["standing"] and holder["names"]:
                differ(f"constituency {number}", "seat standing", holder["standing"], theirs.get("seat_standing"))
    for number in sorted(ours.constituencies):
        if only is not None and number not in only:
            continue
        theirs = published.status(as_of, number)
        if theirs is None:
            continue
        for where, what, mine_value, their_value in ours.compare_constituency(number, theirs):
            compared += 1
            if mine_value != their_value:
                differ(where, what, mine_value, their_value)
    return diffs, compared


def _name(pair):
    if pair is None:
        return "nobody"
    return pair[1] or pair[0]


# ---------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Verify a tandoo export: hashes, links, the signed checkpoint, and every "
        "result recomputed from the acts and compared with tandoo's status.")
    parser.add_argument("export", help="the record as `tandoo export` writes it (JSON Lines)")
    parser.add_argument("--checkpoint", help="a signed checkpoint, such as DIR/log/checkpoint of `tandoo publish`")
    parser.add_argument("--key", help="the log's public key as `tandoo key show` prints it (or a file holding it)")
    parser.add_argument("--as-of", action="append", default=[], metavar="YYYY-MM-DD",
                        help="also compare the state at the end of this legal date (repeatable); 'now' is always compared")
    parser.add_argument("--status-dir", action="append", default=[], metavar="[DATE=]DIR",
                        help="tandoo's status as files national.json and N.json (`tandoo status --json`), for now or DATE")
    parser.add_argument("--api", help="a tandoo server to read GET /api/status from, such as http://127.0.0.1:8080")
    parser.add_argument("--proofs", metavar="DIR",
                        help="tandoo's proofs of every station (`tandoo prove` without --station), held to the replay; needs --key")
    parser.add_argument("--stations", metavar="FILE", help="write each station's accepted figures, as recomputed, as JSON Lines")
    parser.add_argument("--quiet", action="store_true", help="print only differences and the verdict")
    args = parser.parse_args(argv)
    if args.proofs and not args.key:
        parser.error("--proofs needs --key")
    say = (lambda *a: None) if args.quiet else print

    key_text = args.key
    if key_text and os.path.exists(key_text):
        with open(key_text, encoding="utf-8") as f:
            key_text = f.read()
    try:
        entries, withheld = read_export(args.export)
        say(f"record: {len(entries)} entries, every hash and link verified"
            + (f" ({withheld} withheld entries linked, not hashed)" if withheld else "")
            + (f"; head {entries[-1]['seq']} {entries[-1]['hash']}" if entries else ""))
        if args.checkpoint:
            if not args.key:
                parser.error("--checkpoint needs --key")
            with open(args.checkpoint, encoding="utf-8") as f:
                checkpoint = f.read()
            origin, size = check_log(entries, checkpoint, key_text)
            say(f"log: checkpoint of {origin} signed by the key; the Merkle root of entries 1..{size} matches")
    except (Failure, OSError) as error:
        print(f"FAILED: {error}")
        return 1

    sources = {}
    for item in args.status_dir:
        date, _, directory = item.rpartition("=")
        sources[date or None] = Published(directory=directory)
    if args.api:
        for date in [None] + args.as_of:
            sources.setdefault(date, Published(api=args.api))

    dates = [None] + [d for d in args.as_of if d]
    for date in sources:
        if date not in dates:
            dates.append(date)
    all_diffs, compared, problems = [], 0, []
    for date in dates:
        try:
            replay = Replay(entries, as_of=date)
        except ReplayError as error:
            print(f"FAILED: {error}")
            return 1
        problems += [f"{'as of ' + date if date else 'now'}: {p}" for p in replay.problems]
        summary = replay.summary()
        say(f"{'as of ' + date if date else 'now'}: {summary}")
        if args.stations and date is None:
            with open(args.stations, "w", encoding="utf-8") as out:
                for row in replay.station_rows():
                    out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        if date in sources:
            diffs, n = compare(replay, sources[date], date)
            all_diffs += diffs
            compared += n
        if args.proofs and date is None:
            try:
                key = parse_public_key(key_text)
            except Failure as error:
                print(f"FAILED: {error}")
                return 1
            checked, findings = check_proofs(args.proofs, entries, replay, key, read_checkpoint,
                                             entry_hash, leaf_hash)
            say(f"proofs: {checked} station proofs checked against the replay")
            all_diffs += [f"now: {f}" for f in findings]
            compared += checked
    for line in problems + all_diffs:
        print(f"DIFFERENCE {line}" if line in all_diffs else f"PROBLEM {line}")
    if problems or all_diffs:
        print(f"FAILED: {len(problems)} problems in the record, {len(all_diffs)} differences from tandoo")
        return 1
    if sources or args.proofs:
        print(f"AGREES: {compared} figures, seats and station proofs compared with tandoo's, no difference")
    else:
        print("VERIFIED (no published status given to compare with)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

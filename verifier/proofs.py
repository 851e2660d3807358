"""Checks tandoo's proofs of one station (docs/log.md, "Proofs of one station") against the replay.

A proof names, for each election a station voted in, the `protocol_accepted` act of its
latest accepted version with the operators' entries, each with its RFC 9162 inclusion path
in the signed checkpoint's tree. The verifier checks each proof on its own (signature, hashes,
paths) and then holds it to its own replay of the export: the entries must be the export's
entries of the same number, and the accepted protocol the one the replay finds latest. So a
station-level difference between what tandoo proves and what the record says is named.
"""

import hashlib
import json
import os


def verify_inclusion(index, size, leaf, path, root):
    """RFC 9162 §2.1.3.2: does `path` lead from leaf `index` of a tree of `size` to `root`?"""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def check_proofs(directory, entries, replay, key, read_checkpoint, entry_hash, leaf_hash):
    """(stations checked, [difference or failure, …]) for every proof file in `directory`."""
    findings, checked = [], 0
    verified = {}

    def read_once(text, key_):
        # Every proof of one publication carries the same checkpoint: check its signature once.
        if text not in verified:
            verified[text] = read_checkpoint(text, key_)
        return verified[text]

    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            continue
        checked += 1
        try:
            findings += _check_one(path, entries, replay, key, read_once, entry_hash, leaf_hash)
        except Exception as error:  # a malformed proof is a finding, not a crash
            findings.append(f"proof {name}: cannot be read ({error})")
    return checked, findings


def _check_one(path, entries, replay, key, read_checkpoint, entry_hash, leaf_hash):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        proof = json.load(f)
    if proof.get("format") != "tandoo-proof" or proof.get("version") != 1:
        return [f"proof {name}: not a tandoo proof of format version 1"]
    subject = proof["subject"]
    where = f"station {subject['station']}, constituency {subject.get('constituency')}"
    _, size, root = read_checkpoint(proof["checkpoint"], key)
    findings = []
    proved = {}
    for item in proof["entries"]:
        entry = item["entry"]
        seq = entry["seq"]
        if entry_hash(entry) != entry["hash"]:
            findings.append(f"{where}: proof {name}: entry {seq}'s hash is not the SHA-256 of its content")
            continue
        inclusion = [bytes.fromhex(h) for h in item["inclusion"]]
        if not verify_inclusion(seq - 1, size, leaf_hash(entry), inclusion, root):
            findings.append(f"{where}: proof {name}: entry {seq} is not in the checkpoint's tree")
        if seq > len(entries) or entries[seq - 1]["hash"] != entry["hash"]:
            findings.append(f"{where}: proof {name}: entry {seq} is not the export's entry {seq}")
        act = entry["act"]
        if act.get("type") == "protocol_accepted":
            k = act["key"]
            proved[(k["election"], k["station"], k["constituency"])] = (act["version"], act["figures"], seq)
    for key_, history in replay.accepted.items():
        if key_[1] != subject["station"] or (subject.get("constituency") not in (None, key_[2])):
            continue
        if entries and history[-1][2] > proof_size(proof):
            continue  # accepted after the checkpoint the proof leads to
        mine = history[-1]
        theirs = proved.get(key_)
        label = f"station {key_[1]}, constituency {key_[2]}, {key_[0]}"
        if theirs is None:
            findings.append(f"{label}: the replay accepts version {mine[0]}, tandoo's proof names none")
        elif theirs[0] != mine[0] or theirs[2] != mine[2]:
            findings.append(f"{label}: accepted version: verifier {mine[0]} (entry {mine[2]}), "
                            f"tandoo {theirs[0]} (entry {theirs[2]})")
        elif theirs[1] != mine[1]:
            findings.append(f"{label}: the accepted figures differ from tandoo's proof")
    for key_ in proved:
        if key_ not in replay.accepted:
            findings.append(f"station {key_[1]}, constituency {key_[2]}, {key_[0]}: tandoo proves an "
                            "accepted protocol the replay does not find")
    return findings


def proof_size(proof):
    return int(proof["checkpoint"].split("\n")[1])

"""The count of one candidate contest, as docs/allocate.md and docs/rules.md state it.

Candidates whose results stand are ranked by votes; ties are placed by registration order
(the earlier registered first) or by the lot of docs/allocate.md ("Ties and lots":
FNV-1a of the seed, a zero byte and the id, then SplitMix64; the lowest number first). Seats
are taken from the top, passing over a candidate whose gender already has `max_per_gender`
seats (R-SEAT-GENDER-CAP); "against all" makes the contest fail when it has more votes than
the leader or the last elected, as the rule set says (R-SEAT-AGAINST-ALL). Integers only.
"""

MASK = (1 << 64) - 1


def lot_number(seed, candidate):
    h = 0xCBF29CE484222325
    for byte in seed.encode("utf-8") + b"\x00" + candidate.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & MASK
    z = (h + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def allocate(rules, seats, standing, votes, totals, seed):
    """The count: {"status": elected|failed|runoff, "elected", "ranking", "reason", "ties"}."""
    lot = rules.get("tie_break") == "lot"

    def place(c):
        # Votes first; between equal votes the tie rule (R-SEAT-TIE).
        second = lot_number(seed, c["id"]) if lot and seed is not None else c["registered"]
        return (-votes[c["id"]], second)

    ranked = sorted(standing, key=place)
    ranking = [c["id"] for c in ranked]
    out = {"status": "elected", "elected": [], "ranking": ranking, "reason": None, "ties": []}
    if not ranked:
        out.update(status="failed", reason="no_candidates")
        return out
    method = rules.get("method")
    if method == "two_round":
        base = totals["took_part"] or sum(votes[c] for c in ranking)
        if 2 * votes[ranking[0]] > base:
            out["elected"] = ranking[:1]
        else:
            out.update(status="runoff", reason="no_majority")
        return out
    if method == "plurality":
        seats = 1
    cap = rules.get("max_per_gender")
    taken, passed = {}, []
    for c in ranked:
        if len(out["elected"]) == seats:
            break
        if cap is not None and taken.get(c["gender"], 0) >= cap:
            passed.append(c["id"])
            continue
        taken[c["gender"]] = taken.get(c["gender"], 0) + 1
        out["elected"].append(c["id"])
    if len(out["elected"]) < seats and passed:
        out.update(status="failed", elected=[], reason="single_gender")
        return out
    # A tie decides something when equal votes straddle the elected and the not elected.
    elected = set(out["elected"])
    for c in ranked:
        tied = [d["id"] for d in ranked if votes[d["id"]] == votes[c["id"]]]
        if len(tied) > 1 and any(t in elected for t in tied) and any(t not in elected for t in tied):
            if tied not in out["ties"]:
                out["ties"].append(tied)
    if out["ties"] and lot and seed is None:
        out.update(status="failed", elected=[], reason="missing_seed")
        return out
    if rules.get("against_all_on_ballot"):
        rule = rules.get("against_all_rule", "beats_leader")
        compared = None
        if rule == "beats_leader":
            compared = ranking[0]
        elif rule == "beats_last_elected" and out["elected"]:
            compared = out["elected"][-1]
        if compared is not None and totals["against_all"] > votes[compared]:
            out.update(status="failed", elected=[], reason="against_all_wins")
    return out

"""Replays a tandoo record's acts to recompute every station's figures and every seat.

Written from docs/acts.md (what each act and effect means), docs/rules.md and docs/allocate.md
(the Jogorku Kenesh 2025 rules: the top three by votes, at most two of one gender, "against
all", ties by registration order or by a recorded lot), not from tandoo's code. The state as
of a date holds the acts with a legal date up to that day; an effect holds while its
resolution is adopted and not rescinded by a resolution in force.
"""

from count import allocate


class ReplayError(Exception):
    """The record holds an act the verifier cannot read: it cannot replay it."""


def _cite(citation):
    return (citation["commission"], citation["year"], citation["number"])


class Replay:
    def __init__(self, entries, as_of=None):
        self.as_of = as_of
        self.problems = []
        self.constituencies = {}
        self.stations = {}
        self.elections = {}
        self.candidates = {}
        self.entered = {}      # (election, station, constituency, version) -> {entry: figures}
        self.accepted = {}     # (election, station, constituency) -> [(version, figures, seq)]
        self.resolutions = []  # in record order
        for entry in entries:
            if entry.get("withheld"):
                continue  # an open round's entry: its figures are not shown and count for nothing yet
            if as_of and entry["legal_date"] > as_of:
                continue
            act = entry["act"]
            handler = getattr(self, "_" + str(act.get("type")), None)
            if handler is None:
                continue  # casework, meetings, incidents, fees: no figure or seat depends on them
            try:
                handler(entry["seq"], act)
            except (KeyError, TypeError, ValueError) as error:
                raise ReplayError(f"entry {entry['seq']}: the {act.get('type')} act lacks or misstates {error}")
        self._resolve_effects()

    def problem(self, seq, text):
        self.problems.append(f"entry {seq}: {text}")

    # --- acts ------------------------------------------------------------------------------

    def _constituency_defined(self, seq, act):
        self.constituencies[act["number"]] = {"seats": act["seats"], "name": act["name"]}

    def _station_defined(self, seq, act):
        self.stations[act["number"]] = {"constituency": act["constituency"], "voters": act["voters"]}

    def _election_called(self, seq, act):
        self.elections[act["id"]] = {
            "id": act["id"], "kind": act["kind"], "repeat_of": act.get("repeat_of"),
            "rule_set": act.get("rule_set"), "form": act.get("form"), "voting_day": act["voting_day"],
            "constituencies": set(act["constituencies"]), "seq": seq, "called_by": None}

    def _candidate_nominated(self, seq, act):
        self.candidates[act["id"]] = {
            "id": act["id"], "name": act["name"], "latin_name": act.get("latin_name"),
            "gender": act["gender"], "election": act["election"], "constituency": act["constituency"],
            "registered": None, "out": False}

    def _candidate_registered(self, seq, act):
        candidate = self.candidates.get(act["candidate"])
        if candidate is None:
            return self.problem(seq, f"registers the unknown candidate {act['candidate']}")
        candidate["registered"] = seq  # registration order breaks ties (R-SEAT-TIE)

    def _registration_refused(self, seq, act):
        if act["candidate"] in self.candidates:
            self.candidates[act["candidate"]]["out"] = True

    def _candidate_withdrawn(self, seq, act):
        if act["candidate"] in self.candidates:
            self.candidates[act["candidate"]]["out"] = True

    def _protocol_entered(self, seq, act):
        key = _key(act["key"])
        entries = self.entered.setdefault(key + (act["version"],), {})
        if act["entry"] in entries:
            self.problem(seq, f"entry {act['entry']} of {_show(key)} version {act['version']} is entered twice")
        entries[act["entry"]] = act["figures"]

    def _protocol_accepted(self, seq, act):
        key, version, figures = _key(act["key"]), act["version"], act["figures"]
        where = f"{_show(key)} version {version}"
        history = self.accepted.setdefault(key, [])
        expected = history[-1][0] + 1 if history else 1
        if version != expected:
            self.problem(seq, f"{where} is accepted, but the next version to accept is {expected}")
        # Double entry (R-PROT-DOUBLE-ENTRY, R-PROT-SETTLE): the accepted figures are those of the
        # entries named, two that agree, or the one a supervisor kept.
        made = self.entered.get(key + (version,), {})
        named = act.get("entries", [])
        if len(named) < (1 if act.get("settled_by") else 2):
            self.problem(seq, f"{where} is accepted from {len(named)} entries without a supervisor's settlement")
        for number in named:
            if number not in made:
                self.problem(seq, f"{where} names entry {number}, which the record does not hold")
            elif made[number] != figures:
                self.problem(seq, f"{where}: the accepted figures are not those of entry {number}")
        self._check_relations(seq, key, where, figures)
        history.append((version, figures, seq))

    def _check_relations(self, seq, key, where, figures):
        election = self.elections.get(key[0])
        form = self._original(election)["form"] if election else None
        if election is None or key[1] not in self.stations:
            return self.problem(seq, f"{where}: its election or station is not in the record")
        lines = figures.get("lines", {})
        for number, votes in figures.get("candidates", {}).items():
            candidate = self.candidates.get(number)
            if candidate is None or (candidate["election"], candidate["constituency"]) != (key[0], key[2]):
                self.problem(seq, f"{where}: {number} is not a candidate of this contest")
            if not isinstance(votes, int) or votes < 0:
                self.problem(seq, f"{where}: the votes of {number} are not a whole number")
        for code, value in lines.items():
            if not isinstance(value, int) or value < 0:
                self.problem(seq, f"{where}: line {code} is not a whole number")

        def side(terms):
            total = 0
            for term in terms:
                if term == "candidates":
                    total += sum(figures.get("candidates", {}).values())
                elif term == "AA":
                    total += figures.get("against_all", 0)
                else:
                    total += lines.get(term, 0)
            return total

        for relation in (form or {}).get("relations", []):
            if relation.get("severity") != "error":
                continue  # a warning may stand once acknowledged
            rule = relation.get("rule")
            if rule == "equal" and side(relation["left"]) != side(relation["right"]):
                self.problem(seq, f"{where}: the accepted figures break {relation['code']} ({relation.get('description')})")
            if rule == "at_most" and side(relation["left"]) > side(relation["right"]):
                self.problem(seq, f"{where}: the accepted figures break {relation['code']} ({relation.get('description')})")

    def _resolution_voted(self, seq, act):
        self.resolutions.append({
            "seq": seq, "commission": act["commission"], "adopted": bool(act["adopted"]),
            "number": _cite(act["number"]) if act.get("number") else None,
            "effects": act.get("effects", [])})
        if act["adopted"]:
            for effect in act.get("effects", []):
                if effect["effect"] == "call_repeat_election":
                    original = self.elections.get(effect["repeat_of"])
                    if original is None:
                        self.problem(seq, f"repeats the unknown election {effect['repeat_of']}")
                        continue
                    # A repeat election keeps the rules and form of the one it repeats (R-ELEC-REPEAT).
                    self.elections[effect["election"]] = {
                        "id": effect["election"], "kind": "repeat", "repeat_of": effect["repeat_of"],
                        "rule_set": None, "form": None, "voting_day": effect["voting_day"],
                        "constituencies": {effect["constituency"]}, "seq": seq,
                        "called_by": len(self.resolutions) - 1}

    # --- resolutions in force (R-RES-IN-FORCE) ---------------------------------------------

    def _resolve_effects(self):
        by_citation = {r["number"]: i for i, r in enumerate(self.resolutions) if r["number"]}
        rescinders = {}
        for i, resolution in enumerate(self.resolutions):
            for effect in resolution["effects"]:
                if effect["effect"] == "rescind":
                    target = by_citation.get(_cite(effect["resolution"]))
                    if target is None:
                        self.problem(resolution["seq"], "rescinds a resolution the record does not hold")
                    else:
                        rescinders.setdefault(target, []).append(i)
        memo = {}

        def in_force(i):
            # A rescinder always comes later in the record, so the recursion ends.
            if i not in memo:
                memo[i] = self.resolutions[i]["adopted"] and not any(
                    in_force(j) for j in rescinders.get(i, []) if j > i)
            return memo[i]

        for i in range(len(self.resolutions) - 1, -1, -1):
            in_force(i)
        self.in_force = [in_force(i) for i in range(len(self.resolutions))]
        self.annulled_stations, self.votes_annulled, self.registration_annulled = set(), set(), set()
        self.validity, self.cancelled, self.recognised, self.ended, self.seeds = {}, set(), {}, [], {}
        for i, resolution in enumerate(self.resolutions):
            if not self.in_force[i]:
                continue
            for effect in resolution["effects"]:
                kind = effect["effect"]
                if kind == "annul_station_result":
                    self.annulled_stations.add((effect["election"], effect["station"], effect["constituency"]))
                elif kind == "annul_candidate_votes":
                    self.votes_annulled.update(effect["candidates"])
                elif kind == "annul_registration":
                    self.registration_annulled.update(effect["candidates"])
                elif kind in ("declare_invalid", "declare_valid"):
                    self.validity[(effect["election"], effect["constituency"])] = kind
                elif kind == "cancel_election":
                    self.cancelled.add(effect["election"])
                elif kind == "recognise_elected":
                    self.recognised[(effect["election"], effect["constituency"])] = list(effect["candidates"])
                elif kind == "end_mandate":
                    self.ended.append((effect["election"], effect["constituency"], effect["candidate"]))
                elif kind == "draw_lot":
                    self.seeds[(effect["election"], effect["constituency"])] = effect["seed"]
        for election in self.elections.values():
            # A repeat election whose calling resolution is no longer in force is cancelled.
            if election["called_by"] is not None and not self.in_force[election["called_by"]]:
                self.cancelled.add(election["id"])

    # --- results ---------------------------------------------------------------------------

    def _original(self, election):
        seen = set()
        while election["rule_set"] is None and election["repeat_of"] in self.elections:
            if election["id"] in seen:
                break
            seen.add(election["id"])
            election = self.elections[election["repeat_of"]]
        return election

    def main_election(self):
        firsts = [e for e in self.elections.values() if e["kind"] in ("regular", "early")]
        return min(firsts, key=lambda e: (e["voting_day"], e["seq"]))["id"] if firsts else None

    def holding_election(self, constituency):
        """The latest election in force held in the constituency (R-SEAT-REPEAT-HOLDS)."""
        held = [e for e in self.elections.values() if constituency in e["constituencies"]]
        if not held:
            return None
        standing = [e for e in held if e["id"] not in self.cancelled] or held
        return max(standing, key=lambda e: e["seq"])["id"]

    def counted(self, election, constituency):
        """The latest accepted version of each protocol of the contest, and whether it counts."""
        rows = []
        for key, history in self.accepted.items():
            if key[0] == election and key[2] == constituency:
                rows.append((key, history[-1], key not in self.annulled_stations))
        return rows

    def contest(self, election_id, constituency):
        """The totals and the seats of one election in one constituency."""
        election = self.elections[election_id]
        original = self._original(election)
        rules, form = original["rule_set"], original["form"]
        roles = form["roles"]
        totals = {"stations_counted": 0, "took_part": 0, "turnout": 0, "against_all": 0, "invalid_ballots": 0}
        votes = {}
        reported = set()
        for key, (version, figures, seq), counts in self.counted(election_id, constituency):
            reported.add(key[1])
            if not counts:
                continue
            lines = figures.get("lines", {})
            totals["stations_counted"] += 1
            totals["took_part"] += sum(lines.get(code, 0) for code in roles["took_part"])
            totals["turnout"] += sum(lines.get(code, 0) for code in roles.get("turnout") or roles["took_part"])
            totals["against_all"] += figures.get("against_all", 0)
            totals["invalid_ballots"] += lines.get(roles["invalid"], 0)
            for candidate, n in figures.get("candidates", {}).items():
                votes[candidate] = votes.get(candidate, 0) + n
        own = {n for n, s in self.stations.items() if s["constituency"] == constituency}
        totals["stations"] = len(own)
        everyone = [c for c in self.candidates.values()
                    if c["election"] == election_id and c["constituency"] == constituency]
        for c in everyone:
            votes.setdefault(c["id"], 0)
        standing = [c for c in everyone if c["registered"] is not None and not c["out"]
                    and c["id"] not in self.registration_annulled and c["id"] not in self.votes_annulled]
        result = {"election": election_id, "constituency": constituency, "totals": totals, "votes": votes,
                  "seats": [], "standing": None, "state": None}
        seats = self.constituencies.get(constituency, {}).get("seats", 0)
        if election_id in self.cancelled:
            result["state"] = "cancelled"
            return result
        if self.validity.get((election_id, constituency)) == "declare_invalid":
            result["state"] = "invalid"
            return result
        count = None
        if totals["stations_counted"]:
            count = allocate(rules, seats, standing, votes, totals,
                             self.seeds.get((election_id, constituency)))
            result["count"] = count
        recognised = self.recognised.get((election_id, constituency))
        if recognised is not None:
            result["seats"] = self._succeed(recognised, election_id, constituency, count)
            result["standing"] = result["state"] = "elected"
        elif count is None:
            result["state"] = "awaiting_protocols"
        elif count["status"] != "elected":
            result["state"] = "count_failed"
        else:
            result["seats"] = count["elected"]
            result["standing"] = "allocated" if own <= reported else "leading"
            result["state"] = result["standing"]
        return result

    def _succeed(self, recognised, election, constituency, count):
        """A mandate ended early passes to the next of the same gender, else of the other (R-SEAT-VACANCY)."""
        seats = list(recognised)
        ranking = count["ranking"] if count else []
        gone = set()
        for e, c, candidate in self.ended:
            if (e, c) != (election, constituency) or candidate not in seats:
                continue
            gone.add(candidate)
            gender = self.candidates[candidate]["gender"]
            waiting = [r for r in ranking if r not in seats and r not in gone]
            same = [r for r in waiting if self.candidates[r]["gender"] == gender]
            heir = (same or waiting or [None])[0]
            index = seats.index(candidate)
            if heir is None:
                del seats[index]
            else:
                seats[index] = heir
        return seats

    # --- what the verifier shows and compares ----------------------------------------------

    def national(self):
        main = self.main_election()
        rules = self._original(self.elections[main])["rule_set"] if main else {}
        out = {"seat_count": {"elected": 0, "allocated": 0, "leading": 0}, "men": 0, "women": 0,
               "took_part": 0, "constituencies": {}}
        covered = sorted(self.elections[main]["constituencies"]) if main else []
        for number in covered:
            held = self.holding_election(number)
            contest = self.contest(held, number)
            names = [(self.candidates[c]["name"], self.candidates[c]["latin_name"]) for c in contest["seats"]]
            for c in contest["seats"]:
                out["men" if self.candidates[c]["gender"] == "M" else "women"] += 1
            out["took_part"] += contest["totals"]["took_part"]
            if contest["standing"]:
                out["seat_count"][contest["standing"]] += len(contest["seats"])
            out["constituencies"][number] = {"election": held, "names": names, "standing": contest["standing"]}
        minimum = rules.get("national_min_per_gender")
        # Without a national minimum there is no national check (tandoo shows none).
        out["met"] = None if minimum is None else (out["men"] >= minimum and out["women"] >= minimum)
        return out

    def compare_constituency(self, number, theirs):
        """(where, what, verifier's value, tandoo's value) for each figure of a constituency's status."""
        held = self.holding_election(number)
        where = f"constituency {number}"
        yield where, "election holding the seats", held, theirs.get("election")
        # The deciding contest is shown twice, on its own and among the elections: both count.
        shown_contests = list(theirs.get("elections", []))
        if theirs.get("contest"):
            shown_contests.append(theirs["contest"])
        for shown in shown_contests:
            election = shown.get("election")
            if election not in self.elections:
                yield where, f"election {election} in the record", False, True
                continue
            mine = self.contest(election, number)
            for c in shown.get("candidates", []):
                yield f"{where}, {election}, candidate {c['id']}", "votes", mine["votes"].get(c["id"]), c.get("votes")
            ids_mine = sorted(mine["votes"])
            ids_theirs = sorted(c["id"] for c in shown.get("candidates", []))
            yield f"{where}, {election}", "candidates", ids_mine, ids_theirs
            for field in ("stations_counted", "took_part", "against_all", "invalid_ballots"):
                if field in shown:
                    yield f"{where}, {election}", field, mine["totals"][field], shown[field]
            if "turnout" in shown:
                yield f"{where}, {election}", "turnout voted", mine["totals"]["turnout"], shown["turnout"].get("voted")
        contest = theirs.get("contest") or {}
        mine = self.contest(held, number) if held else {"seats": [], "standing": None}
        for standing in ("elected", "allocated", "leading"):
            ours = mine["seats"] if mine["standing"] == standing else []
            their_seats = contest.get(standing, theirs.get(standing, []))
            their_ids = [s if isinstance(s, str) else s.get("id") for s in their_seats]
            for seat in range(max(len(ours), len(their_ids))):
                a = ours[seat] if seat < len(ours) else None
                b = their_ids[seat] if seat < len(their_ids) else None
                yield f"{where}, {held}", f"{standing} seat {seat + 1}", a, b

    def station_rows(self):
        for key in sorted(self.accepted):
            version, figures, seq = self.accepted[key][-1]
            yield {"election": key[0], "station": key[1], "constituency": key[2], "version": version,
                   "accepted_in": seq, "counted": key not in self.annulled_stations, "figures": figures}

    def summary(self):
        counted = sum(1 for key in self.accepted if key not in self.annulled_stations)
        national = self.national() if self.main_election() else None
        seats = national["seat_count"] if national else {}
        return (f"{len(self.accepted)} protocols accepted, {counted} counted; seats "
                + ", ".join(f"{n} {s}" for s, n in seats.items()))


def _key(key):
    return (key["election"], key["station"], key["constituency"])


def _show(key):
    return f"protocol of station {key[1]} for constituency {key[2]} in {key[0]}"

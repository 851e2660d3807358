//! The state's invariants, checked from scratch: the running figures `apply` keeps
//! incrementally (a contest's tally, the protocols it has reported, the preliminary totals,
//! each constituency's roll) must equal what the acts give when recomputed, and every index
//! must point at something the state holds.
//!
//! `apply` never calls this: it would cost a full pass per act. The random-story tests call
//! it after every act, and `tandoo verify` once at the end of a replay, so that a drift of an
//! incremental figure (a rescission that does not put an annulled protocol back, a correction
//! counted twice) is caught where it starts, not as a wrong result later.

use super::{Contest, PreliminaryTally, Roll, State, Tally};
use crate::ids::{CandidateId, ConstituencyNo, ElectionId, RequestId, ResolutionRef, StationId};
use crate::protocol::ProtocolKey;
use crate::resolution::ResolutionKey;
use std::collections::BTreeMap;

/// A running figure that can drift from what the acts give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunningFigure {
    /// The sum of the counted protocols' lines, votes and "against all".
    Tally,
    /// The protocols accepted at least once.
    ProtocolsReported,
    /// The sum of the ballot-counting boxes' figures.
    PreliminaryTally,
}

/// An index of the state, named for what it maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Index {
    Candidacies,
    Ballots,
    Protocols,
    Contests,
    ResolutionNumbers,
    Rescissions,
    CandidateResolutions,
    ElectionResolutions,
    ContestResolutions,
    Annulments,
    Stations,
    Commissions,
    Elections,
    Requests,
    Answers,
    ComplaintDecisions,
}

/// What an index points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Candidate(CandidateId),
    Election(ElectionId),
    Constituency(ConstituencyNo),
    Station(StationId),
    Resolution(ResolutionKey),
    ResolutionNumber(ResolutionRef),
    Commission(crate::ids::CommissionId),
    Complaint(crate::ids::ComplaintId),
    Request(RequestId),
}

/// An invariant the state breaks. Each is a defect of `apply` (or of a record edited by
/// hand), never a user's mistake.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvariantBroken {
    #[error(
        "the {figure:?} of election {election}, constituency {constituency}, differs from its recomputation from the protocols"
    )]
    RunningFigureDiffers {
        figure: RunningFigure,
        election: ElectionId,
        constituency: ConstituencyNo,
    },
    #[error(
        "the protocol of station {} for constituency {} in election {} is {} its contest's tally, but should {}",
        .protocol.station, .protocol.constituency, .protocol.election,
        if *.counted { "in" } else { "not in" },
        if *.counted { "not be" } else { "be" }
    )]
    CountedMarkWrong {
        protocol: ProtocolKey,
        counted: bool,
    },
    #[error("the roll of constituency {constituency} differs from its stations")]
    RollDiffers { constituency: ConstituencyNo },
    #[error("the index {index:?} points at {target:?}, which the state does not hold as such")]
    Dangling { index: Index, target: Target },
}

impl InvariantBroken {
    pub fn code(&self) -> &'static str {
        match self {
            InvariantBroken::RunningFigureDiffers { .. } => "RUNNING_FIGURE_DIFFERS",
            InvariantBroken::CountedMarkWrong { .. } => "COUNTED_MARK_WRONG",
            InvariantBroken::RollDiffers { .. } => "ROLL_DIFFERS",
            InvariantBroken::Dangling { .. } => "INDEX_DANGLES",
        }
    }
}

impl State {
    /// Recomputes every running figure from the acts' results and checks every index.
    /// Returns the first invariant broken.
    pub fn check_invariants(&self) -> Result<(), InvariantBroken> {
        self.check_contests()?;
        self.check_rolls()?;
        self.check_candidates()?;
        self.check_resolutions()?;
        self.check_structure()?;
        self.check_casework()
    }

    /// A contest's tally is the sum of the latest version of every protocol accepted and not
    /// annulled by a resolution in force; it reports every protocol accepted at least once.
    ///
    /// The recomputation borrows the contests' keys rather than cloning one per protocol,
    /// and figures are compared without building maps: the random-story tests run this
    /// after every act.
    fn check_contests(&self) -> Result<(), InvariantBroken> {
        let mut recounted: BTreeMap<(&ElectionId, ConstituencyNo), Recount> = BTreeMap::new();
        for (key, slot) in &self.protocols {
            self.holds_election(Index::Protocols, &key.election)?;
            let counts =
                !slot.versions.is_empty() && self.first_in_force(&slot.annulled_by).is_none();
            if counts != slot.counted {
                return Err(InvariantBroken::CountedMarkWrong {
                    protocol: key.clone(),
                    counted: slot.counted,
                });
            }
            for annulment in &slot.annulled_by {
                self.holds_resolution(Index::Annulments, *annulment)?;
            }
            let latest = slot.latest();
            if latest.is_none() && slot.preliminary.is_none() {
                continue;
            }
            let recount = recounted
                .entry((&key.election, key.constituency))
                .or_default();
            if let Some(latest) = latest {
                recount.reported += 1;
                if counts {
                    recount.tally.add(&latest.figures);
                }
            }
            if let Some(figures) = &slot.preliminary {
                recount.preliminary.add(figures, true);
            }
        }
        for (key, contest) in &self.contests {
            self.holds_election(Index::Contests, &key.0)?;
            let differs = |figure| InvariantBroken::RunningFigureDiffers {
                figure,
                election: key.0.clone(),
                constituency: key.1,
            };
            let recount = recounted.remove(&(&key.0, key.1)).unwrap_or_default();
            if !same_tally(&contest.tally, &recount.tally) {
                return Err(differs(RunningFigure::Tally));
            }
            if contest.protocols_reported != recount.reported {
                return Err(differs(RunningFigure::ProtocolsReported));
            }
            if !same_preliminary(&contest.preliminary, &recount.preliminary) {
                return Err(differs(RunningFigure::PreliminaryTally));
            }
            self.check_contest_resolutions(contest)?;
        }
        // A protocol whose contest the state does not keep: a counted one is missing from a
        // tally, any other accepted one from the protocols reported.
        let orphan = |figure: RunningFigure| {
            recounted
                .iter()
                .find(|(_, recount)| match figure {
                    RunningFigure::Tally => recount.tally.protocols > 0,
                    _ => recount.reported > 0,
                })
                .map(
                    |((election, constituency), _)| InvariantBroken::RunningFigureDiffers {
                        figure,
                        election: (*election).clone(),
                        constituency: *constituency,
                    },
                )
        };
        if let Some(broken) =
            orphan(RunningFigure::Tally).or_else(|| orphan(RunningFigure::ProtocolsReported))
        {
            return Err(broken);
        }
        Ok(())
    }

    fn check_contest_resolutions(&self, contest: &Contest) -> Result<(), InvariantBroken> {
        let keys = contest
            .validity
            .iter()
            .map(|(key, _)| *key)
            .chain(contest.recognitions.iter().map(|(key, _)| *key))
            .chain(contest.mandates_ended.iter().map(|(key, _)| *key));
        for key in keys {
            self.holds_resolution(Index::ContestResolutions, key)?;
        }
        let candidates = contest
            .recognitions
            .iter()
            .flat_map(|(_, ids)| ids)
            .chain(contest.mandates_ended.iter().map(|(_, id)| id));
        for id in candidates {
            self.holds_candidate(Index::ContestResolutions, id)?;
        }
        Ok(())
    }

    /// A constituency's roll counts its stations and their voters.
    fn check_rolls(&self) -> Result<(), InvariantBroken> {
        // Stations, and so each constituency's recomputed list, come in number order.
        let mut rolls: BTreeMap<ConstituencyNo, Roll> = BTreeMap::new();
        for def in self.stations.values() {
            if !self.constituencies.contains_key(&def.constituency) {
                return Err(InvariantBroken::Dangling {
                    index: Index::Stations,
                    target: Target::Constituency(def.constituency),
                });
            }
            let roll = rolls.entry(def.constituency).or_default();
            roll.stations += 1;
            roll.voters += def.voters;
            roll.station_ids.push(def.number);
        }
        let empty = Roll::default();
        for number in rolls.keys().chain(self.rolls.keys()) {
            let kept = self.rolls.get(number).unwrap_or(&empty);
            let recomputed = rolls.get(number).unwrap_or(&empty);
            // The kept list is in the order the stations were defined, which is nearly always
            // number order already: sort a copy only when it is not.
            let same_ids = if kept.station_ids.is_sorted() {
                kept.station_ids == recomputed.station_ids
            } else {
                let mut ids = kept.station_ids.clone();
                ids.sort();
                ids == recomputed.station_ids
            };
            if kept.stations != recomputed.stations || kept.voters != recomputed.voters || !same_ids
            {
                return Err(InvariantBroken::RollDiffers {
                    constituency: *number,
                });
            }
        }
        Ok(())
    }

    /// Every candidacy and ballot names a candidate of that election and constituency, and
    /// every candidate is in both; what resolutions did to a candidate names resolutions.
    fn check_candidates(&self) -> Result<(), InvariantBroken> {
        let dangling = |index, id: &CandidateId| InvariantBroken::Dangling {
            index,
            target: Target::Candidate(id.clone()),
        };
        for ((election, person), id) in &self.candidacies {
            let candidate = self.holds_candidate(Index::Candidacies, id)?;
            if &candidate.nomination.election != election || &candidate.nomination.person != person
            {
                return Err(dangling(Index::Candidacies, id));
            }
        }
        let mut on_ballots = 0;
        for ((election, constituency), ids) in &self.ballots {
            for id in ids {
                let candidate = self.holds_candidate(Index::Ballots, id)?;
                if &candidate.nomination.election != election
                    || candidate.nomination.constituency != *constituency
                {
                    return Err(dangling(Index::Ballots, id));
                }
                on_ballots += 1;
            }
        }
        if on_ballots != self.candidates.len() || self.candidacies.len() != self.candidates.len() {
            let missing = self.candidates.values().find(|c| {
                self.candidacies
                    .get(&(c.nomination.election.clone(), c.nomination.person.clone()))
                    != Some(c.id())
            });
            let id = missing
                .or_else(|| self.candidates.values().next())
                .map(|c| c.id().clone())
                .unwrap_or_else(|| CandidateId::new(""));
            return Err(dangling(Index::Ballots, &id));
        }
        for candidate in self.candidates.values() {
            self.holds_election(Index::Candidacies, &candidate.nomination.election)?;
            let keys = candidate
                .registration_annulled_by
                .iter()
                .chain(&candidate.votes_annulled_by)
                .chain(&candidate.barred_by)
                .chain(&candidate.refunded_by);
            for key in keys {
                self.holds_resolution(Index::CandidateResolutions, *key)?;
            }
        }
        Ok(())
    }

    /// Every resolution number names the resolution that bears it; rescissions, calls and
    /// cancellations name resolutions the state holds.
    fn check_resolutions(&self) -> Result<(), InvariantBroken> {
        for (number, key) in &self.resolution_numbers {
            let bears = self
                .resolutions
                .get(key)
                .is_some_and(|r| r.voted.number.as_ref() == Some(number));
            if !bears {
                return Err(InvariantBroken::Dangling {
                    index: Index::ResolutionNumbers,
                    target: Target::ResolutionNumber(number.clone()),
                });
            }
        }
        for (key, resolution) in &self.resolutions {
            if resolution.key != *key || key.0 > self.seq {
                return Err(InvariantBroken::Dangling {
                    index: Index::Rescissions,
                    target: Target::Resolution(*key),
                });
            }
            for by in &resolution.rescinded_by {
                self.holds_resolution(Index::Rescissions, *by)?;
            }
        }
        for election in self.elections.values() {
            for key in election.called_by.iter().chain(&election.cancelled_by) {
                self.holds_resolution(Index::ElectionResolutions, *key)?;
            }
        }
        Ok(())
    }

    /// Elections cover constituencies the state holds; commissions name their parent and
    /// their constituency or station.
    fn check_structure(&self) -> Result<(), InvariantBroken> {
        for election in self.elections.values() {
            for number in &election.call.constituencies {
                if !self.constituencies.contains_key(number) {
                    return Err(InvariantBroken::Dangling {
                        index: Index::Elections,
                        target: Target::Constituency(*number),
                    });
                }
            }
            if let Some(original) = &election.call.repeat_of {
                self.holds_election(Index::Elections, original)?;
            }
        }
        for def in self.commissions.values() {
            let dangling = |target| InvariantBroken::Dangling {
                index: Index::Commissions,
                target,
            };
            if let Some(parent) = &def.parent
                && !self.commissions.contains_key(parent)
            {
                return Err(dangling(Target::Commission(parent.clone())));
            }
            match &def.level {
                crate::commission::CommissionLevel::District { constituency }
                    if !self.constituencies.contains_key(constituency) =>
                {
                    return Err(dangling(Target::Constituency(*constituency)));
                }
                crate::commission::CommissionLevel::Precinct { station }
                    if !self.stations.contains_key(station) =>
                {
                    return Err(dangling(Target::Station(*station)));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Requests are about complaints, answers answer requests, decisions decide complaints.
    fn check_casework(&self) -> Result<(), InvariantBroken> {
        for (_, request) in self.requests.values() {
            if !self.complaints.contains_key(&request.about) {
                return Err(InvariantBroken::Dangling {
                    index: Index::Requests,
                    target: Target::Complaint(request.about.clone()),
                });
            }
        }
        for request in self.answers.keys() {
            if !self.requests.contains_key(request) {
                return Err(InvariantBroken::Dangling {
                    index: Index::Answers,
                    target: Target::Request(request.clone()),
                });
            }
        }
        for complaint in self.complaint_decisions.keys() {
            if !self.complaints.contains_key(complaint) {
                return Err(InvariantBroken::Dangling {
                    index: Index::ComplaintDecisions,
                    target: Target::Complaint(complaint.clone()),
                });
            }
        }
        Ok(())
    }

    fn holds_election(&self, index: Index, id: &ElectionId) -> Result<(), InvariantBroken> {
        if self.elections.contains_key(id) {
            Ok(())
        } else {
            Err(InvariantBroken::Dangling {
                index,
                target: Target::Election(id.clone()),
            })
        }
    }

    fn holds_candidate(
        &self,
        index: Index,
        id: &CandidateId,
    ) -> Result<&crate::candidate::Candidate, InvariantBroken> {
        self.candidates
            .get(id)
            .ok_or_else(|| InvariantBroken::Dangling {
                index,
                target: Target::Candidate(id.clone()),
            })
    }

    fn holds_resolution(&self, index: Index, key: ResolutionKey) -> Result<(), InvariantBroken> {
        if self.resolutions.contains_key(&key) {
            Ok(())
        } else {
            Err(InvariantBroken::Dangling {
                index,
                target: Target::Resolution(key),
            })
        }
    }
}

/// What the protocols of one contest give when summed afresh.
#[derive(Default)]
struct Recount {
    tally: Tally,
    reported: u32,
    preliminary: PreliminaryTally,
}

/// Tallies are equal when every non-zero figure is: taking a protocol out leaves its lines
/// and candidates in the running tally at zero, which a recomputation never lists.
fn same_tally(kept: &Tally, recomputed: &Tally) -> bool {
    kept.protocols == recomputed.protocols
        && kept.against_all == recomputed.against_all
        && same_nonzero(&kept.lines, &recomputed.lines)
        && same_nonzero(&kept.votes, &recomputed.votes)
}

fn same_preliminary(kept: &PreliminaryTally, recomputed: &PreliminaryTally) -> bool {
    kept.stations == recomputed.stations
        && kept.against_all == recomputed.against_all
        && same_nonzero(&kept.votes, &recomputed.votes)
}

/// Whether two maps of figures hold the same non-zero figures under the same keys.
fn same_nonzero<K: Ord>(a: &BTreeMap<K, u64>, b: &BTreeMap<K, u64>) -> bool {
    let nonzero = |(_, value): &(&K, &u64)| **value != 0;
    a.iter().filter(nonzero).eq(b.iter().filter(nonzero))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::AcceptedFigures;
    use crate::state::ProtocolSlot;

    fn counted_protocol(state: &mut State) -> ProtocolKey {
        let key = ProtocolKey {
            election: ElectionId::new("E"),
            station: StationId(1),
            constituency: ConstituencyNo(1),
        };
        state.elections.insert(
            key.election.clone(),
            crate::election::Election {
                call: crate::election::ElectionCall {
                    id: key.election.clone(),
                    name: "E".into(),
                    kind: crate::election::ElectionKind::Regular,
                    repeat_of: None,
                    voting_day: "2025-11-30".parse().unwrap(),
                    rule_set: crate::rules::RuleSet::jogorku_kenesh_2025(),
                    form: Default::default(),
                    constituencies: vec![],
                },
                called_by: None,
                cancelled_by: vec![],
            },
        );
        let figures = AcceptedFigures {
            lines: [("L10".to_string(), 5)].into(),
            candidates: [(CandidateId::new("A"), 5)].into(),
            against_all: 0,
        };
        let mut slot = ProtocolSlot::default();
        slot.versions.push(crate::state::ProtocolVersion {
            version: 1,
            seq: 1,
            date: "2025-11-30".parse().unwrap(),
            figures: figures.clone(),
            acknowledged: vec![],
            correction_reason: None,
            entries: vec![1, 2],
            settled_by: None,
        });
        slot.counted = true;
        state.protocols.insert(key.clone(), slot);
        let contest = state
            .contests
            .entry((key.election.clone(), key.constituency))
            .or_default();
        contest.tally.add(&figures);
        contest.protocols_reported = 1;
        key
    }

    #[test]
    fn a_tally_equal_to_its_counted_protocols_keeps_the_invariants() {
        let mut state = State::new();
        counted_protocol(&mut state);
        assert_eq!(state.check_invariants(), Ok(()));
    }

    #[test]
    fn a_tally_that_drifted_from_its_protocols_is_found() {
        let mut state = State::new();
        let key = counted_protocol(&mut state);
        let contest = state
            .contests
            .get_mut(&(key.election.clone(), key.constituency))
            .unwrap();
        *contest.tally.votes.get_mut(&CandidateId::new("A")).unwrap() += 1;
        assert_eq!(
            state.check_invariants().unwrap_err().code(),
            "RUNNING_FIGURE_DIFFERS"
        );
    }

    #[test]
    fn an_annulment_by_a_resolution_the_state_lacks_is_found() {
        let mut state = State::new();
        let key = counted_protocol(&mut state);
        state
            .protocols
            .get_mut(&key)
            .unwrap()
            .annulled_by
            .push(ResolutionKey(7));
        // Not in force, so still counted; but the index dangles.
        assert_eq!(
            state.check_invariants(),
            Err(InvariantBroken::Dangling {
                index: Index::Annulments,
                target: Target::Resolution(ResolutionKey(7)),
            })
        );
    }

    #[test]
    fn a_protocol_marked_counted_outside_its_tally_is_found() {
        let mut state = State::new();
        let key = counted_protocol(&mut state);
        state.protocols.get_mut(&key).unwrap().counted = false;
        assert_eq!(
            state.check_invariants().unwrap_err().code(),
            "COUNTED_MARK_WRONG"
        );
    }
}

//! Results computed from the state: a contest's count and seats (here), what a contest's
//! view shows (`contest`) and the marks of the count's steps (`marks`). Nothing here is
//! stored; every figure comes from the acts. Only candidates whose results stand are ranked
//! (R-SEAT-STANDING, R-CAND-BALLOT); the count itself is the count crate's; a
//! mandate ended early passes to a successor (R-SEAT-VACANCY).

mod contest;
mod late;
mod marks;

pub use contest::{
    CandidateView, ContestState, ContestView, CountDiscrepancy, LotView, PreliminaryLine,
    PreliminaryView, RuleSetName, SeatStanding, Turnout, TurnoutView, contest_status, contest_view,
};
pub use late::{LateAct, LateKind, late_acts};
pub use marks::SeatMark;

use crate::candidate::{Candidate, Standing};
use crate::date::LegalDate;
use crate::ids::{CandidateId, ConstituencyNo, ElectionId};
use crate::resolution::{Citation, Effect, Resolution};
use crate::state::{Contest, Lot, State};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};
use tandoo_count::{
    CandidateContest, CandidateOutcome, CandidateTally, ContestStatus, CountError, FailReason,
};

/// Runs the election's seat rule on the contest's current tally: the candidates whose
/// registration and votes stand, with their votes.
pub fn allocation(
    state: &State,
    election_id: &ElectionId,
    constituency: ConstituencyNo,
) -> Result<CandidateOutcome, AllocationError> {
    Ok(tandoo_count::allocate_candidates(&candidate_contest(
        state,
        election_id,
        constituency,
    )?)?)
}

/// The contest as the counting library sees it: the standing candidates with their votes
/// and the election's rules.
fn candidate_contest(
    state: &State,
    election_id: &ElectionId,
    constituency: ConstituencyNo,
) -> Result<CandidateContest, AllocationError> {
    let empty = Contest::default();
    let contest = state.contest(election_id, constituency).unwrap_or(&empty);
    let election = state
        .elections
        .get(election_id)
        .ok_or_else(|| AllocationError::NoElection(election_id.to_string()))?;
    let rules = &election.call.rule_set;
    let seats = state
        .constituencies
        .get(&constituency)
        .map_or(0, |c| c.seats);
    let order = registration_order(state, election_id, constituency);
    let candidates = standing_candidates(state, election_id, constituency)
        .map(|c| CandidateTally {
            id: c.id().to_string(),
            votes: contest.tally.votes.get(c.id()).copied().unwrap_or(0),
            gender: Some(c.nomination.gender),
            registered: order.get(c.id()).copied().unwrap_or(u64::MAX),
        })
        .collect();
    Ok(CandidateContest {
        method: rules.method,
        seats,
        candidates,
        against_all: rules
            .against_all_on_ballot
            .then_some(contest.tally.against_all),
        against_all_rule: rules.against_all_rule,
        max_per_gender: rules.max_per_gender,
        tie_break: rules.tie_break,
        seed: lot(state, contest).map(|lot| lot.seed.clone()),
        voters_took_part: Some(contest.tally.sum(&election.call.form.roles.took_part)),
    })
}

/// The lot in force for a contest: the latest one drawn by a resolution in force.
pub fn lot<'s>(state: &State, contest: &'s Contest) -> Option<&'s Lot> {
    state.last_in_force(&contest.lots).map(|(_, lot)| lot)
}

/// Each candidate's place in the order of registration, the tie rule's "registered first":
/// by the registration's legal date, and by the record's sequence only between
/// registrations of the same legal date.
pub fn registration_order(
    state: &State,
    election: &ElectionId,
    constituency: ConstituencyNo,
) -> BTreeMap<CandidateId, u64> {
    let mut registered: Vec<(LegalDate, u64, &CandidateId)> = state
        .ballots
        .get(&(election.clone(), constituency))
        .into_iter()
        .flatten()
        .filter_map(|id| {
            let candidate = state.candidates.get(id)?;
            let seq = candidate.registered_seq?;
            let date = state.dates.registered.get(id)?;
            Some((*date, seq, id))
        })
        .collect();
    registered.sort();
    registered
        .into_iter()
        .enumerate()
        .map(|(place, (_, _, id))| (id.clone(), place as u64))
        .collect()
}

/// The seats the count gives: the allocation, with every mandate ended by a resolution in
/// force passed on to the next candidate of the same gender (else the other). A cancelled
/// election, or one with no counted protocol, gives no seats.
pub fn computed_seats(
    state: &State,
    election_id: &ElectionId,
    constituency: ConstituencyNo,
) -> Result<Vec<CandidateId>, AllocationError> {
    let election = state
        .elections
        .get(election_id)
        .ok_or_else(|| AllocationError::NoElection(election_id.to_string()))?;
    if state.cancellation(election).is_some() {
        return Err(AllocationError::Cancelled);
    }
    if state
        .contest(election_id, constituency)
        .is_none_or(|c| c.tally.protocols == 0)
    {
        return Err(AllocationError::NothingCounted);
    }
    let outcome = allocation(state, election_id, constituency)?;
    if outcome.status != ContestStatus::Elected {
        return Err(AllocationError::Failed(outcome.reason));
    }
    let seats = outcome
        .elected
        .iter()
        .map(|id| CandidateId::new(id.as_str()))
        .collect();
    fill_vacancies(state, election_id, constituency, seats)
}

/// Passes each ended mandate (in record order) to its successor under the vacancy rule. The
/// one succession: the views and the check of a recognition both use it. Nobody whose
/// mandate ended succeeds to a seat again, whether `seats` still names them (the count's
/// allocation) or a later recognition already left them out.
pub fn fill_vacancies(
    state: &State,
    election_id: &ElectionId,
    constituency: ConstituencyNo,
    mut seats: Vec<CandidateId>,
) -> Result<Vec<CandidateId>, AllocationError> {
    let Some(contest) = state.contest(election_id, constituency) else {
        return Ok(seats);
    };
    let ended: Vec<&CandidateId> = contest
        .mandates_ended
        .iter()
        .filter(|(key, _)| state.in_force(*key))
        .map(|(_, id)| id)
        .collect();
    if ended.is_empty() {
        return Ok(seats);
    }
    let input = candidate_contest(state, election_id, constituency)?;
    let standing: BTreeSet<&str> = input.candidates.iter().map(|c| c.id.as_str()).collect();
    // Everyone whose mandate ended is passed as a holder, so that none of them is chosen.
    let former: BTreeSet<String> = ended
        .iter()
        .map(|id| id.to_string())
        .filter(|id| standing.contains(id.as_str()))
        .collect();
    for gone in ended {
        let Some(position) = seats.iter().position(|id| id == gone) else {
            continue;
        };
        let mut holders: BTreeSet<String> = seats
            .iter()
            .map(ToString::to_string)
            .filter(|id| standing.contains(id.as_str()))
            .collect();
        holders.extend(former.iter().cloned());
        let holders: Vec<String> = holders.into_iter().collect();
        let next = if standing.contains(gone.as_str()) {
            tandoo_count::succeed_vacancy(&input, &holders, gone.as_str())?
        } else {
            None
        };
        match next {
            Some(next) => seats[position] = CandidateId::new(next),
            None => {
                seats.remove(position);
            }
        }
    }
    Ok(seats)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocationError {
    #[error("there is no election {0}")]
    NoElection(String),
    #[error("the election is cancelled")]
    Cancelled,
    #[error("no protocol is counted")]
    NothingCounted,
    #[error("the count elects nobody: {}", describe_failure(.0))]
    Failed(Option<FailReason>),
    #[error(transparent)]
    Count(#[from] CountError),
}

fn describe_failure(reason: &Option<FailReason>) -> &'static str {
    match reason {
        Some(FailReason::AgainstAllWins { .. }) => "\"against all\" wins",
        Some(FailReason::SingleGender { .. }) => "every candidate has the same gender",
        Some(FailReason::GenderCapUnfillable { .. }) => "the gender cap leaves seats unfilled",
        Some(FailReason::NoCandidates) => "no candidate's result stands",
        Some(FailReason::NoMajority { .. }) => "no candidate has a majority",
        None => "a run-off is needed",
    }
}

impl AllocationError {
    /// The stable code of why the count cannot be made: `no_election`, `cancelled`,
    /// `nothing_counted`, `failed` (with the count's reason, none for a run-off), or the
    /// count's own refusal code (`MISSING_SEED`, …).
    pub fn code(&self) -> &'static str {
        match self {
            AllocationError::NoElection(_) => "no_election",
            AllocationError::Cancelled => "cancelled",
            AllocationError::NothingCounted => "nothing_counted",
            AllocationError::Failed(_) => "failed",
            AllocationError::Count(error) => error.code(),
        }
    }
}

/// As a view carries it: `{"code": …}` with the fields of what it names, so that a reader's
/// sentence is made from the code and the fields alone. A count's refusal is the count's
/// own object (`{"code": "MISSING_SEED"}`).
impl Serialize for AllocationError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let AllocationError::Count(error) = self {
            return error.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", self.code())?;
        match self {
            AllocationError::NoElection(election) => map.serialize_entry("election", election)?,
            AllocationError::Failed(Some(reason)) => map.serialize_entry("reason", reason)?,
            _ => {}
        }
        map.end()
    }
}

/// Candidates who are in the ranking: registered, not withdrawn, registration and votes not
/// annulled by a resolution in force.
fn standing_candidates<'s>(
    state: &'s State,
    election: &ElectionId,
    constituency: ConstituencyNo,
) -> impl Iterator<Item = &'s Candidate> {
    state
        .ballots
        .get(&(election.clone(), constituency))
        .into_iter()
        .flatten()
        .filter_map(|id| state.candidates.get(id))
        .filter(|c| {
            c.standing == Standing::Registered
                && state.first_in_force(&c.registration_annulled_by).is_none()
                && state.first_in_force(&c.votes_annulled_by).is_none()
        })
}

/// A resolution as listed beside the results it shaped.
#[derive(Clone, Debug, Serialize)]
pub struct ResolutionSummary {
    pub citation: Citation,
    pub date: String,
    pub title: crate::text::Text,
    pub adopted: bool,
    pub in_force: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rescinded_by: Vec<Citation>,
    #[serde(rename = "for")]
    pub votes_for: u32,
    pub against: u32,
    pub abstain: u32,
}

pub fn resolution_summary(state: &State, resolution: &Resolution) -> ResolutionSummary {
    ResolutionSummary {
        citation: resolution.citation(),
        date: resolution.date.to_string(),
        title: resolution.voted.title.clone(),
        adopted: resolution.voted.adopted,
        in_force: state.in_force(resolution.key),
        rescinded_by: resolution
            .rescinded_by
            .iter()
            .filter_map(|k| state.citation(*k))
            .collect(),
        votes_for: resolution.voted.tally.votes_for,
        against: resolution.voted.tally.against,
        abstain: resolution.voted.tally.abstain,
    }
}

/// Whether a resolution's effects touch this constituency (its contests or its candidates).
pub fn concerns_constituency(
    state: &State,
    resolution: &Resolution,
    constituency: ConstituencyNo,
) -> bool {
    let candidate_here = |ids: &[CandidateId]| {
        ids.iter().any(|id| {
            state
                .candidates
                .get(id)
                .is_some_and(|c| c.nomination.constituency == constituency)
        })
    };
    resolution.voted.effects.iter().any(|effect| match effect {
        Effect::AnnulStationResult {
            constituency: c, ..
        }
        | Effect::DeclareInvalid {
            constituency: c, ..
        }
        | Effect::DeclareValid {
            constituency: c, ..
        }
        | Effect::CallRepeatElection {
            constituency: c, ..
        }
        | Effect::RecogniseElected {
            constituency: c, ..
        }
        | Effect::EndMandate {
            constituency: c, ..
        }
        | Effect::OrderRecount {
            constituency: c, ..
        }
        | Effect::DrawLot {
            constituency: c, ..
        } => *c == constituency,
        Effect::AnnulCandidateVotes { candidates }
        | Effect::AnnulRegistration { candidates }
        | Effect::BarFromRepeat { candidates }
        | Effect::RefundFees { candidates, .. } => candidate_here(candidates),
        Effect::CancelElection { election } => state
            .elections
            .get(election)
            .is_some_and(|e| e.call.constituencies.contains(&constituency)),
        Effect::Rescind { resolution: target } => state
            .resolution_by_ref(target)
            .is_some_and(|r| concerns_constituency(state, r, constituency)),
        Effect::Directive { .. } => false,
    })
}

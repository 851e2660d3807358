//! Results computed from the state: a contest's count and seats, a constituency's picture
//! with the resolutions behind it, and the national check. Nothing here is stored; every
//! figure comes from the acts.

use crate::candidate::{Candidate, Standing};
use crate::election::Election;
use crate::ids::{CandidateId, ConstituencyNo, ElectionId};
use crate::money::Money;
use crate::resolution::{Effect, Resolution};
use crate::state::{Contest, State};
use serde::Serialize;
use tandoo_count::{
    CandidateContest, CandidateOutcome, CandidateTally, ContestStatus, CountError, Gender,
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
    let candidates = standing_candidates(state, election_id, constituency)
        .map(|c| CandidateTally {
            id: c.id().to_string(),
            votes: contest.tally.votes.get(c.id()).copied().unwrap_or(0),
            gender: Some(c.nomination.gender),
            registered: c.registered_seq.unwrap_or(u64::MAX),
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
        seed: None,
        voters_took_part: Some(contest.tally.sum(&election.call.form.roles.took_part)),
    })
}

/// The seats the count gives: the allocation, with every mandate ended by a resolution in
/// force passed on to the next candidate of the same gender (else the other).
pub fn computed_seats(
    state: &State,
    election_id: &ElectionId,
    constituency: ConstituencyNo,
) -> Result<Vec<CandidateId>, AllocationError> {
    let outcome = allocation(state, election_id, constituency)?;
    let seats = outcome
        .elected
        .iter()
        .map(|id| CandidateId::new(id.as_str()))
        .collect();
    fill_vacancies(state, election_id, constituency, seats)
}

/// Passes each ended mandate (in record order) to its successor under the vacancy rule.
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
    let mut former: Vec<String> = Vec::new();
    for gone in ended {
        let Some(position) = seats.iter().position(|id| id == gone) else {
            continue;
        };
        // Former holders are passed as holders so that nobody succeeds to a seat twice.
        let mut holders: Vec<String> = seats.iter().map(ToString::to_string).collect();
        holders.extend(former.iter().cloned());
        match tandoo_count::succeed_vacancy(&input, &holders, gone.as_str())? {
            Some(next) => seats[position] = CandidateId::new(next),
            None => {
                seats.remove(position);
            }
        }
        former.push(gone.to_string());
    }
    Ok(seats)
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum AllocationError {
    #[error("there is no election {0}")]
    NoElection(String),
    #[error(transparent)]
    Count(#[from] CountError),
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContestState {
    /// No protocol accepted yet.
    AwaitingProtocols,
    /// Some stations' protocols are accepted, not all.
    Counting,
    /// Every station reported; the seats are computed but not yet registered by resolution.
    ResultsBeingDetermined,
    /// The elected are recognised by a resolution in force.
    Elected,
    /// The count cannot elect (against all wins, one gender only, …): a repeat is needed.
    Failed,
    /// Declared invalid by a resolution in force.
    Invalid,
    /// The election is cancelled.
    Cancelled,
}

impl ContestState {
    pub fn describe(self) -> &'static str {
        match self {
            ContestState::AwaitingProtocols => "awaiting protocols",
            ContestState::Counting => "counting",
            ContestState::ResultsBeingDetermined => "results being determined",
            ContestState::Elected => "elected",
            ContestState::Failed => "election failed",
            ContestState::Invalid => "declared invalid",
            ContestState::Cancelled => "election cancelled",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CandidateView {
    pub id: CandidateId,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latin_name: Option<String>,
    pub gender: Gender,
    pub nominated_by: String,
    pub votes: u64,
    pub standing: Standing,
    pub elected: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_annulled_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes_annulled_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barred_by: Option<String>,
    pub fee_paid: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_refunded_by: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ContestView {
    pub election: ElectionId,
    pub election_name: crate::text::Text,
    pub rule_set: String,
    pub constituency: ConstituencyNo,
    pub seats: u32,
    pub status: ContestState,
    pub status_text: String,
    /// The resolution behind the status (invalid, valid, elected, cancelled), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_by: Option<String>,
    pub stations: u32,
    pub stations_reported: u32,
    pub stations_counted: u32,
    pub voters_on_lists: u64,
    /// Voters on the register: the sum of the constituency's stations' registered voters,
    /// beside the figure the protocols give (M3).
    pub registered_voters: u64,
    pub took_part: u64,
    /// Turnout in percent with two decimals, for display (never used to decide).
    pub turnout: String,
    pub against_all: u64,
    pub invalid_ballots: u64,
    pub candidates: Vec<CandidateView>,
    /// The ids of those who hold the seats now, in seat order.
    pub elected: Vec<CandidateId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocation: Option<CandidateOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_error: Option<String>,
    /// Figures from ballot-counting boxes beside the manual count, when any were loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preliminary: Option<PreliminaryView>,
}

/// Preliminary (ballot-counting box) totals compared with the manual count.
#[derive(Clone, Debug, Serialize)]
pub struct PreliminaryView {
    pub stations: u32,
    pub candidates: Vec<PreliminaryLine>,
    pub against_all: PreliminaryLine,
}

#[derive(Clone, Debug, Serialize)]
pub struct PreliminaryLine {
    pub id: String,
    pub preliminary: u64,
    pub counted: u64,
}

fn preliminary_view(contest: &Contest) -> Option<PreliminaryView> {
    let boxes = &contest.preliminary;
    (boxes.stations > 0).then(|| PreliminaryView {
        stations: boxes.stations,
        candidates: boxes
            .votes
            .iter()
            .map(|(id, votes)| PreliminaryLine {
                id: id.to_string(),
                preliminary: *votes,
                counted: contest.tally.votes.get(id).copied().unwrap_or(0),
            })
            .collect(),
        against_all: PreliminaryLine {
            id: "AA".into(),
            preliminary: boxes.against_all,
            counted: contest.tally.against_all,
        },
    })
}

pub fn contest_view(
    state: &State,
    election: &Election,
    constituency: ConstituencyNo,
) -> ContestView {
    let id = &election.call.id;
    let empty = Contest::default();
    let contest = state.contest(id, constituency).unwrap_or(&empty);
    let roll = state.rolls.get(&constituency).cloned().unwrap_or_default();
    let outcome = allocation(state, id, constituency);
    let (status, status_by, elected) = contest_state(
        state,
        election,
        contest,
        roll.stations,
        constituency,
        outcome.as_ref().ok(),
    );
    let tally = &contest.tally;
    let mut candidates: Vec<CandidateView> = state
        .ballots
        .get(&(id.clone(), constituency))
        .into_iter()
        .flatten()
        .filter_map(|cid| state.candidates.get(cid))
        .map(|c| {
            candidate_view(
                state,
                c,
                tally.votes.get(c.id()).copied().unwrap_or(0),
                elected.contains(c.id()),
            )
        })
        .collect();
    candidates.sort_by(|a, b| b.votes.cmp(&a.votes).then_with(|| a.id.cmp(&b.id)));
    let roles = &election.call.form.roles;
    let voters_on_lists = if tally.protocols > 0 {
        tally.sum(std::slice::from_ref(&roles.voters_on_list))
    } else {
        roll.voters
    };
    let took_part = tally.sum(&roles.took_part);
    ContestView {
        election: id.clone(),
        election_name: election.call.name.clone(),
        rule_set: election.call.rule_set.name.clone(),
        constituency,
        seats: state
            .constituencies
            .get(&constituency)
            .map_or(0, |c| c.seats),
        status,
        status_text: status.describe().to_string(),
        status_by,
        stations: roll.stations,
        stations_reported: contest.protocols_reported,
        stations_counted: tally.protocols,
        voters_on_lists,
        registered_voters: roll.voters,
        took_part,
        turnout: percent(took_part, voters_on_lists),
        against_all: tally.against_all,
        invalid_ballots: tally.sum(std::slice::from_ref(&roles.invalid)),
        candidates,
        elected,
        count_error: outcome.as_ref().err().map(ToString::to_string),
        preliminary: preliminary_view(contest),
        allocation: outcome.ok(),
    }
}

fn contest_state(
    state: &State,
    election: &Election,
    contest: &Contest,
    stations: u32,
    constituency: ConstituencyNo,
    outcome: Option<&CandidateOutcome>,
) -> (ContestState, Option<String>, Vec<CandidateId>) {
    let id = &election.call.id;
    if let Some(by) = state.cancellation(election) {
        return (
            ContestState::Cancelled,
            Some(state.citation(by)),
            Vec::new(),
        );
    }
    let validity = state.last_in_force(&contest.validity);
    if let Some((by, false)) = validity {
        return (ContestState::Invalid, Some(state.citation(*by)), Vec::new());
    }
    if let Some((by, elected)) = state.last_in_force(&contest.recognitions) {
        let seats = fill_vacancies(state, id, constituency, elected.clone())
            .unwrap_or_else(|_| elected.clone());
        return (ContestState::Elected, Some(state.citation(*by)), seats);
    }
    let declared_valid = validity.map(|(by, _)| state.citation(*by));
    if contest.protocols_reported == 0 {
        return (ContestState::AwaitingProtocols, declared_valid, Vec::new());
    }
    match outcome {
        Some(outcome) if outcome.status == ContestStatus::Elected => {}
        _ => return (ContestState::Failed, declared_valid, Vec::new()),
    }
    let Ok(seats) = computed_seats(state, id, constituency) else {
        return (ContestState::Failed, declared_valid, Vec::new());
    };
    let status = if contest.protocols_reported < stations {
        ContestState::Counting
    } else {
        ContestState::ResultsBeingDetermined
    };
    (status, declared_valid, seats)
}

fn candidate_view(state: &State, c: &Candidate, votes: u64, elected: bool) -> CandidateView {
    let cite = |keys: &[crate::resolution::ResolutionKey]| {
        state.first_in_force(keys).map(|k| state.citation(k))
    };
    CandidateView {
        id: c.id().clone(),
        name: c.nomination.name.clone(),
        latin_name: c.nomination.latin_name.clone(),
        gender: c.nomination.gender,
        nominated_by: match &c.nomination.nominated_by {
            crate::candidate::Nominator::Party { party } => party.clone(),
            crate::candidate::Nominator::SelfNominated => "self-nominated".into(),
        },
        votes,
        standing: c.standing,
        elected,
        registration_annulled_by: cite(&c.registration_annulled_by),
        votes_annulled_by: cite(&c.votes_annulled_by),
        barred_by: cite(&c.barred_by),
        fee_paid: c.fee_paid,
        fee_refunded_by: cite(&c.refunded_by),
    }
}

/// `part / whole` as a percentage with two decimals, rounded half up, in integers.
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0.00".into();
    }
    let hundredths = (u128::from(part) * 10_000 * 2 + u128::from(whole)) / (2 * u128::from(whole));
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// A resolution as listed beside the results it shaped.
#[derive(Clone, Debug, Serialize)]
pub struct ResolutionSummary {
    pub citation: String,
    pub date: String,
    pub title: crate::text::Text,
    pub adopted: bool,
    pub in_force: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rescinded_by: Vec<String>,
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
            .map(|k| state.citation(*k))
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

//! Results computed from the state: a contest's count and seats, a constituency's picture
//! with the resolutions behind it, and the national check. Nothing here is stored; every
//! figure comes from the acts.

use crate::candidate::{Candidate, Standing};
use crate::date::LegalDate;
use crate::election::{Calendar, Election, LateAct};
use crate::ids::{CandidateId, ConstituencyNo, ElectionId};
use crate::money::Money;
use crate::resolution::{Effect, Resolution};
use crate::state::{Contest, Lot, State};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use tandoo_count::{
    CandidateContest, CandidateOutcome, CandidateTally, ContestStatus, CountError, FailReason,
    Gender, TieBreak,
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

/// How firm a seat is, and so what a view may call its holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatStanding {
    /// Provisional: from the protocols counted so far, not all stations have reported.
    Leading,
    /// Every station reported and the count gives the seat; not yet recognised.
    Allocated,
    /// Recognised by a resolution in force (with any succession since).
    Elected,
}

/// Why a candidate's place differs from the plain order by votes: the count's steps that
/// changed it, as data for the views to mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatMark {
    /// Passed over: the gender cap was reached.
    PassedOverByGenderCap,
    /// Takes a seat because candidates with more votes were passed over by the gender cap.
    SeatByGenderCap,
    /// In a tie that decided a seat, and won it by the tie rule.
    WonTie,
    /// In a tie that decided a seat, and lost it by the tie rule.
    LostTie,
    /// "Against all" had more votes than this candidate, so the election failed.
    LostToAgainstAll,
    /// The candidate's votes are annulled by a resolution in force.
    VotesAnnulled,
    /// The candidate's registration is annulled by a resolution in force.
    RegistrationAnnulled,
}

#[derive(Clone, Debug, Serialize)]
pub struct CandidateView {
    pub id: CandidateId,
    pub name: String,
    pub gender: Gender,
    pub nominated_by: String,
    pub votes: u64,
    pub standing: Standing,
    /// Recognised as elected by a resolution in force (with any succession since).
    pub elected: bool,
    /// The seat the candidate holds or is heading for, and how firm it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat: Option<SeatStanding>,
    /// The count's steps that changed this candidate's place in the plain order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<SeatMark>,
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

/// The recognised result and the count disagree: the count now gives other seats than the
/// resolution recognised (a correction, an annulment, a rescission since).
#[derive(Clone, Debug, Serialize)]
pub struct CountDiscrepancy {
    /// Who holds the seats by the recognition in force.
    pub recognised: Vec<CandidateId>,
    /// Who the count gives the seats to now (empty when it elects nobody).
    pub counted: Vec<CandidateId>,
}

/// The lot the commission drew for the contest, with the resolution that recorded it.
#[derive(Clone, Debug, Serialize)]
pub struct LotView {
    pub seed: String,
    pub drawn_by: String,
    pub recorded_by: String,
}

/// Turnout computed on one definition: the form's lines it sums.
#[derive(Clone, Debug, Serialize)]
pub struct TurnoutView {
    pub lines: Vec<String>,
    pub voters: u64,
    /// In percent with two decimals, for display (never used to decide).
    pub percent: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ContestView {
    pub election: ElectionId,
    pub election_name: String,
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
    /// Voters who took part by the form's `took_part` lines (ballots issued on the Kyrgyz form).
    pub took_part: u64,
    /// Turnout in percent with two decimals by the form's turnout definition, for display.
    pub turnout: String,
    /// The lines the form's turnout sums (ballots found in the boxes on the Kyrgyz form).
    pub turnout_lines: Vec<String>,
    /// The sum of those lines.
    pub turnout_voters: u64,
    /// Turnout by the `took_part` lines, when it differs from the form's turnout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turnout_by_took_part: Option<TurnoutView>,
    pub against_all: u64,
    pub invalid_ballots: u64,
    /// Candidates by votes; equal votes in the order the tie rule places them.
    pub candidates: Vec<CandidateView>,
    /// Recognised by a resolution in force, in seat order (with any succession since).
    pub elected: Vec<CandidateId>,
    /// Given seats by the count with every station reported, not yet recognised.
    pub allocated: Vec<CandidateId>,
    /// Ahead in the count so far, while stations have still to report: provisional.
    pub leading: Vec<CandidateId>,
    /// How firm the seats shown are: elected, allocated or leading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat_standing: Option<SeatStanding>,
    /// Set when the recognised result and the count differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_differs: Option<CountDiscrepancy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<LotView>,
    /// The election's statutory calendar, computed from its rule set.
    pub calendar: Calendar,
    /// Acts recorded after their statutory deadline (the consequence is the commission's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub late: Vec<LateAct>,
    /// The count; none for a cancelled election or a contest with no counted protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocation: Option<CandidateOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_error: Option<String>,
    /// Figures from ballot-counting boxes beside the manual count, when any were loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preliminary: Option<PreliminaryView>,
}

impl ContestView {
    /// The seats as the view shows them, whatever their standing.
    pub fn seat_holders(&self) -> &[CandidateId] {
        match self.seat_standing {
            Some(SeatStanding::Elected) => &self.elected,
            Some(SeatStanding::Allocated) => &self.allocated,
            Some(SeatStanding::Leading) => &self.leading,
            None => &[],
        }
    }
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

/// Where a contest stands: its status, the resolution behind it, and its seats.
struct ContestStanding {
    status: ContestState,
    by: Option<String>,
    seats: Vec<CandidateId>,
    seat_standing: Option<SeatStanding>,
    count_differs: Option<CountDiscrepancy>,
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
    let counted = state.cancellation(election).is_none() && contest.tally.protocols > 0;
    let outcome = counted.then(|| allocation(state, id, constituency));
    let standing = contest_state(state, election, contest, roll.stations, constituency);
    let tally = &contest.tally;
    let marks = outcome
        .as_ref()
        .and_then(|o| o.as_ref().ok())
        .map(seat_marks)
        .unwrap_or_default();
    let mut candidates: Vec<CandidateView> = state
        .ballots
        .get(&(id.clone(), constituency))
        .into_iter()
        .flatten()
        .filter_map(|cid| state.candidates.get(cid))
        .map(|c| {
            let mut view = candidate_view(
                state,
                c,
                tally.votes.get(c.id()).copied().unwrap_or(0),
                standing
                    .seats
                    .contains(c.id())
                    .then_some(standing.seat_standing)
                    .flatten(),
            );
            view.marks = marks.get(c.id().as_str()).cloned().unwrap_or_default();
            if view.votes_annulled_by.is_some() {
                view.marks.push(SeatMark::VotesAnnulled);
            }
            if view.registration_annulled_by.is_some() {
                view.marks.push(SeatMark::RegistrationAnnulled);
            }
            view
        })
        .collect();
    let tie_order = tie_order(state, election, contest, constituency);
    candidates.sort_by(|a, b| {
        b.votes
            .cmp(&a.votes)
            .then_with(|| tie_order(&a.id).cmp(&tie_order(&b.id)))
            .then_with(|| a.id.cmp(&b.id))
    });
    let roles = &election.call.form.roles;
    let voters_on_lists = if tally.protocols > 0 {
        tally.sum(std::slice::from_ref(&roles.voters_on_list))
    } else {
        roll.voters
    };
    let took_part = tally.sum(&roles.took_part);
    let turnout_lines = roles.turnout_lines().to_vec();
    let voted = tally.sum(&turnout_lines);
    let list = |wanted: SeatStanding| {
        if standing.seat_standing == Some(wanted) {
            standing.seats.clone()
        } else {
            Vec::new()
        }
    };
    ContestView {
        election: id.clone(),
        election_name: election.call.name.clone(),
        rule_set: election.call.rule_set.name.clone(),
        constituency,
        seats: state
            .constituencies
            .get(&constituency)
            .map_or(0, |c| c.seats),
        status: standing.status,
        status_text: standing.status.describe().to_string(),
        status_by: standing.by.clone(),
        stations: roll.stations,
        stations_reported: contest.protocols_reported,
        stations_counted: tally.protocols,
        voters_on_lists,
        took_part,
        turnout: percent(voted, voters_on_lists),
        turnout_by_took_part: (turnout_lines != roles.took_part && voted != took_part).then(|| {
            TurnoutView {
                lines: roles.took_part.clone(),
                voters: took_part,
                percent: percent(took_part, voters_on_lists),
            }
        }),
        turnout_lines,
        turnout_voters: voted,
        against_all: tally.against_all,
        invalid_ballots: tally.sum(std::slice::from_ref(&roles.invalid)),
        candidates,
        elected: list(SeatStanding::Elected),
        allocated: list(SeatStanding::Allocated),
        leading: list(SeatStanding::Leading),
        seat_standing: standing.seat_standing,
        count_differs: standing.count_differs,
        lot: state
            .last_in_force(&contest.lots)
            .map(|(key, lot)| LotView {
                seed: lot.seed.clone(),
                drawn_by: lot.drawn_by.to_string(),
                recorded_by: state.citation(*key),
            }),
        calendar: election.calendar(),
        late: crate::election::late_acts(state, election, constituency),
        count_error: outcome
            .as_ref()
            .and_then(|o| o.as_ref().err())
            .map(ToString::to_string),
        preliminary: preliminary_view(contest),
        allocation: outcome.and_then(Result::ok),
    }
}

/// The order the tie rule gives candidates with equal votes: registration order, or the lot
/// drawn. Candidates out of the ranking come after those in it.
fn tie_order<'s>(
    state: &'s State,
    election: &'s Election,
    contest: &'s Contest,
    constituency: ConstituencyNo,
) -> impl Fn(&CandidateId) -> u64 + 's {
    let registered = registration_order(state, &election.call.id, constituency);
    let seed = match election.call.rule_set.tie_break {
        TieBreak::Lot => lot(state, contest).map(|lot| lot.seed.clone()),
        TieBreak::RegistrationOrder => None,
    };
    move |id: &CandidateId| match &seed {
        Some(seed) => tandoo_count::tie::lot_number(seed, id.as_str()),
        None => registered.get(id).copied().unwrap_or(u64::MAX),
    }
}

/// The marks the count's steps and ties put on candidates.
fn seat_marks(outcome: &CandidateOutcome) -> BTreeMap<&str, Vec<SeatMark>> {
    let mut marks: BTreeMap<&str, Vec<SeatMark>> = BTreeMap::new();
    let mut passed_over = false;
    for step in &outcome.steps {
        match step.rule.as_str() {
            "gender_cap" => {
                for id in &step.ids {
                    passed_over = true;
                    marks
                        .entry(id.as_str())
                        .or_default()
                        .push(SeatMark::PassedOverByGenderCap);
                }
            }
            "elect" if passed_over => {
                for id in &step.ids {
                    marks
                        .entry(id.as_str())
                        .or_default()
                        .push(SeatMark::SeatByGenderCap);
                }
            }
            _ => {}
        }
    }
    for tie in &outcome.ties {
        if tie.winners.is_empty() || tie.winners.len() == tie.ids.len() {
            continue;
        }
        for id in &tie.ids {
            let mark = if tie.winners.contains(id) {
                SeatMark::WonTie
            } else {
                SeatMark::LostTie
            };
            marks.entry(id.as_str()).or_default().push(mark);
        }
    }
    // "Against all" changes the outcome only when it wins; then it fails the election.
    if let Some(FailReason::AgainstAllWins { compared_with, .. }) = &outcome.reason {
        marks
            .entry(compared_with.as_str())
            .or_default()
            .push(SeatMark::LostToAgainstAll);
    }
    marks
}

fn contest_state(
    state: &State,
    election: &Election,
    contest: &Contest,
    stations: u32,
    constituency: ConstituencyNo,
) -> ContestStanding {
    let id = &election.call.id;
    let plain = |status, by| ContestStanding {
        status,
        by,
        seats: Vec::new(),
        seat_standing: None,
        count_differs: None,
    };
    if let Some(by) = state.cancellation(election) {
        return plain(ContestState::Cancelled, Some(state.citation(by)));
    }
    let validity = state.last_in_force(&contest.validity);
    if let Some((by, false)) = validity {
        return plain(ContestState::Invalid, Some(state.citation(*by)));
    }
    let counted = computed_seats(state, id, constituency);
    if let Some((by, recognised)) = state.last_in_force(&contest.recognitions) {
        let seats = fill_vacancies(state, id, constituency, recognised.clone())
            .unwrap_or_else(|_| recognised.clone());
        let counted = counted.unwrap_or_default();
        let same = seats.iter().collect::<BTreeSet<_>>() == counted.iter().collect();
        return ContestStanding {
            status: ContestState::Elected,
            by: Some(state.citation(*by)),
            count_differs: (!same).then(|| CountDiscrepancy {
                recognised: seats.clone(),
                counted,
            }),
            seats,
            seat_standing: Some(SeatStanding::Elected),
        };
    }
    let declared_valid = validity.map(|(by, _)| state.citation(*by));
    if contest.protocols_reported == 0 {
        return plain(ContestState::AwaitingProtocols, declared_valid);
    }
    let Ok(seats) = counted else {
        return plain(ContestState::Failed, declared_valid);
    };
    let (status, seat_standing) = if contest.protocols_reported < stations {
        (ContestState::Counting, SeatStanding::Leading)
    } else {
        (
            ContestState::ResultsBeingDetermined,
            SeatStanding::Allocated,
        )
    };
    ContestStanding {
        status,
        by: declared_valid,
        seats,
        seat_standing: Some(seat_standing),
        count_differs: None,
    }
}

fn candidate_view(
    state: &State,
    c: &Candidate,
    votes: u64,
    seat: Option<SeatStanding>,
) -> CandidateView {
    let cite = |keys: &[crate::resolution::ResolutionKey]| {
        state.first_in_force(keys).map(|k| state.citation(k))
    };
    CandidateView {
        id: c.id().clone(),
        name: c.nomination.name.clone(),
        gender: c.nomination.gender,
        nominated_by: match &c.nomination.nominated_by {
            crate::candidate::Nominator::Party { party } => party.clone(),
            crate::candidate::Nominator::SelfNominated => "self-nominated".into(),
        },
        votes,
        standing: c.standing,
        elected: seat == Some(SeatStanding::Elected),
        seat,
        marks: Vec::new(),
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
    pub title: String,
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

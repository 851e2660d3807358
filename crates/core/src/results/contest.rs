//! A contest's view: its status and the resolution behind it, its candidates with their
//! votes and marks, who leads, is allocated or is elected, and whether the recognised result
//! still agrees with the count (R-RES-RECOGNISE); a declared invalid or cancelled contest
//! (R-RES-GROUNDS, R-ELEC-CANCELLED) elects nobody.

use super::marks::{seat_marks, tie_order};
use super::{AllocationError, SeatMark, allocation, computed_seats, fill_vacancies};
use super::{LateAct, late_acts};
use crate::candidate::{Candidate, Nominator, Standing};
use crate::election::{Calendar, Election};
use crate::ids::{CandidateId, ConstituencyNo, ElectionId};
use crate::money::Money;
use crate::resolution::Citation;
use crate::rules::RuleSet;
use crate::state::{Contest, State};
use serde::Serialize;
use std::collections::BTreeSet;
use tandoo_count::{CandidateOutcome, ContestStatus, FailReason, Gender, Tie};

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
    /// A tie for a seat is to be broken by lot and the commission has not drawn it yet
    /// (`draw_lot`): the count waits for the seed, the election has not failed.
    AwaitingLot,
    /// The count cannot elect (against all wins, one gender only, …): a repeat is needed.
    Failed,
    /// Declared invalid by a resolution in force.
    Invalid,
    /// The election is cancelled.
    Cancelled,
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

#[derive(Clone, Debug, Serialize)]
pub struct CandidateView {
    pub id: CandidateId,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latin_name: Option<String>,
    pub gender: Gender,
    pub nominated_by: Nominator,
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
    pub registration_annulled_by: Option<Citation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes_annulled_by: Option<Citation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barred_by: Option<Citation>,
    pub fee_paid: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_refunded_by: Option<Citation>,
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
    pub recorded_by: Citation,
}

/// Turnout computed on one definition: the form's lines it sums, and their sum (its share
/// of the voters on the lists is the reader's to write, in the reader's language).
#[derive(Clone, Debug, Serialize)]
pub struct TurnoutView {
    pub lines: Vec<String>,
    pub voters: u64,
}

/// Turnout as its two integers: those who voted of the voters on the lists. A percentage is
/// written from them for display only, and never used to decide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Turnout {
    pub voted: u64,
    pub voters: u64,
}

/// The rule set a contest is counted under: a preset by its code (`jogorku_kenesh_2025`),
/// which present words in each language, or a commission's own rule set by the name it gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSetName {
    Preset(&'static str),
    Custom(String),
}

impl RuleSetName {
    pub fn of(rules: &RuleSet) -> RuleSetName {
        match rules.preset_code() {
            Some(code) => RuleSetName::Preset(code),
            None => RuleSetName::Custom(rules.name.clone()),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ContestView {
    pub election: ElectionId,
    pub election_name: crate::text::Text,
    pub rule_set: RuleSetName,
    pub constituency: ConstituencyNo,
    pub seats: u32,
    pub status: ContestState,
    /// The resolution behind the status (invalid, valid, elected, cancelled), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_by: Option<Citation>,
    pub stations: u32,
    pub stations_reported: u32,
    pub stations_counted: u32,
    /// Voters on the lists of the stations counted, from the register (M3): what a protocol
    /// types never inflates it. Voters who voted away from home count by their protocol's
    /// figure, since the register holds none for them.
    pub voters_on_lists: u64,
    /// The same as the counted protocols give it (their voters-on-the-list line).
    pub voters_on_lists_reported: u64,
    /// Voters on the register: the sum of the constituency's stations' registered voters,
    /// beside the figure the protocols give (M3).
    pub registered_voters: u64,
    /// Voters who took part by the form's `took_part` lines (ballots issued on the Kyrgyz form).
    pub took_part: u64,
    /// Turnout by the form's turnout definition: `turnout_voters` of `voters_on_lists`.
    pub turnout: Turnout,
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
    /// Serialised as data (see [`outcome_as_data`]).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "outcome_as_data"
    )]
    pub allocation: Option<CandidateOutcome>,
    /// Why the count cannot be made (a code with its fields), when it cannot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_error: Option<AllocationError>,
    /// Figures from ballot-counting boxes beside the manual count, when any were loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preliminary: Option<PreliminaryView>,
}

/// The count as a view carries it: every step by its rule's code and the ids it concerns,
/// without the English sentence the counting library writes beside each step for its own
/// command (`tandoo allocate`); every figure such a sentence names is in the view.
fn outcome_as_data<S: serde::Serializer>(
    outcome: &Option<CandidateOutcome>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Outcome<'a> {
        status: ContestStatus,
        elected: &'a [String],
        runoff: &'a [String],
        reason: &'a Option<FailReason>,
        ties: &'a [Tie],
        steps: Vec<Step<'a>>,
    }
    #[derive(Serialize)]
    struct Step<'a> {
        rule: &'a str,
        ids: &'a [String],
    }
    outcome
        .as_ref()
        .map(|o| Outcome {
            status: o.status,
            elected: &o.elected,
            runoff: &o.runoff,
            reason: &o.reason,
            ties: &o.ties,
            steps: o
                .steps
                .iter()
                .map(|step| Step {
                    rule: &step.rule,
                    ids: &step.ids,
                })
                .collect(),
        })
        .serialize(serializer)
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
    by: Option<Citation>,
    seats: Vec<CandidateId>,
    seat_standing: Option<SeatStanding>,
    count_differs: Option<CountDiscrepancy>,
}

/// The state of a contest alone, as [`contest_view`] gives it, without the candidates' views:
/// what a list of every constituency's status needs.
pub fn contest_status(
    state: &State,
    election: &Election,
    constituency: ConstituencyNo,
) -> ContestState {
    let empty = Contest::default();
    let contest = state
        .contest(&election.call.id, constituency)
        .unwrap_or(&empty);
    let stations = state.rolls.get(&constituency).map_or(0, |r| r.stations);
    contest_state(state, election, contest, stations, constituency).status
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
            let ended = contest
                .mandates_ended
                .iter()
                .any(|(key, id)| id == c.id() && state.in_force(*key));
            if ended {
                view.marks.push(SeatMark::MandateEnded);
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
    let voters_on_lists_reported = tally.sum(std::slice::from_ref(&roles.voters_on_list));
    let voters_on_lists = if tally.protocols > 0 {
        registered_on_counted(state, id, constituency, &roles.voters_on_list)
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
        rule_set: RuleSetName::of(&election.call.rule_set),
        constituency,
        seats: state
            .constituencies
            .get(&constituency)
            .map_or(0, |c| c.seats),
        status: standing.status,
        status_by: standing.by.clone(),
        stations: roll.stations,
        stations_reported: contest.protocols_reported,
        stations_counted: tally.protocols,
        voters_on_lists,
        voters_on_lists_reported,
        registered_voters: roll.voters,
        took_part,
        turnout: Turnout {
            voted,
            voters: voters_on_lists,
        },
        turnout_by_took_part: (turnout_lines != roles.took_part && voted != took_part).then(|| {
            TurnoutView {
                lines: roles.took_part.clone(),
                voters: took_part,
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
        lot: state.last_in_force(&contest.lots).and_then(|(key, lot)| {
            Some(LotView {
                seed: lot.seed.clone(),
                drawn_by: lot.drawn_by.to_string(),
                recorded_by: state.citation(*key)?,
            })
        }),
        calendar: election.calendar(),
        late: late_acts(state, election, constituency),
        count_error: outcome.as_ref().and_then(|o| o.as_ref().err()).cloned(),
        preliminary: preliminary_view(contest),
        allocation: outcome.and_then(Result::ok),
    }
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
        return plain(ContestState::Cancelled, state.citation(by));
    }
    let validity = state.last_in_force(&contest.validity);
    if let Some((by, false)) = validity {
        return plain(ContestState::Invalid, state.citation(*by));
    }
    let counted = computed_seats(state, id, constituency);
    if let Some((by, recognised)) = state.last_in_force(&contest.recognitions) {
        let seats = fill_vacancies(state, id, constituency, recognised.clone())
            .unwrap_or_else(|_| recognised.clone());
        let counted = counted.unwrap_or_default();
        let same = seats.iter().collect::<BTreeSet<_>>() == counted.iter().collect();
        return ContestStanding {
            status: ContestState::Elected,
            by: state.citation(*by),
            count_differs: (!same).then(|| CountDiscrepancy {
                recognised: seats.clone(),
                counted,
            }),
            seats,
            seat_standing: Some(SeatStanding::Elected),
        };
    }
    let declared_valid = validity.and_then(|(by, _)| state.citation(*by));
    if contest.protocols_reported == 0 {
        return plain(ContestState::AwaitingProtocols, declared_valid);
    }
    let seats = match counted {
        Ok(seats) => seats,
        Err(AllocationError::Count(tandoo_count::CountError::MissingSeed)) => {
            return plain(ContestState::AwaitingLot, declared_valid);
        }
        Err(_) => return plain(ContestState::Failed, declared_valid),
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
        state.first_in_force(keys).and_then(|k| state.citation(k))
    };
    CandidateView {
        id: c.id().clone(),
        name: c.nomination.name.clone(),
        latin_name: c.nomination.latin_name.clone(),
        gender: c.nomination.gender,
        nominated_by: c.nomination.nominated_by.clone(),
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

/// The voters on the lists of a contest's counted protocols, from the register: a station's
/// registered voters for its own constituency; for a protocol of voters from elsewhere, its
/// own figure, for whom the register holds no number.
fn registered_on_counted(
    state: &State,
    election: &ElectionId,
    constituency: ConstituencyNo,
    voters_line: &str,
) -> u64 {
    state
        .protocols
        .iter()
        .filter(|(key, slot)| {
            slot.counted && key.constituency == constituency && &key.election == election
        })
        .map(|(key, slot)| match state.stations.get(&key.station) {
            Some(station) if station.constituency == constituency => station.voters,
            _ => slot
                .versions
                .last()
                .map_or(0, |version| version.figures.line(voters_line)),
        })
        .sum()
}

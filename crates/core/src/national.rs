//! The picture of a constituency across its elections (an election and its repeats), and the
//! national count of deputies with its check.

use crate::election::{Election, ElectionKind};
use crate::ids::{ConstituencyNo, ElectionId};
use crate::results::{
    ContestView, ResolutionSummary, concerns_constituency, contest_view, resolution_summary,
};
use crate::state::State;
use serde::Serialize;
use tandoo_count::Gender;

/// The elections that decide a constituency's seats: `root` and its repeat elections there,
/// in order of voting day.
fn elections_for<'s>(
    state: &'s State,
    root: &ElectionId,
    constituency: ConstituencyNo,
) -> Vec<&'s Election> {
    let mut elections: Vec<&Election> = state
        .elections
        .values()
        .filter(|e| e.call.constituencies.contains(&constituency))
        .filter(|e| &e.call.id == root || e.call.repeat_of.as_ref() == Some(root))
        .collect();
    elections.sort_by(|a, b| {
        a.call
            .voting_day
            .cmp(&b.call.voting_day)
            .then_with(|| a.call.id.cmp(&b.call.id))
    });
    elections
}

/// The election whose result holds the seats now: the latest one that is not cancelled.
fn deciding<'e>(state: &State, elections: &[&'e Election]) -> Option<&'e Election> {
    elections
        .iter()
        .rev()
        .find(|e| state.cancellation(e).is_none())
        .or(elections.last())
        .copied()
}

#[derive(Clone, Debug, Serialize)]
pub struct ConstituencyView {
    pub constituency: ConstituencyNo,
    pub name: crate::text::Text,
    pub seats: u32,
    /// The election whose result holds the seats now.
    pub election: ElectionId,
    pub status: crate::results::ContestState,
    pub status_text: String,
    /// Names of those who hold the seats now, in seat order.
    pub elected: Vec<crate::candidate::CandidateName>,
    /// The deciding election's contest: candidates, votes, allocation.
    pub contest: ContestView,
    /// Every election held or called in the constituency, oldest first.
    pub elections: Vec<ContestView>,
    /// Resolutions whose effects touch the constituency, oldest first.
    pub resolutions: Vec<ResolutionSummary>,
}

pub fn constituency_view(
    state: &State,
    root: &ElectionId,
    constituency: ConstituencyNo,
) -> Option<ConstituencyView> {
    let def = state.constituencies.get(&constituency)?;
    let elections = elections_for(state, root, constituency);
    let deciding = deciding(state, &elections)?;
    let contest = contest_view(state, deciding, constituency);
    let elected = contest
        .elected
        .iter()
        .map(|id| {
            state.candidates.get(id).map_or_else(
                || crate::candidate::CandidateName {
                    name: id.to_string(),
                    latin_name: None,
                },
                |c| c.nomination.candidate_name(),
            )
        })
        .collect();
    Some(ConstituencyView {
        constituency,
        name: def.name.clone(),
        seats: def.seats,
        election: deciding.call.id.clone(),
        status: contest.status,
        status_text: contest.status_text.clone(),
        elected,
        elections: elections
            .iter()
            .map(|e| contest_view(state, e, constituency))
            .collect(),
        contest,
        resolutions: state
            .resolutions
            .values()
            .filter(|r| concerns_constituency(state, r, constituency))
            .map(|r| resolution_summary(state, r))
            .collect(),
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct NationalSeat {
    pub constituency: ConstituencyNo,
    pub election: ElectionId,
    pub status: crate::results::ContestState,
    pub elected: Vec<crate::candidate::CandidateName>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NationalView {
    pub election: ElectionId,
    pub name: crate::text::Text,
    pub seats: u32,
    pub deputies: u32,
    pub men: u32,
    pub women: u32,
    pub voters_on_lists: u64,
    pub took_part: u64,
    pub turnout: String,
    /// At least this many deputies of each gender are needed for the result to be valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_per_gender: Option<u32>,
    pub gender_check_passed: bool,
    pub gender_check: String,
    pub constituencies: Vec<NationalSeat>,
}

/// The national picture of `root` (a regular or early election) with its repeat elections.
pub fn national_view(state: &State, root: &ElectionId) -> Option<NationalView> {
    let election = state
        .elections
        .get(root)
        .filter(|e| e.call.kind != ElectionKind::Repeat)?;
    let mut view = NationalView {
        election: root.clone(),
        name: election.call.name.clone(),
        seats: 0,
        deputies: 0,
        men: 0,
        women: 0,
        voters_on_lists: 0,
        took_part: 0,
        turnout: String::new(),
        min_per_gender: election.call.rule_set.national_min_per_gender,
        gender_check_passed: true,
        gender_check: String::new(),
        constituencies: Vec::new(),
    };
    for &constituency in &election.call.constituencies {
        let Some(seat) = constituency_view(state, root, constituency) else {
            continue;
        };
        view.seats += seat.seats;
        view.voters_on_lists += seat.contest.voters_on_lists;
        view.took_part += seat.contest.took_part;
        for id in &seat.contest.elected {
            view.deputies += 1;
            match state.candidates.get(id).map(|c| c.nomination.gender) {
                Some(Gender::Female) => view.women += 1,
                _ => view.men += 1,
            }
        }
        view.constituencies.push(NationalSeat {
            constituency,
            election: seat.election,
            status: seat.status,
            elected: seat.elected,
        });
    }
    view.turnout = crate::results::percent(view.took_part, view.voters_on_lists);
    if let Some(min) = view.min_per_gender {
        view.gender_check_passed = view.men >= min && view.women >= min;
        view.gender_check = format!(
            "{} men and {} women among {} deputies; at least {min} of each are needed: {}",
            view.men,
            view.women,
            view.deputies,
            if view.gender_check_passed {
                "met"
            } else {
                "not met"
            }
        );
    }
    Some(view)
}

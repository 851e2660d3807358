//! The picture of a constituency across its elections (an election and its repeats), and the
//! national count of seats with its check. Seats are counted apart by how firm they are:
//! elected (recognised), allocated (counted, not recognised) and leading (provisional). A
//! constituency's seats are held by its latest election in force (R-SEAT-REPEAT-HOLDS); the
//! national check counts each gender's deputies against the minimum (R-NAT-GENDER-MIN).

use crate::election::{Election, ElectionKind};
use crate::ids::CandidateId;
use crate::ids::{ConstituencyNo, ElectionId};
use crate::results::{
    ContestView, ResolutionSummary, SeatStanding, Turnout, concerns_constituency, contest_view,
    resolution_summary,
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
    /// Names of those recognised as elected, in seat order.
    pub elected: Vec<crate::candidate::CandidateName>,
    /// Names of those the count gives the seats to, every station reported, not recognised.
    pub allocated: Vec<crate::candidate::CandidateName>,
    /// Names of those ahead in the count so far: provisional.
    pub leading: Vec<crate::candidate::CandidateName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat_standing: Option<SeatStanding>,
    /// The recognised result and the count differ (see `contest.count_differs`).
    pub count_differs: bool,
    /// The deciding election's contest: candidates, votes, allocation.
    pub contest: ContestView,
    /// Every election held or called in the constituency, oldest first.
    pub elections: Vec<ContestView>,
    /// Resolutions whose effects touch the constituency, oldest first.
    pub resolutions: Vec<ResolutionSummary>,
}

/// The state of a constituency's contest in the election that decides its seats (`root` or
/// its latest repeat), as [`constituency_view`] gives it, for a list of every constituency.
pub fn constituency_status(
    state: &State,
    root: &ElectionId,
    constituency: ConstituencyNo,
) -> Option<crate::results::ContestState> {
    state.constituencies.get(&constituency)?;
    let elections = elections_for(state, root, constituency);
    let deciding = deciding(state, &elections)?;
    Some(crate::results::contest_status(
        state,
        deciding,
        constituency,
    ))
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
    let names = |ids: &[CandidateId]| -> Vec<crate::candidate::CandidateName> {
        ids.iter()
            .map(|id| {
                state.candidates.get(id).map_or_else(
                    || crate::candidate::CandidateName {
                        name: id.to_string(),
                        latin_name: None,
                    },
                    |c| c.nomination.candidate_name(),
                )
            })
            .collect()
    };
    Some(ConstituencyView {
        constituency,
        name: def.name.clone(),
        seats: def.seats,
        election: deciding.call.id.clone(),
        status: contest.status,
        elected: names(&contest.elected),
        allocated: names(&contest.allocated),
        leading: names(&contest.leading),
        seat_standing: contest.seat_standing,
        count_differs: contest.count_differs.is_some(),
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
    /// How firm the seats named are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat_standing: Option<SeatStanding>,
    /// Those holding or heading for the seats, whatever their standing.
    pub holders: Vec<crate::candidate::CandidateName>,
    pub count_differs: bool,
}

/// Seats counted apart by how firm they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SeatCount {
    pub elected: u32,
    pub allocated: u32,
    pub leading: u32,
}

impl SeatCount {
    pub fn total(&self) -> u32 {
        self.elected + self.allocated + self.leading
    }

    fn add(&mut self, standing: SeatStanding, n: u32) {
        match standing {
            SeatStanding::Elected => self.elected += n,
            SeatStanding::Allocated => self.allocated += n,
            SeatStanding::Leading => self.leading += n,
        }
    }
}

/// The national gender check, and on which seats it is computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GenderCheck {
    /// The least firm standing among the seats counted: the check is computed on every
    /// seat shown, so it is final only when this is `elected` and every seat is filled.
    pub basis: SeatStanding,
    pub seats_counted: u32,
    pub men: u32,
    pub women: u32,
    pub min_per_gender: u32,
    pub met: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct NationalView {
    pub election: ElectionId,
    pub name: crate::text::Text,
    pub seats: u32,
    /// Seats by standing: recognised, allocated, leading.
    pub seat_count: SeatCount,
    /// Women and men among the seats counted, whatever their standing.
    pub men: u32,
    pub women: u32,
    pub voters_on_lists: u64,
    pub took_part: u64,
    /// The sum of each form's turnout lines.
    pub turnout_voters: u64,
    /// By each form's turnout definition (`contest.turnout_lines`): `turnout_voters` of
    /// `voters_on_lists`.
    pub turnout: Turnout,
    /// By the `took_part` lines (`took_part` of `voters_on_lists`), when that differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turnout_by_took_part: Option<Turnout>,
    /// At least this many deputies of each gender are needed for the result to be valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_per_gender: Option<u32>,
    pub gender_check_passed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender_check: Option<GenderCheck>,
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
        seat_count: SeatCount::default(),
        men: 0,
        women: 0,
        voters_on_lists: 0,
        took_part: 0,
        turnout_voters: 0,
        turnout: Turnout::default(),
        turnout_by_took_part: None,
        min_per_gender: election.call.rule_set.national_min_per_gender,
        gender_check_passed: true,
        gender_check: None,
        constituencies: Vec::new(),
    };
    let mut basis = SeatStanding::Elected;
    for &constituency in &election.call.constituencies {
        let Some(seat) = constituency_view(state, root, constituency) else {
            continue;
        };
        view.seats += seat.seats;
        view.voters_on_lists += seat.contest.voters_on_lists;
        view.took_part += seat.contest.took_part;
        view.turnout_voters += seat.contest.turnout_voters;
        let holders = seat.contest.seat_holders();
        if let Some(standing) = seat.seat_standing {
            view.seat_count.add(standing, holders.len() as u32);
            basis = basis.min(standing);
        }
        for id in holders {
            match state.candidates.get(id).map(|c| c.nomination.gender) {
                Some(Gender::Female) => view.women += 1,
                _ => view.men += 1,
            }
        }
        view.constituencies.push(NationalSeat {
            constituency,
            election: seat.election,
            status: seat.status,
            seat_standing: seat.seat_standing,
            holders: match seat.seat_standing {
                Some(SeatStanding::Elected) => seat.elected,
                Some(SeatStanding::Allocated) => seat.allocated,
                Some(SeatStanding::Leading) => seat.leading,
                None => Vec::new(),
            },
            count_differs: seat.count_differs,
        });
    }
    view.turnout = Turnout {
        voted: view.turnout_voters,
        voters: view.voters_on_lists,
    };
    view.turnout_by_took_part = (view.took_part != view.turnout_voters).then_some(Turnout {
        voted: view.took_part,
        voters: view.voters_on_lists,
    });
    if let Some(min) = view.min_per_gender {
        view.gender_check_passed = view.men >= min && view.women >= min;
        view.gender_check = Some(GenderCheck {
            basis,
            seats_counted: view.seat_count.total(),
            men: view.men,
            women: view.women,
            min_per_gender: min,
            met: view.gender_check_passed,
        });
    }
    Some(view)
}

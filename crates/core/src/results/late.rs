//! Acts recorded after their statutory deadline, for a contest's view: results first
//! determined late and complaints filed late, by the election's calendar. They are
//! recorded all the same; what follows in law is the commission's decision, so the view only
//! shows them.

use crate::date::LegalDate;
use crate::election::Election;
use crate::ids::{ComplaintId, ConstituencyNo, ElectionId};
use crate::resolution::Citation;
use crate::state::State;
use serde::Serialize;

/// Which kind of act came after its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LateKind {
    /// The constituency's results were first determined (the elected recognised, or the
    /// election declared valid or invalid) after they were due.
    Results,
    /// A complaint was filed after the days allowed from the decision it concerns.
    Complaint,
}

/// An act recorded after its statutory deadline: recorded all the same, with this warning;
/// what follows in law is the commission's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LateAct {
    pub kind: LateKind,
    /// The resolution that determined the results late (`results`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Citation>,
    /// The complaint filed late (`complaint`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complaint: Option<ComplaintId>,
    pub dated: LegalDate,
    pub due: LegalDate,
}

/// The late acts of one contest: results first determined after they were due, and complaints
/// filed late against resolutions that concern the constituency.
pub fn late_acts(state: &State, election: &Election, constituency: ConstituencyNo) -> Vec<LateAct> {
    let calendar = election.calendar();
    let mut late = Vec::new();
    if let Some(contest) = state.contest(&election.call.id, constituency) {
        // The first resolution on the result determines it; later ones review it or register
        // successors.
        let first = contest
            .recognitions
            .iter()
            .map(|(key, _)| key)
            .chain(contest.validity.iter().map(|(key, _)| key))
            .filter_map(|key| state.resolutions.get(key))
            .filter(|r| r.voted.adopted)
            .min_by_key(|r| (r.date, r.key));
        if let Some(resolution) = first
            && resolution.date > calendar.results_by
        {
            late.push(LateAct {
                kind: LateKind::Results,
                resolution: Some(resolution.citation()),
                complaint: None,
                dated: resolution.date,
                due: calendar.results_by,
            });
        }
    }
    // The deadline is for complaints; a statement asking for a review on new circumstances
    // has none.
    let complaints = state
        .complaints
        .values()
        .filter(|(_, c)| c.kind == crate::casework::ComplaintKind::Complaint);
    for (stamp, complaint) in complaints {
        let Some(resolution) = complaint
            .concerns
            .as_ref()
            .and_then(|number| state.resolution_by_ref(number))
        else {
            continue;
        };
        if !super::concerns_constituency(state, resolution, constituency)
            || !concerns_election(state, resolution, &election.call.id)
        {
            continue;
        }
        let due = resolution.date.plus_days(calendar.complaint_days);
        if stamp.date > due {
            late.push(LateAct {
                kind: LateKind::Complaint,
                resolution: None,
                complaint: Some(complaint.id.clone()),
                dated: stamp.date,
                due,
            });
        }
    }
    late
}

/// Whether a resolution's effects touch this election: name it, or its candidates (a
/// rescission and a directive count as touching it).
fn concerns_election(
    state: &State,
    resolution: &crate::resolution::Resolution,
    election: &ElectionId,
) -> bool {
    use crate::resolution::Effect;
    let candidates_in = |ids: &[crate::ids::CandidateId]| {
        ids.iter().any(|id| {
            state
                .candidates
                .get(id)
                .is_some_and(|c| &c.nomination.election == election)
        })
    };
    resolution.voted.effects.iter().any(|effect| match effect {
        Effect::AnnulCandidateVotes { candidates }
        | Effect::AnnulRegistration { candidates }
        | Effect::BarFromRepeat { candidates }
        | Effect::RefundFees { candidates, .. } => candidates_in(candidates),
        Effect::AnnulStationResult { election: e, .. }
        | Effect::DeclareInvalid { election: e, .. }
        | Effect::DeclareValid { election: e, .. }
        | Effect::CallRepeatElection { repeat_of: e, .. }
        | Effect::CancelElection { election: e }
        | Effect::RecogniseElected { election: e, .. }
        | Effect::EndMandate { election: e, .. }
        | Effect::OrderRecount { election: e, .. }
        | Effect::DrawLot { election: e, .. } => e == election,
        _ => true,
    })
}

//! The marks the count's steps put on candidates (gender cap, ties, "against all", annulled
//! votes), and the order the tie rule gives candidates with equal votes (R-SEAT-GENDER-CAP,
//! R-SEAT-TIE, R-SEAT-AGAINST-ALL, R-SEAT-STANDING).

use super::{lot, registration_order};
use crate::election::Election;
use crate::ids::{CandidateId, ConstituencyNo};
use crate::state::{Contest, State};
use serde::Serialize;
use std::collections::BTreeMap;
use tandoo_count::{CandidateOutcome, FailReason, TieBreak};

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
    /// The candidate's mandate was ended by a resolution in force; the seat passed on and
    /// never comes back.
    MandateEnded,
}

/// The order the tie rule gives candidates with equal votes: registration order, or the lot
/// drawn. Candidates out of the ranking come after those in it.
pub(super) fn tie_order<'s>(
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
pub(super) fn seat_marks(outcome: &CandidateOutcome) -> BTreeMap<&str, Vec<SeatMark>> {
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

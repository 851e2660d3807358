//! What every kind of document draws on: the heading it gives, and the few readings of the
//! state several kinds share (the constituency's view, its ballot and register, a
//! candidate's name).

use tandoo_core::State;
use tandoo_core::ids::{CandidateId, ConstituencyNo, ElectionId, StationId};
use tandoo_core::national::{ConstituencyView, constituency_view};
use tandoo_present::written;

use crate::DocumentError;
use crate::words::{Words, args};

/// What the heading of a document says, given by each kind.
pub(crate) struct Heading {
    pub issuer: String,
    pub title: String,
    pub subtitle: Vec<String>,
    pub labels: &'static [&'static str],
}

/// The main election of the record: the first one called that is not a repeat.
pub(crate) fn main_election(state: &State) -> Result<&ElectionId, DocumentError> {
    state
        .elections
        .iter()
        .find(|(_, e)| e.call.kind != tandoo_core::election::ElectionKind::Repeat)
        .map(|(id, _)| id)
        .ok_or(DocumentError::NoElection)
}

/// A constituency's view in the main election (its seats decided by it or its repeat).
pub(crate) fn constituency(
    state: &State,
    number: ConstituencyNo,
) -> Result<ConstituencyView, DocumentError> {
    let root = main_election(state)?;
    constituency_view(state, root, number).ok_or(DocumentError::NoSuchConstituency(number.0))
}

/// "Constituency No. 13 «Name»".
pub(crate) fn constituency_line(
    view: &tandoo_core::national::ConstituencyView,
    words: Words,
) -> String {
    words.say(
        "constituency",
        &args(&[
            ("number", view.constituency.to_string()),
            (
                "name",
                written::text(&view.name, words.language).to_string(),
            ),
        ]),
    )
}

/// The candidates of a contest in the order of the ballot.
pub(crate) fn ballot<'s>(
    state: &'s State,
    election: &ElectionId,
    constituency: ConstituencyNo,
) -> &'s [CandidateId] {
    state
        .ballots
        .get(&(election.clone(), constituency))
        .map_or(&[][..], Vec::as_slice)
}

/// A candidate's name as registered, or its Latin form for English.
pub(crate) fn candidate_name(state: &State, id: &CandidateId, words: Words) -> String {
    state.candidates.get(id).map_or_else(
        || id.to_string(),
        |c| written::candidate_name(&c.nomination.candidate_name(), words.language).to_owned(),
    )
}

/// The stations whose lists hold the constituency's voters, in the register's order.
pub(crate) fn stations(state: &State, constituency: ConstituencyNo) -> &[StationId] {
    state
        .rolls
        .get(&constituency)
        .map_or(&[], |roll| roll.station_ids.as_slice())
}

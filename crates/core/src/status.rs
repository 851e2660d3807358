//! The status query: what `tandoo status`, `GET /api/status` and the portal show, asked in
//! one place — an election (else the first regular or early one by voting day), a
//! constituency (else the national count), on a legal date (else now). The caller brings
//! the state for the date (core reads no record); this answers with the view, or says why
//! there is none by a code and its fields.

use crate::date::LegalDate;
use crate::ids::{ConstituencyNo, ElectionId};
use crate::national::{ConstituencyView, NationalView, constituency_view, national_view};
use crate::state::State;
use serde::Serialize;
use std::fmt;

/// What a status request asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StatusQuery {
    /// The election; none for the first regular or early election by voting day.
    pub election: Option<ElectionId>,
    /// One constituency in detail; none for the national count.
    pub constituency: Option<ConstituencyNo>,
    /// The legal date the state is of; none for the record's present state. The state given
    /// to [`status`] must be of this date (`State::as_of`): this names it in a refusal.
    pub as_of: Option<LegalDate>,
}

/// The answer: the national count, or one constituency. Serialised as the view itself, so
/// that the JSON is the view's whichever was asked for.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum StatusView {
    National(Box<NationalView>),
    Constituency(Box<ConstituencyView>),
}

/// Why a status query has no view. The English sentence is the error's, as for every error
/// of core; a page words the code and the fields.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatusRefusal {
    /// The record holds no regular or early election (on that date).
    #[error("the record holds no election{}", on(*as_of))]
    NoElection { as_of: Option<LegalDate> },
    /// The election named is not in the record (on that date), or is a repeat election,
    /// whose national picture is its original's.
    #[error("there is no regular or early election {election}{}", on(*as_of))]
    UnknownElection {
        election: ElectionId,
        as_of: Option<LegalDate>,
    },
    /// The election has no such constituency (on that date).
    #[error("election {election} has no constituency {constituency}{}", on(*as_of))]
    UnknownConstituency {
        election: ElectionId,
        constituency: ConstituencyNo,
        as_of: Option<LegalDate>,
    },
}

impl StatusRefusal {
    /// The stable code, as the command line and the API answer it.
    pub fn code(&self) -> &'static str {
        match self {
            StatusRefusal::NoElection { .. } => "NO_ELECTION",
            StatusRefusal::UnknownElection { .. } => "UNKNOWN_ELECTION",
            StatusRefusal::UnknownConstituency { .. } => "UNKNOWN_CONSTITUENCY",
        }
    }
}

/// " as of DATE" after a refusal's sentence, for a state of a past date.
fn on(as_of: Option<LegalDate>) -> impl fmt::Display {
    struct On(Option<LegalDate>);
    impl fmt::Display for On {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.0 {
                Some(date) => write!(f, " as of {date}"),
                None => Ok(()),
            }
        }
    }
    On(as_of)
}

/// The status `query` asks for, from `state` (the state as of `query.as_of`).
pub fn status(state: &State, query: &StatusQuery) -> Result<StatusView, StatusRefusal> {
    let as_of = query.as_of;
    let election = match &query.election {
        Some(id) => id.clone(),
        None => state
            .main_election()
            .cloned()
            .ok_or(StatusRefusal::NoElection { as_of })?,
    };
    match query.constituency {
        Some(constituency) => constituency_view(state, &election, constituency)
            .map(|view| StatusView::Constituency(Box::new(view)))
            .ok_or(StatusRefusal::UnknownConstituency {
                election,
                constituency,
                as_of,
            }),
        None => national_view(state, &election)
            .map(|view| StatusView::National(Box::new(view)))
            .ok_or(StatusRefusal::UnknownElection { election, as_of }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_state_has_no_election_and_says_on_which_date() {
        let state = State::default();
        let query = StatusQuery {
            as_of: Some("2026-01-01".parse().unwrap()),
            ..StatusQuery::default()
        };
        let refusal = status(&state, &query).unwrap_err();
        assert_eq!(refusal.code(), "NO_ELECTION");
        assert_eq!(
            refusal.to_string(),
            "the record holds no election as of 2026-01-01"
        );
    }

    #[test]
    fn an_election_not_in_the_record_is_refused_by_its_id() {
        let query = StatusQuery {
            election: Some(ElectionId::new("E9")),
            constituency: Some(ConstituencyNo(13)),
            as_of: None,
        };
        let refusal = status(&State::default(), &query).unwrap_err();
        assert_eq!(refusal.code(), "UNKNOWN_CONSTITUENCY");
        assert_eq!(refusal.to_string(), "election E9 has no constituency 13");
        let national = StatusQuery {
            constituency: None,
            ..query
        };
        assert_eq!(
            status(&State::default(), &national)
                .unwrap_err()
                .to_string(),
            "there is no regular or early election E9"
        );
    }
}

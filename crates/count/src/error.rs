//! Refusals: every way the counting functions can reject their input.
//!
//! Each refusal has a stable machine code (see [`CountError::code`]) that clients may
//! match on, and a sentence a person understands (its `Display`), which the user
//! interface shows as it is. Codes never change meaning once published; new refusals
//! get new codes.

use serde::Serialize;
use thiserror::Error;

/// Why a count was refused. Nothing in this crate panics on bad input; it answers with
/// one of these instead. As data (a view that carries it) it is `{"code": …}` with its
/// fields, the code being [`CountError::code`]'s.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "code", rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum CountError {
    /// A vote count below zero (only possible in JSON input; counts are unsigned).
    #[error("{id} has a negative number of votes ({value}); vote counts cannot be below zero")]
    NegativeVotes { id: String, value: String },

    /// More seats than the contest can fill.
    #[error("{seats} seats cannot be filled: only {available} can be ({why})")]
    TooManySeats {
        seats: u64,
        available: u64,
        why: String,
    },

    /// A candidate contest with no seat to fill.
    #[error("the contest has no seats to fill; give at least one seat")]
    NoSeats,

    /// A single-seat method asked to fill several seats.
    #[error("the method {method} elects exactly one candidate, but {seats} seats were asked for")]
    SeatsMustBeOne { method: String, seats: u64 },

    /// A method name this library does not know.
    #[error(
        "unknown method \"{method}\"; known methods are: dhondt, sainte_lague, modified_sainte_lague, hare, droop, plurality, multi_member_plurality, block, two_round, referendum, mixed"
    )]
    UnknownMethod { method: String },

    /// Two entries share one identifier.
    #[error(
        "the identifier \"{id}\" is used twice; every candidate, party and region needs its own"
    )]
    DuplicateId { id: String },

    /// Votes whose total is beyond what any electorate casts.
    #[error(
        "the votes add up to more than {limit}; no election has that many voters, so the figures must be wrong"
    )]
    VotesTooLarge { limit: u64 },

    /// An entry without an identifier.
    #[error("an entry has an empty identifier; every candidate, party and region needs one")]
    EmptyId,

    /// A percentage above 100.
    #[error("the {what} of {value}% is above 100%")]
    #[serde(rename = "THRESHOLD_ABOVE_100")]
    ThresholdAbove100 { what: String, value: String },

    /// A gender cap is set, but a candidate's gender is not known.
    #[error(
        "candidate {id} has no gender, but a gender cap is set; give the gender of every candidate"
    )]
    MissingGender { id: String },

    /// A gender cap of zero would leave every seat empty.
    #[error("a gender cap of 0 seats would leave every seat empty; give at least 1 or no cap")]
    InvalidGenderCap,

    /// A tie must be broken by lot, but no seed was given.
    #[error(
        "a tie must be broken by lot, but no seed was given; give the seed drawn for this count"
    )]
    MissingSeed,

    /// Registration order cannot break a tie between two candidates registered with
    /// the same number.
    #[error(
        "{first} and {second} have equal votes and the same registration number, so registration order cannot break the tie; give distinct registration numbers or break ties by lot"
    )]
    RegistrationTie { first: String, second: String },

    /// An identifier that is not among the contest's candidates.
    #[error("\"{id}\" is not a candidate in this contest")]
    UnknownCandidate { id: String },

    /// A vacancy was declared for someone who does not hold a seat.
    #[error("{id} does not hold a seat, so their seat cannot fall vacant")]
    NotElected { id: String },

    /// The stated base (for example voters who took part) is smaller than the votes counted.
    #[error("the {what} ({base}) is smaller than the {counted} votes counted; check the figures")]
    BaseBelowVotes {
        what: String,
        base: u64,
        counted: u64,
    },

    /// A number that cannot be read.
    #[error("the {field} \"{value}\" is not a valid number: {why}")]
    InvalidNumber {
        field: String,
        value: String,
        why: String,
    },

    /// A required field is absent.
    #[error("the field \"{field}\" is required")]
    MissingField { field: String },

    /// A field has the wrong shape or an impossible value.
    #[error("the field \"{field}\" is not valid: {why}")]
    InvalidField { field: String, why: String },

    /// A party's regional votes name a region that is not declared.
    #[error(
        "party {party} has votes in region \"{region}\", which is not one of the declared regions"
    )]
    UnknownRegion { party: String, region: String },

    /// A party has no votes figure for a declared region.
    #[error(
        "party {party} has no votes for region \"{region}\"; give a figure for every declared region (0 if none)"
    )]
    MissingRegion { party: String, region: String },

    /// Votes in a region exceed the regional base.
    #[error(
        "the votes in region \"{region}\" ({counted}) exceed its base ({base}); check the figures"
    )]
    RegionBaseBelowVotes {
        region: String,
        base: u64,
        counted: u64,
    },

    /// Figures that contradict each other.
    #[error("the figures are inconsistent: {why}")]
    #[serde(rename = "INCONSISTENT_FIGURES")]
    Inconsistent { why: String },
}

/// Every code [`CountError::code`] can return, for catalogs and documents that must word
/// each one. Keep it in step with `code()`: a test fails when a refusal is added to one
/// and not the other.
pub const CODES: &[&str] = &[
    "NEGATIVE_VOTES",
    "TOO_MANY_SEATS",
    "NO_SEATS",
    "SEATS_MUST_BE_ONE",
    "UNKNOWN_METHOD",
    "DUPLICATE_ID",
    "VOTES_TOO_LARGE",
    "EMPTY_ID",
    "THRESHOLD_ABOVE_100",
    "MISSING_GENDER",
    "INVALID_GENDER_CAP",
    "MISSING_SEED",
    "REGISTRATION_TIE",
    "UNKNOWN_CANDIDATE",
    "NOT_ELECTED",
    "BASE_BELOW_VOTES",
    "INVALID_NUMBER",
    "MISSING_FIELD",
    "INVALID_FIELD",
    "UNKNOWN_REGION",
    "MISSING_REGION",
    "REGION_BASE_BELOW_VOTES",
    "INCONSISTENT_FIGURES",
];

impl CountError {
    /// The stable machine code of this refusal, in `SCREAMING_SNAKE_CASE`.
    pub fn code(&self) -> &'static str {
        match self {
            CountError::NegativeVotes { .. } => "NEGATIVE_VOTES",
            CountError::TooManySeats { .. } => "TOO_MANY_SEATS",
            CountError::NoSeats => "NO_SEATS",
            CountError::SeatsMustBeOne { .. } => "SEATS_MUST_BE_ONE",
            CountError::UnknownMethod { .. } => "UNKNOWN_METHOD",
            CountError::DuplicateId { .. } => "DUPLICATE_ID",
            CountError::VotesTooLarge { .. } => "VOTES_TOO_LARGE",
            CountError::EmptyId => "EMPTY_ID",
            CountError::ThresholdAbove100 { .. } => "THRESHOLD_ABOVE_100",
            CountError::MissingGender { .. } => "MISSING_GENDER",
            CountError::InvalidGenderCap => "INVALID_GENDER_CAP",
            CountError::MissingSeed => "MISSING_SEED",
            CountError::RegistrationTie { .. } => "REGISTRATION_TIE",
            CountError::UnknownCandidate { .. } => "UNKNOWN_CANDIDATE",
            CountError::NotElected { .. } => "NOT_ELECTED",
            CountError::BaseBelowVotes { .. } => "BASE_BELOW_VOTES",
            CountError::InvalidNumber { .. } => "INVALID_NUMBER",
            CountError::MissingField { .. } => "MISSING_FIELD",
            CountError::InvalidField { .. } => "INVALID_FIELD",
            CountError::UnknownRegion { .. } => "UNKNOWN_REGION",
            CountError::MissingRegion { .. } => "MISSING_REGION",
            CountError::RegionBaseBelowVotes { .. } => "REGION_BASE_BELOW_VOTES",
            CountError::Inconsistent { .. } => "INCONSISTENT_FIGURES",
        }
    }
}

/// The most votes a contest may total: far above any electorate on earth, and low enough
/// that every product and sum of the methods stays exact in 128-bit integers.
pub const MAX_TOTAL_VOTES: u64 = 1 << 50;

/// The most seats one contest may fill: far above any assembly, and low enough that a
/// method that hands out seats one by one always finishes quickly.
pub const MAX_SEATS: u64 = 100_000;

/// Refuses vote totals beyond [`MAX_TOTAL_VOTES`] before any method adds them up.
pub(crate) fn check_total(votes: impl IntoIterator<Item = u64>) -> Result<(), CountError> {
    let mut total: u64 = 0;
    for v in votes {
        total = total
            .checked_add(v)
            .filter(|t| *t <= MAX_TOTAL_VOTES)
            .ok_or(CountError::VotesTooLarge {
                limit: MAX_TOTAL_VOTES,
            })?;
    }
    Ok(())
}

/// Refuses more than [`MAX_SEATS`] seats.
pub(crate) fn check_seats(seats: u64) -> Result<(), CountError> {
    if seats > MAX_SEATS {
        return Err(CountError::TooManySeats {
            seats,
            available: MAX_SEATS,
            why: "no contest fills more seats than that".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// One refusal of every kind. The match in `codes_lists_exactly_the_codes_refusals_have`
    /// names every variant without a wildcard, so a new refusal does not compile until it
    /// is added there, here and to `CODES`.
    fn one_of_each() -> Vec<CountError> {
        let text = || String::from("x");
        vec![
            CountError::NegativeVotes {
                id: text(),
                value: text(),
            },
            CountError::TooManySeats {
                seats: 2,
                available: 1,
                why: text(),
            },
            CountError::NoSeats,
            CountError::SeatsMustBeOne {
                method: text(),
                seats: 2,
            },
            CountError::UnknownMethod { method: text() },
            CountError::DuplicateId { id: text() },
            CountError::VotesTooLarge {
                limit: MAX_TOTAL_VOTES,
            },
            CountError::EmptyId,
            CountError::ThresholdAbove100 {
                what: text(),
                value: text(),
            },
            CountError::MissingGender { id: text() },
            CountError::InvalidGenderCap,
            CountError::MissingSeed,
            CountError::RegistrationTie {
                first: text(),
                second: text(),
            },
            CountError::UnknownCandidate { id: text() },
            CountError::NotElected { id: text() },
            CountError::BaseBelowVotes {
                what: text(),
                base: 1,
                counted: 2,
            },
            CountError::InvalidNumber {
                field: text(),
                value: text(),
                why: text(),
            },
            CountError::MissingField { field: text() },
            CountError::InvalidField {
                field: text(),
                why: text(),
            },
            CountError::UnknownRegion {
                party: text(),
                region: text(),
            },
            CountError::MissingRegion {
                party: text(),
                region: text(),
            },
            CountError::RegionBaseBelowVotes {
                region: text(),
                base: 1,
                counted: 2,
            },
            CountError::Inconsistent { why: text() },
        ]
    }

    #[test]
    fn codes_lists_exactly_the_codes_refusals_have() {
        let examples = one_of_each();
        for e in &examples {
            match e {
                CountError::NegativeVotes { .. }
                | CountError::TooManySeats { .. }
                | CountError::NoSeats
                | CountError::SeatsMustBeOne { .. }
                | CountError::UnknownMethod { .. }
                | CountError::DuplicateId { .. }
                | CountError::VotesTooLarge { .. }
                | CountError::EmptyId
                | CountError::ThresholdAbove100 { .. }
                | CountError::MissingGender { .. }
                | CountError::InvalidGenderCap
                | CountError::MissingSeed
                | CountError::RegistrationTie { .. }
                | CountError::UnknownCandidate { .. }
                | CountError::NotElected { .. }
                | CountError::BaseBelowVotes { .. }
                | CountError::InvalidNumber { .. }
                | CountError::MissingField { .. }
                | CountError::InvalidField { .. }
                | CountError::UnknownRegion { .. }
                | CountError::MissingRegion { .. }
                | CountError::RegionBaseBelowVotes { .. }
                | CountError::Inconsistent { .. } => {}
            }
        }
        let produced: BTreeSet<&str> = examples.iter().map(CountError::code).collect();
        assert_eq!(produced.len(), examples.len(), "one example per code");
        let listed: BTreeSet<&str> = CODES.iter().copied().collect();
        assert_eq!(listed.len(), CODES.len(), "CODES names each code once");
        assert_eq!(produced, listed);
    }

    #[test]
    fn as_data_every_refusal_is_its_code_with_its_fields() {
        for e in one_of_each() {
            let json = serde_json::to_value(&e).unwrap();
            assert_eq!(json["code"], e.code(), "{json}");
        }
        let e = CountError::RegistrationTie {
            first: "A".into(),
            second: "B".into(),
        };
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "REGISTRATION_TIE", "first": "A", "second": "B"})
        );
    }

    #[test]
    fn refusals_carry_stable_codes_and_readable_sentences() {
        let e = CountError::DuplicateId { id: "A".into() };
        assert_eq!(e.code(), "DUPLICATE_ID");
        assert!(e.to_string().contains("\"A\" is used twice"));
        let e = CountError::ThresholdAbove100 {
            what: "national threshold".into(),
            value: "120".into(),
        };
        assert_eq!(e.code(), "THRESHOLD_ABOVE_100");
        assert_eq!(
            e.to_string(),
            "the national threshold of 120% is above 100%"
        );
    }
}

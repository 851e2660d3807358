//! Vote counting and seat allocation for tandoo.
//!
//! A pure library: every function takes the figures and the rule set as values and
//! returns the result together with the steps that led to it, so that a report can
//! show the working and anyone can recompute it. There is no I/O, no clock and no
//! randomness; a lot is drawn from a seed given in the input (see [`tie`]).
//!
//! No decision depends on floating point: quotients, quotas and shares are compared
//! as exact fractions (see [`rational`]).
//!
//! The rules implemented here are described in the project's electoral rules; each
//! module cites the rule it implements.
#![forbid(unsafe_code)]

mod apportionment;
pub mod candidates;
pub mod divisor;
pub mod error;
pub mod json;
pub mod list;
pub mod mixed;
pub mod open_list;
pub mod rational;
pub mod referendum;
pub mod remainder;
pub mod step;
pub mod threshold;
pub mod tie;

pub use candidates::{
    AgainstAllRule, CandidateContest, CandidateMethod, CandidateOutcome, CandidateTally,
    ContestStatus, FailReason, Gender, allocate_candidates, succeed_vacancy,
};
pub use divisor::DivisorMethod;
pub use error::{CountError, MAX_SEATS, MAX_TOTAL_VOTES};
pub use json::{allocate_json, error_json};
pub use list::{
    ListContest, ListMethod, ListOutcome, PartySeats, PartyTally, SeatCap, allocate_list,
};
pub use mixed::{Constituency, MixedContest, MixedOutcome, PartyTotal, allocate_mixed};
pub use open_list::{GenderReserve, ListCandidate, OpenListOutcome, fill_party_seats};
pub use rational::Ratio;
pub use referendum::{
    QuestionOutcome, QuestionTally, Referendum, ReferendumOutcome, decide_referendum,
};
pub use remainder::Quota;
pub use step::Step;
pub use threshold::{Region, Threshold, ThresholdBase};
pub use tie::{Tie, TieBreak, lot_number};

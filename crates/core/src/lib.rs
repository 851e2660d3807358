//! The domain of tandoo: the acts an election commission performs, the commands that produce
//! them (`decide`), the state they build (`apply`), and the results computed from that state.
//!
//! Nothing here does I/O or reads a clock: the date of every act comes with its command, so
//! replaying the record always gives the same state.

#![forbid(unsafe_code)]

pub mod act;
pub mod actor;
pub mod candidate;
pub mod casework;
pub mod command;
pub mod commission;
pub mod date;
pub mod decide;
pub mod election;
pub mod ids;
pub mod listing;
pub mod money;
pub mod national;
pub mod permission;
pub mod progress;
pub mod protocol;
pub mod refusal;
pub mod resolution;
pub mod results;
pub mod rules;
pub mod state;
pub mod status;
pub mod territory;
pub mod text;

pub use act::Act;
pub use actor::{Actor, Role};
pub use command::{Command, Submission};
pub use date::LegalDate;
pub use decide::decide;
pub use refusal::Refusal;
pub use state::{Stamp, State};
pub use text::{Text, TextLanguage};

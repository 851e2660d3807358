//! Identifiers people use: constituency 13, station 4521, resolution CEC 161/2025.
//!
//! Each is a newtype so that a station number can never be passed where a constituency
//! number is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

macro_rules! number_id {
    ($(#[$doc:meta])* $name:ident, $int:ty) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $int);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

text_id!(
    /// An election, e.g. `E1` for the early parliamentary elections of 30 November 2025.
    ElectionId
);
text_id!(
    /// A commission: `CEC`, `DEC-13`, `TEC-Osh`, `PEC-4521`.
    CommissionId
);
text_id!(
    /// A member of a commission, unique within it.
    MemberId
);
text_id!(
    /// A candidacy in one election (one person may stand in several elections).
    CandidateId
);
text_id!(
    /// A natural person, e.g. the personal identification number; used to recognise the same
    /// person across elections (bars from repeat elections, duplicate nominations).
    PersonId
);
text_id!(
    /// A complaint or collective statement, e.g. `CEC-C-2026-7`.
    ComplaintId
);
text_id!(
    /// A request sent to another body, e.g. to the Ministry of Internal Affairs.
    RequestId
);
text_id!(
    /// A commission meeting.
    MeetingId
);
text_id!(
    /// An incident recorded against a polling station.
    IncidentId
);
number_id!(
    /// Constituency number, 1..=30 for the Jogorku Kenesh.
    ConstituencyNo,
    u16
);
number_id!(
    /// Polling station number.
    StationId,
    u32
);

/// How a resolution is cited: commission, number, year — "CEC 161/2025".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolutionRef {
    // Field order gives the order of numbering: by commission, then year, then number.
    pub commission: CommissionId,
    pub year: u16,
    pub number: u32,
}

impl fmt::Display for ResolutionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}/{}", self.commission, self.number, self.year)
    }
}

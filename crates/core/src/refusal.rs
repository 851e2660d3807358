//! Refusals: why a command was not recorded. Each has a stable code (for the API, the UI and
//! scripts) and a sentence a person understands.

use crate::date::LegalDate;
use crate::ids::{ComplaintId, MeetingId, MemberId, ResolutionRef};
use crate::protocol::{ControlFailure, Warning};
use crate::results::AllocationError;
use crate::state::Referent;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{} {role} may not {action}", article(.role))]
    NotAuthorised { role: String, action: String },
    #[error("{commission} has no competence to {action}")]
    OutsideCompetence { commission: String, action: String },
    #[error("there is no {what} {id}")]
    Unknown { what: &'static str, id: String },
    #[error("{what} {id} already exists")]
    AlreadyExists { what: &'static str, id: String },
    #[error("{name} ({person}) is already a candidate in election {election} as {existing}")]
    DuplicateCandidate {
        person: String,
        name: String,
        election: String,
        existing: String,
    },
    #[error("candidate {candidate} is already registered")]
    AlreadyRegistered { candidate: String },
    #[error("candidate {candidate} is {standing}, so cannot be {action}")]
    WrongStanding {
        candidate: String,
        standing: String,
        action: &'static str,
    },
    #[error(
        "candidate {candidate} has paid {paid} of the election fee of {fee}; registration needs the whole fee"
    )]
    FeeNotPaid {
        candidate: String,
        paid: String,
        fee: String,
    },
    #[error(
        "{} is barred from the repeat election in constituency {constituency} by {resolution}",
        .latin_name.as_deref().unwrap_or(.name)
    )]
    CandidateBarred {
        /// As registered; `latin_name` is its Latin form, which English shows.
        name: String,
        latin_name: Option<String>,
        constituency: u16,
        resolution: String,
    },
    #[error("election {election} is cancelled by {resolution}")]
    ElectionCancelled {
        election: String,
        resolution: String,
    },
    #[error("constituency {constituency} is not part of election {election}")]
    ConstituencyNotInElection { election: String, constituency: u16 },
    #[error("the protocol does not pass the control relations: {}", list(.failures))]
    ProtocolRejected { failures: Vec<ControlFailure> },
    #[error("the protocol has warnings the operator has not acknowledged: {}", list(.warnings))]
    WarningsNotAcknowledged { warnings: Vec<Warning> },
    #[error(
        "the protocol of station {station} for constituency {constituency} is already accepted; a correction needs a reason"
    )]
    ProtocolAlreadyAccepted { station: u32, constituency: u16 },
    #[error(
        "the entries of the protocol of station {station} for constituency {constituency} differ; a supervisor must keep one or order another entry"
    )]
    EntriesDiffer { station: u32, constituency: u16 },
    #[error(
        "{operator} made entry {entry} of this protocol; the other entry must come from another operator"
    )]
    SameOperator { operator: String, entry: u32 },
    #[error(
        "the protocol of station {station} for constituency {constituency} has no differing entries to settle"
    )]
    NothingToSettle { station: u32, constituency: u16 },
    #[error("member {member} voted twice")]
    DuplicateVote { member: String },
    #[error("resolution {resolution} already exists")]
    ResolutionNumberTaken { resolution: String },
    #[error("{resolution} is not in force (it was {why}), so it cannot be rescinded")]
    NotInForce {
        resolution: String,
        why: &'static str,
    },
    #[error("in constituency {constituency} the count elects {allocated}, not {named}")]
    ElectedNotAllocated {
        constituency: u16,
        allocated: String,
        named: String,
    },
    #[error("the count in constituency {constituency} cannot elect anyone: {reason}")]
    CountFailed { constituency: u16, reason: String },
    #[error("station {station} has no accepted protocol for constituency {constituency} to annul")]
    NoProtocol { station: u32, constituency: u16 },
    #[error(
        "{settler} made entry {entry} of this round of the protocol of station {station} for constituency {constituency}, so cannot settle it"
    )]
    SettlerMadeEntry {
        settler: String,
        station: u32,
        constituency: u16,
        entry: u32,
    },
    #[error(
        "station {station} serves constituency {home}; election {election} does not count a station's protocol for another constituency ({constituency})"
    )]
    StationOutsideConstituency {
        election: String,
        station: u32,
        home: u16,
        constituency: u16,
    },
    #[error("{commission} has no resolution number left in {year}")]
    NoFreeResolutionNumber { commission: String, year: u16 },
    #[error("resolution number {number} is beyond the largest, {max}")]
    ResolutionNumberTooLarge { number: u32, max: u32 },
    #[error("{field} is {length} characters long; at most {max}")]
    IdentifierTooLong {
        field: &'static str,
        length: usize,
        max: usize,
    },
    #[error("{field} must not be empty")]
    EmptyIdentifier { field: &'static str },
    #[error("{field} holds a control, format or space character (U+{code_point:04X})")]
    BadCharacter {
        field: &'static str,
        code_point: u32,
    },
    #[error("{field} must not be blank")]
    BlankText { field: &'static str },
    #[error("{field} is {length} characters long; at most {max}")]
    TextTooLong {
        field: &'static str,
        length: usize,
        max: usize,
    },
    #[error("the command is {size} bytes long; at most {max}")]
    CommandTooLarge { size: usize, max: usize },
    #[error("{0}")]
    BadValue(String),
    #[error(
        "this act of {date} refers to {what} {id}, which dates from {dated}, later than the act"
    )]
    RefersToLater {
        what: Referent,
        id: String,
        dated: LegalDate,
        date: LegalDate,
    },
    #[error(
        "constituency {constituency} has complaints still open before its commission: {}",
        list(.complaints)
    )]
    OpenComplaints {
        constituency: u16,
        complaints: Vec<ComplaintId>,
    },
    #[error(
        "the result of constituency {constituency} is recognised by resolution {resolution}; the protocol of station {station} may be corrected only after a recount ordered by resolution"
    )]
    ResultRecognised {
        station: u32,
        constituency: u16,
        resolution: ResolutionRef,
    },
    #[error("the count in constituency {constituency} elects nobody: {why}")]
    CountElectsNobody {
        constituency: u16,
        why: AllocationError,
    },
    #[error(
        "a lot is drawn by a member present at the meeting the resolution names; {member} is not recorded as present{}",
        .meeting.as_ref().map(|m| format!(" at meeting {m}")).unwrap_or_else(|| ", and no meeting is named".into())
    )]
    LotNotDrawnInMeeting {
        member: MemberId,
        meeting: Option<MeetingId>,
    },
    #[error("the seed of a lot must be 1 to {max} characters")]
    BadLotSeed { max: u32 },
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every code [`Refusal::code`] can return, for catalogs and documents that must word each
/// one. Keep it in step with `code()`: a test fails when a refusal is added to one and
/// not the other.
pub const CODES: &[&str] = &[
    "NOT_AUTHORISED",
    "OUTSIDE_COMPETENCE",
    "UNKNOWN_CANDIDATE",
    "UNKNOWN_ELECTION",
    "UNKNOWN_CONSTITUENCY",
    "UNKNOWN_STATION",
    "UNKNOWN_COMMISSION",
    "UNKNOWN_MEMBER",
    "UNKNOWN_RESOLUTION",
    "UNKNOWN_COMPLAINT",
    "UNKNOWN_REQUEST",
    "UNKNOWN_MEETING",
    "UNKNOWN_REFERENCE",
    "ALREADY_EXISTS",
    "DUPLICATE_CANDIDATE",
    "ALREADY_REGISTERED",
    "WRONG_STANDING",
    "FEE_NOT_PAID",
    "CANDIDATE_BARRED",
    "ELECTION_CANCELLED",
    "CONSTITUENCY_NOT_IN_ELECTION",
    "PROTOCOL_REJECTED",
    "WARNINGS_NOT_ACKNOWLEDGED",
    "PROTOCOL_ALREADY_ACCEPTED",
    "ENTRIES_DIFFER",
    "SAME_OPERATOR",
    "NOTHING_TO_SETTLE",
    "DUPLICATE_VOTE",
    "RESOLUTION_NUMBER_TAKEN",
    "NOT_IN_FORCE",
    "ELECTED_NOT_ALLOCATED",
    "COUNT_FAILED",
    "NO_PROTOCOL",
    "SETTLER_MADE_ENTRY",
    "STATION_OUTSIDE_CONSTITUENCY",
    "NO_FREE_RESOLUTION_NUMBER",
    "RESOLUTION_NUMBER_TOO_LARGE",
    "IDENTIFIER_TOO_LONG",
    "EMPTY_IDENTIFIER",
    "BAD_CHARACTER",
    "BLANK_TEXT",
    "TEXT_TOO_LONG",
    "COMMAND_TOO_LARGE",
    "REFERS_TO_LATER",
    "OPEN_COMPLAINTS",
    "RESULT_RECOGNISED",
    "COUNT_ELECTS_NOBODY",
    "LOT_NOT_DRAWN_IN_MEETING",
    "BAD_LOT_SEED",
    "BAD_VALUE",
];

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotAuthorised { .. } => "NOT_AUTHORISED",
            Refusal::OutsideCompetence { .. } => "OUTSIDE_COMPETENCE",
            Refusal::Unknown { what, .. } => match *what {
                "candidate" => "UNKNOWN_CANDIDATE",
                "election" => "UNKNOWN_ELECTION",
                "constituency" => "UNKNOWN_CONSTITUENCY",
                "polling station" => "UNKNOWN_STATION",
                "commission" => "UNKNOWN_COMMISSION",
                "member" => "UNKNOWN_MEMBER",
                "resolution" => "UNKNOWN_RESOLUTION",
                "complaint" => "UNKNOWN_COMPLAINT",
                "request" => "UNKNOWN_REQUEST",
                "meeting" => "UNKNOWN_MEETING",
                _ => "UNKNOWN_REFERENCE",
            },
            Refusal::AlreadyExists { .. } => "ALREADY_EXISTS",
            Refusal::DuplicateCandidate { .. } => "DUPLICATE_CANDIDATE",
            Refusal::AlreadyRegistered { .. } => "ALREADY_REGISTERED",
            Refusal::WrongStanding { .. } => "WRONG_STANDING",
            Refusal::FeeNotPaid { .. } => "FEE_NOT_PAID",
            Refusal::CandidateBarred { .. } => "CANDIDATE_BARRED",
            Refusal::ElectionCancelled { .. } => "ELECTION_CANCELLED",
            Refusal::ConstituencyNotInElection { .. } => "CONSTITUENCY_NOT_IN_ELECTION",
            Refusal::ProtocolRejected { .. } => "PROTOCOL_REJECTED",
            Refusal::WarningsNotAcknowledged { .. } => "WARNINGS_NOT_ACKNOWLEDGED",
            Refusal::ProtocolAlreadyAccepted { .. } => "PROTOCOL_ALREADY_ACCEPTED",
            Refusal::EntriesDiffer { .. } => "ENTRIES_DIFFER",
            Refusal::SameOperator { .. } => "SAME_OPERATOR",
            Refusal::NothingToSettle { .. } => "NOTHING_TO_SETTLE",
            Refusal::DuplicateVote { .. } => "DUPLICATE_VOTE",
            Refusal::ResolutionNumberTaken { .. } => "RESOLUTION_NUMBER_TAKEN",
            Refusal::NotInForce { .. } => "NOT_IN_FORCE",
            Refusal::ElectedNotAllocated { .. } => "ELECTED_NOT_ALLOCATED",
            Refusal::CountFailed { .. } => "COUNT_FAILED",
            Refusal::NoProtocol { .. } => "NO_PROTOCOL",
            Refusal::SettlerMadeEntry { .. } => "SETTLER_MADE_ENTRY",
            Refusal::StationOutsideConstituency { .. } => "STATION_OUTSIDE_CONSTITUENCY",
            Refusal::NoFreeResolutionNumber { .. } => "NO_FREE_RESOLUTION_NUMBER",
            Refusal::ResolutionNumberTooLarge { .. } => "RESOLUTION_NUMBER_TOO_LARGE",
            Refusal::IdentifierTooLong { .. } => "IDENTIFIER_TOO_LONG",
            Refusal::EmptyIdentifier { .. } => "EMPTY_IDENTIFIER",
            Refusal::BadCharacter { .. } => "BAD_CHARACTER",
            Refusal::BlankText { .. } => "BLANK_TEXT",
            Refusal::TextTooLong { .. } => "TEXT_TOO_LONG",
            Refusal::CommandTooLarge { .. } => "COMMAND_TOO_LARGE",
            Refusal::BadValue(_) => "BAD_VALUE",
            Refusal::RefersToLater { .. } => "REFERS_TO_LATER",
            Refusal::OpenComplaints { .. } => "OPEN_COMPLAINTS",
            Refusal::ResultRecognised { .. } => "RESULT_RECOGNISED",
            Refusal::CountElectsNobody { .. } => "COUNT_ELECTS_NOBODY",
            Refusal::LotNotDrawnInMeeting { .. } => "LOT_NOT_DRAWN_IN_MEETING",
            Refusal::BadLotSeed { .. } => "BAD_LOT_SEED",
        }
    }

    pub(crate) fn unknown(what: &'static str, id: impl ToString) -> Self {
        Refusal::Unknown {
            what,
            id: id.to_string(),
        }
    }
}

/// "a" or "an" before a role's name ("an operator", "a secretary").
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashSet};

    /// One refusal of every kind, and of `Unknown` one for every thing `code()` names.
    fn one_of_each() -> Vec<Refusal> {
        let text = || String::from("x");
        let mut all: Vec<Refusal> = [
            "candidate",
            "election",
            "constituency",
            "polling station",
            "commission",
            "member",
            "resolution",
            "complaint",
            "request",
            "meeting",
            "anything else",
        ]
        .into_iter()
        .map(|what| Refusal::unknown(what, "x"))
        .collect();
        all.extend([
            Refusal::NotAuthorised {
                role: text(),
                action: text(),
            },
            Refusal::OutsideCompetence {
                commission: text(),
                action: text(),
            },
            Refusal::AlreadyExists {
                what: "election",
                id: text(),
            },
            Refusal::DuplicateCandidate {
                person: text(),
                name: text(),
                election: text(),
                existing: text(),
            },
            Refusal::AlreadyRegistered { candidate: text() },
            Refusal::WrongStanding {
                candidate: text(),
                standing: text(),
                action: "registered",
            },
            Refusal::FeeNotPaid {
                candidate: text(),
                paid: text(),
                fee: text(),
            },
            Refusal::CandidateBarred {
                name: text(),
                latin_name: None,
                constituency: 1,
                resolution: text(),
            },
            Refusal::ElectionCancelled {
                election: text(),
                resolution: text(),
            },
            Refusal::ConstituencyNotInElection {
                election: text(),
                constituency: 1,
            },
            Refusal::ProtocolRejected { failures: vec![] },
            Refusal::WarningsNotAcknowledged { warnings: vec![] },
            Refusal::ProtocolAlreadyAccepted {
                station: 1,
                constituency: 1,
            },
            Refusal::EntriesDiffer {
                station: 1,
                constituency: 1,
            },
            Refusal::SameOperator {
                operator: text(),
                entry: 1,
            },
            Refusal::NothingToSettle {
                station: 1,
                constituency: 1,
            },
            Refusal::DuplicateVote { member: text() },
            Refusal::ResolutionNumberTaken { resolution: text() },
            Refusal::NotInForce {
                resolution: text(),
                why: "rescinded already",
            },
            Refusal::ElectedNotAllocated {
                constituency: 1,
                allocated: text(),
                named: text(),
            },
            Refusal::CountFailed {
                constituency: 1,
                reason: text(),
            },
            Refusal::NoProtocol {
                station: 1,
                constituency: 1,
            },
            Refusal::SettlerMadeEntry {
                settler: text(),
                station: 1,
                constituency: 1,
                entry: 1,
            },
            Refusal::StationOutsideConstituency {
                election: text(),
                station: 1,
                home: 1,
                constituency: 2,
            },
            Refusal::NoFreeResolutionNumber {
                commission: text(),
                year: 2026,
            },
            Refusal::ResolutionNumberTooLarge { number: 1, max: 1 },
            Refusal::IdentifierTooLong {
                field: "id",
                length: 2,
                max: 1,
            },
            Refusal::EmptyIdentifier { field: "id" },
            Refusal::BadCharacter {
                field: "name",
                code_point: 0,
            },
            Refusal::BlankText { field: "title" },
            Refusal::TextTooLong {
                field: "title",
                length: 2,
                max: 1,
            },
            Refusal::CommandTooLarge { size: 2, max: 1 },
            Refusal::RefersToLater {
                what: Referent::Resolution,
                id: text(),
                dated: LegalDate::MAX,
                date: LegalDate::MIN,
            },
            Refusal::OpenComplaints {
                constituency: 1,
                complaints: vec![],
            },
            Refusal::ResultRecognised {
                station: 1,
                constituency: 1,
                resolution: ResolutionRef {
                    commission: crate::ids::CommissionId::new("CEC"),
                    number: 1,
                    year: 2026,
                },
            },
            Refusal::CountElectsNobody {
                constituency: 1,
                why: AllocationError::NothingCounted,
            },
            Refusal::LotNotDrawnInMeeting {
                member: MemberId::new("a"),
                meeting: None,
            },
            Refusal::BadLotSeed { max: 1 },
            Refusal::BadValue(text()),
        ]);
        all
    }

    /// Names every variant without a wildcard, so that a new refusal does not compile
    /// until it is added here, to `one_of_each` (and the number of variants the test
    /// counts) and, for the test to pass, to `CODES`.
    fn is_listed(refusal: &Refusal) -> bool {
        match refusal {
            Refusal::NotAuthorised { .. }
            | Refusal::OutsideCompetence { .. }
            | Refusal::Unknown { .. }
            | Refusal::AlreadyExists { .. }
            | Refusal::DuplicateCandidate { .. }
            | Refusal::AlreadyRegistered { .. }
            | Refusal::WrongStanding { .. }
            | Refusal::FeeNotPaid { .. }
            | Refusal::CandidateBarred { .. }
            | Refusal::ElectionCancelled { .. }
            | Refusal::ConstituencyNotInElection { .. }
            | Refusal::ProtocolRejected { .. }
            | Refusal::WarningsNotAcknowledged { .. }
            | Refusal::ProtocolAlreadyAccepted { .. }
            | Refusal::EntriesDiffer { .. }
            | Refusal::SameOperator { .. }
            | Refusal::NothingToSettle { .. }
            | Refusal::DuplicateVote { .. }
            | Refusal::ResolutionNumberTaken { .. }
            | Refusal::NotInForce { .. }
            | Refusal::ElectedNotAllocated { .. }
            | Refusal::CountFailed { .. }
            | Refusal::NoProtocol { .. }
            | Refusal::SettlerMadeEntry { .. }
            | Refusal::StationOutsideConstituency { .. }
            | Refusal::NoFreeResolutionNumber { .. }
            | Refusal::ResolutionNumberTooLarge { .. }
            | Refusal::IdentifierTooLong { .. }
            | Refusal::EmptyIdentifier { .. }
            | Refusal::BadCharacter { .. }
            | Refusal::BlankText { .. }
            | Refusal::TextTooLong { .. }
            | Refusal::CommandTooLarge { .. }
            | Refusal::RefersToLater { .. }
            | Refusal::OpenComplaints { .. }
            | Refusal::ResultRecognised { .. }
            | Refusal::CountElectsNobody { .. }
            | Refusal::LotNotDrawnInMeeting { .. }
            | Refusal::BadLotSeed { .. }
            | Refusal::BadValue(_) => true,
        }
    }

    #[test]
    fn codes_lists_exactly_the_codes_refusals_have() {
        let examples = one_of_each();
        assert!(examples.iter().all(is_listed));
        let variants: HashSet<_> = examples.iter().map(std::mem::discriminant).collect();
        assert_eq!(
            variants.len(),
            40,
            "one example of every variant of Refusal"
        );
        let produced: BTreeSet<&str> = examples.iter().map(Refusal::code).collect();
        let listed: BTreeSet<&str> = CODES.iter().copied().collect();
        assert_eq!(listed.len(), CODES.len(), "CODES names each code once");
        assert_eq!(produced, listed);
    }
}

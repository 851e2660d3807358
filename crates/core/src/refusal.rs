//! Refusals: why a command was not recorded. Each has a stable code (for the API, the UI and
//! scripts) and a sentence a person understands.

use crate::date::LegalDate;
use crate::ids::{ComplaintId, MeetingId, MemberId, ResolutionRef};
use crate::protocol::{ControlFailure, Warning};
use crate::results::AllocationError;
use crate::state::Referent;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("a {role} may not {action}")]
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
        "{name} is barred from the repeat election in constituency {constituency} by {resolution}"
    )]
    CandidateBarred {
        name: String,
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

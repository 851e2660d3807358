//! Commands: what a commission asks tandoo to record. `decide` turns a command into acts or
//! refuses it; the JSON form is documented in docs/commands.md.
//!
//! Every command is one struct, so that a handler takes exactly the fields of its command and
//! a form of the staff application has one type to fill in. Every struct refuses a member it
//! does not know (L2): a misspelt field is a `BAD_COMMAND` naming it, never a default
//! silently taken.

use crate::actor::Actor;
use crate::candidate::Nomination;
use crate::casework::{Answer, ComplaintDecision, ComplaintKind, Speaker};
use crate::commission::CommissionDef;
use crate::date::LegalDate;
use crate::election::ElectionKind;
use crate::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, IncidentId, MeetingId,
    MemberId, RequestId, ResolutionRef, StationId,
};
use crate::money::Money;
use crate::protocol::{PreliminaryFigures, ProtocolEntry, ProtocolForm};
use crate::resolution::{Effect, MemberVote};
use crate::rules::RuleSetSpec;
use crate::territory::{ConstituencyDef, StationDef};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A command with who gives it and the legal date it takes effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub date: LegalDate,
    pub actor: Actor,
    pub command: Command,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    DefineConstituency(ConstituencyDef),
    DefineStation(StationDef),
    FormCommission(CommissionDef),
    CallElection(ElectionCallSpec),
    NominateCandidate(Nomination),
    PayFee(PayFee),
    RegisterCandidate(RegisterCandidate),
    RefuseRegistration(RefuseRegistration),
    WithdrawCandidate(WithdrawCandidate),
    EnterProtocol(EnterProtocol),
    SettleProtocol(SettleProtocol),
    RecordPreliminaryFigures(RecordPreliminaryFigures),
    RecordIncident(RecordIncident),
    FileComplaint(FileComplaint),
    SendRequest(SendRequest),
    RecordAnswer(Answer),
    DecideComplaint(DecideComplaint),
    HoldMeeting(HoldMeeting),
    VoteResolution(VoteResolution),
}

/// A payment of a candidate's election fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayFee {
    pub candidate: CandidateId,
    pub amount: Money,
    #[serde(default)]
    pub reference: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterCandidate {
    pub candidate: CandidateId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefuseRegistration {
    pub candidate: CandidateId,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawCandidate {
    pub candidate: CandidateId,
    pub reason: String,
}

/// One operator's entry of a paper protocol; accepted when a second operator's entry agrees
/// with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnterProtocol {
    pub election: ElectionId,
    pub station: StationId,
    pub constituency: ConstituencyNo,
    pub figures: ProtocolEntry,
    /// Warnings the operator has seen and acknowledges.
    #[serde(default)]
    pub acknowledged: Vec<String>,
    /// Required to begin correcting an accepted protocol.
    #[serde(default)]
    pub correction_reason: Option<String>,
}

/// A supervisor settles differing entries: keeps one, or orders another entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettleProtocol {
    pub election: ElectionId,
    pub station: StationId,
    pub constituency: ConstituencyNo,
    pub decision: Settlement,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordPreliminaryFigures {
    pub election: ElectionId,
    pub station: StationId,
    pub constituency: ConstituencyNo,
    pub figures: PreliminaryFigures,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordIncident {
    #[serde(default)]
    pub id: Option<IncidentId>,
    pub election: ElectionId,
    pub station: StationId,
    pub constituency: ConstituencyNo,
    pub description: String,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileComplaint {
    #[serde(default)]
    pub id: Option<ComplaintId>,
    pub kind: ComplaintKind,
    pub addressed_to: CommissionId,
    pub filed_by: Vec<String>,
    #[serde(default)]
    pub candidates: Vec<CandidateId>,
    pub subject: String,
    #[serde(default)]
    pub concerns: Option<ResolutionRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    #[serde(default)]
    pub id: Option<RequestId>,
    pub about: ComplaintId,
    pub to: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecideComplaint {
    pub complaint: ComplaintId,
    pub decision: ComplaintDecision,
    #[serde(default)]
    pub resolution: Option<ResolutionRef>,
    #[serde(default)]
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoldMeeting {
    #[serde(default)]
    pub id: Option<MeetingId>,
    pub commission: CommissionId,
    pub present: Vec<MemberId>,
    pub agenda: Vec<String>,
    #[serde(default)]
    pub speakers: Vec<Speaker>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteResolution {
    pub commission: CommissionId,
    /// The number to give it if adopted; the next free number of the year when absent.
    #[serde(default)]
    pub number: Option<u32>,
    /// Its title, perhaps in several languages.
    pub title: Text,
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    #[serde(default)]
    pub considers: Vec<ComplaintId>,
    pub votes: Vec<MemberVote>,
    pub effects: Vec<Effect>,
}

/// How a supervisor settles differing entries of a protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case", deny_unknown_fields)]
pub enum Settlement {
    /// Accept the figures of this entry.
    Keep { entry: u32 },
    /// Have the protocol entered once more.
    OrderNewEntry {},
}

/// An election as the command to call it gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionCallSpec {
    pub id: ElectionId,
    /// Its name, perhaps in several languages.
    pub name: Text,
    pub kind: ElectionKind,
    #[serde(default)]
    pub repeat_of: Option<ElectionId>,
    pub voting_day: LegalDate,
    pub rule_set: RuleSetSpec,
    /// The protocol form; the Kyrgyz form when absent.
    #[serde(default)]
    pub form: Option<ProtocolForm>,
    pub constituencies: Vec<ConstituencyNo>,
}

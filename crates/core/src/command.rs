//! Commands: what a commission asks tandoo to record. `decide` turns a command into acts or
//! refuses it; the JSON form is documented in docs/commands.md.

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
use serde::{Deserialize, Serialize};

/// A command with who gives it and the legal date it takes effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    PayFee {
        candidate: CandidateId,
        amount: Money,
        #[serde(default)]
        reference: String,
    },
    RegisterCandidate {
        candidate: CandidateId,
    },
    RefuseRegistration {
        candidate: CandidateId,
        reason: String,
    },
    WithdrawCandidate {
        candidate: CandidateId,
        reason: String,
    },
    /// One operator's entry of a paper protocol; accepted when a second operator's entry
    /// agrees with it.
    EnterProtocol {
        election: ElectionId,
        station: StationId,
        constituency: ConstituencyNo,
        figures: ProtocolEntry,
        /// Warnings the operator has seen and acknowledges.
        #[serde(default)]
        acknowledged: Vec<String>,
        /// Required to begin correcting an accepted protocol.
        #[serde(default)]
        correction_reason: Option<String>,
    },
    /// A supervisor settles differing entries: keeps one, or orders another entry.
    SettleProtocol {
        election: ElectionId,
        station: StationId,
        constituency: ConstituencyNo,
        decision: Settlement,
    },
    RecordPreliminaryFigures {
        election: ElectionId,
        station: StationId,
        constituency: ConstituencyNo,
        figures: PreliminaryFigures,
    },
    RecordIncident {
        #[serde(default)]
        id: Option<IncidentId>,
        election: ElectionId,
        station: StationId,
        constituency: ConstituencyNo,
        description: String,
        source: String,
    },
    FileComplaint {
        #[serde(default)]
        id: Option<ComplaintId>,
        kind: ComplaintKind,
        addressed_to: CommissionId,
        filed_by: Vec<String>,
        #[serde(default)]
        candidates: Vec<CandidateId>,
        subject: String,
        #[serde(default)]
        concerns: Option<ResolutionRef>,
    },
    SendRequest {
        #[serde(default)]
        id: Option<RequestId>,
        about: ComplaintId,
        to: String,
        text: String,
    },
    RecordAnswer(Answer),
    DecideComplaint {
        complaint: ComplaintId,
        decision: ComplaintDecision,
        #[serde(default)]
        resolution: Option<ResolutionRef>,
        #[serde(default)]
        text: String,
    },
    HoldMeeting {
        #[serde(default)]
        id: Option<MeetingId>,
        commission: CommissionId,
        present: Vec<MemberId>,
        agenda: Vec<String>,
        #[serde(default)]
        speakers: Vec<Speaker>,
    },
    VoteResolution {
        commission: CommissionId,
        /// The number to give it if adopted; the next free number of the year when absent.
        #[serde(default)]
        number: Option<u32>,
        title: String,
        #[serde(default)]
        meeting: Option<MeetingId>,
        #[serde(default)]
        considers: Vec<ComplaintId>,
        votes: Vec<MemberVote>,
        effects: Vec<Effect>,
    },
}

/// How a supervisor settles differing entries of a protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Settlement {
    /// Accept the figures of this entry.
    Keep { entry: u32 },
    /// Have the protocol entered once more.
    OrderNewEntry,
}

/// An election as the command to call it gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionCallSpec {
    pub id: ElectionId,
    pub name: String,
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

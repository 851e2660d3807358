//! Acts: what the record holds. Each is a fact that happened; none is ever changed or removed.

use crate::candidate::Nomination;
use crate::casework::{Answer, Complaint, ComplaintDecision, Incident, Meeting, Request};
use crate::commission::CommissionDef;
use crate::election::ElectionCall;
use crate::ids::{CandidateId, ComplaintId, ResolutionRef};
use crate::money::Money;
use crate::protocol::{AcceptedFigures, ProtocolKey, Warning};
use crate::resolution::ResolutionVoted;
use crate::territory::{ConstituencyDef, StationDef};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Act {
    ConstituencyDefined(ConstituencyDef),
    StationDefined(StationDef),
    CommissionFormed(CommissionDef),
    ElectionCalled(ElectionCall),
    CandidateNominated(Nomination),
    FeePaid {
        candidate: CandidateId,
        amount: Money,
        reference: String,
    },
    CandidateRegistered {
        candidate: CandidateId,
    },
    RegistrationRefused {
        candidate: CandidateId,
        reason: String,
    },
    CandidateWithdrawn {
        candidate: CandidateId,
        reason: String,
    },
    ProtocolAccepted {
        key: ProtocolKey,
        /// 1 for the first accepted version, then one more per correction.
        version: u32,
        figures: AcceptedFigures,
        /// Warnings shown and acknowledged by the operator.
        acknowledged: Vec<Warning>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        correction_reason: Option<String>,
    },
    IncidentRecorded(Incident),
    ComplaintFiled(Complaint),
    RequestSent(Request),
    AnswerReceived(Answer),
    ComplaintDecided {
        complaint: ComplaintId,
        decision: ComplaintDecision,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resolution: Option<ResolutionRef>,
        text: String,
    },
    MeetingHeld(Meeting),
    ResolutionVoted(ResolutionVoted),
}

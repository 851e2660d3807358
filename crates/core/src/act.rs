//! Acts: what the record holds. Each is a fact that happened; none is ever changed or removed.

use crate::candidate::Nomination;
use crate::casework::{Answer, Complaint, ComplaintDecision, Incident, Meeting, Request};
use crate::commission::CommissionDef;
use crate::election::ElectionCall;
use crate::ids::{CandidateId, ComplaintId, ConstituencyNo, ResolutionRef, StationId};
use crate::money::Money;
use crate::protocol::{AcceptedFigures, PreliminaryFigures, ProtocolKey, Warning};
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
    /// One operator's entry of a paper protocol (double entry: two operators enter it
    /// independently).
    ProtocolEntered {
        key: ProtocolKey,
        /// The version the entry is for: 1, then one more per correction.
        version: u32,
        /// 1 for the first entry of this version, 2 for the second, …
        entry: u32,
        operator: String,
        figures: AcceptedFigures,
        /// Warnings shown to and acknowledged by the operator.
        acknowledged: Vec<Warning>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        correction_reason: Option<String>,
    },
    /// The protocol's figures become the station's result: two entries agreed, or a
    /// supervisor kept one.
    ProtocolAccepted {
        key: ProtocolKey,
        /// 1 for the first accepted version, then one more per correction.
        version: u32,
        figures: AcceptedFigures,
        /// Warnings acknowledged on the entries accepted.
        acknowledged: Vec<Warning>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        correction_reason: Option<String>,
        entries: Vec<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        settled_by: Option<String>,
    },
    /// Entries differed and a supervisor ordered one more entry.
    NewEntryOrdered {
        key: ProtocolKey,
        version: u32,
        supervisor: String,
    },
    /// Figures from a ballot-counting box, shown as preliminary.
    PreliminaryFiguresRecorded {
        key: ProtocolKey,
        figures: PreliminaryFigures,
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

impl Act {
    /// The polling station (with its constituency) this act is about, when it is about one
    /// station's protocol or incidents and nothing else: an entry, an acceptance, a new
    /// entry ordered, preliminary figures, an incident. Such an act changes what is known of
    /// that station and the totals it adds to, never another station's record. Every other
    /// act (the territory, candidates, casework, resolutions) may reach any station: none.
    pub fn station(&self) -> Option<(ConstituencyNo, StationId)> {
        match self {
            Act::ProtocolEntered { key, .. }
            | Act::ProtocolAccepted { key, .. }
            | Act::NewEntryOrdered { key, .. }
            | Act::PreliminaryFiguresRecorded { key, .. } => Some((key.constituency, key.station)),
            Act::IncidentRecorded(incident) => Some((incident.constituency, incident.station)),
            Act::ConstituencyDefined(_)
            | Act::StationDefined(_)
            | Act::CommissionFormed(_)
            | Act::ElectionCalled(_)
            | Act::CandidateNominated(_)
            | Act::FeePaid { .. }
            | Act::CandidateRegistered { .. }
            | Act::RegistrationRefused { .. }
            | Act::CandidateWithdrawn { .. }
            | Act::ComplaintFiled(_)
            | Act::RequestSent(_)
            | Act::AnswerReceived(_)
            | Act::ComplaintDecided { .. }
            | Act::MeetingHeld(_)
            | Act::ResolutionVoted(_) => None,
        }
    }
}

//! Incidents, complaints and statements, requests to other bodies and their answers, and
//! commission meetings: the file behind a resolution.

use crate::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, IncidentId, MeetingId,
    MemberId, RequestId, ResolutionRef, StationId,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: IncidentId,
    pub election: ElectionId,
    pub station: StationId,
    pub constituency: ConstituencyNo,
    pub description: String,
    /// Where the report came from: a complaint, a video, an observer.
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintKind {
    Complaint,
    /// A statement signed by several persons (e.g. asking to review a resolution on new
    /// circumstances).
    CollectiveStatement,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    pub id: ComplaintId,
    pub kind: ComplaintKind,
    pub addressed_to: CommissionId,
    /// Who filed it, as written on it.
    pub filed_by: Vec<String>,
    /// Filers who are candidates, so the statement shows on their page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<CandidateId>,
    pub subject: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concerns: Option<ResolutionRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintDecision {
    Upheld,
    PartlyUpheld,
    Rejected,
    LeftWithoutConsideration,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub id: RequestId,
    pub about: ComplaintId,
    /// The body asked, e.g. "Ministry of Internal Affairs".
    pub to: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub request: RequestId,
    pub from: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    pub name: String,
    pub position: String,
    pub subject: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: MeetingId,
    pub commission: CommissionId,
    pub present: Vec<MemberId>,
    pub agenda: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<Speaker>,
}

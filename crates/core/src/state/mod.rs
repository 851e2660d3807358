//! The state of the record: everything `apply` has learnt so far, with indexes that keep
//! every result current after each act (no recomputation from scratch).

mod apply;
mod contest;
mod dates;
mod in_force;
mod invariants;
mod queries;

pub use apply::ApplyError;
pub use contest::{
    Contest, Lot, PreliminaryTally, ProtocolEntryRecord, ProtocolSlot, ProtocolVersion, Tally,
};
pub use dates::{Dates, LaterReference, Referent};
pub use invariants::{Index, InvariantBroken, RunningFigure, Target};

use crate::candidate::Candidate;
use crate::casework::{Answer, Complaint, ComplaintDecision, Incident, Meeting, Request};
use crate::commission::CommissionDef;
use crate::date::LegalDate;
use crate::election::Election;
use crate::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, IncidentId, MeetingId,
    PersonId, RequestId, ResolutionRef, StationId,
};
use crate::protocol::ProtocolKey;
use crate::resolution::{Resolution, ResolutionKey};
use crate::territory::{ConstituencyDef, StationDef};
use std::collections::BTreeMap;

/// Where an act sits: its sequence number in the record and its legal date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub seq: u64,
    pub date: LegalDate,
}

/// Voters and stations on a constituency's lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roll {
    pub stations: u32,
    pub voters: u64,
    /// The stations whose lists hold the constituency's voters.
    pub station_ids: Vec<StationId>,
}

/// A decision on a complaint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ruling {
    pub stamp: Stamp,
    pub decision: ComplaintDecision,
    pub resolution: Option<ResolutionRef>,
    pub text: String,
}

/// Two states are equal when they hold the same: a replay of the same acts gives a state
/// equal to the one that recorded them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// Sequence number of the last act applied (0 for an empty record).
    pub seq: u64,
    /// The latest legal date among the acts applied.
    pub latest_date: Option<LegalDate>,
    pub constituencies: BTreeMap<ConstituencyNo, ConstituencyDef>,
    pub rolls: BTreeMap<ConstituencyNo, Roll>,
    pub stations: BTreeMap<StationId, StationDef>,
    pub commissions: BTreeMap<CommissionId, CommissionDef>,
    pub elections: BTreeMap<ElectionId, Election>,
    pub candidates: BTreeMap<CandidateId, Candidate>,
    /// One candidacy per person and election.
    pub candidacies: BTreeMap<(ElectionId, PersonId), CandidateId>,
    /// The candidates nominated in each contest, in nomination order.
    pub ballots: BTreeMap<(ElectionId, ConstituencyNo), Vec<CandidateId>>,
    pub protocols: BTreeMap<ProtocolKey, ProtocolSlot>,
    pub contests: BTreeMap<(ElectionId, ConstituencyNo), Contest>,
    pub resolutions: BTreeMap<ResolutionKey, Resolution>,
    pub resolution_numbers: BTreeMap<ResolutionRef, ResolutionKey>,
    pub incidents: BTreeMap<IncidentId, (Stamp, Incident)>,
    pub complaints: BTreeMap<ComplaintId, (Stamp, Complaint)>,
    pub complaint_decisions: BTreeMap<ComplaintId, Vec<Ruling>>,
    pub requests: BTreeMap<RequestId, (Stamp, Request)>,
    pub answers: BTreeMap<RequestId, Vec<(Stamp, Answer)>>,
    pub meetings: BTreeMap<MeetingId, (Stamp, Meeting)>,
    /// The legal dates of what carries none of its own.
    pub dates: Dates,
}

impl State {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn resolution_by_ref(&self, number: &ResolutionRef) -> Option<&Resolution> {
        self.resolution_numbers
            .get(number)
            .and_then(|key| self.resolutions.get(key))
    }

    pub fn contest(&self, election: &ElectionId, constituency: ConstituencyNo) -> Option<&Contest> {
        self.contests.get(&(election.clone(), constituency))
    }
}

impl State {
    /// The state as of the end of `date`: the acts whose legal date is not after it.
    pub fn as_of<'a>(
        acts: impl IntoIterator<Item = (Stamp, &'a crate::act::Act)>,
        date: LegalDate,
    ) -> Result<State, ApplyError> {
        let mut state = State::new();
        for (stamp, act) in acts {
            if stamp.date <= date {
                state.apply(stamp, act)?;
            }
        }
        Ok(state)
    }
}

//! Questions `decide` and the views ask of the state.

use super::State;
use crate::candidate::Standing;
use crate::election::Election;
use crate::ids::{CandidateId, ConstituencyNo, ElectionId, PersonId, ResolutionRef};
use crate::protocol::ProtocolKey;
use crate::refusal::{Entity, Refusal};
use crate::resolution::{Citation, Resolution, ResolutionKey};
use std::collections::BTreeSet;

impl State {
    /// How a view cites a resolution, as data; none for a key that names no resolution
    /// (every key the state keeps names one).
    pub fn citation(&self, key: ResolutionKey) -> Option<Citation> {
        self.resolutions.get(&key).map(Resolution::citation)
    }

    /// A resolution cited in the English of a refusal's message (see [`Citation`]'s
    /// `Display`), or by its act's sequence number when the key names none.
    pub fn cited(&self, key: ResolutionKey) -> String {
        self.citation(key)
            .map_or_else(|| format!("act {}", key.0), |c| c.to_string())
    }

    /// The number a refusal cites a resolution by. Only an adopted resolution has one, and
    /// only an adopted resolution's effects hold, so every resolution a refusal cites has
    /// one; in a record edited by hand that gave none, the resolution is refused as unknown
    /// by the sequence number of its act.
    pub fn cite(&self, key: ResolutionKey) -> Result<ResolutionRef, Refusal> {
        self.resolutions
            .get(&key)
            .and_then(|r| r.voted.number.clone())
            .ok_or_else(|| Refusal::unknown(Entity::Resolution, key.0))
    }

    /// The resolution that cancels an election (or rescinded the resolution that called it),
    /// if any is in force.
    pub fn cancellation(&self, election: &Election) -> Option<ResolutionKey> {
        if let Some(call) = election.called_by
            && !self.in_force(call)
        {
            return self
                .resolutions
                .get(&call)
                .and_then(|r| self.first_in_force(&r.rescinded_by))
                .or(Some(call));
        }
        self.first_in_force(&election.cancelled_by)
    }

    /// An election that exists and is not cancelled.
    pub fn open_election(&self, id: &ElectionId) -> Result<&Election, Refusal> {
        let election = self
            .elections
            .get(id)
            .ok_or_else(|| Refusal::unknown(Entity::Election, id))?;
        match self.cancellation(election) {
            Some(by) => Err(Refusal::ElectionCancelled {
                election: id.clone(),
                resolution: self.cite(by)?,
            }),
            None => Ok(election),
        }
    }

    /// The resolution in force that bars `person` from standing in `election`, a repeat
    /// election in `constituency`.
    pub fn bar_from(
        &self,
        person: &PersonId,
        election: &Election,
        constituency: ConstituencyNo,
    ) -> Option<ResolutionKey> {
        let original = election.call.repeat_of.as_ref()?;
        let candidacy = self.candidacies.get(&(original.clone(), person.clone()))?;
        let candidate = self.candidates.get(candidacy)?;
        if candidate.nomination.constituency != constituency {
            return None;
        }
        self.first_in_force(&candidate.barred_by)
    }

    /// The candidates printed on the constituency's ballot: those registered (a
    /// registration annulled later does not take a name off a printed ballot).
    pub fn ballot(
        &self,
        election: &ElectionId,
        constituency: ConstituencyNo,
    ) -> BTreeSet<CandidateId> {
        self.ballots
            .get(&(election.clone(), constituency))
            .into_iter()
            .flatten()
            .filter(|id| {
                self.candidates
                    .get(*id)
                    .is_some_and(|c| c.standing == Standing::Registered)
            })
            .cloned()
            .collect()
    }

    /// The number of the recognition in force that keeps a protocol from being corrected: a
    /// recognised result stands on its protocols, unless a resolution in force orders a
    /// recount of the station.
    pub fn correction_locked(&self, key: &ProtocolKey) -> Option<ResolutionRef> {
        let contest = self.contest(&key.election, key.constituency)?;
        let (by, _) = self.last_in_force(&contest.recognitions)?;
        let recount = contest
            .recounts
            .iter()
            .any(|(order, station)| *station == key.station && self.in_force(*order));
        if recount {
            return None;
        }
        self.resolutions.get(by)?.voted.number.clone()
    }

    /// The first regular or early election by voting day: what a view shows when no
    /// election is named.
    pub fn main_election(&self) -> Option<&ElectionId> {
        self.elections
            .values()
            .filter(|e| e.call.kind != crate::election::ElectionKind::Repeat)
            .min_by_key(|e| (e.call.voting_day, &e.call.id))
            .map(|e| &e.call.id)
    }
}

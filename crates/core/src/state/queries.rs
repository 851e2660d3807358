//! Questions `decide` and the views ask of the state.

use super::State;
use crate::election::Election;
use crate::ids::{ConstituencyNo, ElectionId, PersonId};
use crate::refusal::Refusal;
use crate::resolution::ResolutionKey;

impl State {
    /// How people cite a resolution.
    pub fn citation(&self, key: ResolutionKey) -> String {
        self.resolutions
            .get(&key)
            .map(|r| r.citation())
            .unwrap_or_else(|| format!("act {}", key.0))
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
            .ok_or_else(|| Refusal::unknown("election", id))?;
        match self.cancellation(election) {
            Some(by) => Err(Refusal::ElectionCancelled {
                election: id.to_string(),
                resolution: self.citation(by),
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
}

//! Which resolutions are in force, and so which of their effects hold (R-RES-IN-FORCE): an
//! adopted resolution (R-RES-MAJORITY) not rescinded by one in force (R-RES-RESCIND).

use super::State;
use crate::resolution::ResolutionKey;

impl State {
    /// A resolution is in force when it was adopted and every resolution rescinding it has
    /// itself been rescinded (or never took effect).
    pub fn in_force(&self, key: ResolutionKey) -> bool {
        self.resolutions.get(&key).is_some_and(|resolution| {
            resolution.voted.adopted && resolution.rescinded_by.iter().all(|by| !self.in_force(*by))
        })
    }

    /// The first resolution in `keys` that is in force.
    pub fn first_in_force(&self, keys: &[ResolutionKey]) -> Option<ResolutionKey> {
        keys.iter().copied().find(|key| self.in_force(*key))
    }

    /// The last entry in `entries` whose resolution is in force.
    pub fn last_in_force<'a, T>(
        &self,
        entries: &'a [(ResolutionKey, T)],
    ) -> Option<&'a (ResolutionKey, T)> {
        entries.iter().rev().find(|(key, _)| self.in_force(*key))
    }
}

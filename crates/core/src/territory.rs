//! Constituencies and polling stations.

use crate::ids::{ConstituencyNo, StationId};
use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstituencyDef {
    pub number: ConstituencyNo,
    /// Its name, perhaps in several languages.
    pub name: Text,
    /// Seats the constituency elects (3 for the Jogorku Kenesh).
    pub seats: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StationDef {
    pub number: StationId,
    pub name: String,
    /// The constituency whose voters are on this station's list. Voters of other
    /// constituencies may still vote here, so protocols are keyed by station and constituency.
    pub constituency: ConstituencyNo,
    /// Voters on the station's list.
    pub voters: u64,
}

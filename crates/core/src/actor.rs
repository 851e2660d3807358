//! Who performs a command: a user, in a role, on behalf of a commission.

use crate::ids::CommissionId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Sets up the election's structure: constituencies, stations, commissions, elections.
    Administrator,
    /// Keeps a commission's acts: candidates, fees, complaints, meetings, resolutions.
    Secretary,
    /// Enters polling-station protocols.
    Operator,
    /// Enters protocols and settles differences between two entries.
    Supervisor,
    /// Reads only.
    Observer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub user: String,
    pub role: Role,
    pub commission: CommissionId,
}

impl Actor {
    pub fn new(user: &str, role: Role, commission: &str) -> Self {
        Actor {
            user: user.into(),
            role,
            commission: CommissionId::new(commission),
        }
    }
}

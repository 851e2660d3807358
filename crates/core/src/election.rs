//! Elections: called by the CEC (or, for a repeat election, by its resolution), cancelled only
//! by resolution.

use crate::date::LegalDate;
use crate::ids::{ConstituencyNo, ElectionId};
use crate::protocol::ProtocolForm;
use crate::resolution::ResolutionKey;
use crate::rules::RuleSet;
use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElectionKind {
    Regular,
    Early,
    /// Held again in constituencies whose result was declared invalid.
    Repeat,
}

/// The act of calling an election, with everything fixed at that moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionCall {
    pub id: ElectionId,
    pub name: Text,
    pub kind: ElectionKind,
    /// For a repeat election: the election it repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_of: Option<ElectionId>,
    pub voting_day: LegalDate,
    pub rule_set: RuleSet,
    /// The protocol form of its polling stations.
    #[serde(default)]
    pub form: ProtocolForm,
    pub constituencies: Vec<ConstituencyNo>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    pub call: ElectionCall,
    /// The resolution that called it, when it was called by resolution.
    pub called_by: Option<ResolutionKey>,
    /// Resolutions cancelling it; it is cancelled while any of them is in force.
    pub cancelled_by: Vec<ResolutionKey>,
}

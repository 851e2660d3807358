//! Elections: called by the CEC (or, for a repeat election, by its resolution), cancelled only
//! by resolution; each with its statutory calendar, and the acts that came after it.

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

/// An election's statutory calendar, computed from its voting day and its rule set's
/// deadlines (shortened for early elections).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Calendar {
    pub voting_day: LegalDate,
    /// The results are to be determined (the elected recognised) by this date.
    pub results_by: LegalDate,
    /// A complaint against a decision is due within this many days of it.
    pub complaint_days: u32,
}

impl Election {
    pub fn calendar(&self) -> Calendar {
        let deadlines = &self.call.rule_set.deadlines;
        Calendar {
            voting_day: self.call.voting_day,
            results_by: self
                .call
                .voting_day
                .plus_days(self.days(deadlines.results_days)),
            complaint_days: self.days(deadlines.complaint_days),
        }
    }

    /// A statutory number of days for this election: shortened for an early election (and
    /// for a repeat of an early election).
    fn days(&self, days: u32) -> u32 {
        let (num, den) = self.call.rule_set.deadlines.early_shortened_by;
        if self.call.kind == ElectionKind::Early && den > 0 {
            let kept = u64::from(days) * u64::from(den.saturating_sub(num)) / u64::from(den);
            u32::try_from(kept).unwrap_or(days)
        } else {
            days
        }
    }
}

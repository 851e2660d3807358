//! Rule sets: the electoral rules of one election, as data.
//!
//! Every rule that varies between commissions or laws is a field here, never a branch on a
//! country. The preset [`RuleSet::jogorku_kenesh_2025`] is the default for the story.

use crate::money::Money;
use serde::{Deserialize, Serialize};
use tandoo_count::{AgainstAllRule, CandidateMethod, TieBreak};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    /// A name people recognise, shown with every result computed under it.
    pub name: String,
    pub method: CandidateMethod,
    /// At most this many seats of a constituency to one gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_gender: Option<u32>,
    /// Whether "against all" is printed on the ballot (and so on the protocol).
    pub against_all_on_ballot: bool,
    pub against_all_rule: AgainstAllRule,
    pub tie_break: TieBreak,
    /// The election fee each candidate pays before registration.
    pub fee: Money,
    /// National validity check: at least this many deputies of each gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_min_per_gender: Option<u32>,
    /// Statutory deadlines, in days; the law's when absent.
    #[serde(default, skip_serializing_if = "Deadlines::is_default")]
    pub deadlines: Deadlines,
}

/// Statutory deadlines (electoral rules §3), counted in days from the act they follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    /// A complaint against a decision: within this many days of the decision.
    pub complaint_days: u32,
    /// The results: determined within this many days of voting.
    pub results_days: u32,
    /// For early elections every deadline is shortened by this fraction (numerator,
    /// denominator), rounded down to whole days: one third makes 20 days 13 and 3 days 2.
    pub early_shortened_by: (u32, u32),
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            complaint_days: 3,
            results_days: 20,
            early_shortened_by: (1, 3),
        }
    }
}

impl Deadlines {
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl RuleSet {
    /// Jogorku Kenesh 2025: three seats per constituency, one vote per voter, at most two
    /// seats per gender, "against all" on the ballot (the comparison is an open question of
    /// law; `beats_leader` follows the earlier law), ties to the earlier registered candidate,
    /// a fee of 300,000 som, and at least 30 deputies of each gender nationally.
    pub fn jogorku_kenesh_2025() -> Self {
        RuleSet {
            name: "Jogorku Kenesh 2025".into(),
            method: CandidateMethod::MultiMemberPlurality,
            max_per_gender: Some(2),
            against_all_on_ballot: true,
            against_all_rule: AgainstAllRule::BeatsLeader,
            tie_break: TieBreak::RegistrationOrder,
            fee: Money::whole(300_000),
            national_min_per_gender: Some(30),
            deadlines: Deadlines::default(),
        }
    }

    /// The presets a command may name instead of spelling out every rule.
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "jogorku_kenesh_2025" => Some(Self::jogorku_kenesh_2025()),
            _ => None,
        }
    }
}

/// A rule set as a command gives it: a preset's name or every rule spelled out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RuleSetSpec {
    Preset(String),
    Custom(RuleSet),
}

//! Rule sets: the electoral rules of one election, as data.
//!
//! Every rule that varies between commissions or laws is a field here, never a branch on a
//! country (R-ELEC-RULE-SET). The preset [`RuleSet::jogorku_kenesh_2025`] is the default for
//! the story. There is no turnout threshold among the rules (R-SEAT-NO-TURNOUT): the Jogorku
//! Kenesh has none.

use crate::money::Money;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use tandoo_count::{AgainstAllRule, CandidateMethod, TieBreak};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// Whether a station's protocol may be counted for a constituency other than the one
    /// whose voters are on its list (voters voting away from home). Off unless a rule set
    /// says so, so that an election that does not provide for it cannot have a station's
    /// figures counted anywhere (M2).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remote_voting: bool,
    /// How far, in percent, a protocol's voters on the list may stray from the station's
    /// registered voters before the entry carries a warning to acknowledge (M3).
    #[serde(default = "default_register_margin")]
    pub register_margin_percent: u32,
    /// Statutory deadlines, in days; the law's when absent.
    #[serde(default, skip_serializing_if = "Deadlines::is_default")]
    pub deadlines: Deadlines,
}

/// Lists grow on the day by voters added at the station; 5% is a margin that the story's
/// protocols keep, while a figure typed ten or a thousand times too large never does.
pub const DEFAULT_REGISTER_MARGIN: u32 = 5;

fn default_register_margin() -> u32 {
    DEFAULT_REGISTER_MARGIN
}

/// Statutory deadlines (electoral rules §3), counted in days from the act they follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// a fee of 300,000 som, at least 30 deputies of each gender nationally, and voters may
    /// vote at any polling station, which then reports for their home constituency too.
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
            remote_voting: true,
            register_margin_percent: DEFAULT_REGISTER_MARGIN,
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

    /// The code of the preset this rule set is, rule for rule (the code views give, which
    /// present words in each language); none for a rule set of a commission's own.
    pub fn preset_code(&self) -> Option<&'static str> {
        PRESETS
            .iter()
            .copied()
            .find(|code| Self::preset(code).as_ref() == Some(self))
    }
}

/// The codes of every preset [`RuleSet::preset`] knows.
pub const PRESETS: &[&str] = &["jogorku_kenesh_2025"];

/// A rule set as a command gives it: a preset's name or every rule spelled out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RuleSetSpec {
    Preset(String),
    Custom(RuleSet),
}

/// By hand rather than `untagged`, so that a misspelt rule (`max_per_gendr`) is refused with
/// its name instead of "did not match any variant": a string is a preset, an object every
/// rule spelled out.
impl<'de> Deserialize<'de> for RuleSetSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpecVisitor;

        impl<'de> Visitor<'de> for SpecVisitor {
            type Value = RuleSetSpec;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a rule set preset's name or a rule set")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<RuleSetSpec, E> {
                Ok(RuleSetSpec::Preset(name.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RuleSetSpec, A::Error> {
                RuleSet::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RuleSetSpec::Custom)
            }
        }

        deserializer.deserialize_any(SpecVisitor)
    }
}

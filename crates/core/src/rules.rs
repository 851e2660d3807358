//! Rule sets: the electoral rules of one election, as data.
//!
//! Every rule that varies between commissions or laws is a field here, never a branch on a
//! country. The preset [`RuleSet::jogorku_kenesh_2025`] is the default for the story.

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

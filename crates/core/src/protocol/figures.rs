//! Protocol figures as entered (which may be wrong) and as accepted (checked).

use crate::ids::{CandidateId, ConstituencyNo, ElectionId, StationId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One protocol per polling station and constituency in an election.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ProtocolKey {
    pub election: ElectionId,
    pub station: StationId,
    pub constituency: ConstituencyNo,
}

/// Figures as an operator typed them. Signed and keyed by line name so that a negative
/// figure, an unknown line or a missing line becomes a control failure (E07) with the line
/// named, not a parse error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ProtocolEntry {
    pub lines: BTreeMap<String, i64>,
    pub candidates: BTreeMap<CandidateId, i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against_all: Option<i64>,
}

/// Figures that passed every control relation (or whose warnings were acknowledged).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AcceptedFigures {
    /// Every line of the election's protocol form, by its code.
    pub lines: BTreeMap<String, u64>,
    pub candidates: BTreeMap<CandidateId, u64>,
    pub against_all: u64,
}

impl AcceptedFigures {
    /// A line's figure (0 for a line the form does not have).
    pub fn line(&self, code: &str) -> u64 {
        self.lines.get(code).copied().unwrap_or(0)
    }

    /// The sum of a relation's side: lines, `candidates` (all candidates' votes) and `AA`.
    pub fn sum(&self, terms: &[String]) -> u64 {
        terms
            .iter()
            .map(|term| match term.as_str() {
                super::form::CANDIDATES => self.candidates.values().sum(),
                super::form::AGAINST_ALL => self.against_all,
                code => self.line(code),
            })
            .sum()
    }
}

impl From<&AcceptedFigures> for ProtocolEntry {
    fn from(figures: &AcceptedFigures) -> Self {
        ProtocolEntry {
            lines: figures
                .lines
                .iter()
                .map(|(code, value)| (code.clone(), *value as i64))
                .collect(),
            candidates: figures
                .candidates
                .iter()
                .map(|(id, votes)| (id.clone(), *votes as i64))
                .collect(),
            against_all: Some(figures.against_all as i64),
        }
    }
}

/// Figures from an automatic ballot-counting box: preliminary, never a replacement for the
/// manual count. A box may report only some lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PreliminaryFigures {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lines: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub candidates: BTreeMap<CandidateId, u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against_all: Option<u64>,
}

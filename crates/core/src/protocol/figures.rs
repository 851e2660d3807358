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
pub struct ProtocolEntry {
    pub lines: BTreeMap<String, i64>,
    pub candidates: BTreeMap<CandidateId, i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against_all: Option<i64>,
}

/// Lines L1–L10 of the default (Kyrgyz) form; see the protocol description for meanings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Lines {
    /// Voters on the list at the close of the poll.
    #[serde(rename = "L1")]
    pub voters_on_list: u64,
    /// Ballots received by the precinct commission.
    #[serde(rename = "L2")]
    pub ballots_received: u64,
    /// Ballots issued in the polling station.
    #[serde(rename = "L3")]
    pub issued_inside: u64,
    /// Ballots issued outside the polling station (mobile box).
    #[serde(rename = "L4")]
    pub issued_outside: u64,
    /// Ballots cancelled (unused or spoiled).
    #[serde(rename = "L5")]
    pub cancelled: u64,
    /// Voters identified.
    #[serde(rename = "L6")]
    pub voters_identified: u64,
    /// Ballots found in mobile boxes.
    #[serde(rename = "L7")]
    pub in_mobile_boxes: u64,
    /// Ballots found in stationary boxes.
    #[serde(rename = "L8")]
    pub in_stationary_boxes: u64,
    /// Invalid ballots.
    #[serde(rename = "L9")]
    pub invalid: u64,
    /// Valid ballots.
    #[serde(rename = "L10")]
    pub valid: u64,
}

impl Lines {
    pub const NAMES: [&'static str; 10] =
        ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10"];

    pub fn from_values(v: [u64; 10]) -> Self {
        Lines {
            voters_on_list: v[0],
            ballots_received: v[1],
            issued_inside: v[2],
            issued_outside: v[3],
            cancelled: v[4],
            voters_identified: v[5],
            in_mobile_boxes: v[6],
            in_stationary_boxes: v[7],
            invalid: v[8],
            valid: v[9],
        }
    }

    pub fn values(&self) -> [u64; 10] {
        [
            self.voters_on_list,
            self.ballots_received,
            self.issued_inside,
            self.issued_outside,
            self.cancelled,
            self.voters_identified,
            self.in_mobile_boxes,
            self.in_stationary_boxes,
            self.invalid,
            self.valid,
        ]
    }

    /// Voters who took part: ballots issued inside and outside the polling station.
    pub fn took_part(&self) -> u64 {
        self.issued_inside + self.issued_outside
    }

    /// Ballots found in all boxes.
    pub fn in_boxes(&self) -> u64 {
        self.in_mobile_boxes + self.in_stationary_boxes
    }

    pub fn add(&mut self, other: &Lines) {
        *self = Lines::from_values(std::array::from_fn(|i| {
            self.values()[i] + other.values()[i]
        }));
    }

    pub fn subtract(&mut self, other: &Lines) {
        *self = Lines::from_values(std::array::from_fn(|i| {
            self.values()[i] - other.values()[i]
        }));
    }
}

/// Figures that passed every control relation (or whose warnings were acknowledged).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AcceptedFigures {
    pub lines: Lines,
    pub candidates: BTreeMap<CandidateId, u64>,
    pub against_all: u64,
}

impl From<&AcceptedFigures> for ProtocolEntry {
    fn from(figures: &AcceptedFigures) -> Self {
        ProtocolEntry {
            lines: Lines::NAMES
                .iter()
                .zip(figures.lines.values())
                .map(|(name, value)| (name.to_string(), value as i64))
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
pub struct PreliminaryFigures {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lines: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub candidates: BTreeMap<CandidateId, u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against_all: Option<u64>,
}

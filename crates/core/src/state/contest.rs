//! A contest: one election in one constituency, with its running totals.

use crate::date::LegalDate;
use crate::ids::CandidateId;
use crate::protocol::{AcceptedFigures, Lines, Warning};
use crate::resolution::ResolutionKey;
use std::collections::BTreeMap;

/// Sum of the protocols that currently count (accepted, latest version, not annulled).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub lines: Lines,
    pub votes: BTreeMap<CandidateId, u64>,
    pub against_all: u64,
    /// Protocols in the sum.
    pub protocols: u32,
}

impl Tally {
    pub fn add(&mut self, figures: &AcceptedFigures) {
        self.lines.add(&figures.lines);
        for (id, votes) in &figures.candidates {
            *self.votes.entry(id.clone()).or_default() += votes;
        }
        self.against_all += figures.against_all;
        self.protocols += 1;
    }

    pub fn remove(&mut self, figures: &AcceptedFigures) {
        self.lines.subtract(&figures.lines);
        for (id, votes) in &figures.candidates {
            if let Some(total) = self.votes.get_mut(id) {
                *total -= votes;
            }
        }
        self.against_all -= figures.against_all;
        self.protocols -= 1;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolVersion {
    pub version: u32,
    pub seq: u64,
    pub date: LegalDate,
    pub figures: AcceptedFigures,
    pub acknowledged: Vec<Warning>,
    pub correction_reason: Option<String>,
}

/// Every accepted version of one protocol, and what resolutions did to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProtocolSlot {
    pub versions: Vec<ProtocolVersion>,
    pub annulled_by: Vec<ResolutionKey>,
    /// Whether the latest version is in the contest's tally now.
    pub counted: bool,
}

impl ProtocolSlot {
    pub fn latest(&self) -> Option<&ProtocolVersion> {
        self.versions.last()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contest {
    pub tally: Tally,
    /// Protocols accepted at least once (annulled ones included).
    pub protocols_reported: u32,
    /// Declarations that the contest is invalid (false) or valid (true), in record order; the
    /// latest one in force holds.
    pub validity: Vec<(ResolutionKey, bool)>,
    /// Recognitions of the elected, in record order; the latest one in force holds.
    pub recognitions: Vec<(ResolutionKey, Vec<CandidateId>)>,
}

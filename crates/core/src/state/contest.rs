//! A contest: one election in one constituency, with its running totals.

use crate::date::LegalDate;
use crate::ids::{CandidateId, MemberId, StationId};
use crate::protocol::{AcceptedFigures, PreliminaryFigures, Warning};
use crate::resolution::ResolutionKey;
use std::collections::BTreeMap;

/// Sum of the protocols that currently count (accepted, latest version, not annulled).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Each line of the form, summed.
    pub lines: BTreeMap<String, u64>,
    pub votes: BTreeMap<CandidateId, u64>,
    pub against_all: u64,
    /// Protocols in the sum.
    pub protocols: u32,
}

impl Tally {
    /// The sum of these lines over the protocols in the tally.
    pub fn sum(&self, codes: &[String]) -> u64 {
        codes
            .iter()
            .map(|code| self.lines.get(code).copied().unwrap_or(0))
            .sum()
    }

    pub fn add(&mut self, figures: &AcceptedFigures) {
        for (code, value) in &figures.lines {
            add_to(&mut self.lines, code, *value);
        }
        for (id, votes) in &figures.candidates {
            add_to(&mut self.votes, id, *votes);
        }
        self.against_all += figures.against_all;
        self.protocols += 1;
    }

    pub fn remove(&mut self, figures: &AcceptedFigures) {
        for (code, value) in &figures.lines {
            if let Some(total) = self.lines.get_mut(code) {
                *total -= value;
            }
        }
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
    /// The entries these figures come from: two that agreed, or the one a supervisor kept.
    pub entries: Vec<u32>,
    /// The supervisor who settled differing entries, if one did.
    pub settled_by: Option<String>,
}

/// One operator's entry of a protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolEntryRecord {
    /// 1 for the first entry of the round, 2 for the second, …
    pub entry: u32,
    pub operator: String,
    pub seq: u64,
    pub figures: AcceptedFigures,
    pub acknowledged: Vec<Warning>,
}

/// Every accepted version of one protocol, the entries of the round in progress, and what
/// resolutions did to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolSlot {
    pub versions: Vec<ProtocolVersion>,
    /// Entries towards the next accepted version (the first, or a correction).
    pub round: Vec<ProtocolEntryRecord>,
    /// Why the round in progress corrects an accepted version.
    pub round_reason: Option<String>,
    /// Entries the round may take before a supervisor must settle it: two, and one more each
    /// time a supervisor orders a new entry.
    pub entries_allowed: u32,
    pub preliminary: Option<PreliminaryFigures>,
    pub annulled_by: Vec<ResolutionKey>,
    /// Whether the latest version is in the contest's tally now.
    pub counted: bool,
}

impl Default for ProtocolSlot {
    fn default() -> Self {
        ProtocolSlot {
            versions: Vec::new(),
            round: Vec::new(),
            round_reason: None,
            entries_allowed: 2,
            preliminary: None,
            annulled_by: Vec::new(),
            counted: false,
        }
    }
}

impl ProtocolSlot {
    pub fn latest(&self) -> Option<&ProtocolVersion> {
        self.versions.last()
    }

    /// Whether the round in progress takes another entry (else a supervisor must settle it).
    pub fn awaits_entry(&self) -> bool {
        (self.round.len() as u32) < self.entries_allowed
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
    /// Mandates ended early, in record order; a successor takes each while its resolution
    /// is in force.
    pub mandates_ended: Vec<(ResolutionKey, CandidateId)>,
    /// Sum of the ballot-counting boxes' preliminary figures, shown apart from the count.
    pub preliminary: PreliminaryTally,
    /// Lots drawn by resolution, in record order; the latest one in force seeds the count.
    pub lots: Vec<(ResolutionKey, Lot)>,
    /// Recounts ordered by resolution: while one is in force, its station's protocol may be
    /// corrected after the result was recognised.
    pub recounts: Vec<(ResolutionKey, StationId)>,
}

/// A lot drawn by a commission: the seed, and the member who drew it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lot {
    pub seed: String,
    pub drawn_by: MemberId,
}

/// Preliminary totals from ballot-counting boxes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreliminaryTally {
    pub stations: u32,
    pub votes: BTreeMap<CandidateId, u64>,
    pub against_all: u64,
}

impl PreliminaryTally {
    pub fn add(&mut self, figures: &PreliminaryFigures, sign_add: bool) {
        for (id, votes) in &figures.candidates {
            let total = self.votes.entry(id.clone()).or_default();
            *total = if sign_add {
                *total + votes
            } else {
                *total - votes
            };
        }
        let against_all = figures.against_all.unwrap_or(0);
        if sign_add {
            self.against_all += against_all;
            self.stations += 1;
        } else {
            self.against_all -= against_all;
            self.stations -= 1;
        }
    }
}

/// Adds to a running total, cloning the key only the first time it is seen: replay adds
/// every protocol's lines and votes, and the keys are nearly always there already.
fn add_to<K: Ord + Clone>(totals: &mut BTreeMap<K, u64>, key: &K, value: u64) {
    match totals.get_mut(key) {
        Some(total) => *total += value,
        None => {
            totals.insert(key.clone(), value);
        }
    }
}

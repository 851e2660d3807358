//! Where protocol entry stands: each station's status, progress per constituency and
//! nationally, and what a viewer may see of a protocol (an operator never sees another
//! operator's figures).

use crate::actor::{Actor, Role};
use crate::ids::{ConstituencyNo, ElectionId, StationId};
use crate::protocol::{AGAINST_ALL, AcceptedFigures, PreliminaryFigures, ProtocolKey, Warning};
use crate::resolution::Citation;
use crate::state::{ProtocolSlot, State};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StationStatus {
    NotEntered,
    /// One entry made; the second, by another operator, is awaited.
    FirstEntry,
    /// Two entries differ: a supervisor keeps one or orders another entry.
    Differences,
    /// A supervisor ordered another entry.
    NewEntryOrdered,
    Accepted,
    /// Accepted, then corrected (a later version replaced the first).
    Corrected,
    /// Annulled by a resolution in force.
    Annulled,
}

pub fn station_status(state: &State, slot: Option<&ProtocolSlot>) -> StationStatus {
    let Some(slot) = slot else {
        return StationStatus::NotEntered;
    };
    if state.first_in_force(&slot.annulled_by).is_some() {
        return StationStatus::Annulled;
    }
    // A correction in progress does not hide the accepted version: the station's result
    // stands until the new version is accepted.
    match (slot.versions.len(), slot.round.len()) {
        (0, 0) => StationStatus::NotEntered,
        (0, 1) if slot.awaits_entry() => StationStatus::FirstEntry,
        (0, _) if slot.awaits_entry() => StationStatus::NewEntryOrdered,
        (0, _) => StationStatus::Differences,
        (1, _) => StationStatus::Accepted,
        _ => StationStatus::Corrected,
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub stations: u32,
    /// Stations whose protocol counts now (accepted and not annulled).
    pub counted: u32,
    pub by_status: BTreeMap<StationStatus, u32>,
    pub voters: u64,
    /// Voters on the lists of the stations that count.
    pub voters_covered: u64,
    /// Stations with a correction being entered.
    pub corrections_open: u32,
}

impl Progress {
    fn add(&mut self, other: &Progress) {
        self.stations += other.stations;
        self.counted += other.counted;
        self.voters += other.voters;
        self.voters_covered += other.voters_covered;
        self.corrections_open += other.corrections_open;
        for (status, n) in &other.by_status {
            *self.by_status.entry(*status).or_default() += n;
        }
    }
}

pub fn constituency_progress(
    state: &State,
    election: &ElectionId,
    constituency: ConstituencyNo,
) -> Progress {
    let mut progress = Progress::default();
    let Some(roll) = state.rolls.get(&constituency) else {
        return progress;
    };
    for station in &roll.station_ids {
        let key = ProtocolKey {
            election: election.clone(),
            station: *station,
            constituency,
        };
        let slot = state.protocols.get(&key);
        let status = station_status(state, slot);
        let voters = state.stations.get(station).map_or(0, |s| s.voters);
        progress.stations += 1;
        progress.voters += voters;
        *progress.by_status.entry(status).or_default() += 1;
        if slot.is_some_and(|s| s.counted) {
            progress.counted += 1;
            progress.voters_covered += voters;
        }
        if slot.is_some_and(|s| !s.versions.is_empty() && !s.round.is_empty()) {
            progress.corrections_open += 1;
        }
    }
    progress
}

#[derive(Clone, Debug, Serialize)]
pub struct NationalProgress {
    pub election: ElectionId,
    pub total: Progress,
    pub constituencies: BTreeMap<ConstituencyNo, Progress>,
}

pub fn national_progress(state: &State, election_id: &ElectionId) -> Option<NationalProgress> {
    let election = state.elections.get(election_id)?;
    let mut total = Progress::default();
    let mut constituencies = BTreeMap::new();
    for &constituency in &election.call.constituencies {
        let progress = constituency_progress(state, election_id, constituency);
        total.add(&progress);
        constituencies.insert(constituency, progress);
    }
    Some(NationalProgress {
        election: election_id.clone(),
        total,
        constituencies,
    })
}

/// One entry as a viewer sees it: its figures only if the viewer may see them.
#[derive(Clone, Debug, Serialize)]
pub struct EntryView {
    pub entry: u32,
    pub operator: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<AcceptedFigures>,
    pub acknowledged: Vec<Warning>,
}

/// A line on which the entries of the round differ, with each entry's figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineDifference {
    pub line: String,
    pub values: Vec<(u32, u64)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VersionView {
    pub version: u32,
    pub seq: u64,
    pub date: String,
    pub figures: AcceptedFigures,
    pub entries: Vec<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settled_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction_reason: Option<String>,
    pub acknowledged: Vec<Warning>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProtocolView {
    pub election: ElectionId,
    pub station: StationId,
    pub constituency: ConstituencyNo,
    /// The constituency whose voters are on the station's list, when the protocol is for
    /// another one (remote voting, M2): such a protocol is shown as what it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_from: Option<ConstituencyNo>,
    pub status: StationStatus,
    /// Every accepted version, oldest first: corrections never erase what came before.
    pub versions: Vec<VersionView>,
    pub entries: Vec<EntryView>,
    /// For a supervisor, when the entries differ: the differing lines side by side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<LineDifference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preliminary: Option<PreliminaryFigures>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub annulled_by: Vec<Citation>,
}

/// The protocol as `viewer` may see it: supervisors over the constituency see every entry's
/// figures, an operator only their own, others none until accepted.
pub fn protocol_view(state: &State, key: &ProtocolKey, viewer: &Actor) -> ProtocolView {
    let slot = state.protocols.get(key);
    // Only a supervisor of a commission with competence over the constituency settles (and
    // so sees) differing entries.
    let supervisor = matches!(viewer.role, Role::Supervisor)
        && state
            .commissions
            .get(&viewer.commission)
            .is_some_and(|c| c.covers_constituency(key.constituency));
    let entries = slot
        .map(|s| {
            s.round
                .iter()
                .map(|e| EntryView {
                    entry: e.entry,
                    operator: e.operator.clone(),
                    figures: (supervisor || e.operator == viewer.user).then(|| e.figures.clone()),
                    acknowledged: e.acknowledged.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let status = station_status(state, slot);
    let differences = match slot {
        Some(s) if supervisor && !s.awaits_entry() => differences(s),
        _ => Vec::new(),
    };
    ProtocolView {
        election: key.election.clone(),
        station: key.station,
        constituency: key.constituency,
        remote_from: state
            .stations
            .get(&key.station)
            .map(|s| s.constituency)
            .filter(|home| *home != key.constituency),
        status,
        versions: slot
            .map(|s| {
                s.versions
                    .iter()
                    .map(|v| VersionView {
                        version: v.version,
                        seq: v.seq,
                        date: v.date.to_string(),
                        figures: v.figures.clone(),
                        entries: v.entries.clone(),
                        settled_by: v.settled_by.clone(),
                        correction_reason: v.correction_reason.clone(),
                        acknowledged: v.acknowledged.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        entries,
        differences,
        preliminary: slot.and_then(|s| s.preliminary.clone()),
        annulled_by: slot
            .map(|s| {
                s.annulled_by
                    .iter()
                    .filter(|k| state.in_force(**k))
                    .filter_map(|k| state.citation(*k))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The lines on which the round's entries do not all agree.
pub fn differences(slot: &ProtocolSlot) -> Vec<LineDifference> {
    let mut lines: BTreeMap<String, Vec<(u32, u64)>> = BTreeMap::new();
    for entry in &slot.round {
        let f = &entry.figures;
        for (code, value) in &f.lines {
            lines
                .entry(code.clone())
                .or_default()
                .push((entry.entry, *value));
        }
        for (id, votes) in &f.candidates {
            lines
                .entry(id.to_string())
                .or_default()
                .push((entry.entry, *votes));
        }
        lines
            .entry(AGAINST_ALL.into())
            .or_default()
            .push((entry.entry, f.against_all));
    }
    lines
        .into_iter()
        .filter(|(_, values)| values.windows(2).any(|w| w[0].1 != w[1].1))
        .map(|(line, values)| LineDifference { line, values })
        .collect()
}

/// Whether the act numbered `seq`, an entry of protocol `key`, is an entry of the round
/// still open (H1): public views withhold its figures until the round is settled, so that
/// no operator can read another's entry before making their own.
pub fn entry_in_open_round(state: &State, key: &ProtocolKey, seq: u64) -> bool {
    state
        .protocols
        .get(key)
        .is_some_and(|slot| slot.round.iter().any(|entry| entry.seq == seq))
}

//! The open data as CSV tables: codes and numbers, no prose, one header line, UTF-8, lines
//! ended by CRLF as RFC 4180 has them. `docs/open-data.md` describes every column.
//!
//! - `stations.csv`: one row per protocol line — for every station, constituency and
//!   election with an accepted protocol, each line of the form (`L1` …), each candidate's
//!   votes (`line` = `candidate`, the candidate's id beside it) and "against all" (`AA`), from
//!   the latest accepted version; `counted` says whether that protocol is in the results now
//!   (`false` once annulled), so the rows with `counted` true add up to the results.
//! - `candidates.csv`: one row per candidate of every election and constituency, in the
//!   ballot's order, with the votes counted and the seat the results give.

use std::collections::BTreeSet;

use tandoo_core::State;
use tandoo_core::candidate::Nominator;
use tandoo_core::election::Election;
use tandoo_core::protocol::{AGAINST_ALL, AcceptedFigures};
use tandoo_core::resolution::Citation;
use tandoo_core::results::contest_view;

/// Why a table could not be written. Writing to memory fails only if a code does not
/// serialise as a plain string, which would be a defect.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("a CSV table could not be written: {0}")]
    Csv(#[from] csv::Error),
    #[error("a code could not be written: {0}")]
    Code(#[from] serde_json::Error),
    #[error("a CSV table could not be flushed: {0}")]
    Flush(String),
}

pub const STATIONS_HEADER: [&str; 9] = [
    "election",
    "constituency",
    "station",
    "version",
    "seq",
    "counted",
    "line",
    "candidate",
    "value",
];

pub const CANDIDATES_HEADER: [&str; 14] = [
    "election",
    "constituency",
    "candidate",
    "name",
    "latin_name",
    "gender",
    "nominated_by",
    "party",
    "standing",
    "registration_annulled_by",
    "votes_annulled_by",
    "votes",
    "seat",
    "elected",
];

/// Every accepted protocol's lines.
pub fn stations(state: &State) -> Result<Vec<u8>, TableError> {
    let mut out = writer();
    out.write_record(STATIONS_HEADER)?;
    for (key, slot) in &state.protocols {
        let Some(latest) = slot.latest() else {
            continue;
        };
        let Some(election) = state.elections.get(&key.election) else {
            continue;
        };
        let fixed = [
            key.election.to_string(),
            key.constituency.to_string(),
            key.station.to_string(),
            latest.version.to_string(),
            latest.seq.to_string(),
            slot.counted.to_string(),
        ];
        let mut row = |line: &str, candidate: &str, value: u64| {
            out.write_record(fixed.iter().map(String::as_str).chain([
                line,
                candidate,
                &value.to_string(),
            ]))
        };
        for code in line_order(election, &latest.figures) {
            row(code, "", latest.figures.line(code))?;
        }
        for (candidate, votes) in &latest.figures.candidates {
            row("candidate", candidate.as_str(), *votes)?;
        }
        row(AGAINST_ALL, "", latest.figures.against_all)?;
    }
    finish(out)
}

/// Every candidate of every contest, with the results' view of them.
pub fn candidates(state: &State) -> Result<Vec<u8>, TableError> {
    let mut out = writer();
    out.write_record(CANDIDATES_HEADER)?;
    let mut elections: Vec<&Election> = state.elections.values().collect();
    elections.sort_by(|a, b| (a.call.voting_day, &a.call.id).cmp(&(b.call.voting_day, &b.call.id)));
    for election in elections {
        for &constituency in &election.call.constituencies {
            let view = contest_view(state, election, constituency);
            let ballot = state
                .ballots
                .get(&(election.call.id.clone(), constituency))
                .map_or(&[][..], Vec::as_slice);
            for id in ballot {
                let Some(c) = view.candidates.iter().find(|c| &c.id == id) else {
                    continue;
                };
                let (nominated_by, party) = match &c.nominated_by {
                    Nominator::Party { party } => ("party", party.as_str()),
                    Nominator::SelfNominated => ("self", ""),
                };
                out.write_record([
                    election.call.id.as_str(),
                    &constituency.to_string(),
                    c.id.as_str(),
                    &c.name,
                    c.latin_name.as_deref().unwrap_or(""),
                    &code(&c.gender)?,
                    nominated_by,
                    party,
                    &code(&c.standing)?,
                    &cited(c.registration_annulled_by.as_ref()),
                    &cited(c.votes_annulled_by.as_ref()),
                    &c.votes.to_string(),
                    &c.seat.map(|s| code(&s)).transpose()?.unwrap_or_default(),
                    &c.elected.to_string(),
                ])?;
            }
        }
    }
    finish(out)
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn finish(out: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, TableError> {
    out.into_inner()
        .map_err(|e| TableError::Flush(e.error().to_string()))
}

/// The form's lines in the form's order, then any line the figures hold that the form does
/// not name (none, for figures that passed the form's checks).
fn line_order<'a>(election: &'a Election, figures: &'a AcceptedFigures) -> Vec<&'a str> {
    let form: Vec<&str> = election
        .call
        .form
        .lines
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let named: BTreeSet<&str> = form.iter().copied().collect();
    let extra = figures
        .lines
        .keys()
        .map(String::as_str)
        .filter(|code| !named.contains(code));
    form.iter().copied().chain(extra).collect()
}

/// A code as the JSON views write it (`F`, `registered`, `elected`), so the tables and the
/// JSON agree.
fn code(value: &impl serde::Serialize) -> Result<String, TableError> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(code) => Ok(code),
        other => Ok(other.to_string()),
    }
}

/// A resolution by its number, `CEC 161/2025`; empty for none (or a draft, which has no
/// number and no effect).
fn cited(citation: Option<&Citation>) -> String {
    citation
        .and_then(|c| c.resolution.as_ref())
        .map(ToString::to_string)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_state_has_the_headers_alone() {
        let stations = String::from_utf8(stations(&State::default()).unwrap()).unwrap();
        assert_eq!(
            stations,
            "election,constituency,station,version,seq,counted,line,candidate,value\r\n"
        );
        let candidates = String::from_utf8(candidates(&State::default()).unwrap()).unwrap();
        assert!(candidates.starts_with("election,constituency,candidate,name,"));
        assert_eq!(candidates.lines().count(), 1);
    }
}

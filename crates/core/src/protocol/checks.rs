//! The control relations of the protocol form (E01–E07 block acceptance, W01–W05 must be
//! acknowledged). Messages name the lines and the numbers, as the operator sees them on paper.

use super::figures::{AcceptedFigures, Lines, PreliminaryFigures, ProtocolEntry};
use crate::ids::CandidateId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The largest figure a protocol line may hold. No polling station comes near it; the
/// bound keeps every sum of figures (a station's, a constituency's, a nation's) far inside
/// the integers, whatever is typed.
pub const MAX_FIGURE: u64 = 1_000_000_000;

/// An error: the protocol cannot be accepted as entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlFailure {
    pub code: String,
    pub message: String,
}

impl fmt::Display for ControlFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum WarningCode {
    W01,
    W02,
    W03,
    W04,
    W05,
}

/// A warning: shown to the operator, who must acknowledge it for the protocol to be accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
}

/// What the form expects at this station.
pub struct CheckContext<'a> {
    /// The candidates on this constituency's ballot.
    pub ballot: &'a BTreeSet<CandidateId>,
    pub against_all_on_ballot: bool,
    /// Preliminary figures from the ballot-counting box, when loaded (W05).
    pub preliminary: Option<&'a PreliminaryFigures>,
}

/// Checks an entry against every control relation. Returns the accepted figures and the
/// warnings to acknowledge, or every error found (not just the first, so the operator can
/// correct them all at once).
pub fn check_protocol(
    entry: &ProtocolEntry,
    context: &CheckContext<'_>,
) -> Result<(AcceptedFigures, Vec<Warning>), Vec<ControlFailure>> {
    let figures = whole_figures(entry, context)?;
    let failures = control_errors(&figures);
    if !failures.is_empty() {
        return Err(failures);
    }
    let warnings = control_warnings(&figures, context.preliminary);
    Ok((figures, warnings))
}

fn e07(message: String) -> ControlFailure {
    ControlFailure {
        code: "E07".into(),
        message,
    }
}

/// E07: every figure a whole number >= 0, every line present, no unknown line or candidate.
fn whole_figures(
    entry: &ProtocolEntry,
    context: &CheckContext<'_>,
) -> Result<AcceptedFigures, Vec<ControlFailure>> {
    let mut failures = Vec::new();
    let mut negatives = Vec::new();
    let mut non_negative = |what: String, value: i64| -> u64 {
        match u64::try_from(value) {
            Ok(figure) if figure <= MAX_FIGURE => figure,
            Ok(_) => {
                negatives.push(e07(format!(
                    "{what} is {value}; no polling station has more than {MAX_FIGURE} ballots"
                )));
                0
            }
            Err(_) => {
                negatives.push(e07(format!(
                    "{what} is {value}; a figure must be a whole number of 0 or more"
                )));
                0
            }
        }
    };
    let mut line_values = [0u64; 10];
    let mut missing_lines = Vec::new();
    for (slot, name) in line_values.iter_mut().zip(Lines::NAMES) {
        match entry.lines.get(name) {
            Some(&value) => *slot = non_negative(format!("line {name}"), value),
            None => missing_lines.push(e07(format!("line {name} is missing"))),
        }
    }
    let mut candidates = BTreeMap::new();
    for (id, &value) in &entry.candidates {
        candidates.insert(
            id.clone(),
            non_negative(format!("the votes for candidate {id}"), value),
        );
    }
    let against_all = match entry.against_all {
        Some(value) => non_negative("the line \"against all\" (AA)".into(), value),
        None => 0,
    };
    failures.append(&mut negatives);
    failures.append(&mut missing_lines);
    for name in entry.lines.keys() {
        if !Lines::NAMES.contains(&name.as_str()) {
            failures.push(e07(format!("line {name} is not on this protocol form")));
        }
    }
    for id in entry.candidates.keys() {
        if !context.ballot.contains(id) {
            failures.push(e07(format!(
                "candidate {id} is not on this constituency's ballot"
            )));
        }
    }
    for id in context.ballot {
        if !entry.candidates.contains_key(id) {
            failures.push(e07(format!("the line for candidate {id} is missing")));
        }
    }
    match (context.against_all_on_ballot, entry.against_all.is_some()) {
        (true, false) => failures.push(e07("the line \"against all\" (AA) is missing".into())),
        (false, true) => failures.push(e07("this ballot has no \"against all\" line (AA)".into())),
        _ => {}
    }
    if failures.is_empty() {
        Ok(AcceptedFigures {
            lines: Lines::from_values(line_values),
            candidates,
            against_all,
        })
    } else {
        Err(failures)
    }
}

fn control_errors(f: &AcceptedFigures) -> Vec<ControlFailure> {
    let l = &f.lines;
    let mut failures = Vec::new();
    let mut fail = |code: &str, message: String| {
        failures.push(ControlFailure {
            code: code.into(),
            message,
        })
    };
    let issued_and_cancelled = l.issued_inside + l.issued_outside + l.cancelled;
    if l.ballots_received != issued_and_cancelled {
        fail(
            "E01",
            format!(
                "ballots received L2 ({}) must equal L3 + L4 + L5 ({} + {} + {} = {})",
                l.ballots_received,
                l.issued_inside,
                l.issued_outside,
                l.cancelled,
                issued_and_cancelled
            ),
        );
    }
    if l.in_boxes() != l.invalid + l.valid {
        fail(
            "E02",
            format!(
                "ballots in boxes L7 + L8 ({} + {} = {}) must equal invalid L9 + valid L10 ({} + {} = {})",
                l.in_mobile_boxes,
                l.in_stationary_boxes,
                l.in_boxes(),
                l.invalid,
                l.valid,
                l.invalid + l.valid
            ),
        );
    }
    let votes: u64 = f.candidates.values().sum::<u64>() + f.against_all;
    if l.valid != votes {
        fail(
            "E03",
            format!(
                "valid ballots L10 ({}) must equal the votes for all candidates and against all ({votes})",
                l.valid
            ),
        );
    }
    if l.in_boxes() > l.took_part() {
        fail(
            "E04",
            format!(
                "more ballots in the boxes (L7 + L8 = {}) than were issued (L3 + L4 = {})",
                l.in_boxes(),
                l.took_part()
            ),
        );
    }
    if l.in_mobile_boxes > l.issued_outside {
        fail(
            "E05",
            format!(
                "more ballots in mobile boxes (L7 = {}) than were issued outside the station (L4 = {})",
                l.in_mobile_boxes, l.issued_outside
            ),
        );
    }
    if l.in_boxes() > l.voters_identified {
        fail(
            "E06",
            format!(
                "more ballots in the boxes (L7 + L8 = {}) than voters identified (L6 = {})",
                l.in_boxes(),
                l.voters_identified
            ),
        );
    }
    failures
}

/// `part / whole` compared with `percent`%, in integers: part * 100 > percent * whole.
fn above_percent(part: u64, whole: u64, percent: u64) -> bool {
    u128::from(part) * 100 > u128::from(percent) * u128::from(whole)
}

/// `part / whole` below `percent`%, in integers.
fn below_percent(part: u64, whole: u64, percent: u64) -> bool {
    u128::from(part) * 100 < u128::from(percent) * u128::from(whole)
}

fn control_warnings(f: &AcceptedFigures, preliminary: Option<&PreliminaryFigures>) -> Vec<Warning> {
    let l = &f.lines;
    let mut warnings = Vec::new();
    let mut warn = |code, message: String| warnings.push(Warning { code, message });
    if l.took_part() > l.voters_on_list {
        warn(
            WarningCode::W01,
            format!(
                "more ballots issued (L3 + L4 = {}) than voters on the list (L1 = {})",
                l.took_part(),
                l.voters_on_list
            ),
        );
    }
    if l.voters_on_list > 0
        && (above_percent(l.in_boxes(), l.voters_on_list, 95)
            || below_percent(l.in_boxes(), l.voters_on_list, 5))
    {
        warn(
            WarningCode::W02,
            format!(
                "turnout (L7 + L8 = {} of L1 = {}) is above 95% or below 5%",
                l.in_boxes(),
                l.voters_on_list
            ),
        );
    }
    if above_percent(l.invalid, l.in_boxes(), 5) {
        warn(
            WarningCode::W03,
            format!(
                "invalid ballots (L9 = {}) are more than 5% of ballots in the boxes ({})",
                l.invalid,
                l.in_boxes()
            ),
        );
    }
    if let Some((id, votes)) = f
        .candidates
        .iter()
        .find(|(_, v)| above_percent(**v, l.valid, 80))
    {
        warn(
            WarningCode::W04,
            format!(
                "candidate {id} has {votes} of {} valid votes, more than 80%",
                l.valid
            ),
        );
    }
    if let Some(box_count) = preliminary {
        let differing = differing_lines(f, box_count);
        if !differing.is_empty() {
            warn(
                WarningCode::W05,
                format!(
                    "the ballot-counting box's figures differ from the manual count on {}",
                    differing.join(", ")
                ),
            );
        }
    }
    warnings
}

/// The lines the box reported that differ from the manual count (lines it did not report
/// are not compared).
fn differing_lines(manual: &AcceptedFigures, box_count: &PreliminaryFigures) -> Vec<String> {
    let mut differing: Vec<String> = Lines::NAMES
        .iter()
        .zip(manual.lines.values())
        .filter_map(|(name, a)| {
            let b = *box_count.lines.get(*name)?;
            (a != b).then(|| format!("{name} ({a} manual, {b} box)"))
        })
        .collect();
    for (id, counted) in &box_count.candidates {
        let votes = manual.candidates.get(id).copied().unwrap_or(0);
        if votes != *counted {
            differing.push(format!("{id} ({votes} manual, {counted} box)"));
        }
    }
    if let Some(counted) = box_count.against_all
        && manual.against_all != counted
    {
        differing.push(format!("AA ({} manual, {counted} box)", manual.against_all));
    }
    differing
}

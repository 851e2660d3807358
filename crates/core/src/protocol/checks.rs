//! The control relations of the election's protocol form: errors block acceptance, warnings
//! must be acknowledged. E07 (every figure whole, every line there) belongs to every form.
//! Messages name the lines and the numbers, as the operator sees them on paper.

use super::figures::{AcceptedFigures, PreliminaryFigures, ProtocolEntry};
use super::form::{AGAINST_ALL, CANDIDATES, ProtocolForm, Relation, Rule, Severity};
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

/// The warning given when a protocol's voter lines stray from the station's register (M3).
pub const REGISTER_WARNING: &str = "W_REGISTER";

/// A warning: shown to the operator, who must acknowledge it (by its code) for the protocol
/// to be accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// What the form expects at this station.
pub struct CheckContext<'a> {
    pub form: &'a ProtocolForm,
    /// The candidates on this constituency's ballot.
    pub ballot: &'a BTreeSet<CandidateId>,
    pub against_all_on_ballot: bool,
    /// Preliminary figures from the ballot-counting box, when loaded.
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
    let mut failures = Vec::new();
    let mut warnings = Vec::new();
    for relation in &context.form.relations {
        if let Some(message) = broken(relation, &figures, context.preliminary) {
            match relation.severity {
                Severity::Error => failures.push(ControlFailure {
                    code: relation.code.clone(),
                    message,
                }),
                Severity::Warning => warnings.push(Warning {
                    code: relation.code.clone(),
                    message,
                }),
            }
        }
    }
    if failures.is_empty() {
        Ok((figures, warnings))
    } else {
        Err(failures)
    }
}

fn e07(message: String) -> ControlFailure {
    ControlFailure {
        code: "E07".into(),
        message,
    }
}

/// E07: every figure a whole number >= 0 (and at most [`MAX_FIGURE`]), every line of the
/// form present, no unknown line or candidate.
fn whole_figures(
    entry: &ProtocolEntry,
    context: &CheckContext<'_>,
) -> Result<AcceptedFigures, Vec<ControlFailure>> {
    let mut failures = Vec::new();
    let mut figure = |what: String, value: i64| -> u64 {
        match u64::try_from(value) {
            Ok(figure) if figure <= MAX_FIGURE => figure,
            Ok(_) => {
                failures.push(e07(format!(
                    "{what} is {value}; no polling station has more than {MAX_FIGURE} ballots"
                )));
                0
            }
            Err(_) => {
                failures.push(e07(format!(
                    "{what} is {value}; a figure must be a whole number of 0 or more"
                )));
                0
            }
        }
    };
    let lines: BTreeMap<String, u64> = context
        .form
        .lines
        .iter()
        .filter_map(|line| {
            entry
                .lines
                .get(&line.code)
                .map(|v| (line.code.clone(), figure(format!("line {}", line.code), *v)))
        })
        .collect();
    let candidates: BTreeMap<CandidateId, u64> = entry
        .candidates
        .iter()
        .map(|(id, v)| {
            (
                id.clone(),
                figure(format!("the votes for candidate {id}"), *v),
            )
        })
        .collect();
    let against_all = entry.against_all.map_or(0, |v| {
        figure(format!("the line \"against all\" ({AGAINST_ALL})"), v)
    });
    for line in &context.form.lines {
        if !entry.lines.contains_key(&line.code) {
            failures.push(e07(format!(
                "line {} ({}) is missing",
                line.code, line.meaning
            )));
        }
    }
    for code in entry.lines.keys() {
        if !context.form.has_line(code) {
            failures.push(e07(format!("line {code} is not on this protocol form")));
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
        (true, false) => failures.push(e07(format!(
            "the line \"against all\" ({AGAINST_ALL}) is missing"
        ))),
        (false, true) => failures.push(e07(format!(
            "this ballot has no \"against all\" line ({AGAINST_ALL})"
        ))),
        _ => {}
    }
    if failures.is_empty() {
        Ok(AcceptedFigures {
            lines,
            candidates,
            against_all,
        })
    } else {
        Err(failures)
    }
}

/// How a side of a relation reads on paper: `L2 (1000)`, or `L3 + L4 + L5 (680 + 0 + 1 = 681)`.
fn side(figures: &AcceptedFigures, terms: &[String]) -> String {
    let name = |term: &str| match term {
        CANDIDATES => "the candidates' votes".to_string(),
        other => other.to_string(),
    };
    let value = |term: &String| figures.sum(std::slice::from_ref(term));
    match terms {
        [one] => format!("{} ({})", name(one), value(one)),
        many => format!(
            "{} ({} = {})",
            many.iter().map(|t| name(t)).collect::<Vec<_>>().join(" + "),
            many.iter()
                .map(|t| value(t).to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            figures.sum(many)
        ),
    }
}

/// The message of a relation the figures break, or `None` when they keep it.
fn broken(
    relation: &Relation,
    figures: &AcceptedFigures,
    preliminary: Option<&PreliminaryFigures>,
) -> Option<String> {
    let about = &relation.description;
    match &relation.rule {
        Rule::Equal { left, right } => (figures.sum(left) != figures.sum(right)).then(|| {
            format!(
                "{} must equal {}: {about}",
                side(figures, left),
                side(figures, right)
            )
        }),
        Rule::AtMost { left, right } => (figures.sum(left) > figures.sum(right)).then(|| {
            format!(
                "{} is more than {}: {about}",
                side(figures, left),
                side(figures, right)
            )
        }),
        Rule::ShareWithin {
            part,
            whole,
            at_least_percent,
            at_most_percent,
        } => {
            let (p, w) = (figures.sum(part), figures.sum(whole));
            let too_low = at_least_percent.is_some_and(|min| below_percent(p, w, min));
            let too_high = at_most_percent.is_some_and(|max| above_percent(p, w, max));
            (w > 0 && (too_low || too_high)).then(|| {
                format!(
                    "{} is {}% of {}: {about}",
                    side(figures, part),
                    percent_text(p, w),
                    side(figures, whole)
                )
            })
        }
        Rule::CandidateShareAtMost { whole, percent } => {
            let w = figures.sum(whole);
            figures
                .candidates
                .iter()
                .find(|(_, v)| above_percent(**v, w, *percent))
                .map(|(id, v)| {
                    format!(
                        "candidate {id} has {v} of {} ({}%): {about}",
                        side(figures, whole),
                        percent_text(*v, w)
                    )
                })
        }
        Rule::MatchesPreliminary {} => {
            let differing = differing_lines(figures, preliminary?);
            (!differing.is_empty()).then(|| format!("{about}? No: {}", differing.join(", ")))
        }
    }
}

/// `part / whole` as a percentage with two decimals, rounded half up, in integers.
fn percent_text(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0.00".into();
    }
    let hundredths = (u128::from(part) * 10_000 * 2 + u128::from(whole)) / (2 * u128::from(whole));
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// `part / whole` above `percent`%, in integers.
fn above_percent(part: u64, whole: u64, percent: u32) -> bool {
    u128::from(part) * 100 > u128::from(percent) * u128::from(whole)
}

/// `part / whole` below `percent`%, in integers.
fn below_percent(part: u64, whole: u64, percent: u32) -> bool {
    u128::from(part) * 100 < u128::from(percent) * u128::from(whole)
}

/// The figures the box reported that differ from the manual count (lines it did not report
/// are not compared).
fn differing_lines(manual: &AcceptedFigures, box_count: &PreliminaryFigures) -> Vec<String> {
    let mut differing: Vec<String> = box_count
        .lines
        .iter()
        .filter(|(code, counted)| manual.line(code) != **counted)
        .map(|(code, counted)| format!("{code} ({} manual, {counted} box)", manual.line(code)))
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
        differing.push(format!(
            "{AGAINST_ALL} ({} manual, {counted} box)",
            manual.against_all
        ));
    }
    differing
}

//! The control relations of the election's protocol form: errors block acceptance, warnings
//! must be acknowledged (R-PROT-ACKNOWLEDGE). E07 (every figure whole, every line there,
//! R-PROT-E07 and R-REF-BOUNDS) belongs to every form, and so does the check of a box's
//! figures against the manual count (R-PROT-W05, R-PROT-PRELIMINARY).
//! A failure or warning carries the relation's code and what it found as data
//! ([`Finding`]): the lines of each side with their figures, so that the operator's screen
//! can show them as on paper in any language.

use super::figures::{AcceptedFigures, PreliminaryFigures, ProtocolEntry};
use super::finding::{Differing, Finding, ProtocolLine, Side, Term};
use super::form::{ProtocolForm, Relation, Rule, Severity};
use crate::ids::CandidateId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The largest figure a protocol line may hold. No polling station comes near it; the
/// bound keeps every sum of figures (a station's, a constituency's, a nation's) far inside
/// the integers, whatever is typed.
pub const MAX_FIGURE: u64 = 1_000_000_000;

/// An error: the protocol cannot be accepted as entered. `code` is the relation's (`E01`,
/// or `E07` for a figure that is not whole or a line missing), `finding` what it found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlFailure {
    pub code: String,
    pub finding: Finding,
}

impl fmt::Display for ControlFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.finding)
    }
}

/// The warning given when a protocol's voter lines stray from the station's register (M3).
pub const REGISTER_WARNING: &str = "W_REGISTER";

/// A warning: shown to the operator, who must acknowledge it (by its code) for the protocol
/// to be accepted. Acts keep the warnings acknowledged; one recorded before findings were
/// data (`{"code", "message"}`) reads as [`Finding::Recorded`] and is written back as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub code: String,
    pub finding: Finding,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.finding)
    }
}

/// A warning as acts hold it now, and as they held it before.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FoundForm<C, F> {
    code: C,
    finding: F,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordedForm<C, M> {
    code: C,
    message: M,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum WarningForm {
    Found(FoundForm<String, Finding>),
    Recorded(RecordedForm<String, String>),
}

impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.finding {
            Finding::Recorded { message } => RecordedForm {
                code: &self.code,
                message,
            }
            .serialize(serializer),
            finding => FoundForm {
                code: &self.code,
                finding,
            }
            .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match WarningForm::deserialize(deserializer)? {
            WarningForm::Found(FoundForm { code, finding }) => Warning { code, finding },
            WarningForm::Recorded(RecordedForm { code, message }) => Warning {
                code,
                finding: Finding::Recorded { message },
            },
        })
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
        if let Some(finding) = broken(relation, &figures, context.preliminary) {
            match relation.severity {
                Severity::Error => failures.push(ControlFailure {
                    code: relation.code.clone(),
                    finding,
                }),
                Severity::Warning => warnings.push(Warning {
                    code: relation.code.clone(),
                    finding,
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

fn e07(finding: Finding) -> ControlFailure {
    ControlFailure {
        code: "E07".into(),
        finding,
    }
}

/// E07: every figure a whole number >= 0 (and at most [`MAX_FIGURE`]), every line of the
/// form present, no unknown line or candidate.
fn whole_figures(
    entry: &ProtocolEntry,
    context: &CheckContext<'_>,
) -> Result<AcceptedFigures, Vec<ControlFailure>> {
    let mut failures = Vec::new();
    let mut figure = |line: ProtocolLine, value: i64| -> u64 {
        match u64::try_from(value) {
            Ok(figure) if figure <= MAX_FIGURE => figure,
            Ok(_) => {
                failures.push(e07(Finding::TooLarge {
                    line,
                    value,
                    max: MAX_FIGURE,
                }));
                0
            }
            Err(_) => {
                failures.push(e07(Finding::Negative { line, value }));
                0
            }
        }
    };
    let lines: BTreeMap<String, u64> = context
        .form
        .lines
        .iter()
        .filter_map(|line| {
            entry.lines.get(&line.code).map(|v| {
                let code = line.code.clone();
                (code.clone(), figure(ProtocolLine::Line(code), *v))
            })
        })
        .collect();
    let candidates: BTreeMap<CandidateId, u64> = entry
        .candidates
        .iter()
        .map(|(id, v)| (id.clone(), figure(ProtocolLine::Candidate(id.clone()), *v)))
        .collect();
    let against_all = entry
        .against_all
        .map_or(0, |v| figure(ProtocolLine::AgainstAll, v));
    for line in &context.form.lines {
        if !entry.lines.contains_key(&line.code) {
            failures.push(e07(Finding::LineMissing {
                line: line.code.clone(),
            }));
        }
    }
    for code in entry.lines.keys() {
        if !context.form.has_line(code) {
            failures.push(e07(Finding::NotOnForm { line: code.clone() }));
        }
    }
    for id in entry.candidates.keys() {
        if !context.ballot.contains(id) {
            failures.push(e07(Finding::NotOnBallot {
                candidate: id.clone(),
            }));
        }
    }
    for id in context.ballot {
        if !entry.candidates.contains_key(id) {
            failures.push(e07(Finding::CandidateMissing {
                candidate: id.clone(),
            }));
        }
    }
    match (context.against_all_on_ballot, entry.against_all.is_some()) {
        (true, false) => failures.push(e07(Finding::AgainstAllMissing)),
        (false, true) => failures.push(e07(Finding::NoAgainstAllOnBallot)),
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

/// A side of a relation with the figures of each of its terms.
fn side(figures: &AcceptedFigures, terms: &[String]) -> Side {
    Side {
        terms: terms
            .iter()
            .map(|term| Term {
                term: term.clone(),
                figure: figures.sum(std::slice::from_ref(term)),
            })
            .collect(),
        sum: figures.sum(terms),
    }
}

/// What a relation the figures break found, or `None` when they keep it.
fn broken(
    relation: &Relation,
    figures: &AcceptedFigures,
    preliminary: Option<&PreliminaryFigures>,
) -> Option<Finding> {
    match &relation.rule {
        Rule::Equal { left, right } => {
            (figures.sum(left) != figures.sum(right)).then(|| Finding::NotEqual {
                left: side(figures, left),
                right: side(figures, right),
            })
        }
        Rule::AtMost { left, right } => {
            (figures.sum(left) > figures.sum(right)).then(|| Finding::MoreThan {
                left: side(figures, left),
                right: side(figures, right),
            })
        }
        Rule::ShareWithin {
            part,
            whole,
            at_least_percent,
            at_most_percent,
        } => {
            let (p, w) = (figures.sum(part), figures.sum(whole));
            let too_low = at_least_percent.is_some_and(|min| below_percent(p, w, min));
            let too_high = at_most_percent.is_some_and(|max| above_percent(p, w, max));
            (w > 0 && (too_low || too_high)).then(|| Finding::ShareOutside {
                part: side(figures, part),
                whole: side(figures, whole),
                at_least_percent: *at_least_percent,
                at_most_percent: *at_most_percent,
            })
        }
        Rule::CandidateShareAtMost { whole, percent } => {
            let w = figures.sum(whole);
            figures
                .candidates
                .iter()
                .find(|(_, v)| above_percent(**v, w, *percent))
                .map(|(id, v)| Finding::CandidateShareAbove {
                    candidate: id.clone(),
                    votes: *v,
                    whole: side(figures, whole),
                    percent: *percent,
                })
        }
        Rule::MatchesPreliminary {} => {
            let differing = differing_lines(figures, preliminary?);
            (!differing.is_empty()).then_some(Finding::DiffersFromPreliminary { differing })
        }
    }
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
fn differing_lines(manual: &AcceptedFigures, box_count: &PreliminaryFigures) -> Vec<Differing> {
    let mut differing: Vec<Differing> = box_count
        .lines
        .iter()
        .filter(|(code, counted)| manual.line(code) != **counted)
        .map(|(code, counted)| Differing {
            line: ProtocolLine::Line(code.clone()),
            manual: manual.line(code),
            box_count: *counted,
        })
        .collect();
    for (id, counted) in &box_count.candidates {
        let votes = manual.candidates.get(id).copied().unwrap_or(0);
        if votes != *counted {
            differing.push(Differing {
                line: ProtocolLine::Candidate(id.clone()),
                manual: votes,
                box_count: *counted,
            });
        }
    }
    if let Some(counted) = box_count.against_all
        && manual.against_all != counted
    {
        differing.push(Differing {
            line: ProtocolLine::AgainstAll,
            manual: manual.against_all,
            box_count: counted,
        });
    }
    differing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_recorded_with_its_sentence_reads_and_is_written_back_as_it_was() {
        let recorded = r#"{"code":"W02","message":"L7 + L8 (0 + 10 = 10) is 1.00% of L1 (1000)"}"#;
        let warning: Warning = serde_json::from_str(recorded).unwrap();
        assert_eq!(warning.code, "W02");
        assert!(matches!(warning.finding, Finding::Recorded { .. }));
        assert_eq!(serde_json::to_string(&warning).unwrap(), recorded);
    }

    #[test]
    fn a_warning_carries_its_finding_as_data_and_reads_back() {
        let warning = Warning {
            code: REGISTER_WARNING.into(),
            finding: Finding::OffRegister {
                line: "L1".into(),
                voters_on_list: 20_000,
                took_part: 1_500,
                registered: 2_000,
                margin_percent: 10,
            },
        };
        let json = serde_json::to_value(&warning).unwrap();
        assert_eq!(json["finding"]["kind"], "off_register");
        assert_eq!(json["finding"]["registered"], 2_000);
        assert_eq!(serde_json::from_value::<Warning>(json).unwrap(), warning);
        let bad = r#"{"code":"W02","finding":{"kind":"not_equal"},"extra":1}"#;
        assert!(serde_json::from_str::<Warning>(bad).is_err());
    }
}

//! What a control relation found on a protocol, as data: the relation's code (on the failure
//! or warning that carries it), the lines of each side with their figures and sums, or the
//! figure a line lacks. Present words a finding in each language; the English `Display` is
//! the one of core's error messages.

use super::form::{AGAINST_ALL, CANDIDATES};
use crate::ids::CandidateId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A place on the protocol a figure is written in: a line of the form, a candidate's line,
/// or the line "against all".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolLine {
    Line(String),
    Candidate(CandidateId),
    AgainstAll,
}

/// A term of a relation with its figure: a line code, `candidates` (every candidate's votes)
/// or `AA` ("against all").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub figure: u64,
}

/// One side of a relation: its terms in the form's order, each with its figure, and their sum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub terms: Vec<Term>,
    pub sum: u64,
}

/// A figure of the manual count that differs from the ballot-counting box's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Differing {
    pub line: ProtocolLine,
    pub manual: u64,
    #[serde(rename = "box")]
    pub box_count: u64,
}

/// What a relation found. E07 (every figure whole, every line there) finds one of its
/// first eight kinds; the form's relations the next five, by their rule; the register
/// warning (M3) `off_register`. A warning recorded before findings were data keeps the
/// sentence the operator was shown (`recorded`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Finding {
    /// A figure below zero.
    Negative { line: ProtocolLine, value: i64 },
    /// A figure above the most any polling station has ([`super::MAX_FIGURE`]).
    TooLarge {
        line: ProtocolLine,
        value: i64,
        max: u64,
    },
    /// A line of the form not entered.
    LineMissing { line: String },
    /// A line entered that the form does not have.
    NotOnForm { line: String },
    /// Votes entered for a candidate who is not on the constituency's ballot.
    NotOnBallot { candidate: CandidateId },
    /// A candidate on the ballot without their line.
    CandidateMissing { candidate: CandidateId },
    /// The ballot has "against all" and the entry lacks its line.
    AgainstAllMissing,
    /// The entry has an "against all" line the ballot does not.
    NoAgainstAllOnBallot,
    /// `equal`: the sums of the sides differ.
    NotEqual { left: Side, right: Side },
    /// `at_most`: the left side is more than the right.
    MoreThan { left: Side, right: Side },
    /// `share_within`: `part` is outside the share of `whole` the relation allows.
    ShareOutside {
        part: Side,
        whole: Side,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_least_percent: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_most_percent: Option<u32>,
    },
    /// `candidate_share_at_most`: a candidate has more than `percent` of `whole`.
    CandidateShareAbove {
        candidate: CandidateId,
        votes: u64,
        whole: Side,
        percent: u32,
    },
    /// `matches_preliminary`: the manual count differs from the ballot-counting box.
    DiffersFromPreliminary { differing: Vec<Differing> },
    /// The register warning (M3): the voters on the list (the form's `line`), or those who
    /// took part, stray from the voters registered at the station by more than the margin.
    OffRegister {
        line: String,
        voters_on_list: u64,
        took_part: u64,
        registered: u64,
        margin_percent: u32,
    },
    /// A warning as acts recorded it before findings were data: the sentence shown.
    Recorded { message: String },
}

impl fmt::Display for ProtocolLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolLine::Line(code) => write!(f, "line {code}"),
            ProtocolLine::Candidate(id) => write!(f, "the votes for candidate {id}"),
            ProtocolLine::AgainstAll => write!(f, "the line \"against all\" ({AGAINST_ALL})"),
        }
    }
}

/// As on paper: `L2 (1000)`, or `L3 + L4 + L5 (680 + 0 + 1 = 681)`.
impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |term: &Term| match term.term.as_str() {
            CANDIDATES => "the candidates' votes".to_string(),
            other => other.to_string(),
        };
        match self.terms.as_slice() {
            [one] => write!(f, "{} ({})", name(one), one.figure),
            many => {
                let names: Vec<String> = many.iter().map(name).collect();
                let figures: Vec<String> = many.iter().map(|t| t.figure.to_string()).collect();
                write!(
                    f,
                    "{} ({} = {})",
                    names.join(" + "),
                    figures.join(" + "),
                    self.sum
                )
            }
        }
    }
}

/// `part / whole` as a percentage with two decimals, rounded half up, in integers.
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0.00".into();
    }
    let hundredths = (u128::from(part) * 10_000 * 2 + u128::from(whole)) / (2 * u128::from(whole));
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// The English of core's error messages.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Negative { line, value } => {
                write!(
                    f,
                    "{line} is {value}; a figure must be a whole number of 0 or more"
                )
            }
            Finding::TooLarge { line, value, max } => write!(
                f,
                "{line} is {value}; no polling station has more than {max} ballots"
            ),
            Finding::LineMissing { line } => write!(f, "line {line} is missing"),
            Finding::NotOnForm { line } => write!(f, "line {line} is not on this protocol form"),
            Finding::NotOnBallot { candidate } => {
                write!(
                    f,
                    "candidate {candidate} is not on this constituency's ballot"
                )
            }
            Finding::CandidateMissing { candidate } => {
                write!(f, "the line for candidate {candidate} is missing")
            }
            Finding::AgainstAllMissing => {
                write!(f, "the line \"against all\" ({AGAINST_ALL}) is missing")
            }
            Finding::NoAgainstAllOnBallot => {
                write!(f, "this ballot has no \"against all\" line ({AGAINST_ALL})")
            }
            Finding::NotEqual { left, right } => write!(f, "{left} must equal {right}"),
            Finding::MoreThan { left, right } => write!(f, "{left} is more than {right}"),
            Finding::ShareOutside { part, whole, .. } => {
                write!(f, "{part} is {}% of {whole}", percent(part.sum, whole.sum))
            }
            Finding::CandidateShareAbove {
                candidate,
                votes,
                whole,
                ..
            } => write!(
                f,
                "candidate {candidate} has {votes} of {whole} ({}%)",
                percent(*votes, whole.sum)
            ),
            Finding::DiffersFromPreliminary { differing } => {
                let each: Vec<String> = differing
                    .iter()
                    .map(|d| {
                        let what = match &d.line {
                            ProtocolLine::Line(code) => code.clone(),
                            ProtocolLine::Candidate(id) => id.to_string(),
                            ProtocolLine::AgainstAll => AGAINST_ALL.to_string(),
                        };
                        format!("{what} ({} manual, {} box)", d.manual, d.box_count)
                    })
                    .collect();
                write!(
                    f,
                    "the manual count differs from the ballot-counting box: {}",
                    each.join(", ")
                )
            }
            Finding::OffRegister {
                line,
                voters_on_list,
                took_part,
                registered,
                margin_percent,
            } => write!(
                f,
                "{line} ({voters_on_list}) or those who took part ({took_part}) differ from the {registered} voters registered at the station by more than {margin_percent}%"
            ),
            Finding::Recorded { message } => f.write_str(message),
        }
    }
}

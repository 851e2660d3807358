//! The protocol form of an election: its lines, which lines the results read, and its
//! control relations — all data, so that another commission's form (another country, a
//! referendum, a party-list election) needs no code. The Kyrgyz form is the default, with its
//! relations R-PROT-E01 … R-PROT-E06 and R-PROT-W01 … R-PROT-W05; a form given with a call
//! is checked for coherence (R-ELEC-RULE-SET).

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A term of a relation: a line's code, `candidates` (the sum of every candidate's votes) or
/// `AA` (votes "against all").
pub const CANDIDATES: &str = "candidates";
pub const AGAINST_ALL: &str = "AA";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolForm {
    pub name: String,
    pub lines: Vec<FormLine>,
    pub roles: LineRoles,
    pub relations: Vec<Relation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormLine {
    pub code: String,
    pub meaning: String,
}

/// The lines the results read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineRoles {
    /// Voters on the list.
    pub voters_on_list: String,
    /// Those who took part (turnout is their sum over voters on the list).
    pub took_part: Vec<String>,
    /// Invalid ballots.
    pub invalid: String,
    /// The lines turnout sums, over voters on the list; `took_part` when absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turnout: Vec<String>,
}

impl LineRoles {
    /// The form's one definition of turnout: the lines it sums.
    pub fn turnout_lines(&self) -> &[String] {
        if self.turnout.is_empty() {
            &self.took_part
        } else {
            &self.turnout
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks acceptance.
    Error,
    /// Must be acknowledged by the operator.
    Warning,
}

/// A control relation, as the form prints it: a code, whether it blocks, what it means, and
/// the rule the figures must keep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub code: String,
    pub severity: Severity,
    pub description: String,
    #[serde(flatten)]
    pub rule: Rule,
}

/// Sides are lists of terms that are added up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    Equal {
        left: Vec<String>,
        right: Vec<String>,
    },
    AtMost {
        left: Vec<String>,
        right: Vec<String>,
    },
    /// `part` as a share of `whole` must lie within the bounds (checked only when `whole` is
    /// not zero).
    ShareWithin {
        part: Vec<String>,
        whole: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_least_percent: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_most_percent: Option<u32>,
    },
    /// No candidate may have more than `percent` of `whole`.
    CandidateShareAtMost { whole: Vec<String>, percent: u32 },
    /// The manual count must agree with the ballot-counting box on every figure the box
    /// reported (when its figures are loaded). A struct variant, so that a member it does
    /// not know is refused like any other rule's.
    MatchesPreliminary {},
}

fn line(code: &str, meaning: &str) -> FormLine {
    FormLine {
        code: code.into(),
        meaning: meaning.into(),
    }
}

fn terms(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| (*c).to_string()).collect()
}

fn relation(code: &str, severity: Severity, description: &str, rule: Rule) -> Relation {
    Relation {
        code: code.into(),
        severity,
        description: description.into(),
        rule,
    }
}

impl ProtocolForm {
    /// The protocol of a Kyrgyz polling station (lines L1–L10, one line per candidate, AA),
    /// with its control relations E01–E06 and W01–W05.
    pub fn kyrgyz() -> Self {
        use Rule::*;
        use Severity::*;
        ProtocolForm {
            name: "Kyrgyz polling-station protocol".into(),
            lines: vec![
                line("L1", "voters on the list at the close of the poll"),
                line("L2", "ballots received by the precinct commission"),
                line("L3", "ballots issued to voters in the polling station"),
                line("L4", "ballots issued to voters outside the polling station"),
                line("L5", "ballots cancelled"),
                line("L6", "voters identified"),
                line("L7", "ballots found in mobile boxes"),
                line("L8", "ballots found in stationary boxes"),
                line("L9", "invalid ballots"),
                line("L10", "valid ballots"),
            ],
            roles: LineRoles {
                voters_on_list: "L1".into(),
                took_part: terms(&["L3", "L4"]),
                invalid: "L9".into(),
                // W02 and the form itself: turnout is the ballots found in the boxes.
                turnout: terms(&["L7", "L8"]),
            },
            relations: vec![
                relation(
                    "E01",
                    Error,
                    "ballots received are issued or cancelled",
                    Equal {
                        left: terms(&["L2"]),
                        right: terms(&["L3", "L4", "L5"]),
                    },
                ),
                relation(
                    "E02",
                    Error,
                    "every ballot in the boxes is invalid or valid",
                    Equal {
                        left: terms(&["L7", "L8"]),
                        right: terms(&["L9", "L10"]),
                    },
                ),
                relation(
                    "E03",
                    Error,
                    "valid ballots are votes for the candidates or against all",
                    Equal {
                        left: terms(&["L10"]),
                        right: terms(&[CANDIDATES, AGAINST_ALL]),
                    },
                ),
                relation(
                    "E04",
                    Error,
                    "no more ballots in the boxes than were issued",
                    AtMost {
                        left: terms(&["L7", "L8"]),
                        right: terms(&["L3", "L4"]),
                    },
                ),
                relation(
                    "E05",
                    Error,
                    "no more ballots in mobile boxes than were issued outside",
                    AtMost {
                        left: terms(&["L7"]),
                        right: terms(&["L4"]),
                    },
                ),
                relation(
                    "E06",
                    Error,
                    "no more ballots in the boxes than voters identified",
                    AtMost {
                        left: terms(&["L7", "L8"]),
                        right: terms(&["L6"]),
                    },
                ),
                relation(
                    "W01",
                    Warning,
                    "no more ballots issued than voters on the list",
                    AtMost {
                        left: terms(&["L3", "L4"]),
                        right: terms(&["L1"]),
                    },
                ),
                relation(
                    "W02",
                    Warning,
                    "turnout between 5% and 95%",
                    ShareWithin {
                        part: terms(&["L7", "L8"]),
                        whole: terms(&["L1"]),
                        at_least_percent: Some(5),
                        at_most_percent: Some(95),
                    },
                ),
                relation(
                    "W03",
                    Warning,
                    "invalid ballots at most 5% of the ballots in the boxes",
                    ShareWithin {
                        part: terms(&["L9"]),
                        whole: terms(&["L7", "L8"]),
                        at_least_percent: None,
                        at_most_percent: Some(5),
                    },
                ),
                relation(
                    "W04",
                    Warning,
                    "no candidate above 80% of the valid ballots",
                    CandidateShareAtMost {
                        whole: terms(&["L10"]),
                        percent: 80,
                    },
                ),
                relation(
                    "W05",
                    Warning,
                    "the ballot-counting box agrees with the manual count",
                    MatchesPreliminary {},
                ),
            ],
        }
    }

    pub fn has_line(&self, code: &str) -> bool {
        self.lines.iter().any(|l| l.code == code)
    }

    /// Checks that the form is coherent: codes unique, every term a line of the form (or
    /// `candidates`, `AA`), percentages at most 100.
    pub fn check(&self) -> Result<(), FormError> {
        let mut codes = BTreeSet::new();
        for l in &self.lines {
            if l.code.is_empty()
                || l.code == CANDIDATES
                || l.code == AGAINST_ALL
                || !codes.insert(l.code.as_str())
            {
                return Err(FormError::LineCode {
                    line: l.code.clone(),
                });
            }
        }
        if self.lines.is_empty() {
            return Err(FormError::NoLines);
        }
        let known = |term: &String| {
            codes.contains(term.as_str()) || term == CANDIDATES || term == AGAINST_ALL
        };
        let roles = std::iter::once(&self.roles.voters_on_list)
            .chain(&self.roles.took_part)
            .chain(&self.roles.turnout)
            .chain(std::iter::once(&self.roles.invalid));
        for term in roles {
            if !codes.contains(term.as_str()) {
                return Err(FormError::RoleNotALine { term: term.clone() });
            }
        }
        let mut relation_codes = BTreeSet::new();
        for r in &self.relations {
            // E07 and the register warning are every form's; a relation may not take them.
            if r.code == "E07"
                || r.code == super::checks::REGISTER_WARNING
                || !relation_codes.insert(r.code.as_str())
            {
                return Err(FormError::RelationCode {
                    relation: r.code.clone(),
                });
            }
            let (sides, percents): (Vec<&Vec<String>>, Vec<u32>) = match &r.rule {
                Rule::Equal { left, right } | Rule::AtMost { left, right } => {
                    (vec![left, right], vec![])
                }
                Rule::ShareWithin {
                    part,
                    whole,
                    at_least_percent,
                    at_most_percent,
                } => (
                    vec![part, whole],
                    at_least_percent
                        .iter()
                        .chain(at_most_percent)
                        .copied()
                        .collect(),
                ),
                Rule::CandidateShareAtMost { whole, percent } => (vec![whole], vec![*percent]),
                Rule::MatchesPreliminary {} => (vec![], vec![]),
            };
            if let Some(term) = sides
                .iter()
                .flat_map(|side| side.iter())
                .find(|t| !known(t))
            {
                return Err(FormError::UnknownTerm {
                    relation: r.code.clone(),
                    term: term.clone(),
                });
            }
            if sides.iter().any(|side| side.is_empty()) {
                return Err(FormError::EmptySide {
                    relation: r.code.clone(),
                });
            }
            if let Some(percent) = percents.iter().copied().find(|p| *p > 100) {
                return Err(FormError::PercentAbove100 {
                    relation: r.code.clone(),
                    percent,
                });
            }
        }
        Ok(())
    }
}

/// Why a protocol form is not usable; each has a stable code, and the catalogs word it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("FORM_LINE_CODE {line:?}")]
    LineCode { line: String },
    #[error("FORM_NO_LINES")]
    NoLines,
    #[error("FORM_ROLE_NOT_A_LINE {term:?}")]
    RoleNotALine { term: String },
    #[error("FORM_RELATION_CODE {relation:?}")]
    RelationCode { relation: String },
    #[error("FORM_UNKNOWN_TERM {relation:?} {term:?}")]
    UnknownTerm { relation: String, term: String },
    #[error("FORM_EMPTY_SIDE {relation:?}")]
    EmptySide { relation: String },
    #[error("FORM_PERCENT_ABOVE_100 {relation:?} {percent}")]
    PercentAbove100 { relation: String, percent: u32 },
}

impl FormError {
    /// Every code [`FormError::code`] can return.
    pub const CODES: [&'static str; 7] = [
        "FORM_LINE_CODE",
        "FORM_NO_LINES",
        "FORM_ROLE_NOT_A_LINE",
        "FORM_RELATION_CODE",
        "FORM_UNKNOWN_TERM",
        "FORM_EMPTY_SIDE",
        "FORM_PERCENT_ABOVE_100",
    ];

    pub fn code(&self) -> &'static str {
        match self {
            FormError::LineCode { .. } => "FORM_LINE_CODE",
            FormError::NoLines => "FORM_NO_LINES",
            FormError::RoleNotALine { .. } => "FORM_ROLE_NOT_A_LINE",
            FormError::RelationCode { .. } => "FORM_RELATION_CODE",
            FormError::UnknownTerm { .. } => "FORM_UNKNOWN_TERM",
            FormError::EmptySide { .. } => "FORM_EMPTY_SIDE",
            FormError::PercentAbove100 { .. } => "FORM_PERCENT_ABOVE_100",
        }
    }
}

impl Default for ProtocolForm {
    fn default() -> Self {
        Self::kyrgyz()
    }
}

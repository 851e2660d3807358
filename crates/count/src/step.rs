//! The working of a count, one step at a time, for printing in a report.

use serde::{Deserialize, Serialize};

/// One step of the working. `rule` is a stable code naming the rule applied (for
/// example `rank`, `elect`, `gender_cap`, `against_all`, `threshold`, `quota`), `ids`
/// are the candidates or parties concerned, and `text` says in a sentence what
/// happened and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub rule: String,
    pub ids: Vec<String>,
    pub text: String,
}

impl Step {
    pub(crate) fn new(rule: &str, ids: Vec<String>, text: impl Into<String>) -> Step {
        Step {
            rule: rule.to_owned(),
            ids,
            text: text.into(),
        }
    }
}

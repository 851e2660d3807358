//! The rule ids of docs/rules.md: each defined once, and every id cited in the code's
//! module documentation and in the tests is one the document defines.

use std::collections::BTreeSet;
use std::path::Path;

const RULES: &str = include_str!("../../../docs/rules.md");

/// The ids the document defines: the first cell of a table row, `| R-… |`.
fn defined() -> Vec<String> {
    RULES
        .lines()
        .filter_map(|line| line.strip_prefix("| R-"))
        .filter_map(|rest| rest.split(' ').next())
        .map(|id| format!("R-{id}"))
        .collect()
}

/// Every `R-…` id written in `text`: `R-` and then capitals, digits and hyphens, with at
/// least one capital after the hyphen.
fn cited(text: &str, into: &mut BTreeSet<String>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = text[at..].find("R-") {
        let start = at + found;
        let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let mut end = start + 2;
        while end < bytes.len()
            && (bytes[end].is_ascii_uppercase()
                || bytes[end].is_ascii_digit()
                || bytes[end] == b'-')
        {
            end += 1;
        }
        let id = text[start..end].trim_end_matches('-');
        if before_ok && id.len() > 3 && id[2..].starts_with(|c: char| c.is_ascii_uppercase()) {
            into.insert(id.to_string());
        }
        at = end.max(start + 2);
    }
}

fn cited_in(dir: &Path, into: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            cited_in(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            cited(
                &std::fs::read_to_string(&path).expect("a source file"),
                into,
            );
        }
    }
}

#[test]
fn every_rule_id_is_defined_once() {
    let ids = defined();
    assert!(ids.len() > 60, "read {} rule ids", ids.len());
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "an id is defined twice");
}

#[test]
fn every_rule_id_cited_in_core_and_count_is_defined_in_docs_rules_md() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut ids = BTreeSet::new();
    for dir in ["core/src", "core/tests", "count/src", "count/tests"] {
        cited_in(&root.join(dir), &mut ids);
    }
    assert!(ids.len() > 20, "found {} cited ids", ids.len());
    let defined: BTreeSet<String> = defined().into_iter().collect();
    let unknown: Vec<_> = ids.difference(&defined).collect();
    assert!(
        unknown.is_empty(),
        "cited but not in docs/rules.md: {unknown:?}"
    );
}

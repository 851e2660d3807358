//! The rule ids of docs/rules.md: each defined once, every id cited in the code's module
//! documentation and in the tests is one the document defines, and every id the document
//! defines is cited somewhere in the code or its tests.

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

#[test]
fn every_rule_id_of_docs_rules_md_is_cited_in_the_code_or_its_tests() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(&crates).expect("the crates folder") {
        let krate = entry.expect("a crate").path();
        for dir in ["src", "tests", "benches"] {
            if krate.join(dir).is_dir() {
                cited_in(&krate.join(dir), &mut ids);
            }
        }
    }
    let uncited: Vec<_> = defined()
        .into_iter()
        .filter(|id| !ids.contains(id))
        .collect();
    assert!(
        uncited.is_empty(),
        "defined in docs/rules.md but cited nowhere: {uncited:?}"
    );
}

/// The modules that apply rules say which in their module documentation (`//!`).
#[test]
fn every_module_that_applies_rules_cites_them_in_its_documentation() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: Vec<_> = std::fs::read_dir(src.join("decide"))
        .expect("the decide folder")
        .map(|entry| entry.expect("a module").path())
        .collect();
    for module in [
        "protocol/form.rs",
        "protocol/checks.rs",
        "state/in_force.rs",
        "commission.rs",
        "resolution.rs",
        "rules.rs",
        "national.rs",
        "results/mod.rs",
        "results/contest.rs",
        "results/marks.rs",
    ] {
        modules.push(src.join(module));
    }
    let defined: BTreeSet<String> = defined().into_iter().collect();
    let silent: Vec<_> = modules
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).expect("a module");
            let docs: String = text
                .lines()
                .filter(|l| l.starts_with("//!"))
                .collect::<Vec<_>>()
                .join("\n");
            let mut ids = BTreeSet::new();
            cited(&docs, &mut ids);
            ids.is_disjoint(&defined)
        })
        .collect();
    assert!(silent.is_empty(), "module docs citing no rule: {silent:?}");
}

/// The refusal column of docs/rules.md names codes refusals have (`UNKNOWN_*` stands for
/// the codes of every unknown thing).
#[test]
fn every_refusal_code_docs_rules_md_names_is_a_refusal_code() {
    let codes = tandoo_core::refusal::CODES;
    let mut named = 0;
    let mut unknown = Vec::new();
    for line in RULES.lines().filter(|l| l.starts_with("| R-")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        // The refusal column is the fifth, where a table has one.
        let Some(column) = cells.get(4) else { continue };
        for code in column.split('`').skip(1).step_by(2) {
            named += 1;
            if code != "UNKNOWN_*" && !codes.contains(&code) {
                unknown.push(code.to_string());
            }
        }
    }
    assert!(named > 30, "read {named} codes");
    assert!(unknown.is_empty(), "not refusal codes: {unknown:?}");
}

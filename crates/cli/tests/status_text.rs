//! What `tandoo status` prints in words: who leads, who is allocated and who is elected,
//! the marks of the count's steps with their legend, both turnouts, and a prominent line
//! when the recognised result and the count differ.

use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

fn tandoo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(args)
        .output()
        .expect("tandoo runs")
}

fn repro(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/repro/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Applies the lines to a fresh record and returns the status text of constituency 1.
fn status_after(dir: &Path, lines: &[Value]) -> String {
    let file = dir.join("commands.jsonl");
    let text: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&file, text.join("\n")).unwrap();
    let db = dir.join("x.sqlite");
    let db = db.to_str().unwrap();
    let applied = tandoo(&["apply", "--create", "--db", db, file.to_str().unwrap()]);
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    let status = tandoo(&["status", "--db", db, "--constituency", "1"]);
    assert!(status.status.success());
    String::from_utf8(status.stdout).unwrap()
}

#[test]
fn status_calls_counted_seats_allocated_and_explains_the_gender_cap_and_the_tie() {
    let dir = tempfile::tempdir().unwrap();
    let text = status_after(dir.path(), &repro("bug-tie-by-registration-date.jsonl"));
    assert!(
        text.contains(
            "allocated by the count, not yet recognised: Candidate M1, Candidate M2, Candidate F2"
        ),
        "{text}"
    );
    assert!(!text.contains("elected: Candidate"), "{text}");
    for legend in [
        "g passed over: the gender cap was reached",
        "T won a tie for a seat by the tie rule",
        "t lost a tie for a seat by the tie rule",
    ] {
        assert!(text.contains(legend), "{legend}: {text}");
    }
    assert!(text.contains("(55.00%, L7 + L8)"), "{text}");
    assert!(
        text.contains("by ballots issued (L3 + L4): 1,110 (55.50%)"),
        "{text}"
    );
    assert!(text.contains("results due by 2026-03-21"), "{text}");
}

#[test]
fn status_says_prominently_when_the_count_differs_from_the_recognised_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = repro("bug-vacancy-former-deputy-returns.jsonl");
    lines.truncate(22);
    lines.push(json!({"date": "2026-03-11",
        "actor": {"user": "sec", "role": "secretary", "commission": "CEC"},
        "command": {"type": "vote_resolution", "commission": "CEC", "title": "recount",
            "votes": [{"member": "a", "vote": "for"}],
            "effects": [{"effect": "order_recount", "election": "E", "station": 101,
                         "constituency": 1}]}}));
    for op in ["op1", "op2"] {
        let mut entry = lines[19].clone();
        entry["date"] = json!("2026-03-12");
        entry["actor"]["user"] = json!(op);
        entry["command"]["figures"]["candidates"] =
            json!({"M1": 400, "M2": 100, "F1": 200, "M3": 350, "F2": 50});
        entry["command"]["correction_reason"] = json!("the recount");
        lines.push(entry);
    }
    let text = status_after(dir.path(), &lines);
    assert!(
        text.contains("THE COUNT NOW DIFFERS FROM THE RECOGNISED RESULT: recognised M1, M2, F1; the count gives M1, M3, F1"),
        "{text}"
    );
}

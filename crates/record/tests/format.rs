//! The format document's worked example and observer script are checked against the code,
//! so the document cannot drift from what the record really writes.

use std::process::Command;

use serde_json::json;
use tandoo_record::{Entry, Hash, verify_chain, write_hash_input};

const FORMAT_DOC: &str = include_str!("../README.md");

/// The two entries of the worked example.
fn example() -> Vec<Entry> {
    let mut first = Entry {
        seq: 1,
        recorded_at: "2026-02-13T10:04:05.123Z".into(),
        legal_date: "2026-02-12".into(),
        actor: json!({"user": "aizada", "role": "secretary", "commission": "DEC-13"}),
        act: json!({"type": "protocol_entered", "station": 4521, "figures": {"votes": 17397, "invalid": 12}}),
        prev_hash: Hash::GENESIS,
        hash: Hash::GENESIS,
    };
    first.hash = first.compute_hash().unwrap();
    let mut second = Entry {
        seq: 2,
        recorded_at: "2026-02-13T10:07:41.006Z".into(),
        legal_date: "2026-02-13".into(),
        actor: json!({"user": "bakyt", "role": "chair", "commission": "DEC-13"}),
        act: json!({"type": "complaint_filed", "by": "Öмүрбек Ж.", "text": "Line 1\nLine \"2\""}),
        prev_hash: first.hash,
        hash: Hash::GENESIS,
    };
    second.hash = second.compute_hash().unwrap();
    vec![first, second]
}

fn hash_input(e: &Entry) -> String {
    let mut s = String::new();
    write_hash_input(
        e.seq,
        &e.recorded_at,
        &e.legal_date,
        &e.actor,
        &e.act,
        &e.prev_hash,
        &mut s,
    )
    .unwrap();
    s
}

#[test]
fn the_worked_example_is_what_the_code_computes() {
    let entries = example();
    for e in &entries {
        let line = serde_json::to_string(e).unwrap();
        assert!(
            FORMAT_DOC.contains(&line),
            "entry {} as JSON:\n{line}",
            e.seq
        );
        let input = hash_input(e);
        assert!(
            FORMAT_DOC.contains(&format!("```\n{input}\n```")),
            "hash input of entry {}:\n{input}",
            e.seq
        );
        assert_eq!(Hash::of(input.as_bytes()), e.hash);
        assert!(FORMAT_DOC.contains(&format!("`{}`", e.hash)));
    }
    assert_eq!(
        entries[0].hash.to_string(),
        "7a28959668379fa8a2637d320996f016260ae5e736436ed2aeb60786b95d2636"
    );
    let verified = verify_chain(entries.clone()).unwrap();
    assert_eq!(verified.head, entries[1].head());
}

/// The Python block of the format document, as a reader would copy it.
fn observer_script() -> &'static str {
    let start = FORMAT_DOC.find("```python\n").expect("python block") + "```python\n".len();
    let len = FORMAT_DOC[start..].find("```").expect("end of block");
    &FORMAT_DOC[start..start + len]
}

fn run_observer_script(export: &str) -> Option<std::process::Output> {
    use std::io::Write;
    let mut child = match Command::new("python3")
        .arg("-c")
        .arg(observer_script())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("python3: {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(export.as_bytes())
        .unwrap();
    Some(child.wait_with_output().unwrap())
}

#[test]
fn the_observer_script_agrees_with_the_record() {
    let mut entries = example();
    // A third entry with what the script must get right besides the example: a key above
    // U+FFFF next to one in U+E000..U+FFFF, control characters and a large integer.
    let mut third = Entry {
        seq: 3,
        recorded_at: "2026-02-13T11:00:00.000Z".into(),
        legal_date: "2026-02-13".into(),
        actor: json!(null),
        act: json!({"\u{fb33}": 1, "\u{1f600}": [true, false, null], "c": "\u{1}\t\u{7f}/", "n": -9007199254740991_i64}),
        prev_hash: entries[1].hash,
        hash: Hash::GENESIS,
    };
    third.hash = third.compute_hash().unwrap();
    entries.push(third);
    let export: String = entries
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect();
    let Some(out) = run_observer_script(&export) else {
        eprintln!("python3 is not installed; the observer script was not run");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.trim(),
        format!("3 entries verified; head {}", entries[2].hash)
    );

    // And it does catch a change.
    let tampered = export.replace("17397", "17398");
    let out = run_observer_script(&tampered).unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "entry 1: the chain is broken here"
    );
}

#[test]
fn the_documented_output_for_the_example_is_right() {
    let export: String = example()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect();
    let expected = format!("2 entries verified; head {}", example()[1].hash);
    assert!(FORMAT_DOC.contains(&format!("`{expected}`")));
    if let Some(out) = run_observer_script(&export) {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), expected);
    }
}

//! `tandoo export --public` withholds the entries of protocol rounds still open (H1), as
//! `GET /api/record` does; the plain export stays the administrator's full copy, which
//! `tandoo verify --export` checks.

use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Output};

fn tandoo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(args)
        .output()
        .expect("tandoo runs")
}

fn lines(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn h1_a_public_export_withholds_the_entries_of_an_open_round() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.sqlite");
    let db = db.to_str().unwrap();
    assert!(tandoo(&["demo", "--db", db, "--no-serve"]).status.success());
    let full = lines(&tandoo(&["export", "--db", db]));
    let figures = full
        .iter()
        .find(|e| e["act"]["type"] == "protocol_accepted" && e["act"]["key"]["station"] == 13001)
        .map(|e| e["act"]["figures"].clone())
        .unwrap();
    let admin = json!({"user": "admin", "role": "administrator", "commission": "CEC"});
    let operator = json!({"user": "op1", "role": "operator", "commission": "DEC-13"});
    let commands = [
        json!({"date": "2025-11-30", "actor": admin, "command": {"type": "define_station",
            "number": 13901, "name": "S", "constituency": 13, "voters": 2219}}),
        json!({"date": "2025-11-30", "actor": operator, "command": {"type": "enter_protocol",
            "election": "E1", "station": 13901, "constituency": 13, "figures": figures}}),
    ];
    let file = dir.path().join("entry.jsonl");
    let mut out = std::fs::File::create(&file).unwrap();
    for command in commands {
        writeln!(out, "{command}").unwrap();
    }
    drop(out);
    let applied = tandoo(&["apply", "--create", "--db", db, file.to_str().unwrap()]);
    assert!(applied.status.success(), "{applied:?}");

    let public = lines(&tandoo(&["export", "--db", db, "--public"]));
    let full = lines(&tandoo(&["export", "--db", db]));
    assert_eq!(public.len(), full.len());
    let (open, whole) = (public.last().unwrap(), full.last().unwrap());
    assert_eq!(open["withheld"], true);
    assert!(open["act"].get("figures").is_none() && open.get("actor").is_none());
    assert_eq!(open["hash"], whole["hash"]);
    assert_eq!(whole["act"]["figures"], figures);

    let copy = dir.path().join("full.jsonl");
    assert!(
        tandoo(&["export", "--db", db, "--out", copy.to_str().unwrap()])
            .status
            .success()
    );
    let verified = tandoo(&["verify", "--export", copy.to_str().unwrap()]);
    assert!(verified.status.success(), "{verified:?}");
}

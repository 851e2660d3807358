//! What tandoo prints reads right: the top-level help lists every command on one line,
//! counts agree in number ("1 seat", "1 woman"), the national count speaks of seats and the
//! elected, and `tandoo serve` prints an address that answers.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use support::{request, tandoo, text};

fn example_election(dir: &Path) -> String {
    let db = dir.join("example.sqlite");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/election.jsonl");
    let output = tandoo(&[
        "apply",
        "--create",
        "--db",
        db.to_str().unwrap(),
        example.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output));
    db.to_str().unwrap().to_string()
}

#[test]
fn item_12_the_top_level_help_lists_every_command_on_one_line() {
    let output = tandoo(&["--help"]);
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    for name in [
        "demo",
        "apply",
        "status",
        "list",
        "verify",
        "export",
        "import",
        "serve",
        "user",
        "copy",
        "backup",
        "restore",
        "allocate",
        "audit",
        "key",
        "publish",
        "prove",
        "check-proof",
        "check-log",
        "witness",
        "print",
        "check-document",
    ] {
        let line = commands
            .iter()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("{name} is not listed:\n{help}"));
        assert!(
            line.chars().count() <= 80,
            "{name}'s line is longer than one line: {line}"
        );
    }
    // Each command is one line: nothing but command lines in the list.
    assert_eq!(commands.len(), 23, "{help}");
}

#[test]
fn item_12_the_national_count_says_seats_and_elected_and_agrees_in_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_election(dir.path());
    let output = tandoo(&["status", "--db", &db]);
    let said = text(&output);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains(
            "  3 of 3 seats elected (recognised), 0 allocated, 0 leading — 2 men, 1 woman\n"
        ),
        "{said}"
    );
    assert!(!said.contains("deputies"), "{said}");
}

#[test]
fn item_12_apply_says_one_seat_one_voter_and_one_member() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("small.sqlite");
    let admin = r#""actor":{"user":"admin","role":"administrator","commission":"CEC"}"#;
    let lines = [
        format!(
            r#"{{"date":"2025-09-01",{admin},"command":{{"type":"form_commission","id":"CEC","name":"Central commission","level":"central","members":[{{"id":"chair","name":"A. Chair","position":"chair"}}]}}}}"#
        ),
        format!(
            r#"{{"date":"2025-09-01",{admin},"command":{{"type":"define_constituency","number":7,"name":"Seven","seats":1}}}}"#
        ),
        format!(
            r#"{{"date":"2025-09-01",{admin},"command":{{"type":"define_station","number":7001,"name":"Hut","constituency":7,"voters":1}}}}"#
        ),
    ];
    let file = dir.path().join("small.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let output = tandoo(&[
        "apply",
        "--create",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    let said = text(&output);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("line 1: commission CEC formed: Central commission, 1 member\n"),
        "{said}"
    );
    assert!(
        said.contains("line 2: constituency 7 defined: Seven, 1 seat\n"),
        "{said}"
    );
    assert!(
        said.contains(
            "line 3: polling station 7001 defined in constituency 7, 1 voter on its list\n"
        ),
        "{said}"
    );
    assert!(said.contains(") from 3 commands; head "), "{said}");
}

#[test]
fn item_12_serve_prints_an_address_that_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_election(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(["serve", "--db", &db, "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let said = lines.next().and_then(Result::ok).unwrap_or_default();
    let url = said
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .map(String::from);
    let answer = url.as_deref().and_then(|url| {
        let rest = url.trim_start_matches("http://");
        let (address, path) = rest.split_at(rest.find('/')?);
        request(address, "GET", path, &[], "")
    });
    // Ended before anything is checked, so that a failure leaves no server behind.
    let _ = child.kill();
    let _ = child.wait();
    assert!(said.contains("Ctrl-C"), "{said}");
    let url = url.unwrap_or_else(|| panic!("no address in {said:?}"));
    let answer = answer.unwrap_or_else(|| panic!("{url} does not answer"));
    assert_eq!(answer.status, 200, "{url}: {}", answer.body);
    assert_eq!(answer.body["status"], "ok");
}

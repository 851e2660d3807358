//! Record files handled safely by the command line: a misspelt path never starts a record
//! (L6), reading never writes (L6), one server per SQLite file and applies that retry (L7),
//! a byte order mark and a damaged file named (L8), a plain copy after `apply` holding every
//! act, and the demo's password kept off the command line (I3).

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use support::{PASSWORD, Server, tandoo, text};

/// The CEC formed: enough for the meetings below.
fn formation() -> String {
    let first = &tandoo_demo::story()[0].submissions[0];
    serde_json::to_string(first).unwrap()
}

fn meeting(item: &str) -> String {
    format!(
        r#"{{"date":"2025-12-01","actor":{{"user":"cec.secretary","role":"secretary","commission":"CEC"}},"command":{{"type":"hold_meeting","commission":"CEC","present":["shainazarov"],"agenda":["{item}"]}}}}"#
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A record at `dir/record.sqlite` holding the CEC and `meetings` meetings.
fn small_record(dir: &Path, meetings: usize) -> PathBuf {
    let db = dir.join("record.sqlite");
    let mut lines = vec![formation()];
    lines.extend((0..meetings).map(|i| meeting(&format!("item {i}"))));
    let file = write(dir, "setup.jsonl", &lines.join("\n"));
    let output = tandoo(&["apply", "--create", "--db", s(&db), s(&file)]);
    assert!(output.status.success(), "{}", text(&output));
    db
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

fn acts_verified(db: &Path) -> String {
    let output = tandoo(&["verify", "--db", s(db)]);
    assert!(output.status.success(), "{}", text(&output));
    text(&output)
}

#[test]
fn l6_a_misspelt_db_is_an_error_naming_the_path_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    small_record(dir.path(), 0);
    let typo = dir.path().join("recrod.sqlite");
    let commands = write(dir.path(), "commands.jsonl", &meeting("x"));
    let runs: Vec<Vec<&str>> = vec![
        vec!["apply", "--db", s(&typo), s(&commands)],
        vec!["status", "--db", s(&typo)],
        vec!["verify", "--db", s(&typo)],
        vec!["export", "--db", s(&typo)],
        vec!["serve", "--db", s(&typo), "--listen", "127.0.0.1:0"],
    ];
    for args in runs {
        let output = tandoo(&args);
        let said = text(&output);
        assert!(!output.status.success(), "{args:?}: {said}");
        assert!(said.contains("NO_RECORD"), "{args:?}: {said}");
        assert!(said.contains("recrod.sqlite"), "{args:?}: {said}");
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
    }
    let output = Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(["user", "add", "--db", s(&typo), "--user", "u1"])
        .args(["--role", "operator", "--commission", "CEC"])
        .env("TANDOO_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(text(&output).contains("NO_RECORD"), "{}", text(&output));
    assert!(!typo.exists());
}

#[test]
fn l6_verify_status_and_export_never_write() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.sqlite", "");
    let output = tandoo(&["verify", "--db", s(&empty)]);
    assert!(text(&output).contains("NOT_A_RECORD"), "{}", text(&output));
    assert_eq!(
        std::fs::metadata(&empty).unwrap().len(),
        0,
        "0 bytes stay 0"
    );

    let db = small_record(dir.path(), 3);
    let bytes = std::fs::read(&db).unwrap();
    for args in [
        vec!["verify", "--db", s(&db)],
        vec!["status", "--db", s(&db), "--json"],
        vec!["export", "--db", s(&db)],
    ] {
        tandoo(&args);
        assert_eq!(
            std::fs::read(&db).unwrap(),
            bytes,
            "{args:?} changed the file"
        );
        for suffix in ["-wal", "-shm"] {
            assert!(!beside(&db, suffix).exists(), "{args:?} left {suffix}");
        }
    }
}

#[test]
fn a_plain_copy_of_the_file_after_apply_holds_every_act() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_record(dir.path(), 40);
    assert!(!beside(&db, "-wal").exists(), "apply left its log behind");
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("copy.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    assert!(acts_verified(&copy).starts_with("ok: 41 acts"));
}

#[test]
fn l7_a_second_server_on_one_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_record(dir.path(), 0);
    let first = Server::start(s(&db));
    let second = Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(["serve", "--db", s(&db), "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = text(&second);
    assert!(!second.status.success(), "{said}");
    assert!(said.contains("RECORD_IN_USE"), "{said}");
    assert!(said.contains("PostgreSQL"), "{said}");
    assert_eq!(
        support::health(&first.address).0,
        1,
        "the first one serves on"
    );
    first.kill();
    // Once it is gone, the record can be served again.
    let again = Server::start(s(&db));
    assert_eq!(support::health(&again.address).0, 1);
}

#[test]
fn l7_concurrent_applies_on_one_file_each_record_all_their_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_record(dir.path(), 0);
    let files: Vec<PathBuf> = (0..4)
        .map(|f| {
            let lines: Vec<String> = (0..30).map(|i| meeting(&format!("{f}-{i}"))).collect();
            write(dir.path(), &format!("c{f}.jsonl"), &lines.join("\n"))
        })
        .collect();
    let children: Vec<_> = files
        .iter()
        .map(|file| {
            Command::new(env!("CARGO_BIN_EXE_tandoo"))
                .args(["apply", "--db", s(&db), s(file)])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", text(&output));
    }
    assert!(acts_verified(&db).starts_with("ok: 121 acts"));
}

#[test]
fn l8_a_byte_order_mark_at_the_start_of_a_command_file_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_record(dir.path(), 0);
    let file = write(
        dir.path(),
        "bom.jsonl",
        &format!("\u{feff}{}\n", meeting("x")),
    );
    let output = tandoo(&["apply", "--db", s(&db), s(&file)]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(acts_verified(&db).starts_with("ok: 2 acts"));
}

#[test]
fn l8_a_file_cut_short_is_reported_as_damaged_with_the_last_good_act() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_record(dir.path(), 2_000);
    let len = std::fs::metadata(&db).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);
    let output = tandoo(&["verify", "--db", s(&db)]);
    let said = text(&output);
    assert!(!output.status.success(), "{said}");
    assert!(!said.contains("STORE_IO"), "{said}");
    let named = said.contains("NOT_A_RECORD") && said.contains("damaged")
        || said.starts_with("FAILED at act") && said.contains("the last good act is");
    assert!(named, "{said}");
}

#[test]
fn i3_the_demo_takes_its_password_from_the_environment_not_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let output = Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(["demo", "--db", s(&db), "--no-serve", "--demo-account"])
        .env("TANDOO_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    let list = tandoo(&["user", "list", "--db", s(&db)]);
    assert!(
        text(&list).contains("demo\tsecretary\tCEC"),
        "{}",
        text(&list)
    );
    let old = tandoo(&[
        "demo",
        "--db",
        s(&db),
        "--no-serve",
        "--demo-password",
        PASSWORD,
    ]);
    assert!(!old.status.success(), "the password flag is gone");
}

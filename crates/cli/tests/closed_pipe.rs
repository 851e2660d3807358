//! Output piped into a reader that stops early (`tandoo allocate < x.json | head -c1`,
//! `tandoo export --db FILE | head -1`): tandoo ends quietly, exit 0 or by SIGPIPE (141 in
//! a shell), never with a panic and a backtrace.

mod support;

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use support::*;

/// Runs tandoo with `args`, standard input `input`, and standard output a pipe whose reading
/// end is closed before tandoo writes; returns its standard error after checking it ended
/// quietly.
fn run_into_a_closed_pipe(args: &[&str], input: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tandoo starts");
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    // tandoo may already have ended by now, so a failed write is not an error here.
    let _ = stdin.write_all(input);
    drop(stdin);
    let output = child.wait_with_output().expect("tandoo ends");
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    let quiet = output.status.success() || output.status.signal() == Some(13);
    assert!(quiet, "ended with {:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("stack backtrace"), "{stderr}");
    stderr
}

#[test]
fn allocate_into_a_closed_pipe_ends_quietly() {
    // Enough answers that the output cannot fit in the pipe's buffer unread.
    let request = serde_json::json!({
        "method": "plurality", "seats": 1,
        "candidates": [{"id": "A", "votes": 10}, {"id": "B", "votes": 7}],
    });
    let requests = serde_json::Value::Array(vec![request; 5_000]);
    run_into_a_closed_pipe(&["allocate"], requests.to_string().as_bytes());
}

#[test]
fn export_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.sqlite");
    let db = db.to_str().unwrap();
    prepare_record(db, dir.path());
    run_into_a_closed_pipe(&["export", "--db", db], b"");
}

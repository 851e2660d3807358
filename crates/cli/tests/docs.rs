//! The documentation can be followed as written: the examples of README.md and docs/ are
//! extracted from the markdown and run, and the example election of docs/examples is applied
//! and checked.
//!
//! - every `sh` block runs with `sh -e` in a fresh directory in which `docs/` is the
//!   repository's, each document's blocks in order, with the `tandoo` under test first on the
//!   PATH. A `tandoo serve` line starts the server in the background on a free port, which
//!   then takes the place of `127.0.0.1:8080` in the lines after it. A line that is only a
//!   comment (`# …`) is output the lines before it must print. A block fails if a line
//!   fails or if any answer is an API error (`{"error": …}`).
//! - every `json` block holding commands (objects with an `actor` and a `command`) is
//!   applied to a copy of the demo's record, and must be recorded with every resolution in
//!   it adopted.
//! - every `json` block marked `status` (with `constituency=N`, `as_of=DATE`) shows what
//!   `tandoo status --json` answers for the demo with those options: every member shown is
//!   the one given, `{"…": "…"}` standing for any value and, last in a list, for the rest.
//! - blocks marked `not-run` (another machine's PostgreSQL, a release build) and `shape`
//!   (the form of a command, with placeholders) are not run.

#![cfg(unix)]

mod support;

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use support::{demo_record, tandoo, text};

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The documents whose examples are run.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md")];
    let mut dirs = vec![root().join("docs")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                docs.push(path);
            }
        }
    }
    docs.sort();
    docs
}

/// A fenced block: its language, the words after it, and its text.
struct Block {
    language: String,
    tags: Vec<String>,
    text: String,
    line: usize,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (n, line) in markdown.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => {
                let mut words = info.split_whitespace().map(String::from);
                open = Some(Block {
                    language: words.next().unwrap_or_default(),
                    tags: words.collect(),
                    text: String::new(),
                    line: n + 1,
                });
            }
            (Some(_), Some(_)) => blocks.extend(open.take()),
            (Some(block), None) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

fn runs(block: &Block) -> bool {
    !block.tags.iter().any(|t| t == "not-run" || t == "shape")
}

/// Lines with their `\` continuations joined.
fn logical_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        match line.strip_suffix('\\') {
            Some(start) => {
                current.push_str(start);
                current.push(' ');
            }
            None => {
                current.push_str(line);
                lines.push(std::mem::take(&mut current));
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A directory with the tandoo under test first on the PATH.
fn path_with_tandoo() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_tandoo")).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A `tandoo serve` started by an example, and where it listens; ended when dropped, so a
/// failing example leaves no server behind.
struct Served(Child, String);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `tandoo serve` as the line gives it, listening on a free port instead.
fn start_server(line: &str, dir: &Path) -> Served {
    let without_comment = line.split(" #").next().unwrap();
    let mut args: Vec<&str> = without_comment
        .split_whitespace()
        .skip_while(|w| *w != "tandoo")
        .skip(1)
        .collect();
    if let Some(at) = args.iter().position(|a| *a == "--listen") {
        args.drain(at..=at + 1);
    }
    args.extend(["--listen", "127.0.0.1:0"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(&args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("tandoo serve starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let said = lines
            .next()
            .unwrap_or_else(|| panic!("`{line}` stopped before saying where it listens"))
            .unwrap();
        if let Some(rest) = said.split("on http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Served(child, address)
}

/// Runs one piece of a document's shell examples; its comment lines are output it must
/// print.
fn run_shell(script: &str, dir: &Path, document: &Path, line: usize) {
    if script.trim().is_empty() {
        return;
    }
    let output = Command::new("sh")
        .args(["-e", "-c", script])
        .current_dir(dir)
        .env("PATH", path_with_tandoo())
        .stdin(Stdio::null())
        .output()
        .expect("sh runs");
    let said = text(&output);
    assert!(
        output.status.success(),
        "{} (block at line {line}) fails:\n{script}\n{said}",
        document.display()
    );
    assert!(
        !said.contains("{\"error\""),
        "{} (block at line {line}) gets an error answer:\n{script}\n{said}",
        document.display()
    );
    for expected in script
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("# "))
    {
        assert!(
            said.contains(expected),
            "{} (block at line {line}) does not print {expected:?}:\n{said}",
            document.display()
        );
    }
}

/// Runs every shell block of one document, in order, in one fresh directory.
fn run_shell_examples(document: &Path) -> usize {
    let markdown = std::fs::read_to_string(document).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(root().join("docs"), dir.path().join("docs")).unwrap();
    let mut server: Option<Served> = None;
    let mut run = 0;
    for block in blocks(&markdown)
        .iter()
        .filter(|b| b.language == "sh" && runs(b))
    {
        let mut script = String::new();
        for line in logical_lines(&block.text) {
            let line = match &server {
                Some(Served(_, address)) => line.replace("127.0.0.1:8080", address),
                None => line,
            };
            if line.trim_start().starts_with("tandoo serve") {
                run_shell(&script, dir.path(), document, block.line);
                script.clear();
                // A second server replaces the first (dropping it ends it).
                drop(server.take());
                server = Some(start_server(&line, dir.path()));
            } else {
                script.push_str(&line);
                script.push('\n');
            }
        }
        run_shell(&script, dir.path(), document, block.line);
        run += 1;
    }
    drop(server);
    run
}

/// Item 8: every shell example of the documentation runs as written against the demo,
/// the API's included (the CSRF token is taken as the documentation shows, the members
/// named exist).
#[test]
fn item_8_every_shell_example_in_the_documentation_runs_as_written() {
    let mut total = 0;
    for document in documents() {
        total += run_shell_examples(&document);
    }
    // README, api.md, commands.md and the example election have some.
    assert!(total >= 8, "only {total} shell blocks found");
}

/// The commands of a `json` block: every JSON value in it with an actor and a command.
fn commands_in(block: &Block) -> Vec<Value> {
    serde_json::Deserializer::from_str(&block.text)
        .into_iter::<Value>()
        .filter_map(Result::ok)
        .filter(|v| v.get("actor").is_some() && v.get("command").is_some())
        .collect()
}

/// Item 8: every command shown in the documentation is recorded on the demo's record, and
/// a resolution shown is adopted, not silently recorded as not adopted.
#[test]
fn item_8_every_command_in_the_documentation_applies_to_the_demo_and_is_adopted() {
    let mut applied = 0;
    for document in documents() {
        let markdown = std::fs::read_to_string(&document).unwrap();
        for block in blocks(&markdown)
            .iter()
            .filter(|b| b.language == "json" && runs(b))
        {
            let commands = commands_in(block);
            if commands.is_empty() {
                continue;
            }
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("demo.sqlite");
            std::fs::copy(demo_record(), &db).unwrap();
            let wal = format!("{}-wal", demo_record().display());
            if Path::new(&wal).exists() {
                std::fs::copy(&wal, format!("{}-wal", db.display())).unwrap();
            }
            let file = dir.path().join("commands.jsonl");
            let lines: Vec<String> = commands.iter().map(Value::to_string).collect();
            std::fs::write(&file, lines.join("\n")).unwrap();
            let output = tandoo(&[
                "apply",
                "--create",
                "--db",
                db.to_str().unwrap(),
                file.to_str().unwrap(),
            ]);
            let said = text(&output);
            assert!(
                output.status.success(),
                "{} (block at line {}) is refused: {said}",
                document.display(),
                block.line
            );
            assert!(
                !said.contains("NOT ADOPTED"),
                "{} (block at line {}) records a resolution that is not adopted: {said}",
                document.display(),
                block.line
            );
            applied += 1;
        }
    }
    assert!(applied >= 1, "no command block found in the documentation");
}

/// Item 8: docs/examples/election.jsonl sets up an election from nothing — commissions with
/// members, a constituency, stations, the call, candidates with fees and registration, two
/// operators' entries, a resolution that is adopted — and the elected are recognised.
#[test]
fn item_8_the_example_election_from_nothing_ends_with_the_elected_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("example.sqlite");
    let db = db.to_str().unwrap();
    let example = root().join("docs/examples/election.jsonl");
    let output = tandoo(&["apply", "--create", "--db", db, example.to_str().unwrap()]);
    let said = text(&output);
    assert!(output.status.success(), "{said}");
    for expected in [
        "line 1: commission CEC formed: Central Election Commission, 5 members",
        "line 6: election E1 called: Elections in the Ala-Too constituency, 30 November 2025, voting day 2025-11-30, 1 constituency",
        "line 12: fee of 10,000.00 paid for candidate E1-1-01",
        "line 17: candidate E1-1-01 registered",
        "line 22: protocol of polling station 1001, constituency 1, election E1: entry 1 recorded, awaiting the second entry",
        "line 24: protocol of polling station 1001, constituency 1, election E1: entry 2 recorded; the protocol is accepted (entries 1 and 2 agree)",
        "line 27: resolution CEC 1/2025 adopted (4 for, 1 against, 0 abstained): On recognising the deputies elected in the Ala-Too constituency",
        "recorded 29 acts (1 to 29) from 27 commands; head ",
    ] {
        assert!(said.contains(expected), "missing {expected:?} in\n{said}");
    }

    let output = tandoo(&["status", "--db", db, "--constituency", "1", "--json"]);
    assert!(output.status.success(), "{}", text(&output));
    let status: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(status["seats"], 3);
    assert_eq!(status["status"], "elected");
    assert_eq!(
        status["elected"],
        serde_json::json!([
            {"name": "Azamat Toktogulov"},
            {"name": "Bakyt Osmonov"},
            {"name": "Dinara Sadykova"}
        ])
    );
    assert_eq!(status["contest"]["stations_counted"], 2);
    let resolution = &status["resolutions"][0];
    assert_eq!(resolution["adopted"], true);
    assert_eq!(resolution["in_force"], true);
    assert_eq!(
        resolution["citation"],
        serde_json::json!({
            "resolution": {"commission": "CEC", "year": 2025, "number": 1},
            "commission": "CEC", "date": "2025-12-05", "adopted": true
        })
    );

    let output = tandoo(&["list", "commissions", "--db", db, "--json"]);
    let commissions: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        commissions["items"][0]["members"].as_array().unwrap().len(),
        5
    );
    assert_eq!(commissions["items"][1]["id"], "DEC-1");

    let output = tandoo(&["verify", "--db", db]);
    assert!(output.status.success(), "{}", text(&output));
}

/// Whether `actual` is as `shown`: every member shown equal, `{"…": "…"}` any value, and as
/// the last item of a list the items after. Says where it is not.
fn as_shown(shown: &Value, actual: &Value, at: &str) -> Result<(), String> {
    let any = serde_json::json!({"…": "…"});
    match (shown, actual) {
        (shown, _) if *shown == any => Ok(()),
        (Value::Object(shown), Value::Object(actual)) => {
            for (key, value) in shown {
                let here = format!("{at}.{key}");
                let actual = actual
                    .get(key)
                    .ok_or_else(|| format!("{here} is not given"))?;
                as_shown(value, actual, &here)?;
            }
            Ok(())
        }
        (Value::Array(shown), Value::Array(actual)) => {
            let rest = shown.last() == Some(&any);
            let listed = if rest {
                &shown[..shown.len() - 1]
            } else {
                shown
            };
            if actual.len() < listed.len() || (!rest && actual.len() != listed.len()) {
                return Err(format!("{at} has {} items, not as shown", actual.len()));
            }
            for (i, (shown, actual)) in listed.iter().zip(actual).enumerate() {
                as_shown(shown, actual, &format!("{at}[{i}]"))?;
            }
            Ok(())
        }
        (shown, actual) if shown == actual => Ok(()),
        (shown, actual) => Err(format!("{at} is {actual}, shown as {shown}")),
    }
}

/// Item 8: the status JSON the documents show is what `tandoo status --json` gives the demo.
#[test]
fn item_8_every_status_shown_in_the_documentation_is_the_one_given() {
    let db = demo_record().to_str().unwrap();
    let mut shown = 0;
    for document in documents() {
        let markdown = std::fs::read_to_string(&document).unwrap();
        for block in blocks(&markdown) {
            if block.language != "json" || !block.tags.iter().any(|t| t == "status") {
                continue;
            }
            let mut args = vec![
                "status".to_string(),
                "--db".into(),
                db.into(),
                "--json".into(),
            ];
            for tag in &block.tags {
                if let Some(n) = tag.strip_prefix("constituency=") {
                    args.extend(["--constituency".into(), n.into()]);
                } else if let Some(date) = tag.strip_prefix("as_of=") {
                    args.extend(["--as-of".into(), date.into()]);
                }
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let output = tandoo(&args);
            assert!(output.status.success(), "{}", text(&output));
            let actual: Value = serde_json::from_slice(&output.stdout).unwrap();
            let expected: Value = serde_json::from_str(&block.text)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", document.display(), block.line));
            if let Err(differs) = as_shown(&expected, &actual, "") {
                panic!("{}:{}: {differs}", document.display(), block.line);
            }
            shown += 1;
        }
    }
    assert!(shown >= 1, "docs/api.md shows a status");
}

/// The single JSON object a block holds, if it is one.
fn object_in(block: &Block) -> Option<serde_json::Map<String, Value>> {
    match serde_json::from_str::<Value>(&block.text) {
        Ok(Value::Object(object)) => Some(object),
        _ => None,
    }
}

/// Item 8: every request of docs/allocate.md is answered by `tandoo allocate`, and the
/// answer shown after it is the one given (its steps shortened).
#[test]
fn item_8_every_allocate_request_in_the_documentation_is_answered_as_shown() {
    let document = root().join("docs/allocate.md");
    let markdown = std::fs::read_to_string(&document).unwrap();
    let mut answered: Option<Value> = None;
    let (mut requests, mut answers) = (0, 0);
    for block in blocks(&markdown).iter().filter(|b| b.language == "json") {
        let Some(object) = object_in(block) else {
            answered = None;
            continue;
        };
        if object.contains_key("method") && !object.contains_key("steps") {
            let mut child = Command::new(env!("CARGO_BIN_EXE_tandoo"))
                .arg("allocate")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(block.text.as_bytes())
                .unwrap();
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "the request at line {} is refused: {}",
                block.line,
                text(&output)
            );
            answered = Some(serde_json::from_slice(&output.stdout).unwrap());
            requests += 1;
        } else if object.contains_key("steps")
            && let Some(actual) = answered.take()
        {
            for (key, shown) in object.iter().filter(|(k, _)| *k != "steps") {
                assert_eq!(
                    &actual[key], shown,
                    "the answer at line {} shows {key} as {shown}, but it is {}",
                    block.line, actual[key]
                );
            }
            answers += 1;
        }
    }
    assert!(
        requests >= 6 && answers >= 2,
        "{requests} requests, {answers} answers"
    );
}

/// Item 8: the rule set and the protocol form spelled out in docs/commands.md are accepted
/// by `call_election` as written.
#[test]
fn item_8_the_rule_set_and_the_form_shown_in_commands_md_call_an_election() {
    let markdown = std::fs::read_to_string(root().join("docs/commands.md")).unwrap();
    let objects: Vec<_> = blocks(&markdown)
        .iter()
        .filter(|b| b.language == "json")
        .filter_map(object_in)
        .collect();
    let rule_set = objects
        .iter()
        .find(|o| o.contains_key("method") && o.contains_key("fee"))
        .expect("a rule set spelled out");
    let form = objects
        .iter()
        .find(|o| o.contains_key("relations"))
        .expect("a protocol form");
    let admin = serde_json::json!({"user": "admin", "role": "administrator", "commission": "CEC"});
    let lines = [
        serde_json::json!({"date": "2025-09-01", "actor": admin, "command": {
            "type": "form_commission", "id": "CEC", "name": "Central commission",
            "level": "central",
            "members": [{"id": "chair", "name": "A. Chair", "position": "chair"}]}}),
        serde_json::json!({"date": "2025-09-01", "actor": admin, "command": {
            "type": "define_constituency", "number": 1, "name": "One", "seats": 3}}),
        serde_json::json!({"date": "2025-09-10", "actor": admin, "command": {
            "type": "call_election", "id": "E1", "name": "Election", "kind": "regular",
            "voting_day": "2025-11-30", "rule_set": rule_set, "form": form,
            "constituencies": [1]}}),
    ];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.jsonl");
    let text_lines: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&file, text_lines.join("\n")).unwrap();
    let db = dir.path().join("call.sqlite");
    let output = tandoo(&[
        "apply",
        "--create",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains(
            "line 3: election E1 called: Election, voting day 2025-11-30, 1 constituency"
        ),
        "{}",
        text(&output)
    );
}

/// Item 8: the file the worked command of docs/commands.md is applied from holds the command
/// shown there.
#[test]
fn item_8_the_worked_command_file_holds_the_command_shown() {
    let markdown = std::fs::read_to_string(root().join("docs/commands.md")).unwrap();
    let shown: Vec<Value> = blocks(&markdown)
        .iter()
        .filter(|b| b.language == "json" && b.tags.iter().any(|t| t == "command"))
        .flat_map(commands_in)
        .collect();
    let file =
        std::fs::read_to_string(root().join("docs/examples/publish-protocols.jsonl")).unwrap();
    let in_file: Vec<Value> = file
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(shown, in_file);
}

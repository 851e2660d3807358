//! The independent verifier (`verifier/verify.py`, Python with its standard library only) run
//! on what tandoo publishes: the demo's export, its signed checkpoint, a proof of every
//! station and the status now, as of 2026-01-01 and as of 2025-12-01 must agree on every
//! station and every seat; a record of corrections, annulments and rescissions must agree on
//! every date it changes; and a changed figure, a changed byte of a hash, a forged signature
//! or a published figure that is not the record's must each make it fail and say where.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::{tandoo, text};

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn ok(args: &[&str]) -> String {
    let output = tandoo(args);
    assert!(output.status.success(), "{args:?}: {}", text(&output));
    text(&output)
}

fn verify_py() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../verifier/verify.py")
}

/// Runs the verifier with `args`; its output and exit code.
fn verify(args: &[&str]) -> (String, Option<i32>) {
    let output: Output = Command::new("python3")
        .arg(verify_py())
        .args(args)
        .output()
        .expect("python3 runs (the verifier needs Python 3)");
    (text(&output), output.status.code())
}

/// Writes tandoo's status as JSON for the nation and each constituency into `dir`, as the
/// verifier reads it (`national.json`, `N.json`), for `as_of` or now; the processes run at once.
fn write_status(db: &Path, dir: &Path, as_of: Option<&str>, constituencies: &[u32]) {
    std::fs::create_dir_all(dir).unwrap();
    let mut asks: Vec<(PathBuf, Vec<String>)> = Vec::new();
    let mut base = vec![
        "status".to_string(),
        "--db".into(),
        arg(db).into(),
        "--json".into(),
    ];
    if let Some(date) = as_of {
        base.extend(["--as-of".into(), date.into()]);
    }
    asks.push((dir.join("national.json"), base.clone()));
    for n in constituencies {
        let mut args = base.clone();
        args.extend(["--constituency".into(), n.to_string()]);
        asks.push((dir.join(format!("{n}.json")), args));
    }
    for chunk in asks.chunks(8) {
        let children: Vec<_> = chunk
            .iter()
            .map(|(file, args)| {
                let child = Command::new(env!("CARGO_BIN_EXE_tandoo"))
                    .args(args)
                    .stdout(std::fs::File::create(file).unwrap())
                    .spawn()
                    .expect("tandoo runs");
                (file, child)
            })
            .collect();
        for (file, mut child) in children {
            assert!(child.wait().unwrap().success(), "status into {file:?}");
        }
    }
}

/// The demo's record, exported, published with a new key and proved station by station.
struct Published {
    dir: tempfile::TempDir,
    public_key: String,
}

impl Published {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn publish_demo() -> Published {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    ok(&["demo", "--db", arg(&p("story.sqlite")), "--no-serve"]);
    ok(&[
        "export",
        "--db",
        arg(&p("story.sqlite")),
        "--out",
        arg(&p("story.jsonl")),
    ]);
    let public_key = ok(&[
        "key",
        "init",
        "--out",
        arg(&p("c.key")),
        "--name",
        "example.kg/2026",
    ]);
    ok(&[
        "publish",
        "--db",
        arg(&p("story.sqlite")),
        "--key",
        arg(&p("c.key")),
        "--out",
        arg(&p("site")),
    ]);
    ok(&[
        "prove",
        "--db",
        arg(&p("story.sqlite")),
        "--log",
        arg(&p("site")),
        "--out",
        arg(&p("proofs")),
    ]);
    Published {
        public_key: public_key.trim().to_string(),
        dir,
    }
}

#[test]
fn the_verifier_agrees_with_tandoo_on_the_demo_now_and_as_of_two_dates_and_fails_on_tampering() {
    let demo = publish_demo();
    let all: Vec<u32> = (1..=30).collect();
    let db = demo.path("story.sqlite");
    write_status(&db, &demo.path("now"), None, &all);
    write_status(&db, &demo.path("2026-01-01"), Some("2026-01-01"), &all);
    write_status(&db, &demo.path("2025-12-01"), Some("2025-12-01"), &all);
    let export = demo.path("story.jsonl");
    let checkpoint = demo.path("site/log/checkpoint");
    let dirs = [
        arg(&demo.path("now")).to_string(),
        format!("2026-01-01={}", arg(&demo.path("2026-01-01"))),
        format!("2025-12-01={}", arg(&demo.path("2025-12-01"))),
    ];
    let (out, code) = verify(&[
        arg(&export),
        "--checkpoint",
        arg(&checkpoint),
        "--key",
        &demo.public_key,
        "--proofs",
        arg(&demo.path("proofs")),
        "--status-dir",
        &dirs[0],
        "--status-dir",
        &dirs[1],
        "--status-dir",
        &dirs[2],
    ]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("12032 entries, every hash and link verified"),
        "{out}"
    );
    assert!(
        out.contains("the Merkle root of entries 1..12032 matches"),
        "{out}"
    );
    assert!(out.contains("2619 station proofs checked"), "{out}");
    assert!(out.contains("AGREES"), "{out}");

    let lines: Vec<String> = std::fs::read_to_string(&export)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let accepted = lines
        .iter()
        .position(|l| l.contains(r#""type":"protocol_accepted""#))
        .unwrap();
    let tampered = demo.path("tampered.jsonl");

    // One figure of an accepted protocol changed: its entry's hash no longer matches.
    let mut changed = lines.clone();
    let at = changed[accepted].find(r#""L1":"#).unwrap() + 5;
    let digit = changed[accepted].as_bytes()[at];
    let other = if digit == b'9' {
        '8'
    } else {
        (digit + 1) as char
    };
    changed[accepted].replace_range(at..at + 1, &other.to_string());
    std::fs::write(&tampered, changed.join("\n")).unwrap();
    let (out, code) = verify(&[arg(&tampered)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "entry {}: its hash is not the SHA-256",
            accepted + 1
        )),
        "{out}"
    );

    // One byte of a hash changed: that entry, or the link to it, fails.
    let mut changed = lines.clone();
    let at = changed[99].find(r#""hash":""#).unwrap() + 8;
    let digit = changed[99].as_bytes()[at];
    let other = if digit == b'0' { '1' } else { '0' };
    changed[99].replace_range(at..at + 1, &other.to_string());
    std::fs::write(&tampered, changed.join("\n")).unwrap();
    let (out, code) = verify(&[arg(&tampered)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("entry 100: its hash is not the SHA-256"),
        "{out}"
    );

    // A record rewritten from one changed figure on, every later hash recomputed so that the
    // chain holds: only the signed checkpoint shows it.
    let rewrite = format!(
        "import sys, json; sys.path.insert(0, {dir:?}); import verify\n\
         prev = '0' * 64\n\
         out = []\n\
         for n, line in enumerate(open({src:?})):\n\
         \x20   e = json.loads(line)\n\
         \x20   if n == {at}: e['act']['figures']['lines']['L1'] += 1\n\
         \x20   e['prev_hash'] = prev\n\
         \x20   e['hash'] = prev = verify.entry_hash(e)\n\
         \x20   out.append(json.dumps(e, ensure_ascii=False))\n\
         open({dst:?}, 'w').write('\\n'.join(out))\n",
        dir = arg(verify_py().parent().unwrap()),
        src = arg(&export),
        dst = arg(&tampered),
        at = accepted,
    );
    let output = Command::new("python3")
        .args(["-c", &rewrite])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    // The chain alone holds; the replay sees accepted figures that no operator entered.
    let (out, code) = verify(&[arg(&tampered)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("12032 entries, every hash and link verified"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "PROBLEM now: entry {}: protocol of station",
            accepted + 1
        )) && out.contains("the accepted figures are not those of entry 1"),
        "{out}"
    );
    let (out, code) = verify(&[
        arg(&tampered),
        "--checkpoint",
        arg(&checkpoint),
        "--key",
        &demo.public_key,
    ]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("is not the checkpoint's root"), "{out}");

    // A station's proof whose accepted figures were changed: that station is named.
    let proof = demo.path("proofs/station-13-13001.json");
    let shown = std::fs::read_to_string(&proof).unwrap();
    let at = shown.find(r#""L1":"#).unwrap() + 5;
    let digit = shown.as_bytes()[at];
    let other = if digit == b'9' {
        '8'
    } else {
        (digit + 1) as char
    };
    let mut changed = shown.clone();
    changed.replace_range(at..at + 1, &other.to_string());
    std::fs::write(&proof, changed).unwrap();
    let (out, code) = verify(&[
        arg(&export),
        "--key",
        &demo.public_key,
        "--proofs",
        arg(&demo.path("proofs")),
    ]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("station 13001, constituency 13: proof station-13-13001.json: entry"),
        "{out}"
    );
    std::fs::write(&proof, shown).unwrap();

    // A checkpoint whose signature was altered, and one that names another tree size.
    let note = std::fs::read_to_string(&checkpoint).unwrap();
    let (body, signature) = note.split_once("\n\n").unwrap();
    let at = signature.len() - 20;
    let forged_byte = if &signature[at..at + 1] == "A" {
        "B"
    } else {
        "A"
    };
    let forged = format!(
        "{body}\n\n{}{forged_byte}{}",
        &signature[..at],
        &signature[at + 1..]
    );
    let forged_file = demo.path("forged.checkpoint");
    std::fs::write(&forged_file, forged).unwrap();
    let (out, code) = verify(&[
        arg(&export),
        "--checkpoint",
        arg(&forged_file),
        "--key",
        &demo.public_key,
    ]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("signature does not verify"), "{out}");
    std::fs::write(&forged_file, note.replacen("\n12032\n", "\n12031\n", 1)).unwrap();
    let (out, code) = verify(&[
        arg(&export),
        "--checkpoint",
        arg(&forged_file),
        "--key",
        &demo.public_key,
    ]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("signature does not verify"), "{out}");

    // A published figure that is not the record's: the difference is named.
    let status = demo.path("now/13.json");
    let shown = std::fs::read_to_string(&status).unwrap();
    assert!(shown.contains(r#""votes": 13477"#), "{shown}");
    std::fs::write(
        &status,
        shown.replacen(r#""votes": 13477"#, r#""votes": 13478"#, 1),
    )
    .unwrap();
    let (out, code) = verify(&[arg(&export), "--status-dir", &dirs[0]]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(
            "constituency 13, E1, candidate E1-13-03: votes: verifier 13477, tandoo 13478"
        ),
        "{out}"
    );
}

/// Applies the command files to a new record, writes tandoo's status of constituency 1 now
/// and as of each date, and runs the verifier on the export against them, which must agree.
/// The status files are left in `dir` (`now/`, `DATE/`).
fn agrees_on(dir: &Path, files: &[PathBuf], dates: &[&str]) {
    let db = dir.join("record.sqlite");
    for (n, file) in files.iter().enumerate() {
        let create = if n == 0 { vec!["--create"] } else { vec![] };
        let mut args = vec!["apply"];
        args.extend(create);
        args.extend(["--db", arg(&db), arg(file)]);
        ok(&args);
    }
    let export = dir.join("record.jsonl");
    ok(&["export", "--db", arg(&db), "--out", arg(&export)]);
    write_status(&db, &dir.join("now"), None, &[1]);
    let mut args = vec![
        arg(&export).to_string(),
        "--status-dir".to_string(),
        arg(&dir.join("now")).to_string(),
    ];
    for date in dates {
        write_status(&db, &dir.join(date), Some(date), &[1]);
        args.push("--status-dir".to_string());
        args.push(format!("{date}={}", arg(&dir.join(date))));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (out, code) = verify(&args);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("AGREES"), "{out}");
}

/// Constituency 1's contest in the status written for `date` (or `now`) into `dir`.
fn contest(dir: &Path, date: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join(date).join("1.json")).unwrap();
    let status: serde_json::Value = serde_json::from_str(&text).unwrap();
    status["contest"].clone()
}

fn repository(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

#[test]
fn the_verifier_agrees_through_corrections_annulments_and_rescissions() {
    let dir = tempfile::tempdir().unwrap();
    // The example election up to its accepted protocols, then the story of verifier/tests.
    let example = std::fs::read_to_string(repository("docs/examples/election.jsonl")).unwrap();
    let base: Vec<&str> = example
        .lines()
        .filter(|l| {
            !l.contains(r#""type":"hold_meeting""#) && !l.contains(r#""type":"vote_resolution""#)
        })
        .collect();
    let base_file = dir.path().join("base.jsonl");
    std::fs::write(&base_file, base.join("\n")).unwrap();
    // Each date after one of the story's turns: the correction, the annulment, its
    // rescission, the annulled votes, the rescission rescinded, the recognition.
    let story = repository("verifier/tests/corrections.jsonl");
    let dates = [
        "2025-11-30",
        "2025-12-01",
        "2025-12-03",
        "2025-12-12",
        "2025-12-17",
        "2025-12-22",
    ];
    agrees_on(dir.path(), &[base_file, story], &dates);

    // The seats moved with the story, so agreeing meant following it.
    let seats = |date: &str| {
        let c = contest(dir.path(), date);
        serde_json::json!([c["allocated"], c["elected"]])
    };
    assert_eq!(
        seats("2025-12-01"),
        serde_json::json!([["E1-1-01", "E1-1-02", "E1-1-04"], []])
    );
    assert_eq!(
        seats("2025-12-03"),
        serde_json::json!([["E1-1-01", "E1-1-03", "E1-1-04"], []])
    );
    assert_eq!(
        seats("2025-12-17"),
        serde_json::json!([["E1-1-01", "E1-1-03", "E1-1-04"], []])
    );
    assert_eq!(
        seats("2025-12-22"),
        serde_json::json!([["E1-1-03", "E1-1-04", "E1-1-05"], []])
    );
    assert_eq!(
        seats("now"),
        serde_json::json!([[], ["E1-1-03", "E1-1-04", "E1-1-05"]])
    );
}

#[test]
fn the_verifier_agrees_on_mandates_ended_a_lot_drawn_and_against_all_winning() {
    // Two mandates end after the recognition: each seat passes to the next of the same
    // gender, else of the other.
    let dir = tempfile::tempdir().unwrap();
    let files = [
        repository("docs/examples/election.jsonl"),
        repository("verifier/tests/mandates.jsonl"),
    ];
    agrees_on(dir.path(), &files, &["2026-01-15"]);
    assert_eq!(
        contest(dir.path(), "2026-01-15")["elected"],
        serde_json::json!(["E1-1-01", "E1-1-03", "E1-1-04"])
    );
    assert_eq!(
        contest(dir.path(), "now")["elected"],
        serde_json::json!(["E1-1-01", "E1-1-03", "E1-1-05"])
    );

    // Two women tie for the third seat under `tie_break: lot`: no seats until the lot is
    // drawn, then the seed decides.
    let dir = tempfile::tempdir().unwrap();
    agrees_on(
        dir.path(),
        &[repository("verifier/tests/lot.jsonl")],
        &["2025-12-01"],
    );
    assert_eq!(
        contest(dir.path(), "2025-12-01")["allocated"],
        serde_json::json!([])
    );
    let now = contest(dir.path(), "now");
    assert_eq!(now["allocation"]["ties"][0]["broken_by"], "lot");
    assert_eq!(
        now["allocated"],
        serde_json::json!(["E1-1-01", "E1-1-02", "E1-1-05"])
    );

    // "Against all" has more votes than the leader: the count elects nobody.
    let dir = tempfile::tempdir().unwrap();
    agrees_on(
        dir.path(),
        &[repository("verifier/tests/against-all.jsonl")],
        &[],
    );
    let now = contest(dir.path(), "now");
    assert_eq!(now["allocation"]["reason"]["kind"], "against_all_wins");
    assert_eq!(now["allocated"], serde_json::json!([]));
}

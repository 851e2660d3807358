//! Witnesses and the served log, end to end: `tandoo serve --key` serves the tiles
//! `tandoo publish` writes, byte for byte; a witness cosigns a log as it grows, published
//! or served; and a witness shown a rewritten record — the same size with another root, or
//! a larger log that does not extend what it cosigned — refuses and keeps both signed
//! checkpoints.

mod support;

use serde_json::json;
use std::path::{Path, PathBuf};
use support::{Server, arg, failed, ok};
use tandoo_record::{NewEntry, OpenMode, Record, SqliteRecord};
use tandoo_tlog::{Checkpoint, CosignatureVerifier, NoteVerifier};

/// A new key file in `dir` named `name`, and its public key.
fn key(dir: &Path, file: &str, name: &str) -> (PathBuf, String) {
    let file = dir.join(file);
    let public = ok(&["key", "init", "--out", arg(&file), "--name", name]);
    (file, public.trim().to_string())
}

/// A record of `n` plain acts, the one at `changed` (if any) different.
fn record(path: &Path, n: u64, changed: Option<u64>) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let record = SqliteRecord::open(path, OpenMode::CreateIfMissing)
            .await
            .unwrap();
        let mut head = record.head().await.unwrap();
        let from = head.seq + 1;
        for i in from..from + n {
            let figure = if Some(i) == changed { i + 1000 } else { i };
            let entry = NewEntry {
                legal_date: "2026-02-13".into(),
                actor: json!({"user": "clerk"}),
                act: json!({"type": "noted", "figure": figure}),
            };
            head = record.append(&head, vec![entry]).await.unwrap()[0].head();
        }
        record.close().await;
    });
}

struct Witness {
    key: PathBuf,
    state: PathBuf,
    public: CosignatureVerifier,
}

impl Witness {
    fn new(dir: &Path, name: &str) -> Witness {
        let (key, _) = key(dir, &format!("{name}.key"), name);
        let public = ok(&["key", "show", "--key", arg(&key), "--witness"]);
        Witness {
            state: dir.join(format!("{name}.state")),
            public: CosignatureVerifier::parse(public.trim()).unwrap(),
            key,
        }
    }

    fn args<'a>(&'a self, log: &'a str, log_key: &'a str) -> Vec<&'a str> {
        vec![
            "witness",
            "--log",
            log,
            "--log-key",
            log_key,
            "--key",
            arg(&self.key),
            "--state",
            arg(&self.state),
            "--once",
        ]
    }

    /// The checkpoint last cosigned: its size, checked against both keys.
    fn cosigned(&self, log_key: &str) -> Checkpoint {
        let note = std::fs::read_to_string(&self.state).unwrap();
        self.public.verify(&note).unwrap();
        Checkpoint::open(&note, &NoteVerifier::parse(log_key).unwrap()).unwrap()
    }

    /// The evidence directories kept so far.
    fn evidence(&self) -> Vec<PathBuf> {
        let name = self
            .state
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let mut out: Vec<PathBuf> = std::fs::read_dir(self.state.parent().unwrap())
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .unwrap()
                    .starts_with(&format!("{name}.refused-"))
            })
            .map(|e| e.path())
            .collect();
        out.sort();
        out
    }
}

#[test]
fn a_witness_cosigns_a_growing_log_and_refuses_a_rewritten_record() {
    let dir = tempfile::tempdir().unwrap();
    let (commission, public) = key(dir.path(), "commission.key", "example.kg/2026");
    let publish = |db: &Path, out: &Path| {
        ok(&[
            "publish",
            "--log-only",
            "--db",
            arg(db),
            "--key",
            arg(&commission),
            "--out",
            arg(out),
        ]);
    };
    let db = dir.path().join("record.sqlite");
    let site = dir.path().join("site");
    record(&db, 300, None);
    publish(&db, &site);
    let witness = Witness::new(dir.path(), "observer");
    let out = ok(&witness.args(arg(&site), &public));
    assert!(
        out.contains("cosigned the checkpoint of 300 entries"),
        "{out}"
    );
    assert_eq!(witness.cosigned(&public).size, 300);
    let out = ok(&witness.args(arg(&site), &public));
    assert!(out.contains("no new checkpoint"), "{out}");

    // The record grows: cosigned again, through a file:// address this time.
    record(&db, 257, None);
    publish(&db, &site);
    let url = format!("file://{}", site.display());
    let out = ok(&witness.args(&url, &public));
    assert!(
        out.contains("cosigned the checkpoint of 557 entries"),
        "{out}"
    );
    assert!(witness.evidence().is_empty());

    // Another record of the same 557 entries, one act different, signed with the same key.
    let rewritten = dir.path().join("rewritten.sqlite");
    let other = dir.path().join("other");
    record(&rewritten, 557, Some(120));
    publish(&rewritten, &other);
    let before = std::fs::read(&witness.state).unwrap();
    let out = failed(&witness.args(arg(&other), &public));
    assert!(
        out.contains("REFUSED: two different records of 557 entries"),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&witness.state).unwrap(),
        before,
        "the state is kept"
    );
    let evidence = witness.evidence();
    assert_eq!(evidence.len(), 1);
    let log_key = NoteVerifier::parse(&public).unwrap();
    let seen = |file: &str| {
        let note = std::fs::read_to_string(evidence[0].join(file)).unwrap();
        Checkpoint::open(&note, &log_key).unwrap()
    };
    let (cosigned, refused) = (seen("cosigned"), seen("refused"));
    assert_eq!((cosigned.size, refused.size), (557, 557));
    assert_ne!(
        cosigned.root, refused.root,
        "two signed roots of one size: the proof"
    );

    // A larger log that does not extend what was cosigned.
    record(&rewritten, 10, None);
    publish(&rewritten, &other);
    let out = failed(&witness.args(arg(&other), &public));
    assert!(out.contains("is not a prefix of its 567 entries"), "{out}");
    assert_eq!(witness.evidence().len(), 2);
    // A smaller one.
    let small = dir.path().join("small.sqlite");
    let small_site = dir.path().join("small");
    record(&small, 12, None);
    publish(&small, &small_site);
    let out = failed(&witness.args(arg(&small_site), &public));
    assert!(out.contains("fewer than the 557 already cosigned"), "{out}");

    // A checkpoint signed by another key is only refused.
    let (_, stranger) = key(dir.path(), "stranger.key", "example.kg/2026");
    let fresh = Witness::new(dir.path(), "fresh");
    let out = failed(&fresh.args(arg(&site), &stranger));
    assert!(out.contains("is not the log's"), "{out}");
    assert!(!fresh.state.exists());
}

/// GET of a served file's bytes.
fn fetch(url: &str) -> Vec<u8> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime
        .block_on(tandoo_server::fetch::get(url))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            files_below(&entry.path(), out);
        } else {
            out.push(entry.path());
        }
    }
}

#[test]
fn the_served_log_is_the_published_one_and_a_witness_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.sqlite");
    support::prepare_record(arg(&db), dir.path());
    let (commission, public) = key(dir.path(), "commission.key", "example.kg/2026");
    let checkpoints = dir.path().join("checkpoints");
    let flags = [
        "--key",
        arg(&commission),
        "--checkpoints",
        arg(&checkpoints),
        "--checkpoint-every",
        "1",
    ];
    let server = Server::start_with(arg(&db), &flags);
    let base = format!("http://{}", server.address);

    // What publish writes for the same record is what the server serves, byte for byte:
    // the checkpoint too, since Ed25519 signs the same text the same way.
    let site = dir.path().join("site");
    ok(&[
        "publish",
        "--log-only",
        "--db",
        arg(&db),
        "--key",
        arg(&commission),
        "--out",
        arg(&site),
    ]);
    let log = site.join("log");
    let mut files = Vec::new();
    files_below(&log.join("tile"), &mut files);
    assert!(files.len() >= 4, "{files:?}");
    for file in files.iter().chain([&log.join("checkpoint")]) {
        let path = file.strip_prefix(&log).unwrap().to_str().unwrap();
        assert_eq!(
            fetch(&format!("{base}/log/{path}")),
            std::fs::read(file).unwrap(),
            "{path}"
        );
    }

    let witness = Witness::new(dir.path(), "observer");
    let out = ok(&witness.args(&base, &public));
    assert!(out.contains("cosigned"), "{out}");
    let first = witness.cosigned(&public);

    // The server stops, the record grows, a server starts again on the kept checkpoints.
    drop(server);
    let lines: Vec<String> = tandoo_demo::story()[1]
        .submissions
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    let voting = dir.path().join("voting.jsonl");
    std::fs::write(&voting, lines.join("\n")).unwrap();
    ok(&["apply", "--db", arg(&db), arg(&voting)]);
    let server = Server::start_with(arg(&db), &flags);
    let base = format!("http://{}", server.address);
    let out = ok(&witness.args(&base, &public));
    assert!(out.contains("cosigned"), "{out}");
    let second = witness.cosigned(&public);
    assert!(second.size > first.size);

    // check-log reads the served log's kept checkpoints and tiles.
    let from = checkpoints.join(first.size.to_string());
    let to = checkpoints.join(second.size.to_string());
    let out = ok(&[
        "check-log",
        "--from",
        arg(&from),
        "--to",
        arg(&to),
        "--key",
        &public,
        "--log",
        &base,
    ]);
    assert!(out.starts_with("ok: "), "{out}");
    assert_eq!(
        fetch(&format!("{base}/log/checkpoints/{}", first.size)),
        std::fs::read(&from).unwrap()
    );
}

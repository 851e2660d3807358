//! The transparency log end to end: a key, the demo's record published as tiles, a proof
//! for every station that verifies with the public key alone and fails, saying what, when
//! any byte of it changes; and consistency between checkpoints, which a rewritten record
//! of the same size breaks.

mod support;

use serde_json::json;
use std::path::Path;
use support::{arg, failed, ok, tandoo, text};
use tandoo_record::{NewEntry, OpenMode, Record, SqliteRecord};

/// A key named `example.kg/2026` in `dir`, and its public key.
fn key(dir: &Path) -> (std::path::PathBuf, String) {
    let file = dir.join("commission.key");
    let public = ok(&[
        "key",
        "init",
        "--out",
        arg(&file),
        "--name",
        "example.kg/2026",
    ]);
    (file, public.trim().to_string())
}

#[test]
fn the_key_file_is_private_never_overwritten_and_shows_its_public_key() {
    let dir = tempfile::tempdir().unwrap();
    let (file, public) = key(dir.path());
    assert!(public.starts_with("example.kg/2026+"), "{public}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let before = std::fs::read(&file).unwrap();
    let output = tandoo(&["key", "init", "--out", arg(&file), "--name", "other"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("KEY_EXISTS"), "{}", text(&output));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(ok(&["key", "show", "--key", arg(&file)]).trim(), public);
}

/// The demo's record, published, with a proof of every station.
#[test]
fn every_station_of_the_demo_has_a_proof_that_verifies_and_no_byte_of_it_can_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    ok(&["demo", "--db", arg(&db), "--no-serve"]);
    let (file, public) = key(dir.path());
    let published = dir.path().join("pub");
    ok(&[
        "publish",
        "--db",
        arg(&db),
        "--key",
        arg(&file),
        "--out",
        arg(&published),
    ]);

    let proofs = dir.path().join("proofs");
    ok(&[
        "prove",
        "--db",
        arg(&db),
        "--log",
        arg(&published),
        "--out",
        arg(&proofs),
    ]);
    let mut files: Vec<String> = std::fs::read_dir(&proofs)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    files.sort();
    // Every station of the demo reports a protocol.
    let stations = ok(&["list", "stations", "--db", arg(&db), "--json"]);
    let stations: serde_json::Value = serde_json::from_str(&stations).unwrap();
    assert_eq!(files.len(), stations["items"].as_array().unwrap().len());
    let mut args = vec!["check-proof", "--key", public.as_str()];
    args.extend(files.iter().map(String::as_str));
    let out = ok(&args);
    let checked = out.lines().filter(|l| l.starts_with("ok: ")).count();
    assert_eq!(checked, files.len(), "{out}");

    // One station's proof, by its own command, then changed byte by byte.
    let proof = dir.path().join("13001.json");
    ok(&[
        "prove",
        "--db",
        arg(&db),
        "--log",
        arg(&published),
        "--station",
        "13001",
        "--constituency",
        "13",
        "--out",
        arg(&proof),
    ]);
    let good = std::fs::read_to_string(&proof).unwrap();
    let out = ok(&["check-proof", arg(&proof), "--key", &public]);
    assert!(
        out.contains("station 13001, constituency 13, election E1"),
        "{out}"
    );

    let changed = dir.path().join("changed.json");
    let check = |bytes: &[u8]| {
        std::fs::write(&changed, bytes).unwrap();
        let output = tandoo(&["check-proof", arg(&changed), "--key", &public]);
        let changed = String::from_utf8_lossy(bytes);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{changed}\n{}",
            text(&output)
        );
        text(&output)
    };
    // Every byte of the head (format, version, subject, the checkpoint's first line), and
    // a byte in every stretch of the rest. A step of the file's length alone would land
    // on different members from one run to the next (the signatures vary).
    let head = good.find("\\n").unwrap();
    let step = good.len() / 150;
    let stretches = (head..good.len()).step_by(step.max(1));
    for at in (0..head).chain(stretches) {
        let mut bytes = good.clone().into_bytes();
        if !bytes[at].is_ascii() {
            continue;
        }
        bytes[at] = other(bytes[at]);
        let out = check(&bytes);
        assert!(out.starts_with("FAILED: "), "byte {at}: {out}");
    }
    // Each part, with what the check says of it.
    // A hash of an inclusion proof, the first of the first entry's: its first digit
    // changed to another hex digit (never to itself: the hash may begin with any digit).
    let inclusion = {
        let at = good.find("\"inclusion\":[\"").unwrap() + "\"inclusion\":[\"".len();
        let mut bytes = good.clone().into_bytes();
        bytes[at] = match bytes[at] {
            b'f' => b'0',
            b'9' => b'a',
            digit => digit + 1,
        };
        String::from_utf8(bytes).unwrap()
    };
    assert_ne!(inclusion, good);
    let out = check(inclusion.as_bytes());
    assert!(out.contains("is not in the log"), "inclusion: {out}");
    // The signature's last character before its padding, changed to another that still
    // decodes (its two low bits unused, so `A` or `E`): the signature no longer verifies.
    let signature = {
        let at = good.find("=\\n\",\"entries\"").unwrap() - 1;
        let mut bytes = good.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'E' } else { b'A' };
        String::from_utf8(bytes).unwrap()
    };
    assert_ne!(signature, good);
    let out = check(signature.as_bytes());
    assert!(out.contains("the checkpoint"), "signature: {out}");
    let cases: [(&str, &str, &str); 4] = [
        // An act's figure.
        ("\"L1\":2219", "\"L1\":2218", "does not match its hash"),
        // The checkpoint's size.
        ("example.kg/2026\\n", "example.kg/2026\\n1", "signature"),
        // A member of the subject renamed: not read as "no constituency named".
        (
            "\"constituency\":13",
            "\"constituencz\":13",
            "subject is not a station",
        ),
        // The station the proof claims.
        (
            "\"station\":13001}",
            "\"station\":13002}",
            "of the protocol of station 13002",
        ),
    ];
    for (from, to, says) in cases {
        assert!(good.contains(from), "{from}");
        let bad = good.replacen(from, to, 1);
        let out = check(bad.as_bytes());
        assert!(out.contains(says), "{from} → {to}: {out}");
    }
    // Another log's key.
    let other_key = key(&dir.path().join("other").tap_mkdir()).1;
    let out = failed(&["check-proof", arg(&proof), "--key", &other_key]);
    assert!(out.contains("no signature by"), "{out}");
}

/// Another byte, still ASCII, never the same.
fn other(byte: u8) -> u8 {
    match byte {
        b'0'..=b'8' | b'a'..=b'y' | b'A'..=b'Y' => byte + 1,
        b'9' => b'0',
        b'z' => b'a',
        b'Z' => b'A',
        _ => b'x',
    }
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for std::path::PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

/// A record of `n` plain acts, the one at `changed` (if any) different.
fn record(path: &Path, n: u64, changed: Option<u64>) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let record = SqliteRecord::open(path, OpenMode::CreateIfMissing)
            .await
            .unwrap();
        let mut head = record.head().await.unwrap();
        for i in 1..=n {
            let figure = if Some(i) == changed { i + 1000 } else { i };
            let entry = NewEntry {
                legal_date: "2026-02-13".into(),
                actor: json!({"user": "clerk"}),
                act: json!({"type": "noted", "figure": figure}),
            };
            let written = record.append(&head, vec![entry]).await.unwrap();
            head = written.last().unwrap().head();
        }
        record.close().await;
    });
}

#[test]
fn checkpoints_of_a_growing_record_are_consistent_and_a_rewritten_record_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let (file, public) = key(dir.path());
    let db = dir.path().join("record.sqlite");
    let published = dir.path().join("pub");
    let publish = |db: &Path, out: &Path| {
        ok(&[
            "publish",
            "--log-only",
            "--db",
            arg(db),
            "--key",
            arg(&file),
            "--out",
            arg(out),
        ]);
    };
    // Checkpoints at several sizes: partial tiles replaced by full ones on the way.
    let mut checkpoints = Vec::new();
    record(&db, 300, None);
    let mut grown = 300;
    for more in [0, 1, 211, 256, 3] {
        if more > 0 {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            runtime.block_on(async {
                let record = SqliteRecord::open(&db, OpenMode::MustExist).await.unwrap();
                let mut head = record.head().await.unwrap();
                for i in 0..more {
                    let entry = NewEntry {
                        legal_date: "2026-02-14".into(),
                        actor: json!({"user": "clerk"}),
                        act: json!({"type": "noted", "later": i}),
                    };
                    head = record.append(&head, vec![entry]).await.unwrap()[0].head();
                }
                record.close().await;
            });
            grown += more;
        }
        publish(&db, &published);
        let kept = published.join(format!("log/checkpoints/{grown}"));
        assert_eq!(
            std::fs::read(&kept).unwrap(),
            std::fs::read(published.join("log/checkpoint")).unwrap()
        );
        checkpoints.push(kept);
    }
    for (i, old) in checkpoints.iter().enumerate() {
        for new in &checkpoints[i..] {
            let out = ok(&[
                "check-log",
                "--from",
                arg(old),
                "--to",
                arg(new),
                "--key",
                &public,
                "--log",
                arg(&published),
            ]);
            assert!(out.starts_with("ok: "), "{out}");
            ok(&[
                "check-log",
                "--from",
                arg(old),
                "--to",
                arg(new),
                "--key",
                &public,
                "--db",
                arg(&db),
            ]);
        }
    }
    let out = failed(&[
        "check-log",
        "--from",
        arg(&checkpoints[2]),
        "--to",
        arg(&checkpoints[0]),
        "--key",
        &public,
        "--db",
        arg(&db),
    ]);
    assert!(out.contains("larger log"), "{out}");

    // The same size, one act different, signed with the same key.
    let rewritten = dir.path().join("rewritten.sqlite");
    let other = dir.path().join("other");
    record(&rewritten, 300, Some(120));
    publish(&rewritten, &other);
    let theirs = other.join("log/checkpoints/300");
    for (from, to, source) in [
        (&checkpoints[0], &theirs, &other),
        (&theirs, &checkpoints[4], &published),
    ] {
        let out = failed(&[
            "check-log",
            "--from",
            arg(from),
            "--to",
            arg(to),
            "--key",
            &public,
            "--log",
            arg(source),
        ]);
        assert!(out.contains("is not a prefix"), "{out}");
    }
    let out = failed(&[
        "check-log",
        "--from",
        arg(&theirs),
        "--to",
        arg(&checkpoints[3]),
        "--key",
        &public,
        "--db",
        arg(&db),
    ]);
    assert!(out.contains("is not a prefix"), "{out}");
}

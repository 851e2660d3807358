//! What only the SQLite store does: recognise files that are not records. Everything a
//! store must do is tested on both stores in `stores.rs`.

mod common;

use common::create;
use tandoo_record::{OpenMode, SqliteRecord};

#[tokio::test]
async fn opening_checks_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let err = SqliteRecord::open(&missing, OpenMode::MustExist)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NO_RECORD");
    assert!(!missing.exists(), "MustExist must not create a file");

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "this is not a database, just some text ".repeat(50)).unwrap();
    let err = SqliteRecord::open(&text, OpenMode::CreateIfMissing)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NOT_A_RECORD", "{err}");

    let other = dir.path().join("other.db");
    common::raw_exec_create(&other, "CREATE TABLE people (name TEXT)").await;
    let err = SqliteRecord::open(&other, OpenMode::CreateIfMissing)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NOT_A_RECORD", "{err}");
    let err = SqliteRecord::open(&other, OpenMode::MustExist)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NOT_A_RECORD", "{err}");

    let record_path = dir.path().join("r.db");
    create(&record_path).await.close().await;
    common::raw_exec(&record_path, "UPDATE meta SET format_version = 2").await;
    let err = SqliteRecord::open(&record_path, OpenMode::MustExist)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "UNSUPPORTED_FORMAT", "{err}");
}

/// A record of `n` entries at `path`, closed.
async fn record_of(path: &std::path::Path, n: u64) -> Vec<tandoo_record::Entry> {
    use tandoo_record::Record;
    let record = create(path).await;
    let mut head = tandoo_record::Head::EMPTY;
    let mut all = Vec::new();
    for chunk in (1..=n).collect::<Vec<_>>().chunks(100) {
        let entries = chunk.iter().map(|&i| common::protocol(i, i * 7)).collect();
        let done = record.append(&head, entries).await.unwrap();
        head = done.last().unwrap().head();
        all.extend(done);
    }
    record.close().await;
    all
}

fn beside(path: &std::path::Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

#[tokio::test]
async fn l6_a_read_only_open_never_writes_nor_leaves_files() {
    let dir = tempfile::tempdir().unwrap();
    // A 0-byte file stays 0 bytes.
    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").unwrap();
    let err = SqliteRecord::open(&empty, OpenMode::ReadOnly)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NOT_A_RECORD", "{err}");
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    // A missing file is not created.
    let missing = dir.path().join("typo.sqlite");
    let err = SqliteRecord::open(&missing, OpenMode::ReadOnly)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NO_RECORD");
    assert!(!missing.exists());

    let path = dir.path().join("record.sqlite");
    record_of(&path, 30).await;
    let bytes = std::fs::read(&path).unwrap();
    for suffix in ["-wal", "-shm"] {
        assert!(
            !beside(&path, suffix).exists(),
            "{suffix} left by a clean close"
        );
    }
    let record = SqliteRecord::open(&path, OpenMode::ReadOnly).await.unwrap();
    assert_eq!(
        tandoo_record::verify_record(&record).await.unwrap().count,
        30
    );
    record.close().await;
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is unchanged"
    );
    for suffix in ["-wal", "-shm"] {
        assert!(!beside(&path, suffix).exists(), "{suffix} left behind");
    }
}

#[tokio::test]
async fn a_closed_record_file_holds_every_act_without_its_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    record_of(&path, 250).await;
    // A plain copy of the file alone, as an operator makes before a risky step.
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = copy_dir.path().join("copy.sqlite");
    std::fs::copy(&path, &copy).unwrap();
    let record = SqliteRecord::open(&copy, OpenMode::ReadOnly).await.unwrap();
    assert_eq!(
        tandoo_record::verify_record(&record).await.unwrap().count,
        250
    );
    record.close().await;
}

#[tokio::test]
async fn l8_a_file_cut_short_is_reported_as_damaged_after_its_last_good_entry() {
    use tandoo_record::{BreakKind, VerifyError};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    record_of(&path, 3_000).await;
    let len = std::fs::metadata(&path).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);

    match SqliteRecord::open(&path, OpenMode::ReadOnly).await {
        Err(err) => {
            assert_eq!(err.code(), "NOT_A_RECORD", "{err}");
            assert!(err.to_string().contains("damaged"), "{err}");
        }
        Ok(record) => {
            let result = tandoo_record::verify_record(&record).await;
            record.close().await;
            let Err(VerifyError::Break(broken)) = result else {
                panic!("a file cut in half verifies: {result:?}");
            };
            assert!(
                matches!(broken.kind, BreakKind::Unreadable { .. }),
                "{broken}"
            );
            // The entries before the damage were read and checked.
            assert!(broken.seq > 1 && broken.seq <= 3_000, "{broken}");
            assert!(broken.to_string().contains("damaged"), "{broken}");
        }
    }
}

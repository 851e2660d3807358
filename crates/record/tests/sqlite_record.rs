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
    assert_eq!(err.code(), "RECORD_NOT_FOUND");
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

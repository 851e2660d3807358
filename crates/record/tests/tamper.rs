//! Someone with write access to the database file changes it behind the record's back; the
//! change must be detected and the first affected entry named.

mod common;

use std::path::Path;

use common::{act_of, create, protocol, raw_act, raw_exec};
use serde_json::json;
use tandoo_record::{
    BreakKind, Entry, Hash, Head, OpenMode, Record, SqliteRecord, VerifyError, verify_record,
};

/// Five protocols; entry 3 carries `"votes":17397`.
async fn five_entries(path: &Path) -> Vec<Entry> {
    let record = create(path).await;
    let votes = [100, 250, 17397, 4000, 812];
    let mut head = Head::EMPTY;
    let mut all = Vec::new();
    for (i, v) in votes.into_iter().enumerate() {
        let done = record
            .append(&head, vec![protocol(4520 + i as u64, v)])
            .await
            .unwrap();
        head = done[0].head();
        all.extend(done);
    }
    assert_eq!(verify_record(&record).await.unwrap().count, 5);
    record.close().await;
    all
}

async fn verify_file(path: &Path) -> Result<tandoo_record::VerifiedChain, VerifyError> {
    let record = SqliteRecord::open(path, OpenMode::MustExist).await.unwrap();
    let result = verify_record(&record).await;
    record.close().await;
    result
}

fn the_break(
    result: Result<tandoo_record::VerifiedChain, VerifyError>,
) -> tandoo_record::ChainBreak {
    match result {
        Err(VerifyError::Break(b)) => b,
        other => panic!("expected a chain break, got {other:?}"),
    }
}

#[tokio::test]
async fn a_changed_figure_is_named_at_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    five_entries(&path).await;
    assert!(raw_act(&path, 3).await.contains("\"votes\":17397"));
    let changed = raw_exec(
        &path,
        r#"UPDATE acts SET act = replace(act, '"votes":17397', '"votes":17398') WHERE seq = 3"#,
    )
    .await;
    assert_eq!(changed, 1);

    let b = the_break(verify_file(&path).await);
    assert_eq!(b.seq, 3);
    assert!(matches!(b.kind, BreakKind::HashMismatch { .. }), "{b:?}");
    assert!(
        b.to_string()
            .starts_with("entry 3 has been changed since it was recorded"),
        "{b}"
    );
}

#[tokio::test]
async fn broken_json_is_named_at_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    five_entries(&path).await;
    raw_exec(
        &path,
        "UPDATE acts SET act = substr(act, 1, 20) WHERE seq = 3",
    )
    .await;

    let b = the_break(verify_file(&path).await);
    assert_eq!(b.seq, 3);
    assert_eq!(b.code(), "CHAIN_UNREADABLE");
    assert!(b.to_string().contains("its act is not valid JSON"), "{b}");

    // Reading gives the good entries before it, then an error for it; nothing is skipped.
    let record = SqliteRecord::open(&path, OpenMode::MustExist)
        .await
        .unwrap();
    assert_eq!(record.read(1, 10).await.unwrap().len(), 2);
    let err = record.read(3, 10).await.unwrap_err();
    assert_eq!(err.code(), "DAMAGED_ENTRY");
    assert_eq!(record.read(4, 10).await.unwrap().len(), 2);
}

#[tokio::test]
async fn an_edit_that_keeps_the_meaning_is_still_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    five_entries(&path).await;
    raw_exec(
        &path,
        "UPDATE acts SET act = replace(act, ':', ': ') WHERE seq = 2",
    )
    .await;
    let b = the_break(verify_file(&path).await);
    assert_eq!((b.seq, b.code()), (2, "CHAIN_UNREADABLE"));
    assert!(b.to_string().contains("canonical form"), "{b}");
}

#[tokio::test]
async fn an_earlier_change_is_named_before_a_later_unreadable_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    five_entries(&path).await;
    raw_exec(
        &path,
        "UPDATE acts SET legal_date = '2026-02-11' WHERE seq = 2",
    )
    .await;
    raw_exec(&path, "UPDATE acts SET actor = 'nobody' WHERE seq = 4").await;
    let b = the_break(verify_file(&path).await);
    assert_eq!((b.seq, b.code()), (2, "CHAIN_HASH_MISMATCH"));
}

#[tokio::test]
async fn a_rehashed_change_breaks_the_link_of_the_next_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let original = five_entries(&path).await;
    raw_exec(
        &path,
        r#"UPDATE acts SET act = replace(act, '"votes":17397', '"votes":17398') WHERE seq = 3"#,
    )
    .await;
    // The forger recomputes entry 3's hash so entry 3 on its own looks right.
    let mut forged = original[2].clone();
    forged.act = act_of(&raw_act(&path, 3).await);
    assert_eq!(forged.act["figures"]["votes"], json!(17398));
    let new_hash: Hash = forged.compute_hash().unwrap();
    raw_exec(
        &path,
        &format!("UPDATE acts SET hash = '{new_hash}' WHERE seq = 3"),
    )
    .await;

    let b = the_break(verify_file(&path).await);
    assert_eq!(b.seq, 4);
    assert_eq!(
        b.kind,
        BreakKind::BrokenLink {
            expected: new_hash,
            found: original[2].hash
        }
    );
    assert!(
        b.to_string()
            .starts_with("entry 4 does not follow from the entry before it"),
        "{b}"
    );
}

#[tokio::test]
async fn a_deleted_entry_is_named_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    five_entries(&path).await;
    assert_eq!(raw_exec(&path, "DELETE FROM acts WHERE seq = 3").await, 1);
    let b = the_break(verify_file(&path).await);
    assert_eq!(b.seq, 3);
    assert_eq!(b.kind, BreakKind::Gap { found: 4 });
    assert_eq!(
        b.to_string(),
        "entry 3 is missing: after entry 2 the record continues with entry 4"
    );
}

#[tokio::test]
async fn a_damaged_last_entry_stops_appends() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let original = five_entries(&path).await;
    raw_exec(&path, "UPDATE acts SET hash = 'not a hash' WHERE seq = 5").await;
    let record = SqliteRecord::open(&path, OpenMode::MustExist)
        .await
        .unwrap();
    let err = record
        .append(&original[4].head(), vec![protocol(1, 1)])
        .await
        .unwrap_err();
    assert_eq!(err.code(), "DAMAGED_ENTRY", "{err}");
    assert_eq!(record.head().await.unwrap_err().code(), "DAMAGED_ENTRY");
}

//! Someone with write access to the database changes it behind the record's back; the
//! change must be detected and the first affected entry named — by `verify` (which reads
//! values and checks their canonical form) and by the replay fast path (which hashes the
//! stored texts as they are). Run against both stores.

mod common;

use common::{Store, act_of, protocol};
use serde_json::json;
use tandoo_record::{
    BreakKind, ChainBreak, ChainVerifier, Entry, Hash, Head, OpenMode, Record, RecordError,
    SqliteRecord, VerifiedChain, VerifyError, read_all_raw, verify_record,
};

on_both_stores!(
    a_changed_figure_is_named_at_its_entry,
    broken_json_is_named_at_its_entry,
    an_edit_that_keeps_the_meaning_is_still_named,
    an_earlier_change_is_named_before_a_later_unreadable_entry,
    a_rehashed_change_breaks_the_link_of_the_next_entry,
    a_deleted_entry_is_named_as_missing,
    a_damaged_last_entry_stops_appends,
);

/// Five protocols; entry 3 carries `"votes":17397`.
async fn five_entries(store: &Store) -> Vec<Entry> {
    let record = store.create().await;
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

async fn verify_store(store: &Store) -> Result<VerifiedChain, VerifyError> {
    let record = store.open().await;
    let result = verify_record(&record).await;
    record.close().await;
    result
}

/// Verifies as a replay does: stored texts hashed as they are.
async fn verify_fast(store: &Store) -> Result<VerifiedChain, ChainBreak> {
    let record = store.open().await;
    let mut verifier = ChainVerifier::new();
    let mut pages = read_all_raw(&record);
    let result = loop {
        match pages.next_page().await {
            Ok(Some(page)) => {
                if let Some(b) = page.iter().find_map(|e| verifier.push_raw(e).err()) {
                    break Err(b);
                }
            }
            Ok(None) => break verifier.result(),
            Err(RecordError::Damaged { seq, detail }) => {
                break Err(verifier.unreadable(seq, detail));
            }
            Err(e) => panic!("{e}"),
        }
    };
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

async fn a_changed_figure_is_named_at_its_entry(store: Store) {
    five_entries(&store).await;
    assert!(store.act_text(3).await.contains("\"votes\":17397"));
    let changed = store
        .tamper(
            r#"UPDATE acts SET act = replace(act, '"votes":17397', '"votes":17398') WHERE seq = 3"#,
        )
        .await;
    assert_eq!(changed, 1);

    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!((fast.seq, fast.code()), (3, "CHAIN_HASH_MISMATCH"));
    let b = the_break(verify_store(&store).await);
    assert_eq!(b.seq, 3);
    assert!(matches!(b.kind, BreakKind::HashMismatch { .. }), "{b:?}");
    assert!(
        b.to_string()
            .starts_with("entry 3 has been changed since it was recorded"),
        "{b}"
    );
}

async fn broken_json_is_named_at_its_entry(store: Store) {
    five_entries(&store).await;
    store
        .tamper("UPDATE acts SET act = substr(act, 1, 20) WHERE seq = 3")
        .await;

    // The fast path sees changed text: the hash no longer matches.
    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!((fast.seq, fast.code()), (3, "CHAIN_HASH_MISMATCH"));
    let b = the_break(verify_store(&store).await);
    assert_eq!(b.seq, 3);
    assert_eq!(b.code(), "CHAIN_UNREADABLE");
    assert!(b.to_string().contains("its act is not valid JSON"), "{b}");

    // Reading gives the good entries before it, then an error for it; nothing is skipped.
    let record = store.open().await;
    assert_eq!(record.read(1, 10).await.unwrap().len(), 2);
    let err = record.read(3, 10).await.unwrap_err();
    assert_eq!(err.code(), "DAMAGED_ENTRY");
    assert_eq!(record.read(4, 10).await.unwrap().len(), 2);
    record.close().await;
}

async fn an_edit_that_keeps_the_meaning_is_still_named(store: Store) {
    five_entries(&store).await;
    store
        .tamper("UPDATE acts SET act = replace(act, ':', ': ') WHERE seq = 2")
        .await;
    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!((fast.seq, fast.code()), (2, "CHAIN_HASH_MISMATCH"));
    let b = the_break(verify_store(&store).await);
    assert_eq!((b.seq, b.code()), (2, "CHAIN_UNREADABLE"));
    assert!(b.to_string().contains("canonical form"), "{b}");
}

async fn an_earlier_change_is_named_before_a_later_unreadable_entry(store: Store) {
    five_entries(&store).await;
    store
        .tamper("UPDATE acts SET legal_date = '2026-02-11' WHERE seq = 2")
        .await;
    store
        .tamper("UPDATE acts SET actor = 'nobody' WHERE seq = 4")
        .await;
    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!((fast.seq, fast.code()), (2, "CHAIN_HASH_MISMATCH"));
    let b = the_break(verify_store(&store).await);
    assert_eq!((b.seq, b.code()), (2, "CHAIN_HASH_MISMATCH"));
}

async fn a_rehashed_change_breaks_the_link_of_the_next_entry(store: Store) {
    let original = five_entries(&store).await;
    store
        .tamper(
            r#"UPDATE acts SET act = replace(act, '"votes":17397', '"votes":17398') WHERE seq = 3"#,
        )
        .await;
    // The forger recomputes entry 3's hash so entry 3 on its own looks right.
    let mut forged = original[2].clone();
    forged.act = act_of(&store.act_text(3).await);
    assert_eq!(forged.act["figures"]["votes"], json!(17398));
    let new_hash: Hash = forged.compute_hash().unwrap();
    store
        .tamper(&format!(
            "UPDATE acts SET hash = '{new_hash}' WHERE seq = 3"
        ))
        .await;

    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!((fast.seq, fast.code()), (4, "CHAIN_BROKEN_LINK"));
    let b = the_break(verify_store(&store).await);
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

async fn a_deleted_entry_is_named_as_missing(store: Store) {
    five_entries(&store).await;
    assert_eq!(store.tamper("DELETE FROM acts WHERE seq = 3").await, 1);
    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!(fast.kind, BreakKind::Gap { found: 4 });
    let b = the_break(verify_store(&store).await);
    assert_eq!(b.seq, 3);
    assert_eq!(b.kind, BreakKind::Gap { found: 4 });
    assert_eq!(
        b.to_string(),
        "entry 3 is missing: after entry 2 the record continues with entry 4"
    );
}

async fn a_damaged_last_entry_stops_appends(store: Store) {
    let original = five_entries(&store).await;
    store
        .tamper("UPDATE acts SET hash = 'not a hash' WHERE seq = 5")
        .await;
    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!((fast.seq, fast.code()), (5, "CHAIN_UNREADABLE"));
    let record = store.open().await;
    let err = record
        .append(&original[4].head(), vec![protocol(1, 1)])
        .await
        .unwrap_err();
    assert_eq!(err.code(), "DAMAGED_ENTRY", "{err}");
    assert_eq!(record.head().await.unwrap_err().code(), "DAMAGED_ENTRY");
}

/// SQLite keeps whatever bytes it is given as text; PostgreSQL refuses invalid UTF-8.
#[tokio::test]
async fn text_that_is_not_utf8_is_named_at_its_entry() {
    let store = Store::new(common::Kind::Sqlite).await.unwrap();
    five_entries(&store).await;
    store
        .tamper("UPDATE acts SET act = CAST(x'7b80' AS TEXT) WHERE seq = 4")
        .await;
    let b = the_break(verify_store(&store).await);
    assert_eq!((b.seq, b.code()), (4, "CHAIN_UNREADABLE"), "{b}");
    let fast = verify_fast(&store).await.unwrap_err();
    assert_eq!((fast.seq, fast.code()), (4, "CHAIN_UNREADABLE"), "{fast}");

    // The fast path reads the entries before it, then names it too.
    let record = SqliteRecord::open(&store.location, OpenMode::MustExist)
        .await
        .unwrap();
    assert_eq!(record.read_raw(1, 10).await.unwrap().len(), 3);
    let err = record.read_raw(4, 10).await.unwrap_err();
    assert_eq!(
        err,
        RecordError::Damaged {
            seq: 4,
            detail: err_detail(&err)
        }
    );
}

fn err_detail(e: &RecordError) -> String {
    match e {
        RecordError::Damaged { detail, .. } => detail.clone(),
        other => panic!("{other:?}"),
    }
}

/// Deployment: on PostgreSQL the database itself keeps `acts` append-only, so changing the
/// record takes disabling a trigger explicitly (as the tests above do), not a plain UPDATE.
#[tokio::test]
async fn postgres_refuses_update_and_delete_of_acts() {
    let Some(store) = Store::new(common::Kind::Postgres).await else {
        return;
    };
    five_entries(&store).await;
    for sql in [
        "UPDATE acts SET act = '{}' WHERE seq = 3",
        "DELETE FROM acts WHERE seq = 5",
        "TRUNCATE acts",
    ] {
        let refused = store.try_exec(sql).await.unwrap_err();
        let message = refused.to_string();
        assert!(message.contains("append-only"), "{sql}: {message}");
    }
    assert_eq!(verify_store(&store).await.unwrap().count, 5);
    // Appends go on as before.
    let record = store.open().await;
    let head = record.head().await.unwrap();
    record.append(&head, vec![protocol(9, 1)]).await.unwrap();
    assert_eq!(verify_record(&record).await.unwrap().count, 6);
    record.close().await;
}

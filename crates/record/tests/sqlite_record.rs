mod common;

use std::sync::Arc;

use common::{create, protocol, raw};
use serde_json::json;
use sqlx::Connection;
use tandoo_record::{
    Hash, Head, NewEntry, OpenMode, Record, RecordError, SqliteRecord, is_valid_instant,
    read_pages, verify_chain, verify_record,
};

#[tokio::test]
async fn append_then_read_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let record = create(&dir.path().join("r.db")).await;
    assert_eq!(record.head().await.unwrap(), Head::EMPTY);

    let first = record
        .append(&Head::EMPTY, vec![protocol(4521, 17397)])
        .await
        .unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].seq, 1);
    assert_eq!(first[0].prev_hash, Hash::GENESIS);
    assert!(
        is_valid_instant(&first[0].recorded_at),
        "{}",
        first[0].recorded_at
    );

    let batch = record
        .append(
            &first[0].head(),
            vec![
                protocol(4522, 100),
                protocol(4523, 200),
                protocol(4524, 300),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        batch.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![2, 3, 4]
    );
    // One call is one moment: the whole batch carries one time, not earlier than before.
    assert!(batch.iter().all(|e| e.recorded_at == batch[0].recorded_at));
    assert!(batch[0].recorded_at >= first[0].recorded_at);
    assert_eq!(batch[0].prev_hash, first[0].hash);
    assert_eq!(record.head().await.unwrap(), batch[2].head());

    let all = record.read(1, 100).await.unwrap();
    let mut expected = first.clone();
    expected.extend(batch.clone());
    assert_eq!(all, expected);
    assert_eq!(all[3].act["note"], json!("Бюллетени пересчитаны"));

    assert_eq!(record.read(3, 1).await.unwrap(), vec![expected[2].clone()]);
    assert!(record.read(5, 10).await.unwrap().is_empty());
    assert!(record.read(1, 0).await.unwrap().is_empty());
    assert!(record.read(u64::MAX, 10).await.unwrap().is_empty());

    let verified = verify_record(&record).await.unwrap();
    assert_eq!(verified.count, 4);
    assert_eq!(verified.head, record.head().await.unwrap());
    assert_eq!(verify_chain(all).unwrap(), verified);
}

#[tokio::test]
async fn a_stale_head_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let record = create(&dir.path().join("r.db")).await;
    let done = record
        .append(&Head::EMPTY, vec![protocol(1, 1), protocol(2, 2)])
        .await
        .unwrap();
    let head = done[1].head();

    // Behind: a writer that has not seen the last append.
    let err = record
        .append(&done[0].head(), vec![protocol(3, 3)])
        .await
        .unwrap_err();
    assert_eq!(
        err,
        RecordError::StaleHead {
            expected: done[0].head(),
            actual: head
        }
    );
    assert_eq!(err.code(), "STALE_HEAD");
    // Right number, wrong hash: a writer that saw a different history.
    let forged = Head {
        seq: 2,
        hash: Hash::of(b"other"),
    };
    assert!(matches!(
        record.append(&forged, vec![protocol(3, 3)]).await,
        Err(RecordError::StaleHead { .. })
    ));
    // Ahead of the record.
    let ahead = Head {
        seq: 9,
        hash: head.hash,
    };
    assert!(matches!(
        record.append(&ahead, vec![protocol(3, 3)]).await,
        Err(RecordError::StaleHead { .. })
    ));
    assert_eq!(record.head().await.unwrap(), head);
    assert_eq!(record.read(1, 10).await.unwrap(), done);
}

#[tokio::test]
async fn a_batch_with_one_bad_entry_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let record = create(&dir.path().join("r.db")).await;
    let start = record
        .append(&Head::EMPTY, vec![protocol(1, 1)])
        .await
        .unwrap()[0]
        .head();

    let mut float_act = protocol(3, 3);
    float_act.act["figures"]["turnout"] = json!(0.61);
    let err = record
        .append(&start, vec![protocol(2, 2), float_act])
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NOT_CANONICAL");
    assert_eq!(
        err.to_string(),
        "entry 2 of the batch cannot be recorded: the number 0.61 at /act/figures/turnout is not an integer; acts carry whole numbers only; nothing was written"
    );

    let mut big = protocol(3, 3);
    big.actor = json!({"id": 9_007_199_254_740_993_u64});
    let err = record.append(&start, vec![big]).await.unwrap_err();
    assert!(err.to_string().contains("/actor/id"), "{err}");

    let mut bad_date = protocol(3, 3);
    bad_date.legal_date = "2026-02-30".into();
    let err = record
        .append(&start, vec![protocol(2, 2), protocol(2, 2), bad_date])
        .await
        .unwrap_err();
    assert_eq!(
        err,
        RecordError::BadDate {
            index: 2,
            value: "2026-02-30".into()
        }
    );
    assert_eq!(err.code(), "BAD_DATE");

    assert_eq!(record.head().await.unwrap(), start);
    assert_eq!(record.read(1, 10).await.unwrap().len(), 1);
    // The record still takes good entries at the same head afterwards.
    let next = record.append(&start, vec![protocol(2, 2)]).await.unwrap();
    assert_eq!(next[0].seq, 2);
}

#[tokio::test]
async fn an_empty_append_checks_the_head_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let record = create(&dir.path().join("r.db")).await;
    assert!(
        record
            .append(&Head::EMPTY, vec![])
            .await
            .unwrap()
            .is_empty()
    );
    let stale = Head {
        seq: 1,
        hash: Hash::GENESIS,
    };
    assert!(matches!(
        record.append(&stale, vec![]).await,
        Err(RecordError::StaleHead { .. })
    ));
    assert_eq!(record.head().await.unwrap(), Head::EMPTY);
}

#[tokio::test]
async fn entries_are_visible_to_a_fresh_connection_once_append_returns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let record = create(&path).await;
    let done = record
        .append(&Head::EMPTY, vec![protocol(1, 1), protocol(2, 2)])
        .await
        .unwrap();

    // Without closing the writer: another connection (as another process would) sees it.
    let mut conn = raw(&path).await;
    let (count, last): (i64, String) = sqlx::query_as("SELECT count(*), max(hash) FROM acts")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    assert_eq!(count, 2);
    assert!(last == done[0].hash.to_hex() || last == done[1].hash.to_hex());

    let other = SqliteRecord::open(&path, OpenMode::MustExist)
        .await
        .unwrap();
    assert_eq!(other.head().await.unwrap(), done[1].head());
    assert_eq!(other.record_id(), record.record_id());
    other.close().await;

    // And after the first handle is gone, everything is still there.
    let id = record.record_id().to_string();
    record.close().await;
    let reopened = SqliteRecord::open(&path, OpenMode::MustExist)
        .await
        .unwrap();
    assert_eq!(reopened.record_id(), id);
    assert_eq!(reopened.read(1, 10).await.unwrap(), done);
}

#[tokio::test]
async fn the_durability_settings_are_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let record = create(&path).await;
    record
        .append(&Head::EMPTY, vec![protocol(1, 1)])
        .await
        .unwrap();
    // journal_mode is persistent in the file; WAL leaves its log beside it.
    let mut conn = raw(&path).await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    assert_eq!(mode, "wal");
    assert!(dir.path().join("r.db-wal").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_serialise_and_the_chain_holds() {
    let dir = tempfile::tempdir().unwrap();
    let record = Arc::new(create(&dir.path().join("r.db")).await);
    let mut tasks = Vec::new();
    for writer in 0..8u64 {
        let record = Arc::clone(&record);
        tasks.push(tokio::spawn(async move {
            let mut stale = 0;
            for i in 0..10u64 {
                // Read the head, decide, append; on a stale head, read again and retry —
                // the loop every caller of the record runs.
                loop {
                    let head = record.head().await.unwrap();
                    match record
                        .append(&head, vec![protocol(writer * 100 + i, i)])
                        .await
                    {
                        Ok(_) => break,
                        Err(RecordError::StaleHead { .. }) => stale += 1,
                        Err(e) => panic!("{e}"),
                    }
                }
            }
            stale
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let verified = verify_record(record.as_ref()).await.unwrap();
    assert_eq!(verified.count, 80);
    let stations: std::collections::BTreeSet<u64> = record
        .read(1, 1000)
        .await
        .unwrap()
        .iter()
        .map(|e| e.act["station"].as_u64().unwrap())
        .collect();
    assert_eq!(stations.len(), 80, "every act landed exactly once");
}

#[tokio::test]
async fn two_handles_on_one_file_cannot_both_extend_the_same_head() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let a = create(&path).await;
    let b = SqliteRecord::open(&path, OpenMode::MustExist)
        .await
        .unwrap();
    let head = b.head().await.unwrap();
    a.append(&head, vec![protocol(1, 1)]).await.unwrap();
    assert!(matches!(
        b.append(&head, vec![protocol(2, 2)]).await,
        Err(RecordError::StaleHead { .. })
    ));
    let now = b.head().await.unwrap();
    assert_eq!(now.seq, 1);
    b.append(&now, vec![protocol(2, 2)]).await.unwrap();
    assert_eq!(verify_record(&a).await.unwrap().count, 2);
}

#[tokio::test]
async fn pages_cover_the_record_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let record = create(&dir.path().join("r.db")).await;
    let entries: Vec<NewEntry> = (1..=25).map(|i| protocol(i, i)).collect();
    record.append(&Head::EMPTY, entries).await.unwrap();
    let mut pages = read_pages(&record, 1, 7);
    let mut sizes = Vec::new();
    let mut seqs = Vec::new();
    while let Some(page) = pages.next_page().await.unwrap() {
        sizes.push(page.len());
        seqs.extend(page.iter().map(|e| e.seq));
    }
    assert_eq!(sizes, vec![7, 7, 7, 4]);
    assert_eq!(seqs, (1..=25).collect::<Vec<u64>>());
    assert!(pages.next_page().await.unwrap().is_none());
    let mut from_middle = read_pages(&record, 20, 100);
    assert_eq!(from_middle.next_page().await.unwrap().unwrap().len(), 6);
}

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

#[tokio::test]
async fn recorded_time_never_goes_backwards() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let record = create(&path).await;
    record
        .append(&Head::EMPTY, vec![protocol(1, 1)])
        .await
        .unwrap();
    // As if the clock had been set back after entry 1: its time now lies ahead of ours.
    common::raw_exec(
        &path,
        "UPDATE acts SET recorded_at = '2999-01-01T00:00:00.000Z' WHERE seq = 1",
    )
    .await;
    let head = record.head().await.unwrap();
    let done = record.append(&head, vec![protocol(2, 2)]).await.unwrap();
    assert_eq!(done[0].recorded_at, "2999-01-01T00:00:00.000Z");
}

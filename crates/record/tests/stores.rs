//! What every store must do, run against each: the SQLite file and the PostgreSQL database
//! (when `TANDOO_TEST_POSTGRES` names a server; see `common::Store`).

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Kind, Store, protocol};
use serde_json::json;
use tandoo_record::{
    AnyRecord, Hash, Head, NewEntry, RawEntry, Record, RecordError, is_valid_instant, read_pages,
    verify_chain, verify_record,
};

on_both_stores!(
    append_then_read_round_trips,
    a_stale_head_is_refused_and_nothing_is_written,
    a_batch_with_one_bad_entry_writes_nothing,
    an_empty_append_checks_the_head_and_writes_nothing,
    entries_are_visible_to_another_handle_once_append_returns,
    concurrent_writers_on_two_handles_serialise_and_the_chain_holds,
    two_handles_cannot_both_extend_the_same_head,
    pages_cover_the_record_exactly_once,
    recorded_time_never_goes_backwards,
    appends_are_durable_before_they_return,
    another_handle_hears_of_an_append_within_a_second,
    a_large_batch_is_one_append,
    an_append_following_sees_what_others_appended_and_never_forks,
    concurrent_appends_following_never_meet_a_stale_head,
    m6_an_append_following_a_head_the_record_no_longer_ends_at_is_refused,
);

/// M6: a writer that acknowledged entry 3 with one hash, on a record that now ends at entry
/// 3 with another (an older copy put back, then written to), must not append after it.
async fn m6_an_append_following_a_head_the_record_no_longer_ends_at_is_refused(store: Store) {
    let record = store.create().await;
    let mut head = Head::EMPTY;
    for i in 0..3 {
        head = record.append(&head, vec![protocol(i, i)]).await.unwrap()[0].head();
    }
    let acknowledged = Head {
        seq: 3,
        hash: Hash::of(b"the entry 3 this writer acknowledged"),
    };
    let error = record
        .append_following(&acknowledged, |_| Some(vec![protocol(9, 9)]))
        .await
        .unwrap_err();
    assert!(
        matches!(error, RecordError::StaleHead { actual, .. } if actual == head),
        "{error}"
    );
    assert_eq!(record.head().await.unwrap(), head, "nothing was written");
    record.close().await;
}

async fn append_then_read_round_trips(store: Store) {
    let record = store.create().await;
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

    // The stored texts are the canonical texts that were hashed.
    let raw = record.read_raw(1, 100).await.unwrap();
    let from_values: Vec<RawEntry> = all
        .iter()
        .map(|e| RawEntry::from_entry(e).unwrap())
        .collect();
    assert_eq!(raw, from_values);
    assert!(record.read_raw(5, 10).await.unwrap().is_empty());

    let verified = verify_record(&record).await.unwrap();
    assert_eq!(verified.count, 4);
    assert_eq!(verified.head, record.head().await.unwrap());
    assert_eq!(verify_chain(all).unwrap(), verified);
    record.close().await;
}

async fn a_stale_head_is_refused_and_nothing_is_written(store: Store) {
    let record = store.create().await;
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
    record.close().await;
}

async fn a_batch_with_one_bad_entry_writes_nothing(store: Store) {
    let record = store.create().await;
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
    record.close().await;
}

async fn an_empty_append_checks_the_head_and_writes_nothing(store: Store) {
    let record = store.create().await;
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
    record.close().await;
}

async fn entries_are_visible_to_another_handle_once_append_returns(store: Store) {
    let record = store.create().await;
    let done = record
        .append(&Head::EMPTY, vec![protocol(1, 1), protocol(2, 2)])
        .await
        .unwrap();

    // Without closing the writer: another handle (as another process would) sees it.
    let other = store.open().await;
    assert_eq!(other.head().await.unwrap(), done[1].head());
    assert_eq!(other.record_id(), record.record_id());
    other.close().await;

    // And after the first handle is gone, everything is still there.
    let id = record.record_id().to_string();
    record.close().await;
    let reopened = store.open().await;
    assert_eq!(reopened.record_id(), id);
    assert_eq!(reopened.read(1, 10).await.unwrap(), done);
    reopened.close().await;
}

async fn concurrent_writers_on_two_handles_serialise_and_the_chain_holds(store: Store) {
    // Two handles, as two servers sharing one record would have.
    let handles = [Arc::new(store.create().await), Arc::new(store.open().await)];
    let mut tasks = Vec::new();
    for writer in 0..8u64 {
        let record = Arc::clone(&handles[(writer % 2) as usize]);
        tasks.push(tokio::spawn(async move {
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
                        Err(RecordError::StaleHead { .. }) => {}
                        Err(e) => panic!("{e}"),
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    for record in &handles {
        let verified = verify_record(record.as_ref()).await.unwrap();
        assert_eq!(verified.count, 80, "nothing lost");
        let stations: std::collections::BTreeSet<u64> = record
            .read(1, 1000)
            .await
            .unwrap()
            .iter()
            .map(|e| e.act["station"].as_u64().unwrap())
            .collect();
        assert_eq!(stations.len(), 80, "every act landed exactly once");
    }
}

async fn two_handles_cannot_both_extend_the_same_head(store: Store) {
    let a = store.create().await;
    let b = store.open().await;
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
    a.close().await;
    b.close().await;
}

async fn pages_cover_the_record_exactly_once(store: Store) {
    let record = store.create().await;
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
    let mut raw = tandoo_record::read_raw_pages(&record, 1, 10);
    let mut count = 0;
    while let Some(page) = raw.next_page().await.unwrap() {
        count += page.len();
    }
    assert_eq!(count, 25);
    record.close().await;
}

async fn recorded_time_never_goes_backwards(store: Store) {
    let record = store.create().await;
    record
        .append(&Head::EMPTY, vec![protocol(1, 1)])
        .await
        .unwrap();
    // As if the clock had been set back after entry 1: its time now lies ahead of ours.
    store
        .tamper("UPDATE acts SET recorded_at = '2999-01-01T00:00:00.000Z' WHERE seq = 1")
        .await;
    let head = record.head().await.unwrap();
    let done = record.append(&head, vec![protocol(2, 2)]).await.unwrap();
    assert_eq!(done[0].recorded_at, "2999-01-01T00:00:00.000Z");
    record.close().await;
}

async fn appends_are_durable_before_they_return(store: Store) {
    let record = store.create().await;
    record
        .append(&Head::EMPTY, vec![protocol(1, 1)])
        .await
        .unwrap();
    match store.kind {
        Kind::Sqlite => {
            // journal_mode is persistent in the file; WAL leaves its log beside it.
            let path = std::path::Path::new(&store.location);
            let mut conn = common::raw(path).await;
            let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
                .fetch_one(&mut conn)
                .await
                .unwrap();
            assert_eq!(mode, "wal");
            assert!(path.with_extension("sqlite-wal").exists());
        }
        Kind::Postgres => {
            // Even where the database's default says otherwise, the record's own
            // connections commit synchronously.
            let database = store.database_name().unwrap();
            store
                .exec(&format!(
                    "ALTER DATABASE {database} SET synchronous_commit = off"
                ))
                .await;
            let fresh = store.open().await;
            let AnyRecord::Postgres(pg) = &fresh else {
                panic!("a postgres:// location opens the PostgreSQL store")
            };
            assert_eq!(pg.synchronous_commit().await.unwrap(), "on");
            fresh.close().await;
        }
    }
    record.close().await;
}

async fn another_handle_hears_of_an_append_within_a_second(store: Store) {
    let writer = store.create().await;
    let follower = store.open().await;
    let Some(mut listener) = follower.listen().await.unwrap() else {
        assert_eq!(store.kind, Kind::Sqlite, "only SQLite has no notices");
        return;
    };
    let done = writer
        .append(&Head::EMPTY, vec![protocol(1, 1), protocol(2, 2)])
        .await
        .unwrap();
    let heard = tokio::time::timeout(Duration::from_secs(1), listener.next())
        .await
        .expect("a notice within a second")
        .unwrap();
    assert_eq!(heard, Some(2));
    assert_eq!(follower.head().await.unwrap(), done[1].head());
    // A refused append announces nothing.
    assert!(
        writer
            .append(&Head::EMPTY, vec![protocol(3, 3)])
            .await
            .is_err()
    );
    assert!(
        tokio::time::timeout(Duration::from_millis(300), listener.next())
            .await
            .is_err()
    );
    drop(listener);
    writer.close().await;
    follower.close().await;
}

async fn a_large_batch_is_one_append(store: Store) {
    let record = store.create().await;
    let batch: Vec<NewEntry> = (1..=1000).map(|i| protocol(i, i)).collect();
    let done = record.append(&Head::EMPTY, batch).await.unwrap();
    assert_eq!(done.len(), 1000);
    assert!(done.iter().all(|e| e.recorded_at == done[0].recorded_at));
    assert_eq!(verify_record(&record).await.unwrap().head, done[999].head());
    record.close().await;
}

async fn an_append_following_sees_what_others_appended_and_never_forks(store: Store) {
    let a = store.create().await;
    let b = store.open().await;
    let known = b.head().await.unwrap();
    a.append(&known, vec![protocol(1, 1)]).await.unwrap();
    // b still believes the record is empty: it is shown what a appended, then appends after it.
    let appended = b
        .append_following(&known, |following| {
            assert_eq!(following.len(), 1);
            assert_eq!(following[0].seq, 1);
            Some(vec![protocol(2, 2)])
        })
        .await
        .unwrap();
    assert_eq!(appended[0].seq, 2);
    let given_up = b.append_following(&b.head().await.unwrap(), |_| None).await;
    assert!(matches!(given_up, Err(RecordError::Abandoned)));
    assert_eq!(verify_record(&a).await.unwrap().count, 2);
    a.close().await;
    b.close().await;
}

async fn concurrent_appends_following_never_meet_a_stale_head(store: Store) {
    let handles = [Arc::new(store.create().await), Arc::new(store.open().await)];
    let mut tasks = Vec::new();
    for writer in 0..6u64 {
        let record = Arc::clone(&handles[(writer % 2) as usize]);
        tasks.push(tokio::spawn(async move {
            let mut known = Head::EMPTY;
            let mut stale = 0;
            for i in 0..10u64 {
                match record
                    .append_following(&known, |following| {
                        Some(vec![protocol(writer * 100 + i, following.len() as u64)])
                    })
                    .await
                {
                    Ok(appended) => known = appended[0].head(),
                    Err(RecordError::StaleHead { .. }) => {
                        stale += 1;
                        known = record.head().await.unwrap();
                    }
                    Err(e) => panic!("{e}"),
                }
            }
            stale
        }));
    }
    let mut stale = 0;
    for t in tasks {
        stale += t.await.unwrap();
    }
    let count = verify_record(handles[0].as_ref()).await.unwrap().count;
    assert_eq!(
        count + stale,
        60,
        "every append landed once, or was refused as stale"
    );
    if store.kind == Kind::Postgres {
        assert_eq!(
            stale, 0,
            "the head stays locked from the catch-up to the commit"
        );
    }
}

/// An unreachable PostgreSQL server is said to be so, and
/// where, within seconds — not "pool timed out" after half a minute.
#[tokio::test]
async fn an_unreachable_postgres_server_is_named_within_five_seconds() {
    let started = std::time::Instant::now();
    let err = AnyRecord::open(
        "postgres://tandoo@127.0.0.1:1/election",
        tandoo_record::OpenMode::MustExist,
    )
    .await
    .unwrap_err();
    let waited = started.elapsed();
    assert_eq!(err.code(), "RECORD_UNREACHABLE", "{err}");
    assert!(err.to_string().contains("127.0.0.1:1"), "{err}");
    assert!(waited < std::time::Duration::from_secs(7), "{waited:?}");
}

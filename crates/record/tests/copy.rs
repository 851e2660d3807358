//! Importing entries as they are, and copying a record between stores: the copy keeps every
//! number, time, text and hash, and the record's identity.

mod common;

use common::{Kind, Store, protocol};
use tandoo_record::{
    AnyRecord, CopyError, Head, NewEntry, OpenMode, RawEntry, Record, RecordError, copy_record,
    verify_record,
};

on_both_stores!(
    import_writes_entries_as_they_are_and_checks_them,
    a_record_copies_to_sqlite_and_back,
    a_record_copies_to_postgres_and_back,
);

async fn filled(store: &Store, n: u64) -> (AnyRecord, Vec<RawEntry>) {
    let record = store.create().await;
    let mut head = Head::EMPTY;
    for chunk in (1..=n).collect::<Vec<_>>().chunks(7) {
        let batch: Vec<NewEntry> = chunk.iter().map(|&i| protocol(i, i * 3)).collect();
        head = record
            .append(&head, batch)
            .await
            .unwrap()
            .last()
            .unwrap()
            .head();
    }
    let raw = record.read_raw(1, 10_000).await.unwrap();
    (record, raw)
}

async fn import_writes_entries_as_they_are_and_checks_them(store: Store) {
    let source_store = Store::new(Kind::Sqlite).await.unwrap();
    let (source, entries) = filled(&source_store, 20).await;
    let dest = store.create().await;

    // Out of order, forged or not continuing: refused, nothing written.
    let mut forged = entries[..3].to_vec();
    forged[1].act = forged[1].act.replace("\"votes\":6", "\"votes\":7");
    let err = dest.import(&Head::EMPTY, forged).await.unwrap_err();
    assert_eq!(err.code(), "IMPORT_REFUSED");
    assert!(
        matches!(err, RecordError::ImportRefused { seq: 2, .. }),
        "{err}"
    );
    let err = dest
        .import(&Head::EMPTY, entries[1..3].to_vec())
        .await
        .unwrap_err();
    assert!(
        matches!(err, RecordError::ImportRefused { seq: 2, .. }),
        "{err}"
    );
    // A text that hashes right but is not canonical cannot be written: it would not read
    // back as the entry it claims to be.
    let mut spaced = entries[..1].to_vec();
    spaced[0].act = spaced[0].act.replace(':', ": ");
    let mut buf = String::new();
    spaced[0].hash = spaced[0].compute_hash_with(&mut buf).unwrap();
    let err = dest.import(&Head::EMPTY, spaced).await.unwrap_err();
    assert!(err.to_string().contains("canonical form"), "{err}");
    assert_eq!(dest.head().await.unwrap(), Head::EMPTY);

    // In two batches, as they are.
    let middle = dest
        .import(&Head::EMPTY, entries[..12].to_vec())
        .await
        .unwrap();
    assert_eq!(middle, entries[11].head());
    let err = dest
        .import(&Head::EMPTY, entries[12..].to_vec())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "STALE_HEAD");
    let end = dest.import(&middle, entries[12..].to_vec()).await.unwrap();
    assert_eq!(end, source.head().await.unwrap());
    assert_eq!(dest.read_raw(1, 100).await.unwrap(), entries);
    assert_eq!(
        dest.read(1, 100).await.unwrap(),
        source.read(1, 100).await.unwrap()
    );
    assert_eq!(verify_record(&dest).await.unwrap().head, end);
    // Appending goes on from the imported head.
    let next = dest.append(&end, vec![protocol(99, 1)]).await.unwrap();
    assert_eq!(next[0].seq, 21);
    assert_eq!(next[0].prev_hash, end.hash);

    // A record holding acts keeps its identity.
    let identity = source.identity().clone();
    let err = dest.adopt_identity(&identity).await.unwrap_err();
    assert_eq!(err.code(), "STALE_HEAD");
    source.close().await;
}

async fn copy_between(from: &Store, to: &Store) {
    let (source, entries) = filled(from, 30).await;
    let dest = to.create().await;
    let mut seen = Vec::new();
    let (dest, verified) = copy_record(&source, dest, |seq| seen.push(seq))
        .await
        .unwrap();
    assert_eq!(verified.count, 30);
    assert_eq!(verified.head, source.head().await.unwrap());
    assert_eq!(seen.last(), Some(&30));
    assert_eq!(dest.read_raw(1, 100).await.unwrap(), entries);
    assert_eq!(dest.identity(), source.identity());
    dest.close().await;
    // The identity is kept in the store, not only in the handle.
    let reopened = to.open().await;
    assert_eq!(reopened.identity(), source.identity());

    // A destination holding acts is refused.
    let err = copy_record(&source, reopened, |_| {}).await.unwrap_err();
    assert!(matches!(err, CopyError::NotEmpty { .. }), "{err}");
    assert_eq!(err.code(), "DESTINATION_NOT_EMPTY");
    source.close().await;
}

/// From the store under test into a SQLite file, and from a SQLite file into it.
async fn a_record_copies_to_sqlite_and_back(store: Store) {
    let sqlite = Store::new(Kind::Sqlite).await.unwrap();
    copy_between(&store, &sqlite).await;
    let sqlite_source = Store::new(Kind::Sqlite).await.unwrap();
    let target = Store::new(store.kind).await.unwrap();
    copy_between(&sqlite_source, &target).await;
}

/// From the store under test into a PostgreSQL database, and back.
async fn a_record_copies_to_postgres_and_back(store: Store) {
    let Some(postgres) = Store::new(Kind::Postgres).await else {
        return;
    };
    copy_between(&store, &postgres).await;
    let Some(postgres_source) = Store::new(Kind::Postgres).await else {
        return;
    };
    let target = Store::new(store.kind).await.unwrap();
    copy_between(&postgres_source, &target).await;
}

#[tokio::test]
async fn a_broken_source_is_not_copied_past_the_break() {
    let from = Store::new(Kind::Sqlite).await.unwrap();
    let (source, _) = filled(&from, 20).await;
    source.close().await;
    from.tamper(
        "UPDATE acts SET act = replace(act, '\"votes\":30', '\"votes\":31') WHERE seq = 10",
    )
    .await;
    let source = from.open().await;
    let to = Store::new(Kind::Sqlite).await.unwrap();
    let err = copy_record(&source, to.create().await, |_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            CopyError::Source(RecordError::ImportRefused { seq: 10, .. })
        ),
        "{err}"
    );
    let copy = AnyRecord::open(&to.location, OpenMode::MustExist)
        .await
        .unwrap();
    assert_eq!(copy.head().await.unwrap(), Head::EMPTY, "one page: nothing");
}

//! Faults in and around the store, and one bad submission among good ones: H5, M1 (the
//! ledger's side), M5 and M6 of the December 2026 hostile test.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;
use tandoo_core::Submission;
use tandoo_ledger::{Halt, Ledger, Service, SubmitError, Unavailable};
use tandoo_record::{
    Entry, Head, NewEntry, OpenMode, RawEntry, Record, RecordError, SqliteRecord, verify_record,
};

/// A store around a real one that can refuse marked entries, be out of reach, or be slow.
#[derive(Debug)]
struct Faulty {
    inner: SqliteRecord,
    down: AtomicBool,
    slow: AtomicBool,
}

/// Acts holding this text are refused by [`Faulty`] as entries it cannot store.
const UNSTORABLE: &str = "unstorable";

impl Faulty {
    fn outage(&self) -> Result<(), RecordError> {
        if self.down.load(Ordering::SeqCst) {
            return Err(RecordError::Store {
                action: "reaching the database",
                detail: "connection refused".into(),
            });
        }
        Ok(())
    }
}

impl Record for Faulty {
    async fn head(&self) -> Result<Head, RecordError> {
        self.outage()?;
        self.inner.head().await
    }

    async fn append(
        &self,
        expected: &Head,
        entries: Vec<NewEntry>,
    ) -> Result<Vec<Entry>, RecordError> {
        if self.slow.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(1_500)).await;
        }
        self.outage()?;
        if let Some(index) = entries
            .iter()
            .position(|e| e.act.to_string().contains(UNSTORABLE))
        {
            return Err(RecordError::BadDate {
                index,
                value: entries[index].legal_date.clone(),
            });
        }
        self.inner.append(expected, entries).await
    }

    async fn read(&self, from: u64, limit: usize) -> Result<Vec<Entry>, RecordError> {
        self.outage()?;
        self.inner.read(from, limit).await
    }

    async fn read_raw(&self, from: u64, limit: usize) -> Result<Vec<RawEntry>, RecordError> {
        self.outage()?;
        self.inner.read_raw(from, limit).await
    }
}

/// A record holding the story's set-up (the CEC, the constituencies, election E1).
async fn set_up(path: &std::path::Path) {
    let record = SqliteRecord::open(path, OpenMode::CreateIfMissing)
        .await
        .unwrap();
    let mut ledger = Ledger::open(record).await.unwrap();
    ledger
        .submit_all(&tandoo_demo::story()[0].submissions)
        .await
        .unwrap();
    ledger.into_record().close().await;
}

async fn faulty(path: &std::path::Path) -> Arc<Service<Faulty>> {
    let inner = SqliteRecord::open(path, OpenMode::MustExist).await.unwrap();
    let record = Faulty {
        inner,
        down: AtomicBool::new(false),
        slow: AtomicBool::new(false),
    };
    Arc::new(Service::start(record).await.unwrap())
}

/// A valid command anyone holding the CEC secretary's role may give again and again.
fn meeting(date: &str, item: &str) -> Submission {
    serde_json::from_value(json!({
        "date": date,
        "actor": {"user": "cec.secretary", "role": "secretary", "commission": "CEC"},
        "command": {"type": "hold_meeting", "commission": "CEC", "present": ["shainazarov"],
                    "agenda": [item]},
    }))
    .unwrap()
}

/// Submits `valid` from one task while `flood` is sent, over and over, from three others;
/// returns the answers to the valid ones.
async fn flood_while_submitting<R: Record + 'static>(
    service: &Arc<Service<R>>,
    flood: Submission,
    valid: Vec<Submission>,
) -> (Vec<Result<(), SubmitError>>, Vec<SubmitError>) {
    let done = Arc::new(AtomicBool::new(false));
    let flooders: Vec<_> = (0..3)
        .map(|_| {
            let (service, flood, done) = (service.clone(), flood.clone(), done.clone());
            tokio::spawn(async move {
                let mut answers = Vec::new();
                while !done.load(Ordering::SeqCst) {
                    answers.push(service.submit(flood.clone()).await.unwrap_err());
                }
                answers
            })
        })
        .collect();
    let submitters: Vec<_> = valid
        .into_iter()
        .map(|submission| {
            let service = service.clone();
            tokio::spawn(async move { service.submit(submission).await.map(|_| ()) })
        })
        .collect();
    let mut answers = Vec::new();
    for task in submitters {
        answers.push(task.await.unwrap());
    }
    done.store(true, Ordering::SeqCst);
    let mut refused = Vec::new();
    for task in flooders {
        refused.extend(task.await.unwrap());
    }
    (answers, refused)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn h5_a_store_refusing_one_submission_of_a_batch_fails_only_that_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    set_up(&path).await;
    let service = faulty(&path).await;
    let before = service.head().await.seq;
    let valid: Vec<_> = (0..200)
        .map(|i| meeting("2025-12-01", &format!("item {i}")))
        .collect();
    let (answers, refused) =
        flood_while_submitting(&service, meeting("2025-12-01", UNSTORABLE), valid).await;

    let failed: Vec<_> = answers.iter().filter_map(|a| a.as_ref().err()).collect();
    assert!(failed.is_empty(), "valid commands failed: {failed:?}");
    assert!(!refused.is_empty());
    for error in &refused {
        assert!(
            matches!(error, SubmitError::Defect(d) if d.code() == "ACT_NOT_STORABLE"),
            "{error}"
        );
    }
    let head = service.head().await.seq;
    assert_eq!(head, before + 200, "every valid command and nothing else");
    assert_eq!(verify_record(service.record()).await.unwrap().count, head);
    assert_eq!(service.read(|state| state.seq).await, head);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn h5_an_account_flooding_bad_dates_and_refused_commands_never_stops_valid_commands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    set_up(&path).await;
    let service = Arc::new(
        Service::start(
            SqliteRecord::open(&path, OpenMode::MustExist)
                .await
                .unwrap(),
        )
        .await
        .unwrap(),
    );
    let before = service.head().await.seq;
    // A date no store keeps never becomes a submission: it is refused where it is read.
    let year_zero = json!({
        "date": "0000-01-01",
        "actor": {"user": "dec13.operator1", "role": "operator", "commission": "DEC-13"},
        "command": {"type": "record_preliminary_figures", "election": "E1", "station": 13001,
                    "constituency": 13, "figures": {"against_all": 1}},
    });
    assert!(serde_json::from_value::<Submission>(year_zero).is_err());
    // What reaches the ledger is a flood the rules refuse (an election that does not exist).
    let flood: Submission = serde_json::from_value(json!({
        "date": "2199-12-31",
        "actor": {"user": "dec13.operator1", "role": "operator", "commission": "DEC-13"},
        "command": {"type": "record_preliminary_figures", "election": "NO-SUCH", "station": 13001,
                    "constituency": 13, "figures": {"against_all": 1}},
    }))
    .unwrap();
    let valid: Vec<_> = (0..200)
        .map(|i| meeting("2025-12-01", &format!("item {i}")))
        .collect();
    let (answers, refused) = flood_while_submitting(&service, flood, valid).await;

    let failed: Vec<_> = answers.iter().filter_map(|a| a.as_ref().err()).collect();
    assert!(failed.is_empty(), "valid commands failed: {failed:?}");
    // Refused by the rules or, while they accept the date, as a defect: never written.
    for error in &refused {
        assert!(
            !matches!(error, SubmitError::Unavailable(_)),
            "the flood made the record unavailable: {error}"
        );
    }
    let head = service.head().await.seq;
    assert_eq!(head, before + 200);
    assert_eq!(verify_record(service.record()).await.unwrap().count, head);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn m5_during_an_outage_readers_keep_the_last_durable_state_and_writes_are_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    set_up(&path).await;
    let service = faulty(&path).await;
    service
        .submit(meeting("2025-12-01", "before"))
        .await
        .unwrap();
    let durable = service.head().await;

    service.record().down.store(true, Ordering::SeqCst);
    for i in 0..3 {
        let error = service
            .submit(meeting("2025-12-01", &format!("during {i}")))
            .await
            .unwrap_err();
        assert_eq!(error.code(), "RECORD_UNAVAILABLE", "{error}");
        assert!(matches!(
            error,
            SubmitError::Unavailable(Unavailable::Store(_))
        ));
    }
    // Never an empty state: the readers still see every durable act.
    assert_eq!(service.read(|state| state.seq).await, durable.seq);
    assert_eq!(service.head().await, durable);
    assert!(service.health().await.halt.is_none());

    service.record().down.store(false, Ordering::SeqCst);
    service
        .submit(meeting("2025-12-01", "after"))
        .await
        .unwrap();
    assert_eq!(service.head().await.seq, durable.seq + 1);
    assert_eq!(service.read(|state| state.seq).await, durable.seq + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn m5_readers_are_not_held_while_a_batch_is_being_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    set_up(&path).await;
    let service = faulty(&path).await;
    let before = service.head().await.seq;
    service.record().slow.store(true, Ordering::SeqCst);
    let writer = {
        let service = service.clone();
        tokio::spawn(async move { service.submit(meeting("2025-12-01", "slow")).await })
    };
    // Let the writer reach the store.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let seen = service.read(|state| state.seq).await;
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_millis(500),
        "a read waited {waited:?}"
    );
    assert_eq!(
        seen, before,
        "the act is not durable yet, so readers do not see it"
    );
    writer.await.unwrap().unwrap();
    assert_eq!(service.read(|state| state.seq).await, before + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn m6_a_record_put_back_behind_the_acknowledged_head_stops_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    set_up(&path).await;
    let service = Service::start(
        SqliteRecord::open(&path, OpenMode::MustExist)
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    let receipt = service.submit(meeting("2025-12-01", "one")).await.unwrap();
    let (acknowledged, hash) = receipt.entries[0];

    // The acknowledged act disappears from the store, as when an older copy is put back.
    remove_last_act(&path).await;

    let error = service
        .submit(meeting("2025-12-01", "two"))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, SubmitError::Unavailable(Unavailable::Halted(Halt::Behind { acknowledged: a, .. })) if a.seq == acknowledged && a.hash == hash),
        "{error}"
    );
    // Never the same number with another hash.
    assert_eq!(service.record().head().await.unwrap().seq, acknowledged - 1);
    let health = service.health().await;
    assert_eq!(
        health.halt.as_ref().map(|h| h.code()),
        Some("RECORD_BEHIND")
    );
    // It stays stopped.
    let error = service
        .submit(meeting("2025-12-01", "three"))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "RECORD_UNAVAILABLE");
    assert_eq!(service.record().head().await.unwrap().seq, acknowledged - 1);
}

async fn remove_last_act(path: &std::path::Path) {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    sqlx::query("DELETE FROM acts WHERE seq = (SELECT max(seq) FROM acts)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
}

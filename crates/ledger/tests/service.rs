//! The ledger service: concurrent submissions are recorded durably, each exactly once, and
//! refusals record nothing.

use tandoo_core::Submission;
use tandoo_core::command::{EnterProtocol, SettleProtocol};
use tandoo_ledger::{Service, SubmitError};
use tandoo_record::{OpenMode, SqliteRecord, verify_record};

fn story_submissions() -> Vec<Submission> {
    tandoo_demo::story()
        .into_iter()
        .take(2)
        .flat_map(|step| step.submissions)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_submissions_are_each_recorded_once_in_group_commits() {
    use std::collections::BTreeMap;
    use tandoo_core::Command;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    let service = Service::start(
        SqliteRecord::open(&path, OpenMode::CreateIfMissing)
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    let story = tandoo_demo::story();
    for submission in &story[0].submissions {
        service.submit(submission.clone()).await.unwrap();
    }
    // Election night: every station's entries in order, all stations at once.
    let mut by_station: BTreeMap<u32, Vec<Submission>> = BTreeMap::new();
    for submission in &story[1].submissions {
        let station = match &submission.command {
            Command::EnterProtocol(EnterProtocol { station, .. })
            | Command::SettleProtocol(SettleProtocol { station, .. }) => station.0,
            other => panic!("unexpected {other:?}"),
        };
        by_station
            .entry(station)
            .or_default()
            .push(submission.clone());
    }
    let stations = by_station.len();
    let tasks: Vec<_> = by_station
        .into_values()
        .map(|submissions| {
            let service = service.clone();
            tokio::spawn(async move {
                let mut seqs = Vec::new();
                for submission in submissions {
                    let receipt = service.submit(submission).await.unwrap();
                    seqs.extend(receipt.entries.iter().map(|(seq, _)| *seq));
                }
                seqs
            })
        })
        .collect();
    let mut seqs = Vec::new();
    for task in tasks {
        seqs.extend(task.await.unwrap());
    }
    let setup = story[0].submissions.len() as u64;
    seqs.sort_unstable();
    let count = seqs.len();
    seqs.dedup();
    assert_eq!(seqs.len(), count, "no act acknowledged twice");
    assert_eq!(
        seqs,
        ((setup + 1)..=(setup + count as u64)).collect::<Vec<_>>(),
        "no gap"
    );
    assert_eq!(stations, 2619);
    assert_eq!(
        count,
        3 * stations,
        "two entries and an acceptance per station"
    );
    let head = service.head().await.seq;
    assert_eq!(head, setup + count as u64);
    assert_eq!(verify_record(service.record()).await.unwrap().count, head);
    let deputies = service
        .read(|state| {
            tandoo_core::national::national_view(state, &tandoo_core::ids::ElectionId::new("E1"))
                .unwrap()
                .seat_count
                .total()
        })
        .await;
    assert_eq!(deputies, 90);

    // A refusal records nothing, and the service goes on.
    let again = story[1].submissions[0].clone();
    let error = service.submit(again).await.unwrap_err();
    assert!(
        matches!(error, SubmitError::Refused(ref r) if r.code() == "PROTOCOL_ALREADY_ACCEPTED"),
        "{error}"
    );
    assert_eq!(service.head().await.seq, head);
}

#[tokio::test]
async fn a_restarted_service_has_every_acknowledged_act() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    let submissions = story_submissions();
    {
        let service = Service::start(
            SqliteRecord::open(&path, OpenMode::CreateIfMissing)
                .await
                .unwrap(),
        )
        .await
        .unwrap();
        for submission in &submissions[..500] {
            service.submit(submission.clone()).await.unwrap();
        }
    }
    let service = Service::start(
        SqliteRecord::open(&path, OpenMode::MustExist)
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(service.head().await.seq, 500);
    assert_eq!(service.read(|state| state.seq).await, 500);
}

#[tokio::test]
async fn a_history_grows_by_what_was_appended_and_gives_the_state_of_any_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let record = SqliteRecord::open(&path, OpenMode::CreateIfMissing)
        .await
        .unwrap();
    let mut ledger = tandoo_ledger::Ledger::open(record).await.unwrap();
    let mut story = tandoo_demo::story();
    let last = story.pop().unwrap();
    for step in story {
        ledger.submit_all(&step.submissions).await.unwrap();
    }
    let mut history = tandoo_ledger::History::read(ledger.record()).await.unwrap();
    assert_eq!(history.head(), ledger.head());
    assert_eq!(history.state(None).unwrap(), *ledger.state());
    let dates = history.dates();
    assert!(dates.windows(2).all(|w| w[0] < w[1]));
    // Nothing appended: nothing earliest.
    assert_eq!(history.extend(ledger.record()).await.unwrap(), None);
    // The last step's acts: the earliest of their dates; the state as of an earlier date
    // stays the one without them.
    let previous = *dates.last().unwrap();
    assert!(previous < last.date);
    let before = history.state(Some(previous)).unwrap();
    ledger.submit_all(&last.submissions).await.unwrap();
    assert_eq!(
        history.extend(ledger.record()).await.unwrap(),
        Some(last.date)
    );
    assert_eq!(history.head(), ledger.head());
    assert_eq!(history.state(None).unwrap(), *ledger.state());
    assert_eq!(history.state(Some(previous)).unwrap(), before);
    assert_eq!(history.dates().last(), Some(&last.date));
}

//! The ledger service: concurrent submissions are recorded durably, each exactly once, and
//! refusals record nothing.

use tandoo_core::Submission;
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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    let service = Service::start(
        SqliteRecord::open(&path, OpenMode::CreateIfMissing)
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    let submissions = story_submissions();
    let (setup, protocols) = submissions.split_at(submissions.len() - 2619);
    for submission in setup {
        service.submit(submission.clone()).await.unwrap();
    }
    // The protocols arrive all at once, as on election night.
    let tasks: Vec<_> = protocols
        .iter()
        .cloned()
        .map(|submission| {
            let service = service.clone();
            tokio::spawn(async move { service.submit(submission).await })
        })
        .collect();
    let mut seqs = Vec::new();
    for task in tasks {
        let receipt = task.await.unwrap().unwrap();
        seqs.extend(receipt.entries.iter().map(|(seq, _)| *seq));
    }
    seqs.sort_unstable();
    seqs.dedup();
    assert_eq!(
        seqs.len(),
        protocols.len(),
        "every protocol recorded exactly once"
    );
    assert_eq!(service.head().await.seq, submissions.len() as u64);
    assert_eq!(
        verify_record(service.record()).await.unwrap().count,
        submissions.len() as u64
    );
    let deputies = service
        .read(|state| {
            tandoo_core::national::national_view(state, &tandoo_core::ids::ElectionId::new("E1"))
                .unwrap()
                .deputies
        })
        .await;
    assert_eq!(deputies, 90);

    // A refusal records nothing, and the service goes on.
    let again = protocols[0].clone();
    let error = service.submit(again).await.unwrap_err();
    assert!(
        matches!(error, SubmitError::Refused(ref r) if r.code() == "PROTOCOL_ALREADY_ACCEPTED"),
        "{error}"
    );
    assert_eq!(service.head().await.seq, submissions.len() as u64);
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

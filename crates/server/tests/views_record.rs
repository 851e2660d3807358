//! The views "as of a date" read the record on the ledger's one path, so an act changed in
//! the store behind the server's back is refused by its hash, not only by its link.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use sqlx::Connection;
use tandoo_ledger::Ledger;
use tandoo_record::{OpenMode, SqliteRecord};
use tandoo_server::{App, Config, ManualClock, router};
use tower::ServiceExt;

async fn status_as_of(app: &App, date: &str) -> (StatusCode, serde_json::Value) {
    let request = Request::get(format!("/api/status?constituency=13&as_of={date}"))
        .body(Body::empty())
        .unwrap();
    let response = router(app.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, serde_json::from_slice(&bytes).unwrap())
}

#[tokio::test]
async fn an_act_changed_in_the_store_is_never_shown_as_of_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    let record = SqliteRecord::open(&path, OpenMode::CreateIfMissing)
        .await
        .unwrap();
    let mut ledger = Ledger::open(record).await.unwrap();
    ledger
        .submit_all(&tandoo_demo::story()[0].submissions)
        .await
        .unwrap();
    ledger.into_record().close().await;

    let clock = ManualClock::starting_at(1_767_225_600);
    let app = App::open_with_clock(&path, Config::default(), Arc::new(clock))
        .await
        .unwrap();
    // The acts verify when the server starts; then someone edits one in the file, leaving
    // its links as they were.
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    let changed =
        sqlx::query("UPDATE acts SET act = replace(act, 'Central', 'Centrel') WHERE seq = 1")
            .execute(&mut conn)
            .await
            .unwrap();
    assert_eq!(changed.rows_affected(), 1);
    conn.close().await.unwrap();

    let (status, body) = status_as_of(&app, "2025-12-31").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    assert_eq!(body["error"]["code"], "INTERNAL");
}

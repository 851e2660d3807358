//! The portal is served from the current publication: same bytes, validators and 304s.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use tandoo_server::{App, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

/// A server over the demo story's record, once its publication has caught up with the head.
async fn demo_app(dir: &TempDir) -> App {
    let app = App::open_with_clock(
        dir.path().join("record.db"),
        Config::default(),
        Arc::new(ManualClock::starting_at(1_772_388_245)),
    )
    .await
    .unwrap();
    for step in tandoo_demo::story() {
        for answer in submit_in_order(app.ledger(), step.submissions).await {
            answer.unwrap();
        }
    }
    let head = app.ledger().head().await.seq;
    for _ in 0..100 {
        if app.publisher().current().head_seq == head {
            return app;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the publication did not reach the head {head} within 5 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_json_is_the_publication_and_answers_304_to_its_etag() {
    let dir = TempDir::new().unwrap();
    let app = demo_app(&dir).await;
    let publication = app.publisher().current();
    let asset = publication
        .file("results.json")
        .expect("results.json is published")
        .clone();
    let routes = router(app);
    let response = routes
        .clone()
        .oneshot(Request::get("/results.json").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()[header::ETAG]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(etag, asset.etag);
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=5"
    );
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    assert_eq!(&body[..], &asset.bytes[..]);

    let again = routes
        .clone()
        .oneshot(
            Request::get("/results.json")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    let missing = routes
        .oneshot(
            Request::get("/results/nowhere.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_open_data_files_are_served_with_their_content_types() {
    let dir = TempDir::new().unwrap();
    let app = demo_app(&dir).await;
    let publication = app.publisher().current();
    let routes = router(app);
    for (path, content_type) in [
        ("/data/stations.csv", "text/csv; charset=utf-8"),
        ("/data/candidates.csv", "text/csv; charset=utf-8"),
        ("/data/nist/results.json", "application/json"),
    ] {
        let response = routes
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()[header::CONTENT_TYPE], content_type);
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let asset = publication.file(path.trim_start_matches('/')).unwrap();
        assert_eq!(&body[..], &asset.bytes[..], "{path}");
    }
}

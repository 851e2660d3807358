//! The portal is served from the current publication: same bytes, validators and 304s.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use tandoo_server::{App, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

#[tokio::test]
async fn results_json_is_the_publication_and_answers_304_to_its_etag() {
    let dir = TempDir::new().unwrap();
    let app = App::open_with_clock(
        dir.path().join("record.db"),
        Config::default(),
        Arc::new(ManualClock::starting_at(1_772_388_245)),
    )
    .await
    .unwrap();
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

//! The portal is served from the current publication: same bytes, validators and 304s.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tandoo_core::Submission;
use tandoo_server::{App, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

/// A server over the demo story's record, once its publication has caught up with the head.
async fn demo_app(dir: &TempDir) -> App {
    let (app, _) = demo_app_but_last(dir, Config::default()).await;
    let last = tandoo_demo::story().pop().unwrap();
    submit_and_publish(&app, last.submissions).await;
    app
}

/// A server over the demo story's record but its last step, published, and that step.
async fn demo_app_but_last(dir: &TempDir, config: Config) -> (App, Vec<Submission>) {
    let app = App::open_with_clock(
        dir.path().join("record.db"),
        config,
        Arc::new(ManualClock::starting_at(1_772_388_245)),
    )
    .await
    .unwrap();
    let mut story = tandoo_demo::story();
    let last = story.pop().unwrap();
    for step in story {
        submit_and_publish(&app, step.submissions).await;
    }
    (app, last.submissions)
}

async fn submit_and_publish(app: &App, submissions: Vec<Submission>) {
    for answer in submit_in_order(app.ledger(), submissions).await {
        answer.unwrap();
    }
    let head = app.ledger().head().await.seq;
    for _ in 0..1200 {
        if app.publisher().current().head_seq == head {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the publication did not reach the head {head} within 60 s");
}

/// The next event of a stream of server-sent events, as its text.
async fn next_event(body: &mut Body) -> String {
    let mut text = String::new();
    while !text.contains("\n\n") {
        let frame = tokio::time::timeout(Duration::from_secs(60), body.frame())
            .await
            .expect("an event within 60 s")
            .expect("the stream goes on")
            .unwrap();
        if let Ok(data) = frame.into_data() {
            text.push_str(std::str::from_utf8(&data).unwrap());
        }
    }
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_events_name_the_current_publication_then_each_new_one() {
    let dir = TempDir::new().unwrap();
    let (app, last) = demo_app_but_last(&dir, Config::default()).await;
    let before = app.publisher().current();
    let response = router(app.clone())
        .oneshot(Request::get("/results/events").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    let mut body = response.into_body();
    let first = next_event(&mut body).await;
    assert!(first.contains("event: publication\n"), "{first}");
    assert!(
        first.contains(&format!("id: {}\n", before.head_seq)),
        "{first}"
    );
    assert!(first.contains(&before.head_hash), "{first}");

    submit_and_publish(&app, last).await;
    let after = app.publisher().current();
    assert!(after.head_seq > before.head_seq);
    let second = next_event(&mut body).await;
    assert!(
        second.contains(&format!("id: {}\n", after.head_seq)),
        "{second}"
    );
    assert!(second.contains(&after.published_at), "{second}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_only_server_has_no_staff_address_and_serves_the_portal() {
    let dir = TempDir::new().unwrap();
    let config = Config {
        public_only: true,
        ..Config::default()
    };
    let (app, _) = demo_app_but_last(&dir, config).await;
    let routes = router(app);
    for (method, path) in [
        ("POST", "/api/session"),
        ("GET", "/api/session"),
        ("POST", "/api/commands"),
    ] {
        let response = routes
            .clone()
            .oneshot(
                Request::builder()
                    .method(method)
                    .uri(path)
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from("{}"))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
    }
    for path in ["/results.json", "/api/status", "/api/health"] {
        let response = routes
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
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
    assert_eq!(
        response.headers()[header::CONTENT_SECURITY_POLICY],
        tandoo_portal::CONTENT_SECURITY_POLICY
    );
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

async fn get(routes: &axum::Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = routes
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, headers, body.to_vec())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_past_date_is_published_on_asking_the_same_by_query_and_by_path() {
    let dir = TempDir::new().unwrap();
    let app = demo_app(&dir).await;
    let routes = router(app.clone());
    // The state as of the date, as the API's status gives it.
    let (status, _, api) = get(&routes, "/api/status?constituency=13&as_of=2026-01-01").await;
    assert_eq!(status, StatusCode::OK);
    let (status, headers, by_query) = get(&routes, "/results/13.json?as_of=2026-01-01").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(by_query, api);
    assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=60");
    let (status, _, by_path) = get(&routes, "/as-of/2026-01-01/results/13.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(by_path, by_query);
    // The present differs: the story went on after that date.
    let (_, _, present) = get(&routes, "/results/13.json").await;
    assert_ne!(present, by_query);
    // The dates a reader can pick are the record's.
    let current = app.publisher().current();
    let past = app
        .publisher()
        .as_of("2026-01-01".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(past.as_of, Some("2026-01-01".parse().unwrap()));
    assert_eq!(past.head_seq, current.head_seq);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_date_or_a_missing_file_is_refused_in_the_readers_language() {
    let dir = TempDir::new().unwrap();
    let (app, _) = demo_app_but_last(&dir, Config::default()).await;
    let routes = router(app);
    let (status, _, body) = get(&routes, "/results/13.json?as_of=2026-13-01&lang=ru").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "BAD_DATE");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("«2026-13-01» — не дата"), "{message}");

    let (status, _, body) = get(&routes, "/results/99.json?lang=ky").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("жарыяланган эмес"), "{message}");
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_where_nothing_is_published_is_a_404_page_in_the_readers_language() {
    let dir = TempDir::new().unwrap();
    let (app, _) = demo_app_but_last(&dir, Config::default()).await;
    let routes = router(app);
    let (status, headers, body) = get(&routes, "/results/99?lang=ru").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        tandoo_portal::CONTENT_SECURITY_POLICY
    );
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<html lang=\"ru\""), "{html}");
    assert!(html.contains("Здесь ничего нет"), "{html}");
}

/// Polls `uri` until its body holds `text`; panics after 60 s.
async fn until_page_holds(routes: &axum::Router, uri: &str, text: &str) -> String {
    for _ in 0..1200 {
        let (_, _, body) = get(routes, uri).await;
        let body = String::from_utf8(body).unwrap();
        if body.contains(text) {
            return body;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{uri} did not show {text} within 60 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_act_about_one_station_renders_its_pages_at_once_and_every_page_once_the_record_is_still()
 {
    use tandoo_core::actor::{Actor, Role};
    use tandoo_core::command::{Command, RecordIncident};
    use tandoo_core::ids::{ConstituencyNo, ElectionId};

    let dir = TempDir::new().unwrap();
    let app = demo_app(&dir).await;
    let routes = router(app.clone());
    let (at, other) = (
        tandoo_demo::story::station_number(1, 0),
        tandoo_demo::story::station_number(1, 1),
    );
    let (page, other_page) = (
        format!("/results/1/stations/{at}?lang=en"),
        format!("/results/1/stations/{other}?lang=en"),
    );
    // At rest, every page names the head.
    let before = app.publisher().current().head_hash.clone();
    let other_before = until_page_holds(&routes, &other_page, &before).await;

    let date = tandoo_demo::story().last().unwrap().date;
    let incident = Submission {
        date,
        actor: Actor::new("cec.secretary", Role::Secretary, "CEC"),
        command: Command::RecordIncident(RecordIncident {
            id: None,
            election: ElectionId::new("E1"),
            station: at,
            constituency: ConstituencyNo(1),
            description: "The ballot box's seal was found broken at opening".into(),
            source: "observer".into(),
        }),
    };
    submit_and_publish(&app, vec![incident]).await;
    let publication = app.publisher().current();
    let after = publication.head_hash.clone();
    assert_ne!(after, before);
    // The station the act was about: its pages are new in the first publication of it.
    let (_, _, body) = get(&routes, &page).await;
    let body = String::from_utf8(body).unwrap();
    assert!(body.contains("seal was found broken"), "{body}");
    assert!(body.contains(&after));
    // The constituency's page is new too; another station's is kept as it was, until the
    // record is still.
    let (_, _, body) = get(&routes, "/results/1?lang=en").await;
    assert!(String::from_utf8(body).unwrap().contains(&after));
    let kept = tandoo_portal::address::file_of(
        &tandoo_portal::address::station(ConstituencyNo(1), other),
        tandoo_present::Language::En,
    );
    let kept = publication.file(&kept).expect("the other station's page");
    assert_eq!(&kept.bytes[..], other_before.as_bytes());
    until_page_holds(&routes, &other_page, &after).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_present_status_is_the_publication_and_at_least_an_entry_reflects_it() {
    let dir = TempDir::new().unwrap();
    let (app, last) = demo_app_but_last(&dir, Config::default()).await;
    let routes = router(app.clone());
    for answer in submit_in_order(app.ledger(), last).await {
        answer.unwrap();
    }
    let head = app.ledger().head().await.seq;
    // Asked to reflect the last entry: so it does, whether or not the publication has it.
    let (status, headers, body) = get(&routes, &format!("/api/status?at_least={head}")).await;
    assert_eq!(status, StatusCode::OK);
    let named: u64 = headers["x-tandoo-head"].to_str().unwrap().parse().unwrap();
    assert!(named >= head, "{named} < {head}");
    let fresh = app
        .ledger()
        .read(|state| {
            serde_json::to_vec(&tandoo_core::status::status(state, &Default::default()).unwrap())
                .unwrap()
        })
        .await;
    assert_eq!(body, fresh);
    // Asked plainly: the publication's bytes, naming its head, once it is at the head.
    submit_and_publish(&app, Vec::new()).await;
    let (_, headers, body) = get(&routes, "/api/status?constituency=13").await;
    let publication = app.publisher().current();
    assert_eq!(
        headers["x-tandoo-head"],
        publication.head_seq.to_string().as_str()
    );
    assert_eq!(
        &body[..],
        &publication.file("results/13.json").unwrap().bytes[..]
    );
}

//! The API in process: each test opens a fresh record, adds accounts, and sends requests to
//! the router as a browser would, with a clock the tests move by hand.

use std::sync::Arc;
use tandoo_core::command::EnterProtocol;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

use tandoo_server::{App, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

const PASSWORD: &str = "a long enough password";
const START: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

struct Server {
    app: App,
    clock: ManualClock,
    _dir: TempDir,
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    json: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.json["error"]["code"].as_str().unwrap_or("")
    }
}

/// A logged-in browser: its cookie and the CSRF token the login returned.
struct Browser {
    cookie: String,
    csrf: String,
}

impl Server {
    async fn new() -> Server {
        Server::with_config(Config::default()).await
    }

    async fn with_config(config: Config) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let clock = ManualClock::starting_at(START);
        let app = App::open_with_clock(
            &dir.path().join("record.sqlite"),
            config,
            Arc::new(clock.clone()),
        )
        .await
        .unwrap();
        for (user, role) in [
            ("admin", "administrator"),
            ("cec.secretary", "secretary"),
            ("cec.operator", "operator"),
        ] {
            app.accounts()
                .add(user, role, "CEC", PASSWORD)
                .await
                .unwrap();
        }
        Server {
            app,
            clock,
            _dir: dir,
        }
    }

    fn router(&self) -> Router {
        router(self.app.clone())
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let json = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}: {bytes:?}"))
        };
        Reply {
            status,
            headers,
            json,
        }
    }

    async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    async fn login_reply(&self, user: &str, password: &str) -> Reply {
        let body = json!({"user": user, "password": password}).to_string();
        self.send(
            Request::post("/api/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    async fn login(&self, user: &str) -> Browser {
        let reply = self.login_reply(user, PASSWORD).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
        let set_cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
        let cookie = set_cookie.split(';').next().unwrap().to_string();
        Browser {
            cookie,
            csrf: reply.json["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    async fn as_browser(
        &self,
        browser: &Browser,
        method: Method,
        uri: &str,
        body: String,
    ) -> Reply {
        self.send(
            Request::builder()
                .method(method)
                .uri(uri)
                .header(header::COOKIE, &browser.cookie)
                .header("x-csrf-token", &browser.csrf)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    async fn command(&self, browser: &Browser, date: &str, command: Value) -> Reply {
        let body = json!({"date": date, "command": command}).to_string();
        self.as_browser(browser, Method::POST, "/api/commands", body)
            .await
    }

    async fn head_seq(&self) -> u64 {
        self.app.ledger().head().await.seq
    }
}

/// The demo's first command: the administrator forms the CEC.
fn form_cec() -> (String, Value) {
    let first = tandoo_demo::story().remove(0).submissions.remove(0);
    (
        first.date.to_string(),
        serde_json::to_value(&first.command).unwrap(),
    )
}

// ---- logins and sessions ----

#[tokio::test]
async fn a_login_sets_a_strict_http_only_cookie_and_returns_the_account_and_a_csrf_token() {
    let server = Server::new().await;
    let reply = server.login_reply("cec.secretary", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json["user"], "cec.secretary");
    assert_eq!(reply.json["role"], "secretary");
    assert_eq!(reply.json["commission"], "CEC");
    assert_eq!(reply.json["csrf_token"].as_str().unwrap().len(), 64);
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("tandoo_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "not configured: {cookie}");
    assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store");

    let browser = server.login("cec.secretary").await;
    let who = server
        .as_browser(&browser, Method::GET, "/api/session", String::new())
        .await;
    assert_eq!(who.status, StatusCode::OK);
    assert_eq!(who.json["user"], "cec.secretary");
    assert_eq!(who.json["csrf_token"], browser.csrf.as_str());
}

#[tokio::test]
async fn the_cookie_is_secure_when_configured() {
    let server = Server::with_config(Config {
        secure_cookies: true,
        ..Config::default()
    })
    .await;
    let reply = server.login_reply("admin", PASSWORD).await;
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let server = Server::new().await;
    let wrong = server.login_reply("admin", "not the password at all").await;
    let unknown = server.login_reply("nobody", PASSWORD).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.code(), "BAD_CREDENTIALS");
    assert_eq!((unknown.status, &unknown.json), (wrong.status, &wrong.json));
    assert!(!wrong.headers.contains_key(header::SET_COOKIE));

    let malformed = server
        .send(
            Request::post("/api/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{\"user\": 1}"))
                .unwrap(),
        )
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.code(), "BAD_REQUEST");
}

#[tokio::test]
async fn repeated_failures_lock_the_user_name_for_a_few_minutes() {
    let server = Server::new().await;
    for _ in 0..5 {
        let reply = server.login_reply("admin", "guessing the password").await;
        assert_eq!(reply.code(), "BAD_CREDENTIALS");
    }
    let locked = server.login_reply("admin", PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(locked.code(), "TOO_MANY_ATTEMPTS");
    // Other users are not affected.
    assert_eq!(
        server.login_reply("cec.secretary", PASSWORD).await.status,
        StatusCode::OK
    );
    server.clock.advance(5 * 60);
    assert_eq!(
        server.login_reply("admin", PASSWORD).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_session_ends_after_30_idle_minutes() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let who = || server.as_browser(&browser, Method::GET, "/api/session", String::new());
    server.clock.advance(29 * 60);
    assert_eq!(who().await.status, StatusCode::OK, "29 minutes idle");
    server.clock.advance(29 * 60);
    assert_eq!(who().await.status, StatusCode::OK, "activity keeps it open");
    server.clock.advance(31 * 60);
    let ended = who().await;
    assert_eq!(ended.status, StatusCode::UNAUTHORIZED);
    assert_eq!(ended.code(), "NOT_LOGGED_IN");
    assert!(
        ended.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("ended")
    );
}

#[tokio::test]
async fn a_session_ends_12_hours_after_the_login_however_active() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let who = || server.as_browser(&browser, Method::GET, "/api/session", String::new());
    for _ in 0..(12 * 3) {
        server.clock.advance(20 * 60);
        assert_eq!(who().await.status, StatusCode::OK);
    }
    server.clock.advance(20 * 60);
    assert_eq!(who().await.code(), "NOT_LOGGED_IN");
}

#[tokio::test]
async fn logging_out_ends_the_session_and_clears_the_cookie() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let out = server
        .as_browser(&browser, Method::DELETE, "/api/session", String::new())
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(
        out.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let who = server
        .as_browser(&browser, Method::GET, "/api/session", String::new())
        .await;
    assert_eq!(who.code(), "NOT_LOGGED_IN");
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions_and_its_logins() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    server.app.accounts().disable("admin").await.unwrap();
    let who = server
        .as_browser(&browser, Method::GET, "/api/session", String::new())
        .await;
    assert_eq!(who.code(), "NOT_LOGGED_IN");
    assert_eq!(
        server.login_reply("admin", PASSWORD).await.code(),
        "BAD_CREDENTIALS"
    );
    let listed = server.app.accounts().list().await.unwrap();
    assert!(listed.iter().any(|a| a.user == "admin" && a.disabled));
}

#[tokio::test]
async fn the_database_holds_no_usable_token_and_no_password() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let token = browser
        .cookie
        .trim_start_matches("tandoo_session=")
        .to_string();
    let path = server._dir.path().join("record.sqlite");
    let bytes = std::fs::read(&path).unwrap();
    let wal = std::fs::read(format!("{}-wal", path.display())).unwrap_or_default();
    for file in [&bytes, &wal] {
        let text = String::from_utf8_lossy(file);
        assert!(!text.contains(&token), "the raw token is stored");
        assert!(!text.contains(PASSWORD), "the password is stored");
    }
    // Nor is anything of it in the record, which is published.
    let entries = server.get("/api/record").await;
    assert!(!entries.json.to_string().contains("argon2"));
}

// ---- commands ----

#[tokio::test]
async fn a_command_needs_a_session_and_the_csrf_token() {
    let server = Server::new().await;
    let (date, command) = form_cec();
    let body = json!({"date": date, "command": command}).to_string();
    let anonymous = server
        .send(
            Request::post("/api/commands")
                .body(Body::from(body.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.code(), "NOT_LOGGED_IN");

    let browser = server.login("admin").await;
    for csrf in [None, Some("0".repeat(64))] {
        let mut request = Request::post("/api/commands").header(header::COOKIE, &browser.cookie);
        if let Some(csrf) = &csrf {
            request = request.header("x-csrf-token", csrf);
        }
        let reply = server
            .send(request.body(Body::from(body.clone())).unwrap())
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{csrf:?}");
        assert_eq!(reply.code(), "CSRF_MISMATCH");
    }
    assert_eq!(server.head_seq().await, 0, "nothing recorded");

    let reply = server.command(&browser, &date, command).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    let entries = reply.json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["seq"], 1);
    assert_eq!(entries[0]["hash"].as_str().unwrap().len(), 64);
}

#[tokio::test]
async fn the_actor_is_the_sessions_account_and_a_body_naming_one_is_refused() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let (date, command) = form_cec();
    let forged = json!({
        "date": date,
        "actor": {"user": "someone.else", "role": "administrator", "commission": "CEC"},
        "command": command,
    });
    let reply = server
        .as_browser(&browser, Method::POST, "/api/commands", forged.to_string())
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.code(), "ACTOR_NOT_ACCEPTED");
    assert_eq!(server.head_seq().await, 0);

    assert_eq!(
        server.command(&browser, &date, command).await.status,
        StatusCode::CREATED
    );
    let record = server.get("/api/record").await;
    assert_eq!(
        record.json["entries"][0]["actor"],
        json!({"user": "admin", "role": "administrator", "commission": "CEC"})
    );
}

#[tokio::test]
async fn roles_are_enforced_by_the_core_and_a_refusal_records_nothing() {
    let server = Server::new().await;
    let admin = server.login("admin").await;
    let (date, command) = form_cec();
    assert_eq!(
        server.command(&admin, &date, command).await.status,
        StatusCode::CREATED
    );
    let head = server.app.ledger().head().await;

    let operator = server.login("cec.operator").await;
    let resolution = json!({
        "type": "vote_resolution", "commission": "CEC", "title": "On nothing",
        "votes": [], "effects": [{"effect": "directive", "text": "none"}],
    });
    let reply = server.command(&operator, "2025-10-01", resolution).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.json
    );
    assert_eq!(reply.code(), "NOT_AUTHORISED");
    assert!(
        reply.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("operator")
    );
    assert_eq!(
        server.app.ledger().head().await,
        head,
        "the record is unchanged"
    );
    let health = server.get("/api/health").await;
    assert_eq!(health.json["head"]["seq"], head.seq);
}

#[tokio::test]
async fn a_refusals_message_is_in_the_language_the_query_or_the_header_names() {
    let server = Server::new().await;
    let admin = server.login("admin").await;
    let (date, command) = form_cec();
    server.command(&admin, &date, command).await;
    let operator = server.login("cec.operator").await;
    let resolution = json!({
        "type": "vote_resolution", "commission": "CEC", "title": "On nothing",
        "votes": [], "effects": [{"effect": "directive", "text": "none"}],
    });
    let body = json!({"date": "2025-10-01", "command": resolution}).to_string();
    let send = |uri: &'static str, accept: Option<&'static str>| {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::COOKIE, &operator.cookie)
            .header("x-csrf-token", &operator.csrf)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT_LANGUAGE, accept);
        }
        server.send(request.body(Body::from(body.clone())).unwrap())
    };
    let message = |reply: &Reply| reply.json["error"]["message"].as_str().unwrap().to_string();
    let english = send("/api/commands", None).await;
    assert_eq!(english.code(), "NOT_AUTHORISED");
    assert_eq!(message(&english), "an operator may not record resolutions");
    let russian = send("/api/commands?lang=ru", Some("ky")).await;
    assert_eq!(russian.code(), "NOT_AUTHORISED");
    assert_eq!(
        message(&russian),
        "роль «оператор» не даёт права: записывать постановления"
    );
    let kyrgyz = send("/api/commands", Some("de-DE, ky;q=0.8, en;q=0.5")).await;
    assert_eq!(kyrgyz.code(), "NOT_AUTHORISED");
    assert!(
        message(&kyrgyz).starts_with("«оператор» ролу"),
        "{}",
        message(&kyrgyz)
    );
}

#[tokio::test]
async fn a_malformed_command_is_a_400_with_serdes_sentence() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let reply = server
        .as_browser(
            &browser,
            Method::POST,
            "/api/commands",
            "{\"date\": \"2025-10-01\", \"command\": {\"type\": \"fly\"}}".into(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.code(), "BAD_COMMAND");
    assert!(
        reply.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("fly"),
        "{}",
        reply.json
    );
    let not_json = server
        .as_browser(&browser, Method::POST, "/api/commands", "{".into())
        .await;
    assert_eq!(not_json.code(), "BAD_COMMAND");
    let bad_date = server.command(&browser, "2025-13-01", form_cec().1).await;
    assert_eq!(bad_date.code(), "BAD_COMMAND");
}

#[tokio::test]
async fn l2_a_misspelt_member_inside_a_command_is_a_400_naming_it() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let head = server.app.ledger().head().await;
    let reply = server
        .as_browser(
            &browser,
            Method::POST,
            "/api/commands",
            r#"{"date": "2025-10-01", "command": {"type": "define_constituency", "number": 77, "name": "C", "seats": 3, "seets": 4}}"#.into(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.code(), "BAD_COMMAND");
    assert!(
        reply.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("seets"),
        "{}",
        reply.json
    );
    assert_eq!(
        server.app.ledger().head().await,
        head,
        "the record is unchanged"
    );
}

#[tokio::test]
async fn a_text_in_a_language_tandoo_does_not_know_is_a_400_naming_the_key() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let head = server.app.ledger().head().await;
    let reply = server
        .as_browser(
            &browser,
            Method::POST,
            "/api/commands",
            r#"{"date": "2025-10-01", "command": {"type": "define_constituency", "number": 77, "name": {"ky": "№77 шайлоо округу", "kk": "№77 сайлау округі"}, "seats": 3}}"#.into(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.code(), "BAD_COMMAND");
    assert!(
        reply.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("kk"),
        "{}",
        reply.json
    );
    assert_eq!(
        server.app.ledger().head().await,
        head,
        "the record is unchanged"
    );
}

#[tokio::test]
async fn h5_a_date_no_store_keeps_is_a_400_and_never_reaches_the_store() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let head = server.app.ledger().head().await;
    let reply = server.command(&browser, "0000-01-01", form_cec().1).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.json);
    assert_eq!(reply.code(), "BAD_COMMAND");
    assert_eq!(
        server.app.ledger().head().await,
        head,
        "the record is unchanged"
    );
    let (date, command) = form_cec();
    let valid = server.command(&browser, &date, command).await;
    assert_eq!(valid.status, StatusCode::CREATED, "{}", valid.json);
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413() {
    let server = Server::new().await;
    let browser = server.login("admin").await;
    let huge = format!(
        "{{\"date\": \"2025-10-01\", \"command\": {{\"type\": \"directive\", \"text\": \"{}\"}}}}",
        "x".repeat(1 << 20)
    );
    let reply = server
        .as_browser(&browser, Method::POST, "/api/commands", huge)
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.code(), "BODY_TOO_LARGE");
    assert_eq!(server.head_seq().await, 0);
}

// ---- public reads ----

#[tokio::test]
async fn unknown_addresses_and_methods_answer_in_json() {
    let server = Server::new().await;
    let missing = server.get("/api/nothing").await;
    assert_eq!(
        (missing.status, missing.code()),
        (StatusCode::NOT_FOUND, "NOT_FOUND")
    );
    let wrong = server
        .send(Request::put("/api/status").body(Body::empty()).unwrap())
        .await;
    assert_eq!(wrong.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(wrong.code(), "METHOD_NOT_ALLOWED");
    let no_election = server.get("/api/status").await;
    assert_eq!(no_election.code(), "NO_ELECTION");
    let bad_date = server.get("/api/status?as_of=yesterday").await;
    assert_eq!(
        (bad_date.status, bad_date.code()),
        (StatusCode::BAD_REQUEST, "BAD_DATE")
    );
    let bad_number = server.get("/api/status?constituency=thirteen").await;
    assert_eq!(bad_number.code(), "BAD_QUERY");
}

/// The whole demo story, submitted through the ledger service as the server's own callers
/// would (not through HTTP), then read through the public API.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_status_and_record_after_the_demo_story() {
    let server = Server::new().await;
    for step in tandoo_demo::story() {
        for answer in submit_in_order(server.app.ledger(), step.submissions).await {
            answer.unwrap();
        }
    }

    let now = server.get("/api/status?election=E1&constituency=13").await;
    assert_eq!(now.status, StatusCode::OK);
    assert_eq!(
        now.json["elected"],
        json!([
            {"name": "Айбек Алтынбеков", "latin_name": "Aibek Altynbekov"},
            {"name": "Талант Мамытов", "latin_name": "Talant Mamytov"},
            {"name": "Айгуль Карабекова", "latin_name": "Aigul Karabekova"},
        ])
    );
    assert_eq!(
        now.json["contest"]["candidates"].as_array().unwrap().len(),
        14
    );
    let then = server
        .get("/api/status?election=E1&constituency=13&as_of=2026-01-01")
        .await;
    assert_eq!(then.json["elected"], json!([]));
    let earlier = server
        .get("/api/status?constituency=13&as_of=2025-12-01")
        .await;
    assert_eq!(
        earlier.json["allocated"],
        json!([
            {"name": "Бактыбек Сыдыков", "latin_name": "Baktybek Sydykov"},
            {"name": "Айбек Алтынбеков", "latin_name": "Aibek Altynbekov"},
            {"name": "Айгуль Карабекова", "latin_name": "Aigul Karabekova"},
        ])
    );
    let national = server.get("/api/status?as_of=2026-01-01").await;
    assert_eq!(
        (
            national.json["seat_count"]["allocated"].as_u64(),
            national.json["women"].as_u64()
        ),
        (Some(87), Some(29))
    );
    // The last act at least: the portal's publication may be a render behind it.
    let head = server.app.ledger().head().await.seq;
    let national_now = server.get(&format!("/api/status?at_least={head}")).await;
    assert_eq!(national_now.json["seat_count"]["allocated"], 87);
    assert_eq!(national_now.json["seat_count"]["elected"], 3);
    assert!(
        national_now.headers["x-tandoo-head"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= head
    );
    // The same again comes from the cache, and is the same.
    assert_eq!(
        server
            .get("/api/status?election=E1&constituency=13")
            .await
            .json,
        now.json
    );
    let unknown = server.get("/api/status?constituency=99").await;
    assert_eq!(
        (unknown.status, unknown.code()),
        (StatusCode::NOT_FOUND, "UNKNOWN_CONSTITUENCY")
    );

    // The record, page by page, links up and ends at the head.
    let head = server.app.ledger().head().await;
    let first = server.get("/api/record?from=1&limit=2").await;
    let entries = first.json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["prev_hash"], entries[0]["hash"]);
    assert_eq!(first.json["next"], 3);
    let big = server.get("/api/record?from=3&limit=5000").await;
    assert_eq!(
        big.json["entries"].as_array().unwrap().len(),
        1000,
        "pages hold at most 1000"
    );
    assert_eq!(big.json["entries"][0]["prev_hash"], entries[1]["hash"]);
    let last = server.get(&format!("/api/record?from={}", head.seq)).await;
    assert_eq!(last.json["entries"][0]["hash"], json!(head.hash));
    assert_eq!(last.json["next"], head.seq + 1);
    let past = server
        .get(&format!("/api/record?from={}", head.seq + 1))
        .await;
    assert_eq!(past.json, json!({"entries": [], "next": null}));
    let health = server.get("/api/health").await;
    assert_eq!(
        health.json,
        json!({"status": "ok", "head": {"seq": head.seq, "hash": head.hash}})
    );
}

/// Over a real socket: the server answers, and stops when told, after the request in
/// progress.
#[tokio::test]
async fn serve_answers_on_a_socket_and_stops_when_told() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = Server::new().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(tandoo_server::serve(server.app.clone(), listener, async {
        let _ = stopped.await;
    }));
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(r#""status":"ok""#), "{answer}");
    stop.send(()).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(10), serving)
        .await
        .expect("stops promptly")
        .unwrap()
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_commands_are_each_recorded_once() {
    let server = Arc::new(Server::new().await);
    let admin = server.login("admin").await;
    let (date, command) = form_cec();
    let member = command["members"][0]["id"].clone();
    assert_eq!(
        server.command(&admin, &date, command).await.status,
        StatusCode::CREATED
    );
    let secretary = Arc::new(server.login("cec.secretary").await);
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let (server, secretary, member) = (server.clone(), secretary.clone(), member.clone());
            tokio::spawn(async move {
                let meeting = json!({"type": "hold_meeting", "commission": "CEC",
                                     "present": [member], "agenda": [format!("item {i}")]});
                server.command(&secretary, "2025-10-01", meeting).await
            })
        })
        .collect();
    let mut seqs = Vec::new();
    for task in tasks {
        let reply = task.await.unwrap();
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
        seqs.push(reply.json["entries"][0]["seq"].as_u64().unwrap());
    }
    seqs.sort_unstable();
    assert_eq!(seqs, (2..22).collect::<Vec<u64>>());
    assert_eq!(server.head_seq().await, 21);
}

/// Protocol entry through the API: two operators, a supervisor, and what each may see.
#[tokio::test]
async fn protocols_are_entered_twice_and_settled_through_the_api() {
    let server = Server::new().await;
    let story = tandoo_demo::story();
    for answer in submit_in_order(server.app.ledger(), story[0].submissions.clone()).await {
        answer.unwrap();
    }
    for (user, role) in [
        ("op1", "operator"),
        ("op2", "operator"),
        ("super", "supervisor"),
        ("other.super", "supervisor"),
    ] {
        let commission = if user == "other.super" {
            "DEC-12"
        } else {
            "DEC-13"
        };
        server
            .app
            .accounts()
            .add(user, role, commission, PASSWORD)
            .await
            .unwrap();
    }
    let entry = story[1]
        .submissions
        .iter()
        .find(|s| {
            matches!(&s.command, tandoo_core::Command::EnterProtocol(EnterProtocol { station, .. }) if station.0 == 13_001)
        })
        .unwrap();
    let command = serde_json::to_value(&entry.command).unwrap();
    let mut mistyped = command.clone();
    mistyped["figures"]["candidates"]["E1-13-01"] = json!(0);
    mistyped["figures"]["candidates"]["E1-13-02"] = json!(
        command["figures"]["candidates"]["E1-13-01"]
            .as_i64()
            .unwrap()
            + command["figures"]["candidates"]["E1-13-02"]
                .as_i64()
                .unwrap()
    );
    let (op1, op2, supervisor, stranger) = (
        server.login("op1").await,
        server.login("op2").await,
        server.login("super").await,
        server.login("other.super").await,
    );
    let uri = "/api/protocol?election=E1&station=13001&constituency=13";

    let first = server.command(&op1, "2025-11-30", command.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    let again = server.command(&op1, "2025-11-30", command.clone()).await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "SAME_OPERATOR")
    );
    let seen = server
        .as_browser(&op2, Method::GET, uri, String::new())
        .await;
    assert_eq!(seen.json["status"], "first_entry");
    assert!(
        seen.json["entries"][0].get("figures").is_none(),
        "op2 cannot see op1's figures"
    );

    let second = server.command(&op2, "2025-11-30", mistyped).await;
    assert_eq!(second.status, StatusCode::CREATED);
    let differing = server
        .as_browser(&supervisor, Method::GET, uri, String::new())
        .await;
    assert_eq!(differing.json["status"], "differences");
    let lines: Vec<&str> = differing.json["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["line"].as_str().unwrap())
        .collect();
    assert_eq!(lines, ["E1-13-01", "E1-13-02"]);
    let outsider = server
        .as_browser(&stranger, Method::GET, uri, String::new())
        .await;
    assert!(
        outsider.json.get("differences").is_none(),
        "a supervisor of another constituency"
    );

    let settle = json!({"type": "settle_protocol", "election": "E1", "station": 13001,
        "constituency": 13, "decision": {"decision": "keep", "entry": 1}});
    let refused = server.command(&op1, "2025-11-30", settle.clone()).await;
    assert_eq!(refused.code(), "NOT_AUTHORISED");
    let settled = server.command(&supervisor, "2025-11-30", settle).await;
    assert_eq!(settled.status, StatusCode::CREATED, "{}", settled.json);
    let accepted = server.get(uri).await;
    assert_eq!(
        accepted.status,
        StatusCode::UNAUTHORIZED,
        "a protocol view needs a login"
    );
    let accepted = server
        .as_browser(&op2, Method::GET, uri, String::new())
        .await;
    assert_eq!(accepted.json["status"], "accepted");
    assert_eq!(accepted.json["versions"][0]["entries"], json!([1]));
    assert_eq!(accepted.json["versions"][0]["settled_by"], "super");

    let progress = server.get("/api/progress").await;
    assert_eq!(progress.json["constituencies"]["13"]["counted"], 1);
    assert_eq!(progress.json["total"]["stations"], 2619);
    assert_eq!(progress.json["total"]["by_status"]["not_entered"], 2618);
}

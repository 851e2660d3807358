//! The findings of the hostile test of 2026-12 (H1, H3, H4, M4, M5, M7, M8, L3, L4), each
//! provoked through the API the way it was found, and the audit log.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tandoo_record::{Entry, write_hash_input};
use tandoo_server::public_record::MAX_PAGE_BYTES;
use tandoo_server::{App, AuditFilter, Config, ManualClock, ServeLimits, ThrottleLimits, router};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
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
    bytes: Vec<u8>,
    json: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.json["error"]["code"].as_str().unwrap_or("")
    }
}

struct Browser {
    cookie: String,
    csrf: String,
}

fn peer(n: u32) -> SocketAddr {
    SocketAddr::from(([10, (n >> 16) as u8, (n >> 8) as u8, n as u8], 40_000))
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
        for (user, role, commission) in [
            ("admin", "administrator", "CEC"),
            ("cec.secretary", "secretary", "CEC"),
            ("op1", "operator", "DEC-13"),
            ("op2", "operator", "DEC-13"),
        ] {
            app.accounts()
                .add(user, role, commission, PASSWORD)
                .await
                .unwrap();
        }
        Server {
            app,
            clock,
            _dir: dir,
        }
    }

    async fn send(&self, mut request: Request<Body>, from: SocketAddr) -> Reply {
        request.extensions_mut().insert(ConnectInfo(from));
        let response = router(self.app.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            bytes,
            json,
        }
    }

    async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap(), peer(1))
            .await
    }

    async fn login_from(&self, user: &str, password: &str, from: SocketAddr) -> Reply {
        let body = json!({"user": user, "password": password}).to_string();
        let request = Request::post("/api/session")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap();
        self.send(request, from).await
    }

    async fn login(&self, user: &str) -> Browser {
        let reply = self.login_from(user, PASSWORD, peer(1)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
        let set_cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
        Browser {
            cookie: set_cookie.split(';').next().unwrap().to_string(),
            csrf: reply.json["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    async fn post_command(&self, browser: &Browser, content_type: &str, body: String) -> Reply {
        let request = Request::builder()
            .method(Method::POST)
            .uri("/api/commands")
            .header(header::COOKIE, &browser.cookie)
            .header("x-csrf-token", &browser.csrf)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap();
        self.send(request, peer(1)).await
    }

    async fn command(&self, browser: &Browser, date: &str, command: Value) -> Reply {
        let body = json!({"date": date, "command": command}).to_string();
        self.post_command(browser, "application/json", body).await
    }

    async fn head_seq(&self) -> u64 {
        self.app.ledger().head().await.seq
    }

    async fn audit(&self, event: &str) -> usize {
        let all = self
            .app
            .accounts()
            .audit_log(&AuditFilter::default())
            .await
            .unwrap();
        all.iter().filter(|e| e.event == event).count()
    }

    /// The first step of the demo story: the commissions, stations and election E1.
    async fn with_election(&self) {
        let story = tandoo_demo::story();
        for answer in submit_in_order(self.app.ledger(), story[0].submissions.clone()).await {
            answer.unwrap();
        }
    }
}

/// Counts the answers by status.
fn tally(replies: &[Reply]) -> (usize, usize) {
    let checked = replies
        .iter()
        .filter(|r| r.status == StatusCode::UNAUTHORIZED)
        .count();
    let throttled = replies
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    (checked, throttled)
}

// ---- H3, H4, M7: login throttling ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn h3_200_concurrent_wrong_passwords_for_one_name_check_at_most_five() {
    let server = Arc::new(Server::new().await);
    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let server = server.clone();
            tokio::spawn(async move {
                server
                    .login_from("admin", "wrong-password-x", peer(7))
                    .await
            })
        })
        .collect();
    let mut replies = Vec::new();
    for task in tasks {
        replies.push(task.await.unwrap());
    }
    let (checked, throttled) = tally(&replies);
    assert_eq!(checked, 5, "passwords checked");
    assert_eq!(throttled, 195);
    assert_eq!(server.audit("login_failed").await, 5);
    let locked = replies
        .iter()
        .find(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .unwrap();
    assert_eq!(locked.code(), "TOO_MANY_ATTEMPTS");
    assert!(locked.headers.contains_key(header::RETRY_AFTER));
}

#[tokio::test]
async fn h4_after_10000_names_from_one_client_the_throttle_still_holds() {
    let server = Server::new().await;
    let mut replies = Vec::new();
    for i in 1..=10_000 {
        let name = format!("filler-{i}");
        replies.push(server.login_from(&name, "wrong-password-x", peer(9)).await);
    }
    let (checked, _) = tally(&replies);
    assert_eq!(
        checked, 20,
        "the address limit stops one client after 20 checks"
    );
    let mut after = Vec::new();
    for _ in 0..30 {
        after.push(
            server
                .login_from("admin", "wrong-password-x", peer(9))
                .await,
        );
    }
    assert_eq!(tally(&after), (0, 30), "no password of admin was checked");
    // The owner, from elsewhere, is not locked out (M7).
    assert_eq!(
        server.login_from("admin", PASSWORD, peer(10)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn h4_10000_names_from_10000_addresses_stop_at_the_limit_of_the_record() {
    let config = Config {
        throttle: ThrottleLimits {
            global: 50,
            ..ThrottleLimits::default()
        },
        ..Config::default()
    };
    let server = Server::with_config(config).await;
    let mut replies = Vec::new();
    for i in 1..=10_000 {
        let name = format!("filler-{i}");
        replies.push(server.login_from(&name, "wrong-password-x", peer(i)).await);
    }
    assert_eq!(tally(&replies), (50, 9_950));
    let after = server
        .login_from("cec.secretary", "wrong-password-x", peer(20_000))
        .await;
    assert_eq!(after.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(server.audit("login_failed").await, 50);
    // The window ends, and logins work again.
    server.clock.advance(5 * 60);
    assert_eq!(
        server
            .login_from("cec.secretary", PASSWORD, peer(20_000))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn m7_one_visitor_cannot_keep_an_account_locked_for_its_owner() {
    let server = Server::new().await;
    for _ in 0..10 {
        server.login_from("op1", "wrong-password-x", peer(66)).await;
    }
    let visitor = server.login_from("op1", PASSWORD, peer(66)).await;
    assert_eq!(visitor.status, StatusCode::TOO_MANY_REQUESTS);
    let owner = server.login_from("op1", PASSWORD, peer(13)).await;
    assert_eq!(owner.status, StatusCode::OK, "{}", owner.json);
}

#[tokio::test]
async fn m7_a_visitor_with_many_addresses_cannot_lock_out_an_owner_at_a_known_address() {
    let config = Config {
        throttle: ThrottleLimits {
            global: 50,
            ..ThrottleLimits::default()
        },
        ..Config::default()
    };
    let server = Server::with_config(config).await;
    let office = peer(13);
    let first = server.login_from("op1", PASSWORD, office).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.json);
    // One visitor, 10 addresses: 5 guesses at op1 from each fill the name's counter (30),
    // then other names fill the record's (50).
    let mut replies = Vec::new();
    for a in 0..10 {
        for _ in 0..5 {
            replies.push(
                server
                    .login_from("op1", "wrong-password-x", peer(100 + a))
                    .await,
            );
        }
        for i in 0..5 {
            let name = format!("filler-{a}-{i}");
            replies.push(
                server
                    .login_from(&name, "wrong-password-x", peer(100 + a))
                    .await,
            );
        }
    }
    let (checked, _) = tally(&replies);
    assert!(checked <= 50, "{checked} password checks");
    let elsewhere = server.login_from("op1", PASSWORD, peer(999)).await;
    assert_eq!(elsewhere.status, StatusCode::TOO_MANY_REQUESTS);
    // The owner, at the address it logged in from before, is not locked out...
    let owner = server.login_from("op1", PASSWORD, office).await;
    assert_eq!(owner.status, StatusCode::OK, "{}", owner.json);
    // ...and a guesser sharing that address still gets only 5 checks.
    let mut replies = Vec::new();
    for _ in 0..8 {
        replies.push(server.login_from("op1", "wrong-password-x", office).await);
    }
    assert_eq!(tally(&replies), (5, 3));
}

#[tokio::test]
async fn h4_one_client_trying_40_names_gets_20_checks() {
    let server = Server::new().await;
    let mut replies = Vec::new();
    for i in 0..40 {
        replies.push(
            server
                .login_from(&format!("name-{i}"), "wrong-password-x", peer(3))
                .await,
        );
    }
    assert_eq!(tally(&replies), (20, 20));
}

#[tokio::test]
async fn a_successful_login_gives_its_attempt_back() {
    let server = Server::new().await;
    for _ in 0..4 {
        server
            .login_from("admin", "wrong-password-x", peer(5))
            .await;
    }
    for _ in 0..10 {
        let reply = server.login_from("admin", PASSWORD, peer(5)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    }
}

// ---- the audit log ----

#[tokio::test]
async fn logins_failures_logouts_and_account_changes_are_in_the_audit_log_for_180_days() {
    let server = Server::new().await;
    assert_eq!(server.audit("account_added").await, 4);
    server
        .login_from("admin", "wrong-password-x", peer(4))
        .await;
    server
        .login_from("nobody\r\nforged", "wrong-password-x", peer(4))
        .await;
    let browser = server.login("admin").await;
    let logout = Request::delete("/api/session")
        .header(header::COOKIE, &browser.cookie)
        .header("x-csrf-token", &browser.csrf)
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        server.send(logout, peer(4)).await.status,
        StatusCode::NO_CONTENT
    );
    server.app.accounts().disable("op2").await.unwrap();
    let log = server
        .app
        .accounts()
        .audit_log(&AuditFilter::default())
        .await
        .unwrap();
    let events: Vec<(&str, &str, &str)> = log
        .iter()
        .skip(4)
        .map(|e| (e.event.as_str(), e.user.as_str(), e.address.as_str()))
        .collect();
    assert_eq!(
        events,
        [
            ("login_failed", "admin", "10.0.0.4"),
            ("login_failed", "nobody\r\nforged", "10.0.0.4"),
            ("login", "admin", "10.0.0.1"),
            ("logout", "admin", "10.0.0.4"),
            ("account_disabled", "op2", "local"),
        ]
    );
    assert_eq!(log[4].detail, "wrong password");
    assert_eq!(log[5].detail, "unknown user");
    let admin_only = AuditFilter {
        user: Some("admin".into()),
        since: Some(START),
    };
    assert_eq!(
        server
            .app
            .accounts()
            .audit_log(&admin_only)
            .await
            .unwrap()
            .len(),
        4,
        "added, failed, logged in, logged out"
    );

    // Kept 180 days, then removed.
    server.clock.advance(180 * 24 * 60 * 60 - 1);
    assert_eq!(server.app.accounts().prune_audit().await.unwrap(), 0);
    server.clock.advance(2);
    assert_eq!(server.app.accounts().prune_audit().await.unwrap(), 9);
}

// ---- L3, L4: what a body must be ----

#[tokio::test]
async fn l3_a_login_sent_as_a_form_or_with_unknown_members_is_refused() {
    let server = Server::new().await;
    let body = format!(r#"{{"user":"admin","password":"{PASSWORD}","x=":"y"}}"#);
    let form = Request::post("/api/session")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.clone()))
        .unwrap();
    let reply = server.send(form, peer(1)).await;
    assert_eq!(reply.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(reply.code(), "NOT_JSON");
    assert!(!reply.headers.contains_key(header::SET_COOKIE));
    let untyped = Request::post("/api/session")
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(
        server.send(untyped, peer(1)).await.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    let extra = Request::post("/api/session")
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(Body::from(body))
        .unwrap();
    let reply = server.send(extra, peer(1)).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "BAD_REQUEST")
    );
    assert!(!reply.headers.contains_key(header::SET_COOKIE));
    assert_eq!(server.audit("login").await, 0);
}

#[tokio::test]
async fn l3_a_command_sent_as_text_is_refused_and_records_nothing() {
    let server = Server::new().await;
    let admin = server.login("admin").await;
    let (date, command) = form_cec();
    let body = json!({"date": date, "command": command}).to_string();
    let reply = server.post_command(&admin, "text/plain", body).await;
    assert_eq!(reply.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(reply.code(), "NOT_JSON");
    assert_eq!(server.head_seq().await, 0);
}

#[tokio::test]
async fn l4_an_actor_given_as_null_is_refused_and_records_nothing() {
    let server = Server::new().await;
    let admin = server.login("admin").await;
    let (date, command) = form_cec();
    let body = json!({"date": date, "actor": null, "command": command}).to_string();
    let reply = server.post_command(&admin, "application/json", body).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "ACTOR_NOT_ACCEPTED")
    );
    assert_eq!(server.head_seq().await, 0);
}

/// The demo's first command: the administrator forms the CEC.
fn form_cec() -> (String, Value) {
    let first = tandoo_demo::story().remove(0).submissions.remove(0);
    (
        first.date.to_string(),
        serde_json::to_value(&first.command).unwrap(),
    )
}

// ---- H1: blind double entry ----

/// The demo's entry of station 13001's protocol.
fn entry_of_13001() -> Value {
    let story = tandoo_demo::story();
    let entry = story[1]
        .submissions
        .iter()
        .find(|s| {
            matches!(&s.command, tandoo_core::Command::EnterProtocol(e) if e.station.0 == 13_001)
        })
        .unwrap();
    serde_json::to_value(&entry.command).unwrap()
}

fn hash_of(entry: &Entry) -> String {
    let mut input = String::new();
    write_hash_input(
        entry.seq,
        &entry.recorded_at,
        &entry.legal_date,
        &entry.actor,
        &entry.act,
        &entry.prev_hash,
        &mut input,
    )
    .unwrap();
    hex::encode(Sha256::digest(input.as_bytes()))
}

#[tokio::test]
async fn h1_an_entry_of_an_open_round_is_withheld_from_the_public_record_until_settled() {
    let server = Server::new().await;
    server.with_election().await;
    let (op1, op2) = (server.login("op1").await, server.login("op2").await);
    let command = entry_of_13001();
    let first = server.command(&op1, "2025-11-30", command.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    let seq = first.json["entries"][0]["seq"].as_u64().unwrap();
    let hash = first.json["entries"][0]["hash"]
        .as_str()
        .unwrap()
        .to_string();

    let page = server.get(&format!("/api/record?from={seq}")).await;
    let withheld = &page.json["entries"][0];
    assert_eq!(withheld["seq"], seq);
    assert_eq!(withheld["withheld"], true);
    assert_eq!(withheld["hash"], hash.as_str());
    assert_eq!(withheld["act"]["type"], "protocol_entered");
    assert_eq!(withheld["act"]["key"]["station"], 13001);
    assert!(withheld["act"].get("figures").is_none(), "{withheld}");
    assert!(withheld.get("actor").is_none(), "{withheld}");
    let text = String::from_utf8(page.bytes.clone()).unwrap();
    assert!(!text.contains("candidates"), "no figure leaks: {text}");
    assert!(!text.contains("\"op1\""), "{text}");
    let votes = command["figures"]["candidates"]["E1-13-01"].clone();

    // The second operator enters the same figures: the round is settled and the entry is
    // served whole, with the hash it was committed under.
    let second = server.command(&op2, "2025-11-30", command).await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.json);
    let page = server.get(&format!("/api/record?from={seq}")).await;
    let entries: Vec<Entry> = serde_json::from_value(page.json["entries"].clone()).unwrap();
    assert!(page.json["entries"][0].get("withheld").is_none());
    assert_eq!(entries[0].act["figures"]["candidates"]["E1-13-01"], votes);
    assert_eq!(
        hash_of(&entries[0]),
        hash,
        "the revealed entry is the committed one"
    );
    assert_eq!(
        entries[1].prev_hash.to_string(),
        hash,
        "the chain runs through it"
    );
}

// ---- M8, item 12: bounded pages and strict queries ----

#[tokio::test]
async fn m8_a_page_of_the_record_is_bounded_by_bytes_as_well_as_entries() {
    let server = Server::new().await;
    let admin = server.login("admin").await;
    let (date, command) = form_cec();
    let member = command["members"][0]["id"].clone();
    server.command(&admin, &date, command).await;
    let secretary = server.login("cec.secretary").await;
    let agenda: Vec<String> = (0..20)
        .map(|i| format!("{i} {}", "x".repeat(1_990)))
        .collect();
    for _ in 0..60 {
        let meeting = json!({"type": "hold_meeting", "commission": "CEC",
                             "present": [member], "agenda": agenda});
        let reply = server.command(&secretary, "2025-10-01", meeting).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    }
    let page = server.get("/api/record?from=1&limit=1000").await;
    let served = page.json["entries"].as_array().unwrap().len();
    assert!(served < 61, "{served} entries");
    assert!(
        page.bytes.len() <= MAX_PAGE_BYTES + 64 * 1024,
        "{}",
        page.bytes.len()
    );
    assert_eq!(page.json["next"], served + 1);
    let rest = server
        .get(&format!("/api/record?from={}", served + 1))
        .await;
    assert_eq!(
        served + rest.json["entries"].as_array().unwrap().len(),
        61,
        "the next page goes on where the first stopped"
    );
}

#[tokio::test]
async fn unknown_query_parameters_are_refused_not_ignored() {
    let server = Server::new().await;
    for uri in [
        "/api/status?asof=2026-01-01",
        "/api/record?form=1",
        "/api/progress?election=E1&x=1",
    ] {
        let reply = server.get(uri).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::BAD_REQUEST, "BAD_QUERY"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn progress_lists_constituencies_by_number() {
    let server = Server::new().await;
    server.with_election().await;
    let reply = server.get("/api/progress?election=E1").await;
    assert_eq!(reply.status, StatusCode::OK);
    let text = String::from_utf8(reply.bytes).unwrap();
    let at = |key: &str| text.find(&format!("\"{key}\":{{")).unwrap();
    assert!(at("2") < at("10"), "2 before 10");
    assert!(at("9") < at("13"));
}

// ---- M5: a store that fails ----

#[tokio::test]
async fn m5_a_failing_session_store_gives_503_and_public_reads_go_on() {
    let server = Server::new().await;
    server.with_election().await;
    let admin = server.login("admin").await;
    // The accounts' connections are gone, as when the database cannot be reached.
    server.app.accounts().close().await;
    let request = Request::get("/api/session")
        .header(header::COOKIE, &admin.cookie)
        .body(Body::empty())
        .unwrap();
    let reply = server.send(request, peer(1)).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::SERVICE_UNAVAILABLE, "RECORD_UNAVAILABLE")
    );
    let (date, command) = form_cec();
    let reply = server.command(&admin, &date, command).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    let login = server.login_from("admin", PASSWORD, peer(2)).await;
    assert_eq!(login.status, StatusCode::SERVICE_UNAVAILABLE);
    let status = server.get("/api/status?election=E1&constituency=13").await;
    assert_eq!(status.status, StatusCode::OK, "{}", status.json);
}

// ---- M4: slow and idle clients ----

async fn serving(
    limits: ServeLimits,
) -> (
    Server,
    SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let server = Server::with_config(Config {
        serve: limits,
        ..Config::default()
    })
    .await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(tandoo_server::serve(server.app.clone(), listener, async {
        let _ = stopped.await;
    }));
    (server, address, stop, task)
}

const HEALTH: &[u8] = b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

#[tokio::test]
async fn m4_a_client_that_never_finishes_its_headers_is_disconnected() {
    let limits = ServeLimits {
        header_read: Duration::from_secs(1),
        ..ServeLimits::default()
    };
    let (_server, address, _stop, _task) = serving(limits).await;
    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(b"POST /api/session HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "the server closed the connection");
}

#[tokio::test]
async fn m4_connections_past_the_cap_wait_and_idle_ones_are_closed() {
    let limits = ServeLimits {
        header_read: Duration::from_secs(1),
        max_connections: 4,
        ..ServeLimits::default()
    };
    let (_server, address, _stop, _task) = serving(limits).await;
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(tokio::net::TcpStream::connect(address).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut fifth = tokio::net::TcpStream::connect(address).await.unwrap();
    fifth.write_all(HEALTH).await.unwrap();
    let mut answer = Vec::new();
    let early =
        tokio::time::timeout(Duration::from_millis(500), fifth.read_to_end(&mut answer)).await;
    assert!(
        early.is_err(),
        "a fifth connection waits while four are held"
    );
    tokio::time::timeout(Duration::from_secs(5), fifth.read_to_end(&mut answer))
        .await
        .expect("served once the idle connections are closed")
        .unwrap();
    assert!(
        answer.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
}

#[tokio::test]
async fn m4_stopping_does_not_wait_for_a_slow_client_past_the_deadline() {
    let limits = ServeLimits {
        shutdown_deadline: Duration::from_secs(1),
        ..ServeLimits::default()
    };
    let (_server, address, stop, task) = serving(limits).await;
    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(
        b"POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user\"",
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("stopped within the deadline")
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn m4_a_body_sent_too_slowly_is_refused_with_408() {
    let limits = ServeLimits {
        body: Duration::from_secs(1),
        ..ServeLimits::default()
    };
    let (server, address, _stop, _task) = serving(limits).await;
    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(
        b"POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user\"",
    )
    .await
    .unwrap();
    let mut answer = vec![0u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(5), slow.read(&mut answer))
        .await
        .expect("answered before the client finished")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("BODY_TIMEOUT"), "{answer}");
    assert_eq!(server.audit("login_failed").await, 0);
}

#[tokio::test]
async fn m4_a_flood_of_idle_connections_frees_its_slots_quickly_under_pressure() {
    let limits = ServeLimits {
        header_read: Duration::from_secs(30),
        header_read_under_pressure: Duration::from_secs(1),
        max_connections: 8,
        ..ServeLimits::default()
    };
    let (_server, address, _stop, _task) = serving(limits).await;
    let mut flood = Vec::new();
    for _ in 0..12 {
        let mut idle = tokio::net::TcpStream::connect(address).await.unwrap();
        idle.write_all(b"POST /api/session HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        flood.push(idle);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = std::time::Instant::now();
    let mut client = tokio::net::TcpStream::connect(address).await.unwrap();
    client.write_all(HEALTH).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), client.read_to_end(&mut answer))
        .await
        .expect("served long before the 30-second header timeout")
        .unwrap();
    assert!(
        answer.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn h4_10000_addresses_guessing_one_name_get_30_checks_and_leave_few_counters() {
    let server = Server::new().await;
    let mut replies = Vec::new();
    for i in 1..=10_000 {
        replies.push(
            server
                .login_from("admin", "wrong-password-x", peer(i))
                .await,
        );
    }
    assert_eq!(tally(&replies), (30, 9_970));
    let path = server._dir.path().join("record.sqlite");
    let mut db = <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!(
        "sqlite://{}",
        path.display()
    ))
    .await
    .unwrap();
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM login_throttle")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert!(rows <= 100, "{rows} counters for 30 checks");
}

#[tokio::test]
async fn behind_the_trusted_proxy_each_client_is_throttled_under_its_own_address() {
    let proxy = peer(250);
    let server = Server::with_config(Config {
        trusted_proxy: Some(proxy.ip()),
        ..Config::default()
    })
    .await;
    let login = |forwarded: &str, from: SocketAddr| {
        let body = json!({"user": "admin", "password": "wrong-password-x"}).to_string();
        let request = Request::post("/api/session")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-forwarded-for", forwarded)
            .body(Body::from(body))
            .unwrap();
        server.send(request, from)
    };
    let mut replies = Vec::new();
    for _ in 0..6 {
        replies.push(login("203.0.113.1", proxy).await);
    }
    assert_eq!(tally(&replies), (5, 1), "one client through the proxy");
    let other = login("203.0.113.2", proxy).await;
    assert_eq!(
        other.status,
        StatusCode::UNAUTHORIZED,
        "another client is checked"
    );
    // A client talking to the server directly cannot pose as someone else.
    let mut direct = Vec::new();
    for i in 0..6 {
        direct.push(login(&format!("198.51.100.{i}"), peer(77)).await);
    }
    assert_eq!(tally(&direct), (5, 1), "counted under its own address");
    let log = server
        .app
        .accounts()
        .audit_log(&AuditFilter::default())
        .await
        .unwrap();
    assert!(log.iter().any(|e| e.address == "203.0.113.2"));
    assert!(!log.iter().any(|e| e.address.starts_with("198.51.100.")));
}

// ---- H5: one account's bad dates never stop another's commands ----

/// One operator floods commands dated on a day no store keeps while the secretary holds
/// meetings at the same time: every flooding command is refused as it is read (400), and
/// every one of the secretary's is recorded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn h5_one_account_flooding_invalid_dates_never_stops_anothers_commands() {
    let server = Server::new().await;
    let admin = server.login("admin").await;
    let (date, command) = form_cec();
    let member = command["members"][0]["id"].clone();
    assert_eq!(
        server.command(&admin, &date, command).await.status,
        StatusCode::CREATED
    );
    let secretary = server.login("cec.secretary").await;
    let flooder = server.login("op1").await;
    let before = server.head_seq().await;
    let flood = |round: u32| {
        let flooder = &flooder;
        let server = &server;
        async move {
            let mut statuses = Vec::new();
            for i in 0..40 {
                let figures = json!({"type": "record_preliminary_figures", "election": "E1",
                    "station": 13001 + round * 100 + i, "constituency": 13,
                    "figures": {"against_all": 1}});
                statuses.push(server.command(flooder, "0000-01-01", figures).await.status);
            }
            statuses
        }
    };
    let meetings = |round: u32| {
        let secretary = &secretary;
        let server = &server;
        let member = member.clone();
        async move {
            let mut statuses = Vec::new();
            for i in 0..25 {
                let meeting = json!({"type": "hold_meeting", "commission": "CEC",
                    "present": [member], "agenda": [format!("item {round}-{i}")]});
                statuses.push(
                    server
                        .command(secretary, "2025-10-02", meeting)
                        .await
                        .status,
                );
            }
            statuses
        }
    };
    let (f1, f2, m1, m2) = tokio::join!(flood(1), flood(2), meetings(1), meetings(2));
    for status in f1.iter().chain(&f2) {
        assert_eq!(*status, StatusCode::BAD_REQUEST, "a date no store keeps");
    }
    for status in m1.iter().chain(&m2) {
        assert_eq!(*status, StatusCode::CREATED, "a valid command is recorded");
    }
    assert_eq!(
        server.head_seq().await,
        before + 50,
        "every valid command, nothing else"
    );
}

//! Servers on one PostgreSQL record share accounts and sessions, and start together on a new
//! database without racing. Each test creates a database of its own on the server named by
//! `TANDOO_TEST_POSTGRES` and drops it at the end; without the variable the tests are
//! skipped with a notice, or fail when `CI` is set.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use sqlx::Connection;
use sqlx::postgres::PgConnection;
use tandoo_record::OpenMode;
use tandoo_server::{Accounts, App, Config, SystemClock, router};
use tower::ServiceExt;

const PASSWORD: &str = "a long enough password";
const POSTGRES_ENV: &str = "TANDOO_TEST_POSTGRES";

/// The server address from the environment. Unset: fail in CI, skip elsewhere.
fn postgres_server() -> Option<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => panic!(
            "{POSTGRES_ENV} is not set, but CI is: the PostgreSQL tests must run in CI. \
             Set {POSTGRES_ENV} to a server address such as \
             postgres://postgres@127.0.0.1:5432/postgres"
        ),
        _ => {
            eprintln!(
                "notice: PostgreSQL variant skipped; set {POSTGRES_ENV}=postgres://user@host:port/db to run it"
            );
            None
        }
    }
}

/// A database created for one test and dropped after it.
struct TestDatabase {
    server: String,
    name: String,
    url: String,
}

impl TestDatabase {
    async fn fresh() -> Option<TestDatabase> {
        let server = postgres_server()?;
        let mut id = [0u8; 8];
        getrandom::getrandom(&mut id).unwrap();
        let name = format!("tandoo_test_{}", hex::encode(id));
        let mut conn = PgConnection::connect(&server)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_ENV} ({e})"));
        sqlx::query(&format!(
            "CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"
        ))
        .execute(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
        let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
        Some(TestDatabase {
            url: format!("{base}/{name}"),
            server,
            name,
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on: use a thread.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(mut conn) = PgConnection::connect(&server).await {
                    let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                    let _ = sqlx::query(&sql).execute(&mut conn).await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

async fn send(app: &App, method: Method, uri: &str, cookie: Option<&str>, body: Value) -> Value {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let body = if body.is_null() {
        Body::empty()
    } else {
        Body::from(body.to_string())
    };
    let response = router(app.clone())
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let json: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    json!({"status": status.as_u16(), "cookie": cookie, "body": json})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn servers_share_accounts_and_sessions() {
    let Some(database) = TestDatabase::fresh().await else {
        return;
    };
    // Two servers starting at once on a new database both create what they need.
    let (a, b) = tokio::join!(
        App::open(&database.url, Config::default()),
        App::open(&database.url, Config::default())
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    a.accounts()
        .add("cec.secretary", "secretary", "CEC", PASSWORD)
        .await
        .unwrap();
    assert_eq!(b.accounts().list().await.unwrap().len(), 1);

    let login = json!({"user": "cec.secretary", "password": PASSWORD});
    let opened = send(&a, Method::POST, "/api/session", None, login).await;
    assert_eq!(opened["status"], 200, "{opened}");
    let cookie = opened["cookie"].as_str().unwrap().to_string();

    // The session opened on one server is valid on the other.
    let seen = send(&b, Method::GET, "/api/session", Some(&cookie), Value::Null).await;
    assert_eq!(seen["status"], 200, "{seen}");
    assert_eq!(seen["body"]["user"], "cec.secretary");
    assert_eq!(seen["body"]["csrf_token"], opened["body"]["csrf_token"]);

    // Disabling the account on one server ends its sessions on every server.
    b.accounts().disable("cec.secretary").await.unwrap();
    let ended = send(&a, Method::GET, "/api/session", Some(&cookie), Value::Null).await;
    assert_eq!(
        ended["status"],
        StatusCode::UNAUTHORIZED.as_u16(),
        "{ended}"
    );
    a.accounts().close().await;
    b.accounts().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_opened_at_once_on_a_new_database_are_created_once() {
    let Some(database) = TestDatabase::fresh().await else {
        return;
    };
    let opened = futures_join_all(
        (0..6)
            .map(|_| {
                let url = database.url.clone();
                Accounts::open(url, OpenMode::CreateIfMissing, Arc::new(SystemClock))
            })
            .collect(),
    )
    .await;
    let accounts: Vec<Accounts> = opened.into_iter().map(Result::unwrap).collect();
    accounts[0]
        .add("op1", "operator", "CEC", PASSWORD)
        .await
        .unwrap();
    let again = accounts[5].add("op1", "operator", "CEC", PASSWORD).await;
    assert_eq!(again.unwrap_err().code(), "ACCOUNT_EXISTS");
    for a in &accounts {
        a.close().await;
    }
}

/// Runs the futures at once (each on its own task) and returns their outputs in order.
async fn futures_join_all<F>(futures: Vec<F>) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let tasks: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for task in tasks {
        out.push(task.await.unwrap());
    }
    out
}

/// Logs in from the same (unknown) address on one server.
async fn wrong_login(app: App) -> u16 {
    let login = json!({"user": "cec.secretary", "password": "wrong-password-x"});
    let reply = send(&app, Method::POST, "/api/session", None, login).await;
    reply["status"].as_u64().unwrap() as u16
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn h3_two_servers_on_one_postgres_record_share_the_login_throttle() {
    let Some(database) = TestDatabase::fresh().await else {
        return;
    };
    let a = App::open(&database.url, Config::default()).await.unwrap();
    let b = App::open(&database.url, Config::default()).await.unwrap();
    a.accounts()
        .add("cec.secretary", "secretary", "CEC", PASSWORD)
        .await
        .unwrap();
    let attempts: Vec<_> = (0..40)
        .map(|i| wrong_login(if i % 2 == 0 { a.clone() } else { b.clone() }))
        .collect();
    let answers = futures_join_all(attempts).await;
    let checked = answers.iter().filter(|s| **s == 401).count();
    let throttled = answers.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, throttled), (5, 35), "{answers:?}");
    let failures = b
        .accounts()
        .audit_log(&tandoo_server::AuditFilter {
            since: None,
            user: Some("cec.secretary".into()),
        })
        .await
        .unwrap();
    let failed = failures
        .iter()
        .filter(|e| e.event == "login_failed")
        .count();
    assert_eq!(failed, 5, "both servers write to one audit log");
    a.accounts().close().await;
    b.accounts().close().await;
}

/// A TCP relay to the PostgreSQL server that can be cut, as a database outage is seen by
/// the server, without touching the machine's PostgreSQL.
struct Relay {
    port: u16,
    tasks: Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Relay {
    async fn to(upstream: &str) -> Relay {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let tasks: Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>> = Arc::default();
        let upstream = upstream.to_string();
        let inner = tasks.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let upstream = upstream.clone();
                let relay = tokio::spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                inner.lock().unwrap().push(relay);
            }
        });
        tasks.lock().unwrap().push(accept);
        Relay { port, tasks }
    }

    /// Refuses new connections and drops the open ones.
    fn cut(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn m5_in_a_database_outage_sessions_answer_503_and_public_reads_keep_serving() {
    let Some(database) = TestDatabase::fresh().await else {
        return;
    };
    let (host, rest) = database
        .url
        .split_once('@')
        .map(|(_, r)| r.split_once('/').unwrap())
        .unwrap();
    let relay = Relay::to(host).await;
    let via_relay = database
        .url
        .replace(host, &format!("127.0.0.1:{}", relay.port));
    assert!(via_relay.ends_with(rest));
    let app = App::open(&via_relay, Config::default()).await.unwrap();
    for step in tandoo_demo::story().into_iter().take(1) {
        for submission in step.submissions {
            app.ledger().submit(submission).await.unwrap();
        }
    }
    app.accounts()
        .add("cec.secretary", "secretary", "CEC", PASSWORD)
        .await
        .unwrap();
    let login = json!({"user": "cec.secretary", "password": PASSWORD});
    let opened = send(&app, Method::POST, "/api/session", None, login).await;
    let cookie = opened["cookie"].as_str().unwrap().to_string();
    let status_uri = "/api/status?election=E1&constituency=13";
    let before = send(&app, Method::GET, status_uri, None, Value::Null).await;
    assert_eq!(before["status"], 200, "{before}");

    relay.cut();
    let started = std::time::Instant::now();
    let session = send(
        &app,
        Method::GET,
        "/api/session",
        Some(&cookie),
        Value::Null,
    )
    .await;
    assert_eq!(session["status"], 503, "{session}");
    assert_eq!(session["body"]["error"]["code"], "RECORD_UNAVAILABLE");
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
    let seconds = std::time::Duration::from_secs;
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let during = send(&app, Method::GET, status_uri, None, Value::Null).await;
        assert_eq!(during["status"], 200, "{during}");
        assert_eq!(during["body"], before["body"], "never an empty state");
        let health = send(&app, Method::GET, "/api/health", None, Value::Null).await;
        assert_eq!(health["status"], 200, "{health}");
        assert!(health["body"]["head"]["seq"].as_u64().unwrap() > 0);
        assert!(started.elapsed() < seconds(3), "{:?}", started.elapsed());
        let started = std::time::Instant::now();
        let page = send(
            &app,
            Method::GET,
            "/api/record?from=1&limit=5",
            None,
            Value::Null,
        )
        .await;
        assert!(
            [200, 503].contains(&page["status"].as_u64().unwrap()),
            "a page, or 503 while the database is away: {page}"
        );
        assert!(started.elapsed() < seconds(6), "{:?}", started.elapsed());
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
}

/// A form's page for a station, and the token in it.
async fn report_form(app: &App, constituency: u16, station: u32) -> String {
    let uri = format!("/reports/new?constituency={constituency}&station={station}&lang=en");
    let response = router(app.clone())
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let html = String::from_utf8(bytes.to_vec()).unwrap();
    let at = html.find("name=\"token\" value=\"").unwrap() + 20;
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

/// Sends a report with a form's token; the answer's status.
async fn send_report(app: &App, constituency: u16, station: u32, token: &str) -> u16 {
    let version = app
        .ledger()
        .read(|state| {
            state
                .protocols
                .iter()
                .find(|(key, _)| key.station.0 == station)
                .and_then(|(_, slot)| slot.latest().map(|v| v.version))
        })
        .await
        .unwrap();
    let body = format!(
        "constituency={constituency}&station={station}&version={version}&token={token}\
         &text=The+total+of+line+9+does+not+match+the+register&contact=%2B996555000111"
    );
    let request = Request::post("/reports?lang=en")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let response = router(app.clone()).oneshot(request).await.unwrap();
    response.status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn servers_on_one_postgres_record_share_public_reports_and_their_limits() {
    let Some(database) = TestDatabase::fresh().await else {
        return;
    };
    let config = Config {
        reports: tandoo_server::ReportLimits {
            per_station: 1,
            ..Default::default()
        },
        ..Config::default()
    };
    let a = App::open(&database.url, config.clone()).await.unwrap();
    let b = App::open(&database.url, config).await.unwrap();
    for step in tandoo_demo::story() {
        for submission in step.submissions {
            a.ledger().submit(submission).await.unwrap();
        }
    }
    let head = a.ledger().head().await.seq;
    for _ in 0..600 {
        if b.ledger().head().await.seq == head {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (constituency, station) = a
        .ledger()
        .read(|state| {
            state
                .protocols
                .iter()
                .find(|(_, slot)| slot.latest().is_some())
                .map(|(key, _)| (key.constituency.0, key.station.0))
        })
        .await
        .unwrap();
    // Each server checks the tokens of its own forms.
    let token = report_form(&a, constituency, station).await;
    assert_eq!(send_report(&b, constituency, station, &token).await, 403);
    assert_eq!(send_report(&a, constituency, station, &token).await, 303);
    // The station's counter is shared: the second report, sent to the other server, is one
    // too many.
    let token = report_form(&b, constituency, station).await;
    assert_eq!(send_report(&b, constituency, station, &token).await, 429);
    // The report sent to one server is listed by the other, with its contact.
    a.accounts()
        .add("cec.secretary", "secretary", "CEC", PASSWORD)
        .await
        .unwrap();
    let login = json!({"user": "cec.secretary", "password": PASSWORD});
    let opened = send(&b, Method::POST, "/api/session", None, login).await;
    let cookie = opened["cookie"].as_str().unwrap().to_string();
    let listed = send(
        &b,
        Method::GET,
        "/api/reports?status=open",
        Some(&cookie),
        Value::Null,
    )
    .await;
    assert_eq!(listed["status"], 200, "{listed}");
    let reports = listed["body"]["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1, "{listed}");
    assert_eq!(reports[0]["contact"], "+996555000111");
    assert_eq!(reports[0]["station"], station);
}

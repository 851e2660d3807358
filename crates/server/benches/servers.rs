//! Acts appended per second through the HTTP API on one PostgreSQL record, served by one
//! server and by two. Every protocol of the demo's voting day is entered twice (by two
//! operators of the CEC), so half the commands record one act and half record two (the
//! second entry and the acceptance); with two servers each station's two entries go to
//! different servers, so every acceptance depends on the other server's act.
//!
//! The servers are `App`s in this process, each on its own socket and its own connections
//! to the database, as separate `tandoo serve` processes would be; the clients are keep-alive
//! HTTP/1.1 connections. Each configuration runs once on a fresh database (entering a
//! station changes the record, so a run cannot be repeated on the same one).
//!
//! Run: `TANDOO_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres
//! cargo bench -p tandoo-server --bench servers`. Without the variable it prints a notice.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::Connection;
use sqlx::postgres::PgConnection;
use tandoo_ledger::Ledger;
use tandoo_record::{AnyRecord, OpenMode, Record};
use tandoo_server::{App, Config};
use tokio::net::TcpListener;

mod http;
use http::Http;

const POSTGRES_ENV: &str = "TANDOO_TEST_POSTGRES";
const PASSWORD: &str = "a long enough password";
/// Client connections entering at once, spread over the servers.
const CLIENTS: usize = 32;
const VOTING_DAY: &str = "2025-11-30";

fn main() {
    let Some(server) = std::env::var(POSTGRES_ENV)
        .ok()
        .filter(|s| !s.trim().is_empty())
    else {
        eprintln!("notice: set {POSTGRES_ENV}=postgres://user@host:port/db to run this benchmark");
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        // The last runs: one server without and with the transparency log, signing every
        // 100 ms (a hundred times as often as by default, so the cost is an upper bound).
        let with_log = Some(Duration::from_millis(100));
        for (servers, log) in [
            (1, None),
            (2, None),
            (1, None),
            (2, None),
            (1, with_log),
            (1, None),
            (1, with_log),
            (1, None),
        ] {
            let database = TestDatabase::create(&server).await;
            let run = run(&database.url, servers, log).await;
            database.drop_it().await;
            let label = match (log, run.checkpoints) {
                (Some(every), n) => {
                    format!(" with the log signing every {every:?} ({n} checkpoints)")
                }
                (None, _) => String::new(),
            };
            println!(
                "{servers} server(s){label}: {} commands, {} acts in {:.2?}: {:.0} acts/s, \
                 {:.0} commands/s; {} transactions rolled back, {} answers 503 retried; \
                 latency p50 {:.1?} p99 {:.1?}",
                run.commands,
                run.acts,
                run.elapsed,
                run.acts as f64 / run.elapsed.as_secs_f64(),
                run.commands as f64 / run.elapsed.as_secs_f64(),
                run.stale,
                run.unavailable,
                run.p50,
                run.p99,
            );
        }
    });
}

struct Run {
    commands: usize,
    acts: u64,
    elapsed: Duration,
    unavailable: usize,
    /// Transactions the database rolled back, among them every append refused because
    /// another server had appended since the batch was decided.
    stale: i64,
    p50: Duration,
    p99: Duration,
    /// Checkpoints the log signed during the run.
    checkpoints: usize,
}

async fn run(url: &str, servers: usize, log: Option<Duration>) -> Run {
    prepare(url).await;
    let kept = tempfile::tempdir().unwrap();
    let config = || Config {
        log: log.map(|interval| tandoo_server::log::LogSettings {
            signer: Arc::new(tandoo_tlog::NoteSigner::generate("bench.example/log").unwrap()),
            checkpoints: kept.path().to_path_buf(),
            interval,
        }),
        ..Config::default()
    };
    let mut addresses = Vec::new();
    let mut stops = Vec::new();
    let mut served = Vec::new();
    let mut before = 0;
    for _ in 0..servers {
        let app = App::open(url, config()).await.unwrap();
        before = app.ledger().head().await.seq;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        addresses.push(listener.local_addr().unwrap().to_string());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        stops.push(stop);
        served.push(tokio::spawn(tandoo_server::serve(app, listener, async {
            let _ = stopped.await;
        })));
    }
    let cookies = [
        login(&addresses[0], "op1").await,
        login(&addresses[0], "op2").await,
    ];
    // Station by station: op1's entry, then op2's. Job j goes to server j % servers, so
    // with two servers each station's entries are made on different servers.
    let jobs: Arc<Vec<(usize, String)>> = Arc::new(
        protocol_commands()
            .iter()
            .flat_map(|command| {
                let body = serde_json::json!({"date": VOTING_DAY, "command": command}).to_string();
                [(0, body.clone()), (1, body)]
            })
            .collect(),
    );
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (jobs, next, cookies, addresses) = (
                jobs.clone(),
                next.clone(),
                cookies.clone(),
                addresses.clone(),
            );
            tokio::spawn(async move {
                let mut connections = Vec::new();
                for address in &addresses {
                    connections.push(Http::open(address).await);
                }
                let mut latencies = Vec::new();
                let mut unavailable = 0;
                loop {
                    let j = next.fetch_add(1, Ordering::Relaxed);
                    let Some((operator, body)) = jobs.get(j) else {
                        return (latencies, unavailable);
                    };
                    let (cookie, csrf) = &cookies[*operator];
                    let connection = &mut connections[j % addresses.len()];
                    let sent = Instant::now();
                    loop {
                        let (status, answer) = connection
                            .send(
                                "POST",
                                "/api/commands",
                                &[("Cookie", cookie), ("X-CSRF-Token", csrf)],
                                body,
                            )
                            .await;
                        match status {
                            201 => break,
                            503 => unavailable += 1,
                            other => panic!("unexpected answer {other}: {answer}"),
                        }
                    }
                    latencies.push(sent.elapsed());
                }
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut unavailable = 0;
    for worker in workers {
        let (l, u) = worker.await.unwrap();
        latencies.extend(l);
        unavailable += u;
    }
    let elapsed = started.elapsed();
    let checkpoints = std::fs::read_dir(kept.path()).map_or(0, |d| d.count());
    for stop in stops {
        let _ = stop.send(());
    }
    for server in served {
        server.await.unwrap().unwrap();
    }
    let stale = refused_appends(url).await;
    let after = AnyRecord::open(url, OpenMode::MustExist)
        .await
        .unwrap()
        .head()
        .await
        .unwrap()
        .seq;
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    Run {
        commands: jobs.len(),
        acts: after - before,
        elapsed,
        unavailable,
        stale,
        p50: at(0.5),
        p99: at(0.99),
        checkpoints,
    }
}

/// Transactions rolled back in the database at `url`, which include every append refused
/// because the record had moved on. PostgreSQL publishes these counts within a second, so
/// this waits a little longer first.
async fn refused_appends(url: &str) -> i64 {
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let mut conn = PgConnection::connect(url).await.unwrap();
    let rolled_back: i64 = sqlx::query_scalar(
        "SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    rolled_back
}

/// The demo's set-up, and the two operators' accounts.
async fn prepare(url: &str) {
    let record = AnyRecord::open(url, OpenMode::CreateIfMissing)
        .await
        .unwrap();
    let mut ledger = Ledger::open(record).await.unwrap();
    ledger
        .submit_all(&tandoo_demo::story()[0].submissions)
        .await
        .unwrap();
    let accounts = tandoo_server::Accounts::open(
        url,
        OpenMode::MustExist,
        Arc::new(tandoo_server::SystemClock),
    )
    .await
    .unwrap();
    for user in ["op1", "op2"] {
        accounts
            .add(user, "operator", "CEC", PASSWORD)
            .await
            .unwrap();
    }
    accounts.close().await;
}

/// The demo's voting-day entries by the first operator of every district commission.
fn protocol_commands() -> Vec<Value> {
    tandoo_demo::story()[1]
        .submissions
        .iter()
        .filter(|s| s.actor.user.ends_with(".operator1"))
        .map(|s| serde_json::to_value(&s.command).unwrap())
        .collect()
}

/// Logs in; returns the cookie and the CSRF token.
async fn login(address: &str, user: &str) -> (String, String) {
    let mut connection = Http::open(address).await;
    let body = serde_json::json!({"user": user, "password": PASSWORD}).to_string();
    let (status, answer) = connection.send("POST", "/api/session", &[], &body).await;
    assert_eq!(status, 200, "{answer}");
    let cookie = connection.set_cookie.take().unwrap();
    (cookie, answer["csrf_token"].as_str().unwrap().to_string())
}

/// A database created for one run and dropped after it.
struct TestDatabase {
    server: String,
    name: String,
    url: String,
}

impl TestDatabase {
    async fn create(server: &str) -> TestDatabase {
        let mut id = [0u8; 8];
        getrandom::getrandom(&mut id).unwrap();
        let name = format!("tandoo_test_{}", hex::encode(id));
        let mut conn = PgConnection::connect(server).await.unwrap();
        sqlx::query(&format!(
            "CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"
        ))
        .execute(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
        let base = server.rsplit_once('/').map_or(server, |(b, _)| b);
        TestDatabase {
            url: format!("{base}/{name}"),
            server: server.to_string(),
            name,
        }
    }

    async fn drop_it(self) {
        let mut conn = PgConnection::connect(&self.server).await.unwrap();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        sqlx::query(&sql).execute(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    }
}

//! The staff application under its own request pattern, on the embedded SQLite record of the
//! demo story's set-up (30 constituencies, every station and candidate, no protocol yet):
//!
//! - **entry**: 8 pairs of operators double-enter every protocol of the election through the
//!   screens, as a browser does — each entry loads the protocol's form (`GET`) and sends it
//!   (`POST`, answered by a 303) — the two operators of a pair at once, the second one
//!   station behind the first; protocols accepted per second, and each request's latency.
//!   The reference, measured in the same run on a fresh record: the same entries sent as
//!   one `POST /api/commands` each, as a program talking to the JSON API sends them;
//! - **screens**: then, on the record with every protocol accepted, each main screen asked
//!   for by one client, one request at a time: the median and p99 of the time to the whole
//!   answer, which bounds the server's rendering from above.
//!
//! The server is an `App` in this process on its own socket, as `tandoo serve` is; the
//! clients are keep-alive HTTP/1.1 connections.
//!
//! Run: `cargo bench -p tandoo-server --bench workplace`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tandoo_core::progress::StationStatus;
use tandoo_core::protocol::ProtocolKey;
use tandoo_server::{App, Config};
use tokio::net::TcpListener;

mod http;
use http::Http;

const PASSWORD: &str = "a long enough password";
const PAIRS: usize = 8;
const FORM: &str = "application/x-www-form-urlencoded";
/// Requests per screen in the screens' run.
const SCREEN_REQUESTS: usize = 300;

/// How an operator's entry reaches the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    /// As the JSON API takes it: one `POST /api/commands`, the reference.
    Api,
    /// As the screens send it: the form loaded, then sent.
    Screens,
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        // The API's pattern first, as the reference measured in the same run, then the
        // screens'; each on a fresh record.
        for pattern in [
            Pattern::Api,
            Pattern::Screens,
            Pattern::Api,
            Pattern::Screens,
        ] {
            let served = Served::start().await;
            entry(&served, pattern).await;
            if pattern == Pattern::Screens {
                screens(&served).await;
            }
            served.stop().await;
        }
    });
}

/// A server on a fresh record of the story's set-up, with 16 operators of the CEC.
struct Served {
    app: App,
    address: String,
    stop: tokio::sync::oneshot::Sender<()>,
    served: tokio::task::JoinHandle<std::io::Result<()>>,
    _dir: tempfile::TempDir,
}

impl Served {
    async fn start() -> Served {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path().join("record.sqlite"), Config::default())
            .await
            .unwrap();
        let setup = tandoo_demo::story().remove(0);
        for submission in setup.submissions {
            app.ledger().submit(submission).await.unwrap();
        }
        for n in 0..2 * PAIRS {
            app.accounts()
                .add(&format!("op{n}"), "operator", "CEC", PASSWORD)
                .await
                .unwrap();
        }
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = tokio::spawn(tandoo_server::serve(app.clone(), listener, async {
            let _ = stopped.await;
        }));
        Served {
            app,
            address,
            stop,
            served,
            _dir: dir,
        }
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        self.served.await.unwrap().unwrap();
    }
}

/// Every protocol double-entered by the pairs, in `pattern`.
async fn entry(served: &Served, pattern: Pattern) {
    let jobs = Arc::new(protocols(&served.app).await);
    let mut operators = Vec::new();
    for n in 0..2 * PAIRS {
        operators.push(log_in(&served.address, &format!("op{n}")).await);
    }
    let started = Instant::now();
    let mut pairs = Vec::new();
    let mut operators = operators.into_iter();
    for pair in 0..PAIRS {
        let (mut first, mut second) = (operators.next().unwrap(), operators.next().unwrap());
        let jobs = jobs.clone();
        pairs.push(tokio::spawn(async move {
            let mine: Vec<&Job> = jobs.iter().skip(pair).step_by(PAIRS).collect();
            let mut latencies = Vec::new();
            // The second operator enters the station the first entered a moment ago.
            for at in 0..=mine.len() {
                let (a, b) = tokio::join!(
                    async {
                        match mine.get(at) {
                            Some(job) => first.enter(job, pattern).await,
                            None => Vec::new(),
                        }
                    },
                    async {
                        match at.checked_sub(1).and_then(|i| mine.get(i)) {
                            Some(job) => second.enter(job, pattern).await,
                            None => Vec::new(),
                        }
                    }
                );
                latencies.extend(a);
                latencies.extend(b);
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for pair in pairs {
        latencies.extend(pair.await.unwrap());
    }
    let elapsed = started.elapsed();
    assert_eq!(
        accepted(&served.app).await,
        jobs.len(),
        "every protocol accepted"
    );
    println!(
        "entry through {pattern:?}: {} protocols double-entered by {PAIRS} operator pairs \
         in {elapsed:.2?}: {:.0} protocols/s ({} requests); per request p50 {:.1?} p99 {:.1?}",
        jobs.len(),
        jobs.len() as f64 / elapsed.as_secs_f64(),
        latencies.len(),
        quantile(&mut latencies, 0.5),
        quantile(&mut latencies, 0.99),
    );
}

/// Each main screen asked for by one client, one request at a time.
async fn screens(served: &Served) {
    let mut reader = log_in(&served.address, "op0").await;
    for screen in [
        "/staff",
        "/staff/constituencies",
        "/staff/constituencies/13",
        "/staff/entry",
        "/staff/entry/13/13001",
        "/staff/candidates?constituency=13",
        "/staff/results",
        "/staff/results/13",
        "/staff/resolutions",
        "/staff/record",
    ] {
        let mut times = Vec::new();
        for _ in 0..SCREEN_REQUESTS {
            let sent = Instant::now();
            let (status, _) = reader.get(screen).await;
            times.push(sent.elapsed());
            assert_eq!(status, 200, "{screen}");
        }
        println!(
            "screen {screen}: median {:.2?}, p99 {:.2?} ({SCREEN_REQUESTS} requests)",
            quantile(&mut times, 0.5),
            quantile(&mut times, 0.99)
        );
    }
}

/// One protocol to enter: its form's address and the body its figures make.
struct Job {
    path: String,
    fields: String,
    /// The same entry as the JSON API takes it.
    command: String,
}

/// Every protocol of the main election with figures that keep every control relation.
async fn protocols(app: &App) -> Vec<Job> {
    app.ledger()
        .read(|state| {
            let election = state.main_election().unwrap().clone();
            let mut jobs = Vec::new();
            for &constituency in &state.elections[&election].call.constituencies {
                for &station in &state.rolls[&constituency].station_ids {
                    let key = ProtocolKey {
                        election: election.clone(),
                        station,
                        constituency,
                    };
                    let voters = state.stations[&station].voters;
                    let ballot = tandoo_workplace::entry::ballot(state, &key);
                    let fields = fields(voters, &ballot);
                    // The API's command is the one the form reads back into.
                    let pairs: Vec<(String, String)> = form_urlencoded::parse(fields.as_bytes())
                        .into_owned()
                        .collect();
                    let typed = tandoo_workplace::entry::Typed::from_fields(
                        pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())),
                    );
                    let form = &state.elections[&election].call.form;
                    let command = typed.command(&key, form, &ballot).unwrap();
                    let command = serde_json::json!({
                        "date": "2025-11-30",
                        "command": tandoo_core::Command::EnterProtocol(command),
                    });
                    jobs.push(Job {
                        path: format!("/staff/entry/{constituency}/{station}"),
                        fields,
                        command: command.to_string(),
                    });
                }
            }
            jobs
        })
        .await
}

fn fields(voters: u64, ballot: &[tandoo_core::ids::CandidateId]) -> String {
    let (inside, outside) = (voters / 2, voters.min(10));
    let cast = inside + outside;
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (code, n) in [
        ("L1", voters),
        ("L2", voters),
        ("L3", inside),
        ("L4", outside),
        ("L5", voters - cast),
        ("L6", cast),
        ("L7", outside),
        ("L8", inside),
        ("L9", 0),
        ("L10", cast),
    ] {
        form.append_pair(&format!("line-{code}"), &n.to_string());
    }
    let share = cast / (ballot.len() as u64 + 1);
    for id in ballot {
        form.append_pair(&format!("candidate-{id}"), &share.to_string());
    }
    form.append_pair(
        "against-all",
        &(cast - share * ballot.len() as u64).to_string(),
    );
    form.finish()
}

async fn accepted(app: &App) -> usize {
    app.ledger()
        .read(|state| {
            state
                .protocols
                .values()
                .filter(|slot| {
                    tandoo_core::progress::station_status(state, Some(slot))
                        == StationStatus::Accepted
                })
                .count()
        })
        .await
}

/// An operator's browser: a connection, its session cookie and its pages' CSRF token.
struct Operator {
    http: Http,
    cookie: String,
    csrf: String,
}

async fn log_in(address: &str, user: &str) -> Operator {
    let mut http = Http::open(address).await;
    let body = format!("user={user}&password={}", PASSWORD.replace(' ', "+"));
    let (status, _) = http.request("POST", "/login", FORM, &[], &body).await;
    assert_eq!(status, 303, "{user} logs in");
    let cookie = http.set_cookie.take().unwrap();
    let mut operator = Operator {
        http,
        cookie,
        csrf: String::new(),
    };
    let (_, home) = operator.get("/staff").await;
    let marker = "name=\"csrf\" value=\"";
    let at = home.find(marker).unwrap() + marker.len();
    operator.csrf = home[at..at + 64].to_owned();
    operator
}

impl Operator {
    async fn get(&mut self, path: &str) -> (u16, String) {
        let (status, body) = self
            .http
            .request("GET", path, "text/plain", &[("Cookie", &self.cookie)], "")
            .await;
        (status, String::from_utf8(body).unwrap())
    }

    /// Enters a protocol in `pattern`: the latency of each request.
    async fn enter(&mut self, job: &Job, pattern: Pattern) -> Vec<Duration> {
        if pattern == Pattern::Api {
            let sent = Instant::now();
            let headers = [
                ("Cookie", self.cookie.as_str()),
                ("X-CSRF-Token", self.csrf.as_str()),
            ];
            let (status, answer) = self
                .http
                .request(
                    "POST",
                    "/api/commands",
                    "application/json",
                    &headers,
                    &job.command,
                )
                .await;
            assert_eq!(status, 201, "{}", String::from_utf8_lossy(&answer));
            return vec![sent.elapsed()];
        }
        let loaded = Instant::now();
        let (status, _) = self.get(&job.path).await;
        assert_eq!(status, 200, "{}", job.path);
        let sent = Instant::now();
        let body = format!("csrf={}&{}", self.csrf, job.fields);
        let (status, answer) = self
            .http
            .request("POST", &job.path, FORM, &[("Cookie", &self.cookie)], &body)
            .await;
        assert_eq!(
            status,
            303,
            "{}: {}",
            job.path,
            String::from_utf8_lossy(&answer)
        );
        vec![sent - loaded, sent.elapsed()]
    }
}

fn quantile(times: &mut [Duration], q: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * q) as usize]
}

//! Election night against a running `tandoo serve`, for the portal's load benchmark
//! (`bench/portal.sh`): protocols double-entered through the HTTP API as fast as the server
//! takes them, and the time until an accepted protocol shows on the portal.
//!
//! - `prepare DB`: writes a generated national election up to voting day into a new SQLite
//!   record (commissions, constituencies, stations, registered candidates) and two operator
//!   accounts of the CEC;
//! - `enter ADDRESS SECONDS`: double-enters the stations' protocols with [`CLIENTS`]
//!   keep-alive connections for SECONDS, and prints the protocols accepted per second in the
//!   window after the first [`WARM_UP`] (when the readers are running too);
//! - `visible ADDRESS`: enters the one protocol `enter` leaves out and polls
//!   `/results/13.json` until its count of protocols includes it; prints the milliseconds.
//!
//! Run: `cargo run --release -p tandoo-server --example election_night -- prepare night.db`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use tandoo_core::LegalDate;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::candidate::{Nomination, Nominator};
use tandoo_core::command::{
    Command, ElectionCallSpec, EnterProtocol, PayFee, RegisterCandidate, Submission,
};
use tandoo_core::commission::{CommissionDef, CommissionLevel, Member, Position, VotingRule};
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::{
    CandidateId, CommissionId, ConstituencyNo, ElectionId, MemberId, PersonId, StationId,
};
use tandoo_core::money::Money;
use tandoo_core::protocol::ProtocolEntry;
use tandoo_core::rules::RuleSetSpec;
use tandoo_core::territory::{ConstituencyDef, StationDef};
use tandoo_count::Gender;
use tandoo_ledger::Ledger;
use tandoo_record::{OpenMode, SqliteRecord};

// The benchmarks' client: the same connection, one request at a time.
#[path = "../benches/http/mod.rs"]
mod http;
use http::Http;

/// 24 × 500 = 12,000 stations: more than 10 s of entry at 1,000 protocols a second, and a
/// publication of the size of a national one (a page per station in three languages).
const CONSTITUENCIES: u16 = 24;
const STATIONS_PER_CONSTITUENCY: u32 = 500;
const CANDIDATES: usize = 12;
/// Connections entering at once, as 8 pairs of operators would.
const CLIENTS: usize = 16;
/// The entry rate is counted after this, once the readers have started.
const WARM_UP: Duration = Duration::from_secs(1);
/// The constituency whose page `visible` watches; its last station is left to `visible`.
const WATCHED: u16 = 13;
const PASSWORD: &str = "a long enough password";
const OPERATORS: [&str; 2] = ["op1", "op2"];
/// How long `visible` waits before it calls the protocol not shown.
const VISIBLE_WITHIN: Duration = Duration::from_secs(30);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["prepare", db] => runtime.block_on(prepare(db)),
        ["enter", address, seconds] => runtime.block_on(enter(
            address,
            Duration::from_secs(seconds.parse().unwrap()),
        )),
        ["visible", address] => runtime.block_on(visible(address)),
        _ => {
            eprintln!("usage: election_night prepare DB | enter ADDRESS SECONDS | visible ADDRESS");
            std::process::exit(2);
        }
    }
}

fn day() -> LegalDate {
    "2026-11-29".parse().unwrap()
}

fn station(c: u16, s: u32) -> StationId {
    StationId(u32::from(c) * 10_000 + s)
}

fn candidate(c: u16, i: usize) -> CandidateId {
    CandidateId::new(format!("N-{c}-{i:02}"))
}

async fn prepare(db: &str) {
    let record = SqliteRecord::open(db, OpenMode::CreateIfMissing)
        .await
        .unwrap();
    let mut ledger = Ledger::open(record).await.unwrap();
    for batch in setup().chunks(10_000) {
        ledger.submit_all(batch).await.unwrap();
    }
    let accounts = tandoo_server::Accounts::open(
        db,
        OpenMode::MustExist,
        Arc::new(tandoo_server::SystemClock),
    )
    .await
    .unwrap();
    for user in OPERATORS {
        accounts
            .add(user, "operator", "CEC", PASSWORD)
            .await
            .unwrap();
    }
    accounts.close().await;
    println!(
        "{} constituencies, {} stations, {CANDIDATES} candidates each",
        CONSTITUENCIES,
        u32::from(CONSTITUENCIES) * STATIONS_PER_CONSTITUENCY
    );
}

fn commission(id: String, level: CommissionLevel) -> CommissionDef {
    CommissionDef {
        id: CommissionId::new(id.clone()),
        name: id.clone().into(),
        level,
        parent: None,
        members: (1..=7)
            .map(|n| Member {
                id: MemberId::new(format!("{id}-{n}")),
                name: format!("member {n}"),
                position: Position::Member,
            })
            .collect(),
        voting: VotingRule::default(),
    }
}

/// Everything before voting day: commissions, constituencies, stations, candidates.
fn setup() -> Vec<Submission> {
    let admin = Actor::new("admin", Role::Administrator, "CEC");
    let at = |actor: &Actor, command| Submission {
        date: day(),
        actor: actor.clone(),
        command,
    };
    let mut subs = vec![at(
        &admin,
        Command::FormCommission(commission("CEC".into(), CommissionLevel::Central)),
    )];
    for c in 1..=CONSTITUENCIES {
        subs.push(at(
            &admin,
            Command::DefineConstituency(ConstituencyDef {
                number: ConstituencyNo(c),
                name: format!("No. {c}").into(),
                seats: 3,
            }),
        ));
        for s in 0..STATIONS_PER_CONSTITUENCY {
            subs.push(at(
                &admin,
                Command::DefineStation(StationDef {
                    number: station(c, s),
                    name: format!("School {s}"),
                    constituency: ConstituencyNo(c),
                    voters: 1_500,
                }),
            ));
        }
        subs.push(at(
            &admin,
            Command::FormCommission(commission(
                format!("DEC-{c}"),
                CommissionLevel::District {
                    constituency: ConstituencyNo(c),
                },
            )),
        ));
    }
    subs.push(at(
        &admin,
        Command::CallElection(ElectionCallSpec {
            id: ElectionId::new("N"),
            name: "Generated national election".into(),
            kind: ElectionKind::Regular,
            repeat_of: None,
            voting_day: day(),
            rule_set: RuleSetSpec::Preset("jogorku_kenesh_2025".into()),
            constituencies: (1..=CONSTITUENCIES).map(ConstituencyNo).collect(),
            form: None,
        }),
    ));
    for c in 1..=CONSTITUENCIES {
        let secretary = Actor::new("secretary", Role::Secretary, &format!("DEC-{c}"));
        for i in 0..CANDIDATES {
            let id = candidate(c, i);
            let gender = if i % 3 == 2 {
                Gender::Female
            } else {
                Gender::Male
            };
            subs.push(at(
                &secretary,
                Command::NominateCandidate(Nomination {
                    id: id.clone(),
                    person: PersonId::new(id.to_string()),
                    name: format!("Candidate {id}"),
                    latin_name: None,
                    gender,
                    election: ElectionId::new("N"),
                    constituency: ConstituencyNo(c),
                    nominated_by: Nominator::SelfNominated,
                }),
            ));
            subs.push(at(
                &secretary,
                Command::PayFee(PayFee {
                    candidate: id.clone(),
                    amount: Money::whole(300_000),
                    reference: String::new(),
                }),
            ));
            subs.push(at(
                &secretary,
                Command::RegisterCandidate(RegisterCandidate { candidate: id }),
            ));
        }
    }
    subs
}

/// A station's protocol that satisfies every control relation, with `against_all` votes
/// against all.
fn protocol(c: u16, s: u32, against_all: i64) -> ProtocolEntry {
    let votes: Vec<i64> = (0..CANDIDATES)
        .map(|i| 10 + ((i64::from(s) * 7 + i as i64 * 13) % 40))
        .collect();
    let invalid = 4;
    let valid: i64 = votes.iter().sum::<i64>() + against_all;
    let in_boxes = valid + invalid;
    let lines = [
        1500,
        1500,
        in_boxes,
        0,
        1500 - in_boxes,
        in_boxes,
        0,
        in_boxes,
        invalid,
        valid,
    ];
    ProtocolEntry {
        lines: lines
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("L{}", i + 1), *v))
            .collect(),
        candidates: votes
            .iter()
            .enumerate()
            .map(|(i, v)| (candidate(c, i), *v))
            .collect(),
        against_all: Some(against_all),
    }
}

/// Votes against all in every protocol `enter` enters.
const AGAINST_ALL: i64 = 5;
/// Votes against all in the protocol `visible` enters: one more, so a constituency's total
/// against all is one more than a multiple of [`AGAINST_ALL`] exactly when it counts that
/// protocol, however many others were accepted meanwhile.
const AGAINST_ALL_WATCHED: i64 = AGAINST_ALL + 1;

/// The body of `POST /api/commands` entering station `s` of constituency `c`.
fn entry_body(c: u16, s: u32, against_all: i64) -> String {
    let command = Command::EnterProtocol(EnterProtocol {
        election: ElectionId::new("N"),
        station: station(c, s),
        constituency: ConstituencyNo(c),
        figures: protocol(c, s, against_all),
        acknowledged: Vec::new(),
        correction_reason: None,
    });
    serde_json::json!({"date": day(), "command": command}).to_string()
}

/// The operators' cookies and CSRF tokens.
async fn sessions(address: &str) -> Vec<(String, String)> {
    let mut sessions = Vec::new();
    for user in OPERATORS {
        let mut connection = Http::open(address).await;
        let body = serde_json::json!({"user": user, "password": PASSWORD}).to_string();
        let (status, answer) = connection.send("POST", "/api/session", &[], &body).await;
        assert_eq!(status, 200, "logging in {user}: {answer}");
        let cookie = connection.set_cookie.take().unwrap();
        sessions.push((cookie, answer["csrf_token"].as_str().unwrap().to_string()));
    }
    sessions
}

/// Enters protocols for `run`, station by station (the first operator's entry, then the
/// second's, which is accepted with it), from [`CLIENTS`] connections at once.
async fn enter(address: &str, run: Duration) {
    let sessions = Arc::new(sessions(address).await);
    let stations: Arc<Vec<(u16, u32)>> = Arc::new(
        (0..STATIONS_PER_CONSTITUENCY - 1)
            .flat_map(|s| (1..=CONSTITUENCIES).map(move |c| (c, s)))
            .collect(),
    );
    let next = Arc::new(AtomicUsize::new(0));
    let counted = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let window = (started + WARM_UP, started + run);
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (sessions, stations, next, counted, address) = (
                sessions.clone(),
                stations.clone(),
                next.clone(),
                counted.clone(),
                address.to_string(),
            );
            tokio::spawn(async move {
                let mut connection = Http::open(&address).await;
                let mut latencies = Vec::new();
                let mut unavailable = 0u64;
                while Instant::now() < window.1 {
                    let Some(&(c, s)) = stations.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    let body = entry_body(c, s, AGAINST_ALL);
                    for (cookie, csrf) in sessions.iter() {
                        let headers = [("Cookie", cookie.as_str()), ("X-CSRF-Token", csrf)];
                        let sent = Instant::now();
                        loop {
                            let (status, answer) = connection
                                .send("POST", "/api/commands", &headers, &body)
                                .await;
                            match status {
                                201 => break,
                                503 => unavailable += 1,
                                other => panic!("unexpected answer {other}: {answer}"),
                            }
                        }
                        latencies.push(sent.elapsed());
                    }
                    let now = Instant::now();
                    if now >= window.0 && now < window.1 {
                        counted.fetch_add(1, Ordering::Relaxed);
                    }
                }
                (latencies, unavailable)
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
    let ended = Instant::now().min(window.1);
    let measured = ended.saturating_duration_since(window.0).as_secs_f64();
    let accepted = counted.load(Ordering::Relaxed);
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    let ran_out = next.load(Ordering::Relaxed) >= stations.len();
    println!(
        "entry: {accepted} protocols accepted in {measured:.1} s: {:.0} protocols/s; \
         command latency p50 {:.1?} p99 {:.1?}; {unavailable} answers 503 retried{}",
        accepted as f64 / measured,
        at(0.5),
        at(0.99),
        if ran_out { "; ran out of stations" } else { "" },
    );
}

/// Enters the watched constituency's last protocol and polls its results until they count
/// it: the time from the acceptance (the second entry's answer) to the portal showing it.
async fn visible(address: &str) {
    let mut reader = Http::open(address).await;
    let path = format!("/results/{WATCHED}.json");
    let sessions = sessions(address).await;
    let body = entry_body(WATCHED, STATIONS_PER_CONSTITUENCY - 1, AGAINST_ALL_WATCHED);
    let mut writer = Http::open(address).await;
    for (cookie, csrf) in &sessions {
        let headers = [("Cookie", cookie.as_str()), ("X-CSRF-Token", csrf.as_str())];
        let (status, answer) = writer.send("POST", "/api/commands", &headers, &body).await;
        assert_eq!(status, 201, "{answer}");
    }
    let accepted = Instant::now();
    let mut polls = 0;
    while accepted.elapsed() < VISIBLE_WITHIN {
        polls += 1;
        let (status, answer) = reader.send("GET", &path, &[], "").await;
        if status == 200 && counts_watched(&answer) {
            println!(
                "visible: the protocol accepted showed in {path} after {:.0} ms ({polls} polls)",
                accepted.elapsed().as_secs_f64() * 1e3
            );
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    println!("visible: the protocol accepted did not show in {path} within {VISIBLE_WITHIN:?}");
}

/// Whether a constituency's results count the protocol `visible` entered (see
/// [`AGAINST_ALL_WATCHED`]).
fn counts_watched(view: &Value) -> bool {
    view["contest"]["against_all"]
        .as_u64()
        .is_some_and(|votes| votes % AGAINST_ALL as u64 == 1)
}

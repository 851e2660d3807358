//! Two `tandoo serve` processes on one PostgreSQL record: operators enter the same stations
//! on different servers at the same time, so every acceptance depends on an act the other
//! server recorded. Every command is acknowledged once, no act is recorded twice, both
//! servers end with the same state within a second, and the record verifies.

mod support;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::*;

/// Stations each pair of operators enters.
const STATIONS: usize = 150;
/// Times one command may be answered 503 before the test gives up on it.
const MAX_RETRIES: u32 = 50;
const VOTING_DAY: &str = "2025-11-30";

#[derive(Default)]
struct Tally {
    /// seq → hash of every act acknowledged, from either server.
    acknowledged: BTreeMap<u64, String>,
    /// Commands answered 201.
    accepted: usize,
    /// Answers 503 ("submit again"), each followed by a retry.
    unavailable: usize,
}

/// Sends each command until it is answered 201, retrying after a 503.
fn enter(client: Client, commands: Vec<Value>, tally: Arc<Mutex<Tally>>) {
    for command in &commands {
        let mut retries = 0;
        loop {
            let answer = client
                .command(VOTING_DAY, command)
                .expect("the server answers");
            match answer.status {
                201 => {
                    let mut tally = tally.lock().unwrap();
                    tally.accepted += 1;
                    for entry in answer.body["entries"].as_array().unwrap() {
                        let seq = entry["seq"].as_u64().unwrap();
                        let hash = entry["hash"].as_str().unwrap().to_string();
                        let before = tally.acknowledged.insert(seq, hash);
                        assert!(before.is_none(), "act {seq} was acknowledged twice");
                    }
                    break;
                }
                503 => {
                    assert_eq!(answer.body["error"]["code"], "RECORD_UNAVAILABLE");
                    tally.lock().unwrap().unavailable += 1;
                    retries += 1;
                    assert!(
                        retries <= MAX_RETRIES,
                        "a command was answered 503 {MAX_RETRIES} times in a row"
                    );
                    std::thread::sleep(Duration::from_millis(2 + u64::from(retries)));
                }
                other => panic!("unexpected answer {other}: {}", answer.body),
            }
        }
    }
}

fn get(address: &str, path: &str) -> Value {
    let answer = request(address, "GET", path, &[], "").expect("answered");
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.body
}

#[test]
fn two_servers_share_one_postgres_record() {
    let Some(database) = TestDatabase::fresh() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = database.url.as_str();
    prepare_record(db, dir.path());
    let a = Server::start(db);
    let b = Server::start(db);
    let (setup_seq, _) = health(&a.address);
    assert_eq!(health(&b.address).0, setup_seq);

    // A session opened on one server is valid on the other.
    let op1_a = Client::login(&a.address, "op1");
    let op1_b = op1_a.on(&b.address);
    let op2_b = Client::login(&b.address, "op2");
    let op2_a = op2_b.on(&a.address);
    let session = request(
        &b.address,
        "GET",
        "/api/session",
        &[("Cookie", &op1_session_cookie(&a.address))],
        "",
    )
    .unwrap();
    assert_eq!(session.status, 200, "{}", session.body);
    assert_eq!(session.body["user"], "op1");

    let commands = protocol_commands();
    assert!(commands.len() >= 2 * STATIONS);
    let first: Vec<Value> = commands[..STATIONS].to_vec();
    let second: Vec<Value> = commands[STATIONS..2 * STATIONS].to_vec();
    let tally = Arc::new(Mutex::new(Tally::default()));
    let started = Instant::now();
    // Each station is entered by op1 on one server and op2 on the other, at once.
    let threads: Vec<_> = [
        (op1_a, first.clone()),
        (op2_b, first),
        (op1_b, second.clone()),
        (op2_a, second),
    ]
    .into_iter()
    .map(|(client, commands)| {
        let tally = tally.clone();
        std::thread::spawn(move || enter(client, commands, tally))
    })
    .collect();
    for thread in threads {
        thread.join().expect("a client thread failed");
    }
    let burst = started.elapsed();
    let burst_end = Instant::now();

    // Both servers serve every act within a second.
    let tally = tally.lock().unwrap();
    let last = *tally.acknowledged.keys().next_back().unwrap();
    let (head_a, head_b) = loop {
        let (ha, hb) = (health(&a.address), health(&b.address));
        if ha == hb && ha.0 == last {
            break (ha, hb);
        }
        assert!(
            burst_end.elapsed() < Duration::from_secs(1),
            "the servers disagree a second after the burst: {ha:?} and {hb:?}, last act {last}"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let converged = burst_end.elapsed();
    assert_eq!(head_a, head_b);
    assert_eq!(tally.acknowledged[&last], head_a.1);
    // The status as of the last act: each server's publication may still be a render
    // behind it, so the answer is asked to reflect it.
    for path in [
        format!("/api/status?at_least={last}"),
        format!("/api/status?constituency=13&at_least={last}"),
        "/api/progress".to_owned(),
    ] {
        assert_eq!(get(&a.address, &path), get(&b.address, &path), "{path}");
    }
    let progress = get(&a.address, "/api/progress");
    assert_eq!(
        progress["total"]["by_status"]["accepted"],
        2 * STATIONS,
        "{}",
        progress["total"]
    );
    assert_eq!(
        tally.accepted,
        4 * STATIONS,
        "every command acknowledged once"
    );

    // The record holds exactly the acknowledged acts, each once, with its hash.
    let entries = exported(db, dir.path());
    let recorded: BTreeMap<u64, String> = entries
        .iter()
        .filter(|e| e["seq"].as_u64().unwrap() > setup_seq)
        .map(|e| {
            (
                e["seq"].as_u64().unwrap(),
                e["hash"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        recorded, tally.acknowledged,
        "the record holds exactly the acknowledged acts"
    );
    let mut entered = BTreeSet::new();
    let mut accepted = BTreeSet::new();
    for e in &entries {
        let act = &e["act"];
        match act["type"].as_str().unwrap() {
            "protocol_entered" => {
                let key = (act["key"].to_string(), act["operator"].to_string());
                assert!(entered.insert(key), "an entry was recorded twice: {act}");
            }
            "protocol_accepted" => {
                assert!(
                    accepted.insert(act["key"].to_string()),
                    "a protocol was accepted twice: {act}"
                );
            }
            _ => {}
        }
    }
    assert_eq!(entered.len(), 4 * STATIONS);
    assert_eq!(accepted.len(), 2 * STATIONS);

    let verified = tandoo(&["verify", "--db", db]);
    assert!(verified.status.success(), "{}", text(&verified));
    eprintln!(
        "{} commands ({} acts) in {burst:.2?} over two servers; {} answers 503 and retried; \
         both servers at act {} {converged:.0?} after the burst",
        tally.accepted,
        tally.acknowledged.len(),
        tally.unavailable,
        head_a.0
    );
    drop((a, b));
}

/// A fresh session of op1's, as its `Cookie` header value.
fn op1_session_cookie(address: &str) -> String {
    let body = serde_json::json!({"user": "op1", "password": PASSWORD}).to_string();
    let answer = request(address, "POST", "/api/session", &[], &body).unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.set_cookie.unwrap()
}

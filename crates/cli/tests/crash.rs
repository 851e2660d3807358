//! Nothing acknowledged is lost: a server is killed with SIGKILL in the middle of a burst of
//! protocol entries; after a restart every entry it acknowledged is in the record with the
//! hash it was acknowledged with, nothing it refused is, and the chain verifies. Repeated a
//! few times, bounded in time; on a SQLite file and on a PostgreSQL database.

mod support;

use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::*;

/// A figure no accepted protocol has: entries carrying it break a control relation and must
/// be refused, so it must never appear in the record.
const MARKER: i64 = 987_654;

#[derive(Default)]
struct Outcomes {
    /// seq → hash of every act the server acknowledged.
    acknowledged: BTreeMap<u64, String>,
    refused: usize,
}

fn burst(address: &str, commands: &[Value], outcomes: &Arc<Mutex<Outcomes>>, stop: Instant) {
    let threads: Vec<_> = ["op1", "op2"]
        .into_iter()
        .map(|user| {
            let client = Client::login(address, user);
            let commands = commands.to_vec();
            let outcomes = outcomes.clone();
            std::thread::spawn(move || {
                for (i, command) in commands.iter().enumerate() {
                    if Instant::now() > stop {
                        return;
                    }
                    // Every fifth request is a broken protocol, which must be refused.
                    let mut command = command.clone();
                    if i % 5 == 4 {
                        command["figures"]["lines"]["L2"] = Value::from(MARKER);
                    }
                    let Some(answer) = client.command("2025-11-30", &command) else {
                        return;
                    };
                    let mut outcomes = outcomes.lock().unwrap();
                    match answer.status {
                        201 => {
                            for entry in answer.body["entries"].as_array().unwrap() {
                                let seq = entry["seq"].as_u64().unwrap();
                                outcomes
                                    .acknowledged
                                    .insert(seq, entry["hash"].as_str().unwrap().into());
                            }
                        }
                        422 => outcomes.refused += 1,
                        503 => {}
                        other => panic!("unexpected answer {other}: {}", answer.body),
                    }
                }
            })
        })
        .collect();
    for thread in threads {
        let _ = thread.join();
    }
}

fn check(db: &str, dir: &std::path::Path, outcomes: &Outcomes) {
    let verified = tandoo(&["verify", "--db", db]);
    assert!(verified.status.success(), "{}", text(&verified));
    let entries = exported(db, dir);
    let by_seq: BTreeMap<u64, &Value> = entries
        .iter()
        .map(|e| (e["seq"].as_u64().unwrap(), e))
        .collect();
    for (seq, hash) in &outcomes.acknowledged {
        let entry = by_seq
            .get(seq)
            .unwrap_or_else(|| panic!("acknowledged act {seq} is lost"));
        assert_eq!(entry["hash"].as_str().unwrap(), hash, "act {seq} changed");
    }
    let marker = MARKER.to_string();
    assert!(
        entries
            .iter()
            .all(|e| !e["act"].to_string().contains(&marker)),
        "a refused entry was recorded"
    );
}

#[test]
fn a_killed_server_loses_nothing_it_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.sqlite");
    let db = db.to_str().unwrap();
    kill_and_restart(db, dir.path());
}

#[test]
fn a_killed_server_loses_nothing_it_acknowledged_on_postgres() {
    let Some(database) = TestDatabase::fresh() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    kill_and_restart(&database.url, dir.path());
}

/// Kills a server on the record at `db` (a file or a PostgreSQL address) mid-burst a few
/// times, checking the record after each kill.
fn kill_and_restart(db: &str, dir: &std::path::Path) {
    prepare_record(db, dir);
    let commands = protocol_commands();
    let outcomes = Arc::new(Mutex::new(Outcomes::default()));
    let deadline = Instant::now() + Duration::from_secs(40);
    let mut rounds = 0;
    while rounds < 5 && Instant::now() < deadline {
        let server = Server::start(db);
        let address = server.address.clone();
        let kill_after = Duration::from_millis(300 + 250 * rounds);
        let worker = {
            let outcomes = outcomes.clone();
            // Each round enters stations not entered before.
            let commands = commands[(rounds as usize * 400).min(commands.len())..].to_vec();
            std::thread::spawn(move || {
                burst(
                    &address,
                    &commands,
                    &outcomes,
                    Instant::now() + Duration::from_secs(20),
                )
            })
        };
        std::thread::sleep(kill_after);
        server.kill();
        let _ = worker.join();
        check(db, dir, &outcomes.lock().unwrap());
        rounds += 1;
    }
    let outcomes = outcomes.lock().unwrap();
    eprintln!(
        "{rounds} kills; {} acts acknowledged, {} entries refused",
        outcomes.acknowledged.len(),
        outcomes.refused
    );
    assert!(rounds >= 2, "at least two kills within the time bound");
    assert!(
        !outcomes.acknowledged.is_empty() && outcomes.refused > 0,
        "the bursts did reach the server"
    );
}

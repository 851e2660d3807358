//! Election night: double entry of every protocol of a generated national election with
//! 100,000 polling stations, through the ledger service the HTTP API uses, durable in SQLite.
//! Each protocol is two submissions by two operators (the second one's acts include the
//! acceptance); the constituency totals are updated with every acceptance.
//!
//! Run: `cargo bench -p tandoo-ledger --bench entry`. It prints accepted protocols per second.

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::{Duration, Instant};
use tandoo_core::LegalDate;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::candidate::{Nomination, Nominator};
use tandoo_core::command::{Command, Submission};
use tandoo_core::command::{EnterProtocol, PayFee, RegisterCandidate};
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
use tandoo_ledger::{Ledger, Service};
use tandoo_record::{OpenMode, SqliteRecord};

const CONSTITUENCIES: u16 = 100;
const STATIONS_PER_CONSTITUENCY: u32 = 1_000;
const CANDIDATES: usize = 12;
/// Operators entering at the same time, as on election night.
const CLIENTS: usize = 64;

fn day() -> LegalDate {
    "2026-11-29".parse().unwrap()
}

fn at(actor: &Actor, command: Command) -> Submission {
    Submission {
        date: day(),
        actor: actor.clone(),
        command,
    }
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

fn station(c: u16, s: u32) -> StationId {
    StationId(u32::from(c) * 10_000 + s)
}

/// Everything before voting day: commissions, constituencies, stations, candidates.
fn setup() -> Vec<Submission> {
    let admin = Actor::new("admin", Role::Administrator, "CEC");
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
                    name: String::new(),
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
        Command::CallElection(tandoo_core::command::ElectionCallSpec {
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
            subs.push(at(
                &secretary,
                Command::NominateCandidate(Nomination {
                    id: id.clone(),
                    person: PersonId::new(id.to_string()),
                    name: format!("Candidate {id}"),
                    latin_name: None,
                    gender: if i % 3 == 2 {
                        Gender::Female
                    } else {
                        Gender::Male
                    },
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

fn candidate(c: u16, i: usize) -> CandidateId {
    CandidateId::new(format!("N-{c}-{i:02}"))
}

/// A station's protocol that satisfies every control relation.
fn protocol(c: u16, s: u32) -> ProtocolEntry {
    let votes: Vec<i64> = (0..CANDIDATES)
        .map(|i| 10 + ((i64::from(s) * 7 + i as i64 * 13) % 40))
        .collect();
    let against_all = 5;
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

fn entry(c: u16, s: u32, operator: u8) -> Submission {
    at(
        &Actor::new(
            &format!("operator{operator}"),
            Role::Operator,
            &format!("DEC-{c}"),
        ),
        Command::EnterProtocol(EnterProtocol {
            election: ElectionId::new("N"),
            station: station(c, s),
            constituency: ConstituencyNo(c),
            figures: protocol(c, s),
            acknowledged: Vec::new(),
            correction_reason: None,
        }),
    )
}

async fn write_template(path: &Path) {
    let record = SqliteRecord::open(path, OpenMode::CreateIfMissing)
        .await
        .unwrap();
    let mut ledger = Ledger::open(record).await.unwrap();
    for batch in setup().chunks(10_000) {
        ledger.submit_all(batch).await.unwrap();
    }
}

/// Enters every protocol twice with `CLIENTS` concurrent operators; returns the time taken.
async fn election_night(path: &Path) -> Duration {
    let service = Service::start(SqliteRecord::open(path, OpenMode::MustExist).await.unwrap())
        .await
        .unwrap();
    let stations: Vec<(u16, u32)> = (1..=CONSTITUENCIES)
        .flat_map(|c| (0..STATIONS_PER_CONSTITUENCY).map(move |s| (c, s)))
        .collect();
    let started = Instant::now();
    let tasks: Vec<_> = stations
        .chunks(stations.len().div_ceil(CLIENTS))
        .map(|share| {
            let service = service.clone();
            let share = share.to_vec();
            tokio::spawn(async move {
                for (c, s) in share {
                    service.submit(entry(c, s, 1)).await.unwrap();
                    let receipt = service.submit(entry(c, s, 2)).await.unwrap();
                    assert_eq!(receipt.entries.len(), 2, "the second entry is accepted");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    let counted = service
        .read(|state| {
            state
                .contests
                .values()
                .map(|c| c.tally.protocols)
                .sum::<u32>()
        })
        .await;
    assert_eq!(
        counted as usize,
        stations.len(),
        "every acceptance is in the totals"
    );
    elapsed
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.sqlite");
    let started = Instant::now();
    runtime.block_on(write_template(&template));
    let stations = u64::from(CONSTITUENCIES) * u64::from(STATIONS_PER_CONSTITUENCY);
    eprintln!(
        "set-up of {stations} stations written in {:.1?}",
        started.elapsed()
    );
    let mut group = c.benchmark_group("protocol_entry");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(120));
    group.bench_function("double_entry_100k_stations", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let run = dir.path().join("run.sqlite");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", run.display()));
                }
                std::fs::copy(&template, &run).unwrap();
                let elapsed = runtime.block_on(election_night(&run));
                eprintln!(
                    "{stations} protocols accepted in {elapsed:.2?}: {:.0} per second",
                    stations as f64 / elapsed.as_secs_f64()
                );
                total += elapsed;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! What the record costs: a durable append of one act, of a batch of 1,000 acts, and reading
//! and verifying 100,000 acts (the replay a server does at start).

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::json;
use sqlx::Connection;
use sqlx::postgres::PgConnection;
use tandoo_record::{
    ChainVerifier, Head, NewEntry, OpenMode, PostgresRecord, Record, SqliteRecord, read_all,
    read_all_raw,
};
use tokio::runtime::Runtime;

/// A protocol of a realistic size: twenty candidates' figures plus the control figures.
fn protocol(n: u64) -> NewEntry {
    let candidates: Vec<_> = (1..=20)
        .map(|c| json!({"candidate": c, "votes": (n * 7 + c * 13) % 5000}))
        .collect();
    NewEntry {
        legal_date: "2026-02-12".into(),
        actor: json!({"user": "operator-17", "role": "operator", "commission": "DEC-13"}),
        act: json!({
            "type": "protocol_entered",
            "station": n,
            "voters_on_list": 2400,
            "ballots_issued": 1800,
            "invalid": 12,
            "figures": candidates,
        }),
    }
}

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

fn append(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("temp dir");
    let record = rt
        .block_on(SqliteRecord::open(
            dir.path().join("bench.db"),
            OpenMode::CreateIfMissing,
        ))
        .expect("open");
    let mut head = Head::EMPTY;
    let mut n = 0u64;

    let mut group = c.benchmark_group("append");
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(1));
    group.bench_function("one act", |b| {
        b.iter(|| {
            n += 1;
            let done = rt
                .block_on(record.append(&head, vec![protocol(n)]))
                .expect("append");
            head = done[0].head();
        })
    });
    group.sample_size(20);
    group.throughput(Throughput::Elements(1000));
    group.bench_function("batch of 1000 acts", |b| {
        b.iter(|| {
            let batch: Vec<NewEntry> = (0..1000)
                .map(|_| {
                    n += 1;
                    protocol(n)
                })
                .collect();
            let done = rt.block_on(record.append(&head, batch)).expect("append");
            head = done[done.len() - 1].head();
        })
    });
    group.finish();
    rt.block_on(record.close());
}

fn read_and_verify(c: &mut Criterion) {
    const COUNT: u64 = 100_000;
    let rt = runtime();
    let dir = tempfile::tempdir().expect("temp dir");
    let record = rt
        .block_on(SqliteRecord::open(
            dir.path().join("bench.db"),
            OpenMode::CreateIfMissing,
        ))
        .expect("open");
    let mut head = Head::EMPTY;
    for start in (0..COUNT).step_by(10_000) {
        let batch = (start..start + 10_000).map(protocol).collect();
        let done = rt.block_on(record.append(&head, batch)).expect("fill");
        head = done[done.len() - 1].head();
    }

    let mut group = c.benchmark_group("replay");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(COUNT));
    // Reading alone, to tell the store's cost from the verifier's.
    group.bench_function("read 100000 acts", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut pages = read_all(&record);
                let mut last = 0;
                while let Some(page) = pages.next_page().await.expect("read") {
                    last = page[page.len() - 1].seq;
                }
                assert_eq!(last, COUNT);
            })
        })
    });
    group.bench_function("read and verify 100000 acts", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut verifier = ChainVerifier::new();
                let mut pages = read_all(&record);
                while let Some(page) = pages.next_page().await.expect("read") {
                    for entry in &page {
                        verifier.push(entry).expect("verified");
                    }
                }
                assert_eq!(verifier.head(), head);
            })
        })
    });
    // The replay fast path: stored texts, hashed as they are.
    group.bench_function("read raw 100000 acts", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut pages = read_all_raw(&record);
                let mut last = 0;
                while let Some(page) = pages.next_page().await.expect("read") {
                    last = page[page.len() - 1].seq;
                }
                assert_eq!(last, COUNT);
            })
        })
    });
    group.bench_function("read raw and verify 100000 acts", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut verifier = ChainVerifier::new();
                let mut pages = read_all_raw(&record);
                while let Some(page) = pages.next_page().await.expect("read") {
                    for entry in &page {
                        verifier.push_raw(entry).expect("verified");
                    }
                }
                assert_eq!(verifier.head(), head);
            })
        })
    });
    group.finish();
    rt.block_on(record.close());
}

/// The same appends on PostgreSQL, when `TANDOO_TEST_POSTGRES` names a server: a database
/// is created for the run and dropped after it.
fn append_postgres(c: &mut Criterion) {
    let Ok(server) = std::env::var("TANDOO_TEST_POSTGRES") else {
        eprintln!("PostgreSQL appends not measured: TANDOO_TEST_POSTGRES is not set");
        return;
    };
    let rt = runtime();
    let mut id = [0u8; 8];
    getrandom::getrandom(&mut id).expect("random");
    let name = format!("tandoo_bench_{}", hex::encode(id));
    let admin = |sql: String| {
        rt.block_on(async {
            let mut conn = PgConnection::connect(&server).await.expect("connect");
            sqlx::query(&sql).execute(&mut conn).await.expect("admin");
            conn.close().await.expect("close");
        })
    };
    admin(format!("CREATE DATABASE {name}"));
    let (base, query) = server.split_once('?').unwrap_or((&server, ""));
    let authority = base.find("://").map_or(0, |i| i + 3);
    let path = base[authority..]
        .find('/')
        .map_or(base.len(), |i| authority + i);
    let url = format!(
        "{}/{name}{}{query}",
        &base[..path],
        if query.is_empty() { "" } else { "?" }
    );
    let record = rt
        .block_on(PostgresRecord::open(&url, OpenMode::CreateIfMissing))
        .expect("open");
    let mut head = Head::EMPTY;
    let mut n = 0u64;

    let mut group = c.benchmark_group("append postgres");
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(1));
    group.bench_function("one act", |b| {
        b.iter(|| {
            n += 1;
            let done = rt
                .block_on(record.append(&head, vec![protocol(n)]))
                .expect("append");
            head = done[0].head();
        })
    });
    group.sample_size(20);
    group.throughput(Throughput::Elements(1000));
    group.bench_function("batch of 1000 acts", |b| {
        b.iter(|| {
            let batch: Vec<NewEntry> = (0..1000)
                .map(|_| {
                    n += 1;
                    protocol(n)
                })
                .collect();
            let done = rt.block_on(record.append(&head, batch)).expect("append");
            head = done[done.len() - 1].head();
        })
    });
    group.finish();
    rt.block_on(record.close());
    admin(format!("DROP DATABASE {name} WITH (FORCE)"));
}

criterion_group!(benches, append, read_and_verify, append_postgres);
criterion_main!(benches);

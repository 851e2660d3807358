//! What it costs to start from a national record of a million acts: applying the acts,
//! decoding them from their stored JSON, opening the ledger from SQLite (read, decode,
//! apply: the start-up of a server), and verifying the hash chain.
//!
//! The election is generated once per run, outside the measurements, through `decide`
//! and a durable append, exactly as a commission would have recorded it. With
//! `TANDOO_BENCH_RECORD=<file>` the record is kept in that file, and a later run measures
//! the record found there instead of generating it again: two builds can then be measured
//! on the very same record, and a profile of one benchmark needs no generation first.

mod national;

use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use national::NationalElection;
use tandoo_core::act::Act;
use tandoo_core::{Stamp, State};
use tandoo_ledger::{Ledger, decode};
use tandoo_record::{ChainVerifier, Entry, Head, OpenMode, SqliteRecord, read_all};
use tokio::runtime::Runtime;

/// The size of the record: a national election, within a few acts (corrections come in
/// threes, so the generator lands at most two short).
const ACTS: usize = 1_000_000;
/// Submissions per durable append while the record is written.
const BATCH: usize = 10_000;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// Generates the election and records it, reporting how long each part took. Returns the
/// head the record ends at.
fn write_record(rt: &Runtime, path: &std::path::Path) -> Head {
    let election = NationalElection::generate(ACTS);
    eprintln!("national election: {}", election.summary());
    rt.block_on(async {
        let record = SqliteRecord::open(path, OpenMode::CreateIfMissing)
            .await
            .expect("create the record");
        let mut ledger = Ledger::open(record).await.expect("open the empty record");
        let (mut generating, mut recording) = (Duration::ZERO, Duration::ZERO);
        let mut submissions = election.submissions();
        loop {
            let started = Instant::now();
            let batch: Vec<_> = submissions.by_ref().take(BATCH).collect();
            generating += started.elapsed();
            if batch.is_empty() {
                break;
            }
            let started = Instant::now();
            ledger
                .submit_all(&batch)
                .await
                .expect("every submission is accepted");
            recording += started.elapsed();
        }
        eprintln!(
            "generated the submissions in {:.1} s; decided, appended and applied them in {:.1} s",
            generating.as_secs_f64(),
            recording.as_secs_f64()
        );
        assert_eq!(ledger.head().seq, election.acts() as u64);
        ledger.head()
    })
}

fn read_entries(rt: &Runtime, path: &std::path::Path) -> Vec<Entry> {
    rt.block_on(async {
        let record = SqliteRecord::open(path, OpenMode::MustExist)
            .await
            .expect("open the record");
        let mut entries = Vec::new();
        let mut pages = read_all(&record);
        while let Some(page) = pages.next_page().await.expect("read the record") {
            entries.extend(page);
        }
        record.close().await;
        entries
    })
}

fn replay(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("temp dir");
    // A record kept from an earlier run (see the module documentation) is measured as it is.
    let kept = std::env::var_os("TANDOO_BENCH_RECORD").map(std::path::PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("national.db"));
    let entries;
    let head = if kept.is_some() && path.exists() {
        entries = read_entries(&rt, &path);
        entries
            .last()
            .expect("a record of the national election")
            .head()
    } else {
        let head = write_record(&rt, &path);
        entries = read_entries(&rt, &path);
        head
    };
    assert_eq!(entries.len() as u64, head.seq);

    let mut group = c.benchmark_group("replay");
    // Each iteration takes seconds: ten samples of one iteration each.
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_secs(1));
    group.throughput(Throughput::Elements(head.seq));

    group.measurement_time(Duration::from_secs(20));
    group.bench_function("verify_chain_1m", |b| {
        b.iter(|| {
            let mut verifier = ChainVerifier::new();
            for entry in &entries {
                verifier.push(entry).expect("the chain holds");
            }
            assert_eq!(verifier.head(), head);
        })
    });

    // Dropping a state of a million acts takes time too, but start-up never does it:
    // measure only the building.
    group.measurement_time(Duration::from_secs(40));
    group.bench_function("decode_apply_1m", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let mut state = State::new();
                for entry in &entries {
                    let (stamp, act) = decode(entry).expect("decodes");
                    state.apply(stamp, &act).expect("applies");
                }
                spent += started.elapsed();
                assert_eq!(state.seq, head.seq);
            }
            spent
        })
    });

    let acts: Vec<(Stamp, Act)> = entries
        .iter()
        .map(|e| decode(e).expect("decodes"))
        .collect();
    drop(entries);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("apply_1m", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let mut state = State::new();
                for (stamp, act) in &acts {
                    state.apply(*stamp, act).expect("applies");
                }
                spent += started.elapsed();
                assert_eq!(state.seq, head.seq);
            }
            spent
        })
    });
    drop(acts);

    group.measurement_time(Duration::from_secs(90));
    group.bench_function("open_from_sqlite_1m", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let ledger = rt.block_on(async {
                    let record = SqliteRecord::open(&path, OpenMode::MustExist)
                        .await
                        .expect("open the record");
                    Ledger::open(record).await.expect("replays")
                });
                spent += started.elapsed();
                assert_eq!(ledger.head(), head);
                // The record's connections close on the runtime.
                rt.block_on(async move { drop(ledger) });
            }
            spent
        })
    });
    group.finish();
}

criterion_group!(benches, replay);
criterion_main!(benches);

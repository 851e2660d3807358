//! What serving the transparency log costs: building the tree of a record of 100,000
//! acts when the server starts, following 10,000 acts appended since (read, verified,
//! hashed into the tree) and signing, and serving a tile out of memory.
//!
//! Run: `cargo bench -p tandoo-server --bench log`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use tandoo_record::{AnyRecord, NewEntry, OpenMode, Record};
use tandoo_server::log::{Log, LogSettings};
use tandoo_tlog::NoteSigner;
use tandoo_tlog::tiles::{TileKind, TileRef};

const START: u64 = 100_000;
const MORE: u64 = 10_000;

async fn append(record: &AnyRecord, n: u64) {
    let mut head = record.head().await.unwrap();
    let mut left = n;
    while left > 0 {
        let batch = left.min(1000);
        let entries = (0..batch)
            .map(|i| NewEntry {
                legal_date: "2026-02-13".into(),
                actor: json!({"user": "clerk"}),
                act: json!({"type": "noted", "figure": head.seq + i + 1}),
            })
            .collect();
        head = record
            .append(&head, entries)
            .await
            .unwrap()
            .last()
            .unwrap()
            .head();
        left -= batch;
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.sqlite");
        let record = AnyRecord::open(&path, OpenMode::CreateIfMissing)
            .await
            .unwrap();
        append(&record, START).await;
        let settings = LogSettings {
            signer: Arc::new(NoteSigner::generate("bench.example/log").unwrap()),
            checkpoints: dir.path().join("checkpoints"),
            interval: Duration::from_secs(10),
        };
        let started = Instant::now();
        let log = Log::open(&record, settings).await.unwrap();
        println!(
            "open: the tree of {START} acts, verified, and the first checkpoint: {:.2?}",
            started.elapsed()
        );

        append(&record, MORE).await;
        let started = Instant::now();
        let added = log.catch_up(&record).await.unwrap();
        let caught_up = started.elapsed();
        let started = Instant::now();
        assert!(log.sign_if_grown().unwrap());
        let signed = started.elapsed();
        assert_eq!(added, MORE);
        println!(
            "follow: {MORE} acts appended since read, verified and added in {caught_up:.2?} \
             ({:.1} µs an act); a checkpoint signed and kept in {signed:.2?}",
            caught_up.as_secs_f64() * 1e6 / MORE as f64
        );
        let started = Instant::now();
        assert!(!log.sign_if_grown().unwrap());
        assert_eq!(log.catch_up(&record).await.unwrap(), 0);
        println!(
            "a look at an unchanged record (nothing signed): {:.2?}",
            started.elapsed()
        );

        let size = START + MORE;
        let full_tiles = size / 256;
        for (kind, name) in [
            (TileKind::Hashes { level: 0 }, "hash tile"),
            (TileKind::Entries, "entry bundle"),
        ] {
            let rounds = 20_000u64;
            let started = Instant::now();
            let mut bytes = 0;
            for i in 0..rounds {
                let tile = TileRef {
                    kind,
                    index: (i * 7919) % full_tiles,
                    width: 256,
                };
                bytes += log.tile(&tile.path()).unwrap().1.len();
            }
            println!(
                "a full {name} ({} bytes) out of memory: {:.2} µs",
                bytes as u64 / rounds,
                started.elapsed().as_secs_f64() * 1e6 / rounds as f64
            );
        }
        record.close().await;
    });
}

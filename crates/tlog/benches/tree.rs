//! What the log costs: building the tree of a million entries from their hashes (what
//! `tandoo publish` does after reading the record), building it from a SQLite record with
//! the chain verified on the way, and making and checking one inclusion proof in a tree of
//! a million leaves, and checking a whole proof of three entries.

use std::hint::black_box;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use serde_json::json;
use tandoo_record::{Entry, Hash, NewEntry, OpenMode, Record, SqliteRecord};
use tandoo_tlog::{
    Checkpoint, HashSource, NoteSigner, Proof, Tree, entry_leaf_hash, tree_of_record,
    verify_inclusion,
};

const LEAVES: u64 = 1_000_000;
/// Entries of the SQLite record read back (a tenth of the million: writing it is the slow
/// part of the set-up, not of what is measured).
const RECORD: u64 = 100_000;

fn hashes() -> Vec<Hash> {
    (0..LEAVES).map(|i| Hash::of(&i.to_be_bytes())).collect()
}

fn tree_of(hashes: &[Hash]) -> Tree {
    let mut tree = Tree::new();
    for (seq, hash) in (1..).zip(hashes) {
        tree.push_hash(entry_leaf_hash(seq, hash));
    }
    tree
}

fn bench(c: &mut Criterion) {
    let hashes = hashes();
    let mut group = c.benchmark_group("tlog");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    group.bench_function("tree_from_hashes_1m", |b| {
        b.iter(|| black_box(tree_of(&hashes).head_root()))
    });

    let tree = tree_of(&hashes);
    let root = tree.head_root();
    let index = 765_432;
    let proof = tree.inclusion(index, LEAVES).unwrap();
    eprintln!(
        "an inclusion proof in a tree of {LEAVES} leaves: {} hashes, {} bytes ({} as hex in JSON)",
        proof.len(),
        proof.len() * 32,
        proof.len() * 67
    );
    group.sample_size(100);
    group.bench_function("make_inclusion_1m", |b| {
        b.iter(|| black_box(tree.inclusion(black_box(index), LEAVES).unwrap()))
    });
    let leaf = entry_leaf_hash(index + 1, &hashes[index as usize]);
    group.bench_function("check_inclusion_1m", |b| {
        b.iter(|| verify_inclusion(black_box(index), LEAVES, &leaf, &proof, &root).unwrap())
    });
    group.bench_function("make_consistency_1m", |b| {
        b.iter(|| black_box(tree.consistency(black_box(654_321), LEAVES).unwrap()))
    });

    // A whole proof of three entries as `tandoo check-proof` checks it: the signature, each
    // entry's hash from its content, each inclusion proof.
    let signer = NoteSigner::generate("example.kg/2026").unwrap();
    let mut small = Tree::new();
    let mut entries = Vec::new();
    let mut prev = Hash::GENESIS;
    for seq in 1..=1000u64 {
        let mut entry = Entry {
            seq,
            recorded_at: "2026-02-13T10:04:05.123Z".into(),
            legal_date: "2026-02-13".into(),
            actor: json!({"commission": "DEC-13", "role": "operator", "user": "op1"}),
            act: json!({"type": "protocol_entered", "station": seq, "figures": {"lines": {
                "L1": 2219, "L2": 2263, "L3": 1031, "L4": 31, "L5": 1201, "L6": 1062}}}),
            prev_hash: prev,
            hash: Hash::GENESIS,
        };
        entry.hash = entry.compute_hash().unwrap();
        prev = entry.hash;
        small.push_hash(entry_leaf_hash(seq, &entry.hash));
        entries.push(entry);
    }
    let checkpoint = Checkpoint::new("example.kg/2026", small.size(), small.head_root());
    let signed = checkpoint.sign(&signer).unwrap();
    let proof = Proof::make(
        json!({}),
        &signed,
        &checkpoint,
        &small,
        entries[400..403].to_vec(),
    )
    .unwrap();
    eprintln!(
        "a proof of three entries: {} bytes as JSON",
        serde_json::to_string(&proof).unwrap().len()
    );
    let key = signer.verifier();
    group.bench_function("check_proof_of_3_entries", |b| {
        b.iter(|| black_box(proof.check(&key).unwrap()))
    });

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let record = SqliteRecord::open(&path, OpenMode::CreateIfMissing)
            .await
            .unwrap();
        let mut head = record.head().await.unwrap();
        for batch in 0..RECORD / 10_000 {
            let entries = (0..10_000)
                .map(|i| NewEntry {
                    legal_date: "2026-02-13".into(),
                    actor: json!({"commission": "DEC-13", "role": "operator", "user": "op1"}),
                    act: json!({"type": "protocol_entered", "station": batch * 10_000 + i,
                        "figures": {"lines": {"L1": 2219, "L2": 2263, "L3": 1031, "L4": 31}}}),
                })
                .collect();
            head = record
                .append(&head, entries)
                .await
                .unwrap()
                .last()
                .unwrap()
                .head();
        }
        record.close().await;
    });
    group.sample_size(10);
    group.bench_function("tree_of_sqlite_record_100k", |b| {
        b.iter(|| {
            rt.block_on(async {
                let record = SqliteRecord::open(&path, OpenMode::ReadOnly).await.unwrap();
                let tree = tree_of_record(&record).await.unwrap();
                record.close().await;
                assert_eq!(tree.size(), RECORD);
                black_box(tree.head_root())
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

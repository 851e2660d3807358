//! The transparency log served live: its checkpoint verifies with the commission's key, its
//! tiles are those of the record's tree, a checkpoint signed after more acts is consistent
//! with the one before, and a server refuses to sign over a record that no longer extends
//! what it signed. Without a key there is no `/log/` address.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use tandoo_ledger::Ledger;
use tandoo_record::{AnyRecord, OpenMode, SqliteRecord};
use tandoo_server::log::{Log, LogSettings};
use tandoo_server::{App, Config, ManualClock, router};
use tandoo_tlog::tiles::{TileKind, entry_bundle, hash_tile, tiles_of};
use tandoo_tlog::{Checkpoint, HashSource, NoteSigner, TileSource, leaf, verify_consistency};
use tower::ServiceExt;

const START: i64 = 1_767_225_600;

/// A record holding the demo's first `steps` steps.
async fn record(path: &Path, steps: usize) {
    let record = SqliteRecord::open(path, OpenMode::CreateIfMissing)
        .await
        .unwrap();
    let mut ledger = Ledger::open(record).await.unwrap();
    for step in &tandoo_demo::story()[..steps] {
        ledger.submit_all(&step.submissions).await.unwrap();
    }
    ledger.into_record().close().await;
}

fn config(signer: &Arc<NoteSigner>, checkpoints: &Path) -> Config {
    Config {
        log: Some(LogSettings {
            signer: Arc::clone(signer),
            checkpoints: checkpoints.to_path_buf(),
            interval: Duration::from_millis(50),
        }),
        ..Config::default()
    }
}

async fn open(path: &Path, config: Config) -> App {
    App::open_with_clock(path, config, Arc::new(ManualClock::starting_at(START)))
        .await
        .unwrap()
}

async fn get(app: &App, uri: &str) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let request = Request::get(uri).body(Body::empty()).unwrap();
    let response = router(app.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, headers, bytes.to_vec())
}

fn cache(headers: &header::HeaderMap) -> &str {
    headers[header::CACHE_CONTROL].to_str().unwrap()
}

async fn served_checkpoint(app: &App, signer: &NoteSigner) -> (String, Checkpoint) {
    let (status, headers, bytes) = get(app, "/log/checkpoint").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache(&headers), "public, max-age=5");
    let note = String::from_utf8(bytes).unwrap();
    let checkpoint = Checkpoint::open(&note, &signer.verifier()).unwrap();
    (note, checkpoint)
}

/// Every tile of the log at `size`, as served.
async fn served_tiles(app: &App, size: u64) -> HashMap<String, Vec<u8>> {
    let mut out = HashMap::new();
    for tile in tiles_of(size) {
        let (status, headers, bytes) = get(app, &format!("/log/{}", tile.path())).await;
        assert_eq!(status, StatusCode::OK, "{}", tile.path());
        let expected = if tile.is_full() {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=86400"
        };
        assert_eq!(cache(&headers), expected, "{}", tile.path());
        out.insert(tile.path(), bytes);
    }
    out
}

#[tokio::test]
async fn the_served_log_is_the_records_tree_signed_and_grows_consistently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    record(&path, 1).await;
    let signer = Arc::new(NoteSigner::generate("example.kg/2026").unwrap());
    let checkpoints = dir.path().join("checkpoints");
    let app = open(&path, config(&signer, &checkpoints)).await;

    let (old_note, old) = served_checkpoint(&app, &signer).await;
    let head = app.ledger().head().await;
    assert_eq!(old.size, head.seq);
    assert!(
        old.size > 256,
        "the story's first step fills a tile: {}",
        old.size
    );

    // The tiles are those of the record's tree, entry bundles included.
    let reader = AnyRecord::open(&path, OpenMode::ReadOnly).await.unwrap();
    let (tree, hashes) = tandoo_tlog::leaf::record_tree(&reader).await.unwrap();
    reader.close().await;
    assert_eq!(tree.head_root(), old.root);
    let tiles = served_tiles(&app, old.size).await;
    for tile in tiles_of(old.size) {
        let expected = match tile.kind {
            TileKind::Hashes { level } => hash_tile(&tree, level, tile.index, tile.width).unwrap(),
            TileKind::Entries => {
                let start = (tile.index * 256) as usize;
                let leaves: Vec<_> = (start..start + tile.width as usize)
                    .map(|i| leaf(i as u64 + 1, &hashes[i]))
                    .collect();
                entry_bundle(leaves.iter().map(|l| l.as_slice()))
            }
        };
        assert_eq!(tiles[&tile.path()], expected, "{}", tile.path());
    }
    // A partial tile narrower than the newest is still served; one the checkpoint does
    // not reach is not.
    let last = old.size % 256;
    assert_eq!(
        get(&app, &format!("/log/tile/0/{:03}.p/1", old.size / 256))
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        get(&app, &format!("/log/tile/0/{:03}", old.size / 256))
            .await
            .0,
        StatusCode::NOT_FOUND,
        "tile {} holds {last} leaves",
        old.size / 256
    );
    assert_eq!(get(&app, "/log/tile/0/999").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/log/tile/0/1").await.0, StatusCode::NOT_FOUND);
    // Tile 2^56 would start at leaf 2^64, which wraps to leaf 0.
    let wraps = "/log/tile/0/x072/x057/x594/x037/x927/x936";
    assert_eq!(get(&app, wraps).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        get(&app, "/log/tile/entries/x072/x057/x594/x037/x927/x936")
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    // More acts: within a few intervals a new checkpoint, consistent with the old one.
    for submission in &tandoo_demo::story()[1].submissions {
        app.ledger().submit(submission.clone()).await.unwrap();
    }
    let grown = app.ledger().head().await.seq;
    let mut new = old.clone();
    for _ in 0..100 {
        new = served_checkpoint(&app, &signer).await.1;
        if new.size == grown {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(new.size, grown, "no checkpoint of the grown record");
    let tiles = served_tiles(&app, new.size).await;
    let source = TileSource::new(new.size, |p: &str| {
        tiles
            .get(p)
            .cloned()
            .ok_or_else(|| format!("{p} not served"))
    });
    let proof = source.consistency(old.size, new.size).unwrap();
    verify_consistency(old.size, new.size, &old.root, &new.root, &proof).unwrap();

    // Both checkpoints are kept and served as signed.
    let (status, headers, kept) = get(&app, &format!("/log/checkpoints/{}", old.size)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache(&headers), "public, max-age=31536000, immutable");
    assert_eq!(String::from_utf8(kept).unwrap(), old_note);
    assert!(checkpoints.join(new.size.to_string()).exists());
    assert_eq!(
        get(&app, &format!("/log/checkpoints/0{}", old.size))
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    // Nothing appended: nothing signed.
    let before = std::fs::read_dir(&checkpoints).unwrap().count();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(std::fs::read_dir(&checkpoints).unwrap().count(), before);
}

#[tokio::test]
async fn a_server_refuses_to_sign_over_a_record_that_does_not_extend_its_checkpoints() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Arc::new(NoteSigner::generate("example.kg/2026").unwrap());
    let checkpoints = dir.path().join("checkpoints");
    let long = dir.path().join("long.sqlite");
    record(&long, 2).await;
    let reader = AnyRecord::open(&long, OpenMode::ReadOnly).await.unwrap();
    let settings = config(&signer, &checkpoints).log.unwrap();
    Log::open(&reader, settings.clone()).await.unwrap();
    // The same record again: it extends what was signed.
    Log::open(&reader, settings.clone()).await.unwrap();
    reader.close().await;

    // A shorter record cannot be the one that was signed.
    let short = dir.path().join("short.sqlite");
    record(&short, 1).await;
    let reader = AnyRecord::open(&short, OpenMode::ReadOnly).await.unwrap();
    let refused = Log::open(&reader, settings).await.err().unwrap();
    reader.close().await;
    assert_eq!(refused.code(), "LOG_DIVERGED", "{refused}");
}

#[tokio::test]
async fn without_a_key_there_is_no_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite");
    record(&path, 1).await;
    let app = open(&path, Config::default()).await;
    assert!(app.log().is_none());
    for uri in ["/log/checkpoint", "/log/tile/0/000", "/log/checkpoints/1"] {
        assert_eq!(get(&app, uri).await.0, StatusCode::NOT_FOUND, "{uri}");
    }
}

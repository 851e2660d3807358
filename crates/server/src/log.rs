//! The transparency log served live beside the API (`docs/log.md`): `/log/checkpoint`, the
//! kept checkpoints `/log/checkpoints/<size>` and the tiles `/log/tile/…`, in the C2SP
//! `tlog-tiles` layout and byte for byte what `tandoo publish` writes for the same size.
//!
//! The tree's hashes and the entries' hashes are kept in memory (about 96 bytes an act)
//! and extended as acts are appended, so a tile is a copy of at most 8 KiB out of memory,
//! never a read of the record. A background task follows the record: every
//! [`LogSettings::interval`] it reads the entries appended since, verifying their chain as
//! `publish` does, and signs a new checkpoint if the record has grown — none when nothing
//! changed. Every checkpoint signed is kept as a file `<size>` in
//! [`LogSettings::checkpoints`], so that a consistency proof between any two can be asked
//! for, and so that a server restarted on a record that no longer extends what it signed
//! refuses to start rather than sign a second history.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::extract::Path as UrlPath;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tandoo_record::{
    AnyRecord, ChainBreak, ChainVerifier, DEFAULT_PAGE_SIZE, Hash, Record, RecordError,
    read_raw_pages,
};
use tandoo_tlog::tiles::{TILE_WIDTH, TileKind, TileRef, entry_bundle, hash_tile, tile_width};
use tandoo_tlog::{Checkpoint, CheckpointError, HashSource, NoteSigner, Tree, entry_leaf_hash};

use crate::error::ApiError;

/// How often the log follows the record and signs, unless told otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(10);
/// The checkpoint changes with the record: caches may hold it a few seconds.
const CHECKPOINT_CACHE: &str = "public, max-age=5";
/// A full tile, and a kept checkpoint, never change.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// A partial tile of a given width never changes either, but is asked for only while it
/// is the newest, so caches need not keep it long.
const PARTIAL_TILE_CACHE: &str = "public, max-age=86400";

/// What the server needs to serve a log: the commission's key, where checkpoints are kept,
/// and how often to sign.
#[derive(Debug, Clone)]
pub struct LogSettings {
    pub signer: Arc<NoteSigner>,
    pub checkpoints: PathBuf,
    pub interval: Duration,
}

/// Why the log cannot be served or extended.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error(transparent)]
    Record(#[from] RecordError),
    /// The record does not verify: no checkpoint is signed over a broken chain.
    #[error("{0}")]
    Broken(#[from] ChainBreak),
    #[error("{path}: {detail}")]
    Io { path: String, detail: String },
    #[error("cannot sign the checkpoint: {0}")]
    Sign(#[from] CheckpointError),
    /// A checkpoint kept from before does not match the record: the record was rewritten
    /// (or the directory is another log's), and signing on would make a second history.
    #[error("the checkpoint kept in {path} does not match the record: {detail}")]
    Diverged { path: String, detail: String },
}

impl LogError {
    pub fn code(&self) -> &'static str {
        match self {
            LogError::Record(e) => e.code(),
            LogError::Broken(b) => b.code(),
            LogError::Io { .. } => "LOG_IO",
            LogError::Sign(e) => e.code(),
            LogError::Diverged { .. } => "LOG_DIVERGED",
        }
    }
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> LogError + '_ {
    move |e| LogError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// The log of one record, as served.
pub struct Log {
    settings: LogSettings,
    served: RwLock<Served>,
    /// Where following the record stands: held by one follower at a time, never while
    /// readers wait on `served`.
    follower: tokio::sync::Mutex<ChainVerifier>,
}

struct Served {
    tree: Tree,
    /// The entries' hashes, for the entry bundles.
    hashes: Vec<Hash>,
    /// The latest signed checkpoint and its size.
    checkpoint: Option<(u64, String)>,
}

impl Log {
    /// Builds the tree of the whole record (verifying its chain), checks it against the
    /// latest kept checkpoint, and signs one for the record as it is.
    pub async fn open(record: &AnyRecord, settings: LogSettings) -> Result<Log, LogError> {
        fs::create_dir_all(&settings.checkpoints).map_err(io_error(&settings.checkpoints))?;
        let log = Log {
            served: RwLock::new(Served {
                tree: Tree::new(),
                hashes: Vec::new(),
                checkpoint: None,
            }),
            follower: tokio::sync::Mutex::new(ChainVerifier::new()),
            settings,
        };
        log.catch_up(record).await?;
        log.check_kept()?;
        log.sign_if_grown()?;
        Ok(log)
    }

    /// The latest kept checkpoint must be of a prefix of the record: same root at its size.
    fn check_kept(&self) -> Result<(), LogError> {
        let dir = &self.settings.checkpoints;
        let mut latest: Option<u64> = None;
        for entry in fs::read_dir(dir).map_err(io_error(dir))? {
            let entry = entry.map_err(io_error(dir))?;
            if let Some(size) = entry.file_name().to_str().and_then(parse_size) {
                latest = latest.max(Some(size));
            }
        }
        let Some(size) = latest else {
            return Ok(());
        };
        let path = dir.join(size.to_string());
        let diverged = |detail: String| LogError::Diverged {
            path: path.display().to_string(),
            detail,
        };
        let note = fs::read_to_string(&path).map_err(io_error(&path))?;
        let kept = Checkpoint::open(&note, &self.settings.signer.verifier())
            .map_err(|e| diverged(e.to_string()))?;
        let mut served = self
            .served
            .write()
            .expect("the log's lock is never poisoned");
        let root = served
            .tree
            .root(size)
            .map_err(|_| diverged(format!("the record holds fewer than {size} entries")))?;
        if kept.size != size || root != kept.root {
            return Err(diverged(format!(
                "the record's root at {size} entries is not the one signed"
            )));
        }
        served.checkpoint = Some((size, note));
        Ok(())
    }

    /// Reads the entries appended since the last call, verifies their chain, and adds them
    /// to the tree; returns how many were added.
    pub async fn catch_up<R: Record + ?Sized>(&self, record: &R) -> Result<u64, LogError> {
        let mut verifier = self.follower.lock().await;
        let start = verifier.head().seq;
        let mut pages = read_raw_pages(record, start + 1, DEFAULT_PAGE_SIZE);
        let mut added = 0;
        while let Some(page) = pages.next_page().await? {
            let mut leaves = Vec::with_capacity(page.len());
            for entry in &page {
                verifier.push_raw(entry)?;
                leaves.push((entry_leaf_hash(entry.seq, &entry.hash), entry.hash));
            }
            // The lock is taken once a page, never across a read of the record.
            let mut served = self
                .served
                .write()
                .expect("the log's lock is never poisoned");
            for (leaf, hash) in leaves {
                served.tree.push_hash(leaf);
                served.hashes.push(hash);
            }
            added += page.len() as u64;
        }
        Ok(added)
    }

    /// Signs and keeps a checkpoint of the tree if it has grown since the last one; true
    /// if it did. The file is kept before the checkpoint is served, so that every
    /// checkpoint anyone saw can be found again.
    pub fn sign_if_grown(&self) -> Result<bool, LogError> {
        let (size, root) = {
            let served = self
                .served
                .read()
                .expect("the log's lock is never poisoned");
            let size = served.tree.size();
            if served.checkpoint.as_ref().is_some_and(|(s, _)| *s == size) {
                return Ok(false);
            }
            (size, served.tree.head_root())
        };
        let signer = &self.settings.signer;
        let note = Checkpoint::new(signer.name(), size, root).sign(signer)?;
        let path = self.settings.checkpoints.join(size.to_string());
        let temporary = path.with_extension("partial-write");
        fs::write(&temporary, note.as_bytes()).map_err(io_error(&temporary))?;
        fs::rename(&temporary, &path).map_err(io_error(&path))?;
        let mut served = self
            .served
            .write()
            .expect("the log's lock is never poisoned");
        if served.checkpoint.as_ref().is_none_or(|(s, _)| *s < size) {
            served.checkpoint = Some((size, note));
        }
        Ok(true)
    }

    /// The latest signed checkpoint.
    pub fn checkpoint(&self) -> Option<String> {
        let served = self
            .served
            .read()
            .expect("the log's lock is never poisoned");
        served.checkpoint.as_ref().map(|(_, note)| note.clone())
    }

    /// A kept checkpoint, by its size.
    pub fn kept(&self, size: &str) -> Option<String> {
        let size = parse_size(size)?;
        fs::read_to_string(self.settings.checkpoints.join(size.to_string())).ok()
    }

    /// The bytes of a tile of the tree of the latest checkpoint (or of an older size), as
    /// `tandoo publish` writes them; `None` for a tile the checkpoint does not reach.
    pub fn tile(&self, path: &str) -> Option<(TileRef, Vec<u8>)> {
        let tile = TileRef::parse(path)?;
        // An index whose first leaf is past any 64-bit size names no tile (and must not wrap).
        let start = tile.index.checked_mul(TILE_WIDTH)?;
        let served = self
            .served
            .read()
            .expect("the log's lock is never poisoned");
        let size = served.checkpoint.as_ref()?.0;
        let bytes = match tile.kind {
            TileKind::Hashes { level } => {
                if tile.width > tile_width(level, tile.index, size) {
                    return None;
                }
                hash_tile(&served.tree, level, tile.index, tile.width)?
            }
            TileKind::Entries => {
                if tile.width > tile_width(0, tile.index, size) {
                    return None;
                }
                let range =
                    usize::try_from(start).ok()?..usize::try_from(start + tile.width).ok()?;
                let leaves: Vec<[u8; tandoo_tlog::LEAF_LEN]> = served
                    .hashes
                    .get(range)?
                    .iter()
                    .zip(start + 1..)
                    .map(|(hash, seq)| tandoo_tlog::leaf(seq, hash))
                    .collect();
                entry_bundle(leaves.iter().map(|l| l.as_slice()))
            }
        };
        Some((tile, bytes))
    }

    pub fn settings(&self) -> &LogSettings {
        &self.settings
    }
}

/// A size as a kept checkpoint's file is named: decimal, no leading zeros.
fn parse_size(text: &str) -> Option<u64> {
    if text.is_empty()
        || !text.bytes().all(|b| b.is_ascii_digit())
        || text.len() > 1 && text.starts_with('0')
    {
        return None;
    }
    text.parse().ok()
}

/// The `/log` routes when the server has a log; none (so 404) when it has not.
pub fn routes<S: Clone + Send + Sync + 'static>(log: Option<Arc<Log>>) -> Router<S> {
    let Some(log) = log else {
        return Router::new();
    };
    let (for_kept, for_tiles) = (Arc::clone(&log), Arc::clone(&log));
    Router::new()
        .route("/log/checkpoint", get(move || checkpoint(log)))
        .route(
            "/log/checkpoints/{size}",
            get(move |size: UrlPath<String>| kept(for_kept, size)),
        )
        .route(
            "/log/tile/{*path}",
            get(move |path: UrlPath<String>| tile(for_tiles, path)),
        )
}

fn not_in_log() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        "there is no such file in the log",
    )
}

fn text(body: String, cache: &'static str) -> Response {
    (
        [
            (CONTENT_TYPE, "text/plain; charset=utf-8"),
            (CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response()
}

async fn checkpoint(log: Arc<Log>) -> Result<Response, ApiError> {
    let note = log.checkpoint().ok_or_else(not_in_log)?;
    Ok(text(note, CHECKPOINT_CACHE))
}

async fn kept(log: Arc<Log>, UrlPath(size): UrlPath<String>) -> Result<Response, ApiError> {
    let note = log.kept(&size).ok_or_else(not_in_log)?;
    Ok(text(note, IMMUTABLE))
}

async fn tile(log: Arc<Log>, UrlPath(path): UrlPath<String>) -> Result<Response, ApiError> {
    let (tile, bytes) = log.tile(&format!("tile/{path}")).ok_or_else(not_in_log)?;
    let cache = if tile.is_full() {
        IMMUTABLE
    } else {
        PARTIAL_TILE_CACHE
    };
    Ok((
        [
            (CONTENT_TYPE, "application/octet-stream"),
            (CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response())
}

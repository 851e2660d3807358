//! Where a log is read from: a served log (`http://HOST:PORT`, its files below `/log/`) or
//! a directory written by `tandoo publish` (a path, or `file://PATH`), its files below
//! `log/`. Both give the same files: the checkpoint, the kept checkpoints and the tiles.

use std::fs;
use std::path::{Path, PathBuf};

use tandoo_tlog::tiles::TileRef;

/// A log to read.
#[derive(Debug, Clone)]
pub enum LogSource {
    /// The base address of a server, without the trailing `/log`.
    Served(String),
    /// A directory written by `tandoo publish` (its `log/` inside).
    Published(PathBuf),
}

impl LogSource {
    /// Reads `http://…`, `file://PATH` or a path.
    pub fn parse(given: &str) -> LogSource {
        if given.starts_with("http://") || given.starts_with("https://") {
            let base = given.trim_end_matches('/');
            LogSource::Served(base.strip_suffix("/log").unwrap_or(base).to_string())
        } else {
            let path = given.strip_prefix("file://").unwrap_or(given);
            LogSource::Published(PathBuf::from(path))
        }
    }

    /// The bytes of the log's file at `path` (`checkpoint`, `tile/…`). Call from the
    /// multi-threaded runtime only: a served file is awaited in place, since the tree's
    /// proofs ask for their tiles one at a time.
    pub fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        match self {
            LogSource::Served(base) => {
                let url = format!("{base}/log/{path}");
                tokio::task::block_in_place(|| {
                    tokio::runtime::Handle::current().block_on(tandoo_server::fetch::get(&url))
                })
                .map_err(|e| e.to_string())
            }
            LogSource::Published(dir) => read_published(&dir.join("log"), path),
        }
    }
}

impl std::fmt::Display for LogSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LogSource::Served(base) => write!(f, "{base}/log"),
            LogSource::Published(dir) => write!(f, "{}", dir.join("log").display()),
        }
    }
}

/// Reads a published log's file below `log`. A partial tile of an older size may have
/// been replaced by a wider or a full one: its first hashes are the same, so those are read.
pub fn read_published(log: &Path, path: &str) -> Result<Vec<u8>, String> {
    let at = log.join(path);
    match fs::read(&at) {
        Ok(bytes) => return Ok(bytes),
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(format!("{}: {e}", at.display()));
        }
        Err(_) => {}
    }
    let tile =
        TileRef::parse(path).ok_or_else(|| format!("{} is not in {}", path, log.display()))?;
    let need = usize::try_from(tile.width * 32).map_err(|e| e.to_string())?;
    let full = TileRef {
        width: tandoo_tlog::tiles::TILE_WIDTH,
        ..tile
    };
    let mut candidates = vec![log.join(full.path())];
    let partials = log.join(format!("{}.p", full.path()));
    if let Ok(dir) = fs::read_dir(&partials) {
        candidates.extend(dir.flatten().map(|e| e.path()));
    }
    for candidate in candidates {
        if let Ok(bytes) = fs::read(&candidate)
            && bytes.len() >= need
        {
            return Ok(bytes[..need].to_vec());
        }
    }
    Err(format!("{} is not in {}", path, log.display()))
}

//! The transparency log on the command line: the commission's key (`tandoo key`), the log
//! written as static files (`tandoo publish`), and the check that one checkpoint of a log
//! is a prefix of another (`tandoo check-log`).
//!
//! The key file is kept outside the record and outside the published directory: it is
//! written once, never overwritten, readable by its owner alone. What `tandoo publish`
//! writes is public: `DIR/log/checkpoint` (the latest signed checkpoint), every checkpoint
//! it ever signed as `DIR/log/checkpoints/<size>` (so that a consistency proof between any
//! two can be asked for), and the tiles.

use crate::log_source::LogSource;
use crate::{CliError, Outcome};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use tandoo_record::{AnyRecord, OpenMode};
use tandoo_tlog::tiles::{TileKind, TileRef, entry_bundle, hash_tile, tiles_of};
use tandoo_tlog::{
    Checkpoint, HashSource, NoteSigner, NoteVerifier, TileSource, Tree, note_text,
    verify_consistency,
};

/// `tandoo key …`.
#[derive(clap::Subcommand)]
pub enum KeyCommand {
    /// Make the commission's signing key in a new, private file.
    Init {
        /// The key file to create; an existing file is never overwritten. Keep it outside
        /// the record and outside any published directory.
        #[arg(long)]
        out: PathBuf,
        /// The log's name (its origin), which every checkpoint carries: a host and path
        /// naming the election, such as shailoo.example.kg/2026.
        #[arg(long)]
        name: String,
    },
    /// Print the public key that observers check signatures with.
    Show {
        /// The key file made by `tandoo key init`.
        #[arg(long)]
        key: PathBuf,
        /// Print the key's public key as a witness's (cosignature/v1), the line a log's
        /// readers check this witness's cosignatures with.
        #[arg(long)]
        witness: bool,
    },
}

pub fn key(command: KeyCommand) -> Result<Outcome, CliError> {
    match command {
        KeyCommand::Init { out, name } => {
            let signer = NoteSigner::generate(&name)
                .map_err(|e| CliError::input("BAD_KEY_NAME", e.to_string()))?;
            write_new_secret(&out, &format!("{}\n", signer.to_text()))?;
            println!("{}", signer.verifier().to_text());
            Ok(Outcome::Done)
        }
        KeyCommand::Show { key, witness } => {
            let signer = read_signer(&key)?;
            if witness {
                let cosigner = tandoo_tlog::Cosigner::from_signer(&signer);
                println!("{}", cosigner.verifier().to_text());
            } else {
                println!("{}", signer.verifier().to_text());
            }
            Ok(Outcome::Done)
        }
    }
}

/// Creates `path`, refusing an existing file, with mode 0600 from the start (never a moment
/// in which others may read it).
fn write_new_secret(path: &Path, text: &str) -> Result<(), CliError> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::AlreadyExists {
            "KEY_EXISTS"
        } else {
            "LOG_IO"
        };
        CliError::input(code, format!("{}: {e}", path.display()))
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| CliError::runtime("LOG_IO", format!("{}: {e}", path.display())))
}

pub fn read_signer(path: &Path) -> Result<NoteSigner, CliError> {
    let text = fs::read_to_string(path)
        .map_err(|e| CliError::input("BAD_KEY", format!("{}: {e}", path.display())))?;
    NoteSigner::parse(&text)
        .map_err(|e| CliError::input("BAD_KEY", format!("{}: {e}", path.display())))
}

/// A public key given on the command line: the key itself, or a file holding it.
pub fn read_verifier(given: &str) -> Result<NoteVerifier, CliError> {
    let text = match fs::read_to_string(given) {
        Ok(text) => text,
        Err(_) => given.to_string(),
    };
    NoteVerifier::parse(&text).map_err(|e| CliError::input("BAD_KEY", format!("{given}: {e}")))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> CliError + '_ {
    move |e| CliError::runtime("LOG_IO", format!("{}: {e}", path.display()))
}

/// `tandoo publish`: the tree of the record (verified entry by entry), a new signed
/// checkpoint, and every tile, written under `out/log/`.
pub async fn publish(db: &Path, key: &Path, out: &Path) -> Result<Outcome, CliError> {
    let signer = read_signer(key)?;
    let record = AnyRecord::open(db, OpenMode::ReadOnly).await?;
    let built = tandoo_tlog::leaf::record_tree(&record).await;
    record.close().await;
    let (tree, hashes) =
        built.map_err(|e| CliError::runtime("RECORD_DOES_NOT_VERIFY", e.to_string()))?;
    let log = out.join("log");
    let written = write_tiles(&log, &tree, &hashes)?;
    let checkpoint = Checkpoint::new(signer.name(), tree.size(), tree.head_root());
    let signed = checkpoint
        .sign(&signer)
        .map_err(|e| CliError::runtime("LOG_IO", e.to_string()))?;
    let kept = log.join("checkpoints");
    fs::create_dir_all(&kept).map_err(io(&kept))?;
    write_replacing(&kept.join(tree.size().to_string()), signed.as_bytes())?;
    // The checkpoint last: a reader who sees it finds every tile it names.
    write_replacing(&log.join("checkpoint"), signed.as_bytes())?;
    println!(
        "published {} entries ({written} tiles written) to {}; checkpoint {} {}",
        tree.size(),
        log.display(),
        tree.size(),
        checkpoint.to_text().lines().nth(2).unwrap_or_default()
    );
    Ok(Outcome::Done)
}

/// Writes the tiles of `tree` below `log`, skipping full tiles already there (they never
/// change); returns how many files were written.
pub fn write_tiles(
    log: &Path,
    tree: &Tree,
    hashes: &[tandoo_record::Hash],
) -> Result<usize, CliError> {
    let mut written = 0;
    for tile in tiles_of(tree.size()) {
        let path = log.join(tile.path());
        if tile.is_full() && path.exists() {
            continue;
        }
        let bytes = tile_bytes(&tile, tree, hashes)
            .ok_or_else(|| CliError::runtime("LOG_IO", format!("no data for {}", tile.path())))?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        write_replacing(&path, &bytes)?;
        written += 1;
    }
    Ok(written)
}

/// The bytes of one tile of the tree whose entries' hashes are `hashes`.
pub fn tile_bytes(tile: &TileRef, tree: &Tree, hashes: &[tandoo_record::Hash]) -> Option<Vec<u8>> {
    match tile.kind {
        TileKind::Hashes { level } => hash_tile(tree, level, tile.index, tile.width),
        TileKind::Entries => {
            let start = usize::try_from(tile.index * tandoo_tlog::tiles::TILE_WIDTH).ok()?;
            let end = start + usize::try_from(tile.width).ok()?;
            let leaves: Vec<[u8; tandoo_tlog::LEAF_LEN]> = hashes
                .get(start..end)?
                .iter()
                .zip(start as u64 + 1..)
                .map(|(hash, seq)| tandoo_tlog::leaf(seq, hash))
                .collect();
            Some(entry_bundle(leaves.iter().map(|l| l.as_slice())))
        }
    }
}

/// Writes a file through a temporary beside it and a rename, so a reader never sees half.
fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let temporary = path.with_extension("partial-write");
    fs::write(&temporary, bytes).map_err(io(&temporary))?;
    fs::rename(&temporary, path).map_err(io(path))
}

/// Reads a signed checkpoint file and checks it against the key.
pub fn read_checkpoint(path: &Path, key: &NoteVerifier) -> Result<(String, Checkpoint), CliError> {
    let note = fs::read_to_string(path)
        .map_err(|e| CliError::input("FILE_NOT_FOUND", format!("{}: {e}", path.display())))?;
    let checkpoint = Checkpoint::open(&note, key)
        .map_err(|e| CliError::input("BAD_CHECKPOINT", format!("{}: {e}", path.display())))?;
    Ok((note, checkpoint))
}

/// Reads what a signed checkpoint says without checking its signature.
pub fn read_checkpoint_unchecked(path: &Path) -> Result<(String, Checkpoint), CliError> {
    let note = fs::read_to_string(path)
        .map_err(|e| CliError::input("FILE_NOT_FOUND", format!("{}: {e}", path.display())))?;
    let checkpoint = note_text(&note)
        .map_err(|e| e.to_string())
        .and_then(|text| Checkpoint::parse(text).map_err(|e| e.to_string()))
        .map_err(|e| CliError::input("BAD_CHECKPOINT", format!("{}: {e}", path.display())))?;
    Ok((note, checkpoint))
}

/// Where `tandoo check-log` takes the consistency proof from.
pub enum ProofSource<'a> {
    /// A published or served log.
    Log(&'a LogSource),
    /// The record itself.
    Record(&'a Path),
}

/// `tandoo check-log`: both checkpoints signed by the key, of the same log, and the older
/// one a prefix of the newer, by a consistency proof made from the published tiles or
/// from the record.
pub async fn check_log(
    from: &Path,
    to: &Path,
    key: &str,
    source: ProofSource<'_>,
) -> Result<Outcome, CliError> {
    let key = read_verifier(key)?;
    let (_, old) = read_checkpoint(from, &key)?;
    let (_, new) = read_checkpoint(to, &key)?;
    if old.size > new.size {
        println!(
            "FAILED: {} is of a larger log ({} entries) than {} ({} entries)",
            from.display(),
            old.size,
            to.display(),
            new.size
        );
        return Ok(Outcome::Failed);
    }
    let proof = match source {
        ProofSource::Log(log) => {
            let tiles = TileSource::new(new.size, |path: &str| log.read(path));
            tiles.consistency(old.size, new.size)
        }
        ProofSource::Record(db) => {
            let record = AnyRecord::open(db, OpenMode::ReadOnly).await?;
            let built = tandoo_tlog::tree_of_record(&record).await;
            record.close().await;
            let tree =
                built.map_err(|e| CliError::runtime("RECORD_DOES_NOT_VERIFY", e.to_string()))?;
            if tree.size() < new.size {
                println!(
                    "FAILED: the record holds {} entries, fewer than the {} of {}",
                    tree.size(),
                    new.size,
                    to.display()
                );
                return Ok(Outcome::Failed);
            }
            tree.consistency(old.size, new.size)
        }
    };
    let proof = match proof {
        Ok(proof) => proof,
        Err(e) => {
            println!("FAILED: no consistency proof can be made: {e}");
            return Ok(Outcome::Failed);
        }
    };
    match verify_consistency(old.size, new.size, &old.root, &new.root, &proof) {
        Ok(()) => {
            println!(
                "ok: the log {} of {} entries is a prefix of its {} entries ({} hashes of proof)",
                new.origin,
                old.size,
                new.size,
                proof.len()
            );
            Ok(Outcome::Done)
        }
        Err(e) => {
            println!(
                "FAILED: the log of {} entries signed in {} is not a prefix of the log of {} \
                 entries signed in {}: {e}",
                old.size,
                from.display(),
                new.size,
                to.display()
            );
            Ok(Outcome::Failed)
        }
    }
}

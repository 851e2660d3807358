//! `tandoo witness`: follows a log, served or published, and cosigns each new checkpoint
//! that is signed by the log's key and consistent with the last one it cosigned.
//!
//! The state file holds the last checkpoint the witness cosigned, as the log signed it
//! with the witness's cosignature line appended (C2SP `tlog-cosignature`): a signed note
//! that both keys verify. It is what the witness hands the commission, or publishes, so
//! that the portal can show it. A checkpoint the witness cannot reconcile with its state —
//! of a smaller log, of the same size with another root, or without a consistency proof
//! from its state — is refused: the witness says why, leaves its state as it was, and keeps
//! both signed checkpoints in a directory beside the state file, the evidence that the log
//! showed two histories. A checkpoint not signed by the log's key proves nothing and is
//! only refused.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tandoo_tlog::{Checkpoint, Cosigner, HashSource, NoteVerifier, TileSource, verify_consistency};

use crate::log_source::LogSource;
use crate::{CliError, Outcome};

/// What `tandoo witness` was asked.
pub struct WitnessArgs {
    pub log: String,
    pub log_key: String,
    pub key: PathBuf,
    pub state: Option<PathBuf>,
    pub once: bool,
    pub every: Duration,
}

/// What one look at the log found.
#[derive(Debug, PartialEq, Eq)]
enum Seen {
    /// A new checkpoint, cosigned.
    Cosigned { size: u64 },
    /// The checkpoint already cosigned.
    Unchanged { size: u64 },
    /// A checkpoint refused, and why; the evidence kept, if any.
    Refused {
        why: String,
        evidence: Option<PathBuf>,
    },
}

pub async fn run(args: WitnessArgs) -> Result<Outcome, CliError> {
    let log_key = crate::log::read_verifier(&args.log_key)?;
    let signer = crate::log::read_signer(&args.key)?;
    let cosigner = Cosigner::from_signer(&signer);
    let state = args.state.clone().unwrap_or_else(|| {
        let mut name = args.key.clone().into_os_string();
        name.push(".state");
        PathBuf::from(name)
    });
    let log = LogSource::parse(&args.log);
    println!(
        "witnessing {log} for {} as {}",
        log_key.name(),
        cosigner.verifier().to_text()
    );
    loop {
        match look(&log, &log_key, &cosigner, &state)? {
            Seen::Cosigned { size } => {
                println!(
                    "cosigned the checkpoint of {size} entries; kept in {}",
                    state.display()
                );
            }
            Seen::Unchanged { size } => {
                if args.once {
                    println!("no new checkpoint: {size} entries, cosigned before");
                }
            }
            Seen::Refused { why, evidence } => {
                println!("REFUSED: {why}");
                if let Some(dir) = evidence {
                    println!("both signed checkpoints are kept in {}", dir.display());
                }
                return Ok(Outcome::Failed);
            }
        }
        if args.once {
            return Ok(Outcome::Done);
        }
        tokio::time::sleep(args.every).await;
    }
}

/// One look at the log: its checkpoint, checked against the state, cosigned if it is new.
fn look(
    log: &LogSource,
    log_key: &NoteVerifier,
    cosigner: &Cosigner,
    state: &Path,
) -> Result<Seen, CliError> {
    let unreachable = |e: String| CliError::runtime("LOG_UNREACHABLE", e);
    let note = String::from_utf8(log.read("checkpoint").map_err(unreachable)?)
        .map_err(|_| unreachable(format!("the checkpoint of {log} is not UTF-8")))?;
    let new = match Checkpoint::open(&note, log_key) {
        Ok(new) => new,
        Err(e) => {
            return Ok(Seen::Refused {
                why: format!("the checkpoint of {log} is not the log's: {e}"),
                evidence: None,
            });
        }
    };
    let tiles = TileSource::new(new.size, |path: &str| log.read(path));
    let earlier = match fs::read_to_string(state) {
        Ok(earlier) => Some(earlier),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(CliError::runtime(
                "WITNESS_STATE",
                format!("{}: {e}", state.display()),
            ));
        }
    };
    let refused = |why: String, earlier: &str| -> Result<Seen, CliError> {
        let evidence = keep_evidence(state, earlier, &note, &why)?;
        Ok(Seen::Refused {
            why,
            evidence: Some(evidence),
        })
    };
    match &earlier {
        None => {
            // Nothing seen before: the checkpoint is trusted on first sight, but only once
            // the log's tiles lead to its root.
            match tiles.root(new.size) {
                Ok(root) if root == new.root => {}
                Ok(_) => {
                    return refused(
                        format!("the tiles of {log} do not lead to the root its checkpoint signs"),
                        "",
                    );
                }
                Err(e) => return Err(unreachable(e.to_string())),
            }
        }
        Some(earlier) => {
            let old = Checkpoint::open(earlier, log_key).map_err(|e| {
                CliError::runtime("WITNESS_STATE", format!("{}: {e}", state.display()))
            })?;
            if new.size < old.size {
                return refused(
                    format!(
                        "the log now has {} entries, fewer than the {} already cosigned",
                        new.size, old.size
                    ),
                    earlier,
                );
            }
            if new.size == old.size {
                if new.root == old.root {
                    return Ok(Seen::Unchanged { size: new.size });
                }
                return refused(
                    format!(
                        "two different records of {} entries were signed: the log was rewritten",
                        new.size
                    ),
                    earlier,
                );
            }
            let proof = match tiles.consistency(old.size, new.size) {
                Ok(proof) => proof,
                Err(tandoo_tlog::ProofError::HashUnavailable { detail, .. }) => {
                    return Err(unreachable(detail));
                }
                Err(e) => return Err(unreachable(e.to_string())),
            };
            if let Err(e) = verify_consistency(old.size, new.size, &old.root, &new.root, &proof) {
                return refused(
                    format!(
                        "the log of {} entries is not a prefix of its {} entries: {e}; the \
                         record was rewritten",
                        old.size, new.size
                    ),
                    earlier,
                );
            }
        }
    }
    let time = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|e| CliError::runtime("CLOCK", e.to_string()))?
        .as_secs();
    let line = cosigner
        .cosign(&note, time)
        .map_err(|e| CliError::runtime(e.code(), e.to_string()))?;
    write_replacing(state, format!("{note}{line}").as_bytes())?;
    Ok(Seen::Cosigned { size: new.size })
}

/// Keeps the checkpoint cosigned before and the one refused, with the reason, in a new
/// directory beside the state file; returns it.
fn keep_evidence(state: &Path, earlier: &str, shown: &str, why: &str) -> Result<PathBuf, CliError> {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = state.as_os_str().to_owned();
    name.push(format!(".refused-{stamp}"));
    let mut dir = PathBuf::from(&name);
    let mut n = 1;
    while dir.exists() {
        n += 1;
        dir = PathBuf::from(format!("{}-{n}", name.to_string_lossy()));
    }
    let io =
        |e: std::io::Error| CliError::runtime("WITNESS_STATE", format!("{}: {e}", dir.display()));
    fs::create_dir_all(&dir).map_err(io)?;
    if !earlier.is_empty() {
        fs::write(dir.join("cosigned"), earlier).map_err(io)?;
    }
    fs::write(dir.join("refused"), shown).map_err(io)?;
    fs::write(dir.join("why"), format!("{why}\n")).map_err(io)?;
    Ok(dir)
}

fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let io =
        |e: std::io::Error| CliError::runtime("WITNESS_STATE", format!("{}: {e}", path.display()));
    let temporary = path.with_extension("partial-write");
    fs::write(&temporary, bytes).map_err(io)?;
    fs::rename(&temporary, path).map_err(io)
}

//! Where a read-only command reads the record from: the database (opened read-only), or an
//! exported JSON Lines file (so an observer can check and recompute without the database).
//!
//! Both go through the ledger's one path for reading entries back ([`Replayed`]), the one a
//! server's start-up takes: each entry's link and hash checked over its stored texts, its act
//! parsed once into its type and applied. Reading stops at the first entry that fails.

use crate::CliError;
use clap::Args;
use std::io::BufRead;
use std::path::PathBuf;
use tandoo_core::{LegalDate, State};
use tandoo_ledger::{LedgerError, Replayed};
use tandoo_record::{AnyRecord, ChainVerifier, Entry, Head, OpenMode, RawEntry};

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct SourceArgs {
    /// The record: a SQLite file or a PostgreSQL address.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// An export written by `tandoo export`, instead of the record.
    #[arg(long)]
    pub export: Option<PathBuf>,
}

/// What reading a record found.
pub struct Reading {
    /// The state the acts read build (as of the date asked, if one was).
    pub state: State,
    /// The last entry read and verified.
    pub head: Head,
    /// The first entry that failed — a break in the chain, an act that cannot be read or
    /// does not apply — where reading stopped.
    pub failure: Option<LedgerError>,
}

impl Reading {
    /// The number of the entry that failed.
    pub fn failed_at(&self) -> u64 {
        self.head.seq + 1
    }
}

impl SourceArgs {
    /// Reads and verifies every entry, applying the acts dated `until` or before (every act
    /// without a date), up to the first entry that fails.
    pub async fn read(&self, until: Option<LegalDate>) -> Result<Reading, CliError> {
        let mut replayed = Replayed {
            until,
            ..Replayed::default()
        };
        let failure = match (&self.db, &self.export) {
            (Some(db), _) => {
                let record = AnyRecord::open(db, OpenMode::ReadOnly).await?;
                let read = replayed.catch_up(&record, |_, _| {}).await;
                record.close().await;
                match read {
                    Err(LedgerError::Record(error)) => return Err(error.into()),
                    other => other.err(),
                }
            }
            (None, Some(path)) => read_export(path, &mut replayed)?.err(),
            (None, None) => {
                return Err(CliError::input(
                    "NO_SOURCE",
                    "give --db FILE or --export FILE",
                ));
            }
        };
        Ok(Reading {
            state: replayed.state,
            head: replayed.head,
            failure,
        })
    }
}

/// Reads an export line by line into `replayed`; the outer error is a file that cannot be
/// opened or read, the inner one the first entry that fails.
fn read_export(
    path: &std::path::Path,
    replayed: &mut Replayed,
) -> Result<Result<(), LedgerError>, CliError> {
    let file = std::fs::File::open(path).map_err(|e| {
        CliError::input(
            "EXPORT_NOT_FOUND",
            format!("cannot open {}: {e}", path.display()),
        )
    })?;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| CliError::runtime("EXPORT_IO", e.to_string()))?;
        let line = if n == 0 {
            line.strip_prefix('\u{feff}').unwrap_or(&line).to_string()
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        let seq = replayed.head.seq + 1;
        let unreadable = |detail: String| {
            let mut verifier = ChainVerifier::resume(replayed.head);
            LedgerError::Broken(verifier.unreadable(seq, detail))
        };
        let entry = match serde_json::from_str::<Entry>(&line) {
            Ok(entry) => entry,
            Err(error) => {
                return Ok(Err(unreadable(format!(
                    "line {} of the export: {error}",
                    n + 1
                ))));
            }
        };
        let raw = match RawEntry::from_entry(&entry) {
            Ok(raw) => raw,
            Err(error) => {
                return Ok(Err(unreadable(format!(
                    "line {} of the export: {error}",
                    n + 1
                ))));
            }
        };
        if let Err(error) = replayed.follow([&raw], |_, _| {}) {
            return Ok(Err(error));
        }
    }
    Ok(Ok(()))
}

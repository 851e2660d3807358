//! Where a read-only command reads the record from: the database, or an exported JSON Lines
//! file (so an observer can check and recompute without the database).

use crate::CliError;
use clap::Args;
use std::io::BufRead;
use std::path::PathBuf;
use tandoo_core::Stamp;
use tandoo_core::act::Act;
use tandoo_ledger::decode;
use tandoo_record::{AnyRecord, ChainBreak, ChainVerifier, Entry, OpenMode, read_all};

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct SourceArgs {
    /// The record: a SQLite file or a PostgreSQL address.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// An export written by `tandoo export`, instead of the record file.
    #[arg(long)]
    pub export: Option<PathBuf>,
}

/// What reading a record found: the acts in order and the chain check.
pub struct Reading {
    pub acts: Vec<(Stamp, Act)>,
    pub chain: Result<tandoo_record::VerifiedChain, ChainBreak>,
    /// The first act that could not be decoded, if any (reading stops there).
    pub unreadable: Option<(u64, String)>,
}

/// Collects acts while checking the chain.
struct Reader {
    verifier: ChainVerifier,
    acts: Vec<(Stamp, Act)>,
    unreadable: Option<(u64, String)>,
}

impl Reader {
    fn take(&mut self, entry: Entry) {
        // The verifier remembers the first break itself; reading goes on to the end.
        let _ = self.verifier.push(&entry);
        if self.unreadable.is_none() {
            match decode(&entry) {
                Ok(act) => self.acts.push(act),
                Err(error) => self.unreadable = Some((entry.seq, error.to_string())),
            }
        }
    }

    fn damaged(&mut self, seq: u64, detail: String) {
        let _ = self.verifier.unreadable(seq, detail.clone());
        self.unreadable.get_or_insert((seq, detail));
    }
}

impl SourceArgs {
    /// Reads every entry, checking the chain as it goes; decoding stops at the first act
    /// that cannot be read, but the chain is checked to the end.
    pub async fn read(&self) -> Result<Reading, CliError> {
        let mut reader = Reader {
            verifier: ChainVerifier::new(),
            acts: Vec::new(),
            unreadable: None,
        };
        match (&self.db, &self.export) {
            (Some(db), _) => {
                let record = AnyRecord::open(db, OpenMode::MustExist).await?;
                let mut pages = read_all(&record);
                loop {
                    match pages.next_page().await {
                        Ok(Some(page)) => page.into_iter().for_each(|e| reader.take(e)),
                        Ok(None) => break,
                        Err(tandoo_record::RecordError::Damaged { seq, detail }) => {
                            reader.damaged(seq, detail);
                            break;
                        }
                        Err(error) => return Err(error.into()),
                    }
                }
                record.close().await;
            }
            (None, Some(path)) => {
                let file = std::fs::File::open(path).map_err(|e| {
                    CliError::input(
                        "EXPORT_NOT_FOUND",
                        format!("cannot open {}: {e}", path.display()),
                    )
                })?;
                for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
                    let line = line.map_err(|e| CliError::runtime("EXPORT_IO", e.to_string()))?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    match serde_json::from_str::<Entry>(&line) {
                        Ok(entry) => reader.take(entry),
                        Err(error) => {
                            reader.damaged(
                                n as u64 + 1,
                                format!("line {} of the export: {error}", n + 1),
                            );
                            break;
                        }
                    }
                }
            }
            (None, None) => {
                return Err(CliError::input(
                    "NO_SOURCE",
                    "give --db FILE or --export FILE",
                ));
            }
        }
        Ok(Reading {
            chain: reader.verifier.result(),
            acts: reader.acts,
            unreadable: reader.unreadable,
        })
    }
}

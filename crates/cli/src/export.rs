//! `tandoo export`: the record as JSON Lines, one entry per line with its hashes.
//!
//! By default it is the administrator's copy of the whole record, which `tandoo verify
//! --export` checks entry by entry. With `--public` it is what anyone may read, as
//! `GET /api/record` serves it: entries of protocol rounds still open are withheld (their
//! figures and actor left out, their hashes kept), for publishing during the count.

use crate::{CliError, Outcome};
use std::io::Write;
use std::path::Path;
use tandoo_ledger::Ledger;
use tandoo_record::{AnyRecord, OpenMode, read_all};
use tandoo_server::public_record::{is_withheld, withheld_form};

pub async fn run(db: &Path, out: Option<&Path>, public: bool) -> Result<Outcome, CliError> {
    // The state says which rounds are open; only the acts it holds are written.
    let ledger = if public {
        Some(Ledger::open(AnyRecord::open(db, OpenMode::ReadOnly).await?).await?)
    } else {
        None
    };
    let record = AnyRecord::open(db, OpenMode::ReadOnly).await?;
    let io = |e: std::io::Error| CliError::runtime("EXPORT_IO", e.to_string());
    let mut sink: Box<dyn Write> = match out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(io)?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut pages = read_all(&record);
    while let Some(page) = pages.next_page().await? {
        for entry in page {
            let line = match &ledger {
                Some(ledger) if entry.seq > ledger.head().seq => break,
                Some(ledger) if is_withheld(ledger.state(), &entry) => {
                    serde_json::to_string(&withheld_form(&entry))
                }
                _ => serde_json::to_string(&entry),
            }
            .map_err(|e| CliError::runtime("ENCODING", e.to_string()))?;
            writeln!(sink, "{line}").map_err(io)?;
        }
    }
    sink.flush().map_err(io)?;
    record.close().await;
    if let Some(ledger) = ledger {
        ledger.into_record().close().await;
    }
    Ok(Outcome::Done)
}

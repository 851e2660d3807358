//! `tandoo export`: the record as JSON Lines, one entry per line with its hashes.

use crate::{CliError, Outcome};
use std::io::Write;
use std::path::Path;
use tandoo_record::{AnyRecord, OpenMode, read_all};

pub async fn run(db: &Path, out: Option<&Path>) -> Result<Outcome, CliError> {
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
            let line = serde_json::to_string(&entry)
                .map_err(|e| CliError::runtime("ENCODING", e.to_string()))?;
            writeln!(sink, "{line}").map_err(io)?;
        }
    }
    sink.flush().map_err(io)?;
    record.close().await;
    Ok(Outcome::Done)
}

//! `tandoo export`: the record as JSON Lines, one entry per line with its hashes; or the
//! results as open data (`--format nist|csv`).
//!
//! By default it is the administrator's copy of the whole record, which `tandoo verify
//! --export` checks entry by entry. With `--public` it is what anyone may read, as
//! `GET /api/record` serves it: entries of protocol rounds still open are withheld (their
//! figures and actor left out, their hashes kept), for publishing during the count.
//!
//! `--format nist` writes the NIST SP 1500-100 v2 report and `--format csv` the tables
//! `stations.csv` and `candidates.csv` into a directory, as the portal publishes them at
//! `/data/`, of the present state or `--as-of` a legal date. They hold accepted protocols
//! only, so they are public whatever `--public` says.

use crate::source::SourceArgs;
use crate::{CliError, Outcome};
use std::io::Write;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};
use tandoo_core::LegalDate;
use tandoo_ledger::Ledger;
use tandoo_record::{AnyRecord, OpenMode, read_all};
use tandoo_server::public_record::{is_withheld, withheld_form};

/// What `tandoo export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The record, as JSON Lines.
    Record,
    /// The results as a NIST SP 1500-100 v2 election results report (JSON).
    Nist,
    /// The results as the CSV tables stations.csv and candidates.csv.
    Csv,
}

/// What `tandoo export` was asked for.
pub struct ExportArgs<'a> {
    pub db: &'a Path,
    pub format: Format,
    pub as_of: Option<&'a str>,
    pub out: Option<&'a Path>,
    pub public: bool,
}

pub async fn run(args: ExportArgs<'_>) -> Result<Outcome, CliError> {
    match args.format {
        Format::Record if args.as_of.is_some() => Err(CliError::input(
            "EXPORT_AS_OF",
            "--as-of applies to the results (--format nist or csv), not to the record",
        )),
        Format::Record => record(args.db, args.out, args.public).await,
        Format::Nist => results(args, OpenData::Nist).await,
        Format::Csv => results(args, OpenData::Csv).await,
    }
}

/// The results' two forms of open data.
enum OpenData {
    Nist,
    Csv,
}

/// The results of the record (as of a date) as open data.
async fn results(args: ExportArgs<'_>, form: OpenData) -> Result<Outcome, CliError> {
    let as_of = args
        .as_of
        .map(|d| {
            d.parse::<LegalDate>()
                .map_err(|e| CliError::input("BAD_DATE", e.to_string()))
        })
        .transpose()?;
    let source = SourceArgs {
        db: Some(args.db.to_path_buf()),
        export: None,
    };
    let reading = source.read(as_of).await?;
    if let Some(failure) = &reading.failure {
        return Err(CliError::runtime(
            "RECORD_DOES_NOT_VERIFY",
            format!(
                "act {}: {failure}; no result is exported from a record that does not verify (run tandoo verify)",
                reading.failed_at()
            ),
        ));
    }
    let io = |e: std::io::Error| CliError::runtime("EXPORT_IO", e.to_string());
    let table =
        |e: tandoo_portal::data::tables::TableError| CliError::runtime("EXPORT_IO", e.to_string());
    match form {
        OpenData::Nist => {
            let generated_at = now()?;
            let head_hash = reading.head.hash.to_hex();
            let issue = tandoo_nist::Issue {
                as_of,
                generated_at: &generated_at,
                head_seq: reading.head.seq,
                head_hash: &head_hash,
            };
            // The same bytes as the portal's /data/nist/results.json of the same head and time.
            let bytes = serde_json::to_vec(&tandoo_nist::report(&reading.state, &issue))
                .map_err(|e| CliError::runtime("ENCODING", e.to_string()))?;
            match args.out {
                Some(path) => std::fs::write(path, bytes).map_err(io)?,
                None => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(&bytes).map_err(io)?;
                    out.flush().map_err(io)?;
                }
            }
        }
        OpenData::Csv => {
            // clap insists on --out for csv: two files need a directory.
            let dir = args.out.unwrap_or(Path::new("."));
            std::fs::create_dir_all(dir).map_err(io)?;
            let stations = tandoo_portal::data::tables::stations(&reading.state).map_err(table)?;
            let candidates =
                tandoo_portal::data::tables::candidates(&reading.state).map_err(table)?;
            std::fs::write(dir.join("stations.csv"), stations).map_err(io)?;
            std::fs::write(dir.join("candidates.csv"), candidates).map_err(io)?;
        }
    }
    Ok(Outcome::Done)
}

/// The time of the report, RFC 3339 in UTC to the second, as the portal dates a publication.
fn now() -> Result<String, CliError> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
        .ok_or_else(|| {
            CliError::runtime(
                "EXPORT_CLOCK",
                "the system clock is before 1970, so the report cannot be dated",
            )
        })?;
    Ok(tandoo_server::audit::utc_time(seconds))
}

/// The record as JSON Lines.
pub(crate) async fn record(
    db: &Path,
    out: Option<&Path>,
    public: bool,
) -> Result<Outcome, CliError> {
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

//! `tandoo publish`: the portal as a static site — every file of its publications at the
//! path a live server answers it at — and, with the commission's key, the transparency log
//! beside it (`log/`).
//!
//! The present state is written at the top of the directory, and the state as of every
//! legal date on which the record changed something under `as-of/YYYY-MM-DD/` (or of the
//! one date asked for). A publication is a function of the record alone (its time is the
//! head entry's), so the files are the bytes `tandoo serve` gives for the same record.

use std::fs;
use std::path::Path;

use tandoo_core::LegalDate;
use tandoo_ledger::History;
use tandoo_portal::{Edition, Publication, address};
use tandoo_present::Language;
use tandoo_record::{AnyRecord, OpenMode, Record};

use crate::{CliError, Outcome};

/// The record's public export, beside the other data files.
const RECORD_FILE: &str = "record.jsonl";

/// What to publish: the portal, as of a date or of every date, and the log with a key.
pub struct Site<'a> {
    pub db: &'a Path,
    pub out: &'a Path,
    pub key: Option<&'a Path>,
    pub as_of: Option<LegalDate>,
}

pub async fn publish(site: Site<'_>) -> Result<Outcome, CliError> {
    let record = AnyRecord::open(site.db, OpenMode::ReadOnly).await?;
    let read = Read::of(&record).await;
    record.close().await;
    let read = read?;
    let mut files = 0;
    let editions: Vec<Option<LegalDate>> = match site.as_of {
        Some(date) => vec![Some(date)],
        None => std::iter::once(None)
            .chain(read.history.dates().into_iter().map(Some))
            .collect(),
    };
    for as_of in &editions {
        let publication = read.publish(*as_of)?;
        let dir = match as_of {
            Some(date) => site.out.join(address::edition_dir(Some(*date))),
            None => site.out.to_path_buf(),
        };
        files += write(&publication, &dir)?;
    }
    if site.as_of.is_none() {
        // The record itself, as anyone may read it: what a live server streams at the
        // same address (a past date's state is recomputed from it, so it has no edition).
        let data = site.out.join("data");
        fs::create_dir_all(&data)
            .map_err(|e| CliError::runtime("PUBLISH_IO", format!("{}: {e}", data.display())))?;
        crate::export::record(site.db, Some(&data.join(RECORD_FILE)), true).await?;
        files += 1;
    }
    println!(
        "published the portal at entry {} ({} edition(s), {files} files) to {}",
        read.history.head().seq,
        editions.len(),
        site.out.display()
    );
    if let Some(key) = site.key {
        crate::log::publish(site.db, key, site.out).await?;
    }
    Ok(Outcome::Done)
}

/// Every act of the record, and the time its head was recorded.
struct Read {
    history: History,
    recorded_at: String,
}

impl Read {
    async fn of(record: &AnyRecord) -> Result<Read, CliError> {
        let history = History::read(record)
            .await
            .map_err(|e| CliError::runtime("RECORD_DOES_NOT_VERIFY", e.to_string()))?;
        let mut recorded_at = String::new();
        if history.head().seq > 0 {
            let head = record.read_raw(history.head().seq, 1).await?;
            recorded_at = head
                .into_iter()
                .next()
                .map(|e| e.recorded_at)
                .unwrap_or_default();
        }
        Ok(Read {
            history,
            recorded_at,
        })
    }

    fn publish(&self, as_of: Option<LegalDate>) -> Result<Publication, CliError> {
        let state = self
            .history
            .state(as_of)
            .map_err(|e| CliError::runtime("RECORD_DOES_NOT_REPLAY", e.to_string()))?;
        let head = self.history.head();
        let edition = Edition {
            head_seq: head.seq,
            head_hash: head.hash.to_hex(),
            published_at: self.recorded_at.clone(),
            as_of,
            dates: self.history.dates(),
            default_language: Language::Ky,
            commission_key: None,
        };
        Ok(tandoo_portal::publish(&state, &edition))
    }
}

/// Writes every file of `publication` below `dir`, each replaced whole (a reader never
/// sees half a file); how many.
fn write(publication: &Publication, dir: &Path) -> Result<usize, CliError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |e: std::io::Error| CliError::runtime("PUBLISH_IO", format!("{path}: {e}"))
    };
    for (file, asset) in publication.files() {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let partial = path.with_extension("partial-write");
        fs::write(&partial, &asset.bytes[..]).map_err(io(&partial))?;
        fs::rename(&partial, &path).map_err(io(&path))?;
    }
    Ok(publication.len())
}

//! The record as anyone may read it, a page at a time (`GET /api/record`).
//!
//! - **Withheld entries (H1).** A `protocol_entered` act of a round still open is served
//!   without its figures or its actor: its number, dates, type, protocol key, version and
//!   entry number, and its hashes, marked `"withheld": true`. Its `hash` commits to the
//!   figures, so the next entry's `prev_hash` still links to it; once the round is settled
//!   the same address serves it whole, and its hash can be recomputed and compared.
//! - **Bounded pages (M8).** A page stops at [`MAX_PAGE_ENTRIES`] entries or once it holds
//!   [`MAX_PAGE_BYTES`] (always at least one entry); the store is read a few entries at a
//!   time — as many as the entries read so far say fit in what is left of the page, between
//!   1 and [`MAX_CHUNK`] — and at most [`CONCURRENT_PAGES`] pages are put together at once, so anonymous
//!   reads cannot multiply the server's memory.
//! - Only acts the server's state holds are served (up to its head), so that whether an
//!   entry is withheld is always known; when the state cannot be read within
//!   [`READ_WAIT`], the answer is 503 rather than a wait on the writer.

use axum::body::Bytes;
use serde_json::{Value, json};
use tandoo_core::State;
use tandoo_core::progress::entry_in_open_round;
use tandoo_core::protocol::ProtocolKey;
use tandoo_ledger::Service;
use tandoo_record::{AnyRecord, Entry, Record};
use tokio::sync::Semaphore;
use tokio::time::timeout;

use crate::error::ApiError;
use crate::views::{READ_WAIT, STORE_WAIT};

/// The most entries one page returns.
pub const MAX_PAGE_ENTRIES: usize = 1000;
/// A page ends once it holds this many bytes of entries.
pub const MAX_PAGE_BYTES: usize = 2 << 20;
/// Entries read from the store at a time, at first and at most.
const FIRST_CHUNK: usize = 2;
const MAX_CHUNK: usize = 64;
/// Pages put together at once; others wait their turn.
const CONCURRENT_PAGES: usize = 4;

pub struct PublicRecord {
    pages: Semaphore,
}

impl Default for PublicRecord {
    fn default() -> Self {
        PublicRecord {
            pages: Semaphore::new(CONCURRENT_PAGES),
        }
    }
}

impl PublicRecord {
    /// The page of entries from `from`, at most `limit`, as JSON
    /// `{"entries": […], "next": n|null}`.
    pub async fn page(
        &self,
        ledger: &Service<AnyRecord>,
        from: u64,
        limit: usize,
    ) -> Result<Bytes, ApiError> {
        let _turn = self
            .pages
            .acquire()
            .await
            .map_err(|e| ApiError::internal("waiting to read the record", e))?;
        let head = timeout(READ_WAIT, ledger.head())
            .await
            .map_err(|_| held())?
            .seq;
        let limit = limit.clamp(1, MAX_PAGE_ENTRIES);
        let mut out = Vec::with_capacity(4096);
        out.extend_from_slice(b"{\"entries\":[");
        let mut served = 0usize;
        let mut next = from;
        while served < limit && next <= head && (served == 0 || out.len() < MAX_PAGE_BYTES) {
            let wanted = chunk_size(served, out.len())
                .min(limit - served)
                .min(usize::try_from(head - next + 1).unwrap_or(MAX_CHUNK));
            let chunk = timeout(STORE_WAIT, ledger.record().read(next, wanted))
                .await
                .map_err(|_| ApiError::database_unavailable("reading the record", "no answer"))?
                .map_err(|e| ApiError::database_unavailable("reading the record", e))?;
            if chunk.is_empty() {
                break;
            }
            let withheld = timeout(READ_WAIT, withheld(ledger, &chunk))
                .await
                .map_err(|_| held())?;
            for (entry, withhold) in chunk.iter().zip(withheld) {
                if served > 0 && out.len() >= MAX_PAGE_BYTES {
                    break;
                }
                if served > 0 {
                    out.push(b',');
                }
                let written = if withhold {
                    serde_json::to_writer(&mut out, &withheld_form(entry))
                } else {
                    serde_json::to_writer(&mut out, entry)
                };
                written.map_err(|e| ApiError::internal("writing the record", e))?;
                served += 1;
                next = entry.seq + 1;
            }
        }
        out.extend_from_slice(b"],\"next\":");
        if served == 0 {
            out.extend_from_slice(b"null}");
        } else {
            out.extend_from_slice(format!("{next}}}").as_bytes());
        }
        Ok(Bytes::from(out))
    }
}

/// How many entries to read next: as many as fit in what is left of the page at the
/// average size of those written so far, so that a page of large acts is read one or two
/// at a time and a page of small ones in few queries.
fn chunk_size(served: usize, written: usize) -> usize {
    if served == 0 {
        return FIRST_CHUNK;
    }
    let average = (written / served).max(1);
    (MAX_PAGE_BYTES.saturating_sub(written) / average).clamp(1, MAX_CHUNK)
}

/// The state cannot be read at the moment: nothing is served rather than an entry that
/// might have to be withheld.
fn held() -> ApiError {
    ApiError::database_unavailable("reading the record", "the state is held by the writer")
}

/// For each entry, whether it is an entry of a protocol round still open.
pub(crate) async fn withheld(ledger: &Service<AnyRecord>, chunk: &[Entry]) -> Vec<bool> {
    if chunk.iter().all(|entry| entry_key(entry).is_none()) {
        return vec![false; chunk.len()];
    }
    ledger
        .read(|state| {
            chunk
                .iter()
                .map(|entry| is_withheld(state, entry))
                .collect()
        })
        .await
}

/// Whether `entry` is withheld from public views in `state`: an entry of a protocol round
/// still open, or one whose protocol key cannot be read (withheld rather than shown).
pub fn is_withheld(state: &State, entry: &Entry) -> bool {
    match entry_key(entry) {
        None => false,
        Some(Some(key)) => entry_in_open_round(state, &key, entry.seq),
        Some(None) => true,
    }
}

/// `None` for an act that is not a protocol entry; else the entry's protocol key, if it
/// can be read.
fn entry_key(entry: &Entry) -> Option<Option<ProtocolKey>> {
    if entry.act.get("type").and_then(Value::as_str) != Some("protocol_entered") {
        return None;
    }
    Some(
        entry
            .act
            .get("key")
            .and_then(|key| serde_json::from_value(key.clone()).ok()),
    )
}

/// An entry as served while its round is open: what it is, and its hashes.
pub fn withheld_form(entry: &Entry) -> Value {
    let act = &entry.act;
    json!({
        "seq": entry.seq,
        "recorded_at": entry.recorded_at,
        "legal_date": entry.legal_date,
        "act": {
            "type": "protocol_entered",
            "key": act.get("key"),
            "version": act.get("version"),
            "entry": act.get("entry"),
        },
        "withheld": true,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    })
}

//! The record as a trait, so the embedded SQLite store and a server database store can be
//! swapped without the rest of the system noticing, plus what every reader shares: reading
//! in pages, and verifying a whole store. (What every writer shares is in `write`.)

use std::future::Future;

use crate::entry::{Entry, Head, NewEntry};
use crate::error::RecordError;
use crate::listen::Listener;
use crate::raw::RawEntry;
use crate::verify::{ChainBreak, ChainVerifier, VerifiedChain};

/// An append-only, hash-chained sequence of entries.
///
/// Implementations must be safe to share between tasks; their futures are `Send` so they
/// can run on a multi-threaded runtime.
pub trait Record: Send + Sync {
    /// The end of the record: the last entry's number and hash, or [`Head::EMPTY`].
    fn head(&self) -> impl Future<Output = Result<Head, RecordError>> + Send;

    /// Appends `entries`, all or nothing, only if the record currently ends at `expected`;
    /// otherwise returns [`RecordError::StaleHead`] and writes nothing. Every entry of one
    /// call gets the same `recorded_at`. The entries are durable when this returns.
    ///
    /// Entries are checked before anything is written (legal dates, and that actor and act
    /// have a canonical form), so a bad entry anywhere in the batch refuses the whole batch.
    fn append(
        &self,
        expected: &Head,
        entries: Vec<NewEntry>,
    ) -> impl Future<Output = Result<Vec<Entry>, RecordError>> + Send;

    /// Entries numbered `from` and after, in order, at most `limit` of them.
    ///
    /// The end of the record is an empty result. A shorter result than `limit` does not
    /// mean the end: a store stops before an entry it cannot read back, and the next call,
    /// starting at that entry, returns [`RecordError::Damaged`] for it. Polling with
    /// `read(head.seq + 1, n)` is how a process follows another's appends.
    fn read(
        &self,
        from: u64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<Entry>, RecordError>> + Send;

    /// As [`Record::read`], with actor and act as the stored canonical texts, unparsed: the
    /// fast path for a replay, which verifies with [`ChainVerifier::push_raw`] and parses
    /// each act once, into its own type. The same rule holds for damaged entries.
    ///
    /// The default reads values and writes their texts again; stores override it to hand
    /// back the stored text itself.
    fn read_raw(
        &self,
        from: u64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<RawEntry>, RecordError>> + Send {
        async move {
            let entries = self.read(from, limit).await?;
            entries
                .iter()
                .map(|e| {
                    RawEntry::from_entry(e).map_err(|source| RecordError::Damaged {
                        seq: e.seq,
                        detail: source.to_string(),
                    })
                })
                .collect()
        }
    }

    /// Appends what `build` makes of the entries that follow `known`, so that a writer can
    /// catch up and decide in one step. `build` sees those entries (verify and apply them
    /// before deciding) and returns the new entries, or `None` to give up
    /// ([`RecordError::Abandoned`], nothing written).
    ///
    /// A store that can hold its append lock from reading those entries to writing the new
    /// ones overrides this, so that no other process can append in between and the append
    /// never meets a stale head. The default reads first and then appends at the head it
    /// read, which another writer may still have moved ([`RecordError::StaleHead`]).
    fn append_following<F>(
        &self,
        known: &Head,
        build: F,
    ) -> impl Future<Output = Result<Vec<Entry>, RecordError>> + Send
    where
        F: FnOnce(&[RawEntry]) -> Option<Vec<NewEntry>> + Send,
    {
        async move {
            let mut following: Vec<RawEntry> = Vec::new();
            loop {
                let from = known.seq + 1 + following.len() as u64;
                let page = self.read_raw(from, DEFAULT_PAGE_SIZE).await?;
                if page.is_empty() {
                    break;
                }
                following.extend(page);
            }
            let head = following.last().map_or(*known, RawEntry::head);
            let entries = build(&following).ok_or(RecordError::Abandoned)?;
            self.append(&head, entries).await
        }
    }

    /// Notices of appends made by any process, if the store can send them; `None` when the
    /// only way to learn of another process's appends is to poll [`Record::head`].
    fn listen(&self) -> impl Future<Output = Result<Option<Listener>, RecordError>> + Send {
        async { Ok(None) }
    }
}

/// The page size of [`read_all`]: large enough that the per-query cost disappears, small
/// enough that a page of typical acts stays in the tens of megabytes.
pub const DEFAULT_PAGE_SIZE: usize = 10_000;

/// Reads a record from its first entry in pages of [`DEFAULT_PAGE_SIZE`], so a replay of
/// millions of entries never holds more than one page.
///
/// ```no_run
/// # async fn replay(record: &impl tandoo_record::Record) -> Result<(), tandoo_record::RecordError> {
/// let mut pages = tandoo_record::read_all(record);
/// while let Some(page) = pages.next_page().await? {
///     for entry in page {
///         // apply(entry.act) ...
/// #       let _ = entry;
///     }
/// }
/// # Ok(()) }
/// ```
pub fn read_all<R: Record + ?Sized>(record: &R) -> Pages<'_, R> {
    read_pages(record, 1, DEFAULT_PAGE_SIZE)
}

/// Reads a record from entry `from` on, `page_size` entries at a time.
pub fn read_pages<R: Record + ?Sized>(record: &R, from: u64, page_size: usize) -> Pages<'_, R> {
    Pages {
        record,
        cursor: Cursor::new(from, page_size),
    }
}

/// Reads a record as stored texts ([`Record::read_raw`]) from its first entry, in pages of
/// [`DEFAULT_PAGE_SIZE`]: the replay fast path.
///
/// ```no_run
/// # async fn replay(record: &impl tandoo_record::Record) -> Result<(), Box<dyn std::error::Error>> {
/// let mut verifier = tandoo_record::ChainVerifier::new();
/// let mut pages = tandoo_record::read_all_raw(record);
/// while let Some(page) = pages.next_page().await? {
///     for entry in &page {
///         verifier.push_raw(entry)?;
///         let act: serde_json::Value = serde_json::from_str(&entry.act)?; // your own type
/// #       let _ = act;
///     }
/// }
/// # Ok(()) }
/// ```
pub fn read_all_raw<R: Record + ?Sized>(record: &R) -> RawPages<'_, R> {
    read_raw_pages(record, 1, DEFAULT_PAGE_SIZE)
}

/// Reads stored texts from entry `from` on, `page_size` entries at a time.
pub fn read_raw_pages<R: Record + ?Sized>(
    record: &R,
    from: u64,
    page_size: usize,
) -> RawPages<'_, R> {
    RawPages {
        record,
        cursor: Cursor::new(from, page_size),
    }
}

/// Where a paged read stands.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    next: u64,
    page_size: usize,
    done: bool,
}

impl Cursor {
    fn new(from: u64, page_size: usize) -> Cursor {
        Cursor {
            next: from,
            page_size: page_size.max(1),
            done: false,
        }
    }

    /// Moves past a page whose last entry is `last`; false at the end of the record.
    fn advance(&mut self, last: Option<u64>) -> Result<bool, RecordError> {
        let Some(last) = last else {
            self.done = true;
            return Ok(false);
        };
        if last < self.next {
            // A store returning entries before the position asked for would make a reader
            // loop forever; say so instead.
            return Err(RecordError::Store {
                action: "reading the record",
                detail: format!("asked for entries from {} and got entry {last}", self.next),
            });
        }
        self.next = last.saturating_add(1);
        Ok(true)
    }
}

/// Successive pages of a record; see [`read_all`].
#[derive(Debug)]
pub struct Pages<'r, R: ?Sized> {
    record: &'r R,
    cursor: Cursor,
}

impl<R: Record + ?Sized> Pages<'_, R> {
    /// The next page, or `None` after the last entry. Pages reflect appends made while
    /// reading: the end is wherever the record ends when the last page is read.
    pub async fn next_page(&mut self) -> Result<Option<Vec<Entry>>, RecordError> {
        if self.cursor.done {
            return Ok(None);
        }
        let page = self
            .record
            .read(self.cursor.next, self.cursor.page_size)
            .await?;
        let more = self.cursor.advance(page.last().map(|e| e.seq))?;
        Ok(more.then_some(page))
    }

    /// The number of the entry the next page starts at.
    pub fn position(&self) -> u64 {
        self.cursor.next
    }
}

/// Successive pages of stored texts; see [`read_all_raw`].
#[derive(Debug)]
pub struct RawPages<'r, R: ?Sized> {
    record: &'r R,
    cursor: Cursor,
}

impl<R: Record + ?Sized> RawPages<'_, R> {
    /// The next page, or `None` after the last entry (as [`Pages::next_page`]).
    pub async fn next_page(&mut self) -> Result<Option<Vec<RawEntry>>, RecordError> {
        if self.cursor.done {
            return Ok(None);
        }
        let page = self
            .record
            .read_raw(self.cursor.next, self.cursor.page_size)
            .await?;
        let more = self.cursor.advance(page.last().map(|e| e.seq))?;
        Ok(more.then_some(page))
    }

    /// The number of the entry the next page starts at.
    pub fn position(&self) -> u64 {
        self.cursor.next
    }
}

/// Why [`verify_record`] did not succeed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum VerifyError {
    /// The stored chain does not hold together at some entry.
    #[error("{0}")]
    Break(#[from] ChainBreak),
    /// The store could not be read at all.
    #[error("{0}")]
    Store(RecordError),
}

impl VerifyError {
    pub fn code(&self) -> &'static str {
        match self {
            VerifyError::Break(b) => b.code(),
            VerifyError::Store(e) => e.code(),
        }
    }
}

/// Reads a whole record and verifies its chain, naming the first entry that no longer
/// matches — including an entry the store cannot even read back.
pub async fn verify_record<R: Record + ?Sized>(record: &R) -> Result<VerifiedChain, VerifyError> {
    let mut verifier = ChainVerifier::new();
    let mut pages = read_all(record);
    loop {
        match pages.next_page().await {
            Ok(Some(page)) => {
                for entry in &page {
                    verifier.push(entry)?;
                }
            }
            Ok(None) => return Ok(verifier.finish()),
            Err(RecordError::Damaged { seq, detail }) => {
                return Err(VerifyError::Break(verifier.unreadable(seq, detail)));
            }
            Err(e) => return Err(VerifyError::Store(e)),
        }
    }
}

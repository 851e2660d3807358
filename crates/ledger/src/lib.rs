//! The ledger: a record and the state it builds, kept in step. Submissions are decided
//! against the state, appended to the record (durably), and only then applied.

#![forbid(unsafe_code)]

mod service;

pub use service::{Receipt, Service, SubmitError};

/// Entries read per page when replaying.
pub(crate) const PAGE: usize = 10_000;

use tandoo_core::act::Act;
use tandoo_core::{LegalDate, Refusal, Stamp, State, Submission};
use tandoo_record::{
    ChainBreak, ChainVerifier, Entry, Head, NewEntry, RawEntry, Record, RecordError, read_raw_pages,
};

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error("act {seq} cannot be read: {detail}")]
    Unreadable { seq: u64, detail: String },
    /// The record's hash chain does not hold: an act was changed, removed or damaged in the
    /// store. Nothing after the break is applied.
    #[error("{0}")]
    Broken(ChainBreak),
    #[error("{0}")]
    DoesNotApply(String),
    #[error("submission {index}: {refusal}")]
    Refused { index: usize, refusal: Refusal },
}

impl LedgerError {
    pub fn code(&self) -> &'static str {
        match self {
            LedgerError::Record(e) => e.code(),
            LedgerError::Unreadable { .. } => "ACT_UNREADABLE",
            LedgerError::Broken(b) => b.code(),
            LedgerError::DoesNotApply(_) => "ACT_DOES_NOT_APPLY",
            LedgerError::Refused { refusal, .. } => refusal.code(),
        }
    }
}

/// Decodes a stored entry back into its act and stamp.
pub fn decode(entry: &Entry) -> Result<(Stamp, Act), LedgerError> {
    stamped(entry.seq, &entry.legal_date, || {
        serde_json::from_value(entry.act.clone())
    })
}

/// Decodes an act as the store holds it, parsing its text straight into the domain type:
/// the replay fast path (see [`RawEntry`]).
pub fn decode_raw(entry: &RawEntry) -> Result<(Stamp, Act), LedgerError> {
    stamped(entry.seq, &entry.legal_date, || {
        serde_json::from_str(&entry.act)
    })
}

/// The act `parse` reads, with the stamp of entry `seq`; an entry that does not read is
/// named.
fn stamped(
    seq: u64,
    legal_date: &str,
    parse: impl FnOnce() -> Result<Act, serde_json::Error>,
) -> Result<(Stamp, Act), LedgerError> {
    let unreadable = |detail: String| LedgerError::Unreadable { seq, detail };
    let date: LegalDate = legal_date
        .parse()
        .map_err(|e: tandoo_core::date::BadDate| unreadable(e.to_string()))?;
    let act = parse().map_err(|e| unreadable(e.to_string()))?;
    Ok((Stamp { seq, date }, act))
}

/// Replays the record's acts after `head` into `state`, verifying the hash chain as it
/// goes; `head` follows every act applied, also when an error stops the replay.
///
/// The fast path: entries are read as their stored texts ([`Record::read_raw`]), each
/// entry's hash is computed over those texts, and each act is parsed once, straight into
/// [`Act`]. A changed, missing or damaged act stops the replay with
/// [`LedgerError::Broken`], so a start-up detects tampering too.
pub(crate) async fn replay<R: Record + ?Sized>(
    record: &R,
    head: &mut Head,
    state: &mut State,
) -> Result<(), LedgerError> {
    let mut pages = read_raw_pages(record, head.seq.saturating_add(1), PAGE);
    let mut verifier = ChainVerifier::resume(*head);
    loop {
        let page = match pages.next_page().await {
            Ok(Some(page)) => page,
            Ok(None) => return Ok(()),
            Err(RecordError::Damaged { seq, detail }) => {
                return Err(LedgerError::Broken(verifier.unreadable(seq, detail)));
            }
            Err(e) => return Err(e.into()),
        };
        for entry in &page {
            verifier.push_raw(entry).map_err(LedgerError::Broken)?;
            let (stamp, act) = decode_raw(entry)?;
            state
                .apply(stamp, &act)
                .map_err(|e| LedgerError::DoesNotApply(e.to_string()))?;
            *head = entry.head();
        }
    }
}

pub struct Ledger<R: Record> {
    record: R,
    state: State,
    head: Head,
}

impl<R: Record> Ledger<R> {
    /// Opens a ledger on `record`, replaying every act into the state and verifying the
    /// hash chain on the way.
    pub async fn open(record: R) -> Result<Self, LedgerError> {
        let mut state = State::new();
        let mut head = Head::EMPTY;
        replay(&record, &mut head, &mut state).await?;
        Ok(Ledger {
            record,
            state,
            head,
        })
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn head(&self) -> Head {
        self.head
    }

    /// Records `submissions` all or nothing: each is decided against the state the ones
    /// before it leave; the first refusal records nothing of the batch.
    pub async fn submit_all(
        &mut self,
        submissions: &[Submission],
    ) -> Result<Vec<Entry>, LedgerError> {
        let mut next = self.state.clone();
        let mut entries = Vec::new();
        for (index, submission) in submissions.iter().enumerate() {
            let acts = next
                .submit(submission)
                .map_err(|refusal| LedgerError::Refused { index, refusal })?;
            let actor = serde_json::to_value(&submission.actor)
                .map_err(|e| LedgerError::DoesNotApply(e.to_string()))?;
            for (stamp, act) in acts {
                entries.push(NewEntry {
                    legal_date: stamp.date.to_string(),
                    actor: actor.clone(),
                    act: serde_json::to_value(&act)
                        .map_err(|e| LedgerError::DoesNotApply(e.to_string()))?,
                });
            }
        }
        let appended = self.record.append(&self.head, entries).await?;
        if let Some(last) = appended.last() {
            self.head = last.head();
        }
        self.state = next;
        Ok(appended)
    }
}

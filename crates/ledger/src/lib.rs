//! The ledger: a record and the state it builds, kept in step. Submissions are decided
//! against the state, appended to the record (durably), and only then applied to the state
//! others read.
//!
//! - [`submission`]: the one path of a submission (decide, encode, apply), shared by both
//!   writers below, and what each outcome means.
//! - [`read`]: the one path of stored entries back into a state (start-up, following other
//!   processes, the command line), verifying every link and hash.
//! - [`history`]: every act of a record in memory, for the states of past dates.
//! - [`Ledger`]: one process, one caller at a time (the command line).
//! - [`Service`]: many concurrent callers (the HTTP server), with group commits.

#![forbid(unsafe_code)]

pub mod history;
pub mod read;
mod service;
pub mod submission;

pub use history::History;
pub use read::{Replayed, decode, decode_raw};
pub use service::{Halt, Health, Receipt, Service, SubmitError, Unavailable};
pub use submission::{Defect, Staged, Unstaged, stage};

use tandoo_core::state::ApplyError;
use tandoo_core::{Refusal, State, Submission};
use tandoo_record::{ChainBreak, Entry, Head, Record, RecordError};

#[derive(Debug, Clone, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error("act {seq} cannot be read: {detail}")]
    Unreadable { seq: u64, detail: String },
    /// The record's hash chain does not hold: an act was changed, removed or damaged in the
    /// store. Nothing after the break is applied.
    #[error("{0}")]
    Broken(ChainBreak),
    /// A stored act does not apply to the state the acts before it build.
    #[error("{error}")]
    DoesNotApply { error: ApplyError },
    #[error("submission {}: {refusal}", index + 1)]
    Refused { index: usize, refusal: Refusal },
    /// The rules accepted submission `index` but it could not be recorded: a defect of the
    /// program, not the submitter's mistake. Nothing of the batch was written.
    #[error("submission {}: {defect}", index + 1)]
    Defect { index: usize, defect: Defect },
    /// Other processes kept appending to the record while these submissions were decided
    /// again and again; nothing was written.
    #[error(
        "other processes kept appending to the record ({attempts} attempts); nothing was written, try again"
    )]
    Contended { attempts: usize },
}

impl LedgerError {
    pub fn code(&self) -> &'static str {
        match self {
            LedgerError::Record(e) => e.code(),
            LedgerError::Unreadable { .. } => "ACT_UNREADABLE",
            LedgerError::Broken(b) => b.code(),
            LedgerError::DoesNotApply { .. } => "ACT_DOES_NOT_APPLY",
            LedgerError::Refused { refusal, .. } => refusal.code(),
            LedgerError::Defect { defect, .. } => defect.code(),
            LedgerError::Contended { .. } => "RECORD_CONTENDED",
        }
    }
}

/// Times a batch is decided again when another process appended first.
const ATTEMPTS: usize = 20;

pub struct Ledger<R: Record> {
    record: R,
    replayed: Replayed,
}

impl<R: Record> Ledger<R> {
    /// Opens a ledger on `record`, replaying every act into the state and verifying the
    /// hash chain on the way.
    pub async fn open(record: R) -> Result<Self, LedgerError> {
        let replayed = Replayed::open(&record).await?;
        Ok(Ledger { record, replayed })
    }

    pub fn state(&self) -> &State {
        &self.replayed.state
    }

    pub fn head(&self) -> Head {
        self.replayed.head
    }

    pub fn record(&self) -> &R {
        &self.record
    }

    /// The record, for the caller to close.
    pub fn into_record(self) -> R {
        self.record
    }

    /// Whether `submission` would be accepted now, without recording anything.
    pub fn try_submission(&self, submission: &Submission) -> Result<Staged, Unstaged> {
        stage(&mut self.replayed.state.clone(), submission)
    }

    /// Records `submissions` all or nothing: each is decided against the state the ones
    /// before it leave; the first refusal records nothing of the batch.
    ///
    /// If another process appended meanwhile (a stale head), its acts are read and applied
    /// and the batch is decided again on the new state, as the server does.
    pub async fn submit_all(
        &mut self,
        submissions: &[Submission],
    ) -> Result<Vec<Entry>, LedgerError> {
        for _ in 0..ATTEMPTS {
            let mut next = self.replayed.state.clone();
            let mut entries = Vec::new();
            // Where each submission's entries end in the batch, to name the one a store
            // refusal points at.
            let mut ends = Vec::with_capacity(submissions.len());
            for (index, submission) in submissions.iter().enumerate() {
                let staged = stage(&mut next, submission).map_err(|unstaged| match unstaged {
                    Unstaged::Refused(refusal) => LedgerError::Refused { index, refusal },
                    Unstaged::Defect(defect) => LedgerError::Defect { index, defect },
                })?;
                entries.extend(staged.entries);
                ends.push(entries.len());
            }
            match self.record.append(&self.replayed.head, entries).await {
                Ok(appended) => {
                    if let Some(last) = appended.last() {
                        self.replayed.head = last.head();
                    }
                    self.replayed.state = next;
                    return Ok(appended);
                }
                Err(RecordError::StaleHead { actual, .. })
                    if actual.seq > self.replayed.head.seq =>
                {
                    self.replayed.catch_up(&self.record, |_, _| {}).await?;
                }
                Err(e) => {
                    return Err(match e.refused_entry() {
                        // The store refused an entry the rules accepted: a defect.
                        Some(entry) => LedgerError::Defect {
                            index: ends.partition_point(|&end| end <= entry),
                            defect: Defect::NotStorable(e),
                        },
                        None => e.into(),
                    });
                }
            }
        }
        Err(LedgerError::Contended { attempts: ATTEMPTS })
    }
}

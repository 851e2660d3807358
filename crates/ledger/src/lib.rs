//! The ledger: a record and the state it builds, kept in step. Submissions are decided
//! against the state, appended to the record (durably), and only then applied.

#![forbid(unsafe_code)]

mod service;

pub use service::{Receipt, Service, SubmitError};

/// Entries read per page when replaying.
pub(crate) const PAGE: usize = 10_000;

use tandoo_core::act::Act;
use tandoo_core::{LegalDate, Refusal, Stamp, State, Submission};
use tandoo_record::{Entry, Head, NewEntry, Record, RecordError, read_all};

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error("act {seq} cannot be read: {detail}")]
    Unreadable { seq: u64, detail: String },
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
            LedgerError::DoesNotApply(_) => "ACT_DOES_NOT_APPLY",
            LedgerError::Refused { refusal, .. } => refusal.code(),
        }
    }
}

/// Decodes a stored entry back into its act and stamp.
pub fn decode(entry: &Entry) -> Result<(Stamp, Act), LedgerError> {
    let unreadable = |detail: String| LedgerError::Unreadable {
        seq: entry.seq,
        detail,
    };
    let date: LegalDate = entry
        .legal_date
        .parse()
        .map_err(|e: tandoo_core::date::BadDate| unreadable(e.to_string()))?;
    let act: Act =
        serde_json::from_value(entry.act.clone()).map_err(|e| unreadable(e.to_string()))?;
    Ok((
        Stamp {
            seq: entry.seq,
            date,
        },
        act,
    ))
}

pub struct Ledger<R: Record> {
    record: R,
    state: State,
    head: Head,
}

impl<R: Record> Ledger<R> {
    /// Opens a ledger on `record`, replaying every act into the state.
    pub async fn open(record: R) -> Result<Self, LedgerError> {
        let mut state = State::new();
        let mut head = Head::EMPTY;
        let mut pages = read_all(&record);
        while let Some(page) = pages.next_page().await? {
            for entry in &page {
                let (stamp, act) = decode(entry)?;
                state
                    .apply(stamp, &act)
                    .map_err(|e| LedgerError::DoesNotApply(e.to_string()))?;
                head = entry.head();
            }
        }
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

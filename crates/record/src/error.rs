//! Errors of the record. Each has a stable code for programs and a sentence for people.

use crate::canonical::CanonicalError;
use crate::entry::Head;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordError {
    /// Someone else appended since the caller read the head; nothing was written. The caller
    /// should catch up from `actual` and decide again.
    #[error(
        "the record has moved on: the act was prepared against entry {} but the record now ends at entry {}; nothing was written",
        expected.seq, actual.seq
    )]
    StaleHead { expected: Head, actual: Head },

    /// An entry of an append has a legal date that is not a calendar date.
    #[error(
        "entry {} of the batch has the legal date {value:?}, which is not a calendar date written YYYY-MM-DD; nothing was written",
        index + 1
    )]
    BadDate { index: usize, value: String },

    /// An entry of an append holds a value that has no canonical form.
    #[error("entry {} of the batch cannot be recorded: {source}; nothing was written", index + 1)]
    NotCanonical {
        index: usize,
        #[source]
        source: CanonicalError,
    },

    /// A stored entry cannot be read back as an entry: its text was altered or broken
    /// outside the record. Verification reports it as a break in the chain at `seq`.
    #[error("entry {seq} in the store is damaged: {detail}")]
    Damaged { seq: u64, detail: String },

    /// An entry offered for import does not continue the record it is imported into, or
    /// is not an entry as tandoo writes it; nothing of the batch was written.
    #[error("entry {seq} cannot be imported: {detail}; nothing of this batch was written")]
    ImportRefused { seq: u64, detail: String },

    #[error("there is no record at {path}")]
    NotFound { path: String },

    /// The database server did not answer within the connect timeout.
    #[error(
        "the database server of {location} cannot be reached (no answer within the connect timeout of {timeout_secs} s)"
    )]
    Unreachable { location: String, timeout_secs: u64 },

    #[error("{path} is not a record: {detail}")]
    NotARecord { path: String, detail: String },

    #[error(
        "the record at {path} is in format version {found}, but this program reads versions up to {supported}; use a newer program"
    )]
    UnsupportedFormat {
        path: String,
        found: i64,
        supported: i64,
    },

    /// The system clock reads a time before 1970, so no honest time can be recorded.
    #[error("the system clock is set before 1970; fix the clock before recording acts")]
    Clock,

    /// The caller gave up an append after reading the entries before it.
    #[error("the append was given up before anything was written")]
    Abandoned,

    /// The database or file system failed.
    #[error("the record store failed while {action}: {detail}")]
    Store {
        action: &'static str,
        detail: String,
    },
}

impl RecordError {
    /// A stable identifier for programs and translations; never changes once published.
    pub fn code(&self) -> &'static str {
        match self {
            RecordError::StaleHead { .. } => "STALE_HEAD",
            RecordError::BadDate { .. } => "BAD_DATE",
            RecordError::NotCanonical { .. } => "NOT_CANONICAL",
            RecordError::Damaged { .. } => "DAMAGED_ENTRY",
            RecordError::ImportRefused { .. } => "IMPORT_REFUSED",
            RecordError::NotFound { .. } => "NO_RECORD",
            RecordError::Unreachable { .. } => "RECORD_UNREACHABLE",
            RecordError::NotARecord { .. } => "NOT_A_RECORD",
            RecordError::UnsupportedFormat { .. } => "UNSUPPORTED_FORMAT",
            RecordError::Clock => "CLOCK",
            RecordError::Abandoned => "APPEND_ABANDONED",
            RecordError::Store { .. } => "STORE_IO",
        }
    }

    /// The entry of an append batch that the store refused for what it holds (its legal
    /// date, or a value with no canonical form), as its index in the batch; `None` for
    /// every other failure, which concerns the store or the whole batch.
    pub fn refused_entry(&self) -> Option<usize> {
        match self {
            RecordError::BadDate { index, .. } | RecordError::NotCanonical { index, .. } => {
                Some(*index)
            }
            _ => None,
        }
    }

    pub(crate) fn store(action: &'static str) -> impl FnOnce(sqlx::Error) -> RecordError {
        move |e| RecordError::Store {
            action,
            detail: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::Hash;

    #[test]
    fn sentences_and_codes() {
        let e = RecordError::StaleHead {
            expected: Head::EMPTY,
            actual: Head {
                seq: 4,
                hash: Hash::of(b"x"),
            },
        };
        assert_eq!(e.code(), "STALE_HEAD");
        assert_eq!(
            e.to_string(),
            "the record has moved on: the act was prepared against entry 0 but the record now ends at entry 4; nothing was written"
        );
        let e = RecordError::BadDate {
            index: 0,
            value: "2026-02-30".into(),
        };
        assert_eq!(e.code(), "BAD_DATE");
        assert!(e.to_string().starts_with("entry 1 of the batch"));
    }
}

//! The record of an election: an append-only, hash-chained sequence of acts.
//!
//! The record knows nothing about elections. An act and its actor are JSON values that the
//! caller builds; the record gives each a number and a time, links it to the entry before by
//! SHA-256 over a canonical JSON encoding, and stores it durably. Anyone holding an export
//! can recompute every hash and so detect any change to a stored act; see the format
//! document (`README.md` in this crate) for the exact bytes that are hashed.
//!
//! - [`Record`] is the store-independent interface: append at an expected head, read from a
//!   position (as values, or as the stored texts for a fast replay: [`RawEntry`]), listen for
//!   appends. [`SqliteRecord`] is the embedded store, [`PostgresRecord`] the shared one, and
//!   [`AnyRecord`] opens either from a location.
//! - [`copy_record`] copies a record between stores exactly as it is.
//! - [`canonical`] is the RFC 8785 encoding, [`verify`] checks chains.

mod any;
pub mod canonical;
mod copy;
mod entry;
mod error;
mod hash;
mod listen;
mod postgres;
mod raw;
mod record;
mod sqlite;
mod store;
mod time;
pub mod verify;
mod write;

pub use any::{AnyRecord, is_postgres_location};
pub use copy::{CopyError, copy_record};
pub use entry::{Entry, Head, NewEntry, write_hash_input};
pub use error::RecordError;
pub use hash::{Hash, HashParseError};
pub use listen::{Listener, NOTIFY_CHANNEL};
pub use postgres::PostgresRecord;
pub use raw::RawEntry;
pub use record::{
    DEFAULT_PAGE_SIZE, Pages, RawPages, Record, VerifyError, read_all, read_all_raw, read_pages,
    read_raw_pages, verify_record,
};
pub use sqlite::SqliteRecord;
pub use store::{FORMAT_NAME, FORMAT_VERSION, OpenMode, RecordIdentity};
pub use time::{is_valid_date, is_valid_instant};
pub use verify::{BreakKind, ChainBreak, ChainVerifier, VerifiedChain, verify_chain};

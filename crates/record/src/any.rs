//! One record type for programs that take a location from their user: a SQLite file path
//! or a PostgreSQL address.

use std::ffi::OsStr;
use std::path::Path;

use crate::entry::{Entry, Head, NewEntry};
use crate::error::RecordError;
use crate::listen::Listener;
use crate::postgres::PostgresRecord;
use crate::raw::RawEntry;
use crate::record::Record;
use crate::sqlite::SqliteRecord;
use crate::store::OpenMode;
use crate::store::RecordIdentity;

/// A record in either store, chosen by its location.
#[derive(Debug)]
pub enum AnyRecord {
    Sqlite(SqliteRecord),
    Postgres(PostgresRecord),
}

/// True when `location` is a PostgreSQL address rather than a file path.
pub fn is_postgres_location(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

impl AnyRecord {
    /// Opens the record at `location`: `postgres://…` or `postgresql://…` is a PostgreSQL
    /// database (which must exist), anything else the path of a SQLite file.
    pub async fn open(
        location: impl AsRef<OsStr>,
        mode: OpenMode,
    ) -> Result<AnyRecord, RecordError> {
        let location = location.as_ref();
        match location.to_str() {
            Some(url) if is_postgres_location(url) => {
                Ok(AnyRecord::Postgres(PostgresRecord::open(url, mode).await?))
            }
            _ => Ok(AnyRecord::Sqlite(
                SqliteRecord::open(Path::new(location), mode).await?,
            )),
        }
    }

    /// Where the record is, fit to show: a file path, or a database address without its
    /// password.
    pub fn location(&self) -> String {
        match self {
            AnyRecord::Sqlite(r) => r.path().display().to_string(),
            AnyRecord::Postgres(r) => r.location().to_string(),
        }
    }

    pub fn record_id(&self) -> &str {
        match self {
            AnyRecord::Sqlite(r) => r.record_id(),
            AnyRecord::Postgres(r) => r.record_id(),
        }
    }

    pub fn identity(&self) -> &RecordIdentity {
        match self {
            AnyRecord::Sqlite(r) => r.identity(),
            AnyRecord::Postgres(r) => r.identity(),
        }
    }

    /// Takes on the identity of the record this one is a copy of; only an empty record can
    /// (a record holding acts answers [`RecordError::StaleHead`]).
    pub async fn adopt_identity(self, identity: &RecordIdentity) -> Result<AnyRecord, RecordError> {
        Ok(match self {
            AnyRecord::Sqlite(r) => AnyRecord::Sqlite(r.adopt_identity(identity).await?),
            AnyRecord::Postgres(r) => AnyRecord::Postgres(r.adopt_identity(identity).await?),
        })
    }

    /// Appends entries exactly as they are — numbers, times, texts and hashes — only if the
    /// record ends at `expected`: how a record is copied between stores, where
    /// [`Record::append`] would number and stamp them anew. All or nothing, durable when
    /// this returns; returns the new head.
    ///
    /// Nothing is written unless every entry continues the record: the next number, linked
    /// to the hash before, its hash recomputed from its texts; a calendar legal date; a
    /// recorded time in the store's form, never earlier than the entry before; actor and
    /// act in canonical form. Otherwise [`RecordError::ImportRefused`] names the entry.
    pub async fn import(
        &self,
        expected: &Head,
        entries: Vec<RawEntry>,
    ) -> Result<Head, RecordError> {
        match self {
            AnyRecord::Sqlite(r) => r.import(expected, entries).await,
            AnyRecord::Postgres(r) => r.import(expected, entries).await,
        }
    }

    /// Closes every connection, waiting for them to finish.
    pub async fn close(self) {
        match self {
            AnyRecord::Sqlite(r) => r.close().await,
            AnyRecord::Postgres(r) => r.close().await,
        }
    }
}

impl Record for AnyRecord {
    async fn head(&self) -> Result<Head, RecordError> {
        match self {
            AnyRecord::Sqlite(r) => r.head().await,
            AnyRecord::Postgres(r) => r.head().await,
        }
    }

    async fn append(
        &self,
        expected: &Head,
        entries: Vec<NewEntry>,
    ) -> Result<Vec<Entry>, RecordError> {
        match self {
            AnyRecord::Sqlite(r) => r.append(expected, entries).await,
            AnyRecord::Postgres(r) => r.append(expected, entries).await,
        }
    }

    async fn read(&self, from: u64, limit: usize) -> Result<Vec<Entry>, RecordError> {
        match self {
            AnyRecord::Sqlite(r) => r.read(from, limit).await,
            AnyRecord::Postgres(r) => r.read(from, limit).await,
        }
    }

    async fn read_raw(&self, from: u64, limit: usize) -> Result<Vec<RawEntry>, RecordError> {
        match self {
            AnyRecord::Sqlite(r) => r.read_raw(from, limit).await,
            AnyRecord::Postgres(r) => r.read_raw(from, limit).await,
        }
    }

    async fn append_following<F>(&self, known: &Head, build: F) -> Result<Vec<Entry>, RecordError>
    where
        F: FnOnce(&[RawEntry]) -> Option<Vec<NewEntry>> + Send,
    {
        match self {
            AnyRecord::Sqlite(r) => r.append_following(known, build).await,
            AnyRecord::Postgres(r) => r.append_following(known, build).await,
        }
    }

    async fn listen(&self) -> Result<Option<Listener>, RecordError> {
        match self {
            AnyRecord::Sqlite(r) => r.listen().await,
            AnyRecord::Postgres(r) => r.listen().await,
        }
    }
}

impl From<SqliteRecord> for AnyRecord {
    fn from(r: SqliteRecord) -> AnyRecord {
        AnyRecord::Sqlite(r)
    }
}

impl From<PostgresRecord> for AnyRecord {
    fn from(r: PostgresRecord) -> AnyRecord {
        AnyRecord::Postgres(r)
    }
}

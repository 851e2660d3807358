//! The embedded store: one SQLite file, no server.
//!
//! Durability comes from SQLite's write-ahead log with `synchronous=FULL`: the log is synced
//! to disk before a commit returns. Appends go through one writer connection behind a mutex,
//! and each runs in a `BEGIN IMMEDIATE` transaction, which takes SQLite's write lock before
//! the head is read; so the check "the record still ends at the expected head" and the
//! insert cannot be separated by another writer, in this process or in another one. Reads
//! use a small pool of other connections and never wait for a writer (WAL readers see the
//! last committed state).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use serde_json::Value;
use sqlx::migrate::{MigrateError, Migration, MigrationSource, MigrationType, Migrator};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteRow, SqliteSynchronous,
};
use sqlx::{Connection, Row};
use tokio::sync::Mutex;

use crate::canonical;
use crate::entry::{Entry, Head, NewEntry};
use crate::error::RecordError;
use crate::hash::Hash;
use crate::record::{self, Record};
use crate::time;

/// The entry and hash format this code writes and reads (see the format document).
pub const FORMAT_VERSION: i64 = 1;
/// The name written in the meta table, so a file can be recognised as a record.
pub const FORMAT_NAME: &str = "tandoo-record";

/// Schema changes, in order, compiled into the program so a record opens anywhere without
/// loose files. Applied ones are remembered (with a checksum) in `_sqlx_migrations`.
const MIGRATIONS: &[(i64, &str, &str)] = &[(
    1,
    "create record",
    include_str!("../migrations/sqlite/0001_create_record.sql"),
)];

/// How long a connection waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
const READ_CONNECTIONS: u32 = 4;

/// What to do when the file is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create an empty record if there is no file; open it if there is.
    CreateIfMissing,
    /// Open an existing record; refuse if there is none, rather than start a new one by
    /// mistake (a typo in a path must not begin a second record).
    MustExist,
}

/// A record in one SQLite file.
#[derive(Debug)]
pub struct SqliteRecord {
    path: PathBuf,
    record_id: String,
    writer: Mutex<SqliteConnection>,
    readers: SqlitePool,
}

impl SqliteRecord {
    /// Opens (or, with [`OpenMode::CreateIfMissing`], creates) the record at `path`,
    /// bringing an older schema up to date.
    pub async fn open(path: impl AsRef<Path>, mode: OpenMode) -> Result<SqliteRecord, RecordError> {
        let path = path.as_ref().to_path_buf();
        let shown = path.display().to_string();
        let exists = path.try_exists().map_err(|e| RecordError::Store {
            action: "looking for the record file",
            detail: e.to_string(),
        })?;
        if !exists && mode == OpenMode::MustExist {
            return Err(RecordError::NotFound { path: shown });
        }
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(mode == OpenMode::CreateIfMissing)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true);

        let mut writer = SqliteConnection::connect_with(&options)
            .await
            .map_err(|e| not_a_record_or_store(&shown, e, "opening the record file"))?;
        let record_id = prepare_schema(&mut writer, &shown, mode).await?;
        let readers = SqlitePoolOptions::new()
            .max_connections(READ_CONNECTIONS)
            .connect_with(options.create_if_missing(false))
            .await
            .map_err(RecordError::store("opening read connections"))?;
        Ok(SqliteRecord {
            path,
            record_id,
            writer: Mutex::new(writer),
            readers,
        })
    }

    /// The identifier chosen when the record was created: it tells two records apart even
    /// when they hold the same acts (a rehearsal and the real election).
    pub fn record_id(&self) -> &str {
        &self.record_id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection, waiting for them to finish.
    pub async fn close(self) {
        self.readers.close().await;
        let _ = self.writer.into_inner().close().await;
    }

    async fn append_locked(
        &self,
        expected: &Head,
        entries: Vec<NewEntry>,
    ) -> Result<Vec<Entry>, RecordError> {
        let prepared = record::prepare(entries)?;
        let mut conn = self.writer.lock().await;
        let mut tx = conn
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(RecordError::store("starting an append"))?;
        let (actual, last_recorded_at) = read_head(&mut tx).await?;
        if actual != *expected {
            // Nothing was written; dropping the transaction would roll back too, but say it.
            let _ = tx.rollback().await;
            return Err(RecordError::StaleHead {
                expected: *expected,
                actual,
            });
        }
        if prepared.is_empty() {
            let _ = tx.rollback().await;
            return Ok(Vec::new());
        }
        let now = time::now_instant().ok_or(RecordError::Clock)?;
        // Never record an act as earlier than the one before it, even if the clock was set
        // back: "as of" views rely on recorded_at growing with seq.
        let recorded_at = match last_recorded_at {
            Some(last) if last > now => last,
            _ => now,
        };
        let chained = record::chain_after(actual, &recorded_at, prepared)?;
        for c in &chained {
            let e = &c.entry;
            sqlx::query(
                "INSERT INTO acts (seq, recorded_at, legal_date, actor, act, prev_hash, hash) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .bind(seq_to_sql(e.seq)?)
            .bind(&e.recorded_at)
            .bind(&e.legal_date)
            .bind(&c.actor_text)
            .bind(&c.act_text)
            .bind(e.prev_hash.to_hex())
            .bind(e.hash.to_hex())
            .execute(&mut *tx)
            .await
            .map_err(RecordError::store("writing an entry"))?;
        }
        tx.commit()
            .await
            .map_err(RecordError::store("committing an append"))?;
        Ok(chained.into_iter().map(|c| c.entry).collect())
    }
}

impl Record for SqliteRecord {
    async fn head(&self) -> Result<Head, RecordError> {
        let mut conn = self
            .readers
            .acquire()
            .await
            .map_err(RecordError::store("reading the head"))?;
        Ok(read_head(&mut conn).await?.0)
    }

    async fn append(
        &self,
        expected: &Head,
        entries: Vec<NewEntry>,
    ) -> Result<Vec<Entry>, RecordError> {
        self.append_locked(expected, entries).await
    }

    async fn read(&self, from: u64, limit: usize) -> Result<Vec<Entry>, RecordError> {
        // Numbers beyond SQLite's integer range cannot exist in the table.
        let Ok(from) = i64::try_from(from) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(
            "SELECT seq, recorded_at, legal_date, actor, act, prev_hash, hash FROM acts \
             WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
        )
        .bind(from)
        .bind(limit)
        .fetch_all(&self.readers)
        .await
        .map_err(RecordError::store("reading entries"))?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            match decode_row(row)? {
                Ok(entry) => out.push(entry),
                // Hand back what was good before the damaged entry; the caller's next read
                // starts at it and gets the error, so nothing is skipped and the entries
                // before it can still be verified (an earlier break must be named first).
                Err(damaged) if out.is_empty() => return Err(damaged),
                Err(_) => break,
            }
        }
        Ok(out)
    }
}

/// The last entry's head and time, inside whatever transaction `conn` is in.
async fn read_head(conn: &mut SqliteConnection) -> Result<(Head, Option<String>), RecordError> {
    let row = sqlx::query("SELECT seq, hash, recorded_at FROM acts ORDER BY seq DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await
        .map_err(RecordError::store("reading the head"))?;
    let Some(row) = row else {
        return Ok((Head::EMPTY, None));
    };
    let seq = row_seq(&row)?;
    let damaged = |detail: String| RecordError::Damaged { seq, detail };
    let hash_text: String = row
        .try_get("hash")
        .map_err(|e| damaged(format!("its hash cannot be read ({e})")))?;
    let hash = Hash::from_str(&hash_text).map_err(|e| damaged(format!("its hash: {e}")))?;
    let recorded_at: String = row
        .try_get("recorded_at")
        .map_err(|e| damaged(format!("its recorded_at cannot be read ({e})")))?;
    Ok((Head { seq, hash }, Some(recorded_at)))
}

fn row_seq(row: &SqliteRow) -> Result<u64, RecordError> {
    let seq: i64 = row
        .try_get("seq")
        .map_err(RecordError::store("reading an entry number"))?;
    u64::try_from(seq).map_err(|_| RecordError::Damaged {
        seq: 0,
        detail: format!("an entry is numbered {seq}, below 1"),
    })
}

fn seq_to_sql(seq: u64) -> Result<i64, RecordError> {
    i64::try_from(seq).map_err(|_| RecordError::Store {
        action: "writing an entry",
        detail: format!("entry number {seq} is beyond what the store can hold"),
    })
}

/// Decodes one row. The outer error is a failure of the store itself; the inner one is a
/// row that was altered so that it is no longer an entry.
fn decode_row(row: &SqliteRow) -> Result<Result<Entry, RecordError>, RecordError> {
    let seq = row_seq(row)?;
    Ok(decode_fields(row, seq).map_err(|detail| RecordError::Damaged { seq, detail }))
}

fn decode_fields(row: &SqliteRow, seq: u64) -> Result<Entry, String> {
    let text = |col: &str| -> Result<String, String> {
        row.try_get::<String, _>(col)
            .map_err(|e| format!("its {col} cannot be read as text ({e})"))
    };
    let hash = |col: &str| -> Result<Hash, String> {
        Hash::from_str(&text(col)?).map_err(|e| format!("its {col}: {e}"))
    };
    Ok(Entry {
        seq,
        recorded_at: text("recorded_at")?,
        legal_date: text("legal_date")?,
        actor: json_column(&text("actor")?, "actor")?,
        act: json_column(&text("act")?, "act")?,
        prev_hash: hash("prev_hash")?,
        hash: hash("hash")?,
    })
}

/// Parses a stored JSON column and insists it is exactly the canonical text tandoo wrote:
/// an edit that keeps the meaning (added spaces, reordered members) is still an edit.
fn json_column(stored: &str, col: &str) -> Result<Value, String> {
    let value: Value =
        serde_json::from_str(stored).map_err(|e| format!("its {col} is not valid JSON ({e})"))?;
    match canonical::to_canonical_string(&value) {
        Ok(canon) if canon == stored => Ok(value),
        Ok(_) => Err(format!(
            "its {col} is not written in canonical form, so it was edited outside tandoo"
        )),
        Err(e) => Err(format!("its {col} holds a value tandoo never writes: {e}")),
    }
}

fn not_a_record_or_store(path: &str, e: sqlx::Error, action: &'static str) -> RecordError {
    // SQLITE_NOTADB (26): the file exists but is not an SQLite database.
    let not_db = e
        .as_database_error()
        .and_then(|d| d.code())
        .is_some_and(|c| c == "26");
    if not_db {
        RecordError::NotARecord {
            path: path.to_string(),
            detail: "it is not an SQLite database".into(),
        }
    } else {
        RecordError::store(action)(e)
    }
}

/// Makes sure the file holds a record in a format this code reads, creating it if allowed,
/// and returns the record's id.
async fn prepare_schema(
    conn: &mut SqliteConnection,
    path: &str,
    mode: OpenMode,
) -> Result<String, RecordError> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| not_a_record_or_store(path, e, "inspecting the record file"))?;
    let has = |name: &str| tables.iter().any(|t| t == name);
    if tables.is_empty() {
        if mode == OpenMode::MustExist {
            return Err(RecordError::NotARecord {
                path: path.to_string(),
                detail: "it is an empty database".into(),
            });
        }
    } else if !has("meta") || !has("acts") {
        // Never add our tables to someone else's database.
        return Err(RecordError::NotARecord {
            path: path.to_string(),
            detail: "it is an SQLite database holding other tables".into(),
        });
    } else {
        let found: Option<(String, i64)> =
            sqlx::query_as("SELECT format, format_version FROM meta WHERE id = 1")
                .fetch_optional(&mut *conn)
                .await
                .map_err(RecordError::store("reading the record's format"))?;
        if let Some((format, version)) = found {
            if format != FORMAT_NAME {
                return Err(RecordError::NotARecord {
                    path: path.to_string(),
                    detail: format!("it declares the format {format:?}"),
                });
            }
            if version > FORMAT_VERSION {
                return Err(RecordError::UnsupportedFormat {
                    path: path.to_string(),
                    found: version,
                    supported: FORMAT_VERSION,
                });
            }
        }
    }

    let migrator = Migrator::new(EmbeddedMigrations)
        .await
        .map_err(|e| migrate_error(path, e))?;
    migrator
        .run_direct(&mut *conn)
        .await
        .map_err(|e| migrate_error(path, e))?;

    // Insert-if-absent, then read back: two processes creating the same record at once end
    // up agreeing on one id.
    let created_at = time::now_instant().ok_or(RecordError::Clock)?;
    sqlx::query(
        "INSERT OR IGNORE INTO meta (id, format, format_version, record_id, created_at) \
         VALUES (1, ?1, ?2, ?3, ?4)",
    )
    .bind(FORMAT_NAME)
    .bind(FORMAT_VERSION)
    .bind(new_record_id()?)
    .bind(created_at)
    .execute(&mut *conn)
    .await
    .map_err(RecordError::store("writing the record's description"))?;
    sqlx::query_scalar("SELECT record_id FROM meta WHERE id = 1")
        .fetch_one(&mut *conn)
        .await
        .map_err(RecordError::store("reading the record's id"))
}

fn migrate_error(path: &str, e: MigrateError) -> RecordError {
    match e {
        // The file was migrated by a newer program than this one.
        MigrateError::VersionMissing(v) => RecordError::UnsupportedFormat {
            path: path.to_string(),
            found: v,
            supported: MIGRATIONS.last().map_or(0, |m| m.0),
        },
        other => RecordError::Store {
            action: "updating the record's schema",
            detail: other.to_string(),
        },
    }
}

/// A random identifier in the UUID version 4 layout, from the operating system's generator.
fn new_record_id() -> Result<String, RecordError> {
    let mut b = [0u8; 16];
    getrandom::getrandom(&mut b).map_err(|e| RecordError::Store {
        action: "choosing the record's id",
        detail: e.to_string(),
    })?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

/// The migrations above, as sqlx wants them. Embedded strings rather than `migrate!()` so
/// no procedural macro (and no build-time database) is needed.
#[derive(Debug)]
struct EmbeddedMigrations;

type BoxDynError = Box<dyn std::error::Error + Send + Sync + 'static>;

impl MigrationSource<'static> for EmbeddedMigrations {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 'static>> {
        Box::pin(async {
            Ok(MIGRATIONS
                .iter()
                .map(|&(version, description, sql)| {
                    Migration::new(
                        version,
                        Cow::Borrowed(description),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids_look_like_uuids_and_differ() {
        let a = new_record_id().unwrap();
        let b = new_record_id().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
    }

    #[test]
    fn json_columns_must_be_canonical() {
        assert!(json_column(r#"{"a":1,"b":[true]}"#, "act").is_ok());
        assert!(
            json_column(r#"{"b":1,"a":2}"#, "act")
                .unwrap_err()
                .contains("canonical form")
        );
        assert!(
            json_column(r#"{"a": 1}"#, "act")
                .unwrap_err()
                .contains("canonical form")
        );
        assert!(
            json_column(r#"{"a":1"#, "act")
                .unwrap_err()
                .contains("not valid JSON")
        );
        assert!(
            json_column(r#"{"a":1.5}"#, "act")
                .unwrap_err()
                .contains("never writes")
        );
    }
}

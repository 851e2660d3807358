//! The embedded store: one SQLite file, no server.
//!
//! Durability comes from SQLite's write-ahead log with `synchronous=FULL`: the log is synced
//! to disk before a commit returns. Appends go through one writer connection behind a mutex,
//! and each runs in a `BEGIN IMMEDIATE` transaction, which takes SQLite's write lock before
//! the head is read; so the check "the record still ends at the expected head" and the
//! insert cannot be separated by another writer, in this process or in another one. Reads
//! use a small pool of other connections and never wait for a writer (WAL readers see the
//! last committed state).

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteRow, SqliteSynchronous,
};
use sqlx::{Connection, Row};
use tokio::sync::Mutex;

use crate::entry::{Entry, Head, NewEntry};
use crate::error::RecordError;
use crate::hash::Hash;
use crate::raw::{self, RawEntry, RowRef, RowText};
use crate::record::Record;
use crate::store::{
    self, EmbeddedMigrations, FORMAT_NAME, FORMAT_VERSION, Migrations, OpenMode, RecordIdentity,
};
use crate::time;
use crate::write;

/// Schema changes, in order, compiled into the program so a record opens anywhere without
/// loose files. Applied ones are remembered (with a checksum) in `_sqlx_migrations`.
const MIGRATIONS: Migrations = &[(
    1,
    "create record",
    include_str!("../migrations/sqlite/0001_create_record.sql"),
)];

/// How long a connection waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
const READ_CONNECTIONS: u32 = 4;

/// A record in one SQLite file.
#[derive(Debug)]
pub struct SqliteRecord {
    path: PathBuf,
    read_only: bool,
    identity: RecordIdentity,
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
        if !exists && mode.must_exist() {
            return Err(RecordError::NotFound { path: shown });
        }
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(mode == OpenMode::CreateIfMissing)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true);
        // Read-only: no journal mode set (that writes the file). SQLite would still create
        // the `-wal` and `-shm` files beside a record in WAL mode, and leave them there; so
        // when no log is there — no writer has the file open and every act is in the file
        // itself, as after a clean close — the file is read as immutable, which creates
        // nothing. With a log there, it is read through the log, as a writer left it.
        let options = if mode == OpenMode::ReadOnly {
            let log = beside(&path, "-wal")
                .try_exists()
                .map_err(|e| RecordError::Store {
                    action: "looking for the record's log",
                    detail: e.to_string(),
                })?;
            options.read_only(true).immutable(!log)
        } else {
            options
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
        };

        let mut writer = SqliteConnection::connect_with(&options)
            .await
            .map_err(|e| not_a_record_or_store(&shown, e, "opening the record file"))?;
        let identity = store::open_schema(
            &mut SqliteSchema {
                conn: &mut writer,
                path: &shown,
            },
            &shown,
            mode,
        )
        .await?;
        let readers = SqlitePoolOptions::new()
            .max_connections(READ_CONNECTIONS)
            .connect_with(options.create_if_missing(false))
            .await
            .map_err(RecordError::store("opening read connections"))?;
        Ok(SqliteRecord {
            path,
            read_only: mode == OpenMode::ReadOnly,
            identity,
            writer: Mutex::new(writer),
            readers,
        })
    }

    /// The identifier chosen when the record was created: it tells two records apart even
    /// when they hold the same acts (a rehearsal and the real election).
    pub fn record_id(&self) -> &str {
        &self.identity.record_id
    }

    /// The record's identifier and creation time.
    pub fn identity(&self) -> &RecordIdentity {
        &self.identity
    }

    /// Takes on the identity of the record this one is a copy of. Only an empty record can:
    /// a record that holds acts keeps the identity it has.
    pub async fn adopt_identity(
        mut self,
        identity: &RecordIdentity,
    ) -> Result<SqliteRecord, RecordError> {
        {
            let mut conn = self.writer.lock().await;
            let mut tx = conn
                .begin_with("BEGIN IMMEDIATE")
                .await
                .map_err(RecordError::store("taking on a record's identity"))?;
            let (head, _) = read_head(&mut tx).await?;
            if head != Head::EMPTY {
                return Err(RecordError::StaleHead {
                    expected: Head::EMPTY,
                    actual: head,
                });
            }
            sqlx::query("UPDATE meta SET record_id = ?1, created_at = ?2 WHERE id = 1")
                .bind(&identity.record_id)
                .bind(&identity.created_at)
                .execute(&mut *tx)
                .await
                .map_err(RecordError::store("taking on a record's identity"))?;
            tx.commit()
                .await
                .map_err(RecordError::store("taking on a record's identity"))?;
        }
        self.identity = identity.clone();
        Ok(self)
    }

    /// Appends entries exactly as they are — numbers, times, texts and hashes — only if the
    /// record ends at `expected`; the way a record is copied from another store, where
    /// [`Record::append`] would number and stamp them anew. The entries must continue the
    /// record (see the checks of [`crate::AnyRecord::import`]); all or nothing, durable when
    /// this returns. Returns the new head.
    pub async fn import(
        &self,
        expected: &Head,
        entries: Vec<RawEntry>,
    ) -> Result<Head, RecordError> {
        let mut conn = self.writer.lock().await;
        let mut tx = conn
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(RecordError::store("starting an import"))?;
        let (actual, last_recorded_at) = read_head(&mut tx).await?;
        if actual != *expected {
            let _ = tx.rollback().await;
            return Err(RecordError::StaleHead {
                expected: *expected,
                actual,
            });
        }
        let head = store::check_import(actual, last_recorded_at.as_deref(), &entries)?;
        for e in &entries {
            insert(&mut tx, e.into()).await?;
        }
        tx.commit()
            .await
            .map_err(RecordError::store("committing an import"))?;
        Ok(head)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection, waiting for them to finish, after moving every act from
    /// the write-ahead log into the file itself: a plain copy of the file made after this
    /// holds the whole record. (If another process still has the record open, the log may
    /// keep acts it is reading; `tandoo backup` copies a record in use.)
    pub async fn close(self) {
        self.readers.close().await;
        let mut writer = self.writer.into_inner();
        if !self.read_only {
            let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&mut writer)
                .await;
        }
        let _ = writer.close().await;
    }

    async fn append_locked(
        &self,
        expected: &Head,
        entries: Vec<NewEntry>,
    ) -> Result<Vec<Entry>, RecordError> {
        let prepared = write::prepare(entries)?;
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
        let chained = write::chain_after(actual, &recorded_at, prepared)?;
        for c in &chained {
            insert(&mut tx, c.into()).await?;
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
        raw::entry_page(self.rows(from, limit).await?)
    }

    async fn read_raw(&self, from: u64, limit: usize) -> Result<Vec<RawEntry>, RecordError> {
        raw::raw_page(self.rows(from, limit).await?)
    }
}

impl SqliteRecord {
    /// Rows from `from` on, each an entry or the reason it is not one.
    async fn rows(&self, from: u64, limit: usize) -> Result<Vec<raw::Row>, RecordError> {
        // Numbers beyond SQLite's integer range cannot exist in the table.
        let Ok(from) = i64::try_from(from) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        if limit == 0 {
            return Ok(Vec::new());
        }
        match self.packed_rows(from, limit).await {
            Some(rows) => Ok(rows),
            None => self.rows_one_by_one(from, limit).await,
        }
    }

    /// Rows read [`PACKED`] to a result row: most of the cost of reading through the driver
    /// is per result row and per column, not per byte, so a replay reads several times
    /// faster this way. `None` when the page cannot be read like this (a row damaged so
    /// that it is not text, a result too large for SQLite); the caller then reads row by
    /// row, which names the damaged row.
    async fn packed_rows(&self, from: i64, limit: i64) -> Option<Vec<raw::Row>> {
        let mut rows = Vec::with_capacity(usize::try_from(limit).unwrap_or(0).min(1 << 16));
        let mut next = from;
        let mut left = limit;
        while left > 0 {
            let want = left.min(PACKED);
            let (count, pack): (i64, Option<String>) = sqlx::query_as(PACKED_QUERY)
                .bind(next)
                .bind(want)
                .fetch_one(&self.readers)
                .await
                .ok()?;
            let before = rows.len();
            unpack(pack.as_deref().unwrap_or(""), &mut rows)?;
            let got = &rows[before..];
            let seqs = got.iter().map(|r| match r {
                Ok(raw) => raw.seq,
                Err((seq, _)) => *seq,
            });
            // Every entry packed, once, in order: otherwise read row by row.
            let in_order = seqs.clone().zip(seqs.skip(1)).all(|(a, b)| a < b);
            if i64::try_from(got.len()).ok()? != count || !in_order {
                return None;
            }
            let last = match got.last() {
                Some(Ok(raw)) => raw.seq,
                // The end of the record, or a damaged entry: nothing after it is used.
                Some(Err(_)) | None => break,
            };
            if count < want {
                break;
            }
            next = i64::try_from(last).ok()?.checked_add(1)?;
            left -= count;
        }
        Some(rows)
    }

    async fn rows_one_by_one(&self, from: i64, limit: i64) -> Result<Vec<raw::Row>, RecordError> {
        let rows = sqlx::query(
            "SELECT seq, recorded_at, legal_date, actor, act, prev_hash, hash FROM acts \
             WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
        )
        .bind(from)
        .bind(limit)
        .fetch_all(&self.readers)
        .await;
        match rows {
            Ok(rows) => rows.iter().map(decode_row).collect(),
            Err(e) if is_damaged_file(&e) => self.rows_before_damage(from, limit, &e).await,
            Err(e) => Err(RecordError::store("reading entries")(e)),
        }
    }

    /// In a damaged file (cut short, or with broken pages), the rows from `from` that can
    /// still be read, one at a time, up to the first that cannot: that one is then named
    /// as [`RecordError::Damaged`], so that a reader learns the last good entry.
    async fn rows_before_damage(
        &self,
        from: i64,
        limit: i64,
        damage: &sqlx::Error,
    ) -> Result<Vec<raw::Row>, RecordError> {
        let mut rows = Vec::new();
        for seq in (from..).take(usize::try_from(limit).unwrap_or(usize::MAX)) {
            let row = sqlx::query(
                "SELECT seq, recorded_at, legal_date, actor, act, prev_hash, hash FROM acts \
                 WHERE seq = ?1",
            )
            .bind(seq)
            .fetch_optional(&self.readers)
            .await;
            match row {
                Ok(Some(row)) => rows.push(decode_row(&row)?),
                Ok(None) | Err(_) => break,
            }
        }
        if rows.is_empty() {
            return Err(RecordError::Damaged {
                seq: u64::try_from(from).unwrap_or(0),
                detail: format!("the file is damaged there ({damage})"),
            });
        }
        Ok(rows)
    }
}

/// The file SQLite keeps beside `path` with this suffix (`-wal`, `-shm`).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// SQLite's own words for a file that is not whole: `SQLITE_CORRUPT` (11), `SQLITE_NOTADB`
/// (26), or a read cut short (`SQLITE_IOERR_SHORT_READ`, 522).
fn is_damaged_file(e: &sqlx::Error) -> bool {
    let code = e.as_database_error().and_then(|d| d.code());
    matches!(code.as_deref(), Some("11" | "26" | "522"))
}

/// Entries per query of [`PACKED_QUERY`]: enough that the cost per query disappears, few
/// enough that the packed text of even unusually large acts stays far below SQLite's limit
/// on the length of a text.
const PACKED: i64 = 512;

/// Entries from `?1` on, at most `?2`, packed into one text: each entry written as its
/// number then every column as its length in bytes and its text, `seq|len|text len|text …`.
/// The lengths make the framing exact whatever the texts hold; the count says how many
/// entries were packed, so that none can go missing unnoticed.
const PACKED_QUERY: &str = "\
    SELECT count(*), group_concat(concat(\
        seq, '|', \
        octet_length(recorded_at), '|', recorded_at, \
        octet_length(legal_date), '|', legal_date, \
        octet_length(actor), '|', actor, \
        octet_length(act), '|', act, \
        octet_length(prev_hash), '|', prev_hash, \
        octet_length(hash), '|', hash), '') \
    FROM (SELECT * FROM acts WHERE seq >= ?1 ORDER BY seq LIMIT ?2)";

/// Splits a text written by [`PACKED_QUERY`] into rows; `None` if it is not such a text.
fn unpack(mut pack: &str, rows: &mut Vec<raw::Row>) -> Option<()> {
    /// A decimal number followed by `|`.
    fn number(s: &mut &str) -> Option<u64> {
        let end = s.find('|')?;
        let n = s[..end].parse().ok()?;
        *s = &s[end + 1..];
        Some(n)
    }
    fn text(s: &mut &str) -> Option<String> {
        let len = usize::try_from(number(s)?).ok()?;
        let t = s.get(..len)?.to_string();
        *s = &s[len..];
        Some(t)
    }
    while !pack.is_empty() {
        let seq = number(&mut pack)?;
        let fields = RowText {
            recorded_at: text(&mut pack)?,
            legal_date: text(&mut pack)?,
            actor: text(&mut pack)?,
            act: text(&mut pack)?,
            prev_hash: text(&mut pack)?,
            hash: text(&mut pack)?,
        };
        rows.push(fields.into_raw(seq));
    }
    Some(())
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

/// Writes one entry's row.
async fn insert(conn: &mut SqliteConnection, row: RowRef<'_>) -> Result<(), RecordError> {
    sqlx::query(
        "INSERT INTO acts (seq, recorded_at, legal_date, actor, act, prev_hash, hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(seq_to_sql(row.seq)?)
    .bind(row.recorded_at)
    .bind(row.legal_date)
    .bind(row.actor)
    .bind(row.act)
    .bind(row.prev_hash.to_hex())
    .bind(row.hash.to_hex())
    .execute(&mut *conn)
    .await
    .map_err(RecordError::store("writing an entry"))?;
    Ok(())
}

fn seq_to_sql(seq: u64) -> Result<i64, RecordError> {
    i64::try_from(seq).map_err(|_| RecordError::Store {
        action: "writing an entry",
        detail: format!("entry number {seq} is beyond what the store can hold"),
    })
}

/// Decodes one row. The outer error is a failure of the store itself; the inner one is a
/// row that was altered so that it is no longer an entry.
fn decode_row(row: &SqliteRow) -> Result<raw::Row, RecordError> {
    let seq = row_seq(row)?;
    let text = |col: &str| -> Result<String, (u64, String)> {
        row.try_get::<String, _>(col)
            .map_err(|e| (seq, format!("its {col} cannot be read as text ({e})")))
    };
    let fields = || -> Result<RowText, (u64, String)> {
        Ok(RowText {
            recorded_at: text("recorded_at")?,
            legal_date: text("legal_date")?,
            actor: text("actor")?,
            act: text("act")?,
            prev_hash: text("prev_hash")?,
            hash: text("hash")?,
        })
    };
    Ok(fields().and_then(|f| f.into_raw(seq)))
}

fn not_a_record_or_store(path: &str, e: sqlx::Error, action: &'static str) -> RecordError {
    let code = e.as_database_error().and_then(|d| d.code());
    match code.as_deref() {
        // SQLITE_NOTADB: the file exists but is not an SQLite database.
        Some("26") => RecordError::NotARecord {
            path: path.to_string(),
            detail: "it is not an SQLite database".into(),
        },
        // SQLITE_CORRUPT, or a short read: a record file cut short or damaged.
        Some("11" | "522") => RecordError::NotARecord {
            path: path.to_string(),
            detail: format!("the file is damaged ({e})"),
        },
        _ => RecordError::store(action)(e),
    }
}

/// The SQLite answers to [`store::open_schema`].
struct SqliteSchema<'c> {
    conn: &'c mut SqliteConnection,
    path: &'c str,
}

impl store::Schema for SqliteSchema<'_> {
    const FOREIGN: &'static str = "it is an SQLite database holding other tables";

    async fn tables(&mut self) -> Result<Vec<String>, RecordError> {
        sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> '_sqlx_migrations'",
        )
        .fetch_all(&mut *self.conn)
        .await
        .map_err(|e| not_a_record_or_store(self.path, e, "inspecting the record file"))
    }

    async fn declared_format(&mut self) -> Result<Option<(String, i64)>, RecordError> {
        sqlx::query_as("SELECT format, format_version FROM meta WHERE id = 1")
            .fetch_optional(&mut *self.conn)
            .await
            .map_err(|e| not_a_record_or_store(self.path, e, "reading the record's format"))
    }

    async fn migrate(&mut self) -> Result<(), RecordError> {
        let migrator = Migrator::new(EmbeddedMigrations(MIGRATIONS))
            .await
            .map_err(|e| store::migrate_error(self.path, e, MIGRATIONS))?;
        migrator
            .run_direct(&mut *self.conn)
            .await
            .map_err(|e| store::migrate_error(self.path, e, MIGRATIONS))
    }

    async fn describe(&mut self, record_id: &str, created_at: &str) -> Result<(), RecordError> {
        sqlx::query(
            "INSERT OR IGNORE INTO meta (id, format, format_version, record_id, created_at) \
             VALUES (1, ?1, ?2, ?3, ?4)",
        )
        .bind(FORMAT_NAME)
        .bind(FORMAT_VERSION)
        .bind(record_id)
        .bind(created_at)
        .execute(&mut *self.conn)
        .await
        .map_err(RecordError::store("writing the record's description"))?;
        Ok(())
    }

    async fn identity(&mut self) -> Result<Option<(String, String)>, RecordError> {
        sqlx::query_as("SELECT record_id, created_at FROM meta WHERE id = 1")
            .fetch_optional(&mut *self.conn)
            .await
            .map_err(|e| not_a_record_or_store(self.path, e, "reading the record's id"))
    }

    fn nothing_there(&self, location: &str) -> RecordError {
        RecordError::NotARecord {
            path: location.to_string(),
            detail: "it is an empty database".into(),
        }
    }
}

//! The server store: a PostgreSQL database, shared by several servers.
//!
//! The tables have the same shape as the SQLite store's: `acts` holds the canonical JSON
//! texts as `TEXT` (not `jsonb`, which would reorder members and lose the hashed bytes), so
//! anyone can inspect them with `psql` and check each hash byte for byte.
//!
//! Appends are serialised across every process using the database: each runs in one
//! transaction that first locks the one row of `meta` (`SELECT … FOR UPDATE`), then reads
//! the head, checks it is the one the caller expects, inserts the whole batch with one
//! statement (`UNNEST` over arrays, one round trip however large the batch), announces the
//! new head with `NOTIFY tandoo_record` and commits. The lock is taken by a statement of its
//! own, before the head is read, so the head read sees every append committed before the lock
//! was granted. The primary key on `seq` makes a fork or a duplicate impossible even for a
//! writer that bypassed the lock. Connections run with `synchronous_commit = on`, whatever
//! the server's default: an append is on disk (and on synchronous standbys, if configured)
//! before it returns.
//!
//! The database must exist and use the UTF8 encoding; tandoo creates its tables in it (in
//! the connection's current schema) on first use with [`OpenMode::CreateIfMissing`].

use std::str::FromStr;
use std::time::Duration;

use sqlx::Row;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgListener, PgPool, PgPoolOptions, PgRow};

use crate::entry::{Entry, Head, NewEntry};
use crate::error::RecordError;
use crate::hash::Hash;
use crate::listen::{Listener, NOTIFY_CHANNEL};
use crate::raw::{self, RawEntry, RowRef, RowText};
use crate::record::Record;
use crate::store::{
    self, EmbeddedMigrations, FORMAT_NAME, FORMAT_VERSION, Migrations, OpenMode, RecordIdentity,
};
use crate::time;
use crate::write;

/// Schema changes, in order, compiled into the program (see the SQLite store).
const MIGRATIONS: Migrations = &[
    (
        1,
        "create record",
        include_str!("../migrations/postgres/0001_create_record.sql"),
    ),
    (
        2,
        "acts append-only",
        include_str!("../migrations/postgres/0002_acts_append_only.sql"),
    ),
];

/// Connections per handle: appends take one for their transaction, reads one each.
const CONNECTIONS: u32 = 8;
/// How long an operation waits for a free connection, or for the server to answer a new
/// one, before failing: an unreachable server is said to be so within seconds, and during
/// an outage writes fail fast (`RECORD_UNAVAILABLE`) rather than hang.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// A record in a PostgreSQL database.
#[derive(Debug)]
pub struct PostgresRecord {
    /// The database address with any password removed, for messages.
    location: String,
    identity: RecordIdentity,
    /// Kept for the listening connections; boxed, as it is large and rarely used.
    options: Box<PgConnectOptions>,
    pool: PgPool,
}

impl PostgresRecord {
    /// Opens the record in the database at `url` (`postgres://user@host:port/database`),
    /// creating its tables with [`OpenMode::CreateIfMissing`] if the database has none yet.
    /// The database itself must exist: tandoo never creates or drops databases.
    pub async fn open(url: &str, mode: OpenMode) -> Result<PostgresRecord, RecordError> {
        let location = redact(url);
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| RecordError::Store {
                action: "reading the database address",
                detail: redact(&e.to_string()),
            })?
            .application_name("tandoo")
            // Durable before an append returns, even if the server's default says otherwise.
            .options([("synchronous_commit", "on")]);
        // A reader never writes, whatever it runs.
        let options = if mode == OpenMode::ReadOnly {
            options.options([("default_transaction_read_only", "on")])
        } else {
            options
        };
        let pool = PgPoolOptions::new()
            .max_connections(CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.clone())
            .await
            .map_err(|e| connect_error(&location, e))?;
        let identity = match prepare_schema(&pool, &location, mode).await {
            Ok(identity) => identity,
            Err(e) => {
                pool.close().await;
                return Err(e);
            }
        };
        Ok(PostgresRecord {
            location,
            identity,
            options: Box::new(options),
            pool,
        })
    }

    /// The database address, without its password.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The identifier chosen when the record was created.
    pub fn record_id(&self) -> &str {
        &self.identity.record_id
    }

    /// The record's identifier and creation time.
    pub fn identity(&self) -> &RecordIdentity {
        &self.identity
    }

    /// Closes every connection, waiting for them to finish.
    pub async fn close(self) {
        self.pool.close().await;
    }

    /// The `synchronous_commit` setting the record's connections run with: `on` unless
    /// something overrides what tandoo asks for. For operators checking durability.
    pub async fn synchronous_commit(&self) -> Result<String, RecordError> {
        sqlx::query_scalar("SHOW synchronous_commit")
            .fetch_one(&self.pool)
            .await
            .map_err(RecordError::store("reading the durability setting"))
    }

    /// Takes on the identity of the record this one is a copy of; only an empty record can.
    pub async fn adopt_identity(
        mut self,
        identity: &RecordIdentity,
    ) -> Result<PostgresRecord, RecordError> {
        let action = "taking on a record's identity";
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(RecordError::store(action))?;
        let (head, _) = lock_head(&mut tx).await?;
        if head != Head::EMPTY {
            return Err(RecordError::StaleHead {
                expected: Head::EMPTY,
                actual: head,
            });
        }
        sqlx::query("UPDATE meta SET record_id = $1, created_at = $2 WHERE id = 1")
            .bind(&identity.record_id)
            .bind(&identity.created_at)
            .execute(&mut *tx)
            .await
            .map_err(RecordError::store(action))?;
        tx.commit().await.map_err(RecordError::store(action))?;
        self.identity = identity.clone();
        Ok(self)
    }

    /// Appends entries exactly as they are, only if the record ends at `expected`; see
    /// [`crate::AnyRecord::import`]. All or nothing, durable when this returns.
    pub async fn import(
        &self,
        expected: &Head,
        entries: Vec<RawEntry>,
    ) -> Result<Head, RecordError> {
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(RecordError::store("starting an import"))?;
        let (actual, last_recorded_at) = lock_head(&mut tx).await?;
        if actual != *expected {
            let _ = tx.rollback().await;
            return Err(RecordError::StaleHead {
                expected: *expected,
                actual,
            });
        }
        let head = store::check_import(actual, last_recorded_at.as_deref(), &entries)?;
        if !entries.is_empty() {
            insert(&mut tx, entries.iter().map(RowRef::from)).await?;
        }
        tx.commit()
            .await
            .map_err(RecordError::store("committing an import"))?;
        Ok(head)
    }

    /// Rows from `from` on, each an entry or the reason it is not one.
    async fn rows(&self, from: u64, limit: usize) -> Result<Vec<raw::Row>, RecordError> {
        let Ok(from) = i64::try_from(from) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(
            "SELECT seq, recorded_at, legal_date, actor, act, prev_hash, hash FROM acts \
             WHERE seq >= $1 ORDER BY seq LIMIT $2",
        )
        .bind(from)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(RecordError::store("reading entries"))?;
        rows.iter().map(decode_row).collect()
    }
}

impl Record for PostgresRecord {
    async fn head(&self) -> Result<Head, RecordError> {
        let mut conn = self
            .pool
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
        let prepared = write::prepare(entries)?;
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(RecordError::store("starting an append"))?;
        let (actual, last_recorded_at) = lock_head(&mut tx).await?;
        if actual != *expected {
            let _ = tx.rollback().await;
            return Err(RecordError::StaleHead {
                expected: *expected,
                actual,
            });
        }
        write_after(tx, actual, last_recorded_at, prepared).await
    }

    /// Holds the head row's lock from reading the entries after `known` to committing the
    /// new ones: another server's append waits for this one, and this one never meets a
    /// stale head.
    async fn append_following<F>(&self, known: &Head, build: F) -> Result<Vec<Entry>, RecordError>
    where
        F: FnOnce(&[RawEntry]) -> Option<Vec<NewEntry>> + Send,
    {
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(RecordError::store("starting an append"))?;
        let (actual, last_recorded_at) = lock_head(&mut tx).await?;
        // A record that ends before `known`, or at its number with another hash, does not
        // continue it: the caller must not append as if it did.
        if actual.seq < known.seq || (actual.seq == known.seq && actual != *known) {
            let _ = tx.rollback().await;
            return Err(RecordError::StaleHead {
                expected: *known,
                actual,
            });
        }
        let rows = sqlx::query(
            "SELECT seq, recorded_at, legal_date, actor, act, prev_hash, hash FROM acts \
             WHERE seq > $1 ORDER BY seq",
        )
        .bind(i64::try_from(known.seq).unwrap_or(i64::MAX))
        .fetch_all(&mut *tx)
        .await
        .map_err(RecordError::store("reading entries"))?;
        let rows = rows.iter().map(decode_row).collect::<Result<Vec<_>, _>>()?;
        let following = raw::raw_page(rows)?;
        if following.len() as u64 != actual.seq - known.seq {
            let _ = tx.rollback().await;
            let seq = known.seq + following.len() as u64 + 1;
            return Err(RecordError::Damaged {
                seq,
                detail: "the entry cannot be read back".into(),
            });
        }
        let Some(entries) = build(&following) else {
            let _ = tx.rollback().await;
            return Err(RecordError::Abandoned);
        };
        let prepared = write::prepare(entries)?;
        write_after(tx, actual, last_recorded_at, prepared).await
    }

    async fn read(&self, from: u64, limit: usize) -> Result<Vec<Entry>, RecordError> {
        raw::entry_page(self.rows(from, limit).await?)
    }

    async fn read_raw(&self, from: u64, limit: usize) -> Result<Vec<RawEntry>, RecordError> {
        raw::raw_page(self.rows(from, limit).await?)
    }

    /// Notices from `NOTIFY tandoo_record`, sent by every append in any process. Subscribe
    /// before reading the head you follow from, so no append falls between the two.
    async fn listen(&self) -> Result<Option<Listener>, RecordError> {
        let action = "listening for appends";
        // A pool of its own, so the listening connection is re-established when lost and
        // never taken from the connections appends and reads use.
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .max_lifetime(None)
            .idle_timeout(None)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with((*self.options).clone())
            .await
            .map_err(RecordError::store(action))?;
        let mut listener = PgListener::connect_with(&pool)
            .await
            .map_err(RecordError::store(action))?;
        listener.ignore_pool_close_event(true);
        listener
            .listen(NOTIFY_CHANNEL)
            .await
            .map_err(RecordError::store(action))?;
        Ok(Some(Listener::spawn(listener)))
    }
}

/// Locks the record against other appenders until the transaction ends, then reads its
/// head. Two statements on purpose: under READ COMMITTED each statement sees what was
/// committed when it started, so the head must be read after the lock is granted.
async fn lock_head(conn: &mut PgConnection) -> Result<(Head, Option<String>), RecordError> {
    sqlx::query("SELECT id FROM meta WHERE id = 1 FOR UPDATE")
        .fetch_one(&mut *conn)
        .await
        .map_err(RecordError::store("locking the record for an append"))?;
    read_head(conn).await
}

/// The last entry's head and time.
async fn read_head(conn: &mut PgConnection) -> Result<(Head, Option<String>), RecordError> {
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

/// Writes a batch of rows with one statement, and announces the new head to listeners
/// (delivered when the transaction commits, never if it does not).
async fn insert<'a>(
    conn: &mut PgConnection,
    rows: impl Iterator<Item = RowRef<'a>>,
) -> Result<(), RecordError> {
    let (lower, _) = rows.size_hint();
    let mut seq = Vec::with_capacity(lower);
    let mut recorded_at = Vec::with_capacity(lower);
    let mut legal_date = Vec::with_capacity(lower);
    let mut actor = Vec::with_capacity(lower);
    let mut act = Vec::with_capacity(lower);
    let mut prev_hash = Vec::with_capacity(lower);
    let mut hash = Vec::with_capacity(lower);
    for r in rows {
        seq.push(i64::try_from(r.seq).map_err(|_| RecordError::Store {
            action: "writing an entry",
            detail: format!("entry number {} is beyond what the store can hold", r.seq),
        })?);
        recorded_at.push(r.recorded_at);
        legal_date.push(r.legal_date);
        actor.push(r.actor);
        act.push(r.act);
        prev_hash.push(r.prev_hash.to_hex());
        hash.push(r.hash.to_hex());
    }
    sqlx::query(
        "WITH written AS ( \
             INSERT INTO acts (seq, recorded_at, legal_date, actor, act, prev_hash, hash) \
             SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], \
                                  $5::text[], $6::text[], $7::text[]) \
             RETURNING seq) \
         SELECT pg_notify($8, max(seq)::text) FROM written",
    )
    .bind(&seq)
    .bind(&recorded_at)
    .bind(&legal_date)
    .bind(&actor)
    .bind(&act)
    .bind(&prev_hash)
    .bind(&hash)
    .bind(NOTIFY_CHANNEL)
    .execute(&mut *conn)
    .await
    .map_err(RecordError::store("writing entries"))?;
    Ok(())
}

fn row_seq(row: &PgRow) -> Result<u64, RecordError> {
    let seq: i64 = row
        .try_get("seq")
        .map_err(RecordError::store("reading an entry number"))?;
    u64::try_from(seq).map_err(|_| RecordError::Damaged {
        seq: 0,
        detail: format!("an entry is numbered {seq}, below 1"),
    })
}

/// Decodes one row: the outer error is a failure of the store, the inner one a row that is
/// no longer an entry.
fn decode_row(row: &PgRow) -> Result<raw::Row, RecordError> {
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

fn connect_error(location: &str, e: sqlx::Error) -> RecordError {
    // 3D000, invalid_catalog_name: the database does not exist.
    let code = e.as_database_error().and_then(|d| d.code());
    if code.as_deref() == Some("3D000") {
        return RecordError::NotFound {
            path: location.to_string(),
        };
    }
    if matches!(e, sqlx::Error::PoolTimedOut | sqlx::Error::Io(_)) {
        return RecordError::Unreachable {
            location: location.to_string(),
            timeout_secs: ACQUIRE_TIMEOUT.as_secs(),
        };
    }
    RecordError::Store {
        action: "connecting to the database",
        detail: redact(&e.to_string()),
    }
}

/// Makes sure the database holds a record in a format this code reads, creating its tables
/// if allowed, and returns the record's identity.
async fn prepare_schema(
    pool: &PgPool,
    location: &str,
    mode: OpenMode,
) -> Result<RecordIdentity, RecordError> {
    let mut conn = pool
        .acquire()
        .await
        .map_err(RecordError::store("connecting to the database"))?;
    let encoding: String = sqlx::query_scalar("SHOW server_encoding")
        .fetch_one(&mut *conn)
        .await
        .map_err(RecordError::store("inspecting the database"))?;
    if encoding != "UTF8" {
        return Err(RecordError::NotARecord {
            path: location.to_string(),
            detail: format!(
                "the database uses the {encoding} encoding; a record needs UTF8 so that its texts are stored byte for byte"
            ),
        });
    }
    let mut schema = PgSchema {
        conn: &mut conn,
        location,
    };
    store::open_schema(&mut schema, location, mode).await
}

/// The PostgreSQL answers to [`store::open_schema`].
struct PgSchema<'c> {
    conn: &'c mut PgConnection,
    location: &'c str,
}

impl store::Schema for PgSchema<'_> {
    const FOREIGN: &'static str = "its schema holds other tables";

    async fn tables(&mut self) -> Result<Vec<String>, RecordError> {
        sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'",
        )
        .fetch_all(&mut *self.conn)
        .await
        .map_err(RecordError::store("inspecting the database"))
    }

    async fn declared_format(&mut self) -> Result<Option<(String, i64)>, RecordError> {
        sqlx::query_as("SELECT format, format_version FROM meta WHERE id = 1")
            .fetch_optional(&mut *self.conn)
            .await
            .map_err(RecordError::store("reading the record's format"))
    }

    /// The migrator holds an advisory lock while it works, so two servers starting on a new
    /// database at once create the tables once.
    async fn migrate(&mut self) -> Result<(), RecordError> {
        let location = self.location;
        let migrator = Migrator::new(EmbeddedMigrations(MIGRATIONS))
            .await
            .map_err(|e| store::migrate_error(location, e, MIGRATIONS))?;
        migrator
            .run_direct(&mut *self.conn)
            .await
            .map_err(|e| store::migrate_error(location, e, MIGRATIONS))
    }

    async fn describe(&mut self, record_id: &str, created_at: &str) -> Result<(), RecordError> {
        sqlx::query(
            "INSERT INTO meta (id, format, format_version, record_id, created_at) \
             VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
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
            .map_err(RecordError::store("reading the record's id"))
    }

    fn nothing_there(&self, location: &str) -> RecordError {
        RecordError::NotFound {
            path: location.to_string(),
        }
    }
}

/// A database address fit to show: any password replaced by `***`.
pub(crate) fn redact(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(start) = out.find("://").map(|i| i + 3) {
        let end = out[start..]
            .find(['/', '?'])
            .map_or(out.len(), |i| start + i);
        if let Some(at) = out[start..end].rfind('@').map(|i| start + i)
            && let Some(colon) = out[start..at].find(':').map(|i| start + i)
        {
            out.replace_range(colon + 1..at, "***");
        }
    }
    if let Some(p) = out.find("password=") {
        let from = p + "password=".len();
        let to = out[from..].find('&').map_or(out.len(), |i| from + i);
        out.replace_range(from..to, "***");
    }
    out
}

/// Chains `prepared` after `head` and commits it, in the transaction that locked the head.
async fn write_after(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    head: Head,
    last_recorded_at: Option<String>,
    prepared: Vec<write::Prepared>,
) -> Result<Vec<Entry>, RecordError> {
    if prepared.is_empty() {
        let _ = tx.rollback().await;
        return Ok(Vec::new());
    }
    let now = time::now_instant().ok_or(RecordError::Clock)?;
    // Never earlier than the entry before, even if this server's clock is behind.
    let recorded_at = match last_recorded_at {
        Some(last) if last > now => last,
        _ => now,
    };
    let chained = write::chain_after(head, &recorded_at, prepared)?;
    insert(&mut tx, chained.iter().map(RowRef::from)).await?;
    tx.commit()
        .await
        .map_err(RecordError::store("committing an append"))?;
    Ok(chained.into_iter().map(|c| c.entry).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_shown() {
        assert_eq!(
            redact("postgres://tandoo:s3cret@db.example:5432/election"),
            "postgres://tandoo:***@db.example:5432/election"
        );
        assert_eq!(
            redact("postgresql://tandoo@db/election?password=x&sslmode=require"),
            "postgresql://tandoo@db/election?password=***&sslmode=require"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1:5432/postgres"),
            "postgres://postgres@127.0.0.1:5432/postgres"
        );
    }
}

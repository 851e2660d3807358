//! Where accounts, sessions, the login throttle's counters, the audit log and the public
//! reports (with their counters) are kept:
//! tables of their own in the record's database, a
//! SQLite file or a PostgreSQL database, so that every server on one record shares them.
//!
//! The two backends are one enum rather than sqlx's `Any` driver: each keeps its own
//! connection settings (SQLite's WAL and full synchronisation, PostgreSQL's synchronous
//! commit) and its own types, and the queries themselves are written once, in SQL both
//! accept (`$1` parameters, `ON CONFLICT … DO NOTHING`, `BIGINT`-sized integers), and run on
//! either pool through [`on_db!`]. Only the schema differs, and it is spelt out per backend
//! below.

use std::ffi::OsStr;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use tandoo_record::is_postgres_location;

const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request waits for a connection to the database: a login or a session read
/// that cannot get one in this time is answered 503 rather than held (M5).
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections to a SQLite file: writes queue on the file's lock anyway.
const SQLITE_CONNECTIONS: u32 = 4;
/// Connections to PostgreSQL: every request with a session reads it, so more than for a
/// file, where the reads are local.
const POSTGRES_CONNECTIONS: u32 = 8;

const SQLITE_SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS accounts (
        name TEXT PRIMARY KEY NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL,
        commission TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
    ) STRICT",
    "CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY NOT NULL,
        account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen INTEGER NOT NULL
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions(account)",
    "CREATE TABLE IF NOT EXISTS login_throttle (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS login_throttle_by_window ON login_throttle(window_start)",
    "CREATE TABLE IF NOT EXISTS audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        event TEXT NOT NULL,
        user_name TEXT NOT NULL,
        address TEXT NOT NULL,
        detail TEXT NOT NULL
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log(at)",
    "CREATE TABLE IF NOT EXISTS public_reports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at INTEGER NOT NULL,
        election TEXT NOT NULL,
        constituency INTEGER NOT NULL,
        station INTEGER NOT NULL,
        protocol_version INTEGER NOT NULL,
        text TEXT NOT NULL,
        contact TEXT NOT NULL,
        address TEXT NOT NULL,
        status TEXT NOT NULL,
        complaint TEXT,
        reason TEXT,
        decided_by TEXT,
        decided_at INTEGER
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS public_reports_by_status ON public_reports(status)",
    "CREATE TABLE IF NOT EXISTS report_counters (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        reports INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS report_counters_by_window ON report_counters(window_start)",
    // A table of its own rather than a column of `accounts`, so that a database made before
    // accounts chose a language opens without a migration.
    "CREATE TABLE IF NOT EXISTS account_languages (
        account TEXT PRIMARY KEY NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
        language TEXT NOT NULL
    ) STRICT",
];

/// The same tables in PostgreSQL; integers are `BIGINT` so they read back as `i64` as in
/// SQLite.
const POSTGRES_SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS accounts (
        name TEXT PRIMARY KEY NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL,
        commission TEXT NOT NULL,
        disabled BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
    )",
    "CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY NOT NULL,
        account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        last_seen BIGINT NOT NULL
    )",
    "CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions(account)",
    "CREATE TABLE IF NOT EXISTS login_throttle (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        attempts BIGINT NOT NULL,
        PRIMARY KEY (scope, key)
    )",
    "CREATE INDEX IF NOT EXISTS login_throttle_by_window ON login_throttle(window_start)",
    "CREATE TABLE IF NOT EXISTS audit_log (
        id BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL,
        event TEXT NOT NULL,
        user_name TEXT NOT NULL,
        address TEXT NOT NULL,
        detail TEXT NOT NULL
    )",
    "CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log(at)",
    "CREATE TABLE IF NOT EXISTS public_reports (
        id BIGSERIAL PRIMARY KEY,
        received_at BIGINT NOT NULL,
        election TEXT NOT NULL,
        constituency BIGINT NOT NULL,
        station BIGINT NOT NULL,
        protocol_version BIGINT NOT NULL,
        text TEXT NOT NULL,
        contact TEXT NOT NULL,
        address TEXT NOT NULL,
        status TEXT NOT NULL,
        complaint TEXT,
        reason TEXT,
        decided_by TEXT,
        decided_at BIGINT
    )",
    "CREATE INDEX IF NOT EXISTS public_reports_by_status ON public_reports(status)",
    "CREATE TABLE IF NOT EXISTS report_counters (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        reports BIGINT NOT NULL,
        PRIMARY KEY (scope, key)
    )",
    "CREATE INDEX IF NOT EXISTS report_counters_by_window ON report_counters(window_start)",
    "CREATE TABLE IF NOT EXISTS account_languages (
        account TEXT PRIMARY KEY NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
        language TEXT NOT NULL
    )",
];

/// The advisory lock taken while the account tables are created, so that servers starting
/// at once on a new database do not race (two concurrent `CREATE TABLE IF NOT EXISTS` of
/// one table can fail in PostgreSQL). "tandoo" in ASCII, then 1.
const SCHEMA_LOCK: i64 = 0x7461_6e64_6f6f_0001;

/// A pool on the record's database.
#[derive(Clone, Debug)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to whichever pool `$db` holds. The body is compiled once
/// per backend, so it must be SQL and Rust both accept.
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($pool) => $body,
            $crate::store::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_db;

/// The store failed: the database could not be reached or answered with an error. Who
/// called it (accounts, sessions, the throttle, the audit log) wraps it in its own error.
#[derive(Debug, thiserror::Error)]
#[error("the account store failed while {action}: {detail}")]
pub struct StoreError {
    pub action: &'static str,
    pub detail: String,
}

/// Turns a database error into a [`StoreError`] that says what was being done.
pub(crate) fn store(action: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| StoreError {
        action,
        detail: e.to_string(),
    }
}

impl Db {
    /// Connects to the database of the record at `location` (which must already hold a
    /// record) and creates the account tables if they are missing.
    pub(crate) async fn open(location: &OsStr) -> Result<Db, StoreError> {
        match location.to_str() {
            Some(url) if is_postgres_location(url) => Db::open_postgres(url).await,
            _ => Db::open_sqlite(Path::new(location)).await,
        }
    }

    async fn open_sqlite(path: &Path) -> Result<Db, StoreError> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(false)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(SQLITE_CONNECTIONS)
            .connect_with(options)
            .await
            .map_err(store("opening the account tables"))?;
        for statement in SQLITE_SCHEMA {
            sqlx::query(statement)
                .execute(&pool)
                .await
                .map_err(store("creating the account tables"))?;
        }
        Ok(Db::Sqlite(pool))
    }

    async fn open_postgres(url: &str) -> Result<Db, StoreError> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|_| StoreError {
                action: "reading the database address",
                detail: "it is not a PostgreSQL address".into(),
            })?
            .application_name("tandoo")
            // An account added or disabled is on disk when the command says so.
            .options([("synchronous_commit", "on")]);
        let pool = PgPoolOptions::new()
            .max_connections(POSTGRES_CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await
            .map_err(store("opening the account tables"))?;
        let created = async {
            let mut tx = pool.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(SCHEMA_LOCK)
                .execute(&mut *tx)
                .await?;
            for statement in POSTGRES_SCHEMA {
                sqlx::query(statement).execute(&mut *tx).await?;
            }
            tx.commit().await
        };
        if let Err(e) = created.await {
            pool.close().await;
            return Err(store("creating the account tables")(e));
        }
        Ok(Db::Postgres(pool))
    }

    /// Closes the connections, waiting for them to finish.
    pub(crate) async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }
}

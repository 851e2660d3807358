#![allow(dead_code)] // each test file uses its own part of these helpers

use std::path::Path;

use serde_json::{Value, json};
use sqlx::Connection;
use sqlx::postgres::PgConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use tandoo_record::{AnyRecord, NewEntry, OpenMode, SqliteRecord};

pub fn protocol(station: u64, votes: u64) -> NewEntry {
    NewEntry {
        legal_date: "2026-02-12".into(),
        actor: json!({"user": "aizada", "role": "secretary", "commission": "DEC-13"}),
        act: json!({
            "type": "protocol_entered",
            "station": station,
            "figures": {"votes": votes, "invalid": 12},
            "note": "Бюллетени пересчитаны",
        }),
    }
}

pub async fn create(path: &Path) -> SqliteRecord {
    SqliteRecord::open(path, OpenMode::CreateIfMissing)
        .await
        .expect("create record")
}

/// A connection that bypasses the record, as a person with an SQLite tool would.
pub async fn raw(path: &Path) -> SqliteConnection {
    SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(path))
        .await
        .expect("raw connection")
}

pub async fn raw_exec(path: &Path, sql: &str) -> u64 {
    let mut conn = raw(path).await;
    let done = sqlx::query(sql).execute(&mut conn).await.expect(sql);
    conn.close().await.expect("close");
    done.rows_affected()
}

pub async fn raw_act(path: &Path, seq: i64) -> String {
    let mut conn = raw(path).await;
    let text: String = sqlx::query_scalar("SELECT act FROM acts WHERE seq = ?1")
        .bind(seq)
        .fetch_one(&mut conn)
        .await
        .expect("act text");
    conn.close().await.expect("close");
    text
}

pub fn act_of(text: &str) -> Value {
    serde_json::from_str(text).expect("json")
}

/// Runs `sql` on a new SQLite file at `path` (creating it), as a person making some other
/// database would.
pub async fn raw_exec_create(path: &Path, sql: &str) {
    let mut conn = SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true),
    )
    .await
    .expect("create database");
    sqlx::query(sql).execute(&mut conn).await.expect(sql);
    conn.close().await.expect("close");
}

/// The stores every store test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// The environment variable holding the address of a PostgreSQL server to test against,
/// e.g. `postgres://postgres@127.0.0.1:5432/postgres`. Each test creates a database of its
/// own there and drops it at the end.
pub const POSTGRES_ENV: &str = "TANDOO_TEST_POSTGRES";

/// A fresh, empty place for a record, removed when dropped.
pub struct Store {
    pub kind: Kind,
    /// What `AnyRecord::open` takes: a file path or a database address.
    pub location: String,
    _dir: Option<tempfile::TempDir>,
    database: Option<TestDatabase>,
}

impl Store {
    /// A fresh store of `kind`, or `None` when the PostgreSQL variant cannot run here (and
    /// is not required to: outside CI, a notice is printed and the test passes).
    pub async fn new(kind: Kind) -> Option<Store> {
        match kind {
            Kind::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let location = dir.path().join("record.sqlite").display().to_string();
                Some(Store {
                    kind,
                    location,
                    _dir: Some(dir),
                    database: None,
                })
            }
            Kind::Postgres => {
                let server = postgres_server()?;
                let database = TestDatabase::create(&server).await;
                Some(Store {
                    kind,
                    location: database.url.clone(),
                    _dir: None,
                    database: Some(database),
                })
            }
        }
    }

    pub async fn create(&self) -> AnyRecord {
        AnyRecord::open(&self.location, OpenMode::CreateIfMissing)
            .await
            .expect("create record")
    }

    pub async fn open(&self) -> AnyRecord {
        AnyRecord::open(&self.location, OpenMode::MustExist)
            .await
            .expect("open record")
    }

    /// Runs `sql` on the store behind the record's back, as a person with `sqlite3` or
    /// `psql` would; returns the rows affected.
    pub async fn exec(&self, sql: &str) -> u64 {
        match self.kind {
            Kind::Sqlite => raw_exec(Path::new(&self.location), sql).await,
            Kind::Postgres => {
                let mut conn = PgConnection::connect(&self.location)
                    .await
                    .expect("raw connection");
                let done = sqlx::query(sql).execute(&mut conn).await.expect(sql);
                conn.close().await.expect("close");
                done.rows_affected()
            }
        }
    }

    /// Changes the stored acts behind the record's back on purpose, as someone with write
    /// access to the database could: on PostgreSQL, the trigger that keeps `acts`
    /// append-only is disabled explicitly around `sql` (and enabled again).
    pub async fn tamper(&self, sql: &str) -> u64 {
        match self.kind {
            Kind::Sqlite => self.exec(sql).await,
            Kind::Postgres => {
                self.exec("ALTER TABLE acts DISABLE TRIGGER acts_append_only")
                    .await;
                let changed = self.exec(sql).await;
                self.exec("ALTER TABLE acts ENABLE TRIGGER acts_append_only")
                    .await;
                changed
            }
        }
    }

    /// Runs `sql` as [`Store::exec`] does, and returns the database's refusal if any.
    pub async fn try_exec(&self, sql: &str) -> Result<u64, sqlx::Error> {
        match self.kind {
            Kind::Sqlite => {
                let mut conn = raw(Path::new(&self.location)).await;
                let done = sqlx::query(sql).execute(&mut conn).await;
                conn.close().await.expect("close");
                done.map(|d| d.rows_affected())
            }
            Kind::Postgres => {
                let mut conn = PgConnection::connect(&self.location)
                    .await
                    .expect("raw connection");
                let done = sqlx::query(sql).execute(&mut conn).await;
                conn.close().await.expect("close");
                done.map(|d| d.rows_affected())
            }
        }
    }

    /// The stored text of entry `seq`'s act.
    pub async fn act_text(&self, seq: i64) -> String {
        match self.kind {
            Kind::Sqlite => raw_act(Path::new(&self.location), seq).await,
            Kind::Postgres => {
                let mut conn = PgConnection::connect(&self.location)
                    .await
                    .expect("raw connection");
                let text: String = sqlx::query_scalar("SELECT act FROM acts WHERE seq = $1")
                    .bind(seq)
                    .fetch_one(&mut conn)
                    .await
                    .expect("act text");
                conn.close().await.expect("close");
                text
            }
        }
    }

    /// Keeps the PostgreSQL database alive beyond this value (for a second store value
    /// pointing at it); nothing for SQLite.
    pub fn database_name(&self) -> Option<&str> {
        self.database.as_ref().map(|d| d.name.as_str())
    }
}

/// The server address from the environment. Unset: fail in CI, skip elsewhere.
fn postgres_server() -> Option<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => panic!(
            "{POSTGRES_ENV} is not set, but CI is: the PostgreSQL store tests must run in CI. \
             Set {POSTGRES_ENV} to a server address such as \
             postgres://postgres@127.0.0.1:5432/postgres"
        ),
        _ => {
            eprintln!(
                "notice: PostgreSQL variant skipped; set {POSTGRES_ENV}=postgres://user@host:port/db to run it"
            );
            None
        }
    }
}

/// A database created for one test and dropped after it.
pub struct TestDatabase {
    server: String,
    pub name: String,
    pub url: String,
}

impl TestDatabase {
    pub async fn create(server: &str) -> TestDatabase {
        let mut id = [0u8; 8];
        getrandom::getrandom(&mut id).expect("random");
        let name = format!("tandoo_test_{}", hex::encode(id));
        let mut conn = PgConnection::connect(server)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_ENV} ({e})"));
        sqlx::query(&format!(
            "CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"
        ))
        .execute(&mut conn)
        .await
        .expect("create test database");
        conn.close().await.expect("close");
        TestDatabase {
            server: server.to_string(),
            url: with_database(server, &name),
            name,
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on: use a thread.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(mut conn) = PgConnection::connect(&server).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut conn)
                        .await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    format!("{}/{name}{query}", &base[..path_start])
}

/// Defines each named test (an `async fn(Store)`) once per store: `sqlite::name` and
/// `postgres::name`.
#[macro_export]
macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(store) = $crate::common::Store::new($crate::common::Kind::Sqlite).await {
                        super::$name(store).await;
                    }
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(store) = $crate::common::Store::new($crate::common::Kind::Postgres).await {
                        super::$name(store).await;
                    }
                }
            )*
        }
    };
}

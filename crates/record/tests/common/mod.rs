#![allow(dead_code)] // each test file uses its own part of these helpers

use std::path::Path;

use serde_json::{Value, json};
use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use tandoo_record::{NewEntry, OpenMode, SqliteRecord};

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

//! What the stores share: the record's identity, embedded schema migrations, and the checks
//! on entries imported as they are.

use std::borrow::Cow;
use std::pin::Pin;

use sqlx::migrate::{MigrateError, Migration, MigrationSource, MigrationType};

use crate::entry::Head;
use crate::error::RecordError;
use crate::raw::{RawEntry, json_text};
use crate::time;
use crate::verify::ChainVerifier;

/// The entry and hash format this code writes and reads (see the format document).
pub const FORMAT_VERSION: i64 = 1;
/// The name written in the meta table, so a store can be recognised as a record.
pub const FORMAT_NAME: &str = "tandoo-record";

/// What to do when the record is not there, and whether it may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create an empty record if there is none; open it if there is.
    CreateIfMissing,
    /// Open an existing record; refuse if there is none, rather than start a new one by
    /// mistake (a typo in a path must not begin a second record).
    MustExist,
    /// Open an existing record to read it, and never write to the store: no schema update,
    /// no file created or changed (for `verify`, `status`, `export`). Appends fail.
    ReadOnly,
}

impl OpenMode {
    /// Whether the record must already be there.
    pub fn must_exist(self) -> bool {
        self != OpenMode::CreateIfMissing
    }
}

/// Who a record is, independent of the acts it holds: the identifier drawn when it was
/// created and the time it was created. A copy of a record keeps both, so a backup is
/// recognisably the same record, and a rehearsal with the same acts is not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordIdentity {
    pub record_id: String,
    /// UTC, RFC 3339 with milliseconds.
    pub created_at: String,
}

/// Schema changes, in order: version, description, SQL.
pub(crate) type Migrations = &'static [(i64, &'static str, &'static str)];

/// Migrations compiled into the program, as sqlx wants them. Embedded strings rather than
/// `migrate!()` so no procedural macro (and no build-time database) is needed.
#[derive(Debug)]
pub(crate) struct EmbeddedMigrations(pub Migrations);

type BoxDynError = Box<dyn std::error::Error + Send + Sync + 'static>;

impl MigrationSource<'static> for EmbeddedMigrations {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 'static>> {
        Box::pin(async move {
            Ok(self
                .0
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

pub(crate) fn migrate_error(
    location: &str,
    e: MigrateError,
    migrations: Migrations,
) -> RecordError {
    match e {
        // The store was migrated by a newer program than this one.
        MigrateError::VersionMissing(v) => RecordError::UnsupportedFormat {
            path: location.to_string(),
            found: v,
            supported: migrations.last().map_or(0, |m| m.0),
        },
        other => RecordError::Store {
            action: "updating the record's schema",
            detail: other.to_string(),
        },
    }
}

/// A random identifier in the UUID version 4 layout, from the operating system's generator.
pub(crate) fn new_record_id() -> Result<String, RecordError> {
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

/// Checks entries offered for import before anything is written: they must continue the
/// record that ends at `head` (whose last entry was recorded at `last_recorded_at`) link by
/// link with every hash right, and each must be an entry as tandoo writes it (a calendar
/// legal date, a recorded time in the store's form and never earlier than the one before,
/// actor and act in canonical form), so that the imported record reads back exactly as the
/// original did. Returns the head after the last entry.
pub(crate) fn check_import(
    head: Head,
    last_recorded_at: Option<&str>,
    entries: &[RawEntry],
) -> Result<Head, RecordError> {
    let mut verifier = ChainVerifier::resume(head);
    let mut last = last_recorded_at;
    for e in entries {
        let refuse = |detail: String| RecordError::ImportRefused { seq: e.seq, detail };
        verifier
            .push_raw(e)
            .map_err(|b| refuse(format!("it does not continue the record: {b}")))?;
        if !time::is_valid_date(&e.legal_date) {
            return Err(refuse(format!(
                "its legal date {:?} is not a calendar date",
                e.legal_date
            )));
        }
        if !time::is_valid_instant(&e.recorded_at) {
            return Err(refuse(format!(
                "its recorded time {:?} is not in the form the record writes",
                e.recorded_at
            )));
        }
        if last.is_some_and(|l| e.recorded_at.as_str() < l) {
            return Err(refuse(
                "it is recorded earlier than the entry before it".into(),
            ));
        }
        json_text(&e.actor, "actor").map_err(&refuse)?;
        json_text(&e.act, "act").map_err(&refuse)?;
        last = Some(&e.recorded_at);
    }
    Ok(verifier.head())
}

/// What a store answers while a record is opened; [`open_schema`] decides what to make of
/// the answers, the same way for both stores.
pub(crate) trait Schema {
    /// Why a store holding other tables (and not ours) is not a record.
    const FOREIGN: &'static str;
    /// The store's tables, leaving out the engine's own and the migrator's.
    async fn tables(&mut self) -> Result<Vec<String>, RecordError>;
    /// The format and its version the `meta` row declares.
    async fn declared_format(&mut self) -> Result<Option<(String, i64)>, RecordError>;
    /// Brings the schema up to date with the migrations compiled in.
    async fn migrate(&mut self) -> Result<(), RecordError>;
    /// Writes the `meta` row unless there is one, so that two processes creating one record
    /// at once end up agreeing on one id.
    async fn describe(&mut self, record_id: &str, created_at: &str) -> Result<(), RecordError>;
    /// The record's id and creation time from its `meta` row.
    async fn identity(&mut self) -> Result<Option<(String, String)>, RecordError>;
    /// What "there is no record here" is for this store.
    fn nothing_there(&self, location: &str) -> RecordError;
}

/// Makes sure the store at `location` holds a record in a format this code reads — never
/// adding our tables to someone else's, never writing in [`OpenMode::ReadOnly`], creating
/// the record only with [`OpenMode::CreateIfMissing`] — and returns its identity.
pub(crate) async fn open_schema<S: Schema>(
    schema: &mut S,
    location: &str,
    mode: OpenMode,
) -> Result<RecordIdentity, RecordError> {
    let tables = schema.tables().await?;
    let has = |name: &str| tables.iter().any(|t| t == name);
    if tables.is_empty() {
        if mode.must_exist() {
            return Err(schema.nothing_there(location));
        }
    } else if !has("meta") || !has("acts") {
        return Err(RecordError::NotARecord {
            path: location.to_string(),
            detail: S::FOREIGN.into(),
        });
    } else {
        check_format(location, schema.declared_format().await?)?;
    }
    if mode != OpenMode::ReadOnly {
        schema.migrate().await?;
        let created_at = time::now_instant().ok_or(RecordError::Clock)?;
        schema.describe(&new_record_id()?, &created_at).await?;
    }
    let (record_id, created_at) =
        schema
            .identity()
            .await?
            .ok_or_else(|| RecordError::NotARecord {
                path: location.to_string(),
                detail: "it does not describe itself as a record".into(),
            })?;
    Ok(RecordIdentity {
        record_id,
        created_at,
    })
}

/// Refuses a store whose `meta` row declares another format, or a newer version of ours.
pub(crate) fn check_format(
    location: &str,
    found: Option<(String, i64)>,
) -> Result<(), RecordError> {
    let Some((format, version)) = found else {
        return Ok(());
    };
    if format != FORMAT_NAME {
        return Err(RecordError::NotARecord {
            path: location.to_string(),
            detail: format!("it declares the format {format:?}"),
        });
    }
    if version > FORMAT_VERSION {
        return Err(RecordError::UnsupportedFormat {
            path: location.to_string(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(())
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
}

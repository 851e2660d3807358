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

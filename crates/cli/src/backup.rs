//! `tandoo backup` and `tandoo restore`: a record copied into a new SQLite file that holds
//! everything needed to verify and restore it, and back into any store — each copy verified
//! before it is reported done.

use crate::copy::copy_verified;
use crate::{CliError, Outcome};
use std::ffi::OsStr;
use std::path::Path;
use tandoo_record::{AnyRecord, OpenMode, Record, SqliteRecord, VerifyError, verify_record};

pub async fn backup(db: &OsStr, out: &Path) -> Result<Outcome, CliError> {
    if out.exists() {
        return Err(CliError::input(
            "BACKUP_EXISTS",
            format!(
                "{} already exists; a backup is always written to a new file",
                out.display()
            ),
        ));
    }
    let source = AnyRecord::open(db, OpenMode::MustExist).await?;
    let written = write_backup(&source, out).await;
    source.close().await;
    match written {
        Ok(verified) => {
            println!(
                "backed up {} entries to {}; the backup verifies and ends at entry {} (hash {})",
                verified.count,
                out.display(),
                verified.head.seq,
                verified.head.hash
            );
            Ok(Outcome::Done)
        }
        Err(error) => {
            // Never leave a backup that is not one.
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", out.display()));
            }
            Err(error)
        }
    }
}

async fn write_backup(
    source: &AnyRecord,
    out: &Path,
) -> Result<tandoo_record::VerifiedChain, CliError> {
    let file = SqliteRecord::open(out, OpenMode::CreateIfMissing).await?;
    let (copy, copied) = copy_verified(source, AnyRecord::Sqlite(file)).await?;
    copy.close().await;
    // Verified once more from a fresh handle, as the file will be read when restored.
    let reopened = SqliteRecord::open(out, OpenMode::MustExist).await?;
    let verified = verify_record(&reopened).await;
    reopened.close().await;
    let verified = verified.map_err(not_verified)?;
    if verified != copied {
        return Err(CliError::runtime(
            "COPY_DIFFERS",
            format!(
                "the backup read back ends at entry {}, not at entry {} as written",
                verified.head.seq, copied.head.seq
            ),
        ));
    }
    Ok(verified)
}

pub async fn restore(from: &Path, to: &OsStr) -> Result<Outcome, CliError> {
    let backup = AnyRecord::Sqlite(SqliteRecord::open(from, OpenMode::MustExist).await?);
    // The backup is checked whole before anything is written anywhere.
    let checked = verify_record(&backup).await;
    let checked = match checked {
        Ok(checked) => checked,
        Err(error) => {
            backup.close().await;
            eprintln!("the backup {} is not intact: {error}", from.display());
            return Ok(Outcome::Failed);
        }
    };
    let destination = match AnyRecord::open(to, OpenMode::CreateIfMissing).await {
        Ok(destination) => destination,
        Err(error) => {
            backup.close().await;
            return Err(error.into());
        }
    };
    let restored = copy_verified(&backup, destination).await;
    backup.close().await;
    let (copy, verified) = restored?;
    let head = copy.head().await?;
    copy.close().await;
    if verified.head != checked.head || head != checked.head {
        return Err(CliError::runtime(
            "COPY_DIFFERS",
            "the restored record does not end where the backup does",
        ));
    }
    println!(
        "restored {} entries from {}; the record verifies and ends at entry {} (hash {})",
        verified.count,
        from.display(),
        verified.head.seq,
        verified.head.hash
    );
    Ok(Outcome::Done)
}

fn not_verified(error: VerifyError) -> CliError {
    CliError::runtime(error.code(), format!("the backup does not verify: {error}"))
}

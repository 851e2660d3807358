//! `tandoo copy`: a record copied between stores (a SQLite file, a PostgreSQL database)
//! exactly as it is — every entry's number, time and hashes, and the record's identity —
//! then read back and verified.

use crate::{CliError, Outcome};
use std::ffi::OsStr;
use tandoo_record::{AnyRecord, CopyError, OpenMode, VerifiedChain, copy_record};

pub async fn run(from: &OsStr, to: &OsStr) -> Result<Outcome, CliError> {
    let source = AnyRecord::open(from, OpenMode::MustExist).await?;
    let destination = AnyRecord::open(to, OpenMode::CreateIfMissing).await?;
    let (copy, verified) = copy_verified(&source, destination).await?;
    println!(
        "copied {} entries from {} to {}; the copy verifies and ends at entry {} (hash {})",
        verified.count,
        source.location(),
        copy.location(),
        verified.head.seq,
        verified.head.hash
    );
    copy.close().await;
    source.close().await;
    Ok(Outcome::Done)
}

/// Copies and verifies, reporting progress on standard error for long records.
pub async fn copy_verified(
    source: &AnyRecord,
    destination: AnyRecord,
) -> Result<(AnyRecord, VerifiedChain), CliError> {
    let mut reported = 0;
    copy_record(source, destination, |seq| {
        if seq >= reported + 100_000 {
            eprintln!("  {seq} entries copied");
            reported = seq;
        }
    })
    .await
    .map_err(copy_error)
}

pub fn copy_error(error: CopyError) -> CliError {
    match error {
        CopyError::NotEmpty { .. } => CliError::input(error.code(), error.to_string()),
        _ => CliError::runtime(error.code(), error.to_string()),
    }
}

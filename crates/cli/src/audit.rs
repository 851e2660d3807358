//! `tandoo audit`: the audit log of a record's server — logins, failed logins, logouts and
//! account changes — read on the server's machine. It is kept beside the record, never in
//! it, and entries older than 180 days are removed.

use crate::user::account_error;
use crate::{CliError, Outcome};
use std::ffi::OsStr;
use std::sync::Arc;
use tandoo_record::OpenMode;
use tandoo_server::audit::{KEEP_DAYS, day_start, utc_time};
use tandoo_server::{Accounts, AuditFilter, SystemClock};

pub async fn run(db: &OsStr, since: Option<&str>, user: Option<&str>) -> Result<Outcome, CliError> {
    let since = since
        .map(|date| {
            day_start(date).ok_or_else(|| {
                CliError::input(
                    "BAD_DATE",
                    format!("\"{date}\" is not a date; write it as YYYY-MM-DD"),
                )
            })
        })
        .transpose()?;
    let accounts = Accounts::open(db, OpenMode::MustExist, Arc::new(SystemClock))
        .await
        .map_err(account_error)?;
    let pruned = accounts.prune_audit().await.map_err(account_error)?;
    let filter = AuditFilter {
        since,
        user: user.map(str::to_string),
    };
    let entries = accounts.audit_log(&filter).await.map_err(account_error)?;
    accounts.close().await;
    if pruned > 0 {
        eprintln!("Removed {pruned} entries older than {KEEP_DAYS} days.");
    }
    if entries.is_empty() {
        println!("No entries.");
    }
    for entry in entries {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            utc_time(entry.at),
            entry.event,
            escape(&entry.user),
            entry.address,
            escape(&entry.detail)
        );
    }
    Ok(Outcome::Done)
}

/// User names of failed logins are whatever a visitor typed: control characters are shown
/// escaped, so that a line of the log is one line on the terminal.
fn escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

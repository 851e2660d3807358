//! The audit log: who logged in, failed to, logged out, and which accounts were added or
//! disabled — in a table beside the accounts, never in the record (the record is published;
//! the log names addresses and failed user names, which must not be). Entries are kept
//! [`KEEP_DAYS`] days and then removed; `tandoo audit` reads them.

use std::sync::atomic::Ordering;

use serde::Serialize;

use crate::accounts::{AccountError, Accounts};
use crate::audit_event::AuditEvent;
use crate::store::{on_db, store};

/// Days an entry is kept at least; older ones are removed.
pub const KEEP_DAYS: i64 = 180;
const KEEP: i64 = KEEP_DAYS * 24 * 60 * 60;
/// Old entries are looked for at most this often (seconds).
const PRUNE_EVERY: i64 = 60 * 60;
/// The most entries one read returns.
pub const MAX_READ: i64 = 100_000;
/// Characters of a user name kept in an entry: a failed login's name is whatever a
/// visitor sent, up to 16 KiB.
const MAX_LOGGED_NAME: usize = 128;

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Seconds since 1970, UTC.
    pub at: i64,
    pub event: String,
    pub user: String,
    /// The client's address, or `local` for a command run on the server's machine.
    pub address: String,
    pub detail: String,
}

/// Which entries to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Entries at or after this time (seconds since 1970).
    pub since: Option<i64>,
    pub user: Option<String>,
}

/// A page of the audit log as the audit screen asks for it: newest first, by user, event
/// and a span of days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub user: Option<String>,
    pub event: Option<String>,
    /// Entries at or after this time (seconds since 1970).
    pub since: Option<i64>,
    /// Entries before this time.
    pub before: Option<i64>,
    /// Entries skipped from the newest.
    pub skip: i64,
    /// The most entries returned (at most [`MAX_READ`]).
    pub limit: i64,
}

impl Accounts {
    /// The entries `query` asks for, newest first, and whether older ones match too.
    pub async fn audit_page(
        &self,
        query: &AuditQuery,
    ) -> Result<(Vec<AuditEntry>, bool), AccountError> {
        const READ: &str = "SELECT at, event, user_name, address, detail FROM audit_log \
             WHERE at >= $1 AND at < $2 AND ($3 IS NULL OR user_name = $3) \
             AND ($4 IS NULL OR event = $4) ORDER BY id DESC LIMIT $5 OFFSET $6";
        let limit = query.limit.clamp(1, MAX_READ);
        let rows: Vec<(i64, String, String, String, String)> = on_db!(self.db(), pool =>
            sqlx::query_as(READ)
                .bind(query.since.unwrap_or(i64::MIN))
                .bind(query.before.unwrap_or(i64::MAX))
                .bind(query.user.as_deref())
                .bind(query.event.as_deref())
                // One more than asked, to know whether there is another page.
                .bind(limit + 1)
                .bind(query.skip.max(0))
                .fetch_all(pool)
                .await)
        .map_err(store("reading the audit log"))?;
        let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
        Ok((
            rows.into_iter()
                .take(usize::try_from(limit).unwrap_or(usize::MAX))
                .map(|(at, event, user, address, detail)| AuditEntry {
                    at,
                    event,
                    user,
                    address,
                    detail,
                })
                .collect(),
            more,
        ))
    }

    /// Writes one entry at the clock's time; removes entries past [`KEEP_DAYS`] now and then.
    pub async fn audit(
        &self,
        event: AuditEvent,
        user: &str,
        address: &str,
        detail: &str,
    ) -> Result<(), AccountError> {
        let now = self.clock().now();
        self.prune_audit_now_and_then(now).await?;
        let user = shortened(user);
        on_db!(self.db(), pool => sqlx::query(
            "INSERT INTO audit_log (at, event, user_name, address, detail) \
             VALUES ($1, $2, $3, $4, $5)")
            .bind(now)
            .bind(event.name())
            .bind(&user)
            .bind(address)
            .bind(detail)
            .execute(pool)
            .await
            .map(|_| ()))
        .map_err(store("writing the audit log"))?;
        Ok(())
    }

    /// The entries that match `filter`, oldest first, at most [`MAX_READ`].
    pub async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, AccountError> {
        const READ: &str = "SELECT at, event, user_name, address, detail FROM audit_log \
             WHERE at >= $1 AND ($2 IS NULL OR user_name = $2) ORDER BY id LIMIT $3";
        let since = filter.since.unwrap_or(i64::MIN);
        let rows: Vec<(i64, String, String, String, String)> = on_db!(self.db(), pool =>
            sqlx::query_as(READ)
                .bind(since)
                .bind(filter.user.as_deref())
                .bind(MAX_READ)
                .fetch_all(pool)
                .await)
        .map_err(store("reading the audit log"))?;
        Ok(rows
            .into_iter()
            .map(|(at, event, user, address, detail)| AuditEntry {
                at,
                event,
                user,
                address,
                detail,
            })
            .collect())
    }

    /// Removes the entries older than [`KEEP_DAYS`]; returns how many.
    pub async fn prune_audit(&self) -> Result<u64, AccountError> {
        let now = self.clock().now();
        on_db!(self.db(), pool => sqlx::query("DELETE FROM audit_log WHERE at < $1")
            .bind(now - KEEP)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(store("removing old audit entries"))
        .map_err(AccountError::from)
    }

    async fn prune_audit_now_and_then(&self, now: i64) -> Result<(), AccountError> {
        let last = self.audit_pruned().load(Ordering::Relaxed);
        if now - last >= PRUNE_EVERY
            && self
                .audit_pruned()
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            self.prune_audit().await?;
        }
        Ok(())
    }
}

/// A user name cut to [`MAX_LOGGED_NAME`] characters, marked with `…` where cut.
fn shortened(user: &str) -> String {
    if user.chars().count() <= MAX_LOGGED_NAME {
        user.to_string()
    } else {
        let mut cut: String = user.chars().take(MAX_LOGGED_NAME).collect();
        cut.push('…');
        cut
    }
}

/// The first second of a day written `YYYY-MM-DD` (UTC), for `tandoo audit --since`.
pub fn day_start(date: &str) -> Option<i64> {
    date.parse::<tandoo_core::LegalDate>().ok()?;
    let number = |range: std::ops::Range<usize>| date.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    Some(days_from_civil(year, month, day) * 86_400)
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_time(seconds: i64) -> String {
    let (days, second) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second / 3600,
        second / 60 % 60,
        second % 60
    )
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_are_written_in_utc() {
        assert_eq!(day_start("1970-01-01"), Some(0));
        assert_eq!(day_start("2026-01-01"), Some(1_767_225_600));
        assert_eq!(day_start("2026-02-30"), None);
        assert_eq!(utc_time(1_767_225_600 + 3661), "2026-01-01T01:01:01Z");
        assert_eq!(
            utc_time(day_start("2024-02-29").unwrap()),
            "2024-02-29T00:00:00Z"
        );
    }
}

//! The audit log: who logged in, failed to, logged out, and which accounts were added or
//! disabled — in a table beside the accounts, never in the record (the record is published;
//! the log names addresses and failed user names, which must not be). Entries are kept
//! [`KEEP_DAYS`] days and then removed; `tandoo audit` reads them.

use std::sync::atomic::Ordering;

use serde::Serialize;

use crate::accounts::{AccountError, Accounts};
use crate::store::{on_db, store};

/// Days an entry is kept at least; older ones are removed.
pub const KEEP_DAYS: i64 = 180;
const KEEP: i64 = KEEP_DAYS * 24 * 60 * 60;
/// Old entries are looked for at most this often (seconds).
const PRUNE_EVERY: i64 = 60 * 60;
/// The most entries one read returns.
pub const MAX_READ: i64 = 100_000;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditEvent {
    Login,
    /// An unknown name, a wrong password or a disabled account (the detail says which).
    LoginFailed,
    /// A login refused without checking the password: a limit of the throttle was reached
    /// (written once per limit and window, not once per refused attempt).
    LoginThrottled,
    Logout,
    AccountAdded,
    AccountDisabled,
}

impl AuditEvent {
    pub fn name(self) -> &'static str {
        match self {
            AuditEvent::Login => "login",
            AuditEvent::LoginFailed => "login_failed",
            AuditEvent::LoginThrottled => "login_throttled",
            AuditEvent::Logout => "logout",
            AuditEvent::AccountAdded => "account_added",
            AuditEvent::AccountDisabled => "account_disabled",
        }
    }
}

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

impl Accounts {
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
        on_db!(self.db(), pool => sqlx::query(
            "INSERT INTO audit_log (at, event, user_name, address, detail) \
             VALUES ($1, $2, $3, $4, $5)")
            .bind(now)
            .bind(event.name())
            .bind(user)
            .bind(address)
            .bind(detail)
            .execute(pool)
            .await
            .map(|_| ()))
        .map_err(store("writing the audit log"))
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

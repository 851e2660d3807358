//! Logins and sessions.
//!
//! A session is a random 256-bit token, handed to the browser in a cookie and stored only as
//! its SHA-256, so a copy of the database yields no token that logs anyone in. A session
//! ends after [`SessionPolicy::idle`] without a request or [`SessionPolicy::absolute`] after
//! the login, whichever comes first; each has its own random CSRF token, which state-changing
//! requests must send back in a header. The role and commission are read from the account
//! on every request, so disabling an account or changing its role takes effect at once.

use std::collections::HashSet;
use std::sync::OnceLock;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};
use tandoo_core::ids::CommissionId;
use tandoo_core::{Actor, Role};
use tandoo_present::Language;
use tokio::sync::Semaphore;

use crate::accounts::{
    AccountError, Accounts, MAX_PASSWORD_BYTES, account_from_row, hash_password, verify_password,
};
use crate::audit_event::AuditEvent;
use crate::store::{StoreError, on_db, store};
use crate::throttle::{ClientAddress, Limit, Refused, Throttle, ThrottleLimits};

/// How long sessions last, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Without a request for this long, a session ends.
    pub idle: i64,
    /// However active, a session ends this long after the login.
    pub absolute: i64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle: 30 * 60,
            absolute: 12 * 60 * 60,
        }
    }
}

/// `last_seen` is written at most this often (seconds), so that reading pages does not
/// turn every request into a durable write; the idle limit is exact to within this.
const TOUCH_EVERY: i64 = 60;

/// Password checks running at once. Each argon2 check takes ~19 MiB and tens of
/// milliseconds of a core; a burst of logins queues instead of exhausting the machine.
const CONCURRENT_CHECKS: usize = 2;

/// Locks remembered as already written to the audit log; past this, the memory is cleared
/// (a lock may then be written twice, never not at all).
const LOCKS_REMEMBERED: usize = 10_000;

/// Who is logged in, as a request sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: String,
    pub role: Role,
    pub commission: CommissionId,
    pub csrf_token: String,
    /// The language the account chose for its screens, read with the session so that a
    /// screen costs one query, not two.
    pub language: Option<Language>,
}

impl Session {
    /// The actor every command of this session is given: never chosen by the client.
    pub fn actor(&self) -> Actor {
        Actor {
            user: self.user.clone(),
            role: self.role,
            commission: self.commission.clone(),
        }
    }
}

/// A session just opened: the token goes into the cookie and is not kept anywhere.
#[derive(Debug, Clone)]
pub struct Opened {
    pub token: String,
    pub session: Session,
}

/// What a token found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Active(Session),
    /// It was a session, but it has ended (and is now deleted).
    Expired,
    /// No session has this token (never had, logged out, or the account was disabled).
    Unknown,
}

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Unknown user, wrong password or disabled account: deliberately one answer.
    #[error("the user name or the password is wrong")]
    BadCredentials,
    #[error("too many failed logins; try again in {retry_after} seconds")]
    Throttled { limit: Limit, retry_after: i64 },
    #[error(transparent)]
    Store(#[from] AccountError),
}

/// Accounts, sessions and login throttling.
#[derive(Clone)]
pub struct Auth {
    accounts: Accounts,
    policy: SessionPolicy,
    throttle: Arc<Throttle>,
    /// Locks already written to the audit log, so that a flood of refused attempts writes
    /// one entry per lock.
    locks_logged: Arc<Mutex<HashSet<(Limit, String, i64)>>>,
    checks: Arc<Semaphore>,
    dummy_hash: Arc<OnceLock<String>>,
}

impl Auth {
    pub fn new(accounts: Accounts, policy: SessionPolicy, limits: ThrottleLimits) -> Auth {
        Auth {
            accounts,
            policy,
            throttle: Arc::new(Throttle::new(limits)),
            locks_logged: Arc::new(Mutex::new(HashSet::new())),
            checks: Arc::new(Semaphore::new(CONCURRENT_CHECKS)),
            dummy_hash: Arc::new(OnceLock::new()),
        }
    }

    /// Computes the dummy hash unknown users are checked against, so that the first such
    /// login takes no longer than the others.
    pub async fn prepare(&self) -> Result<(), AccountError> {
        self.check_password("", None).await.map(|_| ())
    }

    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    pub fn policy(&self) -> SessionPolicy {
        self.policy
    }

    fn now(&self) -> i64 {
        self.accounts.clock().now()
    }

    /// Checks a user name and password from `address` and opens a session.
    ///
    /// An unknown user is checked against a dummy hash, so that the answer takes as long as
    /// for a wrong password and says the same thing. The check is reserved with the
    /// throttle first (see [`crate::throttle`]), so no more passwords are checked than it
    /// allows, however many arrive at once. Every failure is written to the audit log.
    pub async fn login(
        &self,
        user: &str,
        password: &str,
        address: &ClientAddress,
    ) -> Result<Opened, LoginError> {
        let db = self.accounts.db();
        let reservation = match self.throttle.reserve(db, user, address, self.now()).await? {
            Ok(reservation) => reservation,
            Err(refused) => {
                self.log_lock(user, address, &refused).await?;
                return Err(LoginError::Throttled {
                    limit: refused.limit,
                    retry_after: refused.retry_after,
                });
            }
        };
        let credentials = self.accounts.credentials(user).await?;
        let matches = self
            .check_password(password, credentials.as_ref().map(|c| &c.password_hash))
            .await?;
        let account = match credentials {
            Some(c) if matches && !c.account.disabled => c.account,
            credentials => {
                let why = match credentials {
                    None => "unknown user",
                    Some(c) if c.account.disabled => "disabled account",
                    Some(_) => "wrong password",
                };
                tracing::warn!(user, address = address.key(), "failed login");
                self.accounts
                    .audit(AuditEvent::LoginFailed, user, &address.key(), why)
                    .await?;
                return Err(LoginError::BadCredentials);
            }
        };
        self.throttle.succeeded(db, reservation).await?;
        let token = random_hex()?;
        let csrf_token = random_hex()?;
        let now = self.now();
        let (idle_before, absolute_before) = (now - self.policy.idle, now - self.policy.absolute);
        let token_hash = token_hash(&token);
        on_db!(self.accounts.db(), pool => async {
            // Sessions that ended are removed here rather than by a timer.
            sqlx::query("DELETE FROM sessions WHERE last_seen < $1 OR created_at < $2")
                .bind(idle_before)
                .bind(absolute_before)
                .execute(pool)
                .await
                .map_err(store("removing ended sessions"))?;
            sqlx::query(
                "INSERT INTO sessions (token_hash, account, csrf_token, created_at, last_seen) \
                 VALUES ($1, $2, $3, $4, $4)",
            )
            .bind(&token_hash)
            .bind(&account.user)
            .bind(&csrf_token)
            .bind(now)
            .execute(pool)
            .await
            .map_err(store("opening a session"))?;
            Ok::<(), StoreError>(())
        }
        .await)
        .map_err(AccountError::from)?;
        self.accounts
            .audit(AuditEvent::Login, &account.user, &address.key(), "")
            .await?;
        Ok(Opened {
            token,
            session: Session {
                user: account.user,
                role: account.role,
                commission: account.commission,
                csrf_token,
                language: None,
            },
        })
    }

    /// Writes a lock to the audit log the first time an attempt meets it.
    async fn log_lock(
        &self,
        user: &str,
        address: &ClientAddress,
        refused: &Refused,
    ) -> Result<(), AccountError> {
        let first = {
            let mut logged = self
                .locks_logged
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if logged.len() >= LOCKS_REMEMBERED {
                logged.clear();
            }
            logged.insert(refused.window.clone())
        };
        if first {
            tracing::warn!(
                user,
                address = address.key(),
                limit = refused.limit.name(),
                "logins throttled"
            );
            let detail = format!("limit {}", refused.limit.name());
            self.accounts
                .audit(AuditEvent::LoginThrottled, user, &address.key(), &detail)
                .await?;
        }
        Ok(())
    }

    async fn check_password(
        &self,
        password: &str,
        stored: Option<&String>,
    ) -> Result<bool, AccountError> {
        let _slot = self
            .checks
            .acquire()
            .await
            .map_err(|e| AccountError::Hashing(e.to_string()))?;
        // Too long to be anyone's password; refused without the cost of hashing it.
        let too_long = password.len() > MAX_PASSWORD_BYTES;
        let password = password.to_string();
        let stored = stored.cloned();
        let dummy = Arc::clone(&self.dummy_hash);
        tokio::task::spawn_blocking(move || -> Result<bool, AccountError> {
            let dummy = match dummy.get() {
                Some(hash) => hash.clone(),
                None => {
                    let hash = hash_password(&random_hex()?)?;
                    dummy.get_or_init(|| hash).clone()
                }
            };
            let stored = stored.unwrap_or(dummy);
            let checked = if too_long { "" } else { password.as_str() };
            Ok(verify_password(checked, &stored) && !too_long)
        })
        .await
        .map_err(|e| AccountError::Hashing(e.to_string()))?
    }

    /// The session a token belongs to, if it is still active; marks it as used.
    pub async fn session(&self, token: &str) -> Result<Lookup, AccountError> {
        const READ: &str = "SELECT a.name, a.role, a.commission, a.disabled, s.csrf_token, \
                            s.created_at, s.last_seen, l.language FROM sessions s \
                            JOIN accounts a ON a.name = s.account \
                            LEFT JOIN account_languages l ON l.account = a.name \
                            WHERE s.token_hash = $1";
        let hash = token_hash(token);
        let row: Option<SessionRow> = on_db!(self.accounts.db(), pool =>
            sqlx::query_as(READ).bind(&hash).fetch_optional(pool).await)
        .map_err(store("reading a session"))?;
        let Some((name, role, commission, disabled, csrf_token, created_at, last_seen, language)) =
            row
        else {
            return Ok(Lookup::Unknown);
        };
        let account = account_from_row((name, role, commission, disabled))?;
        let now = self.now();
        if account.disabled {
            self.end(token).await?;
            return Ok(Lookup::Unknown);
        }
        if now - last_seen > self.policy.idle || now - created_at > self.policy.absolute {
            self.end(token).await?;
            return Ok(Lookup::Expired);
        }
        if now - last_seen >= TOUCH_EVERY {
            on_db!(self.accounts.db(), pool =>
                sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
                    .bind(now)
                    .bind(&hash)
                    .execute(pool)
                    .await
                    .map(|_| ()))
            .map_err(store("marking a session as used"))?;
        }
        Ok(Lookup::Active(Session {
            user: account.user,
            role: account.role,
            commission: account.commission,
            csrf_token,
            language: language.and_then(|code| code.parse().ok()),
        }))
    }

    /// Changes `user`'s own password from `current` to `new`, in the session of `token`:
    /// the current password is checked as a login checks it (so a stolen open session
    /// cannot take the account over, nor guess it faster than at the login), the new one as
    /// a new account's, and every other
    /// session of the account ends, so whoever else held one is logged out.
    pub async fn change_password(
        &self,
        user: &str,
        token: &str,
        current: &str,
        new: &str,
        address: &ClientAddress,
    ) -> Result<(), AccountError> {
        // Guessing the current password in an open session is held back by the same
        // counters as guessing it at the login.
        let db = self.accounts.db();
        let reservation = match self.throttle.reserve(db, user, address, self.now()).await? {
            Ok(reservation) => reservation,
            Err(refused) => {
                self.log_lock(user, address, &refused).await?;
                return Err(AccountError::TooManyAttempts(refused.retry_after));
            }
        };
        let credentials = self.accounts.credentials(user).await?;
        let matches = self
            .check_password(current, credentials.as_ref().map(|c| &c.password_hash))
            .await?;
        if !matches || credentials.is_none_or(|c| c.account.disabled) {
            self.accounts
                .audit(
                    AuditEvent::PasswordChanged,
                    user,
                    &address.key(),
                    "refused: wrong current password",
                )
                .await?;
            return Err(AccountError::WrongPassword);
        }
        self.throttle.succeeded(db, reservation).await?;
        crate::accounts::check_password(new)?;
        let new = new.to_string();
        let hash = tokio::task::spawn_blocking(move || hash_password(&new))
            .await
            .map_err(|e| AccountError::Hashing(e.to_string()))??;
        self.accounts
            .replace_password(user, &hash, &token_hash(token))
            .await?;
        self.accounts
            .audit(
                AuditEvent::PasswordChanged,
                user,
                &address.key(),
                "other sessions ended",
            )
            .await
    }

    /// Ends the session of `token` (nothing happens if there is none).
    pub async fn end(&self, token: &str) -> Result<(), AccountError> {
        let hash = token_hash(token);
        on_db!(self.accounts.db(), pool =>
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(&hash)
                .execute(pool)
                .await
                .map(|_| ()))
        .map_err(store("ending a session"))?;
        Ok(())
    }
}

/// A session's row with its account: name, role, commission, disabled, CSRF token,
/// created at, last seen.
type SessionRow = (
    String,
    String,
    String,
    i64,
    String,
    i64,
    i64,
    Option<String>,
);

/// 256 random bits from the operating system, as 64 hex digits.
fn random_hex() -> Result<String, AccountError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| StoreError {
        action: "drawing a random token",
        detail: e.to_string(),
    })?;
    Ok(hex::encode(bytes))
}

/// A password for a demonstration account: 16 random hex digits (64 bits), printed once by
/// `tandoo demo` and never a default of a real deployment.
pub fn demo_password() -> Result<String, AccountError> {
    random_hex().map(|hex| hex[..16].to_owned())
}

/// What is stored of a token: its SHA-256, in hex.
fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two strings in time that depends only on their lengths.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let a = random_hex().unwrap();
        let b = random_hex().unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert!(!same_secret("", "a"));
    }
}

//! Staff accounts: a user name, an argon2id password hash, the role and the commission the
//! user acts for, and whether the account is disabled.
//!
//! Accounts live in the record's database (the SQLite file, or the PostgreSQL database every
//! server on the record shares), in their own tables next to the record:
//! they are never acts, so they are not hash-chained, not exported and never published
//! (a password hash must not be). The tables are created with `CREATE TABLE IF NOT EXISTS`
//! the first time accounts are opened on a record.

use std::ffi::OsStr;
use std::sync::Arc;
use std::sync::atomic::AtomicI64;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::Serialize;
use tandoo_core::Role;
use tandoo_core::ids::CommissionId;
use tandoo_present::Language;
use tandoo_record::{AnyRecord, OpenMode};

use crate::audit_event::AuditEvent;
use crate::clock::Clock;
use crate::store::{Db, StoreError, on_db, store};

/// The shortest password an account may have, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted, in bytes: hashing is costly, and nobody types more.
pub const MAX_PASSWORD_BYTES: usize = 1024;
pub const MAX_USER_CHARS: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    Record(#[from] tandoo_record::RecordError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("there is already an account {0}")]
    Exists(String),
    #[error("there is no account {0}")]
    Unknown(String),
    #[error(
        "{0:?} cannot be a user name: use 1 to 64 characters without spaces or control characters"
    )]
    BadName(String),
    #[error(
        "{0:?} is not a role; the roles are administrator, secretary, operator, supervisor and observer"
    )]
    BadRole(String),
    #[error("{0:?} is not a commission id")]
    BadCommission(String),
    #[error("the password has {0} characters; it needs at least {MIN_PASSWORD_CHARS}")]
    PasswordTooShort(usize),
    #[error("the password is longer than {MAX_PASSWORD_BYTES} bytes")]
    PasswordTooLong,
    #[error("hashing the password failed: {0}")]
    Hashing(String),
    #[error("the current password is wrong")]
    WrongPassword,
    #[error("too many wrong passwords; try again in {0} seconds")]
    TooManyAttempts(i64),
    /// An administrator who disabled or demoted their own account could lock the
    /// commission out of its accounts; another administrator, or `tandoo user` on the
    /// server's machine, does it.
    #[error("{0} cannot disable or change the role of their own account")]
    OwnAccount(String),
}

impl AccountError {
    pub fn code(&self) -> &'static str {
        match self {
            AccountError::Record(e) => e.code(),
            AccountError::Store(_) => "ACCOUNT_STORE",
            AccountError::Exists(_) => "ACCOUNT_EXISTS",
            AccountError::Unknown(_) => "UNKNOWN_ACCOUNT",
            AccountError::BadName(_) => "BAD_USER_NAME",
            AccountError::BadRole(_) => "BAD_ROLE",
            AccountError::BadCommission(_) => "BAD_COMMISSION",
            AccountError::PasswordTooShort(_) => "PASSWORD_TOO_SHORT",
            AccountError::PasswordTooLong => "PASSWORD_TOO_LONG",
            AccountError::Hashing(_) => "HASHING_FAILED",
            AccountError::WrongPassword => "WRONG_PASSWORD",
            AccountError::TooManyAttempts(_) => "TOO_MANY_ATTEMPTS",
            AccountError::OwnAccount(_) => "OWN_ACCOUNT",
        }
    }

    /// Whether the error is in what the caller asked (as opposed to the store failing).
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            AccountError::Record(_) | AccountError::Store(_) | AccountError::Hashing(_)
        )
    }
}

/// An account as shown to people: never with its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub user: String,
    pub role: Role,
    pub commission: CommissionId,
    pub disabled: bool,
}

/// An account with its password hash, for checking a password.
#[derive(Debug, Clone)]
pub(crate) struct Credentials {
    pub account: Account,
    pub password_hash: String,
}

/// An account's row: name, role, commission, disabled (0 or 1).
pub(crate) type AccountRow = (String, String, String, i64);

/// The accounts (and sessions) tables of one record's database.
#[derive(Clone)]
pub struct Accounts {
    db: Db,
    clock: Arc<dyn Clock>,
    /// When old audit entries were last removed (seconds since 1970).
    audit_pruned: Arc<AtomicI64>,
}

/// The address written in the audit log for what is done on the server's machine
/// (`tandoo user`), not through the API.
pub const LOCAL: &str = "local";

/// Who changes an account, as the audit log keeps it: an administrator's name and the
/// address they sent the form from, or [`By::LOCAL`] for `tandoo user` on the server's
/// machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct By<'a> {
    /// Empty for the server's machine, which has no account.
    pub user: &'a str,
    pub address: &'a str,
}

impl By<'_> {
    pub const LOCAL: By<'static> = By {
        user: "",
        address: LOCAL,
    };

    /// Refuses an administrator's change to their own account's standing.
    fn may_change(&self, user: &str) -> Result<(), AccountError> {
        if !self.user.is_empty() && self.user == user {
            return Err(AccountError::OwnAccount(user.to_string()));
        }
        Ok(())
    }

    /// The detail of an entry, with the administrator's name after it when there is one.
    fn detail(&self, what: &str) -> String {
        if self.user.is_empty() {
            what.to_string()
        } else {
            format!("{what}; by {}", self.user)
        }
    }
}

impl Accounts {
    /// Opens the accounts of the record at `location`: a SQLite file path or a PostgreSQL
    /// address, as for [`AnyRecord::open`]. The location must hold a record (it is opened
    /// as one first, and with [`OpenMode::CreateIfMissing`] created), so accounts never land
    /// in some other database.
    pub async fn open(
        location: impl AsRef<OsStr>,
        mode: OpenMode,
        clock: Arc<dyn Clock>,
    ) -> Result<Accounts, AccountError> {
        let location = location.as_ref();
        AnyRecord::open(location, mode).await?.close().await;
        Accounts::open_beside_record(location, clock).await
    }

    /// Opens the accounts of a record that is already open in this process.
    pub async fn open_beside_record(
        location: impl AsRef<OsStr>,
        clock: Arc<dyn Clock>,
    ) -> Result<Accounts, AccountError> {
        let db = Db::open(location.as_ref()).await?;
        Ok(Accounts {
            db,
            clock,
            audit_pruned: Arc::new(AtomicI64::new(0)),
        })
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    pub(crate) fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub(crate) fn audit_pruned(&self) -> &AtomicI64 {
        &self.audit_pruned
    }

    /// Adds an account on the server's machine (`tandoo user add`).
    pub async fn add(
        &self,
        user: &str,
        role: &str,
        commission: &str,
        password: &str,
    ) -> Result<Account, AccountError> {
        self.add_by(user, role, commission, password, By::LOCAL)
            .await
    }

    /// Adds an account. The password is checked for length and hashed with argon2id.
    pub async fn add_by(
        &self,
        user: &str,
        role: &str,
        commission: &str,
        password: &str,
        by: By<'_>,
    ) -> Result<Account, AccountError> {
        let (role, commission) = check_account(user, role, commission)?;
        check_password(password)?;
        let password = password.to_string();
        let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| AccountError::Hashing(e.to_string()))??;
        let now = self.clock.now();
        let inserted = on_db!(&self.db, pool => sqlx::query(
            "INSERT INTO accounts (name, password_hash, role, commission, disabled, created_at) \
             VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (name) DO NOTHING",
        )
        .bind(user)
        .bind(&password_hash)
        .bind(role_name(role))
        .bind(commission.to_string())
        .bind(now)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
        .map_err(store("adding an account"))?;
        if inserted == 0 {
            return Err(AccountError::Exists(user.to_string()));
        }
        let detail = by.detail(&format!("{} of {commission}", role_name(role)));
        self.audit(AuditEvent::AccountAdded, user, by.address, &detail)
            .await?;
        Ok(Account {
            user: user.to_string(),
            role,
            commission,
            disabled: false,
        })
    }

    /// Every account, by user name.
    pub async fn list(&self) -> Result<Vec<Account>, AccountError> {
        const LIST: &str = "SELECT name, role, commission, disabled FROM accounts ORDER BY name";
        let rows: Vec<AccountRow> =
            on_db!(&self.db, pool => sqlx::query_as(LIST).fetch_all(pool).await)
                .map_err(store("listing accounts"))?;
        rows.into_iter().map(account_from_row).collect()
    }

    /// Disables an account on the server's machine (`tandoo user disable`).
    pub async fn disable(&self, user: &str) -> Result<(), AccountError> {
        self.disable_by(user, By::LOCAL).await
    }

    /// Disables an account and ends its sessions at once.
    pub async fn disable_by(&self, user: &str, by: By<'_>) -> Result<(), AccountError> {
        by.may_change(user)?;
        let changed = on_db!(&self.db, pool => async {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query("UPDATE accounts SET disabled = 1 WHERE name = $1")
                .bind(user)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if changed == 0 {
                return Ok(0);
            }
            sqlx::query("DELETE FROM sessions WHERE account = $1")
                .bind(user)
                .execute(&mut *tx)
                .await?;
            tx.commit().await.map(|()| changed)
        }
        .await)
        .map_err(store("disabling an account"))?;
        if changed == 0 {
            return Err(AccountError::Unknown(user.to_string()));
        }
        let detail = by.detail("sessions ended");
        self.audit(AuditEvent::AccountDisabled, user, by.address, &detail)
            .await
    }

    /// Gives an account another role and commission. Its sessions stay open: a session
    /// reads the role and commission from the account on every request, so the change
    /// holds from the account's next request on.
    pub async fn set_role(
        &self,
        user: &str,
        role: &str,
        commission: &str,
        by: By<'_>,
    ) -> Result<Account, AccountError> {
        let (role, commission) = check_account(user, role, commission)?;
        by.may_change(user)?;
        let Some(before) = self.credentials(user).await?.map(|c| c.account) else {
            return Err(AccountError::Unknown(user.to_string()));
        };
        let changed = on_db!(&self.db, pool => sqlx::query(
            "UPDATE accounts SET role = $1, commission = $2 WHERE name = $3")
            .bind(role_name(role))
            .bind(commission.to_string())
            .bind(user)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(store("changing an account's role"))?;
        if changed == 0 {
            return Err(AccountError::Unknown(user.to_string()));
        }
        let detail = by.detail(&format!(
            "{} of {} to {} of {commission}",
            role_name(before.role),
            before.commission,
            role_name(role)
        ));
        self.audit(AuditEvent::AccountRoleChanged, user, by.address, &detail)
            .await?;
        Ok(Account {
            user: user.to_string(),
            role,
            commission,
            disabled: before.disabled,
        })
    }

    /// Replaces an account's password hash and ends every session of the account but the
    /// one whose token hashes to `keep` (the session the change was made in).
    pub(crate) async fn replace_password(
        &self,
        user: &str,
        password_hash: &str,
        keep: &str,
    ) -> Result<(), AccountError> {
        let changed = on_db!(&self.db, pool => async {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query("UPDATE accounts SET password_hash = $1 WHERE name = $2")
                .bind(password_hash)
                .bind(user)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            sqlx::query("DELETE FROM sessions WHERE account = $1 AND token_hash <> $2")
                .bind(user)
                .bind(keep)
                .execute(&mut *tx)
                .await?;
            tx.commit().await.map(|()| changed)
        }
        .await)
        .map_err(store("changing a password"))?;
        if changed == 0 {
            return Err(AccountError::Unknown(user.to_string()));
        }
        Ok(())
    }

    pub(crate) async fn credentials(
        &self,
        user: &str,
    ) -> Result<Option<Credentials>, AccountError> {
        const READ: &str = "SELECT name, role, commission, disabled, password_hash \
                            FROM accounts WHERE name = $1";
        let row: Option<(String, String, String, i64, String)> = on_db!(&self.db, pool =>
            sqlx::query_as(READ).bind(user).fetch_optional(pool).await)
        .map_err(store("reading an account"))?;
        row.map(|(name, role, commission, disabled, password_hash)| {
            Ok(Credentials {
                account: account_from_row((name, role, commission, disabled))?,
                password_hash,
            })
        })
        .transpose()
    }

    /// The language the account chose for its screens, if it chose one.
    pub async fn language(&self, user: &str) -> Result<Option<Language>, AccountError> {
        const READ: &str = "SELECT language FROM account_languages WHERE account = $1";
        let code: Option<(String,)> = on_db!(&self.db, pool =>
            sqlx::query_as(READ).bind(user).fetch_optional(pool).await)
        .map_err(store("reading an account's language"))?;
        Ok(code.and_then(|(code,)| code.parse().ok()))
    }

    /// Keeps `language` as the account's language.
    pub async fn set_language(&self, user: &str, language: Language) -> Result<(), AccountError> {
        const WRITE: &str = "INSERT INTO account_languages (account, language) VALUES ($1, $2) \
                             ON CONFLICT (account) DO UPDATE SET language = excluded.language";
        on_db!(&self.db, pool =>
            sqlx::query(WRITE).bind(user).bind(language.code()).execute(pool).await.map(|_| ()))
        .map_err(store("keeping an account's language"))?;
        Ok(())
    }

    /// Closes the connections, waiting for them to finish.
    pub async fn close(&self) {
        self.db.close().await;
    }
}

pub(crate) fn account_from_row(
    (user, role, commission, disabled): AccountRow,
) -> Result<Account, AccountError> {
    Ok(Account {
        user,
        role: parse_role(&role)?,
        commission: CommissionId::new(&commission),
        disabled: disabled != 0,
    })
}

/// Checks the fields of a new account other than its password: the user name, the role
/// and the commission.
pub fn check_account(
    user: &str,
    role: &str,
    commission: &str,
) -> Result<(Role, CommissionId), AccountError> {
    check_name(user)?;
    Ok((parse_role(role)?, parse_commission(commission)?))
}

fn check_name(user: &str) -> Result<(), AccountError> {
    let chars = user.chars().count();
    let fine = (1..=MAX_USER_CHARS).contains(&chars)
        && !user.chars().any(|c| c.is_whitespace() || c.is_control());
    if fine {
        Ok(())
    } else {
        Err(AccountError::BadName(user.to_string()))
    }
}

pub(crate) fn parse_role(role: &str) -> Result<Role, AccountError> {
    serde_json::from_value(serde_json::Value::String(role.to_string()))
        .map_err(|_| AccountError::BadRole(role.to_string()))
}

pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Administrator => "administrator",
        Role::Secretary => "secretary",
        Role::Operator => "operator",
        Role::Supervisor => "supervisor",
        Role::Observer => "observer",
    }
}

fn parse_commission(commission: &str) -> Result<CommissionId, AccountError> {
    let fine = !commission.is_empty()
        && commission.len() <= MAX_USER_CHARS
        && !commission
            .chars()
            .any(|c| c.is_whitespace() || c.is_control());
    if fine {
        Ok(CommissionId::new(commission))
    } else {
        Err(AccountError::BadCommission(commission.to_string()))
    }
}

/// Checks a new password: at least [`MIN_PASSWORD_CHARS`] characters, at most
/// [`MAX_PASSWORD_BYTES`] bytes.
pub fn check_password(password: &str) -> Result<(), AccountError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AccountError::PasswordTooShort(chars));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(AccountError::PasswordTooLong);
    }
    Ok(())
}

/// An argon2id hash (the crate's default parameters) in the PHC string format, with a
/// fresh random salt. Takes tens of milliseconds by design: call it off the async threads.
pub(crate) fn hash_password(password: &str) -> Result<String, AccountError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AccountError::Hashing(e.to_string()))
}

/// Whether `password` matches `stored` (a PHC string). A stored value that cannot be
/// parsed matches nothing.
pub(crate) fn verify_password(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash_password("correct horse battery").unwrap();
        let b = hash_password("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify_password("correct horse battery", &a));
        assert!(!verify_password("correct horse batterz", &a));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn names_roles_and_passwords_are_checked() {
        assert!(check_name("cec.secretary").is_ok());
        assert!(check_name("Айгүл").is_ok());
        assert!(check_name("").is_err());
        assert!(check_name("two words").is_err());
        assert_eq!(parse_role("operator").unwrap(), Role::Operator);
        assert!(parse_role("king").is_err());
        for role in [
            Role::Administrator,
            Role::Secretary,
            Role::Operator,
            Role::Supervisor,
            Role::Observer,
        ] {
            assert_eq!(parse_role(role_name(role)).unwrap(), role);
        }
        assert_eq!(
            check_password("short").unwrap_err().code(),
            "PASSWORD_TOO_SHORT"
        );
        assert!(check_password("twelve chars").is_ok());
        assert!(
            check_password("ёёёёёёёёёёёё").is_ok(),
            "characters, not bytes"
        );
    }
}

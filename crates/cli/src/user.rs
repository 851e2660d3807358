//! `tandoo user`: the staff accounts that log in to the server. They are kept in the
//! record's database (its SQLite file, or the PostgreSQL database every server on the
//! record shares), beside the record and never in it: the record is published, password
//! hashes must not be.

use crate::{CliError, Outcome};
use clap::Subcommand;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tandoo_record::{AnyRecord, OpenMode};
use tandoo_server::accounts::MIN_PASSWORD_CHARS;
use tandoo_server::{AccountError, Accounts, SystemClock};

/// The environment variable a password may be given in instead of standard input.
pub const PASSWORD_VAR: &str = "TANDOO_PASSWORD";

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add an account (password from TANDOO_PASSWORD or standard input).
    ///
    /// The password is read from the TANDOO_PASSWORD environment variable, or else from the
    /// first line of standard input; it needs at least 12 characters.
    Add {
        /// The record: a SQLite file (created if missing) or a PostgreSQL address
        /// postgres://user@host/database (its tables created if missing).
        #[arg(long)]
        db: PathBuf,
        /// The user name, as it appears in the record as the actor of every act.
        #[arg(long)]
        user: String,
        /// administrator, secretary, operator, supervisor or observer.
        #[arg(long)]
        role: String,
        /// The commission the user acts for, e.g. CEC or DEC-13.
        #[arg(long)]
        commission: String,
    },
    /// List the accounts (never their passwords).
    List {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
    },
    /// Give an account another role or commission.
    ///
    /// The change holds from the account's next request.
    Role {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
        /// The user name of the account.
        #[arg(long)]
        user: String,
        /// administrator, secretary, operator, supervisor or observer.
        #[arg(long)]
        role: String,
        /// The commission the user acts for from now on, e.g. CEC or DEC-13.
        #[arg(long)]
        commission: String,
    },
    /// Disable an account: no more logins, and its sessions end at once.
    Disable {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
        /// The user name of the account to disable.
        #[arg(long)]
        user: String,
    },
}

pub async fn run(command: UserCommand) -> Result<Outcome, CliError> {
    match command {
        UserCommand::Add {
            db,
            user,
            role,
            commission,
        } => {
            // Say what is wrong with the account before asking for a password.
            tandoo_server::accounts::check_account(&user, &role, &commission)
                .map_err(account_error)?;
            // Accounts are kept beside a record, never in a new file of their own: a
            // misspelt path is an error, not a second record.
            AnyRecord::open(&db, OpenMode::MustExist)
                .await?
                .close()
                .await;
            let password = read_password()?;
            let accounts = open(&db, OpenMode::CreateIfMissing).await?;
            let account = accounts
                .add(&user, &role, &commission, &password)
                .await
                .map_err(account_error)?;
            accounts.close().await;
            println!(
                "Added {} ({} of {}).",
                account.user,
                tandoo_server::accounts::role_name(account.role),
                account.commission
            );
        }
        UserCommand::List { db } => {
            let accounts = open(&db, OpenMode::MustExist).await?;
            let list = accounts.list().await.map_err(account_error)?;
            accounts.close().await;
            if list.is_empty() {
                println!("No accounts.");
            }
            for account in list {
                println!(
                    "{}\t{}\t{}{}",
                    account.user,
                    tandoo_server::accounts::role_name(account.role),
                    account.commission,
                    if account.disabled { "\tdisabled" } else { "" }
                );
            }
        }
        UserCommand::Role {
            db,
            user,
            role,
            commission,
        } => {
            let accounts = open(&db, OpenMode::MustExist).await?;
            let changed = accounts
                .set_role(&user, &role, &commission, tandoo_server::By::LOCAL)
                .await
                .map_err(account_error);
            accounts.close().await;
            let account = changed?;
            println!(
                "{} is now {} of {}.",
                account.user,
                tandoo_server::accounts::role_name(account.role),
                account.commission
            );
        }
        UserCommand::Disable { db, user } => {
            let accounts = open(&db, OpenMode::MustExist).await?;
            accounts.disable(&user).await.map_err(account_error)?;
            accounts.close().await;
            println!("Disabled {user}; its sessions have ended.");
        }
    }
    Ok(Outcome::Done)
}

async fn open(db: &Path, mode: OpenMode) -> Result<Accounts, CliError> {
    Accounts::open(db, mode, Arc::new(SystemClock))
        .await
        .map_err(account_error)
}

pub fn account_error(error: AccountError) -> CliError {
    if error.is_input() {
        CliError::input(error.code(), error.to_string())
    } else {
        CliError::runtime(error.code(), error.to_string())
    }
}

/// The password from the environment, or the first line of standard input.
pub fn read_password() -> Result<String, CliError> {
    if let Ok(password) = std::env::var(PASSWORD_VAR) {
        return Ok(password);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (at least {MIN_PASSWORD_CHARS} characters; it is shown as you type): ");
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::input("NO_PASSWORD", format!("cannot read the password: {e}")))?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    if password.is_empty() {
        return Err(CliError::input(
            "NO_PASSWORD",
            format!("give the password in {PASSWORD_VAR} or on the first line of standard input"),
        ));
    }
    Ok(password)
}

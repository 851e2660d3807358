//! `tandoo`: the command line of the election record.

#![forbid(unsafe_code)]

mod allocate;
mod apply;
mod backup;
mod copy;
mod demo;
mod export;
mod import;
mod render;
mod serve;
mod source;
mod status;
mod user;
mod verify;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// tandoo keeps an election commission's record of acts — elections called, candidates
/// registered, protocols accepted, resolutions voted — and computes every result from it.
#[derive(Parser)]
#[command(name = "tandoo", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// Build the constituency-13 story (30 constituencies, E1, resolution 161, its review)
    /// into a fresh record, printing what changed at each step.
    Demo {
        /// The record file to write (replaced if it is the default demo file).
        #[arg(long, default_value = "tandoo-demo.sqlite")]
        db: PathBuf,
        /// Write the record and exit instead of serving it.
        #[arg(long)]
        no_serve: bool,
        /// Replace the file if it exists.
        #[arg(long)]
        replace: bool,
        /// Also create an account "demo" (secretary of the CEC), to log in to the served
        /// demo, with the password from TANDOO_PASSWORD or the first line of standard input
        /// (never on the command line, where other users of the machine could read it).
        #[arg(long)]
        demo_account: bool,
    },
    /// Apply commands written as JSON, one per line (see docs/commands.md): all lines or
    /// none; the first refusal is reported with its line number and reason.
    Apply {
        /// The record: a file path or postgres://user@host/database. It must exist unless
        /// --create is given.
        #[arg(long)]
        db: PathBuf,
        /// Start a new, empty record at --db if there is none.
        #[arg(long)]
        create: bool,
        /// The JSON Lines file of commands ("-" for standard input).
        file: PathBuf,
    },
    /// Show candidates with votes, status and seats; a constituency's status and the
    /// resolutions behind it; the national count of deputies by gender.
    Status {
        #[command(flatten)]
        source: source::SourceArgs,
        /// The state at the end of this legal date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// One constituency in detail.
        #[arg(long)]
        constituency: Option<u16>,
        /// The election (a regular or early one; its repeat elections are included).
        #[arg(long)]
        election: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Re-read the record, check every hash and link, and replay every act; name the
    /// first act that does not match.
    Verify {
        #[command(flatten)]
        source: source::SourceArgs,
        /// Also require the record to end at this published head hash.
        #[arg(long)]
        head: Option<String>,
    },
    /// Write the record as JSON Lines: every entry with its hashes, enough to verify and
    /// recompute every result without the database.
    Export {
        #[arg(long)]
        db: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Load preliminary figures from automatic ballot-counting boxes (CSV with the header
    /// station,constituency,line,value); the whole file or nothing.
    Import {
        #[arg(long)]
        db: PathBuf,
        /// The CSV file of preliminary figures.
        #[arg(long)]
        preliminary: PathBuf,
        /// The election (default: the first regular or early one).
        #[arg(long)]
        election: Option<String>,
        /// Who loads the figures.
        #[arg(long, default_value = "import")]
        user: String,
        /// The commission they load them for.
        #[arg(long, default_value = "CEC")]
        commission: String,
        /// The legal date (default: the voting day).
        #[arg(long)]
        date: Option<String>,
    },
    /// Serve the HTTP JSON API on a record (see docs/api.md) until Ctrl-C or SIGTERM.
    Serve {
        /// The record: a SQLite file (one server at a time) or a PostgreSQL address
        /// postgres://user@host/database, which several servers may serve at once. It must
        /// exist (tandoo apply --create, tandoo restore or tandoo copy make one).
        #[arg(long)]
        db: PathBuf,
        /// The address and port to listen on.
        #[arg(long, default_value = serve::DEFAULT_LISTEN)]
        listen: String,
        /// Mark the session cookie Secure: set it whenever users reach the server over HTTPS.
        #[arg(long)]
        secure_cookies: bool,
    },
    /// Add, list or disable the staff accounts that log in to the server.
    User {
        #[command(subcommand)]
        command: user::UserCommand,
    },
    /// Copy a record between stores (a SQLite file, a PostgreSQL database) exactly as it
    /// is, into an empty destination, then verify the copy.
    Copy {
        /// The record to copy: a file path or postgres://user@host/database.
        #[arg(long)]
        from: std::ffi::OsString,
        /// Where to copy it (created if missing, refused if it holds acts).
        #[arg(long)]
        to: std::ffi::OsString,
    },
    /// Write a verified copy of a record into a new SQLite file.
    Backup {
        /// The record: a file path or postgres://user@host/database.
        #[arg(long)]
        db: std::ffi::OsString,
        /// The backup file to create.
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify a backup, then copy it into an empty record.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
        /// Where to restore it: a file path or postgres://user@host/database.
        #[arg(long)]
        to: std::ffi::OsString,
    },
    /// Allocate seats: one JSON object (or an array of them) on standard input, one JSON
    /// result per input on standard output (see docs/allocate.md).
    Allocate,
}

/// How a command ended, mapped to the process exit code.
pub enum Outcome {
    Done,
    /// The record or its data failed a check (verify).
    Failed,
    /// The input was refused.
    Refused,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Commands::Demo {
                db,
                no_serve,
                replace,
                demo_account,
            } => demo::run(&db, no_serve, replace, demo_account).await,
            Commands::Apply { db, file, create } => apply::run(&db, &file, create).await,
            Commands::Status {
                source,
                as_of,
                constituency,
                election,
                json,
            } => {
                status::run(
                    &source,
                    as_of.as_deref(),
                    constituency,
                    election.as_deref(),
                    json,
                )
                .await
            }
            Commands::Verify { source, head } => verify::run(&source, head.as_deref()).await,
            Commands::Export { db, out } => export::run(&db, out.as_deref()).await,
            Commands::Import {
                db,
                preliminary,
                election,
                user,
                commission,
                date,
            } => {
                import::run(import::ImportArgs {
                    db: &db,
                    file: &preliminary,
                    election: election.as_deref(),
                    user: &user,
                    commission: &commission,
                    date: date.as_deref(),
                })
                .await
            }
            Commands::Serve {
                db,
                listen,
                secure_cookies,
            } => serve::run(&db, &listen, secure_cookies).await,
            Commands::User { command } => user::run(command).await,
            Commands::Copy { from, to } => copy::run(&from, &to).await,
            Commands::Backup { db, out } => backup::backup(&db, &out).await,
            Commands::Restore { from, to } => backup::restore(&from, &to).await,
            Commands::Allocate => allocate::run(),
        }
    });
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Ok(Outcome::Refused) => ExitCode::from(2),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}

/// An error that ends a command, with a stable code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{code}: {message}")]
    Input { code: &'static str, message: String },
    #[error("{code}: {message}")]
    Runtime { code: &'static str, message: String },
}

impl CliError {
    pub fn input(code: &'static str, message: impl Into<String>) -> Self {
        CliError::Input {
            code,
            message: message.into(),
        }
    }

    pub fn runtime(code: &'static str, message: impl Into<String>) -> Self {
        CliError::Runtime {
            code,
            message: message.into(),
        }
    }

    fn exit_code(&self) -> u8 {
        match self {
            CliError::Input { .. } => 2,
            CliError::Runtime { .. } => 1,
        }
    }
}

impl From<tandoo_record::RecordError> for CliError {
    fn from(error: tandoo_record::RecordError) -> Self {
        CliError::runtime(error.code(), error.to_string())
    }
}

impl From<tandoo_ledger::LedgerError> for CliError {
    fn from(error: tandoo_ledger::LedgerError) -> Self {
        match &error {
            tandoo_ledger::LedgerError::Refused { .. } => {
                CliError::input(error.code(), error.to_string())
            }
            _ => CliError::runtime(error.code(), error.to_string()),
        }
    }
}

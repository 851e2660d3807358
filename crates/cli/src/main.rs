//! `tandoo`: the command line of the election record.

#![forbid(unsafe_code)]

mod allocate;
mod apply;
mod audit;
mod backup;
mod copy;
mod demo;
mod export;
mod import;
mod list;
mod log;
mod log_source;
mod print;
mod prove;
mod render;
mod report;
mod serve;
mod site;
mod source;
mod status;
mod user;
mod verify;
mod witness;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// tandoo keeps an election commission's record of acts and computes every result from it.
///
/// The record holds the acts — elections called, candidates registered, protocols
/// accepted, resolutions voted — hash-chained; `tandoo COMMAND --help` describes each
/// command, docs/commands.md the commands a record takes.
#[derive(Parser)]
#[command(name = "tandoo", version)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// Build the constituency-13 story into a new record and serve it.
    ///
    /// The story: 30 constituencies, election E1, resolution 161 and its review. Each step
    /// prints what it changed; then the record is served (as `tandoo serve`) until Ctrl-C,
    /// unless --no-serve is given.
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
        /// Write only the story's first N steps (1 is the set-up: stations and candidates,
        /// no protocol entered), for practising entry or a meeting in the workplace.
        #[arg(long, value_name = "N")]
        steps: Option<usize>,
    },
    /// Apply a file of commands (JSON Lines): all lines or none.
    ///
    /// The format is in docs/commands.md. Each recorded command is reported in words, one
    /// line each; the first refusal is reported with its line number and reason, and then
    /// nothing of the file is recorded.
    Apply {
        /// The record: a SQLite file or a PostgreSQL address. It must exist unless
        /// --create is given.
        #[arg(long)]
        db: PathBuf,
        /// Start a new, empty record at --db if there is none.
        #[arg(long)]
        create: bool,
        /// The JSON Lines file of commands ("-" for standard input).
        file: PathBuf,
    },
    /// The results: a constituency in detail, or the national count.
    ///
    /// For a constituency: candidates with votes, status and seats, its status and the
    /// resolutions behind it. Nationally: the seats by gender and the national check.
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
        /// The language of the text: ky, ru or en (default: from LANG, else en).
        #[arg(long)]
        lang: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List elections, stations, commissions, candidates… by id.
    ///
    /// What the record holds, with the ids commands take: elections, constituencies,
    /// stations, commissions with their members, candidates, resolutions, complaints.
    List {
        /// What to list.
        #[arg(value_enum)]
        kind: ListKindArg,
        #[command(flatten)]
        source: source::SourceArgs,
        /// Only what concerns this election (with its repeat elections).
        #[arg(long)]
        election: Option<String>,
        /// Only what concerns this constituency.
        #[arg(long)]
        constituency: Option<u16>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check every hash and link of a record and replay every act.
    ///
    /// Names the first act that does not match.
    Verify {
        #[command(flatten)]
        source: source::SourceArgs,
        /// Also require the record to end at this published head hash.
        #[arg(long)]
        head: Option<String>,
    },
    /// Write the record as JSON Lines, or the results as NIST or CSV.
    ///
    /// The record: every entry with its hashes, enough to verify and recompute every result
    /// without the database. --format nist: the NIST SP 1500-100 v2 election results report
    /// (JSON); --format csv: stations.csv and candidates.csv into the --out directory; both
    /// as the portal publishes them under /data/ (docs/open-data.md).
    Export {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
        /// What to write.
        #[arg(long, value_enum, default_value = "record")]
        format: export::Format,
        /// The results as of the end of this legal date (YYYY-MM-DD); nist and csv only.
        #[arg(long)]
        as_of: Option<String>,
        /// Write to this file (a directory for csv) instead of standard output.
        #[arg(long, required_if_eq("format", "csv"))]
        out: Option<PathBuf>,
        /// Write what anyone may read: entries of protocol rounds still open are withheld
        /// (figures and actor left out, hashes kept), as GET /api/record serves them.
        #[arg(long)]
        public: bool,
    },
    /// Load ballot-counting box figures (CSV) as preliminary figures.
    ///
    /// The CSV has the header station,constituency,line,value; the whole file is loaded
    /// or nothing.
    Import {
        /// The record: a SQLite file or a PostgreSQL address.
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
    /// Serve the HTTP JSON API on a record until Ctrl-C or SIGTERM.
    ///
    /// The API is described in docs/api.md.
    Serve {
        /// The record: a SQLite file (one server at a time) or a PostgreSQL address
        /// postgres://user@host/database, which several servers may serve at once. It must
        /// exist (tandoo apply --create, tandoo restore or tandoo copy make one).
        #[arg(long)]
        db: PathBuf,
        /// The address and port to listen on.
        #[arg(long, default_value = serve::DEFAULT_LISTEN)]
        listen: String,
        /// Mark the session cookie Secure even on a loopback address (it is by default on
        /// any other address, and behind a trusted proxy).
        #[arg(long)]
        secure_cookies: bool,
        /// Do not mark the session cookie Secure: only for a test over plain HTTP.
        #[arg(long, conflicts_with = "secure_cookies")]
        insecure_cookies: bool,
        /// The address of the reverse proxy in front of the server: from it alone, the
        /// client's address is taken from X-Forwarded-For.
        #[arg(long)]
        trusted_proxy: Option<std::net::IpAddr>,
        /// The commission's key (tandoo key init): serve the transparency log under /log/,
        /// signing a checkpoint whenever the record has grown. Without it, no /log/ address.
        #[arg(long, requires = "checkpoints")]
        key: Option<PathBuf>,
        /// The directory where every signed checkpoint is kept, as <size>; it must outlive
        /// the server, since a restarted server checks the record against the latest one.
        #[arg(long, requires = "key")]
        checkpoints: Option<PathBuf>,
        /// Seconds between looks at the record for new acts to sign.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10))]
        checkpoint_every: u64,
        /// Serve only what anyone may read: the portal, its open data, the log and the
        /// public API; no address where staff log in or act. For a server facing the public
        /// beside one the staff use (several servers share a PostgreSQL record).
        #[arg(long)]
        public_only: bool,
    },
    /// Show the audit log: logins, failures, logouts, account changes.
    Audit {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: std::ffi::OsString,
        /// Only entries from this day on (YYYY-MM-DD, UTC).
        #[arg(long)]
        since: Option<String>,
        /// Only entries about this user name.
        #[arg(long)]
        user: Option<String>,
    },
    /// Add, list or disable the staff accounts of the server.
    User {
        #[command(subcommand)]
        command: user::UserCommand,
    },
    /// Copy a record between stores as it is, then verify the copy.
    ///
    /// A store is a SQLite file or a PostgreSQL database; the destination must be empty.
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
    /// Make or show the key that signs the log's checkpoints.
    Key {
        #[command(subcommand)]
        command: log::KeyCommand,
    },
    /// Publish the results portal as static files, and the signed log.
    ///
    /// Every page (in Kyrgyz, Russian and English), JSON and CSV file of the portal at the
    /// path `tandoo serve` answers it at: the present state at the top of DIR, the state as
    /// of each date on which the record changed under DIR/as-of/YYYY-MM-DD/ (see
    /// docs/portal.md). With --key, also DIR/log/checkpoint, DIR/log/tile/… and every
    /// checkpoint signed so far as DIR/log/checkpoints/SIZE, in the C2SP tlog-tiles layout
    /// (see docs/log.md).
    Publish {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
        /// The key file made by `tandoo key init`: publish the log too, signed with it.
        #[arg(long)]
        key: Option<PathBuf>,
        /// The directory to publish into.
        #[arg(long)]
        out: PathBuf,
        /// Publish only the state as of this legal date (YYYY-MM-DD), under
        /// DIR/as-of/DATE/.
        #[arg(long, conflicts_with = "log_only")]
        as_of: Option<String>,
        /// Publish the log alone, not the portal: for a record that is not an election's,
        /// or to sign a new checkpoint without writing the pages again.
        #[arg(long, requires = "key")]
        log_only: bool,
    },
    /// Write an offline proof of a station's accepted protocol.
    ///
    /// The acts, their inclusion proofs and the published signed checkpoint: `tandoo
    /// check-proof` checks it with the log's public key alone. Without --station, a proof
    /// of every station with an accepted protocol, into the directory --out.
    Prove {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
        /// The directory `tandoo publish` wrote; the proof leads to its checkpoint.
        #[arg(long)]
        log: PathBuf,
        /// The polling station's number.
        #[arg(long)]
        station: Option<u32>,
        /// Its constituency, where station numbers repeat across constituencies.
        #[arg(long, requires = "station")]
        constituency: Option<u16>,
        /// The proof file to write (with --station), else the directory of proofs.
        #[arg(long)]
        out: PathBuf,
    },
    /// Check offline proofs with the log's public key alone.
    CheckProof {
        /// The proof files written by `tandoo prove`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The log's public key (as `tandoo key show` prints it), or a file holding it.
        #[arg(long)]
        key: String,
    },
    /// Check that one checkpoint's log is a prefix of a later one's.
    ///
    /// Both must be signed by the key; the consistency proof is made from a published log
    /// (--log) or from the record (--db).
    CheckLog {
        /// The older signed checkpoint.
        #[arg(long)]
        from: PathBuf,
        /// The newer signed checkpoint.
        #[arg(long)]
        to: PathBuf,
        /// The log's public key, or a file holding it.
        #[arg(long)]
        key: String,
        /// The log to read the proof's hashes from: a directory written by `tandoo
        /// publish` (or file://DIR), or a served log, http://HOST:PORT.
        #[arg(long, required_unless_present = "db", conflicts_with = "db")]
        log: Option<String>,
        /// The record, to make the proof from instead.
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Follow a log and cosign each checkpoint that extends the last
    ///
    /// Refuses, keeping both signed checkpoints as evidence, a checkpoint of a rewritten
    /// record. See docs/log.md.
    Witness {
        /// The log: a served one, http://HOST:PORT, or a directory written by tandoo
        /// publish (or file://DIR).
        #[arg(long)]
        log: String,
        /// The log's public key (tandoo key show), or a file holding it.
        #[arg(long)]
        log_key: String,
        /// The witness's own key file, made with tandoo key init.
        #[arg(long)]
        key: PathBuf,
        /// The file holding the last checkpoint cosigned (default: the key file's name
        /// followed by .state).
        #[arg(long)]
        state: Option<PathBuf>,
        /// Look once and stop, instead of following the log.
        #[arg(long)]
        once: bool,
        /// Seconds between looks at the log while following it.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
        every: u64,
    },
    /// Print an official document of the record as PDF.
    ///
    /// protocol and blank-protocol take CONSTITUENCY STATION, summary CONSTITUENCY,
    /// resolution and refunds RESOLUTION (CEC-161-2025), certificate CANDIDATE. Every page
    /// carries the record entry it reflects, the document's SHA-256 and a QR code of its
    /// reference, which tandoo check-document checks.
    Print {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
        /// The kind of document.
        #[arg(value_enum)]
        kind: print::KindArg,
        /// The document's subject, as its kind takes it.
        #[arg(required = true)]
        ids: Vec<String>,
        /// The document's language: ky, ru or en (default: from LANG, else en).
        #[arg(long)]
        lang: Option<String>,
        /// The record as it stood at the end of this legal date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// The election of a protocol or summary (default: the one deciding the seats).
        #[arg(long)]
        election: Option<String>,
        /// pdf, or json for the content whose SHA-256 the pages print.
        #[arg(long, value_enum, default_value = "pdf")]
        format: print::Format,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a printed document's reference against the record.
    ///
    /// Says whether the entry the page reflects is in the record with the hash printed,
    /// and whether the document made from the record now says the same. Exits 0 when it
    /// is current, 1 otherwise.
    CheckDocument {
        /// The record: a SQLite file or a PostgreSQL address.
        #[arg(long)]
        db: PathBuf,
        /// The reference as printed under the QR code (tandoo-doc/1 …), in one argument.
        reference: String,
    },
    /// Allocate seats from JSON on standard input (docs/allocate.md).
    ///
    /// One JSON object (or an array of them) on standard input; one JSON result per input
    /// on standard output.
    Allocate,
}

/// What `tandoo list` lists.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ListKindArg {
    /// Elections called, with their voting day, rule set and constituencies.
    Elections,
    /// Constituencies with their seats, stations, voters and district commission.
    Constituencies,
    /// Polling stations with their constituency and voters.
    Stations,
    /// Commissions with their members, quorum and majority.
    Commissions,
    /// Candidates with their ids, standing, party and fee paid.
    Candidates,
    /// Resolutions put to the vote: number, tally, in force or not, effects.
    Resolutions,
    /// Complaints and statements, with the decision on each.
    Complaints,
}

impl From<ListKindArg> for tandoo_core::listing::ListKind {
    fn from(kind: ListKindArg) -> Self {
        use tandoo_core::listing::ListKind;
        match kind {
            ListKindArg::Elections => ListKind::Elections,
            ListKindArg::Constituencies => ListKind::Constituencies,
            ListKindArg::Stations => ListKind::Stations,
            ListKindArg::Commissions => ListKind::Commissions,
            ListKindArg::Candidates => ListKind::Candidates,
            ListKindArg::Resolutions => ListKind::Resolutions,
            ListKindArg::Complaints => ListKind::Complaints,
        }
    }
}

/// How a command ended, mapped to the process exit code.
pub enum Outcome {
    Done,
    /// The record or its data failed a check (verify).
    Failed,
    /// The input was refused.
    Refused,
}

/// A refusal in words for the terminal. The program's other messages are English, so its
/// refusals are too; `tandoo status --lang` words the results in the reader's language.
pub fn refusal_words(refusal: &tandoo_core::Refusal) -> String {
    tandoo_present::refusal(refusal, tandoo_present::Language::En)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A command whose output is piped into `head` ends quietly when the reader goes away, as
    // Unix tools do (exit by SIGPIPE), instead of panicking on the failed write. The commands
    // that serve HTTP keep ignoring SIGPIPE: a client that hangs up must not stop the server.
    if !matches!(cli.command, Commands::Serve { .. } | Commands::Demo { .. }) {
        sigpipe::reset();
    }
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
                steps,
            } => demo::run(&db, no_serve, replace, demo_account, steps).await,
            Commands::Apply { db, file, create } => apply::run(&db, &file, create).await,
            Commands::Status {
                source,
                as_of,
                constituency,
                election,
                lang,
                json,
            } => {
                status::run(status::StatusArgs {
                    source: &source,
                    as_of: as_of.as_deref(),
                    constituency,
                    election: election.as_deref(),
                    lang: lang.as_deref(),
                    json,
                })
                .await
            }
            Commands::List {
                kind,
                source,
                election,
                constituency,
                json,
            } => {
                list::run(list::ListArgs {
                    source: &source,
                    kind: kind.into(),
                    election: election.as_deref(),
                    constituency,
                    json,
                })
                .await
            }
            Commands::Verify { source, head } => verify::run(&source, head.as_deref()).await,
            Commands::Export {
                db,
                format,
                as_of,
                out,
                public,
            } => {
                export::run(export::ExportArgs {
                    db: &db,
                    format,
                    as_of: as_of.as_deref(),
                    out: out.as_deref(),
                    public,
                })
                .await
            }
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
                insecure_cookies,
                trusted_proxy,
                key,
                checkpoints,
                checkpoint_every,
                public_only,
            } => {
                let cookies = serve::Cookies::from_flags(secure_cookies, insecure_cookies);
                let log = key
                    .zip(checkpoints)
                    .map(|(key, checkpoints)| serve::LogFlags {
                        key,
                        checkpoints,
                        every: std::time::Duration::from_secs(checkpoint_every),
                    });
                let flags = serve::ServeFlags {
                    cookies,
                    trusted_proxy,
                    log,
                    public_only,
                };
                serve::run(&db, &listen, flags).await
            }
            Commands::Audit { db, since, user } => {
                audit::run(&db, since.as_deref(), user.as_deref()).await
            }
            Commands::User { command } => user::run(command).await,
            Commands::Copy { from, to } => copy::run(&from, &to).await,
            Commands::Backup { db, out } => backup::backup(&db, &out).await,
            Commands::Restore { from, to } => backup::restore(&from, &to).await,
            Commands::Key { command } => log::key(command),
            Commands::Publish {
                db,
                key,
                out,
                as_of,
                log_only,
            } => {
                let as_of = match as_of.as_deref().map(str::parse).transpose() {
                    Ok(date) => date,
                    Err(e) => {
                        return Err(CliError::input("BAD_DATE", format!("--as-of: {e}")));
                    }
                };
                match key {
                    Some(key) if log_only => log::publish(&db, &key, &out).await,
                    key => {
                        site::publish(site::Site {
                            db: &db,
                            out: &out,
                            key: key.as_deref(),
                            as_of,
                        })
                        .await
                    }
                }
            }
            Commands::Prove {
                db,
                log,
                station,
                constituency,
                out,
            } => {
                let station = station.map(|station| prove::Station {
                    station,
                    constituency,
                });
                prove::prove(&db, &log, station, &out).await
            }
            Commands::CheckProof { files, key } => prove::check_proofs(&files, &key),
            Commands::CheckLog {
                from,
                to,
                key,
                log,
                db,
            } => {
                let log = log.as_deref().map(log_source::LogSource::parse);
                let source = match (&log, &db) {
                    (Some(log), _) => log::ProofSource::Log(log),
                    (None, Some(db)) => log::ProofSource::Record(db),
                    (None, None) => unreachable!("clap requires --log or --db"),
                };
                log::check_log(&from, &to, &key, source).await
            }
            Commands::Witness {
                log,
                log_key,
                key,
                state,
                once,
                every,
            } => {
                witness::run(witness::WitnessArgs {
                    log,
                    log_key,
                    key,
                    state,
                    once,
                    every: std::time::Duration::from_secs(every),
                })
                .await
            }
            Commands::Print {
                db,
                kind,
                ids,
                lang,
                as_of,
                election,
                format,
                out,
            } => {
                print::print(print::PrintArgs {
                    db: &db,
                    kind,
                    ids: &ids,
                    lang: lang.as_deref(),
                    as_of: as_of.as_deref(),
                    election: election.as_deref(),
                    format,
                    out: &out,
                })
                .await
            }
            Commands::CheckDocument { db, reference } => print::check(&db, &reference).await,
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

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every subcommand, at every depth, with its path ("tandoo user add").
    fn walk(command: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let path = format!("{path} {}", sub.get_name());
            out.push((path.clone(), sub.clone()));
            walk(sub, path, out);
        }
    }

    /// Item 12: `tandoo --help` lists every command with one line each, and every option
    /// of every command says what it is for.
    #[test]
    fn item_12_every_command_has_a_one_line_summary_and_every_option_a_description() {
        let mut root = Cli::command();
        root.build();
        let mut commands = Vec::new();
        walk(&root, "tandoo".into(), &mut commands);
        assert!(commands.len() > 10);
        let mut missing = Vec::new();
        for (path, command) in &commands {
            match command.get_about().map(|a| a.to_string()) {
                None => missing.push(format!("{path}: no summary")),
                // 80 columns less the indent and the name column of the list.
                Some(about) if about.contains('\n') || about.chars().count() > 68 => {
                    missing.push(format!("{path}: summary longer than one line: {about}"))
                }
                Some(_) => {}
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg.get_help().is_none() {
                    missing.push(format!("{path}: --{id} has no description"));
                }
                for value in arg.get_possible_values() {
                    if value.get_help().is_none() && !value.is_hide_set() {
                        missing.push(format!(
                            "{path}: value {} has no description",
                            value.get_name()
                        ));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}

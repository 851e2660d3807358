//! `tandoo serve`: the HTTP JSON API on a record, until Ctrl-C or SIGTERM.
//!
//! The record must exist: a misspelt path is an error, not a new empty record. A SQLite
//! record is served by one server at a time — the server holds an exclusive lock on a file
//! beside it (`FILE-serve.lock`) while it runs — since two servers writing one file take
//! turns at its write lock and refuse each other's appends as stale; several servers share
//! a record kept in PostgreSQL.

use crate::{CliError, Outcome};
use std::ffi::OsStr;
use std::fs::{File, TryLockError};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use tandoo_record::{AnyRecord, OpenMode, is_postgres_location};
use tandoo_server::{App, Config};
use tokio::net::TcpListener;

/// Where `tandoo serve` listens unless told otherwise: this machine only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Whether the session cookie is marked `Secure`, as the flags ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cookies {
    /// Secure unless the server listens on a loopback address without a proxy in front.
    Default,
    Secure,
    Insecure,
}

impl Cookies {
    pub fn from_flags(secure: bool, insecure: bool) -> Cookies {
        match (secure, insecure) {
            (true, _) => Cookies::Secure,
            (false, true) => Cookies::Insecure,
            (false, false) => Cookies::Default,
        }
    }

    /// A server reached on another address than loopback, or through a proxy, is reached
    /// over a network, which must be HTTPS: a cookie that may travel in clear is not sent.
    fn secure(self, address: SocketAddr, trusted_proxy: Option<IpAddr>) -> bool {
        match self {
            Cookies::Secure => true,
            Cookies::Insecure => false,
            Cookies::Default => !address.ip().is_loopback() || trusted_proxy.is_some(),
        }
    }
}

/// The transparency log's flags: the key, where checkpoints are kept, how often to sign.
pub struct LogFlags {
    pub key: PathBuf,
    pub checkpoints: PathBuf,
    pub every: std::time::Duration,
}

/// How to serve, from the command line.
pub struct ServeFlags {
    pub cookies: Cookies,
    pub trusted_proxy: Option<IpAddr>,
    pub log: Option<LogFlags>,
    pub public_only: bool,
}

/// Serves the record at `db`: a SQLite file, or a PostgreSQL address (`postgres://…`) that
/// other `tandoo serve` processes may serve at the same time.
pub async fn run(
    db: impl AsRef<OsStr>,
    listen: &str,
    flags: ServeFlags,
) -> Result<Outcome, CliError> {
    let ServeFlags {
        cookies,
        trusted_proxy,
        log,
        public_only,
    } = flags;
    start_logging();
    let log = match log {
        Some(flags) => Some(tandoo_server::log::LogSettings {
            signer: std::sync::Arc::new(crate::log::read_signer(&flags.key)?),
            checkpoints: flags.checkpoints,
            interval: flags.every,
        }),
        None => None,
    };
    let db = db.as_ref();
    let _serving = match db.to_str() {
        Some(url) if is_postgres_location(url) => None,
        _ => Some(lock_sqlite_record(Path::new(db))?),
    };
    AnyRecord::open(db, OpenMode::MustExist)
        .await?
        .close()
        .await;
    let listener = TcpListener::bind(listen).await.map_err(|e| {
        CliError::runtime("CANNOT_LISTEN", format!("cannot listen on {listen}: {e}"))
    })?;
    let address = listener
        .local_addr()
        .map_err(|e| CliError::runtime("CANNOT_LISTEN", e.to_string()))?;
    let secure_cookies = cookies.secure(address, trusted_proxy);
    if !secure_cookies && !address.ip().is_loopback() {
        eprintln!(
            "warning: the session cookie is not marked Secure on {address}: sessions can be \
             stolen over plain HTTP"
        );
    }
    let config = Config {
        secure_cookies,
        trusted_proxy,
        log,
        public_only,
        ..Config::default()
    };
    let app = App::open(db, config)
        .await
        .map_err(|e| CliError::runtime(e.code(), e.to_string()))?;
    let head = app.ledger().head().await;
    // Shown without any password the address holds.
    let location = app.ledger().record().location();
    println!(
        "Serving the record {location} ({}) on http://{address}/api/health — Ctrl-C stops.",
        crate::render::count(head.seq, "act", "acts")
    );
    println!("The results portal: http://{address}/results.");
    if public_only {
        println!("No staff address: --public-only.");
    } else {
        println!(
            "The commission's workplace: http://{address}/login (programs log in through /api/session)."
        );
    }
    if let Some(log) = app.log() {
        println!(
            "Serving the transparency log of {} on http://{address}/log/checkpoint, signed by {}",
            log.settings().signer.name(),
            log.settings().signer.verifier().to_text()
        );
    }
    if !public_only
        && app
            .accounts()
            .list()
            .await
            .map_err(|e| CliError::runtime(e.code(), e.to_string()))?
            .is_empty()
    {
        println!(
            "No account can log in yet: create one with tandoo user add --db {location} --user NAME --role ROLE --commission ID"
        );
    }
    tandoo_server::serve(app, listener, tandoo_server::shutdown_signal())
        .await
        .map_err(|e| CliError::runtime("SERVE_FAILED", e.to_string()))?;
    println!("Stopped; every recorded act is in {location}.");
    Ok(Outcome::Done)
}

/// Takes the lock that makes this the only server of the SQLite record at `db`; held until
/// the returned file is dropped (or the process ends, however it ends).
fn lock_sqlite_record(db: &Path) -> Result<File, CliError> {
    if !db.exists() {
        return Err(tandoo_record::RecordError::NotFound {
            path: db.display().to_string(),
        }
        .into());
    }
    let mut name = db.as_os_str().to_owned();
    name.push("-serve.lock");
    let path = PathBuf::from(name);
    let io = |e: std::io::Error| {
        CliError::runtime(
            "FILE_IO",
            format!("cannot use the lock file {}: {e}", path.display()),
        )
    };
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(CliError::runtime(
            "RECORD_IN_USE",
            format!(
                "another tandoo serve is already serving {}; a SQLite record is served by one \
                 server at a time. To serve one record from several servers, keep it in \
                 PostgreSQL (tandoo copy --from {} --to postgres://…)",
                db.display(),
                db.display()
            ),
        )),
        Err(TryLockError::Error(e)) => Err(io(e)),
    }
}

/// One line per request on standard error, at level info; no colours, no filter syntax.
fn start_logging() {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_secure_by_default_off_loopback_and_behind_a_proxy() {
        let loopback: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let network: SocketAddr = "10.0.0.11:8080".parse().unwrap();
        let proxy: Option<IpAddr> = Some("127.0.0.1".parse().unwrap());
        assert!(!Cookies::Default.secure(loopback, None));
        assert!(Cookies::Default.secure(network, None));
        assert!(Cookies::Default.secure(loopback, proxy));
        assert!(!Cookies::Insecure.secure(network, proxy));
        assert!(Cookies::Secure.secure(loopback, None));
    }
}

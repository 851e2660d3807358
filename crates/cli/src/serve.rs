//! `tandoo serve`: the HTTP JSON API on a record, until Ctrl-C or SIGTERM.

use crate::{CliError, Outcome};
use std::ffi::OsStr;
use tandoo_server::{App, Config};
use tokio::net::TcpListener;

/// Where `tandoo serve` listens unless told otherwise: this machine only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Serves the record at `db`: a SQLite file, or a PostgreSQL address (`postgres://…`) that
/// other `tandoo serve` processes may serve at the same time.
pub async fn run(
    db: impl AsRef<OsStr>,
    listen: &str,
    secure_cookies: bool,
) -> Result<Outcome, CliError> {
    start_logging();
    let config = Config {
        secure_cookies,
        ..Config::default()
    };
    let app = App::open(db, config)
        .await
        .map_err(|e| CliError::runtime(e.code(), e.to_string()))?;
    let listener = TcpListener::bind(listen).await.map_err(|e| {
        CliError::runtime("CANNOT_LISTEN", format!("cannot listen on {listen}: {e}"))
    })?;
    let address = listener
        .local_addr()
        .map_err(|e| CliError::runtime("CANNOT_LISTEN", e.to_string()))?;
    let head = app.ledger().head().await;
    // Shown without any password the address holds.
    let location = app.ledger().record().location();
    println!(
        "Serving the record {location} ({}) on http://{address}/api/health — Ctrl-C stops.",
        crate::render::count(head.seq, "act", "acts")
    );
    if app
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

/// One line per request on standard error, at level info; no colours, no filter syntax.
fn start_logging() {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}

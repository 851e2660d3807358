//! Serving the API on a socket until the process is asked to stop, so that slow or idle
//! clients cannot hold the server (M4):
//!
//! - a **header-read timeout**: a connection that has not sent a request's headers within
//!   [`crate::ServeLimits::header_read`] is closed. hyper starts this timer whenever it waits for
//!   a request, so it also closes idle keep-alive connections (the idle timeout). It needs
//!   a timer, which `axum::serve` does not give hyper; hence this accept loop on hyper's
//!   own HTTP/1 connection builder with tokio's timer;
//! - a **body timeout**: a request's body must arrive within [`crate::ServeLimits::body`] of its
//!   headers (408 `BODY_TIMEOUT`), enforced where bodies are read;
//! - a **connection cap**: at most [`crate::ServeLimits::max_connections`] connections are served
//!   at once; past that, new ones wait in the kernel's queue until a slot frees. Once three
//!   quarters of the slots are taken, new connections get the shorter
//!   [`crate::ServeLimits::header_read_under_pressure`], so that a flood of idle connections frees
//!   its slots within seconds and a client queued behind it is served;
//! - a **shutdown deadline**: on Ctrl-C or SIGTERM the server stops accepting, lets the
//!   requests in progress finish, and gives up on the rest after
//!   [`crate::ServeLimits::shutdown_deadline`];
//! - the **open-files limit** is raised from its soft to its hard value at the start, and
//!   the cap lowered to fit under it, both logged.

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::app::App;
use crate::routes::router;

/// Files kept free for the record's and the accounts' database connections and the log.
const FILES_IN_RESERVE: u64 = 64;

/// Serves `app` on `listener` until `shutdown` completes; requests in progress are
/// finished (and their acts recorded) before this returns, or given up after the deadline.
pub async fn serve(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let limits = app.config().serve;
    let max_connections = connections_that_fit(limits.max_connections);
    let accounts = app.accounts().clone();
    let router = router(app);
    let slots = Arc::new(Semaphore::new(max_connections));
    let graceful = GracefulShutdown::new();
    let builder = |header_read: Duration| {
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(header_read)
            .keep_alive(true);
        builder
    };
    let (relaxed, pressed) = (
        builder(limits.header_read),
        builder(limits.header_read_under_pressure),
    );
    let pressure = max_connections / 4;
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of files or a connection reset before it was accepted: wait a
                    // moment rather than spin.
                    tracing::warn!("cannot accept a connection: {error}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = router
            .clone()
            .map_request(move |mut request: Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let builder = if slots.available_permits() < pressure {
            &pressed
        } else {
            &relaxed
        };
        let connection =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away or times out is its own business, not the log's.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown_deadline) => {
            tracing::warn!(
                "stopping with requests still in progress after {} seconds; they are dropped",
                limits.shutdown_deadline.as_secs()
            );
        }
    }
    accounts.close().await;
    Ok(())
}

/// Raises the open-files limit to its hard value and returns how many connections fit
/// under it (at most `wanted`), logging both.
fn connections_that_fit(wanted: usize) -> usize {
    let files = match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(files) => files,
        Err(error) => {
            tracing::warn!("cannot read or raise the open-files limit: {error}");
            return wanted;
        }
    };
    let fit = usize::try_from(files.saturating_sub(FILES_IN_RESERVE).max(1)).unwrap_or(wanted);
    let cap = wanted.min(fit);
    tracing::info!("open-files limit {files}; serving at most {cap} connections at once");
    cap
}

/// Completes on Ctrl-C, or on SIGTERM where there is one.
pub async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("stopping: finishing the requests in progress");
}

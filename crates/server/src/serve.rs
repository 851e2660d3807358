//! Serving the API on a socket until the process is asked to stop.

use std::future::Future;
use std::io;

use tokio::net::TcpListener;

use crate::app::App;
use crate::routes::router;

/// Serves `app` on `listener` until `shutdown` completes; requests in progress are
/// finished (and their acts recorded) before this returns.
pub async fn serve(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let accounts = app.accounts().clone();
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await?;
    accounts.close().await;
    Ok(())
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

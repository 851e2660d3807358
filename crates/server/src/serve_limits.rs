//! How long clients may take to send a request, and how many connections are served at once:
//! the settings of the accept loop in `serve`, kept apart so that the application's
//! configuration can hold them without depending on the loop.

use std::time::Duration;

/// How long clients may take, and how many may be served at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeLimits {
    /// Time to send a request's headers, and the longest a keep-alive connection may idle.
    pub header_read: Duration,
    /// The same, for connections accepted while three quarters of the slots are taken.
    pub header_read_under_pressure: Duration,
    /// Time to send a request's body once its headers are in.
    pub body: Duration,
    /// Connections served at once.
    pub max_connections: usize,
    /// After the signal to stop, the longest the requests in progress are waited for.
    pub shutdown_deadline: Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            header_read: Duration::from_secs(10),
            header_read_under_pressure: Duration::from_secs(2),
            body: Duration::from_secs(20),
            max_connections: 1024,
            shutdown_deadline: Duration::from_secs(10),
        }
    }
}

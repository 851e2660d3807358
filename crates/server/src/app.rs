//! What the handlers share: the ledger, the accounts and sessions, the view cache, the
//! transparency log (and the task that keeps it following the record) and the configuration.

use std::ffi::OsStr;
use std::net::IpAddr;
use std::sync::{Arc, Weak};
use std::time::Duration;

use tandoo_ledger::{LedgerError, Service};
use tandoo_record::{AnyRecord, OpenMode};

use crate::accounts::{AccountError, Accounts};
use crate::clock::{Clock, SystemClock};
use crate::log::{Log, LogError, LogSettings};
use crate::public_record::PublicRecord;
use crate::publisher::Publisher;
use crate::reports::{ReportLimits, Reports};
use crate::serve_limits::ServeLimits;
use crate::sessions::{Auth, SessionPolicy};
use crate::streams::Streams;
use crate::throttle::ThrottleLimits;
use crate::views::Views;

/// The largest command body accepted by default: 1 MiB.
pub const DEFAULT_COMMAND_LIMIT: usize = 1 << 20;
/// The largest body of any other request: a login is a few hundred bytes.
pub const OTHER_BODY_LIMIT: usize = 16 << 10;

#[derive(Debug, Clone)]
pub struct Config {
    /// Mark the session cookie `Secure` (send it over HTTPS only). Set it whenever the
    /// server is reached through HTTPS, which is every deployment but a local one.
    pub secure_cookies: bool,
    /// The largest command body, in bytes.
    pub command_limit: usize,
    pub sessions: SessionPolicy,
    /// The reverse proxy in front of the server: only from this peer is the client address
    /// taken from `X-Forwarded-For` (see [`crate::client`]).
    pub trusted_proxy: Option<IpAddr>,
    pub throttle: ThrottleLimits,
    pub serve: ServeLimits,
    /// The transparency log, served under `/log/` when the commission's key is given.
    pub log: Option<LogSettings>,
    /// Serve only what anyone may read — the portal, the log, the public API — and no
    /// address where staff log in or act: for a server facing the public.
    pub public_only: bool,
    /// How many public reports each counter allows per window.
    pub reports: ReportLimits,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secure_cookies: false,
            command_limit: DEFAULT_COMMAND_LIMIT,
            sessions: SessionPolicy::default(),
            trusted_proxy: None,
            throttle: ThrottleLimits::default(),
            serve: ServeLimits::default(),
            log: None,
            public_only: false,
            reports: ReportLimits::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Record(#[from] tandoo_record::RecordError),
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error(transparent)]
    Accounts(#[from] AccountError),
    #[error(transparent)]
    Log(#[from] LogError),
}

impl StartError {
    pub fn code(&self) -> &'static str {
        match self {
            StartError::Record(e) => e.code(),
            StartError::Ledger(e) => e.code(),
            StartError::Accounts(e) => e.code(),
            StartError::Log(e) => e.code(),
        }
    }
}

/// The server's shared parts; cheap to clone.
#[derive(Clone)]
pub struct App {
    pub(crate) inner: Arc<Inner>,
}

/// Downloads of the whole record (`/data/record.jsonl`) served at once, so that they cannot
/// crowd out the writer or the pages.
pub const CONCURRENT_EXPORTS: usize = 2;

pub(crate) struct Inner {
    pub ledger: Service<AnyRecord>,
    pub auth: Auth,
    pub views: Views,
    pub public_record: PublicRecord,
    pub log: Option<Arc<Log>>,
    pub publisher: Publisher,
    pub events: Streams,
    /// Public reports and the secret their forms' tokens are made with.
    pub reports: Reports,
    /// Places for downloads of the whole record (`/data/record.jsonl`).
    pub exports: Arc<tokio::sync::Semaphore>,
    pub config: Config,
}

impl App {
    /// Opens the record at `location` — a SQLite file path (created if missing) or a
    /// PostgreSQL address `postgres://…` (a database that exists; its tables are created if
    /// missing) — replays it and starts the ledger; opens the accounts beside it.
    ///
    /// Several servers may open one PostgreSQL record: each follows the acts the others
    /// append, and they share accounts and sessions.
    pub async fn open(location: impl AsRef<OsStr>, config: Config) -> Result<App, StartError> {
        App::open_with_clock(location, config, Arc::new(SystemClock)).await
    }

    /// [`App::open`] with the clock sessions are measured by (tests move it by hand).
    pub async fn open_with_clock(
        location: impl AsRef<OsStr>,
        config: Config,
        clock: Arc<dyn Clock>,
    ) -> Result<App, StartError> {
        let location = location.as_ref();
        let record = AnyRecord::open(location, OpenMode::CreateIfMissing).await?;
        let ledger = Service::start(record).await?;
        let accounts = Accounts::open_beside_record(location, clock.clone()).await?;
        let auth = Auth::new(accounts, config.sessions, config.throttle);
        auth.prepare().await?;
        let log = match &config.log {
            Some(settings) => Some(Arc::new(
                Log::open(ledger.record(), settings.clone()).await?,
            )),
            None => None,
        };
        let reports = Reports::new(config.reports).map_err(AccountError::from)?;
        let (publisher, ends) = Publisher::first(&ledger).await;
        let inner = Arc::new(Inner {
            ledger,
            publisher,
            reports,
            events: Streams::new(config.serve.max_connections / 2),
            exports: Arc::new(tokio::sync::Semaphore::new(CONCURRENT_EXPORTS)),
            auth,
            views: Views::default(),
            public_record: PublicRecord::default(),
            log,
            config,
        });
        crate::publisher::follow(Arc::downgrade(&inner), |inner: &Inner| &inner.ledger, ends);
        if let Some(settings) = &inner.config.log {
            follow(Arc::downgrade(&inner), settings.interval);
        }
        Ok(App { inner })
    }

    pub fn ledger(&self) -> &Service<AnyRecord> {
        &self.inner.ledger
    }

    pub fn accounts(&self) -> &Accounts {
        self.inner.auth.accounts()
    }

    pub fn auth(&self) -> &Auth {
        &self.inner.auth
    }

    /// The transparency log, when the server was given the commission's key.
    pub fn log(&self) -> Option<&Log> {
        self.inner.log.as_deref()
    }

    /// The portal's publication of the present state, kept current.
    pub fn publisher(&self) -> &Publisher {
        &self.inner.publisher
    }

    pub(crate) fn reports(&self) -> &Reports {
        &self.inner.reports
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }
}

/// Follows the record for as long as the server runs: catches up and signs every
/// interval. A failure is logged and tried again at the next tick; a broken chain stops
/// the log growing (every later tick reports it), it never makes the log skip an entry.
fn follow(inner: Weak<Inner>, interval: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tick.tick().await;
        loop {
            tick.tick().await;
            let Some(inner) = inner.upgrade() else {
                return;
            };
            let Some(log) = inner.log.as_ref() else {
                return;
            };
            let result = match log.catch_up(inner.ledger.record()).await {
                Ok(_) => log.sign_if_grown(),
                Err(e) => Err(e),
            };
            if let Err(e) = result {
                tracing::error!("the log cannot follow the record: {e}");
            }
        }
    });
}

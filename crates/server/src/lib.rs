//! The HTTP JSON API of tandoo: staff log in and submit commands; anyone reads the status
//! and the record. See `docs/api.md` for every address, shape and code.
//!
//! - [`accounts`]: staff accounts (argon2id hashes) in the record's database, beside the
//!   record but never in it; shared by every server on one PostgreSQL record.
//! - [`sessions`]: logins, session tokens (stored hashed), expiry, CSRF tokens.
//! - [`throttle`]: the limits on password checks, per address, name and record.
//! - [`audit`]: the audit log of logins and account changes, beside the record.
//! - [`reports`]: public reports against a published protocol, kept for the staff, who
//!   register them as complaints or dismiss them (the form, its token and the staff's API
//!   are in `report_pages`, `report_token` and `report_api`).
//! - [`routes`]: the handlers — thin: parse, call the ledger or the accounts, render.
//! - [`public_record`]: the record's pages for anyone, with open protocol rounds withheld.
//! - [`views`]: the public status, now or as of a date, cached per record head.
//! - [`log`]: the transparency log served live under `/log/`; [`fetch`]: reading a
//!   served log from elsewhere (what a witness does).

#![forbid(unsafe_code)]

pub mod accounts;
mod app;
pub mod audit;
pub mod audit_event;
mod body;
mod client;
pub mod clock;
mod documents;
mod error;
mod events;
pub mod fetch;
pub mod log;
mod portal;
pub mod public_record;
pub mod publisher;
mod reader;
mod record_export;
mod report_api;
mod report_pages;
mod report_token;
pub mod reports;
pub mod routes;
mod serve;
mod serve_limits;
mod session_guard;
pub mod sessions;
mod store;
mod streams;
pub mod throttle;
pub mod views;
mod workplace;

pub use accounts::{Account, AccountError, Accounts, By};
pub use app::{App, Config, DEFAULT_COMMAND_LIMIT, StartError};
pub use audit::{AuditEntry, AuditFilter, AuditQuery};
pub use audit_event::AuditEvent;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::ApiError;
pub use reports::ReportLimits;
pub use routes::router;
pub use serve::{serve, shutdown_signal};
pub use serve_limits::ServeLimits;
pub use sessions::SessionPolicy;
pub use throttle::{ClientAddress, ThrottleLimits};

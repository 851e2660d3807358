//! The commission's workplace: the staff application's screens, as HTML documents drawn
//! from the state for one logged-in account.
//!
//! Every screen is a function of the state, the account that looks at it (its user, role,
//! commission and the session's CSRF token) and the language it is read in. Nothing here
//! reads a clock, the record, a network or a request: the server parses the request, asks
//! the ledger, and hands this crate what it needs to draw. What a role may do is core's
//! permission table; a screen only uses it to leave out the forms a viewer may not fill in
//! (the server and core refuse a forged one all the same). Words come from `tandoo-present`,
//! under the catalog prefix `staff-`.

#![forbid(unsafe_code)]

pub mod accounts;
pub mod address;
pub mod audit;
pub mod candidates;
pub mod complaints;
pub mod constituencies;
pub mod elections;
pub mod entry;
pub mod fields;
pub mod frame;
pub mod home;
pub mod incidents;
pub mod login;
pub mod meetings;
pub mod menu;
pub mod record;
pub mod resolutions;
pub mod results;
mod screen;

pub use screen::{Screen, Viewer};

/// The workplace's stylesheet, served at [`address::STYLESHEET`].
pub const STYLESHEET: &str = include_str!("../assets/staff.css");
/// The workplace's script (keyboard flow and running sums on the entry form), served at
/// [`address::SCRIPT`]. Every screen works without it.
pub const SCRIPT: &str = include_str!("../assets/staff.js");

/// The Content-Security-Policy every screen is served with: nothing but the workplace's own
/// files, no inline script or style, no frames, and forms that go only to this server.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
    base-uri 'none'; frame-ancestors 'none'";

/// `X-Frame-Options` for every screen, for browsers older than `frame-ancestors`: no frame,
/// so that no other page can lay the workplace under its own clicks.
pub const FRAME_OPTIONS: &str = "DENY";

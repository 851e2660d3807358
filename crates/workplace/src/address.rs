//! The workplace's addresses. The screens live under `/staff`; logging in and out at the
//! top, where people look for them.

use tandoo_core::ids::{ConstituencyNo, StationId};

pub const LOGIN: &str = "/login";
pub const LOGOUT: &str = "/logout";
/// Who is logged in, and their language.
pub const HOME: &str = "/staff";
pub const LANGUAGE: &str = "/staff/language";
pub const CONSTITUENCIES: &str = "/staff/constituencies";
/// The protocols the viewer's commission enters or settles.
pub const ENTRY: &str = "/staff/entry";
/// The elections with their calendars.
pub const ELECTIONS: &str = "/staff/elections";
/// A constituency's polling stations: `/staff/stations?constituency=13`.
pub const STATIONS: &str = "/staff/stations";
/// The record's timeline of acts.
pub const RECORD: &str = "/staff/record";
/// The viewer's own password.
pub const PASSWORD: &str = "/staff/password";
/// The accounts (administrators).
pub const ACCOUNTS: &str = "/staff/accounts";
/// The audit log (administrators), and its export.
pub const AUDIT: &str = "/staff/audit";
pub const AUDIT_CSV: &str = "/staff/audit.csv";
pub const STYLESHEET: &str = "/staff/assets/staff.css";
pub const SCRIPT: &str = "/staff/assets/staff.js";

/// The entry of one protocol: `/staff/entry/13/13001`.
pub fn protocol(constituency: ConstituencyNo, station: StationId) -> String {
    format!("{ENTRY}/{constituency}/{station}")
}

/// Where a supervisor settles a protocol's differing entries.
pub fn settle(constituency: ConstituencyNo, station: StationId) -> String {
    format!("{ENTRY}/{constituency}/{station}/settle")
}

/// A constituency's stations with their entry status: `/staff/constituencies/13`.
pub fn constituency(constituency: ConstituencyNo) -> String {
    format!("{CONSTITUENCIES}/{constituency}")
}

/// The polling stations of one constituency.
pub fn stations(constituency: ConstituencyNo) -> String {
    format!("{STATIONS}?constituency={constituency}")
}

/// Where an account is disabled: `/staff/accounts/{user}/disable`; the user name is
/// percent-encoded, as it may hold any character but a space.
pub fn disable_account(user: &str) -> String {
    format!("{ACCOUNTS}/{}/disable", encoded(user))
}

/// Where an account is given another role or commission.
pub fn account_role(user: &str) -> String {
    format!("{ACCOUNTS}/{}/role", encoded(user))
}

/// A path segment or a query value with every byte but unreserved ones percent-encoded
/// (RFC 3986).
pub(crate) fn encoded(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

//! The workplace's addresses. The screens live under `/staff`; logging in and out at the
//! top, where people look for them.

use tandoo_core::ids::{ConstituencyNo, MeetingId, StationId};
use tandoo_core::resolution::ResolutionKey;

pub const LOGIN: &str = "/login";
pub const LOGOUT: &str = "/logout";
/// Who is logged in, and their language.
pub const HOME: &str = "/staff";
pub const LANGUAGE: &str = "/staff/language";
pub const CONSTITUENCIES: &str = "/staff/constituencies";
/// The protocols the viewer's commission enters or settles.
pub const ENTRY: &str = "/staff/entry";
pub const RESULTS: &str = "/staff/results";
pub const RESOLUTIONS: &str = "/staff/resolutions";
/// The viewer's commission's meetings, and recording one.
pub const MEETINGS: &str = "/staff/meetings";
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
/// The icon, the portal's: without one, every browser asks for `/favicon.ico`.
pub const ICON: &str = "/assets/icon.svg";

/// The entry of one protocol: `/staff/entry/13/13001`.
/// An official document as PDF, made by the server for anyone (docs/documents.md):
/// `/documents/summary/13.pdf?lang=ru`.
pub fn document(kind: &str, ids: &str, language: tandoo_present::Language) -> String {
    format!("/documents/{kind}/{ids}.pdf?lang={}", language.code())
}

/// A resolution as the documents name it: `CEC-161-2025`, or `CEC-draft-812` for a draft
/// that was not adopted.
pub fn resolution_document(resolution: &tandoo_core::resolution::Resolution) -> String {
    match &resolution.voted.number {
        Some(n) if resolution.voted.adopted => format!("{}-{}-{}", n.commission, n.number, n.year),
        _ => format!("{}-draft-{}", resolution.voted.commission, resolution.key.0),
    }
}

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

/// A constituency's candidates: `/staff/candidates?constituency=13`.
pub const CANDIDATES: &str = "/staff/candidates";
pub const COMPLAINTS: &str = "/staff/complaints";
/// Incidents at polling stations: `/staff/incidents?constituency=13`.
pub const INCIDENTS: &str = "/staff/incidents";

/// One candidate's page, the id percent-encoded: `/staff/candidates/E1-13-01`.
pub fn candidate(id: &tandoo_core::ids::CandidateId) -> String {
    format!("{CANDIDATES}/{}", crate::fields::segment(&id.0))
}

pub fn candidates_of(constituency: ConstituencyNo) -> String {
    format!("{CANDIDATES}?constituency={constituency}")
}

/// One complaint's page: `/staff/complaints/CEC-C-2026-7`.
pub fn complaint(id: &tandoo_core::ids::ComplaintId) -> String {
    format!("{COMPLAINTS}/{}", crate::fields::segment(&id.0))
}

pub fn incidents_of(constituency: ConstituencyNo) -> String {
    format!("{INCIDENTS}?constituency={constituency}")
}

/// One constituency's result: `/staff/results/13`.
pub fn results(constituency: ConstituencyNo) -> String {
    format!("{RESULTS}/{constituency}")
}

/// One resolution, by the key every vote has (adopted or not): `/staff/resolutions/412`.
pub fn resolution(key: ResolutionKey) -> String {
    format!("{RESOLUTIONS}/{}", key.0)
}

/// One meeting, with the draft resolution form.
pub fn meeting(id: &MeetingId) -> String {
    format!("{MEETINGS}/{id}")
}

/// Where a meeting's draft resolution is put to the vote.
pub fn meeting_resolution(id: &MeetingId) -> String {
    format!("{MEETINGS}/{id}/resolution")
}

/// The polling stations of one constituency.
pub fn stations(constituency: ConstituencyNo) -> String {
    format!("{STATIONS}?constituency={constituency}")
}

/// Where an account is disabled: `/staff/accounts/{user}/disable`; the user name is
/// percent-encoded, as it may hold any character but a space.
pub fn disable_account(user: &str) -> String {
    format!("{ACCOUNTS}/{}/disable", crate::fields::segment(user))
}

/// Where an account is given another role or commission.
pub fn account_role(user: &str) -> String {
    format!("{ACCOUNTS}/{}/role", crate::fields::segment(user))
}

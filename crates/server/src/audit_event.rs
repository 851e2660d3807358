//! The kinds of event the audit log keeps, by the name each is stored under. Apart from the
//! log itself so that the accounts, which write events, and the log, which keeps them for
//! the accounts' store, do not import each other.

use serde::Serialize;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditEvent {
    Login,
    /// An unknown name, a wrong password or a disabled account (the detail says which).
    LoginFailed,
    /// A login refused without checking the password: a limit of the throttle was reached
    /// (written once per limit and window, not once per refused attempt).
    LoginThrottled,
    Logout,
    AccountAdded,
    AccountDisabled,
    /// An account given another role or commission (the detail says from what to what).
    AccountRoleChanged,
    /// A user changed their own password; their other sessions ended.
    PasswordChanged,
    /// A public report registered as a complaint (the detail names both).
    ReportRegistered,
    /// A public report dismissed (the reason is kept with the report).
    ReportDismissed,
}

impl AuditEvent {
    /// Every kind, in the order the documentation lists them (the audit screen's filter).
    pub const ALL: [AuditEvent; 10] = [
        AuditEvent::Login,
        AuditEvent::LoginFailed,
        AuditEvent::LoginThrottled,
        AuditEvent::Logout,
        AuditEvent::AccountAdded,
        AuditEvent::AccountDisabled,
        AuditEvent::AccountRoleChanged,
        AuditEvent::PasswordChanged,
        AuditEvent::ReportRegistered,
        AuditEvent::ReportDismissed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AuditEvent::Login => "login",
            AuditEvent::LoginFailed => "login_failed",
            AuditEvent::LoginThrottled => "login_throttled",
            AuditEvent::Logout => "logout",
            AuditEvent::AccountAdded => "account_added",
            AuditEvent::AccountDisabled => "account_disabled",
            AuditEvent::AccountRoleChanged => "account_role_changed",
            AuditEvent::PasswordChanged => "password_changed",
            AuditEvent::ReportRegistered => "report_registered",
            AuditEvent::ReportDismissed => "report_dismissed",
        }
    }
}

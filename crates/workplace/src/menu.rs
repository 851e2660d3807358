//! The menu: the screens a viewer may open. A screen that gives commands is listed only for
//! a role the permission table lets give one of them; the screens that only show the record
//! are every logged-in account's (an observer reads everything). The accounts and the audit
//! log are not the record's: no command of the permission table gives them, so they carry
//! a rule of their own, for administrators only.

use tandoo_core::Role;
use tandoo_core::permission::CommandKind;

use crate::address;

/// One item of the menu: its catalog key (`staff-menu-…`) and address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub key: &'static str,
    pub path: &'static str,
}

/// Who may open a screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    /// Every logged-in account, or (when commands are named) the roles that may give one
    /// of them by the permission table. No commands: a screen that only shows.
    Commands(&'static [CommandKind]),
    /// Administrators alone: the accounts and the audit log, which are not the record's.
    Administrators,
}

use Access::{Administrators, Commands};

const fn item(key: &'static str, path: &'static str, access: Access) -> (Item, Access) {
    (Item { key, path }, access)
}

/// Everyone reads: a screen that only shows, or whose forms are left out for a viewer the
/// permission table does not let give their commands.
const READ: Access = Commands(&[]);

/// The screens, in the menu's order, each with who may open it.
const SCREENS: &[(Item, Access)] = &[
    item("home", address::HOME, READ),
    item("elections", address::ELECTIONS, READ),
    item("constituencies", address::CONSTITUENCIES, READ),
    item("stations", address::STATIONS, READ),
    item("candidates", address::CANDIDATES, READ),
    item(
        "entry",
        address::ENTRY,
        Commands(&[CommandKind::EnterProtocol, CommandKind::SettleProtocol]),
    ),
    item("results", address::RESULTS, READ),
    item("complaints", address::COMPLAINTS, READ),
    item("incidents", address::INCIDENTS, READ),
    item(
        "meetings",
        address::MEETINGS,
        Commands(&[CommandKind::HoldMeeting, CommandKind::VoteResolution]),
    ),
    item("resolutions", address::RESOLUTIONS, READ),
    item("record", address::RECORD, READ),
    item("password", address::PASSWORD, READ),
    item("accounts", address::ACCOUNTS, Administrators),
    item("audit", address::AUDIT, Administrators),
];

/// The menu for `role`.
pub fn items(role: Role) -> Vec<Item> {
    SCREENS
        .iter()
        .filter(|(_, access)| may_open(role, *access))
        .map(|(item, _)| *item)
        .collect()
}

/// Whether `role` may open the screen at `path` (a path of [`SCREENS`], below one, or the
/// audit log's export beside it).
pub fn may_open_path(role: Role, path: &str) -> bool {
    if path == address::AUDIT_CSV {
        return may_open(role, Administrators);
    }
    SCREENS
        .iter()
        .filter(|(item, _)| item.path != address::HOME)
        .find(|(item, _)| path == item.path || path.starts_with(&format!("{}/", item.path)))
        .is_none_or(|(_, access)| may_open(role, *access))
}

fn may_open(role: Role, access: Access) -> bool {
    match access {
        Commands(commands) => {
            commands.is_empty() || commands.iter().any(|k| k.permission().allows(role))
        }
        Administrators => role == Role::Administrator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_screen_is_on_the_menu_of_operators_and_supervisors_only() {
        for role in [
            Role::Administrator,
            Role::Secretary,
            Role::Operator,
            Role::Supervisor,
            Role::Observer,
        ] {
            let listed = items(role).iter().any(|i| i.path == address::ENTRY);
            assert_eq!(
                listed,
                matches!(role, Role::Operator | Role::Supervisor),
                "{role:?}"
            );
            assert_eq!(may_open_path(role, "/staff/entry/13/13001"), listed);
            assert!(may_open_path(role, address::CONSTITUENCIES));
            for path in [address::CANDIDATES, address::COMPLAINTS, address::INCIDENTS] {
                assert!(
                    items(role).iter().any(|i| i.path == path),
                    "{role:?} {path}"
                );
                assert!(may_open_path(role, &format!("{path}/x")));
            }
        }
    }

    #[test]
    fn the_meetings_are_a_secretarys_and_every_account_reads_results_and_resolutions() {
        for role in [
            Role::Administrator,
            Role::Secretary,
            Role::Operator,
            Role::Supervisor,
            Role::Observer,
        ] {
            let listed = items(role).iter().any(|i| i.path == address::MEETINGS);
            assert_eq!(listed, role == Role::Secretary, "{role:?}");
            assert_eq!(
                may_open_path(role, "/staff/meetings/CEC-M-2026-02-13-1/resolution"),
                listed
            );
            assert!(may_open_path(role, "/staff/results/13"));
            assert!(may_open_path(role, "/staff/resolutions/412"));
        }
    }

    #[test]
    fn the_accounts_and_the_audit_log_are_for_administrators_alone() {
        for role in [
            Role::Administrator,
            Role::Secretary,
            Role::Operator,
            Role::Supervisor,
            Role::Observer,
        ] {
            let admin = role == Role::Administrator;
            for path in [
                address::ACCOUNTS,
                "/staff/accounts/cec.operator/disable",
                address::AUDIT,
                address::AUDIT_CSV,
            ] {
                assert_eq!(may_open_path(role, path), admin, "{role:?} {path}");
            }
            let listed: Vec<&str> = items(role).iter().map(|i| i.path).collect();
            assert_eq!(listed.contains(&address::ACCOUNTS), admin, "{role:?}");
            assert_eq!(listed.contains(&address::AUDIT), admin, "{role:?}");
            // Every account changes its own password and reads the record.
            assert!(listed.contains(&address::PASSWORD), "{role:?}");
            assert!(may_open_path(role, address::RECORD), "{role:?}");
            assert!(may_open_path(role, address::ELECTIONS), "{role:?}");
        }
    }
}

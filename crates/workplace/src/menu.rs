//! The menu: the screens a viewer may open. A screen that gives commands is listed only for
//! a role the permission table lets give one of them; the screens that only show the record
//! are every logged-in account's (an observer reads everything).

use tandoo_core::Role;
use tandoo_core::permission::CommandKind;

use crate::address;

/// One item of the menu: its catalog key (`staff-menu-…`) and address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub key: &'static str,
    pub path: &'static str,
}

/// The screens, in the menu's order, each with the commands it gives (none for a screen
/// that only shows).
const SCREENS: &[(Item, &[CommandKind])] = &[
    (
        Item {
            key: "home",
            path: address::HOME,
        },
        &[],
    ),
    (
        Item {
            key: "constituencies",
            path: address::CONSTITUENCIES,
        },
        &[],
    ),
    // Everyone reads the candidates, complaints and incidents; the forms on them are left
    // out for a viewer the permission table does not let give their commands.
    (
        Item {
            key: "candidates",
            path: address::CANDIDATES,
        },
        &[],
    ),
    (
        Item {
            key: "complaints",
            path: address::COMPLAINTS,
        },
        &[],
    ),
    (
        Item {
            key: "incidents",
            path: address::INCIDENTS,
        },
        &[],
    ),
    (
        Item {
            key: "entry",
            path: address::ENTRY,
        },
        &[CommandKind::EnterProtocol, CommandKind::SettleProtocol],
    ),
    (
        Item {
            key: "results",
            path: address::RESULTS,
        },
        &[],
    ),
    (
        Item {
            key: "resolutions",
            path: address::RESOLUTIONS,
        },
        &[],
    ),
    (
        Item {
            key: "meetings",
            path: address::MEETINGS,
        },
        &[CommandKind::HoldMeeting, CommandKind::VoteResolution],
    ),
];

/// The menu for `role`.
pub fn items(role: Role) -> Vec<Item> {
    SCREENS
        .iter()
        .filter(|(_, commands)| may_open(role, commands))
        .map(|(item, _)| *item)
        .collect()
}

/// Whether `role` may open the screen at `path` (a path of [`SCREENS`] or below one).
pub fn may_open_path(role: Role, path: &str) -> bool {
    SCREENS
        .iter()
        .filter(|(item, _)| item.path != address::HOME)
        .find(|(item, _)| path == item.path || path.starts_with(&format!("{}/", item.path)))
        .is_none_or(|(_, commands)| may_open(role, commands))
}

fn may_open(role: Role, commands: &[CommandKind]) -> bool {
    commands.is_empty() || commands.iter().any(|k| k.permission().allows(role))
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
}

//! The accounts (for administrators): every account with its role, commission and whether it
//! is disabled; a form to add one, with the role and the commission picked from lists (the
//! commissions the record holds), the password typed twice; a button to disable each, and a
//! form to give it another role or commission. And every user's own password: the current
//! one, the new one twice.
//!
//! Accounts are not the record's: the server keeps them and writes each change to the audit
//! log. This module only draws them, and says which field a refusal concerns.

use maud::{Markup, html};
use tandoo_core::ids::CommissionId;
use tandoo_core::{Role, State};
use tandoo_present::{FluentArgs, words, written};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// Every role, in the order the lists offer them.
pub const ROLES: [Role; 5] = [
    Role::Administrator,
    Role::Secretary,
    Role::Operator,
    Role::Supervisor,
    Role::Observer,
];

/// An account as the list shows it (never with its password).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub user: String,
    pub role: Role,
    pub commission: CommissionId,
    pub disabled: bool,
}

/// What a refused form is shown again with: the field each problem concerns and the
/// problem's code (`staff-problem-CODE` words it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub code: &'static str,
}

impl Problem {
    /// The field a refusal of the accounts' store concerns, by its code; `None` for a
    /// code that is not about what was typed.
    pub fn for_code(code: &str) -> Option<Problem> {
        let (field, code) = match code {
            "ACCOUNT_EXISTS" => ("user", "ACCOUNT_EXISTS"),
            "BAD_USER_NAME" => ("user", "BAD_USER_NAME"),
            "UNKNOWN_ACCOUNT" => ("user", "UNKNOWN_ACCOUNT"),
            "OWN_ACCOUNT" => ("user", "OWN_ACCOUNT"),
            "BAD_ROLE" => ("role", "BAD_ROLE"),
            "BAD_COMMISSION" => ("commission", "BAD_COMMISSION"),
            "UNKNOWN_COMMISSION" => ("commission", "UNKNOWN_COMMISSION"),
            "PASSWORD_TOO_SHORT" => ("password", "PASSWORD_TOO_SHORT"),
            "PASSWORD_TOO_LONG" => ("password", "PASSWORD_TOO_LONG"),
            "PASSWORDS_DIFFER" => ("password_again", "PASSWORDS_DIFFER"),
            "WRONG_PASSWORD" => ("current", "WRONG_PASSWORD"),
            "TOO_MANY_ATTEMPTS" => ("current", "TOO_MANY_ATTEMPTS"),
            _ => return None,
        };
        Some(Problem { field, code })
    }
}

/// What the add form held when it was refused (never the passwords).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewAccount {
    pub user: String,
    pub role: String,
    pub commission: String,
}

/// The accounts screen. `notice` is a catalog key said at the top (what was just done);
/// `min_password` the fewest characters a password may have.
pub fn list(
    screen: &Screen,
    state: &State,
    accounts: &[Account],
    typed: &NewAccount,
    problems: &[Problem],
    notice: Option<&str>,
    min_password: usize,
) -> String {
    let Some(viewer) = screen.viewer else {
        return String::new();
    };
    let title = screen.word("accounts-title");
    let main = html! {
        @if let Some(key) = notice {
            p.notice role="status" { (screen.word(key)) }
        }
        (summary(screen, problems, min_password))
        table.accounts {
            caption { (screen.word("accounts-caption")) }
            thead { tr {
                th scope="col" { (screen.word("account-user")) }
                th scope="col" { (screen.word("account-role")) }
                th scope="col" { (screen.word("account-commission")) }
                th scope="col" { (screen.word("account-state")) }
                th scope="col" { (screen.word("account-change")) }
            } }
            tbody {
                @for (n, account) in accounts.iter().enumerate() {
                    tr {
                        th scope="row" { bdi { (account.user) } }
                        td { (words::role(account.role, screen.language)) }
                        td { bdi { (commission_name(screen, state, &account.commission)) } }
                        td { (screen.word(if account.disabled { "account-disabled" } else { "account-active" })) }
                        td {
                            @if !account.disabled && account.user != viewer.user {
                                (role_form(screen, state, account, n))
                                form method="post" action=(address::disable_account(&account.user)) {
                                    input type="hidden" name="csrf" value=(screen.csrf());
                                    button.secondary type="submit" {
                                        (screen.say("account-disable", &user_args(&account.user)))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="add-heading" {
            h2 #add-heading { (screen.word("account-add-heading")) }
            (add_form(screen, state, typed, problems, min_password))
        }
    };
    document(screen, Some(state), &title, main)
}

fn user_args(user: &str) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("user", user.to_owned());
    args
}

fn role_form(screen: &Screen, state: &State, account: &Account, n: usize) -> Markup {
    let role_id = format!("role-{n}");
    let commission_id = format!("commission-{n}");
    html! {
        form.inline method="post" action=(address::account_role(&account.user)) {
            input type="hidden" name="csrf" value=(screen.csrf());
            div.field {
                label for=(role_id) { (screen.say("account-new-role", &user_args(&account.user))) }
                (role_select(screen, &role_id, Some(account.role)))
            }
            div.field {
                label for=(commission_id) { (screen.say("account-new-commission", &user_args(&account.user))) }
                (commission_select(screen, state, &commission_id, account.commission.as_str()))
            }
            button type="submit" { (screen.say("account-change-role", &user_args(&account.user))) }
        }
    }
}

fn role_select(screen: &Screen, id: &str, chosen: Option<Role>) -> Markup {
    html! {
        select id=(id) name="role" required {
            @for role in ROLES {
                option value=(role_code(role)) selected[chosen == Some(role)] {
                    (words::role(role, screen.language))
                }
            }
        }
    }
}

/// The commissions of the record, the central first, then by id; `chosen` is selected.
fn commission_select(screen: &Screen, state: &State, id: &str, chosen: &str) -> Markup {
    html! {
        select id=(id) name="commission" required {
            @for (cid, commission) in &state.commissions {
                option value=(cid) selected[cid.as_str() == chosen] {
                    (written::text(&commission.name, screen.language)) " (" (cid) ")"
                }
            }
        }
    }
}

fn add_form(
    screen: &Screen,
    state: &State,
    typed: &NewAccount,
    problems: &[Problem],
    min_password: usize,
) -> Markup {
    let chosen_role = ROLES.into_iter().find(|r| role_code(*r) == typed.role);
    html! {
        form.account method="post" action=(address::ACCOUNTS) {
            input type="hidden" name="csrf" value=(screen.csrf());
            (field(screen, problems, "user", "account-user", min_password, html! {
                input #user name="user" type="text" autocomplete="off" required
                    autocapitalize="none" spellcheck="false" maxlength="64" value=(typed.user)
                    aria-invalid=[invalid(problems, "user")]
                    aria-describedby=[described(problems, "user")];
            }))
            (field(screen, problems, "role", "account-role", min_password,
                role_select(screen, "role", chosen_role)))
            (field(screen, problems, "commission", "account-commission", min_password,
                commission_select(screen, state, "commission", &typed.commission)))
            (password_fields(screen, problems, "password", "password_again", min_password))
            button type="submit" { (screen.word("account-add")) }
        }
    }
}

/// The new password typed twice, with the rule it follows.
fn password_fields(
    screen: &Screen,
    problems: &[Problem],
    first: &'static str,
    again: &'static str,
    min_password: usize,
) -> Markup {
    let mut args = FluentArgs::new();
    args.set("min", min_password);
    html! {
        p.hint #password-hint { (screen.say("password-hint", &args)) }
        (field(screen, problems, first, "password-new", min_password, html! {
            input id=(first) name=(first) type="password" autocomplete="new-password" required
                aria-invalid=[invalid(problems, first)]
                aria-describedby=(described(problems, first).map_or_else(
                    || "password-hint".to_owned(), |d| format!("password-hint {d}")));
        }))
        (field(screen, problems, again, "password-again", min_password, html! {
            input id=(again) name=(again) type="password" autocomplete="new-password" required
                aria-invalid=[invalid(problems, again)]
                aria-describedby=[described(problems, again)];
        }))
    }
}

/// A labelled field with its problems beside it.
fn field(
    screen: &Screen,
    problems: &[Problem],
    name: &str,
    label: &str,
    min_password: usize,
    input: Markup,
) -> Markup {
    let own: Vec<&Problem> = problems.iter().filter(|p| p.field == name).collect();
    html! {
        div.field.has-problem[!own.is_empty()] {
            label for=(name) { (screen.word(label)) }
            @if !own.is_empty() {
                div.line-problem id=(format!("{name}-problem")) {
                    @for p in own { p { (problem_text(screen, p, min_password)) } }
                }
            }
            (input)
        }
    }
}

fn invalid(problems: &[Problem], name: &str) -> Option<&'static str> {
    problems.iter().any(|p| p.field == name).then_some("true")
}

fn described(problems: &[Problem], name: &str) -> Option<String> {
    invalid(problems, name).map(|_| format!("{name}-problem"))
}

fn problem_text(screen: &Screen, problem: &Problem, min_password: usize) -> String {
    let mut args = FluentArgs::new();
    args.set("min", min_password);
    screen.say(&format!("problem-{}", problem.code), &args)
}

/// The error summary: each problem a link to its field.
fn summary(screen: &Screen, problems: &[Problem], min_password: usize) -> Markup {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        div.problem role="alert" tabindex="-1" #problem {
            h2 { (screen.word("problem-heading")) }
            ul {
                @for p in problems {
                    li { a href=(format!("#{}", p.field)) { (problem_text(screen, p, min_password)) } }
                }
            }
        }
    }
}

fn commission_name(screen: &Screen, state: &State, id: &CommissionId) -> String {
    state.commissions.get(id).map_or_else(
        || id.to_string(),
        |c| format!("{} ({id})", written::text(&c.name, screen.language)),
    )
}

/// A role as the accounts' store and the forms name it.
pub fn role_code(role: Role) -> &'static str {
    match role {
        Role::Administrator => "administrator",
        Role::Secretary => "secretary",
        Role::Operator => "operator",
        Role::Supervisor => "supervisor",
        Role::Observer => "observer",
    }
}

/// The viewer's own password: the current one, then the new one twice.
pub fn password(
    screen: &Screen,
    state: &State,
    problems: &[Problem],
    changed: bool,
    min_password: usize,
) -> String {
    let title = screen.word("password-title");
    let main = html! {
        @if changed {
            p.notice role="status" { (screen.word("password-changed")) }
        }
        (summary(screen, problems, min_password))
        p { (screen.word("password-intro")) }
        form.account method="post" action=(address::PASSWORD) {
            input type="hidden" name="csrf" value=(screen.csrf());
            (field(screen, problems, "current", "password-current", min_password, html! {
                input #current name="current" type="password" autocomplete="current-password"
                    required aria-invalid=[invalid(problems, "current")]
                    aria-describedby=[described(problems, "current")];
            }))
            (password_fields(screen, problems, "password", "password_again", min_password))
            button type="submit" { (screen.word("password-submit")) }
        }
    };
    document(screen, Some(state), &title, main)
}

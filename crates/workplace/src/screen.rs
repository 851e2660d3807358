//! What every screen is drawn for: the language, the account looking at it and the
//! screen's own address; and the words and figures a screen writes, in that language.

use tandoo_core::ids::{CommissionId, ConstituencyNo};
use tandoo_core::{Actor, Role, State};
use tandoo_present::{FluentArgs, Language, catalog, number, written};

/// The logged-in account a screen is drawn for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Viewer {
    pub user: String,
    pub role: Role,
    pub commission: CommissionId,
    /// The session's CSRF token, written into every form the screen holds.
    pub csrf_token: String,
}

impl Viewer {
    pub fn actor(&self) -> Actor {
        Actor {
            user: self.user.clone(),
            role: self.role,
            commission: self.commission.clone(),
        }
    }
}

/// One screen being drawn.
pub struct Screen<'a> {
    pub language: Language,
    /// `None` on the login page.
    pub viewer: Option<&'a Viewer>,
    /// The screen's own path (with its query but no `lang`): the language switch comes back
    /// to it.
    pub path: String,
}

impl<'a> Screen<'a> {
    pub fn new(language: Language, viewer: Option<&'a Viewer>, path: impl Into<String>) -> Self {
        Screen {
            language,
            viewer,
            path: path.into(),
        }
    }

    /// A workplace message (`staff-…`) that takes no arguments.
    pub fn word(&self, key: &str) -> String {
        catalog::text(self.language, &format!("staff-{key}"), None)
    }

    /// A workplace message with its arguments.
    pub fn say(&self, key: &str, args: &FluentArgs) -> String {
        catalog::text(self.language, &format!("staff-{key}"), Some(args))
    }

    /// A whole number as the reader's language groups it.
    pub fn number(&self, n: u64) -> String {
        number::whole(n, self.language)
    }

    /// This screen for one page in another language (`?lang=`); the account's own choice
    /// is kept on the home screen.
    pub fn in_language(&self, language: Language) -> String {
        let separator = if self.path.contains('?') { '&' } else { '?' };
        format!("{}{separator}lang={}", self.path, language.code())
    }

    /// Where a form of this screen is sent: `path` in this screen's language, so that a
    /// form sent back with its problems reads as the screen it came from.
    pub fn action(&self, path: &str) -> String {
        let separator = if path.contains('?') { '&' } else { '?' };
        format!("{path}{separator}lang={}", self.language.code())
    }

    /// The CSRF token of the viewer's session (empty on the login page).
    pub fn csrf(&self) -> &str {
        self.viewer.map_or("", |v| v.csrf_token.as_str())
    }

    /// Whether the viewer enters or settles protocols of `constituency`: an operator or
    /// supervisor of a commission with competence over it.
    pub fn works_on(&self, state: &State, constituency: ConstituencyNo) -> bool {
        self.viewer.is_some_and(|viewer| {
            matches!(viewer.role, Role::Operator | Role::Supervisor)
                && state
                    .commissions
                    .get(&viewer.commission)
                    .is_some_and(|c| c.covers_constituency(constituency))
        })
    }

    /// A constituency's name in the screen's language with its number (`No. 13: Bishkek`),
    /// or as written when the name holds the number already (`Constituency No. 13`).
    pub fn constituency(&self, state: &State, number: ConstituencyNo) -> String {
        let written = state
            .constituencies
            .get(&number)
            .map(|c| written::text(&c.name, self.language).to_owned())
            .unwrap_or_default();
        let digits = number.to_string();
        if written
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d == digits)
        {
            return written;
        }
        let mut args = FluentArgs::new();
        args.set("number", digits);
        args.set("name", written);
        self.say("constituency-name", &args)
    }
}

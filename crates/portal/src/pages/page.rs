//! What every page is rendered for: one reader's language, the publication's edition and
//! the page's own address; and the words, figures and links a page writes, each in that
//! language.

use tandoo_core::LegalDate;
use tandoo_core::resolution::Citation;
use tandoo_present::{FluentArgs, Language, catalog, number};

use crate::address;
use crate::publication::Edition;

/// One page being rendered.
pub struct Page<'a> {
    pub language: Language,
    pub edition: &'a Edition,
    /// The page's own path (`/results/13`): the language switch and the date picker come
    /// back to it.
    pub path: String,
}

impl<'a> Page<'a> {
    pub fn new(language: Language, edition: &'a Edition, path: impl Into<String>) -> Page<'a> {
        Page {
            language,
            edition,
            path: path.into(),
        }
    }

    /// A link to `path` that keeps this page's language and date (see [`address::link`]).
    pub fn link(&self, path: &str) -> String {
        address::link(path, self.language, self.edition.as_of)
    }

    /// This page in another language, on the same date.
    pub fn in_language(&self, language: Language) -> String {
        address::link(&self.path, language, self.edition.as_of)
    }

    /// A portal message (`portal-…`) that takes no arguments.
    pub fn word(&self, key: &str) -> String {
        catalog::text(self.language, &format!("portal-{key}"), None)
    }

    /// A portal message with its arguments.
    pub fn say(&self, key: &str, args: &FluentArgs) -> String {
        catalog::text(self.language, &format!("portal-{key}"), Some(args))
    }

    /// A whole number as the reader's language groups it.
    pub fn number(&self, n: u64) -> String {
        number::whole(n, self.language)
    }

    /// `part` of `whole` as a percentage with two decimals; a share of nothing is written
    /// as a dash, since there is none to speak of.
    pub fn percent(&self, part: u64, whole: u64) -> String {
        number::percent(part, whole, self.language).unwrap_or_else(|| "—".to_owned())
    }

    /// A legal date written out as the reader's language writes it.
    pub fn date(&self, date: LegalDate) -> String {
        tandoo_present::date::date(date, self.language)
    }

    /// A name the commission gave to something it also numbers (a constituency, a
    /// station): the name as written when it holds the number already (`Constituency No.
    /// 13`), else the catalog's `key` with both (`No. 13: Bishkek`).
    pub fn numbered(&self, key: &str, number: &str, name: &str) -> String {
        let holds_number = name
            .split(|c: char| !c.is_ascii_digit())
            .any(|digits| digits == number);
        if holds_number {
            return name.to_owned();
        }
        let mut args = FluentArgs::new();
        args.set("number", number.to_owned());
        args.set("name", name.to_owned());
        self.say(key, &args)
    }

    /// A resolution as the results cite it, in the reader's language.
    pub fn citation(&self, citation: &Citation) -> String {
        tandoo_present::text::citation(citation, self.language)
    }
}

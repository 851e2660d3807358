//! The documents' words, from the `doc-` messages of the presentation crate's catalogs, and
//! the figures and dates as the reader's language writes them.

use std::collections::BTreeMap;

use tandoo_core::LegalDate;
use tandoo_present::{FluentArgs, Language, catalog, number, spelled};

/// The words of one document, in one language.
#[derive(Clone, Copy)]
pub struct Words {
    pub language: Language,
}

impl Words {
    /// The message `doc-KEY`.
    pub fn word(&self, key: &str) -> String {
        catalog::text(self.language, &format!("doc-{key}"), None)
    }

    /// The message `doc-KEY` with its arguments.
    pub fn say(&self, key: &str, args: &FluentArgs) -> String {
        catalog::text(self.language, &format!("doc-{key}"), Some(args))
    }

    /// The labels a template prints as they are, by their keys.
    pub fn labels(&self, keys: &[&str]) -> BTreeMap<String, String> {
        keys.iter()
            .map(|key| (key.to_string(), self.word(key)))
            .collect()
    }

    pub fn number(&self, n: u64) -> String {
        number::whole(n, self.language)
    }

    pub fn spelled(&self, n: u64) -> String {
        spelled::spelled(n, self.language)
    }

    pub fn date(&self, date: LegalDate) -> String {
        tandoo_present::date::date(date, self.language)
    }
}

/// Arguments from pairs, for a message with a few of them.
pub fn args<'a>(pairs: &[(&'a str, String)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

/// The labels every page prints: the head, the digest, the reference, the page number.
pub const PAGE_LABELS: [&str; 5] = [
    "head-label",
    "digest-label",
    "reference-label",
    "page-label",
    "check-hint",
];

/// A phrase as a sentence starts it: with a capital letter, in any script.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

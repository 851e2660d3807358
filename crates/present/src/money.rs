//! Sums of money in words: the amount written as the language writes numbers, with the
//! currency's name from the catalog. Apart from `number`, which the catalog itself uses to
//! write the figures of its messages, so that the two do not import each other.

use crate::{Language, catalog, number};
use fluent_bundle::FluentArgs;

/// A sum of money from tyiyn, with the currency: `300,000 som`, `300 000 сом`.
pub fn money(tyiyn: u64, language: Language) -> String {
    let mut args = FluentArgs::new();
    args.set("amount", number::amount(tyiyn, language));
    catalog::text(language, "money", Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_in_som_from_tyiyn() {
        assert_eq!(money(30_000_000, Language::En), "300,000 som");
        assert_eq!(money(30_000_000, Language::Ru), "300\u{a0}000\u{a0}сом");
        assert_eq!(money(30_000_000, Language::Ky), "300\u{a0}000\u{a0}сом");
        assert_eq!(money(125_050, Language::Ru), "1\u{a0}250,50\u{a0}сом");
    }
}

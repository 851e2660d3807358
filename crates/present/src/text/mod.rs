//! Plain-text rendering of results for a terminal, in the reader's language: the national
//! view, a constituency's view with its contests, the marks of the count's steps with their
//! legend, late acts and the flag when the count differs from the recognised result. The
//! views give data (standings, marks, figures, dates); every word comes from the catalogs,
//! figures are written by [`crate::number`], and what the commission and the candidates
//! wrote by [`crate::written`].
//!
//! The layout (indents, column widths, the marks' symbols) is the same in every language,
//! so that a reader can lay two renderings side by side.

mod citation;
mod constituency;
mod contest;
mod national;

pub use citation::{citation, citations};
pub use constituency::{constituency, seats_line};
pub use national::{gender_check, national, seat_count};

use crate::{FluentArgs, Language, catalog, number, written};
use tandoo_core::LegalDate;
use tandoo_core::candidate::CandidateName;
use tandoo_core::results::{RuleSetName, SeatStanding};

/// A message of the results' part of the catalog (`status-…`).
fn say(language: Language, key: &str, args: &FluentArgs) -> String {
    catalog::text(language, &format!("status-{key}"), Some(args))
}

/// A message that takes no arguments.
fn word(language: Language, key: &str) -> String {
    catalog::text(language, &format!("status-{key}"), None)
}

/// The text that follows a view's title when it is shown as of a date (" as of …"), or
/// nothing for the record's present state.
pub fn as_of(date: Option<LegalDate>, language: Language) -> String {
    date.map(|d| {
        let mut args = FluentArgs::new();
        args.set("date", day(d, language));
        format!(" {}", say(language, "as-of", &args))
    })
    .unwrap_or_default()
}

/// A date as the results show it: English keeps the record's `YYYY-MM-DD` (what a reader
/// types back into `--as-of`); Russian and Kyrgyz write it out as their documents do.
fn day(date: LegalDate, language: Language) -> String {
    match language {
        Language::En => date.to_string(),
        Language::Ru | Language::Ky => crate::date::date(date, language),
    }
}

/// `part` of `whole` as a percentage; no share of nothing is written as zero, as the
/// views of core state it.
fn share(part: u64, whole: u64, language: Language) -> String {
    number::percent(part, whole, language)
        .or_else(|| number::percent(0, 1, language))
        .unwrap_or_default()
}

/// A count of things with its noun in the right plural form (`status-count-seats`, …).
pub fn counted(language: Language, noun: &str, count: u64) -> String {
    let mut args = FluentArgs::new();
    args.set("count", count);
    say(language, &format!("count-{noun}"), &args)
}

/// Candidates' names for this reader, joined; "nobody" for none.
fn names_or_nobody(names: &[CandidateName], language: Language) -> String {
    if names.is_empty() {
        return word(language, "nobody");
    }
    let names: Vec<&str> = names
        .iter()
        .map(|n| written::candidate_name(n, language))
        .collect();
    names.join(", ")
}

/// A rule set's name: a preset's from the catalog (`status-rule-set-jogorku_kenesh_2025`), a
/// commission's own rule set by the name it gave.
pub fn rule_set(name: &RuleSetName, language: Language) -> String {
    match name {
        RuleSetName::Preset(code) => word(language, &format!("rule-set-{code}")),
        RuleSetName::Custom(name) => name.clone(),
    }
}

/// What the seats' holders are called, by how firm the seats are.
pub fn standing_word(standing: SeatStanding, language: Language) -> String {
    word(language, &format!("holders-{}", seat_code(standing)))
}

fn seat_code(standing: SeatStanding) -> &'static str {
    match standing {
        SeatStanding::Elected => "elected",
        SeatStanding::Allocated => "allocated",
        SeatStanding::Leading => "leading",
    }
}

/// `format!("{:<width$}")` for a text that may have been made in any language; a width is
/// counted in characters, so Cyrillic pads as Latin does.
fn padded(text: &str, width: usize) -> String {
    format!("{text:<width$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_seats_take_the_cldr_plural_form_of_each_language() {
        let seats = |language| [1, 3, 5, 21, 1000].map(|n| counted(language, "seats", n));
        assert_eq!(
            seats(Language::Ru),
            [
                "1 мандат",
                "3 мандата",
                "5 мандатов",
                "21 мандат",
                "1\u{a0}000 мандатов"
            ]
        );
        assert_eq!(
            seats(Language::En),
            ["1 seat", "3 seats", "5 seats", "21 seats", "1,000 seats"]
        );
        assert_eq!(seats(Language::Ky)[1], "3 мандат");
    }

    #[test]
    fn a_date_stays_as_the_record_writes_it_in_english_and_is_written_out_in_russian_and_kyrgyz() {
        let date: LegalDate = "2026-02-13".parse().unwrap();
        assert_eq!(as_of(Some(date), Language::En), " as of 2026-02-13");
        assert_eq!(as_of(Some(date), Language::Ru), " на 13 февраля 2026 г.");
        assert_eq!(as_of(None, Language::Ky), "");
    }

    #[test]
    fn every_preset_rule_set_has_a_name_in_every_language() {
        for code in tandoo_core::rules::PRESETS {
            for language in Language::ALL {
                let key = format!("status-rule-set-{code}");
                assert!(catalog::has(language, &key), "{language} lacks {key}");
            }
        }
        let preset = RuleSetName::Preset("jogorku_kenesh_2025");
        assert_eq!(rule_set(&preset, Language::Ru), "Жогорку Кенеш 2025");
        assert_eq!(
            rule_set(&RuleSetName::Custom("r".into()), Language::Ky),
            "r"
        );
    }

    #[test]
    fn every_results_message_is_in_every_catalog() {
        for key in catalog::keys(Language::En)
            .into_iter()
            .filter(|k| k.starts_with("status-"))
        {
            for language in Language::ALL {
                assert!(catalog::has(language, key), "{language} lacks {key}");
            }
        }
    }
}

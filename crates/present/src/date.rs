//! Legal dates as each language writes them in a document: `13 February 2026`,
//! `13 февраля 2026 г.`, `2026-жылдын 13-февралы`. The month names and the order of the
//! parts are catalog messages (`month-1` … `month-12`, `date`), so a reviewer corrects
//! them in the catalog, not in code.

use crate::{Language, catalog};
use fluent_bundle::FluentArgs;
use tandoo_core::LegalDate;

/// The year, month and day of a legal date. `LegalDate` shows them only in its canonical
/// `YYYY-MM-DD` form, which is read back here.
fn parts(date: LegalDate) -> (u16, u8, u8) {
    let text = date.to_string();
    let number = |range: std::ops::Range<usize>| text[range].parse::<u16>().unwrap_or_default();
    (date.year(), number(5..7) as u8, number(8..10) as u8)
}

/// A legal date written out in `language`.
pub fn date(date: LegalDate, language: Language) -> String {
    let (year, month, day) = parts(date);
    long_date(year, month, day, language)
}

/// A calendar date written out in `language`; month 1–12.
pub fn long_date(year: u16, month: u8, day: u8, language: Language) -> String {
    let month = catalog::text(language, &format!("month-{month}"), None);
    let mut args = FluentArgs::new();
    // Year and day are given as text: a year is not a quantity to group (`2 026`).
    args.set("year", year.to_string());
    args.set("day", day.to_string());
    args.set("month", month);
    catalog::text(language, "date", Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> LegalDate {
        text.parse().unwrap()
    }

    #[test]
    fn english_writes_day_month_year() {
        assert_eq!(date(day("2026-02-13"), Language::En), "13 February 2026");
        assert_eq!(date(day("2025-11-30"), Language::En), "30 November 2025");
    }

    #[test]
    fn russian_writes_the_month_in_the_genitive_and_the_year_with_g() {
        assert_eq!(date(day("2026-02-13"), Language::Ru), "13 февраля 2026 г.");
        assert_eq!(date(day("2025-11-30"), Language::Ru), "30 ноября 2025 г.");
        assert_eq!(date(day("2026-03-01"), Language::Ru), "1 марта 2026 г.");
    }

    #[test]
    fn kyrgyz_writes_the_year_first_then_the_day_and_the_month() {
        assert_eq!(
            date(day("2026-02-13"), Language::Ky),
            "2026-жылдын 13-февралы"
        );
        assert_eq!(
            date(day("2025-11-30"), Language::Ky),
            "2025-жылдын 30-ноябры"
        );
    }

    #[test]
    fn every_month_has_a_name_in_every_language() {
        for language in Language::ALL {
            for month in 1..=12 {
                assert!(
                    catalog::has(language, &format!("month-{month}")),
                    "{language} lacks month {month}"
                );
            }
        }
    }
}

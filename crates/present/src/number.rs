//! Numbers as each language writes them: whole numbers grouped by thousands (English
//! `1,584,446`; Russian and Kyrgyz `1 584 446`, with a no-break space), and percentages
//! from two integers, exactly: the digits come from integer arithmetic rounded half up to
//! two places, never from a float (English `36.90%`, Russian and Kyrgyz `36,90 %`); and the
//! digits of amounts of money (`crate::money` adds the currency).

use crate::Language;

/// The no-break space: Russian and Kyrgyz group thousands with it and put it before `%`
/// and a currency, so that a figure is never broken across two lines.
pub const NO_BREAK_SPACE: char = '\u{a0}';

/// The separators of a language: between groups of thousands, and before the decimals.
fn separators(language: Language) -> (char, char) {
    match language {
        Language::En => (',', '.'),
        Language::Ru | Language::Ky => (NO_BREAK_SPACE, ','),
    }
}

/// A whole number with its thousands grouped: `1,584,446` or `1 584 446`.
pub fn whole(number: u64, language: Language) -> String {
    grouped(u128::from(number), language)
}

fn grouped(number: u128, language: Language) -> String {
    let (group, _) = separators(language);
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
    out
}

/// `part` of `whole` in hundredths of a percent, rounded half up: 0.369 of a whole is
/// 3,690 (36.90%), and 1 of 3 is 3,333 (33.33%). `None` when `whole` is zero, where there
/// is no share to speak of.
pub fn hundredths_of_percent(part: u64, whole: u64) -> Option<u128> {
    if whole == 0 {
        return None;
    }
    // round(part * 10_000 / whole) half up = floor((2 * part * 10_000 + whole) / (2 * whole));
    // in 128 bits no product of two u64 figures and 20_000 overflows.
    let (part, whole) = (u128::from(part), u128::from(whole));
    Some((2 * part * 10_000 + whole) / (2 * whole))
}

/// A percentage with two decimals: `36.90%` in English, `36,90 %` in Russian and Kyrgyz.
/// `None` when `whole` is zero.
pub fn percent(part: u64, whole: u64, language: Language) -> Option<String> {
    let hundredths = hundredths_of_percent(part, whole)?;
    let (_, decimal) = separators(language);
    // A part may exceed its whole (a share above 100%), so the integer part stays u128.
    let integer = grouped(hundredths / 100, language);
    let fraction = hundredths % 100;
    let sign = match language {
        Language::En => "%".to_string(),
        Language::Ru | Language::Ky => format!("{NO_BREAK_SPACE}%"),
    };
    Some(format!("{integer}{decimal}{fraction:02}{sign}"))
}

/// An amount in the currency's smallest unit (tyiyn, a hundredth of a som) as digits:
/// whole units grouped, and the hundredths only when there are any (`300,000`,
/// `1,250.50`; `300 000`, `1 250,50`).
pub fn amount(minor_units: u64, language: Language) -> String {
    let (_, decimal) = separators(language);
    let units = whole(minor_units / 100, language);
    match minor_units % 100 {
        0 => units,
        cents => format!("{units}{decimal}{cents:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_groups_thousands_with_commas() {
        assert_eq!(whole(1_584_446, Language::En), "1,584,446");
        assert_eq!(whole(160_344, Language::En), "160,344");
        assert_eq!(whole(999, Language::En), "999");
        assert_eq!(whole(0, Language::En), "0");
        assert_eq!(whole(1000, Language::En), "1,000");
    }

    #[test]
    fn russian_and_kyrgyz_group_thousands_with_a_no_break_space() {
        assert_eq!(whole(1_584_446, Language::Ru), "1\u{a0}584\u{a0}446");
        assert_eq!(whole(160_344, Language::Ky), "160\u{a0}344");
        assert_eq!(whole(12, Language::Ru), "12");
    }

    #[test]
    fn percentages_round_half_up_to_two_places_without_a_float() {
        assert_eq!(hundredths_of_percent(369, 1000), Some(3690));
        assert_eq!(hundredths_of_percent(1, 3), Some(3333));
        assert_eq!(hundredths_of_percent(2, 3), Some(6667));
        // 1/8 = 12.5% exactly; 1/1600 = 0.0625% is 0.06 to two places.
        assert_eq!(hundredths_of_percent(1, 8), Some(1250));
        assert_eq!(hundredths_of_percent(1, 1600), Some(6));
        // 1/20000 = 0.005% exactly: half of a hundredth rounds up; a little less rounds down.
        assert_eq!(hundredths_of_percent(1, 20_000), Some(1));
        assert_eq!(hundredths_of_percent(1, 20_001), Some(0));
        assert_eq!(hundredths_of_percent(5, 0), None);
        assert_eq!(
            hundredths_of_percent(u64::MAX, u64::MAX),
            Some(10_000),
            "the largest figures still divide exactly"
        );
    }

    #[test]
    fn percentages_are_written_as_each_language_writes_them() {
        assert_eq!(percent(369, 1000, Language::En).unwrap(), "36.90%");
        assert_eq!(percent(369, 1000, Language::Ru).unwrap(), "36,90\u{a0}%");
        assert_eq!(percent(369, 1000, Language::Ky).unwrap(), "36,90\u{a0}%");
        assert_eq!(percent(1, 3, Language::En).unwrap(), "33.33%");
        assert_eq!(percent(0, 7, Language::Ru).unwrap(), "0,00\u{a0}%");
        assert_eq!(percent(7, 7, Language::En).unwrap(), "100.00%");
        assert_eq!(percent(3, 0, Language::En), None);
    }

    #[test]
    fn amounts_show_hundredths_only_when_there_are_some() {
        assert_eq!(amount(30_000_000, Language::En), "300,000");
        assert_eq!(amount(30_000_000, Language::Ru), "300\u{a0}000");
        assert_eq!(amount(125_050, Language::En), "1,250.50");
        assert_eq!(amount(125_005, Language::Ky), "1\u{a0}250,05");
        assert_eq!(amount(5, Language::En), "0.05");
    }
}

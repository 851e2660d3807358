//! A whole number in words, as a protocol writes its figures a second time so that a figure
//! altered on paper no longer matches its words: "сто шестьдесят тысяч триста сорок четыре",
//! "жүз алтымыш миң үч жүз кырк төрт", "one hundred sixty thousand three hundred forty-four".
//!
//! Cardinal numbers in the nominative, as the forms write them. Russian thousands are
//! feminine (одна тысяча, две тысячи) and take the noun's plural by the last digits; Kyrgyz
//! puts the multiplier before жүз, миң and миллион and never inflects them.

use crate::Language;

/// `number` in words in `language`.
pub fn spelled(number: u64, language: Language) -> String {
    match language {
        Language::Ru => russian(number),
        Language::Ky => kyrgyz(number),
        Language::En => english(number),
    }
}

/// Groups of three digits, lowest first, with their scale (0 for units, 1 for thousands…).
fn groups(mut number: u64) -> Vec<(usize, u64)> {
    let mut groups = Vec::new();
    let mut scale = 0;
    while number > 0 {
        groups.push((scale, number % 1000));
        number /= 1000;
        scale += 1;
    }
    groups
}

/// Joins the highest group first, leaving out empty groups.
fn joined(number: u64, group: impl Fn(usize, u64) -> String) -> String {
    groups(number)
        .into_iter()
        .rev()
        .filter(|(_, value)| *value > 0)
        .map(|(scale, value)| group(scale, value))
        .collect::<Vec<_>>()
        .join(" ")
}

const RU_UNITS: [&str; 20] = [
    "",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];
const RU_TENS: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];
const RU_HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];
/// The scale nouns in the forms for one, for two to four, and for five and more.
const RU_SCALES: [[&str; 3]; 7] = [
    ["", "", ""],
    ["тысяча", "тысячи", "тысяч"],
    ["миллион", "миллиона", "миллионов"],
    ["миллиард", "миллиарда", "миллиардов"],
    ["триллион", "триллиона", "триллионов"],
    ["квадриллион", "квадриллиона", "квадриллионов"],
    ["квинтиллион", "квинтиллиона", "квинтиллионов"],
];

fn russian(number: u64) -> String {
    if number == 0 {
        return "ноль".into();
    }
    joined(number, |scale, value| {
        let mut words: Vec<&str> = Vec::new();
        let hundreds = (value / 100) as usize;
        let rest = (value % 100) as usize;
        if hundreds > 0 {
            words.push(RU_HUNDREDS[hundreds]);
        }
        let units = if rest < 20 { rest } else { rest % 10 };
        if rest >= 20 {
            words.push(RU_TENS[rest / 10]);
        }
        if units > 0 {
            // Thousands are feminine: одна тысяча, две тысячи.
            words.push(match (scale, units) {
                (1, 1) => "одна",
                (1, 2) => "две",
                _ => RU_UNITS[units],
            });
        }
        if scale > 0 {
            let form = match (rest % 10, rest) {
                (_, 11..=14) => 2,
                (1, _) => 0,
                (2..=4, _) => 1,
                _ => 2,
            };
            words.push(RU_SCALES[scale][form]);
        }
        words.join(" ")
    })
}

const KY_UNITS: [&str; 10] = [
    "",
    "бир",
    "эки",
    "үч",
    "төрт",
    "беш",
    "алты",
    "жети",
    "сегиз",
    "тогуз",
];
const KY_TENS: [&str; 10] = [
    "",
    "он",
    "жыйырма",
    "отуз",
    "кырк",
    "элүү",
    "алтымыш",
    "жетимиш",
    "сексен",
    "токсон",
];
const KY_SCALES: [&str; 7] = [
    "",
    "миң",
    "миллион",
    "миллиард",
    "триллион",
    "квадриллион",
    "квинтиллион",
];

fn kyrgyz(number: u64) -> String {
    if number == 0 {
        return "нөл".into();
    }
    joined(number, |scale, value| {
        let mut words: Vec<&str> = Vec::new();
        let hundreds = (value / 100) as usize;
        if hundreds > 1 {
            words.push(KY_UNITS[hundreds]);
        }
        if hundreds > 0 {
            words.push("жүз");
        }
        let tens = ((value % 100) / 10) as usize;
        let units = (value % 10) as usize;
        if tens > 0 {
            words.push(KY_TENS[tens]);
        }
        if units > 0 {
            words.push(KY_UNITS[units]);
        }
        if scale > 0 {
            words.push(KY_SCALES[scale]);
        }
        words.join(" ")
    })
}

const EN_UNITS: [&str; 20] = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const EN_SCALES: [&str; 7] = [
    "",
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
];

fn english(number: u64) -> String {
    if number == 0 {
        return "zero".into();
    }
    joined(number, |scale, value| {
        let mut words: Vec<String> = Vec::new();
        let hundreds = (value / 100) as usize;
        let rest = (value % 100) as usize;
        if hundreds > 0 {
            words.push(format!("{} hundred", EN_UNITS[hundreds]));
        }
        match rest {
            0 => {}
            1..=19 => words.push(EN_UNITS[rest].into()),
            _ if rest.is_multiple_of(10) => words.push(EN_TENS[rest / 10].into()),
            _ => words.push(format!("{}-{}", EN_TENS[rest / 10], EN_UNITS[rest % 10])),
        }
        if scale > 0 {
            words.push(EN_SCALES[scale].into());
        }
        words.join(" ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_has_a_word_of_its_own() {
        assert_eq!(spelled(0, Language::Ru), "ноль");
        assert_eq!(spelled(0, Language::Ky), "нөл");
        assert_eq!(spelled(0, Language::En), "zero");
    }

    #[test]
    fn the_voters_of_constituency_13_in_words() {
        assert_eq!(
            spelled(160_344, Language::Ru),
            "сто шестьдесят тысяч триста сорок четыре"
        );
        assert_eq!(
            spelled(160_344, Language::Ky),
            "жүз алтымыш миң үч жүз кырк төрт"
        );
        assert_eq!(
            spelled(160_344, Language::En),
            "one hundred sixty thousand three hundred forty-four"
        );
    }

    #[test]
    fn russian_thousands_are_feminine_and_agree_with_their_number() {
        assert_eq!(spelled(1_000, Language::Ru), "одна тысяча");
        assert_eq!(spelled(2_000, Language::Ru), "две тысячи");
        assert_eq!(spelled(5_000, Language::Ru), "пять тысяч");
        assert_eq!(spelled(11_000, Language::Ru), "одиннадцать тысяч");
        assert_eq!(spelled(21_000, Language::Ru), "двадцать одна тысяча");
        assert_eq!(spelled(22_001, Language::Ru), "двадцать две тысячи один");
        assert_eq!(spelled(112_000, Language::Ru), "сто двенадцать тысяч");
    }

    #[test]
    fn russian_millions_are_masculine() {
        assert_eq!(spelled(1_000_000, Language::Ru), "один миллион");
        assert_eq!(spelled(2_000_000, Language::Ru), "два миллиона");
        assert_eq!(
            spelled(5_017_397, Language::Ru),
            "пять миллионов семнадцать тысяч триста девяносто семь"
        );
    }

    #[test]
    fn kyrgyz_puts_the_multiplier_before_the_scale_but_not_before_one_hundred() {
        assert_eq!(spelled(100, Language::Ky), "жүз");
        assert_eq!(spelled(300, Language::Ky), "үч жүз");
        assert_eq!(spelled(1_000, Language::Ky), "бир миң");
        assert_eq!(
            spelled(17_397, Language::Ky),
            "он жети миң үч жүз токсон жети"
        );
        assert_eq!(spelled(2_000_050, Language::Ky), "эки миллион элүү");
    }

    #[test]
    fn english_hyphenates_the_tens_and_units() {
        assert_eq!(spelled(21, Language::En), "twenty-one");
        assert_eq!(spelled(90, Language::En), "ninety");
        assert_eq!(
            spelled(13_477, Language::En),
            "thirteen thousand four hundred seventy-seven"
        );
    }

    #[test]
    fn the_largest_figure_has_words() {
        for language in Language::ALL {
            assert!(!spelled(u64::MAX, language).is_empty());
        }
        assert!(spelled(u64::MAX, Language::En).starts_with("eighteen quintillion"));
    }
}

//! Names in the order each language's readers look for them: Kyrgyz alphabet order (Ң
//! after Н, Ө after О, Ү after У), Russian (Ё beside Е), English (Latin A–Z first).
//!
//! A small collation of our own, keyed by the alphabet tables below, rather than
//! `icu_collator`: tandoo sorts names written in two scripts for three languages, whose
//! alphabets are short and fixed, while ICU's collator brings the collation data of every
//! language of the world (about 1.8 MB of crates to download and build on every machine).
//! The order is by letters first (case and the Ё/Е difference only break ties), then by
//! case, then by the text itself, so every sort is total and repeatable.

use crate::Language;
use std::cmp::Ordering;

/// The Kyrgyz Cyrillic alphabet, 36 letters in order.
const KYRGYZ: &str = "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя";

/// The Russian alphabet with Kyrgyz letters placed after their base letters, as Russian
/// readers in Kyrgyzstan file Kyrgyz names; Ё is a variant of Е (see [`weight`]).
const RUSSIAN: &str = "абвгдежзийклмнңоөпрстуүфхцчшщъыьэюя";

const LATIN: &str = "abcdefghijklmnopqrstuvwxyz";

/// Where letters of each table start among the primary weights; below them come spaces
/// and punctuation (1), then digits (10–19); above every table, other characters by
/// code point.
const FIRST_SCRIPT: u32 = 100;
const SECOND_SCRIPT: u32 = 200;
const OTHER: u32 = 1_000;

/// The weights of one character: the letter (primary), a variant of it such as Ё for Е
/// in Russian (secondary), and its case (tertiary).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Weight {
    primary: u32,
    secondary: u8,
    tertiary: u8,
}

fn position(table: &str, letter: char) -> Option<u32> {
    table.chars().position(|c| c == letter).map(|i| i as u32)
}

fn weight(character: char, language: Language) -> Weight {
    let lower = character.to_lowercase().next().unwrap_or(character);
    let tertiary = u8::from(lower != character);
    let letter = |primary: u32, secondary: u8| Weight {
        primary,
        secondary,
        tertiary,
    };
    if character.is_whitespace() || matches!(character, '-' | '\'' | '’' | '.' | ',') {
        return letter(1, 0);
    }
    if let Some(digit) = character.to_digit(10) {
        return letter(10 + digit, 0);
    }
    let cyrillic = |base: u32| match language {
        Language::Ru if lower == 'ё' => position(RUSSIAN, 'е').map(|p| letter(base + p, 1)),
        Language::Ru => position(RUSSIAN, lower).map(|p| letter(base + p, 0)),
        // Kyrgyz order also serves English readers of Cyrillic names.
        Language::Ky | Language::En => position(KYRGYZ, lower).map(|p| letter(base + p, 0)),
    };
    let latin = |base: u32| position(LATIN, lower).map(|p| letter(base + p, 0));
    let found = match language {
        Language::Ky | Language::Ru => cyrillic(FIRST_SCRIPT).or_else(|| latin(SECOND_SCRIPT)),
        Language::En => latin(FIRST_SCRIPT).or_else(|| cyrillic(SECOND_SCRIPT)),
    };
    found.unwrap_or_else(|| letter(OTHER + u32::from(lower), 0))
}

/// Compares two names as readers of `language` expect them ordered.
pub fn compare(a: &str, b: &str, language: Language) -> Ordering {
    let weights =
        |text: &str| -> Vec<Weight> { text.chars().map(|c| weight(c, language)).collect() };
    let (wa, wb) = (weights(a), weights(b));
    let level = |pick: fn(&Weight) -> u32| {
        let left = wa.iter().map(pick);
        let right = wb.iter().map(pick);
        left.cmp(right)
    };
    level(|w| w.primary)
        .then_with(|| level(|w| u32::from(w.secondary)))
        .then_with(|| level(|w| u32::from(w.tertiary)))
        .then_with(|| a.cmp(b))
}

/// Sorts `items` by the name `name` gives, in `language`'s order.
pub fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> &str, language: Language) {
    items.sort_by(|a, b| compare(name(a), name(b), language));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&'static str], language: Language) -> Vec<&'static str> {
        let mut names = names.to_vec();
        sort_by_name(&mut names, |n| n, language);
        names
    }

    #[test]
    fn the_kyrgyz_tables_hold_their_alphabets() {
        assert_eq!(KYRGYZ.chars().count(), 36);
        assert_eq!(
            RUSSIAN.chars().count(),
            35,
            "33 letters without Ё, with Ң Ө Ү"
        );
    }

    #[test]
    fn kyrgyz_order_puts_en_after_n_oe_after_o_and_ue_after_u() {
        assert_eq!(
            sorted(&["Өмүр", "Орозбек", "Нурлан", "Ңаа", "Пулат"], Language::Ky),
            ["Нурлан", "Ңаа", "Орозбек", "Өмүр", "Пулат"]
        );
        assert_eq!(
            sorted(&["Үсөн", "Фарида", "Улан"], Language::Ky),
            ["Улан", "Үсөн", "Фарида"]
        );
        // Code-point order would put Ө, Ү and Ң after Я.
        assert_eq!(
            sorted(&["Яков", "Өмүр", "Элмира"], Language::Ky),
            ["Өмүр", "Элмира", "Яков"]
        );
    }

    #[test]
    fn the_storys_candidates_sort_by_the_kyrgyz_alphabet() {
        assert_eq!(
            sorted(
                &[
                    "Талант Мамытов",
                    "Бактыбек Сыдыков",
                    "Айгуль Карабекова",
                    "Айбек Алтынбеков",
                ],
                Language::Ky
            ),
            [
                "Айбек Алтынбеков",
                "Айгуль Карабекова",
                "Бактыбек Сыдыков",
                "Талант Мамытов",
            ]
        );
    }

    #[test]
    fn russian_order_treats_yo_as_a_variant_of_ye() {
        // Ё sorts with Е: Ёлкин before Ершов (л before р), and Елена before Ёлена.
        assert_eq!(
            sorted(&["Ершов", "Ёлкин", "Жуков"], Language::Ru),
            ["Ёлкин", "Ершов", "Жуков"]
        );
        assert_eq!(
            sorted(&["Ёлена", "Елена"], Language::Ru),
            ["Елена", "Ёлена"]
        );
        // In Kyrgyz, Ё is a letter of its own after Е.
        assert_eq!(
            sorted(&["Ершов", "Ёлкин", "Жуков"], Language::Ky),
            ["Ершов", "Ёлкин", "Жуков"]
        );
    }

    #[test]
    fn english_puts_latin_names_first_then_cyrillic_and_ignores_case_for_the_letters() {
        assert_eq!(
            sorted(
                &["Талант", "mamytov", "Altynbekov", "Sydykov"],
                Language::En
            ),
            ["Altynbekov", "mamytov", "Sydykov", "Талант"]
        );
        assert_eq!(
            sorted(&["Mamytov", "Талант", "Altynbekov"], Language::Ru),
            ["Талант", "Altynbekov", "Mamytov"]
        );
    }

    #[test]
    fn a_space_comes_before_any_letter_and_equal_letters_order_by_case() {
        assert_eq!(sorted(&["Анб", "Ан Б"], Language::Ru), ["Ан Б", "Анб"]);
        assert_eq!(
            sorted(&["айбек", "Айбек"], Language::Ky),
            ["айбек", "Айбек"]
        );
        assert_eq!(compare("Айбек", "Айбек", Language::Ky), Ordering::Equal);
    }
}

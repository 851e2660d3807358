//! The languages tandoo speaks — Kyrgyz, Russian and English — how a reader's language is
//! chosen (`--lang`, else the `LANG` of the environment, else English), and the order in
//! which a text the commission wrote in several languages falls back when it lacks the
//! reader's.

use std::fmt;
use std::str::FromStr;

/// A language of the catalogs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    /// Kyrgyz, the state language: the first language of every text the commission writes.
    Ky,
    /// Russian, the official language.
    Ru,
    /// English, for observers and international readers.
    En,
}

/// A `--lang` value that names none of tandoo's languages.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{given}\" is not a language tandoo speaks; give ky, ru or en")]
pub struct UnknownLanguage {
    pub given: String,
}

impl UnknownLanguage {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        "UNKNOWN_LANGUAGE"
    }
}

impl Language {
    /// Every language: Kyrgyz (the state language), Russian (the official language), English.
    pub const ALL: [Language; 3] = [Language::Ky, Language::Ru, Language::En];

    /// The ISO 639-1 code, as `--lang` takes it and catalogs are named.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ky => "ky",
            Language::Ru => "ru",
            Language::En => "en",
        }
    }

    /// The language of a POSIX locale such as `LANG=ru_RU.UTF-8` or `ky_KG.UTF-8`: Russian
    /// and Kyrgyz locales give their language, anything else (unset, `C`, `en_US`, `de_DE`)
    /// gives English, the language every reader of a terminal can be assumed to manage.
    pub fn from_locale(locale: Option<&str>) -> Language {
        let Some(locale) = locale else {
            return Language::En;
        };
        // `ru_RU.UTF-8@euro` → `ru`; the language is what stands before `_`, `.`, `@`, `-`.
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        match language.to_ascii_lowercase().as_str() {
            "ky" => Language::Ky,
            "ru" => Language::Ru,
            _ => Language::En,
        }
    }

    /// The reader's language: the `--lang` value when given, else the environment's
    /// locale (`LANG`), else English.
    pub fn choose(flag: Option<&str>, locale: Option<&str>) -> Result<Language, UnknownLanguage> {
        match flag {
            Some(flag) => flag.parse(),
            None => Ok(Language::from_locale(locale)),
        }
    }

    /// The order in which a text the commission wrote in several languages is read: the
    /// reader's language first, then Kyrgyz (the state language, in which every such text
    /// is first written), then Russian (the official language), then English.
    pub fn fallback(self) -> [Language; 3] {
        match self {
            Language::Ky => [Language::Ky, Language::Ru, Language::En],
            Language::Ru => [Language::Ru, Language::Ky, Language::En],
            Language::En => [Language::En, Language::Ky, Language::Ru],
        }
    }

    /// The text for this reader among those a commission wrote, following [`fallback`]:
    /// `written` gives the text in a language, or `None` when there is none in it. Returns
    /// the language found with its text, so a page can mark a text not in its language.
    ///
    /// [`fallback`]: Language::fallback
    pub fn pick<T>(self, mut written: impl FnMut(Language) -> Option<T>) -> Option<(Language, T)> {
        self.fallback()
            .into_iter()
            .find_map(|language| written(language).map(|text| (language, text)))
    }
}

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// `ky`, `ru`, `en`, in any case, also with a region (`ru-RU`, `ky_KG`).
    fn from_str(text: &str) -> Result<Self, UnknownLanguage> {
        let language = text.split(['_', '-']).next().unwrap_or_default();
        match language.to_ascii_lowercase().as_str() {
            "ky" => Ok(Language::Ky),
            "ru" => Ok(Language::Ru),
            "en" => Ok(Language::En),
            _ => Err(UnknownLanguage {
                given: text.to_string(),
            }),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_values_parse_to_the_three_languages_and_refuse_others() {
        assert_eq!("ky".parse(), Ok(Language::Ky));
        assert_eq!("RU".parse(), Ok(Language::Ru));
        assert_eq!("en-GB".parse(), Ok(Language::En));
        let refused = "de".parse::<Language>().unwrap_err();
        assert_eq!(refused.code(), "UNKNOWN_LANGUAGE");
        assert_eq!(refused.given, "de");
        assert!("".parse::<Language>().is_err());
    }

    #[test]
    fn a_russian_locale_gives_russian_and_any_other_gives_english() {
        assert_eq!(Language::from_locale(Some("ru_RU.UTF-8")), Language::Ru);
        assert_eq!(Language::from_locale(Some("ky_KG.UTF-8")), Language::Ky);
        assert_eq!(Language::from_locale(Some("en_US.UTF-8")), Language::En);
        assert_eq!(Language::from_locale(Some("de_DE.UTF-8")), Language::En);
        assert_eq!(Language::from_locale(Some("C")), Language::En);
        assert_eq!(Language::from_locale(Some("")), Language::En);
        assert_eq!(Language::from_locale(None), Language::En);
    }

    #[test]
    fn the_lang_flag_wins_over_the_locale() {
        assert_eq!(
            Language::choose(Some("ky"), Some("ru_RU.UTF-8")),
            Ok(Language::Ky)
        );
        assert_eq!(
            Language::choose(None, Some("ru_RU.UTF-8")),
            Ok(Language::Ru)
        );
        assert!(Language::choose(Some("fr"), None).is_err());
    }

    #[test]
    fn a_commission_text_falls_back_from_the_readers_language_to_kyrgyz_then_russian() {
        let only_ru_and_ky = |language| match language {
            Language::Ky => Some("Шайлоо"),
            Language::Ru => Some("Выборы"),
            Language::En => None,
        };
        assert_eq!(
            Language::Ru.pick(only_ru_and_ky),
            Some((Language::Ru, "Выборы"))
        );
        assert_eq!(
            Language::En.pick(only_ru_and_ky),
            Some((Language::Ky, "Шайлоо"))
        );
        let only_ru = |language| (language == Language::Ru).then_some("Выборы");
        assert_eq!(Language::Ky.pick(only_ru), Some((Language::Ru, "Выборы")));
        assert_eq!(Language::En.pick(|_| None::<&str>), None);
    }
}

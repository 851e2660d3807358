//! What the commission wrote and what candidates wrote, for one reader: a text given in
//! several languages (an election's, a constituency's or a commission's name, a resolution's
//! title or operative text) read in the reader's language by the documented fallback, and a
//! candidate's name as registered, or its Latin form for English.

use crate::Language;
use crate::words;
use tandoo_core::candidate::{CandidateName, Nomination};
use tandoo_core::text::{Text, TextLanguage};

/// The language of core's texts that is this catalog language.
fn key(language: Language) -> TextLanguage {
    match language {
        Language::Ky => TextLanguage::Ky,
        Language::Ru => TextLanguage::Ru,
        Language::En => TextLanguage::En,
    }
}

/// The text for this reader with the language it is in: the reader's language, else
/// Kyrgyz, else Russian, else English ([`Language::fallback`]). A plain text is shown to
/// every reader; its language is not known, so it comes with `None`. A page marks a text
/// whose language is not its own.
pub fn text_and_language(text: &Text, language: Language) -> (Option<Language>, &str) {
    match text {
        Text::Plain(plain) => (None, plain),
        Text::Languages(_) => match language.pick(|l| text.get(key(l))) {
            Some((found, words)) => (Some(found), words),
            None => (None, text.first()),
        },
    }
}

/// The text for this reader, by the fallback of [`text_and_language`].
pub fn text(text: &Text, language: Language) -> &str {
    text_and_language(text, language).1
}

/// A candidate's name for this reader: as written in the application, or for English its
/// Latin form where the application gave one.
pub fn candidate_name(name: &CandidateName, language: Language) -> &str {
    words::name(&name.name, name.latin_name.as_deref(), language)
}

/// The nominee's name for this reader, as [`candidate_name`] gives it.
pub fn nominee(nomination: &Nomination, language: Language) -> &str {
    words::name(&nomination.name, nomination.latin_name.as_deref(), language)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> Text {
        serde_json::from_str(
            r#"{"ky": "№13 шайлоо округу", "ru": "Избирательный округ №13", "en": "Constituency No. 13"}"#,
        )
        .unwrap()
    }

    #[test]
    fn each_reader_gets_the_text_in_their_own_language_when_it_was_written_in_it() {
        let name = three();
        assert_eq!(text(&name, Language::Ky), "№13 шайлоо округу");
        assert_eq!(text(&name, Language::Ru), "Избирательный округ №13");
        assert_eq!(text(&name, Language::En), "Constituency No. 13");
    }

    #[test]
    fn a_missing_language_falls_back_to_kyrgyz_then_russian_then_english() {
        let ky_ru: Text = serde_json::from_str(r#"{"ru": "Выборы", "ky": "Шайлоо"}"#).unwrap();
        assert_eq!(
            text_and_language(&ky_ru, Language::En),
            (Some(Language::Ky), "Шайлоо")
        );
        assert_eq!(
            text_and_language(&ky_ru, Language::Ru),
            (Some(Language::Ru), "Выборы")
        );
        let ru_en: Text = serde_json::from_str(r#"{"en": "Elections", "ru": "Выборы"}"#).unwrap();
        assert_eq!(
            text_and_language(&ru_en, Language::Ky),
            (Some(Language::Ru), "Выборы")
        );
        let en: Text = serde_json::from_str(r#"{"en": "Elections"}"#).unwrap();
        assert_eq!(
            text_and_language(&en, Language::Ru),
            (Some(Language::En), "Elections")
        );
    }

    #[test]
    fn a_plain_text_is_shown_to_every_reader_in_no_stated_language() {
        let plain = Text::from("Constituency No. 13");
        for language in Language::ALL {
            assert_eq!(
                text_and_language(&plain, language),
                (None, "Constituency No. 13")
            );
        }
    }

    #[test]
    fn english_shows_a_candidates_latin_form_and_kyrgyz_and_russian_the_name_as_registered() {
        let name = CandidateName {
            name: "Айгуль Карабекова".into(),
            latin_name: Some("Aigul Karabekova".into()),
        };
        assert_eq!(candidate_name(&name, Language::En), "Aigul Karabekova");
        assert_eq!(candidate_name(&name, Language::Ru), "Айгуль Карабекова");
        assert_eq!(candidate_name(&name, Language::Ky), "Айгуль Карабекова");
        let unwritten = CandidateName {
            name: "Айгуль Карабекова".into(),
            latin_name: None,
        };
        assert_eq!(
            candidate_name(&unwritten, Language::En),
            "Айгуль Карабекова"
        );
    }
}

//! The commission's texts and the candidates' names as the report's internationalised texts.
//!
//! A text written in several languages keeps each with its language's tag; a text given
//! plainly, its language not said, is tagged `und` (BCP 47's "undetermined"), since the
//! report must not claim a language the record does not give. A name as registered is
//! `und` too, its Latin form `und-Latn`.

use crate::model::{InternationalizedText, LanguageString};
use tandoo_core::Text;

pub fn written(text: &Text) -> InternationalizedText {
    InternationalizedText {
        text: text
            .each()
            .into_iter()
            .map(|(language, content)| LanguageString {
                language: language.map_or("und", |l| l.code()).to_owned(),
                content: content.to_owned(),
            })
            .collect(),
    }
}

pub fn plain(content: &str) -> InternationalizedText {
    InternationalizedText {
        text: vec![LanguageString {
            language: "und".into(),
            content: content.to_owned(),
        }],
    }
}

/// A name as registered, with its Latin form when the application gave one.
pub fn name(registered: &str, latin: Option<&str>) -> InternationalizedText {
    let mut text = plain(registered);
    if let Some(latin) = latin {
        text.text.push(LanguageString {
            language: "und-Latn".into(),
            content: latin.to_owned(),
        });
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::TextLanguage;

    #[test]
    fn each_language_keeps_its_tag_and_a_plain_text_is_undetermined() {
        let both = Text::written([
            (TextLanguage::Ky, "Бишкек".to_owned()),
            (TextLanguage::En, "Bishkek".to_owned()),
        ])
        .unwrap();
        let tags: Vec<_> = written(&both)
            .text
            .into_iter()
            .map(|t| t.language)
            .collect();
        assert_eq!(tags, ["ky", "en"]);
        assert_eq!(written(&Text::from("Ош")).text[0].language, "und");
        assert_eq!(name("Айбек", Some("Aibek")).text[1].language, "und-Latn");
    }
}

//! A text the commission writes, perhaps in several languages: the name of an election, a
//! constituency or a commission, a resolution's title, a directive's operative text.
//!
//! A command gives it as a plain string (one text, in whatever language it was written) or
//! as an object of the languages it was written in, `{"ky": …, "ru": …, "en": …}`. Both forms
//! are kept exactly as given and written back the same way, so the acts of a record written
//! before texts had languages keep their bytes and their hashes. A key that is none of the
//! three languages, a value that is not a string and an empty object are refused when the
//! command is read (a `BAD_COMMAND` naming them), never dropped.
//!
//! Core carries the texts and knows the languages only by their codes; which one a reader
//! sees, and in what order the others stand in for it, is decided where words are made.

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// A language a commission's text can be written in, by its ISO 639-1 code. Ordered as a
/// text's languages are written back: Kyrgyz, Russian, English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextLanguage {
    Ky,
    Ru,
    En,
}

impl TextLanguage {
    /// Every language a text may be written in, in the order they are written back.
    pub const ALL: [TextLanguage; 3] = [TextLanguage::Ky, TextLanguage::Ru, TextLanguage::En];

    /// The key of this language in a text's object form.
    pub fn code(self) -> &'static str {
        match self {
            TextLanguage::Ky => "ky",
            TextLanguage::Ru => "ru",
            TextLanguage::En => "en",
        }
    }

    fn from_code(code: &str) -> Option<TextLanguage> {
        TextLanguage::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A text as the commission gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// One text, its language not said.
    Plain(String),
    /// The text in each language it was written in: never empty.
    Languages(BTreeMap<TextLanguage, String>),
}

impl Text {
    /// A text in the languages given; `None` when none is given, since a text with no
    /// language at all would say nothing.
    pub fn written(texts: impl IntoIterator<Item = (TextLanguage, String)>) -> Option<Text> {
        let texts: BTreeMap<_, _> = texts.into_iter().collect();
        (!texts.is_empty()).then_some(Text::Languages(texts))
    }

    /// The text in `language`, when it was written in it. A plain text is not said to be in
    /// any language, so it answers `None`: a reader's page shows it through [`Text::first`].
    pub fn get(&self, language: TextLanguage) -> Option<&str> {
        match self {
            Text::Plain(_) => None,
            Text::Languages(texts) => texts.get(&language).map(String::as_str),
        }
    }

    /// The text when no language is asked for: a plain text itself, else the first written
    /// of Kyrgyz, Russian, English.
    pub fn first(&self) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Languages(texts) => texts.values().next().map_or("", String::as_str),
        }
    }

    /// Whether it says nothing in any of its languages.
    pub fn is_blank(&self) -> bool {
        self.each().iter().all(|(_, text)| text.trim().is_empty())
    }

    /// Every text it holds, with its language (`None` for a plain text), so that a bound
    /// can be checked on each.
    pub fn each(&self) -> Vec<(Option<TextLanguage>, &str)> {
        match self {
            Text::Plain(text) => vec![(None, text.as_str())],
            Text::Languages(texts) => texts
                .iter()
                .map(|(language, text)| (Some(*language), text.as_str()))
                .collect(),
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_string())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Plain(text)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(text) => serializer.serialize_str(text),
            Text::Languages(texts) => {
                let mut map = serializer.serialize_map(Some(texts.len()))?;
                for (language, text) in texts {
                    map.serialize_entry(language.code(), text)?;
                }
                map.end()
            }
        }
    }
}

const LANGUAGE_KEYS: &[&str] = &["ky", "ru", "en"];

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, or an object of texts by language (\"ky\", \"ru\", \"en\")")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::Plain(text.to_string()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
        Ok(Text::Plain(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let language = TextLanguage::from_code(&key)
                .ok_or_else(|| de::Error::unknown_field(&key, LANGUAGE_KEYS))?;
            let text: String = map.next_value()?;
            if texts.insert(language, text).is_some() {
                return Err(de::Error::custom(format_args!(
                    "the language `{key}` is given twice"
                )));
            }
        }
        Text::written(texts)
            .ok_or_else(|| de::Error::invalid_length(0, &"a text in at least one of ky, ru, en"))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Text, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn a_plain_string_is_kept_and_written_back_as_the_same_string() {
        let text = read(r#""Constituency No. 13""#).unwrap();
        assert_eq!(text, Text::Plain("Constituency No. 13".into()));
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#""Constituency No. 13""#
        );
    }

    #[test]
    fn an_object_of_languages_is_kept_and_written_back_in_ky_ru_en_order() {
        let json = r#"{"ky":"№13 шайлоо округу","ru":"Избирательный округ №13","en":"Constituency No. 13"}"#;
        let text = read(json).unwrap();
        assert_eq!(text.get(TextLanguage::Ru), Some("Избирательный округ №13"));
        assert_eq!(text.first(), "№13 шайлоо округу");
        assert_eq!(serde_json::to_string(&text).unwrap(), json);
        let only_ru = read(r#"{"ru":"Выборы"}"#).unwrap();
        assert_eq!(only_ru.get(TextLanguage::Ky), None);
        assert_eq!(only_ru.first(), "Выборы");
        assert_eq!(
            serde_json::to_string(&only_ru).unwrap(),
            r#"{"ru":"Выборы"}"#
        );
    }

    #[test]
    fn an_unknown_language_key_is_refused_naming_it() {
        let error = read(r#"{"ky":"Шайлоо","de":"Wahl"}"#).unwrap_err();
        assert!(error.to_string().contains("unknown field `de`"), "{error}");
    }

    #[test]
    fn an_empty_object_a_repeated_language_and_a_non_string_are_refused() {
        assert!(read("{}").is_err());
        assert!(read(r#"{"ru":"Выборы","ru":"Выборы"}"#).is_err());
        assert!(read(r#"{"ru":null}"#).is_err());
        assert!(read(r#"{"ru":7}"#).is_err());
        assert!(read("7").is_err());
        assert!(read(r#"["Выборы"]"#).is_err());
    }

    #[test]
    fn a_plain_text_is_in_no_language_and_first_gives_it() {
        let text = Text::from("Выборы");
        assert_eq!(text.get(TextLanguage::En), None);
        assert_eq!(text.first(), "Выборы");
        assert_eq!(text.each(), vec![(None, "Выборы")]);
        assert_eq!(Text::written([]), None);
    }
}

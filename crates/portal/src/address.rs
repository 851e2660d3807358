//! The portal's addresses and the files that hold them.
//!
//! A page is asked for by its path and a language (`/results/13?lang=ru`); its file is
//! `results/13/index.ru.html`, and the default language's copy is also `index.html`, so a
//! plain static server answers `/results/13/`. A data file (`.json`, `.csv`) has no
//! language: its file is its path. A publication of a past legal date lives under
//! `as-of/YYYY-MM-DD/` with the same layout.

use tandoo_core::LegalDate;
use tandoo_present::Language;

/// One address of the portal, as a request names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Address {
    /// The path without a trailing slash: `/results`, `/results/13.json`.
    pub path: String,
    /// The language asked for; pages only.
    pub language: Option<Language>,
    /// The legal date asked for; none for the present state.
    pub as_of: Option<LegalDate>,
}

/// A path that is no address of the portal.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("the path {path:?} is not an address of the portal")]
    NotAnAddress { path: String },
}

/// Whether `path` names a data file rather than a page.
pub fn is_data(path: &str) -> bool {
    path.ends_with(".json") || path.ends_with(".csv") || path.ends_with(".svg")
}

/// The file of a page in `language`, or of a data file, within one publication (no
/// `as-of/` prefix): `/results/13` in Russian → `results/13/index.ru.html`.
pub fn file_of(path: &str, language: Language) -> String {
    let path = path.trim_matches('/');
    if is_data(path) {
        return path.to_owned();
    }
    if path.is_empty() {
        format!("index.{}.html", language.code())
    } else {
        format!("{path}/index.{}.html", language.code())
    }
}

/// The default-language copy of a page's file: `results/13/index.ru.html` → `results/13/index.html`.
pub fn default_copy_of(page_file: &str) -> Option<String> {
    let (dir, name) = page_file.rsplit_once('/').unwrap_or(("", page_file));
    let rest = name.strip_prefix("index.")?.strip_suffix(".html")?;
    Language::ALL.iter().find(|l| l.code() == rest)?;
    Some(if dir.is_empty() {
        "index.html".to_owned()
    } else {
        format!("{dir}/index.html")
    })
}

/// The directory a publication of `as_of` is written under in a static site: `""` for the
/// present state, `as-of/2026-01-01/` for a past date.
pub fn edition_dir(as_of: Option<LegalDate>) -> String {
    match as_of {
        Some(date) => format!("as-of/{date}/"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_has_a_file_per_language_and_a_default_copy() {
        assert_eq!(
            file_of("/results/13", Language::Ru),
            "results/13/index.ru.html"
        );
        assert_eq!(file_of("/results", Language::Ky), "results/index.ky.html");
        assert_eq!(file_of("/", Language::En), "index.en.html");
        assert_eq!(
            default_copy_of("results/13/index.ru.html").as_deref(),
            Some("results/13/index.html")
        );
        assert_eq!(
            default_copy_of("index.en.html").as_deref(),
            Some("index.html")
        );
        assert_eq!(default_copy_of("results/13.json"), None);
    }

    #[test]
    fn a_data_file_has_no_language() {
        assert_eq!(file_of("/results/13.json", Language::Ru), "results/13.json");
        assert_eq!(
            file_of("/data/stations.csv", Language::En),
            "data/stations.csv"
        );
    }
}

//! The portal's addresses and the files that hold them.
//!
//! A page is asked for by its path and a language (`/results/13?lang=ru`); its file is
//! `results/13/index.ru.html`, and the default language's copy is also `index.html`, so a
//! plain static server answers `/results/13/`. A data file (`.json`, `.csv`) has no
//! language: its file is its path. A publication of a past legal date lives under
//! `as-of/YYYY-MM-DD/` with the same layout.

use tandoo_core::LegalDate;
use tandoo_core::ids::{ConstituencyNo, ResolutionRef, StationId};
use tandoo_core::resolution::{Citation, Resolution};
use tandoo_present::Language;

/// The national results page.
pub const RESULTS: &str = "/results";
/// The timeline of resolutions.
pub const DECISIONS: &str = "/results/decisions";
/// The portal's stylesheet, shared by every page.
pub const STYLESHEET: &str = "/assets/portal.css";
/// The portal's icon: without one, every browser asks for `/favicon.ico` and logs the 404.
pub const ICON: &str = "/assets/icon.svg";
/// The script that keeps an open page of the present current (see `assets/live.js`).
pub const LIVE_SCRIPT: &str = "/assets/live.js";

/// The open data every page links to, by the catalog key of its name.
pub const DATA_FILES: [(&str, &str); 5] = [
    ("/results.json", "portal-data-results-json"),
    ("/data/stations.csv", "portal-data-stations-csv"),
    ("/data/candidates.csv", "portal-data-candidates-csv"),
    ("/data/nist/results.json", "portal-data-nist"),
    ("/data/record.jsonl", "portal-data-record"),
];

/// A constituency's results page: `/results/13`.
pub fn constituency(constituency: ConstituencyNo) -> String {
    format!("{RESULTS}/{constituency}")
}

/// A constituency's results as data: `/results/13.json`.
pub fn constituency_data(constituency: ConstituencyNo) -> String {
    format!("{RESULTS}/{constituency}.json")
}

/// One station's protocol in a constituency: `/results/13/stations/4521`.
pub fn station(constituency: ConstituencyNo, station: StationId) -> String {
    format!("{RESULTS}/{constituency}/stations/{station}")
}

/// The live form for a report against a station's protocol:
/// `/reports/new?constituency=13&station=4521&lang=ky`. It is not part of a publication: a
/// live server answers it (a static site's server passes `/reports` on to one).
pub fn report_form(constituency: ConstituencyNo, station: StationId, language: Language) -> String {
    format!(
        "{REPORTS}/new?constituency={constituency}&station={station}&lang={}",
        language.code()
    )
}

/// Where the official documents are made as PDF, by a live server (`/documents/KIND/IDS.pdf`,
/// docs/documents.md). Like the reports, not part of a publication: a static site's server
/// passes `/documents` on to a live one.
pub const DOCUMENTS: &str = "/documents";

/// An official document as PDF in a language: `/documents/protocol/13/4521.pdf?lang=ky`.
pub fn document(kind: &str, ids: &str, language: Language) -> String {
    format!("{DOCUMENTS}/{kind}/{ids}.pdf?lang={}", language.code())
}

/// Where reports are sent, and under which each received one has its page.
pub const REPORTS: &str = "/reports";

/// A resolution's own page: `/results/decisions/CEC-161-2025` for an adopted resolution
/// (its commission, number and year: numbers run per commission and year, so the three
/// together name one), `/results/decisions/CEC-draft-812` for a draft that was not adopted
/// (it has no number; its place in the record names it). A citation's `/` would make a
/// path segment of its own, so the parts are joined by `-`.
pub fn decision(resolution: &Resolution) -> String {
    format!("{DECISIONS}/{}", decision_id(resolution))
}

/// The last segment of a resolution's address (see [`decision`]).
pub fn decision_id(resolution: &Resolution) -> String {
    match &resolution.voted.number {
        Some(number) if resolution.voted.adopted => numbered(number),
        _ => format!(
            "{}-draft-{}",
            segment(resolution.voted.commission.as_str()),
            resolution.key.0
        ),
    }
}

/// The page of the resolution a view cites; none for a draft that was not adopted, which a
/// citation cannot tell apart from another draft of the same day.
pub fn cited(citation: &Citation) -> Option<String> {
    let number = citation.resolution.as_ref().filter(|_| citation.adopted)?;
    Some(format!("{DECISIONS}/{}", numbered(number)))
}

fn numbered(number: &ResolutionRef) -> String {
    format!(
        "{}-{}-{}",
        segment(number.commission.as_str()),
        number.number,
        number.year
    )
}

/// A commission's id as a path segment: letters, digits, `-` and `_` kept, anything else
/// (a `/`, a space, a `?`) written `_`, so the segment never splits or ends the path.
fn segment(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The one way a page links to an address of the portal: the path with the reader's
/// language (pages only; a data file has none) and the legal date the page shows, as query
/// parameters, so that a reader who follows a link stays in their language and on their
/// date. `path` may hold a `#fragment`, kept at the end.
pub fn link(path: &str, language: Language, as_of: Option<LegalDate>) -> String {
    let (path, fragment) = match path.split_once('#') {
        Some((path, fragment)) => (path, format!("#{fragment}")),
        None => (path, String::new()),
    };
    let mut query = Vec::new();
    if !is_data(path) {
        query.push(format!("lang={}", language.code()));
    }
    if let Some(date) = as_of {
        query.push(format!("as_of={date}"));
    }
    if query.is_empty() {
        format!("{path}{fragment}")
    } else {
        format!("{path}?{}{fragment}", query.join("&"))
    }
}

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
    path.ends_with(".json")
        || path.ends_with(".jsonl")
        || path.ends_with(".csv")
        || path.ends_with(".svg")
        || path.ends_with(".css")
        || path.ends_with(".js")
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

/// The page for an address where nothing is published, in `language`: `404.ru.html` (and
/// `404.html` in the default language).
pub fn not_found_file(language: Language) -> String {
    format!("404.{}.html", language.code())
}

/// The default-language copy of a page's file: `results/13/index.ru.html` → `results/13/index.html`.
pub fn default_copy_of(page_file: &str) -> Option<String> {
    let (dir, name) = page_file.rsplit_once('/').unwrap_or(("", page_file));
    if dir.is_empty()
        && let Some(rest) = name
            .strip_prefix("404.")
            .and_then(|n| n.strip_suffix(".html"))
        && Language::ALL.iter().any(|l| l.code() == rest)
    {
        return Some("404.html".to_owned());
    }
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
    fn a_resolution_has_an_address_without_a_slash() {
        let citation = Citation {
            resolution: Some(ResolutionRef {
                commission: tandoo_core::ids::CommissionId::new("CEC"),
                year: 2025,
                number: 161,
            }),
            commission: tandoo_core::ids::CommissionId::new("CEC"),
            date: "2025-12-03".parse().unwrap(),
            adopted: true,
        };
        assert_eq!(
            cited(&citation).as_deref(),
            Some("/results/decisions/CEC-161-2025")
        );
        let draft = Citation {
            resolution: None,
            adopted: false,
            ..citation
        };
        assert_eq!(cited(&draft), None);
        assert_eq!(segment("TEC/Bishkek 1"), "TEC_Bishkek_1");
        assert_eq!(
            file_of("/results/decisions/CEC-161-2025", Language::En),
            "results/decisions/CEC-161-2025/index.en.html"
        );
    }

    #[test]
    fn a_link_keeps_the_language_and_the_date_and_a_data_file_only_the_date() {
        let date = Some("2026-01-01".parse().unwrap());
        assert_eq!(
            link("/results/13", Language::Ru, date),
            "/results/13?lang=ru&as_of=2026-01-01"
        );
        assert_eq!(link("/results", Language::En, None), "/results?lang=en");
        assert_eq!(
            link("/results/13.json", Language::Ky, date),
            "/results/13.json?as_of=2026-01-01"
        );
        assert_eq!(
            link("/data/stations.csv", Language::Ky, None),
            "/data/stations.csv"
        );
        assert_eq!(
            link("/results/13#stations", Language::Ky, None),
            "/results/13?lang=ky#stations"
        );
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

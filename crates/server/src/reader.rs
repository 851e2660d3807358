//! The reader's language for an answer's message: `?lang=ky|ru|en` when the query gives one
//! of the three, else the first of the three that `Accept-Language` names (by its weights),
//! else English. Codes and fields never change with it; only the sentence does.

use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::{HeaderMap, Uri};
use tandoo_present::Language;

pub fn language(uri: &Uri, headers: &HeaderMap) -> Language {
    let asked = uri
        .query()
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|pair| {
            let value = pair.strip_prefix("lang=")?;
            value.parse::<Language>().ok()
        });
    asked
        .or_else(|| {
            let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
            accepted(header)
        })
        .unwrap_or(Language::En)
}

/// The best-weighted language of an `Accept-Language` value that tandoo speaks: `ru-RU,
/// ru;q=0.9, en;q=0.8` gives Russian; a range of weight 0 is refused, not accepted.
pub(crate) fn accepted(header: &str) -> Option<Language> {
    let mut best: Option<(u32, usize, Language)> = None;
    for (at, range) in header.split(',').enumerate() {
        let mut parts = range.split(';').map(str::trim);
        let tag = parts.next().unwrap_or_default();
        // Weights are written with at most three decimals; thousandths keep them exact.
        let weight = parts
            .find_map(|p| p.strip_prefix("q="))
            .map_or(Some(1000), thousandths)
            .unwrap_or(0);
        let primary = tag.split('-').next().unwrap_or_default();
        let Ok(language) = primary.to_ascii_lowercase().parse::<Language>() else {
            continue;
        };
        // The higher weight wins; between equal weights, the one named first.
        let better = best.is_none_or(|(w, first, _)| weight > w || (weight == w && at < first));
        if weight > 0 && better {
            best = Some((weight, at, language));
        }
    }
    best.map(|(_, _, language)| language)
}

/// `0.8` → 800, `1` → 1000; `None` for anything else.
fn thousandths(q: &str) -> Option<u32> {
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let fraction: u32 = format!("{fraction:0<3}").parse().ok()?;
    let value = whole.checked_mul(1000)?.checked_add(fraction)?;
    (value <= 1000).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(query: &str, accept: Option<&str>) -> Language {
        let uri: Uri = format!("/api/commands{query}").parse().unwrap();
        let mut headers = HeaderMap::new();
        if let Some(accept) = accept {
            headers.insert(ACCEPT_LANGUAGE, accept.parse().unwrap());
        }
        language(&uri, &headers)
    }

    #[test]
    fn the_query_then_the_header_then_english_choose_the_language() {
        assert_eq!(with("?lang=ky", Some("ru")), Language::Ky);
        assert_eq!(with("?x=1&lang=ru", None), Language::Ru);
        assert_eq!(with("?lang=de", Some("ky-KG")), Language::Ky);
        assert_eq!(with("", Some("de-DE, ru;q=0.5, en;q=0.4")), Language::Ru);
        assert_eq!(with("", Some("en;q=0.2, ky;q=0.9")), Language::Ky);
        assert_eq!(with("", Some("ru;q=0, fr")), Language::En);
        assert_eq!(with("", Some("ru, ky")), Language::Ru);
        assert_eq!(with("", None), Language::En);
    }
}

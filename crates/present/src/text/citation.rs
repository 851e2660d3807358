//! A resolution as the results cite it, in the reader's language. Core's views still give a
//! citation as the one sentence `Resolution::citation` writes — `resolution {number} of
//! {date}`, `draft resolution of {commission} of {date} (not adopted)`, or `act {seq}` for
//! an act that is no resolution — so this reads those three forms back into their fields
//! and words them from the catalog. A citation in any other form is shown as core wrote it.
//! When the views carry the citation's fields, this module takes them instead.

use super::{day, say};
use crate::{FluentArgs, Language};
use tandoo_core::LegalDate;

/// What a citation names.
#[derive(Debug, PartialEq, Eq)]
enum Citation<'a> {
    Adopted {
        number: &'a str,
        date: LegalDate,
    },
    Draft {
        commission: &'a str,
        date: LegalDate,
    },
    Act {
        seq: u64,
    },
}

fn read(citation: &str) -> Option<Citation<'_>> {
    if let Some(rest) = citation.strip_prefix("draft resolution of ") {
        let rest = rest.strip_suffix(" (not adopted)")?;
        let (commission, date) = rest.rsplit_once(" of ")?;
        return Some(Citation::Draft {
            commission,
            date: date.parse().ok()?,
        });
    }
    if let Some(rest) = citation.strip_prefix("resolution ") {
        let (number, date) = rest.rsplit_once(" of ")?;
        return Some(Citation::Adopted {
            number,
            date: date.parse().ok()?,
        });
    }
    let seq = citation.strip_prefix("act ")?.parse().ok()?;
    Some(Citation::Act { seq })
}

/// The citation for this reader; in English exactly as core writes it.
pub fn citation(citation: &str, language: Language) -> String {
    let mut args = FluentArgs::new();
    let key = match read(citation) {
        Some(Citation::Adopted { number, date }) => {
            args.set("number", number);
            args.set("date", day(date, language));
            "citation-resolution"
        }
        Some(Citation::Draft { commission, date }) => {
            args.set("commission", commission);
            args.set("date", day(date, language));
            "citation-draft"
        }
        Some(Citation::Act { seq }) => {
            // A sequence number is an id: never grouped.
            args.set("seq", seq.to_string());
            "citation-act"
        }
        None => return citation.to_string(),
    };
    say(language, key, &args)
}

/// Several citations, joined.
pub fn citations(list: &[String], language: Language) -> String {
    let list: Vec<String> = list.iter().map(|c| citation(c, language)).collect();
    list.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_core_cites_reads_back_and_english_is_unchanged() {
        for text in [
            "resolution CEC 1/2026 of 2026-02-13",
            "draft resolution of DEC-13 of 2026-02-13 (not adopted)",
            "act 4062",
            "something else",
        ] {
            assert_eq!(citation(text, Language::En), text);
        }
        assert_eq!(
            read("resolution CEC 1/2026 of 2026-02-13"),
            Some(Citation::Adopted {
                number: "CEC 1/2026",
                date: "2026-02-13".parse().unwrap()
            })
        );
    }

    #[test]
    fn russian_and_kyrgyz_cite_a_resolution_in_their_words() {
        assert_eq!(
            citation("resolution CEC 1/2026 of 2026-02-13", Language::Ru),
            "постановление CEC 1/2026 от 13 февраля 2026 г."
        );
        assert_eq!(
            citation("resolution CEC 1/2026 of 2026-02-13", Language::Ky),
            "2026-жылдын 13-февралындагы CEC 1/2026 токтому"
        );
        assert_eq!(citation("act 4062", Language::Ru), "акт 4062");
    }
}

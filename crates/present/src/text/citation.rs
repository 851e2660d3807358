//! A resolution as the results cite it, in the reader's language, from the fields core's
//! views carry (`tandoo_core::resolution::Citation`): an adopted resolution by its number and
//! date (`resolution CEC 1/2026 of 2026-02-13`), a draft that was not adopted by its
//! commission and date.

use super::{day, say};
use crate::{FluentArgs, Language};
use tandoo_core::resolution::Citation;

/// The citation for this reader.
pub fn citation(citation: &Citation, language: Language) -> String {
    let mut args = FluentArgs::new();
    args.set("date", day(citation.date, language));
    let key = match (&citation.resolution, citation.adopted) {
        (Some(number), true) => {
            // A resolution's number is an id (`CEC 1/2026`): written as the record has it.
            args.set("number", number.to_string());
            "citation-resolution"
        }
        // A resolution voted on and not adopted has no number; one numbered and not adopted
        // cannot be recorded, and is cited as the draft it is all the same.
        _ => {
            args.set("commission", citation.commission.to_string());
            "citation-draft"
        }
    };
    say(language, key, &args)
}

/// Several citations, joined.
pub fn citations(list: &[Citation], language: Language) -> String {
    let list: Vec<String> = list.iter().map(|c| citation(c, language)).collect();
    list.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::ids::{CommissionId, ResolutionRef};

    fn adopted() -> Citation {
        Citation {
            resolution: Some(ResolutionRef {
                commission: CommissionId::new("CEC"),
                year: 2026,
                number: 1,
            }),
            commission: CommissionId::new("CEC"),
            date: "2026-02-13".parse().unwrap(),
            adopted: true,
        }
    }

    fn draft() -> Citation {
        Citation {
            resolution: None,
            commission: CommissionId::new("DEC-13"),
            date: "2026-02-13".parse().unwrap(),
            adopted: false,
        }
    }

    #[test]
    fn english_cites_a_resolution_by_its_number_and_a_draft_by_its_commission() {
        assert_eq!(
            citation(&adopted(), Language::En),
            "resolution CEC 1/2026 of 2026-02-13"
        );
        assert_eq!(
            citation(&draft(), Language::En),
            "draft resolution of DEC-13 of 2026-02-13 (not adopted)"
        );
        assert_eq!(
            citation(&adopted(), Language::En),
            adopted().to_string(),
            "the English of core's error messages"
        );
    }

    #[test]
    fn russian_and_kyrgyz_cite_a_resolution_in_their_words() {
        assert_eq!(
            citation(&adopted(), Language::Ru),
            "постановление CEC 1/2026 от 13 февраля 2026 г."
        );
        assert_eq!(
            citation(&adopted(), Language::Ky),
            "2026-жылдын 13-февралындагы CEC 1/2026 токтому"
        );
        assert_eq!(
            citation(&draft(), Language::Ru),
            "проект постановления DEC-13 от 13 февраля 2026 г. (не принят)"
        );
        assert_eq!(
            citations(&[adopted(), draft()], Language::En),
            "resolution CEC 1/2026 of 2026-02-13, draft resolution of DEC-13 of 2026-02-13 (not adopted)"
        );
    }
}

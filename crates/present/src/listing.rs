//! Why the record cannot give a list, in words: a filter the list has no use for, or an
//! election or constituency it does not hold. The list and the filter are worded by their
//! names in the address (`commissions`, `election`); the missing election or constituency
//! reads as the refusal of the same code does.

use crate::{Language, catalog};
use fluent_bundle::FluentArgs;
use tandoo_core::listing::ListError;

/// The list error as a sentence in `language`.
pub fn list_error(error: &ListError, language: Language) -> String {
    let mut args = FluentArgs::new();
    let key = match error {
        ListError::FilterNotApplicable { kind, filter } => {
            args.set("list", word("list", kind.name(), language));
            args.set("filter", word("filter", &filter.to_string(), language));
            "api-FILTER_NOT_APPLICABLE"
        }
        ListError::UnknownElection { election } => {
            args.set("id", election.as_str());
            "refusal-UNKNOWN_ELECTION"
        }
        ListError::UnknownConstituency { constituency } => {
            // A constituency's number names it: never grouped.
            args.set("id", constituency.to_string());
            "refusal-UNKNOWN_CONSTITUENCY"
        }
    };
    catalog::text(language, key, Some(&args))
}

/// A list's or a filter's word; a name the catalog lacks is given as the address spells it.
fn word(prefix: &str, name: &str, language: Language) -> String {
    catalog::message(language, &format!("{prefix}-{name}"), None)
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::ids::{ConstituencyNo, ElectionId};
    use tandoo_core::listing::{FilterName, ListKind};

    #[test]
    fn a_filter_a_list_has_no_use_for_is_refused_in_the_readers_words() {
        let error = ListError::FilterNotApplicable {
            kind: ListKind::Commissions,
            filter: FilterName::Election,
        };
        assert_eq!(
            list_error(&error, Language::En),
            "a list of commissions cannot be narrowed by election"
        );
        assert_eq!(
            list_error(&error, Language::Ru),
            "список избирательных комиссий нельзя отобрать по выборам"
        );
        assert_eq!(
            list_error(&error, Language::Ky),
            "шайлоо комиссияларынын тизмесин шайлоо боюнча тандап алууга болбойт"
        );
    }

    #[test]
    fn every_list_and_filter_has_a_word_in_every_language() {
        for language in Language::ALL {
            for kind in ListKind::ALL {
                let key = format!("list-{}", kind.name());
                assert!(catalog::has(language, &key), "{language}: {key}");
            }
            for filter in [FilterName::Election, FilterName::Constituency] {
                let key = format!("filter-{filter}");
                assert!(catalog::has(language, &key), "{language}: {key}");
            }
        }
    }

    #[test]
    fn an_election_or_constituency_the_record_lacks_reads_as_the_refusal_does() {
        let election = ListError::UnknownElection {
            election: ElectionId::new("E9"),
        };
        assert_eq!(
            list_error(&election, Language::En),
            "there is no election E9"
        );
        assert_eq!(list_error(&election, Language::Ky), "E9 деген шайлоо жок");
        let constituency = ListError::UnknownConstituency {
            constituency: ConstituencyNo(1013),
        };
        assert!(list_error(&constituency, Language::Ru).contains("1013"));
    }
}

//! The words for core's states and kinds — contest states, station statuses, roles,
//! standings, genders, resolution effects, act types, the things a refusal names — looked
//! up by the name each has in the record's JSON, which is its stable code.

use crate::{Language, catalog};
use serde::Serialize;
use tandoo_core::Act;
use tandoo_core::Role;
use tandoo_core::candidate::Standing;
use tandoo_core::progress::StationStatus;
use tandoo_core::resolution::Effect;
use tandoo_core::results::ContestState;
use tandoo_count::Gender;

/// The stable code of a value: its name in the record's JSON (`awaiting_protocols`,
/// `secretary`), or for an act or effect the value of its tag (`type`, `effect`).
pub fn code_of<T: Serialize>(value: &T, tag: Option<&str>) -> Option<String> {
    let json = serde_json::to_value(value).ok()?;
    let name = match tag {
        Some(tag) => json.get(tag)?,
        None => &json,
    };
    name.as_str().map(str::to_string)
}

fn word<T: Serialize>(prefix: &str, value: &T, tag: Option<&str>, language: Language) -> String {
    match code_of(value, tag) {
        Some(code) => catalog::text(language, &format!("{prefix}-{code}"), None),
        None => String::new(),
    }
}

/// The state of a contest: "counting", «идёт подсчёт», «добуштар эсептелүүдө».
pub fn contest_state(state: ContestState, language: Language) -> String {
    word("state", &state, None, language)
}

/// The status of a station's protocol.
pub fn station_status(status: StationStatus, language: Language) -> String {
    word("station", &status, None, language)
}

pub fn role(role: Role, language: Language) -> String {
    word("role", &role, None, language)
}

pub fn standing(standing: Standing, language: Language) -> String {
    word("standing", &standing, None, language)
}

pub fn gender(gender: Gender, language: Language) -> String {
    word("gender", &gender, None, language)
}

/// What a resolution's effect does, in a few words.
pub fn effect(effect: &Effect, language: Language) -> String {
    word("effect", effect, Some("effect"), language)
}

/// What kind of act an entry of the record holds.
pub fn act_type(act: &Act, language: Language) -> String {
    word("act", act, Some("type"), language)
}

/// The noun for what a refusal names (`"polling station"` → «избирательный участок»); a
/// noun the catalog lacks is given as core wrote it.
pub fn entity(what: &str, language: Language) -> String {
    phrase("entity", what, language)
}

/// What a command does, as core names it in a refusal (`"register candidates"` →
/// «регистрировать кандидатов»); a phrase the catalog lacks (one that names a commission,
/// `"record complaints for DEC-13"`) is given as core wrote it.
pub fn action(what: &str, language: Language) -> String {
    phrase("action", what, language)
}

/// What a candidate's standing forbids, as core names it (`"registered"`).
pub fn standing_action(what: &str, language: Language) -> String {
    phrase("standing-action", what, language)
}

/// Why a resolution is not in force, as core says it (`"rescinded already"`).
pub fn why(what: &str, language: Language) -> String {
    phrase("why", what, language)
}

/// The field of a command a bound names, as core names it (`title`, `form.lines.code`): its
/// key is `field-` and the name with each `.` written `-` (`field-form-lines-code`), since
/// a Fluent key holds no `.`; a field the catalog lacks is given as core wrote it.
pub fn field(name: &str, language: Language) -> String {
    // A text given in several languages names the language it failed in: `title.ky`.
    for written in ["ky", "ru", "en"] {
        if let Some(base) = name.strip_suffix(&format!(".{written}")) {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("field", field(base, language));
            return catalog::text(language, &format!("field-in-{written}"), Some(&args));
        }
    }
    catalog::message(language, &field_key(name), None).unwrap_or_else(|| name.to_string())
}

/// The catalog key of a command's field: `form.lines.code` → `field-form-lines-code`.
pub fn field_key(name: &str) -> String {
    format!("field-{}", name.replace('.', "-"))
}

/// Core still names some things by English phrases; each known phrase has a key made of
/// its words (`polling station` → `entity-polling_station`; a Fluent key holds only
/// letters, digits, `_` and `-`, so other characters are left out).
pub fn phrase_key(prefix: &str, phrase: &str) -> String {
    let words: String = phrase
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('_'),
            c if c.is_ascii_alphanumeric() || c == '_' => Some(c),
            _ => None,
        })
        .collect();
    format!("{prefix}-{words}")
}

fn phrase(prefix: &str, phrase: &str, language: Language) -> String {
    catalog::message(language, &phrase_key(prefix, phrase), None)
        .unwrap_or_else(|| phrase.to_string())
}

/// A name as registered, in the script the reader expects: English readers get the
/// Latin form where the application gave one; Kyrgyz and Russian readers the name as
/// written in the application.
pub fn name<'a>(registered: &'a str, latin: Option<&'a str>, language: Language) -> &'a str {
    match (language, latin) {
        (Language::En, Some(latin)) if !latin.trim().is_empty() => latin,
        _ => registered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_shows_the_latin_form_of_a_name_and_the_others_the_name_as_registered() {
        let (registered, latin) = ("Айбек Алтынбеков", Some("Aibek Altynbekov"));
        assert_eq!(name(registered, latin, Language::En), "Aibek Altynbekov");
        assert_eq!(name(registered, latin, Language::Ru), "Айбек Алтынбеков");
        assert_eq!(name(registered, latin, Language::Ky), "Айбек Алтынбеков");
        assert_eq!(name(registered, None, Language::En), "Айбек Алтынбеков");
        assert_eq!(
            name(registered, Some(" "), Language::En),
            "Айбек Алтынбеков"
        );
    }

    #[test]
    fn states_roles_and_effects_are_worded_by_their_codes() {
        let state = ContestState::ResultsBeingDetermined;
        assert_eq!(
            contest_state(state, Language::En),
            "results being determined"
        );
        assert_eq!(contest_state(state, Language::Ru), "определяются итоги");
        assert_eq!(
            contest_state(state, Language::Ky),
            "жыйынтыктар аныкталууда"
        );
        assert_eq!(role(Role::Secretary, Language::Ky), "катчы");
        assert_eq!(
            station_status(StationStatus::Annulled, Language::Ru),
            "признан недействительным"
        );
        assert_eq!(gender(Gender::Female, Language::Ru), "женщина");
        let directive = Effect::Directive {
            text: "replace the chairs".into(),
        };
        assert_eq!(effect(&directive, Language::Ru), "поручение");
        let registered = Act::CandidateRegistered {
            candidate: tandoo_core::ids::CandidateId::new("c-1"),
        };
        assert_eq!(
            act_type(&registered, Language::Ru),
            "кандидат зарегистрирован"
        );
        assert_eq!(act_type(&registered, Language::Ky), "талапкер катталды");
        assert_eq!(entity("polling station", Language::Ky), "шайлоо участкасы");
        assert_eq!(entity("ballot box", Language::Ru), "ballot box");
        assert_eq!(
            action("register candidates", Language::Ru),
            "регистрировать кандидатов"
        );
        assert_eq!(
            action("record complaints for DEC-13", Language::Ru),
            "record complaints for DEC-13"
        );
    }
}

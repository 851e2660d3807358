//! The words for core's states and kinds — contest states, station statuses, roles,
//! standings, genders, resolution effects, act types, and what a refusal names: the kind of
//! thing, the action, why a resolution is not in force — looked up by the name each has in
//! the record's JSON, which is its stable code.

use crate::{Language, catalog};
use serde::Serialize;
use tandoo_core::Act;
use tandoo_core::Role;
use tandoo_core::candidate::Standing;
use tandoo_core::permission::CommandKind;
use tandoo_core::progress::StationStatus;
use tandoo_core::refusal::{Action, Entity, Lapse};
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

/// The noun for a kind of thing a refusal names (`station` → «избирательный участок»).
pub fn entity(entity: Entity, language: Language) -> String {
    word("entity", &entity, None, language)
}

/// What a command or a resolution's effect does, as a refusal names the action a role or a
/// commission may not take (`register_candidate` → «регистрировать кандидатов»,
/// `annul_station_result` → «признавать итоги голосования на участке недействительными»).
pub fn action(action: Action, language: Language) -> String {
    word("action", &action, None, language)
}

/// What a command does, as a refusal names it.
pub fn command_action(kind: CommandKind, language: Language) -> String {
    action(Action::Command(kind), language)
}

/// What a candidate's standing forbids, by the command (`register_candidate` → "registered").
pub fn standing_action(kind: CommandKind, language: Language) -> String {
    word("standing-action", &kind, None, language)
}

/// Why a resolution is not in force (`rescinded`).
pub fn lapse(why: Lapse, language: Language) -> String {
    word("why", &why, None, language)
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
        assert_eq!(entity(Entity::Station, Language::Ky), "шайлоо участкасы");
        assert_eq!(
            command_action(CommandKind::RegisterCandidate, Language::Ru),
            "регистрировать кандидатов"
        );
        assert_eq!(
            standing_action(CommandKind::WithdrawCandidate, Language::En),
            "withdrawn"
        );
        assert_eq!(lapse(Lapse::Rescinded, Language::En), "rescinded");
    }
}

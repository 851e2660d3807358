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
    let key = format!("entity-{}", what.replace(' ', "_"));
    catalog::message(language, &key, None)
        .or_else(|| catalog::message(Language::En, &key, None))
        .unwrap_or_else(|| what.to_string())
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

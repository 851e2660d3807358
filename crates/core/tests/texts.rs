//! Texts the commission writes in several languages and names as registered: a command may
//! give a name, a title or an operative text as a plain string or as `{"ky", "ru", "en"}`;
//! both are recorded exactly as given, an unknown language is refused when the command is
//! read, and every language's text keeps the bounds of its field (L5, I2).

mod fixture;

use fixture::*;
use serde_json::{Value, json};
use tandoo_core::act::Act;
use tandoo_core::command::{Command, VoteResolution};
use tandoo_core::ids::{CommissionId, ConstituencyNo, MemberId};
use tandoo_core::resolution::{Effect, MemberVote, Vote};
use tandoo_core::territory::ConstituencyDef;
use tandoo_core::{Refusal, Submission, Text, TextLanguage};

const COMMANDS: &str = include_str!("fixture/commands.jsonl");

fn constituency(name: Value) -> Value {
    json!({
        "date": "2025-10-01",
        "actor": {"user": "admin", "role": "administrator", "commission": "CEC"},
        "command": {"type": "define_constituency", "number": 77, "name": name, "seats": 3}
    })
}

/// The act a command records, as the record's JSON.
fn recorded(submission: Value) -> Value {
    let submission: Submission = serde_json::from_value(submission).unwrap();
    let state = election();
    let acts = tandoo_core::decide(&state, &submission).unwrap();
    serde_json::to_value(acts.last().unwrap()).unwrap()
}

/// Every `name`, `title` and `text` in `read`, with the value `written` has at its place.
fn texts_in<'v>(read: &'v Value, written: &'v Value, found: &mut Vec<(&'v Value, &'v Value)>) {
    match (read, written) {
        (Value::Object(read), Value::Object(written)) => {
            for (key, inner) in read {
                let Some(other) = written.get(key) else {
                    continue;
                };
                if matches!(key.as_str(), "name" | "title" | "text") {
                    found.push((inner, other));
                }
                texts_in(inner, other, found);
            }
        }
        (Value::Array(read), Value::Array(written)) => {
            for (inner, other) in read.iter().zip(written) {
                texts_in(inner, other, found);
            }
        }
        _ => {}
    }
}

#[test]
fn every_text_of_todays_commands_writes_back_exactly_as_read() {
    let mut checked = 0;
    for line in COMMANDS.lines() {
        let read: Value = serde_json::from_str(line).unwrap();
        let submission: Submission = serde_json::from_value(read.clone()).unwrap();
        let written = serde_json::to_value(&submission).unwrap();
        let mut texts = Vec::new();
        texts_in(&read, &written, &mut texts);
        for (read, written) in texts {
            assert_eq!(
                serde_json::to_string(written).unwrap(),
                serde_json::to_string(read).unwrap(),
                "in {line}"
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} texts checked");
}

#[test]
fn a_plain_name_is_recorded_as_the_same_string() {
    let act = recorded(constituency(json!("Constituency No. 77")));
    assert_eq!(act["name"], json!("Constituency No. 77"));
    assert_eq!(
        serde_json::to_string(&act["name"]).unwrap(),
        r#""Constituency No. 77""#
    );
}

#[test]
fn a_name_in_three_languages_is_recorded_with_each_of_them() {
    let name = json!({"ky": "№77 шайлоо округу", "ru": "Избирательный округ №77", "en": "Constituency No. 77"});
    let act = recorded(constituency(name.clone()));
    assert_eq!(act["name"], name);
    let Act::ConstituencyDefined(def) = serde_json::from_value::<Act>(act).unwrap() else {
        panic!("a constituency is defined");
    };
    assert_eq!(
        def.name.get(TextLanguage::Ru),
        Some("Избирательный округ №77")
    );
    let only_ru = recorded(constituency(json!({"ru": "Округ №77"})));
    assert_eq!(only_ru["name"], json!({"ru": "Округ №77"}));
}

#[test]
fn an_unknown_language_key_is_refused_when_the_command_is_read() {
    let refused = serde_json::from_value::<Submission>(constituency(
        json!({"ky": "№77 шайлоо округу", "de": "Wahlkreis 77"}),
    ))
    .unwrap_err();
    assert!(
        refused.to_string().contains("unknown field `de`"),
        "{refused}"
    );
    let empty = serde_json::from_value::<Submission>(constituency(json!({}))).unwrap_err();
    assert!(empty.to_string().contains("ky, ru, en"), "{empty}");
}

#[test]
fn l5_each_languages_text_keeps_the_bound_of_its_field() {
    let mut state = election();
    let before = state.seq;
    let name = Text::written([
        (TextLanguage::Ky, "№77 шайлоо округу".to_string()),
        (TextLanguage::Ru, "о".repeat(301)),
    ])
    .unwrap();
    let refusal = submit(
        &mut state,
        &admin(),
        Command::DefineConstituency(ConstituencyDef {
            number: ConstituencyNo(77),
            name,
            seats: 3,
        }),
    )
    .unwrap_err();
    assert_eq!(refusal.code(), "TEXT_TOO_LONG", "{refusal}");
    assert_eq!(
        refusal,
        Refusal::TextTooLong {
            field: "name.ru",
            length: 301,
            max: 300
        }
    );
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn l5_a_title_blank_in_one_language_is_refused_naming_the_language() {
    let mut state = election();
    let before = state.seq;
    let title = Text::written([
        (TextLanguage::Ky, "  ".to_string()),
        (TextLanguage::Ru, "О поручении".to_string()),
    ])
    .unwrap();
    let refusal = submit(
        &mut state,
        &secretary(),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new("DEC-1"),
            number: None,
            title,
            meeting: None,
            considers: Vec::new(),
            votes: (1..=7)
                .map(|n| MemberVote {
                    member: MemberId::new(format!("DEC-1-{n}")),
                    vote: Vote::For,
                })
                .collect(),
            effects: vec![Effect::Directive {
                text: Text::written([(TextLanguage::En, "Replace the chair.".to_string())])
                    .unwrap(),
            }],
        }),
    )
    .unwrap_err();
    assert_eq!(refusal.code(), "BLANK_TEXT", "{refusal}");
    assert!(refusal.to_string().contains("title.ky"), "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn i2_an_invisible_character_in_a_directives_russian_text_is_refused() {
    let mut state = election();
    let before = state.seq;
    let text = Text::written([
        (TextLanguage::Ky, "Төраганы алмаштыруу.".to_string()),
        (
            TextLanguage::Ru,
            "Заменить\u{202E} председателя.".to_string(),
        ),
    ])
    .unwrap();
    let refusal = submit(
        &mut state,
        &secretary(),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new("DEC-1"),
            number: None,
            title: "On a directive".into(),
            meeting: None,
            considers: Vec::new(),
            votes: Vec::new(),
            effects: vec![Effect::Directive { text }],
        }),
    )
    .unwrap_err();
    assert_eq!(refusal.code(), "BAD_CHARACTER", "{refusal}");
    assert!(refusal.to_string().contains("effects.text.ru"), "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn a_candidate_is_recorded_under_the_name_as_written_with_its_latin_form() {
    let line = COMMANDS
        .lines()
        .find(|l| l.contains("\"nominate_candidate\""))
        .unwrap();
    let mut nominate: Value = serde_json::from_str(line).unwrap();
    assert!(nominate["command"].get("latin_name").is_none());
    nominate["command"]["name"] = json!("Айбек Алтынбеков");
    nominate["command"]["latin_name"] = json!("Aibek Altynbekov");
    let read: Submission = serde_json::from_value(nominate.clone()).unwrap();
    let Command::NominateCandidate(nomination) = &read.command else {
        panic!("a nomination");
    };
    assert_eq!(nomination.name, "Айбек Алтынбеков");
    assert_eq!(nomination.latin_name.as_deref(), Some("Aibek Altynbekov"));
    assert_eq!(serde_json::to_value(&read).unwrap(), nominate);
}

#[test]
fn i2_a_latin_name_keeps_the_bounds_of_a_name() {
    let line = COMMANDS
        .lines()
        .find(|l| l.contains("\"nominate_candidate\""))
        .unwrap();
    let mut nominate: Value = serde_json::from_str(line).unwrap();
    nominate["command"]["latin_name"] = json!("Aibek\u{200B} Altynbekov");
    let submission: Submission = serde_json::from_value(nominate).unwrap();
    let mut state = election();
    let before = state.seq;
    let refusal = record(&mut state, &submission).unwrap_err();
    assert_eq!(refusal.code(), "BAD_CHARACTER", "{refusal}");
    assert!(refusal.to_string().contains("latin_name"), "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn l5_a_text_in_no_language_is_refused_as_blank() {
    let mut state = election();
    let before = state.seq;
    let refusal = submit(
        &mut state,
        &admin(),
        Command::DefineConstituency(ConstituencyDef {
            number: ConstituencyNo(77),
            name: Text::Languages(Default::default()),
            seats: 3,
        }),
    )
    .unwrap_err();
    assert_eq!(refusal.code(), "BLANK_TEXT", "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");
}

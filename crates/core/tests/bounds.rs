//! Values are bounded where the stores and the arithmetic are: legal dates (H5), resolution
//! numbers (M1), identifiers and texts (L5, M8, I2).

mod fixture;

use fixture::*;
use tandoo_core::Submission;
use tandoo_core::command::{Command, VoteResolution};
use tandoo_core::ids::{CommissionId, MemberId};
use tandoo_core::resolution::{Effect, MemberVote, Vote};

#[test]
fn h5_a_date_no_store_keeps_is_refused_when_the_command_is_read() {
    let line = r#"{"date":"0000-01-01","actor":{"user":"o","role":"operator","commission":"DEC-13"},"command":{"type":"record_preliminary_figures","election":"E1","station":13001,"constituency":13,"figures":{"against_all":1}}}"#;
    let error = serde_json::from_str::<Submission>(line).unwrap_err();
    assert!(
        error.to_string().contains("\"0000-01-01\" is not a date"),
        "{error}"
    );
}

fn resolution(number: Option<u32>) -> Command {
    Command::VoteResolution(VoteResolution {
        commission: CommissionId::new("DEC-1"),
        number,
        title: "On a directive".into(),
        meeting: None,
        considers: Vec::new(),
        votes: (1..=7)
            .map(|n| MemberVote {
                member: MemberId::new(format!("DEC-1-{n}")),
                vote: Vote::For,
            })
            .collect(),
        effects: vec![Effect::Directive { text: "x".into() }],
    })
}

#[test]
fn m1_a_resolution_number_beyond_the_largest_is_refused() {
    let mut state = election();
    let before = state.seq;
    let refusal = submit(&mut state, &secretary(), resolution(Some(4_294_967_295))).unwrap_err();
    assert_eq!(refusal.code(), "RESOLUTION_NUMBER_TOO_LARGE", "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn m1_automatic_numbering_after_the_largest_number_is_refused_not_wrapped() {
    let mut state = election();
    submit(&mut state, &secretary(), resolution(Some(999_999))).unwrap();
    let before = state.seq;
    let refusal = submit(&mut state, &secretary(), resolution(None)).unwrap_err();
    assert_eq!(refusal.code(), "NO_FREE_RESOLUTION_NUMBER", "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");
    submit(&mut state, &secretary(), resolution(Some(5))).expect("a free number still works");
}

fn meeting(id: Option<&str>, agenda: Vec<String>) -> Command {
    Command::HoldMeeting(tandoo_core::command::HoldMeeting {
        id: id.map(tandoo_core::ids::MeetingId::new),
        commission: CommissionId::new("DEC-1"),
        present: vec![MemberId::new("DEC-1-1")],
        agenda,
        speakers: Vec::new(),
    })
}

fn nomination(id: &str, name: &str) -> Command {
    Command::NominateCandidate(tandoo_core::candidate::Nomination {
        id: tandoo_core::ids::CandidateId::new(id),
        person: tandoo_core::ids::PersonId::new("P-9"),
        name: name.into(),
        latin_name: None,
        gender: tandoo_count::Gender::Female,
        election: tandoo_core::ids::ElectionId::new("E"),
        constituency: tandoo_core::ids::ConstituencyNo(1),
        nominated_by: tandoo_core::candidate::Nominator::SelfNominated,
    })
}

/// Each command is refused with `code`, and the record does not move.
fn refused(commands: Vec<Command>, code: &str) {
    let mut state = election();
    let before = state.seq;
    for command in commands {
        let refusal = submit(&mut state, &secretary(), command).unwrap_err();
        assert_eq!(refusal.code(), code, "{refusal}");
    }
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn l5_an_empty_identifier_is_refused() {
    refused(
        vec![
            nomination("", "Nine"),
            meeting(Some(""), vec!["one".into()]),
        ],
        "EMPTY_IDENTIFIER",
    );
}

#[test]
fn l5_an_identifier_longer_than_the_bound_is_refused() {
    let long = "M".repeat(tandoo_core::decide::MAX_ID + 1);
    refused(
        vec![meeting(Some(&long), vec!["one".into()])],
        "IDENTIFIER_TOO_LONG",
    );
}

#[test]
fn l5_i2_control_and_bidi_override_characters_are_refused() {
    refused(
        vec![
            meeting(Some("M\u{0}1"), vec!["one".into()]),
            meeting(Some("M 1"), vec!["one".into()]),
            nomination("E-9", "abc\u{202E}dcba"),
            nomination("E-9", "Nine\r\nTen"),
            nomination("E-9", "Nine\u{200B}"),
        ],
        "BAD_CHARACTER",
    );
}

#[test]
fn l5_a_blank_text_is_refused() {
    refused(
        vec![meeting(None, vec!["   ".into()]), nomination("E-9", " ")],
        "BLANK_TEXT",
    );
}

#[test]
fn m8_a_text_longer_than_its_kind_allows_is_refused() {
    refused(
        vec![
            meeting(None, vec!["x".repeat(tandoo_core::decide::MAX_LINE + 1)]),
            nomination("E-9", &"Ж".repeat(tandoo_core::decide::MAX_NAME + 1)),
        ],
        "TEXT_TOO_LONG",
    );
}

#[test]
fn m8_a_command_larger_than_the_bound_is_refused() {
    let items = (0..100).map(|_| "x".repeat(1_000)).collect();
    refused(vec![meeting(None, items)], "COMMAND_TOO_LARGE");
    let huge = vec!["x".repeat(1_040_000)];
    refused(vec![meeting(None, huge)], "COMMAND_TOO_LARGE");
}

#[test]
fn names_as_written_in_cyrillic_and_with_line_breaks_in_running_texts_are_kept() {
    let mut state = election();
    submit(
        &mut state,
        &secretary(),
        nomination("E-9", "Айгуль Карабекова"),
    )
    .unwrap();
    let mut directive = resolution(Some(3));
    if let Command::VoteResolution(VoteResolution { effects, .. }) = &mut directive {
        *effects = vec![Effect::Directive {
            text: "First.\nSecond.".into(),
        }];
    }
    submit(&mut state, &secretary(), directive).unwrap();
}

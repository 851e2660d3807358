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

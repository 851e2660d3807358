//! The permission table: held to docs/commands.md, and applied — an administrator keeps no
//! commission's acts (L9).

mod fixture;

use fixture::*;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::candidate::{Nomination, Nominator};
use tandoo_core::command::{Command, HoldMeeting};
use tandoo_core::ids::{CommissionId, ConstituencyNo, ElectionId, MemberId, PersonId};
use tandoo_core::permission::{Scope, permissions};
use tandoo_count::Gender;

const DOCS: &str = include_str!("../../../docs/commands.md");

fn role_word(role: Role) -> String {
    serde_json::to_value(role).unwrap().as_str().unwrap().into()
}

fn scope_words(scope: Scope) -> &'static str {
    match scope {
        Scope::Central => "central",
        Scope::OverConstituency => "over the constituency",
        Scope::OwnCommission => "own commission",
    }
}

#[test]
fn the_permission_table_is_the_one_in_docs_commands_md() {
    let section = DOCS
        .split("## Who may give which command")
        .nth(1)
        .expect("docs/commands.md has the section")
        .split("\n## ")
        .next()
        .unwrap();
    let documented: Vec<String> = section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(str::to_string)
        .collect();
    let table: Vec<String> = permissions()
        .map(|(kind, permission)| {
            let roles: Vec<String> = permission.roles.iter().map(|r| role_word(*r)).collect();
            format!(
                "| `{}` | {} | {} |",
                serde_json::to_value(kind).unwrap().as_str().unwrap(),
                roles.join(", "),
                scope_words(permission.scope)
            )
        })
        .collect();
    assert_eq!(documented, table);
}

#[test]
fn every_command_kind_names_the_type_its_json_carries() {
    for line in include_str!("fixture/commands.jsonl").lines() {
        let submission: tandoo_core::Submission = serde_json::from_str(line).unwrap();
        let json = serde_json::to_value(&submission.command).unwrap();
        assert_eq!(
            serde_json::to_value(submission.command.kind()).unwrap(),
            json["type"]
        );
    }
}

#[test]
fn l9_an_administrator_keeps_no_commissions_acts() {
    let mut state = election();
    let before = state.seq;
    let administrator = Actor::new("dec1.admin", Role::Administrator, "DEC-1");
    let nomination = Command::NominateCandidate(Nomination {
        id: tandoo_core::ids::CandidateId::new("E-9"),
        person: PersonId::new("P-9"),
        name: "Nine".into(),
        latin_name: None,
        gender: Gender::Male,
        election: ElectionId::new("E"),
        constituency: ConstituencyNo(1),
        nominated_by: Nominator::SelfNominated,
    });
    let meeting = Command::HoldMeeting(HoldMeeting {
        id: None,
        commission: CommissionId::new("DEC-1"),
        present: vec![MemberId::new("DEC-1-1")],
        agenda: vec!["one".into()],
        speakers: Vec::new(),
    });
    for command in [nomination.clone(), meeting.clone()] {
        let refusal = submit(&mut state, &administrator, command).unwrap_err();
        assert_eq!(refusal.code(), "NOT_AUTHORISED");
    }
    assert_eq!(state.seq, before, "the record did not move");
    submit(&mut state, &secretary(), nomination).expect("a secretary nominates");
    let dec1_secretary = Actor::new("secretary", Role::Secretary, "DEC-1");
    submit(&mut state, &dec1_secretary, meeting).expect("a secretary records meetings");
}

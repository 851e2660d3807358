//! Bad commands are refused with a stable code and a sentence a person understands, and the
//! record is unchanged after a refusal. A resolution that fails its vote changes nothing.

use std::sync::OnceLock;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::command::{Command, Submission};
use tandoo_core::command::{EnterProtocol, RegisterCandidate, VoteResolution};
use tandoo_core::ids::*;
use tandoo_core::national::{constituency_view, national_view};
use tandoo_core::protocol::ProtocolEntry;
use tandoo_core::resolution::{Effect, MemberVote, Vote};
use tandoo_core::{LegalDate, Refusal, State};
use tandoo_demo::story;

/// The state after voting day, built once.
fn after_voting_day() -> State {
    static STATE: OnceLock<State> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let mut state = State::new();
            for step in &story::story()[..=1] {
                for submission in &step.submissions {
                    tandoo_ledger::stage(&mut state, submission).expect("the story is accepted");
                }
            }
            state
        })
        .clone()
}

fn submit(state: &mut State, actor: Actor, command: Command) -> Result<(), Refusal> {
    let date: LegalDate = "2025-12-02".parse().unwrap();
    let submission = Submission {
        date,
        actor,
        command,
    };
    match tandoo_ledger::stage(state, &submission) {
        Ok(_) => Ok(()),
        Err(tandoo_ledger::Unstaged::Refused(refusal)) => Err(refusal),
        Err(tandoo_ledger::Unstaged::Defect(defect)) => panic!("a defect: {defect}"),
    }
}

/// The refusal as an English reader reads it.
fn words(refusal: &Refusal) -> String {
    tandoo_present::refusal(refusal, tandoo_present::Language::En)
}

/// The control relations a rejected protocol breaks, as core gives them: each code with
/// its figures.
fn broken(refusal: &Refusal) -> String {
    let Refusal::ProtocolRejected { failures } = refusal else {
        panic!("{refusal} is not PROTOCOL_REJECTED");
    };
    failures
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn secretary(commission: &str) -> Actor {
    Actor::new("secretary", Role::Secretary, commission)
}

fn operator(commission: &str) -> Actor {
    Actor::new("operator", Role::Operator, commission)
}

/// Submits and expects a refusal with `code`; checks the state did not move.
fn refused(actor: Actor, command: Command, code: &str) -> Refusal {
    let mut state = after_voting_day();
    let seq = state.seq;
    let refusal = submit(&mut state, actor, command).expect_err("must be refused");
    assert_eq!(refusal.code(), code, "{refusal}");
    assert_eq!(state.seq, seq, "nothing is recorded after a refusal");
    refusal
}

fn station_13_protocol(edit: impl FnOnce(&mut ProtocolEntry)) -> Command {
    let state = after_voting_day();
    let key = state
        .protocols
        .keys()
        .find(|k| k.constituency == ConstituencyNo(13))
        .unwrap()
        .clone();
    let mut entry = ProtocolEntry::from(&state.protocols[&key].latest().unwrap().figures);
    edit(&mut entry);
    Command::EnterProtocol(EnterProtocol {
        election: key.election,
        station: key.station,
        constituency: key.constituency,
        figures: entry,
        acknowledged: Vec::new(),
        correction_reason: Some("recount".into()),
    })
}

fn cec_vote(effects: Vec<Effect>, for_: usize, against: usize) -> Command {
    let members: Vec<MemberId> = ["shainazarov", "mambetaipov", "koychukeev"]
        .iter()
        .map(|m| MemberId::new(*m))
        .chain((4..=12).map(|n| MemberId::new(format!("cec-{n:02}"))))
        .collect();
    let votes = members
        .into_iter()
        .take(for_ + against)
        .enumerate()
        .map(|(i, member)| MemberVote {
            member,
            vote: if i < for_ { Vote::For } else { Vote::Against },
        })
        .collect();
    Command::VoteResolution(VoteResolution {
        commission: CommissionId::new("CEC"),
        number: None,
        title: "A test resolution".into(),
        meeting: None,
        considers: Vec::new(),
        votes,
        effects,
    })
}

#[test]
fn an_unknown_candidate_is_refused() {
    let refusal = refused(
        secretary("DEC-13"),
        Command::RegisterCandidate(RegisterCandidate {
            candidate: CandidateId::new("E1-13-99"),
        }),
        "UNKNOWN_CANDIDATE",
    );
    assert_eq!(words(&refusal), "there is no candidate E1-13-99");
}

#[test]
fn a_negative_figure_is_refused_naming_the_line() {
    let refusal = refused(
        operator("DEC-13"),
        station_13_protocol(|e| {
            e.lines.insert("L9".into(), -3);
        }),
        "PROTOCOL_REJECTED",
    );
    assert!(broken(&refusal).contains("E07: line L9 is -3"), "{refusal}");
}

#[test]
fn a_protocol_breaking_a_control_relation_is_refused_with_the_numbers() {
    let refusal = refused(
        operator("DEC-13"),
        station_13_protocol(|e| {
            *e.lines.get_mut("L2").unwrap() += 10;
        }),
        "PROTOCOL_REJECTED",
    );
    let text = broken(&refusal);
    assert!(text.contains("E01: L2 ("), "{text}");
}

#[test]
fn more_ballots_than_voters_identified_is_refused() {
    let refusal = refused(
        operator("DEC-13"),
        station_13_protocol(|e| {
            *e.lines.get_mut("L6").unwrap() -= 5;
        }),
        "PROTOCOL_REJECTED",
    );
    assert!(broken(&refusal).contains("E06"), "{refusal}");
}

#[test]
fn a_second_accepted_protocol_needs_a_correction_reason() {
    refused(
        operator("DEC-13"),
        {
            let mut command = station_13_protocol(|_| {});
            if let Command::EnterProtocol(EnterProtocol {
                correction_reason, ..
            }) = &mut command
            {
                *correction_reason = None;
            }
            command
        },
        "PROTOCOL_ALREADY_ACCEPTED",
    );
}

#[test]
fn a_district_commission_cannot_enter_protocols_of_another_constituency() {
    refused(
        operator("DEC-12"),
        station_13_protocol(|_| {}),
        "OUTSIDE_COMPETENCE",
    );
}

#[test]
fn a_resolution_outside_the_commissions_competence_is_refused() {
    let members = (1..=7)
        .map(|m| MemberVote {
            member: MemberId::new(format!("dec13-{m}")),
            vote: Vote::For,
        })
        .collect();
    let refusal = refused(
        secretary("DEC-13"),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new("DEC-13"),
            number: None,
            title: "Declaring the election invalid".into(),
            meeting: None,
            considers: Vec::new(),
            votes: members,
            effects: vec![Effect::DeclareInvalid {
                election: ElectionId::new("E1"),
                constituency: ConstituencyNo(13),
            }],
        }),
        "OUTSIDE_COMPETENCE",
    );
    assert_eq!(
        words(&refusal),
        "DEC-13 has no competence to declare a constituency's election invalid"
    );
}

#[test]
fn a_district_commission_may_annul_a_station_in_its_own_constituency() {
    let mut state = after_voting_day();
    let key = state
        .protocols
        .keys()
        .find(|k| k.constituency == ConstituencyNo(13))
        .unwrap()
        .clone();
    let before = constituency_view(&state, &ElectionId::new("E1"), ConstituencyNo(13)).unwrap();
    let members = (1..=7)
        .map(|m| MemberVote {
            member: MemberId::new(format!("dec13-{m}")),
            vote: Vote::For,
        })
        .collect();
    submit(
        &mut state,
        secretary("DEC-13"),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new("DEC-13"),
            number: None,
            title: "Annulling the result of one station".into(),
            meeting: None,
            considers: Vec::new(),
            votes: members,
            effects: vec![Effect::AnnulStationResult {
                election: key.election.clone(),
                station: key.station,
                constituency: key.constituency,
            }],
        }),
    )
    .unwrap();
    let after = constituency_view(&state, &ElectionId::new("E1"), ConstituencyNo(13)).unwrap();
    let dropped = &state.protocols[&key].latest().unwrap().figures;
    assert_eq!(
        after.contest.took_part,
        before.contest.took_part - dropped.line("L3") - dropped.line("L4")
    );
    assert_eq!(after.contest.stations_counted, 93);
    let sydykov = |v: &tandoo_core::national::ConstituencyView| {
        v.contest
            .candidates
            .iter()
            .find(|c| c.name == "Бактыбек Сыдыков")
            .unwrap()
            .votes
    };
    assert_eq!(
        sydykov(&after),
        sydykov(&before) - dropped.candidates[&CandidateId::new("E1-13-01")]
    );
}

#[test]
fn a_second_registration_of_the_same_person_is_refused() {
    let refusal = refused(
        secretary("DEC-13"),
        Command::RegisterCandidate(RegisterCandidate {
            candidate: CandidateId::new("E1-13-01"),
        }),
        "ALREADY_REGISTERED",
    );
    assert_eq!(words(&refusal), "candidate E1-13-01 is already registered");
    let nomination = after_voting_day().candidates[&CandidateId::new("E1-13-01")]
        .nomination
        .clone();
    let again = tandoo_core::candidate::Nomination {
        id: CandidateId::new("E1-13-77"),
        ..nomination
    };
    let refusal = refused(
        secretary("DEC-13"),
        Command::NominateCandidate(again),
        "DUPLICATE_CANDIDATE",
    );
    assert!(
        words(&refusal).contains("is already a candidate in election E1 as E1-13-01"),
        "{refusal}"
    );
}

#[test]
fn rescinding_a_resolution_that_does_not_exist_is_refused() {
    let refusal = refused(
        secretary("CEC"),
        cec_vote(
            vec![Effect::Rescind {
                resolution: ResolutionRef {
                    commission: CommissionId::new("CEC"),
                    year: 2025,
                    number: 999,
                },
            }],
            12,
            0,
        ),
        "UNKNOWN_RESOLUTION",
    );
    assert_eq!(words(&refusal), "there is no resolution CEC 999/2025");
}

#[test]
fn recognising_others_than_the_count_elects_is_refused() {
    let refusal = refused(
        secretary("CEC"),
        cec_vote(
            vec![Effect::RecogniseElected {
                election: ElectionId::new("E1"),
                constituency: ConstituencyNo(13),
                candidates: ["E1-13-01", "E1-13-02", "E1-13-03"]
                    .into_iter()
                    .map(CandidateId::new)
                    .collect(),
            }],
            12,
            0,
        ),
        "ELECTED_NOT_ALLOCATED",
    );
    assert!(
        words(&refusal)
            .starts_with("in constituency 13 the count elects E1-13-01, E1-13-03, E1-13-13"),
        "{refusal}"
    );
}

#[test]
fn an_operator_cannot_vote_resolutions_and_an_observer_cannot_do_anything() {
    refused(
        operator("CEC"),
        cec_vote(vec![Effect::Directive { text: "x".into() }], 12, 0),
        "NOT_AUTHORISED",
    );
    refused(
        Actor::new("watcher", Role::Observer, "CEC"),
        station_13_protocol(|_| {}),
        "NOT_AUTHORISED",
    );
}

#[test]
fn a_resolution_that_fails_its_vote_changes_nothing_but_stays_in_the_record() {
    let invalid = vec![Effect::DeclareInvalid {
        election: ElectionId::new("E1"),
        constituency: ConstituencyNo(13),
    }];
    for (for_, against, why) in [(6, 5, "not enough votes for"), (7, 0, "no quorum")] {
        let mut state = after_voting_day();
        let seq = state.seq;
        submit(
            &mut state,
            secretary("CEC"),
            cec_vote(invalid.clone(), for_, against),
        )
        .unwrap();
        assert_eq!(state.seq, seq + 1, "{why}: the vote is recorded");
        let resolution = state.resolutions.values().last().unwrap();
        assert!(!resolution.voted.adopted, "{why}");
        assert!(
            resolution.voted.number.is_none(),
            "{why}: only adopted resolutions get a number"
        );
        assert_eq!(resolution.voted.votes.len(), for_ + against);
        let view = constituency_view(&state, &ElectionId::new("E1"), ConstituencyNo(13)).unwrap();
        assert_eq!(view.allocated.len(), 3, "{why}: no effect");
        assert_eq!(
            national_view(&state, &ElectionId::new("E1"))
                .unwrap()
                .seat_count
                .total(),
            90
        );
    }
}

#[test]
fn seven_of_twelve_for_adopts_with_a_quorum_of_eight() {
    let mut state = after_voting_day();
    submit(
        &mut state,
        secretary("CEC"),
        cec_vote(
            vec![Effect::Directive {
                text: "noted".into(),
            }],
            7,
            1,
        ),
    )
    .unwrap();
    let resolution = state.resolutions.values().last().unwrap();
    assert!(resolution.voted.adopted);
    assert_eq!(resolution.voted.tally.quorum_required, 8);
    assert_eq!(resolution.voted.tally.majority_required, 7);
}

#[test]
fn a_rescinded_rescission_brings_the_first_resolution_back() {
    let mut state = after_voting_day();
    let e1 = ElectionId::new("E1");
    let invalid = vec![Effect::DeclareInvalid {
        election: e1.clone(),
        constituency: ConstituencyNo(13),
    }];
    submit(&mut state, secretary("CEC"), cec_vote(invalid, 12, 0)).unwrap();
    let first = ResolutionRef {
        commission: CommissionId::new("CEC"),
        year: 2025,
        number: 1,
    };
    submit(
        &mut state,
        secretary("CEC"),
        cec_vote(
            vec![Effect::Rescind {
                resolution: first.clone(),
            }],
            12,
            0,
        ),
    )
    .unwrap();
    assert_eq!(
        constituency_view(&state, &e1, ConstituencyNo(13))
            .unwrap()
            .allocated
            .len(),
        3
    );
    let second = ResolutionRef {
        number: 2,
        ..first.clone()
    };
    submit(
        &mut state,
        secretary("CEC"),
        cec_vote(vec![Effect::Rescind { resolution: second }], 12, 0),
    )
    .unwrap();
    assert!(
        constituency_view(&state, &e1, ConstituencyNo(13))
            .unwrap()
            .allocated
            .is_empty()
    );
    // Rescinding it again while it is already rescinded is refused.
    let mut again = state.clone();
    let refusal = submit(
        &mut again,
        secretary("CEC"),
        cec_vote(
            vec![Effect::Rescind {
                resolution: ResolutionRef { number: 2, ..first },
            }],
            12,
            0,
        ),
    )
    .unwrap_err();
    assert_eq!(refusal.code(), "NOT_IN_FORCE");
}

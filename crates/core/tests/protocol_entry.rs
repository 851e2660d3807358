//! Protocol entry: double entry by two operators, supervisors settling differences, control
//! relations and warnings, corrections, annulment, preliminary figures.

mod fixture;

use fixture::*;
use tandoo_core::command::{Command, Settlement};
use tandoo_core::command::{
    EnterProtocol, PayFee, RecordPreliminaryFigures, RegisterCandidate, SettleProtocol,
    VoteResolution,
};
use tandoo_core::ids::{
    CandidateId, CommissionId, ConstituencyNo, ElectionId, MemberId, StationId,
};
use tandoo_core::progress::{StationStatus, constituency_progress, protocol_view};
use tandoo_core::protocol::{FormError, PreliminaryFigures, ProtocolKey};
use tandoo_core::resolution::{Effect, MemberVote, Vote};
use tandoo_core::results::contest_view;
use tandoo_core::{Refusal, State};

fn key(station: u32) -> ProtocolKey {
    ProtocolKey {
        election: ElectionId::new("E"),
        station: StationId(station),
        constituency: ConstituencyNo(1),
    }
}

fn status(state: &State, station: u32) -> StationStatus {
    protocol_view(state, &key(station), &supervisor()).status
}

/// Those the count gives the seats to (no recognition in these stories).
fn elected(state: &State) -> Vec<String> {
    let election = &state.elections[&ElectionId::new("E")];
    contest_view(state, election, ConstituencyNo(1))
        .allocated
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn settle(decision: Settlement) -> Command {
    Command::SettleProtocol(SettleProtocol {
        election: ElectionId::new("E"),
        station: StationId(101),
        constituency: ConstituencyNo(1),
        decision,
    })
}

fn refusal_code(result: Result<usize, Refusal>) -> &'static str {
    result.expect_err("must be refused").code()
}

#[test]
fn two_equal_entries_by_different_operators_are_accepted() {
    let mut state = election();
    let figures = protocol([300, 200, 100, 50], 20, 10);
    assert_eq!(
        submit(&mut state, &operator(1), enter(101, figures.clone())).unwrap(),
        1
    );
    assert_eq!(status(&state, 101), StationStatus::FirstEntry);
    assert_eq!(
        submit(&mut state, &operator(2), enter(101, figures)).unwrap(),
        2,
        "the entry and the acceptance"
    );
    assert_eq!(status(&state, 101), StationStatus::Accepted);
    let accepted = &state.protocols[&key(101)].versions[0];
    assert_eq!(accepted.entries, vec![1, 2]);
    assert_eq!(
        state
            .contest(&ElectionId::new("E"), ConstituencyNo(1))
            .unwrap()
            .tally
            .votes[&CandidateId::new("A")],
        300
    );
}

#[test]
fn the_same_operator_cannot_make_the_second_entry() {
    let mut state = election();
    let figures = protocol([300, 200, 100, 50], 20, 10);
    submit(&mut state, &operator(1), enter(101, figures.clone())).unwrap();
    assert_eq!(
        refusal_code(submit(&mut state, &operator(1), enter(101, figures))),
        "SAME_OPERATOR"
    );
    assert_eq!(status(&state, 101), StationStatus::FirstEntry);
}

#[test]
fn an_operator_does_not_see_the_other_operators_figures() {
    let mut state = election();
    submit(
        &mut state,
        &operator(1),
        enter(101, protocol([300, 200, 100, 50], 20, 10)),
    )
    .unwrap();
    let seen_by_other = protocol_view(&state, &key(101), &operator(2));
    assert!(seen_by_other.entries[0].figures.is_none());
    let seen_by_self = protocol_view(&state, &key(101), &operator(1));
    assert!(seen_by_self.entries[0].figures.is_some());
}

fn differing(state: &mut State) {
    submit(
        state,
        &operator(1),
        enter(101, protocol([300, 200, 100, 50], 20, 10)),
    )
    .unwrap();
    submit(
        state,
        &operator(2),
        enter(101, protocol([200, 300, 100, 50], 20, 10)),
    )
    .unwrap();
}

#[test]
fn differing_entries_go_to_a_supervisor_who_sees_the_lines_side_by_side() {
    let mut state = election();
    differing(&mut state);
    assert_eq!(status(&state, 101), StationStatus::Differences);
    let view = protocol_view(&state, &key(101), &supervisor());
    let lines: Vec<_> = view
        .differences
        .iter()
        .map(|d| (d.line.as_str(), d.values.clone()))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("A", vec![(1, 300), (2, 200)]),
            ("B", vec![(1, 200), (2, 300)])
        ]
    );
    assert!(
        protocol_view(&state, &key(101), &operator(1))
            .differences
            .is_empty()
    );
    assert_eq!(
        refusal_code(submit(
            &mut state,
            &operator(3),
            enter(101, protocol([300, 200, 100, 50], 20, 10))
        )),
        "ENTRIES_DIFFER"
    );
    assert_eq!(
        refusal_code(submit(
            &mut state,
            &operator(1),
            settle(Settlement::Keep { entry: 1 })
        )),
        "NOT_AUTHORISED"
    );
}

#[test]
fn a_supervisor_keeps_the_second_entry() {
    let mut state = election();
    differing(&mut state);
    submit(
        &mut state,
        &supervisor(),
        settle(Settlement::Keep { entry: 2 }),
    )
    .unwrap();
    let version = &state.protocols[&key(101)].versions[0];
    assert_eq!(version.figures.candidates[&CandidateId::new("A")], 200);
    assert_eq!(
        (version.entries.clone(), version.settled_by.as_deref()),
        (vec![2], Some("supervisor"))
    );
    assert_eq!(status(&state, 101), StationStatus::Accepted);
}

#[test]
fn a_supervisor_orders_a_third_entry_which_agrees_with_the_first() {
    let mut state = election();
    differing(&mut state);
    submit(
        &mut state,
        &supervisor(),
        settle(Settlement::OrderNewEntry {}),
    )
    .unwrap();
    assert_eq!(status(&state, 101), StationStatus::NewEntryOrdered);
    assert_eq!(
        submit(
            &mut state,
            &operator(3),
            enter(101, protocol([300, 200, 100, 50], 20, 10))
        )
        .unwrap(),
        2
    );
    let version = &state.protocols[&key(101)].versions[0];
    assert_eq!(version.entries, vec![1, 3]);
    assert_eq!(version.figures.candidates[&CandidateId::new("A")], 300);
    assert_eq!(
        refusal_code(submit(
            &mut state,
            &supervisor(),
            settle(Settlement::OrderNewEntry {})
        )),
        "NOTHING_TO_SETTLE"
    );
}

fn rejected_with(entry: tandoo_core::protocol::ProtocolEntry, code: &str) -> String {
    let mut state = election();
    let refusal = submit(&mut state, &operator(1), enter(101, entry)).expect_err("rejected");
    let Refusal::ProtocolRejected { failures } = refusal else {
        panic!("{refusal} is not PROTOCOL_REJECTED");
    };
    let text = failures
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    assert!(
        text.contains(&format!("{code}:")),
        "{code} expected in: {text}"
    );
    assert_eq!(status(&state, 101), StationStatus::NotEntered);
    text
}

fn with_line(
    mut entry: tandoo_core::protocol::ProtocolEntry,
    line: &str,
    value: i64,
) -> tandoo_core::protocol::ProtocolEntry {
    entry.lines.insert(line.into(), value);
    entry
}

#[test]
fn every_control_relation_blocks_acceptance_and_names_the_lines() {
    let good = protocol([300, 200, 100, 50], 20, 10);
    let text = rejected_with(with_line(good.clone(), "L5", 1), "E01");
    assert!(
        text.contains("E01: L2 (1000) must equal L3 + L4 + L5 (680 + 0 + 1 = 681)"),
        "{text}"
    );
    let text = rejected_with(with_line(good.clone(), "L9", 11), "E02");
    assert!(
        text.contains("E02: L7 + L8 (0 + 680 = 680) must equal L9 + L10 (11 + 670 = 681)"),
        "{text}"
    );
    let mut wrong_sum = good.clone();
    wrong_sum.candidates.insert(CandidateId::new("D"), 51);
    let text = rejected_with(wrong_sum, "E03");
    assert!(
        text.contains("E03: L10 (670) must equal the candidates' votes + AA (651 + 20 = 671)"),
        "{text}"
    );
    // More in the boxes than issued: L8 and the count up by 10, L3 unchanged.
    let more = with_line(
        with_line(with_line(good.clone(), "L8", 690), "L10", 680),
        "L6",
        700,
    );
    let mut more = more;
    more.against_all = Some(30);
    let text = rejected_with(more, "E04");
    assert!(
        text.contains("E04: L7 + L8 (0 + 690 = 690) is more than L3 + L4 (680 + 0 = 680)"),
        "{text}"
    );
    let mobile = with_line(with_line(good.clone(), "L7", 5), "L8", 675);
    let text = rejected_with(mobile, "E05");
    assert!(text.contains("E05: L7 (5) is more than L4 (0)"), "{text}");
    let text = rejected_with(with_line(good.clone(), "L6", 600), "E06");
    assert!(
        text.contains("E06: L7 + L8 (0 + 680 = 680) is more than L6 (600)"),
        "{text}"
    );
    let mut missing = good.clone();
    missing.lines.remove("L4");
    missing.candidates.insert(CandidateId::new("Z"), 1);
    let text = rejected_with(missing, "E07");
    assert!(
        text.contains("line L4 is missing")
            && text.contains("candidate Z is not on this constituency's ballot"),
        "{text}"
    );
}

fn warned(
    entry: tandoo_core::protocol::ProtocolEntry,
    code: &str,
    preliminary: Option<PreliminaryFigures>,
) {
    let mut state = election();
    if let Some(figures) = preliminary {
        submit(
            &mut state,
            &operator(1),
            Command::RecordPreliminaryFigures(RecordPreliminaryFigures {
                election: ElectionId::new("E"),
                station: StationId(101),
                constituency: ConstituencyNo(1),
                figures,
            }),
        )
        .unwrap();
    }
    let refusal = submit(&mut state, &operator(1), enter(101, entry.clone()))
        .expect_err("needs acknowledgement");
    assert_eq!(refusal.code(), "WARNINGS_NOT_ACKNOWLEDGED");
    let Refusal::WarningsNotAcknowledged { warnings } = refusal else {
        unreachable!()
    };
    assert!(warnings.iter().any(|w| w.code == code), "{warnings:?}");
    let acknowledged = Command::EnterProtocol(EnterProtocol {
        election: ElectionId::new("E"),
        station: StationId(101),
        constituency: ConstituencyNo(1),
        figures: entry,
        acknowledged: warnings.iter().map(|w| w.code.clone()).collect(),
        correction_reason: None,
    });
    submit(&mut state, &operator(1), acknowledged).unwrap();
    let view = protocol_view(&state, &key(101), &supervisor());
    assert!(
        view.entries[0].acknowledged.iter().any(|w| w.code == code),
        "the acknowledgement is recorded"
    );
}

#[test]
fn every_warning_must_be_acknowledged_and_the_acknowledgement_is_recorded() {
    // W01: more ballots issued than voters on the list.
    warned(
        with_line(protocol([300, 200, 100, 50], 20, 10), "L1", 600),
        "W01",
        None,
    );
    // W02: turnout below 5%.
    warned(protocol([10, 10, 10, 10], 0, 0), "W02", None);
    // W03: invalid ballots above 5%.
    warned(protocol([300, 200, 100, 50], 20, 60), "W03", None);
    // W04: one candidate above 80% of valid votes.
    warned(protocol([600, 20, 10, 10], 0, 0), "W04", None);
    // W05: the ballot-counting box counted differently.
    let boxed = PreliminaryFigures {
        candidates: [(CandidateId::new("A"), 299)].into_iter().collect(),
        ..PreliminaryFigures::default()
    };
    warned(protocol([300, 200, 100, 50], 20, 10), "W05", Some(boxed));
}

#[test]
fn a_correction_is_a_new_version_entered_twice_and_the_old_version_stays() {
    let mut state = election();
    for op in [1, 2] {
        submit(
            &mut state,
            &operator(op),
            enter(101, protocol([300, 200, 100, 50], 20, 10)),
        )
        .unwrap();
    }
    let corrected = protocol([290, 210, 100, 50], 20, 10);
    assert_eq!(
        refusal_code(submit(
            &mut state,
            &operator(1),
            enter(101, corrected.clone())
        )),
        "PROTOCOL_ALREADY_ACCEPTED"
    );
    let correction = |op| {
        Command::EnterProtocol(EnterProtocol {
            election: ElectionId::new("E"),
            station: StationId(101),
            constituency: ConstituencyNo(1),
            figures: corrected.clone(),
            acknowledged: Vec::new(),
            correction_reason: (op == 1)
                .then(|| "recount ordered by the district commission".to_string()),
        })
    };
    submit(&mut state, &operator(1), correction(1)).unwrap();
    let tally = |state: &State| {
        state
            .contest(&ElectionId::new("E"), ConstituencyNo(1))
            .unwrap()
            .tally
            .votes[&CandidateId::new("A")]
    };
    assert_eq!(
        tally(&state),
        300,
        "the accepted version counts until the correction is accepted"
    );
    assert_eq!(
        constituency_progress(&state, &ElectionId::new("E"), ConstituencyNo(1)).corrections_open,
        1
    );
    submit(&mut state, &operator(2), correction(2)).unwrap();
    assert_eq!(tally(&state), 290);
    let view = protocol_view(&state, &key(101), &operator(3));
    assert_eq!(view.status, StationStatus::Corrected);
    assert_eq!(view.versions.len(), 2);
    assert_eq!(
        view.versions[0].figures.candidates[&CandidateId::new("A")],
        300
    );
    assert_eq!(
        view.versions[1].correction_reason.as_deref(),
        Some("recount ordered by the district commission")
    );
}

#[test]
fn an_annulled_station_drops_out_of_the_totals_and_the_seats_are_recomputed() {
    let mut state = election();
    for op in [1, 2] {
        submit(
            &mut state,
            &operator(op),
            enter(101, protocol([300, 250, 100, 10], 20, 10)),
        )
        .unwrap();
        submit(
            &mut state,
            &operator(op),
            enter(102, protocol([100, 120, 5, 200], 20, 10)),
        )
        .unwrap();
    }
    assert_eq!(
        elected(&state),
        ["A", "B", "D"],
        "D leads the women with both stations"
    );
    let progress = constituency_progress(&state, &ElectionId::new("E"), ConstituencyNo(1));
    assert_eq!((progress.counted, progress.voters_covered), (2, 2000));
    let votes = (1..=7)
        .map(|n| MemberVote {
            member: MemberId::new(format!("DEC-1-{n}")),
            vote: Vote::For,
        })
        .collect();
    submit(
        &mut state,
        &secretary(),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new("DEC-1"),
            number: None,
            title: "Annulling the result of station 102".into(),
            meeting: None,
            considers: Vec::new(),
            votes,
            effects: vec![Effect::AnnulStationResult {
                election: ElectionId::new("E"),
                station: StationId(102),
                constituency: ConstituencyNo(1),
            }],
        }),
    )
    .unwrap();
    assert_eq!(status(&state, 102), StationStatus::Annulled);
    assert_eq!(
        elected(&state),
        ["A", "B", "C"],
        "without station 102, C leads the women"
    );
    let progress = constituency_progress(&state, &ElectionId::new("E"), ConstituencyNo(1));
    assert_eq!((progress.counted, progress.voters_covered), (1, 1000));
}

#[test]
fn preliminary_figures_are_kept_apart_and_never_replace_the_count() {
    let mut state = election();
    let boxed = PreliminaryFigures {
        candidates: [(CandidateId::new("A"), 310)].into_iter().collect(),
        against_all: Some(20),
        ..PreliminaryFigures::default()
    };
    submit(
        &mut state,
        &operator(1),
        Command::RecordPreliminaryFigures(RecordPreliminaryFigures {
            election: ElectionId::new("E"),
            station: StationId(101),
            constituency: ConstituencyNo(1),
            figures: boxed,
        }),
    )
    .unwrap();
    let contest = state
        .contest(&ElectionId::new("E"), ConstituencyNo(1))
        .unwrap();
    assert_eq!(contest.preliminary.votes[&CandidateId::new("A")], 310);
    assert!(
        contest.tally.votes.is_empty(),
        "preliminary figures are not the count"
    );
    assert_eq!(status(&state, 101), StationStatus::NotEntered);
}

/// A commission with another protocol form: three lines and two relations of its own.
fn short_form() -> tandoo_core::protocol::ProtocolForm {
    serde_json::from_value(serde_json::json!({
        "name": "short form",
        "lines": [
            {"code": "V", "meaning": "voters on the list"},
            {"code": "B", "meaning": "ballots in the box"},
            {"code": "X", "meaning": "spoilt ballots"}
        ],
        "roles": {"voters_on_list": "V", "took_part": ["B"], "invalid": "X"},
        "relations": [
            {"code": "K1", "severity": "error", "description": "every ballot is spoilt or a vote",
             "rule": "equal", "left": ["B"], "right": ["X", "candidates", "AA"]},
            {"code": "K2", "severity": "warning", "description": "no more ballots than voters",
             "rule": "at_most", "left": ["B"], "right": ["V"]}
        ]
    }))
    .unwrap()
}

fn call_with_form(
    state: &mut State,
    form: tandoo_core::protocol::ProtocolForm,
) -> Result<usize, Refusal> {
    submit(
        state,
        &admin(),
        Command::CallElection(tandoo_core::command::ElectionCallSpec {
            id: ElectionId::new("F"),
            name: "Election with its own form".into(),
            kind: tandoo_core::election::ElectionKind::Regular,
            repeat_of: None,
            voting_day: date(),
            rule_set: tandoo_core::rules::RuleSetSpec::Preset("jogorku_kenesh_2025".into()),
            form: Some(form),
            constituencies: vec![ConstituencyNo(1)],
        }),
    )
}

#[test]
fn an_election_may_bring_its_own_protocol_form() {
    let mut state = election();
    call_with_form(&mut state, short_form()).unwrap();
    for (name, gender) in CANDIDATES {
        let id = CandidateId::new(format!("F-{name}"));
        let nominate = Command::NominateCandidate(tandoo_core::candidate::Nomination {
            id: id.clone(),
            person: tandoo_core::ids::PersonId::new(format!("P-{name}")),
            name: name.into(),
            latin_name: None,
            gender,
            election: ElectionId::new("F"),
            constituency: ConstituencyNo(1),
            nominated_by: tandoo_core::candidate::Nominator::SelfNominated,
        });
        submit(&mut state, &secretary(), nominate).unwrap();
        let fee = Command::PayFee(PayFee {
            candidate: id.clone(),
            amount: tandoo_core::money::Money::whole(300_000),
            reference: String::new(),
        });
        submit(&mut state, &secretary(), fee).unwrap();
        submit(
            &mut state,
            &secretary(),
            Command::RegisterCandidate(RegisterCandidate { candidate: id }),
        )
        .unwrap();
    }
    let entry = |ballots: i64| tandoo_core::protocol::ProtocolEntry {
        lines: [("V", 1000), ("B", ballots), ("X", 4)]
            .into_iter()
            .map(|(c, v)| (c.to_string(), v))
            .collect(),
        candidates: CANDIDATES
            .iter()
            .zip([40, 30, 10, 6])
            .map(|((n, _), v)| (CandidateId::new(format!("F-{n}")), v))
            .collect(),
        against_all: Some(0),
    };
    let command = |entry| {
        Command::EnterProtocol(EnterProtocol {
            election: ElectionId::new("F"),
            station: StationId(101),
            constituency: ConstituencyNo(1),
            figures: entry,
            acknowledged: Vec::new(),
            correction_reason: None,
        })
    };
    let refusal = submit(&mut state, &operator(1), command(entry(91))).unwrap_err();
    let Refusal::ProtocolRejected { failures } = &refusal else {
        panic!("{refusal} is not PROTOCOL_REJECTED");
    };
    assert!(
        failures.iter().any(|f| f
            .to_string()
            .contains("K1: B (91) must equal X + the candidates' votes + AA (4 + 86 + 0 = 90)")),
        "{refusal}"
    );
    submit(&mut state, &operator(1), command(entry(90))).unwrap();
    assert_eq!(
        submit(&mut state, &operator(2), command(entry(90))).unwrap(),
        2,
        "accepted"
    );
    let view = contest_view(
        &state,
        &state.elections[&ElectionId::new("F")],
        ConstituencyNo(1),
    );
    assert_eq!(
        (view.took_part, view.voters_on_lists, view.invalid_ballots),
        (90, 1000, 4)
    );
    assert_eq!(view.seat_holders().len(), 3);
}

#[test]
fn a_protocol_form_that_names_unknown_lines_is_refused() {
    let mut form = short_form();
    form.roles.invalid = "Z".into();
    let refusal = call_with_form(&mut election(), form).unwrap_err();
    assert_eq!(
        refusal,
        Refusal::FormNotUsable {
            why: FormError::RoleNotALine { term: "Z".into() }
        }
    );
    assert_eq!(refusal.code(), "FORM_NOT_USABLE");
}

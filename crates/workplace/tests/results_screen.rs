//! One constituency's results screen: the ballot-counting boxes' preliminary figures are
//! shown beside the count, in a column of their own with how many stations they come from,
//! and never added to it.

use tandoo_core::command::RecordPreliminaryFigures;
use tandoo_core::ids::{CandidateId, CommissionId, ConstituencyNo, ElectionId, StationId};
use tandoo_core::protocol::PreliminaryFigures;
use tandoo_core::{Actor, Command, Role, State, Submission};
use tandoo_present::Language;
use tandoo_workplace::{Screen, Viewer, results};

fn set_up() -> State {
    let mut state = State::new();
    let setup = tandoo_demo::story().into_iter().next().unwrap();
    for submission in &setup.submissions {
        tandoo_ledger::stage(&mut state, submission).expect("the story is accepted");
    }
    state
}

fn page(state: &State) -> String {
    let viewer = Viewer {
        user: "observer".into(),
        role: Role::Observer,
        commission: CommissionId::new("CEC"),
        csrf_token: "token".into(),
    };
    let screen = Screen::new(Language::En, Some(&viewer), "/staff/results/13");
    let e1 = ElectionId::new(tandoo_demo::story::E1);
    results::constituency(&screen, state, &e1, ConstituencyNo(13), None).unwrap()
}

#[test]
fn the_boxes_figures_stand_beside_the_count_and_are_not_in_it() {
    let mut state = set_up();
    assert!(
        !page(&state).contains("box-note"),
        "no column without box figures"
    );
    let candidate = CandidateId::new("E1-13-03");
    let figures = PreliminaryFigures {
        candidates: [(candidate.clone(), 4321)].into(),
        against_all: Some(87),
        ..PreliminaryFigures::default()
    };
    let submission = Submission {
        date: "2025-11-30".parse().unwrap(),
        actor: Actor::new("dec13.operator", Role::Operator, "DEC-13"),
        command: Command::RecordPreliminaryFigures(RecordPreliminaryFigures {
            election: ElectionId::new(tandoo_demo::story::E1),
            station: StationId(13001),
            constituency: ConstituencyNo(13),
            figures,
        }),
    };
    tandoo_ledger::stage(&mut state, &submission).expect("box figures are accepted");
    let page = page(&state);
    assert!(
        page.contains("Ballot-counting boxes (preliminary)"),
        "{page}"
    );
    assert!(page.contains("4,321"), "the box's votes are shown: {page}");
    assert!(page.contains(">87<"), "and its against-all: {page}");
    assert!(page.contains("from one polling station"), "{page}");
    let counted = state
        .contest(&ElectionId::new(tandoo_demo::story::E1), ConstituencyNo(13))
        .unwrap();
    assert_eq!(
        counted.tally.against_all, 0,
        "the boxes' figures are not the count"
    );
}

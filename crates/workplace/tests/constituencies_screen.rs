//! The constituencies' screen lists each contest's status from `constituency_status`, which
//! skips the candidates' views: after every step of the demo story, it is the status the
//! full view gives, for every constituency.

use tandoo_core::State;
use tandoo_core::ids::ElectionId;
use tandoo_core::national::{constituency_status, constituency_view};

#[test]
fn the_listed_status_is_the_full_views_status_after_every_step_of_the_story() {
    let mut state = State::new();
    let e1 = ElectionId::new(tandoo_demo::story::E1);
    let mut seen = Vec::new();
    for step in tandoo_demo::story() {
        for submission in &step.submissions {
            tandoo_ledger::stage(&mut state, submission).expect("the story is accepted");
        }
        for &number in state.constituencies.keys() {
            let full = constituency_view(&state, &e1, number).map(|v| v.status);
            assert_eq!(
                constituency_status(&state, &e1, number),
                full,
                "constituency {number} after {}",
                step.title
            );
            if let Some(status) = full.filter(|s| !seen.contains(s)) {
                seen.push(status);
            }
        }
    }
    assert!(
        seen.len() >= 3,
        "the story passes through several states: {seen:?}"
    );
}

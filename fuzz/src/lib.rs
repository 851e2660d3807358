//! What the fuzz targets share: the demo story's states, built once per process, on which a
//! fuzzed command is decided as it would be on a real record.

use std::sync::LazyLock;

use tandoo_core::{State, Submission};
use tandoo_ledger::Unstaged;

/// The story's set-up: every commission, constituency, station and candidate, no protocol.
pub static SET_UP: LazyLock<State> = LazyLock::new(|| story(1));

/// The whole story of constituency 13, through its last resolution.
pub static STORY: LazyLock<State> = LazyLock::new(|| story(usize::MAX));

fn story(steps: usize) -> State {
    let mut state = State::new();
    for step in tandoo_demo::story().into_iter().take(steps) {
        for submission in &step.submissions {
            tandoo_ledger::stage(&mut state, submission).expect("the story is accepted");
        }
    }
    state
}

/// Stages `submission` on `state` as the ledger would. A refusal is the answer to bad
/// input and is fine; a defect (the rules failing on what they accepted) is a bug, and so
/// the fuzzer's finding.
pub fn stage(state: &mut State, submission: &Submission) {
    if let Err(Unstaged::Defect(defect)) = tandoo_ledger::stage(state, submission) {
        panic!("a defect staging {submission:?}: {defect}");
    }
}

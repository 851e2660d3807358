//! H2: the double-entry control holds against one person — a supervisor makes no entry, and
//! whoever made an entry of a round can never settle it, so nobody keeps their own figures.

mod fixture;

use fixture::*;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::command::{Command, SettleProtocol, Settlement};
use tandoo_core::ids::{ConstituencyNo, ElectionId, StationId};

fn settle(decision: Settlement) -> Command {
    Command::SettleProtocol(SettleProtocol {
        election: ElectionId::new("E"),
        station: StationId(101),
        constituency: ConstituencyNo(1),
        decision,
    })
}

#[test]
fn h2_a_supervisor_makes_no_entry() {
    let mut state = election();
    submit(
        &mut state,
        &operator(1),
        enter(101, protocol([300, 200, 100, 50], 20, 10)),
    )
    .unwrap();
    let before = state.seq;
    let refusal = submit(
        &mut state,
        &supervisor(),
        enter(101, protocol([100, 400, 100, 50], 20, 10)),
    )
    .unwrap_err();
    assert_eq!(refusal.code(), "NOT_AUTHORISED");
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn h2_a_person_who_made_an_entry_of_the_round_can_never_settle_it() {
    let mut state = election();
    submit(
        &mut state,
        &operator(1),
        enter(101, protocol([300, 200, 100, 50], 20, 10)),
    )
    .unwrap();
    submit(
        &mut state,
        &operator(2),
        enter(101, protocol([200, 300, 100, 50], 20, 10)),
    )
    .unwrap();
    // The same person, given the supervisor's role later, settles the round they typed in.
    let promoted = Actor::new("operator2", Role::Supervisor, "DEC-1");
    let before = state.seq;
    for decision in [
        Settlement::Keep { entry: 2 },
        Settlement::Keep { entry: 1 },
        Settlement::OrderNewEntry {},
    ] {
        let refusal = submit(&mut state, &promoted, settle(decision)).unwrap_err();
        assert_eq!(refusal.code(), "SETTLER_MADE_ENTRY", "{refusal}");
    }
    assert_eq!(state.seq, before, "the record did not move");
    submit(
        &mut state,
        &supervisor(),
        settle(Settlement::Keep { entry: 1 }),
    )
    .expect("a supervisor who typed nothing settles it");
}

//! M2 and M3: a protocol's key and figures are checked against the register — a station is
//! counted for another constituency only where the election allows it, and voter lines far
//! from the station's registered voters must be acknowledged.

mod fixture;

use fixture::*;
use tandoo_core::command::ElectionCallSpec;
use tandoo_core::command::{Command, EnterProtocol, RecordPreliminaryFigures};
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::{ConstituencyNo, ElectionId, StationId};
use tandoo_core::progress::protocol_view;
use tandoo_core::protocol::{PreliminaryFigures, ProtocolKey, REGISTER_WARNING};
use tandoo_core::rules::{RuleSet, RuleSetSpec};
use tandoo_core::territory::{ConstituencyDef, StationDef};
use tandoo_core::{Refusal, State};

/// The fixture with constituency 2 and its station 201, and election S over both
/// constituencies, whose rule set does not provide for remote voting.
fn two_constituencies() -> State {
    let mut state = election();
    let ok = |r: Result<usize, Refusal>| r.expect("accepted");
    ok(submit(
        &mut state,
        &admin(),
        Command::DefineConstituency(ConstituencyDef {
            number: ConstituencyNo(2),
            name: "Two".into(),
            seats: 3,
        }),
    ));
    ok(submit(
        &mut state,
        &admin(),
        Command::DefineStation(StationDef {
            number: StationId(201),
            name: "Station 201".into(),
            constituency: ConstituencyNo(2),
            voters: 1000,
        }),
    ));
    let mut rules = RuleSet::jogorku_kenesh_2025();
    rules.remote_voting = false;
    ok(submit(
        &mut state,
        &admin(),
        Command::CallElection(ElectionCallSpec {
            id: ElectionId::new("S"),
            name: "Strict".into(),
            kind: ElectionKind::Regular,
            repeat_of: None,
            voting_day: date(),
            rule_set: RuleSetSpec::Custom(rules),
            form: None,
            constituencies: vec![ConstituencyNo(1), ConstituencyNo(2)],
        }),
    ));
    state
}

#[test]
fn m2_a_station_is_not_counted_for_another_constituency_unless_the_election_allows_it() {
    let mut state = two_constituencies();
    let before = state.seq;
    let mut entry = enter(201, protocol([300, 200, 100, 50], 20, 10));
    if let Command::EnterProtocol(EnterProtocol { election, .. }) = &mut entry {
        *election = ElectionId::new("S");
    }
    let refusal = submit(&mut state, &operator(1), entry).unwrap_err();
    assert_eq!(refusal.code(), "STATION_OUTSIDE_CONSTITUENCY", "{refusal}");
    let preliminary = Command::RecordPreliminaryFigures(RecordPreliminaryFigures {
        election: ElectionId::new("S"),
        station: StationId(201),
        constituency: ConstituencyNo(1),
        figures: PreliminaryFigures {
            against_all: Some(1),
            ..PreliminaryFigures::default()
        },
    });
    let refusal = submit(&mut state, &operator(1), preliminary).unwrap_err();
    assert_eq!(refusal.code(), "STATION_OUTSIDE_CONSTITUENCY", "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");
}

#[test]
fn m2_where_voters_may_vote_away_from_home_the_protocol_shows_it() {
    let mut state = two_constituencies();
    // Election E uses the Jogorku Kenesh preset: a voter may vote at any station.
    let figures = protocol([300, 200, 100, 50], 20, 10);
    submit(&mut state, &operator(1), enter(201, figures.clone())).unwrap();
    submit(&mut state, &operator(2), enter(201, figures)).unwrap();
    let key = ProtocolKey {
        election: ElectionId::new("E"),
        station: StationId(201),
        constituency: ConstituencyNo(1),
    };
    let view = protocol_view(&state, &key, &supervisor());
    assert_eq!(view.remote_from, Some(ConstituencyNo(2)));
    let home = ProtocolKey {
        station: StationId(101),
        ..key
    };
    assert_eq!(
        protocol_view(&state, &home, &supervisor()).remote_from,
        None
    );
}

#[test]
fn m3_voters_on_the_list_far_from_the_register_must_be_acknowledged() {
    let mut state = election();
    let before = state.seq;
    let mut figures = protocol([300, 200, 100, 50], 20, 10);
    // Station 101 has 1,000 registered voters; the protocol says ten times as many.
    for line in ["L1", "L2"] {
        *figures.lines.get_mut(line).unwrap() *= 10;
    }
    *figures.lines.get_mut("L5").unwrap() += 9000;
    let refusal = submit(&mut state, &operator(1), enter(101, figures.clone())).unwrap_err();
    assert_eq!(refusal.code(), "WARNINGS_NOT_ACKNOWLEDGED", "{refusal}");
    assert!(refusal.to_string().contains(REGISTER_WARNING), "{refusal}");
    assert_eq!(state.seq, before, "the record did not move");

    let mut acknowledged = enter(101, figures);
    if let Command::EnterProtocol(EnterProtocol { acknowledged, .. }) = &mut acknowledged {
        acknowledged.push(REGISTER_WARNING.into());
    }
    match submit(&mut state, &operator(1), acknowledged) {
        Ok(_) => {}
        Err(Refusal::WarningsNotAcknowledged { warnings }) => {
            assert!(warnings.iter().all(|w| w.code != REGISTER_WARNING));
        }
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn m3_figures_within_the_margin_carry_no_register_warning() {
    let mut state = election();
    let mut figures = protocol([300, 200, 100, 50], 20, 10);
    // 4% more voters on the list than registered: voters added on the day.
    for line in ["L1", "L2"] {
        *figures.lines.get_mut(line).unwrap() += 40;
    }
    *figures.lines.get_mut("L5").unwrap() += 40;
    assert_eq!(
        submit(&mut state, &operator(1), enter(101, figures)).unwrap(),
        1
    );
}

#[test]
fn m3_the_constituency_shows_its_registered_voters_beside_the_typed_ones() {
    let state = election();
    let view = tandoo_core::results::contest_view(
        &state,
        &state.elections[&ElectionId::new("E")],
        ConstituencyNo(1),
    );
    assert_eq!(view.registered_voters, 2000);
}

/// M3: a protocol whose voters on the list are ten times the register, accepted with its
/// warnings acknowledged, does not inflate the constituency's voters on the lists: they come
/// from the register, and the typed figure is shown beside them.
#[test]
fn m3_the_constituencys_voters_on_the_lists_come_from_the_register_not_the_typed_figure() {
    let mut state = election();
    let mut figures = protocol([300, 200, 100, 50], 20, 10);
    for line in ["L1", "L2"] {
        *figures.lines.get_mut(line).unwrap() *= 10;
    }
    *figures.lines.get_mut("L5").unwrap() += 9000;
    let acknowledged = |operator_entry: Command| match operator_entry {
        Command::EnterProtocol(mut entry) => {
            entry.acknowledged = ["W01", "W02", "W03", "W04", "W05", REGISTER_WARNING]
                .map(String::from)
                .to_vec();
            Command::EnterProtocol(entry)
        }
        other => other,
    };
    for n in [1, 2] {
        submit(
            &mut state,
            &operator(n),
            acknowledged(enter(101, figures.clone())),
        )
        .unwrap_or_else(|refusal| panic!("entry {n}: {refusal}"));
    }
    let view = tandoo_core::results::contest_view(
        &state,
        &state.elections[&ElectionId::new("E")],
        ConstituencyNo(1),
    );
    assert_eq!(view.stations_counted, 1);
    assert_eq!(
        view.voters_on_lists_reported, 10_000,
        "the protocol's own figure"
    );
    assert_eq!(
        view.voters_on_lists, 1_000,
        "station 101's registered voters"
    );
}

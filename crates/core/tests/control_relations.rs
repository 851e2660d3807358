//! One test per control relation of the Kyrgyz protocol form (R-PROT-E01 … R-PROT-E07,
//! R-PROT-W01 … R-PROT-W05 in docs/rules.md): figures that break exactly that relation, and
//! no other, are refused with its code, and the state does not move. Errors block the
//! entry; a warning blocks it until the operator acknowledges it, and then the entry is
//! recorded with the warning.

mod fixture;

use fixture::*;
use serde_json::json;
use tandoo_core::command::Command;
use tandoo_core::ids::CandidateId;
use tandoo_core::protocol::ProtocolEntry;
use tandoo_core::{Refusal, State};

/// A protocol with lines L1–L10 as given, votes for A, B, C, D and "against all".
fn figures(lines: [i64; 10], votes: [i64; 4], against_all: i64) -> ProtocolEntry {
    let mut entry = protocol(votes, against_all, 0);
    for (n, value) in lines.iter().enumerate() {
        entry.lines.insert(format!("L{}", n + 1), *value);
    }
    entry
}

/// The consistent protocol every test starts from: 680 ballots in the boxes, 10 invalid.
fn good() -> ProtocolEntry {
    protocol([300, 200, 100, 50], 20, 10)
}

fn with(mut entry: ProtocolEntry, line: &str, value: i64) -> ProtocolEntry {
    entry.lines.insert(line.into(), value);
    entry
}

/// The entry at station 101 as a client sends it, with the warnings acknowledged.
fn entry(figures: &ProtocolEntry, acknowledged: &[&str]) -> Command {
    serde_json::from_value(
        json!({"type": "enter_protocol", "election": "E", "station": 101,
        "constituency": 1, "figures": figures, "acknowledged": acknowledged}),
    )
    .expect("a command as docs/commands.md writes it")
}

/// Enters `entry` at station 101 and returns the codes of the relations it breaks, after
/// checking that the refusal left the state as it was.
fn broken(state: &mut State, figures: ProtocolEntry) -> Vec<String> {
    let before = format!("{state:?}");
    let refusal = submit(state, &operator(1), entry(&figures, &[])).expect_err("refused");
    assert_eq!(format!("{state:?}"), before, "the refusal moved the state");
    match refusal {
        Refusal::ProtocolRejected { failures } => failures.into_iter().map(|f| f.code).collect(),
        Refusal::WarningsNotAcknowledged { warnings } => {
            warnings.into_iter().map(|w| w.code).collect()
        }
        other => panic!("refused with {}: {other}", other.code()),
    }
}

fn error_only(entry: ProtocolEntry, code: &str) {
    let mut state = election();
    assert_eq!(broken(&mut state, entry), vec![code.to_string()]);
}

/// A warning blocks the entry alone; acknowledged, the entry is recorded with it.
fn warning_only(state: &mut State, figures: ProtocolEntry, code: &str) {
    assert_eq!(broken(state, figures.clone()), vec![code.to_string()]);
    submit(state, &operator(1), entry(&figures, &[code])).expect("accepted once acknowledged");
    let slot = state.protocols.values().next().expect("the entry");
    let acknowledged: Vec<_> = slot.round[0].acknowledged.iter().map(|w| &w.code).collect();
    assert_eq!(acknowledged, vec![code]);
}

#[test]
fn the_starting_protocol_breaks_no_relation() {
    let mut state = election();
    submit(&mut state, &operator(1), entry(&good(), &[])).expect("accepted");
}

/// R-PROT-E01: L2 = L3 + L4 + L5 — ballots received are issued or cancelled.
#[test]
fn r_prot_e01_ballots_received_are_issued_or_cancelled() {
    error_only(with(good(), "L5", 321), "E01");
}

/// R-PROT-E02: L7 + L8 = L9 + L10 — every ballot in the boxes is invalid or valid.
#[test]
fn r_prot_e02_every_ballot_in_the_boxes_is_invalid_or_valid() {
    error_only(with(good(), "L9", 11), "E02");
}

/// R-PROT-E03: L10 = the candidates' votes + AA.
#[test]
fn r_prot_e03_valid_ballots_are_votes_for_candidates_or_against_all() {
    let mut entry = good();
    entry.candidates.insert(CandidateId::new("D"), 51);
    error_only(entry, "E03");
}

/// R-PROT-E04: L7 + L8 <= L3 + L4 — no more ballots in the boxes than were issued.
#[test]
fn r_prot_e04_no_more_ballots_in_the_boxes_than_issued() {
    // 600 issued, 400 cancelled, 680 in the boxes.
    error_only(
        figures(
            [1000, 1000, 600, 0, 400, 680, 0, 680, 10, 670],
            [300, 200, 100, 50],
            20,
        ),
        "E04",
    );
}

/// R-PROT-E05: L7 <= L4 — no more ballots in mobile boxes than were issued outside.
#[test]
fn r_prot_e05_no_more_ballots_in_mobile_boxes_than_issued_outside() {
    error_only(
        figures(
            [1000, 1000, 680, 0, 320, 680, 10, 670, 10, 670],
            [300, 200, 100, 50],
            20,
        ),
        "E05",
    );
}

/// R-PROT-E06: L7 + L8 <= L6 — no more ballots in the boxes than voters identified.
#[test]
fn r_prot_e06_no_more_ballots_in_the_boxes_than_voters_identified() {
    error_only(with(good(), "L6", 600), "E06");
}

/// R-PROT-E07: every figure a whole number >= 0, every line there, no unknown line or
/// candidate.
#[test]
fn r_prot_e07_every_figure_whole_and_every_line_present() {
    error_only(with(good(), "L3", -1), "E07");
    let mut missing = good();
    missing.lines.remove("L4");
    error_only(missing, "E07");
    let mut stranger = good();
    stranger.candidates.insert(CandidateId::new("Z"), 0);
    error_only(stranger, "E07");
}

/// R-PROT-W01: L3 + L4 <= L1 — no more ballots issued than voters on the list.
#[test]
fn r_prot_w01_no_more_ballots_issued_than_voters_on_the_list() {
    let mut state = election();
    // 980 issued to a list of 960 (within the register's margin of the station's 1,000
    // voters, so W_REGISTER stays silent); 500 in the boxes keeps turnout below 95%.
    let entry = figures(
        [960, 1000, 980, 0, 20, 500, 0, 500, 10, 490],
        [200, 150, 100, 20],
        20,
    );
    warning_only(&mut state, entry, "W01");
}

/// R-PROT-W02: turnout (L7 + L8) / L1 between 5% and 95%.
#[test]
fn r_prot_w02_turnout_between_five_and_ninety_five_percent() {
    let mut state = election();
    warning_only(&mut state, protocol([10, 8, 7, 5], 0, 0), "W02");
}

/// R-PROT-W03: L9 at most 5% of L7 + L8.
#[test]
fn r_prot_w03_invalid_ballots_at_most_five_percent() {
    let mut state = election();
    warning_only(&mut state, protocol([300, 200, 100, 50], 20, 100), "W03");
}

/// R-PROT-W04: no candidate above 80% of L10.
#[test]
fn r_prot_w04_no_candidate_above_eighty_percent() {
    let mut state = election();
    warning_only(&mut state, protocol([700, 40, 40, 30], 20, 10), "W04");
}

/// R-PROT-W05: the ballot-counting box agrees with the manual count.
#[test]
fn r_prot_w05_the_ballot_counting_box_agrees_with_the_manual_count() {
    let mut state = election();
    let boxes = json!({"type": "record_preliminary_figures", "election": "E", "station": 101,
        "constituency": 1, "figures": {"candidates": {"A": 299}}});
    let boxes: Command = serde_json::from_value(boxes).expect("a command");
    submit(&mut state, &operator(1), boxes).expect("preliminary figures recorded");
    warning_only(&mut state, good(), "W05");
}

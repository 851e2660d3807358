//! One test per refusal of a command's values — the rules that a figure, a list, a number or
//! a named thing of a command must keep — each provoking its code through a submission as a
//! client sends it, checking the fields the refusal carries, and that the state did not
//! move. Each test names the rule of docs/rules.md it checks.

mod fixture;

use fixture::refusing::*;
use fixture::*;
use serde_json::{Value, json};
use tandoo_core::Refusal;
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::{CandidateId, ConstituencyNo, ElectionId, StationId};
use tandoo_core::money::Money;
use tandoo_core::refusal::Entity;

fn call(id: &str, kind: &str, repeat_of: Option<&str>, constituencies: Value) -> Value {
    let mut call = json!({"type": "call_election", "id": id, "name": "Another election",
        "kind": kind, "voting_day": "2025-11-30", "rule_set": "jogorku_kenesh_2025",
        "constituencies": constituencies});
    if let Some(original) = repeat_of {
        call["repeat_of"] = json!(original);
    }
    call
}

fn preliminary(figures: Value) -> Value {
    json!({"type": "record_preliminary_figures", "election": "E", "station": 101,
        "constituency": 1, "figures": figures})
}

fn one() -> ConstituencyNo {
    ConstituencyNo(1)
}

/// R-ELEC-RULE-SET: an election's rules are a preset tandoo knows, or spelled out.
#[test]
fn unknown_rule_set_an_election_called_with_a_preset_nobody_wrote_r_elec_rule_set() {
    let mut state = election();
    let mut call = call("E2", "regular", None, json!([1]));
    call["rule_set"] = json!("no_such_rules");
    let refusal = refusal(&mut state, &admin(), call);
    assert_eq!(refusal.code(), "UNKNOWN_RULE_SET");
    assert!(matches!(
        refusal,
        Refusal::Unknown { entity: Entity::RuleSet, ref id, .. } if id == "no_such_rules"
    ));
}

/// R-STRUCT-SEATS: a constituency elects at least one seat.
#[test]
fn no_seats_a_constituency_electing_nobody_r_struct_seats() {
    let mut state = election();
    let none = json!({"type": "define_constituency", "number": 2, "name": "Two", "seats": 0});
    assert_eq!(code(&mut state, &admin(), none), "NO_SEATS");
}

/// R-REF-BOUNDS: a station has at most `MAX_FIGURE` voters on its list.
#[test]
fn figure_too_large_a_station_with_more_voters_than_any_has_r_ref_bounds() {
    let mut state = election();
    let station = json!({"type": "define_station", "number": 103, "name": "Huge",
        "constituency": 1, "voters": 1_000_000_001u64});
    let refusal = refusal(&mut state, &admin(), station);
    assert_eq!(refusal.code(), "FIGURE_TOO_LARGE");
    assert_eq!(
        refusal,
        Refusal::FigureTooLarge {
            field: "voters",
            value: 1_000_000_001,
            max: 1_000_000_000,
        }
    );
}

/// R-REF-BOUNDS, R-PROT-PRELIMINARY: a box's figure is bounded like a protocol's.
#[test]
fn figure_too_large_a_box_reporting_more_than_any_station_has_r_prot_preliminary() {
    let mut state = election();
    let figures = json!({"lines": {"L1": 1_000_000_001u64}});
    assert_eq!(
        code(&mut state, &operator(1), preliminary(figures)),
        "FIGURE_TOO_LARGE"
    );
}

/// R-STRUCT-VOTING-RULE: a commission's quorum and majority are fractions below one.
#[test]
fn bad_voting_rule_a_majority_of_the_whole_membership_and_more_r_struct_voting_rule() {
    let mut state = election();
    let commission = json!({"type": "form_commission", "id": "DEC-2", "name": "Two",
        "level": "central", "parent": "CEC",
        "members": [{"id": "m", "name": "M", "position": "member"}],
        "voting": {"quorum": {"numerator": 2, "denominator": 3},
                   "majority": {"numerator": 1, "denominator": 1}}});
    assert_eq!(code(&mut state, &admin(), commission), "BAD_VOTING_RULE");
}

/// R-ELEC-REPEAT: a repeat election names the election it repeats.
#[test]
fn repeat_mismatch_a_repeat_election_that_repeats_nothing_r_elec_repeat() {
    let mut state = election();
    let refusal = refusal(&mut state, &admin(), call("R", "repeat", None, json!([1])));
    assert_eq!(refusal.code(), "REPEAT_MISMATCH");
    assert_eq!(
        refusal,
        Refusal::RepeatMismatch {
            kind: ElectionKind::Repeat
        }
    );
}

/// R-ELEC-REPEAT: only a repeat election names an election it repeats.
#[test]
fn repeat_mismatch_a_regular_election_that_repeats_another_r_elec_repeat() {
    let mut state = election();
    let early = call("E2", "early", Some("E"), json!([1]));
    assert_eq!(code(&mut state, &admin(), early), "REPEAT_MISMATCH");
}

/// R-ELEC-CONSTITUENCY: an election covers at least one constituency.
#[test]
fn empty_list_an_election_in_no_constituency_r_elec_constituency() {
    let mut state = election();
    let refusal = refusal(&mut state, &admin(), call("E2", "regular", None, json!([])));
    assert_eq!(refusal.code(), "EMPTY_LIST");
    assert_eq!(
        refusal,
        Refusal::EmptyList {
            field: "constituencies"
        }
    );
}

/// R-CASE-FILE: a complaint names who filed it; a meeting has an agenda.
#[test]
fn empty_list_a_complaint_by_nobody_and_a_meeting_about_nothing_r_case_file() {
    let mut state = election();
    let complaint = json!({"type": "file_complaint", "kind": "complaint",
        "addressed_to": "DEC-1", "filed_by": [], "subject": "the count"});
    assert_eq!(
        refusal(&mut state, &secretary(), complaint),
        Refusal::EmptyList { field: "filed_by" }
    );
    let meeting = json!({"type": "hold_meeting", "commission": "DEC-1",
        "present": ["DEC-1-1"], "agenda": []});
    assert_eq!(code(&mut state, &secretary(), meeting), "EMPTY_LIST");
}

/// R-RES-NUMBER: resolution numbers start at 1.
#[test]
fn resolution_number_zero_a_resolution_numbered_nought_r_res_number() {
    let mut state = election();
    let mut vote = dec(json!([{"effect": "directive", "text": "recount"}]));
    vote["number"] = json!(0);
    assert_eq!(
        code(&mut state, &secretary(), vote),
        "RESOLUTION_NUMBER_ZERO"
    );
}

/// R-CAND-FEE: a fee payment is more than zero.
#[test]
fn zero_payment_a_fee_payment_of_nothing_r_cand_fee() {
    let mut state = election();
    let pay = json!({"type": "pay_fee", "candidate": "A", "amount": 0});
    assert_eq!(code(&mut state, &secretary(), pay), "ZERO_PAYMENT");
}

/// R-REF-BOUNDS: a single payment is at most 1,000,000,000 som.
#[test]
fn payment_too_large_a_payment_beyond_any_fee_r_ref_bounds() {
    let mut state = election();
    let pay = json!({"type": "pay_fee", "candidate": "A", "amount": 100_000_000_001u64});
    let refusal = refusal(&mut state, &secretary(), pay);
    assert_eq!(refusal.code(), "PAYMENT_TOO_LARGE");
    assert_eq!(
        refusal,
        Refusal::PaymentTooLarge {
            amount: Money(100_000_000_001),
            max: Money::whole(1_000_000_000),
        }
    );
}

/// R-PROT-CORRECTION: a correction corrects a protocol that was accepted.
#[test]
fn nothing_to_correct_a_correction_of_a_protocol_never_accepted_r_prot_correction() {
    let mut state = election();
    let mut entry = json!({"type": "enter_protocol", "election": "E", "station": 101,
        "constituency": 1, "figures": protocol([300, 200, 100, 50], 20, 10)});
    entry["correction_reason"] = json!("a typing error");
    let refusal = refusal(&mut state, &operator(1), entry);
    assert_eq!(refusal.code(), "NOTHING_TO_CORRECT");
    assert_eq!(
        refusal,
        Refusal::NothingToCorrect {
            station: StationId(101),
            constituency: one(),
        }
    );
}

/// R-PROT-SETTLE: the supervisor keeps one of the entries that differ.
#[test]
fn no_such_entry_keeping_an_entry_nobody_made_r_prot_settle() {
    let mut state = election();
    let entry = |figures| {
        json!({"type": "enter_protocol", "election": "E", "station": 101,
            "constituency": 1, "figures": figures})
    };
    accepted(
        &mut state,
        &operator(1),
        entry(json!(protocol([300, 200, 100, 50], 20, 10))),
    );
    accepted(
        &mut state,
        &operator(2),
        entry(json!(protocol([301, 199, 100, 50], 20, 10))),
    );
    let keep = json!({"type": "settle_protocol", "election": "E", "station": 101,
        "constituency": 1, "decision": {"decision": "keep", "entry": 3}});
    let refusal = refusal(&mut state, &supervisor(), keep);
    assert_eq!(refusal.code(), "NO_SUCH_ENTRY");
    assert_eq!(
        refusal,
        Refusal::NoSuchEntry {
            station: StationId(101),
            constituency: one(),
            entry: 3,
        }
    );
}

/// R-PROT-PRELIMINARY: a box reports the lines of the election's form.
#[test]
fn line_not_on_form_a_box_reporting_a_line_the_form_lacks_r_prot_preliminary() {
    let mut state = election();
    let figures = json!({"lines": {"L99": 5}});
    let refusal = refusal(&mut state, &operator(1), preliminary(figures));
    assert_eq!(refusal.code(), "LINE_NOT_ON_FORM");
    assert_eq!(refusal, Refusal::LineNotOnForm { line: "L99".into() });
}

/// R-PROT-PRELIMINARY, R-CAND-BALLOT: a box reports votes for the candidates on the ballot.
#[test]
fn not_on_ballot_a_box_reporting_votes_for_someone_not_on_the_ballot_r_prot_preliminary() {
    let mut state = election();
    let figures = json!({"candidates": {"Z": 5}});
    let refusal = refusal(&mut state, &operator(1), preliminary(figures));
    assert_eq!(refusal.code(), "NOT_ON_BALLOT");
    assert_eq!(
        refusal,
        Refusal::NotOnBallot {
            candidate: CandidateId::new("Z"),
            election: ElectionId::new("E"),
            constituency: one(),
        }
    );
}

/// R-RES-RECOGNISE: a recognition names candidates who stand in the contest.
#[test]
fn not_in_contest_recognising_a_candidate_of_another_constituency_r_res_recognise() {
    let mut state = election();
    let two = json!({"type": "define_constituency", "number": 2, "name": "Two", "seats": 3});
    accepted(&mut state, &admin(), two);
    accepted(
        &mut state,
        &admin(),
        call("E2", "regular", None, json!([2])),
    );
    accepted(&mut state, &cec_secretary(), nominate("X", "P-X", "E2", 2));
    accept_101(&mut state);
    let recognise = json!([{"effect": "recognise_elected", "election": "E", "constituency": 1,
        "candidates": ["A", "B", "X"]}]);
    let refusal = refusal(&mut state, &cec_secretary(), cec(recognise));
    assert_eq!(refusal.code(), "NOT_IN_CONTEST");
    assert_eq!(
        refusal,
        Refusal::NotInContest {
            candidate: CandidateId::new("X"),
            election: ElectionId::new("E"),
            constituency: one(),
        }
    );
}

/// R-SEAT-VACANCY: only a mandate held can end.
#[test]
fn holds_no_seat_ending_the_mandate_of_someone_never_elected_r_seat_vacancy() {
    let mut state = election();
    let end = json!([{"effect": "end_mandate", "election": "E", "constituency": 1,
        "candidate": "D", "reason": "resigned"}]);
    assert_eq!(
        code(&mut state, &cec_secretary(), cec(end)),
        "HOLDS_NO_SEAT"
    );
}

/// R-CAND-REFUND: a refund returns a fee that was paid.
#[test]
fn no_fee_to_refund_refunding_a_candidate_who_paid_nothing_r_cand_refund() {
    let mut state = election();
    accepted(&mut state, &secretary(), nominate("X", "P-X", "E", 1));
    let refund = json!([{"effect": "refund_fees", "candidates": ["X"]}]);
    let refusal = refusal(&mut state, &cec_secretary(), cec(refund));
    assert_eq!(refusal.code(), "NO_FEE_TO_REFUND");
    assert_eq!(
        refusal,
        Refusal::NoFeeToRefund {
            candidate: CandidateId::new("X")
        }
    );
}

/// R-RES-COMPETENCE, R-CAND-REFUND: an effect that names candidates names at least one.
#[test]
fn empty_list_annulling_the_votes_of_nobody_r_res_competence() {
    let mut state = election();
    let annul = json!([{"effect": "annul_candidate_votes", "candidates": []}]);
    assert_eq!(
        refusal(&mut state, &secretary(), dec(annul)),
        Refusal::EmptyList {
            field: "effects.candidates"
        }
    );
}

//! One test per refusal code: each provokes its code through a submission, as a client
//! would send it (the JSON of docs/commands.md), and checks that the state did not move.
//! Each test names the rule of docs/rules.md it checks. The codes of the rules on a
//! command's values are provoked in `refusal_values.rs`. The last tests hold the list of
//! codes to docs/commands.md and to the test files.

mod fixture;

use fixture::refusing::*;
use fixture::*;
use serde_json::json;
use tandoo_core::actor::{Actor, Role};

/// R-AUTH-ROLE: an observer reads only; nominating is a secretary's or administrator's act.
#[test]
fn not_authorised_an_observer_cannot_nominate_r_auth_role() {
    let mut state = election();
    let observer = Actor::new("observer", Role::Observer, "DEC-1");
    assert_eq!(
        code(&mut state, &observer, nominate("X", "P-X", "E", 1)),
        "NOT_AUTHORISED"
    );
}

/// R-AUTH-COMPETENCE: only the CEC declares a constituency's election invalid.
#[test]
fn outside_competence_a_district_commission_cannot_declare_a_contest_invalid_r_auth_competence() {
    let mut state = election();
    let effects = json!([{"effect": "declare_invalid", "election": "E", "constituency": 1}]);
    assert_eq!(
        code(&mut state, &secretary(), dec(effects)),
        "OUTSIDE_COMPETENCE"
    );
}

/// R-REF-EXISTS: a fee is paid by a candidate someone nominated.
#[test]
fn unknown_candidate_a_fee_for_nobody_nominated_r_ref_exists() {
    let mut state = election();
    let pay = json!({"type": "pay_fee", "candidate": "Z", "amount": 30000000});
    assert_eq!(code(&mut state, &secretary(), pay), "UNKNOWN_CANDIDATE");
}

/// R-REF-EXISTS: a protocol belongs to an election that was called.
#[test]
fn unknown_election_a_protocol_of_an_election_never_called_r_ref_exists() {
    let mut state = election();
    let mut entry = entry_json(101, protocol([300, 200, 100, 50], 20, 10));
    entry["election"] = json!("X");
    assert_eq!(code(&mut state, &operator(1), entry), "UNKNOWN_ELECTION");
}

/// R-REF-EXISTS: a station lies in a constituency that was defined.
#[test]
fn unknown_constituency_a_station_in_an_undefined_constituency_r_ref_exists() {
    let mut state = election();
    let station = json!({"type": "define_station", "number": 901, "name": "Nine",
        "constituency": 9, "voters": 100});
    assert_eq!(code(&mut state, &admin(), station), "UNKNOWN_CONSTITUENCY");
}

/// R-REF-EXISTS: a protocol comes from a station that was defined.
#[test]
fn unknown_station_a_protocol_of_an_undefined_station_r_ref_exists() {
    let mut state = election();
    let entry = entry_json(999, protocol([300, 200, 100, 50], 20, 10));
    assert_eq!(code(&mut state, &operator(1), entry), "UNKNOWN_STATION");
}

/// R-REF-EXISTS: an actor acts for a commission that was formed.
#[test]
fn unknown_commission_an_actor_for_a_commission_never_formed_r_ref_exists() {
    let mut state = election();
    let stranger = Actor::new("secretary", Role::Secretary, "DEC-9");
    assert_eq!(
        code(&mut state, &stranger, nominate("X", "P-X", "E", 1)),
        "UNKNOWN_COMMISSION"
    );
}

/// R-RES-VOTES: only the commission's members vote on its resolutions.
#[test]
fn unknown_member_a_vote_by_someone_not_on_the_commission_r_res_votes() {
    let mut state = election();
    let mut vote = dec(json!([{"effect": "directive", "text": "recount"}]));
    vote["votes"][0]["member"] = json!("CEC-1");
    assert_eq!(code(&mut state, &secretary(), vote), "UNKNOWN_MEMBER");
}

/// R-RES-RESCIND: a rescission names a resolution that was adopted.
#[test]
fn unknown_resolution_rescinding_a_number_never_given_r_res_rescind() {
    let mut state = election();
    let effects = json!([{"effect": "rescind",
        "resolution": {"commission": "CEC", "number": 99, "year": 2025}}]);
    assert_eq!(
        code(&mut state, &cec_secretary(), cec(effects)),
        "UNKNOWN_RESOLUTION"
    );
}

/// R-CASE-FILE: a request is sent about a complaint that was filed.
#[test]
fn unknown_complaint_a_request_about_no_complaint_r_case_file() {
    let mut state = election();
    let request = json!({"type": "send_request", "about": "nope", "to": "police",
        "text": "what happened?"});
    assert_eq!(code(&mut state, &secretary(), request), "UNKNOWN_COMPLAINT");
}

/// R-CASE-FILE: an answer answers a request that was sent.
#[test]
fn unknown_request_an_answer_to_no_request_r_case_file() {
    let mut state = election();
    let answer = json!({"type": "record_answer", "request": "nope", "from": "police",
        "text": "nothing"});
    assert_eq!(code(&mut state, &secretary(), answer), "UNKNOWN_REQUEST");
}

/// R-CASE-FILE: a resolution cites a meeting its commission held.
#[test]
fn unknown_meeting_a_resolution_of_a_meeting_never_held_r_case_file() {
    let mut state = election();
    let mut vote = dec(json!([{"effect": "directive", "text": "recount"}]));
    vote["meeting"] = json!("nope");
    assert_eq!(code(&mut state, &secretary(), vote), "UNKNOWN_MEETING");
}

/// R-REF-UNIQUE: a constituency is defined once.
#[test]
fn already_exists_a_constituency_defined_twice_r_ref_unique() {
    let mut state = election();
    let again = json!({"type": "define_constituency", "number": 1, "name": "One", "seats": 3});
    assert_eq!(code(&mut state, &admin(), again), "ALREADY_EXISTS");
}

/// R-REF-UNIQUE, R-RES-REPEAT: one resolution cannot call the same repeat election twice
/// (each effect alone is checked against the state, which does not hold it yet).
#[test]
fn already_exists_one_resolution_calling_the_same_repeat_election_twice_r_res_repeat() {
    let mut state = election();
    let call = json!({"effect": "call_repeat_election", "election": "R", "name": "Repeat",
        "repeat_of": "E", "constituency": 1, "voting_day": "2026-02-01"});
    assert_eq!(
        code(&mut state, &cec_secretary(), cec(json!([call, call]))),
        "ALREADY_EXISTS"
    );
}

/// R-CAND-ONE-PER-PERSON: a person stands once in an election.
#[test]
fn duplicate_candidate_the_same_person_nominated_twice_r_cand_one_per_person() {
    let mut state = election();
    assert_eq!(
        code(&mut state, &secretary(), nominate("A2", "P-A", "E", 1)),
        "DUPLICATE_CANDIDATE"
    );
}

/// R-CAND-STANDING: a candidate is registered once.
#[test]
fn already_registered_registering_a_registered_candidate_r_cand_standing() {
    let mut state = election();
    let register = json!({"type": "register_candidate", "candidate": "A"});
    assert_eq!(
        code(&mut state, &secretary(), register),
        "ALREADY_REGISTERED"
    );
}

/// R-CAND-STANDING: registration is refused only to a candidate awaiting it.
#[test]
fn wrong_standing_refusing_a_registered_candidate_r_cand_standing() {
    let mut state = election();
    let refuse = json!({"type": "refuse_registration", "candidate": "A", "reason": "papers"});
    assert_eq!(code(&mut state, &secretary(), refuse), "WRONG_STANDING");
}

/// R-CAND-FEE: registration needs the whole election fee (300,000 som).
#[test]
fn fee_not_paid_registration_with_part_of_the_fee_r_cand_fee() {
    let mut state = election();
    accepted(&mut state, &secretary(), nominate("E5", "P-E5", "E", 1));
    let part = json!({"type": "pay_fee", "candidate": "E5", "amount": 29999999});
    accepted(&mut state, &secretary(), part);
    let register = json!({"type": "register_candidate", "candidate": "E5"});
    assert_eq!(code(&mut state, &secretary(), register), "FEE_NOT_PAID");
}

/// R-CAND-BAR: a candidate barred by a resolution in force cannot stand in the repeat
/// election of the constituency.
#[test]
fn candidate_barred_a_barred_person_nominated_in_the_repeat_election_r_cand_bar() {
    let mut state = election();
    let bar = json!([{"effect": "bar_from_repeat", "candidates": ["A"]}]);
    accepted(&mut state, &secretary(), dec(bar));
    let call = json!([{"effect": "call_repeat_election", "election": "R", "name": "Repeat",
        "repeat_of": "E", "constituency": 1, "voting_day": "2026-02-01"}]);
    accepted(&mut state, &cec_secretary(), cec(call));
    assert_eq!(
        code(&mut state, &secretary(), nominate("RA", "P-A", "R", 1)),
        "CANDIDATE_BARRED"
    );
}

/// R-ELEC-CANCELLED: a cancelled election takes no more acts.
#[test]
fn election_cancelled_a_nomination_in_a_cancelled_election_r_elec_cancelled() {
    let mut state = election();
    let cancel = json!([{"effect": "cancel_election", "election": "E"}]);
    accepted(&mut state, &cec_secretary(), cec(cancel));
    assert_eq!(
        code(&mut state, &secretary(), nominate("X", "P-X", "E", 1)),
        "ELECTION_CANCELLED"
    );
}

/// R-ELEC-CONSTITUENCY: candidates stand in the constituencies the election covers.
#[test]
fn constituency_not_in_election_a_nomination_outside_the_election_r_elec_constituency() {
    let mut state = election();
    let two = json!({"type": "define_constituency", "number": 2, "name": "Two", "seats": 3});
    accepted(&mut state, &admin(), two);
    assert_eq!(
        code(&mut state, &cec_secretary(), nominate("X", "P-X", "E", 2)),
        "CONSTITUENCY_NOT_IN_ELECTION"
    );
}

/// R-PROT-E01 (and every error relation): an entry that breaks one is not recorded.
#[test]
fn protocol_rejected_an_entry_breaking_a_control_relation_r_prot_e01() {
    let mut state = election();
    let mut figures = protocol([300, 200, 100, 50], 20, 10);
    figures.lines.insert("L5".into(), 321);
    assert_eq!(
        code(&mut state, &operator(1), entry_json(101, figures)),
        "PROTOCOL_REJECTED"
    );
}

/// R-PROT-ACKNOWLEDGE: every warning is acknowledged by the operator.
#[test]
fn warnings_not_acknowledged_an_entry_with_a_warning_unseen_r_prot_acknowledge() {
    let mut state = election();
    let figures = protocol([700, 10, 10, 10], 0, 0);
    assert_eq!(
        code(&mut state, &operator(1), entry_json(101, figures)),
        "WARNINGS_NOT_ACKNOWLEDGED"
    );
}

/// R-PROT-CORRECTION: an accepted protocol changes only by a correction with a reason.
#[test]
fn protocol_already_accepted_a_new_entry_without_a_reason_r_prot_correction() {
    let mut state = election();
    accept_101(&mut state);
    let entry = entry_json(101, protocol([300, 200, 100, 50], 20, 10));
    assert_eq!(
        code(&mut state, &operator(3), entry),
        "PROTOCOL_ALREADY_ACCEPTED"
    );
}

/// R-PROT-SETTLE: after two differing entries a supervisor decides before anyone enters.
#[test]
fn entries_differ_a_third_entry_before_the_supervisor_decides_r_prot_settle() {
    let mut state = election();
    accepted(
        &mut state,
        &operator(1),
        entry_json(101, protocol([300, 200, 100, 50], 20, 10)),
    );
    accepted(
        &mut state,
        &operator(2),
        entry_json(101, protocol([200, 300, 100, 50], 20, 10)),
    );
    let third = entry_json(101, protocol([300, 200, 100, 50], 20, 10));
    assert_eq!(code(&mut state, &operator(3), third), "ENTRIES_DIFFER");
}

/// R-PROT-DOUBLE-ENTRY: the two entries come from two operators.
#[test]
fn same_operator_one_operator_entering_twice_r_prot_double_entry() {
    let mut state = election();
    let figures = protocol([300, 200, 100, 50], 20, 10);
    accepted(&mut state, &operator(1), entry_json(101, figures.clone()));
    assert_eq!(
        code(&mut state, &operator(1), entry_json(101, figures)),
        "SAME_OPERATOR"
    );
}

/// R-PROT-SETTLE: a supervisor settles only entries that differ.
#[test]
fn nothing_to_settle_settling_a_protocol_never_entered_r_prot_settle() {
    let mut state = election();
    let settle = json!({"type": "settle_protocol", "election": "E", "station": 101,
        "constituency": 1, "decision": {"decision": "keep", "entry": 1}});
    assert_eq!(code(&mut state, &supervisor(), settle), "NOTHING_TO_SETTLE");
}

/// R-RES-VOTES: each member present votes once.
#[test]
fn duplicate_vote_a_member_voting_twice_r_res_votes() {
    let mut state = election();
    let mut vote = dec(json!([{"effect": "directive", "text": "recount"}]));
    vote["votes"][1]["member"] = json!("DEC-1-1");
    assert_eq!(code(&mut state, &secretary(), vote), "DUPLICATE_VOTE");
}

/// R-RES-NUMBER: a commission gives each number once a year.
#[test]
fn resolution_number_taken_two_resolutions_with_one_number_r_res_number() {
    let mut state = election();
    let mut first = dec(json!([{"effect": "directive", "text": "recount"}]));
    first["number"] = json!(5);
    accepted(&mut state, &secretary(), first.clone());
    assert_eq!(
        code(&mut state, &secretary(), first),
        "RESOLUTION_NUMBER_TAKEN"
    );
}

/// R-RES-RESCIND: only a resolution in force can be rescinded.
#[test]
fn not_in_force_rescinding_a_rescinded_resolution_r_res_rescind() {
    let mut state = election();
    let mut first = dec(json!([{"effect": "directive", "text": "recount"}]));
    first["number"] = json!(1);
    accepted(&mut state, &secretary(), first);
    let rescind = json!([{"effect": "rescind",
        "resolution": {"commission": "DEC-1", "number": 1, "year": 2025}}]);
    accepted(&mut state, &secretary(), dec(rescind.clone()));
    assert_eq!(code(&mut state, &secretary(), dec(rescind)), "NOT_IN_FORCE");
}

/// R-RES-RECOGNISE: the deputies recognised are those the count elects.
#[test]
fn elected_not_allocated_recognising_someone_the_count_does_not_elect_r_res_recognise() {
    let mut state = election();
    accept_101(&mut state);
    // The count elects A, B and C (D is fourth).
    let recognise = json!([{"effect": "recognise_elected", "election": "E", "constituency": 1,
        "candidates": ["A", "B", "D"]}]);
    assert_eq!(
        code(&mut state, &cec_secretary(), cec(recognise)),
        "ELECTED_NOT_ALLOCATED"
    );
}

/// R-RES-RECOGNISE: nobody is recognised in a contest the same resolution declares invalid.
#[test]
fn count_failed_recognising_the_elected_of_a_contest_declared_invalid_r_res_recognise() {
    let mut state = election();
    accept_101(&mut state);
    let effects = json!([
        {"effect": "declare_invalid", "election": "E", "constituency": 1},
        {"effect": "recognise_elected", "election": "E", "constituency": 1,
         "candidates": ["A", "B", "C"]}]);
    assert_eq!(
        code(&mut state, &cec_secretary(), cec(effects)),
        "COUNT_FAILED"
    );
}

/// R-PROT-ANNUL: a resolution annuls a station's result that was accepted.
#[test]
fn no_protocol_annulling_a_station_with_no_accepted_protocol_r_prot_annul() {
    let mut state = election();
    let annul = json!([{"effect": "annul_station_result", "election": "E", "station": 101,
        "constituency": 1}]);
    assert_eq!(code(&mut state, &secretary(), dec(annul)), "NO_PROTOCOL");
}

/// The codes `Refusal::code` gives, read from its source: every string literal of capitals
/// it returns.
fn codes_in_the_source() -> Vec<String> {
    tandoo_core::refusal::CODES
        .iter()
        .map(|code| code.to_string())
        .collect()
}

/// The text of every test file of this crate: a refusal code's test may live beside the
/// rule it belongs to (bounds, protocol keys, right answers) rather than here.
fn test_sources() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut text = String::new();
    for entry in std::fs::read_dir(&dir).expect("the tests folder") {
        let path = entry.expect("a test file").path();
        if path.extension().is_some_and(|e| e == "rs") {
            text.push_str(&std::fs::read_to_string(&path).expect("a readable test file"));
        }
    }
    text
}

/// Codes no submission can provoke. No command refers to an incident by its identifier yet,
/// so none can name an unknown one; the effects of a resolution are each checked against
/// the state before they are tried together, so their failing to apply is a defect of
/// those checks, and a test that provoked it would show one to mend.
const UNREACHABLE: &[&str] = &["UNKNOWN_INCIDENT", "EFFECTS_DO_NOT_APPLY"];

#[test]
fn every_refusal_code_is_listed_in_docs_commands_md() {
    let doc = include_str!("../../../docs/commands.md");
    let codes = codes_in_the_source();
    assert!(
        codes.len() >= 30,
        "read {} codes from refusal.rs",
        codes.len()
    );
    let missing: Vec<_> = codes
        .iter()
        .filter(|code| !doc.contains(&format!("`{code}`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/commands.md: {missing:?}");
}

#[test]
fn every_refusal_code_has_a_test_that_provokes_it() {
    let tests = test_sources();
    let missing: Vec<_> = codes_in_the_source()
        .into_iter()
        .filter(|code| !UNREACHABLE.contains(&code.as_str()))
        // A code appears quoted in a test only as the result the test expects.
        .filter(|code| !tests.contains(&format!("\"{code}\"")))
        .collect();
    assert!(missing.is_empty(), "no test provokes: {missing:?}");
}

//! Whatever numbers a request carries, `allocate_json` answers with a result or a refusal
//! with a stable code — never a panic, never a silently wrong sum. Property tests in the
//! place of a fuzzer.

use proptest::prelude::*;
use serde_json::{Value, json};
use tandoo_count::{MAX_SEATS, allocate_json};

fn votes() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..100_000).prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        Just(json!(1.5)),
        Just(json!("7")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn list_requests_are_answered_or_refused(
        method in prop_oneof![Just("dhondt"), Just("sainte_lague"), Just("modified_sainte_lague"), Just("hare"), Just("droop"), Just("nonsense")],
        seats in prop_oneof![0u64..200, Just(MAX_SEATS), Just(MAX_SEATS + 1), Just(u64::MAX)],
        parties in proptest::collection::vec(votes(), 0..6),
    ) {
        let parties: Vec<Value> = parties.into_iter().enumerate().map(|(i, v)| json!({"id": format!("P{i}"), "votes": v})).collect();
        let request = json!({"method": method, "seats": seats, "parties": parties, "first_divisor": "1.4"});
        match allocate_json(&request) {
            Ok(answer) => {
                let given: u64 = answer["allocation"].as_array().unwrap().iter().map(|p| p["seats"].as_u64().unwrap()).sum();
                prop_assert!(given <= seats);
            }
            Err(error) => prop_assert!(!error.code().is_empty()),
        }
    }

    #[test]
    fn candidate_requests_are_answered_or_refused(
        method in prop_oneof![Just("plurality"), Just("multi_member_plurality"), Just("block"), Just("two_round")],
        seats in 0u64..5,
        candidates in proptest::collection::vec((votes(), prop_oneof![Just("M"), Just("F")]), 0..6),
        against_all in votes(),
    ) {
        let candidates: Vec<Value> = candidates
            .into_iter()
            .enumerate()
            .map(|(i, (v, g))| json!({"id": format!("C{i}"), "votes": v, "gender": g, "registered": i}))
            .collect();
        let request = json!({"method": method, "seats": seats, "candidates": candidates,
            "against_all": against_all, "max_per_gender": 2});
        if let Ok(answer) = allocate_json(&request) {
            prop_assert!(answer["elected"].as_array().unwrap().len() as u64 <= seats);
        }
    }
}

#[test]
fn vote_totals_beyond_any_electorate_are_refused() {
    let request = json!({"method": "dhondt", "seats": 5, "parties": [
        {"id": "A", "votes": u64::MAX}, {"id": "B", "votes": u64::MAX}]});
    assert_eq!(
        allocate_json(&request).unwrap_err().code(),
        "VOTES_TOO_LARGE"
    );
}

#[test]
fn more_seats_than_any_assembly_are_refused() {
    let request = json!({"method": "hare", "seats": u64::from(u32::MAX), "parties": [{"id": "A", "votes": 10}]});
    assert_eq!(
        allocate_json(&request).unwrap_err().code(),
        "TOO_MANY_SEATS"
    );
}

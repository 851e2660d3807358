//! Tests of the JSON format: requests in, responses out, refusals with their codes.

use super::*;

fn run(v: Value) -> Value {
    allocate_json(&v).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn refusal(v: Value) -> &'static str {
    allocate_json(&v).map(|_| ()).unwrap_err().code()
}

fn seats(out: &Value) -> Vec<(String, u64)> {
    out["allocation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                p["seats"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn json_dhondt_answers_allocation_in_input_order() {
    let out = run(json!({"method": "dhondt", "seats": 5, "parties": [
        {"id": "B", "votes": 300}, {"id": "A", "votes": 700}]}));
    assert_eq!(seats(&out), [("B".into(), 1), ("A".into(), 4)]);
    assert_eq!(out["tie"], json!(false));
    assert!(
        out["steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["rule"] == "quotient")
    );
}

#[test]
fn json_every_list_method_is_available_by_name() {
    let parties = json!([{"id": "A", "votes": 100_000}, {"id": "B", "votes": 80_000},
        {"id": "C", "votes": 30_000}, {"id": "D", "votes": 20_000}]);
    let expect = [
        ("dhondt", [4, 3, 1, 0]),
        ("sainte_lague", [3, 3, 1, 1]),
        ("modified_sainte_lague", [4, 3, 1, 0]),
        ("hare", [3, 3, 1, 1]),
        ("droop", [4, 3, 1, 0]),
    ];
    for (method, want) in expect {
        let out = run(json!({"method": method, "seats": 8, "parties": parties}));
        let got: Vec<u64> = seats(&out).into_iter().map(|(_, s)| s).collect();
        assert_eq!(got, want, "{method}");
        assert_eq!(out["method"], json!(method));
    }
}

#[test]
fn json_first_divisor_is_read_exactly_and_echoed() {
    let out = run(
        json!({"method": "modified_sainte_lague", "first_divisor": "1.2", "seats": 8,
        "parties": [{"id": "A", "votes": 100_000}, {"id": "B", "votes": 80_000},
        {"id": "C", "votes": 30_000}, {"id": "D", "votes": 20_000}]}),
    );
    assert_eq!(out["first_divisor"], json!("6/5"));
    // D's first quotient 20,000 / 1.2 = 16,666.7 beats A's 100,000 / 7 = 14,285.7.
    let got: Vec<u64> = seats(&out).into_iter().map(|(_, s)| s).collect();
    assert_eq!(got, [3, 3, 1, 1]);
    assert_eq!(
        refusal(
            json!({"method": "dhondt", "first_divisor": "1.4", "seats": 1, "parties": [{"id": "A", "votes": 1}]})
        ),
        "INVALID_FIELD"
    );
}

#[test]
fn json_2021_list_with_threshold_on_voters_who_took_part_and_cap() {
    let out = run(json!({
        "method": "hare", "seats": 54,
        "threshold": {"national": "5", "base": "voters_took_part"},
        "voters_took_part": 1_580_500,
        "cap": {"max_share": "50"},
        "parties": [
            {"id": "P1", "votes": 222_005}, {"id": "P2", "votes": 174_470},
            {"id": "P3", "votes": 141_009}, {"id": "P4", "votes": 106_955},
            {"id": "P5", "votes": 90_223}, {"id": "P6", "votes": 79_025},
            {"id": "Below", "votes": 79_024}]}));
    let got: Vec<u64> = seats(&out).into_iter().map(|(_, s)| s).collect();
    assert_eq!(got, [15, 12, 9, 7, 6, 5, 0]);
    assert_eq!(out["quota"]["decimal"], json!("15068.28"));
    assert_eq!(out["cap_seats"], json!(27));
    assert_eq!(out["allocation"][6]["qualified"], json!(false));
}

#[test]
fn json_regional_threshold_reads_regions_and_regional_votes() {
    let out = run(json!({
        "method": "dhondt", "seats": 4,
        "threshold": {"national": 5, "regional": 0.5},
        "regions": [{"id": "Bishkek"}, {"id": "Osh"}],
        "parties": [
            {"id": "A", "votes": 1000, "regional_votes": {"Bishkek": 500, "Osh": 500}},
            {"id": "B", "votes": 1000, "regional_votes": {"Bishkek": 1000, "Osh": 0}}]}));
    assert_eq!(seats(&out), [("A".into(), 4), ("B".into(), 0)]);
}

#[test]
fn json_open_list_seats_candidates_with_the_gender_reserve() {
    let out = run(json!({
        "method": "dhondt", "seats": 5,
        "open_list": {"reserved_share": "30", "reserved_gender": "F"},
        "parties": [{"id": "A", "votes": 1000, "candidates": [
            {"id": "m1", "gender": "M", "preference_votes": 900},
            {"id": "m2", "gender": "M", "preference_votes": 800},
            {"id": "m3", "gender": "M", "preference_votes": 700},
            {"id": "m4", "gender": "M", "preference_votes": 600},
            {"id": "w1", "gender": "F", "preference_votes": 100},
            {"id": "w2", "gender": "F", "preference_votes": 300}]}]}));
    assert_eq!(
        out["allocation"][0]["elected"],
        json!(["m1", "m2", "m3", "w2", "w1"])
    );
    assert_eq!(out["allocation"][0]["reserved"], json!(["w2", "w1"]));
}

#[test]
fn json_tie_is_flagged_and_seed_echoed() {
    let out = run(
        json!({"method": "sainte_lague", "seats": 1, "tie_break": "lot", "seed": "draw-7",
        "parties": [{"id": "A", "votes": 10}, {"id": "B", "votes": 10}]}),
    );
    assert_eq!(out["tie"], json!(true));
    assert_eq!(out["seed"], json!("draw-7"));
    assert_eq!(out["ties"][0]["broken_by"], json!("lot"));
    assert_eq!(out["ties"][0]["seed"], json!("draw-7"));
}

#[test]
fn json_candidate_contest_answers_elected_status_and_reason() {
    let out = run(
        json!({"method": "multi_member_plurality", "seats": 3, "max_per_gender": 2,
        "candidates": [
            {"id": "Bekeshev", "votes": 13278, "gender": "M"},
            {"id": "Ibragimov", "votes": 5983, "gender": "male"},
            {"id": "Third", "votes": 2104, "gender": "M"},
            {"id": "Kozhokulova", "votes": 902, "gender": "female"}]}),
    );
    assert_eq!(
        out["elected"],
        json!(["Bekeshev", "Ibragimov", "Kozhokulova"])
    );
    assert_eq!(out["status"], json!("elected"));
    assert_eq!(out["reason"], Value::Null);

    let out = run(json!({"method": "plurality", "against_all": 50,
        "candidates": [{"id": "A", "votes": 40}, {"id": "B", "votes": 30}]}));
    assert_eq!(out["status"], json!("failed"));
    assert_eq!(out["reason"]["kind"], json!("against_all_wins"));
    assert_eq!(out["reason"]["compared_with"], json!("A"));

    let out = run(json!({"method": "two_round", "voters_took_part": 100,
        "candidates": [{"id": "A", "votes": 40}, {"id": "B", "votes": 30}, {"id": "C", "votes": 20}]}));
    assert_eq!(out["status"], json!("runoff"));
    assert_eq!(out["runoff"], json!(["A", "B"]));
    assert_eq!(out["reason"]["kind"], json!("no_majority"));
}

#[test]
fn json_single_gender_constituency_fails() {
    let out = run(json!({"method": "block", "seats": 3, "max_per_gender": 2,
        "candidates": [{"id": "A", "votes": 3, "gender": "F"}, {"id": "B", "votes": 2, "gender": "F"},
                       {"id": "C", "votes": 1, "gender": "F"}]}));
    assert_eq!(out["status"], json!("failed"));
    assert_eq!(
        out["reason"],
        json!({"kind": "single_gender", "gender": "F"})
    );
}

#[test]
fn json_referendum_reports_validity_and_each_question() {
    let out = run(
        json!({"method": "referendum", "registered_voters": 1000, "took_part": 400,
        "questions": [{"id": "Q1", "yes": 250, "no": 140}, {"id": "Q2", "yes": 200, "no": 190}]}),
    );
    assert_eq!(out["valid"], json!(true));
    assert_eq!(out["turnout"]["percent"], json!("40.00"));
    assert_eq!(out["questions"][0]["passed"], json!(true));
    assert_eq!(out["questions"][1]["passed"], json!(false));
    assert_eq!(out["turnout_threshold"], json!("30"));
}

#[test]
fn json_mixed_totals_list_and_constituency_seats() {
    let out = run(json!({"method": "mixed",
        "list": {"method": "dhondt", "seats": 4, "parties": [{"id": "A", "votes": 700}, {"id": "B", "votes": 300}]},
        "constituencies": [
            {"id": "1", "method": "plurality", "candidates": [
                {"id": "b1", "votes": 60, "party": "B"}, {"id": "a1", "votes": 40, "party": "A"}]}]}));
    assert_eq!(
        out["totals"],
        json!([
        {"party": "A", "list": 3, "constituency": 0, "total": 3},
        {"party": "B", "list": 1, "constituency": 1, "total": 2}])
    );
    assert_eq!(out["constituencies"][0]["id"], json!("1"));
}

#[test]
fn json_bad_input_is_refused_with_stable_codes() {
    let p = |v: i64| json!({"method": "dhondt", "seats": 2, "parties": [{"id": "A", "votes": v}]});
    assert_eq!(refusal(p(-5)), "NEGATIVE_VOTES");
    assert_eq!(
        refusal(json!({"method": "dhondt", "seats": 2, "parties": [{"id": "A", "votes": 1.5}]})),
        "INVALID_FIELD"
    );
    assert_eq!(
        refusal(json!({"method": "ranked", "seats": 1, "parties": []})),
        "UNKNOWN_METHOD"
    );
    assert_eq!(refusal(json!({"seats": 1})), "MISSING_FIELD");
    assert_eq!(
        refusal(
            json!({"method": "hare", "seats": 2, "parties": [{"id": "A", "votes": 1}, {"id": "A", "votes": 2}]})
        ),
        "DUPLICATE_ID"
    );
    assert_eq!(
        refusal(
            json!({"method": "hare", "seats": 2, "threshold": "120", "parties": [{"id": "A", "votes": 1}]})
        ),
        "THRESHOLD_ABOVE_100"
    );
    assert_eq!(
        refusal(json!({"method": "multi_member_plurality", "seats": 3,
            "candidates": [{"id": "A", "votes": 1}, {"id": "B", "votes": 2}]})),
        "TOO_MANY_SEATS"
    );
    assert_eq!(
        refusal(json!({"method": "dhondt", "seats": 3, "parties": []})),
        "TOO_MANY_SEATS"
    );
    assert_eq!(
        refusal(
            json!({"method": "dhondt", "seats": 3, "treshold": "5", "parties": [{"id": "A", "votes": 1}]})
        ),
        "INVALID_FIELD"
    );
    assert_eq!(
        refusal(json!({"method": "plurality", "candidates": [{"id": "A", "votes": -1}]})),
        "NEGATIVE_VOTES"
    );
    assert_eq!(refusal(json!([1, 2])), "INVALID_FIELD");
}

#[test]
fn json_refusal_object_carries_code_and_sentence() {
    let e = allocate_json(&json!({"method": "nope"})).unwrap_err();
    let v = error_json(&e);
    assert_eq!(v["error"]["code"], json!("UNKNOWN_METHOD"));
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown method \"nope\"")
    );
}

#[test]
fn json_regional_threshold_on_voters_who_took_part_as_documented() {
    let out = run(json!({"method": "hare", "seats": 54,
        "threshold": {"national": "5", "regional": "0.5", "base": "voters_took_part"},
        "voters_took_part": 1_400_000,
        "regions": [{"id": "Bishkek", "voters_took_part": 300_000},
                    {"id": "Osh city", "voters_took_part": 90_000}],
        "parties": [
            {"id": "A", "votes": 222_005, "regional_votes": {"Bishkek": 60_000, "Osh city": 9_000}},
            {"id": "B", "votes": 90_000, "regional_votes": {"Bishkek": 80_000, "Osh city": 400}}]}));
    assert_eq!(seats(&out), [("A".into(), 54), ("B".into(), 0)]);
    assert_eq!(out["allocation"][1]["qualified"], json!(false));
    let e = allocate_json(
        &json!({"method": "dhondt", "seats": 2, "parties": [{"id": "A", "votes": -5}]}),
    )
    .unwrap_err();
    assert_eq!(
        error_json(&e),
        json!({"error": {"code": "NEGATIVE_VOTES",
            "message": "A has a negative number of votes (-5); vote counts cannot be below zero"}})
    );
}

//! Tests of the candidate methods, named after the rule they check.

use super::*;

fn cand(id: &str, votes: u64, gender: Gender, registered: u64) -> CandidateTally {
    CandidateTally {
        id: id.into(),
        votes,
        gender: Some(gender),
        registered,
    }
}

fn three_seats(candidates: Vec<CandidateTally>) -> CandidateContest {
    CandidateContest {
        method: CandidateMethod::MultiMemberPlurality,
        seats: 3,
        candidates,
        against_all: None,
        against_all_rule: AgainstAllRule::BeatsLeader,
        max_per_gender: Some(2),
        tie_break: TieBreak::RegistrationOrder,
        seed: None,
        voters_took_part: None,
    }
}

fn single(method: CandidateMethod, candidates: Vec<CandidateTally>) -> CandidateContest {
    CandidateContest {
        method,
        seats: 1,
        max_per_gender: None,
        ..three_seats(candidates)
    }
}

use Gender::{Female as F, Male as M};

/// Constituency 13 (2025, preliminary): the top three are men, so the third seat goes
/// to the leading woman, Karabekova. Ten other candidates, all below her.
fn constituency_13() -> Vec<CandidateTally> {
    let mut c = vec![
        cand("Sydykov", 17_397, M, 1),
        cand("Altynbekov", 13_477, M, 2),
        cand("Mamytov", 9_412, M, 3),
        cand("Karabekova", 8_839, F, 4),
    ];
    for n in 0..10u64 {
        let g = if n % 2 == 0 { M } else { F };
        c.push(cand(&format!("Other{n}"), 8_000 - n * 500, g, 5 + n));
    }
    c
}

#[test]
fn gender_cap_gives_third_seat_to_leading_woman_in_constituency_13() {
    let out = allocate_candidates(&three_seats(constituency_13())).unwrap();
    assert_eq!(out.status, ContestStatus::Elected);
    assert_eq!(out.elected, ["Sydykov", "Altynbekov", "Karabekova"]);
    assert!(out.ties.is_empty());
    let passed_over: Vec<&Step> = out
        .steps
        .iter()
        .filter(|s| s.rule == "gender_cap")
        .collect();
    assert_eq!(passed_over.len(), 1);
    assert_eq!(passed_over[0].ids, ["Mamytov"]);
}

#[test]
fn gender_cap_without_the_leader_in_constituency_13_elects_mamytov() {
    let mut c = constituency_13();
    c.retain(|t| t.id != "Sydykov");
    let out = allocate_candidates(&three_seats(c)).unwrap();
    assert_eq!(out.elected, ["Altynbekov", "Mamytov", "Karabekova"]);
}

#[test]
fn gender_cap_elects_kozhokulova_in_constituency_22() {
    let c = vec![
        cand("Bekeshev", 13_278, M, 1),
        cand("Ibragimov", 5_983, M, 2),
        cand("Third", 2_104, M, 3),
        cand("Kozhokulova", 902, F, 4),
        cand("Fifth", 640, M, 5),
    ];
    let out = allocate_candidates(&three_seats(c)).unwrap();
    assert_eq!(out.elected, ["Bekeshev", "Ibragimov", "Kozhokulova"]);
}

#[test]
fn gender_cap_leaves_mixed_top_three_unchanged_in_constituency_23() {
    let c = vec![
        cand("Kadyraliev", 5_533, M, 3),
        cand("Surabaldieva", 8_254, F, 1),
        cand("Other", 4_100, M, 4),
        cand("Mamataliev", 5_738, M, 2),
        cand("Another", 3_900, F, 5),
    ];
    let out = allocate_candidates(&three_seats(c)).unwrap();
    assert_eq!(out.elected, ["Surabaldieva", "Mamataliev", "Kadyraliev"]);
    assert!(out.steps.iter().all(|s| s.rule != "gender_cap"));
}

#[test]
fn gender_cap_applies_to_women_too() {
    let c = vec![
        cand("W1", 900, F, 1),
        cand("W2", 800, F, 2),
        cand("W3", 700, F, 3),
        cand("M1", 100, M, 4),
    ];
    let out = allocate_candidates(&three_seats(c)).unwrap();
    assert_eq!(out.elected, ["W1", "W2", "M1"]);
}

#[test]
fn single_gender_constituency_fails_under_gender_cap() {
    let c = vec![
        cand("A", 900, M, 1),
        cand("B", 800, M, 2),
        cand("C", 700, M, 3),
        cand("D", 1, M, 4),
    ];
    let out = allocate_candidates(&three_seats(c)).unwrap();
    assert_eq!(out.status, ContestStatus::Failed);
    assert_eq!(out.reason, Some(FailReason::SingleGender { gender: M }));
    assert!(out.elected.is_empty());
}

#[test]
fn single_gender_constituency_elects_when_cap_does_not_bind() {
    let mut contest = three_seats(vec![
        cand("A", 900, M, 1),
        cand("B", 800, M, 2),
        cand("C", 700, M, 3),
    ]);
    contest.max_per_gender = Some(3);
    assert_eq!(
        allocate_candidates(&contest).unwrap().elected,
        ["A", "B", "C"]
    );
}

#[test]
fn gender_cap_that_cannot_fill_all_seats_fails_the_election() {
    let mut contest = three_seats(vec![
        cand("A", 900, M, 1),
        cand("B", 800, M, 2),
        cand("C", 700, F, 3),
    ]);
    contest.max_per_gender = Some(1);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.status, ContestStatus::Failed);
    assert_eq!(
        out.reason,
        Some(FailReason::GenderCapUnfillable {
            seats: 3,
            fillable: 2
        })
    );
}

#[test]
fn missing_gender_is_refused_under_a_gender_cap() {
    let mut c = constituency_13();
    c[5].gender = None;
    let err = allocate_candidates(&three_seats(c)).unwrap_err();
    assert_eq!(err.code(), "MISSING_GENDER");
}

#[test]
fn missing_gender_is_allowed_without_a_cap() {
    let mut contest = three_seats(constituency_13());
    contest.max_per_gender = None;
    for t in &mut contest.candidates {
        t.gender = None;
    }
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.elected, ["Sydykov", "Altynbekov", "Mamytov"]);
}

#[test]
fn against_all_beats_leader_fails_the_election() {
    let mut contest = three_seats(constituency_13());
    contest.against_all = Some(17_398);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.status, ContestStatus::Failed);
    assert_eq!(
        out.reason,
        Some(FailReason::AgainstAllWins {
            against_all: 17_398,
            compared_with: "Sydykov".into(),
            votes: 17_397
        })
    );
    assert!(out.elected.is_empty());
}

#[test]
fn against_all_equal_to_leader_does_not_fail_the_election() {
    let mut contest = three_seats(constituency_13());
    contest.against_all = Some(17_397);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.status, ContestStatus::Elected);
}

#[test]
fn against_all_beats_last_elected_compares_with_the_gender_cap_seat() {
    let mut contest = three_seats(constituency_13());
    contest.against_all_rule = AgainstAllRule::BeatsLastElected;
    contest.against_all = Some(8_840);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.status, ContestStatus::Failed);
    assert!(matches!(
        out.reason,
        Some(FailReason::AgainstAllWins { ref compared_with, votes: 8_839, .. }) if compared_with == "Karabekova"
    ));
    contest.against_all = Some(8_839);
    assert_eq!(
        allocate_candidates(&contest).unwrap().status,
        ContestStatus::Elected
    );
}

#[test]
fn against_all_rule_none_never_fails_the_election() {
    let mut contest = three_seats(constituency_13());
    contest.against_all_rule = AgainstAllRule::None;
    contest.against_all = Some(1_000_000);
    assert_eq!(
        allocate_candidates(&contest).unwrap().status,
        ContestStatus::Elected
    );
}

#[test]
fn plurality_elects_the_candidate_with_most_votes() {
    let c = vec![
        cand("A", 10, M, 1),
        cand("B", 30, F, 2),
        cand("C", 20, M, 3),
    ];
    let out = allocate_candidates(&single(CandidateMethod::Plurality, c)).unwrap();
    assert_eq!(out.elected, ["B"]);
}

#[test]
fn plurality_tie_goes_to_candidate_registered_first_and_is_reported() {
    let c = vec![
        cand("A", 30, M, 2),
        cand("B", 30, F, 1),
        cand("C", 20, M, 3),
    ];
    let out = allocate_candidates(&single(CandidateMethod::Plurality, c)).unwrap();
    assert_eq!(out.elected, ["B"]);
    assert_eq!(out.ties.len(), 1);
    assert_eq!(out.ties[0].ids, ["B", "A"]);
    assert_eq!(out.ties[0].winners, ["B"]);
    assert_eq!(out.ties[0].value, "30");
    assert_eq!(out.ties[0].broken_by, TieBreak::RegistrationOrder);
    assert!(out.steps.iter().any(|s| s.rule == "tie"));
}

#[test]
fn tie_among_candidates_all_elected_is_not_a_deciding_tie() {
    let c = vec![
        cand("A", 30, M, 2),
        cand("B", 30, F, 1),
        cand("C", 20, M, 3),
        cand("D", 10, F, 4),
    ];
    let out = allocate_candidates(&three_seats(c)).unwrap();
    assert_eq!(out.elected, ["B", "A", "C"]);
    assert!(out.ties.is_empty());
}

#[test]
fn lot_tie_break_follows_the_documented_lot_numbers() {
    let c = vec![
        cand("A", 30, M, 1),
        cand("B", 30, F, 2),
        cand("C", 20, M, 3),
    ];
    let mut contest = single(CandidateMethod::Plurality, c);
    contest.tie_break = TieBreak::Lot;
    for seed in ["one", "two", "three", "four", "five", "six"] {
        contest.seed = Some(seed.into());
        let out = allocate_candidates(&contest).unwrap();
        let expected = if crate::lot_number(seed, "A") < crate::lot_number(seed, "B") {
            "A"
        } else {
            "B"
        };
        assert_eq!(out.elected, [expected]);
        assert_eq!(out.ties[0].seed.as_deref(), Some(seed));
        assert_eq!(out.ties[0].broken_by, TieBreak::Lot);
    }
}

#[test]
fn lot_without_seed_is_refused_only_when_a_lot_is_needed() {
    let mut contest = single(
        CandidateMethod::Plurality,
        vec![cand("A", 30, M, 1), cand("B", 30, F, 2)],
    );
    contest.tie_break = TieBreak::Lot;
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "MISSING_SEED"
    );
    contest.candidates[1].votes = 29;
    assert_eq!(allocate_candidates(&contest).unwrap().elected, ["A"]);
}

#[test]
fn registration_order_cannot_break_tie_with_equal_registration_numbers() {
    let contest = single(
        CandidateMethod::Plurality,
        vec![cand("A", 30, M, 1), cand("B", 30, F, 1)],
    );
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "REGISTRATION_TIE"
    );
}

#[test]
fn result_does_not_depend_on_input_order() {
    let mut c = constituency_13();
    let a = allocate_candidates(&three_seats(c.clone())).unwrap();
    c.reverse();
    let b = allocate_candidates(&three_seats(c)).unwrap();
    assert_eq!(a.elected, b.elected);
}

#[test]
fn two_round_elects_with_more_than_half_of_voters_who_took_part() {
    let c = vec![cand("A", 501, M, 1), cand("B", 400, F, 2)];
    let mut contest = single(CandidateMethod::TwoRound, c);
    contest.voters_took_part = Some(1_000);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(
        (out.status, out.elected.as_slice()),
        (ContestStatus::Elected, &["A".to_string()][..])
    );
}

#[test]
fn two_round_exactly_half_is_not_a_majority_and_goes_to_runoff() {
    let c = vec![
        cand("A", 500, M, 1),
        cand("B", 400, F, 2),
        cand("C", 50, M, 3),
    ];
    let mut contest = single(CandidateMethod::TwoRound, c);
    contest.voters_took_part = Some(1_000);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.status, ContestStatus::Runoff);
    assert_eq!(out.runoff, ["A", "B"]);
    assert!(out.elected.is_empty());
    assert_eq!(
        out.reason,
        Some(FailReason::NoMajority {
            leader: "A".into(),
            votes: 500,
            base: 1_000
        })
    );
}

#[test]
fn two_round_base_defaults_to_votes_counted_plus_against_all() {
    let c = vec![cand("A", 500, M, 1), cand("B", 400, F, 2)];
    let mut contest = single(CandidateMethod::TwoRound, c);
    assert_eq!(allocate_candidates(&contest).unwrap().elected, ["A"]);
    contest.against_all = Some(100);
    contest.against_all_rule = AgainstAllRule::None;
    assert_eq!(
        allocate_candidates(&contest).unwrap().status,
        ContestStatus::Runoff
    );
}

#[test]
fn two_round_tie_for_second_place_is_broken_and_reported() {
    let c = vec![
        cand("A", 400, M, 1),
        cand("B", 300, F, 3),
        cand("C", 300, M, 2),
    ];
    let out = allocate_candidates(&single(CandidateMethod::TwoRound, c)).unwrap();
    assert_eq!(out.runoff, ["A", "C"]);
    assert_eq!(out.ties[0].ids, ["C", "B"]);
    assert_eq!(out.ties[0].winners, ["C"]);
}

#[test]
fn two_round_single_candidate_without_majority_fails() {
    let mut contest = single(CandidateMethod::TwoRound, vec![cand("A", 400, M, 1)]);
    contest.voters_took_part = Some(1_000);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.status, ContestStatus::Failed);
    assert!(matches!(out.reason, Some(FailReason::NoMajority { .. })));
}

#[test]
fn two_round_against_all_beating_leader_fails() {
    let mut contest = single(
        CandidateMethod::TwoRound,
        vec![cand("A", 400, M, 1), cand("B", 300, F, 2)],
    );
    contest.against_all = Some(401);
    let out = allocate_candidates(&contest).unwrap();
    assert_eq!(out.status, ContestStatus::Failed);
    assert!(matches!(
        out.reason,
        Some(FailReason::AgainstAllWins { .. })
    ));
}

#[test]
fn block_vote_elects_top_n_under_the_same_cap() {
    let mut contest = three_seats(constituency_13());
    contest.method = CandidateMethod::Block;
    assert_eq!(
        allocate_candidates(&contest).unwrap().elected,
        ["Sydykov", "Altynbekov", "Karabekova"]
    );
}

#[test]
fn no_candidates_fails_the_election() {
    let out = allocate_candidates(&three_seats(vec![])).unwrap();
    assert_eq!(out.status, ContestStatus::Failed);
    assert_eq!(out.reason, Some(FailReason::NoCandidates));
}

#[test]
fn bad_input_is_refused_with_stable_codes() {
    let mut contest = three_seats(vec![
        cand("A", 1, M, 1),
        cand("A", 2, F, 2),
        cand("B", 3, F, 3),
    ]);
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "DUPLICATE_ID"
    );
    contest.candidates[1].id = String::new();
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "EMPTY_ID"
    );
    contest.candidates[1].id = "C".into();
    contest.seats = 4;
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "TOO_MANY_SEATS"
    );
    contest.seats = 0;
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "NO_SEATS"
    );
    contest.seats = 3;
    contest.max_per_gender = Some(0);
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "INVALID_GENDER_CAP"
    );
    contest.max_per_gender = Some(2);
    contest.voters_took_part = Some(5);
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "BASE_BELOW_VOTES"
    );
    contest.voters_took_part = None;
    contest.method = CandidateMethod::Plurality;
    assert_eq!(
        allocate_candidates(&contest).unwrap_err().code(),
        "SEATS_MUST_BE_ONE"
    );
}

#[test]
fn vacancy_goes_to_next_candidate_of_same_gender() {
    let contest = three_seats(constituency_13());
    let elected: Vec<String> = ["Sydykov", "Altynbekov", "Karabekova"]
        .map(String::from)
        .into();
    // Mamytov is the best non-elected man.
    assert_eq!(
        succeed_vacancy(&contest, &elected, "Sydykov")
            .unwrap()
            .as_deref(),
        Some("Mamytov")
    );
    // Other1 (7,500) is the best non-elected woman.
    assert_eq!(
        succeed_vacancy(&contest, &elected, "Karabekova")
            .unwrap()
            .as_deref(),
        Some("Other1")
    );
}

#[test]
fn vacancy_goes_to_other_gender_when_none_of_same_gender_is_left() {
    let c = vec![
        cand("A", 900, M, 1),
        cand("B", 800, M, 2),
        cand("W", 700, F, 3),
        cand("C", 600, M, 4),
    ];
    let contest = three_seats(c);
    let elected: Vec<String> = ["A", "B", "W"].map(String::from).into();
    assert_eq!(
        succeed_vacancy(&contest, &elected, "W").unwrap().as_deref(),
        Some("C")
    );
}

#[test]
fn vacancy_with_no_one_left_stays_empty() {
    let contest = three_seats(vec![
        cand("A", 900, M, 1),
        cand("B", 800, M, 2),
        cand("W", 700, F, 3),
    ]);
    let elected: Vec<String> = ["A", "B", "W"].map(String::from).into();
    assert_eq!(succeed_vacancy(&contest, &elected, "A").unwrap(), None);
}

#[test]
fn vacancy_refuses_unknown_or_unelected_candidates() {
    let contest = three_seats(constituency_13());
    let elected: Vec<String> = ["Sydykov", "Altynbekov", "Karabekova"]
        .map(String::from)
        .into();
    assert_eq!(
        succeed_vacancy(&contest, &elected, "Nobody")
            .unwrap_err()
            .code(),
        "UNKNOWN_CANDIDATE"
    );
    assert_eq!(
        succeed_vacancy(&contest, &elected, "Mamytov")
            .unwrap_err()
            .code(),
        "NOT_ELECTED"
    );
}

#[test]
fn vacancy_tie_is_broken_by_registration_order() {
    let c = vec![
        cand("A", 900, M, 1),
        cand("W", 800, F, 2),
        cand("X", 500, M, 4),
        cand("Y", 500, M, 3),
    ];
    let mut contest = three_seats(c);
    contest.seats = 2;
    let elected: Vec<String> = ["A", "W"].map(String::from).into();
    assert_eq!(
        succeed_vacancy(&contest, &elected, "A").unwrap().as_deref(),
        Some("Y")
    );
    contest.tie_break = TieBreak::Lot;
    assert_eq!(
        succeed_vacancy(&contest, &elected, "A").unwrap_err().code(),
        "MISSING_SEED"
    );
}

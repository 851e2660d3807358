//! Tests of list allocation as a whole: threshold, method and cap together.

use super::*;
use crate::threshold::ThresholdBase;

fn party(id: &str, votes: u64, registered: u64) -> PartyTally {
    PartyTally {
        id: id.into(),
        votes,
        registered,
        regional_votes: BTreeMap::new(),
    }
}

fn contest(method: ListMethod, seats: u64, parties: Vec<PartyTally>) -> ListContest {
    ListContest {
        method,
        seats,
        parties,
        threshold: Threshold::default(),
        cap: None,
        tie_break: TieBreak::RegistrationOrder,
        seed: None,
    }
}

fn seats(out: &ListOutcome) -> Vec<u64> {
    out.allocation.iter().map(|p| p.seats).collect()
}

fn pct(s: &str) -> Ratio {
    Ratio::parse_percent("t", s).unwrap()
}

const HARE: ListMethod = ListMethod::LargestRemainder(Quota::Hare);
const DHONDT: ListMethod = ListMethod::Divisor(DivisorMethod::DHondt);

/// The 2021 list part: the six qualifying parties. Any further party below 5% of the
/// voters who took part would take no seats; the figures of the others are not part
/// of the check.
fn kyrgyz_2021() -> Vec<PartyTally> {
    [222_005, 174_470, 141_009, 106_955, 90_223, 79_025]
        .iter()
        .enumerate()
        .map(|(i, &v)| party(&format!("P{}", i + 1), v, i as u64 + 1))
        .collect()
}

#[test]
fn hare_with_5_percent_threshold_on_voters_who_took_part_reproduces_2021_list() {
    let mut parties = kyrgyz_2021();
    // A party just below the threshold takes no seats and is not in the quota's base.
    parties.push(party("Below", 79_024, 7));
    let mut c = contest(HARE, 54, parties);
    // Choose the base so that 79,025 is exactly 5% (it passes: "at least") and
    // 79,024 is just below: 79,025 × 20 = 1,580,500.
    c.threshold = Threshold {
        national: Some(pct("5")),
        base: ThresholdBase::VotersTookPart,
        voters_took_part: Some(1_580_500),
        ..Threshold::default()
    };
    c.cap = Some(SeatCap::Share(pct("50")));
    let out = allocate_list(&c).unwrap();
    assert_eq!(seats(&out), [15, 12, 9, 7, 6, 5, 0]);
    assert!(!out.allocation[6].qualified);
    // The quota's base is the qualifying parties' votes: 813,687 / 54 = 15,068.28.
    assert_eq!(out.quota, Ratio::new(813_687, 54));
    assert_eq!(out.quota.unwrap().decimal(2), "15068.28");
    assert_eq!(out.cap_seats, Some(27));
    assert!(out.ties.is_empty());
}

#[test]
fn cap_on_largest_remainder_passes_surplus_to_others_with_a_new_quota() {
    // 54 seats, cap 50% = 27. A alone would take 35.
    let parties = vec![party("A", 650, 1), party("B", 250, 2), party("C", 100, 3)];
    let mut c = contest(HARE, 54, parties);
    assert_eq!(seats(&allocate_list(&c).unwrap()), [35, 14, 5]);
    c.cap = Some(SeatCap::Share(pct("50")));
    let out = allocate_list(&c).unwrap();
    // The other 27 seats: quota 350/27; B 250 → 19.28, C 100 → 7.71 → 19 + 8.
    assert_eq!(seats(&out), [27, 19, 8]);
    assert!(out.allocation[0].capped);
    assert!(out.steps.iter().any(|s| s.rule == "cap" && s.ids == ["A"]));
}

#[test]
fn cap_on_divisor_method_stops_the_party_at_the_limit() {
    let parties = vec![party("A", 650, 1), party("B", 250, 2), party("C", 100, 3)];
    let mut c = contest(DHONDT, 10, parties);
    assert_eq!(seats(&allocate_list(&c).unwrap()), [7, 2, 1]);
    c.cap = Some(SeatCap::Seats(5));
    assert_eq!(seats(&allocate_list(&c).unwrap()), [5, 4, 1]);
}

#[test]
fn cap_that_leaves_seats_no_party_may_take_is_refused() {
    let mut c = contest(DHONDT, 55, vec![party("A", 650, 1), party("B", 250, 2)]);
    c.cap = Some(SeatCap::Share(pct("50")));
    let e = allocate_list(&c).unwrap_err();
    assert_eq!(e.code(), "TOO_MANY_SEATS");
}

#[test]
fn no_party_over_the_threshold_leaves_every_seat_unfilled() {
    let mut c = contest(DHONDT, 5, vec![party("A", 4, 1), party("B", 4, 2)]);
    c.threshold = Threshold {
        national: Some(pct("5")),
        base: ThresholdBase::VotersTookPart,
        voters_took_part: Some(1_000),
        ..Threshold::default()
    };
    let out = allocate_list(&c).unwrap();
    assert_eq!(out.unfilled, 5);
    assert_eq!(seats(&out), [0, 0]);
}

#[test]
fn duplicate_party_ids_are_refused() {
    let c = contest(DHONDT, 5, vec![party("A", 4, 1), party("A", 4, 2)]);
    assert_eq!(allocate_list(&c).unwrap_err().code(), "DUPLICATE_ID");
}

#[test]
fn lot_between_parties_is_reproducible_from_the_seed_and_reported() {
    let mut c = contest(DHONDT, 1, vec![party("A", 100, 1), party("B", 100, 2)]);
    c.tie_break = TieBreak::Lot;
    assert_eq!(allocate_list(&c).unwrap_err().code(), "MISSING_SEED");
    c.seed = Some("CEC 2025-12-01".into());
    let out = allocate_list(&c).unwrap();
    let a_wins =
        crate::lot_number("CEC 2025-12-01", "A") < crate::lot_number("CEC 2025-12-01", "B");
    assert_eq!(seats(&out), if a_wins { [1, 0] } else { [0, 1] });
    assert_eq!(out.ties[0].seed.as_deref(), Some("CEC 2025-12-01"));
    // Same seed, parties listed the other way round: same winner.
    c.parties.reverse();
    let again = allocate_list(&c).unwrap();
    assert_eq!(again.ties[0].winners, out.ties[0].winners);
}

#[test]
fn regional_threshold_removes_a_party_absent_from_one_region() {
    let mut a = party("A", 1_000, 1);
    a.regional_votes = [("Bishkek".to_string(), 500), ("Osh".to_string(), 500)].into();
    let mut b = party("B", 1_000, 2);
    b.regional_votes = [("Bishkek".to_string(), 1_000), ("Osh".to_string(), 0)].into();
    let mut c = contest(DHONDT, 4, vec![a, b]);
    let region = |id: &str| crate::threshold::Region {
        id: id.into(),
        voters_took_part: None,
        against_all: None,
    };
    c.threshold = Threshold {
        national: Some(pct("5")),
        regional: Some(pct("0.5")),
        regions: vec![region("Bishkek"), region("Osh")],
        ..Threshold::default()
    };
    assert_eq!(seats(&allocate_list(&c).unwrap()), [4, 0]);
}

//! Properties every allocation must have, checked on many generated contests.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tandoo_count::{
    AgainstAllRule, CandidateContest, CandidateMethod, CandidateTally, ContestStatus,
    DivisorMethod, Gender, ListContest, ListMethod, PartyTally, Quota, Ratio, Threshold, TieBreak,
    allocate_candidates, allocate_list,
};

fn divisor_methods() -> Vec<ListMethod> {
    vec![
        ListMethod::Divisor(DivisorMethod::DHondt),
        ListMethod::Divisor(DivisorMethod::SainteLague),
        ListMethod::Divisor(DivisorMethod::ModifiedSainteLague {
            first_divisor: Ratio::parse_decimal("first_divisor", "1.4").unwrap(),
        }),
    ]
}

fn all_methods() -> Vec<ListMethod> {
    let mut m = divisor_methods();
    m.push(ListMethod::LargestRemainder(Quota::Hare));
    m.push(ListMethod::LargestRemainder(Quota::Droop));
    m
}

/// Ties are broken by lot so that no result depends on the input order.
fn contest(method: ListMethod, seats: u64, votes: &[u64]) -> ListContest {
    ListContest {
        method,
        seats,
        parties: votes
            .iter()
            .enumerate()
            .map(|(i, &v)| PartyTally {
                id: format!("P{i}"),
                votes: v,
                registered: i as u64,
                regional_votes: BTreeMap::new(),
            })
            .collect(),
        threshold: Threshold::default(),
        cap: None,
        tie_break: TieBreak::Lot,
        seed: Some("property".into()),
    }
}

fn seats_of(c: &ListContest) -> Vec<u64> {
    allocate_list(c)
        .unwrap()
        .allocation
        .iter()
        .map(|p| p.seats)
        .collect()
}

/// Between 1 and 12 parties, at least one with votes.
fn votes() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(0u64..200_000, 1..12)
        .prop_filter("someone has votes", |v| v.iter().any(|&x| x > 0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn seats_always_add_up(v in votes(), seats in 0u64..200) {
        for m in all_methods() {
            let c = contest(m, seats, &v);
            match allocate_list(&c) {
                Ok(out) => prop_assert_eq!(out.allocation.iter().map(|p| p.seats).sum::<u64>(), seats, "{:?}", m),
                // Droop may leave more seats over than parties; that is refused, never mis-added.
                Err(e) => prop_assert!(matches!(m, ListMethod::LargestRemainder(Quota::Droop)) && e.code() == "TOO_MANY_SEATS"),
            }
        }
    }

    #[test]
    fn more_votes_never_means_fewer_seats_under_divisor_methods(v in votes(), seats in 1u64..200) {
        for m in divisor_methods() {
            let s = seats_of(&contest(m, seats, &v));
            for i in 0..v.len() {
                for j in 0..v.len() {
                    if v[i] > v[j] {
                        prop_assert!(s[i] >= s[j], "{:?}: {} votes got {} seats, {} votes got {}", m, v[i], s[i], v[j], s[j]);
                    }
                }
            }
        }
    }

    /// Hare largest remainder always gives ⌊exact quota⌋ or ⌈exact quota⌉ seats. (The
    /// Droop variant does not: with few votes per seat a large party can get more than
    /// its upper quota, which is why it is not checked here.)
    #[test]
    fn hare_largest_remainder_stays_within_quota(v in votes(), seats in 1u64..200) {
        let c = contest(ListMethod::LargestRemainder(Quota::Hare), seats, &v);
        let s = seats_of(&c);
        let total: u64 = v.iter().sum();
        for (i, &votes) in v.iter().enumerate() {
            let exact = Ratio::new(u128::from(votes) * u128::from(seats), u128::from(total)).unwrap();
            prop_assert!(u128::from(s[i]) >= exact.floor() && u128::from(s[i]) <= exact.ceil(),
                "{} votes: {} seats, exact quota {}", votes, s[i], exact);
        }
    }

    #[test]
    fn raising_a_party_s_votes_never_lowers_its_seats_under_divisor_methods(
        v in votes(), seats in 1u64..200, who in any::<prop::sample::Index>(), extra in 1u64..100_000,
    ) {
        let i = who.index(v.len());
        let mut more = v.clone();
        more[i] += extra;
        for m in divisor_methods() {
            let before = seats_of(&contest(m, seats, &v))[i];
            let after = seats_of(&contest(m, seats, &more))[i];
            prop_assert!(after >= before, "{:?}: {} seats became {}", m, before, after);
        }
    }

    #[test]
    fn result_does_not_depend_on_input_order(v in votes(), seats in 1u64..100, shift in 0usize..12) {
        for m in all_methods() {
            let c = contest(m, seats, &v);
            let Ok(a) = allocate_list(&c) else { continue };
            let mut rotated = c.clone();
            let k = shift % rotated.parties.len();
            rotated.parties.rotate_left(k);
            rotated.parties.reverse();
            let b = allocate_list(&rotated).unwrap();
            let by_id = |o: &tandoo_count::ListOutcome| -> BTreeMap<String, u64> {
                o.allocation.iter().map(|p| (p.id.clone(), p.seats)).collect()
            };
            prop_assert_eq!(by_id(&a), by_id(&b), "{:?}", m);
        }
    }

    #[test]
    fn party_cap_always_holds_and_seats_still_add_up(v in votes(), seats in 1u64..120, cap in 1u64..60) {
        for m in all_methods() {
            let mut c = contest(m, seats, &v);
            c.cap = Some(tandoo_count::SeatCap::Seats(cap));
            if let Ok(out) = allocate_list(&c) {
                prop_assert!(out.allocation.iter().all(|p| p.seats <= cap));
                prop_assert_eq!(out.allocation.iter().map(|p| p.seats).sum::<u64>(), seats);
            }
        }
    }

    #[test]
    fn gender_cap_always_holds(
        field in prop::collection::vec((0u64..50_000, any::<bool>()), 1..15),
        seats in 1u32..6,
        cap in 1u32..4,
    ) {
        let candidates: Vec<CandidateTally> = field
            .iter()
            .enumerate()
            .map(|(i, &(votes, woman))| CandidateTally {
                id: format!("C{i}"),
                votes,
                gender: Some(if woman { Gender::Female } else { Gender::Male }),
                registered: i as u64,
            })
            .collect();
        let contest = CandidateContest {
            method: CandidateMethod::MultiMemberPlurality,
            seats,
            candidates,
            against_all: None,
            against_all_rule: AgainstAllRule::BeatsLeader,
            max_per_gender: Some(cap),
            tie_break: TieBreak::Lot,
            seed: Some("property".into()),
            voters_took_part: None,
        };
        match allocate_candidates(&contest) {
            Ok(out) => {
                let women = out.elected.iter().filter(|id| {
                    contest.candidates.iter().any(|c| &c.id == *id && c.gender == Some(Gender::Female))
                }).count() as u32;
                let men = out.elected.len() as u32 - women;
                prop_assert!(women <= cap && men <= cap, "{} women, {} men, cap {}", women, men, cap);
                if out.status == ContestStatus::Elected {
                    prop_assert_eq!(out.elected.len() as u32, seats);
                }
            }
            Err(e) => prop_assert_eq!(e.code(), "TOO_MANY_SEATS"),
        }
    }
}

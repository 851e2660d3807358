//! Allocation speed at national scale: 100,000 three-seat constituencies under the
//! gender cap, and one list contest with 1,000 parties and 10,000 seats by each
//! divisor and remainder method.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tandoo_count::{
    AgainstAllRule, CandidateContest, CandidateMethod, CandidateTally, DivisorMethod, Gender,
    ListContest, ListMethod, PartyTally, Quota, Ratio, Threshold, TieBreak, allocate_candidates,
    allocate_list,
};

/// A fixed pseudo-random sequence, so every run measures the same figures.
fn figures(n: usize, seed: u64, range: u64) -> Vec<u64> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % range
        })
        .collect()
}

fn constituencies(n: usize) -> Vec<CandidateContest> {
    (0..n)
        .map(|k| {
            let votes = figures(12, k as u64 * 7_919 + 1, 20_000);
            CandidateContest {
                method: CandidateMethod::MultiMemberPlurality,
                seats: 3,
                candidates: votes
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| CandidateTally {
                        id: format!("{k}-{i}"),
                        votes: v,
                        gender: Some(if i % 3 == 0 {
                            Gender::Female
                        } else {
                            Gender::Male
                        }),
                        registered: i as u64,
                    })
                    .collect(),
                against_all: Some(votes[0] / 10),
                against_all_rule: AgainstAllRule::BeatsLeader,
                max_per_gender: Some(2),
                tie_break: TieBreak::Lot,
                seed: Some("bench".into()),
                voters_took_part: None,
            }
        })
        .collect()
}

fn list(method: ListMethod) -> ListContest {
    ListContest {
        method,
        seats: 10_000,
        parties: figures(1_000, 42, 5_000_000)
            .into_iter()
            .enumerate()
            .map(|(i, v)| PartyTally {
                id: format!("P{i}"),
                votes: v + 1,
                registered: i as u64,
                regional_votes: BTreeMap::new(),
            })
            .collect(),
        threshold: Threshold::default(),
        cap: None,
        tie_break: TieBreak::Lot,
        seed: Some("bench".into()),
    }
}

fn bench(c: &mut Criterion) {
    let contests = constituencies(100_000);
    let mut g = c.benchmark_group("constituencies");
    g.sample_size(10);
    g.bench_function("100k three-seat multi_member_plurality", |b| {
        b.iter(|| {
            for contest in &contests {
                black_box(allocate_candidates(black_box(contest)).unwrap());
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("list 1000 parties 10000 seats");
    g.sample_size(10);
    let methods = [
        ("dhondt", ListMethod::Divisor(DivisorMethod::DHondt)),
        (
            "sainte_lague",
            ListMethod::Divisor(DivisorMethod::SainteLague),
        ),
        (
            "modified_sainte_lague 1.4",
            ListMethod::Divisor(DivisorMethod::ModifiedSainteLague {
                first_divisor: Ratio::parse_decimal("first_divisor", "1.4").unwrap(),
            }),
        ),
        ("hare", ListMethod::LargestRemainder(Quota::Hare)),
        ("droop", ListMethod::LargestRemainder(Quota::Droop)),
    ];
    for (name, method) in methods {
        let contest = list(method);
        g.bench_function(name, |b| {
            b.iter(|| black_box(allocate_list(black_box(&contest)).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

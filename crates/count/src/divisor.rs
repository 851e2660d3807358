//! Divisor (highest averages) methods: D'Hondt, Sainte-Laguë and modified
//! Sainte-Laguë with a configurable first divisor.
//!
//! Rules (docs/rules.md): R-LIST-DIVISOR, R-LIST-CAP.
//!
//! Rule (electoral rules §2, party-list proportional): D'Hondt and Sainte-Laguë, plain
//! and modified, must be available as parameters. Each seat in turn goes to the party
//! with the highest quotient `votes / divisor(seats already won)`:
//! - D'Hondt: divisors 1, 2, 3, 4, …
//! - Sainte-Laguë: divisors 1, 3, 5, 7, …
//! - modified Sainte-Laguë: the first divisor replaced (1.4 in Norway and Sweden, 1.2
//!   in Sweden since 2018), then 3, 5, 7, …
//!
//! Quotients are exact fractions. When several parties share the highest quotient and
//! there are fewer seats left than such parties, the tie rule decides and the tie is
//! reported. A party that reaches its cap receives no further seats, which hands its
//! surplus to the others by the same method.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::apportionment::{Apportionment, Entry};
use crate::error::CountError;
use crate::rational::Ratio;
use crate::step::Step;
use crate::tie::TieRule;

/// A divisor method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DivisorMethod {
    /// Divisors 1, 2, 3, …
    DHondt,
    /// Divisors 1, 3, 5, …
    SainteLague,
    /// Divisors `first_divisor`, 3, 5, … (`first_divisor` above 0 and at most 3).
    ModifiedSainteLague { first_divisor: Ratio },
}

impl DivisorMethod {
    /// The divisor for a party that already holds `held` seats.
    pub fn divisor(&self, held: u64) -> Ratio {
        let h = u128::from(held);
        match self {
            DivisorMethod::DHondt => Ratio::integer(h + 1),
            DivisorMethod::SainteLague => Ratio::integer(2 * h + 1),
            DivisorMethod::ModifiedSainteLague { first_divisor } if held == 0 => *first_divisor,
            DivisorMethod::ModifiedSainteLague { .. } => Ratio::integer(2 * h + 1),
        }
    }

    /// The method's code in requests and responses.
    pub fn code(&self) -> &'static str {
        match self {
            DivisorMethod::DHondt => "dhondt",
            DivisorMethod::SainteLague => "sainte_lague",
            DivisorMethod::ModifiedSainteLague { .. } => "modified_sainte_lague",
        }
    }

    /// A first divisor must be above 0 (no division by zero) and at most 3, so that
    /// the divisors never decrease; otherwise a party's second seat would be easier to
    /// win than its first and the method would no longer be a divisor method.
    pub(crate) fn validate(&self) -> Result<(), CountError> {
        if let DivisorMethod::ModifiedSainteLague { first_divisor } = self
            && (first_divisor.is_zero() || *first_divisor > Ratio::integer(3))
        {
            return Err(CountError::InvalidField {
                field: "first_divisor".into(),
                why: format!(
                    "it is {}, but it must be above 0 and at most 3",
                    first_divisor
                ),
            });
        }
        Ok(())
    }

    fn quotient(&self, votes: u64, held: u64) -> Ratio {
        let d = self.divisor(held);
        // votes / (p/q) = votes·q / p; q and votes both fit in 64 bits here.
        Ratio::new(u128::from(votes) * d.denominator(), d.numerator()).unwrap_or(Ratio::integer(0))
    }
}

/// One party waiting in the queue for its next seat.
struct Bid<'a> {
    quotient: Ratio,
    key: u64,
    id: &'a str,
    index: usize,
}

impl PartialEq for Bid<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Bid<'_> {}
impl PartialOrd for Bid<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Bid<'_> {
    /// The greatest bid is served first: highest quotient, then the lower tie key,
    /// then the identifier that sorts first (only if the tie keys collide).
    fn cmp(&self, other: &Self) -> Ordering {
        self.quotient
            .cmp(&other.quotient)
            .then(other.key.cmp(&self.key))
            .then_with(|| other.id.cmp(self.id))
    }
}

/// Apportions `seats` among `entries` by the divisor method, respecting each entry's
/// `max` (the cap), one seat at a time.
pub(crate) fn apportion(
    method: &DivisorMethod,
    entries: &[Entry<'_>],
    seats: u64,
    rule: TieRule<'_>,
) -> Result<Apportionment, CountError> {
    method.validate()?;
    let mut won = vec![0u64; entries.len()];
    let mut out = Apportionment::default();
    let mut queue: BinaryHeap<Bid<'_>> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.max != Some(0))
        .map(|(i, e)| Bid {
            quotient: method.quotient(e.votes, 0),
            key: e.key,
            id: e.id,
            index: i,
        })
        .collect();
    let mut left = seats;
    let mut seat_no = 0u64;
    while left > 0 {
        let Some(top) = queue.pop() else {
            return Err(CountError::TooManySeats {
                seats,
                available: seats - left,
                why: "every party has reached its cap".into(),
            });
        };
        let mut group = vec![top];
        while queue
            .peek()
            .is_some_and(|b| b.quotient == group[0].quotient)
        {
            group.extend(queue.pop());
        }
        let quotient = group[0].quotient;
        let deciding = group.len() as u64 > left;
        if deciding {
            let tied: Vec<(&str, u64)> = group
                .iter()
                .map(|b| (b.id, entries[b.index].registered))
                .collect();
            rule.check_breakable(&tied)?;
            let n = usize::try_from(left).unwrap_or(usize::MAX);
            out.ties.push(rule.tie(
                "quotient",
                quotient.to_string(),
                group.iter().map(|b| b.id.to_owned()).collect(),
                group[..n].iter().map(|b| b.id.to_owned()).collect(),
            ));
            group.truncate(n);
        }
        for bid in group {
            let e = &entries[bid.index];
            let held = won[bid.index];
            seat_no += 1;
            left -= 1;
            out.steps.push(Step::new(
                "quotient",
                vec![e.id.to_owned()],
                format!(
                    "Seat {seat_no} goes to {}: {} votes / {} = {} (≈ {}).",
                    e.id,
                    e.votes,
                    method.divisor(held),
                    bid.quotient,
                    bid.quotient.decimal(2)
                ),
            ));
            won[bid.index] += 1;
            if e.max.is_some_and(|m| won[bid.index] >= m) {
                out.steps.push(Step::new(
                    "cap",
                    vec![e.id.to_owned()],
                    format!(
                        "{} has reached its cap of {} seats and takes no more; further seats go to the others.",
                        e.id, won[bid.index]
                    ),
                ));
            } else {
                queue.push(Bid {
                    quotient: method.quotient(e.votes, won[bid.index]),
                    ..bid
                });
            }
        }
        if deciding {
            break;
        }
    }
    out.seats = won;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tie::TieBreak;

    fn entries<'a>(v: &[(&'a str, u64)]) -> Vec<Entry<'a>> {
        v.iter()
            .enumerate()
            .map(|(i, &(id, votes))| Entry {
                id,
                votes,
                registered: i as u64,
                key: i as u64,
                max: None,
            })
            .collect()
    }

    const REG: TieRule<'static> = TieRule {
        rule: TieBreak::RegistrationOrder,
        seed: None,
    };

    fn seats(m: DivisorMethod, v: &[(&str, u64)], n: u64) -> Vec<u64> {
        apportion(&m, &entries(v), n, REG).unwrap().seats
    }

    #[test]
    fn dhondt_divides_by_one_two_three() {
        // Textbook example: 100,000 / 80,000 / 30,000 / 20,000 for 8 seats.
        let v = [("A", 100_000), ("B", 80_000), ("C", 30_000), ("D", 20_000)];
        assert_eq!(seats(DivisorMethod::DHondt, &v, 8), [4, 3, 1, 0]);
    }

    #[test]
    fn sainte_lague_divides_by_odd_numbers() {
        let v = [("A", 100_000), ("B", 80_000), ("C", 30_000), ("D", 20_000)];
        assert_eq!(seats(DivisorMethod::SainteLague, &v, 8), [3, 3, 1, 1]);
    }

    #[test]
    fn modified_sainte_lague_first_divisor_holds_back_small_parties() {
        // With 1 as first divisor D (20,000) beats A's third quotient 100,000/5;
        // with 1.4 its quotient falls to 14,285.7 and A takes the seat instead.
        let v = [("A", 100_000), ("B", 80_000), ("C", 30_000), ("D", 20_000)];
        let first_divisor = Ratio::parse_decimal("first_divisor", "1.4").unwrap();
        let m = DivisorMethod::ModifiedSainteLague { first_divisor };
        assert_eq!(seats(m, &v, 8), [4, 3, 1, 0]);
        let one = DivisorMethod::ModifiedSainteLague {
            first_divisor: Ratio::integer(1),
        };
        assert_eq!(seats(one, &v, 8), seats(DivisorMethod::SainteLague, &v, 8));
    }

    #[test]
    fn modified_sainte_lague_refuses_first_divisor_outside_zero_to_three() {
        for text in ["0", "3.5"] {
            let first_divisor = Ratio::parse_decimal("first_divisor", text).unwrap();
            let m = DivisorMethod::ModifiedSainteLague { first_divisor };
            let e = apportion(&m, &entries(&[("A", 1)]), 1, REG).unwrap_err();
            assert_eq!(e.code(), "INVALID_FIELD");
        }
    }

    #[test]
    fn divisor_tie_for_last_seat_goes_by_registration_and_is_reported() {
        // A and B both have quotient 300 for the last seat.
        let v = [("A", 600), ("B", 300), ("C", 100)];
        let out = apportion(&DivisorMethod::DHondt, &entries(&v), 3, REG).unwrap();
        assert_eq!(out.seats, [2, 1, 0]);
        assert!(out.ties.is_empty(), "both tied parties got a seat");
        let out = apportion(&DivisorMethod::DHondt, &entries(&v), 2, REG).unwrap();
        assert_eq!(out.seats, [2, 0, 0]);
        assert_eq!(out.ties.len(), 1);
        assert_eq!(out.ties[0].ids, ["A", "B"]);
        assert_eq!(out.ties[0].winners, ["A"]);
        assert_eq!(out.ties[0].value, "300");
    }

    #[test]
    fn divisor_cap_hands_surplus_to_the_others() {
        let mut e = entries(&[("A", 900), ("B", 100), ("C", 50)]);
        e[0].max = Some(2);
        let out = apportion(&DivisorMethod::DHondt, &e, 4, REG).unwrap();
        assert_eq!(out.seats, [2, 2, 0]);
    }

    #[test]
    fn divisor_refuses_when_every_party_is_capped() {
        let mut e = entries(&[("A", 900), ("B", 100)]);
        e[0].max = Some(1);
        e[1].max = Some(1);
        let err = apportion(&DivisorMethod::DHondt, &e, 3, REG).unwrap_err();
        assert_eq!(err.code(), "TOO_MANY_SEATS");
    }
}

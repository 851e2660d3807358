//! Largest remainder methods with the Hare and the Droop quota.
//!
//! Rules (docs/rules.md): R-LIST-REMAINDER.
//!
//! Rule (electoral rules §2, party-list proportional; the 2021 Kyrgyz list part): each
//! party receives as many seats as its votes contain the quota whole, and the seats
//! left over go one each to the parties with the largest remainders.
//! - Hare quota: votes / seats, an exact fraction (2021: 813,687 / 54 = 15,068.28).
//! - Droop quota: ⌊votes / (seats + 1)⌋ + 1, a whole number.
//!
//! The votes are those of the parties taking part in the allocation (after the
//! threshold). Remainders are compared exactly: with the quota `p/q`, the remainder of
//! a party with `v` votes is `(v·q mod p) / p`, so remainders share one denominator and
//! compare as integers. Equal remainders at the last seat are broken by the tie rule
//! and reported.

use crate::apportionment::{Apportionment, Entry};
use crate::error::CountError;
use crate::rational::Ratio;
use crate::step::Step;
use crate::tie::TieRule;

/// The quota of a largest remainder method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quota {
    /// votes / seats
    Hare,
    /// ⌊votes / (seats + 1)⌋ + 1
    Droop,
}

impl Quota {
    /// The quota for `votes` votes and `seats` seats (`seats > 0`).
    pub fn value(&self, votes: u64, seats: u64) -> Ratio {
        let (v, s) = (u128::from(votes), u128::from(seats.max(1)));
        match self {
            Quota::Hare => Ratio::new(v, s).unwrap_or(Ratio::integer(0)),
            Quota::Droop => Ratio::integer(v / (s + 1) + 1),
        }
    }

    /// The method's code in requests and responses.
    pub fn code(&self) -> &'static str {
        match self {
            Quota::Hare => "hare",
            Quota::Droop => "droop",
        }
    }
}

/// Apportions `seats` among `entries` by largest remainder. Entries' caps are not
/// looked at here; the list allocation applies the cap by reallocating among the rest.
pub(crate) fn apportion(
    quota_kind: &Quota,
    entries: &[Entry<'_>],
    seats: u64,
    rule: TieRule<'_>,
) -> Result<Apportionment, CountError> {
    let mut out = Apportionment {
        seats: vec![0; entries.len()],
        ..Apportionment::default()
    };
    if seats == 0 {
        return Ok(out);
    }
    let total: u64 = entries.iter().map(|e| e.votes).sum();
    if total == 0 {
        return Err(CountError::TooManySeats {
            seats,
            available: 0,
            why: "the parties taking part in the allocation have no votes".into(),
        });
    }
    let quota = quota_kind.value(total, seats);
    out.quota = Some(quota);
    out.steps.push(Step::new(
        "quota",
        vec![],
        match quota_kind {
            Quota::Hare => format!(
                "Hare quota: {total} votes / {seats} seats = {quota} (≈ {}).",
                quota.decimal(2)
            ),
            Quota::Droop => {
                format!("Droop quota: ⌊{total} votes / ({seats} seats + 1)⌋ + 1 = {quota}.")
            }
        },
    ));
    let (p, q) = (quota.numerator(), quota.denominator());
    let mut remainders = Vec::with_capacity(entries.len());
    let mut given = 0u64;
    for (i, e) in entries.iter().enumerate() {
        let scaled = u128::from(e.votes) * q;
        let whole = u64::try_from(scaled / p).unwrap_or(u64::MAX);
        let rest = scaled % p;
        out.seats[i] = whole;
        given += whole;
        remainders.push(rest);
        out.steps.push(Step::new(
            "quota",
            vec![e.id.to_owned()],
            format!(
                "{}: {} votes / quota = {whole} whole quotas, remainder {} (≈ {}).",
                e.id,
                e.votes,
                Ratio::new(rest, p).unwrap_or(Ratio::integer(0)),
                Ratio::new(rest, p).unwrap_or(Ratio::integer(0)).decimal(4)
            ),
        ));
    }
    let left = seats.saturating_sub(given);
    if left == 0 {
        return Ok(out);
    }
    if left > entries.len() as u64 {
        return Err(CountError::TooManySeats {
            seats,
            available: given + entries.len() as u64,
            why: format!(
                "the {} quota leaves more seats over than there are parties to take them",
                quota_kind.code()
            ),
        });
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| {
        remainders[b]
            .cmp(&remainders[a])
            .then(entries[a].key.cmp(&entries[b].key))
            .then_with(|| entries[a].id.cmp(entries[b].id))
    });
    let n = left as usize;
    // A tie decides something when the last remainder seat's remainder is shared by a
    // party that gets no remainder seat.
    if n < order.len() && remainders[order[n - 1]] == remainders[order[n]] {
        let r = remainders[order[n - 1]];
        let group: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| remainders[i] == r)
            .collect();
        let tied: Vec<(&str, u64)> = group
            .iter()
            .map(|&i| (entries[i].id, entries[i].registered))
            .collect();
        rule.check_breakable(&tied)?;
        out.ties.push(
            rule.tie(
                "remainder",
                Ratio::new(r, p).unwrap_or(Ratio::integer(0)).to_string(),
                group.iter().map(|&i| entries[i].id.to_owned()).collect(),
                group
                    .iter()
                    .filter(|&&i| order[..n].contains(&i))
                    .map(|&i| entries[i].id.to_owned())
                    .collect(),
            ),
        );
    }
    for &i in &order[..n] {
        out.seats[i] += 1;
        out.steps.push(Step::new(
            "remainder",
            vec![entries[i].id.to_owned()],
            format!(
                "{} takes a remainder seat with remainder {} (≈ {}).",
                entries[i].id,
                Ratio::new(remainders[i], p).unwrap_or(Ratio::integer(0)),
                Ratio::new(remainders[i], p)
                    .unwrap_or(Ratio::integer(0))
                    .decimal(4)
            ),
        ));
    }
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

    #[test]
    fn hare_quota_largest_remainder_reproduces_2021_kyrgyz_list_seats() {
        let v = [
            ("P1", 222_005),
            ("P2", 174_470),
            ("P3", 141_009),
            ("P4", 106_955),
            ("P5", 90_223),
            ("P6", 79_025),
        ];
        let out = apportion(&Quota::Hare, &entries(&v), 54, REG).unwrap();
        assert_eq!(out.seats, [15, 12, 9, 7, 6, 5]);
        let quota = out.quota.unwrap();
        assert_eq!(quota, Ratio::new(813_687, 54).unwrap());
        assert_eq!(quota.decimal(2), "15068.28");
    }

    #[test]
    fn hare_and_droop_can_differ() {
        // Textbook example (Wikipedia, "Largest remainders method"): 6 parties, 10 seats.
        let v = [
            ("Yellows", 47_000),
            ("Whites", 16_000),
            ("Reds", 15_800),
            ("Greens", 12_000),
            ("Blues", 6_100),
            ("Pinks", 3_100),
        ];
        let hare = apportion(&Quota::Hare, &entries(&v), 10, REG).unwrap();
        assert_eq!(hare.seats, [5, 2, 1, 1, 1, 0]);
        let droop = apportion(&Quota::Droop, &entries(&v), 10, REG).unwrap();
        assert_eq!(droop.quota.unwrap().to_string(), "9091");
        assert_eq!(droop.seats, [5, 2, 2, 1, 0, 0]);
    }

    #[test]
    fn equal_remainders_for_the_last_seat_are_a_reported_tie() {
        let v = [("A", 100), ("B", 100), ("C", 100), ("D", 100)];
        let out = apportion(&Quota::Hare, &entries(&v), 2, REG).unwrap();
        assert_eq!(out.seats, [1, 1, 0, 0]);
        assert_eq!(out.ties.len(), 1);
        assert_eq!(out.ties[0].ids, ["A", "B", "C", "D"]);
        assert_eq!(out.ties[0].winners, ["A", "B"]);
        assert_eq!(out.ties[0].on, "remainder");
    }

    #[test]
    fn no_votes_cannot_fill_seats() {
        let err = apportion(&Quota::Hare, &entries(&[("A", 0)]), 1, REG).unwrap_err();
        assert_eq!(err.code(), "TOO_MANY_SEATS");
    }
}

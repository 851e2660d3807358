//! Party-list proportional representation: thresholds, the allocation method and the
//! cap on any party's seats.
//!
//! Rules (docs/rules.md): R-LIST-THRESHOLD, R-LIST-DIVISOR, R-LIST-REMAINDER, R-LIST-CAP.
//!
//! Rule (electoral rules §2, party-list proportional):
//! 1. Parties below the threshold (national, and regional in every region) take no seats.
//! 2. The seats are allocated among the rest by the chosen method: D'Hondt,
//!    Sainte-Laguë (plain or modified), or largest remainder with the Hare or the
//!    Droop quota.
//! 3. Cap: no party above a limit (2021: 50% of the list seats, 27 of 54). A party
//!    that would receive more keeps the limit, and the surplus goes on to the others
//!    by the same method. Under a divisor method the capped party simply takes no
//!    further seats; under largest remainder the capped party is set aside and the
//!    remaining seats are allocated afresh among the others, with a new quota, until
//!    no party is above the limit.

use std::collections::{BTreeMap, HashSet};

use crate::apportionment::Entry;
use crate::divisor::{self, DivisorMethod};
use crate::error::CountError;
use crate::rational::Ratio;
use crate::remainder::{self, Quota};
use crate::step::Step;
use crate::threshold::{self, Contender, Threshold};
use crate::tie::{Tie, TieBreak, TieRule};

/// A seat allocation method for party lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListMethod {
    Divisor(DivisorMethod),
    LargestRemainder(Quota),
}

impl ListMethod {
    /// The method's code in requests and responses.
    pub fn code(&self) -> &'static str {
        match self {
            ListMethod::Divisor(d) => d.code(),
            ListMethod::LargestRemainder(q) => q.code(),
        }
    }
}

/// A limit on any one party's seats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeatCap {
    /// At most this many seats.
    Seats(u64),
    /// At most this share of the seats (a fraction of one), rounded down: 50% of 54
    /// is 27, 50% of 55 is 27.
    Share(Ratio),
}

/// A party's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyTally {
    pub id: String,
    pub votes: u64,
    /// registration order (lower = registered earlier), used by the
    /// `registration_order` tie rule
    pub registered: u64,
    /// votes per region, for the regional threshold (region id → votes)
    pub regional_votes: BTreeMap<String, u64>,
}

/// A list contest: the figures and the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListContest {
    pub method: ListMethod,
    pub seats: u64,
    pub parties: Vec<PartyTally>,
    pub threshold: Threshold,
    pub cap: Option<SeatCap>,
    pub tie_break: TieBreak,
    pub seed: Option<String>,
}

/// One party's seats, in the order of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartySeats {
    pub id: String,
    pub votes: u64,
    /// whether the party passed the threshold
    pub qualified: bool,
    pub seats: u64,
    /// whether the party reached the cap (and so could take no further seat)
    pub capped: bool,
}

/// The result of a list contest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListOutcome {
    /// the parties in the order of the input
    pub allocation: Vec<PartySeats>,
    /// the quota used (largest remainder; the last round if the cap forced several)
    pub quota: Option<Ratio>,
    /// the cap in seats, if one was set
    pub cap_seats: Option<u64>,
    /// seats left empty because no party qualified
    pub unfilled: u64,
    /// every tie met, also when the rule broke it
    pub ties: Vec<Tie>,
    /// the working, in order
    pub steps: Vec<Step>,
}

/// Allocates the seats of a list contest.
///
/// Refuses empty or duplicate ids, thresholds above 100%, inconsistent bases, a cap
/// or a quota that leaves seats no party can take, qualifying parties without any
/// votes, and ties that need a lot without a seed. When no party passes the threshold
/// nothing is refused: every seat stays unfilled and the outcome says so.
pub fn allocate_list(contest: &ListContest) -> Result<ListOutcome, CountError> {
    let mut seen = HashSet::new();
    for p in &contest.parties {
        if p.id.is_empty() {
            return Err(CountError::EmptyId);
        }
        if !seen.insert(p.id.as_str()) {
            return Err(CountError::DuplicateId { id: p.id.clone() });
        }
    }
    if contest.parties.is_empty() && contest.seats > 0 {
        return Err(CountError::TooManySeats {
            seats: contest.seats,
            available: 0,
            why: "no party stands".into(),
        });
    }
    if let ListMethod::Divisor(d) = &contest.method {
        d.validate()?;
    }
    crate::error::check_seats(contest.seats)?;
    crate::error::check_total(contest.parties.iter().map(|p| p.votes))?;
    for party in &contest.parties {
        crate::error::check_total(party.regional_votes.values().copied())?;
    }
    let mut steps = Vec::new();
    let contenders: Vec<Contender<'_>> = contest
        .parties
        .iter()
        .map(|p| Contender {
            id: &p.id,
            votes: p.votes,
            regional: &p.regional_votes,
        })
        .collect();
    let qualified = threshold::qualify(&contest.threshold, &contenders, &mut steps)?;

    let cap_seats = match contest.cap {
        None => None,
        Some(SeatCap::Seats(n)) => Some(n),
        Some(SeatCap::Share(share)) => {
            if share > Ratio::integer(1) {
                return Err(CountError::ThresholdAbove100 {
                    what: "cap".into(),
                    value: share.percent_text(),
                });
            }
            let (hi, lo) = crate::rational::mul_wide(share.numerator(), u128::from(contest.seats));
            Some(if hi == 0 {
                u64::try_from(lo / share.denominator()).unwrap_or(u64::MAX)
            } else {
                contest.seats
            })
        }
    };

    let rule = TieRule {
        rule: contest.tie_break,
        seed: contest.seed.as_deref(),
    };
    let entries: Vec<(usize, Entry<'_>)> = contest
        .parties
        .iter()
        .enumerate()
        .filter(|(i, _)| qualified[*i])
        .map(|(i, p)| {
            (
                i,
                Entry {
                    id: &p.id,
                    votes: p.votes,
                    registered: p.registered,
                    key: rule.key(&p.id, p.registered),
                    max: cap_seats,
                },
            )
        })
        .collect();

    let mut allocation: Vec<PartySeats> = contest
        .parties
        .iter()
        .zip(&qualified)
        .map(|(p, &q)| PartySeats {
            id: p.id.clone(),
            votes: p.votes,
            qualified: q,
            seats: 0,
            capped: false,
        })
        .collect();
    let mut outcome = ListOutcome {
        allocation: vec![],
        quota: None,
        cap_seats,
        unfilled: 0,
        ties: vec![],
        steps,
    };

    if entries.is_empty() {
        outcome.unfilled = contest.seats;
        outcome.steps.push(Step::new(
            "unfilled",
            vec![],
            format!(
                "No party passed the threshold, so none of the {} seats can be allocated.",
                contest.seats
            ),
        ));
        outcome.allocation = allocation;
        return Ok(outcome);
    }
    if contest.seats > 0 && entries.iter().all(|(_, e)| e.votes == 0) {
        return Err(CountError::TooManySeats {
            seats: contest.seats,
            available: 0,
            why: "the parties taking part in the allocation have no votes".into(),
        });
    }
    if let Some(cap) = cap_seats {
        let most = u128::from(cap) * entries.len() as u128;
        if most < u128::from(contest.seats) {
            return Err(CountError::TooManySeats {
                seats: contest.seats,
                available: u64::try_from(most).unwrap_or(u64::MAX),
                why: format!(
                    "{} parties take part and none may have more than {cap} seats",
                    entries.len()
                ),
            });
        }
        outcome.steps.push(Step::new(
            "cap",
            vec![],
            format!(
                "No party may take more than {cap} of the {} seats.",
                contest.seats
            ),
        ));
    }

    let won = match &contest.method {
        ListMethod::Divisor(d) => {
            let only: Vec<Entry<'_>> = entries.iter().map(|(_, e)| *e).collect();
            let a = divisor::apportion(d, &only, contest.seats, rule)?;
            outcome.ties = a.ties;
            outcome.steps.extend(a.steps);
            a.seats
        }
        ListMethod::LargestRemainder(q) => {
            largest_remainder_with_cap(q, &entries, contest.seats, cap_seats, rule, &mut outcome)?
        }
    };
    for ((i, _), seats) in entries.iter().zip(won) {
        allocation[*i].seats = seats;
        allocation[*i].capped = cap_seats.is_some_and(|c| seats >= c);
    }
    outcome.steps.push(Step::new(
        "result",
        allocation
            .iter()
            .filter(|p| p.seats > 0)
            .map(|p| p.id.clone())
            .collect(),
        format!(
            "Seats: {}.",
            allocation
                .iter()
                .filter(|p| p.qualified)
                .map(|p| format!("{} {}", p.id, p.seats))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ));
    outcome.allocation = allocation;
    Ok(outcome)
}

/// Largest remainder under a cap: allocate; set aside at the cap every party above it;
/// allocate the remaining seats afresh among the others; repeat until no one is above.
fn largest_remainder_with_cap(
    quota: &Quota,
    entries: &[(usize, Entry<'_>)],
    seats: u64,
    cap: Option<u64>,
    rule: TieRule<'_>,
    outcome: &mut ListOutcome,
) -> Result<Vec<u64>, CountError> {
    let mut fixed: Vec<Option<u64>> = vec![None; entries.len()];
    let mut round = 0;
    loop {
        round += 1;
        let active: Vec<usize> = (0..entries.len()).filter(|&i| fixed[i].is_none()).collect();
        let left = seats - fixed.iter().flatten().sum::<u64>();
        let only: Vec<Entry<'_>> = active.iter().map(|&i| entries[i].1).collect();
        if round > 1 {
            outcome.steps.push(Step::new(
                "cap",
                only.iter().map(|e| e.id.to_owned()).collect(),
                format!(
                    "Round {round}: the remaining {left} seats are allocated afresh among the other {} parties.",
                    only.len()
                ),
            ));
        }
        let a = remainder::apportion(quota, &only, left, rule)?;
        outcome.steps.extend(a.steps);
        let over: Vec<usize> = match cap {
            Some(c) => (0..active.len()).filter(|&k| a.seats[k] > c).collect(),
            None => vec![],
        };
        if over.is_empty() {
            outcome.quota = a.quota;
            outcome.ties.extend(a.ties);
            let mut won = vec![0; entries.len()];
            for (k, &i) in active.iter().enumerate() {
                won[i] = a.seats[k];
            }
            for (i, f) in fixed.iter().enumerate() {
                if let Some(s) = f {
                    won[i] = *s;
                }
            }
            return Ok(won);
        }
        let c = cap.unwrap_or(0);
        for k in over {
            let i = active[k];
            fixed[i] = Some(c);
            outcome.steps.push(Step::new(
                "cap",
                vec![entries[i].1.id.to_owned()],
                format!(
                    "{} would take {} seats, above the cap; it keeps {c} and its surplus of {} goes to the others.",
                    entries[i].1.id,
                    a.seats[k],
                    a.seats[k] - c
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests;

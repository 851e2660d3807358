//! Open lists: which of a party's candidates take the seats the party won.
//!
//! Rules (docs/rules.md): R-LIST-OPEN-WOMEN.
//!
//! Rule (electoral rules §2, party-list proportional, open list [earlier]): at least
//! 30% of a party's seats go first to its women with the most preference votes, the
//! rest by preference votes; list order where preference votes are absent.
//!
//! - The reserved seats are ⌈share × seats⌉ ("at least 30%": 30% of 5 seats is 1.5,
//!   so 2 seats are reserved; of 1 seat, 0.3, so the one seat is reserved).
//! - Candidates are ranked by preference votes, highest first; equal preference votes
//!   by the tie rule (registration order = list position, or lot). Candidates without
//!   a preference-vote figure come after those with one, in list order; with no
//!   preference votes at all the list order alone decides.
//! - First the reserved seats go to the highest-ranked candidates of the reserved
//!   gender (as many as there are, if fewer), then the remaining seats to the
//!   highest-ranked of all candidates not yet seated.

use std::collections::HashSet;

use crate::candidates::Gender;
use crate::error::CountError;
use crate::rational::Ratio;
use crate::step::Step;
use crate::tie::{Tie, TieBreak, TieRule};

/// A candidate on a party list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListCandidate {
    pub id: String,
    /// place on the list, 1 = first
    pub position: u64,
    pub gender: Option<Gender>,
    /// preference votes, if the ballot had them
    pub preference_votes: Option<u64>,
}

/// The reserved share of an open list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenderReserve {
    /// the share of the party's seats reserved (a fraction of one; 2021: 30%)
    pub share: Ratio,
    /// the gender the seats are reserved for (2021: women)
    pub gender: Gender,
}

/// Who takes a party's seats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenListOutcome {
    /// the seated candidates, in rank order
    pub elected: Vec<String>,
    /// those of them seated through the reserve
    pub reserved: Vec<String>,
    pub ties: Vec<Tie>,
    pub steps: Vec<Step>,
}

/// Seats `seats` of party `party`'s candidates.
///
/// Refuses empty or duplicate ids, duplicate list positions, a reserve above 100%, a
/// missing gender when a reserve is set, and a list shorter than the seats won.
pub fn fill_party_seats(
    party: &str,
    seats: u64,
    candidates: &[ListCandidate],
    reserve: Option<&GenderReserve>,
    tie_break: TieBreak,
    seed: Option<&str>,
) -> Result<OpenListOutcome, CountError> {
    validate(candidates, reserve)?;
    if seats > candidates.len() as u64 {
        return Err(CountError::TooManySeats {
            seats,
            available: candidates.len() as u64,
            why: format!("party {party} has only {} candidates", candidates.len()),
        });
    }
    let rule = TieRule {
        rule: tie_break,
        seed,
    };
    let ranking = rank(candidates, rule);
    let mut steps = vec![Step::new(
        "open_list",
        ranking.iter().map(|&i| candidates[i].id.clone()).collect(),
        format!(
            "{party}: candidates ranked by preference votes, then list order: {}.",
            ranking
                .iter()
                .map(|&i| match candidates[i].preference_votes {
                    Some(v) => format!("{} {v}", candidates[i].id),
                    None => format!(
                        "{} (list place {})",
                        candidates[i].id, candidates[i].position
                    ),
                })
                .collect::<Vec<_>>()
                .join("; ")
        ),
    )];

    let n = usize::try_from(seats).unwrap_or(usize::MAX);
    let mut seated: HashSet<usize> = HashSet::new();
    let mut reserved = Vec::new();
    if let Some(r) = reserve {
        let want = Ratio::new(
            r.share.numerator() * u128::from(seats),
            r.share.denominator(),
        )
        .map_or(0, |x| x.ceil());
        let want = usize::try_from(want).unwrap_or(usize::MAX).min(n);
        for &i in ranking
            .iter()
            .filter(|&&i| candidates[i].gender == Some(r.gender))
            .take(want)
        {
            seated.insert(i);
            reserved.push(candidates[i].id.clone());
        }
        steps.push(Step::new(
            "gender_reserve",
            reserved.clone(),
            format!(
                "At least {}% of {party}'s {seats} seats, that is {want}, go first to its {} with the most preference votes: {}.",
                r.share.percent_text(),
                match r.gender {
                    Gender::Female => "women",
                    Gender::Male => "men",
                },
                if reserved.is_empty() { "none stands".to_owned() } else { reserved.join(", ") }
            ),
        ));
    }
    for &i in &ranking {
        if seated.len() >= n {
            break;
        }
        if seated.insert(i) {
            steps.push(Step::new(
                "open_list",
                vec![candidates[i].id.clone()],
                format!("{} takes one of {party}'s seats by rank.", candidates[i].id),
            ));
        }
    }
    let elected: Vec<usize> = ranking
        .iter()
        .copied()
        .filter(|i| seated.contains(i))
        .collect();
    let ties = deciding_ties(candidates, &ranking, &seated, rule)?;
    Ok(OpenListOutcome {
        elected: elected.iter().map(|&i| candidates[i].id.clone()).collect(),
        reserved,
        ties,
        steps,
    })
}

fn rank(c: &[ListCandidate], rule: TieRule<'_>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..c.len()).collect();
    let key = |i: usize| match c[i].preference_votes {
        Some(_) => rule.key(&c[i].id, c[i].position),
        None => c[i].position,
    };
    order.sort_by(|&a, &b| {
        c[b].preference_votes
            .is_some()
            .cmp(&c[a].preference_votes.is_some())
            .then(c[b].preference_votes.cmp(&c[a].preference_votes))
            .then(key(a).cmp(&key(b)))
            .then_with(|| c[a].id.cmp(&c[b].id))
    });
    order
}

/// Groups with equal preference votes of whom some were seated and some not. Within
/// one gender the tie rule decided; across genders the reserve may have decided, and
/// the tie is reported either way.
fn deciding_ties(
    c: &[ListCandidate],
    ranking: &[usize],
    seated: &HashSet<usize>,
    rule: TieRule<'_>,
) -> Result<Vec<Tie>, CountError> {
    let mut ties = Vec::new();
    let mut start = 0;
    while start < ranking.len() {
        let pv = c[ranking[start]].preference_votes;
        let end = ranking[start..]
            .iter()
            .position(|&i| c[i].preference_votes != pv)
            .map_or(ranking.len(), |k| start + k);
        let group = &ranking[start..end];
        let won = group.iter().filter(|i| seated.contains(i)).count();
        if let Some(v) = pv
            && group.len() > 1
            && won > 0
            && won < group.len()
        {
            let tied: Vec<(&str, u64)> = group
                .iter()
                .map(|&i| (c[i].id.as_str(), c[i].position))
                .collect();
            rule.check_breakable(&tied)?;
            ties.push(
                rule.tie(
                    "preference_votes",
                    v.to_string(),
                    group.iter().map(|&i| c[i].id.clone()).collect(),
                    group
                        .iter()
                        .filter(|i| seated.contains(i))
                        .map(|&i| c[i].id.clone())
                        .collect(),
                ),
            );
        }
        start = end;
    }
    Ok(ties)
}

fn validate(c: &[ListCandidate], reserve: Option<&GenderReserve>) -> Result<(), CountError> {
    if let Some(r) = reserve
        && r.share > Ratio::integer(1)
    {
        return Err(CountError::ThresholdAbove100 {
            what: "reserved share".into(),
            value: r.share.percent_text(),
        });
    }
    let mut ids = HashSet::new();
    let mut places = HashSet::new();
    for t in c {
        if t.id.is_empty() {
            return Err(CountError::EmptyId);
        }
        if !ids.insert(t.id.as_str()) {
            return Err(CountError::DuplicateId { id: t.id.clone() });
        }
        if !places.insert(t.position) {
            return Err(CountError::InvalidField {
                field: "position".into(),
                why: format!("two candidates share list place {}", t.position),
            });
        }
        if reserve.is_some() && t.gender.is_none() {
            return Err(CountError::MissingGender { id: t.id.clone() });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Gender::{Female as F, Male as M};

    fn cand(id: &str, position: u64, gender: Gender, pv: Option<u64>) -> ListCandidate {
        ListCandidate {
            id: id.into(),
            position,
            gender: Some(gender),
            preference_votes: pv,
        }
    }

    fn thirty_percent_women() -> GenderReserve {
        GenderReserve {
            share: Ratio::parse_percent("share", "30").unwrap(),
            gender: F,
        }
    }

    fn fill(seats: u64, c: &[ListCandidate], r: Option<&GenderReserve>) -> Vec<String> {
        fill_party_seats("P", seats, c, r, TieBreak::RegistrationOrder, None)
            .unwrap()
            .elected
    }

    #[test]
    fn open_list_reserves_30_percent_of_seats_for_women_with_most_preference_votes() {
        let c = [
            cand("M1", 1, M, Some(900)),
            cand("M2", 2, M, Some(800)),
            cand("M3", 3, M, Some(700)),
            cand("M4", 4, M, Some(600)),
            cand("W1", 5, F, Some(100)),
            cand("W2", 6, F, Some(300)),
            cand("W3", 7, F, Some(50)),
        ];
        // 5 seats: 30% is 1.5, so at least 2 go to women, the two with most votes.
        let r = thirty_percent_women();
        assert_eq!(fill(5, &c, Some(&r)), ["M1", "M2", "M3", "W2", "W1"]);
        // Without a reserve, preference votes alone.
        assert_eq!(fill(5, &c, None), ["M1", "M2", "M3", "M4", "W2"]);
    }

    #[test]
    fn open_list_reserve_does_not_limit_women_ranked_higher() {
        let c = [
            cand("W1", 1, F, Some(900)),
            cand("W2", 2, F, Some(800)),
            cand("W3", 3, F, Some(700)),
            cand("M1", 4, M, Some(100)),
        ];
        assert_eq!(
            fill(3, &c, Some(&thirty_percent_women())),
            ["W1", "W2", "W3"]
        );
    }

    #[test]
    fn open_list_with_fewer_women_than_reserved_seats_fills_the_rest_by_rank() {
        let c = [
            cand("M1", 1, M, Some(900)),
            cand("M2", 2, M, Some(800)),
            cand("M3", 3, M, Some(700)),
            cand("W1", 4, F, Some(10)),
        ];
        let out = fill_party_seats(
            "P",
            4,
            &c,
            Some(&thirty_percent_women()),
            TieBreak::RegistrationOrder,
            None,
        )
        .unwrap();
        assert_eq!(out.elected, ["M1", "M2", "M3", "W1"]);
        assert_eq!(out.reserved, ["W1"]);
    }

    #[test]
    fn open_list_uses_list_order_without_preference_votes() {
        let c = [
            cand("C", 3, M, None),
            cand("A", 1, F, None),
            cand("B", 2, M, None),
            cand("D", 4, M, None),
        ];
        assert_eq!(fill(2, &c, None), ["A", "B"]);
        // Reserve of 30% of 3 seats = 0.9, so 1 woman: A is already first.
        assert_eq!(fill(3, &c, Some(&thirty_percent_women())), ["A", "B", "C"]);
    }

    #[test]
    fn open_list_candidates_with_preference_votes_come_before_those_without() {
        let c = [
            cand("A", 1, M, None),
            cand("B", 2, M, Some(0)),
            cand("C", 3, M, Some(5)),
        ];
        assert_eq!(fill(2, &c, None), ["C", "B"]);
    }

    #[test]
    fn open_list_equal_preference_votes_go_by_list_position_and_are_reported() {
        let c = [
            cand("A", 2, M, Some(50)),
            cand("B", 1, M, Some(50)),
            cand("C", 3, M, Some(10)),
        ];
        let out = fill_party_seats("P", 1, &c, None, TieBreak::RegistrationOrder, None).unwrap();
        assert_eq!(out.elected, ["B"]);
        assert_eq!(out.ties[0].ids, ["B", "A"]);
        assert_eq!(out.ties[0].on, "preference_votes");
    }

    #[test]
    fn open_list_refuses_a_list_shorter_than_its_seats() {
        let c = [cand("A", 1, M, None)];
        let e = fill_party_seats("P", 2, &c, None, TieBreak::RegistrationOrder, None).unwrap_err();
        assert_eq!(e.code(), "TOO_MANY_SEATS");
    }

    #[test]
    fn open_list_refuses_missing_gender_under_a_reserve() {
        let mut c = vec![cand("A", 1, M, None)];
        c[0].gender = None;
        let e = fill_party_seats(
            "P",
            1,
            &c,
            Some(&thirty_percent_women()),
            TieBreak::RegistrationOrder,
            None,
        )
        .unwrap_err();
        assert_eq!(e.code(), "MISSING_GENDER");
    }
}

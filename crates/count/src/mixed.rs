//! Mixed parallel systems: a list part and a constituency part, counted independently.
//!
//! Rules (docs/rules.md): R-MIXED-PARALLEL.
//!
//! Rule (electoral rules §2, mixed parallel): the list seats are allocated among the
//! parties by the list rules as if there were no constituencies, and every
//! constituency elects by its own candidate rules; a party's total is simply the sum.
//! Nothing in one part changes the other (unlike compensatory systems).

use std::collections::BTreeMap;

use crate::candidates::{CandidateContest, CandidateOutcome, allocate_candidates};
use crate::error::CountError;
use crate::list::{ListContest, ListOutcome, allocate_list};

/// One constituency of the constituency part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constituency {
    pub id: String,
    pub contest: CandidateContest,
    /// the party of each candidate who has one (candidate id → party id); independents
    /// are left out and are not counted in any party's total
    pub party_of: BTreeMap<String, String>,
}

/// A mixed parallel contest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MixedContest {
    pub list: ListContest,
    pub constituencies: Vec<Constituency>,
}

/// A party's seats from both parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyTotal {
    pub party: String,
    pub list: u64,
    pub constituency: u64,
    pub total: u64,
}

/// The outcome of a mixed parallel contest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MixedOutcome {
    pub list: ListOutcome,
    /// each constituency's outcome, in the order given
    pub constituencies: Vec<(String, CandidateOutcome)>,
    /// per party: the list parties in their order, then parties that only won
    /// constituency seats in the order they first appear
    pub totals: Vec<PartyTotal>,
}

/// Counts both parts and adds up each party's seats.
pub fn allocate_mixed(contest: &MixedContest) -> Result<MixedOutcome, CountError> {
    let list = allocate_list(&contest.list)?;
    let mut seen = std::collections::HashSet::new();
    let mut constituencies = Vec::with_capacity(contest.constituencies.len());
    for c in &contest.constituencies {
        if c.id.is_empty() {
            return Err(CountError::EmptyId);
        }
        if !seen.insert(c.id.as_str()) {
            return Err(CountError::DuplicateId { id: c.id.clone() });
        }
        if let Some(unknown) = c
            .party_of
            .keys()
            .find(|k| !c.contest.candidates.iter().any(|t| &t.id == *k))
        {
            return Err(CountError::UnknownCandidate {
                id: unknown.clone(),
            });
        }
        constituencies.push((c.id.clone(), allocate_candidates(&c.contest)?));
    }
    let mut totals: Vec<PartyTotal> = list
        .allocation
        .iter()
        .map(|p| PartyTotal {
            party: p.id.clone(),
            list: p.seats,
            constituency: 0,
            total: p.seats,
        })
        .collect();
    for (c, (_, out)) in contest.constituencies.iter().zip(&constituencies) {
        for id in &out.elected {
            let Some(party) = c.party_of.get(id) else {
                continue;
            };
            let i = match totals.iter().position(|t| &t.party == party) {
                Some(i) => i,
                None => {
                    totals.push(PartyTotal {
                        party: party.clone(),
                        list: 0,
                        constituency: 0,
                        total: 0,
                    });
                    totals.len() - 1
                }
            };
            totals[i].constituency += 1;
            totals[i].total += 1;
        }
    }
    Ok(MixedOutcome {
        list,
        constituencies,
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates::{AgainstAllRule, CandidateMethod, CandidateTally};
    use crate::divisor::DivisorMethod;
    use crate::list::{ListMethod, PartyTally};
    use crate::threshold::Threshold;
    use crate::tie::TieBreak;

    fn single_member(id: &str, votes: &[(&str, u64, &str)]) -> Constituency {
        Constituency {
            id: id.into(),
            contest: CandidateContest {
                method: CandidateMethod::Plurality,
                seats: 1,
                candidates: votes
                    .iter()
                    .enumerate()
                    .map(|(i, &(c, v, _))| CandidateTally {
                        id: c.into(),
                        votes: v,
                        gender: None,
                        registered: i as u64,
                    })
                    .collect(),
                against_all: None,
                against_all_rule: AgainstAllRule::BeatsLeader,
                max_per_gender: None,
                tie_break: TieBreak::RegistrationOrder,
                seed: None,
                voters_took_part: None,
            },
            party_of: votes
                .iter()
                .filter(|(_, _, p)| !p.is_empty())
                .map(|&(c, _, p)| (c.to_owned(), p.to_owned()))
                .collect(),
        }
    }

    #[test]
    fn mixed_parallel_adds_list_and_constituency_seats_without_compensation() {
        let party = |id: &str, votes| PartyTally {
            id: id.into(),
            votes,
            registered: 0,
            regional_votes: BTreeMap::new(),
        };
        let contest = MixedContest {
            list: ListContest {
                method: ListMethod::Divisor(DivisorMethod::DHondt),
                seats: 4,
                parties: vec![party("A", 700), party("B", 300)],
                threshold: Threshold::default(),
                cap: None,
                tie_break: TieBreak::RegistrationOrder,
                seed: None,
            },
            constituencies: vec![
                single_member("1", &[("a1", 50, "A"), ("b1", 40, "B")]),
                single_member("2", &[("a2", 50, "A"), ("c2", 60, "C")]),
                single_member("3", &[("a3", 10, "A"), ("i3", 90, "")]),
            ],
        };
        let out = allocate_mixed(&contest).unwrap();
        // The list part is D'Hondt on 700/300 for 4 seats (quotients 700, 350, 300,
        // 233.3 against B's 150): 3 and 1, whatever the constituencies say.
        let list: Vec<u64> = out.list.allocation.iter().map(|p| p.seats).collect();
        assert_eq!(list, [3, 1]);
        let totals: Vec<(&str, u64, u64, u64)> = out
            .totals
            .iter()
            .map(|t| (t.party.as_str(), t.list, t.constituency, t.total))
            .collect();
        assert_eq!(totals, [("A", 3, 1, 4), ("B", 1, 0, 1), ("C", 0, 1, 1)]);
        assert_eq!(out.constituencies[2].1.elected, ["i3"]);
    }

    #[test]
    fn mixed_refuses_duplicate_constituencies() {
        let c = single_member("1", &[("a1", 50, "A")]);
        let contest = MixedContest {
            list: ListContest {
                method: ListMethod::Divisor(DivisorMethod::DHondt),
                seats: 0,
                parties: vec![],
                threshold: Threshold::default(),
                cap: None,
                tie_break: TieBreak::RegistrationOrder,
                seed: None,
            },
            constituencies: vec![c.clone(), c],
        };
        assert_eq!(allocate_mixed(&contest).unwrap_err().code(), "DUPLICATE_ID");
    }
}

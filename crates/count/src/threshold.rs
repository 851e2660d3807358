//! Thresholds: which parties take part in the allocation of list seats.
//!
//! Rules (docs/rules.md): R-LIST-THRESHOLD, R-LIST-BASE.
//!
//! Rule (electoral rules §2, party-list proportional): a party needs 5% nationally
//! **and** 0.5% in each of the regions (7 oblasts, Bishkek and Osh) [earlier]; the
//! percentage base is the number of voters who took part, not valid votes, and the
//! base is a parameter.
//!
//! A party passes a threshold when its share of the base is **at least** the
//! threshold (5% exactly passes). Shares are compared exactly: `votes / base ≥ t` as
//! `votes · den(t) ≥ num(t) · base`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::CountError;
use crate::rational::Ratio;
use crate::step::Step;

/// What a threshold percentage is a percentage of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdBase {
    /// All valid votes: the votes of every party (qualifying or not) plus "against all".
    #[default]
    ValidVotes,
    /// The number of voters who took part (ballots issued), given with the figures.
    VotersTookPart,
}

/// A region for the regional threshold, with its own base figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub id: String,
    /// voters who took part in the region (needed when the base is `voters_took_part`)
    pub voters_took_part: Option<u64>,
    /// votes "against all" in the region, counted in its valid votes
    pub against_all: Option<u64>,
}

/// The threshold rules of a list contest. Shares are fractions of one (5% is 1/20).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Threshold {
    /// the share a party needs nationally
    pub national: Option<Ratio>,
    /// the share a party needs in every region
    pub regional: Option<Ratio>,
    pub base: ThresholdBase,
    /// voters who took part nationally (needed when the base is `voters_took_part`)
    pub voters_took_part: Option<u64>,
    /// votes "against all" nationally, counted in valid votes
    pub against_all: Option<u64>,
    /// the regions, all of which a party must pass under a regional threshold
    pub regions: Vec<Region>,
}

/// A party's votes as the threshold sees them.
pub(crate) struct Contender<'a> {
    pub(crate) id: &'a str,
    pub(crate) votes: u64,
    pub(crate) regional: &'a BTreeMap<String, u64>,
}

/// Decides which contenders pass. Returns one flag per contender and the working.
pub(crate) fn qualify(
    t: &Threshold,
    parties: &[Contender<'_>],
    steps: &mut Vec<Step>,
) -> Result<Vec<bool>, CountError> {
    validate(t, parties)?;
    let mut pass = vec![true; parties.len()];
    if let Some(share) = t.national {
        let valid: u128 = parties.iter().map(|p| u128::from(p.votes)).sum::<u128>()
            + u128::from(t.against_all.unwrap_or(0));
        let base = match t.base {
            ThresholdBase::ValidVotes => valid,
            ThresholdBase::VotersTookPart => u128::from(t.voters_took_part.unwrap_or(0)),
        };
        steps.push(Step::new(
            "threshold",
            vec![],
            format!(
                "National threshold: {}% of {base} {} = {} votes needed (at least).",
                share.percent_text(),
                base_words(t.base),
                needed(share, base)
            ),
        ));
        for (i, p) in parties.iter().enumerate() {
            let ok = passes(p.votes, base, share);
            pass[i] = ok;
            steps.push(Step::new(
                "threshold",
                vec![p.id.to_owned()],
                format!(
                    "{}: {} votes, {}% of the base — {} the national threshold.",
                    p.id,
                    p.votes,
                    share_text(p.votes, base),
                    if ok { "passes" } else { "fails" }
                ),
            ));
        }
    }
    if let Some(share) = t.regional {
        for r in &t.regions {
            let valid: u128 = parties
                .iter()
                .map(|p| u128::from(p.regional.get(&r.id).copied().unwrap_or(0)))
                .sum::<u128>()
                + u128::from(r.against_all.unwrap_or(0));
            let base = match t.base {
                ThresholdBase::ValidVotes => valid,
                ThresholdBase::VotersTookPart => u128::from(r.voters_took_part.unwrap_or(0)),
            };
            for (i, p) in parties.iter().enumerate() {
                let v = p.regional.get(&r.id).copied().unwrap_or(0);
                if !passes(v, base, share) && pass[i] {
                    pass[i] = false;
                    steps.push(Step::new(
                        "regional_threshold",
                        vec![p.id.to_owned(), r.id.clone()],
                        format!(
                            "{}: {v} votes in {}, {}% of its base of {base} — below the regional threshold of {}%, so it takes no seats.",
                            p.id,
                            r.id,
                            share_text(v, base),
                            share.percent_text()
                        ),
                    ));
                }
            }
        }
        let survivors: Vec<String> = parties
            .iter()
            .zip(&pass)
            .filter(|(_, ok)| **ok)
            .map(|(p, _)| p.id.to_owned())
            .collect();
        steps.push(Step::new(
            "regional_threshold",
            survivors.clone(),
            format!(
                "Regional threshold of {}% in each of the {} regions: {} pass all of them{}.",
                share.percent_text(),
                t.regions.len(),
                survivors.len(),
                if survivors.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", survivors.join(", "))
                }
            ),
        ));
    }
    Ok(pass)
}

fn base_words(b: ThresholdBase) -> &'static str {
    match b {
        ThresholdBase::ValidVotes => "valid votes",
        ThresholdBase::VotersTookPart => "voters who took part",
    }
}

/// votes / base ≥ share; with a base of 0 only a zero threshold is passed.
fn passes(votes: u64, base: u128, share: Ratio) -> bool {
    match Ratio::new(u128::from(votes), base) {
        Some(s) => s >= share,
        None => share.is_zero(),
    }
}

/// The fewest votes that pass: ⌈share · base⌉.
fn needed(share: Ratio, base: u128) -> String {
    let (hi, lo) = crate::rational::mul_wide(share.numerator(), base);
    if hi != 0 {
        return format!("{share} × {base}");
    }
    Ratio::new(lo, share.denominator()).map_or_else(|| "0".into(), |r| r.ceil().to_string())
}

fn share_text(votes: u64, base: u128) -> String {
    Ratio::new(u128::from(votes) * 100, base).map_or_else(|| "0".into(), |r| r.decimal(2))
}

fn validate(t: &Threshold, parties: &[Contender<'_>]) -> Result<(), CountError> {
    for (what, share) in [
        ("national threshold", t.national),
        ("regional threshold", t.regional),
    ] {
        if let Some(s) = share
            && s > Ratio::integer(1)
        {
            return Err(CountError::ThresholdAbove100 {
                what: what.into(),
                value: s.percent_text(),
            });
        }
    }
    let counted: u128 = parties.iter().map(|p| u128::from(p.votes)).sum::<u128>()
        + u128::from(t.against_all.unwrap_or(0));
    if t.base == ThresholdBase::VotersTookPart && (t.national.is_some() || t.regional.is_some()) {
        match t.voters_took_part {
            None if t.national.is_some() => {
                return Err(CountError::MissingField {
                    field: "voters_took_part".into(),
                });
            }
            Some(v) if u128::from(v) < counted => {
                return Err(CountError::BaseBelowVotes {
                    what: "number of voters who took part".into(),
                    base: v,
                    counted: u64::try_from(counted).unwrap_or(u64::MAX),
                });
            }
            _ => {}
        }
    }
    if t.regional.is_some() && t.regions.is_empty() {
        return Err(CountError::MissingField {
            field: "regions".into(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for r in &t.regions {
        if r.id.is_empty() {
            return Err(CountError::EmptyId);
        }
        if !seen.insert(r.id.as_str()) {
            return Err(CountError::DuplicateId { id: r.id.clone() });
        }
    }
    for p in parties {
        for region in p.regional.keys() {
            if !seen.contains(region.as_str()) {
                return Err(CountError::UnknownRegion {
                    party: p.id.to_owned(),
                    region: region.clone(),
                });
            }
        }
        if t.regional.is_some() {
            for r in &t.regions {
                if !p.regional.contains_key(&r.id) {
                    return Err(CountError::MissingRegion {
                        party: p.id.to_owned(),
                        region: r.id.clone(),
                    });
                }
            }
        }
        let sum: u128 = p.regional.values().map(|&v| u128::from(v)).sum();
        if sum > u128::from(p.votes) {
            return Err(CountError::Inconsistent {
                why: format!(
                    "party {} has {sum} votes in its regions but only {} in all",
                    p.id, p.votes
                ),
            });
        }
    }
    if t.regional.is_some() {
        for r in &t.regions {
            let counted: u128 = parties
                .iter()
                .map(|p| u128::from(p.regional.get(&r.id).copied().unwrap_or(0)))
                .sum::<u128>()
                + u128::from(r.against_all.unwrap_or(0));
            if t.base == ThresholdBase::VotersTookPart {
                let Some(v) = r.voters_took_part else {
                    return Err(CountError::MissingField {
                        field: format!("regions[{}].voters_took_part", r.id),
                    });
                };
                if u128::from(v) < counted {
                    return Err(CountError::RegionBaseBelowVotes {
                        region: r.id.clone(),
                        base: v,
                        counted: u64::try_from(counted).unwrap_or(u64::MAX),
                    });
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(s: &str) -> Ratio {
        Ratio::parse_percent("t", s).unwrap()
    }

    fn contenders<'a>(v: &'a [(&'a str, u64, BTreeMap<String, u64>)]) -> Vec<Contender<'a>> {
        v.iter()
            .map(|(id, votes, regional)| Contender {
                id,
                votes: *votes,
                regional,
            })
            .collect()
    }

    #[test]
    fn national_threshold_on_valid_votes_counts_every_party_and_against_all() {
        let none = BTreeMap::new();
        let v = [
            ("A", 900, none.clone()),
            ("B", 50, none.clone()),
            ("C", 40, none),
        ];
        let mut t = Threshold {
            national: Some(pct("5")),
            ..Threshold::default()
        };
        // Base 990: 5% is 49.5, so B (50) passes and C (40) fails.
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![]).unwrap(),
            [true, true, false]
        );
        // With 10 against-all votes the base is 1,000: B has exactly 5% and passes.
        t.against_all = Some(10);
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![]).unwrap(),
            [true, true, false]
        );
        t.against_all = Some(11);
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![]).unwrap(),
            [true, false, false]
        );
    }

    #[test]
    fn national_threshold_on_voters_who_took_part_uses_the_larger_base() {
        let none = BTreeMap::new();
        let v = [("A", 900, none.clone()), ("B", 60, none)];
        let mut t = Threshold {
            national: Some(pct("5")),
            base: ThresholdBase::VotersTookPart,
            voters_took_part: Some(1_200),
            ..Threshold::default()
        };
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![]).unwrap(),
            [true, true]
        );
        t.voters_took_part = Some(1_201);
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![]).unwrap(),
            [true, false]
        );
        t.voters_took_part = Some(900);
        let e = qualify(&t, &contenders(&v), &mut vec![]).unwrap_err();
        assert_eq!(e.code(), "BASE_BELOW_VOTES");
        t.voters_took_part = None;
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![])
                .unwrap_err()
                .code(),
            "MISSING_FIELD"
        );
    }

    fn regions(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|&(r, v)| (r.to_owned(), v)).collect()
    }

    #[test]
    fn regional_threshold_must_be_passed_in_every_region() {
        let v = [
            ("A", 1_000, regions(&[("North", 500), ("South", 500)])),
            ("B", 1_000, regions(&[("North", 996), ("South", 4)])),
            ("C", 1_000, regions(&[("North", 4), ("South", 996)])),
        ];
        let region = |id: &str| Region {
            id: id.into(),
            voters_took_part: None,
            against_all: None,
        };
        let t = Threshold {
            regional: Some(pct("0.5")),
            regions: vec![region("North"), region("South")],
            ..Threshold::default()
        };
        // Each region has 1,500 valid votes; 0.5% is 7.5 votes, so B fails in the
        // South and C in the North.
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![]).unwrap(),
            [true, false, false]
        );
    }

    #[test]
    fn regional_figures_must_name_declared_regions_and_cover_them_all() {
        let region = |id: &str| Region {
            id: id.into(),
            voters_took_part: None,
            against_all: None,
        };
        let t = Threshold {
            regional: Some(pct("0.5")),
            regions: vec![region("North"), region("South")],
            ..Threshold::default()
        };
        let v = [("A", 10, regions(&[("North", 5), ("East", 5)]))];
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![])
                .unwrap_err()
                .code(),
            "UNKNOWN_REGION"
        );
        let v = [("A", 10, regions(&[("North", 5)]))];
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![])
                .unwrap_err()
                .code(),
            "MISSING_REGION"
        );
        let v = [("A", 10, regions(&[("North", 6), ("South", 6)]))];
        assert_eq!(
            qualify(&t, &contenders(&v), &mut vec![])
                .unwrap_err()
                .code(),
            "INCONSISTENT_FIGURES"
        );
    }

    #[test]
    fn threshold_above_100_percent_is_refused() {
        let t = Threshold {
            national: Some(pct("100.5")),
            ..Threshold::default()
        };
        let e = qualify(&t, &[], &mut vec![]).unwrap_err();
        assert_eq!(e.code(), "THRESHOLD_ABOVE_100");
        assert_eq!(
            e.to_string(),
            "the national threshold of 100.5% is above 100%"
        );
    }
}

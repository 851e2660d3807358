//! The national election of 30 November 2025 as the demo lays it out: 30 constituencies,
//! their stations, candidates and votes. Constituency 13 and the published top-three figures
//! of constituencies 22 and 23 are real; everything else is generated deterministically so
//! that the national totals (4,294,243 voters on the lists, 1,584,446 who voted, 460
//! candidates of whom 189 women) hold exactly.

use crate::names;
use crate::rng::SplitMix;
use crate::split::proportional;
use tandoo_count::Gender;

pub const CONSTITUENCIES: u16 = 30;
pub const NATIONAL_VOTERS: u64 = 4_294_243;
pub const NATIONAL_VOTED: u64 = 1_584_446;
pub const NATIONAL_STATIONS: u64 = 2_619;
pub const NATIONAL_MEN: u64 = 271;
pub const NATIONAL_WOMEN: u64 = 189;

#[derive(Clone, Debug)]
pub struct CandidatePlan {
    /// As written in the application, with its Latin form.
    pub name: names::Name,
    pub gender: Gender,
    pub votes: u64,
}

#[derive(Clone, Debug)]
pub struct ConstituencyPlan {
    pub number: u16,
    /// Voters on the list of each station, in station order.
    pub station_voters: Vec<u64>,
    pub voted: u64,
    pub invalid: u64,
    pub against_all: u64,
    /// In registration order.
    pub candidates: Vec<CandidatePlan>,
}

impl ConstituencyPlan {
    pub fn voters(&self) -> u64 {
        self.station_voters.iter().sum()
    }
}

fn man(name: &str, latin: &str, votes: u64) -> CandidatePlan {
    CandidatePlan {
        name: names::Name::new(name, latin),
        gender: Gender::Male,
        votes,
    }
}

fn woman(name: &str, latin: &str, votes: u64) -> CandidatePlan {
    CandidatePlan {
        name: names::Name::new(name, latin),
        gender: Gender::Female,
        votes,
    }
}

/// Constituency 13 as registered and counted on voting day (Mamytov's total was not
/// published; 9,412 places him third overall, above Karabekova, as the outcome requires).
fn constituency_13() -> (u64, u64, u64, Vec<CandidatePlan>) {
    let candidates = vec![
        man("Бактыбек Сыдыков", "Baktybek Sydykov", 17_397),
        man("Талант Мамытов", "Talant Mamytov", 9_412),
        man("Айбек Алтынбеков", "Aibek Altynbekov", 13_477),
        woman("Чинара Джураева", "Chinara Dzhuraeva", 4_100),
        woman("Гульназ Нурбаева", "Gulnaz Nurbaeva", 2_900),
        man("Сайдулла Нышанов", "Saidulla Nyshanov", 5_200),
        woman("Олмаскан Султанова", "Olmaskan Sultanova", 1_900),
        woman("Гульназ Жээнбекова", "Gulnaz Zheenbekova", 1_200),
        man("Жанибек Курбаналиев", "Zhanibek Kurbanaliev", 3_500),
        woman("Мунара Маматалиева", "Munara Mamatalieva", 900),
        man("Айбек Саипов", "Aibek Saipov", 2_400),
        man("Нурланбек Кенжебаев", "Nurlanbek Kenzhebaev", 1_500),
        woman("Айгуль Карабекова", "Aigul Karabekova", 8_839),
        man("Мейкинбек Абдалиев", "Meikinbek Abdaliev", 763),
    ];
    let (invalid, against_all) = (1_187, 2_046);
    let voted = candidates.iter().map(|c| c.votes).sum::<u64>() + invalid + against_all;
    (voted, invalid, against_all, candidates)
}

/// Constituency 22: Kozhokulova is elected only through the gender rule.
fn constituency_22(rng: &mut SplitMix) -> Vec<CandidatePlan> {
    let mut candidates = vec![
        man("Бекешев", "Bekeshev", 13_278),
        man("Ибрагимов", "Ibragimov", 5_983),
        woman("Кожокулова", "Kozhokulova", 902),
    ];
    for votes in [4_870, 3_950, 3_120, 2_640, 2_010, 1_560, 1_210] {
        candidates.push(CandidatePlan {
            name: names::person(rng, Gender::Male),
            gender: Gender::Male,
            votes,
        });
    }
    for votes in [870, 760, 655, 540, 410] {
        candidates.push(CandidatePlan {
            name: names::person(rng, Gender::Female),
            gender: Gender::Female,
            votes,
        });
    }
    candidates
}

/// Constituency 23: the top three already satisfy the gender rule.
fn constituency_23(rng: &mut SplitMix) -> Vec<CandidatePlan> {
    let mut candidates = vec![
        woman("Сурабалдиева", "Surabaldieva", 8_254),
        man("Маматалиев", "Mamataliev", 5_738),
        man("Кадыралиев", "Kadyraliev", 5_533),
    ];
    for (gender, votes) in [
        (Gender::Male, 4_980),
        (Gender::Female, 4_310),
        (Gender::Male, 3_860),
        (Gender::Male, 3_205),
        (Gender::Female, 2_730),
        (Gender::Male, 2_190),
        (Gender::Female, 1_640),
        (Gender::Male, 1_215),
        (Gender::Female, 930),
        (Gender::Male, 705),
        (Gender::Female, 480),
        (Gender::Male, 350),
    ] {
        candidates.push(CandidatePlan {
            name: names::person(rng, gender),
            gender,
            votes,
        });
    }
    candidates
}

/// Invalid ballots and "against all" as shares of those who voted (1.5% and 2.5%).
fn invalid_and_against_all(voted: u64) -> (u64, u64) {
    (voted * 15 / 1000, voted * 25 / 1000)
}

/// Votes for `genders.len()` candidates, strictly decreasing by rank, adding up to `total`.
fn ranked_votes(rng: &mut SplitMix, total: u64, ranks: usize) -> Vec<u64> {
    let mut weight = 1_000_000u64;
    let weights: Vec<u64> = (0..ranks)
        .map(|_| {
            let w = weight;
            weight = weight * rng.between(70, 86) / 100;
            w
        })
        .collect();
    let mut votes = proportional(total, &weights);
    // Shares differ by at least 14%, so whole votes are strictly decreasing; keep it so.
    for i in 1..votes.len() {
        if votes[i] >= votes[i - 1] {
            let excess = votes[i] - votes[i - 1] + 1;
            votes[i] -= excess;
            votes[0] += excess;
        }
    }
    votes
}

/// Genders by rank: two men first, then a woman in the top three in `woman_in_top_three`
/// constituencies, else from rank four on.
fn genders_by_rank(
    rng: &mut SplitMix,
    men: usize,
    women: usize,
    woman_in_top_three: bool,
) -> Vec<Gender> {
    let mut ranks = vec![Gender::Male; men + women];
    let first_woman = if woman_in_top_three {
        2
    } else {
        3 + rng.between(0, 2) as usize
    };
    ranks[first_woman] = Gender::Female;
    let mut placed = 1;
    let mut slot = first_woman + 1;
    while placed < women {
        // Spread the remaining women over the lower ranks.
        let gap = ((ranks.len() - slot) / (women - placed + 1)).max(1);
        slot = (slot + rng.between(0, gap as u64 - 1) as usize).min(ranks.len() - 1);
        while ranks[slot] == Gender::Female {
            slot += 1;
        }
        ranks[slot] = Gender::Female;
        placed += 1;
        slot += 1;
    }
    ranks
}

/// Stations' voters: `stations` parts of `voters`, each station between about 900 and 2,600.
fn station_voters(rng: &mut SplitMix, voters: u64, stations: u64) -> Vec<u64> {
    let weights: Vec<u64> = (0..stations).map(|_| rng.between(900, 2_600)).collect();
    proportional(voters, &weights)
}

pub fn national_plan() -> Vec<ConstituencyPlan> {
    let mut rng = SplitMix::new(20_251_130);
    let (voted_13, invalid_13, against_all_13, candidates_13) = constituency_13();
    let fixed_22 = constituency_22(&mut rng);
    let fixed_23 = constituency_23(&mut rng);

    let others: Vec<u16> = (1..=CONSTITUENCIES).filter(|&n| n != 13).collect();
    let voters_13 = 160_344;
    let voter_weights: Vec<u64> = others.iter().map(|_| rng.between(120, 170)).collect();
    let voters = proportional(NATIONAL_VOTERS - voters_13, &voter_weights);
    let station_counts = proportional(NATIONAL_STATIONS - 94, &voters);
    // 22 and 23 keep their published leaders; the voters who took part there follow from
    // their candidates' votes (96% of ballots valid for a candidate).
    let fixed_voted =
        |fixed: &[CandidatePlan]| fixed.iter().map(|c| c.votes).sum::<u64>() * 1000 / 960 + 1;
    let (voted_22, voted_23) = (fixed_voted(&fixed_22), fixed_voted(&fixed_23));
    let turnout_weights: Vec<u64> = others
        .iter()
        .zip(&voters)
        .map(|(n, v)| {
            if matches!(n, 22 | 23) {
                0
            } else {
                v * rng.between(30, 45)
            }
        })
        .collect();
    let voted = proportional(
        NATIONAL_VOTED - voted_13 - voted_22 - voted_23,
        &turnout_weights,
    );

    // 446 generated candidacies (263 men, 183 women) besides constituency 13's 14.
    let sizes = proportional(NATIONAL_MEN + NATIONAL_WOMEN - 14, &vec![1; others.len()]);
    let women_counts = proportional(NATIONAL_WOMEN - 6, &vec![1; others.len()]);
    // In 2025 the gender rule moved 22 third seats; 13 and 22 are two of them, and 20 more
    // of the generated constituencies have three men on top.
    let mut plans = Vec::new();
    for (i, &number) in others.iter().enumerate() {
        let (voted, candidates) = match number {
            22 => (voted_22, fixed_22.clone()),
            23 => (voted_23, fixed_23.clone()),
            _ => (voted[i], Vec::new()),
        };
        let (invalid, against_all) = invalid_and_against_all(voted);
        let candidates = if candidates.is_empty() {
            let size = sizes[i] as usize;
            let women = women_counts[i] as usize;
            let woman_on_top = i % 4 == 3 && i < 26;
            let genders = genders_by_rank(&mut rng, size - women, women, woman_on_top);
            let votes = ranked_votes(&mut rng, voted - invalid - against_all, size);
            let mut ranked: Vec<CandidatePlan> = genders
                .into_iter()
                .zip(votes)
                .map(|(gender, votes)| CandidatePlan {
                    name: names::person(&mut rng, gender),
                    gender,
                    votes,
                })
                .collect();
            // Registration order is not the order of the result.
            let len = ranked.len();
            for j in 0..len {
                ranked.swap(j, rng.between(j as u64, len as u64 - 1) as usize);
            }
            ranked
        } else {
            candidates
        };
        let (invalid, against_all) = if matches!(number, 22 | 23) {
            let valid: u64 = candidates.iter().map(|c| c.votes).sum();
            let invalid = (voted - valid) * 3 / 8;
            (invalid, voted - valid - invalid)
        } else {
            (invalid, against_all)
        };
        plans.push(ConstituencyPlan {
            number,
            station_voters: station_voters(&mut rng, voters[i], station_counts[i]),
            voted,
            invalid,
            against_all,
            candidates,
        });
    }
    plans.insert(
        12,
        ConstituencyPlan {
            number: 13,
            station_voters: station_voters(&mut rng, voters_13, 94),
            voted: voted_13,
            invalid: invalid_13,
            against_all: against_all_13,
            candidates: candidates_13,
        },
    );
    plans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_adds_up_to_the_published_national_totals() {
        let plans = national_plan();
        assert_eq!(plans.len(), 30);
        assert_eq!(
            plans.iter().map(ConstituencyPlan::voters).sum::<u64>(),
            NATIONAL_VOTERS
        );
        assert_eq!(
            plans
                .iter()
                .map(|p| p.station_voters.len() as u64)
                .sum::<u64>(),
            NATIONAL_STATIONS
        );
        let candidates = plans.iter().flat_map(|p| &p.candidates);
        assert_eq!(
            candidates
                .clone()
                .filter(|c| c.gender == Gender::Male)
                .count() as u64,
            NATIONAL_MEN
        );
        assert_eq!(
            candidates.filter(|c| c.gender == Gender::Female).count() as u64,
            NATIONAL_WOMEN
        );
        for plan in &plans {
            let counted = plan.invalid
                + plan.against_all
                + plan.candidates.iter().map(|c| c.votes).sum::<u64>();
            assert_eq!(counted, plan.voted, "constituency {}", plan.number);
            assert!(plan.voted < plan.voters(), "constituency {}", plan.number);
        }
    }

    #[test]
    fn constituency_13_has_its_published_figures() {
        let plan = national_plan()
            .into_iter()
            .find(|p| p.number == 13)
            .unwrap();
        assert_eq!(plan.voters(), 160_344);
        assert_eq!(plan.voted, 76_721);
        assert_eq!(plan.station_voters.len(), 94);
        assert_eq!(plan.candidates.len(), 14);
        let names: Vec<(&str, &str)> = plan
            .candidates
            .iter()
            .map(|c| (c.name.registered.as_str(), c.name.latin.as_str()))
            .collect();
        assert_eq!(names[0], ("Бактыбек Сыдыков", "Baktybek Sydykov"));
        assert_eq!(names[2], ("Айбек Алтынбеков", "Aibek Altynbekov"));
        assert_eq!(names[12], ("Айгуль Карабекова", "Aigul Karabekova"));
    }

    #[test]
    fn every_candidate_is_registered_in_cyrillic_with_a_latin_form() {
        for plan in national_plan() {
            for candidate in &plan.candidates {
                let name = &candidate.name;
                assert!(
                    name.registered
                        .chars()
                        .all(|c| c == ' ' || ('\u{0400}'..='\u{04FF}').contains(&c)),
                    "{name:?}"
                );
                assert!(
                    name.latin
                        .chars()
                        .all(|c| c == ' ' || c.is_ascii_alphabetic()),
                    "{name:?}"
                );
            }
        }
    }
}

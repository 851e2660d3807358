//! Candidate methods: single-member plurality, multi-member plurality with a gender
//! cap, block vote and two-round (majority with a run-off).
//!
//! Rules (docs/rules.md): R-SEAT-PLURALITY, R-SEAT-MULTI-PLURALITY, R-SEAT-BLOCK,
//! R-SEAT-GENDER-CAP, R-SEAT-ONE-GENDER, R-SEAT-AGAINST-ALL, R-SEAT-TWO-ROUND,
//! R-SEAT-VACANCY.
//!
//! Rules (electoral rules §1 and §2):
//! - Rank the candidates whose results stand by votes, highest first; ties by the
//!   contest's tie rule (registration order by default, or lot).
//! - Multi-member plurality (Jogorku Kenesh 2025): the top N are elected, but at most
//!   `max_per_gender` of one gender; when the cap is reached the seat goes to the
//!   highest-ranked candidate of the other gender.
//! - A constituency whose candidates are all of one gender cannot elect when a cap
//!   applies: its election fails.
//! - "Against all": parameter `against_all_rule`, `none | beats_leader |
//!   beats_last_elected`, default `beats_leader`; when it applies and "against all"
//!   has *more* votes than the candidate it is compared with, the election fails.
//! - Two-round (President): elected with more than 50% of voters who took part;
//!   otherwise a run-off between the top two.
//! - Vacancy: the mandate goes to the next non-elected candidate of the same gender by
//!   votes; if none, to the best of the other gender.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::error::CountError;
use crate::step::Step;
use crate::tie::{Tie, TieBreak, TieRule};

/// A candidate's gender, as registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Gender {
    #[serde(rename = "M", alias = "male")]
    Male,
    #[serde(rename = "F", alias = "female")]
    Female,
}

impl Gender {
    fn word(self) -> &'static str {
        match self {
            Gender::Male => "men",
            Gender::Female => "women",
        }
    }
}

/// A candidate's result in one contest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateTally {
    pub id: String,
    pub votes: u64,
    pub gender: Option<Gender>,
    /// registration order: lower = registered earlier
    pub registered: u64,
}

/// When "against all" makes the election fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgainstAllRule {
    /// "Against all" never makes the election fail.
    None,
    /// The election fails when "against all" has more votes than the leading candidate.
    #[default]
    BeatsLeader,
    /// The election fails when "against all" has more votes than the last candidate
    /// elected (the one who took the last seat).
    BeatsLastElected,
}

/// How the seats of a candidate contest are decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateMethod {
    /// One seat: most votes wins.
    Plurality,
    /// Several seats, one vote per voter: the top N win, subject to the gender cap.
    MultiMemberPlurality,
    /// Several seats, as many votes per voter as seats: the top N win, subject to the
    /// gender cap. Counting is the same as multi-member plurality; only the ballot differs.
    Block,
    /// One seat: more than half of the voters who took part wins, else a run-off
    /// between the top two.
    TwoRound,
}

impl CandidateMethod {
    fn code(self) -> &'static str {
        match self {
            CandidateMethod::Plurality => "plurality",
            CandidateMethod::MultiMemberPlurality => "multi_member_plurality",
            CandidateMethod::Block => "block",
            CandidateMethod::TwoRound => "two_round",
        }
    }

    fn single_seat(self) -> bool {
        matches!(self, CandidateMethod::Plurality | CandidateMethod::TwoRound)
    }
}

/// The figures and rules of one candidate contest (for example one constituency).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateContest {
    pub method: CandidateMethod,
    pub seats: u32,
    pub candidates: Vec<CandidateTally>,
    /// votes "against all", if on the ballot
    pub against_all: Option<u64>,
    pub against_all_rule: AgainstAllRule,
    /// at most this many seats to one gender (Jogorku Kenesh 2025: `Some(2)`)
    pub max_per_gender: Option<u32>,
    pub tie_break: TieBreak,
    /// required when `tie_break` is `Lot` and a lot is needed
    pub seed: Option<String>,
    /// base for the two-round majority (else the sum of votes plus "against all")
    pub voters_took_part: Option<u64>,
}

/// The outcome of a contest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContestStatus {
    /// The seats are filled.
    Elected,
    /// The election failed; `reason` says why.
    Failed,
    /// No one was elected in the first round; `runoff` names who goes on.
    Runoff,
}

/// Why a contest failed or goes to a run-off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FailReason {
    /// "Against all" had more votes than the candidate it is compared with.
    AgainstAllWins {
        against_all: u64,
        /// the candidate compared with (the leader, or the last elected)
        compared_with: String,
        votes: u64,
    },
    /// Every candidate has the same gender, so the gender cap cannot be met.
    SingleGender { gender: Gender },
    /// The gender cap leaves seats that no candidate may take.
    GenderCapUnfillable { seats: u32, fillable: u32 },
    /// No candidate's result stands.
    NoCandidates,
    /// No candidate has more than half of the base (two-round).
    NoMajority {
        leader: String,
        votes: u64,
        base: u64,
    },
}

/// The result of a candidate contest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateOutcome {
    pub status: ContestStatus,
    /// ids in seat order
    pub elected: Vec<String>,
    /// ids going to a run-off (two-round), else empty
    pub runoff: Vec<String>,
    /// why the contest failed or goes to a run-off
    pub reason: Option<FailReason>,
    /// every tie met, also when the rule broke it
    pub ties: Vec<Tie>,
    /// the working, in order, for printing
    pub steps: Vec<Step>,
}

/// Decides the seats of a candidate contest.
///
/// Refuses (never panics on) bad input: no seats, several seats for a single-seat
/// method, empty or duplicate ids, a missing gender under a cap, a cap of 0, fewer
/// candidates than seats, a base smaller than the votes counted, or a tie that needs a
/// lot without a seed. A contest without candidates is not refused: it fails with
/// [`FailReason::NoCandidates`].
pub fn allocate_candidates(contest: &CandidateContest) -> Result<CandidateOutcome, CountError> {
    validate(contest)?;
    let rule = tie_rule(contest);
    let ranking = rank(&contest.candidates, rule);
    let c = &contest.candidates;
    let mut steps = Vec::new();

    if c.is_empty() {
        steps.push(Step::new(
            "no_candidates",
            vec![],
            "No candidate's result stands, so no one can be elected and the election fails.",
        ));
        return Ok(failed(FailReason::NoCandidates, vec![], steps));
    }
    let seats = contest.seats as usize;
    if c.len() < seats {
        return Err(CountError::TooManySeats {
            seats: u64::from(contest.seats),
            available: c.len() as u64,
            why: "there are fewer candidates than seats".into(),
        });
    }

    steps.push(Step::new(
        "rank",
        ranking.iter().map(|&i| c[i].id.clone()).collect(),
        format!(
            "Candidates ranked by votes, highest first, equal votes by {}: {}.",
            tie_rule_words(contest.tie_break),
            ranking
                .iter()
                .map(|&i| format!("{} {}", c[i].id, c[i].votes))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    ));

    // A cap binds only when it is below the number of seats; then a single-gender
    // field cannot satisfy it and the election fails (electoral rules §1).
    let binding_cap = contest.max_per_gender.filter(|&cap| cap < contest.seats);
    if let Some(cap) = binding_cap
        && let Some(gender) = single_gender(c)
    {
        steps.push(Step::new(
            "single_gender",
            vec![],
            format!(
                "All candidates are {}, but at most {cap} of the {} seats may go to one gender, so the election fails.",
                gender.word(),
                contest.seats
            ),
        ));
        return Ok(failed(FailReason::SingleGender { gender }, vec![], steps));
    }

    if contest.method == CandidateMethod::TwoRound {
        return two_round(contest, rule, &ranking, steps);
    }

    // Walk down the ranking; a candidate whose gender has reached the cap is passed
    // over, which gives the seat to the highest-ranked candidate of the other gender.
    let mut elected: Vec<usize> = Vec::with_capacity(seats);
    let mut per_gender: HashMap<Gender, u32> = HashMap::new();
    for &i in &ranking {
        if elected.len() == seats {
            break;
        }
        if let (Some(cap), Some(g)) = (binding_cap, c[i].gender) {
            let n = per_gender.entry(g).or_insert(0);
            if *n >= cap {
                steps.push(Step::new(
                    "gender_cap",
                    vec![c[i].id.clone()],
                    format!(
                        "{} ({} votes) is passed over: {cap} {} are already elected, the most one gender may have.",
                        c[i].id,
                        c[i].votes,
                        g.word()
                    ),
                ));
                continue;
            }
            *n += 1;
        }
        steps.push(Step::new(
            "elect",
            vec![c[i].id.clone()],
            format!(
                "{} ({} votes) takes seat {}.",
                c[i].id,
                c[i].votes,
                elected.len() + 1
            ),
        ));
        elected.push(i);
    }

    let ties = ties_at_boundary(c, &ranking, &elected, rule)?;
    for t in &ties {
        steps.push(tie_step(t));
    }

    if elected.len() < seats {
        let fillable = elected.len() as u32;
        steps.push(Step::new(
            "gender_cap",
            vec![],
            format!(
                "Only {fillable} of the {} seats can be filled without giving one gender more than {} seats, so the election fails.",
                contest.seats,
                binding_cap.unwrap_or(contest.seats)
            ),
        ));
        return Ok(failed(
            FailReason::GenderCapUnfillable {
                seats: contest.seats,
                fillable,
            },
            ties,
            steps,
        ));
    }

    let compared = match contest.against_all_rule {
        AgainstAllRule::None => None,
        AgainstAllRule::BeatsLeader => Some(ranking[0]),
        AgainstAllRule::BeatsLastElected => elected.last().copied(),
    };
    if let Some(reason) = against_all_check(contest, compared, &mut steps) {
        return Ok(failed(reason, ties, steps));
    }

    Ok(CandidateOutcome {
        status: ContestStatus::Elected,
        elected: elected.iter().map(|&i| c[i].id.clone()).collect(),
        runoff: vec![],
        reason: None,
        ties,
        steps,
    })
}

/// Two-round, first round: "against all" is compared with the leader (in a one-seat
/// contest the leader is also the last elected), then the leader needs more than half
/// of the base: voters who took part if given, else all votes cast for candidates plus
/// "against all".
fn two_round(
    contest: &CandidateContest,
    rule: TieRule<'_>,
    ranking: &[usize],
    mut steps: Vec<Step>,
) -> Result<CandidateOutcome, CountError> {
    let c = &contest.candidates;
    let leader = ranking[0];
    let base = majority_base(contest);
    if 2 * u128::from(c[leader].votes) > base {
        let ties = ties_at_boundary(c, ranking, &[leader], rule)?;
        steps.push(Step::new(
            "majority",
            vec![c[leader].id.clone()],
            format!(
                "{} has {} of {base} votes, more than half, and is elected in the first round.",
                c[leader].id, c[leader].votes
            ),
        ));
        if contest.against_all_rule != AgainstAllRule::None
            && let Some(reason) = against_all_check(contest, Some(leader), &mut steps)
        {
            return Ok(failed(reason, ties, steps));
        }
        return Ok(CandidateOutcome {
            status: ContestStatus::Elected,
            elected: vec![c[leader].id.clone()],
            runoff: vec![],
            reason: None,
            ties,
            steps,
        });
    }

    let reason = FailReason::NoMajority {
        leader: c[leader].id.clone(),
        votes: c[leader].votes,
        base: u64::try_from(base).unwrap_or(u64::MAX),
    };
    let finalists: Vec<usize> = ranking.iter().copied().take(2).collect();
    let ties = ties_at_boundary(c, ranking, &finalists, rule)?;
    for t in &ties {
        steps.push(tie_step(t));
    }
    if contest.against_all_rule != AgainstAllRule::None
        && let Some(reason) = against_all_check(contest, Some(leader), &mut steps)
    {
        return Ok(failed(reason, ties, steps));
    }
    if finalists.len() < 2 {
        steps.push(Step::new(
            "majority",
            vec![c[leader].id.clone()],
            format!(
                "The only candidate, {}, has {} of {base} votes, not more than half, so the election fails.",
                c[leader].id, c[leader].votes
            ),
        ));
        return Ok(failed(reason, ties, steps));
    }
    let ids: Vec<String> = finalists.iter().map(|&i| c[i].id.clone()).collect();
    steps.push(Step::new(
        "runoff",
        ids.clone(),
        format!(
            "No candidate has more than half of {base} votes (the leader, {}, has {}); {} and {} go to a run-off.",
            c[leader].id, c[leader].votes, ids[0], ids[1]
        ),
    ));
    Ok(CandidateOutcome {
        status: ContestStatus::Runoff,
        elected: vec![],
        runoff: ids,
        reason: Some(reason),
        ties,
        steps,
    })
}

/// The base of the two-round majority.
fn majority_base(contest: &CandidateContest) -> u128 {
    match contest.voters_took_part {
        Some(v) => u128::from(v),
        None => counted_votes(contest),
    }
}

fn counted_votes(contest: &CandidateContest) -> u128 {
    contest
        .candidates
        .iter()
        .map(|t| u128::from(t.votes))
        .sum::<u128>()
        + u128::from(contest.against_all.unwrap_or(0))
}

/// Compares "against all" with the given candidate; records the comparison and
/// returns the failure if "against all" has more votes.
fn against_all_check(
    contest: &CandidateContest,
    compared: Option<usize>,
    steps: &mut Vec<Step>,
) -> Option<FailReason> {
    let aa = contest.against_all?;
    let i = compared?;
    let t = &contest.candidates[i];
    let whom = match contest.against_all_rule {
        AgainstAllRule::BeatsLastElected => "the last elected",
        _ => "the leader",
    };
    if aa > t.votes {
        steps.push(Step::new(
            "against_all",
            vec![t.id.clone()],
            format!(
                "\"Against all\" has {aa} votes, more than {whom}, {} ({}), so the election fails.",
                t.id, t.votes
            ),
        ));
        Some(FailReason::AgainstAllWins {
            against_all: aa,
            compared_with: t.id.clone(),
            votes: t.votes,
        })
    } else {
        steps.push(Step::new(
            "against_all",
            vec![t.id.clone()],
            format!(
                "\"Against all\" has {aa} votes, not more than {whom}, {} ({}), so the election stands.",
                t.id, t.votes
            ),
        ));
        None
    }
}

fn failed(reason: FailReason, ties: Vec<Tie>, steps: Vec<Step>) -> CandidateOutcome {
    CandidateOutcome {
        status: ContestStatus::Failed,
        elected: vec![],
        runoff: vec![],
        reason: Some(reason),
        ties,
        steps,
    }
}

fn tie_rule(contest: &CandidateContest) -> TieRule<'_> {
    TieRule {
        rule: contest.tie_break,
        seed: contest.seed.as_deref(),
    }
}

fn tie_rule_words(rule: TieBreak) -> &'static str {
    match rule {
        TieBreak::RegistrationOrder => "registration order",
        TieBreak::Lot => "lot",
    }
}

pub(crate) fn tie_step(t: &Tie) -> Step {
    let how = match (&t.broken_by, &t.seed) {
        (TieBreak::Lot, Some(seed)) => format!("by lot with the seed \"{seed}\""),
        (TieBreak::Lot, None) => "by lot".to_owned(),
        (TieBreak::RegistrationOrder, _) => "by registration order".to_owned(),
    };
    Step::new(
        "tie",
        t.ids.clone(),
        format!(
            "Tie on {} at {} between {}; broken {how}, in favour of {}.",
            t.on.replace('_', " "),
            t.value,
            t.ids.join(", "),
            if t.winners.is_empty() {
                "no one".to_owned()
            } else {
                t.winners.join(", ")
            }
        ),
    )
}

/// Candidates' indices by votes, highest first, equal votes by the tie rule, and
/// (only if the tie key is equal too) by id, so that the order never depends on the
/// order of the input.
fn rank(c: &[CandidateTally], rule: TieRule<'_>) -> Vec<usize> {
    let keys: Vec<u64> = c.iter().map(|t| rule.key(&t.id, t.registered)).collect();
    let mut order: Vec<usize> = (0..c.len()).collect();
    order.sort_by(|&a, &b| {
        c[b].votes
            .cmp(&c[a].votes)
            .then(keys[a].cmp(&keys[b]))
            .then_with(|| c[a].id.cmp(&c[b].id))
    });
    order
}

/// The ties that decided something: groups of candidates with equal votes of whom
/// some were chosen (elected, or sent to the run-off) and some not. Refuses when such
/// a tie needed a lot and no seed was given, or needed registration order and two of
/// the tied candidates share a registration number.
fn ties_at_boundary(
    c: &[CandidateTally],
    ranking: &[usize],
    chosen: &[usize],
    rule: TieRule<'_>,
) -> Result<Vec<Tie>, CountError> {
    let chosen: HashSet<usize> = chosen.iter().copied().collect();
    let mut ties = Vec::new();
    let mut start = 0;
    while start < ranking.len() {
        let votes = c[ranking[start]].votes;
        let end = ranking[start..]
            .iter()
            .position(|&i| c[i].votes != votes)
            .map_or(ranking.len(), |n| start + n);
        let group = &ranking[start..end];
        let won = group.iter().filter(|i| chosen.contains(i)).count();
        if group.len() > 1 && won > 0 && won < group.len() {
            check_breakable(c, group, rule)?;
            ties.push(
                rule.tie(
                    "votes",
                    votes.to_string(),
                    group.iter().map(|&i| c[i].id.clone()).collect(),
                    group
                        .iter()
                        .filter(|i| chosen.contains(i))
                        .map(|&i| c[i].id.clone())
                        .collect(),
                ),
            );
        }
        start = end;
    }
    Ok(ties)
}

fn check_breakable(
    c: &[CandidateTally],
    group: &[usize],
    rule: TieRule<'_>,
) -> Result<(), CountError> {
    let tied: Vec<(&str, u64)> = group
        .iter()
        .map(|&i| (c[i].id.as_str(), c[i].registered))
        .collect();
    rule.check_breakable(&tied)
}

fn single_gender(c: &[CandidateTally]) -> Option<Gender> {
    let first = c.first()?.gender?;
    c.iter().all(|t| t.gender == Some(first)).then_some(first)
}

fn validate(contest: &CandidateContest) -> Result<(), CountError> {
    if contest.seats == 0 {
        return Err(CountError::NoSeats);
    }
    if contest.method.single_seat() && contest.seats != 1 {
        return Err(CountError::SeatsMustBeOne {
            method: contest.method.code().into(),
            seats: u64::from(contest.seats),
        });
    }
    if contest.max_per_gender == Some(0) {
        return Err(CountError::InvalidGenderCap);
    }
    crate::error::check_total(
        contest
            .candidates
            .iter()
            .map(|t| t.votes)
            .chain(contest.against_all),
    )?;
    let mut seen = HashSet::new();
    for t in &contest.candidates {
        if t.id.is_empty() {
            return Err(CountError::EmptyId);
        }
        if !seen.insert(t.id.as_str()) {
            return Err(CountError::DuplicateId { id: t.id.clone() });
        }
        if contest.max_per_gender.is_some() && t.gender.is_none() {
            return Err(CountError::MissingGender { id: t.id.clone() });
        }
    }
    if let Some(v) = contest.voters_took_part {
        let counted = counted_votes(contest);
        if u128::from(v) < counted {
            return Err(CountError::BaseBelowVotes {
                what: "number of voters who took part".into(),
                base: v,
                counted: u64::try_from(counted).unwrap_or(u64::MAX),
            });
        }
    }
    Ok(())
}

/// Vacancy: the mandate goes to the next non-elected candidate of the same gender by
/// votes; if none, the best of the other gender.
///
/// `elected` are the ids holding seats (including `vacated`). Candidates are ranked as
/// in [`allocate_candidates`], equal votes by the contest's tie rule. Returns `None`
/// when no candidate is left to take the seat. A vacated seat of a candidate without a
/// recorded gender goes to the best non-elected candidate.
pub fn succeed_vacancy(
    contest: &CandidateContest,
    elected: &[String],
    vacated: &str,
) -> Result<Option<String>, CountError> {
    validate(contest)?;
    let c = &contest.candidates;
    let index: HashMap<&str, usize> = c
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut holders = HashSet::new();
    for id in elected {
        let &i = index
            .get(id.as_str())
            .ok_or_else(|| CountError::UnknownCandidate { id: id.clone() })?;
        holders.insert(i);
    }
    let &gone = index
        .get(vacated)
        .ok_or_else(|| CountError::UnknownCandidate { id: vacated.into() })?;
    if !holders.contains(&gone) {
        return Err(CountError::NotElected { id: vacated.into() });
    }
    let rule = tie_rule(contest);
    let ranking = rank(c, rule);
    let free: Vec<usize> = ranking
        .into_iter()
        .filter(|i| !holders.contains(i))
        .collect();
    let want = c[gone].gender;
    let pool: Vec<usize> = match want {
        Some(g) if free.iter().any(|&i| c[i].gender == Some(g)) => free
            .into_iter()
            .filter(|&i| c[i].gender == Some(g))
            .collect(),
        _ => free,
    };
    let Some(&next) = pool.first() else {
        return Ok(None);
    };
    // If the successor ties with the next candidate of the pool, the tie rule decided.
    let rivals: Vec<usize> = pool
        .iter()
        .copied()
        .take_while(|&i| c[i].votes == c[next].votes)
        .collect();
    if rivals.len() > 1 {
        check_breakable(c, &rivals, rule)?;
    }
    Ok(Some(c[next].id.clone()))
}

#[cfg(test)]
mod tests;

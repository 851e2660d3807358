//! Referendums: is the vote valid, and does each question pass?
//!
//! Rules (docs/rules.md): R-REF-TURNOUT, R-REF-PASS.
//!
//! Rule (electoral rules §2, referendum [earlier]): valid with turnout above 30%; a
//! question passes with more than 50% of participants. Both shares are parameters;
//! both comparisons are strict ("above", "more than") and exact.

use serde::{Deserialize, Serialize};

use crate::error::CountError;
use crate::rational::Ratio;
use crate::step::Step;

/// One question's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionTally {
    pub id: String,
    pub yes: u64,
    pub no: u64,
}

/// A referendum's figures and rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referendum {
    pub registered_voters: u64,
    /// voters who took part
    pub took_part: u64,
    /// the turnout the referendum must exceed to be valid (a fraction of one; 30%)
    pub turnout_threshold: Ratio,
    /// the share of participants a question must exceed to pass (50%)
    pub pass_share: Ratio,
    pub questions: Vec<QuestionTally>,
}

/// One question's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionOutcome {
    pub id: String,
    pub yes: u64,
    pub no: u64,
    /// yes / voters who took part
    pub yes_share: Ratio,
    pub passed: bool,
}

/// A referendum's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferendumOutcome {
    pub valid: bool,
    /// took part / registered voters
    pub turnout: Ratio,
    pub questions: Vec<QuestionOutcome>,
    pub steps: Vec<Step>,
}

/// Decides a referendum. A question can pass only if the referendum is valid.
pub fn decide_referendum(r: &Referendum) -> Result<ReferendumOutcome, CountError> {
    for (what, s) in [
        ("turnout threshold", r.turnout_threshold),
        ("pass share", r.pass_share),
    ] {
        if s > Ratio::integer(1) {
            return Err(CountError::ThresholdAbove100 {
                what: what.into(),
                value: s.percent_text(),
            });
        }
    }
    if r.took_part > r.registered_voters {
        return Err(CountError::Inconsistent {
            why: format!(
                "{} voters took part but only {} are registered",
                r.took_part, r.registered_voters
            ),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for q in &r.questions {
        if q.id.is_empty() {
            return Err(CountError::EmptyId);
        }
        if !seen.insert(q.id.as_str()) {
            return Err(CountError::DuplicateId { id: q.id.clone() });
        }
        if u128::from(q.yes) + u128::from(q.no) > u128::from(r.took_part) {
            return Err(CountError::BaseBelowVotes {
                what: format!("number of voters who took part (question {})", q.id),
                base: r.took_part,
                counted: q.yes.saturating_add(q.no),
            });
        }
    }
    let share =
        |n: u64, d: u64| Ratio::new(u128::from(n), u128::from(d)).unwrap_or(Ratio::integer(0));
    let turnout = share(r.took_part, r.registered_voters);
    let valid = r.registered_voters > 0 && turnout > r.turnout_threshold;
    let mut steps = vec![Step::new(
        "turnout",
        vec![],
        format!(
            "Turnout: {} of {} registered voters took part, {}%; the referendum is {} (it needs more than {}%).",
            r.took_part,
            r.registered_voters,
            Ratio::new(
                u128::from(r.took_part) * 100,
                u128::from(r.registered_voters)
            )
            .map_or_else(|| "0".into(), |x| x.decimal(2)),
            if valid { "valid" } else { "not valid" },
            r.turnout_threshold.percent_text()
        ),
    )];
    let questions = r
        .questions
        .iter()
        .map(|q| {
            let yes_share = share(q.yes, r.took_part);
            let passed = valid && r.took_part > 0 && yes_share > r.pass_share;
            steps.push(Step::new(
                "question",
                vec![q.id.clone()],
                format!(
                    "Question {}: {} yes of {} who took part ({}%); it {} (it needs more than {}%{}).",
                    q.id,
                    q.yes,
                    r.took_part,
                    Ratio::new(u128::from(q.yes) * 100, u128::from(r.took_part))
                        .map_or_else(|| "0".into(), |x| x.decimal(2)),
                    if passed { "passes" } else { "does not pass" },
                    r.pass_share.percent_text(),
                    if valid { "" } else { " and a valid referendum" }
                ),
            ));
            QuestionOutcome {
                id: q.id.clone(),
                yes: q.yes,
                no: q.no,
                yes_share,
                passed,
            }
        })
        .collect();
    Ok(ReferendumOutcome {
        valid,
        turnout,
        questions,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn referendum(registered: u64, took_part: u64, yes: u64, no: u64) -> Referendum {
        Referendum {
            registered_voters: registered,
            took_part,
            turnout_threshold: Ratio::parse_percent("t", "30").unwrap(),
            pass_share: Ratio::parse_percent("t", "50").unwrap(),
            questions: vec![QuestionTally {
                id: "Q1".into(),
                yes,
                no,
            }],
        }
    }

    #[test]
    fn referendum_is_valid_only_with_turnout_above_30_percent() {
        assert!(
            !decide_referendum(&referendum(1_000, 300, 290, 10))
                .unwrap()
                .valid
        );
        let out = decide_referendum(&referendum(1_000, 301, 290, 10)).unwrap();
        assert!(out.valid);
        assert!(out.questions[0].passed);
        // An invalid referendum passes nothing.
        assert!(
            !decide_referendum(&referendum(1_000, 300, 290, 10))
                .unwrap()
                .questions[0]
                .passed
        );
    }

    #[test]
    fn question_passes_only_with_more_than_half_of_participants() {
        // 500 of 1,000 participants is exactly half: not more.
        let out = decide_referendum(&referendum(2_000, 1_000, 500, 400)).unwrap();
        assert!(!out.questions[0].passed);
        let out = decide_referendum(&referendum(2_000, 1_000, 501, 400)).unwrap();
        assert!(out.questions[0].passed);
        // The base is participants, not valid votes: 480 yes against 20 no is 96% of
        // valid votes but 48% of participants.
        let out = decide_referendum(&referendum(2_000, 1_000, 480, 20)).unwrap();
        assert!(!out.questions[0].passed);
    }

    #[test]
    fn referendum_refuses_impossible_figures() {
        assert_eq!(
            decide_referendum(&referendum(100, 101, 1, 1))
                .unwrap_err()
                .code(),
            "INCONSISTENT_FIGURES"
        );
        assert_eq!(
            decide_referendum(&referendum(100, 10, 8, 8))
                .unwrap_err()
                .code(),
            "BASE_BELOW_VOTES"
        );
        let mut r = referendum(100, 50, 1, 1);
        r.pass_share = Ratio::parse_percent("t", "101").unwrap();
        assert_eq!(
            decide_referendum(&r).unwrap_err().code(),
            "THRESHOLD_ABOVE_100"
        );
    }
}

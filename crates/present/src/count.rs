//! A counting refusal (`tandoo_count::CountError`) in words, its fields as arguments; and
//! why a contest's count cannot be made (`tandoo_core::results::AllocationError`), as a
//! view's `count_error` carries it.

use crate::{Language, catalog};
use fluent_bundle::FluentArgs;
use tandoo_core::results::AllocationError;
use tandoo_count::{CountError, FailReason};

/// Why the count cannot be made or elects nobody, in `language` (`allocation-…`, or the
/// count's own refusal).
pub fn allocation_error(why: &AllocationError, language: Language) -> String {
    let key = match why {
        AllocationError::NoElection(election) => {
            let mut args = FluentArgs::new();
            args.set("election", election.as_str());
            return catalog::text(language, "allocation-no_election", Some(&args));
        }
        AllocationError::Cancelled => "allocation-cancelled",
        AllocationError::NothingCounted => "allocation-nothing_counted",
        AllocationError::Failed(Some(FailReason::AgainstAllWins { .. })) => {
            "allocation-against_all_wins"
        }
        AllocationError::Failed(Some(FailReason::SingleGender { .. })) => {
            "allocation-single_gender"
        }
        AllocationError::Failed(Some(FailReason::GenderCapUnfillable { .. })) => {
            "allocation-gender_cap_unfillable"
        }
        AllocationError::Failed(Some(FailReason::NoCandidates)) => "allocation-no_candidates",
        AllocationError::Failed(Some(FailReason::NoMajority { .. })) => "allocation-no_majority",
        AllocationError::Failed(None) => "allocation-run_off",
        AllocationError::Count(error) => return count_error(error, language),
    };
    catalog::text(language, key, None)
}

/// The count's refusal as a sentence in `language`.
pub fn count_error(error: &CountError, language: Language) -> String {
    let mut args = FluentArgs::new();
    match error {
        CountError::NegativeVotes { id, value } => {
            args.set("id", id.as_str());
            args.set("value", value.as_str());
        }
        CountError::TooManySeats {
            seats,
            available,
            why,
        } => {
            args.set("seats", *seats);
            args.set("available", *available);
            args.set("why", why.as_str());
        }
        CountError::NoSeats
        | CountError::EmptyId
        | CountError::InvalidGenderCap
        | CountError::MissingSeed => {}
        CountError::SeatsMustBeOne { method, seats } => {
            args.set("method", method.as_str());
            args.set("seats", *seats);
        }
        CountError::UnknownMethod { method } => args.set("method", method.as_str()),
        CountError::DuplicateId { id }
        | CountError::MissingGender { id }
        | CountError::UnknownCandidate { id }
        | CountError::NotElected { id } => args.set("id", id.as_str()),
        CountError::VotesTooLarge { limit } => args.set("limit", *limit),
        CountError::ThresholdAbove100 { what, value } => {
            args.set("what", what.as_str());
            args.set("value", value.as_str());
        }
        CountError::RegistrationTie { first, second } => {
            args.set("first", first.as_str());
            args.set("second", second.as_str());
        }
        CountError::BaseBelowVotes {
            what,
            base,
            counted,
        } => {
            args.set("what", what.as_str());
            args.set("base", *base);
            args.set("counted", *counted);
        }
        CountError::InvalidNumber { field, value, why } => {
            args.set("field", field.as_str());
            args.set("value", value.as_str());
            args.set("why", why.as_str());
        }
        CountError::MissingField { field } => args.set("field", field.as_str()),
        CountError::InvalidField { field, why } => {
            args.set("field", field.as_str());
            args.set("why", why.as_str());
        }
        CountError::UnknownRegion { party, region }
        | CountError::MissingRegion { party, region } => {
            args.set("party", party.as_str());
            args.set("region", region.as_str());
        }
        CountError::RegionBaseBelowVotes {
            region,
            base,
            counted,
        } => {
            args.set("region", region.as_str());
            args.set("base", *base);
            args.set("counted", *counted);
        }
        CountError::Inconsistent { why } => args.set("why", why.as_str()),
        // CountError is non-exhaustive for other crates: a refusal added to count after
        // this was written still gets its catalog message, with no arguments.
        _ => {}
    }
    catalog::text(language, &format!("count-{}", error.code()), Some(&args))
}

/// The count's steps for a contest in `language`, each with its rule's code: who is ranked,
/// who takes which seat (seats numbered as they are taken), who is passed over and why.
/// The counting library's own sentence beside each step is English, for the record; these
/// are worded from the step's rule and the candidates it names.
pub fn steps(
    contest: &tandoo_core::results::ContestView,
    language: Language,
) -> Vec<(&str, String)> {
    let Some(outcome) = &contest.allocation else {
        return Vec::new();
    };
    let mut seat = 0;
    outcome
        .steps
        .iter()
        .map(|step| {
            if step.rule == "elect" {
                seat += 1;
            }
            (
                step.rule.as_str(),
                step_words(contest, step, seat, outcome.status, language),
            )
        })
        .collect()
}

fn step_words(
    contest: &tandoo_core::results::ContestView,
    step: &tandoo_count::Step,
    seat: u32,
    status: tandoo_count::ContestStatus,
    language: Language,
) -> String {
    use tandoo_count::ContestStatus;
    let candidate = |id: &String| contest.candidates.iter().find(|c| c.id.as_str() == id);
    let names: Vec<String> = step
        .ids
        .iter()
        .map(|id| {
            candidate(id).map_or_else(
                || id.clone(),
                |c| crate::words::name(&c.name, c.latin_name.as_deref(), language).to_owned(),
            )
        })
        .collect();
    let mut args = FluentArgs::new();
    args.set("names", names.join(", "));
    if let Some(first) = step.ids.first() {
        args.set("name", names[0].clone());
        args.set("votes", candidate(first).map_or(0, |c| c.votes));
    }
    args.set("seat", seat);
    args.set("against", contest.against_all);
    let key = match (step.rule.as_str(), step.ids.is_empty()) {
        ("rank", _) => "rank",
        ("elect", _) => "elect",
        ("gender_cap", false) => "gender-cap",
        ("gender_cap", true) => "gender-cap-fails",
        ("against_all", _) if status == ContestStatus::Failed => "against-all-fails",
        ("against_all", _) => "against-all-stands",
        ("tie", _) => "tie",
        ("majority", _) if status == ContestStatus::Elected => "majority",
        ("majority", _) => "majority-fails",
        ("runoff", _) => "runoff",
        ("single_gender", _) => "single-gender",
        ("no_candidates", _) => "no-candidates",
        _ => "other",
    };
    catalog::text(language, &format!("count-step-{key}"), Some(&args))
}

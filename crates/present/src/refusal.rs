//! A refusal in words: the catalog message of its code, with its fields as arguments.
//! Fields that core gives as codes (a role, a standing, the kind of thing not found, the field
//! of a command a bound names) are worded too, and so are the English phrases core names an
//! action or a thing by, where the catalog knows the phrase; other English fields (a count's
//! reason, a bad value's detail, an action that names a commission) are passed as they are
//! until core gives them as data.

use crate::{Language, catalog, control, number, words};
use fluent_bundle::FluentArgs;
use tandoo_core::Refusal;
use tandoo_core::candidate::Standing;
use tandoo_core::results::AllocationError;
use tandoo_count::FailReason;

/// The refusal as a sentence in `language`, for the terminal or a document.
pub fn refusal(refusal: &Refusal, language: Language) -> String {
    let mut args = FluentArgs::new();
    match refusal {
        Refusal::NotAuthorised { role, action } => {
            args.set("role", role_word(role, language));
            args.set("action", words::action(action, language));
        }
        Refusal::OutsideCompetence { commission, action } => {
            args.set("commission", commission.as_str());
            args.set("action", words::action(action, language));
        }
        Refusal::Unknown { what, id } => {
            args.set("what", words::entity(what, language));
            args.set("id", id.as_str());
        }
        Refusal::AlreadyExists { what, id } => {
            args.set("what", words::entity(what, language));
            args.set("id", id.as_str());
        }
        Refusal::DuplicateCandidate {
            person,
            name,
            election,
            existing,
        } => {
            args.set("person", person.as_str());
            args.set("name", name.as_str());
            args.set("election", election.as_str());
            args.set("existing", existing.as_str());
        }
        Refusal::AlreadyRegistered { candidate } => args.set("candidate", candidate.as_str()),
        Refusal::WrongStanding {
            candidate,
            standing,
            action,
        } => {
            args.set("candidate", candidate.as_str());
            args.set("standing", standing_word(standing, language));
            args.set("action", words::standing_action(action, language));
        }
        Refusal::FeeNotPaid {
            candidate,
            paid,
            fee,
        } => {
            args.set("candidate", candidate.as_str());
            args.set("paid", money_text(paid, language));
            args.set("fee", money_text(fee, language));
        }
        Refusal::CandidateBarred {
            name,
            latin_name,
            constituency,
            resolution,
        } => {
            args.set(
                "name",
                words::name(name, latin_name.as_deref(), language).to_string(),
            );
            args.set("constituency", constituency.to_string());
            args.set("resolution", resolution.as_str());
        }
        Refusal::ElectionCancelled {
            election,
            resolution,
        } => {
            args.set("election", election.as_str());
            args.set("resolution", resolution.as_str());
        }
        Refusal::ConstituencyNotInElection {
            election,
            constituency,
        } => {
            args.set("election", election.as_str());
            args.set("constituency", constituency.to_string());
        }
        Refusal::ProtocolRejected { failures } => {
            args.set("count", failures.len());
            let each: Vec<String> = failures
                .iter()
                .map(|f| control::control_failure(f, language))
                .collect();
            args.set("failures", each.join("; "));
        }
        Refusal::WarningsNotAcknowledged { warnings } => {
            args.set("count", warnings.len());
            let each: Vec<String> = warnings
                .iter()
                .map(|w| control::warning(w, language))
                .collect();
            args.set("warnings", each.join("; "));
        }
        Refusal::ProtocolAlreadyAccepted {
            station,
            constituency,
        }
        | Refusal::EntriesDiffer {
            station,
            constituency,
        }
        | Refusal::NothingToSettle {
            station,
            constituency,
        }
        | Refusal::NoProtocol {
            station,
            constituency,
        } => {
            // Numbers of stations and constituencies are names, not quantities: never grouped.
            args.set("station", station.to_string());
            args.set("constituency", constituency.to_string());
        }
        Refusal::SameOperator { operator, entry } => {
            args.set("operator", operator.as_str());
            args.set("entry", entry.to_string());
        }
        Refusal::DuplicateVote { member } => args.set("member", member.as_str()),
        Refusal::ResolutionNumberTaken { resolution } => {
            args.set("resolution", resolution.as_str())
        }
        Refusal::NotInForce { resolution, why } => {
            args.set("resolution", resolution.as_str());
            args.set("why", words::why(why, language));
        }
        Refusal::ElectedNotAllocated {
            constituency,
            allocated,
            named,
        } => {
            args.set("constituency", constituency.to_string());
            args.set("allocated", allocated.as_str());
            args.set("named", named.as_str());
        }
        Refusal::CountFailed {
            constituency,
            reason,
        } => {
            args.set("constituency", constituency.to_string());
            args.set("reason", reason.as_str());
        }
        Refusal::RefersToLater {
            what,
            id,
            dated,
            date,
        } => {
            let what = words::code_of(what, None)
                .map(|code| catalog::text(language, &format!("referent-{code}"), None))
                .unwrap_or_default();
            args.set("what", what);
            args.set("id", id.as_str());
            args.set("dated", crate::date::date(*dated, language));
            args.set("date", crate::date::date(*date, language));
        }
        Refusal::OpenComplaints {
            constituency,
            complaints,
        } => {
            args.set("constituency", constituency.to_string());
            args.set("count", complaints.len());
            let ids: Vec<&str> = complaints.iter().map(|c| c.as_str()).collect();
            args.set("complaints", ids.join(", "));
        }
        Refusal::ResultRecognised {
            station,
            constituency,
            resolution,
        } => {
            args.set("station", station.to_string());
            args.set("constituency", constituency.to_string());
            args.set("resolution", resolution.to_string());
        }
        Refusal::CountElectsNobody { constituency, why } => {
            args.set("constituency", constituency.to_string());
            args.set("why", allocation(why, language));
        }
        Refusal::LotNotDrawnInMeeting { member, meeting } => {
            args.set("member", member.as_str());
            match meeting {
                Some(meeting) => {
                    args.set("named", "yes");
                    args.set("meeting", meeting.as_str());
                }
                None => args.set("named", "no"),
            }
        }
        Refusal::BadLotSeed { max } => {
            args.set("max", *max);
        }
        Refusal::SettlerMadeEntry {
            settler,
            station,
            constituency,
            entry,
        } => {
            args.set("settler", settler.as_str());
            args.set("station", station.to_string());
            args.set("constituency", constituency.to_string());
            args.set("entry", entry.to_string());
        }
        Refusal::StationOutsideConstituency {
            election,
            station,
            home,
            constituency,
        } => {
            args.set("election", election.as_str());
            args.set("station", station.to_string());
            args.set("home", home.to_string());
            args.set("constituency", constituency.to_string());
        }
        Refusal::NoFreeResolutionNumber { commission, year } => {
            args.set("commission", commission.as_str());
            args.set("year", year.to_string());
        }
        Refusal::ResolutionNumberTooLarge { number, max } => {
            // A resolution's number names it, so it is not grouped; nor is the largest.
            args.set("number", number.to_string());
            args.set("max", max.to_string());
        }
        Refusal::IdentifierTooLong { field, length, max }
        | Refusal::TextTooLong { field, length, max } => {
            args.set("field", words::field(field, language));
            args.set("length", *length);
            args.set("max", *max);
        }
        Refusal::EmptyIdentifier { field } | Refusal::BlankText { field } => {
            args.set("field", words::field(field, language));
        }
        Refusal::BadCharacter { field, code_point } => {
            args.set("field", words::field(field, language));
            // The character itself may be invisible or move the text around it; its code
            // point is what a reader can look up.
            args.set("character", format!("U+{code_point:04X}"));
        }
        Refusal::CommandTooLarge { size, max } => {
            // Quantities: grouped, and the plural form chosen by them.
            args.set("size", *size);
            args.set("max", *max);
        }
        Refusal::BadValue(detail) => args.set("detail", detail.as_str()),
    }
    catalog::text(
        language,
        &format!("refusal-{}", refusal.code()),
        Some(&args),
    )
}

/// Core names the role by its code (`secretary`); the reader gets the word.
fn role_word(code: &str, language: Language) -> String {
    catalog::message(language, &format!("role-{code}"), None).unwrap_or_else(|| code.to_string())
}

/// Core names the standing by its code (`withdrawn`); the reader gets the word.
fn standing_word(code: &str, language: Language) -> String {
    let known = serde_json::from_value::<Standing>(serde_json::Value::String(code.into()));
    match known {
        Ok(standing) => words::standing(standing, language),
        Err(_) => code.to_string(),
    }
}

/// Core gives sums of money as `Money`'s text (`300,000.00`); they are written again in
/// the reader's way (`300 000 сом`). Text of another shape is passed as it is.
fn money_text(text: &str, language: Language) -> String {
    match tyiyn(text) {
        Some(tyiyn) => number::money(tyiyn, language),
        None => text.to_string(),
    }
}

/// The tyiyn of `Money`'s text: digits grouped by commas, a point, two digits.
fn tyiyn(text: &str) -> Option<u64> {
    let (whole, cents) = text.split_once('.')?;
    let grouped_well = whole.split(',').enumerate().all(|(i, group)| {
        !group.is_empty()
            && group.len() <= 3
            && (i == 0 || group.len() == 3)
            && group.bytes().all(|b| b.is_ascii_digit())
    });
    if !grouped_well || cents.len() != 2 || !cents.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u64 = whole.replace(',', "").parse().ok()?;
    let cents: u64 = cents.parse().ok()?;
    whole.checked_mul(100)?.checked_add(cents)
}

/// Why a count elects nobody, in words.
fn allocation(why: &AllocationError, language: Language) -> String {
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
        AllocationError::Count(error) => return crate::count::count_error(error, language),
    };
    catalog::text(language, key, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::money::Money;

    #[test]
    fn money_text_from_core_is_read_back_to_tyiyn() {
        assert_eq!(tyiyn(&Money::whole(300_000).to_string()), Some(30_000_000));
        assert_eq!(tyiyn(&Money(5).to_string()), Some(5));
        assert_eq!(tyiyn("1,250.50"), Some(125_050));
        assert_eq!(tyiyn("12,50.00"), None);
        assert_eq!(tyiyn("300000"), None);
    }
}

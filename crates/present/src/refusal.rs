//! A refusal in words: the catalog message of its code, with its fields as arguments. Every
//! field core gives as a code (a role, a standing, a command or an effect, the kind of thing
//! not found, why a resolution is not in force, the field of a command) is worded by the
//! catalog, money and quantities are written as the reader's language writes them, and
//! names in the reader's script.

use crate::{Language, catalog, control, money, number, words};
use fluent_bundle::FluentArgs;
use tandoo_core::Refusal;
use tandoo_core::ids::CandidateId;
use tandoo_core::protocol::FormError;
use tandoo_core::refusal::Concerning;

/// The refusal as a sentence in `language`, for the terminal, an API answer or a document.
pub fn refusal(refusal: &Refusal, language: Language) -> String {
    let mut args = FluentArgs::new();
    // Numbers of stations, constituencies, entries and years are names, not quantities:
    // they are set as text, so that they are never grouped.
    let name = |n: &dyn ToString| n.to_string();
    match refusal {
        Refusal::NotAuthorised { role, action } => {
            args.set("role", words::role(*role, language));
            // English chooses the article by the role ("an operator", "a secretary").
            args.set("role_code", words::code_of(role, None).unwrap_or_default());
            args.set("action", words::command_action(*action, language));
        }
        Refusal::OutsideCompetence {
            commission,
            action,
            concerning,
        } => {
            args.set("commission", commission.as_str());
            args.set("action", words::action(*action, language));
            let (kind, target) = match concerning {
                None => ("none", String::new()),
                Some(Concerning::Commission(id)) => ("commission", id.to_string()),
                Some(Concerning::Constituency(n)) => ("constituency", n.to_string()),
                Some(Concerning::Candidate(id)) => ("candidate", id.to_string()),
                Some(Concerning::Resolution(r)) => ("resolution", r.to_string()),
            };
            args.set("concerning", kind);
            args.set("target", target);
        }
        Refusal::Unknown { id, within, .. } => {
            args.set("id", id.as_str());
            match within {
                Some(commission) => {
                    args.set("within", "yes");
                    args.set("commission", commission.as_str());
                }
                None => args.set("within", "no"),
            }
        }
        Refusal::AlreadyExists { entity, id } => {
            args.set("what", words::entity(*entity, language));
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
        Refusal::AlreadyRegistered { candidate } | Refusal::NoFeeToRefund { candidate } => {
            args.set("candidate", candidate.as_str())
        }
        Refusal::WrongStanding {
            candidate,
            standing,
            action,
        } => {
            args.set("candidate", candidate.as_str());
            args.set("standing", words::standing(*standing, language));
            args.set("action", words::standing_action(*action, language));
        }
        Refusal::FeeNotPaid {
            candidate,
            paid,
            fee,
        } => {
            args.set("candidate", candidate.as_str());
            args.set("paid", money::money(paid.0, language));
            args.set("fee", money::money(fee.0, language));
        }
        Refusal::CandidateBarred {
            name,
            latin_name,
            constituency,
            resolution,
        } => {
            let shown = words::name(name, latin_name.as_deref(), language);
            args.set("name", shown.to_string());
            args.set("constituency", constituency.to_string());
            args.set("resolution", resolution.to_string());
        }
        Refusal::ElectionCancelled {
            election,
            resolution,
        } => {
            args.set("election", election.as_str());
            args.set("resolution", resolution.to_string());
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
        }
        | Refusal::NothingToCorrect {
            station,
            constituency,
        } => {
            args.set("station", name(station));
            args.set("constituency", name(constituency));
        }
        Refusal::NoSuchEntry {
            station,
            constituency,
            entry,
        } => {
            args.set("station", name(station));
            args.set("constituency", name(constituency));
            args.set("entry", name(entry));
        }
        Refusal::SameOperator { operator, entry } => {
            args.set("operator", operator.as_str());
            args.set("entry", name(entry));
        }
        Refusal::DuplicateVote { member } => args.set("member", member.as_str()),
        Refusal::ResolutionNumberTaken { resolution } => {
            args.set("resolution", resolution.to_string())
        }
        Refusal::NotInForce { resolution, why } => {
            args.set("resolution", resolution.to_string());
            args.set("why", words::lapse(*why, language));
        }
        Refusal::ElectedNotAllocated {
            constituency,
            allocated,
            named,
        } => {
            args.set("constituency", name(constituency));
            args.set("allocated", candidates(allocated, language));
            args.set("named", candidates(named, language));
        }
        Refusal::CountFailed {
            constituency,
            declared_invalid_by,
        } => {
            args.set("constituency", name(constituency));
            args.set("resolution", declared_invalid_by.to_string());
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
            args.set("constituency", name(constituency));
            args.set("count", complaints.len());
            let ids: Vec<&str> = complaints.iter().map(|c| c.as_str()).collect();
            args.set("complaints", ids.join(", "));
        }
        Refusal::ResultRecognised {
            station,
            constituency,
            resolution,
        } => {
            args.set("station", name(station));
            args.set("constituency", name(constituency));
            args.set("resolution", resolution.to_string());
        }
        Refusal::CountElectsNobody { constituency, why } => {
            args.set("constituency", name(constituency));
            args.set("why", crate::count::allocation_error(why, language));
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
            args.set("station", name(station));
            args.set("constituency", name(constituency));
            args.set("entry", name(entry));
        }
        Refusal::StationOutsideConstituency {
            election,
            station,
            home,
            constituency,
        } => {
            args.set("election", election.as_str());
            args.set("station", name(station));
            args.set("home", name(home));
            args.set("constituency", name(constituency));
        }
        Refusal::NoFreeResolutionNumber { commission, year } => {
            args.set("commission", commission.as_str());
            args.set("year", name(year));
        }
        Refusal::ResolutionNumberTooLarge { number, max } => {
            // A resolution's number names it, so it is not grouped; nor is the largest.
            args.set("number", name(number));
            args.set("max", name(max));
        }
        Refusal::IdentifierTooLong { field, length, max }
        | Refusal::TextTooLong { field, length, max } => {
            args.set("field", words::field(field, language));
            args.set("length", *length);
            args.set("max", *max);
        }
        Refusal::EmptyIdentifier { field }
        | Refusal::BlankText { field }
        | Refusal::EmptyList { field } => {
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
        Refusal::ResolutionNumberZero | Refusal::ZeroPayment => {}
        Refusal::NoSeats { constituency } => args.set("constituency", name(constituency)),
        Refusal::FigureTooLarge { field, value, max } => {
            args.set("field", words::field(field, language));
            args.set("value", number::whole(*value, language));
            args.set("max", number::whole(*max, language));
        }
        Refusal::BadVotingRule { rule } => {
            let fraction =
                |f: tandoo_core::commission::Fraction| format!("{}/{}", f.numerator, f.denominator);
            args.set("quorum", fraction(rule.quorum));
            args.set("majority", fraction(rule.majority));
        }
        Refusal::RepeatMismatch { kind } => {
            args.set("kind", words::code_of(kind, None).unwrap_or_default());
        }
        Refusal::FormNotUsable { why } => args.set("why", form_error(why, language)),
        Refusal::PaymentTooLarge { amount, max } => {
            args.set("amount", money::money(amount.0, language));
            args.set("max", money::money(max.0, language));
        }
        Refusal::LineNotOnForm { line } => args.set("line", line.as_str()),
        Refusal::NotOnBallot {
            candidate,
            election,
            constituency,
        }
        | Refusal::NotInContest {
            candidate,
            election,
            constituency,
        }
        | Refusal::HoldsNoSeat {
            candidate,
            election,
            constituency,
        } => {
            args.set("candidate", candidate.as_str());
            args.set("election", election.as_str());
            args.set("constituency", name(constituency));
        }
        Refusal::EffectsDoNotApply { error } => args.set("error", error.code()),
    }
    catalog::text(
        language,
        &format!("refusal-{}", refusal.code()),
        Some(&args),
    )
}

/// Candidates named by a refusal, by their ids; "nobody" for none.
fn candidates(ids: &[CandidateId], language: Language) -> String {
    if ids.is_empty() {
        return catalog::text(language, "nobody", None);
    }
    let ids: Vec<&str> = ids.iter().map(CandidateId::as_str).collect();
    ids.join(", ")
}

/// Why a protocol form is not usable, in words.
fn form_error(why: &FormError, language: Language) -> String {
    let mut args = FluentArgs::new();
    match why {
        FormError::LineCode { line } => args.set("line", line.as_str()),
        FormError::NoLines => {}
        FormError::RoleNotALine { term } => args.set("term", term.as_str()),
        FormError::RelationCode { relation } | FormError::EmptySide { relation } => {
            args.set("relation", relation.as_str())
        }
        FormError::UnknownTerm { relation, term } => {
            args.set("relation", relation.as_str());
            args.set("term", term.as_str());
        }
        FormError::PercentAbove100 { relation, percent } => {
            args.set("relation", relation.as_str());
            args.set("percent", *percent);
        }
    }
    catalog::text(language, &format!("form-error-{}", why.code()), Some(&args))
}

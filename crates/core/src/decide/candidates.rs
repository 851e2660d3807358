//! Candidates: nomination, fee, registration, refusal, withdrawal.

use super::authority::{Target, authorise};
use crate::act::Act;
use crate::actor::Actor;
use crate::candidate::{Candidate, Nomination, Standing};
use crate::command::{PayFee, RefuseRegistration, RegisterCandidate, WithdrawCandidate};
use crate::ids::CandidateId;
use crate::money::Money;
use crate::permission::CommandKind;

/// The largest single fee payment recorded: a thousand million in whole currency units.
const MAX_PAYMENT: Money = Money(100_000_000_000);
use crate::refusal::Refusal;
use crate::state::State;

pub fn nominate(state: &State, actor: &Actor, nomination: &Nomination) -> Result<Act, Refusal> {
    authorise(
        state,
        actor,
        CommandKind::NominateCandidate,
        Target::Constituency(nomination.constituency),
        "nominate candidates",
    )?;
    let election = state.open_election(&nomination.election)?;
    if !election
        .call
        .constituencies
        .contains(&nomination.constituency)
    {
        return Err(Refusal::ConstituencyNotInElection {
            election: nomination.election.to_string(),
            constituency: nomination.constituency.0,
        });
    }
    if state.candidates.contains_key(&nomination.id) {
        return Err(Refusal::AlreadyExists {
            what: "candidate",
            id: nomination.id.to_string(),
        });
    }
    if let Some(existing) = state
        .candidacies
        .get(&(nomination.election.clone(), nomination.person.clone()))
    {
        return Err(Refusal::DuplicateCandidate {
            person: nomination.person.to_string(),
            name: nomination.name.clone(),
            election: nomination.election.to_string(),
            existing: existing.to_string(),
        });
    }
    if let Some(bar) = state.bar_from(&nomination.person, election, nomination.constituency) {
        return Err(Refusal::CandidateBarred {
            name: nomination.name.clone(),
            latin_name: nomination.latin_name.clone(),
            constituency: nomination.constituency.0,
            resolution: state.cited(bar),
        });
    }
    Ok(Act::CandidateNominated(nomination.clone()))
}

pub fn pay_fee(state: &State, actor: &Actor, command: &PayFee) -> Result<Act, Refusal> {
    let PayFee {
        candidate: id,
        amount,
        reference,
    } = command;
    let amount = *amount;
    let candidate = staff_candidate(state, actor, id, CommandKind::PayFee, "record fees")?;
    // A bound far above any fee keeps every sum of payments exact.
    if amount.0 > MAX_PAYMENT.0 {
        return Err(Refusal::BadValue(format!(
            "a fee payment of {amount} is beyond any fee (at most {MAX_PAYMENT})"
        )));
    }
    if amount.0 == 0 {
        return Err(Refusal::BadValue(
            "a fee payment must be more than zero".into(),
        ));
    }
    state.open_election(&candidate.nomination.election)?;
    Ok(Act::FeePaid {
        candidate: id.clone(),
        amount,
        reference: reference.clone(),
    })
}

pub fn register(state: &State, actor: &Actor, command: &RegisterCandidate) -> Result<Act, Refusal> {
    let id = &command.candidate;
    let candidate = staff_candidate(
        state,
        actor,
        id,
        CommandKind::RegisterCandidate,
        "register candidates",
    )?;
    let election = state.open_election(&candidate.nomination.election)?;
    match candidate.standing {
        Standing::Nominated => {}
        Standing::Registered => {
            return Err(Refusal::AlreadyRegistered {
                candidate: id.to_string(),
            });
        }
        other => return Err(wrong_standing(id, other, "registered")),
    }
    let fee = election.call.rule_set.fee;
    if candidate.fee_paid < fee {
        return Err(Refusal::FeeNotPaid {
            candidate: id.to_string(),
            paid: candidate.fee_paid.to_string(),
            fee: fee.to_string(),
        });
    }
    Ok(Act::CandidateRegistered {
        candidate: id.clone(),
    })
}

pub fn refuse(state: &State, actor: &Actor, command: &RefuseRegistration) -> Result<Act, Refusal> {
    let RefuseRegistration {
        candidate: id,
        reason,
    } = command;
    let candidate = staff_candidate(
        state,
        actor,
        id,
        CommandKind::RefuseRegistration,
        "refuse registration",
    )?;
    if candidate.standing != Standing::Nominated {
        return Err(wrong_standing(
            id,
            candidate.standing,
            "refused registration",
        ));
    }
    Ok(Act::RegistrationRefused {
        candidate: id.clone(),
        reason: reason.clone(),
    })
}

pub fn withdraw(state: &State, actor: &Actor, command: &WithdrawCandidate) -> Result<Act, Refusal> {
    let WithdrawCandidate {
        candidate: id,
        reason,
    } = command;
    let candidate = staff_candidate(
        state,
        actor,
        id,
        CommandKind::WithdrawCandidate,
        "record withdrawals",
    )?;
    if !matches!(
        candidate.standing,
        Standing::Nominated | Standing::Registered
    ) {
        return Err(wrong_standing(id, candidate.standing, "withdrawn"));
    }
    Ok(Act::CandidateWithdrawn {
        candidate: id.clone(),
        reason: reason.clone(),
    })
}

fn staff_candidate<'s>(
    state: &'s State,
    actor: &Actor,
    id: &CandidateId,
    kind: CommandKind,
    action: &str,
) -> Result<&'s Candidate, Refusal> {
    let candidate = state
        .candidates
        .get(id)
        .ok_or_else(|| Refusal::unknown("candidate", id))?;
    authorise(
        state,
        actor,
        kind,
        Target::Constituency(candidate.nomination.constituency),
        action,
    )?;
    Ok(candidate)
}

fn wrong_standing(id: &CandidateId, standing: Standing, action: &'static str) -> Refusal {
    let standing = serde_json::to_value(standing)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Refusal::WrongStanding {
        candidate: id.to_string(),
        standing,
        action,
    }
}

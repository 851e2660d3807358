//! Candidates: nomination (R-CAND-ONE-PER-PERSON, R-CAND-BAR, R-ELEC-CONSTITUENCY), fee
//! (R-CAND-FEE, R-REF-BOUNDS), registration, refusal and withdrawal (R-CAND-STANDING).

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
use crate::refusal::{Entity, Refusal};
use crate::state::State;

pub fn nominate(state: &State, actor: &Actor, nomination: &Nomination) -> Result<Act, Refusal> {
    authorise(
        state,
        actor,
        CommandKind::NominateCandidate,
        Target::Constituency(nomination.constituency),
    )?;
    let election = state.open_election(&nomination.election)?;
    if !election
        .call
        .constituencies
        .contains(&nomination.constituency)
    {
        return Err(Refusal::ConstituencyNotInElection {
            election: nomination.election.clone(),
            constituency: nomination.constituency,
        });
    }
    if state.candidates.contains_key(&nomination.id) {
        return Err(Refusal::AlreadyExists {
            entity: Entity::Candidate,
            id: nomination.id.to_string(),
        });
    }
    if let Some(existing) = state
        .candidacies
        .get(&(nomination.election.clone(), nomination.person.clone()))
    {
        return Err(Refusal::DuplicateCandidate {
            person: nomination.person.clone(),
            name: nomination.name.clone(),
            election: nomination.election.clone(),
            existing: existing.clone(),
        });
    }
    if let Some(bar) = state.bar_from(&nomination.person, election, nomination.constituency) {
        return Err(Refusal::CandidateBarred {
            name: nomination.name.clone(),
            latin_name: nomination.latin_name.clone(),
            constituency: nomination.constituency,
            resolution: state.cite(bar)?,
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
    let candidate = staff_candidate(state, actor, id, CommandKind::PayFee)?;
    // A bound far above any fee keeps every sum of payments exact.
    if amount.0 > MAX_PAYMENT.0 {
        return Err(Refusal::PaymentTooLarge {
            amount,
            max: MAX_PAYMENT,
        });
    }
    if amount.0 == 0 {
        return Err(Refusal::ZeroPayment);
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
    let candidate = staff_candidate(state, actor, id, CommandKind::RegisterCandidate)?;
    let election = state.open_election(&candidate.nomination.election)?;
    match candidate.standing {
        Standing::Nominated => {}
        Standing::Registered => {
            return Err(Refusal::AlreadyRegistered {
                candidate: id.clone(),
            });
        }
        other => return Err(wrong_standing(id, other, CommandKind::RegisterCandidate)),
    }
    let fee = election.call.rule_set.fee;
    if candidate.fee_paid < fee {
        return Err(Refusal::FeeNotPaid {
            candidate: id.clone(),
            paid: candidate.fee_paid,
            fee,
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
    let candidate = staff_candidate(state, actor, id, CommandKind::RefuseRegistration)?;
    if candidate.standing != Standing::Nominated {
        return Err(wrong_standing(
            id,
            candidate.standing,
            CommandKind::RefuseRegistration,
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
    let candidate = staff_candidate(state, actor, id, CommandKind::WithdrawCandidate)?;
    if !matches!(
        candidate.standing,
        Standing::Nominated | Standing::Registered
    ) {
        return Err(wrong_standing(
            id,
            candidate.standing,
            CommandKind::WithdrawCandidate,
        ));
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
) -> Result<&'s Candidate, Refusal> {
    let candidate = state
        .candidates
        .get(id)
        .ok_or_else(|| Refusal::unknown(Entity::Candidate, id))?;
    authorise(
        state,
        actor,
        kind,
        Target::Constituency(candidate.nomination.constituency),
    )?;
    Ok(candidate)
}

fn wrong_standing(id: &CandidateId, standing: Standing, action: CommandKind) -> Refusal {
    Refusal::WrongStanding {
        candidate: id.clone(),
        standing,
        action,
    }
}

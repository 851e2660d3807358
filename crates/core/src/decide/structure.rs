//! The election's structure: constituencies (R-STRUCT-SEATS), stations (R-REF-BOUNDS),
//! commissions (R-AUTH-FOUNDING, R-STRUCT-VOTING-RULE), elections (R-ELEC-REPEAT,
//! R-ELEC-RULE-SET); every identifier given once (R-REF-UNIQUE) and every reference to
//! something the record holds (R-REF-EXISTS).

use super::authority::{Target, authorise, authorise_role};
use crate::act::Act;
use crate::actor::Actor;
use crate::command::ElectionCallSpec;
use crate::commission::{CommissionDef, CommissionLevel};
use crate::election::{ElectionCall, ElectionKind};
use crate::ids::ConstituencyNo;
use crate::permission::CommandKind;
use crate::refusal::{Entity, Refusal};
use crate::rules::{RuleSet, RuleSetSpec};
use crate::state::State;
use crate::territory::{ConstituencyDef, StationDef};
use std::collections::BTreeSet;

pub fn define_constituency(
    state: &State,
    actor: &Actor,
    def: &ConstituencyDef,
) -> Result<Act, Refusal> {
    authorise(
        state,
        actor,
        CommandKind::DefineConstituency,
        Target::Central,
    )?;
    if state.constituencies.contains_key(&def.number) {
        return Err(Refusal::AlreadyExists {
            entity: Entity::Constituency,
            id: def.number.to_string(),
        });
    }
    if def.seats == 0 {
        return Err(Refusal::NoSeats {
            constituency: def.number,
        });
    }
    Ok(Act::ConstituencyDefined(def.clone()))
}

pub fn define_station(state: &State, actor: &Actor, def: &StationDef) -> Result<Act, Refusal> {
    authorise(state, actor, CommandKind::DefineStation, Target::Central)?;
    if state.stations.contains_key(&def.number) {
        return Err(Refusal::AlreadyExists {
            entity: Entity::Station,
            id: def.number.to_string(),
        });
    }
    known_constituency(state, def.constituency)?;
    if def.voters > crate::protocol::MAX_FIGURE {
        return Err(Refusal::FigureTooLarge {
            field: "voters",
            value: def.voters,
            max: crate::protocol::MAX_FIGURE,
        });
    }
    Ok(Act::StationDefined(def.clone()))
}

pub fn form_commission(state: &State, actor: &Actor, def: &CommissionDef) -> Result<Act, Refusal> {
    authorise_role(actor, CommandKind::FormCommission)?;
    // The first commission formed is the central one, by an administrator acting for it.
    let founding = state.commissions.is_empty() && def.is_central() && actor.commission == def.id;
    if !founding {
        authorise(state, actor, CommandKind::FormCommission, Target::Central)?;
    }
    if state.commissions.contains_key(&def.id) {
        return Err(Refusal::AlreadyExists {
            entity: Entity::Commission,
            id: def.id.to_string(),
        });
    }
    match &def.level {
        CommissionLevel::District { constituency } => known_constituency(state, *constituency)?,
        CommissionLevel::Precinct { station } if !state.stations.contains_key(station) => {
            return Err(Refusal::unknown(Entity::Station, station));
        }
        _ => {}
    }
    if let Some(parent) = &def.parent
        && !state.commissions.contains_key(parent)
    {
        return Err(Refusal::unknown(Entity::Commission, parent));
    }
    let mut ids = BTreeSet::new();
    if let Some(member) = def.members.iter().find(|m| !ids.insert(&m.id)) {
        return Err(Refusal::AlreadyExists {
            entity: Entity::Member,
            id: member.id.to_string(),
        });
    }
    let voting = def.voting;
    if voting.quorum.denominator == 0
        || voting.majority.denominator == 0
        || voting.quorum.numerator > voting.quorum.denominator
        || voting.majority.numerator >= voting.majority.denominator
    {
        return Err(Refusal::BadVotingRule { rule: voting });
    }
    Ok(Act::CommissionFormed(def.clone()))
}

pub fn call_election(
    state: &State,
    actor: &Actor,
    spec: &ElectionCallSpec,
) -> Result<Act, Refusal> {
    authorise(state, actor, CommandKind::CallElection, Target::Central)?;
    if state.elections.contains_key(&spec.id) {
        return Err(Refusal::AlreadyExists {
            entity: Entity::Election,
            id: spec.id.to_string(),
        });
    }
    match (spec.kind, &spec.repeat_of) {
        (ElectionKind::Repeat, None) => {
            return Err(Refusal::RepeatMismatch { kind: spec.kind });
        }
        (ElectionKind::Repeat, Some(original)) if !state.elections.contains_key(original) => {
            return Err(Refusal::unknown(Entity::Election, original));
        }
        (ElectionKind::Regular | ElectionKind::Early, Some(_)) => {
            return Err(Refusal::RepeatMismatch { kind: spec.kind });
        }
        _ => {}
    }
    if spec.constituencies.is_empty() {
        return Err(Refusal::EmptyList {
            field: "constituencies",
        });
    }
    for constituency in &spec.constituencies {
        known_constituency(state, *constituency)?;
    }
    let rule_set = match &spec.rule_set {
        RuleSetSpec::Custom(rules) => rules.clone(),
        RuleSetSpec::Preset(name) => {
            RuleSet::preset(name).ok_or_else(|| Refusal::unknown(Entity::RuleSet, name))?
        }
    };
    let form = spec.form.clone().unwrap_or_default();
    form.check().map_err(|why| Refusal::FormNotUsable { why })?;
    Ok(Act::ElectionCalled(ElectionCall {
        id: spec.id.clone(),
        name: spec.name.clone(),
        kind: spec.kind,
        repeat_of: spec.repeat_of.clone(),
        voting_day: spec.voting_day,
        rule_set,
        form,
        constituencies: spec.constituencies.clone(),
    }))
}

pub fn known_constituency(state: &State, number: ConstituencyNo) -> Result<(), Refusal> {
    if state.constituencies.contains_key(&number) {
        Ok(())
    } else {
        Err(Refusal::unknown(Entity::Constituency, number))
    }
}

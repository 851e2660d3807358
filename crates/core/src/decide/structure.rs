//! The election's structure: constituencies, stations, commissions, elections.

use super::authority::{Target, authorise, authorise_role};
use crate::act::Act;
use crate::actor::Actor;
use crate::command::ElectionCallSpec;
use crate::commission::{CommissionDef, CommissionLevel};
use crate::election::{ElectionCall, ElectionKind};
use crate::ids::ConstituencyNo;
use crate::permission::CommandKind;
use crate::refusal::Refusal;
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
        "define constituencies",
    )?;
    if state.constituencies.contains_key(&def.number) {
        return Err(Refusal::AlreadyExists {
            what: "constituency",
            id: def.number.to_string(),
        });
    }
    if def.seats == 0 {
        return Err(Refusal::BadValue(format!(
            "constituency {} must elect at least one seat",
            def.number
        )));
    }
    Ok(Act::ConstituencyDefined(def.clone()))
}

pub fn define_station(state: &State, actor: &Actor, def: &StationDef) -> Result<Act, Refusal> {
    authorise(
        state,
        actor,
        CommandKind::DefineStation,
        Target::Central,
        "define polling stations",
    )?;
    if state.stations.contains_key(&def.number) {
        return Err(Refusal::AlreadyExists {
            what: "polling station",
            id: def.number.to_string(),
        });
    }
    known_constituency(state, def.constituency)?;
    if def.voters > crate::protocol::MAX_FIGURE {
        return Err(Refusal::BadValue(format!(
            "station {} cannot have {} voters on its list",
            def.number, def.voters
        )));
    }
    Ok(Act::StationDefined(def.clone()))
}

pub fn form_commission(state: &State, actor: &Actor, def: &CommissionDef) -> Result<Act, Refusal> {
    authorise_role(actor, CommandKind::FormCommission, "form commissions")?;
    // The first commission formed is the central one, by an administrator acting for it.
    let founding = state.commissions.is_empty() && def.is_central() && actor.commission == def.id;
    if !founding {
        authorise(
            state,
            actor,
            CommandKind::FormCommission,
            Target::Central,
            "form commissions",
        )?;
    }
    if state.commissions.contains_key(&def.id) {
        return Err(Refusal::AlreadyExists {
            what: "commission",
            id: def.id.to_string(),
        });
    }
    match &def.level {
        CommissionLevel::District { constituency } => known_constituency(state, *constituency)?,
        CommissionLevel::Precinct { station } if !state.stations.contains_key(station) => {
            return Err(Refusal::unknown("polling station", station));
        }
        _ => {}
    }
    if let Some(parent) = &def.parent
        && !state.commissions.contains_key(parent)
    {
        return Err(Refusal::unknown("commission", parent));
    }
    let mut ids = BTreeSet::new();
    if let Some(member) = def.members.iter().find(|m| !ids.insert(&m.id)) {
        return Err(Refusal::AlreadyExists {
            what: "member",
            id: member.id.to_string(),
        });
    }
    let voting = def.voting;
    if voting.quorum.denominator == 0
        || voting.majority.denominator == 0
        || voting.quorum.numerator > voting.quorum.denominator
        || voting.majority.numerator >= voting.majority.denominator
    {
        return Err(Refusal::BadValue(
            "the quorum and majority must be fractions of the membership below one".into(),
        ));
    }
    Ok(Act::CommissionFormed(def.clone()))
}

pub fn call_election(
    state: &State,
    actor: &Actor,
    spec: &ElectionCallSpec,
) -> Result<Act, Refusal> {
    authorise(
        state,
        actor,
        CommandKind::CallElection,
        Target::Central,
        "call elections",
    )?;
    if state.elections.contains_key(&spec.id) {
        return Err(Refusal::AlreadyExists {
            what: "election",
            id: spec.id.to_string(),
        });
    }
    match (spec.kind, &spec.repeat_of) {
        (ElectionKind::Repeat, None) => {
            return Err(Refusal::BadValue(
                "a repeat election must name the election it repeats".into(),
            ));
        }
        (ElectionKind::Repeat, Some(original)) if !state.elections.contains_key(original) => {
            return Err(Refusal::unknown("election", original));
        }
        (ElectionKind::Regular | ElectionKind::Early, Some(_)) => {
            return Err(Refusal::BadValue(
                "only a repeat election repeats another election".into(),
            ));
        }
        _ => {}
    }
    if spec.constituencies.is_empty() {
        return Err(Refusal::BadValue(
            "an election covers at least one constituency".into(),
        ));
    }
    for constituency in &spec.constituencies {
        known_constituency(state, *constituency)?;
    }
    let rule_set = match &spec.rule_set {
        RuleSetSpec::Custom(rules) => rules.clone(),
        RuleSetSpec::Preset(name) => RuleSet::preset(name)
            .ok_or_else(|| Refusal::BadValue(format!("there is no rule set preset \"{name}\"")))?,
    };
    let form = spec.form.clone().unwrap_or_default();
    form.check()
        .map_err(|why| Refusal::BadValue(format!("the protocol form is not usable: {why}")))?;
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
        Err(Refusal::unknown("constituency", number))
    }
}

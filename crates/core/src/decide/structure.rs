//! The election's structure: constituencies, stations, commissions, elections.

use super::authority::{actor_commission, require_central, require_role};
use crate::act::Act;
use crate::actor::{Actor, Role};
use crate::commission::{CommissionDef, CommissionLevel};
use crate::date::LegalDate;
use crate::election::{ElectionCall, ElectionKind};
use crate::ids::{ConstituencyNo, ElectionId};
use crate::refusal::Refusal;
use crate::rules::{RuleSet, RuleSetSpec};
use crate::state::State;
use crate::territory::{ConstituencyDef, StationDef};
use std::collections::BTreeSet;

const ADMIN: &[Role] = &[Role::Administrator];

pub fn define_constituency(
    state: &State,
    actor: &Actor,
    def: &ConstituencyDef,
) -> Result<Act, Refusal> {
    require_central(state, actor, ADMIN, "define constituencies")?;
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
    require_central(state, actor, ADMIN, "define polling stations")?;
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
    require_role(actor, ADMIN, "form commissions")?;
    // The first commission formed is the central one, by an administrator acting for it.
    let founding = state.commissions.is_empty() && def.is_central() && actor.commission == def.id;
    if !founding {
        require_central(state, actor, ADMIN, "form commissions")?;
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

#[allow(clippy::too_many_arguments)]
pub fn call_election(
    state: &State,
    actor: &Actor,
    id: &ElectionId,
    name: &str,
    kind: ElectionKind,
    repeat_of: &Option<ElectionId>,
    voting_day: LegalDate,
    rule_set: &RuleSetSpec,
    constituencies: &[ConstituencyNo],
) -> Result<Act, Refusal> {
    require_central(state, actor, ADMIN, "call elections")?;
    actor_commission(state, actor)?;
    if state.elections.contains_key(id) {
        return Err(Refusal::AlreadyExists {
            what: "election",
            id: id.to_string(),
        });
    }
    match (kind, repeat_of) {
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
    if constituencies.is_empty() {
        return Err(Refusal::BadValue(
            "an election covers at least one constituency".into(),
        ));
    }
    for constituency in constituencies {
        known_constituency(state, *constituency)?;
    }
    let rule_set = match rule_set {
        RuleSetSpec::Custom(rules) => rules.clone(),
        RuleSetSpec::Preset(name) => RuleSet::preset(name)
            .ok_or_else(|| Refusal::BadValue(format!("there is no rule set preset \"{name}\"")))?,
    };
    Ok(Act::ElectionCalled(ElectionCall {
        id: id.clone(),
        name: name.into(),
        kind,
        repeat_of: repeat_of.clone(),
        voting_day,
        rule_set,
        constituencies: constituencies.to_vec(),
    }))
}

pub fn known_constituency(state: &State, number: ConstituencyNo) -> Result<(), Refusal> {
    if state.constituencies.contains_key(&number) {
        Ok(())
    } else {
        Err(Refusal::unknown("constituency", number))
    }
}

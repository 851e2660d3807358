//! Protocol entry as commissions do it: two operators enter the same paper protocol
//! independently; equal entries are accepted; differing ones go to a supervisor, who keeps
//! one or orders another entry. Every entry must pass the control relations, and the
//! operator must acknowledge every warning.

use super::authority::{ENTRY, require_over_constituency, require_role};
use super::candidates::require_reason;
use crate::act::Act;
use crate::actor::{Actor, Role};
use crate::command::Settlement;
use crate::election::Election;
use crate::ids::{ConstituencyNo, ElectionId, StationId};
use crate::protocol::{
    CheckContext, MAX_FIGURE, PreliminaryFigures, ProtocolEntry, ProtocolKey, check_protocol,
};
use crate::refusal::Refusal;
use crate::state::{ProtocolSlot, State};

/// The protocol's key, after checking the actor may act on it and it exists.
fn protocol_key<'s>(
    state: &'s State,
    actor: &Actor,
    roles: &[Role],
    election_id: &ElectionId,
    station: StationId,
    constituency: ConstituencyNo,
    action: &str,
) -> Result<(ProtocolKey, &'s Election), Refusal> {
    require_over_constituency(state, actor, roles, constituency, action)?;
    let election = state.open_election(election_id)?;
    if !election.call.constituencies.contains(&constituency) {
        return Err(Refusal::ConstituencyNotInElection {
            election: election_id.to_string(),
            constituency: constituency.0,
        });
    }
    if !state.stations.contains_key(&station) {
        return Err(Refusal::unknown("polling station", station));
    }
    Ok((
        ProtocolKey {
            election: election_id.clone(),
            station,
            constituency,
        },
        election,
    ))
}

#[allow(clippy::too_many_arguments)]
pub fn enter(
    state: &State,
    actor: &Actor,
    election_id: &ElectionId,
    station: StationId,
    constituency: ConstituencyNo,
    entry: &ProtocolEntry,
    acknowledged: &[String],
    correction_reason: &Option<String>,
) -> Result<Vec<Act>, Refusal> {
    let (key, election) = protocol_key(
        state,
        actor,
        ENTRY,
        election_id,
        station,
        constituency,
        "enter protocols",
    )?;
    let empty = ProtocolSlot::default();
    let slot = state.protocols.get(&key).unwrap_or(&empty);
    if slot.round.is_empty() {
        match (slot.versions.is_empty(), correction_reason) {
            (true, Some(_)) => {
                return Err(Refusal::BadValue(format!(
                    "station {station} has no accepted protocol to correct"
                )));
            }
            (false, None) => {
                return Err(Refusal::ProtocolAlreadyAccepted {
                    station: station.0,
                    constituency: constituency.0,
                });
            }
            (false, Some(reason)) => require_reason(reason)?,
            (true, None) => {}
        }
    }
    // Every entry of a correction, also one begun before the result was recognised.
    if !slot.versions.is_empty()
        && let Some(resolution) = state.correction_locked(&key)
    {
        return Err(Refusal::ResultRecognised {
            station: station.0,
            constituency: constituency.0,
            resolution,
        });
    }
    if !slot.awaits_entry() {
        return Err(Refusal::EntriesDiffer {
            station: station.0,
            constituency: constituency.0,
        });
    }
    if let Some(own) = slot.round.iter().find(|e| e.operator == actor.user) {
        return Err(Refusal::SameOperator {
            operator: actor.user.clone(),
            entry: own.entry,
        });
    }
    let ballot = state.ballot(election_id, constituency);
    let context = CheckContext {
        form: &election.call.form,
        ballot: &ballot,
        against_all_on_ballot: election.call.rule_set.against_all_on_ballot,
        preliminary: slot.preliminary.as_ref(),
    };
    let (figures, warnings) = check_protocol(entry, &context)
        .map_err(|failures| Refusal::ProtocolRejected { failures })?;
    let unacknowledged: Vec<_> = warnings
        .iter()
        .filter(|w| !acknowledged.contains(&w.code))
        .cloned()
        .collect();
    if !unacknowledged.is_empty() {
        return Err(Refusal::WarningsNotAcknowledged {
            warnings: unacknowledged,
        });
    }
    let version = slot.versions.len() as u32 + 1;
    let number = slot.round.len() as u32 + 1;
    let reason = if slot.round.is_empty() {
        correction_reason.clone()
    } else {
        slot.round_reason.clone()
    };
    let mut acts = vec![Act::ProtocolEntered {
        key: key.clone(),
        version,
        entry: number,
        operator: actor.user.clone(),
        figures: figures.clone(),
        acknowledged: warnings.clone(),
        correction_reason: if slot.round.is_empty() {
            correction_reason.clone()
        } else {
            None
        },
    }];
    if let Some(agreeing) = slot.round.iter().find(|earlier| earlier.figures == figures) {
        acts.push(Act::ProtocolAccepted {
            key,
            version,
            figures,
            acknowledged: warnings,
            correction_reason: reason,
            entries: vec![agreeing.entry, number],
            settled_by: None,
        });
    }
    Ok(acts)
}

pub fn settle(
    state: &State,
    actor: &Actor,
    election_id: &ElectionId,
    station: StationId,
    constituency: ConstituencyNo,
    decision: Settlement,
) -> Result<Act, Refusal> {
    require_role(
        actor,
        &[Role::Supervisor],
        "settle differing protocol entries",
    )?;
    let (key, _) = protocol_key(
        state,
        actor,
        &[Role::Supervisor],
        election_id,
        station,
        constituency,
        "settle protocol entries",
    )?;
    let slot = state
        .protocols
        .get(&key)
        .filter(|slot| !slot.round.is_empty() && !slot.awaits_entry())
        .ok_or(Refusal::NothingToSettle {
            station: station.0,
            constituency: constituency.0,
        })?;
    if !slot.versions.is_empty()
        && let Some(resolution) = state.correction_locked(&key)
    {
        return Err(Refusal::ResultRecognised {
            station: station.0,
            constituency: constituency.0,
            resolution,
        });
    }
    let version = slot.versions.len() as u32 + 1;
    match decision {
        Settlement::Keep { entry } => {
            let kept = slot
                .round
                .iter()
                .find(|e| e.entry == entry)
                .ok_or_else(|| {
                    Refusal::BadValue(format!(
                        "the protocol of station {station} has no entry {entry} to keep"
                    ))
                })?;
            Ok(Act::ProtocolAccepted {
                key,
                version,
                figures: kept.figures.clone(),
                acknowledged: kept.acknowledged.clone(),
                correction_reason: slot.round_reason.clone(),
                entries: vec![entry],
                settled_by: Some(actor.user.clone()),
            })
        }
        Settlement::OrderNewEntry => Ok(Act::NewEntryOrdered {
            key,
            version,
            supervisor: actor.user.clone(),
        }),
    }
}

pub fn record_preliminary(
    state: &State,
    actor: &Actor,
    election_id: &ElectionId,
    station: StationId,
    constituency: ConstituencyNo,
    figures: &PreliminaryFigures,
) -> Result<Act, Refusal> {
    let (key, election) = protocol_key(
        state,
        actor,
        ENTRY,
        election_id,
        station,
        constituency,
        "load preliminary figures",
    )?;
    let form = &election.call.form;
    let ballot = state.ballot(election_id, constituency);
    if let Some(line) = figures.lines.keys().find(|l| !form.has_line(l)) {
        return Err(Refusal::BadValue(format!(
            "line {line} is not on this protocol form"
        )));
    }
    let values = figures
        .lines
        .values()
        .chain(figures.candidates.values())
        .chain(&figures.against_all);
    if let Some(value) = values.into_iter().find(|v| **v > MAX_FIGURE) {
        return Err(Refusal::BadValue(format!(
            "a preliminary figure of {value} is more than any polling station has ({MAX_FIGURE} at most)"
        )));
    }
    if let Some(id) = figures.candidates.keys().find(|id| !ballot.contains(*id)) {
        return Err(Refusal::BadValue(format!(
            "candidate {id} is not on this constituency's ballot"
        )));
    }
    Ok(Act::PreliminaryFiguresRecorded {
        key,
        figures: figures.clone(),
    })
}

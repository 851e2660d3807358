//! Protocol entry as commissions do it: two operators enter the same paper protocol
//! independently; equal entries are accepted (R-PROT-DOUBLE-ENTRY); differing ones go to a
//! supervisor, who keeps one or orders another entry and made none (R-PROT-SETTLE). Every
//! entry must pass the control relations, and the operator must acknowledge every warning
//! (R-PROT-ACKNOWLEDGE, R-PROT-E01 … R-PROT-W05, M3's register warning). One protocol per
//! station and constituency (R-PROT-KEY); an accepted one changes only by a correction
//! (R-PROT-CORRECTION), and not once the result is recognised unless a recount is ordered.
//! A ballot-counting box's figures are recorded as preliminary (R-PROT-PRELIMINARY).

use super::authority::{Target, authorise};
use crate::act::Act;
use crate::actor::Actor;
use crate::command::{EnterProtocol, RecordPreliminaryFigures, SettleProtocol, Settlement};
use crate::election::Election;
use crate::ids::{ConstituencyNo, ElectionId, StationId};
use crate::permission::CommandKind;
use crate::protocol::{
    AcceptedFigures, CheckContext, Finding, LineRoles, MAX_FIGURE, ProtocolKey, REGISTER_WARNING,
    Warning, check_protocol,
};
use crate::refusal::{Entity, Refusal};
use crate::state::{ProtocolSlot, State};

/// The protocol's key, after checking the actor may act on it and it exists.
fn protocol_key<'s>(
    state: &'s State,
    actor: &Actor,
    kind: CommandKind,
    election_id: &ElectionId,
    station: StationId,
    constituency: ConstituencyNo,
) -> Result<(ProtocolKey, &'s Election), Refusal> {
    authorise(state, actor, kind, Target::Constituency(constituency))?;
    let election = state.open_election(election_id)?;
    if !election.call.constituencies.contains(&constituency) {
        return Err(Refusal::ConstituencyNotInElection {
            election: election_id.clone(),
            constituency,
        });
    }
    let home = state
        .stations
        .get(&station)
        .ok_or_else(|| Refusal::unknown(Entity::Station, station))?
        .constituency;
    // M2: a station's figures count for another constituency only where the election lets
    // voters vote away from home.
    if home != constituency && !election.call.rule_set.remote_voting {
        return Err(Refusal::StationOutsideConstituency {
            election: election_id.clone(),
            station,
            home,
            constituency,
        });
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

pub fn enter(state: &State, actor: &Actor, command: &EnterProtocol) -> Result<Vec<Act>, Refusal> {
    let EnterProtocol {
        election: election_id,
        station,
        constituency,
        figures: entry,
        acknowledged,
        correction_reason,
    } = command;
    let (station, constituency) = (*station, *constituency);
    let (key, election) = protocol_key(
        state,
        actor,
        CommandKind::EnterProtocol,
        election_id,
        station,
        constituency,
    )?;
    let empty = ProtocolSlot::default();
    let slot = state.protocols.get(&key).unwrap_or(&empty);
    if slot.round.is_empty() {
        match (slot.versions.is_empty(), correction_reason) {
            (true, Some(_)) => {
                return Err(Refusal::NothingToCorrect {
                    station,
                    constituency,
                });
            }
            (false, None) => {
                return Err(Refusal::ProtocolAlreadyAccepted {
                    station,
                    constituency,
                });
            }
            // The reason is not blank: the bounds check every text first.
            (false, Some(_)) | (true, None) => {}
        }
    }
    // Every entry of a correction, also one begun before the result was recognised.
    if !slot.versions.is_empty()
        && let Some(resolution) = state.correction_locked(&key)
    {
        return Err(Refusal::ResultRecognised {
            station,
            constituency,
            resolution,
        });
    }
    if !slot.awaits_entry() {
        return Err(Refusal::EntriesDiffer {
            station,
            constituency,
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
    let (figures, mut warnings) = check_protocol(entry, &context)
        .map_err(|failures| Refusal::ProtocolRejected { failures })?;
    if let Some(station_def) = state.stations.get(&station)
        && station_def.constituency == constituency
        && let Some(warning) = register_warning(
            &figures,
            &election.call.form.roles,
            station_def.voters,
            election.call.rule_set.register_margin_percent,
        )
    {
        warnings.push(warning);
    }
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

/// M3: the voters on the list, and those who took part, compared with the station's register.
/// Beyond the rule set's margin the entry carries a warning the operator must acknowledge, so
/// that figures typed ten times too large never pass unseen. Only for the station's own
/// constituency: the register holds no figure for voters from elsewhere.
fn register_warning(
    figures: &AcceptedFigures,
    roles: &LineRoles,
    registered: u64,
    margin_percent: u32,
) -> Option<Warning> {
    let beyond = |figure: u64| {
        u128::from(figure.abs_diff(registered)) * 100
            > u128::from(margin_percent) * u128::from(registered)
    };
    let on_list = figures.line(&roles.voters_on_list);
    let took_part = figures.sum(&roles.took_part);
    let strays = beyond(on_list) || (took_part > registered && beyond(took_part));
    strays.then(|| Warning {
        code: REGISTER_WARNING.into(),
        finding: Finding::OffRegister {
            line: roles.voters_on_list.clone(),
            voters_on_list: on_list,
            took_part,
            registered,
            margin_percent,
        },
    })
}

pub fn settle(state: &State, actor: &Actor, command: &SettleProtocol) -> Result<Act, Refusal> {
    let SettleProtocol {
        election: election_id,
        station,
        constituency,
        decision,
    } = command;
    let (station, constituency, decision) = (*station, *constituency, *decision);
    let (key, _) = protocol_key(
        state,
        actor,
        CommandKind::SettleProtocol,
        election_id,
        station,
        constituency,
    )?;
    let slot = state
        .protocols
        .get(&key)
        .filter(|slot| !slot.round.is_empty() && !slot.awaits_entry())
        .ok_or(Refusal::NothingToSettle {
            station,
            constituency,
        })?;
    // H2: the one who decides between entries is never one who typed one, so no single
    // person can put their own figures in the count.
    if let Some(own) = slot.round.iter().find(|e| e.operator == actor.user) {
        return Err(Refusal::SettlerMadeEntry {
            settler: actor.user.clone(),
            station,
            constituency,
            entry: own.entry,
        });
    }
    if !slot.versions.is_empty()
        && let Some(resolution) = state.correction_locked(&key)
    {
        return Err(Refusal::ResultRecognised {
            station,
            constituency,
            resolution,
        });
    }
    let version = slot.versions.len() as u32 + 1;
    match decision {
        Settlement::Keep { entry } => {
            let kept =
                slot.round
                    .iter()
                    .find(|e| e.entry == entry)
                    .ok_or(Refusal::NoSuchEntry {
                        station,
                        constituency,
                        entry,
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
        Settlement::OrderNewEntry {} => Ok(Act::NewEntryOrdered {
            key,
            version,
            supervisor: actor.user.clone(),
        }),
    }
}

pub fn record_preliminary(
    state: &State,
    actor: &Actor,
    command: &RecordPreliminaryFigures,
) -> Result<Act, Refusal> {
    let RecordPreliminaryFigures {
        election: election_id,
        station,
        constituency,
        figures,
    } = command;
    let (station, constituency) = (*station, *constituency);
    let (key, election) = protocol_key(
        state,
        actor,
        CommandKind::RecordPreliminaryFigures,
        election_id,
        station,
        constituency,
    )?;
    let form = &election.call.form;
    let ballot = state.ballot(election_id, constituency);
    if let Some(line) = figures.lines.keys().find(|l| !form.has_line(l)) {
        return Err(Refusal::LineNotOnForm { line: line.clone() });
    }
    let values = figures
        .lines
        .values()
        .chain(figures.candidates.values())
        .chain(&figures.against_all);
    if let Some(value) = values.into_iter().find(|v| **v > MAX_FIGURE) {
        return Err(Refusal::FigureTooLarge {
            field: "figures",
            value: *value,
            max: MAX_FIGURE,
        });
    }
    if let Some(id) = figures.candidates.keys().find(|id| !ballot.contains(*id)) {
        return Err(Refusal::NotOnBallot {
            candidate: id.clone(),
            election: election_id.clone(),
            constituency,
        });
    }
    Ok(Act::PreliminaryFiguresRecorded {
        key,
        figures: figures.clone(),
    })
}

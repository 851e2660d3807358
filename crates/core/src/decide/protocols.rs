//! Accepting a polling-station protocol: its figures must pass every control relation, and
//! every warning must be acknowledged by the operator.

use super::authority::{ENTRY, require_over_constituency};
use super::candidates::require_reason;
use crate::act::Act;
use crate::actor::Actor;
use crate::candidate::Standing;
use crate::ids::{CandidateId, ConstituencyNo, ElectionId, StationId};
use crate::protocol::{CheckContext, ProtocolEntry, ProtocolKey, WarningCode, check_protocol};
use crate::refusal::Refusal;
use crate::state::State;
use std::collections::BTreeSet;

#[allow(clippy::too_many_arguments)]
pub fn enter(
    state: &State,
    actor: &Actor,
    election_id: &ElectionId,
    station: StationId,
    constituency: ConstituencyNo,
    entry: &ProtocolEntry,
    acknowledged: &[WarningCode],
    correction_reason: &Option<String>,
) -> Result<Act, Refusal> {
    require_over_constituency(state, actor, ENTRY, constituency, "enter protocols")?;
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
    let key = ProtocolKey {
        election: election_id.clone(),
        station,
        constituency,
    };
    let previous = state
        .protocols
        .get(&key)
        .map_or(0, |slot| slot.versions.len() as u32);
    match (previous, correction_reason) {
        (0, _) => {}
        (_, None) => {
            return Err(Refusal::ProtocolAlreadyAccepted {
                station: station.0,
                constituency: constituency.0,
            });
        }
        (_, Some(reason)) => require_reason(reason)?,
    }
    let ballot = ballot(state, election_id, constituency);
    let context = CheckContext {
        ballot: &ballot,
        against_all_on_ballot: election.call.rule_set.against_all_on_ballot,
        preliminary: None,
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
    Ok(Act::ProtocolAccepted {
        key,
        version: previous + 1,
        figures,
        acknowledged: warnings,
        correction_reason: correction_reason.clone(),
    })
}

/// The candidates printed on the constituency's ballot: those registered (a registration
/// annulled later does not take a name off a printed ballot).
pub fn ballot(
    state: &State,
    election: &ElectionId,
    constituency: ConstituencyNo,
) -> BTreeSet<CandidateId> {
    state
        .ballots
        .get(&(election.clone(), constituency))
        .into_iter()
        .flatten()
        .filter(|id| {
            state
                .candidates
                .get(*id)
                .is_some_and(|c| c.standing == Standing::Registered)
        })
        .cloned()
        .collect()
}

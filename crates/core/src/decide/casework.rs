//! Incidents, complaints, requests, answers and meetings (R-CASE-FILE), each addressed to a
//! commission and recorded by its own staff (R-AUTH-COMPETENCE).

use super::authority::{Target, authorise};
use crate::act::Act;
use crate::actor::Actor;
use crate::casework::{Answer, Complaint, Incident, Meeting, Request};
use crate::command::{DecideComplaint, FileComplaint, HoldMeeting, RecordIncident, SendRequest};
use crate::date::LegalDate;
use crate::ids::{CommissionId, ComplaintId, IncidentId, MeetingId, RequestId};
use crate::permission::CommandKind;
use crate::refusal::{Entity, Refusal};
use crate::state::State;
use std::collections::BTreeMap;

/// The given identifier if it is free, else the first free one of the pattern.
fn fresh_id<K, V>(
    given: &Option<K>,
    taken: &BTreeMap<K, V>,
    entity: Entity,
    make: impl Fn(usize) -> K,
) -> Result<K, Refusal>
where
    K: Ord + Clone + ToString,
{
    match given {
        Some(id) if taken.contains_key(id) => Err(Refusal::AlreadyExists {
            entity,
            id: id.to_string(),
        }),
        Some(id) => Ok(id.clone()),
        // There are fewer taken ids than numbers, so a free one is always found.
        None => Ok((taken.len() + 1..)
            .map(&make)
            .find(|id| !taken.contains_key(id))
            .unwrap_or_else(|| make(0))),
    }
}

pub fn record_incident(
    state: &State,
    actor: &Actor,
    command: &RecordIncident,
) -> Result<Act, Refusal> {
    let RecordIncident {
        id,
        election,
        station,
        constituency,
        description,
        source,
    } = command;
    let (station, constituency) = (*station, *constituency);
    authorise(
        state,
        actor,
        CommandKind::RecordIncident,
        Target::Constituency(constituency),
    )?;
    if !state.elections.contains_key(election) {
        return Err(Refusal::unknown(Entity::Election, election));
    }
    if !state.stations.contains_key(&station) {
        return Err(Refusal::unknown(Entity::Station, station));
    }
    let id = fresh_id(id, &state.incidents, Entity::Incident, |n| {
        IncidentId::new(format!("I-{n}"))
    })?;
    Ok(Act::IncidentRecorded(Incident {
        id,
        election: election.clone(),
        station,
        constituency,
        description: description.clone(),
        source: source.clone(),
    }))
}

pub fn file_complaint(
    state: &State,
    actor: &Actor,
    date: LegalDate,
    command: &FileComplaint,
) -> Result<Act, Refusal> {
    let FileComplaint {
        id,
        kind,
        addressed_to,
        filed_by,
        candidates,
        subject,
        concerns,
    } = command;
    staff_of(state, actor, CommandKind::FileComplaint, addressed_to)?;
    if filed_by.is_empty() {
        return Err(Refusal::EmptyList { field: "filed_by" });
    }
    if let Some(missing) = candidates
        .iter()
        .find(|c| !state.candidates.contains_key(*c))
    {
        return Err(Refusal::unknown(Entity::Candidate, missing));
    }
    if let Some(number) = concerns
        && state.resolution_by_ref(number).is_none()
    {
        return Err(Refusal::unknown(Entity::Resolution, number));
    }
    let id = fresh_id(id, &state.complaints, Entity::Complaint, |n| {
        ComplaintId::new(format!("{addressed_to}-C-{}-{n}", date.year()))
    })?;
    Ok(Act::ComplaintFiled(Complaint {
        id,
        kind: *kind,
        addressed_to: addressed_to.clone(),
        filed_by: filed_by.clone(),
        candidates: candidates.clone(),
        subject: subject.clone(),
        concerns: concerns.clone(),
    }))
}

pub fn send_request(state: &State, actor: &Actor, command: &SendRequest) -> Result<Act, Refusal> {
    let SendRequest {
        id,
        about,
        to,
        text,
    } = command;
    let (_, complaint) = state
        .complaints
        .get(about)
        .ok_or_else(|| Refusal::unknown(Entity::Complaint, about))?;
    staff_of(
        state,
        actor,
        CommandKind::SendRequest,
        &complaint.addressed_to,
    )?;
    let id = fresh_id(id, &state.requests, Entity::Request, |n| {
        RequestId::new(format!("R-{n}"))
    })?;
    Ok(Act::RequestSent(Request {
        id,
        about: about.clone(),
        to: to.clone(),
        text: text.clone(),
    }))
}

pub fn record_answer(state: &State, actor: &Actor, answer: &Answer) -> Result<Act, Refusal> {
    let (_, request) = state
        .requests
        .get(&answer.request)
        .ok_or_else(|| Refusal::unknown(Entity::Request, &answer.request))?;
    let (_, complaint) = state
        .complaints
        .get(&request.about)
        .ok_or_else(|| Refusal::unknown(Entity::Complaint, &request.about))?;
    staff_of(
        state,
        actor,
        CommandKind::RecordAnswer,
        &complaint.addressed_to,
    )?;
    Ok(Act::AnswerReceived(answer.clone()))
}

pub fn decide_complaint(
    state: &State,
    actor: &Actor,
    command: &DecideComplaint,
) -> Result<Act, Refusal> {
    let DecideComplaint {
        complaint: id,
        decision,
        resolution,
        text,
    } = command;
    let (_, complaint) = state
        .complaints
        .get(id)
        .ok_or_else(|| Refusal::unknown(Entity::Complaint, id))?;
    staff_of(
        state,
        actor,
        CommandKind::DecideComplaint,
        &complaint.addressed_to,
    )?;
    if let Some(number) = resolution
        && state.resolution_by_ref(number).is_none()
    {
        return Err(Refusal::unknown(Entity::Resolution, number));
    }
    Ok(Act::ComplaintDecided {
        complaint: id.clone(),
        decision: *decision,
        resolution: resolution.clone(),
        text: text.clone(),
    })
}

pub fn hold_meeting(
    state: &State,
    actor: &Actor,
    date: LegalDate,
    command: &HoldMeeting,
) -> Result<Act, Refusal> {
    let HoldMeeting {
        id,
        commission,
        present,
        agenda,
        speakers,
    } = command;
    let def = staff_of(state, actor, CommandKind::HoldMeeting, commission)?;
    if let Some(stranger) = present.iter().find(|m| def.member(m).is_none()) {
        return Err(Refusal::unknown_in(Entity::Member, stranger, commission));
    }
    if agenda.is_empty() {
        return Err(Refusal::EmptyList { field: "agenda" });
    }
    let id = fresh_id(id, &state.meetings, Entity::Meeting, |n| {
        MeetingId::new(format!("{commission}-M-{date}-{n}"))
    })?;
    Ok(Act::MeetingHeld(Meeting {
        id,
        commission: commission.clone(),
        present: present.clone(),
        agenda: agenda.clone(),
        speakers: speakers.clone(),
    }))
}

/// The actor is staff of `commission` itself.
fn staff_of<'s>(
    state: &'s State,
    actor: &Actor,
    kind: CommandKind,
    commission: &CommissionId,
) -> Result<&'s crate::commission::CommissionDef, Refusal> {
    authorise(state, actor, kind, Target::Commission(commission))
}

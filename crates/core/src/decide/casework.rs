//! Incidents, complaints, requests, answers and meetings.

use super::authority::{Target, authorise};
use crate::act::Act;
use crate::actor::Actor;
use crate::casework::{Answer, Complaint, Incident, Meeting, Request};
use crate::command::{DecideComplaint, FileComplaint, HoldMeeting, RecordIncident, SendRequest};
use crate::date::LegalDate;
use crate::ids::{CommissionId, ComplaintId, IncidentId, MeetingId, RequestId};
use crate::permission::CommandKind;
use crate::refusal::Refusal;
use crate::state::State;
use std::collections::BTreeMap;

/// The given identifier if it is free, else the first free one of the pattern.
fn fresh_id<K, V>(
    given: &Option<K>,
    taken: &BTreeMap<K, V>,
    what: &'static str,
    make: impl Fn(usize) -> K,
) -> Result<K, Refusal>
where
    K: Ord + Clone + ToString,
{
    match given {
        Some(id) if taken.contains_key(id) => Err(Refusal::AlreadyExists {
            what,
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
        "record incidents",
    )?;
    if !state.elections.contains_key(election) {
        return Err(Refusal::unknown("election", election));
    }
    if !state.stations.contains_key(&station) {
        return Err(Refusal::unknown("polling station", station));
    }
    let id = fresh_id(id, &state.incidents, "incident", |n| {
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
    staff_of(
        state,
        actor,
        CommandKind::FileComplaint,
        addressed_to,
        "record complaints",
    )?;
    if filed_by.is_empty() {
        return Err(Refusal::BadValue("a complaint names who filed it".into()));
    }
    if let Some(missing) = candidates
        .iter()
        .find(|c| !state.candidates.contains_key(*c))
    {
        return Err(Refusal::unknown("candidate", missing));
    }
    if let Some(number) = concerns
        && state.resolution_by_ref(number).is_none()
    {
        return Err(Refusal::unknown("resolution", number));
    }
    let id = fresh_id(id, &state.complaints, "complaint", |n| {
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
        .ok_or_else(|| Refusal::unknown("complaint", about))?;
    staff_of(
        state,
        actor,
        CommandKind::SendRequest,
        &complaint.addressed_to,
        "send requests",
    )?;
    let id = fresh_id(id, &state.requests, "request", |n| {
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
        .ok_or_else(|| Refusal::unknown("request", &answer.request))?;
    let (_, complaint) = state
        .complaints
        .get(&request.about)
        .ok_or_else(|| Refusal::unknown("complaint", &request.about))?;
    staff_of(
        state,
        actor,
        CommandKind::RecordAnswer,
        &complaint.addressed_to,
        "record answers",
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
        .ok_or_else(|| Refusal::unknown("complaint", id))?;
    staff_of(
        state,
        actor,
        CommandKind::DecideComplaint,
        &complaint.addressed_to,
        "decide complaints",
    )?;
    if let Some(number) = resolution
        && state.resolution_by_ref(number).is_none()
    {
        return Err(Refusal::unknown("resolution", number));
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
    let def = staff_of(
        state,
        actor,
        CommandKind::HoldMeeting,
        commission,
        "record meetings",
    )?;
    if let Some(stranger) = present.iter().find(|m| def.member(m).is_none()) {
        return Err(Refusal::unknown(
            "member",
            format!("{stranger} of {commission}"),
        ));
    }
    if agenda.is_empty() {
        return Err(Refusal::BadValue(
            "a meeting has at least one item on its agenda".into(),
        ));
    }
    let id = fresh_id(id, &state.meetings, "meeting", |n| {
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
    action: &str,
) -> Result<&'s crate::commission::CommissionDef, Refusal> {
    authorise(state, actor, kind, Target::Commission(commission), action)
}

//! `decide`: check a command against the state and the law, and turn it into acts — or
//! refuse it with a reason. Pure: no clock, no I/O; the date comes with the submission.

mod authority;
mod candidates;
mod casework;
mod protocols;
mod resolutions;
mod structure;

use crate::act::Act;
use crate::command::{Command, Submission};
use crate::refusal::Refusal;
use crate::state::State;

/// Decides one submission against `state`. On success the acts are to be appended to the
/// record in order, then applied. An act that refers to something of a later legal date than
/// its own is refused, so that the state as of every date can be computed.
pub fn decide(state: &State, submission: &Submission) -> Result<Vec<Act>, Refusal> {
    let acts = decide_acts(state, submission)?;
    if let Some(later) = acts
        .iter()
        .find_map(|act| state.later_reference(act, submission.date))
    {
        return Err(Refusal::RefersToLater {
            what: later.what,
            id: later.id,
            dated: later.dated,
            date: submission.date,
        });
    }
    Ok(acts)
}

fn decide_acts(state: &State, submission: &Submission) -> Result<Vec<Act>, Refusal> {
    let actor = &submission.actor;
    let date = submission.date;
    if let Command::EnterProtocol {
        election,
        station,
        constituency,
        figures,
        acknowledged,
        correction_reason,
    } = &submission.command
    {
        return protocols::enter(
            state,
            actor,
            election,
            *station,
            *constituency,
            figures,
            acknowledged,
            correction_reason,
        );
    }
    let act = match &submission.command {
        Command::DefineConstituency(def) => structure::define_constituency(state, actor, def)?,
        Command::DefineStation(def) => structure::define_station(state, actor, def)?,
        Command::FormCommission(def) => structure::form_commission(state, actor, def)?,
        Command::CallElection(spec) => structure::call_election(state, actor, spec)?,
        Command::NominateCandidate(nomination) => candidates::nominate(state, actor, nomination)?,
        Command::PayFee {
            candidate,
            amount,
            reference,
        } => candidates::pay_fee(state, actor, candidate, *amount, reference)?,
        Command::RegisterCandidate { candidate } => candidates::register(state, actor, candidate)?,
        Command::RefuseRegistration { candidate, reason } => {
            candidates::refuse(state, actor, candidate, reason)?
        }
        Command::WithdrawCandidate { candidate, reason } => {
            candidates::withdraw(state, actor, candidate, reason)?
        }
        Command::EnterProtocol { .. } => unreachable!("handled above: an entry may give two acts"),
        Command::SettleProtocol {
            election,
            station,
            constituency,
            decision,
        } => protocols::settle(state, actor, election, *station, *constituency, *decision)?,
        Command::RecordPreliminaryFigures {
            election,
            station,
            constituency,
            figures,
        } => {
            protocols::record_preliminary(state, actor, election, *station, *constituency, figures)?
        }
        Command::RecordIncident {
            id,
            election,
            station,
            constituency,
            description,
            source,
        } => casework::record_incident(
            state,
            actor,
            id,
            election,
            *station,
            *constituency,
            description,
            source,
        )?,
        Command::FileComplaint {
            id,
            kind,
            addressed_to,
            filed_by,
            candidates,
            subject,
            concerns,
        } => casework::file_complaint(
            state,
            actor,
            date,
            id,
            *kind,
            addressed_to,
            filed_by,
            candidates,
            subject,
            concerns,
        )?,
        Command::SendRequest {
            id,
            about,
            to,
            text,
        } => casework::send_request(state, actor, id, about, to, text)?,
        Command::RecordAnswer(answer) => casework::record_answer(state, actor, answer)?,
        Command::DecideComplaint {
            complaint,
            decision,
            resolution,
            text,
        } => casework::decide_complaint(state, actor, complaint, *decision, resolution, text)?,
        Command::HoldMeeting {
            id,
            commission,
            present,
            agenda,
            speakers,
        } => casework::hold_meeting(
            state, actor, date, id, commission, present, agenda, speakers,
        )?,
        Command::VoteResolution {
            commission,
            number,
            title,
            meeting,
            considers,
            votes,
            effects,
        } => resolutions::vote(
            state, submission, commission, *number, title, meeting, considers, votes, effects,
        )?,
    };
    Ok(vec![act])
}

//! `decide`: check a command against the state and the law, and turn it into acts — or
//! refuse it with a reason. Pure: no clock, no I/O; the date comes with the submission. Each
//! handler's module cites the rules of docs/rules.md it applies; here every act is held to
//! refer to nothing of a later legal date (R-REF-DATED, `REFERS_TO_LATER`), so that the state as of any
//! date can be computed.

mod authority;
mod candidates;
mod casework;
mod limits;
mod protocols;
mod resolutions;
mod structure;

pub use limits::{MAX_COMMAND_BYTES, MAX_ID, MAX_LINE, MAX_NAME, MAX_TEXT};

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
    limits::check(submission)?;
    let one = |act: Result<Act, Refusal>| act.map(|act| vec![act]);
    match &submission.command {
        Command::DefineConstituency(def) => one(structure::define_constituency(state, actor, def)),
        Command::DefineStation(def) => one(structure::define_station(state, actor, def)),
        Command::FormCommission(def) => one(structure::form_commission(state, actor, def)),
        Command::CallElection(spec) => one(structure::call_election(state, actor, spec)),
        Command::NominateCandidate(nomination) => {
            one(candidates::nominate(state, actor, nomination))
        }
        Command::PayFee(command) => one(candidates::pay_fee(state, actor, command)),
        Command::RegisterCandidate(command) => one(candidates::register(state, actor, command)),
        Command::RefuseRegistration(command) => one(candidates::refuse(state, actor, command)),
        Command::WithdrawCandidate(command) => one(candidates::withdraw(state, actor, command)),
        // An entry may give two acts: the entry, and the acceptance when it agrees.
        Command::EnterProtocol(command) => protocols::enter(state, actor, command),
        Command::SettleProtocol(command) => one(protocols::settle(state, actor, command)),
        Command::RecordPreliminaryFigures(command) => {
            one(protocols::record_preliminary(state, actor, command))
        }
        Command::RecordIncident(command) => one(casework::record_incident(state, actor, command)),
        Command::FileComplaint(command) => {
            one(casework::file_complaint(state, actor, date, command))
        }
        Command::SendRequest(command) => one(casework::send_request(state, actor, command)),
        Command::RecordAnswer(answer) => one(casework::record_answer(state, actor, answer)),
        Command::DecideComplaint(command) => one(casework::decide_complaint(state, actor, command)),
        Command::HoldMeeting(command) => one(casework::hold_meeting(state, actor, date, command)),
        Command::VoteResolution(command) => one(resolutions::vote(state, submission, command)),
    }
}

//! The staff application's forms as the server receives them: an
//! `application/x-www-form-urlencoded` body read by each of the workplace's form readers,
//! and whatever command one makes staged on the story's set-up. A refusal by field or by
//! core is an answer; a panic or a defect is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandoo_core::casework::Meeting;
use tandoo_core::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, StationId,
};
use tandoo_core::protocol::ProtocolKey;
use tandoo_core::{Actor, Command, LegalDate, Role, State, Submission};
use tandoo_workplace::{candidates, complaints, entry, incidents, meetings};

fuzz_target!(|data: &[u8]| {
    let fields: Vec<(String, String)> = form_urlencoded::parse(data).into_owned().collect();
    let set_up = &*tandoo_fuzz::SET_UP;
    let election = ElectionId::new(tandoo_demo::story::E1);
    let cec = CommissionId::new("CEC");
    let mut made: Vec<(LegalDate, Command)> = Vec::new();

    let key = ProtocolKey {
        election: election.clone(),
        constituency: ConstituencyNo(13),
        station: StationId(13001),
    };
    let typed = entry::Typed::from_fields(fields.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    if let Some(form) = set_up.elections.get(&election).map(|e| &e.call.form) {
        let ballot: Vec<CandidateId> = set_up
            .candidates
            .values()
            .filter(|c| c.nomination.constituency == ConstituencyNo(13))
            .map(|c| c.nomination.id.clone())
            .collect();
        if let Ok(command) = typed.command(&key, form, &ballot) {
            made.push((day(), Command::EnterProtocol(command)));
        }
    }
    made.extend(candidates::read_nomination(&fields, &election).ok());
    if let Some(Ok(read)) = candidates::read_action(&fields, &CandidateId::new("E1-13-01")) {
        made.push(read);
    }
    made.extend(complaints::read_filing(&fields, &cec).ok());
    if let Some(Ok(read)) = complaints::read_action(&fields, &ComplaintId::new("CEC-C-1")) {
        made.push(read);
    }
    made.extend(incidents::read(&fields, &election).ok());
    if let Ok((date, command)) = meetings::hold_meeting(&cec, &fields) {
        made.push((date, Command::HoldMeeting(command)));
    }
    if let Some(meeting) = any_meeting(&tandoo_fuzz::STORY)
        && let Ok(command) = meetings::vote_resolution(meeting, &fields)
    {
        made.push((day(), Command::VoteResolution(command)));
    }

    for (date, command) in made {
        let mut state = set_up.clone();
        let submission = Submission {
            date,
            actor: Actor::new("cec.secretary", Role::Secretary, "CEC"),
            command,
        };
        tandoo_fuzz::stage(&mut state, &submission);
    }
});

fn day() -> LegalDate {
    "2025-11-30".parse().expect("a date")
}

fn any_meeting(state: &State) -> Option<&Meeting> {
    state.meetings.values().next().map(|(_, meeting)| meeting)
}

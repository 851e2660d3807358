//! What `tandoo apply` says about each command it recorded, one line each, in words: an entry
//! recorded and whether the protocol was accepted, a resolution adopted with its number or
//! not adopted and why, a candidate registered, a fee paid.
//!
//! The words come from the acts the command became (the record's own account of what
//! happened), not from the command, so a resolution that the vote did not adopt is never
//! reported as if it had been.

use crate::list::decision as decision_words;
use crate::render::{count, english, latin};
use tandoo_core::act::Act;
use tandoo_core::protocol::ProtocolKey;
use tandoo_core::resolution::ResolutionVoted;
use tandoo_core::{Command, Submission};

/// Splits the acts recorded for `submissions` (in order) into each command's acts.
///
/// Every command becomes one act, except an entry that completes a protocol: the entry is
/// followed by the protocol's acceptance (an acceptance a supervisor settles is a command of
/// its own and names the supervisor).
pub fn per_command<'a>(submissions: &[Submission], acts: &'a [Act]) -> Vec<&'a [Act]> {
    let mut groups = Vec::with_capacity(submissions.len());
    let mut at = 0;
    for submission in submissions {
        let mut len = 1;
        if matches!(submission.command, Command::EnterProtocol { .. })
            && matches!(
                acts.get(at + 1),
                Some(Act::ProtocolAccepted {
                    settled_by: None,
                    ..
                })
            )
        {
            len = 2;
        }
        let end = (at + len).min(acts.len());
        groups.push(&acts[at..end]);
        at = end;
    }
    groups
}

/// One line for one command's acts.
pub fn describe(acts: &[Act]) -> String {
    match acts {
        [
            Act::ProtocolEntered {
                key,
                version,
                entry,
                ..
            },
            Act::ProtocolAccepted { entries, .. },
        ] => format!(
            "{}: entry {entry} recorded; the protocol{} is accepted (entries {} agree)",
            protocol(key),
            version_words(*version),
            entries
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" and ")
        ),
        [act] => describe_act(act),
        _ => acts.iter().map(describe_act).collect::<Vec<_>>().join("; "),
    }
}

fn describe_act(act: &Act) -> String {
    match act {
        Act::ConstituencyDefined(c) => format!(
            "constituency {} defined: {}, {}",
            c.number,
            english(&c.name),
            count(u64::from(c.seats), "seat", "seats")
        ),
        Act::StationDefined(s) => format!(
            "polling station {} defined in constituency {}, {} on its list",
            s.number,
            s.constituency,
            count(s.voters, "voter", "voters")
        ),
        Act::CommissionFormed(m) => format!(
            "commission {} formed: {}, {}",
            m.id,
            english(&m.name),
            count(m.members.len() as u64, "member", "members")
        ),
        Act::ElectionCalled(e) => format!(
            "election {} called: {}, voting day {}, {}",
            e.id,
            english(&e.name),
            e.voting_day,
            count(
                e.constituencies.len() as u64,
                "constituency",
                "constituencies"
            )
        ),
        Act::CandidateNominated(n) => format!(
            "candidate {} nominated: {}, election {}, constituency {}",
            n.id,
            latin(&n.name, n.latin_name.as_deref()),
            n.election,
            n.constituency
        ),
        Act::FeePaid {
            candidate, amount, ..
        } => format!("fee of {amount} paid for candidate {candidate}"),
        Act::CandidateRegistered { candidate } => format!("candidate {candidate} registered"),
        Act::RegistrationRefused { candidate, reason } => {
            format!("registration of candidate {candidate} refused: {reason}")
        }
        Act::CandidateWithdrawn { candidate, .. } => format!("candidate {candidate} withdrawn"),
        Act::ProtocolEntered {
            key,
            version,
            entry,
            ..
        } => {
            let next = if *entry == 1 {
                "awaiting the second entry".to_string()
            } else {
                "it differs from the earlier entries: a supervisor settles them".to_string()
            };
            format!(
                "{}: entry {entry}{} recorded, {next}",
                protocol(key),
                version_words(*version)
            )
        }
        Act::ProtocolAccepted {
            key,
            version,
            entries,
            settled_by,
            ..
        } => {
            let how = match settled_by {
                Some(supervisor) => format!(
                    "supervisor {supervisor} kept entry {}",
                    entries.first().copied().unwrap_or_default()
                ),
                None => "the entries agree".to_string(),
            };
            format!(
                "{}: the protocol{} is accepted ({how})",
                protocol(key),
                version_words(*version)
            )
        }
        Act::NewEntryOrdered {
            key, supervisor, ..
        } => format!(
            "{}: supervisor {supervisor} ordered one more entry",
            protocol(key)
        ),
        Act::PreliminaryFiguresRecorded { key, .. } => {
            format!("{}: preliminary figures recorded", protocol(key))
        }
        Act::IncidentRecorded(i) => format!(
            "incident {} recorded at polling station {}",
            i.id, i.station
        ),
        Act::ComplaintFiled(c) => format!("complaint {} filed with {}", c.id, c.addressed_to),
        Act::RequestSent(r) => format!("request {} sent to {}", r.id, r.to),
        Act::AnswerReceived(a) => {
            format!("answer to request {} from {} recorded", a.request, a.from)
        }
        Act::ComplaintDecided {
            complaint,
            decision,
            ..
        } => format!(
            "complaint {complaint} decided: {}",
            decision_words(*decision)
        ),
        Act::MeetingHeld(m) => format!(
            "meeting {} of {} held, {} present",
            m.id,
            m.commission,
            count(m.present.len() as u64, "member", "members")
        ),
        Act::ResolutionVoted(voted) => resolution(voted),
    }
}

fn protocol(key: &ProtocolKey) -> String {
    format!(
        "protocol of polling station {}, constituency {}, election {}",
        key.station, key.constituency, key.election
    )
}

/// " (correction, version 2)" for a correction; nothing for the first version.
fn version_words(version: u32) -> String {
    if version > 1 {
        format!(" (correction, version {version})")
    } else {
        String::new()
    }
}

/// A resolution adopted, with its number, or not adopted, with the reason the tally gives.
fn resolution(voted: &ResolutionVoted) -> String {
    let t = &voted.tally;
    let votes = format!(
        "{} for, {} against, {} abstained",
        t.votes_for, t.against, t.abstain
    );
    if voted.adopted {
        let number = voted
            .number
            .as_ref()
            .map(|n| format!("resolution {n}"))
            .unwrap_or_else(|| "resolution".to_string());
        format!("{number} adopted ({votes}): {}", english(&voted.title))
    } else {
        let why = if !t.quorum_met() {
            format!(
                "no quorum: {} of {} present, {} needed",
                t.present,
                count(u64::from(t.members), "member", "members"),
                t.quorum_required
            )
        } else {
            format!(
                "no majority: {} for, {} needed",
                t.votes_for, t.majority_required
            )
        };
        format!(
            "resolution of {} NOT ADOPTED — {why} ({votes}); it has no number and no effect: {}",
            voted.commission,
            english(&voted.title)
        )
    }
}

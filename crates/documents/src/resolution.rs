//! A resolution as the commission signs it: its number and date, what it considered (the
//! complaints and statements, the requests sent and the answers received), its effects as
//! numbered operative paragraphs, each member's vote against the quorum and majority, and
//! whether it was adopted — and, as the record stood on the date asked for, what later
//! rescinded it.

use serde::Serialize;
use tandoo_core::State;
use tandoo_core::commission::{CommissionDef, Position};
use tandoo_core::resolution::{Effect, Resolution, ResolutionKey, Vote};
use tandoo_present::{text, written};

use crate::sheet::{Heading, candidate_name};
use crate::words::{Words, args};
use crate::{DocumentError, Request, Subject};

#[derive(Clone, Debug, Serialize)]
pub struct Sheet {
    /// "No. 161", or none for a draft that was not adopted.
    pub number: Option<String>,
    pub date: String,
    /// What it decides about, in its own words.
    pub subject: String,
    pub considered: Vec<Considered>,
    /// Who spoke at the meeting it was voted at.
    pub speakers: Vec<String>,
    /// The effects, as the operative paragraphs number them.
    pub paragraphs: Vec<String>,
    pub adopted: bool,
    /// "Adopted" or "Not adopted", with the tally.
    pub outcome: String,
    pub required: String,
    pub votes: Vec<VoteRow>,
    /// The resolutions rescinding it, as the record stood on the date asked for.
    pub rescinded: Vec<String>,
    pub signatures: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Considered {
    pub heading: String,
    /// The requests sent about it and the answers received, in order.
    pub items: Vec<String>,
    pub decision: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VoteRow {
    pub member: String,
    pub position: String,
    pub vote: String,
}

const LABELS: &[&str] = &[
    "considered-heading",
    "speakers-heading",
    "resolves-heading",
    "no-effect-not-adopted",
    "no-effects",
    "vote-heading",
    "col-member",
    "col-position",
    "col-vote",
    "rescinded-heading",
    "signatures-heading",
    "signature",
    "name-initials",
    "seal",
];

pub(crate) fn prepare(
    state: &State,
    request: &Request,
    words: Words,
) -> Result<(Heading, Sheet), DocumentError> {
    let resolution = find(state, &request.subject)?;
    let language = words.language;
    let commission = state.commissions.get(&resolution.voted.commission);
    let voted = &resolution.voted;
    let tally = &voted.tally;
    let counts = args(&[
        ("for", tally.votes_for.to_string()),
        ("against", tally.against.to_string()),
        ("abstain", tally.abstain.to_string()),
    ]);
    let outcome = words.say(
        if voted.adopted {
            "adopted"
        } else {
            "not-adopted"
        },
        &counts,
    );
    let required = words.say(
        "required",
        &args(&[
            ("members", tally.members.to_string()),
            ("present", tally.present.to_string()),
            ("quorum", tally.quorum_required.to_string()),
            ("majority", tally.majority_required.to_string()),
        ]),
    );
    let sheet = Sheet {
        number: voted.number.as_ref().filter(|_| voted.adopted).map(|n| {
            words.say(
                "number",
                &args(&[
                    ("number", n.number.to_string()),
                    ("year", n.year.to_string()),
                ]),
            )
        }),
        date: words.date(resolution.date),
        subject: written::text(&voted.title, language).to_string(),
        considered: considered(state, resolution, words),
        speakers: speakers(state, resolution),
        paragraphs: if voted.adopted {
            voted
                .effects
                .iter()
                .map(|e| effect(state, e, words))
                .collect()
        } else {
            Vec::new()
        },
        adopted: voted.adopted,
        outcome,
        required,
        votes: voted
            .votes
            .iter()
            .map(|v| VoteRow {
                member: member(commission, v.member.as_str()).0,
                position: member(commission, v.member.as_str())
                    .1
                    .map_or_else(String::new, |p| position(p, words)),
                vote: words.word(match v.vote {
                    Vote::For => "vote-for",
                    Vote::Against => "vote-against",
                    Vote::Abstain => "vote-abstain",
                }),
            })
            .collect(),
        rescinded: resolution
            .rescinded_by
            .iter()
            .filter_map(|key| state.citation(*key))
            .map(|c| {
                words.say(
                    "rescinded-by",
                    &args(&[("resolution", text::citation(&c, language))]),
                )
            })
            .collect(),
        signatures: vec![
            words.word("position-chair"),
            words.word("position-secretary"),
        ],
    };
    let issuer = commission.map_or_else(
        || voted.commission.to_string(),
        |c| written::text(&c.name, language).to_string(),
    );
    let heading = Heading {
        issuer,
        title: words.word("resolution-title"),
        subtitle: Vec::new(),
        labels: LABELS,
    };
    Ok((heading, sheet))
}

/// The resolution a subject names: an adopted one by its number, a draft by its key.
pub(crate) fn find<'s>(
    state: &'s State,
    subject: &Subject,
) -> Result<&'s Resolution, DocumentError> {
    let found = match subject {
        Subject::Resolution(number) => state.resolution_by_ref(number),
        Subject::Draft(commission, key) => state
            .resolutions
            .get(&ResolutionKey(*key))
            .filter(|r| r.voted.commission == *commission && !r.voted.adopted),
        _ => None,
    };
    found.ok_or_else(|| DocumentError::NoSuchResolution(subject.token()))
}

/// A member by the name the commission registered, and their position; else by their id.
fn member(commission: Option<&CommissionDef>, id: &str) -> (String, Option<Position>) {
    commission
        .and_then(|c| c.members.iter().find(|m| m.id.as_str() == id))
        .map_or((id.to_string(), None), |m| {
            (m.name.clone(), Some(m.position))
        })
}

fn position(position: Position, words: Words) -> String {
    words.word(match position {
        Position::Chair => "position-chair",
        Position::DeputyChair => "position-deputy-chair",
        Position::Secretary => "position-secretary",
        Position::Member => "position-member",
    })
}

/// The complaints and statements it decides or answers, each with the requests sent about
/// it and their answers, as the record holds them.
fn considered(state: &State, resolution: &Resolution, words: Words) -> Vec<Considered> {
    resolution
        .voted
        .considers
        .iter()
        .filter_map(|id| state.complaints.get(id).map(|(stamp, c)| (id, stamp, c)))
        .map(|(id, stamp, complaint)| {
            let mut items = Vec::new();
            for (_, request) in state.requests.values().filter(|(_, r)| r.about == *id) {
                items.push(words.say(
                    "request",
                    &args(&[("to", request.to.clone()), ("text", request.text.clone())]),
                ));
                for (_, answer) in state.answers.get(&request.id).into_iter().flatten() {
                    items.push(words.say(
                        "answer",
                        &args(&[("from", answer.from.clone()), ("text", answer.text.clone())]),
                    ));
                }
            }
            Considered {
                heading: words.say(
                    "complaint",
                    &args(&[
                        ("id", id.to_string()),
                        ("date", words.date(stamp.date)),
                        ("filed_by", complaint.filed_by.join(", ")),
                        ("subject", complaint.subject.clone()),
                    ]),
                ),
                items,
                decision: state
                    .complaint_decisions
                    .get(id)
                    .and_then(|rulings| rulings.last())
                    .map(|r| r.text.clone()),
            }
        })
        .collect()
}

fn speakers(state: &State, resolution: &Resolution) -> Vec<String> {
    resolution
        .voted
        .meeting
        .as_ref()
        .and_then(|m| state.meetings.get(m))
        .map(|(_, meeting)| {
            meeting
                .speakers
                .iter()
                .map(|s| format!("{} ({}): {}", s.name, s.position, s.subject))
                .collect()
        })
        .unwrap_or_default()
}

/// An operative paragraph: what the effect does, and whom or what it names.
fn effect(state: &State, effect: &Effect, words: Words) -> String {
    let language = words.language;
    let mut paragraph = tandoo_present::words::effect(effect, language);
    let names = |ids: &[tandoo_core::ids::CandidateId]| -> String {
        ids.iter()
            .map(|id| candidate_name(state, id, words))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let constituency = effect.constituency();
    if let Some(c) = constituency {
        paragraph.push_str(" — ");
        paragraph.push_str(&words.say("constituency-short", &args(&[("number", c.to_string())])));
    }
    match effect {
        Effect::AnnulStationResult { station, .. } | Effect::OrderRecount { station, .. } => {
            paragraph.push_str(", ");
            paragraph
                .push_str(&words.say("station-short", &args(&[("number", station.to_string())])));
        }
        _ if !effect.candidates().is_empty() => {
            paragraph.push_str(": ");
            paragraph.push_str(&names(effect.candidates()));
        }
        Effect::Rescind { resolution } => {
            paragraph.push_str(": ");
            match state.resolution_by_ref(resolution) {
                Some(target) => paragraph.push_str(&text::citation(&target.citation(), language)),
                None => paragraph.push_str(&resolution.to_string()),
            }
        }
        Effect::CancelElection { election } => {
            paragraph.push_str(": ");
            paragraph.push_str(election.as_str());
            if let Some(e) = state.elections.get(election) {
                paragraph.push_str(" — ");
                paragraph.push_str(written::text(&e.call.name, language));
            }
        }
        Effect::Directive { text } => {
            paragraph.push_str(": ");
            paragraph.push_str(written::text(text, language));
        }
        _ => {}
    }
    paragraph
}

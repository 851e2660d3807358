//! The precinct protocol of a station: every line of the election's form with its figure in
//! digits and in words, the candidates' and "against all" figures, the versions and their
//! corrections, and blank lines for the members' signatures. The blank protocol is the same
//! sheet with the figures left for the commission to write on election night.

use serde::Serialize;
use tandoo_core::State;
use tandoo_core::ids::StationId;
use tandoo_core::progress::station_status;
use tandoo_core::protocol::{AGAINST_ALL, AcceptedFigures, ProtocolKey};
use tandoo_core::state::{ProtocolSlot, ProtocolVersion};
use tandoo_present::{form, written};

use crate::sheet::{Heading, ballot, candidate_name, constituency, constituency_line, stations};
use crate::words::{Words, args, capitalised};
use crate::{DocumentError, Kind, Request, Subject};

/// How many members sign a precinct protocol besides its chair, deputy and secretary: the
/// form leaves this many lines.
const MEMBER_LINES: usize = 6;

#[derive(Clone, Debug, Serialize)]
pub struct Sheet {
    /// Left blank, to be filled by hand.
    pub blank: bool,
    /// The station's status in words (accepted, annulled, not entered).
    pub status: Option<String>,
    /// What resolutions did to it, and a correction in progress.
    pub notes: Vec<String>,
    /// The form's lines, in the order printed, then each candidate, then "against all".
    pub lines: Vec<Line>,
    /// The ballot-counting box gave figures: a column shows them beside the count.
    pub preliminary: bool,
    pub versions: Vec<VersionRow>,
    /// The signature lines: the position of who signs each.
    pub signatures: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// `L1` … or the candidate's place on the ballot; `AA` for against all.
    pub code: String,
    pub label: String,
    /// A candidate's line, printed under the heading of the votes.
    pub candidate: bool,
    pub figure: Option<u64>,
    /// The figure as the language writes it, and in words.
    pub digits: Option<String>,
    pub spelled: Option<String>,
    pub preliminary: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VersionRow {
    pub version: u32,
    pub date: String,
    pub entries: String,
    pub reason: Option<String>,
    /// `L3: 412 → 415` for each line a correction changed.
    pub changes: Vec<String>,
}

const LABELS: &[&str] = &[
    "col-line",
    "col-meaning",
    "col-digits",
    "col-words",
    "col-preliminary",
    "votes-heading",
    "versions-heading",
    "col-version",
    "col-date",
    "col-entries",
    "col-correction",
    "signatures-heading",
    "signature",
    "name-initials",
    "seal",
    "signed-at",
    "blank-hint",
    "preliminary-hint",
];

pub(crate) fn prepare(
    state: &State,
    request: &Request,
    words: Words,
) -> Result<(Heading, Sheet), DocumentError> {
    let Subject::Station {
        constituency: number,
        station,
    } = request.subject
    else {
        return Err(bad(request));
    };
    let view = constituency(state, number)?;
    let election = request.election.clone().unwrap_or(view.election.clone());
    let def = state
        .stations
        .get(&station)
        .filter(|_| stations(state, number).contains(&station))
        .ok_or(DocumentError::NoSuchStation {
            constituency: number.0,
            station: station.0,
        })?;
    let called = state
        .elections
        .get(&election)
        .ok_or(DocumentError::NoElection)?;
    let key = ProtocolKey {
        election: election.clone(),
        station,
        constituency: number,
    };
    let slot = state.protocols.get(&key);
    let blank = request.kind == Kind::BlankProtocol;
    let latest = slot.and_then(ProtocolSlot::latest).filter(|_| !blank);
    let language = words.language;
    let form = &called.call.form;
    let box_figures = slot.and_then(|s| s.preliminary.as_ref()).filter(|_| !blank);
    let figure_line = |code: String,
                       label: String,
                       candidate: bool,
                       figure: Option<u64>,
                       preliminary: Option<u64>| Line {
        code,
        label,
        candidate,
        figure,
        digits: figure.map(|n| words.number(n)),
        spelled: figure.map(|n| words.spelled(n)),
        preliminary: preliminary.map(|n| words.number(n)),
    };
    let mut lines = Vec::new();
    for (code, label) in form::labelled_lines(form, language) {
        if code == AGAINST_ALL {
            continue;
        }
        let figure = latest.map(|v| v.figures.line(&code));
        let preliminary = box_figures.and_then(|b| b.lines.get(&code).copied());
        lines.push(figure_line(code, label, false, figure, preliminary));
    }
    let ballot = ballot(state, &election, number);
    for (place, id) in ballot.iter().enumerate() {
        let name = candidate_name(state, id, words);
        let figure = latest.map(|v| v.figures.candidates.get(id).copied().unwrap_or(0));
        let preliminary = box_figures.and_then(|b| b.candidates.get(id).copied());
        lines.push(figure_line(
            (place + 1).to_string(),
            name,
            true,
            figure,
            preliminary,
        ));
    }
    lines.push(figure_line(
        AGAINST_ALL.to_string(),
        form::line_label(form, AGAINST_ALL, language),
        true,
        latest.map(|v| v.figures.against_all),
        box_figures.and_then(|b| b.against_all),
    ));
    let sheet = Sheet {
        blank,
        status: (!blank).then(|| {
            capitalised(&tandoo_present::words::station_status(
                station_status(state, slot),
                language,
            ))
        }),
        notes: if blank {
            Vec::new()
        } else {
            notes(state, slot, words)
        },
        lines,
        preliminary: box_figures.is_some(),
        versions: match slot {
            Some(slot) if !blank => versions(slot, words),
            _ => Vec::new(),
        },
        signatures: signatures(words),
    };
    let title = if blank {
        format!(
            "{} ({})",
            form::title(form, language),
            words.word("blank-title")
        )
    } else {
        form::title(form, language)
    };
    let heading = Heading {
        issuer: words.say(
            "precinct-commission",
            &args(&[("station", station.to_string())]),
        ),
        title,
        subtitle: vec![
            written::text(&called.call.name, language).to_string(),
            words.say(
                "voting-day",
                &args(&[("date", words.date(called.call.voting_day))]),
            ),
            constituency_line(&view, words),
            station_line(station, &def.name, def.voters, words),
        ],
        labels: LABELS,
    };
    Ok((heading, sheet))
}

fn bad(request: &Request) -> DocumentError {
    DocumentError::BadSubject {
        kind: request.kind.name(),
        expected: request.kind.expects(),
        given: request.subject.ids(),
    }
}

fn station_line(station: StationId, name: &str, voters: u64, words: Words) -> String {
    words.say(
        "station",
        &args(&[
            ("number", station.to_string()),
            ("name", name.to_string()),
            ("voters", words.number(voters)),
        ]),
    )
}

fn notes(state: &State, slot: Option<&ProtocolSlot>, words: Words) -> Vec<String> {
    let Some(slot) = slot else {
        return vec![words.word("no-protocol")];
    };
    let mut notes: Vec<String> = slot
        .annulled_by
        .iter()
        .filter(|key| state.in_force(**key))
        .filter_map(|key| state.citation(*key))
        .map(|c| {
            words.say(
                "annulled-by",
                &args(&[(
                    "resolution",
                    tandoo_present::text::citation(&c, words.language),
                )]),
            )
        })
        .collect();
    if !slot.round.is_empty() && !slot.versions.is_empty() {
        notes.push(words.say(
            "correction-in-progress",
            &args(&[("reason", slot.round_reason.clone().unwrap_or_default())]),
        ));
    }
    notes
}

fn versions(slot: &ProtocolSlot, words: Words) -> Vec<VersionRow> {
    slot.versions
        .iter()
        .enumerate()
        .map(|(i, v)| VersionRow {
            version: v.version,
            date: words.date(v.date),
            entries: entries(v, words),
            reason: v.correction_reason.clone(),
            changes: match i {
                0 => Vec::new(),
                _ => changes(&slot.versions[i - 1].figures, &v.figures, words),
            },
        })
        .collect()
}

fn entries(v: &ProtocolVersion, words: Words) -> String {
    let count = v.entries.len().to_string();
    match &v.settled_by {
        Some(by) => words.say(
            "entries-settled",
            &args(&[("entries", count), ("by", by.clone())]),
        ),
        None => words.say("entries-agreed", &args(&[("entries", count)])),
    }
}

/// The lines and votes a correction changed, `code: before → after`.
fn changes(before: &AcceptedFigures, after: &AcceptedFigures, words: Words) -> Vec<String> {
    let mut changed: Vec<(String, u64, u64)> = after
        .lines
        .iter()
        .filter(|(code, n)| before.line(code) != **n)
        .map(|(code, n)| (code.clone(), before.line(code), *n))
        .collect();
    changed.extend(
        after
            .candidates
            .iter()
            .filter(|(id, n)| before.candidates.get(*id) != Some(n))
            .map(|(id, n)| {
                (
                    id.to_string(),
                    before.candidates.get(id).copied().unwrap_or(0),
                    *n,
                )
            }),
    );
    if before.against_all != after.against_all {
        changed.push((
            AGAINST_ALL.to_owned(),
            before.against_all,
            after.against_all,
        ));
    }
    changed
        .into_iter()
        .map(|(code, old, new)| format!("{code}: {} → {}", words.number(old), words.number(new)))
        .collect()
}

/// Who signs: the chair, the deputy chair, the secretary and the members.
fn signatures(words: Words) -> Vec<String> {
    let mut lines = vec![
        words.word("position-chair"),
        words.word("position-deputy-chair"),
        words.word("position-secretary"),
    ];
    lines.extend(std::iter::repeat_n(
        words.word("position-members"),
        MEMBER_LINES,
    ));
    lines
}

//! The summary protocol of a constituency: every station's figures in a table (annulled
//! stations marked and left out of the totals), the totals, each candidate's votes and
//! share, and the allocation of the seats with the count's steps in words.

use serde::Serialize;
use tandoo_core::State;
use tandoo_core::progress::station_status;
use tandoo_core::protocol::{AGAINST_ALL, ProtocolKey};
use tandoo_core::results::ContestView;
use tandoo_core::state::ProtocolSlot;
use tandoo_present::{form, number, text, words as present_words, written};

use crate::sheet::{Heading, ballot, candidate_name, constituency, constituency_line, stations};
use crate::words::{Words, args};
use crate::{DocumentError, Request, Subject};

#[derive(Clone, Debug, Serialize)]
pub struct Sheet {
    /// The contest's state in words, with the resolution behind it.
    pub status: String,
    pub seats_line: String,
    /// The form's lines that head the columns of the first table: code and label.
    pub line_columns: Vec<Column>,
    /// The candidates and "against all" that head the columns of the second table.
    pub vote_columns: Vec<Column>,
    pub stations: Vec<StationRow>,
    /// The sums over the stations counted, column by column.
    pub line_totals: Vec<String>,
    pub vote_totals: Vec<String>,
    pub candidates: Vec<CandidateRow>,
    pub against_all: CandidateRow,
    /// The count's steps, in words, in the order taken.
    pub steps: Vec<String>,
    /// Who holds the seats, in seat order, and on what footing.
    pub seat_holders: Vec<String>,
    pub seat_standing: Option<String>,
    pub signatures: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Column {
    pub code: String,
    pub label: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct StationRow {
    pub number: String,
    /// Left out of the totals: annulled, or no protocol accepted.
    pub excluded: bool,
    pub status: String,
    pub lines: Vec<String>,
    pub votes: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CandidateRow {
    pub place: String,
    pub name: String,
    pub gender: String,
    pub votes: String,
    pub share: String,
    pub seat: Option<String>,
    pub notes: Vec<String>,
}

const LABELS: &[&str] = &[
    "status-heading",
    "stations-heading",
    "votes-by-station-heading",
    "col-station",
    "col-status",
    "total",
    "excluded-hint",
    "candidates-heading",
    "col-place",
    "col-candidate",
    "col-gender",
    "col-votes",
    "col-share",
    "col-seat",
    "col-notes",
    "count-heading",
    "seats-heading",
    "signatures-heading",
    "signature",
    "name-initials",
    "seal",
    "signed-at",
    "columns-legend",
];

pub(crate) fn prepare(
    state: &State,
    request: &Request,
    words: Words,
) -> Result<(Heading, Sheet), DocumentError> {
    let Subject::Constituency(number) = request.subject else {
        return Err(DocumentError::BadSubject {
            kind: request.kind.name(),
            expected: request.kind.expects(),
            given: request.subject.ids(),
        });
    };
    let view = constituency(state, number)?;
    let contest = match &request.election {
        Some(e) if *e != view.election => view
            .elections
            .iter()
            .find(|c| c.election == *e)
            .ok_or(DocumentError::NoElection)?,
        _ => &view.contest,
    };
    let called = state
        .elections
        .get(&contest.election)
        .ok_or(DocumentError::NoElection)?;
    let language = words.language;
    let form = &called.call.form;
    let line_columns: Vec<Column> = form::labelled_lines(form, language)
        .into_iter()
        .filter(|(code, _)| code != AGAINST_ALL)
        .map(|(code, label)| Column { code, label })
        .collect();
    let ballot = ballot(state, &contest.election, number);
    let mut vote_columns: Vec<Column> = ballot
        .iter()
        .enumerate()
        .map(|(place, id)| Column {
            code: (place + 1).to_string(),
            label: candidate_name(state, id, words),
        })
        .collect();
    vote_columns.push(Column {
        code: AGAINST_ALL.into(),
        label: form::line_label(form, AGAINST_ALL, language),
    });
    let mut line_sums = vec![0u64; line_columns.len()];
    let mut vote_sums = vec![0u64; vote_columns.len()];
    let mut rows = Vec::new();
    for station in stations(state, number) {
        let key = ProtocolKey {
            election: contest.election.clone(),
            station: *station,
            constituency: number,
        };
        let slot = state.protocols.get(&key);
        let latest = slot.and_then(ProtocolSlot::latest);
        let counted = slot.is_some_and(|s| s.counted);
        let (mut lines, mut votes) = (Vec::new(), Vec::new());
        if let Some(v) = latest {
            for (i, column) in line_columns.iter().enumerate() {
                let n = v.figures.line(&column.code);
                lines.push(words.number(n));
                if counted {
                    line_sums[i] += n;
                }
            }
            let figures = ballot
                .iter()
                .map(|id| v.figures.candidates.get(id).copied().unwrap_or(0))
                .chain(std::iter::once(v.figures.against_all));
            for (i, n) in figures.enumerate() {
                votes.push(words.number(n));
                if counted {
                    vote_sums[i] += n;
                }
            }
        }
        rows.push(StationRow {
            number: station.to_string(),
            excluded: !counted,
            status: present_words::station_status(station_status(state, slot), language),
            lines,
            votes,
        });
    }
    let status = match &contest.status_by {
        Some(by) => format!(
            "{} — {}",
            present_words::contest_state(contest.status, language),
            text::citation(by, language)
        ),
        None => present_words::contest_state(contest.status, language),
    };
    let sheet = Sheet {
        status,
        seats_line: text::seats_line(&view, language),
        line_columns,
        vote_columns,
        stations: rows,
        line_totals: line_sums.into_iter().map(|n| words.number(n)).collect(),
        vote_totals: vote_sums.into_iter().map(|n| words.number(n)).collect(),
        candidates: candidates(contest, ballot, words),
        against_all: CandidateRow {
            place: String::new(),
            name: form::line_label(form, AGAINST_ALL, language),
            gender: String::new(),
            votes: words.number(contest.against_all),
            share: share(contest.against_all, contest, words),
            seat: None,
            notes: Vec::new(),
        },
        steps: tandoo_present::count::steps(contest, language)
            .into_iter()
            .map(|(_, step)| step)
            .collect(),
        seat_holders: contest
            .seat_holders()
            .iter()
            .map(|id| candidate_name(state, id, words))
            .collect(),
        seat_standing: contest
            .seat_standing
            .map(|s| text::standing_word(s, language)),
        signatures: vec![
            words.word("position-chair"),
            words.word("position-deputy-chair"),
            words.word("position-secretary"),
        ],
    };
    let heading = Heading {
        issuer: words.say(
            "district-commission",
            &args(&[("number", number.to_string())]),
        ),
        title: words.word("summary-title"),
        subtitle: vec![
            written::text(&called.call.name, language).to_string(),
            words.say(
                "voting-day",
                &args(&[("date", words.date(called.call.voting_day))]),
            ),
            constituency_line(&view, words),
        ],
        labels: LABELS,
    };
    Ok((heading, sheet))
}

fn share(votes: u64, contest: &ContestView, words: Words) -> String {
    number::percent(votes, contest.turnout_voters, words.language).unwrap_or_default()
}

/// The candidates by votes, each with their place on the ballot, and what resolutions did
/// to them.
fn candidates(
    contest: &ContestView,
    ballot: &[tandoo_core::ids::CandidateId],
    words: Words,
) -> Vec<CandidateRow> {
    let language = words.language;
    contest
        .candidates
        .iter()
        .map(|c| {
            let notes = [
                (&c.registration_annulled_by, "note-registration-annulled"),
                (&c.votes_annulled_by, "note-votes-annulled"),
                (&c.barred_by, "note-barred"),
                (&c.fee_refunded_by, "note-fee-refunded"),
            ]
            .into_iter()
            .filter_map(|(by, key)| {
                by.as_ref().map(|by| {
                    words.say(key, &args(&[("resolution", text::citation(by, language))]))
                })
            })
            .collect();
            CandidateRow {
                place: ballot
                    .iter()
                    .position(|id| *id == c.id)
                    .map_or_else(String::new, |p| (p + 1).to_string()),
                name: tandoo_present::words::name(&c.name, c.latin_name.as_deref(), language)
                    .to_string(),
                gender: present_words::gender(c.gender, language),
                votes: words.number(c.votes),
                share: share(c.votes, contest, words),
                seat: c.seat.map(|s| text::standing_word(s, language)),
                notes,
            }
        })
        .collect()
}

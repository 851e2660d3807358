//! The certificate of election of a deputy the commission recognised: who, in which
//! constituency and election, with how many votes, by which resolution.

use serde::Serialize;
use tandoo_core::State;
use tandoo_core::results::SeatStanding;
use tandoo_present::{text, written};

use crate::sheet::{Heading, constituency, constituency_line};
use crate::words::{Words, args};
use crate::{DocumentError, Request, Subject};

#[derive(Clone, Debug, Serialize)]
pub struct Sheet {
    /// The certificate's number: the candidacy's id in the record.
    pub number: String,
    pub name: String,
    /// What the certificate certifies, in one sentence.
    pub statement: String,
    pub votes: String,
    pub signatures: Vec<String>,
}

const LABELS: &[&str] = &["certificate-number", "signature", "name-initials", "seal"];

pub(crate) fn prepare(
    state: &State,
    request: &Request,
    words: Words,
) -> Result<(Heading, Sheet), DocumentError> {
    let Subject::Candidate(id) = &request.subject else {
        return Err(DocumentError::BadSubject {
            kind: request.kind.name(),
            expected: request.kind.expects(),
            given: request.subject.ids(),
        });
    };
    let language = words.language;
    let candidate = state
        .candidates
        .get(id)
        .ok_or_else(|| DocumentError::NoSuchCandidate(id.to_string()))?;
    let view = constituency(state, candidate.nomination.constituency)?;
    let contest = &view.contest;
    let elected = contest.seat_standing == Some(SeatStanding::Elected)
        && contest.elected.contains(id)
        && contest.election == candidate.nomination.election;
    let (true, Some(by)) = (elected, contest.status_by.as_ref()) else {
        return Err(DocumentError::NotElected(id.to_string()));
    };
    let votes = contest
        .candidates
        .iter()
        .find(|c| c.id == *id)
        .map_or(0, |c| c.votes);
    let name = written::candidate_name(&candidate.nomination.candidate_name(), language).to_owned();
    let called = &state
        .elections
        .get(&contest.election)
        .ok_or(DocumentError::NoElection)?
        .call;
    let statement = words.say(
        "certificate-statement",
        &args(&[
            ("name", name.clone()),
            (
                "election",
                written::text(&called.name, language).to_string(),
            ),
            ("date", words.date(called.voting_day)),
            ("constituency", constituency_line(&view, words)),
            ("resolution", text::citation(by, language)),
        ]),
    );
    let issuer = state.commissions.get(&by.commission).map_or_else(
        || by.commission.to_string(),
        |c| written::text(&c.name, language).to_string(),
    );
    let sheet = Sheet {
        number: id.to_string(),
        name,
        statement,
        votes: words.say(
            "certificate-votes",
            &args(&[("votes", words.number(votes))]),
        ),
        signatures: vec![
            words.word("position-chair"),
            words.word("position-secretary"),
        ],
    };
    let heading = Heading {
        issuer,
        title: words.word("certificate-title"),
        subtitle: Vec::new(),
        labels: LABELS,
    };
    Ok((heading, sheet))
}

//! The list of election fees a resolution refunds: each candidate, their constituency and
//! election, the fee paid, and the total.

use serde::Serialize;
use tandoo_core::State;
use tandoo_core::resolution::Effect;
use tandoo_present::{money, text, written};

use crate::sheet::{Heading, candidate_name};
use crate::words::{Words, args};
use crate::{DocumentError, Request};

#[derive(Clone, Debug, Serialize)]
pub struct Sheet {
    /// The resolution, as it is cited.
    pub resolution: String,
    pub rows: Vec<Row>,
    pub total: String,
    /// Set when the resolution no longer stands (rescinded), so the refunds do not either.
    pub warning: Option<String>,
    pub signatures: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub place: String,
    pub candidate: String,
    pub id: String,
    pub constituency: String,
    pub election: String,
    pub fee: String,
}

const LABELS: &[&str] = &[
    "refunds-intro",
    "col-place",
    "col-candidate",
    "col-candidacy",
    "col-constituency",
    "col-election",
    "col-fee",
    "total",
    "signature",
    "name-initials",
    "seal",
];

pub(crate) fn prepare(
    state: &State,
    request: &Request,
    words: Words,
) -> Result<(Heading, Sheet), DocumentError> {
    let resolution = crate::resolution::find(state, &request.subject)?;
    let language = words.language;
    let citation = text::citation(&resolution.citation(), language);
    let refunded: Vec<_> = resolution
        .voted
        .effects
        .iter()
        .filter(|_| resolution.voted.adopted)
        .flat_map(|effect| match effect {
            Effect::RefundFees { candidates, .. } => candidates.as_slice(),
            _ => &[],
        })
        .collect();
    if refunded.is_empty() {
        return Err(DocumentError::NoRefunds(request.subject.token()));
    }
    let mut total = 0u64;
    let rows = refunded
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let candidate = state.candidates.get(*id);
            let fee = candidate.map_or(0, |c| c.fee_paid.0);
            total += fee;
            Row {
                place: (i + 1).to_string(),
                candidate: candidate_name(state, id, words),
                id: id.to_string(),
                constituency: candidate
                    .map_or_else(String::new, |c| c.nomination.constituency.to_string()),
                election: candidate
                    .and_then(|c| state.elections.get(&c.nomination.election))
                    .map_or_else(String::new, |e| {
                        written::text(&e.call.name, language).to_string()
                    }),
                fee: money::money(fee, language),
            }
        })
        .collect();
    let standing = state.in_force(resolution.key);
    let sheet = Sheet {
        resolution: citation.clone(),
        rows,
        total: money::money(total, language),
        warning: (!standing).then(|| words.word("refunds-not-in-force")),
        signatures: vec![
            words.word("position-chair"),
            words.word("position-secretary"),
        ],
    };
    let issuer = state
        .commissions
        .get(&resolution.voted.commission)
        .map_or_else(
            || resolution.voted.commission.to_string(),
            |c| written::text(&c.name, language).to_string(),
        );
    let heading = Heading {
        issuer,
        title: words.word("refunds-title"),
        subtitle: vec![words.say("refunds-by", &args(&[("resolution", citation)]))],
        labels: LABELS,
    };
    Ok((heading, sheet))
}

//! A document's content: what it says, as data, before it is set on paper. Its SHA-256 is
//! the document's own digest; the same record, kind, subject, language and date give the
//! same content, so anyone holding the record can make it again and compare.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};
use tandoo_core::State;

use crate::words::{PAGE_LABELS, Words};
use crate::{DocumentError, Kind, Request};
use crate::{certificate, protocol, refunds, resolution, summary};

/// What a document says: its heading, its labels and its body, every word in its language.
#[derive(Clone, Debug, Serialize)]
pub struct Content {
    /// The kind, as [`Kind::name`] gives it.
    pub kind: &'static str,
    /// The subject, as [`crate::Subject::token`] gives it.
    pub subject: String,
    pub language: &'static str,
    /// The legal date of the state it reflects (`YYYY-MM-DD`); none for the record as it
    /// stands.
    pub as_of: Option<String>,
    /// The election of a protocol, when the request named one.
    pub election: Option<String>,
    /// The commission that issues it, as it names itself.
    pub issuer: String,
    pub title: String,
    /// Lines under the title: the election, the constituency, the station.
    pub subtitle: Vec<String>,
    /// "As of 13 February 2026", when a date was asked for.
    pub dated: Option<String>,
    /// The labels the template prints as they are.
    pub words: BTreeMap<String, String>,
    pub body: Body,
}

/// The body of each kind of document.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Body {
    Protocol(protocol::Sheet),
    Summary(summary::Sheet),
    Resolution(resolution::Sheet),
    Certificate(certificate::Sheet),
    Refunds(refunds::Sheet),
}

/// The entry of the record a document reflects: the last act of the state it was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reflects {
    pub seq: u64,
    /// The entry's hash, in hex.
    pub hash: String,
}

/// The document `request` asks for, made from `state` (the state as of its date).
pub fn prepare(state: &State, request: &Request) -> Result<Content, DocumentError> {
    let words = Words {
        language: request.language,
    };
    let (heading, body) = match request.kind {
        Kind::Protocol | Kind::BlankProtocol => {
            let (heading, sheet) = protocol::prepare(state, request, words)?;
            (heading, Body::Protocol(sheet))
        }
        Kind::Summary => {
            let (heading, sheet) = summary::prepare(state, request, words)?;
            (heading, Body::Summary(sheet))
        }
        Kind::Resolution => {
            let (heading, sheet) = resolution::prepare(state, request, words)?;
            (heading, Body::Resolution(sheet))
        }
        Kind::Certificate => {
            let (heading, sheet) = certificate::prepare(state, request, words)?;
            (heading, Body::Certificate(sheet))
        }
        Kind::Refunds => {
            let (heading, sheet) = refunds::prepare(state, request, words)?;
            (heading, Body::Refunds(sheet))
        }
    };
    let mut labels = words.labels(&PAGE_LABELS);
    labels.extend(words.labels(heading.labels));
    Ok(Content {
        kind: request.kind.name(),
        subject: request.subject.token(),
        language: request.language.code(),
        as_of: request.as_of.map(|d| d.to_string()),
        election: request.election.as_ref().map(ToString::to_string),
        issuer: heading.issuer,
        title: heading.title,
        subtitle: heading.subtitle,
        dated: request
            .as_of
            .map(|d| words.say("as-of", &crate::words::args(&[("date", words.date(d))]))),
        words: labels,
        body,
    })
}

/// The document's own digest: the SHA-256 of its content as JSON (what `tandoo print
/// --format json` writes), in hex.
pub fn digest(content: &Content) -> String {
    hex::encode(Sha256::digest(json(content)))
}

/// The content as the JSON its digest is taken of.
pub fn json(content: &Content) -> Vec<u8> {
    // A struct of strings, numbers and maps always serialises.
    serde_json::to_vec(content).unwrap_or_default()
}

//! Why a document cannot be made, as a stable code with the figures that name it.

use thiserror::Error;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DocumentError {
    #[error("DOC_UNKNOWN_KIND: {0}")]
    UnknownKind(String),
    #[error("DOC_BAD_SUBJECT: {kind} takes {expected}, not {given:?}")]
    BadSubject {
        kind: &'static str,
        expected: &'static str,
        given: Vec<String>,
    },
    #[error("DOC_NO_ELECTION: the record holds no election")]
    NoElection,
    #[error("DOC_NO_SUCH_CONSTITUENCY: {0}")]
    NoSuchConstituency(u16),
    #[error("DOC_NO_SUCH_STATION: station {station} in constituency {constituency}")]
    NoSuchStation { constituency: u16, station: u32 },
    #[error("DOC_NO_SUCH_RESOLUTION: {0}")]
    NoSuchResolution(String),
    #[error("DOC_NO_SUCH_CANDIDATE: {0}")]
    NoSuchCandidate(String),
    #[error("DOC_NOT_ELECTED: {0} is not recognised as elected")]
    NotElected(String),
    #[error("DOC_NO_REFUNDS: resolution {0} refunds no fee")]
    NoRefunds(String),
    #[error("DOC_BAD_REFERENCE: {0}")]
    BadReference(String),
    #[error("DOC_ENGINE_NOT_BUILT: this build has no PDF engine (the `pdf` feature)")]
    EngineNotBuilt,
    #[error("DOC_ENGINE_FAILED: {0}")]
    EngineFailed(String),
}

impl DocumentError {
    /// The stable code of the refusal.
    pub fn code(&self) -> &'static str {
        match self {
            DocumentError::UnknownKind(_) => "DOC_UNKNOWN_KIND",
            DocumentError::BadSubject { .. } => "DOC_BAD_SUBJECT",
            DocumentError::NoElection => "DOC_NO_ELECTION",
            DocumentError::NoSuchConstituency(_) => "DOC_NO_SUCH_CONSTITUENCY",
            DocumentError::NoSuchStation { .. } => "DOC_NO_SUCH_STATION",
            DocumentError::NoSuchResolution(_) => "DOC_NO_SUCH_RESOLUTION",
            DocumentError::NoSuchCandidate(_) => "DOC_NO_SUCH_CANDIDATE",
            DocumentError::NotElected(_) => "DOC_NOT_ELECTED",
            DocumentError::NoRefunds(_) => "DOC_NO_REFUNDS",
            DocumentError::BadReference(_) => "DOC_BAD_REFERENCE",
            DocumentError::EngineNotBuilt => "DOC_ENGINE_NOT_BUILT",
            DocumentError::EngineFailed(_) => "DOC_ENGINE_FAILED",
        }
    }

    /// What the refusal names (the kind, the ids, the reference's fault), for a sentence
    /// in the reader's language: its message without the code.
    pub fn detail(&self) -> String {
        let text = self.to_string();
        text.split_once(": ")
            .map_or_else(String::new, |(_, detail)| detail.to_string())
    }

    /// Whether the request was at fault (a kind, an id, a reference), not the engine.
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            DocumentError::EngineNotBuilt | DocumentError::EngineFailed(_)
        )
    }
}

//! Offline proofs: some entries of the record, each with its inclusion proof, and the
//! signed checkpoint they lead to. Whoever holds the log's public key can check one with
//! nothing else: every entry's hash is recomputed from its content, its leaf is shown to be
//! in the tree at its place, and the tree's root is the one the log signed.
//!
//! What the entries are about (a polling station's protocol) is the caller's: it is carried
//! as `subject`, a JSON value this crate does not read.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tandoo_record::{Entry, Hash};

use crate::checkpoint::{Checkpoint, CheckpointError};
use crate::leaf::entry_leaf_hash;
use crate::merkle::{HashSource, ProofError, verify_inclusion};
use crate::note::NoteVerifier;

/// The `format` member of every proof file.
pub const PROOF_FORMAT: &str = "tandoo-proof";
/// The version of the proof format this crate writes and reads.
pub const PROOF_VERSION: u32 = 1;

/// A proof file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proof {
    pub format: String,
    pub version: u32,
    /// What the entries are about, as the maker describes it.
    pub subject: Value,
    /// The signed checkpoint (a signed note), as the log served it.
    pub checkpoint: String,
    pub entries: Vec<ProvenEntry>,
}

/// One entry, as the record exports it, and the hashes that lead from its leaf to the root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvenEntry {
    pub entry: Entry,
    pub inclusion: Vec<Hash>,
}

/// What is wrong with a proof.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProofFileError {
    #[error("this is not a tandoo proof (format {found:?}, version {version})")]
    NotAProof { found: String, version: u32 },
    #[error("the checkpoint: {0}")]
    Checkpoint(#[from] CheckpointError),
    #[error("the proof holds no entry")]
    Empty,
    #[error(
        "entry {seq}: its content does not match its hash (the act, actor, date or time was changed)"
    )]
    EntryChanged { seq: u64 },
    #[error("entry {seq}: its content cannot be hashed: {detail}")]
    EntryUnreadable { seq: u64, detail: String },
    #[error("entry {seq}: it is not in the log the checkpoint signs: {source}")]
    NotIncluded { seq: u64, source: ProofError },
}

impl ProofFileError {
    pub fn code(&self) -> &'static str {
        match self {
            ProofFileError::NotAProof { .. } => "NOT_A_PROOF",
            ProofFileError::Checkpoint(e) => e.code(),
            ProofFileError::Empty => "PROOF_EMPTY",
            ProofFileError::EntryChanged { .. } => "ENTRY_CHANGED",
            ProofFileError::EntryUnreadable { .. } => "ENTRY_UNREADABLE",
            ProofFileError::NotIncluded { .. } => "ENTRY_NOT_INCLUDED",
        }
    }
}

impl Proof {
    /// The proof of `entries` in the tree `source` of the checkpoint `signed` (whose size
    /// is `checkpoint.size`).
    pub fn make(
        subject: Value,
        signed: &str,
        checkpoint: &Checkpoint,
        source: &impl HashSource,
        entries: Vec<Entry>,
    ) -> Result<Proof, ProofError> {
        let entries = entries
            .into_iter()
            .map(|entry| {
                let index = entry
                    .seq
                    .checked_sub(1)
                    .ok_or(ProofError::IndexOutOfRange {
                        index: 0,
                        size: checkpoint.size,
                    })?;
                let inclusion = source.inclusion(index, checkpoint.size)?;
                Ok(ProvenEntry { entry, inclusion })
            })
            .collect::<Result<_, ProofError>>()?;
        Ok(Proof {
            format: PROOF_FORMAT.into(),
            version: PROOF_VERSION,
            subject,
            checkpoint: signed.into(),
            entries,
        })
    }

    /// Checks everything the proof claims against the log's key; the checkpoint it leads to.
    pub fn check(&self, key: &NoteVerifier) -> Result<Checkpoint, ProofFileError> {
        if self.format != PROOF_FORMAT || self.version != PROOF_VERSION {
            return Err(ProofFileError::NotAProof {
                found: self.format.clone(),
                version: self.version,
            });
        }
        let checkpoint = Checkpoint::open(&self.checkpoint, key)?;
        if self.entries.is_empty() {
            return Err(ProofFileError::Empty);
        }
        for proven in &self.entries {
            let entry = &proven.entry;
            let computed = entry
                .compute_hash()
                .map_err(|e| ProofFileError::EntryUnreadable {
                    seq: entry.seq,
                    detail: e.to_string(),
                })?;
            if computed != entry.hash {
                return Err(ProofFileError::EntryChanged { seq: entry.seq });
            }
            let not_included = |source| ProofFileError::NotIncluded {
                seq: entry.seq,
                source,
            };
            let index =
                entry
                    .seq
                    .checked_sub(1)
                    .ok_or(not_included(ProofError::IndexOutOfRange {
                        index: 0,
                        size: checkpoint.size,
                    }))?;
            verify_inclusion(
                index,
                checkpoint.size,
                &entry_leaf_hash(entry.seq, &computed),
                &proven.inclusion,
                &checkpoint.root,
            )
            .map_err(not_included)?;
        }
        Ok(checkpoint)
    }
}

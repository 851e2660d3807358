//! The one path of a submission into the record: `decide` against the state, encode each act
//! as the store will hold it, `apply` it to the state. The single-process [`crate::Ledger`]
//! and the group-commit [`crate::Service`] both stage submissions here, so they agree on
//! what every outcome means:
//!
//! - `decide` refuses: the submitter's mistake, a [`Refusal`], nothing recorded;
//! - anything failing *after* `decide` accepted — the store could not hold an act, or an
//!   act does not apply — is a [`Defect`] of the program, never the submitter's refusal.

use std::sync::Arc;

use tandoo_core::act::Act;
use tandoo_core::state::ApplyError;
use tandoo_core::{Refusal, Stamp, State, Submission, decide};
use tandoo_record::{NewEntry, RecordError, is_valid_date};

/// A submission the rules accepted, applied to the state and ready to append.
#[derive(Debug)]
pub struct Staged {
    /// The acts applied, with their stamps.
    pub acts: Vec<(Stamp, Act)>,
    /// The same acts as the store's entries, in order.
    pub entries: Vec<NewEntry>,
}

/// Something that failed after the rules accepted a submission: a defect of the program
/// (the rules and the store, or the rules and `apply`, disagree), logged as an error and
/// answered as an internal error. The submission is not recorded.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Defect {
    /// The store cannot hold an entry the rules accepted (for example a legal date outside
    /// the store's range).
    #[error("an act the rules accepted cannot be stored: {0}")]
    NotStorable(RecordError),
    /// An act the rules accepted cannot be encoded as JSON.
    #[error("act {seq}, which the rules accepted, cannot be encoded: {error}")]
    Unencodable {
        seq: u64,
        error: Arc<serde_json::Error>,
    },
    /// An act the rules accepted does not apply to the state they accepted it against.
    #[error("an act the rules accepted does not apply: {0}")]
    DoesNotApply(ApplyError),
    /// A resolution's effects, each accepted by the rules, do not apply together when the
    /// rules try them on a copy of the state: a defect of the checks, found before anything
    /// is applied.
    #[error("the effects of a resolution the rules accepted do not apply together: {0}")]
    EffectsDoNotApply(ApplyError),
}

impl Defect {
    pub fn code(&self) -> &'static str {
        match self {
            Defect::NotStorable(_) => "ACT_NOT_STORABLE",
            Defect::Unencodable { .. } => "ACT_NOT_ENCODABLE",
            Defect::DoesNotApply(_) => "ACT_DOES_NOT_APPLY",
            Defect::EffectsDoNotApply(_) => "EFFECTS_DO_NOT_APPLY",
        }
    }

    /// Whether the state may hold part of the submission: only an act that failed to
    /// apply leaves the state changed; the other defects are found before anything is
    /// applied.
    pub fn touched_state(&self) -> bool {
        matches!(self, Defect::DoesNotApply(_))
    }
}

/// Why a submission was not staged.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Unstaged {
    #[error("{0}")]
    Refused(Refusal),
    #[error("{0}")]
    Defect(Defect),
}

impl Unstaged {
    pub fn code(&self) -> &'static str {
        match self {
            Unstaged::Refused(refusal) => refusal.code(),
            Unstaged::Defect(defect) => defect.code(),
        }
    }
}

/// Decides `submission` against `state`, applies the acts to it and encodes them, numbering
/// them after the state's last act.
///
/// On [`Unstaged::Refused`] and on a defect that did not touch the state
/// ([`Defect::touched_state`]) the state is as it was; otherwise the caller must throw it
/// away (both callers stage on a copy they can drop).
pub fn stage(state: &mut State, submission: &Submission) -> Result<Staged, Unstaged> {
    let defect = |d: Defect| {
        tracing::error!(code = d.code(), "{d}");
        Unstaged::Defect(d)
    };
    // The rules' trial of a resolution's effects failing is theirs to answer for, never the
    // submitter's: it is a defect, like an accepted act that does not apply.
    let acts = decide(state, submission).map_err(|refusal| match refusal {
        Refusal::EffectsDoNotApply { error } => defect(Defect::EffectsDoNotApply(error)),
        refusal => Unstaged::Refused(refusal),
    })?;
    let legal_date = submission.date.to_string();
    if !is_valid_date(&legal_date) {
        return Err(defect(Defect::NotStorable(RecordError::BadDate {
            index: 0,
            value: legal_date,
        })));
    }
    let actor = serde_json::to_value(&submission.actor).map_err(|e| {
        defect(Defect::Unencodable {
            seq: state.seq + 1,
            error: Arc::new(e),
        })
    })?;
    // Encode every act before applying any, so that a failure to encode leaves the state
    // as it was.
    let mut entries = Vec::with_capacity(acts.len());
    for (offset, act) in acts.iter().enumerate() {
        let act = serde_json::to_value(act).map_err(|e| {
            defect(Defect::Unencodable {
                seq: state.seq + 1 + offset as u64,
                error: Arc::new(e),
            })
        })?;
        entries.push(NewEntry {
            legal_date: legal_date.clone(),
            actor: actor.clone(),
            act,
        });
    }
    let mut stamped = Vec::with_capacity(acts.len());
    for act in acts {
        let stamp = Stamp {
            seq: state.seq + 1,
            date: submission.date,
        };
        state
            .apply(stamp, &act)
            .map_err(|e| defect(Defect::DoesNotApply(e)))?;
        stamped.push((stamp, act));
    }
    Ok(Staged {
        acts: stamped,
        entries,
    })
}

//! What every store does before it writes an append: check the new entries (a calendar legal
//! date, actor and act with a canonical form) so that one bad entry refuses the batch before
//! anything is written, then link them into the chain after the head with their hashes.

use serde_json::Value;

use crate::canonical;
use crate::entry::{Entry, Head, NewEntry};
use crate::error::RecordError;
use crate::hash::Hash;
use crate::raw::RowRef;
use crate::time;

/// A new entry that passed the checks, with its canonical texts ready to hash and store.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub legal_date: String,
    pub actor: Value,
    pub act: Value,
    pub actor_text: String,
    pub act_text: String,
}

/// Checks a batch before anything is written: one bad entry refuses the batch.
pub(crate) fn prepare(entries: Vec<NewEntry>) -> Result<Vec<Prepared>, RecordError> {
    entries
        .into_iter()
        .enumerate()
        .map(|(index, e)| {
            if !time::is_valid_date(&e.legal_date) {
                return Err(RecordError::BadDate {
                    index,
                    value: e.legal_date.chars().take(40).collect(),
                });
            }
            let canon = |v: &Value, member: &str| {
                canonical::to_canonical_string(v).map_err(|source| RecordError::NotCanonical {
                    index,
                    source: source.within(member),
                })
            };
            Ok(Prepared {
                actor_text: canon(&e.actor, "/actor")?,
                act_text: canon(&e.act, "/act")?,
                legal_date: e.legal_date,
                actor: e.actor,
                act: e.act,
            })
        })
        .collect()
}

/// An entry linked into the chain, with the canonical texts a store writes.
#[derive(Debug)]
pub(crate) struct Chained {
    pub entry: Entry,
    pub actor_text: String,
    pub act_text: String,
}

/// Links prepared entries after `head`, all stamped `recorded_at`. Fails only if the
/// numbers would leave the range a JSON integer holds exactly, which no real record reaches.
pub(crate) fn chain_after(
    head: Head,
    recorded_at: &str,
    prepared: Vec<Prepared>,
) -> Result<Vec<Chained>, RecordError> {
    let mut prev = head;
    let mut buf = String::new();
    prepared
        .into_iter()
        .enumerate()
        .map(|(index, p)| {
            let seq = prev.seq.saturating_add(1);
            buf.clear();
            crate::entry::write_hash_input_from_canonical(
                seq,
                recorded_at,
                &p.legal_date,
                &p.actor_text,
                &p.act_text,
                &prev.hash,
                &mut buf,
            )
            .map_err(|source| RecordError::NotCanonical { index, source })?;
            let entry = Entry {
                seq,
                recorded_at: recorded_at.to_string(),
                legal_date: p.legal_date,
                actor: p.actor,
                act: p.act,
                prev_hash: prev.hash,
                hash: Hash::of(buf.as_bytes()),
            };
            prev = entry.head();
            Ok(Chained {
                entry,
                actor_text: p.actor_text,
                act_text: p.act_text,
            })
        })
        .collect()
}

impl<'a> From<&'a Chained> for RowRef<'a> {
    fn from(c: &'a Chained) -> RowRef<'a> {
        RowRef {
            seq: c.entry.seq,
            recorded_at: &c.entry.recorded_at,
            legal_date: &c.entry.legal_date,
            actor: &c.actor_text,
            act: &c.act_text,
            prev_hash: &c.entry.prev_hash,
            hash: &c.entry.hash,
        }
    }
}

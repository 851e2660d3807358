//! Entries as a store holds them: the actor and the act as the canonical JSON texts that
//! were hashed, not yet parsed.
//!
//! Replaying a record only needs each act once, in the caller's own type. Reading entries
//! as [`Entry`] parses every actor and act into a `serde_json::Value` and re-encodes it to
//! check its canonical form; a replay then converts the `Value` again. A [`RawEntry`] skips
//! all of that: its hash is recomputed from the stored texts directly
//! ([`ChainVerifier::push_raw`](crate::ChainVerifier::push_raw)), and the caller parses the
//! act straight from its text into its own type, once.
//!
//! # Why hashing the stored text is enough
//!
//! The hash input is built by writing the canonical texts of act and actor between fixed
//! member names (see [`write_hash_input`](crate::write_hash_input)). The store keeps those
//! same texts. If a stored text is not byte for byte the text that was hashed, the hash
//! input is different, and so is its SHA-256: the entry fails as changed. A whitespace edit,
//! a reordered member or a changed figure are all changes of the text, so no separate
//! "is this canonical" check is needed on this path — the hash is that check.
//!
//! One detail makes it complete: the hash input holds the two texts one after the other,
//! `…"act":ACT,"actor":ACTOR,"legal_date"…`, so moving the boundary between them (cutting
//! the act short where it contains `,"actor":` and prepending the cut-off part to the actor,
//! or the reverse) keeps the same bytes. It cannot keep both texts valid JSON: a text that
//! starts with a complete JSON value and continues with a comma is not one value, and a
//! complete value cannot end where it began to be followed by `,"actor":` either. So the
//! raw verifier also checks that each text is exactly one JSON value (a syntax scan, with
//! no values built), and with that the stored texts are exactly the hashed ones.

use std::str::FromStr;

use serde::de::IgnoredAny;
use serde_json::Value;

use crate::canonical::{self, CanonicalError};
use crate::entry::{Entry, Head, write_hash_input_from_canonical};
use crate::error::RecordError;
use crate::hash::Hash;

/// An entry as stored: `actor` and `act` are the canonical JSON texts that were hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    pub seq: u64,
    pub recorded_at: String,
    pub legal_date: String,
    /// The actor's canonical JSON text, as stored.
    pub actor: String,
    /// The act's canonical JSON text, as stored. Parse it into your own type with
    /// `serde_json::from_str`.
    pub act: String,
    pub prev_hash: Hash,
    pub hash: Hash,
}

impl RawEntry {
    /// The head of a record that ends with this entry.
    pub fn head(&self) -> Head {
        Head {
            seq: self.seq,
            hash: self.hash,
        }
    }

    /// Recomputes the hash from the stored texts (ignoring the stored `hash`), reusing
    /// `buf`. The texts are hashed as they are; see the module documentation for why that
    /// detects every change to them.
    pub fn compute_hash_with(&self, buf: &mut String) -> Result<Hash, CanonicalError> {
        buf.clear();
        write_hash_input_from_canonical(
            self.seq,
            &self.recorded_at,
            &self.legal_date,
            &self.actor,
            &self.act,
            &self.prev_hash,
            buf,
        )?;
        Ok(Hash::of(buf.as_bytes()))
    }

    /// The entry with its texts written as they are hashed.
    pub fn from_entry(entry: &Entry) -> Result<RawEntry, CanonicalError> {
        Ok(RawEntry {
            seq: entry.seq,
            recorded_at: entry.recorded_at.clone(),
            legal_date: entry.legal_date.clone(),
            actor: canonical::to_canonical_string(&entry.actor).map_err(|e| e.within("/actor"))?,
            act: canonical::to_canonical_string(&entry.act).map_err(|e| e.within("/act"))?,
            prev_hash: entry.prev_hash,
            hash: entry.hash,
        })
    }

    /// Parses the texts into values, insisting that each is exactly the canonical text of
    /// its value: an edit that keeps the meaning (added spaces, reordered members) is still
    /// an edit. The error says what is wrong, for [`RecordError::Damaged`].
    pub fn to_entry(&self) -> Result<Entry, String> {
        Ok(Entry {
            seq: self.seq,
            recorded_at: self.recorded_at.clone(),
            legal_date: self.legal_date.clone(),
            actor: json_text(&self.actor, "actor")?,
            act: json_text(&self.act, "act")?,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

/// Parses a stored JSON text and insists it is exactly the canonical text tandoo writes.
pub(crate) fn json_text(stored: &str, col: &str) -> Result<Value, String> {
    let value: Value =
        serde_json::from_str(stored).map_err(|e| format!("its {col} is not valid JSON ({e})"))?;
    match canonical::to_canonical_string(&value) {
        Ok(canon) if canon == stored => Ok(value),
        Ok(_) => Err(format!(
            "its {col} is not written in canonical form, so it was edited outside tandoo"
        )),
        Err(e) => Err(format!("its {col} holds a value tandoo never writes: {e}")),
    }
}

/// Checks that `text` is exactly one JSON value, without building it.
pub(crate) fn is_one_json_value(text: &str) -> bool {
    serde_json::from_str::<IgnoredAny>(text).is_ok()
}

/// An entry's columns as a store writes them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowRef<'a> {
    pub seq: u64,
    pub recorded_at: &'a str,
    pub legal_date: &'a str,
    pub actor: &'a str,
    pub act: &'a str,
    pub prev_hash: &'a Hash,
    pub hash: &'a Hash,
}

impl<'a> From<&'a RawEntry> for RowRef<'a> {
    fn from(e: &'a RawEntry) -> RowRef<'a> {
        RowRef {
            seq: e.seq,
            recorded_at: &e.recorded_at,
            legal_date: &e.legal_date,
            actor: &e.actor,
            act: &e.act,
            prev_hash: &e.prev_hash,
            hash: &e.hash,
        }
    }
}

/// One row as a store read it: the entry, or why the row is not one (the entry's number
/// and a sentence), kept apart from a failure of the store itself.
pub(crate) type Row = Result<RawEntry, (u64, String)>;

/// The fields of a row, as text, before they are checked.
pub(crate) struct RowText {
    pub recorded_at: String,
    pub legal_date: String,
    pub actor: String,
    pub act: String,
    pub prev_hash: String,
    pub hash: String,
}

impl RowText {
    pub(crate) fn into_raw(self, seq: u64) -> Row {
        let hash = |col: &str, text: &str| -> Result<Hash, (u64, String)> {
            Hash::from_str(text).map_err(|e| (seq, format!("its {col}: {e}")))
        };
        Ok(RawEntry {
            seq,
            prev_hash: hash("prev_hash", &self.prev_hash)?,
            hash: hash("hash", &self.hash)?,
            recorded_at: self.recorded_at,
            legal_date: self.legal_date,
            actor: self.actor,
            act: self.act,
        })
    }
}

/// The entries of a page of rows, stopping before the first damaged one: the caller's next
/// read starts at it and gets [`RecordError::Damaged`], so nothing is skipped and the
/// entries before it can still be verified (an earlier break must be named first).
pub(crate) fn raw_page(rows: Vec<Row>) -> Result<Vec<RawEntry>, RecordError> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        match row {
            Ok(raw) => out.push(raw),
            Err((seq, detail)) if out.is_empty() => {
                return Err(RecordError::Damaged { seq, detail });
            }
            Err(_) => break,
        }
    }
    Ok(out)
}

/// As [`raw_page`], parsing each entry strictly (see [`RawEntry::to_entry`]).
pub(crate) fn entry_page(rows: Vec<Row>) -> Result<Vec<Entry>, RecordError> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let entry = row.and_then(|raw| raw.to_entry().map_err(|detail| (raw.seq, detail)));
        match entry {
            Ok(entry) => out.push(entry),
            Err((seq, detail)) if out.is_empty() => {
                return Err(RecordError::Damaged { seq, detail });
            }
            Err(_) => break,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_texts_must_be_canonical() {
        assert!(json_text(r#"{"a":1,"b":[true]}"#, "act").is_ok());
        assert!(
            json_text(r#"{"b":1,"a":2}"#, "act")
                .unwrap_err()
                .contains("canonical form")
        );
        assert!(
            json_text(r#"{"a": 1}"#, "act")
                .unwrap_err()
                .contains("canonical form")
        );
        assert!(
            json_text(r#"{"a":1"#, "act")
                .unwrap_err()
                .contains("not valid JSON")
        );
        assert!(
            json_text(r#"{"a":1.5}"#, "act")
                .unwrap_err()
                .contains("never writes")
        );
    }

    fn sample() -> Entry {
        let mut e = Entry {
            seq: 1,
            recorded_at: "2026-02-13T10:04:05.123Z".into(),
            legal_date: "2026-02-12".into(),
            actor: json!({"user": "aizada"}),
            act: json!({"type": "t", "a": 1, "actor": {"user": "x"}, "n": 12}),
            prev_hash: Hash::GENESIS,
            hash: Hash::GENESIS,
        };
        e.hash = e.compute_hash().unwrap();
        e
    }

    #[test]
    fn the_raw_hash_is_the_entry_hash() {
        let e = sample();
        let raw = RawEntry::from_entry(&e).unwrap();
        assert_eq!(raw.compute_hash_with(&mut String::new()).unwrap(), e.hash);
        assert_eq!(raw.to_entry().unwrap(), e);
    }

    #[test]
    fn moving_the_boundary_keeps_the_hash_but_not_both_texts_json() {
        // The act contains a member named "actor", so the hash input contains `,"actor":`
        // twice: the texts can be re-split without changing the hashed bytes.
        let raw = RawEntry::from_entry(&sample()).unwrap();
        let joined = format!("{},\"actor\":{}", raw.act, raw.actor);
        let mut splits = 0;
        for (at, _) in joined.match_indices(",\"actor\":") {
            let (act, actor) = (&joined[..at], &joined[at + ",\"actor\":".len()..]);
            let moved = RawEntry {
                act: act.to_string(),
                actor: actor.to_string(),
                ..raw.clone()
            };
            assert_eq!(
                moved.compute_hash_with(&mut String::new()).unwrap(),
                raw.hash
            );
            splits += 1;
            let both = is_one_json_value(&moved.act) && is_one_json_value(&moved.actor);
            assert_eq!(both, moved == raw, "{moved:?}");
        }
        assert_eq!(splits, 2);
    }
}

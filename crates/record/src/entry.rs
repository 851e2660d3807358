//! What the record holds: entries, the position of the record's end, and the hash that
//! ties each entry to everything before it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::canonical::{self, CanonicalError};
use crate::hash::Hash;

/// An act to be appended. The store adds the sequence number, the time and the hashes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewEntry {
    /// The date the act takes legal effect, `YYYY-MM-DD`. It may differ from the day the
    /// act was recorded (a protocol signed at night is entered the next morning).
    pub legal_date: String,
    /// Who performed the act, as the caller describes them.
    pub actor: Value,
    /// The act itself.
    pub act: Value,
}

/// An act as it stands in the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Position in the record: 1 for the first entry, then without gaps.
    pub seq: u64,
    /// When the store accepted the entry: UTC, RFC 3339 with milliseconds.
    pub recorded_at: String,
    pub legal_date: String,
    pub actor: Value,
    pub act: Value,
    /// `hash` of the entry before, or [`Hash::GENESIS`] for the first.
    pub prev_hash: Hash,
    /// SHA-256 of this entry's hash input (see [`write_hash_input`]).
    pub hash: Hash,
}

/// The end of a record: the last entry's number and hash. An empty record's head is
/// [`Head::EMPTY`]. Appends name the head they expect so that two writers who both read
/// the same state cannot both extend it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Head {
    pub seq: u64,
    pub hash: Hash,
}

impl Head {
    pub const EMPTY: Head = Head {
        seq: 0,
        hash: Hash::GENESIS,
    };
}

impl Default for Head {
    fn default() -> Head {
        Head::EMPTY
    }
}

impl std::fmt::Display for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "entry {} (hash {})", self.seq, self.hash)
    }
}

impl Entry {
    /// The head of a record that ends with this entry.
    pub fn head(&self) -> Head {
        Head {
            seq: self.seq,
            hash: self.hash,
        }
    }

    /// Recomputes the hash from the entry's content (ignoring the stored `hash`).
    pub fn compute_hash(&self) -> Result<Hash, CanonicalError> {
        let mut buf = String::new();
        self.compute_hash_with(&mut buf)
    }

    /// As [`Entry::compute_hash`], reusing `buf` so that verifying millions of entries
    /// does not allocate for each one.
    pub fn compute_hash_with(&self, buf: &mut String) -> Result<Hash, CanonicalError> {
        buf.clear();
        write_hash_input(
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
}

/// Writes the bytes an entry's hash is taken over: the canonical JSON (RFC 8785) of
///
/// ```json
/// {"act": …, "actor": …, "legal_date": "…", "prev_hash": "<hex>", "recorded_at": "…", "seq": n}
/// ```
///
/// The members are written directly in JCS order (the names above are already sorted) so
/// that no intermediate object is built; a test checks this against the general encoder.
pub fn write_hash_input(
    seq: u64,
    recorded_at: &str,
    legal_date: &str,
    actor: &Value,
    act: &Value,
    prev_hash: &Hash,
    out: &mut String,
) -> Result<(), CanonicalError> {
    check_seq(seq)?;
    out.push_str("{\"act\":");
    canonical::write_canonical(act, out).map_err(|e| e.within("/act"))?;
    out.push_str(",\"actor\":");
    canonical::write_canonical(actor, out).map_err(|e| e.within("/actor"))?;
    write_tail(seq, recorded_at, legal_date, prev_hash, out);
    Ok(())
}

/// As [`write_hash_input`], for an actor and act already in canonical text (as a store
/// holds them), which saves encoding them a second time.
pub(crate) fn write_hash_input_from_canonical(
    seq: u64,
    recorded_at: &str,
    legal_date: &str,
    actor_text: &str,
    act_text: &str,
    prev_hash: &Hash,
    out: &mut String,
) -> Result<(), CanonicalError> {
    check_seq(seq)?;
    out.push_str("{\"act\":");
    out.push_str(act_text);
    out.push_str(",\"actor\":");
    out.push_str(actor_text);
    write_tail(seq, recorded_at, legal_date, prev_hash, out);
    Ok(())
}

/// Sequence numbers are JSON integers in the hash input, so they obey the same bound.
fn check_seq(seq: u64) -> Result<(), CanonicalError> {
    if seq > canonical::MAX_SAFE_INTEGER {
        return Err(CanonicalError::IntegerOutOfRange {
            path: "/seq".into(),
            number: seq.to_string(),
        });
    }
    Ok(())
}

/// The members after "actor", in JCS order.
fn write_tail(seq: u64, recorded_at: &str, legal_date: &str, prev_hash: &Hash, out: &mut String) {
    out.push_str(",\"legal_date\":");
    canonical::write_string(legal_date, out);
    out.push_str(",\"prev_hash\":\"");
    out.push_str(&prev_hash.to_hex());
    out.push_str("\",\"recorded_at\":");
    canonical::write_string(recorded_at, out);
    out.push_str(",\"seq\":");
    out.push_str(&seq.to_string());
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Entry {
        Entry {
            seq: 7,
            recorded_at: "2026-02-13T10:04:05.123Z".into(),
            legal_date: "2026-02-12".into(),
            actor: json!({"user": "aizada", "role": "secretary"}),
            act: json!({"type": "protocol_entered", "station": 4521, "votes": 17397}),
            prev_hash: Hash::of(b"previous"),
            hash: Hash::GENESIS,
        }
    }

    #[test]
    fn hash_input_is_the_canonical_json_of_the_six_members() {
        let e = sample();
        let object = json!({
            "seq": e.seq,
            "recorded_at": e.recorded_at,
            "legal_date": e.legal_date,
            "actor": e.actor,
            "act": e.act,
            "prev_hash": e.prev_hash.to_hex(),
        });
        let mut direct = String::new();
        write_hash_input(
            e.seq,
            &e.recorded_at,
            &e.legal_date,
            &e.actor,
            &e.act,
            &e.prev_hash,
            &mut direct,
        )
        .unwrap();
        assert_eq!(direct, canonical::to_canonical_string(&object).unwrap());
        assert_eq!(e.compute_hash().unwrap(), Hash::of(direct.as_bytes()));
    }

    #[test]
    fn every_member_is_covered_by_the_hash() {
        let base = sample().compute_hash().unwrap();
        let mut changes: Vec<Entry> = Vec::new();
        let mut e = sample();
        e.seq += 1;
        changes.push(e);
        let mut e = sample();
        e.recorded_at = "2026-02-13T10:04:05.124Z".into();
        changes.push(e);
        let mut e = sample();
        e.legal_date = "2026-02-11".into();
        changes.push(e);
        let mut e = sample();
        e.actor["role"] = json!("chair");
        changes.push(e);
        let mut e = sample();
        e.act["votes"] = json!(17398);
        changes.push(e);
        let mut e = sample();
        e.prev_hash = Hash::GENESIS;
        changes.push(e);
        for changed in changes {
            assert_ne!(changed.compute_hash().unwrap(), base, "{changed:?}");
        }
        // The stored hash itself is not part of the input.
        let mut e = sample();
        e.hash = Hash::of(b"anything");
        assert_eq!(e.compute_hash().unwrap(), base);
    }

    #[test]
    fn unencodable_values_are_located() {
        let mut e = sample();
        e.act["share"] = json!(0.5);
        assert_eq!(e.compute_hash().unwrap_err().path(), "/act/share");
        let mut e = sample();
        e.actor = json!(1e3);
        assert_eq!(e.compute_hash().unwrap_err().path(), "/actor");
    }

    #[test]
    fn entry_serializes_with_hex_hashes() {
        let e = sample();
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["prev_hash"], json!(e.prev_hash.to_hex()));
        let back: Entry = serde_json::from_value(v).unwrap();
        assert_eq!(back, e);
    }
}

//! Checking a chain of entries: numbering without gaps, each entry linked to the one before,
//! and each entry's hash recomputed from its content. Pure: it works the same on entries
//! read from a store, from an export file, or built in a test.

use crate::canonical::CanonicalError;
use crate::entry::{Entry, Head};
use crate::hash::Hash;
use crate::raw::{RawEntry, is_one_json_value};

/// What a successful verification establishes: `count` entries, ending at `head`. Compare
/// `head` with a published head to know that nothing was cut off the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifiedChain {
    pub count: u64,
    pub head: Head,
}

/// The first place where a chain no longer holds together. `seq` is the position in the
/// record where the problem was found (for a gap, the number of the missing entry).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.sentence())]
pub struct ChainBreak {
    pub seq: u64,
    pub kind: BreakKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BreakKind {
    /// The entry at this position is missing; the next one present is `found`.
    Gap { found: u64 },
    /// An entry numbered `found` (at or before an earlier position) appears where entry
    /// `seq` should be: a duplicate or a reordering.
    OutOfOrder { found: u64 },
    /// The entry's `prev_hash` is not the hash of the entry before it.
    BrokenLink { expected: Hash, found: Hash },
    /// The entry's content no longer hashes to its recorded hash: it was changed.
    HashMismatch { recorded: Hash, computed: Hash },
    /// The entry holds a value with no canonical form, so its hash cannot be recomputed.
    NotCanonical(CanonicalError),
    /// The store could not read the entry back at all (for example its JSON was broken).
    Unreadable { detail: String },
}

impl ChainBreak {
    /// A stable identifier of the kind of break.
    pub fn code(&self) -> &'static str {
        match self.kind {
            BreakKind::Gap { .. } => "CHAIN_GAP",
            BreakKind::OutOfOrder { .. } => "CHAIN_OUT_OF_ORDER",
            BreakKind::BrokenLink { .. } => "CHAIN_BROKEN_LINK",
            BreakKind::HashMismatch { .. } => "CHAIN_HASH_MISMATCH",
            BreakKind::NotCanonical(_) => "CHAIN_NOT_CANONICAL",
            BreakKind::Unreadable { .. } => "CHAIN_UNREADABLE",
        }
    }

    fn sentence(&self) -> String {
        let seq = self.seq;
        match &self.kind {
            BreakKind::Gap { found } => format!(
                "entry {seq} is missing: after entry {} the record continues with entry {found}",
                seq - 1
            ),
            BreakKind::OutOfOrder { found } => format!(
                "entry {seq} should come next, but entry {found} was found there: entries are duplicated or out of order"
            ),
            BreakKind::BrokenLink { expected, found } => format!(
                "entry {seq} does not follow from the entry before it: it names {found} as the previous hash, but entry {} hashes to {expected}",
                seq - 1
            ),
            BreakKind::HashMismatch { recorded, computed } => format!(
                "entry {seq} has been changed since it was recorded: its content hashes to {computed}, not to the recorded {recorded}"
            ),
            BreakKind::NotCanonical(e) => {
                format!("entry {seq} cannot be hashed: {e}")
            }
            BreakKind::Unreadable { detail } => {
                format!("entry {seq} cannot be read: {detail}")
            }
        }
    }
}

/// Verifies a whole chain from its first entry. An empty chain verifies, with head
/// [`Head::EMPTY`].
pub fn verify_chain(entries: impl IntoIterator<Item = Entry>) -> Result<VerifiedChain, ChainBreak> {
    let mut verifier = ChainVerifier::new();
    for entry in entries {
        verifier.push(&entry)?;
    }
    Ok(verifier.finish())
}

/// Verifies entries one at a time, holding only the last head, so a replay of millions of
/// entries can verify as it goes.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    head: Head,
    count: u64,
    broken: Option<ChainBreak>,
    buf: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier::new()
    }
}

impl ChainVerifier {
    /// A verifier expecting entry 1, linked to [`Hash::GENESIS`].
    pub fn new() -> ChainVerifier {
        ChainVerifier::resume(Head::EMPTY)
    }

    /// A verifier that continues after a head already trusted (for example one verified
    /// before a snapshot), expecting entry `head.seq + 1` next.
    pub fn resume(head: Head) -> ChainVerifier {
        ChainVerifier {
            head,
            count: 0,
            broken: None,
            buf: String::new(),
        }
    }

    /// Checks the next entry. After the first break every later push reports that same
    /// break: nothing after a break can be trusted.
    pub fn push(&mut self, entry: &Entry) -> Result<(), ChainBreak> {
        if let Some(b) = &self.broken {
            return Err(b.clone());
        }
        let result = self.check(entry);
        self.settle(entry.head(), result)
    }

    /// Checks the next entry as the store holds it, hashing its stored texts directly; see
    /// [`crate::RawEntry`] for why this detects every change without parsing the texts into
    /// values. Each text must also be exactly one JSON value (a syntax scan only).
    pub fn push_raw(&mut self, entry: &RawEntry) -> Result<(), ChainBreak> {
        if let Some(b) = &self.broken {
            return Err(b.clone());
        }
        let result = self
            .check_raw_link_and_hash(entry)
            .and_then(|()| self.check_one_value("act", &entry.act));
        self.settle(entry.head(), result)
    }

    /// As [`ChainVerifier::push_raw`], and hands the act's text to `parse` (the replay's
    /// parse into its own type), returning what it gave.
    ///
    /// `parse` must accept nothing but a text that is exactly one JSON value, as
    /// `serde_json::from_str` does (it refuses anything after the value). Then an act it
    /// parses needs no syntax scan of its own: the parse was that scan, so replay reads
    /// every act once instead of twice. Only when `parse` fails is the text scanned, to
    /// tell a text that is not one JSON value (a break, as `push_raw` reports it) from one
    /// that is JSON but not what the caller reads (its `Err`, handed back).
    pub fn push_raw_parsed<T, E>(
        &mut self,
        entry: &RawEntry,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Result<T, E>, ChainBreak> {
        if let Some(b) = &self.broken {
            return Err(b.clone());
        }
        let parsed = self.check_raw_link_and_hash(entry).and_then(|()| {
            let parsed = parse(&entry.act);
            if parsed.is_err() {
                self.check_one_value("act", &entry.act)?;
            }
            Ok(parsed)
        });
        let checked = parsed.as_ref().map(|_| ()).map_err(ChainBreak::clone);
        self.settle(entry.head(), checked)?;
        parsed
    }

    fn settle(&mut self, head: Head, result: Result<(), ChainBreak>) -> Result<(), ChainBreak> {
        match result {
            Ok(()) => {
                self.head = head;
                self.count += 1;
                Ok(())
            }
            Err(b) => {
                self.broken = Some(b.clone());
                Err(b)
            }
        }
    }

    /// Records that the entry at `seq` could not be read from its store, as a break at that
    /// position (unless the chain already broke earlier, which stays the one reported).
    pub fn unreadable(&mut self, seq: u64, detail: String) -> ChainBreak {
        if let Some(b) = &self.broken {
            return b.clone();
        }
        let expected = self.head.seq.saturating_add(1);
        let b = if seq > expected {
            // Entries before the damaged one are missing too; the first gap comes first.
            ChainBreak {
                seq: expected,
                kind: BreakKind::Gap { found: seq },
            }
        } else {
            ChainBreak {
                seq,
                kind: BreakKind::Unreadable { detail },
            }
        };
        self.broken = Some(b.clone());
        b
    }

    fn check(&mut self, entry: &Entry) -> Result<(), ChainBreak> {
        self.check_place(entry.seq, &entry.prev_hash)?;
        let computed = entry
            .compute_hash_with(&mut self.buf)
            .map_err(|e| self.fail(BreakKind::NotCanonical(e)))?;
        self.check_hash(entry.hash, computed)
    }

    /// The entry's place, link and hash over its stored texts, and its actor one JSON value:
    /// everything of a raw entry but its act's syntax.
    fn check_raw_link_and_hash(&mut self, entry: &RawEntry) -> Result<(), ChainBreak> {
        self.check_place(entry.seq, &entry.prev_hash)?;
        let computed = entry
            .compute_hash_with(&mut self.buf)
            .map_err(|e| self.fail(BreakKind::NotCanonical(e)))?;
        self.check_hash(entry.hash, computed)?;
        self.check_one_value("actor", &entry.actor)
    }

    fn check_one_value(&self, member: &str, text: &str) -> Result<(), ChainBreak> {
        if is_one_json_value(text) {
            Ok(())
        } else {
            Err(self.fail(BreakKind::Unreadable {
                detail: format!("its {member} is not one JSON value"),
            }))
        }
    }

    /// A break at the position the next entry should fill.
    fn fail(&self, kind: BreakKind) -> ChainBreak {
        ChainBreak {
            seq: self.head.seq.saturating_add(1),
            kind,
        }
    }

    /// The entry's number and link: the next number, linked to the last hash verified.
    fn check_place(&self, seq: u64, prev_hash: &Hash) -> Result<(), ChainBreak> {
        let expected = self.head.seq.saturating_add(1);
        if seq > expected {
            return Err(self.fail(BreakKind::Gap { found: seq }));
        }
        if seq < expected {
            return Err(self.fail(BreakKind::OutOfOrder { found: seq }));
        }
        if *prev_hash != self.head.hash {
            return Err(self.fail(BreakKind::BrokenLink {
                expected: self.head.hash,
                found: *prev_hash,
            }));
        }
        Ok(())
    }

    fn check_hash(&self, recorded: Hash, computed: Hash) -> Result<(), ChainBreak> {
        if computed != recorded {
            return Err(self.fail(BreakKind::HashMismatch { recorded, computed }));
        }
        Ok(())
    }

    /// The head of the entries verified so far.
    pub fn head(&self) -> Head {
        self.head
    }

    /// How many entries were pushed and verified (not counting those before a resumed head).
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The first break found, if any.
    pub fn broken(&self) -> Option<&ChainBreak> {
        self.broken.as_ref()
    }

    /// The result so far, or the break if there was one.
    pub fn result(&self) -> Result<VerifiedChain, ChainBreak> {
        match &self.broken {
            Some(b) => Err(b.clone()),
            None => Ok(VerifiedChain {
                count: self.count,
                head: self.head,
            }),
        }
    }

    /// What was verified. Only meaningful if every push succeeded; use [`Self::result`]
    /// when a break may have been ignored.
    pub fn finish(self) -> VerifiedChain {
        VerifiedChain {
            count: self.count,
            head: self.head,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A well-formed chain of `n` entries built without any store.
    pub(crate) fn chain(n: u64) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        let mut prev = Hash::GENESIS;
        for seq in 1..=n {
            let mut e = Entry {
                seq,
                recorded_at: format!("2026-02-13T10:04:{:02}.000Z", seq % 60),
                legal_date: "2026-02-13".into(),
                actor: json!({"user": "u1"}),
                act: json!({"type": "t", "n": seq}),
                prev_hash: prev,
                hash: Hash::GENESIS,
            };
            e.hash = e.compute_hash().unwrap();
            prev = e.hash;
            out.push(e);
        }
        out
    }

    #[test]
    fn a_good_chain_verifies() {
        let c = chain(5);
        let v = verify_chain(c.clone()).unwrap();
        assert_eq!(v.count, 5);
        assert_eq!(v.head, c[4].head());
        assert_eq!(verify_chain(Vec::new()).unwrap().head, Head::EMPTY);
    }

    #[test]
    fn a_changed_act_is_a_hash_mismatch_at_that_entry() {
        let mut c = chain(5);
        c[2].act["n"] = json!(99);
        let b = verify_chain(c).unwrap_err();
        assert_eq!(b.seq, 3);
        assert_eq!(b.code(), "CHAIN_HASH_MISMATCH");
        assert!(
            b.to_string()
                .starts_with("entry 3 has been changed since it was recorded"),
            "{b}"
        );
    }

    #[test]
    fn a_rehashed_change_breaks_the_next_link() {
        let mut c = chain(5);
        c[2].act["n"] = json!(99);
        c[2].hash = c[2].compute_hash().unwrap();
        let b = verify_chain(c).unwrap_err();
        assert_eq!(b.seq, 4);
        assert!(matches!(b.kind, BreakKind::BrokenLink { .. }));
    }

    #[test]
    fn a_missing_entry_is_a_gap_naming_it() {
        let mut c = chain(5);
        c.remove(2);
        let b = verify_chain(c).unwrap_err();
        assert_eq!(b.seq, 3);
        assert_eq!(b.kind, BreakKind::Gap { found: 4 });
        assert_eq!(
            b.to_string(),
            "entry 3 is missing: after entry 2 the record continues with entry 4"
        );
    }

    #[test]
    fn duplicates_and_reordering_are_named() {
        let mut c = chain(4);
        c.swap(1, 2);
        let b = verify_chain(c).unwrap_err();
        assert_eq!((b.seq, b.kind), (2, BreakKind::Gap { found: 3 }));
        let mut c = chain(4);
        c.insert(2, c[1].clone());
        let b = verify_chain(c).unwrap_err();
        assert_eq!((b.seq, b.kind), (3, BreakKind::OutOfOrder { found: 2 }));
    }

    #[test]
    fn the_first_entry_must_link_to_genesis() {
        let mut c = chain(2);
        c[0].prev_hash = Hash::of(b"elsewhere");
        c[0].hash = c[0].compute_hash().unwrap();
        let b = verify_chain(c).unwrap_err();
        assert_eq!(b.seq, 1);
        assert_eq!(b.code(), "CHAIN_BROKEN_LINK");
    }

    #[test]
    fn an_unhashable_entry_is_reported() {
        let mut c = chain(2);
        c[1].act["share"] = json!(0.25);
        let b = verify_chain(c).unwrap_err();
        assert_eq!(b.seq, 2);
        assert_eq!(b.code(), "CHAIN_NOT_CANONICAL");
        assert!(b.to_string().contains("/act/share"), "{b}");
    }

    #[test]
    fn streaming_matches_batch_and_resumes() {
        let c = chain(10);
        let mut v = ChainVerifier::new();
        for e in &c[..6] {
            v.push(e).unwrap();
        }
        let mut rest = ChainVerifier::resume(v.head());
        for e in &c[6..] {
            rest.push(e).unwrap();
        }
        assert_eq!(rest.count(), 4);
        assert_eq!(rest.head(), verify_chain(c.clone()).unwrap().head);
        // Resuming from a wrong head is caught at the first entry.
        let mut wrong = ChainVerifier::resume(c[4].head());
        assert_eq!(
            wrong.push(&c[6]).unwrap_err().kind,
            BreakKind::Gap { found: 7 }
        );
    }

    #[test]
    fn parsing_the_act_on_the_way_verifies_as_push_raw_does() {
        let raw: Vec<RawEntry> = chain(3)
            .iter()
            .map(|e| RawEntry::from_entry(e).unwrap())
            .collect();
        let read =
            |act: &str| serde_json::from_str::<serde_json::Value>(act).map(|v| v["n"].as_u64());
        let mut v = ChainVerifier::new();
        assert_eq!(v.push_raw_parsed(&raw[0], read).unwrap().unwrap(), Some(1));
        // JSON the caller does not read: the caller's own error, and the chain goes on.
        let number = |act: &str| serde_json::from_str::<u64>(act);
        assert!(v.push_raw_parsed(&raw[1], number).unwrap().is_err());
        assert_eq!(v.head(), raw[1].head());
        // A text that is not one JSON value, hashed as it is: the break push_raw names.
        let mut bad = raw[2].clone();
        bad.act.push_str(" 7");
        bad.hash = bad.compute_hash_with(&mut String::new()).unwrap();
        let expected = ChainVerifier::resume(v.head()).push_raw(&bad).unwrap_err();
        assert!(
            matches!(expected.kind, BreakKind::Unreadable { .. }),
            "{expected}"
        );
        assert_eq!(v.push_raw_parsed(&bad, read).unwrap_err(), expected);
        assert_eq!(v.result().unwrap_err(), expected);
    }

    #[test]
    fn a_break_is_sticky() {
        let mut c = chain(4);
        c[1].legal_date = "2026-02-14".into();
        let mut v = ChainVerifier::new();
        v.push(&c[0]).unwrap();
        let first = v.push(&c[1]).unwrap_err();
        assert_eq!(v.push(&c[2]).unwrap_err(), first);
        assert_eq!(v.result().unwrap_err(), first);
        assert_eq!(v.unreadable(9, "x".into()), first);
    }

    #[test]
    fn unreadable_entries_are_breaks_at_their_position() {
        let c = chain(3);
        let mut v = ChainVerifier::new();
        v.push(&c[0]).unwrap();
        let b = v.unreadable(2, "its act is not valid JSON".into());
        assert_eq!(b.seq, 2);
        assert_eq!(
            b.to_string(),
            "entry 2 cannot be read: its act is not valid JSON"
        );
        let mut v = ChainVerifier::new();
        v.push(&c[0]).unwrap();
        assert_eq!(
            v.unreadable(3, "x".into()).kind,
            BreakKind::Gap { found: 3 }
        );
    }
}

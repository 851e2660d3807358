//! The leaf of one entry of the record, and the tree of a whole record.
//!
//! A leaf is 40 bytes: the entry's `seq` as an unsigned 64-bit big-endian integer, then the
//! 32 bytes of the entry's `hash` (SHA-256 of its canonical hash input, `crates/record/
//! README.md`). The entry's hash already covers every member of the entry, so the leaf
//! commits to the whole act without repeating it; that keeps the tree fast to build
//! (one short hash per act over hashes the record already holds) and lets the log be
//! published while protocol rounds are open: a withheld entry's hash is public, its figures
//! are not, and the leaf shows nothing the public record does not. The `seq` makes every
//! leaf name its entry on its own, so a leaf found out of place is seen to be.

use tandoo_record::{ChainVerifier, DEFAULT_PAGE_SIZE, Hash, Record, RecordError, read_raw_pages};

use crate::merkle::{Tree, leaf_hash};

/// The length of a leaf in bytes.
pub const LEAF_LEN: usize = 40;

/// The leaf of entry `seq` whose hash is `hash`.
pub fn leaf(seq: u64, hash: &Hash) -> [u8; LEAF_LEN] {
    let mut out = [0u8; LEAF_LEN];
    out[..8].copy_from_slice(&seq.to_be_bytes());
    out[8..].copy_from_slice(&hash.0);
    out
}

/// The leaf hash of entry `seq` whose hash is `hash`.
pub fn entry_leaf_hash(seq: u64, hash: &Hash) -> Hash {
    leaf_hash(&leaf(seq, hash))
}

/// Reads a leaf back: the entry's number and hash.
pub fn parse_leaf(bytes: &[u8]) -> Option<(u64, Hash)> {
    if bytes.len() != LEAF_LEN {
        return None;
    }
    let seq = u64::from_be_bytes(bytes[..8].try_into().ok()?);
    let hash = Hash(bytes[8..].try_into().ok()?);
    Some((seq, hash))
}

/// Why the tree of a record could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Record(#[from] RecordError),
    /// The record does not verify: no tree is built over a broken chain.
    #[error("{0}")]
    Broken(#[from] tandoo_record::ChainBreak),
}

impl BuildError {
    pub fn code(&self) -> &'static str {
        match self {
            BuildError::Record(e) => e.code(),
            BuildError::Broken(b) => b.code(),
        }
    }
}

/// Builds the tree of a record from its first entry to its end, verifying the chain on the
/// way (every hash recomputed from the stored texts), so that a log is never published
/// over entries that no longer match their hashes.
pub async fn tree_of_record<R: Record + ?Sized>(record: &R) -> Result<Tree, BuildError> {
    Ok(record_tree(record).await?.0)
}

/// As [`tree_of_record`], with the entries' hashes beside the tree (the leaves, for the
/// entry bundles of the published log).
pub async fn record_tree<R: Record + ?Sized>(record: &R) -> Result<(Tree, Vec<Hash>), BuildError> {
    let mut tree = Tree::new();
    let mut hashes = Vec::new();
    extend_from_record(record, &mut tree, &mut hashes).await?;
    Ok((tree, hashes))
}

/// Extends `tree` (the tree of the record's first `tree.size()` entries) with the entries
/// that follow, verifying them, and `hashes` with their entries' hashes; returns how many
/// were added.
pub async fn extend_from_record<R: Record + ?Sized>(
    record: &R,
    tree: &mut Tree,
    hashes: &mut Vec<Hash>,
) -> Result<u64, BuildError> {
    let start = tree.size();
    let mut verifier = if start == 0 {
        ChainVerifier::new()
    } else {
        // The chain is resumed from the last leaf's entry; its hash is in the tree's leaf,
        // but only its leaf hash is kept, so it is read back.
        let last = record.read_raw(start, 1).await?;
        let Some(last) = last.first() else {
            return Err(RecordError::Store {
                action: "extending the log",
                detail: format!("the record no longer holds entry {start}"),
            }
            .into());
        };
        if entry_leaf_hash(last.seq, &last.hash) != tree.level(0)[start as usize - 1] {
            return Err(RecordError::Store {
                action: "extending the log",
                detail: format!("entry {start} is no longer the entry the log holds"),
            }
            .into());
        }
        ChainVerifier::resume(last.head())
    };
    let mut pages = read_raw_pages(record, start + 1, DEFAULT_PAGE_SIZE);
    while let Some(page) = pages.next_page().await? {
        for entry in &page {
            verifier.push_raw(entry)?;
            tree.push_hash(entry_leaf_hash(entry.seq, &entry.hash));
            hashes.push(entry.hash);
        }
    }
    Ok(tree.size() - start)
}

//! The Merkle tree of RFC 9162 (§2.1): leaf hashes `SHA-256(0x00 ‖ leaf)`, node hashes
//! `SHA-256(0x01 ‖ left ‖ right)`, the tree of `n` leaves split at the largest power of two
//! smaller than `n`; inclusion and consistency proofs, made and checked.
//!
//! Proofs are made from any [`HashSource`]: the in-memory [`Tree`] built from the record, or
//! the tiles of a published log. Every hash a proof needs is the hash of a *perfect* subtree
//! (2^k leaves starting at a multiple of 2^k) or is combined from such hashes, so that is
//! all a source has to give.

use sha2::{Digest, Sha256};
use tandoo_record::Hash;

/// The root of the tree of no leaves: SHA-256 of nothing.
pub fn empty_root() -> Hash {
    Hash::of(b"")
}

/// `SHA-256(0x00 ‖ leaf)`.
pub fn leaf_hash(leaf: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(leaf);
    Hash(h.finalize().into())
}

/// `SHA-256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left.0);
    h.update(right.0);
    Hash(h.finalize().into())
}

/// Why a proof could not be made or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("leaf {index} is not in a tree of {size} leaves")]
    IndexOutOfRange { index: u64, size: u64 },
    #[error("a tree of {old} leaves cannot be a prefix of a tree of {new} leaves")]
    SizesOutOfOrder { old: u64, new: u64 },
    #[error("the proof has the wrong number of hashes for these sizes ({found})")]
    WrongLength { found: usize },
    #[error("the proof does not lead to the root hash")]
    RootMismatch,
    #[error("the proof does not lead to the older root hash")]
    OldRootMismatch,
    #[error("the hash of {count} leaves from leaf {start} is not available: {detail}")]
    HashUnavailable {
        start: u64,
        count: u64,
        detail: String,
    },
}

impl ProofError {
    pub fn code(&self) -> &'static str {
        match self {
            ProofError::IndexOutOfRange { .. } => "PROOF_INDEX_OUT_OF_RANGE",
            ProofError::SizesOutOfOrder { .. } => "PROOF_SIZES_OUT_OF_ORDER",
            ProofError::WrongLength { .. } => "PROOF_WRONG_LENGTH",
            ProofError::RootMismatch => "PROOF_ROOT_MISMATCH",
            ProofError::OldRootMismatch => "PROOF_OLD_ROOT_MISMATCH",
            ProofError::HashUnavailable { .. } => "PROOF_HASH_UNAVAILABLE",
        }
    }
}

/// Whatever can give the hash of a perfect subtree: the 2^`level` leaves starting at leaf
/// `index << level`.
pub trait HashSource {
    fn perfect(&self, level: u32, index: u64) -> Result<Hash, ProofError>;

    /// The hash of leaves `lo..hi` (`lo < hi`) as RFC 9162 defines it for a tree of those
    /// leaves. `lo` must be a multiple of the largest power of two below `hi - lo` — true of
    /// every range a proof from leaf 0 asks for.
    fn range(&self, lo: u64, hi: u64) -> Result<Hash, ProofError> {
        let n = hi - lo;
        if n.is_power_of_two() && lo.is_multiple_of(n) {
            return self.perfect(n.trailing_zeros(), lo >> n.trailing_zeros());
        }
        let k = split(n);
        let left = self.range(lo, lo + k)?;
        let right = self.range(lo + k, hi)?;
        Ok(node_hash(&left, &right))
    }

    /// The root of the tree of the first `size` leaves.
    fn root(&self, size: u64) -> Result<Hash, ProofError> {
        if size == 0 {
            return Ok(empty_root());
        }
        self.range(0, size)
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1),
    /// the hashes nearest the leaf first.
    fn inclusion(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        if index >= size {
            return Err(ProofError::IndexOutOfRange { index, size });
        }
        let mut out = Vec::new();
        path(self, index, 0, size, &mut out)?;
        Ok(out)
    }

    /// The consistency proof that the tree of `old` leaves is a prefix of the tree of `new`
    /// leaves (RFC 9162 §2.1.4.1). Empty when `old` is 0 or equals `new`.
    fn consistency(&self, old: u64, new: u64) -> Result<Vec<Hash>, ProofError> {
        if old > new {
            return Err(ProofError::SizesOutOfOrder { old, new });
        }
        let mut out = Vec::new();
        if old > 0 && old < new {
            subproof(self, old, 0, new, true, &mut out)?;
        }
        Ok(out)
    }
}

/// The largest power of two smaller than `n` (`n > 1`).
fn split(n: u64) -> u64 {
    debug_assert!(n > 1);
    1 << (63 - (n - 1).leading_zeros())
}

fn path<S: HashSource + ?Sized>(
    source: &S,
    m: u64,
    lo: u64,
    hi: u64,
    out: &mut Vec<Hash>,
) -> Result<(), ProofError> {
    let n = hi - lo;
    if n == 1 {
        return Ok(());
    }
    let k = split(n);
    if m - lo < k {
        path(source, m, lo, lo + k, out)?;
        out.push(source.range(lo + k, hi)?);
    } else {
        path(source, m, lo + k, hi, out)?;
        out.push(source.range(lo, lo + k)?);
    }
    Ok(())
}

fn subproof<S: HashSource + ?Sized>(
    source: &S,
    m: u64,
    lo: u64,
    hi: u64,
    whole: bool,
    out: &mut Vec<Hash>,
) -> Result<(), ProofError> {
    let n = hi - lo;
    if m == n {
        if !whole {
            out.push(source.range(lo, hi)?);
        }
        return Ok(());
    }
    let k = split(n);
    if m <= k {
        subproof(source, m, lo, lo + k, whole, out)?;
        out.push(source.range(lo + k, hi)?);
    } else {
        subproof(source, m - k, lo + k, hi, false, out)?;
        out.push(source.range(lo, lo + k)?);
    }
    Ok(())
}

/// Checks that `leaf` (a leaf hash) is leaf `index` of the tree of `size` leaves whose root
/// is `root` (RFC 9162 §2.1.3.2).
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s == 0 {
            return Err(ProofError::WrongLength { found: proof.len() });
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 {
        return Err(ProofError::WrongLength { found: proof.len() });
    }
    if r != *root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// Checks that the tree of `old` leaves with root `old_root` is a prefix of the tree of
/// `new` leaves with root `new_root` (RFC 9162 §2.1.4.2). An empty tree is a prefix of
/// every tree; equal sizes need equal roots and an empty proof.
pub fn verify_consistency(
    old: u64,
    new: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if old > new {
        return Err(ProofError::SizesOutOfOrder { old, new });
    }
    if old == 0 || old == new {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength { found: proof.len() });
        }
        if old == 0 {
            return if *old_root == empty_root() {
                Ok(())
            } else {
                Err(ProofError::OldRootMismatch)
            };
        }
        return if old_root == new_root {
            Ok(())
        } else {
            Err(ProofError::RootMismatch)
        };
    }
    // A tree whose size is a power of two is itself the first node of the proof.
    let mut nodes: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old.is_power_of_two() {
        nodes.push(*old_root);
    }
    nodes.extend_from_slice(proof);
    let Some((first, rest)) = nodes.split_first() else {
        return Err(ProofError::WrongLength { found: proof.len() });
    };
    let (mut f, mut s) = (old - 1, new - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if s == 0 {
            return Err(ProofError::WrongLength { found: proof.len() });
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 {
        return Err(ProofError::WrongLength { found: proof.len() });
    }
    if fr != *old_root {
        return Err(ProofError::OldRootMismatch);
    }
    if sr != *new_root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// The whole tree in memory: for every level `k`, the hashes of the complete subtrees of
/// 2^k leaves, left to right. About 64 bytes a leaf (the leaf hashes and every node above
/// them), so a record of a million acts needs 64 MB.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    pub fn new() -> Tree {
        Tree::default()
    }

    /// The number of leaves.
    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    /// Appends a leaf by its leaf hash, completing the subtrees it closes.
    pub fn push_hash(&mut self, leaf: Hash) {
        let mut carry = leaf;
        let mut level = 0;
        loop {
            if self.levels.len() == level {
                self.levels.push(Vec::new());
            }
            let row = &mut self.levels[level];
            row.push(carry);
            if !row.len().is_multiple_of(2) {
                return;
            }
            carry = node_hash(&row[row.len() - 2], &row[row.len() - 1]);
            level += 1;
        }
    }

    /// Appends a leaf by its bytes.
    pub fn push(&mut self, leaf: &[u8]) {
        self.push_hash(leaf_hash(leaf));
    }

    /// The complete subtree hashes of one level (level 0: the leaf hashes).
    pub fn level(&self, level: u32) -> &[Hash] {
        self.levels.get(level as usize).map_or(&[], Vec::as_slice)
    }

    /// The root of the whole tree.
    pub fn head_root(&self) -> Hash {
        self.root(self.size())
            .expect("an in-memory tree holds every hash of its own size")
    }
}

impl HashSource for Tree {
    fn perfect(&self, level: u32, index: u64) -> Result<Hash, ProofError> {
        self.levels
            .get(level as usize)
            .and_then(|row| row.get(usize::try_from(index).ok()?))
            .copied()
            .ok_or_else(|| ProofError::HashUnavailable {
                start: index << level,
                count: 1 << level,
                detail: format!("the tree has {} leaves", self.size()),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_the_largest_power_of_two_below() {
        assert_eq!(split(2), 1);
        assert_eq!(split(3), 2);
        assert_eq!(split(4), 2);
        assert_eq!(split(5), 4);
        assert_eq!(split(1 << 40), 1 << 39);
        assert_eq!(split((1 << 40) + 1), 1 << 40);
    }

    #[test]
    fn the_empty_tree_has_the_hash_of_nothing() {
        assert_eq!(
            Tree::new().head_root().to_hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}

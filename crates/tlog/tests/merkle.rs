//! The Merkle tree against the test vectors of RFC 6962/9162 as the Certificate Transparency
//! implementations publish them, and proofs for every size and index up to a few hundred
//! leaves: each verifies, and fails with any byte of it, of the leaf or of a root flipped.

use proptest::prelude::*;
use tandoo_record::Hash;
use tandoo_tlog::merkle::{leaf_hash, node_hash};
use tandoo_tlog::tiles::{TILE_WIDTH, TileRef, hash_tile, tiles_of};
use tandoo_tlog::{HashSource, TileSource, Tree, verify_consistency, verify_inclusion};

/// The eight leaves of the Certificate Transparency test vectors.
const LEAVES: [&[u8]; 8] = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
];

/// The roots of the trees of the first 1 … 8 of those leaves.
const ROOTS: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

fn hex(h: &str) -> Hash {
    h.parse().unwrap()
}

fn vector_tree() -> Tree {
    let mut tree = Tree::new();
    for leaf in LEAVES {
        tree.push(leaf);
    }
    tree
}

#[test]
fn roots_match_the_certificate_transparency_vectors() {
    let tree = vector_tree();
    for (n, root) in ROOTS.iter().enumerate() {
        assert_eq!(
            tree.root(n as u64 + 1).unwrap(),
            hex(root),
            "size {}",
            n + 1
        );
    }
}

#[test]
fn proofs_match_the_certificate_transparency_vectors() {
    let tree = vector_tree();
    // Inclusion of leaf 5 (0-based) in the tree of 8, and consistency 3 → 7 and 4 → 8.
    let inclusion = tree.inclusion(5, 8).unwrap();
    let expected = [
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ];
    assert_eq!(inclusion, expected.map(hex));
    // The consistency proofs of the CT reference tests (google/certificate-transparency,
    // merkle_tree_test.cc), as (old, new, proof).
    let vectors: [(u64, u64, &[&str]); 6] = [
        (1, 1, &[]),
        (
            1,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            6,
            8,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            5,
            &[
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
        (
            3,
            7,
            &[
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e",
            ],
        ),
        (
            4,
            8,
            &["6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
        ),
    ];
    for (old, new, expected) in vectors {
        let expected: Vec<Hash> = expected.iter().map(|h| hex(h)).collect();
        assert_eq!(
            tree.consistency(old, new).unwrap(),
            expected,
            "{old} → {new}"
        );
        let (old_root, new_root) = (tree.root(old).unwrap(), tree.root(new).unwrap());
        verify_consistency(old, new, &old_root, &new_root, &expected).unwrap();
    }
}

/// A tree of `n` leaves, each the big-endian bytes of its index.
fn tree_of(n: u64) -> Tree {
    let mut tree = Tree::new();
    for i in 0..n {
        tree.push(&i.to_be_bytes());
    }
    tree
}

fn flip(h: &Hash, byte: usize, bit: u8) -> Hash {
    let mut out = *h;
    out.0[byte % 32] ^= 1 << (bit % 8);
    out
}

/// The root computed the slow way, straight from the definition.
fn reference_root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => Hash::of(b""),
        1 => leaves[0],
        n => {
            let mut k = 1;
            while k * 2 < n {
                k *= 2;
            }
            node_hash(&reference_root(&leaves[..k]), &reference_root(&leaves[k..]))
        }
    }
}

#[test]
fn every_inclusion_proof_up_to_300_leaves_verifies() {
    let tree = tree_of(300);
    for size in 1..=300u64 {
        let root = tree.root(size).unwrap();
        assert_eq!(root, reference_root(&tree.level(0)[..size as usize]));
        for index in 0..size {
            let proof = tree.inclusion(index, size).unwrap();
            let leaf = leaf_hash(&index.to_be_bytes());
            verify_inclusion(index, size, &leaf, &proof, &root)
                .unwrap_or_else(|e| panic!("{index} in {size}: {e}"));
            // Another place or one hash less does not verify. (Another size may: the proof
            // of leaf 0 has the same shape in trees of 5 and 6 leaves. The size is bound to
            // the root by the signed checkpoint, not by the path.)
            if size > 1 {
                assert!(verify_inclusion((index + 1) % size, size, &leaf, &proof, &root).is_err());
            }
            if let Some((_, shorter)) = proof.split_last() {
                assert!(verify_inclusion(index, size, &leaf, shorter, &root).is_err());
            }
        }
    }
}

#[test]
fn every_consistency_proof_up_to_260_leaves_verifies() {
    let tree = tree_of(260);
    let roots: Vec<Hash> = (0..=260).map(|n| tree.root(n).unwrap()).collect();
    for new in 0..=260u64 {
        for old in 0..=new {
            let proof = tree.consistency(old, new).unwrap();
            verify_consistency(old, new, &roots[old as usize], &roots[new as usize], &proof)
                .unwrap_or_else(|e| panic!("{old} → {new}: {e}"));
            if old > 0 && old < new {
                // A different older tree of the same size is not a prefix.
                let other = flip(&roots[old as usize], 0, 0);
                assert!(
                    verify_consistency(old, new, &other, &roots[new as usize], &proof).is_err()
                );
                if let Some((_, shorter)) = proof.split_last() {
                    let r = verify_consistency(
                        old,
                        new,
                        &roots[old as usize],
                        &roots[new as usize],
                        shorter,
                    );
                    assert!(r.is_err(), "{old} → {new} with a hash less");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_flipped_bit_anywhere_fails_inclusion(
        size in 1u64..400, index_seed in any::<u64>(), at in any::<usize>(), bit in 0u8..8,
        target in 0u8..3,
    ) {
        let tree = tree_of(size);
        let index = index_seed % size;
        let mut proof = tree.inclusion(index, size).unwrap();
        let mut leaf = leaf_hash(&index.to_be_bytes());
        let mut root = tree.root(size).unwrap();
        match target {
            0 if !proof.is_empty() => {
                let i = at % proof.len();
                proof[i] = flip(&proof[i], at / 7, bit);
            }
            1 => leaf = flip(&leaf, at, bit),
            _ => root = flip(&root, at, bit),
        }
        prop_assert!(verify_inclusion(index, size, &leaf, &proof, &root).is_err());
    }

    #[test]
    fn a_flipped_bit_anywhere_fails_consistency(
        new in 2u64..400, old_seed in any::<u64>(), at in any::<usize>(), bit in 0u8..8,
        target in 0u8..3,
    ) {
        let old = 1 + old_seed % (new - 1);
        let tree = tree_of(new);
        let mut proof = tree.consistency(old, new).unwrap();
        let mut old_root = tree.root(old).unwrap();
        let mut new_root = tree.root(new).unwrap();
        match target {
            0 => {
                let i = at % proof.len();
                proof[i] = flip(&proof[i], at / 7, bit);
            }
            1 => old_root = flip(&old_root, at, bit),
            _ => new_root = flip(&new_root, at, bit),
        }
        prop_assert!(verify_consistency(old, new, &old_root, &new_root, &proof).is_err());
    }
}

#[test]
fn the_tiles_give_the_same_hashes_as_the_tree() {
    // Two levels of tiles, with full and partial tiles on both.
    let size = 3 * TILE_WIDTH * TILE_WIDTH + 5 * TILE_WIDTH + 17;
    let tree = tree_of(size);
    let files: std::collections::HashMap<String, Vec<u8>> = tiles_of(size)
        .into_iter()
        .filter_map(|t: TileRef| match t.kind {
            tandoo_tlog::TileKind::Hashes { level } => {
                Some((t.path(), hash_tile(&tree, level, t.index, t.width).unwrap()))
            }
            tandoo_tlog::TileKind::Entries => None,
        })
        .collect();
    let source = TileSource::new(size, |path: &str| {
        files.get(path).cloned().ok_or_else(|| format!("no {path}"))
    });
    assert_eq!(source.root(size).unwrap(), tree.root(size).unwrap());
    for (index, at) in [(0, size), (70_000, size), (size - 1, size), (12, 300)] {
        assert_eq!(
            source.inclusion(index, at).unwrap(),
            tree.inclusion(index, at).unwrap()
        );
    }
    for (old, new) in [(1, size), (65_536, size), (size - 3, size), (300, 70_000)] {
        assert_eq!(
            source.consistency(old, new).unwrap(),
            tree.consistency(old, new).unwrap()
        );
    }
}

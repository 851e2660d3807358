//! A transparency log over the record: the Merkle tree of RFC 9162 with one leaf per entry,
//! inclusion and consistency proofs, checkpoints signed as C2SP signed notes, and the log
//! as static files in the C2SP `tlog-tiles` layout.
//!
//! Like the record, this crate knows nothing of elections: a leaf names an entry by its
//! number and its hash ([`leaf`]), and what the entries mean is for others to say. It does
//! no I/O of its own beyond reading a [`tandoo_record::Record`]; writing files and serving
//! them is for the command line and the server.
//!
//! - [`merkle`]: hashes, the in-memory [`Tree`], proofs made from any [`HashSource`] and
//!   checked by [`verify_inclusion`] and [`verify_consistency`].
//! - [`leaf`]: the leaf of an entry, and the tree of a whole record ([`tree_of_record`]).
//! - [`note`]: Ed25519 keys and signed notes; [`checkpoint`]: what a log signs;
//!   [`cosignature`]: what a witness signs.
//! - [`tiles`]: tile paths, tile contents, and the hashes of a published log
//!   ([`TileSource`]).
//! - [`proof`]: offline proofs of entries.

pub mod checkpoint;
pub mod cosignature;
pub mod leaf;
pub mod merkle;
pub mod note;
pub mod proof;
pub mod tiles;

pub use checkpoint::{Checkpoint, CheckpointError};
pub use cosignature::{CosignatureError, CosignatureVerifier, Cosigner};
pub use leaf::{
    BuildError, LEAF_LEN, entry_leaf_hash, extend_from_record, leaf, parse_leaf, tree_of_record,
};
pub use merkle::{HashSource, ProofError, Tree, verify_consistency, verify_inclusion};
pub use note::{GenerateError, NoteError, NoteSigner, NoteVerifier, note_text};
pub use proof::{Proof, ProofFileError, ProvenEntry};
pub use tiles::{TileKind, TileRef, TileSource};

//! A publication: the portal's files at one head, immutable once made.

use std::collections::BTreeMap;
use std::sync::Arc;

use sha2::{Digest, Sha256};
use tandoo_core::LegalDate;
use tandoo_present::Language;

use crate::address;

/// What a publication reflects and when it was made. The caller reads the clock and the
/// record; the portal only writes them on every page.
#[derive(Clone, Debug)]
pub struct Edition {
    /// The record's head the state reflects: its sequence number and hash (hex).
    pub head_seq: u64,
    pub head_hash: String,
    /// When the record's head entry was recorded, RFC 3339 in UTC
    /// (`2026-03-01T18:04:05.123Z`): the time of the publication's content. Taken from the
    /// record rather than a clock, so that a publication is a function of the record alone
    /// and a live server and `tandoo publish` give the same bytes.
    pub published_at: String,
    /// The legal date of the state; none for the present state.
    pub as_of: Option<LegalDate>,
    /// The legal dates on which the record changed something, oldest first: the dates a
    /// reader can pick "as of".
    pub dates: Vec<LegalDate>,
    /// The language of a page asked for without one (its `index.html`).
    pub default_language: Language,
    /// The commission's public key (a signed-note verifier key line), when it signs.
    pub commission_key: Option<String>,
}

/// One file of a publication.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    pub bytes: Arc<[u8]>,
    pub content_type: &'static str,
    /// A strong validator of the bytes: `"` + the first 32 hex digits of their SHA-256 + `"`.
    pub etag: String,
}

impl Asset {
    pub fn new(bytes: impl Into<Arc<[u8]>>, content_type: &'static str) -> Asset {
        let bytes = bytes.into();
        let digest = Sha256::digest(&bytes);
        let etag = format!("\"{}\"", &hex::encode(digest)[..32]);
        Asset {
            bytes,
            content_type,
            etag,
        }
    }
}

/// The portal's files at one head, by file (see [`crate::address`]).
#[derive(Clone, Debug, Default)]
pub struct Publication {
    files: BTreeMap<String, Asset>,
    /// The head the publication reflects.
    pub head_seq: u64,
    /// That head's hash (hex) and when the publication was made (see [`Edition`]).
    pub head_hash: String,
    pub published_at: String,
    pub as_of: Option<LegalDate>,
}

impl Publication {
    /// An empty publication of `edition`.
    pub fn new(edition: &Edition) -> Publication {
        Publication {
            files: BTreeMap::new(),
            head_seq: edition.head_seq,
            head_hash: edition.head_hash.clone(),
            published_at: edition.published_at.clone(),
            as_of: edition.as_of,
        }
    }

    /// Adds a file. A page in the default language also gets its `index.html` copy.
    pub fn insert(&mut self, file: String, asset: Asset) {
        self.files.insert(file, asset);
    }

    /// The file at `file` (a path within the publication, no leading slash).
    pub fn file(&self, file: &str) -> Option<&Asset> {
        self.files.get(file)
    }

    /// The asset answering `path` in `language`.
    pub fn get(&self, path: &str, language: Language) -> Option<&Asset> {
        self.file(&address::file_of(path, language))
    }

    /// Every file, in the order of their paths.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Asset)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

//! Checkpoints (C2SP `tlog-checkpoint`): the log's origin, its size and its root hash, as
//! the text a signed note signs.
//!
//! ```text
//! example.kg/election-2026
//! 1203
//! 0nDT+3XUBm6zswKxU0kW8SRAbV2C3IiZX8Q1yiGnGrs=
//! ```
//!
//! The origin names the log and is the name of the key that signs it, so a checkpoint of
//! one log is never taken for one of another. No extension lines are written; a
//! checkpoint with extension lines is read and its extensions kept.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use tandoo_record::Hash;

use crate::note::{NoteError, NoteSigner, NoteVerifier};

/// What a checkpoint says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
    /// Lines after the root hash, each with its newline.
    pub extensions: String,
}

/// Why a checkpoint is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("the checkpoint is not well formed: {0}")]
    Malformed(&'static str),
    #[error(transparent)]
    Note(#[from] NoteError),
    #[error("the checkpoint is of the log {found:?}, not of {expected:?}")]
    WrongOrigin { expected: String, found: String },
}

impl CheckpointError {
    pub fn code(&self) -> &'static str {
        match self {
            CheckpointError::Malformed(_) => "MALFORMED_CHECKPOINT",
            CheckpointError::Note(e) => e.code(),
            CheckpointError::WrongOrigin { .. } => "WRONG_ORIGIN",
        }
    }
}

impl Checkpoint {
    pub fn new(origin: &str, size: u64, root: Hash) -> Checkpoint {
        Checkpoint {
            origin: origin.into(),
            size,
            root,
            extensions: String::new(),
        }
    }

    /// The note text.
    pub fn to_text(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}",
            self.origin,
            self.size,
            BASE64.encode(self.root.0),
            self.extensions
        )
    }

    /// Reads a note text: origin, size in decimal without leading zeros, base64 root hash.
    pub fn parse(text: &str) -> Result<Checkpoint, CheckpointError> {
        let malformed = CheckpointError::Malformed;
        let mut lines = text.split_inclusive('\n');
        let mut line = |what: &'static str| -> Result<&str, CheckpointError> {
            lines
                .next()
                .and_then(|l| l.strip_suffix('\n'))
                .ok_or(malformed(what))
        };
        let origin = line("no origin line")?;
        let size = line("no size line")?;
        let root = line("no root hash line")?;
        if origin.is_empty() {
            return Err(malformed("the origin is empty"));
        }
        if size.is_empty()
            || !size.bytes().all(|b| b.is_ascii_digit())
            || (size.len() > 1 && size.starts_with('0'))
        {
            return Err(malformed("the size is not a decimal number"));
        }
        let size: u64 = size
            .parse()
            .map_err(|_| malformed("the size is too large"))?;
        let bytes = BASE64
            .decode(root)
            .map_err(|_| malformed("the root hash is not base64"))?;
        let root: [u8; 32] = bytes
            .try_into()
            .map_err(|_| malformed("the root hash is not 32 bytes"))?;
        let extensions: String = lines.collect();
        if extensions.lines().any(str::is_empty) {
            return Err(malformed("an extension line is empty"));
        }
        Ok(Checkpoint {
            origin: origin.into(),
            size,
            root: Hash(root),
            extensions,
        })
    }

    /// The signed note of this checkpoint; the signer's name must be the origin.
    pub fn sign(&self, signer: &NoteSigner) -> Result<String, CheckpointError> {
        if signer.name() != self.origin {
            return Err(CheckpointError::WrongOrigin {
                expected: signer.name().into(),
                found: self.origin.clone(),
            });
        }
        Ok(signer.sign(&self.to_text())?)
    }

    /// Checks a signed checkpoint against the log's key and reads it.
    pub fn open(note: &str, key: &NoteVerifier) -> Result<Checkpoint, CheckpointError> {
        let text = key.verify(note)?;
        let checkpoint = Checkpoint::parse(text)?;
        if checkpoint.origin != key.name() {
            return Err(CheckpointError::WrongOrigin {
                expected: key.name().into(),
                found: checkpoint.origin,
            });
        }
        Ok(checkpoint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trip() {
        let c = Checkpoint::new("example.kg/log", 1203, Hash::of(b"root"));
        let text = c.to_text();
        assert_eq!(text.lines().count(), 3);
        assert_eq!(Checkpoint::parse(&text).unwrap(), c);
    }

    #[test]
    fn reads_the_c2sp_example() {
        // The example of c2sp.org/tlog-checkpoint, with its extension line.
        let text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nTimestamp: 1689748607742585419\n";
        let c = Checkpoint::parse(text).unwrap();
        assert_eq!(c.origin, "example.com/behind-the-sofa");
        assert_eq!(c.size, 20852163);
        assert_eq!(c.extensions, "Timestamp: 1689748607742585419\n");
        assert_eq!(c.to_text(), text);
    }

    #[test]
    fn refuses_what_is_not_a_checkpoint() {
        for bad in [
            "",
            "origin\n",
            "origin\n12\n",
            "origin\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "origin\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "origin\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx\n",
            "origin\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
        ] {
            assert!(Checkpoint::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn signed_and_opened_with_the_origin_as_key_name() {
        let signer = NoteSigner::generate("example.kg/log").unwrap();
        let c = Checkpoint::new("example.kg/log", 7, Hash::of(b"x"));
        let note = c.sign(&signer).unwrap();
        assert_eq!(Checkpoint::open(&note, &signer.verifier()).unwrap(), c);
        let other = Checkpoint::new("example.kg/other", 7, Hash::of(b"x"));
        assert!(other.sign(&signer).is_err());
    }
}

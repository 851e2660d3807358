//! Cosignatures (C2SP `tlog-cosignature`): a witness's Ed25519 signature that it saw a
//! checkpoint and found it consistent with every earlier one it saw, at a time it states.
//!
//! The witness signs `cosignature/v1\ntime <T>\n` followed by the checkpoint's note text,
//! `T` the seconds since the Unix epoch. The signature line is an ordinary signed-note line,
//! `— <witness name> <base64(key ID ‖ T as 8 bytes big-endian ‖ 64-byte signature)>`, the
//! key ID the first four bytes of `SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)` (0x04: the
//! cosignature algorithm). Its 76 bytes are not an Ed25519 note signature, so readers that
//! check only the log's signature skip it, as the signed-note format says they must. The
//! witness's public key is written `<name>+<key ID>+<base64(0x04 ‖ public key)>`.
//!
//! A witness key file is an ordinary signer key (`tandoo key init`): the same Ed25519 seed
//! signs cosignatures under the cosignature algorithm byte.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::note::{NoteError, NoteSigner, note_text};

/// The algorithm byte of a cosignature/v1 key.
const COSIGNATURE_V1: u8 = 0x04;
const SIGNATURE_PREFIX: &str = "\u{2014} ";

fn key_id(name: &str, public: &VerifyingKey) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([COSIGNATURE_V1]);
    h.update(public.as_bytes());
    let digest = h.finalize();
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

/// What a witness signs for `checkpoint` (a note text) at `time`.
fn signed_message(checkpoint: &str, time: u64) -> String {
    format!("cosignature/v1\ntime {time}\n{checkpoint}")
}

/// Why a cosignature is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CosignatureError {
    #[error(transparent)]
    Note(#[from] NoteError),
    #[error("the witness key is not in the form <name>+<key ID>+<base64(0x04 ‖ key)>")]
    MalformedKey,
    #[error("the key ID {stated:08x} does not match the witness key, whose ID is {computed:08x}")]
    KeyIdMismatch { stated: u32, computed: u32 },
    #[error("the note has no cosignature by {key}")]
    NotCosignedBy { key: String },
    #[error("the cosignature by {key} does not match the checkpoint")]
    BadCosignature { key: String },
}

impl CosignatureError {
    pub fn code(&self) -> &'static str {
        match self {
            CosignatureError::Note(e) => e.code(),
            CosignatureError::MalformedKey => "MALFORMED_WITNESS_KEY",
            CosignatureError::KeyIdMismatch { .. } => "KEY_HASH_MISMATCH",
            CosignatureError::NotCosignedBy { .. } => "NOT_COSIGNED_BY_KEY",
            CosignatureError::BadCosignature { .. } => "BAD_COSIGNATURE",
        }
    }
}

/// A witness's signing key.
pub struct Cosigner {
    name: String,
    key: SigningKey,
}

impl std::fmt::Debug for Cosigner {
    /// Never the key itself.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cosigner({})", self.verifier().to_text())
    }
}

impl Cosigner {
    /// The witness key of a signer key file: the same name and seed.
    pub fn from_signer(signer: &NoteSigner) -> Cosigner {
        Cosigner {
            name: signer.name().into(),
            key: signer.signing_key().clone(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn verifier(&self) -> CosignatureVerifier {
        let key = self.key.verifying_key();
        CosignatureVerifier {
            id: key_id(&self.name, &key),
            name: self.name.clone(),
            key,
        }
    }

    /// The cosignature line (with its newline) for the signed checkpoint `note`, at `time`
    /// seconds since the Unix epoch. The note's own signatures are not checked here: a
    /// witness checks them before it cosigns.
    pub fn cosign(&self, note: &str, time: u64) -> Result<String, CosignatureError> {
        let text = note_text(note)?;
        let signature: Signature = self.key.sign(signed_message(text, time).as_bytes());
        let mut data = key_id(&self.name, &self.key.verifying_key())
            .to_be_bytes()
            .to_vec();
        data.extend_from_slice(&time.to_be_bytes());
        data.extend_from_slice(&signature.to_bytes());
        Ok(format!(
            "{SIGNATURE_PREFIX}{} {}\n",
            self.name,
            BASE64.encode(data)
        ))
    }
}

/// A witness's public key, which checks its cosignatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CosignatureVerifier {
    name: String,
    id: u32,
    key: VerifyingKey,
}

impl CosignatureVerifier {
    /// Reads `<name>+<key ID>+<base64(0x04 ‖ key)>`.
    pub fn parse(text: &str) -> Result<CosignatureVerifier, CosignatureError> {
        let malformed = || CosignatureError::MalformedKey;
        let mut parts = text.trim().splitn(3, '+');
        let (Some(name), Some(id), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(malformed());
        };
        if name.is_empty() || name.chars().any(char::is_whitespace) {
            return Err(malformed());
        }
        if id.len() != 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(malformed());
        }
        let stated = u32::from_str_radix(id, 16).map_err(|_| malformed())?;
        let bytes = BASE64.decode(data).map_err(|_| malformed())?;
        let [COSIGNATURE_V1, key @ ..] = bytes.as_slice() else {
            return Err(malformed());
        };
        let key: [u8; 32] = key.try_into().map_err(|_| malformed())?;
        let key = VerifyingKey::from_bytes(&key).map_err(|_| malformed())?;
        let computed = key_id(name, &key);
        if computed != stated {
            return Err(CosignatureError::KeyIdMismatch { stated, computed });
        }
        Ok(CosignatureVerifier {
            name: name.into(),
            id: computed,
            key,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn to_text(&self) -> String {
        let mut data = vec![COSIGNATURE_V1];
        data.extend_from_slice(self.key.as_bytes());
        format!("{}+{:08x}+{}", self.name, self.id, BASE64.encode(data))
    }

    /// Checks that `note` carries this witness's cosignature of its text; returns the time
    /// the witness stated.
    pub fn verify(&self, note: &str) -> Result<u64, CosignatureError> {
        let text = note_text(note)?;
        let signatures = &note[text.len() + 1..];
        for line in signatures.lines() {
            let Some((name, data)) = line
                .strip_prefix(SIGNATURE_PREFIX)
                .and_then(|rest| rest.split_once(' '))
            else {
                continue;
            };
            let Ok(data) = BASE64.decode(data) else {
                continue;
            };
            if name != self.name || data.len() != 4 + 8 + 64 {
                continue;
            }
            if u32::from_be_bytes(data[..4].try_into().expect("4 bytes")) != self.id {
                continue;
            }
            let time = u64::from_be_bytes(data[4..12].try_into().expect("8 bytes"));
            let signature = Signature::from_slice(&data[12..]).map_err(|_| {
                CosignatureError::BadCosignature {
                    key: self.to_text(),
                }
            })?;
            return match self
                .key
                .verify(signed_message(text, time).as_bytes(), &signature)
            {
                Ok(()) => Ok(time),
                Err(_) => Err(CosignatureError::BadCosignature {
                    key: self.to_text(),
                }),
            };
        }
        Err(CosignatureError::NotCosignedBy {
            key: self.to_text(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checkpoint, NoteVerifier};
    use tandoo_record::Hash;

    #[test]
    fn a_cosigned_checkpoint_verifies_for_both_keys() {
        let log = NoteSigner::generate("example.kg/log").unwrap();
        let witness = Cosigner::from_signer(&NoteSigner::generate("witness.example").unwrap());
        let note = Checkpoint::new("example.kg/log", 12, Hash::of(b"root"))
            .sign(&log)
            .unwrap();
        let cosigned = format!("{note}{}", witness.cosign(&note, 1_767_225_600).unwrap());
        let verifier = CosignatureVerifier::parse(&witness.verifier().to_text()).unwrap();
        assert_eq!(verifier.verify(&cosigned).unwrap(), 1_767_225_600);
        // The log's own signature still verifies: the cosignature line is skipped.
        let log_key = NoteVerifier::parse(&log.verifier().to_text()).unwrap();
        assert!(Checkpoint::open(&cosigned, &log_key).is_ok());
        assert!(matches!(
            verifier.verify(&note),
            Err(CosignatureError::NotCosignedBy { .. })
        ));
    }

    #[test]
    fn a_cosignature_moved_to_another_checkpoint_or_time_fails() {
        let log = NoteSigner::generate("example.kg/log").unwrap();
        let witness = Cosigner::from_signer(&NoteSigner::generate("witness.example").unwrap());
        let first = Checkpoint::new("example.kg/log", 12, Hash::of(b"one"))
            .sign(&log)
            .unwrap();
        let second = Checkpoint::new("example.kg/log", 12, Hash::of(b"two"))
            .sign(&log)
            .unwrap();
        let line = witness.cosign(&first, 100).unwrap();
        let moved = format!("{second}{line}");
        assert!(matches!(
            witness.verifier().verify(&moved),
            Err(CosignatureError::BadCosignature { .. })
        ));
        // Another time under the same signature.
        let data_100 = line.rsplit(' ').next().unwrap().trim();
        let mut bytes = BASE64.decode(data_100).unwrap();
        bytes[4..12].copy_from_slice(&101u64.to_be_bytes());
        let forged = line.replace(data_100, &BASE64.encode(&bytes));
        assert!(
            witness
                .verifier()
                .verify(&format!("{first}{forged}"))
                .is_err()
        );
    }

    #[test]
    fn the_key_id_is_of_the_cosignature_algorithm() {
        let signer = NoteSigner::generate("witness.example").unwrap();
        let witness = Cosigner::from_signer(&signer);
        let text = witness.verifier().to_text();
        assert_ne!(
            text.split('+').nth(1),
            signer.verifier().to_text().split('+').nth(1)
        );
        assert!(CosignatureVerifier::parse(&signer.verifier().to_text()).is_err());
        assert!(CosignatureVerifier::parse(&text.replacen('+', "x+", 1)).is_err());
    }
}

//! Signed notes (C2SP `signed-note`) with Ed25519 keys, and the keys' text forms.
//!
//! A note is UTF-8 text ending in a newline, then a blank line, then one line per
//! signature: `— <name> <base64(key hash ‖ signature)>`, the key hash being the first four
//! bytes of `SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)` (0x01: Ed25519). A verifier key is
//! written `<name>+<key hash, 8 hex digits>+<base64(0x01 ‖ public key)>` and a signer key
//! `PRIVATE+KEY+<name>+<key hash>+<base64(0x01 ‖ seed)>`, the forms Go's `sumdb/note` and
//! every C2SP tool read, so the commission's key can be checked with tools not made here.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// The algorithm byte of Ed25519 in signed notes.
const ED25519: u8 = 0x01;
/// What opens a signature line: an em dash and a space.
const SIGNATURE_PREFIX: &str = "\u{2014} ";

/// Why a key or a note is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("the key is not in the form {expected}")]
    MalformedKey { expected: &'static str },
    #[error("the key name {name:?} is not a valid name (no spaces, no plus signs, not empty)")]
    BadKeyName { name: String },
    #[error("the key hash {stated} does not match the key, whose hash is {computed:08x}")]
    KeyHashMismatch { stated: String, computed: u32 },
    #[error("the note is not well formed: {detail}")]
    MalformedNote { detail: String },
    #[error("the note has no signature by {key}")]
    NotSignedBy { key: String },
    #[error("the signature by {key} does not match the note's text")]
    BadSignature { key: String },
}

impl NoteError {
    pub fn code(&self) -> &'static str {
        match self {
            NoteError::MalformedKey { .. } => "MALFORMED_KEY",
            NoteError::BadKeyName { .. } => "BAD_KEY_NAME",
            NoteError::KeyHashMismatch { .. } => "KEY_HASH_MISMATCH",
            NoteError::MalformedNote { .. } => "MALFORMED_NOTE",
            NoteError::NotSignedBy { .. } => "NOT_SIGNED_BY_KEY",
            NoteError::BadSignature { .. } => "BAD_SIGNATURE",
        }
    }
}

/// A key name: non-empty, no whitespace, no `+` (the separator of the key forms).
fn check_name(name: &str) -> Result<(), NoteError> {
    if name.is_empty() || name.contains('+') || name.chars().any(char::is_whitespace) {
        return Err(NoteError::BadKeyName { name: name.into() });
    }
    Ok(())
}

fn key_hash(name: &str, public: &VerifyingKey) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([ED25519]);
    h.update(public.as_bytes());
    let digest = h.finalize();
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

/// Splits `<name>+<hash>+<base64>` and checks the algorithm byte; the 32 key bytes.
fn parse_key_text(
    text: &str,
    expected: &'static str,
) -> Result<(String, u32, [u8; 32]), NoteError> {
    let malformed = || NoteError::MalformedKey { expected };
    // The key data is base64, which may itself hold plus signs.
    let mut parts = text.trim().splitn(3, '+');
    let (Some(name), Some(hash), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(malformed());
    };
    check_name(name)?;
    if hash.len() != 8 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(malformed());
    }
    let stated = u32::from_str_radix(hash, 16).map_err(|_| malformed())?;
    let bytes = BASE64.decode(data).map_err(|_| malformed())?;
    let [ED25519, key @ ..] = bytes.as_slice() else {
        return Err(malformed());
    };
    let key: [u8; 32] = key.try_into().map_err(|_| malformed())?;
    Ok((name.to_string(), stated, key))
}

/// A public key that checks signatures, with its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteVerifier {
    name: String,
    hash: u32,
    key: VerifyingKey,
}

impl NoteVerifier {
    /// Reads `<name>+<key hash>+<base64(0x01 ‖ key)>`.
    pub fn parse(text: &str) -> Result<NoteVerifier, NoteError> {
        let (name, stated, key) = parse_key_text(text, "<name>+<key hash>+<base64 key>")?;
        let key = VerifyingKey::from_bytes(&key).map_err(|_| NoteError::MalformedKey {
            expected: "an Ed25519 public key",
        })?;
        let hash = key_hash(&name, &key);
        if hash != stated {
            return Err(NoteError::KeyHashMismatch {
                stated: format!("{stated:08x}"),
                computed: hash,
            });
        }
        Ok(NoteVerifier { name, hash, key })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The verifier key text.
    pub fn to_text(&self) -> String {
        let mut data = vec![ED25519];
        data.extend_from_slice(self.key.as_bytes());
        format!("{}+{:08x}+{}", self.name, self.hash, BASE64.encode(data))
    }

    /// Checks that `note` carries a valid signature by this key; returns the note's text
    /// (what was signed). Signatures by other keys are ignored, as the format says.
    pub fn verify<'n>(&self, note: &'n str) -> Result<&'n str, NoteError> {
        let (text, signatures) = split_note(note)?;
        for (name, hash, signature) in signatures {
            if name != self.name || hash != self.hash {
                continue;
            }
            return match self.key.verify(text.as_bytes(), &signature) {
                Ok(()) => Ok(text),
                Err(_) => Err(NoteError::BadSignature {
                    key: self.to_text(),
                }),
            };
        }
        Err(NoteError::NotSignedBy {
            key: self.to_text(),
        })
    }
}

/// A private key that signs notes, with its name.
pub struct NoteSigner {
    name: String,
    key: SigningKey,
}

impl std::fmt::Debug for NoteSigner {
    /// Never the key itself: a signer may end up in a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NoteSigner({})", self.verifier().to_text())
    }
}

impl NoteSigner {
    /// A new key named `name`, from 32 bytes of the operating system's randomness.
    pub fn generate(name: &str) -> Result<NoteSigner, GenerateError> {
        check_name(name)?;
        let mut seed = [0u8; 32];
        getrandom::getrandom(&mut seed).map_err(|e| GenerateError::Randomness(e.to_string()))?;
        Ok(NoteSigner {
            name: name.into(),
            key: SigningKey::from_bytes(&seed),
        })
    }

    /// Reads `PRIVATE+KEY+<name>+<key hash>+<base64(0x01 ‖ seed)>`.
    pub fn parse(text: &str) -> Result<NoteSigner, NoteError> {
        const EXPECTED: &str = "PRIVATE+KEY+<name>+<key hash>+<base64 key>";
        let rest = text
            .trim()
            .strip_prefix("PRIVATE+KEY+")
            .ok_or(NoteError::MalformedKey { expected: EXPECTED })?;
        let (name, stated, seed) = parse_key_text(rest, EXPECTED)?;
        let key = SigningKey::from_bytes(&seed);
        let computed = key_hash(&name, &key.verifying_key());
        if computed != stated {
            return Err(NoteError::KeyHashMismatch {
                stated: format!("{stated:08x}"),
                computed,
            });
        }
        Ok(NoteSigner { name, key })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The signer key text (secret).
    pub fn to_text(&self) -> String {
        let mut data = vec![ED25519];
        data.extend_from_slice(self.key.as_bytes());
        let hash = key_hash(&self.name, &self.key.verifying_key());
        format!(
            "PRIVATE+KEY+{}+{hash:08x}+{}",
            self.name,
            BASE64.encode(data)
        )
    }

    /// The Ed25519 key, for the witness's cosignatures made with the same seed.
    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.key
    }

    pub fn verifier(&self) -> NoteVerifier {
        let key = self.key.verifying_key();
        NoteVerifier {
            hash: key_hash(&self.name, &key),
            name: self.name.clone(),
            key,
        }
    }

    /// The signed note of `text`, which must end in a newline and hold no blank line that
    /// would end it early.
    pub fn sign(&self, text: &str) -> Result<String, NoteError> {
        check_text(text)?;
        let signature: Signature = self.key.sign(text.as_bytes());
        let mut data = key_hash(&self.name, &self.key.verifying_key())
            .to_be_bytes()
            .to_vec();
        data.extend_from_slice(&signature.to_bytes());
        Ok(format!(
            "{text}\n{SIGNATURE_PREFIX}{} {}\n",
            self.name,
            BASE64.encode(data)
        ))
    }
}

/// Why a key could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateError {
    #[error(transparent)]
    Name(#[from] NoteError),
    #[error("the system's randomness cannot be read: {0}")]
    Randomness(String),
}

fn check_text(text: &str) -> Result<(), NoteError> {
    let malformed = |detail: &str| NoteError::MalformedNote {
        detail: detail.into(),
    };
    if !text.ends_with('\n') {
        return Err(malformed("the text does not end in a newline"));
    }
    if text.contains("\n\n") || text.starts_with('\n') {
        return Err(malformed("the text holds a blank line"));
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(malformed("the text holds a control character"));
    }
    Ok(())
}

/// The text of a signed note, its signatures unchecked: for reading what a note says
/// before (or without) checking who signed it.
pub fn note_text(note: &str) -> Result<&str, NoteError> {
    split_note(note).map(|(text, _)| text)
}

type SignatureLine<'n> = (&'n str, u32, Signature);

/// The text of a note and its signature lines.
fn split_note(note: &str) -> Result<(&str, Vec<SignatureLine<'_>>), NoteError> {
    let malformed = |detail: String| NoteError::MalformedNote { detail };
    // The text ends at the last blank line: the signatures follow it.
    let at = note
        .rfind("\n\n")
        .ok_or_else(|| malformed("no blank line before the signatures".into()))?;
    let (text, signatures) = (&note[..=at], &note[at + 2..]);
    check_text(text)?;
    if signatures.is_empty() {
        return Err(malformed("the note has no signature line".into()));
    }
    if !signatures.ends_with('\n') {
        return Err(malformed(
            "the last signature line does not end in a newline".into(),
        ));
    }
    let mut out = Vec::new();
    for (n, line) in signatures.lines().enumerate() {
        let bad = |what: &str| malformed(format!("signature line {}: {what}", n + 1));
        let rest = line
            .strip_prefix(SIGNATURE_PREFIX)
            .ok_or_else(|| bad("it does not start with an em dash and a space"))?;
        let (name, data) = rest
            .split_once(' ')
            .ok_or_else(|| bad("no space between the name and the signature"))?;
        let data = BASE64
            .decode(data)
            .map_err(|_| bad("the signature is not base64"))?;
        if data.len() < 4 {
            return Err(bad("the signature is too short"));
        }
        let hash = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
        // A signature of another algorithm or length is someone else's: skipped, not refused.
        if let Ok(signature) = Signature::from_slice(&data[4..]) {
            out.push((name, hash, signature));
        }
    }
    Ok((text, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The example of Go's `golang.org/x/mod/sumdb/note`, which the C2SP format follows.
    const SIGNER: &str =
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    const VERIFIER: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    const TEXT: &str = "If you think cryptography is the answer to your problem,\n\
                        then you don't know what your problem is.\n";
    const SIGNED: &str = "If you think cryptography is the answer to your problem,\n\
        then you don't know what your problem is.\n\
        \n\
        \u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    #[test]
    fn signs_as_the_reference_implementation_does() {
        let signer = NoteSigner::parse(SIGNER).unwrap();
        assert_eq!(signer.to_text(), SIGNER);
        assert_eq!(signer.verifier().to_text(), VERIFIER);
        assert_eq!(signer.sign(TEXT).unwrap(), SIGNED);
    }

    #[test]
    fn verifies_the_reference_note_and_refuses_changes() {
        let verifier = NoteVerifier::parse(VERIFIER).unwrap();
        assert_eq!(verifier.verify(SIGNED).unwrap(), TEXT);
        let changed = SIGNED.replace("answer", "Answer");
        assert!(matches!(
            verifier.verify(&changed),
            Err(NoteError::BadSignature { .. })
        ));
        let other = NoteSigner::generate("PeterNeumann").unwrap();
        assert!(matches!(
            other.verifier().verify(SIGNED),
            Err(NoteError::NotSignedBy { .. })
        ));
    }

    #[test]
    fn a_new_key_round_trips_through_its_texts() {
        let signer = NoteSigner::generate("example.org/log").unwrap();
        let again = NoteSigner::parse(&signer.to_text()).unwrap();
        assert_eq!(again.verifier(), signer.verifier());
        let note = signer.sign("hello\n").unwrap();
        let verifier = NoteVerifier::parse(&signer.verifier().to_text()).unwrap();
        assert_eq!(verifier.verify(&note).unwrap(), "hello\n");
    }

    #[test]
    fn refuses_malformed_keys_and_names() {
        assert!(NoteVerifier::parse("PeterNeumann+c74f20a3").is_err());
        assert!(matches!(
            NoteVerifier::parse(&VERIFIER.replace("c74f20a3", "c74f20a4")),
            Err(NoteError::KeyHashMismatch { .. })
        ));
        assert!(NoteSigner::generate("two words").is_err());
        assert!(NoteSigner::generate("").is_err());
        assert!(NoteSigner::parse(VERIFIER).is_err());
    }
}

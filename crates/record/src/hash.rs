//! The SHA-256 digest that links entries, written as 64 lowercase hex digits wherever it is
//! shown or stored, so people can compare hashes by eye and scripts by string equality.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

/// A SHA-256 digest.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The `prev_hash` of the first entry: thirty-two zero bytes.
    pub const GENESIS: Hash = Hash([0; 32]);

    /// The SHA-256 digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The 64-character lowercase hex form.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({self})")
    }
}

/// A text that is not a hash in the record's form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a hash: a hash is 64 lowercase hexadecimal digits")]
pub struct HashParseError {
    pub text: String,
}

impl FromStr for Hash {
    type Err = HashParseError;

    /// Accepts exactly 64 lowercase hex digits. Uppercase is refused on purpose: the record
    /// has one written form for each hash, so two texts never name the same digest.
    fn from_str(s: &str) -> Result<Hash, HashParseError> {
        let fail = || HashParseError {
            text: s.chars().take(80).collect(),
        };
        if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(fail());
        }
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(s, &mut bytes).map_err(|_| fail())?;
        Ok(Hash(bytes))
    }
}

impl Serialize for Hash {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Hash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Hash, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_answer() {
        // FIPS 180-2 test vector.
        assert_eq!(
            Hash::of(b"abc").to_string(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn genesis_is_all_zeros() {
        assert_eq!(Hash::GENESIS.to_string(), "0".repeat(64));
    }

    #[test]
    fn text_round_trip_and_refusals() {
        let h = Hash::of(b"tandoo");
        assert_eq!(h.to_string().parse::<Hash>().unwrap(), h);
        assert!(h.to_string().to_uppercase().parse::<Hash>().is_err());
        assert!("00".parse::<Hash>().is_err());
        assert!("g".repeat(64).parse::<Hash>().is_err());
        // 64 bytes but not 64 ASCII characters must not panic on a char boundary.
        assert!("é".repeat(32).parse::<Hash>().is_err());
    }

    #[test]
    fn serde_uses_hex_text() {
        let h = Hash::of(b"x");
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(json, format!("\"{h}\""));
        assert_eq!(serde_json::from_str::<Hash>(&json).unwrap(), h);
        assert!(serde_json::from_str::<Hash>("\"abc\"").is_err());
    }
}

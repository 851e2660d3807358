//! The report's `@id`s. Each is made from the record's own identifiers alone, so the same
//! thing has the same `@id` in every report — of any head, of any legal date — and a reader
//! can follow a station or a candidate from one report to the next:
//!
//! | what | `@id` |
//! |---|---|
//! | the country | `gp-country` |
//! | constituency 13 | `gp-c13` |
//! | polling station 13001 | `gp-s13001` |
//! | the contest of election E1 in constituency 13 | `con-E1-c13` |
//! | candidate E1-13-01 | `can-E1-13-01` |
//! | that candidate as a person | `per-E1-13-01` |
//! | that candidate's line on the ballot | `sel-E1-13-01` |
//! | "against all" in that contest | `aa-E1-c13` |
//! | a nominating party | `par-` and the first 12 hex digits of the SHA-256 of its name |
//!
//! Election and candidate ids are written as the record has them, except that a character
//! other than an ASCII letter, digit, `-` or `.` is written `_` and its UTF-8 bytes in hex
//! (`_5f` for `_` itself), so every `@id` is an XML name too and no two ids meet.
//!
//! A person is named by the candidacy, not by the person's id in the record: that is a
//! personal identification number, which is not published.

use sha2::{Digest, Sha256};
use tandoo_core::ids::{CandidateId, ConstituencyNo, ElectionId, StationId};

pub const COUNTRY: &str = "gp-country";

pub fn constituency(number: ConstituencyNo) -> String {
    format!("gp-c{number}")
}

pub fn station(number: StationId) -> String {
    format!("gp-s{number}")
}

pub fn contest(election: &ElectionId, constituency: ConstituencyNo) -> String {
    format!("con-{}-c{constituency}", escaped(election.as_str()))
}

pub fn candidate(id: &CandidateId) -> String {
    format!("can-{}", escaped(id.as_str()))
}

pub fn person(id: &CandidateId) -> String {
    format!("per-{}", escaped(id.as_str()))
}

pub fn selection(id: &CandidateId) -> String {
    format!("sel-{}", escaped(id.as_str()))
}

pub fn against_all(election: &ElectionId, constituency: ConstituencyNo) -> String {
    format!("aa-{}-c{constituency}", escaped(election.as_str()))
}

pub fn party(name: &str) -> String {
    let digest = Sha256::digest(name.as_bytes());
    format!("par-{}", &hex::encode(digest)[..12])
}

/// An identifier with every character outside `[A-Za-z0-9.-]` written as `_` and its bytes.
fn escaped(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("_{byte:02x}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_records_own() {
        assert_eq!(constituency(ConstituencyNo(13)), "gp-c13");
        assert_eq!(station(StationId(13001)), "gp-s13001");
        assert_eq!(
            contest(&ElectionId::new("E1"), ConstituencyNo(13)),
            "con-E1-c13"
        );
        assert_eq!(candidate(&CandidateId::new("E1-13-01")), "can-E1-13-01");
        assert_eq!(
            against_all(&ElectionId::new("E2"), ConstituencyNo(13)),
            "aa-E2-c13"
        );
    }

    #[test]
    fn other_characters_are_escaped_so_that_no_two_ids_meet() {
        assert_eq!(candidate(&CandidateId::new("a b")), "can-a_20b");
        assert_eq!(candidate(&CandidateId::new("a_20b")), "can-a_5f20b");
        assert_eq!(candidate(&CandidateId::new("Ө")), "can-_d3_a8");
    }

    #[test]
    fn a_party_is_named_by_a_digest_of_its_name() {
        assert_eq!(party("Ата-Журт"), party("Ата-Журт"));
        assert_ne!(party("Ата-Журт"), party("Ата Журт"));
        assert_eq!(party("x").len(), "par-".len() + 12);
    }
}

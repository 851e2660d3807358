//! The short reference a page carries in words and as a QR code: the document's kind,
//! subject, language and date, the entry of the record it reflects (number and hash) and
//! its own digest. Whoever holds the record can tell from it whether the entry is there and
//! whether the document, made again from the record as it stands, still says the same.
//!
//! `tandoo-doc/1 protocol 13/1301 ky 2026-02-13 - 1234 <entry hash> <digest>`: tokens
//! separated by one space, `-` for a date or an election not given.

use std::fmt;

use tandoo_core::ids::ElectionId;
use tandoo_core::{LegalDate, State};
use tandoo_present::Language;

use crate::content::{Content, Reflects, digest, prepare};
use crate::{DocumentError, Kind, Request, Subject};

const MAGIC: &str = "tandoo-doc/1";
/// A reference is a few ids and two hashes: anything much longer is not one.
const MAX_LEN: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub request: Request,
    pub reflects: Reflects,
    /// The document's digest (SHA-256 of its content), in hex.
    pub digest: String,
}

impl Reference {
    /// The reference of `content`, made for `request`, reflecting `reflects`.
    pub fn of(request: &Request, content: &Content, reflects: &Reflects) -> Reference {
        Reference {
            request: request.clone(),
            reflects: reflects.clone(),
            digest: digest(content),
        }
    }

    pub fn parse(text: &str) -> Result<Reference, DocumentError> {
        let bad = |why: &str| DocumentError::BadReference(why.to_string());
        if text.len() > MAX_LEN {
            return Err(bad("longer than any reference"));
        }
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let [
            magic,
            kind,
            subject,
            language,
            as_of,
            election,
            seq,
            hash,
            digest,
        ] = tokens[..]
        else {
            return Err(bad("a reference has nine parts separated by spaces"));
        };
        if magic != MAGIC {
            return Err(bad("it does not start with tandoo-doc/1"));
        }
        let kind = Kind::parse(kind)?;
        let subject = Subject::from_token(kind, subject)?;
        let language: Language = language.parse().map_err(|_| bad("unknown language"))?;
        let as_of = match as_of {
            "-" => None,
            date => Some(
                date.parse::<LegalDate>()
                    .map_err(|_| bad("the date is not a date"))?,
            ),
        };
        let election = (election != "-").then(|| ElectionId::new(election));
        let seq = seq.parse().map_err(|_| bad("the entry is not a number"))?;
        let hex64 = |h: &str| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex64(hash) || !hex64(digest) {
            return Err(bad("a hash is not 64 hexadecimal digits"));
        }
        Ok(Reference {
            request: Request {
                kind,
                subject,
                language,
                as_of,
                election,
            },
            reflects: Reflects {
                seq,
                hash: hash.to_ascii_lowercase(),
            },
            digest: digest.to_ascii_lowercase(),
        })
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let request = &self.request;
        write!(
            f,
            "{MAGIC} {} {} {} {} {} {} {} {}",
            request.kind.name(),
            request.subject.token(),
            request.language.code(),
            request
                .as_of
                .map_or_else(|| "-".to_string(), |d| d.to_string()),
            request.election.as_ref().map_or("-", |e| e.as_str()),
            self.reflects.seq,
            self.reflects.hash,
            self.digest,
        )
    }
}

/// What the record says of a reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// The entry is in the record with that hash, and the document made again says the same.
    Current,
    /// The entry is in the record, but the document made from the record as it stands now
    /// says something else (a later correction, annulment or rescission): its digest now.
    Changed { digest_now: String },
    /// The entry is in the record, but the document cannot be made from it now.
    Gone { why: DocumentError },
    /// The record has no entry with that number.
    NoSuchEntry,
    /// The record's entry of that number has another hash: the page was not printed from
    /// this record.
    EntryDiffers { recorded: String },
}

/// Checks `reference` against a record: `entry_hash` is the hash of its entry of the
/// reference's number (none when the record is shorter), `state` the record's state as of
/// the reference's date (or as it stands).
pub fn check(reference: &Reference, entry_hash: Option<&str>, state: &State) -> Check {
    match entry_hash {
        None => return Check::NoSuchEntry,
        Some(hash) if !hash.eq_ignore_ascii_case(&reference.reflects.hash) => {
            return Check::EntryDiffers {
                recorded: hash.to_string(),
            };
        }
        Some(_) => {}
    }
    match prepare(state, &reference.request) {
        Ok(content) => {
            let now = digest(&content);
            if now == reference.digest {
                Check::Current
            } else {
                Check::Changed { digest_now: now }
            }
        }
        Err(why) => Check::Gone { why },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::ids::{ConstituencyNo, StationId};

    fn sample() -> Reference {
        Reference {
            request: Request {
                kind: Kind::Protocol,
                subject: Subject::Station {
                    constituency: ConstituencyNo(13),
                    station: StationId(1301),
                },
                language: Language::Ky,
                as_of: Some("2026-02-13".parse().unwrap()),
                election: None,
            },
            reflects: Reflects {
                seq: 1234,
                hash: "ab".repeat(32),
            },
            digest: "cd".repeat(32),
        }
    }

    #[test]
    fn a_reference_reads_back_as_it_was_written() {
        let reference = sample();
        let text = reference.to_string();
        assert!(text.starts_with("tandoo-doc/1 protocol 13/1301 ky 2026-02-13 - 1234 "));
        assert_eq!(Reference::parse(&text), Ok(reference));
    }

    #[test]
    fn a_reference_that_is_not_one_is_refused() {
        let good = sample().to_string();
        for bad in [
            String::new(),
            good.replace("tandoo-doc/1", "tandoo-doc/2"),
            good.replace(" ky ", " de "),
            good.replace("2026-02-13", "2026-02-30"),
            good.replace(" 1234 ", " twelve "),
            good.replace(&"cd".repeat(32), "cd"),
            format!("{good} extra"),
            "x ".repeat(600),
        ] {
            let error = Reference::parse(&bad).unwrap_err();
            assert!(
                matches!(
                    error.code(),
                    "DOC_BAD_REFERENCE" | "DOC_BAD_SUBJECT" | "DOC_UNKNOWN_KIND"
                ),
                "{bad}: {error}"
            );
        }
    }
}

//! What is asked for: a kind of document, the ids that name its subject, the reader's
//! language and the legal date of the record it reflects.

use tandoo_core::LegalDate;
use tandoo_core::ids::{
    CandidateId, CommissionId, ConstituencyNo, ElectionId, ResolutionRef, StationId,
};
use tandoo_present::Language;

use crate::DocumentError;

/// The kinds of official document, by the names the command line and the reference use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A station's precinct protocol as the record holds it.
    Protocol,
    /// A station's precinct protocol with its figures left blank, to be filled by hand.
    BlankProtocol,
    /// A constituency's summary protocol: every station's figures, the totals, the count.
    Summary,
    /// A resolution: what it considered, its operative paragraphs, each member's vote.
    Resolution,
    /// The certificate of election of a deputy the commission recognised.
    Certificate,
    /// The fees a resolution refunds, candidate by candidate.
    Refunds,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Protocol,
        Kind::BlankProtocol,
        Kind::Summary,
        Kind::Resolution,
        Kind::Certificate,
        Kind::Refunds,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Protocol => "protocol",
            Kind::BlankProtocol => "blank-protocol",
            Kind::Summary => "summary",
            Kind::Resolution => "resolution",
            Kind::Certificate => "certificate",
            Kind::Refunds => "refunds",
        }
    }

    pub fn parse(name: &str) -> Result<Kind, DocumentError> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| DocumentError::UnknownKind(name.to_string()))
    }

    /// What the kind's ids are, as the command line's help and a refusal say it.
    pub fn expects(self) -> &'static str {
        match self {
            Kind::Protocol | Kind::BlankProtocol => "CONSTITUENCY STATION",
            Kind::Summary => "CONSTITUENCY",
            Kind::Resolution | Kind::Refunds => "RESOLUTION (CEC-161-2025, or CEC-draft-812)",
            Kind::Certificate => "CANDIDATE",
        }
    }
}

/// The subject of a document, by its ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Station {
        constituency: ConstituencyNo,
        station: StationId,
    },
    Constituency(ConstituencyNo),
    /// An adopted resolution by its number.
    Resolution(ResolutionRef),
    /// A draft put to the vote and not adopted, by the record's key of it.
    Draft(CommissionId, u64),
    Candidate(CandidateId),
}

impl Subject {
    /// The subject as the ids of the command line give it.
    pub fn parse(kind: Kind, ids: &[String]) -> Result<Subject, DocumentError> {
        let bad = || DocumentError::BadSubject {
            kind: kind.name(),
            expected: kind.expects(),
            given: ids.to_vec(),
        };
        let number = |text: &str| text.parse::<u32>().ok().filter(|n| *n > 0);
        match (kind, ids) {
            (Kind::Protocol | Kind::BlankProtocol, [constituency, station]) => {
                let constituency = number(constituency)
                    .and_then(|n| u16::try_from(n).ok())
                    .ok_or_else(bad)?;
                let station = number(station).ok_or_else(bad)?;
                Ok(Subject::Station {
                    constituency: ConstituencyNo(constituency),
                    station: StationId(station),
                })
            }
            (Kind::Summary, [constituency]) => number(constituency)
                .and_then(|n| u16::try_from(n).ok())
                .map(|n| Subject::Constituency(ConstituencyNo(n)))
                .ok_or_else(bad),
            (Kind::Resolution | Kind::Refunds, [id]) => resolution(id).ok_or_else(bad),
            (Kind::Certificate, [id]) if !id.trim().is_empty() && id.len() <= 200 => {
                Ok(Subject::Candidate(CandidateId::new(id.trim())))
            }
            _ => Err(bad()),
        }
    }

    /// The subject from its token ([`Subject::token`]): a station's is `13/1301`.
    pub fn from_token(kind: Kind, token: &str) -> Result<Subject, DocumentError> {
        let ids: Vec<String> = match kind {
            Kind::Protocol | Kind::BlankProtocol => token.split('/').map(str::to_string).collect(),
            _ => vec![token.to_string()],
        };
        Subject::parse(kind, &ids)
    }

    /// The subject as one token of a reference: `13/1301`, `13`, `CEC-161-2025`,
    /// `CEC-draft-812`, `E1-13-03`.
    pub fn token(&self) -> String {
        match self {
            Subject::Station {
                constituency,
                station,
            } => format!("{constituency}/{station}"),
            Subject::Constituency(c) => c.to_string(),
            Subject::Resolution(r) => format!("{}-{}-{}", r.commission, r.number, r.year),
            Subject::Draft(commission, key) => format!("{commission}-draft-{key}"),
            Subject::Candidate(id) => id.to_string(),
        }
    }

    /// The ids of the command line that give this subject back ([`Subject::parse`]).
    pub fn ids(&self) -> Vec<String> {
        match self {
            Subject::Station {
                constituency,
                station,
            } => vec![constituency.to_string(), station.to_string()],
            _ => vec![self.token()],
        }
    }
}

/// A resolution by the id its page and its reference use: `CEC-161-2025` (commission,
/// number, year), `CEC 161/2025` as it is cited, or `CEC-draft-812` for a draft.
fn resolution(id: &str) -> Option<Subject> {
    let id = id.trim();
    if let Some((commission, rest)) = id.split_once(' ') {
        let (number, year) = rest.trim().split_once('/')?;
        return numbered(commission, number, year);
    }
    let mut parts = id.rsplitn(3, '-');
    let (last, middle, first) = (parts.next()?, parts.next()?, parts.next()?);
    if middle == "draft" {
        let key = last.parse().ok()?;
        return (!first.is_empty()).then(|| Subject::Draft(CommissionId::new(first), key));
    }
    numbered(first, middle, last)
}

fn numbered(commission: &str, number: &str, year: &str) -> Option<Subject> {
    let valid = !commission.is_empty() && commission.len() <= 64;
    let number = number.parse().ok().filter(|n| *n > 0)?;
    let year = year.parse().ok().filter(|y| (1900..=9999).contains(y))?;
    valid.then(|| {
        Subject::Resolution(ResolutionRef {
            commission: CommissionId::new(commission),
            year,
            number,
        })
    })
}

/// A document asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    pub subject: Subject,
    pub language: Language,
    /// The legal date whose state the document reflects; none for the record as it stands.
    pub as_of: Option<LegalDate>,
    /// The election of a station's or a constituency's protocol; none for the one that
    /// decides the constituency's seats.
    pub election: Option<ElectionId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_resolution_is_named_as_its_page_or_its_citation_names_it() {
        let expected = Subject::Resolution(ResolutionRef {
            commission: CommissionId::new("CEC"),
            year: 2025,
            number: 161,
        });
        for id in ["CEC-161-2025", "CEC 161/2025"] {
            assert_eq!(
                Subject::parse(Kind::Resolution, &ids(&[id])),
                Ok(expected.clone())
            );
        }
        assert_eq!(
            Subject::parse(Kind::Refunds, &ids(&["DEC-13-draft-812"])),
            Ok(Subject::Draft(CommissionId::new("DEC-13"), 812))
        );
        assert_eq!(expected.token(), "CEC-161-2025");
    }

    #[test]
    fn a_subject_that_is_not_one_is_refused_naming_what_the_kind_takes() {
        for (kind, given) in [
            (Kind::Protocol, vec!["13"]),
            (Kind::Protocol, vec!["13", "0"]),
            (Kind::Protocol, vec!["70000", "1"]),
            (Kind::Summary, vec!["thirteen"]),
            (Kind::Resolution, vec!["161"]),
            (Kind::Resolution, vec!["CEC-161-25"]),
            (Kind::Certificate, vec![]),
        ] {
            let error = Subject::parse(kind, &ids(&given)).unwrap_err();
            assert_eq!(error.code(), "DOC_BAD_SUBJECT", "{kind:?} {given:?}");
        }
    }

    #[test]
    fn every_kind_is_known_by_its_name() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.name()), Ok(kind));
        }
        assert_eq!(
            Kind::parse("poster").unwrap_err().code(),
            "DOC_UNKNOWN_KIND"
        );
    }

    #[test]
    fn a_subject_gives_back_the_ids_it_was_parsed_from() {
        for (kind, given) in [
            (Kind::Protocol, vec!["13", "1301"]),
            (Kind::Summary, vec!["13"]),
            (Kind::Resolution, vec!["CEC-1-2026"]),
            (Kind::Certificate, vec!["E1-13-03"]),
        ] {
            let subject = Subject::parse(kind, &ids(&given)).unwrap();
            assert_eq!(subject.ids(), ids(&given));
        }
    }
}

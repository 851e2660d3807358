//! Candidates: nominated, registered or refused, withdrawn; their fee; and what resolutions
//! did to them.

use crate::ids::{CandidateId, ConstituencyNo, ElectionId, PersonId};
use crate::money::Money;
use crate::resolution::ResolutionKey;
use serde::{Deserialize, Serialize};
use tandoo_count::Gender;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case", from = "NominatorForm")]
pub enum Nominator {
    Party {
        party: String,
    },
    #[serde(rename = "self")]
    SelfNominated,
}

/// `Nominator` as a command writes it. serde lets a unit variant of a tagged enum ignore
/// members it does not know, so the form reads every variant as a struct and refuses them.
#[derive(Deserialize)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
enum NominatorForm {
    Party {
        party: String,
    },
    #[serde(rename = "self")]
    SelfNominated {},
}

impl From<NominatorForm> for Nominator {
    fn from(form: NominatorForm) -> Self {
        match form {
            NominatorForm::Party { party } => Nominator::Party { party },
            NominatorForm::SelfNominated {} => Nominator::SelfNominated,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nomination {
    pub id: CandidateId,
    pub person: PersonId,
    /// The name as written in the application, in its own script (Cyrillic for the
    /// candidates of Kyrgyzstan).
    pub name: String,
    /// The name in Latin letters as the candidate gives it (from the passport, say), shown
    /// to readers of English; absent when none was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latin_name: Option<String>,
    pub gender: Gender,
    pub election: ElectionId,
    pub constituency: ConstituencyNo,
    pub nominated_by: Nominator,
}

/// A candidate's name as a view shows it: as registered, with its Latin form when the
/// application gave one, so that each reader's page can choose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CandidateName {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latin_name: Option<String>,
}

impl Nomination {
    /// The name of the nominee, as registered and in Latin letters.
    pub fn candidate_name(&self) -> CandidateName {
        CandidateName {
            name: self.name.clone(),
            latin_name: self.latin_name.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Nominated,
    Registered,
    Refused,
    Withdrawn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub nomination: Nomination,
    pub standing: Standing,
    /// Sequence number of the registration act: earlier registration wins a tie.
    pub registered_seq: Option<u64>,
    pub fee_paid: Money,
    pub registration_annulled_by: Vec<ResolutionKey>,
    pub votes_annulled_by: Vec<ResolutionKey>,
    pub barred_by: Vec<ResolutionKey>,
    pub refunded_by: Vec<ResolutionKey>,
}

impl Candidate {
    pub fn new(nomination: Nomination) -> Self {
        Candidate {
            nomination,
            standing: Standing::Nominated,
            registered_seq: None,
            fee_paid: Money(0),
            registration_annulled_by: Vec::new(),
            votes_annulled_by: Vec::new(),
            barred_by: Vec::new(),
            refunded_by: Vec::new(),
        }
    }

    pub fn id(&self) -> &CandidateId {
        &self.nomination.id
    }
}

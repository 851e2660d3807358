//! The kinds a refusal names by code rather than by word: the thing that is unknown or exists
//! already, the action a commission or a role may not take, what that action concerns, and
//! why a resolution is not in force. Each serialises as a stable snake_case code, which the
//! catalogs of `present` word.

use crate::ids::{CandidateId, CommissionId, ConstituencyNo, ResolutionRef};
use crate::permission::CommandKind;
use crate::resolution::EffectKind;
use serde::Serialize;
use std::fmt;

/// A kind of thing a command names by its identifier, which may be unknown or exist already.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Candidate,
    Election,
    Constituency,
    /// A polling station.
    Station,
    Commission,
    /// A member of a commission.
    Member,
    Resolution,
    Complaint,
    Request,
    Meeting,
    Incident,
    /// A preset of electoral rules, named by an election's call (`jogorku_kenesh_2025`).
    RuleSet,
}

impl Entity {
    /// Every entity, for catalogs and tests that must word each one.
    pub const ALL: [Entity; 12] = [
        Entity::Candidate,
        Entity::Election,
        Entity::Constituency,
        Entity::Station,
        Entity::Commission,
        Entity::Member,
        Entity::Resolution,
        Entity::Complaint,
        Entity::Request,
        Entity::Meeting,
        Entity::Incident,
        Entity::RuleSet,
    ];

    /// The stable code, as the entity serialises.
    pub const fn code(self) -> &'static str {
        match self {
            Entity::Candidate => "candidate",
            Entity::Election => "election",
            Entity::Constituency => "constituency",
            Entity::Station => "station",
            Entity::Commission => "commission",
            Entity::Member => "member",
            Entity::Resolution => "resolution",
            Entity::Complaint => "complaint",
            Entity::Request => "request",
            Entity::Meeting => "meeting",
            Entity::Incident => "incident",
            Entity::RuleSet => "rule_set",
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a commission is refused competence for: a command, or an effect of a resolution.
/// Serialises as the command's `type` or the effect's `effect` code; the two sets of codes
/// are disjoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Action {
    Command(CommandKind),
    Effect(EffectKind),
}

/// What the action a commission has no competence for is about, where it names something:
/// the commission it would act for, the constituency, the candidate or the resolution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Concerning {
    Commission(CommissionId),
    Constituency(ConstituencyNo),
    Candidate(CandidateId),
    Resolution(ResolutionRef),
}

/// Why a resolution is not in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lapse {
    /// The vote did not adopt it.
    NotAdopted,
    /// A resolution in force rescinded it.
    Rescinded,
}

impl Lapse {
    pub const ALL: [Lapse; 2] = [Lapse::NotAdopted, Lapse::Rescinded];
}

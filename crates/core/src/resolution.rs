//! Resolutions: how a commission decides. A resolution is put to the vote of the members
//! present; it takes effect only if the quorum was present and enough members voted for it.
//! A resolution that fails stays in the record with its votes and has no effect. Grounds for
//! declaring a result invalid are the commission's decision, recorded as effects; tandoo
//! does not decide them (R-RES-GROUNDS).

use crate::date::LegalDate;
use crate::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, MeetingId, MemberId,
    ResolutionRef, StationId,
};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Identifies every resolution put to the vote, adopted or not: the sequence number of the
/// act that recorded it. Only adopted resolutions get a public number ([`ResolutionRef`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ResolutionKey(pub u64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    For,
    Against,
    Abstain,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberVote {
    pub member: MemberId,
    pub vote: Vote,
}

/// What an adopted resolution does. Effects of a rescinded resolution vanish from the state;
/// the resolution and its rescission both stay in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "effect", rename_all = "snake_case", deny_unknown_fields)]
pub enum Effect {
    /// Annul the result of one polling station in one constituency.
    AnnulStationResult {
        election: ElectionId,
        station: StationId,
        constituency: ConstituencyNo,
    },
    /// Annul the votes cast for these candidates: they drop out of the ranking.
    AnnulCandidateVotes {
        candidates: Vec<CandidateId>,
    },
    /// Annul these candidates' registrations.
    AnnulRegistration {
        candidates: Vec<CandidateId>,
    },
    /// Bar these candidates from standing in the repeat election of their constituency.
    BarFromRepeat {
        candidates: Vec<CandidateId>,
    },
    DeclareInvalid {
        election: ElectionId,
        constituency: ConstituencyNo,
    },
    DeclareValid {
        election: ElectionId,
        constituency: ConstituencyNo,
    },
    CallRepeatElection {
        election: ElectionId,
        /// The repeat election's name, perhaps in several languages.
        name: Text,
        repeat_of: ElectionId,
        constituency: ConstituencyNo,
        voting_day: LegalDate,
    },
    CancelElection {
        election: ElectionId,
    },
    /// Recognise these candidates as elected (register them as deputies).
    RecogniseElected {
        election: ElectionId,
        constituency: ConstituencyNo,
        candidates: Vec<CandidateId>,
    },
    /// End a deputy's mandate early (resignation, death, incompatibility): the seat passes
    /// to the next candidate of the same gender by votes, else of the other gender; there
    /// are no by-elections.
    EndMandate {
        election: ElectionId,
        constituency: ConstituencyNo,
        candidate: CandidateId,
        reason: String,
    },
    /// Refund the election fee. A command may name an election instead of the candidates;
    /// the recorded act always lists the candidates.
    RefundFees {
        #[serde(default)]
        candidates: Vec<CandidateId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        election: Option<ElectionId>,
    },
    Rescind {
        resolution: ResolutionRef,
    },
    /// Order a recount of one station's ballots: while it is in force, the station's protocol
    /// may be corrected although the constituency's result has been recognised.
    OrderRecount {
        election: ElectionId,
        station: StationId,
        constituency: ConstituencyNo,
    },
    /// Record the lot the commission drew in its meeting to break a tie: the seed, and the
    /// member who drew it. The count then breaks the contest's ties by this seed
    /// (`tandoo_count::tie` says exactly how), so anyone can reproduce the draw.
    DrawLot {
        election: ElectionId,
        constituency: ConstituencyNo,
        seed: String,
        drawn_by: MemberId,
    },
    /// An instruction with no effect on results (e.g. to replace precinct chairs).
    Directive {
        /// The operative text, perhaps in several languages.
        text: Text,
    },
}

/// The kind of an effect, as its `effect` tag names it: what a refusal of competence names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectKind {
    AnnulStationResult,
    AnnulCandidateVotes,
    AnnulRegistration,
    BarFromRepeat,
    DeclareInvalid,
    DeclareValid,
    CallRepeatElection,
    CancelElection,
    RecogniseElected,
    EndMandate,
    RefundFees,
    Rescind,
    OrderRecount,
    DrawLot,
    Directive,
}

impl EffectKind {
    /// Every kind of effect, for catalogs that must word each one.
    pub const ALL: [EffectKind; 15] = [
        EffectKind::AnnulStationResult,
        EffectKind::AnnulCandidateVotes,
        EffectKind::AnnulRegistration,
        EffectKind::BarFromRepeat,
        EffectKind::DeclareInvalid,
        EffectKind::DeclareValid,
        EffectKind::CallRepeatElection,
        EffectKind::CancelElection,
        EffectKind::RecogniseElected,
        EffectKind::EndMandate,
        EffectKind::RefundFees,
        EffectKind::Rescind,
        EffectKind::OrderRecount,
        EffectKind::DrawLot,
        EffectKind::Directive,
    ];
}

impl Effect {
    /// The constituency the effect is about, when it is about one.
    pub fn constituency(&self) -> Option<ConstituencyNo> {
        match self {
            Effect::AnnulStationResult { constituency, .. }
            | Effect::DeclareInvalid { constituency, .. }
            | Effect::DeclareValid { constituency, .. }
            | Effect::CallRepeatElection { constituency, .. }
            | Effect::RecogniseElected { constituency, .. }
            | Effect::EndMandate { constituency, .. }
            | Effect::OrderRecount { constituency, .. }
            | Effect::DrawLot { constituency, .. } => Some(*constituency),
            _ => None,
        }
    }

    /// The candidates the effect names, in its order (none for an effect about no one).
    pub fn candidates(&self) -> &[CandidateId] {
        match self {
            Effect::AnnulCandidateVotes { candidates }
            | Effect::AnnulRegistration { candidates }
            | Effect::BarFromRepeat { candidates }
            | Effect::RefundFees { candidates, .. }
            | Effect::RecogniseElected { candidates, .. } => candidates,
            Effect::EndMandate { candidate, .. } => std::slice::from_ref(candidate),
            _ => &[],
        }
    }

    pub fn kind(&self) -> EffectKind {
        match self {
            Effect::AnnulStationResult { .. } => EffectKind::AnnulStationResult,
            Effect::AnnulCandidateVotes { .. } => EffectKind::AnnulCandidateVotes,
            Effect::AnnulRegistration { .. } => EffectKind::AnnulRegistration,
            Effect::BarFromRepeat { .. } => EffectKind::BarFromRepeat,
            Effect::DeclareInvalid { .. } => EffectKind::DeclareInvalid,
            Effect::DeclareValid { .. } => EffectKind::DeclareValid,
            Effect::CallRepeatElection { .. } => EffectKind::CallRepeatElection,
            Effect::CancelElection { .. } => EffectKind::CancelElection,
            Effect::RecogniseElected { .. } => EffectKind::RecogniseElected,
            Effect::EndMandate { .. } => EffectKind::EndMandate,
            Effect::RefundFees { .. } => EffectKind::RefundFees,
            Effect::Rescind { .. } => EffectKind::Rescind,
            Effect::OrderRecount { .. } => EffectKind::OrderRecount,
            Effect::DrawLot { .. } => EffectKind::DrawLot,
            Effect::Directive { .. } => EffectKind::Directive,
        }
    }
}

/// The count of a vote and what the commission's rule required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteTally {
    pub members: u32,
    pub present: u32,
    #[serde(rename = "for")]
    pub votes_for: u32,
    pub against: u32,
    pub abstain: u32,
    pub quorum_required: u32,
    pub majority_required: u32,
}

impl VoteTally {
    pub fn quorum_met(&self) -> bool {
        self.present >= self.quorum_required
    }

    pub fn adopted(&self) -> bool {
        self.quorum_met() && self.votes_for >= self.majority_required
    }
}

/// The act of voting on a resolution, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionVoted {
    pub commission: CommissionId,
    /// The number given, for an adopted resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<ResolutionRef>,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// Complaints and statements this resolution decides or answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub considers: Vec<ComplaintId>,
    pub votes: Vec<MemberVote>,
    pub tally: VoteTally,
    pub adopted: bool,
    pub effects: Vec<Effect>,
}

/// A resolution in the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub key: ResolutionKey,
    pub date: LegalDate,
    pub voted: ResolutionVoted,
    /// Later resolutions rescinding this one.
    pub rescinded_by: Vec<ResolutionKey>,
}

impl Resolution {
    /// How people cite it, as data: its number and date, or for a draft that was not adopted
    /// the commission and the date. Present words it in each language.
    pub fn citation(&self) -> Citation {
        Citation {
            resolution: self.voted.number.clone(),
            commission: self.voted.commission.clone(),
            date: self.date,
            adopted: self.voted.adopted,
        }
    }
}

/// A resolution as a view cites it: an adopted one by its number (`CEC 161/2025`) and date,
/// a draft that was not adopted by its commission and date, with `adopted` false. Views carry
/// it as data; `present::text::citation` words it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Citation {
    /// The number given to an adopted resolution; none for a draft that was not adopted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<ResolutionRef>,
    /// The commission that voted on it.
    pub commission: CommissionId,
    /// The legal date of the vote.
    pub date: LegalDate,
    pub adopted: bool,
}

/// The English of error messages (a refusal's `Display`), as every error of core has one;
/// views carry the fields, never this.
impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.resolution {
            Some(number) => write!(f, "resolution {number} of {}", self.date),
            None => write!(
                f,
                "draft resolution of {} of {} (not adopted)",
                self.commission, self.date
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_effect_names_its_constituency_and_its_candidates() {
        let who = vec![CandidateId::new("E1-13-02"), CandidateId::new("E1-13-03")];
        let recognise = Effect::RecogniseElected {
            election: ElectionId::new("E1"),
            constituency: ConstituencyNo(13),
            candidates: who.clone(),
        };
        assert_eq!(recognise.constituency(), Some(ConstituencyNo(13)));
        assert_eq!(recognise.candidates(), who.as_slice());
        let end = Effect::EndMandate {
            election: ElectionId::new("E1"),
            constituency: ConstituencyNo(13),
            candidate: who[0].clone(),
            reason: "resigned".into(),
        };
        assert_eq!(end.candidates(), &who[..1]);
        let cancel = Effect::CancelElection {
            election: ElectionId::new("E2"),
        };
        assert_eq!(cancel.constituency(), None);
        assert!(cancel.candidates().is_empty());
    }
}

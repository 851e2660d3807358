//! Commissions, their members and the rules by which they adopt resolutions: the quorum
//! (R-RES-QUORUM) and the majority (R-RES-MAJORITY) as fractions of the whole membership
//! (R-STRUCT-VOTING-RULE), and which constituencies a commission's competence covers
//! (R-AUTH-COMPETENCE, R-RES-COMPETENCE).

use crate::ids::{CommissionId, ConstituencyNo, MemberId, StationId};
use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "snake_case", from = "LevelForm")]
pub enum CommissionLevel {
    /// The Central Commission for Elections and Referenda (CEC).
    Central,
    /// A district election commission, one per constituency.
    District { constituency: ConstituencyNo },
    /// A territorial commission (a district of a region or a city).
    Territorial { area: String },
    /// A precinct commission, one per polling station.
    Precinct { station: StationId },
}

/// `CommissionLevel` as a command writes it. The level is flattened into the commission, so
/// every member of a commission that is not its own reaches the level; serde lets a unit
/// variant ignore them, so the form reads every level as a struct and refuses them (L2).
#[derive(Deserialize)]
#[serde(tag = "level", rename_all = "snake_case", deny_unknown_fields)]
enum LevelForm {
    Central {},
    District { constituency: ConstituencyNo },
    Territorial { area: String },
    Precinct { station: StationId },
}

impl From<LevelForm> for CommissionLevel {
    fn from(form: LevelForm) -> Self {
        match form {
            LevelForm::Central {} => CommissionLevel::Central,
            LevelForm::District { constituency } => CommissionLevel::District { constituency },
            LevelForm::Territorial { area } => CommissionLevel::Territorial { area },
            LevelForm::Precinct { station } => CommissionLevel::Precinct { station },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Chair,
    DeputyChair,
    Secretary,
    Member,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub position: Position,
}

/// A share of the commission's total membership, `numerator / denominator`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fraction {
    pub numerator: u32,
    pub denominator: u32,
}

impl Fraction {
    /// The smallest whole number of members that is at least this share of `members`.
    /// Computed in `u64`, where the product of two `u32`s never overflows (L1).
    pub fn at_least(&self, members: u32) -> u32 {
        let share =
            (u64::from(members) * u64::from(self.numerator)).div_ceil(u64::from(self.denominator));
        u32::try_from(share).unwrap_or(u32::MAX)
    }

    /// The smallest whole number of members that is more than this share of `members`.
    pub fn more_than(&self, members: u32) -> u32 {
        let share =
            u64::from(members) * u64::from(self.numerator) / u64::from(self.denominator) + 1;
        u32::try_from(share).unwrap_or(u32::MAX)
    }
}

/// How a commission decides: the quorum is at least `quorum` of all members present; a
/// resolution is adopted with votes for from more than `majority` of all members.
///
/// The defaults (two thirds; more than half of the total membership) are an open question of
/// law, so they are data of each commission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotingRule {
    pub quorum: Fraction,
    pub majority: Fraction,
}

impl Default for VotingRule {
    fn default() -> Self {
        VotingRule {
            quorum: Fraction {
                numerator: 2,
                denominator: 3,
            },
            majority: Fraction {
                numerator: 1,
                denominator: 2,
            },
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionDef {
    pub id: CommissionId,
    /// Its name, perhaps in several languages.
    pub name: Text,
    #[serde(flatten)]
    pub level: CommissionLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CommissionId>,
    pub members: Vec<Member>,
    #[serde(default)]
    pub voting: VotingRule,
}

impl CommissionDef {
    pub fn member(&self, id: &MemberId) -> Option<&Member> {
        self.members.iter().find(|m| &m.id == id)
    }

    pub fn is_central(&self) -> bool {
        matches!(self.level, CommissionLevel::Central)
    }

    /// Whether this commission may act on a matter of `constituency`: the CEC everywhere, a
    /// district commission in its own constituency.
    pub fn covers_constituency(&self, constituency: ConstituencyNo) -> bool {
        match self.level {
            CommissionLevel::Central => true,
            CommissionLevel::District { constituency: own } => own == constituency,
            _ => false,
        }
    }

    /// Whether this commission may take up a matter of one polling station of
    /// `constituency` (a public report against its protocol): the CEC everywhere, a
    /// district commission in its constituency, a precinct commission at its own station.
    /// A territorial commission's area is not tied to stations in the record, so none.
    pub fn covers_station(&self, constituency: ConstituencyNo, station: StationId) -> bool {
        match self.level {
            CommissionLevel::Precinct { station: own } => own == station,
            _ => self.covers_constituency(constituency),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_quorum_is_two_thirds_and_majority_more_than_half_of_all_members() {
        let rule = VotingRule::default();
        assert_eq!(rule.quorum.at_least(12), 8);
        assert_eq!(rule.majority.more_than(12), 7);
        assert_eq!(rule.quorum.at_least(8), 6);
        assert_eq!(rule.majority.more_than(8), 5);
        assert_eq!(rule.majority.more_than(11), 6);
    }

    #[test]
    fn a_station_is_covered_by_the_cec_its_district_and_its_own_precinct_commission() {
        let at = |level| CommissionDef {
            id: CommissionId::new("X"),
            name: Text::Plain("X".into()),
            level,
            parent: None,
            members: Vec::new(),
            voting: VotingRule::default(),
        };
        let (c, s) = (ConstituencyNo(13), StationId(4521));
        assert!(at(CommissionLevel::Central).covers_station(c, s));
        let district = |n| {
            at(CommissionLevel::District {
                constituency: ConstituencyNo(n),
            })
        };
        assert!(district(13).covers_station(c, s));
        assert!(!district(14).covers_station(c, s));
        assert!(at(CommissionLevel::Precinct { station: s }).covers_station(c, s));
        assert!(
            !at(CommissionLevel::Precinct {
                station: StationId(4522)
            })
            .covers_station(c, s)
        );
        let territorial = at(CommissionLevel::Territorial { area: "Osh".into() });
        assert!(!territorial.covers_station(c, s));
    }

    #[test]
    fn l1_fractions_near_the_limit_of_u32_do_not_wrap() {
        let whole = Fraction {
            numerator: u32::MAX,
            denominator: u32::MAX,
        };
        let nearly_all = Fraction {
            numerator: 2_147_483_648,
            denominator: 2_147_483_649,
        };
        assert_eq!(whole.at_least(2), 2);
        assert_eq!(nearly_all.more_than(2), 2);
    }
}

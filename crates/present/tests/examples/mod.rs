//! One refusal of every kind, with real codes and realistic values in every field, for the
//! tests that word each of them.

use tandoo_core::LegalDate;
use tandoo_core::Refusal;
use tandoo_core::actor::Role;
use tandoo_core::candidate::Standing;
use tandoo_core::commission::{Fraction, VotingRule};
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, MeetingId, MemberId,
    PersonId, ResolutionRef, StationId,
};
use tandoo_core::money::Money;
use tandoo_core::permission::CommandKind;
use tandoo_core::protocol::{ControlFailure, Finding, FormError, Side, Term, Warning};
use tandoo_core::refusal::{Action, Concerning, Entity, Lapse};
use tandoo_core::resolution::EffectKind;
use tandoo_core::results::AllocationError;
use tandoo_core::state::{ApplyError, Referent};

/// What E01 finds when one ballot too many is cancelled: `L2 (1000)` against `L3 + L4 + L5
/// (680 + 0 + 1 = 681)`.
pub fn not_equal() -> Finding {
    let side = |terms: &[(&str, u64)]| Side {
        terms: terms
            .iter()
            .map(|(term, figure)| Term {
                term: term.to_string(),
                figure: *figure,
            })
            .collect(),
        sum: terms.iter().map(|(_, figure)| figure).sum(),
    };
    Finding::NotEqual {
        left: side(&[("L2", 1000)]),
        right: side(&[("L3", 680), ("L4", 0), ("L5", 1)]),
    }
}

pub fn failure(code: &str) -> ControlFailure {
    ControlFailure {
        code: code.into(),
        finding: not_equal(),
    }
}

pub fn warned(code: &str) -> Warning {
    Warning {
        code: code.into(),
        finding: not_equal(),
    }
}

pub fn cec(number: u32) -> ResolutionRef {
    ResolutionRef {
        commission: CommissionId::new("CEC"),
        number,
        year: 2026,
    }
}

/// One refusal of every kind, and of `Unknown` one for every entity. The match names every
/// variant, so a new refusal does not compile until it is added here.
pub fn one_of_each() -> Vec<Refusal> {
    let c = |s: &str| CandidateId::new(s);
    let e = || ElectionId::new("PARL-2025");
    let (station, constituency) = (StationId(1234), ConstituencyNo(13));
    let mut all: Vec<Refusal> = Entity::ALL
        .into_iter()
        .map(|entity| Refusal::Unknown {
            entity,
            id: "1234".into(),
            within: None,
        })
        .collect();
    all.extend([
        Refusal::Unknown {
            entity: Entity::Member,
            id: "member.9".into(),
            within: Some(CommissionId::new("DEC-13")),
        },
        Refusal::NotAuthorised {
            role: Role::Observer,
            action: CommandKind::RegisterCandidate,
        },
        Refusal::OutsideCompetence {
            commission: CommissionId::new("DEC-13"),
            action: Action::Command(CommandKind::PayFee),
            concerning: Some(Concerning::Constituency(ConstituencyNo(14))),
        },
        Refusal::OutsideCompetence {
            commission: CommissionId::new("DEC-13"),
            action: Action::Effect(EffectKind::DeclareInvalid),
            concerning: None,
        },
        Refusal::AlreadyExists {
            entity: Entity::Election,
            id: "PARL-2025".into(),
        },
        Refusal::DuplicateCandidate {
            person: PersonId::new("P-7"),
            name: "Айбек Алтынбеков".into(),
            election: e(),
            existing: c("c-3"),
        },
        Refusal::AlreadyRegistered {
            candidate: c("c-1"),
        },
        Refusal::WrongStanding {
            candidate: c("c-1"),
            standing: Standing::Withdrawn,
            action: CommandKind::RegisterCandidate,
        },
        Refusal::FeeNotPaid {
            candidate: c("c-1"),
            paid: Money::whole(100_000),
            fee: Money::whole(300_000),
        },
        Refusal::CandidateBarred {
            name: "Талант Мамытов".into(),
            latin_name: Some("Talant Mamytov".into()),
            constituency,
            resolution: cec(45),
        },
        Refusal::ElectionCancelled {
            election: e(),
            resolution: cec(45),
        },
        Refusal::ConstituencyNotInElection {
            election: e(),
            constituency: ConstituencyNo(31),
        },
        Refusal::ProtocolRejected {
            failures: vec![failure("E01"), failure("E03")],
        },
        Refusal::WarningsNotAcknowledged {
            warnings: vec![warned("W02")],
        },
        Refusal::ProtocolAlreadyAccepted {
            station,
            constituency,
        },
        Refusal::EntriesDiffer {
            station,
            constituency,
        },
        Refusal::SameOperator {
            operator: "op.1".into(),
            entry: 1,
        },
        Refusal::NothingToSettle {
            station,
            constituency,
        },
        Refusal::DuplicateVote {
            member: MemberId::new("member.2"),
        },
        Refusal::ResolutionNumberTaken {
            resolution: cec(45),
        },
        Refusal::NotInForce {
            resolution: cec(45),
            why: Lapse::Rescinded,
        },
        Refusal::ElectedNotAllocated {
            constituency,
            allocated: vec![c("c-1"), c("c-2")],
            named: vec![c("c-1"), c("c-4")],
        },
        Refusal::CountFailed {
            constituency,
            declared_invalid_by: cec(50),
        },
        Refusal::NoProtocol {
            station,
            constituency,
        },
        Refusal::SettlerMadeEntry {
            settler: "sup.1".into(),
            station,
            constituency,
            entry: 2,
        },
        Refusal::StationOutsideConstituency {
            election: e(),
            station,
            home: constituency,
            constituency: ConstituencyNo(14),
        },
        Refusal::NoFreeResolutionNumber {
            commission: CommissionId::new("DEC-13"),
            year: 2026,
        },
        Refusal::ResolutionNumberTooLarge {
            number: 1_000_000,
            max: 999_999,
        },
        Refusal::ResolutionNumberZero,
        Refusal::IdentifierTooLong {
            field: "actor.user",
            length: 65,
            max: 64,
        },
        Refusal::EmptyIdentifier { field: "id" },
        Refusal::BadCharacter {
            field: "name",
            code_point: 0x202E,
        },
        Refusal::BlankText { field: "title" },
        Refusal::TextTooLong {
            field: "form.relations.description",
            length: 2_001,
            max: 2_000,
        },
        Refusal::CommandTooLarge {
            size: 70_000,
            max: 65_536,
        },
        Refusal::EmptyList { field: "agenda" },
        Refusal::RefersToLater {
            what: Referent::Resolution,
            id: "CEC 1/2026".into(),
            dated: LegalDate::new(2026, 1, 20).unwrap(),
            date: LegalDate::new(2026, 1, 10).unwrap(),
        },
        Refusal::OpenComplaints {
            constituency,
            complaints: vec![ComplaintId::new("C-1"), ComplaintId::new("C-2")],
        },
        Refusal::ResultRecognised {
            station: StationId(13001),
            constituency,
            resolution: cec(12),
        },
        Refusal::CountElectsNobody {
            constituency,
            why: AllocationError::NothingCounted,
        },
        Refusal::LotNotDrawnInMeeting {
            member: MemberId::new("shainazarov"),
            meeting: Some(MeetingId::new("CEC-2026-M3")),
        },
        Refusal::BadLotSeed { max: 200 },
        Refusal::NoSeats { constituency },
        Refusal::FigureTooLarge {
            field: "voters",
            value: 1_000_000_001,
            max: 1_000_000_000,
        },
        Refusal::BadVotingRule {
            rule: VotingRule {
                quorum: Fraction {
                    numerator: 2,
                    denominator: 3,
                },
                majority: Fraction {
                    numerator: 1,
                    denominator: 1,
                },
            },
        },
        Refusal::RepeatMismatch {
            kind: ElectionKind::Repeat,
        },
        Refusal::RepeatMismatch {
            kind: ElectionKind::Early,
        },
        Refusal::FormNotUsable {
            why: FormError::RoleNotALine { term: "Z".into() },
        },
        Refusal::ZeroPayment,
        Refusal::PaymentTooLarge {
            amount: Money(100_000_000_001),
            max: Money::whole(1_000_000_000),
        },
        Refusal::NothingToCorrect {
            station,
            constituency,
        },
        Refusal::NoSuchEntry {
            station,
            constituency,
            entry: 3,
        },
        Refusal::LineNotOnForm { line: "L99".into() },
        Refusal::NotOnBallot {
            candidate: c("c-9"),
            election: e(),
            constituency,
        },
        Refusal::NotInContest {
            candidate: c("c-9"),
            election: e(),
            constituency,
        },
        Refusal::HoldsNoSeat {
            candidate: c("c-4"),
            election: e(),
            constituency,
        },
        Refusal::NoFeeToRefund {
            candidate: c("c-5"),
        },
        Refusal::EffectsDoNotApply {
            error: ApplyError::OutOfOrder { seq: 7, last: 9 },
        },
    ]);
    for r in &all {
        match r {
            Refusal::NotAuthorised { .. }
            | Refusal::OutsideCompetence { .. }
            | Refusal::Unknown { .. }
            | Refusal::AlreadyExists { .. }
            | Refusal::DuplicateCandidate { .. }
            | Refusal::AlreadyRegistered { .. }
            | Refusal::WrongStanding { .. }
            | Refusal::FeeNotPaid { .. }
            | Refusal::CandidateBarred { .. }
            | Refusal::ElectionCancelled { .. }
            | Refusal::ConstituencyNotInElection { .. }
            | Refusal::ProtocolRejected { .. }
            | Refusal::WarningsNotAcknowledged { .. }
            | Refusal::ProtocolAlreadyAccepted { .. }
            | Refusal::EntriesDiffer { .. }
            | Refusal::SameOperator { .. }
            | Refusal::NothingToSettle { .. }
            | Refusal::DuplicateVote { .. }
            | Refusal::ResolutionNumberTaken { .. }
            | Refusal::NotInForce { .. }
            | Refusal::ElectedNotAllocated { .. }
            | Refusal::CountFailed { .. }
            | Refusal::NoProtocol { .. }
            | Refusal::SettlerMadeEntry { .. }
            | Refusal::StationOutsideConstituency { .. }
            | Refusal::NoFreeResolutionNumber { .. }
            | Refusal::ResolutionNumberTooLarge { .. }
            | Refusal::ResolutionNumberZero
            | Refusal::IdentifierTooLong { .. }
            | Refusal::EmptyIdentifier { .. }
            | Refusal::BadCharacter { .. }
            | Refusal::BlankText { .. }
            | Refusal::TextTooLong { .. }
            | Refusal::CommandTooLarge { .. }
            | Refusal::EmptyList { .. }
            | Refusal::RefersToLater { .. }
            | Refusal::OpenComplaints { .. }
            | Refusal::ResultRecognised { .. }
            | Refusal::CountElectsNobody { .. }
            | Refusal::LotNotDrawnInMeeting { .. }
            | Refusal::BadLotSeed { .. }
            | Refusal::NoSeats { .. }
            | Refusal::FigureTooLarge { .. }
            | Refusal::BadVotingRule { .. }
            | Refusal::RepeatMismatch { .. }
            | Refusal::FormNotUsable { .. }
            | Refusal::ZeroPayment
            | Refusal::PaymentTooLarge { .. }
            | Refusal::NothingToCorrect { .. }
            | Refusal::NoSuchEntry { .. }
            | Refusal::LineNotOnForm { .. }
            | Refusal::NotOnBallot { .. }
            | Refusal::NotInContest { .. }
            | Refusal::HoldsNoSeat { .. }
            | Refusal::NoFeeToRefund { .. }
            | Refusal::EffectsDoNotApply { .. } => {}
        }
    }
    all
}

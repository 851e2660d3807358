//! `CODES` holds exactly the codes refusals have: one refusal of every variant, and of
//! `Unknown` one for every entity, gives every code once.

use super::*;
use crate::commission::Fraction;
use std::collections::{BTreeSet, HashSet};

fn resolution() -> ResolutionRef {
    ResolutionRef {
        commission: CommissionId::new("CEC"),
        number: 1,
        year: 2026,
    }
}

/// One refusal of every kind, and of `Unknown` one for every entity.
pub(super) fn one_of_each() -> Vec<Refusal> {
    let text = || String::from("x");
    let candidate = || CandidateId::new("c");
    let election = || ElectionId::new("E");
    let (station, constituency) = (StationId(1), ConstituencyNo(1));
    let mut all: Vec<Refusal> = Entity::ALL
        .into_iter()
        .map(|entity| Refusal::unknown(entity, "x"))
        .collect();
    all.extend([
        Refusal::NotAuthorised {
            role: Role::Observer,
            action: CommandKind::NominateCandidate,
        },
        Refusal::OutsideCompetence {
            commission: CommissionId::new("DEC-1"),
            action: Action::Effect(crate::resolution::EffectKind::DeclareInvalid),
            concerning: None,
        },
        Refusal::AlreadyExists {
            entity: Entity::Election,
            id: text(),
        },
        Refusal::DuplicateCandidate {
            person: PersonId::new("p"),
            name: text(),
            election: election(),
            existing: candidate(),
        },
        Refusal::AlreadyRegistered {
            candidate: candidate(),
        },
        Refusal::WrongStanding {
            candidate: candidate(),
            standing: Standing::Withdrawn,
            action: CommandKind::RegisterCandidate,
        },
        Refusal::FeeNotPaid {
            candidate: candidate(),
            paid: Money(1),
            fee: Money(2),
        },
        Refusal::CandidateBarred {
            name: text(),
            latin_name: None,
            constituency,
            resolution: resolution(),
        },
        Refusal::ElectionCancelled {
            election: election(),
            resolution: resolution(),
        },
        Refusal::ConstituencyNotInElection {
            election: election(),
            constituency,
        },
        Refusal::ProtocolRejected { failures: vec![] },
        Refusal::WarningsNotAcknowledged { warnings: vec![] },
        Refusal::ProtocolAlreadyAccepted {
            station,
            constituency,
        },
        Refusal::EntriesDiffer {
            station,
            constituency,
        },
        Refusal::SameOperator {
            operator: text(),
            entry: 1,
        },
        Refusal::NothingToSettle {
            station,
            constituency,
        },
        Refusal::DuplicateVote {
            member: MemberId::new("a"),
        },
        Refusal::ResolutionNumberTaken {
            resolution: resolution(),
        },
        Refusal::NotInForce {
            resolution: resolution(),
            why: Lapse::Rescinded,
        },
        Refusal::ElectedNotAllocated {
            constituency,
            allocated: vec![candidate()],
            named: vec![],
        },
        Refusal::CountFailed {
            constituency,
            declared_invalid_by: resolution(),
        },
        Refusal::NoProtocol {
            station,
            constituency,
        },
        Refusal::SettlerMadeEntry {
            settler: text(),
            station,
            constituency,
            entry: 1,
        },
        Refusal::StationOutsideConstituency {
            election: election(),
            station,
            home: constituency,
            constituency: ConstituencyNo(2),
        },
        Refusal::NoFreeResolutionNumber {
            commission: CommissionId::new("CEC"),
            year: 2026,
        },
        Refusal::ResolutionNumberTooLarge { number: 1, max: 1 },
        Refusal::ResolutionNumberZero,
        Refusal::IdentifierTooLong {
            field: "id",
            length: 2,
            max: 1,
        },
        Refusal::EmptyIdentifier { field: "id" },
        Refusal::BadCharacter {
            field: "name",
            code_point: 0,
        },
        Refusal::BlankText { field: "title" },
        Refusal::TextTooLong {
            field: "title",
            length: 2,
            max: 1,
        },
        Refusal::CommandTooLarge { size: 2, max: 1 },
        Refusal::EmptyList { field: "agenda" },
        Refusal::RefersToLater {
            what: Referent::Resolution,
            id: text(),
            dated: LegalDate::MAX,
            date: LegalDate::MIN,
        },
        Refusal::OpenComplaints {
            constituency,
            complaints: vec![],
        },
        Refusal::ResultRecognised {
            station,
            constituency,
            resolution: resolution(),
        },
        Refusal::CountElectsNobody {
            constituency,
            why: AllocationError::NothingCounted,
        },
        Refusal::LotNotDrawnInMeeting {
            member: MemberId::new("a"),
            meeting: None,
        },
        Refusal::BadLotSeed { max: 1 },
        Refusal::NoSeats { constituency },
        Refusal::FigureTooLarge {
            field: "voters",
            value: 2,
            max: 1,
        },
        Refusal::BadVotingRule {
            rule: VotingRule {
                quorum: Fraction {
                    numerator: 1,
                    denominator: 0,
                },
                majority: Fraction {
                    numerator: 1,
                    denominator: 2,
                },
            },
        },
        Refusal::RepeatMismatch {
            kind: ElectionKind::Repeat,
        },
        Refusal::FormNotUsable {
            why: FormError::NoLines,
        },
        Refusal::ZeroPayment,
        Refusal::PaymentTooLarge {
            amount: Money(2),
            max: Money(1),
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
        Refusal::LineNotOnForm { line: text() },
        Refusal::NotOnBallot {
            candidate: candidate(),
            election: election(),
            constituency,
        },
        Refusal::NotInContest {
            candidate: candidate(),
            election: election(),
            constituency,
        },
        Refusal::HoldsNoSeat {
            candidate: candidate(),
            election: election(),
            constituency,
        },
        Refusal::NoFeeToRefund {
            candidate: candidate(),
        },
        Refusal::EffectsDoNotApply {
            error: ApplyError::OutOfOrder { seq: 1, last: 2 },
        },
    ]);
    all
}

/// Names every variant without a wildcard, so that a new refusal does not compile until it
/// is added here, to `one_of_each` (and the number of variants the test counts) and, for
/// the test to pass, to `CODES`.
fn is_listed(refusal: &Refusal) -> bool {
    match refusal {
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
        | Refusal::EffectsDoNotApply { .. } => true,
    }
}

#[test]
fn codes_lists_exactly_the_codes_refusals_have() {
    let examples = one_of_each();
    assert!(examples.iter().all(is_listed));
    let variants: HashSet<_> = examples.iter().map(std::mem::discriminant).collect();
    assert_eq!(
        variants.len(),
        56,
        "one example of every variant of Refusal"
    );
    let produced: BTreeSet<&str> = examples.iter().map(Refusal::code).collect();
    let listed: BTreeSet<&str> = CODES.iter().copied().collect();
    assert_eq!(listed.len(), CODES.len(), "CODES names each code once");
    assert_eq!(produced, listed);
}

#[test]
fn a_refusal_logs_its_code_and_fields_and_no_sentence() {
    let refusal = Refusal::unknown(Entity::Station, 1234);
    assert_eq!(
        refusal.to_string(),
        "UNKNOWN_STATION Unknown { entity: Station, id: \"1234\", within: None }"
    );
}

#[test]
fn entities_serialise_as_their_codes() {
    for entity in Entity::ALL {
        assert_eq!(
            serde_json::to_value(entity).unwrap(),
            serde_json::Value::String(entity.code().into())
        );
    }
    let action = Action::Command(CommandKind::EnterProtocol);
    assert_eq!(serde_json::to_value(action).unwrap(), "enter_protocol");
    let action = Action::Effect(crate::resolution::EffectKind::DrawLot);
    assert_eq!(serde_json::to_value(action).unwrap(), "draw_lot");
}

//! Refusals: why a command was not recorded. Each is its own variant with typed fields and a
//! stable code (for the API, the UI and scripts), so that a person's sentence can be made in
//! any language from the code and the fields alone; `tandoo_present::refusal` makes it.
//! `Display` is for logs: the code and the fields, no sentence.

mod kinds;
#[cfg(test)]
mod tests;

pub use kinds::{Action, Concerning, Entity, Lapse};

use crate::actor::Role;
use crate::candidate::Standing;
use crate::commission::VotingRule;
use crate::date::LegalDate;
use crate::election::ElectionKind;
use crate::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, MeetingId, MemberId,
    PersonId, ResolutionRef, StationId,
};
use crate::money::Money;
use crate::permission::CommandKind;
use crate::protocol::{ControlFailure, FormError, Warning};
use crate::results::AllocationError;
use crate::state::{ApplyError, Referent};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// R-AUTH-ROLE: the actor's role may not give this kind of command.
    NotAuthorised {
        role: Role,
        action: CommandKind,
    },
    /// R-AUTH-COMPETENCE: the commission the actor acts for has no competence for this.
    OutsideCompetence {
        commission: CommissionId,
        action: Action,
        concerning: Option<Concerning>,
    },
    /// R-REF-EXISTS. A member or a meeting is known within a commission: `within` names it.
    Unknown {
        entity: Entity,
        id: String,
        within: Option<CommissionId>,
    },
    /// R-REF-UNIQUE.
    AlreadyExists {
        entity: Entity,
        id: String,
    },
    DuplicateCandidate {
        person: PersonId,
        /// As registered.
        name: String,
        election: ElectionId,
        existing: CandidateId,
    },
    AlreadyRegistered {
        candidate: CandidateId,
    },
    /// The candidate's standing forbids the command (`action`: register, refuse, withdraw).
    WrongStanding {
        candidate: CandidateId,
        standing: Standing,
        action: CommandKind,
    },
    FeeNotPaid {
        candidate: CandidateId,
        paid: Money,
        fee: Money,
    },
    CandidateBarred {
        /// As registered; `latin_name` is its Latin form, which English shows.
        name: String,
        latin_name: Option<String>,
        constituency: ConstituencyNo,
        resolution: ResolutionRef,
    },
    ElectionCancelled {
        election: ElectionId,
        resolution: ResolutionRef,
    },
    ConstituencyNotInElection {
        election: ElectionId,
        constituency: ConstituencyNo,
    },
    ProtocolRejected {
        failures: Vec<ControlFailure>,
    },
    WarningsNotAcknowledged {
        warnings: Vec<Warning>,
    },
    ProtocolAlreadyAccepted {
        station: StationId,
        constituency: ConstituencyNo,
    },
    EntriesDiffer {
        station: StationId,
        constituency: ConstituencyNo,
    },
    SameOperator {
        operator: String,
        entry: u32,
    },
    NothingToSettle {
        station: StationId,
        constituency: ConstituencyNo,
    },
    DuplicateVote {
        member: MemberId,
    },
    ResolutionNumberTaken {
        resolution: ResolutionRef,
    },
    NotInForce {
        resolution: ResolutionRef,
        why: Lapse,
    },
    ElectedNotAllocated {
        constituency: ConstituencyNo,
        allocated: Vec<CandidateId>,
        named: Vec<CandidateId>,
    },
    /// Nobody is recognised in a constituency whose election a resolution in force declared
    /// invalid.
    CountFailed {
        constituency: ConstituencyNo,
        declared_invalid_by: ResolutionRef,
    },
    NoProtocol {
        station: StationId,
        constituency: ConstituencyNo,
    },
    SettlerMadeEntry {
        settler: String,
        station: StationId,
        constituency: ConstituencyNo,
        entry: u32,
    },
    StationOutsideConstituency {
        election: ElectionId,
        station: StationId,
        home: ConstituencyNo,
        constituency: ConstituencyNo,
    },
    NoFreeResolutionNumber {
        commission: CommissionId,
        year: u16,
    },
    ResolutionNumberTooLarge {
        number: u32,
        max: u32,
    },
    /// R-RES-NUMBER: numbers start at 1.
    ResolutionNumberZero,
    IdentifierTooLong {
        field: &'static str,
        length: usize,
        max: usize,
    },
    EmptyIdentifier {
        field: &'static str,
    },
    BadCharacter {
        field: &'static str,
        code_point: u32,
    },
    /// A text that must say something says nothing.
    BlankText {
        field: &'static str,
    },
    TextTooLong {
        field: &'static str,
        length: usize,
        max: usize,
    },
    CommandTooLarge {
        size: usize,
        max: usize,
    },
    /// A list that must name at least one thing names none (`agenda`, `constituencies`,
    /// `filed_by`, `effects.candidates`).
    EmptyList {
        field: &'static str,
    },
    RefersToLater {
        what: Referent,
        id: String,
        dated: LegalDate,
        date: LegalDate,
    },
    OpenComplaints {
        constituency: ConstituencyNo,
        complaints: Vec<ComplaintId>,
    },
    ResultRecognised {
        station: StationId,
        constituency: ConstituencyNo,
        resolution: ResolutionRef,
    },
    CountElectsNobody {
        constituency: ConstituencyNo,
        why: AllocationError,
    },
    /// A lot is drawn by a member present at the meeting the resolution names.
    LotNotDrawnInMeeting {
        member: MemberId,
        meeting: Option<MeetingId>,
    },
    BadLotSeed {
        max: u32,
    },
    /// R-STRUCT-SEATS.
    NoSeats {
        constituency: ConstituencyNo,
    },
    /// R-REF-BOUNDS: a figure (`voters` of a station, a preliminary `figures` value) above
    /// the largest any station has.
    FigureTooLarge {
        field: &'static str,
        value: u64,
        max: u64,
    },
    /// R-STRUCT-VOTING-RULE: the quorum and the majority are fractions below one.
    BadVotingRule {
        rule: VotingRule,
    },
    /// R-ELEC-REPEAT: a repeat election names the election it repeats, and only a repeat
    /// election does; `kind` is the kind the call gave.
    RepeatMismatch {
        kind: ElectionKind,
    },
    /// R-ELEC-RULE-SET / R-PROT-E07: the protocol form an election is called with is not
    /// coherent.
    FormNotUsable {
        why: FormError,
    },
    /// R-CAND-FEE: a payment is more than zero.
    ZeroPayment,
    /// R-REF-BOUNDS: a single payment at most `max`.
    PaymentTooLarge {
        amount: Money,
        max: Money,
    },
    /// R-PROT-CORRECTION: a correction corrects an accepted protocol.
    NothingToCorrect {
        station: StationId,
        constituency: ConstituencyNo,
    },
    /// R-PROT-SETTLE: the supervisor keeps an entry of the round.
    NoSuchEntry {
        station: StationId,
        constituency: ConstituencyNo,
        entry: u32,
    },
    /// R-PROT-PRELIMINARY: a box reports only lines of the election's form.
    LineNotOnForm {
        line: String,
    },
    /// R-PROT-PRELIMINARY: a box reports votes only for candidates on the ballot.
    NotOnBallot {
        candidate: CandidateId,
        election: ElectionId,
        constituency: ConstituencyNo,
    },
    /// R-RES-RECOGNISE: a recognition names candidates who stand in the contest.
    NotInContest {
        candidate: CandidateId,
        election: ElectionId,
        constituency: ConstituencyNo,
    },
    /// R-SEAT-VACANCY: only a seat held can be vacated.
    HoldsNoSeat {
        candidate: CandidateId,
        election: ElectionId,
        constituency: ConstituencyNo,
    },
    /// R-CAND-REFUND: a refund returns a fee that was paid.
    NoFeeToRefund {
        candidate: CandidateId,
    },
    /// The effects of a resolution, checked one by one, do not apply together to the state:
    /// a defect of the checks, never the submitter's mistake.
    EffectsDoNotApply {
        error: ApplyError,
    },
}

/// For logs: the code, then the fields as the program names them. People read a refusal
/// through `tandoo_present::refusal`, in their language.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {self:?}", self.code())
    }
}

/// Every code [`Refusal::code`] can return, for catalogs and documents that must word each
/// one. Keep it in step with `code()`: a test fails when a refusal is added to one and
/// not the other.
pub const CODES: &[&str] = &[
    "NOT_AUTHORISED",
    "OUTSIDE_COMPETENCE",
    "UNKNOWN_CANDIDATE",
    "UNKNOWN_ELECTION",
    "UNKNOWN_CONSTITUENCY",
    "UNKNOWN_STATION",
    "UNKNOWN_COMMISSION",
    "UNKNOWN_MEMBER",
    "UNKNOWN_RESOLUTION",
    "UNKNOWN_COMPLAINT",
    "UNKNOWN_REQUEST",
    "UNKNOWN_MEETING",
    "UNKNOWN_INCIDENT",
    "UNKNOWN_RULE_SET",
    "ALREADY_EXISTS",
    "DUPLICATE_CANDIDATE",
    "ALREADY_REGISTERED",
    "WRONG_STANDING",
    "FEE_NOT_PAID",
    "CANDIDATE_BARRED",
    "ELECTION_CANCELLED",
    "CONSTITUENCY_NOT_IN_ELECTION",
    "PROTOCOL_REJECTED",
    "WARNINGS_NOT_ACKNOWLEDGED",
    "PROTOCOL_ALREADY_ACCEPTED",
    "ENTRIES_DIFFER",
    "SAME_OPERATOR",
    "NOTHING_TO_SETTLE",
    "DUPLICATE_VOTE",
    "RESOLUTION_NUMBER_TAKEN",
    "NOT_IN_FORCE",
    "ELECTED_NOT_ALLOCATED",
    "COUNT_FAILED",
    "NO_PROTOCOL",
    "SETTLER_MADE_ENTRY",
    "STATION_OUTSIDE_CONSTITUENCY",
    "NO_FREE_RESOLUTION_NUMBER",
    "RESOLUTION_NUMBER_TOO_LARGE",
    "RESOLUTION_NUMBER_ZERO",
    "IDENTIFIER_TOO_LONG",
    "EMPTY_IDENTIFIER",
    "BAD_CHARACTER",
    "BLANK_TEXT",
    "TEXT_TOO_LONG",
    "COMMAND_TOO_LARGE",
    "EMPTY_LIST",
    "REFERS_TO_LATER",
    "OPEN_COMPLAINTS",
    "RESULT_RECOGNISED",
    "COUNT_ELECTS_NOBODY",
    "LOT_NOT_DRAWN_IN_MEETING",
    "BAD_LOT_SEED",
    "NO_SEATS",
    "FIGURE_TOO_LARGE",
    "BAD_VOTING_RULE",
    "REPEAT_MISMATCH",
    "FORM_NOT_USABLE",
    "ZERO_PAYMENT",
    "PAYMENT_TOO_LARGE",
    "NOTHING_TO_CORRECT",
    "NO_SUCH_ENTRY",
    "LINE_NOT_ON_FORM",
    "NOT_ON_BALLOT",
    "NOT_IN_CONTEST",
    "HOLDS_NO_SEAT",
    "NO_FEE_TO_REFUND",
    "EFFECTS_DO_NOT_APPLY",
];

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotAuthorised { .. } => "NOT_AUTHORISED",
            Refusal::OutsideCompetence { .. } => "OUTSIDE_COMPETENCE",
            Refusal::Unknown { entity, .. } => match entity {
                Entity::Candidate => "UNKNOWN_CANDIDATE",
                Entity::Election => "UNKNOWN_ELECTION",
                Entity::Constituency => "UNKNOWN_CONSTITUENCY",
                Entity::Station => "UNKNOWN_STATION",
                Entity::Commission => "UNKNOWN_COMMISSION",
                Entity::Member => "UNKNOWN_MEMBER",
                Entity::Resolution => "UNKNOWN_RESOLUTION",
                Entity::Complaint => "UNKNOWN_COMPLAINT",
                Entity::Request => "UNKNOWN_REQUEST",
                Entity::Meeting => "UNKNOWN_MEETING",
                Entity::Incident => "UNKNOWN_INCIDENT",
                Entity::RuleSet => "UNKNOWN_RULE_SET",
            },
            Refusal::AlreadyExists { .. } => "ALREADY_EXISTS",
            Refusal::DuplicateCandidate { .. } => "DUPLICATE_CANDIDATE",
            Refusal::AlreadyRegistered { .. } => "ALREADY_REGISTERED",
            Refusal::WrongStanding { .. } => "WRONG_STANDING",
            Refusal::FeeNotPaid { .. } => "FEE_NOT_PAID",
            Refusal::CandidateBarred { .. } => "CANDIDATE_BARRED",
            Refusal::ElectionCancelled { .. } => "ELECTION_CANCELLED",
            Refusal::ConstituencyNotInElection { .. } => "CONSTITUENCY_NOT_IN_ELECTION",
            Refusal::ProtocolRejected { .. } => "PROTOCOL_REJECTED",
            Refusal::WarningsNotAcknowledged { .. } => "WARNINGS_NOT_ACKNOWLEDGED",
            Refusal::ProtocolAlreadyAccepted { .. } => "PROTOCOL_ALREADY_ACCEPTED",
            Refusal::EntriesDiffer { .. } => "ENTRIES_DIFFER",
            Refusal::SameOperator { .. } => "SAME_OPERATOR",
            Refusal::NothingToSettle { .. } => "NOTHING_TO_SETTLE",
            Refusal::DuplicateVote { .. } => "DUPLICATE_VOTE",
            Refusal::ResolutionNumberTaken { .. } => "RESOLUTION_NUMBER_TAKEN",
            Refusal::NotInForce { .. } => "NOT_IN_FORCE",
            Refusal::ElectedNotAllocated { .. } => "ELECTED_NOT_ALLOCATED",
            Refusal::CountFailed { .. } => "COUNT_FAILED",
            Refusal::NoProtocol { .. } => "NO_PROTOCOL",
            Refusal::SettlerMadeEntry { .. } => "SETTLER_MADE_ENTRY",
            Refusal::StationOutsideConstituency { .. } => "STATION_OUTSIDE_CONSTITUENCY",
            Refusal::NoFreeResolutionNumber { .. } => "NO_FREE_RESOLUTION_NUMBER",
            Refusal::ResolutionNumberTooLarge { .. } => "RESOLUTION_NUMBER_TOO_LARGE",
            Refusal::ResolutionNumberZero => "RESOLUTION_NUMBER_ZERO",
            Refusal::IdentifierTooLong { .. } => "IDENTIFIER_TOO_LONG",
            Refusal::EmptyIdentifier { .. } => "EMPTY_IDENTIFIER",
            Refusal::BadCharacter { .. } => "BAD_CHARACTER",
            Refusal::BlankText { .. } => "BLANK_TEXT",
            Refusal::TextTooLong { .. } => "TEXT_TOO_LONG",
            Refusal::CommandTooLarge { .. } => "COMMAND_TOO_LARGE",
            Refusal::EmptyList { .. } => "EMPTY_LIST",
            Refusal::RefersToLater { .. } => "REFERS_TO_LATER",
            Refusal::OpenComplaints { .. } => "OPEN_COMPLAINTS",
            Refusal::ResultRecognised { .. } => "RESULT_RECOGNISED",
            Refusal::CountElectsNobody { .. } => "COUNT_ELECTS_NOBODY",
            Refusal::LotNotDrawnInMeeting { .. } => "LOT_NOT_DRAWN_IN_MEETING",
            Refusal::BadLotSeed { .. } => "BAD_LOT_SEED",
            Refusal::NoSeats { .. } => "NO_SEATS",
            Refusal::FigureTooLarge { .. } => "FIGURE_TOO_LARGE",
            Refusal::BadVotingRule { .. } => "BAD_VOTING_RULE",
            Refusal::RepeatMismatch { .. } => "REPEAT_MISMATCH",
            Refusal::FormNotUsable { .. } => "FORM_NOT_USABLE",
            Refusal::ZeroPayment => "ZERO_PAYMENT",
            Refusal::PaymentTooLarge { .. } => "PAYMENT_TOO_LARGE",
            Refusal::NothingToCorrect { .. } => "NOTHING_TO_CORRECT",
            Refusal::NoSuchEntry { .. } => "NO_SUCH_ENTRY",
            Refusal::LineNotOnForm { .. } => "LINE_NOT_ON_FORM",
            Refusal::NotOnBallot { .. } => "NOT_ON_BALLOT",
            Refusal::NotInContest { .. } => "NOT_IN_CONTEST",
            Refusal::HoldsNoSeat { .. } => "HOLDS_NO_SEAT",
            Refusal::NoFeeToRefund { .. } => "NO_FEE_TO_REFUND",
            Refusal::EffectsDoNotApply { .. } => "EFFECTS_DO_NOT_APPLY",
        }
    }

    /// An unknown thing of `entity`, named by `id`.
    pub(crate) fn unknown(entity: Entity, id: impl ToString) -> Self {
        Refusal::Unknown {
            entity,
            id: id.to_string(),
            within: None,
        }
    }

    /// An unknown member or meeting of `commission`.
    pub(crate) fn unknown_in(entity: Entity, id: impl ToString, commission: &CommissionId) -> Self {
        Refusal::Unknown {
            entity,
            id: id.to_string(),
            within: Some(commission.clone()),
        }
    }
}

//! Who may give which command: for every command, the roles that may give it and the scope of
//! the commission they act for. `decide` checks every command against this table (through
//! `decide/authority.rs`), the staff application reads it to show a user only the forms they
//! may fill in, and a test holds it to docs/commands.md.
//!
//! The roles keep duties apart: an administrator sets up the structure and nothing else; a
//! secretary keeps a commission's acts; an operator enters protocols; a supervisor settles
//! differing entries and makes none, so that the person who decides between two entries is
//! never one of the people who typed them (H2).

use crate::actor::Role;
use crate::command::Command;
use serde::Serialize;

/// Which commission an actor must act for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The central commission.
    Central,
    /// The central commission, or the district commission of the constituency the command
    /// is about.
    OverConstituency,
    /// The commission the command is about (the one that meets, votes, or to which the
    /// complaint is addressed), and no other.
    OwnCommission,
}

/// The kind of a command, as its `type` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    DefineConstituency,
    DefineStation,
    FormCommission,
    CallElection,
    NominateCandidate,
    PayFee,
    RegisterCandidate,
    RefuseRegistration,
    WithdrawCandidate,
    EnterProtocol,
    SettleProtocol,
    RecordPreliminaryFigures,
    RecordIncident,
    FileComplaint,
    SendRequest,
    RecordAnswer,
    DecideComplaint,
    HoldMeeting,
    VoteResolution,
}

/// Who may give a kind of command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Permission {
    pub roles: &'static [Role],
    pub scope: Scope,
}

impl Permission {
    pub fn allows(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

const ADMINISTRATOR: &[Role] = &[Role::Administrator];
const SECRETARY: &[Role] = &[Role::Secretary];
const OPERATOR: &[Role] = &[Role::Operator];
const SUPERVISOR: &[Role] = &[Role::Supervisor];
/// A ballot-counting box's figures are loaded by whoever runs the import; they are never
/// counted, only compared with the entries.
const BOX_LOADERS: &[Role] = &[Role::Operator, Role::Supervisor];

impl CommandKind {
    /// Every kind of command, in the order docs/commands.md lists them.
    pub const ALL: [CommandKind; 19] = [
        CommandKind::DefineConstituency,
        CommandKind::DefineStation,
        CommandKind::FormCommission,
        CommandKind::CallElection,
        CommandKind::NominateCandidate,
        CommandKind::PayFee,
        CommandKind::RegisterCandidate,
        CommandKind::RefuseRegistration,
        CommandKind::WithdrawCandidate,
        CommandKind::EnterProtocol,
        CommandKind::SettleProtocol,
        CommandKind::RecordPreliminaryFigures,
        CommandKind::RecordIncident,
        CommandKind::FileComplaint,
        CommandKind::SendRequest,
        CommandKind::RecordAnswer,
        CommandKind::DecideComplaint,
        CommandKind::HoldMeeting,
        CommandKind::VoteResolution,
    ];

    /// Who may give this kind of command.
    pub const fn permission(self) -> Permission {
        use CommandKind::*;
        let (roles, scope) = match self {
            DefineConstituency | DefineStation | FormCommission | CallElection => {
                (ADMINISTRATOR, Scope::Central)
            }
            NominateCandidate | PayFee | RegisterCandidate | RefuseRegistration
            | WithdrawCandidate | RecordIncident => (SECRETARY, Scope::OverConstituency),
            EnterProtocol => (OPERATOR, Scope::OverConstituency),
            SettleProtocol => (SUPERVISOR, Scope::OverConstituency),
            RecordPreliminaryFigures => (BOX_LOADERS, Scope::OverConstituency),
            FileComplaint | SendRequest | RecordAnswer | DecideComplaint | HoldMeeting
            | VoteResolution => (SECRETARY, Scope::OwnCommission),
        };
        Permission { roles, scope }
    }
}

/// The whole table, for a UI or a document.
pub fn permissions() -> impl Iterator<Item = (CommandKind, Permission)> {
    CommandKind::ALL.into_iter().map(|k| (k, k.permission()))
}

impl Command {
    pub fn kind(&self) -> CommandKind {
        match self {
            Command::DefineConstituency(_) => CommandKind::DefineConstituency,
            Command::DefineStation(_) => CommandKind::DefineStation,
            Command::FormCommission(_) => CommandKind::FormCommission,
            Command::CallElection(_) => CommandKind::CallElection,
            Command::NominateCandidate(_) => CommandKind::NominateCandidate,
            Command::PayFee(_) => CommandKind::PayFee,
            Command::RegisterCandidate(_) => CommandKind::RegisterCandidate,
            Command::RefuseRegistration(_) => CommandKind::RefuseRegistration,
            Command::WithdrawCandidate(_) => CommandKind::WithdrawCandidate,
            Command::EnterProtocol(_) => CommandKind::EnterProtocol,
            Command::SettleProtocol(_) => CommandKind::SettleProtocol,
            Command::RecordPreliminaryFigures(_) => CommandKind::RecordPreliminaryFigures,
            Command::RecordIncident(_) => CommandKind::RecordIncident,
            Command::FileComplaint(_) => CommandKind::FileComplaint,
            Command::SendRequest(_) => CommandKind::SendRequest,
            Command::RecordAnswer(_) => CommandKind::RecordAnswer,
            Command::DecideComplaint(_) => CommandKind::DecideComplaint,
            Command::HoldMeeting(_) => CommandKind::HoldMeeting,
            Command::VoteResolution(_) => CommandKind::VoteResolution,
        }
    }
}

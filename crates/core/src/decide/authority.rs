//! Who may do what: every handler asks here, and here reads the permission table of
//! `crate::permission` — the role the command needs (R-AUTH-ROLE), and the commission the
//! actor must act for (R-AUTH-COMPETENCE).

use crate::actor::Actor;
use crate::commission::CommissionDef;
use crate::ids::{CommissionId, ConstituencyNo};
use crate::permission::{CommandKind, Scope};
use crate::refusal::{Action, Concerning, Entity, Refusal};
use crate::state::State;

/// What a command is about, for the scope check: the constituency or the commission it
/// concerns, or nothing more than the central commission's competence.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    Central,
    Constituency(ConstituencyNo),
    Commission(&'a CommissionId),
}

/// The actor's role is one the table gives for `kind` (R-AUTH-ROLE).
pub fn authorise_role(actor: &Actor, kind: CommandKind) -> Result<(), Refusal> {
    if kind.permission().allows(actor.role) {
        Ok(())
    } else {
        Err(Refusal::NotAuthorised {
            role: actor.role,
            action: kind,
        })
    }
}

/// The commission the actor acts for; it must exist.
pub fn actor_commission<'s>(state: &'s State, actor: &Actor) -> Result<&'s CommissionDef, Refusal> {
    state
        .commissions
        .get(&actor.commission)
        .ok_or_else(|| Refusal::unknown(Entity::Commission, &actor.commission))
}

/// The actor may give a command of `kind` about `target`: their role is in the table, and
/// the commission they act for has the scope the table gives. Returns that commission.
pub fn authorise<'s>(
    state: &'s State,
    actor: &Actor,
    kind: CommandKind,
    target: Target<'_>,
) -> Result<&'s CommissionDef, Refusal> {
    authorise_role(actor, kind)?;
    let commission = actor_commission(state, actor)?;
    let scope = kind.permission().scope;
    let within = match (scope, target) {
        (Scope::Central, Target::Central) => commission.is_central(),
        (Scope::OverConstituency, Target::Constituency(number)) => {
            commission.covers_constituency(number)
        }
        (Scope::OwnCommission, Target::Commission(id)) => &commission.id == id,
        // A handler that names a target of another scope than the table's is a defect;
        // refusing keeps the record safe while the tests catch it.
        _ => {
            debug_assert!(
                false,
                "{kind:?} is checked against {target:?}, not {scope:?}"
            );
            false
        }
    };
    if within {
        Ok(commission)
    } else {
        let concerning = match target {
            Target::Central => None,
            Target::Constituency(number) => Some(Concerning::Constituency(number)),
            Target::Commission(id) => Some(Concerning::Commission(id.clone())),
        };
        Err(Refusal::OutsideCompetence {
            commission: commission.id.clone(),
            action: Action::Command(kind),
            concerning,
        })
    }
}

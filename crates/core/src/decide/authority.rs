//! Who may do what: by role, and by the commission the actor acts for.

use crate::actor::{Actor, Role};
use crate::commission::CommissionDef;
use crate::ids::ConstituencyNo;
use crate::refusal::Refusal;
use crate::state::State;

fn role_name(role: Role) -> String {
    serde_json::to_value(role)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{role:?}"))
}

/// The actor's role must be one of `roles`.
pub fn require_role(actor: &Actor, roles: &[Role], action: &str) -> Result<(), Refusal> {
    if roles.contains(&actor.role) {
        Ok(())
    } else {
        Err(Refusal::NotAuthorised {
            role: role_name(actor.role),
            action: action.into(),
        })
    }
}

/// The commission the actor acts for; it must exist.
pub fn actor_commission<'s>(state: &'s State, actor: &Actor) -> Result<&'s CommissionDef, Refusal> {
    state
        .commissions
        .get(&actor.commission)
        .ok_or_else(|| Refusal::unknown("commission", &actor.commission))
}

/// The actor, in one of `roles`, acts for the CEC or for the district commission of
/// `constituency`.
pub fn require_over_constituency<'s>(
    state: &'s State,
    actor: &Actor,
    roles: &[Role],
    constituency: ConstituencyNo,
    action: &str,
) -> Result<&'s CommissionDef, Refusal> {
    require_role(actor, roles, action)?;
    let commission = actor_commission(state, actor)?;
    if commission.covers_constituency(constituency) {
        Ok(commission)
    } else {
        Err(Refusal::OutsideCompetence {
            commission: commission.id.to_string(),
            action: action.into(),
        })
    }
}

/// The actor, in one of `roles`, acts for the central commission.
pub fn require_central<'s>(
    state: &'s State,
    actor: &Actor,
    roles: &[Role],
    action: &str,
) -> Result<&'s CommissionDef, Refusal> {
    require_role(actor, roles, action)?;
    let commission = actor_commission(state, actor)?;
    if commission.is_central() {
        Ok(commission)
    } else {
        Err(Refusal::OutsideCompetence {
            commission: commission.id.to_string(),
            action: action.into(),
        })
    }
}

pub const STAFF: &[Role] = &[Role::Secretary, Role::Administrator];
pub const ENTRY: &[Role] = &[Role::Operator, Role::Supervisor];

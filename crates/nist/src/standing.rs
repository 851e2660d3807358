//! A contest's status as the report gives it: three words a reader of any report can act on,
//! beside core's own state, which says more.
//!
//! | core's contest state | report |
//! |---|---|
//! | `elected` (recognised by a resolution in force) | `determined` |
//! | `invalid`, `cancelled` | `annulled` |
//! | `awaiting_protocols`, `counting`, `results_being_determined`, `awaiting_lot`, `failed` | `preliminary` |

use tandoo_core::results::ContestState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Preliminary,
    Determined,
    Annulled,
}

impl Standing {
    pub fn of(state: ContestState) -> Standing {
        match state {
            ContestState::Elected => Standing::Determined,
            ContestState::Invalid | ContestState::Cancelled => Standing::Annulled,
            ContestState::AwaitingProtocols
            | ContestState::Counting
            | ContestState::ResultsBeingDetermined
            | ContestState::AwaitingLot
            | ContestState::Failed => Standing::Preliminary,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Standing::Preliminary => "preliminary",
            Standing::Determined => "determined",
            Standing::Annulled => "annulled",
        }
    }

    /// Whether the result is settled by a resolution either way.
    pub fn is_final(self) -> bool {
        self != Standing::Preliminary
    }
}

/// Core's code for a contest's state, as its views serialise it.
pub fn state_code(state: ContestState) -> &'static str {
    match state {
        ContestState::AwaitingProtocols => "awaiting_protocols",
        ContestState::Counting => "counting",
        ContestState::ResultsBeingDetermined => "results_being_determined",
        ContestState::Elected => "elected",
        ContestState::AwaitingLot => "awaiting_lot",
        ContestState::Failed => "failed",
        ContestState::Invalid => "invalid",
        ContestState::Cancelled => "cancelled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_codes_are_cores_own() {
        for state in [
            ContestState::AwaitingProtocols,
            ContestState::Counting,
            ContestState::ResultsBeingDetermined,
            ContestState::Elected,
            ContestState::AwaitingLot,
            ContestState::Failed,
            ContestState::Invalid,
            ContestState::Cancelled,
        ] {
            assert_eq!(
                serde_json::to_value(state).unwrap(),
                state_code(state),
                "{state:?}"
            );
        }
    }
}

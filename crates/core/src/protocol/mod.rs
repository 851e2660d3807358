//! The polling-station protocol: its figures and the control relations they must satisfy.

mod checks;
mod figures;

pub use checks::{CheckContext, ControlFailure, MAX_FIGURE, Warning, WarningCode, check_protocol};
pub use figures::{AcceptedFigures, Lines, PreliminaryFigures, ProtocolEntry, ProtocolKey};

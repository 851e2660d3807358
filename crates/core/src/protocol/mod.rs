//! The polling-station protocol: its figures and the control relations they must satisfy.

mod checks;
mod figures;
mod form;

pub use checks::{
    CheckContext, ControlFailure, MAX_FIGURE, REGISTER_WARNING, Warning, check_protocol,
};
pub use figures::{AcceptedFigures, PreliminaryFigures, ProtocolEntry, ProtocolKey};
pub use form::{
    AGAINST_ALL, CANDIDATES, FormError, FormLine, LineRoles, ProtocolForm, Relation, Rule, Severity,
};

//! The polling-station protocol: its figures and the control relations they must satisfy.

mod checks;
mod figures;
mod finding;
mod form;

pub use checks::{
    CheckContext, ControlFailure, MAX_FIGURE, REGISTER_WARNING, Warning, check_protocol,
};
pub use figures::{AcceptedFigures, PreliminaryFigures, ProtocolEntry, ProtocolKey};
pub use finding::{Differing, Finding, ProtocolLine, Side, Term};
pub use form::{
    AGAINST_ALL, CANDIDATES, FormError, FormLine, LineRoles, ProtocolForm, Relation, Rule, Severity,
};

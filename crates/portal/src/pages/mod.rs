//! The portal's pages, in every language.

use tandoo_core::State;

use crate::publication::{Edition, Publication};

/// Adds every page in every language to `publication`.
pub fn publish(_state: &State, _edition: &Edition, _publication: &mut Publication) {}

//! tandoo in words: the only crate that knows languages. Core, count, the record and the
//! API speak in stable codes and data; this crate turns them into Kyrgyz, Russian or
//! English for people — refusals, control relations, states, roles, effects, act types,
//! count errors, the protocol form's lines — from Fluent catalogs embedded in the binary,
//! and writes numbers, percentages, money and dates as each language does, and orders
//! names by each language's alphabet.
//!
//! Nothing here decides anything: every figure and every verdict comes from core.

#![forbid(unsafe_code)]

pub mod catalog;
pub mod collate;
pub mod control;
pub mod count;
pub mod date;
pub mod form;
pub mod language;
pub mod listing;
pub mod money;
pub mod number;
pub mod refusal;
pub mod spelled;
pub mod text;
pub mod words;
pub mod written;

/// The arguments of a catalog message, for callers that word a code themselves
/// (`catalog::text(language, "api-BODY_TOO_LARGE", Some(&args))`).
pub use fluent_bundle::FluentArgs;

pub use control::{control_failure, relation_with_figures, warning};
pub use count::count_error;
pub use language::{Language, UnknownLanguage};
pub use listing::list_error;
pub use refusal::refusal;

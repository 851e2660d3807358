//! The story of constituency 13 (2025–2026) as a sequence of submissions, with the rest of
//! the national election generated deterministically, for the demo and the acceptance tests.

#![forbid(unsafe_code)]

mod names;
pub mod plan;
pub mod rng;
pub mod split;
pub mod story;

pub use story::{Step, story};

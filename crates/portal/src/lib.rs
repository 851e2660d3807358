//! The public portal as a **publication**: every page (in each language), JSON and CSV file
//! of the portal at its address, rendered from one state at one head, as immutable bytes
//! with their validators. A live server serves a publication as it is; `tandoo publish`
//! writes it to a directory for any static web server or CDN; both give the same bytes for
//! the same address.
//!
//! Nothing here reads a clock, the record or a network: the caller brings the state, the
//! head it reflects and the time of the publication ([`Edition`]). Words come from
//! `tandoo-present`; figures and verdicts from core.

#![forbid(unsafe_code)]

pub mod address;
pub mod data;
mod publication;

pub use address::{Address, AddressError};
pub use publication::{Asset, Edition, Publication, publish};

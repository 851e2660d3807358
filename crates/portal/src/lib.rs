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
pub mod pages;
mod publication;

pub use address::{Address, AddressError};
pub use publication::{Asset, Edition, Publication};

use tandoo_core::State;

/// The Content-Security-Policy every page of the portal is served with, live or static:
/// nothing but the portal's own files, no inline script or style, no frames, and forms
/// that go only to the portal itself (the as-of picker).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
    base-uri 'none'; frame-ancestors 'none'";

/// Renders the whole portal from `state` (the state of `edition.as_of`, or the present
/// state) at `edition`'s head.
pub fn publish(state: &State, edition: &Edition) -> Publication {
    publish_keeping_stations(state, edition, None)
}

/// As [`publish`], but with the station pages of `kept` (an earlier publication) where it
/// has them, as they were rendered at its head: what a live server does between two full
/// renders, so that a change of the record costs the pages that summarise it, not every
/// station's.
pub fn publish_keeping_stations(
    state: &State,
    edition: &Edition,
    kept: Option<&Publication>,
) -> Publication {
    let mut publication = Publication::new(edition);
    crate::data::publish(state, edition, &mut publication);
    crate::pages::publish(state, edition, kept, &mut publication);
    // Every page in the default language answers its directory too.
    let copies: Vec<(String, Asset)> = publication
        .files()
        .filter(|(file, _)| file.ends_with(&format!(".{}.html", edition.default_language.code())))
        .filter_map(|(file, asset)| Some((address::default_copy_of(file)?, asset.clone())))
        .collect();
    for (file, asset) in copies {
        publication.insert(file, asset);
    }
    publication
}

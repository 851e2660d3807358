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

use std::collections::BTreeSet;

use tandoo_core::State;
use tandoo_core::ids::{ConstituencyNo, StationId};

/// The Content-Security-Policy every page of the portal is served with, live or static:
/// nothing but the portal's own files, no inline script or style, no frames, and forms
/// that go only to the portal itself (the as-of picker).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
    base-uri 'none'; frame-ancestors 'none'";

/// Renders the whole portal from `state` (the state of `edition.as_of`, or the present
/// state) at `edition`'s head.
pub fn publish(state: &State, edition: &Edition) -> Publication {
    publish_since(state, edition, None)
}

/// An earlier publication, and what the acts recorded since it changed: what a live server
/// renders a new publication against, so that a change of the record costs the pages it
/// changed, not every station's.
#[derive(Clone, Copy, Debug)]
pub struct Since<'p> {
    pub earlier: &'p Publication,
    /// The stations the acts since `earlier` were about (see [`tandoo_core::act::Act::station`]),
    /// when every one of those acts was about a single station. The pages of every other
    /// station are taken from `earlier` as they were rendered there: they would be the
    /// same but for the head they name, and the head they name is one at which they were
    /// true and have not changed since.
    pub stations: &'p BTreeSet<(ConstituencyNo, StationId)>,
    /// Take the whole-election data files (the two CSV tables and the NIST report) from
    /// `earlier` too: they are the largest files but one, and change with every protocol,
    /// so a live server makes them again only every few seconds.
    pub keep_bulk_data: bool,
}

/// As [`publish`], but with what did not change taken from an earlier publication (see
/// [`Since`]). Without `since`, every file is rendered.
pub fn publish_since(state: &State, edition: &Edition, since: Option<Since>) -> Publication {
    let mut publication = Publication::new(edition);
    crate::data::publish(state, edition, since, &mut publication);
    crate::pages::publish(state, edition, since, &mut publication);
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

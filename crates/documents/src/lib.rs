//! The commission's official documents, made from the record: a station's precinct
//! protocol (filled in, or blank for election night), a constituency's summary protocol, a
//! resolution with its members' votes, the certificate of election of a recognised deputy,
//! and the list of fees a resolution refunds — in Kyrgyz, Russian or English.
//!
//! A document is made in two steps. [`prepare`] reads the state (as of a legal date, or as it
//! stands) and gives the document's [`Content`]: typed data with every word already in the
//! reader's language, from the catalogs of `tandoo-present`. Its SHA-256 is the document's
//! own digest, printed on every page, so that anyone holding the record can make the same
//! content and compare. [`render`] (the `pdf` feature) sets that content in a typst
//! template of this crate, with the record's head and a QR code of the document's
//! [`Reference`] on every page, and gives PDF bytes that are the same for the same content
//! and head: no creation date, no random identifier.
//!
//! Nothing here decides anything, reads a file or a clock: figures and verdicts come from
//! core's views, the templates and fonts are compiled into the binary.

#![forbid(unsafe_code)]

mod certificate;
mod content;
mod error;
mod protocol;
mod reference;
mod refunds;
mod resolution;
mod sheet;
mod subject;
mod summary;
mod words;

#[cfg(feature = "pdf")]
mod engine;

pub use content::{Content, Reflects, digest, json as content_json, prepare};
pub use error::DocumentError;
pub use reference::{Check, Reference, check};
pub use subject::{Kind, Request, Subject};

/// Sets `content` as a PDF: every page with the record's head and the document's digest,
/// and a QR code of its reference. The same content and head give the same bytes.
#[cfg(feature = "pdf")]
pub fn render(content: &Content, reflects: &Reflects) -> Result<Vec<u8>, DocumentError> {
    engine::render(content, reflects)
}

/// Without the typesetting engine, a document can be prepared and checked but not set.
#[cfg(not(feature = "pdf"))]
pub fn render(_content: &Content, _reflects: &Reflects) -> Result<Vec<u8>, DocumentError> {
    Err(DocumentError::EngineNotBuilt)
}

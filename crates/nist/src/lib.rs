//! The results as a **NIST SP 1500-100 v2.0 election results report** (the Election Results
//! Reporting Common Data Format, JSON), valid against NIST's schema (`schema/`). This is the
//! only crate that knows NIST: the portal publishes the report at `/data/nist/results.json`
//! and `tandoo export --format nist` writes it, both through [`report`].
//!
//! The report is precinct-level: units for the country, each constituency (`Type: other`,
//! `OtherType: constituency`) and each polling station (`polling-place`); an `Election` for
//! each election in the record (a repeat election `Type: other`, `OtherType: repeat`); a
//! `CandidateContest` for each election and constituency, with every candidate's and "against
//! all" votes at every station whose protocol counts and their sum for the contest; the
//! contest's status (`preliminary`, `determined`, `annulled`). What the schema has no field
//! for is an `ExternalIdentifier` of `Type: other` named `tandoo-…`. `docs/open-data.md`
//! gives the whole mapping; [`ids`] the `@id`s.
//!
//! Like the portal, it reads no clock, record or network: the caller brings the state and
//! says when and at which head ([`Issue`]).

#![forbid(unsafe_code)]

mod contest;
pub mod ids;
pub mod model;
mod report;
mod standing;
mod text;
mod units;

pub use model::ElectionReport;
pub use report::{Issue, VENDOR_APPLICATION, report};
pub use standing::Standing;

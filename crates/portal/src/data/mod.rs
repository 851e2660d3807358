//! The open data of a publication: JSON (codes and numbers, no prose), CSV and the NIST
//! SP 1500-100 report.

pub mod tables;

use tandoo_core::State;
use tandoo_core::status::{StatusQuery, StatusView, status};

use crate::publication::{Asset, Edition, Publication};

pub const JSON: &str = "application/json";
pub const CSV: &str = "text/csv; charset=utf-8";

/// Adds the data files to `publication`.
pub fn publish(state: &State, edition: &Edition, publication: &mut Publication) {
    let query = StatusQuery {
        as_of: edition.as_of,
        ..StatusQuery::default()
    };
    // Tables are written to memory; they fail only by a defect, and then are left out.
    if let Ok(bytes) = tables::stations(state) {
        publication.insert("data/stations.csv".into(), Asset::new(bytes, CSV));
    }
    if let Ok(bytes) = tables::candidates(state) {
        publication.insert("data/candidates.csv".into(), Asset::new(bytes, CSV));
    }
    publication.insert("data/nist/results.json".into(), nist(state, edition));
    let Ok(national) = status(state, &query) else {
        return;
    };
    publication.insert("results.json".into(), json(&national));
    if let StatusView::National(view) = &national {
        for seat in &view.constituencies {
            let query = StatusQuery {
                constituency: Some(seat.constituency),
                ..query.clone()
            };
            if let Ok(view) = status(state, &query) {
                publication.insert(format!("results/{}.json", seat.constituency), json(&view));
            }
        }
    }
}

fn nist(state: &State, edition: &Edition) -> Asset {
    let issue = tandoo_nist::Issue {
        as_of: edition.as_of,
        generated_at: &edition.published_at,
        head_seq: edition.head_seq,
        head_hash: &edition.head_hash,
    };
    json(&tandoo_nist::report(state, &issue))
}

fn json(value: &impl serde::Serialize) -> Asset {
    // Views serialise without failing: their maps have string keys.
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    Asset::new(bytes, JSON)
}

//! The open data of a publication: JSON (codes and numbers, no prose), CSV and the NIST
//! SP 1500-100 report.

pub mod tables;

use tandoo_core::State;
use tandoo_core::status::{StatusQuery, StatusView, status};

use crate::Since;
use crate::publication::{Asset, Edition, Publication};

pub const JSON: &str = "application/json";
pub const CSV: &str = "text/csv; charset=utf-8";

/// The whole-election files: one row per station and line, one per candidate, and the
/// NIST report of every station.
pub const BULK: [&str; 3] = [
    "data/stations.csv",
    "data/candidates.csv",
    "data/nist/results.json",
];

/// Adds the data files to `publication`; with `since` keeping bulk data, the whole-election
/// files are taken from the earlier publication.
pub fn publish(
    state: &State,
    edition: &Edition,
    since: Option<Since>,
    publication: &mut Publication,
) {
    let query = StatusQuery {
        as_of: edition.as_of,
        ..StatusQuery::default()
    };
    match since.filter(|since| since.keep_bulk_data) {
        Some(since) => {
            for file in BULK {
                if let Some(asset) = since.earlier.file(file) {
                    publication.insert(file.into(), asset.clone());
                }
            }
        }
        None => bulk(state, edition, publication),
    }
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

fn bulk(state: &State, edition: &Edition, publication: &mut Publication) {
    // Tables are written to memory; they fail only by a defect, and then are left out.
    if let Ok(bytes) = tables::stations(state) {
        publication.insert(BULK[0].into(), Asset::new(bytes, CSV));
    }
    if let Ok(bytes) = tables::candidates(state) {
        publication.insert(BULK[1].into(), Asset::new(bytes, CSV));
    }
    publication.insert(BULK[2].into(), nist(state, edition));
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

//! The open data of a publication: JSON (codes and numbers, no prose) and CSV.

use tandoo_core::State;
use tandoo_core::status::{StatusQuery, StatusView, status};

use crate::publication::{Asset, Edition, Publication};

pub const JSON: &str = "application/json";

/// Adds the data files to `publication`.
pub fn publish(state: &State, edition: &Edition, publication: &mut Publication) {
    let query = StatusQuery {
        as_of: edition.as_of,
        ..StatusQuery::default()
    };
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

fn json(value: &impl serde::Serialize) -> Asset {
    // Views serialise without failing: their maps have string keys.
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    Asset::new(bytes, JSON)
}

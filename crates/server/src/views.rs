//! The public status views, now or as of a legal date, rendered to JSON and cached.
//!
//! "Now" is computed from the ledger's state. "As of a date" needs the acts: they are read
//! from the record the first time someone asks for a date, kept in memory, and extended with
//! the acts appended since at each later request, so a date costs one in-memory replay
//! rather than a read of the whole record. Rendered answers are cached per record head, so
//! a portal showing the same page to many people computes it once per change of the
//! record. Replays run one at a time, so a flood of dates queues rather than
//! multiplying the work.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;
use axum::http::StatusCode;
use tandoo_core::act::Act;
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::national::{constituency_view, national_view};
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_ledger::Service;
use tandoo_record::{AnyRecord, Head, Record};

use crate::error::ApiError;

/// Rendered answers kept at most (each a few kilobytes to a few hundred).
const CACHED_VIEWS: usize = 64;

/// What a status request asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatusQuery {
    pub election: Option<String>,
    pub constituency: Option<u16>,
    pub as_of: Option<LegalDate>,
}

#[derive(Default)]
pub struct Views {
    cache: Mutex<HashMap<(u64, StatusQuery), Bytes>>,
    history: tokio::sync::Mutex<History>,
}

/// Every act of the record up to `head`, decoded.
#[derive(Default)]
struct History {
    acts: Vec<(Stamp, Act)>,
    head: Head,
}

impl Views {
    /// The status JSON (as `tandoo status --json` prints it) for `query`.
    pub async fn status(
        &self,
        ledger: &Service<AnyRecord>,
        query: StatusQuery,
    ) -> Result<Bytes, ApiError> {
        match query.as_of {
            None => {
                let head = ledger.head().await.seq;
                if let Some(hit) = self.cached(head, &query) {
                    return Ok(hit);
                }
                let (seq, rendered) = ledger
                    .read(|state| (state.seq, render(state, &query)))
                    .await;
                let rendered = rendered?;
                self.remember(seq, query, rendered.clone());
                Ok(rendered)
            }
            Some(date) => {
                let head = ledger
                    .record()
                    .head()
                    .await
                    .map_err(|e| ApiError::internal("reading the record's head", e))?
                    .seq;
                if let Some(hit) = self.cached(head, &query) {
                    return Ok(hit);
                }
                let mut history = self.history.lock().await;
                history.extend(ledger.record()).await?;
                if let Some(hit) = self.cached(history.head.seq, &query) {
                    return Ok(hit);
                }
                let state = State::as_of(history.acts.iter().map(|(s, a)| (*s, a)), date)
                    .map_err(|e| ApiError::internal("replaying the record", e))?;
                let rendered = render(&state, &query)?;
                self.remember(history.head.seq, query, rendered.clone());
                Ok(rendered)
            }
        }
    }

    fn cached(&self, head: u64, query: &StatusQuery) -> Option<Bytes> {
        self.lock().get(&(head, query.clone())).cloned()
    }

    fn remember(&self, head: u64, query: StatusQuery, rendered: Bytes) {
        let mut cache = self.lock();
        if cache.len() >= CACHED_VIEWS {
            // Answers for an older record are never asked for again.
            cache.retain(|(h, _), _| *h >= head);
            if cache.len() >= CACHED_VIEWS {
                cache.clear();
            }
        }
        cache.insert((head, query), rendered);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(u64, StatusQuery), Bytes>> {
        self.cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl History {
    /// Reads the acts appended since the last call, verifying every link and hash as a
    /// start-up does.
    async fn extend(&mut self, record: &AnyRecord) -> Result<(), ApiError> {
        let acts = &mut self.acts;
        tandoo_ledger::read::catch_up(record, &mut self.head, |stamp, act| {
            acts.push((stamp, act));
            Ok(())
        })
        .await
        .map_err(|e| ApiError::internal("reading the record", e))
    }
}

fn render(state: &State, query: &StatusQuery) -> Result<Bytes, ApiError> {
    let dated = query
        .as_of
        .map(|d| format!(" as of {d}"))
        .unwrap_or_default();
    let election = match &query.election {
        Some(id) => ElectionId::new(id),
        None => state.main_election().cloned().ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "NO_ELECTION",
                format!("the record holds no election{dated}"),
            )
        })?,
    };
    let json = match query.constituency {
        Some(number) => {
            let view =
                constituency_view(state, &election, ConstituencyNo(number)).ok_or_else(|| {
                    ApiError::new(
                        StatusCode::NOT_FOUND,
                        "UNKNOWN_CONSTITUENCY",
                        format!("election {election} has no constituency {number}{dated}"),
                    )
                })?;
            serde_json::to_vec(&view)
        }
        None => {
            let view = national_view(state, &election).ok_or_else(|| {
                ApiError::new(
                    StatusCode::NOT_FOUND,
                    "UNKNOWN_ELECTION",
                    format!("there is no regular or early election {election}{dated}"),
                )
            })?;
            serde_json::to_vec(&view)
        }
    };
    json.map(Bytes::from)
        .map_err(|e| ApiError::internal("writing the status", e))
}

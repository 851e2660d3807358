//! The public status views, now or as of a legal date, rendered to JSON and cached.
//!
//! "Now" is computed from the ledger's state. "As of a date" needs the acts: they are read
//! from the record the first time someone asks for a date, kept in memory, and extended with
//! the acts appended since at each later request, so a date costs one in-memory replay
//! rather than a read of the whole record. Rendered answers are cached per record head, so
//! a portal showing the same page to many people computes it once per change of the
//! record. Replays run one at a time, so a flood of dates queues rather than
//! multiplying the work.
//!
//! Public reads never wait long on the writer (M5): when the state cannot be read within
//! [`READ_WAIT`] (the writer holds it through a database outage), the last answer rendered
//! for the same question is served, marked with `X-Tandoo-Stale: 1`, and the last head seen
//! stands for the head. A state that went back (behind a head already served) is never
//! shown: the last answer is served instead. Only a question never answered before gets 503.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::StatusCode;
use std::sync::Arc;

use tandoo_core::status::{StatusQuery, status};
use tandoo_core::{LegalDate, State};
use tandoo_ledger::{History, LedgerError, Service};
use tandoo_record::{AnyRecord, Head, Record};
use tokio::time::timeout;

use crate::error::ApiError;

/// Rendered answers kept at most (each a few kilobytes to a few hundred).
const CACHED_VIEWS: usize = 64;
/// The longest a public read waits for the state before serving the last answer.
pub const READ_WAIT: Duration = Duration::from_secs(1);

/// The longest a public read waits for the record's database (a database that does not
/// answer makes the read a 503, not a hung connection).
pub const STORE_WAIT: Duration = Duration::from_secs(3);

/// An answer, and whether it is the last one rendered rather than a fresh one.
pub struct Rendered {
    pub bytes: Bytes,
    pub stale: bool,
    /// The record's head the answer reflects.
    pub head: u64,
}

#[derive(Default)]
pub struct Views {
    cache: Mutex<HashMap<(u64, StatusQuery), Bytes>>,
    /// The last answer to each question of "now", whatever its head.
    last: Mutex<HashMap<StatusQuery, (u64, Bytes)>>,
    /// The highest head served.
    seen: AtomicU64,
    seen_head: Mutex<Head>,
    history: tokio::sync::Mutex<History>,
    /// States as of a date for the staff's result screens, most recently used last: a
    /// replayed state is large, so only [`PAST_STATES`] are kept, each for the record's
    /// head it was replayed at.
    past: Mutex<Vec<PastState>>,
}

/// A state replayed as of a date: the head it was replayed at, the date, the state.
type PastState = ((u64, LegalDate), Arc<State>);

/// Past states kept at once: a few dates looked at by a few people at a time.
const PAST_STATES: usize = 4;

impl Views {
    /// The status JSON (as `tandoo status --json` prints it) for `query`.
    pub async fn status(
        &self,
        ledger: &Service<AnyRecord>,
        query: StatusQuery,
    ) -> Result<Rendered, ApiError> {
        match query.as_of {
            None => {
                let fresh = |bytes, head| Rendered {
                    bytes,
                    stale: false,
                    head,
                };
                let Some(head) = self.head(ledger).await.filter(|h| !h.1) else {
                    return self.last_answer(&query);
                };
                let head = head.0.seq;
                if let Some(hit) = self.cached(head, &query) {
                    return Ok(fresh(hit, head));
                }
                let read = ledger.read(|state| (state.seq, render(state, &query)));
                let Ok((seq, rendered)) = timeout(READ_WAIT, read).await else {
                    return self.last_answer(&query);
                };
                if seq < self.seen.load(Ordering::Relaxed) {
                    // The state went back (a failed rebuild): never show it.
                    return self.last_answer(&query);
                }
                let rendered = rendered?;
                self.remember(seq, query.clone(), rendered.clone());
                self.remember_last(seq, query, rendered.clone());
                Ok(fresh(rendered, seq))
            }
            Some(date) => {
                let head = timeout(STORE_WAIT, ledger.record().head())
                    .await
                    .map_err(|_| {
                        ApiError::database_unavailable("reading the record's head", "no answer")
                    })?
                    .map_err(|e| ApiError::database_unavailable("reading the record's head", e))?
                    .seq;
                if let Some(hit) = self.cached(head, &query) {
                    return Ok(Rendered {
                        bytes: hit,
                        stale: false,
                        head,
                    });
                }
                let mut history = self.history.lock().await;
                extend(&mut history, ledger.record()).await?;
                if let Some(hit) = self.cached(history.head().seq, &query) {
                    return Ok(Rendered {
                        bytes: hit,
                        stale: false,
                        head: history.head().seq,
                    });
                }
                let state = history
                    .state(Some(date))
                    .map_err(|e| ApiError::internal("replaying the record", e))?;
                let rendered = render(&state, &query)?;
                self.remember(history.head().seq, query, rendered.clone());
                Ok(Rendered {
                    bytes: rendered,
                    stale: false,
                    head: history.head().seq,
                })
            }
        }
    }

    /// The state as it stood at the end of `date`, replayed from the record's acts (kept in
    /// memory as for the status "as of"), cached per head and date with the least recently
    /// used dropped first.
    pub async fn state_as_of(
        &self,
        ledger: &Service<AnyRecord>,
        date: LegalDate,
    ) -> Result<Arc<State>, ApiError> {
        let mut history = self.history.lock().await;
        extend(&mut history, ledger.record()).await?;
        let key = (history.head().seq, date);
        {
            let mut past = self
                .past
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(at) = past.iter().position(|(k, _)| *k == key) {
                let hit = past.remove(at);
                let state = Arc::clone(&hit.1);
                past.push(hit);
                return Ok(state);
            }
        }
        let state = Arc::new(
            history
                .state(Some(date))
                .map_err(|e| ApiError::internal("replaying the record", e))?,
        );
        let mut past = self
            .past
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // States of an older head are never asked for again.
        past.retain(|((head, _), _)| *head >= key.0);
        if past.len() >= PAST_STATES {
            past.remove(0);
        }
        past.push((key, Arc::clone(&state)));
        Ok(state)
    }

    /// The ledger's head, or the last one seen when the state cannot be read within
    /// [`READ_WAIT`] (then `true`: it may be behind). `None` before any head was seen.
    pub async fn head(&self, ledger: &Service<AnyRecord>) -> Option<(Head, bool)> {
        let seen = || {
            *self
                .seen_head
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        match timeout(READ_WAIT, ledger.head()).await {
            Ok(head) if head.seq >= self.seen.load(Ordering::Relaxed) => {
                self.seen.fetch_max(head.seq, Ordering::Relaxed);
                *self
                    .seen_head
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = head;
                Some((head, false))
            }
            // Behind what was served already: the state was emptied or rebuilt.
            Ok(_) => Some((seen(), true)),
            Err(_) if self.seen.load(Ordering::Relaxed) > 0 => Some((seen(), true)),
            Err(_) => None,
        }
    }

    fn last_answer(&self, query: &StatusQuery) -> Result<Rendered, ApiError> {
        let last = self
            .last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(query)
            .map(|(seq, bytes)| (*seq, bytes.clone()));
        match last {
            Some((head, bytes)) => Ok(Rendered {
                bytes,
                stale: true,
                head,
            }),
            None => Err(ApiError::database_unavailable(
                "reading the state",
                "the state is held by the writer",
            )),
        }
    }

    fn remember_last(&self, seq: u64, query: StatusQuery, rendered: Bytes) {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if last.len() >= CACHED_VIEWS && !last.contains_key(&query) {
            last.clear();
        }
        last.insert(query, (seq, rendered));
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

/// Reads the acts appended since `history` last looked.
async fn extend(history: &mut History, record: &AnyRecord) -> Result<(), ApiError> {
    history
        .extend(record)
        .await
        .map(|_| ())
        .map_err(|e| match e {
            LedgerError::Record(e) => ApiError::database_unavailable("reading the record", e),
            e => ApiError::internal("reading the record", e),
        })
}

/// The status JSON for `query` from `state` (the state as of `query.as_of`): core's status
/// query, its refusals as 404s with their codes.
fn render(state: &State, query: &StatusQuery) -> Result<Bytes, ApiError> {
    let view = status(state, query).map_err(|refusal| {
        ApiError::new(StatusCode::NOT_FOUND, refusal.code(), refusal.to_string())
    })?;
    serde_json::to_vec(&view)
        .map(Bytes::from)
        .map_err(|e| ApiError::internal("writing the status", e))
}

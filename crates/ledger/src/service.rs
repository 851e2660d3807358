//! The ledger as a service for many concurrent callers (the HTTP server): one writer task
//! decides submissions in arrival order and appends them in **group commits** — every
//! submission waiting when the writer is free goes into one durable transaction — so the
//! cost of a durable write is shared, and no caller is answered before its acts are durable.
//!
//! Before each batch, and every `FOLLOW_INTERVAL` when idle, the writer reads acts that other
//! processes appended to the same record, so several servers can share one record.

use crate::{LedgerError, decode_raw};
use std::sync::Arc;
use std::time::Duration;
use tandoo_core::{Refusal, State, Submission, decide};
use tandoo_record::{ChainVerifier, Hash, Head, Listener, NewEntry, RawEntry, Record, RecordError};
use tokio::sync::{RwLock, mpsc, oneshot};

/// Most submissions in one append.
const MAX_BATCH: usize = 1_000;
/// How often an idle writer looks for acts appended by other processes.
const FOLLOW_INTERVAL: Duration = Duration::from_millis(250);
/// Pending submissions before callers wait for a place in the queue.
const QUEUE: usize = 10_000;

/// Where a submission's acts landed in the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub entries: Vec<(u64, Hash)>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SubmitError {
    #[error("{0}")]
    Refused(Refusal),
    #[error("not recorded: {0}")]
    Unavailable(String),
}

impl SubmitError {
    pub fn code(&self) -> &'static str {
        match self {
            SubmitError::Refused(refusal) => refusal.code(),
            SubmitError::Unavailable(_) => "RECORD_UNAVAILABLE",
        }
    }
}

struct Job {
    submission: Submission,
    reply: oneshot::Sender<Result<Receipt, SubmitError>>,
}

struct Shared<R> {
    record: R,
    state: RwLock<Ledgered>,
}

/// The state with the head of the record it reflects.
struct Ledgered {
    state: State,
    head: Head,
}

/// A handle on the running ledger; cheap to clone.
pub struct Service<R> {
    jobs: mpsc::Sender<Job>,
    shared: Arc<Shared<R>>,
}

impl<R> Clone for Service<R> {
    fn clone(&self) -> Self {
        Service {
            jobs: self.jobs.clone(),
            shared: self.shared.clone(),
        }
    }
}

impl<R: Record + 'static> Service<R> {
    /// Replays `record` and starts the writer task (on the current tokio runtime).
    pub async fn start(record: R) -> Result<Self, LedgerError> {
        // Listen before the first catch-up, so that no append falls between the two.
        let listener = record.listen().await?;
        let mut ledgered = Ledgered {
            state: State::new(),
            head: Head::EMPTY,
        };
        catch_up(&record, &mut ledgered).await?;
        let shared = Arc::new(Shared {
            record,
            state: RwLock::new(ledgered),
        });
        let (jobs, queue) = mpsc::channel(QUEUE);
        tokio::spawn(write_loop(shared.clone(), queue, listener));
        Ok(Service { jobs, shared })
    }

    /// Decides and records one submission; answers once its acts are durable.
    pub async fn submit(&self, submission: Submission) -> Result<Receipt, SubmitError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { submission, reply })
            .await
            .map_err(|_| SubmitError::Unavailable("the ledger has stopped".into()))?;
        answer
            .await
            .map_err(|_| SubmitError::Unavailable("the ledger stopped before answering".into()))?
    }

    /// Runs `view` on the current state (which holds only durable acts).
    pub async fn read<T>(&self, view: impl FnOnce(&State) -> T) -> T {
        view(&self.shared.state.read().await.state)
    }

    pub async fn head(&self) -> Head {
        self.shared.state.read().await.head
    }

    pub fn record(&self) -> &R {
        &self.shared.record
    }
}

/// Applies whatever the record holds beyond the state's head, verifying each act's link
/// and hash on the way.
async fn catch_up<R: Record>(record: &R, ledgered: &mut Ledgered) -> Result<(), LedgerError> {
    crate::replay(record, &mut ledgered.head, &mut ledgered.state).await
}

async fn write_loop<R: Record>(
    shared: Arc<Shared<R>>,
    mut queue: mpsc::Receiver<Job>,
    mut listener: Option<Listener>,
) {
    let mut follow = tokio::time::interval(FOLLOW_INTERVAL);
    follow.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let first = tokio::select! {
            job = queue.recv() => match job {
                Some(job) => job,
                None => return,
            },
            notice = next_notice(&mut listener) => {
                if notice.is_err() {
                    // Notices have stopped; the poll below still follows the record.
                    listener = None;
                }
                follow_record(&shared).await;
                continue;
            }
            _ = follow.tick() => {
                follow_record(&shared).await;
                continue;
            }
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let mut ledgered = shared.state.write().await;
        commit(&shared.record, &mut ledgered, batch).await;
    }
}

/// The next notice of an append by another process; never, without a listener.
async fn next_notice(listener: &mut Option<Listener>) -> Result<Option<u64>, RecordError> {
    match listener {
        Some(listener) => listener.next().await,
        None => std::future::pending().await,
    }
}

/// Applies acts other processes appended. Asks the record's head first, so that an idle
/// server does not hold readers back when nothing is new.
async fn follow_record<R: Record>(shared: &Shared<R>) {
    let known = shared.state.read().await.head;
    if matches!(shared.record.head().await, Ok(head) if head == known) {
        return;
    }
    let mut ledgered = shared.state.write().await;
    let _ = catch_up(&shared.record, &mut ledgered).await;
}

/// Attempts at a batch when another process keeps appending first (only on a store that
/// cannot lock its head across the catch-up).
const ATTEMPTS: usize = 3;

/// Decides a batch, appends what was accepted in one transaction, and answers every caller.
///
/// The catch-up with other processes' acts, the decisions and the append are one step of
/// the record ([`Record::append_following`]): on PostgreSQL the head stays locked
/// throughout, so another server can never append in between. On a store that cannot lock
/// across the catch-up, a batch that meets a stale head is decided again on the rebuilt
/// state a few times before its callers are asked to submit again.
async fn commit<R: Record>(record: &R, ledgered: &mut Ledgered, batch: Vec<Job>) {
    let mut attempt = 1;
    loop {
        let mut decided: Vec<Result<std::ops::Range<usize>, Refusal>> =
            Vec::with_capacity(batch.len());
        let mut broken: Option<String> = None;
        let known = ledgered.head;
        let appended = record
            .append_following(&known, |following| {
                if let Err(error) = follow(ledgered, following) {
                    broken = Some(format!("the record cannot be read: {error}"));
                    return None;
                }
                let mut entries = Vec::new();
                for job in &batch {
                    match decide_and_apply(&mut ledgered.state, &job.submission, &mut entries) {
                        Ok(range) => decided.push(Ok(range)),
                        Err(Decided::Refused(refusal)) => decided.push(Err(refusal)),
                        Err(Decided::Broken(detail)) => {
                            broken = Some(detail);
                            return None;
                        }
                    }
                }
                Some(entries)
            })
            .await;
        match appended {
            Ok(appended) => {
                if let Some(last) = appended.last() {
                    ledgered.head = last.head();
                }
                for (job, outcome) in batch.into_iter().zip(decided) {
                    let answer = match outcome {
                        Ok(range) => Ok(Receipt {
                            entries: appended[range].iter().map(|e| (e.seq, e.hash)).collect(),
                        }),
                        Err(refusal) => Err(SubmitError::Refused(refusal)),
                    };
                    let _ = job.reply.send(answer);
                }
                return;
            }
            Err(error) => {
                // The state may hold acts the record does not: rebuild it from the record,
                // which is the truth.
                rebuild(record, ledgered).await;
                let stale = matches!(error, RecordError::StaleHead { .. });
                if stale && attempt < ATTEMPTS {
                    attempt += 1;
                    continue;
                }
                let detail = match (broken, stale) {
                    (Some(detail), _) => detail,
                    (None, true) => {
                        "other processes kept appending at the same time; submit again".into()
                    }
                    (None, false) => error.to_string(),
                };
                for (job, outcome) in batch
                    .into_iter()
                    .zip(decided.into_iter().map(Some).chain(std::iter::repeat(None)))
                {
                    let answer = match outcome {
                        Some(Err(refusal)) => Err(SubmitError::Refused(refusal)),
                        _ => Err(SubmitError::Unavailable(detail.clone())),
                    };
                    let _ = job.reply.send(answer);
                }
                return;
            }
        }
    }
}

/// Applies the entries another process appended after the state's head, verifying that
/// they continue its chain.
fn follow(ledgered: &mut Ledgered, following: &[RawEntry]) -> Result<(), LedgerError> {
    let mut verifier = ChainVerifier::resume(ledgered.head);
    for entry in following {
        verifier.push_raw(entry).map_err(LedgerError::Broken)?;
        let (stamp, act) = decode_raw(entry)?;
        ledgered
            .state
            .apply(stamp, &act)
            .map_err(|e| LedgerError::DoesNotApply(e.to_string()))?;
        ledgered.head = entry.head();
    }
    Ok(())
}

enum Decided {
    Refused(Refusal),
    /// `apply` rejected an act `decide` produced: a defect, never a user's mistake.
    Broken(String),
}

fn decide_and_apply(
    state: &mut State,
    submission: &Submission,
    entries: &mut Vec<NewEntry>,
) -> Result<std::ops::Range<usize>, Decided> {
    let acts = decide(state, submission).map_err(Decided::Refused)?;
    let actor =
        serde_json::to_value(&submission.actor).map_err(|e| Decided::Broken(e.to_string()))?;
    let start = entries.len();
    for act in acts {
        let stamp = tandoo_core::Stamp {
            seq: state.seq + 1,
            date: submission.date,
        };
        state
            .apply(stamp, &act)
            .map_err(|e| Decided::Broken(format!("an accepted act does not apply: {e}")))?;
        entries.push(NewEntry {
            legal_date: submission.date.to_string(),
            actor: actor.clone(),
            act: serde_json::to_value(&act).map_err(|e| Decided::Broken(e.to_string()))?,
        });
    }
    Ok(start..entries.len())
}

/// Replaces the state by a fresh replay of the record.
async fn rebuild<R: Record>(record: &R, ledgered: &mut Ledgered) {
    let mut fresh = Ledgered {
        state: State::new(),
        head: Head::EMPTY,
    };
    if catch_up(record, &mut fresh).await.is_ok() {
        *ledgered = fresh;
    } else {
        // Keep serving reads from the last durable state we knew; the next batch retries.
        ledgered.state = State::new();
        ledgered.head = Head::EMPTY;
        let _ = catch_up(record, ledgered).await;
    }
}

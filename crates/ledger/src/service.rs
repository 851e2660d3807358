//! The ledger as a service for many concurrent callers (the HTTP server): one writer task
//! decides submissions in arrival order and appends them in **group commits** — every
//! submission waiting when the writer is free goes into one durable transaction — so the
//! cost of a durable write is shared, and no caller is answered before its acts are durable.
//!
//! Two copies of the state are kept. The writer decides and applies on its own copy; the
//! readers' copy receives each act only once it is durable, under a lock held for that
//! in-memory step alone. So no lock is held across the store's I/O, readers never see an act
//! that may still fail, and a failed batch costs a copy of the readers' state, never a replay
//! of the record. During an outage readers keep the last durable state.
//!
//! One submission never fails its neighbours: a refusal is answered to its submitter alone,
//! and so is a defect (an act the rules accepted but the store or `apply` does not take,
//! see [`Defect`]); the rest of the batch is decided again without it and written.
//!
//! Before each batch, and every `FOLLOW_INTERVAL` when idle, the writer reads acts that other
//! processes appended to the same record, so several servers can share one record. If the
//! record ever ends before what this process acknowledged as durable (an older copy put
//! back), or no longer continues it, the writer stops writing rather than hand out the same
//! numbers with other hashes, logs it as an error and reports it in [`Service::health`].

use std::sync::Arc;
use std::time::Duration;

use tandoo_core::act::Act;
use tandoo_core::{Refusal, Stamp, State, Submission};
use tandoo_record::{Hash, Head, Listener, Record, RecordError};
use tokio::sync::{RwLock, mpsc, oneshot};

use crate::LedgerError;
use crate::read::Replayed;
use crate::submission::{Defect, Unstaged, stage};

/// Most submissions in one append.
const MAX_BATCH: usize = 1_000;
/// How often an idle writer looks for acts appended by other processes.
const FOLLOW_INTERVAL: Duration = Duration::from_millis(250);
/// Pending submissions before callers wait for a place in the queue.
const QUEUE: usize = 10_000;
/// Attempts at a batch when another process keeps appending first (only on a store that
/// cannot lock its head across the catch-up).
const ATTEMPTS: usize = 3;

/// Where a submission's acts landed in the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub entries: Vec<(u64, Hash)>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SubmitError {
    /// The rules refused the submission.
    #[error("{0}")]
    Refused(Refusal),
    /// The rules accepted it, but it could not be recorded: a defect of the program.
    #[error("{0}")]
    Defect(Defect),
    /// Nothing was recorded because the record cannot be written now.
    #[error("not recorded: {0}")]
    Unavailable(Unavailable),
}

impl SubmitError {
    pub fn code(&self) -> &'static str {
        match self {
            SubmitError::Refused(refusal) => refusal.code(),
            SubmitError::Defect(defect) => defect.code(),
            SubmitError::Unavailable(_) => "RECORD_UNAVAILABLE",
        }
    }
}

/// Why the record cannot be written now.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Unavailable {
    #[error("the ledger has stopped")]
    Stopped,
    #[error("{0}")]
    Store(RecordError),
    #[error("other processes kept appending at the same time ({attempts} attempts); submit again")]
    Contended { attempts: usize },
    #[error("{0}")]
    Halted(Halt),
}

/// Why the service stopped writing. It does not start again by itself: an operator must
/// find out what happened to the record and restart the server.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Halt {
    /// The record ends before (or elsewhere than) the last entry this process acknowledged
    /// as durable: an older copy was put back, or acts were removed.
    #[error(
        "the record ends at entry {} ({}), but this server acknowledged entry {} ({}) as durable; an older copy may have been put back. Writing has stopped",
        found.seq, found.hash, acknowledged.seq, acknowledged.hash
    )]
    Behind { acknowledged: Head, found: Head },
    /// The entries after the acknowledged head do not continue it, or cannot be read.
    #[error(
        "the record no longer continues entry {} that this server acknowledged: {error}. Writing has stopped",
        acknowledged.seq
    )]
    Diverged {
        acknowledged: Head,
        error: LedgerError,
    },
}

impl Halt {
    pub fn code(&self) -> &'static str {
        match self {
            Halt::Behind { .. } => "RECORD_BEHIND",
            Halt::Diverged { .. } => "RECORD_DIVERGED",
        }
    }
}

/// What the service can say about itself.
#[derive(Debug, Clone)]
pub struct Health {
    /// The last durable entry the readers' state holds.
    pub head: Head,
    /// Set once writing has stopped.
    pub halt: Option<Halt>,
}

struct Job {
    submission: Submission,
    reply: oneshot::Sender<Result<Receipt, SubmitError>>,
}

struct Shared<R> {
    record: R,
    durable: RwLock<Durable>,
}

/// The readers' copy: only durable acts.
struct Durable {
    state: State,
    head: Head,
    halt: Option<Halt>,
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
        let working = Replayed::open(&record).await?;
        let shared = Arc::new(Shared {
            record,
            durable: RwLock::new(Durable {
                state: working.state.clone(),
                head: working.head,
                halt: None,
            }),
        });
        let (jobs, queue) = mpsc::channel(QUEUE);
        let writer = Writer {
            shared: shared.clone(),
            working,
            halt: None,
        };
        tokio::spawn(writer.run(queue, listener));
        Ok(Service { jobs, shared })
    }

    /// Decides and records one submission; answers once its acts are durable.
    pub async fn submit(&self, submission: Submission) -> Result<Receipt, SubmitError> {
        let stopped = || SubmitError::Unavailable(Unavailable::Stopped);
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { submission, reply })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }

    /// Runs `view` on the current state (which holds only durable acts).
    pub async fn read<T>(&self, view: impl FnOnce(&State) -> T) -> T {
        view(&self.shared.durable.read().await.state)
    }

    /// Runs `view` on the current state and the head it reflects, read together.
    pub async fn read_at_head<T>(&self, view: impl FnOnce(&State, Head) -> T) -> T {
        let durable = self.shared.durable.read().await;
        view(&durable.state, durable.head)
    }

    pub async fn head(&self) -> Head {
        self.shared.durable.read().await.head
    }

    /// The durable head, and whether writing has stopped.
    pub async fn health(&self) -> Health {
        let durable = self.shared.durable.read().await;
        Health {
            head: durable.head,
            halt: durable.halt.clone(),
        }
    }

    pub fn record(&self) -> &R {
        &self.shared.record
    }
}

/// The writer task: its own copy of the state, ahead of the readers' only while a batch is
/// being written.
struct Writer<R> {
    shared: Arc<Shared<R>>,
    working: Replayed,
    halt: Option<Halt>,
}

/// What became of one submission of a batch.
enum Outcome {
    /// Its entries, as a range of the batch's entries.
    Staged(std::ops::Range<usize>),
    Refused(Refusal),
    Defect(Defect),
}

/// Why a batch was given up before anything was written.
enum GaveUp {
    /// The acts other processes appended do not continue the state's chain.
    Unfollowable(LedgerError),
    /// Submission `index` left the state changed by a defect: decide the batch again
    /// without it.
    Defect(usize, Defect),
}

impl<R: Record + 'static> Writer<R> {
    async fn run(mut self, mut queue: mpsc::Receiver<Job>, mut listener: Option<Listener>) {
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
                    self.follow().await;
                    continue;
                }
                _ = follow.tick() => {
                    self.follow().await;
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
            self.commit(batch).await;
        }
    }

    /// Applies acts other processes appended. Asks the record's head first, so that an
    /// idle server reads nothing when nothing is new.
    async fn follow(&mut self) {
        if self.halt.is_some() {
            return;
        }
        let known = self.working.head;
        let Ok(head) = self.shared.record.head().await else {
            // The store is out of reach; the next tick tries again.
            return;
        };
        if head == known {
            return;
        }
        if head.seq <= known.seq {
            return self
                .stop(Halt::Behind {
                    acknowledged: known,
                    found: head,
                })
                .await;
        }
        let mut acts = Vec::new();
        let followed = self
            .working
            .catch_up(&self.shared.record, |stamp, act| acts.push((stamp, act)))
            .await;
        self.publish(acts).await;
        match followed {
            Ok(()) | Err(LedgerError::Record(_)) => {}
            Err(error) => {
                self.stop(Halt::Diverged {
                    acknowledged: self.working.head,
                    error,
                })
                .await
            }
        }
    }

    /// Decides a batch, appends what was accepted in one transaction, and answers every
    /// caller.
    ///
    /// The catch-up with other processes' acts, the decisions and the append are one step
    /// of the record ([`Record::append_following`]): on PostgreSQL the head stays locked
    /// throughout, so another server can never append in between. On a store that cannot
    /// lock across the catch-up, a batch that meets a stale head is decided again a few
    /// times before its callers are asked to submit again.
    async fn commit(&mut self, mut jobs: Vec<Job>) {
        let mut attempt = 1;
        loop {
            if let Some(halt) = &self.halt {
                let halted = Unavailable::Halted(halt.clone());
                for job in jobs {
                    let _ = job
                        .reply
                        .send(Err(SubmitError::Unavailable(halted.clone())));
                }
                return;
            }
            let known = self.working.head;
            let mut outcomes: Vec<Outcome> = Vec::with_capacity(jobs.len());
            let mut published: Vec<(Stamp, Act)> = Vec::new();
            let mut gave_up: Option<GaveUp> = None;
            let mut touched = false;
            let shared = self.shared.clone();
            let working = &mut self.working;
            let appended = shared
                .record
                .append_following(&known, |following| {
                    touched = true;
                    let keep = |stamp, act| published.push((stamp, act));
                    if let Err(error) = working.follow(following, keep) {
                        gave_up = Some(GaveUp::Unfollowable(error));
                        return None;
                    }
                    let mut entries = Vec::new();
                    for (index, job) in jobs.iter().enumerate() {
                        match stage(&mut working.state, &job.submission) {
                            Ok(staged) => {
                                let start = entries.len();
                                entries.extend(staged.entries);
                                published.extend(staged.acts);
                                outcomes.push(Outcome::Staged(start..entries.len()));
                            }
                            Err(Unstaged::Refused(refusal)) => {
                                outcomes.push(Outcome::Refused(refusal))
                            }
                            Err(Unstaged::Defect(defect)) if !defect.touched_state() => {
                                outcomes.push(Outcome::Defect(defect))
                            }
                            Err(Unstaged::Defect(defect)) => {
                                gave_up = Some(GaveUp::Defect(index, defect));
                                return None;
                            }
                        }
                    }
                    Some(entries)
                })
                .await;
            let error = match appended {
                Ok(appended) => {
                    if let Some(last) = appended.last() {
                        self.working.head = last.head();
                    }
                    self.publish(published).await;
                    for (job, outcome) in jobs.into_iter().zip(outcomes) {
                        let answer = match outcome {
                            Outcome::Staged(range) => Ok(Receipt {
                                entries: appended[range].iter().map(|e| (e.seq, e.hash)).collect(),
                            }),
                            Outcome::Refused(refusal) => Err(SubmitError::Refused(refusal)),
                            Outcome::Defect(defect) => Err(SubmitError::Defect(defect)),
                        };
                        let _ = job.reply.send(answer);
                    }
                    return;
                }
                Err(error) => error,
            };
            // The working state may hold acts the record does not: start again from the
            // readers' copy, which holds only durable ones.
            if touched {
                self.reset().await;
            }
            match (error, gave_up) {
                (RecordError::Abandoned, Some(GaveUp::Defect(index, defect))) => {
                    let job = jobs.remove(index);
                    let _ = job.reply.send(Err(SubmitError::Defect(defect)));
                }
                (RecordError::Abandoned, Some(GaveUp::Unfollowable(error))) => {
                    self.stop(Halt::Diverged {
                        acknowledged: known,
                        error,
                    })
                    .await;
                }
                (error, _) if error.refused_entry().is_some() => {
                    // The store refused one entry the rules accepted: answer its
                    // submission alone and write the others.
                    let entry = error.refused_entry().unwrap_or_default();
                    let index = outcomes
                        .iter()
                        .position(|o| matches!(o, Outcome::Staged(r) if r.contains(&entry)))
                        .unwrap_or(0);
                    let defect = Defect::NotStorable(error);
                    tracing::error!(code = defect.code(), "{defect}");
                    let job = jobs.remove(index);
                    let _ = job.reply.send(Err(SubmitError::Defect(defect)));
                }
                (RecordError::StaleHead { actual, .. }, _)
                    if actual.seq < known.seq
                        || (actual.seq == known.seq && actual.hash != known.hash) =>
                {
                    self.stop(Halt::Behind {
                        acknowledged: known,
                        found: actual,
                    })
                    .await;
                }
                (RecordError::StaleHead { .. }, _) if attempt < ATTEMPTS => attempt += 1,
                (error, _) => {
                    let unavailable = match error {
                        RecordError::StaleHead { .. } => {
                            Unavailable::Contended { attempts: ATTEMPTS }
                        }
                        other => Unavailable::Store(other),
                    };
                    tracing::warn!("a batch of {} was not recorded: {unavailable}", jobs.len());
                    let outcomes = outcomes
                        .into_iter()
                        .map(Some)
                        .chain(std::iter::repeat_with(|| None));
                    for (job, outcome) in jobs.into_iter().zip(outcomes) {
                        let answer = match outcome {
                            Some(Outcome::Refused(refusal)) => SubmitError::Refused(refusal),
                            Some(Outcome::Defect(defect)) => SubmitError::Defect(defect),
                            _ => SubmitError::Unavailable(unavailable.clone()),
                        };
                        let _ = job.reply.send(Err(answer));
                    }
                    return;
                }
            }
            if jobs.is_empty() {
                return;
            }
        }
    }

    /// Hands durable acts on to the readers' copy.
    async fn publish(&self, acts: Vec<(Stamp, Act)>) {
        if acts.is_empty() {
            return;
        }
        let mut durable = self.shared.durable.write().await;
        for (stamp, act) in &acts {
            if let Err(error) = durable.state.apply(*stamp, act) {
                // The same acts applied to the same state cannot fail; if they ever do,
                // the writer's copy is the one that followed the record.
                tracing::error!(
                    code = error.code(),
                    "the readers' state did not take act {}: {error}",
                    stamp.seq
                );
                durable.state = self.working.state.clone();
                break;
            }
        }
        durable.head = self.working.head;
    }

    /// Makes the writer's copy the readers' one again.
    async fn reset(&mut self) {
        let durable = self.shared.durable.read().await;
        self.working.state = durable.state.clone();
        self.working.head = durable.head;
    }

    async fn stop(&mut self, halt: Halt) {
        tracing::error!(code = halt.code(), "{halt}");
        self.shared.durable.write().await.halt = Some(halt.clone());
        self.halt = Some(halt);
    }
}

/// The next notice of an append by another process; never, without a listener.
async fn next_notice(listener: &mut Option<Listener>) -> Result<Option<u64>, RecordError> {
    match listener {
        Some(listener) => listener.next().await,
        None => std::future::pending().await,
    }
}

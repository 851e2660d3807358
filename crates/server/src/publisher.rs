//! The portal's publications, made by tasks, never by a request.
//!
//! **The present.** Requests look up the publication one task last made. The task polls
//! the ledger's head every [`POLL`]; when it changed it clones the state (short, under the
//! ledger's read lock) and renders outside the lock on a blocking thread, so the writer never
//! waits for a render. Changes that come faster than a poll are coalesced into one
//! publication.
//!
//! **A past legal date.** The state as of a date needs the acts, so a second task keeps them
//! in memory (read from the record once, then extended with what was appended) and makes
//! the publication of a date when a reader first asks for it. It keeps the last
//! [`PAST_EDITIONS`] it made, and drops one only when an act of that date or earlier was
//! recorded since (on election night the new acts are of today, so yesterday's stays).
//! Requests for dates are answered in turn, so readers asking for the same date wait for one
//! render, and a flood of dates slows only the past, never the present.

use std::collections::{BTreeSet, VecDeque};
use std::sync::{Arc, Weak};
use std::time::Duration;

use tandoo_core::act::Act;
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_ledger::Service;
use tandoo_portal::{Edition, Publication, publish};
use tandoo_present::Language;
use tandoo_record::{AnyRecord, Head, Record};
use tokio::sync::{mpsc, oneshot, watch};

/// How often the head is looked at: at most five publications a second.
pub const POLL: Duration = Duration::from_millis(200);
/// How often a live server renders every station's pages again; between, a publication
/// takes them from the one before (they change only with their station's protocol, and
/// they are nine tenths of a publication's bytes).
pub const STATION_PAGES_EVERY: Duration = Duration::from_secs(5);
/// Publications of past dates kept at once.
pub const PAST_EDITIONS: usize = 16;
/// Requests for past dates waiting at most; beyond, a reader is asked to come back.
const PAST_QUEUE: usize = 64;
/// The longest a reader waits for the publication of a past date.
pub const PAST_WAIT: Duration = Duration::from_secs(15);

/// Entries read at once for their dates.
const DATES_PAGE: usize = 10_000;

/// The current publication, and the way to ask for a past date's, shared by the handlers.
#[derive(Clone)]
pub struct Publisher {
    current: watch::Receiver<Arc<Publication>>,
    past: mpsc::Sender<Asked>,
}

/// Why a past date's publication is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PastError {
    #[error("too many readers are asking for past dates at the moment")]
    Busy,
    #[error("the publication of the date was not made in time")]
    Late,
    #[error("the server is stopping")]
    Stopped,
}

/// The ends the tasks keep: the present's sender and the past's queue.
pub(crate) struct Ends {
    present: watch::Sender<Arc<Publication>>,
    past: mpsc::Receiver<Asked>,
}

struct Asked {
    date: LegalDate,
    reply: oneshot::Sender<Arc<Publication>>,
}

impl Publisher {
    /// Makes the first publication now, so the portal answers from the first request;
    /// [`follow`] keeps it current with the ends.
    pub(crate) async fn first(ledger: &Service<AnyRecord>) -> (Publisher, Ends) {
        // The dates a reader can pick come with the follower's first look at the record,
        // so that opening a record does not read it twice.
        let first = render_present(ledger, Vec::new(), None).await;
        let (present, current) = watch::channel(Arc::new(first));
        let (asks, past) = mpsc::channel(PAST_QUEUE);
        let publisher = Publisher {
            current,
            past: asks,
        };
        (publisher, Ends { present, past })
    }

    /// The publication of the present state.
    pub fn current(&self) -> Arc<Publication> {
        self.current.borrow().clone()
    }

    /// A receiver that wakes at each new publication (the server-sent events).
    pub fn subscribe(&self) -> watch::Receiver<Arc<Publication>> {
        self.current.clone()
    }

    /// The publication of the state as of `date`, made by the past's task.
    pub async fn as_of(&self, date: LegalDate) -> Result<Arc<Publication>, PastError> {
        let (reply, answer) = oneshot::channel();
        self.past
            .try_send(Asked { date, reply })
            .map_err(|e| match e {
                mpsc::error::TrySendError::Full(_) => PastError::Busy,
                mpsc::error::TrySendError::Closed(_) => PastError::Stopped,
            })?;
        match tokio::time::timeout(PAST_WAIT, answer).await {
            Ok(Ok(publication)) => Ok(publication),
            Ok(Err(_)) => Err(PastError::Stopped),
            Err(_) => Err(PastError::Late),
        }
    }
}

/// Follows the record for as long as the server (`owner`, which holds the ledger) runs.
pub(crate) fn follow<T: Send + Sync + 'static>(
    owner: Weak<T>,
    ledger_of: fn(&T) -> &Service<AnyRecord>,
    ends: Ends,
) {
    tokio::spawn(follow_present(owner.clone(), ledger_of, ends.present));
    tokio::spawn(answer_past(owner, ledger_of, ends.past));
}

async fn follow_present<T: Send + Sync + 'static>(
    owner: Weak<T>,
    ledger_of: fn(&T) -> &Service<AnyRecord>,
    sender: watch::Sender<Arc<Publication>>,
) {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut dates = Dates::default();
    // The first publication (made at opening) rendered every page.
    let mut last_full = tokio::time::Instant::now();
    // The number of dates the pages rendered in full offer (none in the first).
    let mut dated = 0;
    loop {
        tick.tick().await;
        let Some(owner) = owner.upgrade() else {
            return;
        };
        let ledger = ledger_of(&owner);
        let head = ledger.head().await.seq;
        let known = dates.head.seq;
        if let Err(e) = dates.extend(ledger.record()).await {
            tracing::warn!("the portal cannot read the record's dates: {e}");
        }
        let shown = sender.borrow().head_seq;
        if head == shown && dates.head.seq == known {
            continue;
        }
        // Station pages are rendered again at most every STATION_PAGES_EVERY; in between
        // they are taken from the last publication, each naming the head it shows.
        // Every page offers the dates a reader can pick: a new date renders them all.
        let full = last_full.elapsed() >= STATION_PAGES_EVERY || dates.dates.len() != dated;
        let kept = (!full).then(|| sender.borrow().clone());
        let publication = render_present(ledger, dates.list(), kept).await;
        if full {
            last_full = tokio::time::Instant::now();
            dated = dates.dates.len();
        }
        // A state never goes back behind a publication already shown.
        if publication.head_seq >= sender.borrow().head_seq {
            sender.send_replace(Arc::new(publication));
        }
    }
}

async fn answer_past<T: Send + Sync + 'static>(
    owner: Weak<T>,
    ledger_of: fn(&T) -> &Service<AnyRecord>,
    mut asks: mpsc::Receiver<Asked>,
) {
    let mut history = Some(History::default());
    let mut editions: VecDeque<Arc<Publication>> = VecDeque::new();
    while let Some(asked) = asks.recv().await {
        let Some(owner) = owner.upgrade() else {
            return;
        };
        let Some(mut kept) = history.take() else {
            return;
        };
        match kept.extend(ledger_of(&owner).record()).await {
            // An act of a date or earlier changes that date's state.
            Ok(Some(earliest)) => editions.retain(|e| e.as_of.is_some_and(|d| d < earliest)),
            Ok(None) => {}
            Err(e) => tracing::warn!("the portal cannot read the record's acts: {e}"),
        }
        if let Some(at) = editions.iter().position(|e| e.as_of == Some(asked.date)) {
            drop(owner);
            let edition = editions.remove(at).unwrap_or_default();
            editions.push_back(edition.clone());
            let _ = asked.reply.send(edition);
            history = Some(kept);
            continue;
        }
        let published_at = time_of(ledger_of(&owner).record(), kept.head).await;
        drop(owner);
        let date = asked.date;
        let rendered = tokio::task::spawn_blocking(move || {
            let publication = kept.publish(date, published_at);
            (kept, publication)
        })
        .await;
        let Ok((kept, publication)) = rendered else {
            tracing::error!("rendering the portal as of {date} failed");
            history = Some(History::default());
            continue;
        };
        history = Some(kept);
        let Some(publication) = publication else {
            continue;
        };
        let publication = Arc::new(publication);
        if editions.len() == PAST_EDITIONS {
            editions.pop_front();
        }
        editions.push_back(publication.clone());
        let _ = asked.reply.send(publication);
    }
}

async fn render_present(
    ledger: &Service<AnyRecord>,
    dates: Vec<LegalDate>,
    kept: Option<Arc<Publication>>,
) -> Publication {
    // Cloning under the read lock is a copy of memory; rendering every page takes longer,
    // so it happens after the lock is released.
    let (state, head) = ledger
        .read_at_head(|state, head| (state.clone(), head))
        .await;
    let recorded_at = time_of(ledger.record(), head).await;
    let edition = edition(head, recorded_at, None, dates);
    tokio::task::spawn_blocking(move || {
        tandoo_portal::publish_keeping_stations(&state, &edition, kept.as_deref())
    })
    .await
    .unwrap_or_default()
}

/// When the entry at `head` was recorded (empty for an empty record): the time a
/// publication shows, so that it is a function of the record alone and `tandoo publish`
/// writes the same bytes as a live server serves.
async fn time_of(record: &AnyRecord, head: Head) -> String {
    if head.seq == 0 {
        return String::new();
    }
    match record.read_raw(head.seq, 1).await {
        Ok(entries) => entries
            .into_iter()
            .next()
            .map(|e| e.recorded_at)
            .unwrap_or_default(),
        Err(e) => {
            tracing::warn!("the portal cannot read the time of entry {}: {e}", head.seq);
            String::new()
        }
    }
}

fn edition(
    head: Head,
    published_at: String,
    as_of: Option<LegalDate>,
    dates: Vec<LegalDate>,
) -> Edition {
    Edition {
        head_seq: head.seq,
        head_hash: head.hash.to_hex(),
        published_at,
        as_of,
        dates,
        default_language: Language::Ky,
        commission_key: None,
    }
}

/// The legal dates on which the record changed something, up to `head`.
#[derive(Default)]
struct Dates {
    head: Head,
    dates: BTreeSet<LegalDate>,
}

impl Dates {
    /// Reads the dates of the entries appended since the last call; their acts are not
    /// decoded (the ledger has them).
    async fn extend(&mut self, record: &AnyRecord) -> Result<(), tandoo_record::RecordError> {
        loop {
            let page = record.read_raw(self.head.seq + 1, DATES_PAGE).await?;
            let Some(last) = page.last() else {
                return Ok(());
            };
            self.head = last.head();
            self.dates.extend(
                page.iter()
                    .filter_map(|e| e.legal_date.parse::<LegalDate>().ok()),
            );
        }
    }

    fn list(&self) -> Vec<LegalDate> {
        self.dates.iter().copied().collect()
    }
}

/// Every act of the record up to `head`, decoded, and their dates.
#[derive(Default)]
struct History {
    acts: Vec<(Stamp, Act)>,
    head: Head,
    dates: BTreeSet<LegalDate>,
}

impl History {
    /// Reads the acts appended since the last call; the earliest legal date among them.
    async fn extend(
        &mut self,
        record: &AnyRecord,
    ) -> Result<Option<LegalDate>, tandoo_ledger::LedgerError> {
        let (acts, dates) = (&mut self.acts, &mut self.dates);
        let mut earliest: Option<LegalDate> = None;
        tandoo_ledger::read::catch_up(record, &mut self.head, |stamp, act| {
            earliest = Some(earliest.map_or(stamp.date, |e| e.min(stamp.date)));
            dates.insert(stamp.date);
            acts.push((stamp, act));
            Ok(())
        })
        .await?;
        Ok(earliest)
    }

    /// The publication of the state as of `date`, at this history's head; none when the
    /// acts do not replay (the ledger would not have started on such a record).
    fn publish(&self, date: LegalDate, published_at: String) -> Option<Publication> {
        let state = State::as_of(self.acts.iter().map(|(s, a)| (*s, a)), date)
            .inspect_err(|e| tracing::error!("replaying the record as of {date}: {e}"))
            .ok()?;
        let dates = self.dates.iter().copied().collect();
        let edition = edition(self.head, published_at, Some(date), dates);
        Some(publish(&state, &edition))
    }
}

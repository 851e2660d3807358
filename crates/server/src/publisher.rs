//! The portal's publications, made by tasks, never by a request.
//!
//! **The present.** Requests look up the publication one task last made. The task polls
//! the ledger's head every [`POLL`]; when it changed it clones the state (short, under the
//! ledger's read lock) and renders outside the lock on a blocking thread, so the writer never
//! waits for a render. Changes that come faster than a poll are coalesced into one
//! publication. It reads the acts recorded since its last publication: when each was about
//! one station (a protocol entered or accepted, an incident), only those stations' pages are
//! rendered again and the others are kept as rendered; any other act renders every page. The
//! whole-election data files are made again at most every [`BULK_DATA_EVERY`], and once the
//! record has been still for [`SETTLE`], a publication that kept anything is made again in
//! full: at rest, a live server gives the bytes `tandoo publish` writes.
//!
//! **A past legal date.** The state as of a date needs the acts, so a second task keeps them
//! in memory (a [`History`], read from the record once, then extended with what was
//! appended) and makes the publication of a date when a reader first asks for it. It keeps
//! the last [`PAST_EDITIONS`] it made, and drops one only when an act of that date or
//! earlier was recorded since (on election night the new acts are of today, so yesterday's
//! stays). Requests for dates are answered in turn, so readers asking for the same date wait
//! for one render, and a flood of dates slows only the past, never the present.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Arc, Weak};
use std::time::Duration;

use tandoo_core::LegalDate;
use tandoo_core::ids::{ConstituencyNo, StationId};
use tandoo_ledger::{History, Service};
use tandoo_portal::{Edition, Publication, Since, publish, publish_since};
use tandoo_present::Language;
use tandoo_record::{AnyRecord, Head, Record};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;

/// How often the head is looked at: at most five publications a second.
pub const POLL: Duration = Duration::from_millis(200);
/// How often the whole-election data files (the CSV tables, the NIST report) are made
/// again while the record changes; between, a publication takes them from the one before.
pub const BULK_DATA_EVERY: Duration = Duration::from_secs(5);
/// How long the record stays still before a publication that kept files is made again in
/// full (with the whole-election data of the head, and every page naming it).
pub const SETTLE: Duration = Duration::from_secs(2);
/// Publications of past dates kept at once.
pub const PAST_EDITIONS: usize = 16;
/// Requests for past dates waiting at most; beyond, a reader is asked to come back.
const PAST_QUEUE: usize = 64;
/// The longest a reader waits for the publication of a past date.
pub const PAST_WAIT: Duration = Duration::from_secs(15);

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
        let first = render_present(ledger).await;
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
    let mut changes = Changes::default();
    // The first publication (made at opening) rendered every page, but offered no dates.
    let mut shown = Shown {
        complete: true,
        at: Instant::now(),
        bulk_data_at: Instant::now(),
        dates: Vec::new(),
    };
    loop {
        tick.tick().await;
        let Some(owner) = owner.upgrade() else {
            return;
        };
        let ledger = ledger_of(&owner);
        let current = sender.borrow().clone();
        if let Err(e) = changes.extend(ledger.record()).await {
            tracing::warn!("the portal cannot read the record's acts: {e}");
        }
        changes.forget_through(current.head_seq);
        let head = ledger.head().await.seq;
        let settle = !shown.complete && shown.at.elapsed() >= SETTLE;
        if head == current.head_seq && !settle && changes.dates_through(head) == shown.dates {
            continue;
        }
        // Cloning under the read lock is a copy of memory; rendering takes longer, so it
        // happens after the lock is released.
        let (state, head) = ledger
            .read_at_head(|state, head| (state.clone(), head))
            .await;
        // The record holds every act the state has: read up to its head, to know them all.
        if changes.head.seq < head.seq
            && let Err(e) = changes.extend(ledger.record()).await
        {
            tracing::warn!("the portal cannot read the record's acts: {e}");
        }
        let dates = changes.dates_through(head.seq);
        let stations = (!settle && dates == shown.dates)
            .then(|| changes.stations_between(current.head_seq, head.seq))
            .flatten();
        let keep_bulk_data = stations.is_some() && shown.bulk_data_at.elapsed() < BULK_DATA_EVERY;
        let recorded_at = time_of(ledger.record(), head).await;
        drop(owner);
        let edition = edition(head, recorded_at, None, dates.clone());
        let complete = stations.is_none();
        let earlier = current.clone();
        let rendered = tokio::task::spawn_blocking(move || {
            let since = stations.as_ref().map(|stations| Since {
                earlier: &earlier,
                stations,
                keep_bulk_data,
            });
            publish_since(&state, &edition, since)
        })
        .await;
        let Ok(publication) = rendered else {
            tracing::error!("rendering the portal at entry {} failed", head.seq);
            continue;
        };
        shown.complete = complete;
        shown.at = Instant::now();
        if !keep_bulk_data {
            shown.bulk_data_at = shown.at;
        }
        shown.dates = dates;
        // A state never goes back behind a publication already shown.
        if publication.head_seq >= sender.borrow().head_seq {
            sender.send_replace(Arc::new(publication));
        }
    }
}

/// What the present's task last published, beyond the publication itself.
struct Shown {
    /// Whether it rendered every file (kept none from the one before).
    complete: bool,
    /// When it was made, and when its whole-election data files were.
    at: Instant,
    bulk_data_at: Instant,
    /// The dates its pages offer.
    dates: Vec<LegalDate>,
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
        let published_at = time_of(ledger_of(&owner).record(), kept.head()).await;
        drop(owner);
        let date = asked.date;
        let rendered = tokio::task::spawn_blocking(move || {
            let publication = publish_past(&kept, date, published_at);
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

async fn render_present(ledger: &Service<AnyRecord>) -> Publication {
    let (state, head) = ledger
        .read_at_head(|state, head| (state.clone(), head))
        .await;
    let recorded_at = time_of(ledger.record(), head).await;
    let edition = edition(head, recorded_at, None, Vec::new());
    tokio::task::spawn_blocking(move || publish(&state, &edition))
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

/// The acts the present's task has read: the dates they bear, and which stations the acts
/// not yet in a publication were about.
#[derive(Default)]
struct Changes {
    /// The last entry read.
    head: Head,
    /// Each legal date on which the record changed something, with its first entry.
    dates: BTreeMap<LegalDate, u64>,
    /// The acts read and not yet in a publication: each entry's number, and the station it
    /// was about when it was about one only.
    pending: VecDeque<(u64, Option<(ConstituencyNo, StationId)>)>,
}

impl Changes {
    /// Reads the acts appended since the last call, verifying them as a start-up does.
    async fn extend(&mut self, record: &AnyRecord) -> Result<(), tandoo_ledger::LedgerError> {
        let (dates, pending) = (&mut self.dates, &mut self.pending);
        tandoo_ledger::read::catch_up(record, &mut self.head, |stamp, act| {
            dates.entry(stamp.date).or_insert(stamp.seq);
            pending.push_back((stamp.seq, act.station()));
            Ok(())
        })
        .await
    }

    /// Forgets the acts up to entry `seq`: a publication shows them.
    fn forget_through(&mut self, seq: u64) {
        while self.pending.front().is_some_and(|(at, _)| *at <= seq) {
            self.pending.pop_front();
        }
    }

    /// The dates of the entries up to `seq`, oldest first.
    fn dates_through(&self, seq: u64) -> Vec<LegalDate> {
        self.dates
            .iter()
            .filter(|(_, first)| **first <= seq)
            .map(|(date, _)| *date)
            .collect()
    }

    /// The stations the acts after entry `after` up to `through` were about; none when
    /// one of them was about more than one station, or when they were not all read.
    fn stations_between(
        &self,
        after: u64,
        through: u64,
    ) -> Option<BTreeSet<(ConstituencyNo, StationId)>> {
        if self.head.seq < through {
            return None;
        }
        if after < through && self.pending.front().is_none_or(|(seq, _)| *seq > after + 1) {
            // Acts after `after` were forgotten or never read: what they changed is unknown.
            return None;
        }
        self.pending
            .iter()
            .filter(|(seq, _)| *seq > after && *seq <= through)
            .map(|(_, station)| *station)
            .collect()
    }
}

/// The publication of the state as of `date` at `history`'s head; none when the acts do
/// not replay (the ledger would not have started on such a record).
fn publish_past(history: &History, date: LegalDate, published_at: String) -> Option<Publication> {
    let state = history
        .state(Some(date))
        .inspect_err(|e| tracing::error!("replaying the record as of {date}: {e}"))
        .ok()?;
    let edition = edition(history.head(), published_at, Some(date), history.dates());
    Some(publish(&state, &edition))
}

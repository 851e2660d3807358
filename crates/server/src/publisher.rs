//! The portal's publication, kept current by one task.
//!
//! Requests never render and never read the database for the present state: they look
//! up the publication this task last made. The task polls the ledger's head every
//! [`POLL`]; when it changed it clones the state (short, under the ledger's read lock) and
//! renders outside the lock on a blocking thread, so the writer never waits for a render.
//! Changes that come faster than a poll are coalesced into one publication.

use std::sync::{Arc, Weak};
use std::time::Duration;

use tandoo_ledger::Service;
use tandoo_portal::{Edition, Publication, publish};
use tandoo_present::Language;
use tandoo_record::AnyRecord;
use tokio::sync::watch;

use crate::clock::Clock;

/// How often the head is looked at: at most five publications a second.
pub const POLL: Duration = Duration::from_millis(200);

/// The current publication, shared by the handlers.
#[derive(Clone)]
pub struct Publisher {
    current: watch::Receiver<Arc<Publication>>,
}

impl Publisher {
    /// Makes the first publication now, so the portal answers from the first request;
    /// [`follow`] keeps it current with the sender.
    pub(crate) async fn first(
        ledger: &Service<AnyRecord>,
        clock: &dyn Clock,
    ) -> (Publisher, watch::Sender<Arc<Publication>>) {
        let first = render(ledger, clock).await;
        let (sender, current) = watch::channel(Arc::new(first));
        (Publisher { current }, sender)
    }

    /// The publication of the present state.
    pub fn current(&self) -> Arc<Publication> {
        self.current.borrow().clone()
    }

    /// A receiver that wakes at each new publication (the server-sent events).
    pub fn subscribe(&self) -> watch::Receiver<Arc<Publication>> {
        self.current.clone()
    }
}

/// Follows the record for as long as the server (`owner`, which holds the ledger) runs.
pub(crate) fn follow<T: Send + Sync + 'static>(
    owner: Weak<T>,
    ledger_of: fn(&T) -> &Service<AnyRecord>,
    clock: Arc<dyn Clock>,
    sender: watch::Sender<Arc<Publication>>,
) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(POLL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let Some(owner) = owner.upgrade() else {
                return;
            };
            let ledger = ledger_of(&owner);
            let head = ledger.head().await.seq;
            if head == sender.borrow().head_seq {
                continue;
            }
            let publication = render(ledger, clock.as_ref()).await;
            // A state never goes back behind a publication already shown.
            if publication.head_seq > sender.borrow().head_seq {
                sender.send_replace(Arc::new(publication));
            }
        }
    });
}

async fn render(ledger: &Service<AnyRecord>, clock: &dyn Clock) -> Publication {
    let head = ledger.head().await;
    // Cloning under the read lock is a copy of memory; rendering every page takes longer,
    // so it happens after the lock is released.
    let state = ledger.read(|state| state.clone()).await;
    let edition = Edition {
        head_seq: head.seq,
        head_hash: head.hash.to_hex(),
        published_at: crate::audit::utc_time(clock.now()),
        as_of: None,
        dates: Vec::new(),
        default_language: Language::Ky,
        commission_key: None,
    };
    tokio::task::spawn_blocking(move || publish(&state, &edition))
        .await
        .unwrap_or_default()
}

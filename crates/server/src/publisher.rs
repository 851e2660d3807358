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
        published_at: rfc3339(clock.now()),
        as_of: None,
        dates: Vec::new(),
        default_language: Language::Ky,
        commission_key: None,
    };
    tokio::task::spawn_blocking(move || publish(&state, &edition))
        .await
        .unwrap_or_default()
}

/// Unix seconds as RFC 3339 in UTC: `2026-03-01T18:04:05Z`.
pub fn rfc3339(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let second_of_day = seconds.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_are_written_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_772_388_245), "2026-03-01T18:04:05Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}

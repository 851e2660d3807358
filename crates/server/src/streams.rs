//! A bound on the connections that stay open for as long as a page is: the event
//! streams of the portal (see `events`).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The streams open now, of at most `limit`: each holds a connection for as long as its
/// page is open, so they may take only a part of the server's connections, and the
/// rest stays for requests.
#[derive(Clone, Debug)]
pub struct Streams {
    open: Arc<AtomicUsize>,
    limit: usize,
}

impl Streams {
    pub fn new(limit: usize) -> Streams {
        Streams {
            open: Arc::new(AtomicUsize::new(0)),
            limit,
        }
    }

    /// A place among the open streams, or none when all are taken.
    pub(crate) fn take(&self) -> Option<Place> {
        let taken = self
            .open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.limit).then_some(n + 1)
            });
        taken.ok().map(|_| Place(self.open.clone()))
    }
}

/// Held by one stream; its place is given back when the stream ends.
pub(crate) struct Place(Arc<AtomicUsize>);

impl Drop for Place {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

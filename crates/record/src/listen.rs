//! Learning of appends made by other processes without polling for them.

use sqlx::postgres::PgListener;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::error::RecordError;

/// The channel a PostgreSQL record announces each append on; the payload is the number of
/// the last entry appended, in decimal.
pub const NOTIFY_CHANNEL: &str = "tandoo_record";

/// Notices not yet taken. A notice is only a wake-up call, so when this many wait, newer
/// ones are dropped: whoever wakes reads everything anyway.
const PENDING: usize = 64;

/// Notices of appends to a record, from any process; see [`crate::Record::listen`].
///
/// A notice is a wake-up call, not a delivery: read the record from your own head when one
/// arrives. Notices can be lost (a dropped connection), so keep a slow poll as well.
#[derive(Debug)]
pub struct Listener {
    notices: mpsc::Receiver<Result<Option<u64>, RecordError>>,
    task: JoinHandle<()>,
}

impl Listener {
    /// Listens on `inner` (already subscribed) from a task of its own, so that waiting for
    /// a notice never leaves the connection half-read when the wait is abandoned.
    pub(crate) fn spawn(mut inner: PgListener) -> Listener {
        let (send, notices) = mpsc::channel(PENDING);
        let task = tokio::spawn(async move {
            loop {
                let notice = match inner.try_recv().await {
                    Ok(Some(notice)) => Ok(notice.payload().parse().ok()),
                    Ok(None) => Ok(None),
                    Err(e) => Err(RecordError::store("waiting for notices of appends")(e)),
                };
                let failed = notice.is_err();
                match send.try_send(notice) {
                    Err(mpsc::error::TrySendError::Closed(_)) => return,
                    Ok(()) | Err(mpsc::error::TrySendError::Full(_)) => {}
                }
                if failed {
                    return;
                }
            }
        });
        Listener { notices, task }
    }

    /// Waits for the next notice. `Some(seq)`: an append made the record reach entry `seq`.
    /// `None`: notices may have been missed (the connection to the database was lost and
    /// has been re-established); read from your head anyway. An error ends the notices.
    ///
    /// Cancel-safe: it can be one branch of a `tokio::select!` without losing a notice.
    pub async fn next(&mut self) -> Result<Option<u64>, RecordError> {
        match self.notices.recv().await {
            Some(notice) => notice,
            None => Err(RecordError::Store {
                action: "waiting for notices of appends",
                detail: "the listening connection has stopped".into(),
            }),
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

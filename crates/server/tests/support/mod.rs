//! What the server's tests share.

use std::task::Poll;

use tandoo_core::Submission;
use tandoo_ledger::{Receipt, Service, SubmitError};
use tandoo_record::AnyRecord;

/// Submits everything at once, so that group commit batches it, yet in order: every
/// submission is queued before the next is, and the ledger decides them in that order.
pub async fn submit_in_order(
    ledger: &Service<AnyRecord>,
    submissions: Vec<Submission>,
) -> Vec<Result<Receipt, SubmitError>> {
    let mut pending: Vec<_> = submissions
        .into_iter()
        .map(|submission| Box::pin(ledger.submit(submission)))
        .collect();
    let mut answers: Vec<Option<Result<Receipt, SubmitError>>> =
        pending.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut finished = true;
        for (future, answer) in pending.iter_mut().zip(answers.iter_mut()) {
            if answer.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(done) => *answer = Some(done),
                    Poll::Pending => finished = false,
                }
            }
        }
        if finished {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    answers.into_iter().flatten().collect()
}

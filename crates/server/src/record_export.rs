//! `/data/record.jsonl`: the record as anyone may read it, one entry a line, up to the head
//! of the portal's current publication — the bytes `tandoo export --public` writes for the
//! same record, and that `tandoo publish` puts at the same address.
//!
//! Unlike the rest of the portal it is not held in memory (a record of a million acts is a
//! gigabyte): it is streamed from the store a chunk at a time, and only
//! `app::CONCURRENT_EXPORTS` at once, so downloads cannot crowd out the writer or the pages.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use tandoo_ledger::Service;
use tandoo_record::{AnyRecord, Record};
use tokio::sync::OwnedSemaphorePermit;
use tokio::time::timeout;

use crate::app::App;
use crate::error::ApiError;
use crate::public_record::{withheld, withheld_form};
use crate::views::{READ_WAIT, STORE_WAIT};

/// Entries read from the store at a time.
const CHUNK: usize = 1000;
pub const JSON_LINES: &str = "application/jsonl; charset=utf-8";

pub async fn serve(State(app): State<App>) -> Response {
    let Ok(permit) = app.inner.exports.clone().try_acquire_owned() else {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "EXPORTS_BUSY",
            "the record is being downloaded by others at the moment; try again in a minute",
        )
        .retry_after(60)
        .into_response();
    };
    let publication = app.publisher().current();
    let head = publication.head_seq;
    let etag = format!(
        "W/\"record-{head}-{}\"",
        publication.head_hash.get(..16).unwrap_or("")
    );
    let body = Body::from_stream(lines(app.ledger().clone(), head, permit));
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON_LINES));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=5"));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        headers.insert(ETAG, etag);
    }
    response
}

/// The entries 1 to `head`, as lines; an error ends the stream (the download is cut short,
/// which a client sees, rather than given incomplete as if whole).
fn lines(
    ledger: Service<AnyRecord>,
    head: u64,
    permit: OwnedSemaphorePermit,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    futures_util::stream::unfold(Some((1u64, permit)), move |next| {
        let ledger = ledger.clone();
        async move {
            let (from, permit) = next?;
            if from > head {
                return None;
            }
            let wanted = usize::try_from(head - from + 1).unwrap_or(CHUNK).min(CHUNK);
            match chunk(&ledger, from, wanted).await {
                Ok((bytes, next)) if !bytes.is_empty() => Some((Ok(bytes), Some((next, permit)))),
                Ok(_) => None,
                Err(e) => Some((Err(std::io::Error::other(e.to_string())), None)),
            }
        }
    })
}

async fn chunk(
    ledger: &Service<AnyRecord>,
    from: u64,
    wanted: usize,
) -> Result<(Bytes, u64), ApiError> {
    let entries = timeout(STORE_WAIT, ledger.record().read(from, wanted))
        .await
        .map_err(|_| ApiError::database_unavailable("reading the record", "no answer"))?
        .map_err(|e| ApiError::database_unavailable("reading the record", e))?;
    let withheld = timeout(READ_WAIT, withheld(ledger, &entries))
        .await
        .map_err(|_| ApiError::database_unavailable("reading the record", "state held"))?;
    let mut out = Vec::with_capacity(entries.len() * 512);
    for (entry, withhold) in entries.iter().zip(withheld) {
        let written = if withhold {
            serde_json::to_writer(&mut out, &withheld_form(entry))
        } else {
            serde_json::to_writer(&mut out, entry)
        };
        written.map_err(|e| ApiError::internal("writing the record", e))?;
        out.push(b'\n');
    }
    let next = entries.last().map_or(from, |e| e.seq + 1);
    Ok((Bytes::from(out), next))
}

//! `/results/events`: one server-sent event at each new publication, so that an open page
//! of the portal refreshes its figures without a reload (`/assets/live.js`). A reader with
//! no JavaScript reloads the page and gets the same figures.
//!
//! An event names the publication only (head, hash, time); the page fetches its own new
//! bytes from the publication, which every reader shares. The first event is sent at once,
//! so a page that was loaded just before a publication catches up on connecting.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use serde_json::json;
use tandoo_portal::Publication;
use tokio::sync::watch;

use crate::app::App;
use crate::error::ApiError;
use crate::streams::Place;

/// How often an idle stream sends a comment, so that proxies keep it open.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The name of every event.
pub const EVENT: &str = "publication";

pub async fn events(State(app): State<App>) -> Response {
    let Some(place) = app.inner.events.take() else {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "TOO_MANY_STREAMS",
            "too many pages follow the results at the moment; reload the page to see the latest figures",
        )
        .retry_after(30)
        .into_response();
    };
    Sse::new(publications(app.publisher().subscribe(), place))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

/// The current publication at once, then each new one; ends when the server stops.
fn publications(
    receiver: watch::Receiver<Arc<Publication>>,
    place: Place,
) -> impl Stream<Item = Result<Event, Infallible>> {
    futures_util::stream::unfold(
        (receiver, place, true),
        |(mut receiver, place, first)| async move {
            if !first {
                receiver.changed().await.ok()?;
            }
            let event = event_of(&receiver.borrow_and_update());
            Some((Ok(event), (receiver, place, false)))
        },
    )
}

fn event_of(publication: &Publication) -> Event {
    let data = json!({
        "head_seq": publication.head_seq,
        "head_hash": publication.head_hash,
        "published_at": publication.published_at,
    });
    Event::default()
        .event(EVENT)
        .id(publication.head_seq.to_string())
        .data(data.to_string())
}

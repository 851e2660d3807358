//! The portal's routes: each answer is a file of the current publication, looked up, never
//! rendered per request (see [`crate::publisher`]).

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
    REFERRER_POLICY, VARY,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tandoo_present::Language;

use crate::app::App;
use crate::error::ApiError;

/// How long a reader's cache keeps the present state: it changes as the count goes on.
const PRESENT_CACHE: &str = "public, max-age=5";
/// Shared static files change only with a new release of the portal.
const ASSET_CACHE: &str = "public, max-age=86400";

pub fn routes() -> Router<App> {
    Router::new()
        .route("/results", get(serve))
        .route("/results/events", get(crate::events::events))
        .route("/results.json", get(serve))
        .route("/results/{*rest}", get(serve))
        .route("/data/{*rest}", get(serve))
        .route("/assets/{*rest}", get(serve))
}

async fn serve(State(app): State<App>, request: Request) -> Response {
    let path = request.uri().path().trim_end_matches('/').to_owned();
    let asked = request
        .uri()
        .query()
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|pair| pair.strip_prefix("lang=")?.parse::<Language>().ok());
    let language = asked.unwrap_or_else(|| {
        request
            .headers()
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::reader::accepted)
            .unwrap_or(Language::Ky)
    });
    let publication = app.publisher().current();
    let Some(asset) = publication.get(&path, language) else {
        return ApiError::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            format!("nothing is published at {path}"),
        )
        .into_response();
    };
    let cache = if path.starts_with("/assets/") {
        ASSET_CACHE
    } else {
        PRESENT_CACHE
    };
    let etag = HeaderValue::from_str(&asset.etag).unwrap_or(HeaderValue::from_static("\"\""));
    let fresh = request
        .headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == asset.etag || t.trim() == "*")
        });
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        // The bytes are shared with the publication, not copied per answer.
        Response::new(Body::from(axum::body::Bytes::from_owner(ArcBytes(
            asset.bytes.clone(),
        ))))
    };
    let headers = response.headers_mut();
    headers.insert(ETAG, etag);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(tandoo_portal::CONTENT_SECURITY_POLICY),
    );
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if !fresh {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    }
    if asked.is_none() && !tandoo_portal::address::is_data(&path) {
        headers.insert(VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}

/// A publication's bytes as the body of an answer.
struct ArcBytes(std::sync::Arc<[u8]>);

impl AsRef<[u8]> for ArcBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

//! The portal's routes: each answer is a file of the current publication, looked up, never
//! rendered per request (see [`crate::publisher`]).

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
    REFERRER_POLICY, RETRY_AFTER, VARY,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tandoo_core::LegalDate;
use tandoo_portal::{Asset, address};
use tandoo_present::{Language, catalog};

use crate::app::App;
use crate::error::ApiError;
use crate::publisher::PastError;

/// How long a reader's cache keeps the present state: it changes as the count goes on.
const PRESENT_CACHE: &str = "public, max-age=5";
/// A past date's state changes only when an act of that date or earlier is recorded late.
const PAST_CACHE: &str = "public, max-age=60";
/// Shared static files change only with a new release of the portal.
const ASSET_CACHE: &str = "public, max-age=86400";

pub fn routes() -> Router<App> {
    Router::new()
        .route("/results", get(serve))
        .route("/results/events", get(crate::events::events))
        .route("/results.json", get(serve))
        .route("/results/{*rest}", get(serve))
        .route("/data/record.jsonl", get(crate::record_export::serve))
        .route("/data/{*rest}", get(serve))
        .route("/assets/{*rest}", get(serve))
        .route("/as-of/{date}/{*rest}", get(serve))
        // The 404 page's own files, as a static copy has them.
        .route("/404.html", get(serve))
        .route("/404.ky.html", get(serve))
        .route("/404.ru.html", get(serve))
        .route("/404.en.html", get(serve))
}

/// What a request asks of the portal.
struct Asked<'r> {
    /// The path within a publication, without a trailing slash.
    path: &'r str,
    as_of: Option<&'r str>,
    /// The language named in the query, if any.
    language: Option<Language>,
}

/// `/results/13?lang=ru&as_of=2026-01-01`, or the static site's form of a past date,
/// `/as-of/2026-01-01/results/13`.
fn asked(request: &Request) -> Asked<'_> {
    let path = request.uri().path().trim_end_matches('/');
    let query = || request.uri().query().into_iter().flat_map(|q| q.split('&'));
    let language = query().find_map(|pair| pair.strip_prefix("lang=")?.parse::<Language>().ok());
    if let Some(rest) = path.strip_prefix("/as-of/") {
        let (date, path) = rest.split_once('/').unwrap_or((rest, ""));
        return Asked {
            path,
            as_of: Some(date),
            language,
        };
    }
    Asked {
        path,
        // The date picker's "the record as it stands" sends an empty date.
        as_of: query()
            .find_map(|pair| pair.strip_prefix("as_of="))
            .filter(|date| !date.is_empty()),
        language,
    }
}

async fn serve(State(app): State<App>, request: Request) -> Response {
    let Asked {
        path,
        as_of,
        language: asked,
    } = asked(&request);
    let language = asked.unwrap_or_else(|| {
        request
            .headers()
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::reader::accepted)
            .unwrap_or(Language::Ky)
    });
    let refused = |status, code: &'static str, args: &[(&str, &str)]| {
        let mut words = tandoo_present::FluentArgs::new();
        for (name, value) in args {
            words.set(*name, value.to_string());
        }
        // The portal's own wording where it has one, else the API's.
        let key = [format!("portal-error-{code}"), format!("api-{code}")]
            .into_iter()
            .find(|key| catalog::has(language, key))
            .unwrap_or_default();
        ApiError::new(status, code, catalog::text(language, &key, Some(&words))).into_response()
    };
    let publication = match as_of {
        None => app.publisher().current(),
        Some(date) => {
            let Ok(date) = date.parse::<LegalDate>() else {
                return refused(StatusCode::BAD_REQUEST, "BAD_DATE", &[("date", date)]);
            };
            match app.publisher().as_of(date).await {
                Ok(publication) => publication,
                Err(e) => {
                    let (status, code) = match e {
                        PastError::Busy => (StatusCode::SERVICE_UNAVAILABLE, "PAST_BUSY"),
                        PastError::Late => (StatusCode::SERVICE_UNAVAILABLE, "PAST_LATE"),
                        PastError::Stopped => (StatusCode::SERVICE_UNAVAILABLE, "STOPPING"),
                    };
                    let mut response = refused(status, code, &[("date", &date.to_string())]);
                    response
                        .headers_mut()
                        .insert(RETRY_AFTER, HeaderValue::from_static("60"));
                    return response;
                }
            }
        }
    };
    // A page by its address, or any file of the publication by its own path (as the static
    // site has it: `/results/13/index.ru.html`).
    let asset = publication
        .get(path, language)
        .or_else(|| publication.file(path.trim_start_matches('/')));
    let Some(asset) = asset else {
        // A reader who followed a link gets a page in their language; a program asking
        // for a data file, the error as JSON.
        let page = address::not_found_file(language);
        if let Some(page) = publication.file(&page).filter(|_| !address::is_data(path)) {
            let mut response = (StatusCode::NOT_FOUND, body_of(page)).into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(page.content_type));
            headers.insert(
                CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(tandoo_portal::CONTENT_SECURITY_POLICY),
            );
            headers.insert(CACHE_CONTROL, HeaderValue::from_static(PRESENT_CACHE));
            return response;
        }
        let shown = request.uri().path();
        return refused(StatusCode::NOT_FOUND, "NOT_FOUND", &[("path", shown)]);
    };
    let cache = if path.trim_start_matches('/').starts_with("assets/") {
        ASSET_CACHE
    } else if as_of.is_some() {
        PAST_CACHE
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
        Response::new(body_of(asset))
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
    if asked.is_none() && !address::is_data(path) {
        headers.insert(VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}

/// A file's bytes as the body of an answer, shared with the publication, not copied.
fn body_of(asset: &Asset) -> Body {
    Body::from(axum::body::Bytes::from_owner(asset.bytes.clone()))
}

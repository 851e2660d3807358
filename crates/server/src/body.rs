//! Reading a JSON request body: it must say it is JSON (L3: a cross-site form cannot send
//! `application/json` without the browser asking first), arrive within the body timeout
//! ([`crate::ServeLimits::body`]; M4: a client sending a byte now and then cannot hold a
//! connection), stay under the address's limit and parse, unknown members refused by the
//! target type.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Parses the JSON body of `request`; `code` names a body that is not the expected shape.
pub async fn read_json<T: DeserializeOwned>(
    request: Request,
    code: &'static str,
    limit: usize,
    within: Duration,
) -> Result<T, ApiError> {
    require_json(request.headers())?;
    let bytes = tokio::time::timeout(within, Bytes::from_request(request, &()))
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "BODY_TIMEOUT",
                format!(
                    "the request body did not arrive within {} seconds",
                    within.as_secs()
                ),
            )
        })?
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "BODY_TOO_LARGE",
                    format!("the request body is larger than the {limit} bytes this address takes"),
                )
            } else {
                ApiError::new(StatusCode::BAD_REQUEST, "BAD_BODY", rejection.body_text())
            }
        })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, code, e.to_string()))
}

/// `Content-Type: application/json`, with or without parameters (`; charset=utf-8`).
fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let json = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"));
    if json {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "NOT_JSON",
            "the request body must be JSON, sent with Content-Type: application/json",
        ))
    }
}

//! Every error the API returns: a status, a stable code and a sentence, written as
//! `{"error": {"code": "STABLE_CODE", "message": "a sentence"}}`.

use axum::Json;
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds after which the client may try again, sent as `Retry-After`.
    pub retry_after: Option<i64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn retry_after(mut self, seconds: i64) -> Self {
        self.retry_after = Some(seconds.max(1));
        self
    }

    pub fn not_logged_in(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, "NOT_LOGGED_IN", message)
    }

    pub fn bad_credentials() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "BAD_CREDENTIALS",
            "the user name or the password is wrong",
        )
    }

    pub fn csrf_mismatch() -> Self {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "CSRF_MISMATCH",
            "the X-CSRF-Token header is missing or does not match the session's token",
        )
    }

    /// A failure of the server or its store, not of the request. The detail goes to the
    /// log; the client gets a sentence that reveals nothing of the machine.
    pub fn internal(what: &str, detail: impl std::fmt::Display) -> Self {
        tracing::error!("{what}: {detail}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL",
            format!("the server failed while {what}; the request may be retried"),
        )
    }

    /// The record's database could not be reached or failed while `what` (reading a
    /// session, opening one): the same 503 as for a command, so that a client retries.
    pub fn database_unavailable(what: &str, detail: impl std::fmt::Display) -> Self {
        tracing::error!("the record's database is unavailable while {what}: {detail}");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "RECORD_UNAVAILABLE",
            "the record's database cannot be reached at the moment; nothing was changed, try again",
        )
        .retry_after(5)
    }

    pub fn unavailable(detail: impl std::fmt::Display) -> Self {
        tracing::error!("the record is unavailable: {detail}");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "RECORD_UNAVAILABLE",
            "the record cannot be written at the moment; nothing was recorded, try again",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"code": self.code, "message": self.message}});
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl std::error::Error for ApiError {}

//! Who a request comes from: the session its cookie names, and for a request that changes
//! something, the session's CSRF token in a header. The extractors every staff handler
//! takes ([`LoggedIn`], [`Staff`]), apart from the routes so that every module of staff
//! addresses can use them.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::COOKIE;
use axum::http::request::Parts;

use crate::accounts::AccountError;
use crate::app::App;
use crate::error::ApiError;
use crate::sessions::{Lookup, Session, same_secret};

pub const SESSION_COOKIE: &str = "tandoo_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The session token from the `Cookie` header(s), if any.
pub(crate) fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, token)| token.trim())
        .filter(|token| !token.is_empty())
}

pub(crate) fn require_csrf(headers: &HeaderMap, session: &Session) -> Result<(), ApiError> {
    let sent = headers
        .get(CSRF_HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    if same_secret(sent, &session.csrf_token) {
        Ok(())
    } else {
        Err(ApiError::csrf_mismatch())
    }
}

/// A request from someone logged in.
pub struct LoggedIn {
    pub session: Session,
}

impl FromRequestParts<App> for LoggedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, ApiError> {
        let token = session_token(&parts.headers)
            .ok_or_else(|| ApiError::not_logged_in("log in first: this request needs a session"))?;
        match app
            .auth()
            .session(token)
            .await
            .map_err(|e| store_error("reading the session", e))?
        {
            Lookup::Active(session) => Ok(LoggedIn { session }),
            Lookup::Expired => Err(ApiError::not_logged_in(
                "the session has ended (too long idle, or too long since the login); log in again",
            )),
            Lookup::Unknown => Err(ApiError::not_logged_in(
                "the session is not known (logged out, or the account was disabled); log in again",
            )),
        }
    }
}

/// A state-changing request from someone logged in: the session must be active and the
/// request must carry the session's CSRF token in `X-CSRF-Token`. Checked before the body
/// is read.
pub struct Staff {
    pub session: Session,
}

impl FromRequestParts<App> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, ApiError> {
        let LoggedIn { session } = LoggedIn::from_request_parts(parts, app).await?;
        require_csrf(&parts.headers, &session)?;
        Ok(Staff { session })
    }
}

/// A failure of the accounts' store is the record's database failing (M5): 503, as for a
/// command, never a 500.
pub(crate) fn store_error(what: &str, error: AccountError) -> ApiError {
    match error {
        AccountError::Store(_) => ApiError::database_unavailable(what, error),
        other => ApiError::internal(what, other),
    }
}

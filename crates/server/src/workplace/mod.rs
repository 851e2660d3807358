//! The staff application over HTTP: the login page, the screens under `/staff` and the
//! forms they send. Handlers are thin: they find who asks ([`Desk`]), read the form, call
//! the ledger or the accounts, and hand the state to `tandoo-workplace` to draw.
//!
//! Every screen is HTML served under the workplace's Content-Security-Policy, never framed,
//! never cached, and sent only to a session: without one, a screen answers with the login
//! page. A form that changes anything carries the session's CSRF token in a hidden field
//! and, when the browser names it, comes from this server's own page (`Origin`); a screen
//! the viewer's role may not open (the permission table, through
//! [`tandoo_workplace::menu`]) is refused, however it is reached.

mod accounts;
mod desk;
mod entry;
mod login;
mod meetings;
mod record;
mod registry;
mod screens;

use axum::Router;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, LOCATION, REFERRER_POLICY,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tandoo_workplace::address;

use crate::app::App;

pub use desk::Desk;

pub fn routes() -> Router<App> {
    Router::new()
        .route(address::LOGIN, get(login::page).post(login::submit))
        .route(address::LOGOUT, post(login::logout))
        .route(address::HOME, get(screens::home))
        .route(address::LANGUAGE, post(screens::keep_language))
        .route(address::CONSTITUENCIES, get(screens::constituencies))
        .route("/staff/constituencies/{number}", get(screens::constituency))
        .route(address::ENTRY, get(entry::queue))
        .route("/staff/entry/open", get(entry::open))
        .route(
            "/staff/entry/{constituency}/{station}",
            get(entry::show).post(entry::enter),
        )
        .route(
            "/staff/entry/{constituency}/{station}/settle",
            post(entry::settle),
        )
        .route(
            address::CANDIDATES,
            get(registry::candidates).post(registry::nominate),
        )
        .route(
            "/staff/candidates/{id}",
            get(registry::candidate).post(registry::candidate_form),
        )
        .route(
            address::COMPLAINTS,
            get(registry::complaints).post(registry::file),
        )
        .route(
            "/staff/complaints/{id}",
            get(registry::complaint).post(registry::complaint_form),
        )
        .route(
            address::INCIDENTS,
            get(registry::incidents).post(registry::record_incident),
        )
        .route(address::RESULTS, get(meetings::national))
        .route("/staff/results/{number}", get(meetings::constituency))
        .route(address::RESOLUTIONS, get(meetings::resolution_list))
        .route("/staff/resolutions/{key}", get(meetings::resolution))
        .route(
            "/staff/resolutions/{commission}/{year}/{number}",
            get(meetings::cited),
        )
        .route(address::MEETINGS, get(meetings::list).post(meetings::hold))
        .route("/staff/meetings/{id}", get(meetings::show))
        .route("/staff/meetings/{id}/resolution", post(meetings::vote))
        .route(address::ELECTIONS, get(record::elections))
        .route(address::STATIONS, get(record::stations))
        .route(address::RECORD, get(record::timeline))
        .route(
            address::PASSWORD,
            get(accounts::password_page).post(accounts::change_password),
        )
        .route(address::ACCOUNTS, get(accounts::list).post(accounts::add))
        .route("/staff/accounts/{user}/disable", post(accounts::disable))
        .route("/staff/accounts/{user}/role", post(accounts::set_role))
        .route(address::AUDIT, get(accounts::audit_log))
        .route(address::AUDIT_CSV, get(accounts::audit_csv))
        .route(address::STYLESHEET, get(stylesheet))
        .route(address::SCRIPT, get(script))
        .route("/staff/{*rest}", get(screens::not_found))
}

/// A screen: HTML that no cache keeps, no other site frames, and that names nothing of this
/// server to the next site followed from it.
pub(crate) fn screen(status: StatusCode, html: String) -> Response {
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(tandoo_workplace::CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        "x-frame-options",
        HeaderValue::from_static(tandoo_workplace::FRAME_OPTIONS),
    );
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// After a form: see the outcome at `to` (303, so that reloading does not send it again).
pub(crate) fn see_other(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(to) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Small and changed only with the binary: an hour is short enough for an upgrade.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("max-age=3600"));
    response
}

async fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", tandoo_workplace::STYLESHEET)
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", tandoo_workplace::SCRIPT)
}

/// Draws a screen from the state: `None` from `draw` is a screen not found; a state held
/// by the writer past the read's wait is a 503 screen, never a hang.
pub(crate) async fn draw(
    app: &App,
    desk: &Desk,
    draw: impl FnOnce(&tandoo_core::State, &tandoo_workplace::Screen) -> Option<String>,
) -> Response {
    let screen_ = desk.screen();
    let drawn = app.ledger().read(|state| draw(state, &screen_));
    match tokio::time::timeout(crate::views::READ_WAIT, drawn).await {
        Ok(Some(html)) => screen(StatusCode::OK, html),
        Ok(None) => screens::not_found_for(desk),
        Err(_) => desk.unavailable(),
    }
}

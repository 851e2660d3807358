//! `GET /login`, `POST /login` (fields `user` and `password`) and `POST /logout`: the same
//! sessions, throttle and audit log as the API's `/api/session`, with pages for answers.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use tandoo_present::Language;
use tandoo_workplace::login::{self, LoginProblem};
use tandoo_workplace::{Screen, address};

use crate::app::App;
use crate::audit_event::AuditEvent;
use crate::client::client_address;
use crate::routes::session_cookie;
use crate::session_guard::session_token;
use crate::sessions::LoginError;

use super::desk::{Desk, accepted, asked_language, field, read_form};
use super::{screen, see_other};

fn language(request: &Request) -> Language {
    asked_language(request.uri())
        .or_else(|| accepted(request.headers()))
        .unwrap_or(Language::Ky)
}

pub async fn page(request: Request) -> Response {
    let language = language(&request);
    let ended = request
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == "ended=1"));
    let problem = ended.then_some(LoginProblem::SessionEnded);
    let screen_ = Screen::new(language, None, address::LOGIN);
    screen(StatusCode::OK, login::page(&screen_, problem, ""))
}

pub async fn submit(State(app): State<App>, request: Request) -> Response {
    let language = language(&request);
    let (parts, body) = request.into_parts();
    let address = client_address(&parts, app.config().trusted_proxy);
    let again = |status, problem, user: &str| {
        let screen_ = Screen::new(language, None, address::LOGIN);
        screen(status, login::page(&screen_, Some(problem), user))
    };
    let Ok(fields) = read_form(&app, Request::from_parts(parts, body)).await else {
        return again(StatusCode::FORBIDDEN, LoginProblem::ForeignForm, "");
    };
    let user = field(&fields, "user").unwrap_or("").trim().to_owned();
    let password = field(&fields, "password").unwrap_or("");
    match app.auth().login(&user, password, &address).await {
        Ok(opened) => {
            tracing::info!(user = opened.session.user, "logged in");
            let cookie = session_cookie(&app, &opened.token, app.config().sessions.absolute);
            let mut response = see_other(address::HOME);
            response.headers_mut().insert(SET_COOKIE, cookie);
            response
        }
        Err(LoginError::BadCredentials) => again(
            StatusCode::UNAUTHORIZED,
            LoginProblem::BadCredentials,
            &user,
        ),
        Err(LoginError::Throttled { retry_after, .. }) => again(
            StatusCode::TOO_MANY_REQUESTS,
            LoginProblem::Throttled {
                minutes: (retry_after + 59) / 60,
            },
            &user,
        ),
        Err(LoginError::Store(_)) => {
            let screen_ = Screen::new(language, None, address::LOGIN);
            screen(
                StatusCode::SERVICE_UNAVAILABLE,
                tandoo_workplace::frame::message(
                    &screen_,
                    None,
                    "unavailable-title",
                    "unavailable",
                ),
            )
        }
    }
}

pub async fn logout(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let address = client_address(&parts, app.config().trusted_proxy);
    let token = session_token(&parts.headers).map(str::to_owned);
    if let Err(refused) = desk.form(&app, Request::from_parts(parts, body)).await {
        return refused;
    }
    if let Some(token) = token {
        if app.auth().end(&token).await.is_err() {
            return desk.unavailable();
        }
        if app
            .accounts()
            .audit(AuditEvent::Logout, &desk.viewer.user, &address.key(), "")
            .await
            .is_err()
        {
            return desk.unavailable();
        }
    }
    tracing::info!(user = desk.viewer.user, "logged out");
    let mut response = see_other(address::LOGIN);
    response
        .headers_mut()
        .insert(SET_COOKIE, session_cookie(&app, "", 0));
    response
}

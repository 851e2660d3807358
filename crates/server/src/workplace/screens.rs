//! The screens that only show: the home screen (and the account's language), the
//! constituencies and their stations.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use tandoo_core::ids::ConstituencyNo;
use tandoo_present::Language;
use tandoo_workplace::{address, constituencies, home};

use crate::app::App;

use super::desk::{Desk, field};
use super::{draw, see_other};

pub async fn home(State(app): State<App>, desk: Desk) -> Response {
    let saved = desk.path.contains("saved=1");
    draw(&app, &desk, |state, screen| {
        Some(home::page(screen, state, saved))
    })
    .await
}

/// `POST /staff/language` (`language=ky|ru|en`): keeps the account's language.
pub async fn keep_language(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let Some(language) = field(&fields, "language").and_then(|l| l.parse::<Language>().ok()) else {
        return desk.message(
            StatusCode::BAD_REQUEST,
            "problem-heading",
            "language-unknown",
        );
    };
    match app
        .accounts()
        .set_language(&desk.viewer.user, language)
        .await
    {
        Ok(()) => see_other(&format!("{}?saved=1", address::HOME)),
        Err(_) => desk.unavailable(),
    }
}

pub async fn constituencies(State(app): State<App>, desk: Desk) -> Response {
    draw(&app, &desk, |state, screen| {
        let election = state.main_election()?;
        Some(constituencies::list(screen, state, election))
    })
    .await
}

pub async fn constituency(
    State(app): State<App>,
    desk: Desk,
    Path(number): Path<String>,
) -> Response {
    let Ok(number) = number.parse::<u16>() else {
        return not_found_for(&desk);
    };
    draw(&app, &desk, |state, screen| {
        let election = state.main_election()?;
        constituencies::stations(screen, state, election, ConstituencyNo(number))
    })
    .await
}

pub async fn not_found(desk: Desk) -> Response {
    not_found_for(&desk)
}

pub fn not_found_for(desk: &Desk) -> Response {
    desk.message(StatusCode::NOT_FOUND, "not-found-title", "not-found")
}

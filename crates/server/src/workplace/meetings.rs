//! The results, the resolutions and a commission's meetings through the screens. The
//! result screens read the state now or, with `?as_of=YYYY-MM-DD`, as it stood at the end
//! of that day (replayed from the record and kept for a few dates, see
//! [`crate::views::Views::state_as_of`]). A meeting (`POST /staff/meetings`) and the vote on
//! a draft resolution (`POST /staff/meetings/{id}/resolution`) are core's commands: a
//! refused one comes back as its form with the refusal, 422; a recorded one is seen again
//! by a 303.

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use tandoo_core::ids::{ConstituencyNo, ElectionId, MeetingId};
use tandoo_core::resolution::ResolutionKey;
use tandoo_core::{Command, LegalDate, Submission};
use tandoo_ledger::SubmitError;
use tandoo_workplace::meetings::{self, FormProblem, Matter};
use tandoo_workplace::{address, resolutions, results};

use crate::app::App;
use crate::views::READ_WAIT;

use super::desk::{Desk, today};
use super::screens::not_found_for;
use super::{draw, screen, see_other};

fn query_value(uri: &Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

/// `?as_of=`: `Ok(None)` for now, `Err` for a date that cannot be read.
fn as_of(uri: &Uri) -> Result<Option<LegalDate>, ()> {
    query_value(uri, "as_of")
        .map(|d| d.parse::<LegalDate>().map_err(|_| ()))
        .transpose()
}

/// Draws a result screen from the state now, or as of the date asked.
async fn draw_results(
    app: &App,
    desk: &Desk,
    uri: &Uri,
    draw_: impl FnOnce(
        &tandoo_core::State,
        &tandoo_workplace::Screen,
        Option<LegalDate>,
    ) -> Option<String>,
) -> Response {
    let Ok(date) = as_of(uri) else {
        return desk.message(
            StatusCode::BAD_REQUEST,
            "problem-heading",
            "results-bad-date",
        );
    };
    match date {
        None => draw(app, desk, |state, screen| draw_(state, screen, None)).await,
        Some(day) => match app.inner.views.state_as_of(app.ledger(), day).await {
            Ok(state) => match draw_(&state, &desk.screen(), Some(day)) {
                Some(html) => screen(StatusCode::OK, html),
                None => not_found_for(desk),
            },
            Err(_) => desk.unavailable(),
        },
    }
}

pub async fn national(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    draw_results(&app, &desk, &uri, |state, screen, day| {
        results::national(screen, state, state.main_election()?, day)
    })
    .await
}

pub async fn constituency(
    State(app): State<App>,
    desk: Desk,
    Path(number): Path<String>,
    uri: Uri,
) -> Response {
    let Ok(number) = number.parse::<u16>() else {
        return not_found_for(&desk);
    };
    draw_results(&app, &desk, &uri, |state, screen, day| {
        results::constituency(
            screen,
            state,
            state.main_election()?,
            ConstituencyNo(number),
            day,
        )
    })
    .await
}

pub async fn resolution_list(State(app): State<App>, desk: Desk) -> Response {
    draw(&app, &desk, |state, screen| {
        Some(resolutions::list(screen, state))
    })
    .await
}

pub async fn resolution(State(app): State<App>, desk: Desk, Path(key): Path<String>) -> Response {
    let Ok(key) = key.parse::<u64>() else {
        return not_found_for(&desk);
    };
    draw(&app, &desk, |state, screen| {
        resolutions::one(screen, state, ResolutionKey(key))
    })
    .await
}

/// `GET /staff/resolutions/CEC/2025/161`: an adopted resolution by the number people cite.
pub async fn cited(
    State(app): State<App>,
    desk: Desk,
    Path((commission, year, number)): Path<(String, String, String)>,
) -> Response {
    let (Ok(year), Ok(number)) = (year.parse::<u16>(), number.parse::<u32>()) else {
        return not_found_for(&desk);
    };
    let cited = tandoo_core::ids::ResolutionRef {
        commission: tandoo_core::ids::CommissionId::new(commission),
        year,
        number,
    };
    draw(&app, &desk, |state, screen| {
        let key = state
            .resolutions
            .values()
            .find(|r| r.voted.number.as_ref() == Some(&cited))?
            .key;
        resolutions::one(screen, state, key)
    })
    .await
}

pub async fn list(State(app): State<App>, desk: Desk) -> Response {
    let Some(day) = today(&app) else {
        return desk.unavailable();
    };
    draw(&app, &desk, |state, screen| {
        Some(meetings::list(screen, state, day, None))
    })
    .await
}

/// A form again with what went wrong: 422, so that a program (and a test) sees nothing
/// was recorded.
async fn again(
    app: &App,
    desk: &Desk,
    draw_: impl FnOnce(&tandoo_core::State, &tandoo_workplace::Screen) -> Option<String>,
) -> Response {
    let screen_ = desk.screen();
    let drawn = app.ledger().read(|state| draw_(state, &screen_));
    match tokio::time::timeout(READ_WAIT, drawn).await {
        Ok(Some(html)) => screen(StatusCode::UNPROCESSABLE_ENTITY, html),
        Ok(None) => not_found_for(desk),
        Err(_) => desk.unavailable(),
    }
}

/// What a refused or failed submission answers: the refusal in words to show with the
/// form, or the response itself when nothing can be shown but that it failed.
fn refused(desk: &Desk, error: SubmitError, what: &str) -> Result<String, Box<Response>> {
    match error {
        SubmitError::Refused(refusal) => Ok(tandoo_present::refusal(&refusal, desk.language)),
        SubmitError::Defect(defect) => {
            tracing::error!(%defect, "{what}");
            Err(Box::new(desk.unavailable()))
        }
        SubmitError::Unavailable(_) => Err(Box::new(desk.unavailable())),
    }
}

/// `POST /staff/meetings` (`date`, `agenda`, `present`…): records a meeting and goes to
/// it, where its draft resolutions are composed.
pub async fn hold(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let Some(day) = today(&app) else {
        return desk.unavailable();
    };
    let words = |problem: &FormProblem| meetings::problem_words(&desk.screen(), problem);
    let (date, command) = match meetings::hold_meeting(&desk.viewer.commission, &fields) {
        Ok(made) => made,
        Err(problem) => {
            let text = words(&problem);
            return again(&app, &desk, |state, screen| {
                Some(meetings::list(screen, state, day, Some(&text)))
            })
            .await;
        }
    };
    let submission = Submission {
        date,
        actor: desk.viewer.actor(),
        command: Command::HoldMeeting(command),
    };
    match app.ledger().submit(submission).await {
        Ok(receipt) => {
            let seq = receipt.entries.first().map(|(seq, _)| *seq);
            let id = app
                .ledger()
                .read(|state| {
                    state
                        .meetings
                        .iter()
                        .find(|(_, (stamp, _))| Some(stamp.seq) == seq)
                        .map(|(id, _)| id.clone())
                })
                .await;
            match id {
                Some(id) => see_other(&address::meeting(&id)),
                None => see_other(address::MEETINGS),
            }
        }
        Err(error) => match refused(&desk, error, "recording a meeting") {
            Ok(text) => {
                again(&app, &desk, |state, screen| {
                    Some(meetings::list(screen, state, day, Some(&text)))
                })
                .await
            }
            Err(response) => *response,
        },
    }
}

fn matter(uri: &Uri) -> Option<Matter> {
    Some(Matter {
        election: ElectionId::new(query_value(uri, "election")?),
        constituency: ConstituencyNo(query_value(uri, "constituency")?.parse().ok()?),
    })
}

/// `GET /staff/meetings/{id}` (`?election=E&constituency=C` picks what the draft's effects
/// are about; `?voted=KEY` shows the outcome of the vote just recorded).
pub async fn show(
    State(app): State<App>,
    desk: Desk,
    Path(id): Path<String>,
    uri: Uri,
) -> Response {
    let id = MeetingId::new(id);
    let voted = query_value(&uri, "voted")
        .and_then(|k| k.parse::<u64>().ok())
        .map(ResolutionKey);
    let matter = matter(&uri);
    draw(&app, &desk, |state, screen| {
        meetings::meeting(screen, state, &id, matter, voted, None)
    })
    .await
}

/// `POST /staff/meetings/{id}/resolution`: the vote on a draft resolution, dated the
/// meeting's day.
pub async fn vote(
    State(app): State<App>,
    desk: Desk,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let id = MeetingId::new(id);
    let made = app
        .ledger()
        .read(|state| {
            let (stamp, meeting) = state.meetings.get(&id)?;
            Some((stamp.date, meetings::vote_resolution(meeting, &fields)))
        })
        .await;
    let matter = matter_of(&fields);
    let (date, command) = match made {
        None => return not_found_for(&desk),
        Some((date, Ok(command))) => (date, command),
        Some((_, Err(problem))) => {
            let text = meetings::problem_words(&desk.screen(), &problem);
            return again(&app, &desk, |state, screen| {
                meetings::meeting(screen, state, &id, matter, None, Some(&text))
            })
            .await;
        }
    };
    let submission = Submission {
        date,
        actor: desk.viewer.actor(),
        command: Command::VoteResolution(command),
    };
    match app.ledger().submit(submission).await {
        Ok(receipt) => match receipt.entries.first() {
            Some((seq, _)) => see_other(&format!("{}?voted={seq}", address::meeting(&id))),
            None => see_other(&address::meeting(&id)),
        },
        Err(error) => match refused(&desk, error, "recording a resolution's vote") {
            Ok(text) => {
                again(&app, &desk, |state, screen| {
                    meetings::meeting(screen, state, &id, matter, None, Some(&text))
                })
                .await
            }
            Err(response) => *response,
        },
    }
}

fn matter_of(fields: &[(String, String)]) -> Option<Matter> {
    let value = |name| super::desk::field(fields, name).filter(|v| !v.is_empty());
    Some(Matter {
        election: ElectionId::new(value("election")?),
        constituency: ConstituencyNo(value("constituency")?.parse().ok()?),
    })
}

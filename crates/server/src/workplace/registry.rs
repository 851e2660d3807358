//! Candidates, complaints and incidents through the screens. Each form is read into its
//! command by `tandoo-workplace`, submitted to the ledger as the viewer, and either seen
//! again by a 303 to its page (`?saved=1`) or drawn again, 422, with what was typed and the
//! problem: a field's beside it, core's refusal in the summary.

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use tandoo_core::ids::{CandidateId, ComplaintId, ConstituencyNo, StationId};
use tandoo_core::{Command, LegalDate, Refusal, State as RecordState, Submission};
use tandoo_ledger::SubmitError;
use tandoo_workplace::fields::{Problem, Sent};
use tandoo_workplace::{Screen, address, candidates, complaints, incidents};

use crate::app::App;
use crate::views::READ_WAIT;

use super::desk::{Desk, field, today};
use super::screens::not_found_for;
use super::{draw, screen, see_other};

const SAVED: &str = "record-saved";

fn saved(uri: &Uri) -> Option<&'static str> {
    query(uri, "saved").map(|_| SAVED)
}

/// A query parameter's value (not percent-decoded: the values read here are numbers).
fn query<'u>(uri: &'u Uri, name: &str) -> Option<&'u str> {
    uri.query()?.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
        (n == name).then_some(v)
    })
}

fn constituency(uri: &Uri) -> Option<ConstituencyNo> {
    query(uri, "constituency")?.parse().ok().map(ConstituencyNo)
}

/// What a form came to: recorded, or the form to draw again with the status to send it
/// with.
enum Outcome {
    Recorded,
    Again(Sent, StatusCode),
}

/// Submits what the form was read into, as the viewer; a refusal is the sentence the
/// summary shows.
async fn submit(
    app: &App,
    desk: &Desk,
    form: &str,
    fields: &[(String, String)],
    read: Result<(LegalDate, Command), Vec<Problem>>,
) -> Result<Outcome, Response> {
    let mut sent = Sent::new(form, fields);
    let (date, command) = match read {
        Ok(read) => read,
        Err(problems) => {
            sent.problems = problems;
            return Ok(Outcome::Again(sent, StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    let submission = Submission {
        date,
        actor: desk.viewer.actor(),
        command,
    };
    match app.ledger().submit(submission).await {
        Ok(_) => Ok(Outcome::Recorded),
        Err(SubmitError::Refused(refusal)) => {
            // Core's permission table refused the viewer: a form their screen never
            // offered them, so forged, and answered as forbidden.
            let status = match refusal {
                Refusal::NotAuthorised { .. } | Refusal::OutsideCompetence { .. } => {
                    StatusCode::FORBIDDEN
                }
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            sent.refusal = Some(tandoo_present::refusal(&refusal, desk.language));
            Ok(Outcome::Again(sent, status))
        }
        Err(SubmitError::Defect(defect)) => {
            tracing::error!(%defect, "recording a form of the workplace");
            Err(desk.unavailable())
        }
        Err(SubmitError::Unavailable(_)) => Err(desk.unavailable()),
    }
}

/// The screen again after a refused form: 422 (403 when core's permission table refused
/// the viewer), so that a program (and a test) sees that nothing was recorded.
async fn again(
    app: &App,
    desk: &Desk,
    status: StatusCode,
    draw_it: impl FnOnce(&RecordState, &Screen) -> Option<String>,
) -> Response {
    let screen_ = desk.screen();
    let drawn = app.ledger().read(|state| draw_it(state, &screen_));
    match tokio::time::timeout(READ_WAIT, drawn).await {
        Ok(Some(html)) => screen(status, html),
        Ok(None) => not_found_for(desk),
        Err(_) => desk.unavailable(),
    }
}

// ---- candidates ----

pub async fn candidates(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let asked = constituency(&uri);
    draw(&app, &desk, |state, screen| {
        let election = state.main_election()?;
        let number = asked.or_else(|| candidates::default_constituency(screen, state, election))?;
        candidates::list(screen, state, election, number, today, None, saved(&uri))
    })
    .await
}

/// `POST /staff/candidates`: a nomination.
pub async fn nominate(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let Some(election) = app.ledger().read(|s| s.main_election().cloned()).await else {
        return not_found_for(&desk);
    };
    let read = candidates::read_nomination(&fields, &election);
    let id = field(&fields, "id").map(|id| CandidateId::new(id.trim()));
    let number = field(&fields, "constituency")
        .and_then(|n| n.parse().ok())
        .map(ConstituencyNo);
    match submit(&app, &desk, candidates::NOMINATE, &fields, read).await {
        Err(response) => response,
        Ok(Outcome::Recorded) => match id {
            Some(id) => see_other(&format!("{}?saved=1", address::candidate(&id))),
            None => see_other(address::CANDIDATES),
        },
        Ok(Outcome::Again(sent, status)) => {
            again(&app, &desk, status, |state, screen| {
                let number = number
                    .or_else(|| candidates::default_constituency(screen, state, &election))?;
                candidates::list(screen, state, &election, number, today, Some(&sent), None)
            })
            .await
        }
    }
}

pub async fn candidate(
    State(app): State<App>,
    desk: Desk,
    Path(id): Path<String>,
    uri: Uri,
) -> Response {
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let id = CandidateId::new(id);
    draw(&app, &desk, |state, screen| {
        candidates::detail(screen, state, &id, today, None, saved(&uri))
    })
    .await
}

/// `POST /staff/candidates/{id}`: the fee, registration, its refusal or a withdrawal.
pub async fn candidate_form(
    State(app): State<App>,
    desk: Desk,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let id = CandidateId::new(id);
    let Some(read) = candidates::read_action(&fields, &id) else {
        return desk.message(StatusCode::BAD_REQUEST, "problem-heading", "form-unknown");
    };
    let form = field(&fields, "action").unwrap_or("").to_owned();
    match submit(&app, &desk, &form, &fields, read).await {
        Err(response) => response,
        Ok(Outcome::Recorded) => see_other(&format!("{}?saved=1", address::candidate(&id))),
        Ok(Outcome::Again(sent, status)) => {
            again(&app, &desk, status, |state, screen| {
                candidates::detail(screen, state, &id, today, Some(&sent), None)
            })
            .await
        }
    }
}

// ---- complaints ----

pub async fn complaints(State(app): State<App>, desk: Desk) -> Response {
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    draw(&app, &desk, |state, screen| {
        Some(complaints::list(screen, state, today, None))
    })
    .await
}

/// `POST /staff/complaints`: a complaint filed with the viewer's commission.
pub async fn file(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let read = complaints::read_filing(&fields, &desk.viewer.commission);
    let id = field(&fields, "id")
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(ComplaintId::new);
    match submit(&app, &desk, complaints::FILE, &fields, read).await {
        Err(response) => response,
        Ok(Outcome::Recorded) => match id {
            Some(id) => see_other(&format!("{}?saved=1", address::complaint(&id))),
            None => see_other(address::COMPLAINTS),
        },
        Ok(Outcome::Again(sent, status)) => {
            again(&app, &desk, status, |state, screen| {
                Some(complaints::list(screen, state, today, Some(&sent)))
            })
            .await
        }
    }
}

pub async fn complaint(
    State(app): State<App>,
    desk: Desk,
    Path(id): Path<String>,
    uri: Uri,
) -> Response {
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let id = ComplaintId::new(id);
    draw(&app, &desk, |state, screen| {
        complaints::detail(screen, state, &id, today, None, saved(&uri))
    })
    .await
}

/// `POST /staff/complaints/{id}`: a request, an answer or the decision.
pub async fn complaint_form(
    State(app): State<App>,
    desk: Desk,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let id = ComplaintId::new(id);
    let Some(read) = complaints::read_action(&fields, &id) else {
        return desk.message(StatusCode::BAD_REQUEST, "problem-heading", "form-unknown");
    };
    let form = field(&fields, "action").unwrap_or("").to_owned();
    match submit(&app, &desk, &form, &fields, read).await {
        Err(response) => response,
        Ok(Outcome::Recorded) => see_other(&format!("{}?saved=1", address::complaint(&id))),
        Ok(Outcome::Again(sent, status)) => {
            again(&app, &desk, status, |state, screen| {
                complaints::detail(screen, state, &id, today, Some(&sent), None)
            })
            .await
        }
    }
}

// ---- incidents ----

pub async fn incidents(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let asked = constituency(&uri);
    let station = query(&uri, "station")
        .and_then(|s| s.parse().ok())
        .map(StationId);
    draw(&app, &desk, |state, screen| {
        let election = state.main_election()?;
        let number = asked.or_else(|| candidates::default_constituency(screen, state, election))?;
        incidents::list(
            screen,
            state,
            election,
            number,
            station,
            today,
            None,
            saved(&uri),
        )
    })
    .await
}

/// `POST /staff/incidents`.
pub async fn record_incident(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let Some(today) = today(&app) else {
        return desk.unavailable();
    };
    let Some(election) = app.ledger().read(|s| s.main_election().cloned()).await else {
        return not_found_for(&desk);
    };
    let read = incidents::read(&fields, &election);
    let number = field(&fields, "constituency")
        .and_then(|n| n.parse().ok())
        .map(ConstituencyNo);
    match submit(&app, &desk, incidents::RECORD, &fields, read).await {
        Err(response) => response,
        Ok(Outcome::Recorded) => match number {
            Some(n) => see_other(&format!("{}&saved=1", address::incidents_of(n))),
            None => see_other(address::INCIDENTS),
        },
        Ok(Outcome::Again(sent, status)) => {
            again(&app, &desk, status, |state, screen| {
                let number = number
                    .or_else(|| candidates::default_constituency(screen, state, &election))?;
                incidents::list(
                    screen,
                    state,
                    &election,
                    number,
                    None,
                    today,
                    Some(&sent),
                    None,
                )
            })
            .await
        }
    }
}

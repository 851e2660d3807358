//! Protocol entry through the screens: the queue, opening a protocol by its station's
//! number, an operator's entry (`POST /staff/entry/{c}/{s}`) and a supervisor's settling
//! (`POST /staff/entry/{c}/{s}/settle`). A refused entry comes back as the form with what
//! was typed and the problems beside their lines; an accepted one is seen again by a 303.

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use tandoo_core::ids::{ConstituencyNo, ElectionId, StationId};
use tandoo_core::protocol::ProtocolKey;
use tandoo_core::{Command, Refusal, State as RecordState, Submission};
use tandoo_ledger::SubmitError;
use tandoo_workplace::entry::{self, Problems, Typed};
use tandoo_workplace::{Screen, address};

use crate::app::App;
use crate::views::READ_WAIT;

use super::desk::{Desk, field, today};
use super::screens::not_found_for;
use super::{draw, screen, see_other};

pub async fn queue(State(app): State<App>, desk: Desk) -> Response {
    draw(&app, &desk, |state, screen| {
        let election = state.main_election()?;
        Some(entry::queue(screen, state, election))
    })
    .await
}

/// `GET /staff/entry/open?constituency=C&station=S`: the protocol the operator holds.
pub async fn open(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let number = |name| query_value(&uri, name).and_then(|v| v.trim().parse::<u32>().ok());
    let (Some(constituency), Some(station)) = (number("constituency"), number("station")) else {
        return desk.message(StatusCode::BAD_REQUEST, "entry-title", "entry-no-station");
    };
    let Ok(constituency) = u16::try_from(constituency) else {
        return desk.message(StatusCode::NOT_FOUND, "entry-title", "entry-no-station");
    };
    let exists = app
        .ledger()
        .read(|state| {
            state
                .rolls
                .get(&ConstituencyNo(constituency))
                .is_some_and(|r| r.station_ids.contains(&StationId(station)))
        })
        .await;
    if exists {
        see_other(&address::protocol(
            ConstituencyNo(constituency),
            StationId(station),
        ))
    } else {
        desk.message(StatusCode::NOT_FOUND, "entry-title", "entry-no-station")
    }
}

/// `GET /staff/entry/{c}/{s}`: the protocol's screen.
pub async fn show(
    State(app): State<App>,
    desk: Desk,
    Path((constituency, station)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let notice = if query_value(&uri, "recorded").is_some() {
        Some("protocol-recorded")
    } else if query_value(&uri, "settled").is_some() {
        Some("protocol-settled")
    } else {
        None
    };
    let election = query_value(&uri, "election").map(ElectionId::new);
    with_protocol(
        &app,
        &desk,
        &constituency,
        &station,
        election,
        |state, screen, key| {
            entry::protocol(
                screen,
                state,
                key,
                &Typed::default(),
                &Problems::default(),
                notice,
            )
        },
    )
    .await
}

/// `POST /staff/entry/{c}/{s}`: an operator's entry.
pub async fn enter(
    State(app): State<App>,
    desk: Desk,
    Path((constituency, station)): Path<(String, String)>,
    request: Request,
) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let election = field(&fields, "election").map(ElectionId::new);
    let typed = Typed::from_fields(fields.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    // The command is made from the form and the state together: the form's lines and the
    // ballot say which fields are figures.
    let made = with_key(
        &app,
        &desk,
        &constituency,
        &station,
        election,
        |state, key| {
            let election = state.elections.get(&key.election)?;
            Some(typed.command(key, &election.call.form, &entry::ballot(state, key)))
        },
    )
    .await;
    let (key, command) = match made {
        Err(response) => return response,
        Ok((key, Ok(command))) => (key, command),
        Ok((key, Err(not_figures))) => {
            let problems = Problems {
                not_figures,
                ..Problems::default()
            };
            return again(&app, &desk, &key, &typed, problems).await;
        }
    };
    let Some(date) = today(&app) else {
        return desk.unavailable();
    };
    let submission = Submission {
        date,
        actor: desk.viewer.actor(),
        command: Command::EnterProtocol(command),
    };
    let problems = match app.ledger().submit(submission).await {
        Ok(_) => {
            return see_other(&format!(
                "{}?recorded=1",
                address::protocol(key.constituency, key.station)
            ));
        }
        Err(SubmitError::Refused(refusal)) => match refusal {
            Refusal::ProtocolRejected { failures } => Problems {
                failures,
                ..Problems::default()
            },
            Refusal::WarningsNotAcknowledged { warnings } => Problems {
                warnings,
                ..Problems::default()
            },
            other => Problems {
                refusal: Some(tandoo_present::refusal(&other, desk.language)),
                ..Problems::default()
            },
        },
        Err(SubmitError::Defect(defect)) => {
            tracing::error!(%defect, "recording a protocol entry");
            return desk.unavailable();
        }
        Err(SubmitError::Unavailable(_)) => return desk.unavailable(),
    };
    again(&app, &desk, &key, &typed, problems).await
}

/// The form again, with what was typed and what was found: 422, so that a program (and a
/// test) sees the entry was not recorded.
async fn again(
    app: &App,
    desk: &Desk,
    key: &ProtocolKey,
    typed: &Typed,
    problems: Problems,
) -> Response {
    let screen_ = desk.screen();
    let drawn = app
        .ledger()
        .read(|state| entry::protocol(&screen_, state, key, typed, &problems, None));
    match tokio::time::timeout(READ_WAIT, drawn).await {
        Ok(Some(html)) => screen(StatusCode::UNPROCESSABLE_ENTITY, html),
        Ok(None) => not_found_for(desk),
        Err(_) => desk.unavailable(),
    }
}

/// `POST /staff/entry/{c}/{s}/settle` (`decision=keep&entry=N` or `decision=new`).
pub async fn settle(
    State(app): State<App>,
    desk: Desk,
    Path((constituency, station)): Path<(String, String)>,
    request: Request,
) -> Response {
    let fields = match desk.form(&app, request).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let election = field(&fields, "election").map(ElectionId::new);
    let key = match with_key(&app, &desk, &constituency, &station, election, |_, key| {
        Some(key.clone())
    })
    .await
    {
        Ok((key, _)) => key,
        Err(response) => return response,
    };
    let decision = field(&fields, "decision").unwrap_or("");
    let Some(command) = entry::settlement(&key, decision, field(&fields, "entry")) else {
        return desk.message(StatusCode::BAD_REQUEST, "problem-heading", "settle-unknown");
    };
    let Some(date) = today(&app) else {
        return desk.unavailable();
    };
    let submission = Submission {
        date,
        actor: desk.viewer.actor(),
        command: Command::SettleProtocol(command),
    };
    match app.ledger().submit(submission).await {
        Ok(_) => see_other(&format!(
            "{}?settled=1",
            address::protocol(key.constituency, key.station)
        )),
        Err(SubmitError::Refused(refusal)) => {
            let problems = Problems {
                refusal: Some(tandoo_present::refusal(&refusal, desk.language)),
                ..Problems::default()
            };
            again(&app, &desk, &key, &Typed::default(), problems).await
        }
        Err(SubmitError::Defect(defect)) => {
            tracing::error!(%defect, "recording a settlement");
            desk.unavailable()
        }
        Err(SubmitError::Unavailable(_)) => desk.unavailable(),
    }
}

/// Draws a protocol's screen, once the protocol is one the viewer works on.
async fn with_protocol(
    app: &App,
    desk: &Desk,
    constituency: &str,
    station: &str,
    election: Option<ElectionId>,
    draw_it: impl FnOnce(&RecordState, &Screen, &ProtocolKey) -> Option<String>,
) -> Response {
    let screen_ = desk.screen();
    match with_key(app, desk, constituency, station, election, |state, key| {
        draw_it(state, &screen_, key)
    })
    .await
    {
        Ok((_, html)) => screen(StatusCode::OK, html),
        Err(response) => response,
    }
}

/// Runs `then` on the state with the protocol's key, once the address names a station of
/// the constituency in an election that holds it and the viewer is an operator or
/// supervisor of a commission over it; else the screen that says why not.
async fn with_key<T>(
    app: &App,
    desk: &Desk,
    constituency: &str,
    station: &str,
    election: Option<ElectionId>,
    then: impl FnOnce(&RecordState, &ProtocolKey) -> Option<T>,
) -> Result<(ProtocolKey, T), Response> {
    let (Ok(constituency), Ok(station)) = (constituency.parse::<u16>(), station.parse::<u32>())
    else {
        return Err(not_found_for(desk));
    };
    let (constituency, station) = (ConstituencyNo(constituency), StationId(station));
    let screen_ = desk.screen();
    let found = app.ledger().read(|state| {
        let election = election.or_else(|| state.main_election().cloned())?;
        let holds = state
            .elections
            .get(&election)
            .is_some_and(|e| e.call.constituencies.contains(&constituency))
            && state
                .rolls
                .get(&constituency)
                .is_some_and(|r| r.station_ids.contains(&station));
        if !holds {
            return None;
        }
        if !screen_.works_on(state, constituency) {
            return Some(Err(()));
        }
        let key = ProtocolKey {
            election,
            station,
            constituency,
        };
        Some(Ok(then(state, &key).map(|t| (key, t))))
    });
    match tokio::time::timeout(READ_WAIT, found).await {
        Err(_) => Err(desk.unavailable()),
        Ok(None) | Ok(Some(Ok(None))) => Err(not_found_for(desk)),
        Ok(Some(Err(()))) => {
            Err(desk.message(StatusCode::FORBIDDEN, "forbidden-title", "forbidden"))
        }
        Ok(Some(Ok(Some(found)))) => Ok(found),
    }
}

/// A query parameter's value (not percent-decoded: the values here are numbers and ids).
fn query_value<'u>(uri: &'u Uri, name: &str) -> Option<&'u str> {
    uri.query()?.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
        (n == name).then_some(v)
    })
}

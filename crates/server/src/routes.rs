//! The routes and their handlers: parse the request, call the ledger or the accounts,
//! render the answer. Rules live in `core`; nothing here decides what a role may do.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use serde_json::{Value, json};
use tandoo_core::ids::{ConstituencyNo, ElectionId, StationId};
use tandoo_core::listing::{ListError, ListFilter, ListKind};
use tandoo_core::progress::{national_progress, protocol_view};
use tandoo_core::protocol::ProtocolKey;
use tandoo_core::{Command, LegalDate, Submission};
use tandoo_ledger::SubmitError;

use crate::accounts::role_name;
use crate::app::{App, OTHER_BODY_LIMIT};
use crate::audit_event::AuditEvent;
use crate::body::read_json;
use crate::client::client_address;
use crate::error::ApiError;
use crate::sessions::{LoginError, Lookup, Session};
use crate::throttle::Limit;
use crate::views::READ_WAIT;
use tandoo_core::status::StatusQuery;

pub use crate::session_guard::{CSRF_HEADER, LoggedIn, SESSION_COOKIE, Staff};
use crate::session_guard::{require_csrf, session_token, store_error};
/// Marks a public answer served from the last one rendered, because the state could not be
/// read at the moment.
pub const STALE_HEADER: &str = "x-tandoo-stale";
/// The header naming the record's head (its entry number) an answer of the status reflects.
pub const HEAD_HEADER: &str = "x-tandoo-head";
pub use crate::public_record::MAX_PAGE_ENTRIES as MAX_RECORD_PAGE;
use crate::public_record::MAX_PAGE_ENTRIES;

/// The API's routes, ready to serve.
pub fn router(app: App) -> Router {
    let command_limit = app.config().command_limit;
    let mut routes = Router::new();
    // A public-only server has no staff address at all: a request for one is a 404, as for
    // any address it does not serve.
    if !app.config().public_only {
        routes = routes
            .route(
                "/api/session",
                post(login).get(who_is_logged_in).delete(logout),
            )
            .route(
                "/api/commands",
                post(submit_command).layer(DefaultBodyLimit::max(command_limit)),
            )
            .merge(crate::report_api::routes())
            .merge(crate::workplace::routes());
    }
    routes
        .route("/api/status", get(status))
        .route("/api/record", get(record))
        .route("/api/progress", get(progress))
        .route("/api/protocol", get(protocol))
        .route("/api/health", get(health))
        .route("/api/list/{kind}", get(list))
        .merge(crate::log::routes(app.inner.log.clone()))
        .merge(crate::portal::routes())
        .merge(crate::documents::routes())
        .merge(crate::report_pages::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(OTHER_BODY_LIMIT))
        .layer(middleware::from_fn(log_and_harden))
        .with_state(app)
}

// ---- sessions ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Login {
    user: String,
    password: String,
}

async fn login(State(app): State<App>, request: Request) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    let address = client_address(&parts, app.config().trusted_proxy);
    let login: Login = read_json(
        Request::from_parts(parts, body),
        "BAD_REQUEST",
        OTHER_BODY_LIMIT,
        app.config().serve.body,
    )
    .await?;
    let opened = app
        .auth()
        .login(&login.user, &login.password, &address)
        .await
        .map_err(|e| match e {
            LoginError::BadCredentials => ApiError::bad_credentials(),
            LoginError::Throttled { limit, retry_after } => throttled(limit, retry_after),
            LoginError::Store(e) => store_error("opening a session", e),
        })?;
    tracing::info!(user = opened.session.user, "logged in");
    let cookie = session_cookie(&app, &opened.token, app.config().sessions.absolute);
    let mut response = Json(session_json(&opened.session)).into_response();
    response.headers_mut().insert(SET_COOKIE, cookie);
    Ok(response)
}

/// 429 with the limit met and the minutes to wait (also in `Retry-After`, in seconds).
fn throttled(limit: Limit, retry_after: i64) -> ApiError {
    let whose = match limit {
        Limit::Address => "from this address",
        Limit::NameAndAddress => "for this user name from this address",
        Limit::Name => "for this user name",
        Limit::Global => "on this server",
    };
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "TOO_MANY_ATTEMPTS",
        format!(
            "too many failed logins {whose}; try again in {} minute(s)",
            (retry_after + 59) / 60
        ),
    )
    .retry_after(retry_after)
}

async fn who_is_logged_in(user: LoggedIn) -> Json<Value> {
    Json(session_json(&user.session))
}

async fn logout(State(app): State<App>, request: Request) -> Result<Response, ApiError> {
    let (parts, _) = request.into_parts();
    let headers = &parts.headers;
    if let Some(token) = session_token(headers)
        && let Lookup::Active(session) = app
            .auth()
            .session(token)
            .await
            .map_err(|e| store_error("reading the session", e))?
    {
        require_csrf(headers, &session)?;
        app.auth()
            .end(token)
            .await
            .map_err(|e| store_error("ending the session", e))?;
        let address = client_address(&parts, app.config().trusted_proxy);
        app.accounts()
            .audit(AuditEvent::Logout, &session.user, &address.key(), "")
            .await
            .map_err(|e| store_error("writing the audit log", e))?;
        tracing::info!(user = session.user, "logged out");
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(SET_COOKIE, session_cookie(&app, "", 0));
    Ok(response)
}

fn session_json(session: &Session) -> Value {
    json!({
        "user": session.user,
        "role": role_name(session.role),
        "commission": session.commission,
        "csrf_token": session.csrf_token,
    })
}

pub(crate) fn session_cookie(app: &App, token: &str, max_age: i64) -> HeaderValue {
    let secure = if app.config().secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let text = format!(
        "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"
    );
    // The token is hex and the rest is fixed text, so the value is always valid.
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

// ---- commands ----

/// A command as the API takes it: the legal date and the command. The actor is the
/// session's account; a body that names an actor is refused, so that nobody believes
/// they chose it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommandRequest {
    date: LegalDate,
    command: Command,
    /// Present whatever its value, `null` included (L4).
    #[serde(default, deserialize_with = "present")]
    actor: Option<IgnoredAny>,
}

/// `Some` for a member that is there, even as `null`: serde's `Option` would read `null`
/// as absent.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<IgnoredAny>, D::Error> {
    IgnoredAny::deserialize(deserializer).map(Some)
}

async fn submit_command(
    State(app): State<App>,
    staff: Staff,
    request: Request,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let limit = app.config().command_limit;
    let within = app.config().serve.body;
    let language = crate::reader::language(request.uri(), request.headers());
    let request: CommandRequest = read_json(request, "BAD_COMMAND", limit, within).await?;
    if request.actor.is_some() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "ACTOR_NOT_ACCEPTED",
            "a command sent to the API must not name an actor: it is recorded as given by \
             the logged-in account",
        ));
    }
    let submission = Submission {
        date: request.date,
        actor: staff.session.actor(),
        command: request.command,
    };
    match app.ledger().submit(submission).await {
        Ok(receipt) => {
            let entries: Vec<Value> = receipt
                .entries
                .iter()
                .map(|(seq, hash)| json!({"seq": seq, "hash": hash}))
                .collect();
            Ok((StatusCode::CREATED, Json(json!({"entries": entries}))))
        }
        Err(SubmitError::Refused(refusal)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            refusal.code(),
            tandoo_present::refusal(&refusal, language),
        )),
        Err(SubmitError::Defect(defect)) => Err(ApiError::internal("recording a command", defect)),
        Err(SubmitError::Unavailable(detail)) => Err(ApiError::unavailable(detail)),
    }
}

// ---- public reads ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusParams {
    election: Option<String>,
    constituency: Option<u16>,
    as_of: Option<String>,
    /// An entry the answer must reflect (a receipt's number): read-your-writes.
    at_least: Option<u64>,
}

async fn status(
    State(app): State<App>,
    params: Result<Query<StatusParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let as_of = params
        .as_of
        .as_deref()
        .map(|d| d.parse::<LegalDate>())
        .transpose()
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "BAD_DATE", e.to_string()))?;
    // The present state of the main election is in the portal's publication already:
    // served from it, so that readers of the API never render (nor wait on the writer)
    // for what the publisher has made. It is at most a render behind the head; a caller
    // that must see its own write names the entry (`at_least`) and, while the publication
    // does not hold it yet, is answered from the state.
    if params.election.is_none() && as_of.is_none() {
        let publication = app.publisher().current();
        let file = match params.constituency {
            None => "results.json".to_owned(),
            Some(c) => format!("results/{c}.json"),
        };
        let holds = params
            .at_least
            .is_none_or(|seq| publication.head_seq >= seq);
        if holds && let Some(asset) = publication.file(&file) {
            let mut response = json_bytes(Bytes::from_owner(asset.bytes.clone()));
            response
                .headers_mut()
                .insert(HEAD_HEADER, HeaderValue::from(publication.head_seq));
            return Ok(response);
        }
    }
    let query = StatusQuery {
        election: params.election.map(ElectionId::new),
        constituency: params.constituency.map(ConstituencyNo),
        as_of,
    };
    let rendered = app.inner.views.status(app.ledger(), query).await?;
    let mut response = json_bytes(rendered.bytes);
    response
        .headers_mut()
        .insert(HEAD_HEADER, HeaderValue::from(rendered.head));
    if rendered.stale {
        response
            .headers_mut()
            .insert(STALE_HEADER, HeaderValue::from_static("1"));
    }
    Ok(response)
}

// ---- protocol entry ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressParams {
    election: Option<String>,
}

/// Where protocol entry stands, per constituency and nationally (public).
async fn progress(
    State(app): State<App>,
    params: Result<Query<ProgressParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let view = app.ledger().read(|state| {
        let election = match params.election {
            Some(id) => ElectionId::new(id),
            None => state.main_election()?.clone(),
        };
        // Written straight to bytes: through a `Value` the constituencies would be
        // ordered as strings ("10" before "2").
        national_progress(state, &election).map(|view| serde_json::to_vec(&view))
    });
    let view = tokio::time::timeout(READ_WAIT, view).await.map_err(|_| {
        ApiError::database_unavailable("reading the progress", "the state is held by the writer")
    })?;
    match view {
        Some(Ok(bytes)) => Ok(json_bytes(Bytes::from(bytes))),
        Some(Err(e)) => Err(ApiError::internal("rendering the progress", e)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "UNKNOWN_ELECTION",
            "there is no such election",
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProtocolParams {
    election: String,
    station: u32,
    constituency: u16,
}

/// One protocol as the logged-in user may see it: a supervisor sees every entry and the
/// differing lines; an operator sees only their own entry's figures.
async fn protocol(
    State(app): State<App>,
    user: LoggedIn,
    params: Result<Query<ProtocolParams>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let key = ProtocolKey {
        election: ElectionId::new(params.election),
        station: StationId(params.station),
        constituency: ConstituencyNo(params.constituency),
    };
    let viewer = user.session.actor();
    let view = app.ledger().read(|state| {
        if !state.stations.contains_key(&key.station) {
            return None;
        }
        Some(serde_json::to_value(protocol_view(state, &key, &viewer)))
    });
    let view = tokio::time::timeout(READ_WAIT, view).await.map_err(|_| {
        ApiError::database_unavailable("reading the protocol", "the state is held by the writer")
    })?;
    match view {
        Some(Ok(value)) => Ok(Json(value)),
        Some(Err(e)) => Err(ApiError::internal("rendering the protocol", e)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "UNKNOWN_STATION",
            format!("there is no polling station {}", key.station),
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordParams {
    from: Option<u64>,
    limit: Option<usize>,
}

async fn record(
    State(app): State<App>,
    params: Result<Query<RecordParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let from = params.from.unwrap_or(1).max(1);
    let limit = params.limit.unwrap_or(MAX_PAGE_ENTRIES);
    let page = app
        .inner
        .public_record
        .page(app.ledger(), from, limit)
        .await?;
    Ok(json_bytes(page))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    election: Option<String>,
    constituency: Option<u16>,
}

/// What the record holds, with the ids commands take (public).
async fn list(
    State(app): State<App>,
    Path(kind): Path<String>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let kind = ListKind::from_name(&kind).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "UNKNOWN_LIST",
            "there is no such list; the lists are elections, constituencies, stations, \
             commissions, candidates, resolutions and complaints",
        )
    })?;
    let filter = ListFilter {
        election: params.election.map(ElectionId::new),
        constituency: params.constituency.map(ConstituencyNo),
    };
    let listing = app
        .ledger()
        .read(|state| {
            tandoo_core::listing::list(state, kind, &filter).map(|l| serde_json::to_value(&l))
        })
        .await;
    match listing {
        Ok(Ok(value)) => Ok(Json(value)),
        Ok(Err(e)) => Err(ApiError::internal("rendering the list", e)),
        Err(e @ ListError::FilterNotApplicable { .. }) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            e.code(),
            e.to_string(),
        )),
        Err(e) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            e.code(),
            e.to_string(),
        )),
    }
}

/// The server is up, with the head it serves. The status says when it is not well: the code
/// of the reason it stopped writing (`RECORD_BEHIND`, `RECORD_DIVERGED`), or `"behind"` when
/// its state cannot be read at the moment (the writer holds it, as in a database outage)
/// and the head is the last one seen.
async fn health(State(app): State<App>) -> Result<Json<Value>, ApiError> {
    let (head, behind) = app.inner.views.head(app.ledger()).await.ok_or_else(|| {
        ApiError::database_unavailable("reading the head", "the state is held by the writer")
    })?;
    let halt = tokio::time::timeout(crate::views::READ_WAIT, app.ledger().health())
        .await
        .ok()
        .and_then(|health| health.halt);
    let status = match (&halt, behind) {
        (Some(halt), _) => halt.code(),
        (None, true) => "behind",
        (None, false) => "ok",
    };
    Ok(Json(
        json!({"status": status, "head": {"seq": head.seq, "hash": head.hash}}),
    ))
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        "there is no such address in the API (see docs/api.md)",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        "this address does not take that method (see docs/api.md)",
    )
}

// ---- helpers ----

fn bad_query(rejection: QueryRejection) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "BAD_QUERY", rejection.body_text())
}

fn json_bytes(bytes: Bytes) -> Response {
    (
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        bytes,
    )
        .into_response()
}

/// One log line per request, and headers every answer carries: no content sniffing, and
/// no caching of anything that depends on who asks.
async fn log_and_harden(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    if path == "/api/session" || path == "/api/commands" {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    tracing::info!(
        "{method} {path} {} {}ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

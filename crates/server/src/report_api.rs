//! The staff's side of public reports: list the reports their commission may take up,
//! register one as a complaint (a `file_complaint` command through the ledger, so an act of
//! the record) or dismiss one with a reason. Who may: the roles the permission table lets
//! file a complaint, for a commission whose competence covers the report's station (see
//! `CommissionDef::covers_station`); the complaint is addressed to that commission.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use tandoo_core::casework::ComplaintKind;
use tandoo_core::command::FileComplaint;
use tandoo_core::commission::CommissionDef;
use tandoo_core::ids::ComplaintId;
use tandoo_core::permission::CommandKind;
use tandoo_core::{Command, LegalDate, Submission};
use tandoo_ledger::SubmitError;

use crate::app::{App, OTHER_BODY_LIMIT};
use crate::audit_event::AuditEvent;
use crate::body::read_json;
use crate::client::client_address;
use crate::error::ApiError;
use crate::reports::{Decision, Report, ReportError, ReportStatus};
use crate::session_guard::{LoggedIn, Staff, store_error};
use crate::sessions::Session;
use crate::views::READ_WAIT;

/// The longest reason for dismissing a report, in characters.
pub const MAX_REASON_CHARS: usize = 2000;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/api/reports", get(list))
        .route("/api/reports/{id}/register", post(register))
        .route("/api/reports/{id}/dismiss", post(dismiss))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    status: Option<ReportStatus>,
}

/// `GET /api/reports?status=open`: the reports the session's commission may take up.
async fn list(
    State(app): State<App>,
    user: LoggedIn,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) =
        params.map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "BAD_QUERY", e.body_text()))?;
    let commission = competence(&app, &user.session).await?;
    let reports = app
        .reports()
        .list(app.accounts().db(), params.status)
        .await
        .map_err(report_error)?;
    let reports: Vec<&Report> = reports
        .iter()
        .filter(|r| commission.covers_station(r.constituency, r.station))
        .collect();
    Ok(private(Json(json!({ "reports": reports }))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterRequest {
    /// The legal date of the complaint's filing, as every command has one.
    date: LegalDate,
}

/// `POST /api/reports/{id}/register`: the report becomes a complaint addressed to the
/// session's commission, filed by "public report N", its subject the report's text. The
/// complaint's id is fixed by the report (`{commission}-PR-{N}`), so that the ledger refuses
/// a second registration of one report however it arrives.
async fn register(
    State(app): State<App>,
    Path(id): Path<i64>,
    staff: Staff,
    request: Request,
) -> Result<Response, ApiError> {
    let language = crate::reader::language(request.uri(), request.headers());
    let (parts, body) = request.into_parts();
    let address = client_address(&parts, app.config().trusted_proxy).key();
    let request = Request::from_parts(parts, body);
    let asked: RegisterRequest = read_json(
        request,
        "BAD_REQUEST",
        OTHER_BODY_LIMIT,
        app.config().serve.body,
    )
    .await?;
    let report = open_report(&app, &staff.session, id).await?;
    let complaint = ComplaintId::new(format!("{}-PR-{id}", staff.session.commission));
    let command = FileComplaint {
        id: Some(complaint.clone()),
        kind: ComplaintKind::Complaint,
        addressed_to: staff.session.commission.clone(),
        filed_by: vec![format!("public report {id}")],
        candidates: Vec::new(),
        subject: format!(
            "Public report {id} against the protocol of polling station {} \
             (constituency {}, version {}): {}",
            report.station, report.constituency, report.protocol_version, report.text
        ),
        concerns: None,
    };
    let submission = Submission {
        date: asked.date,
        actor: staff.session.actor(),
        command: Command::FileComplaint(command),
    };
    let receipt = match app.ledger().submit(submission).await {
        Ok(receipt) => receipt,
        Err(SubmitError::Refused(refusal)) => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                refusal.code(),
                tandoo_present::refusal(&refusal, language),
            ));
        }
        Err(SubmitError::Defect(defect)) => {
            return Err(ApiError::internal("registering a report", defect));
        }
        Err(e) => return Err(ApiError::unavailable(e)),
    };
    let decision = Decision::Registered {
        complaint: complaint.to_string(),
    };
    decide(&app, &staff.session, id, &decision, &address).await?;
    let entries: Vec<Value> = receipt
        .entries
        .iter()
        .map(|(seq, hash)| json!({"seq": seq, "hash": hash}))
        .collect();
    Ok(private(Json(json!({
        "report": id,
        "complaint": complaint,
        "entries": entries,
    }))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DismissRequest {
    reason: String,
}

/// `POST /api/reports/{id}/dismiss` `{"reason": "…"}`.
async fn dismiss(
    State(app): State<App>,
    Path(id): Path<i64>,
    staff: Staff,
    request: Request,
) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    let address = client_address(&parts, app.config().trusted_proxy).key();
    let request = Request::from_parts(parts, body);
    let asked: DismissRequest = read_json(
        request,
        "BAD_REQUEST",
        OTHER_BODY_LIMIT,
        app.config().serve.body,
    )
    .await?;
    let reason = asked.reason.trim();
    if reason.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "REPORT_REASON_MISSING",
            "say why the report is dismissed",
        ));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "REPORT_REASON_TOO_LONG",
            format!("the reason is too long: at most {MAX_REASON_CHARS} characters"),
        ));
    }
    open_report(&app, &staff.session, id).await?;
    let decision = Decision::Dismissed {
        reason: reason.to_owned(),
    };
    decide(&app, &staff.session, id, &decision, &address).await?;
    let report = app
        .reports()
        .get(app.accounts().db(), id)
        .await
        .map_err(report_error)?;
    Ok(private(Json(json!({ "report": report }))))
}

/// The commission of a session that may take up reports: its role may file a complaint,
/// and the commission is in the record.
async fn competence(app: &App, session: &Session) -> Result<CommissionDef, ApiError> {
    let not_authorised = || {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "REPORTS_NOT_AUTHORISED",
            "this account's role may not handle public reports",
        )
    };
    if !CommandKind::FileComplaint.permission().allows(session.role) {
        return Err(not_authorised());
    }
    let commission = app
        .ledger()
        .read(|state| state.commissions.get(&session.commission).cloned());
    tokio::time::timeout(READ_WAIT, commission)
        .await
        .map_err(|_| {
            ApiError::database_unavailable(
                "reading the commission",
                "the state is held by the writer",
            )
        })?
        .ok_or_else(not_authorised)
}

/// Report `id`, open and within the session's competence.
async fn open_report(app: &App, session: &Session, id: i64) -> Result<Report, ApiError> {
    let commission = competence(app, session).await?;
    let report = app
        .reports()
        .get(app.accounts().db(), id)
        .await
        .map_err(report_error)?;
    if !commission.covers_station(report.constituency, report.station) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "REPORT_OUTSIDE_COMPETENCE",
            format!(
                "report {id} is about polling station {} of constituency {}, outside the \
                 competence of {}",
                report.station, report.constituency, commission.id
            ),
        ));
    }
    if report.status != ReportStatus::Open {
        return Err(report_error(ReportError::NotOpen(id)));
    }
    Ok(report)
}

/// Marks the report decided and writes the audit log.
async fn decide(
    app: &App,
    session: &Session,
    id: i64,
    decision: &Decision,
    address: &str,
) -> Result<(), ApiError> {
    let now = app.accounts().clock().now();
    app.reports()
        .decide(app.accounts().db(), id, decision, &session.user, now)
        .await
        .map_err(report_error)?;
    let (event, detail) = match decision {
        Decision::Registered { complaint } => (
            AuditEvent::ReportRegistered,
            format!("report {id} as complaint {complaint}"),
        ),
        Decision::Dismissed { .. } => (AuditEvent::ReportDismissed, format!("report {id}")),
    };
    app.accounts()
        .audit(event, &session.user, address, &detail)
        .await
        .map_err(|e| store_error("writing the audit log", e))?;
    tracing::info!(user = session.user, report = id, "{}", event.name());
    Ok(())
}

fn report_error(error: ReportError) -> ApiError {
    match error {
        ReportError::Unknown(id) => ApiError::new(
            StatusCode::NOT_FOUND,
            "UNKNOWN_REPORT",
            format!("there is no report {id}"),
        ),
        ReportError::NotOpen(id) => ApiError::new(
            StatusCode::CONFLICT,
            "REPORT_NOT_OPEN",
            format!("report {id} has already been registered or dismissed"),
        ),
        ReportError::TooMany { .. } => ApiError::internal("handling a report", error),
        ReportError::Store(e) => ApiError::database_unavailable("handling a report", e),
    }
}

/// An answer naming reporters' contacts: never kept by a cache.
fn private(answer: impl IntoResponse) -> Response {
    let mut response = answer.into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

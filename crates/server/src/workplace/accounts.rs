//! The accounts, the user's own password and the audit log through the screens:
//! `GET|POST /staff/accounts`, `POST /staff/accounts/{user}/disable`,
//! `POST /staff/accounts/{user}/role`, `GET|POST /staff/password`, `GET /staff/audit` and
//! `GET /staff/audit.csv`. Who may open the accounts and the log is the menu's rule
//! (administrators), applied by [`Desk`] before a handler runs; what an account may be is
//! the accounts' store's; every change is written to the audit log with the
//! administrator's name and address.

use axum::extract::{Path, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use tandoo_core::ids::CommissionId;
use tandoo_workplace::accounts::{self as screens, Account, NewAccount, Problem};
use tandoo_workplace::address;
use tandoo_workplace::audit::{self, AuditFilter, AuditPage, AuditRow};

use crate::accounts::{AccountError, By, MIN_PASSWORD_CHARS};
use crate::app::App;
use crate::audit::{AuditEntry, AuditQuery, MAX_READ, day_start, utc_time};
use crate::audit_event::AuditEvent;
use crate::client::client_address;
use crate::session_guard::session_token;

use super::desk::{Desk, field, query_value};
use super::{draw, see_other};

/// Entries on one page of the audit screen.
const AUDIT_PAGE: i64 = 50;

/// The fields of a form and the address it came from.
async fn form_from(
    app: &App,
    desk: &Desk,
    request: Request,
) -> Result<(Vec<(String, String)>, String), Response> {
    let (parts, body) = request.into_parts();
    let address = client_address(&parts, app.config().trusted_proxy).key();
    let fields = desk.form(app, Request::from_parts(parts, body)).await?;
    Ok((fields, address))
}

fn notice(uri: &Uri) -> Option<&'static str> {
    [
        ("added", "account-added"),
        ("disabled", "account-was-disabled"),
        ("changed", "account-role-changed"),
    ]
    .into_iter()
    .find(|(q, _)| query_value(uri, q).is_some())
    .map(|(_, key)| key)
}

pub async fn list(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    accounts_screen(
        &app,
        &desk,
        StatusCode::OK,
        &NewAccount::default(),
        &[],
        notice(&uri),
    )
    .await
}

async fn accounts_screen(
    app: &App,
    desk: &Desk,
    status: StatusCode,
    typed: &NewAccount,
    problems: &[Problem],
    notice: Option<&str>,
) -> Response {
    let Ok(accounts) = app.accounts().list().await else {
        return desk.unavailable();
    };
    let accounts: Vec<Account> = accounts
        .into_iter()
        .map(|a| Account {
            user: a.user,
            role: a.role,
            commission: a.commission,
            disabled: a.disabled,
        })
        .collect();
    let mut response = draw(app, desk, |state, screen| {
        Some(screens::list(
            screen,
            state,
            &accounts,
            typed,
            problems,
            notice,
            MIN_PASSWORD_CHARS,
        ))
    })
    .await;
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

/// Whether the record holds the commission an account is to act for: an account of a
/// commission that does not exist could never act.
async fn known_commission(app: &App, commission: &str) -> bool {
    let id = CommissionId::new(commission);
    app.ledger()
        .read(|state| state.commissions.contains_key(&id))
        .await
}

/// A refusal of the accounts' store as a problem beside its field, or the store's failure.
fn problem(error: &AccountError) -> Option<Problem> {
    error
        .is_input()
        .then(|| Problem::for_code(error.code()))
        .flatten()
}

/// `POST /staff/accounts`: adds an account.
pub async fn add(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let (fields, address) = match form_from(&app, &desk, request).await {
        Ok(form) => form,
        Err(refused) => return refused,
    };
    let value = |name| field(&fields, name).unwrap_or("");
    let typed = NewAccount {
        user: value("user").trim().to_owned(),
        role: value("role").to_owned(),
        commission: value("commission").to_owned(),
    };
    let refused = |problem: Problem| {
        let (app, desk, typed) = (&app, &desk, &typed);
        async move {
            accounts_screen(
                app,
                desk,
                StatusCode::UNPROCESSABLE_ENTITY,
                typed,
                &[problem],
                None,
            )
            .await
        }
    };
    if value("password") != value("password_again") {
        return refused(Problem {
            field: "password_again",
            code: "PASSWORDS_DIFFER",
        })
        .await;
    }
    if !known_commission(&app, &typed.commission).await {
        return refused(Problem {
            field: "commission",
            code: "UNKNOWN_COMMISSION",
        })
        .await;
    }
    let by = By {
        user: &desk.viewer.user,
        address: &address,
    };
    match app
        .accounts()
        .add_by(
            &typed.user,
            &typed.role,
            &typed.commission,
            value("password"),
            by,
        )
        .await
    {
        Ok(account) => {
            tracing::info!(user = account.user, by = desk.viewer.user, "account added");
            see_other(&format!("{}?added=1", address::ACCOUNTS))
        }
        Err(error) => match problem(&error) {
            Some(problem) => refused(problem).await,
            None => desk.unavailable(),
        },
    }
}

/// `POST /staff/accounts/{user}/disable`: disables an account; its sessions end.
pub async fn disable(
    State(app): State<App>,
    desk: Desk,
    Path(user): Path<String>,
    request: Request,
) -> Response {
    let (_, address) = match form_from(&app, &desk, request).await {
        Ok(form) => form,
        Err(refused) => return refused,
    };
    let by = By {
        user: &desk.viewer.user,
        address: &address,
    };
    match app.accounts().disable_by(&user, by).await {
        Ok(()) => see_other(&format!("{}?disabled=1", address::ACCOUNTS)),
        Err(error) => match problem(&error) {
            Some(problem) => {
                accounts_screen(
                    &app,
                    &desk,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &NewAccount::default(),
                    &[problem],
                    None,
                )
                .await
            }
            None => desk.unavailable(),
        },
    }
}

/// `POST /staff/accounts/{user}/role` (`role`, `commission`): gives an account another
/// role or commission.
pub async fn set_role(
    State(app): State<App>,
    desk: Desk,
    Path(user): Path<String>,
    request: Request,
) -> Response {
    let (fields, address) = match form_from(&app, &desk, request).await {
        Ok(form) => form,
        Err(refused) => return refused,
    };
    let role = field(&fields, "role").unwrap_or("");
    let commission = field(&fields, "commission").unwrap_or("");
    let again = |problem: Problem| {
        let (app, desk) = (&app, &desk);
        async move {
            accounts_screen(
                app,
                desk,
                StatusCode::UNPROCESSABLE_ENTITY,
                &NewAccount::default(),
                &[problem],
                None,
            )
            .await
        }
    };
    if !known_commission(&app, commission).await {
        return again(Problem {
            field: "commission",
            code: "UNKNOWN_COMMISSION",
        })
        .await;
    }
    let by = By {
        user: &desk.viewer.user,
        address: &address,
    };
    match app.accounts().set_role(&user, role, commission, by).await {
        Ok(_) => see_other(&format!("{}?changed=1", address::ACCOUNTS)),
        Err(error) => match problem(&error) {
            Some(problem) => again(problem).await,
            None => desk.unavailable(),
        },
    }
}

pub async fn password_page(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let changed = query_value(&uri, "changed").is_some();
    draw(&app, &desk, |state, screen| {
        Some(screens::password(
            screen,
            state,
            &[],
            changed,
            MIN_PASSWORD_CHARS,
        ))
    })
    .await
}

/// `POST /staff/password` (`current`, `password`, `password_again`): the user's own
/// password; the user's other sessions end.
pub async fn change_password(State(app): State<App>, desk: Desk, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let address = client_address(&parts, app.config().trusted_proxy);
    let token = session_token(&parts.headers).unwrap_or("").to_owned();
    let fields = match desk.form(&app, Request::from_parts(parts, body)).await {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    let value = |name| field(&fields, name).unwrap_or("");
    let refused = |problem: Problem| {
        let (app, desk) = (&app, &desk);
        async move {
            let mut response = draw(app, desk, |state, screen| {
                Some(screens::password(
                    screen,
                    state,
                    &[problem],
                    false,
                    MIN_PASSWORD_CHARS,
                ))
            })
            .await;
            if response.status() == StatusCode::OK {
                *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            }
            response
        }
    };
    if value("password") != value("password_again") {
        return refused(Problem {
            field: "password_again",
            code: "PASSWORDS_DIFFER",
        })
        .await;
    }
    match app
        .auth()
        .change_password(
            &desk.viewer.user,
            &token,
            value("current"),
            value("password"),
            &address,
        )
        .await
    {
        Ok(()) => see_other(&format!("{}?changed=1", address::PASSWORD)),
        Err(error) => match problem(&error) {
            Some(problem) => refused(problem).await,
            None => desk.unavailable(),
        },
    }
}

/// The audit filter of a request's query, what the store is asked, and whether a date did
/// not read.
fn audit_filter(uri: &Uri) -> (AuditFilter, AuditQuery, bool) {
    let value = |name| query_value(uri, name).unwrap_or_default();
    let filter = AuditFilter {
        user: value("user"),
        event: value("event"),
        from: value("from"),
        to: value("to"),
    };
    let since = (!filter.from.is_empty()).then(|| day_start(&filter.from));
    let until = (!filter.to.is_empty()).then(|| day_start(&filter.to).map(|d| d + 86_400));
    let bad_date = matches!(since, Some(None)) || matches!(until, Some(None));
    let known_event = AuditEvent::ALL.iter().any(|e| e.name() == filter.event);
    let query = AuditQuery {
        user: (!filter.user.is_empty()).then(|| filter.user.clone()),
        // An event the log does not know matches nothing, rather than everything.
        event: (!filter.event.is_empty()).then(|| {
            if known_event {
                filter.event.clone()
            } else {
                String::from("-")
            }
        }),
        since: since.flatten(),
        before: until.flatten(),
        skip: 0,
        limit: AUDIT_PAGE,
    };
    (filter, query, bad_date)
}

pub async fn audit_log(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let (filter, mut query, bad_date) = audit_filter(&uri);
    let page = query_value(&uri, "page")
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    query.skip = i64::from(page - 1).saturating_mul(AUDIT_PAGE);
    let Ok((entries, more)) = app.accounts().audit_page(&query).await else {
        return desk.unavailable();
    };
    let rows: Vec<AuditRow> = entries.into_iter().map(row).collect();
    let events: Vec<&str> = AuditEvent::ALL.iter().map(|e| e.name()).collect();
    draw(&app, &desk, |state, screen| {
        Some(audit::page(
            screen,
            state,
            &AuditPage {
                rows: &rows,
                filter: &filter,
                events: &events,
                page,
                more,
                bad_date,
            },
        ))
    })
    .await
}

fn row(entry: AuditEntry) -> AuditRow {
    AuditRow {
        at: utc_time(entry.at),
        event: entry.event,
        user: entry.user,
        address: entry.address,
        detail: entry.detail,
    }
}

/// `GET /staff/audit.csv`: the entries the same filter shows, newest first, all of them
/// (up to the store's read limit), as CSV with a header row.
pub async fn audit_csv(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let (_, mut query, _) = audit_filter(&uri);
    query.limit = MAX_READ;
    let Ok((entries, _)) = app.accounts().audit_page(&query).await else {
        return desk.unavailable();
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    let written = std::iter::once(["time", "event", "user", "address", "detail"].map(String::from))
        .chain(entries.into_iter().map(|e| {
            [
                utc_time(e.at),
                e.event,
                csv_safe(&e.user),
                e.address,
                csv_safe(&e.detail),
            ]
        }))
        .try_for_each(|record| writer.write_record(&record));
    let Ok(bytes) = written
        .map_err(|_| ())
        .and_then(|()| writer.into_inner().map_err(|_| ()))
    else {
        return desk.unavailable();
    };
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"audit.csv\""),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A value a visitor chose (a failed login's user name) as a spreadsheet reads it safely:
/// one starting with `=`, `+`, `-` or `@` would be taken for a formula, so it is prefixed
/// with an apostrophe.
fn csv_safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

//! The public side of reports against a published protocol: the form
//! (`GET /reports/new?constituency=C&station=S`), where it is sent (`POST /reports`) and the
//! page of a received report (`GET /reports/{number}`). Live pages, made per request and
//! never cached, served by a public-only server too; the publication only links to the form.
//!
//! A report is checked in this order, and the first failing check answers: the body is a
//! form, its `Origin` (when sent) is this server's, the station exists with an accepted
//! protocol, the form's token is this server's for that station and fresh, the text and the
//! contact are within their limits, and the counters have room (see [`crate::reports`]).
//! It is stored before the answer, a 303 to its page.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, LOCATION, ORIGIN, REFERRER_POLICY,
    RETRY_AFTER,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tandoo_core::State as RecordState;
use tandoo_core::ids::{ConstituencyNo, ElectionId, StationId};
use tandoo_core::protocol::ProtocolKey;
use tandoo_portal::Edition;
use tandoo_portal::address;
use tandoo_portal::pages::report::{
    self, FormFields, MAX_CONTACT_CHARS, MAX_TEXT_CHARS, MIN_TEXT_CHARS, ReportedStation,
};
use tandoo_present::{FluentArgs, Language, catalog};

use crate::app::App;
use crate::client::client_address;
use crate::report_token::FormFor;
use crate::reports::{NewReport, ReportError};
use crate::views::READ_WAIT;

/// The largest report body: 4,000 characters of Cyrillic text are 8,000 bytes of UTF-8
/// and 24,000 once percent-encoded, with the contact and the other fields besides.
pub const REPORT_BODY_LIMIT: usize = 32 << 10;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/reports/new", get(form))
        .route(
            "/reports",
            post(receive).layer(DefaultBodyLimit::max(REPORT_BODY_LIMIT)),
        )
        .route("/reports/{number}", get(received))
}

/// Why a report (or a form) is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum Refusal {
    #[error("the body is not a report form")]
    BadForm,
    #[error("the form's token is missing, not this server's, or older than two hours")]
    BadToken,
    #[error("the report was sent from another site's page")]
    ForeignOrigin,
    #[error("there is no such polling station")]
    UnknownStation,
    #[error("the station has no accepted protocol")]
    NoProtocol,
    #[error("the text is shorter than {MIN_TEXT_CHARS} characters")]
    TextTooShort,
    #[error("the text is longer than {MAX_TEXT_CHARS} characters")]
    TextTooLong,
    #[error("no contact was given")]
    ContactMissing,
    #[error("the contact is longer than {MAX_CONTACT_CHARS} characters")]
    ContactTooLong,
    #[error("a limit on reports is reached")]
    TooMany {
        limit: &'static str,
        retry_after: i64,
    },
    #[error("the record's database cannot be reached")]
    Unavailable,
}

impl Refusal {
    fn code(&self) -> &'static str {
        match self {
            Refusal::BadForm => "REPORT_BAD_FORM",
            Refusal::BadToken => "REPORT_BAD_TOKEN",
            Refusal::ForeignOrigin => "REPORT_FOREIGN_ORIGIN",
            Refusal::UnknownStation => "REPORT_UNKNOWN_STATION",
            Refusal::NoProtocol => "REPORT_NO_PROTOCOL",
            Refusal::TextTooShort => "REPORT_TEXT_TOO_SHORT",
            Refusal::TextTooLong => "REPORT_TEXT_TOO_LONG",
            Refusal::ContactMissing => "REPORT_CONTACT_MISSING",
            Refusal::ContactTooLong => "REPORT_CONTACT_TOO_LONG",
            Refusal::TooMany { .. } => "REPORTS_TOO_MANY",
            Refusal::Unavailable => "RECORD_UNAVAILABLE",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            Refusal::BadToken | Refusal::ForeignOrigin => StatusCode::FORBIDDEN,
            Refusal::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
            Refusal::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    /// The sentence in the reader's language.
    fn sentence(&self, language: Language) -> String {
        let mut args = FluentArgs::new();
        args.set("min", MIN_TEXT_CHARS);
        args.set(
            "max",
            match self {
                Refusal::ContactTooLong => MAX_CONTACT_CHARS,
                _ => MAX_TEXT_CHARS,
            },
        );
        if let Refusal::TooMany { limit, retry_after } = self {
            args.set("limit", *limit);
            args.set("minutes", (retry_after + 59) / 60);
        }
        catalog::text(language, &format!("api-{}", self.code()), Some(&args))
    }
}

/// The station a form or a report is about, as the present state has it.
struct Found {
    election: ElectionId,
    name: String,
    /// Its protocol's latest accepted version.
    version: u32,
}

fn find(
    state: &RecordState,
    constituency: ConstituencyNo,
    station: StationId,
) -> Result<Found, Refusal> {
    let listed = state
        .rolls
        .get(&constituency)
        .is_some_and(|roll| roll.station_ids.contains(&station));
    let def = state.stations.get(&station).filter(|_| listed);
    let (Some(def), Some(election)) = (def, state.main_election()) else {
        return Err(Refusal::UnknownStation);
    };
    let key = ProtocolKey {
        election: election.clone(),
        station,
        constituency,
    };
    let latest = state.protocols.get(&key).and_then(|slot| slot.latest());
    let version = latest.ok_or(Refusal::NoProtocol)?.version;
    Ok(Found {
        election: election.clone(),
        name: def.name.clone(),
        version,
    })
}

async fn find_now(
    app: &App,
    constituency: ConstituencyNo,
    station: StationId,
) -> Result<Found, Refusal> {
    let found = app
        .ledger()
        .read(|state| find(state, constituency, station));
    tokio::time::timeout(READ_WAIT, found)
        .await
        .map_err(|_| Refusal::Unavailable)?
}

/// `GET /reports/new?constituency=C&station=S&lang=L`.
async fn form(State(app): State<App>, request: Request) -> Response {
    let language = language(request.uri(), request.headers());
    let query: Vec<(String, String)> = request
        .uri()
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let (Some(constituency), Some(station)) = (
        field(&query, "constituency")
            .and_then(|v| v.parse().ok())
            .map(ConstituencyNo),
        field(&query, "station")
            .and_then(|v| v.parse().ok())
            .map(StationId),
    ) else {
        return not_found(&app, language);
    };
    let found = match find_now(&app, constituency, station).await {
        Ok(found) => found,
        Err(Refusal::UnknownStation) => return not_found(&app, language),
        Err(refusal) => return refused(&app, language, &refusal, Some((constituency, station))),
    };
    let now = app.accounts().clock().now();
    let form = FormFor {
        constituency,
        station,
        version: found.version,
    };
    let token = app.reports().key.issue(form, now);
    let station = ReportedStation {
        constituency,
        station,
        name: &found.name,
    };
    let fields = FormFields {
        version: found.version,
        token: &token,
    };
    page(
        StatusCode::OK,
        report::form(language, &edition(&app), station, fields),
    )
}

/// `POST /reports`: a report from the form.
async fn receive(State(app): State<App>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let mut language = language(&parts.uri, &parts.headers);
    let address = client_address(&parts, app.config().trusted_proxy).key();
    let headers = parts.headers.clone();
    let request = Request::from_parts(parts, body);
    let fields = match read_form(&app, &headers, request).await {
        Ok(fields) => fields,
        Err(refusal) => return refused(&app, language, &refusal, None),
    };
    if let Some(asked) = field(&fields, "lang").and_then(|l| l.parse().ok()) {
        language = asked;
    }
    let station = (
        field(&fields, "constituency")
            .and_then(|v| v.parse().ok())
            .map(ConstituencyNo),
        field(&fields, "station")
            .and_then(|v| v.parse().ok())
            .map(StationId),
        field(&fields, "version").and_then(|v| v.parse::<u32>().ok()),
    );
    let (Some(constituency), Some(station), Some(version)) = station else {
        return refused(&app, language, &Refusal::BadForm, None);
    };
    let back = Some((constituency, station));
    match check(&app, &fields, constituency, station, version, address).await {
        Ok(number) => {
            tracing::info!(report = number, %station, "a public report was received");
            let mut response = StatusCode::SEE_OTHER.into_response();
            let location = format!("{}/{number}?lang={}", address::REPORTS, language.code());
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(LOCATION, value);
            }
            response
        }
        Err(refusal) => refused(&app, language, &refusal, back),
    }
}

/// The checks of a report's station, token and fields, then its storing.
async fn check(
    app: &App,
    fields: &[(String, String)],
    constituency: ConstituencyNo,
    station: StationId,
    version: u32,
    address: String,
) -> Result<i64, Refusal> {
    let found = find_now(app, constituency, station).await?;
    let now = app.accounts().clock().now();
    let form = FormFor {
        constituency,
        station,
        version,
    };
    let token = field(fields, "token").unwrap_or_default();
    if version > found.version || !app.reports().key.check(form, token, now) {
        return Err(Refusal::BadToken);
    }
    let text = field(fields, "text").unwrap_or_default().trim();
    match text.chars().count() {
        n if n < MIN_TEXT_CHARS => return Err(Refusal::TextTooShort),
        n if n > MAX_TEXT_CHARS => return Err(Refusal::TextTooLong),
        _ => {}
    }
    let contact = field(fields, "contact").unwrap_or_default().trim();
    match contact.chars().count() {
        0 => return Err(Refusal::ContactMissing),
        n if n > MAX_CONTACT_CHARS => return Err(Refusal::ContactTooLong),
        _ => {}
    }
    let report = NewReport {
        election: found.election,
        constituency,
        station,
        version,
        text: text.to_owned(),
        contact: contact.to_owned(),
        address,
    };
    let db = app.accounts().db();
    match app.reports().receive(db, &report, now).await {
        Ok(number) => Ok(number),
        Err(ReportError::TooMany { limit, retry_after }) => Err(Refusal::TooMany {
            limit: limit.name(),
            retry_after,
        }),
        Err(e) => {
            tracing::error!("storing a public report: {e}");
            Err(Refusal::Unavailable)
        }
    }
}

/// The form's fields, once the body is known to be a form from this site's page.
async fn read_form(
    app: &App,
    headers: &HeaderMap,
    request: Request,
) -> Result<Vec<(String, String)>, Refusal> {
    let is_form = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| {
            media
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !is_form {
        return Err(Refusal::BadForm);
    }
    if !same_origin(headers) {
        return Err(Refusal::ForeignOrigin);
    }
    let within = app.config().serve.body;
    let bytes = tokio::time::timeout(within, Bytes::from_request(request, &()))
        .await
        .map_err(|_| Refusal::BadForm)?
        .map_err(|rejection| {
            // Past the limit, the text is what is too long: the other fields are short.
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Refusal::TextTooLong
            } else {
                Refusal::BadForm
            }
        })?;
    Ok(form_urlencoded::parse(&bytes).into_owned().collect())
}

/// A browser names the page a form was sent from in `Origin`: it must be this server (its
/// host as the request names it, behind a proxy the proxy's); a request without one (an
/// older browser, a program) is let through, the token being the check that counts.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(ORIGIN) else {
        return true;
    };
    let host = headers.get(HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin.to_str().ok().and_then(|o| {
        o.strip_prefix("https://")
            .or_else(|| o.strip_prefix("http://"))
    });
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

/// `GET /reports/{number}`: the report was received.
async fn received(
    State(app): State<App>,
    Path(number): Path<String>,
    request: Request,
) -> Response {
    let language = language(request.uri(), request.headers());
    let Ok(number) = number.parse::<i64>() else {
        return not_found(&app, language);
    };
    let report = match app.reports().get(app.accounts().db(), number).await {
        Ok(report) => report,
        Err(ReportError::Unknown(_)) => return not_found(&app, language),
        Err(e) => {
            tracing::error!("reading a public report: {e}");
            return refused(&app, language, &Refusal::Unavailable, None);
        }
    };
    let name = app
        .ledger()
        .read(|state| {
            state
                .stations
                .get(&report.station)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
        .await;
    let station = ReportedStation {
        constituency: report.constituency,
        station: report.station,
        name: &name,
    };
    page(
        StatusCode::OK,
        report::received(language, &edition(&app), number, station),
    )
}

/// The first value of a field.
fn field<'f>(fields: &'f [(String, String)], name: &str) -> Option<&'f str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `?lang=` when it names one of the three, else `Accept-Language`, else Kyrgyz (as the
/// portal's pages).
fn language(uri: &Uri, headers: &HeaderMap) -> Language {
    let asked = uri
        .query()
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|pair| pair.strip_prefix("lang=")?.parse().ok());
    asked
        .or_else(|| {
            let header = headers.get(axum::http::header::ACCEPT_LANGUAGE)?;
            crate::reader::accepted(header.to_str().ok()?)
        })
        .unwrap_or(Language::Ky)
}

/// What the live pages write in their header: the present publication's head.
fn edition(app: &App) -> Edition {
    let publication = app.publisher().current();
    Edition {
        head_seq: publication.head_seq,
        head_hash: publication.head_hash.clone(),
        published_at: publication.published_at.clone(),
        as_of: None,
        dates: Vec::new(),
        default_language: Language::Ky,
        commission_key: None,
    }
}

fn refused(
    app: &App,
    language: Language,
    refusal: &Refusal,
    station: Option<(ConstituencyNo, StationId)>,
) -> Response {
    let sentence = refusal.sentence(language);
    let html = report::refused(language, &edition(app), refusal.code(), &sentence, station);
    let mut response = page(refusal.status(), html);
    if let Refusal::TooMany { retry_after, .. } = refusal {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(*retry_after));
    }
    response
}

/// The portal's 404 page in the reader's language, from the present publication.
fn not_found(app: &App, language: Language) -> Response {
    let publication = app.publisher().current();
    match publication.file(&address::not_found_file(language)) {
        Some(asset) => page(
            StatusCode::NOT_FOUND,
            String::from_utf8_lossy(&asset.bytes).into_owned(),
        ),
        None => refused(app, language, &Refusal::UnknownStation, None),
    }
}

/// A live page: HTML under the portal's Content-Security-Policy, never stored by a cache
/// (the form holds a token made for one reader).
fn page(status: StatusCode, html: String) -> Response {
    let mut response = (status, Body::from(html)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(tandoo_portal::pages::HTML),
    );
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(tandoo_portal::CONTENT_SECURITY_POLICY),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

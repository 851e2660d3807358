//! Who sits at the desk: the session a screen's request comes with, the language to draw it
//! in, and, for a form, its fields once the form is known to be this session's own.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, HOST, ORIGIN};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use tandoo_core::LegalDate;
use tandoo_present::Language;
use tandoo_workplace::{Screen, Viewer, address, frame, menu};

use crate::app::App;
use crate::session_guard::session_token;
use crate::sessions::{Lookup, same_secret};

use super::{screen, see_other};

/// A request for a screen from someone logged in whose role may open it.
pub struct Desk {
    pub viewer: Viewer,
    pub language: Language,
    /// The screen's path and query, without `lang`.
    pub path: String,
}

impl Desk {
    pub fn screen(&self) -> Screen<'_> {
        Screen::new(self.language, Some(&self.viewer), self.path.clone())
    }

    /// A screen that only says something (a refusal, a page not found).
    pub fn message(&self, status: StatusCode, title: &str, text: &str) -> Response {
        screen(status, frame::message(&self.screen(), None, title, text))
    }

    /// The record's database or state could not be reached: nothing was done.
    pub fn unavailable(&self) -> Response {
        self.message(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable-title",
            "unavailable",
        )
    }

    /// The fields of a form this session sent from this server's page: an
    /// `application/x-www-form-urlencoded` body, within the body limit and timeout, whose
    /// `csrf` field is the session's token. Anything else is refused with a screen.
    pub async fn form(
        &self,
        app: &App,
        request: Request,
    ) -> Result<Vec<(String, String)>, Response> {
        let fields = read_form(app, request)
            .await
            .map_err(|()| self.message(StatusCode::FORBIDDEN, "forbidden-title", "foreign-form"))?;
        let sent = field(&fields, "csrf").unwrap_or("");
        if !same_secret(sent, &self.viewer.csrf_token) {
            return Err(self.message(StatusCode::FORBIDDEN, "forbidden-title", "foreign-form"));
        }
        Ok(fields)
    }
}

impl FromRequestParts<App> for Desk {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Response> {
        let asked = asked_language(&parts.uri);
        let fallback = asked
            .or_else(|| accepted(&parts.headers))
            .unwrap_or(Language::Ky);
        let lookup = match session_token(&parts.headers) {
            None => Lookup::Unknown,
            Some(token) => match app.auth().session(token).await {
                Ok(lookup) => lookup,
                Err(_) => return Err(anonymous_unavailable(fallback)),
            },
        };
        let session = match lookup {
            Lookup::Active(session) => session,
            Lookup::Expired => return Err(see_other(&format!("{}?ended=1", address::LOGIN))),
            Lookup::Unknown => return Err(see_other(address::LOGIN)),
        };
        let chosen = session.language;
        let desk = Desk {
            viewer: Viewer {
                user: session.user,
                role: session.role,
                commission: session.commission,
                csrf_token: session.csrf_token,
            },
            language: asked.or(chosen).unwrap_or(fallback),
            path: path_without_language(&parts.uri),
        };
        if !menu::may_open_path(desk.viewer.role, parts.uri.path()) {
            return Err(desk.message(StatusCode::FORBIDDEN, "forbidden-title", "forbidden"));
        }
        Ok(desk)
    }
}

fn anonymous_unavailable(language: Language) -> Response {
    let screen = Screen::new(language, None, address::LOGIN);
    super::screen(
        StatusCode::SERVICE_UNAVAILABLE,
        frame::message(&screen, None, "unavailable-title", "unavailable"),
    )
}

/// `?lang=ky|ru|en`: this page in that language, the account's choice unchanged.
pub fn asked_language(uri: &Uri) -> Option<Language> {
    uri.query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang=")?.parse().ok())
}

/// The language the browser asks for, when it is one of the three.
pub fn accepted(headers: &HeaderMap) -> Option<Language> {
    let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    crate::reader::accepted(header)
}

fn path_without_language(uri: &Uri) -> String {
    let kept: Vec<&str> = uri
        .query()
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    if kept.is_empty() {
        uri.path().to_owned()
    } else {
        format!("{}?{}", uri.path(), kept.join("&"))
    }
}

/// A form's fields, if the body is one and came from this server's page.
pub async fn read_form(app: &App, request: Request) -> Result<Vec<(String, String)>, ()> {
    let headers = request.headers();
    let is_form = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| {
            media
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !is_form || !same_origin(headers) {
        return Err(());
    }
    let within = app.config().serve.body;
    let bytes = tokio::time::timeout(within, Bytes::from_request(request, &()))
        .await
        .map_err(|_| ())?
        .map_err(|_| ())?;
    Ok(form_urlencoded::parse(&bytes).into_owned().collect())
}

/// A browser names the page a form was sent from in `Origin`: it must be this server (its
/// host as the request names it, behind a proxy the proxy's); a request without one (an
/// older browser, a program) is let through, the session's token being the check that
/// counts.
pub fn same_origin(headers: &HeaderMap) -> bool {
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

/// A query parameter's first value, percent-decoded and trimmed (a filter's user name may
/// hold any character).
pub fn query_value(uri: &Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
}

/// A form field's first value.
pub fn field<'f>(fields: &'f [(String, String)], name: &str) -> Option<&'f str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Today's date on the server's clock (UTC), the legal date a screen's act is given when
/// its form has no date of its own.
pub fn today(app: &App) -> Option<LegalDate> {
    let now = app.accounts().clock().now();
    crate::audit::utc_time(now).get(..10)?.parse().ok()
}

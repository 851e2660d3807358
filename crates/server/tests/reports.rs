//! Public reports against a published protocol, on the demo record: the station page links
//! to the form, the form's report is stored and listed for the staff, who register it as a
//! complaint (an act of the record) or dismiss it; every refusal answers with its code, and
//! a reporter's contact is never in a public answer.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use tandoo_core::ids::{ConstituencyNo, StationId};
use tandoo_server::{App, Config, ManualClock, ReportLimits, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

const PASSWORD: &str = "a long enough password";
const CONTACT: &str = "reporter@example.org";
const TEXT: &str = "Line 9 says 512 ballots were issued, but the register lists 480 voters.";

struct Server {
    app: App,
    clock: ManualClock,
    /// A station of the demo with an accepted protocol.
    station: (ConstituencyNo, StationId),
    _dir: TempDir,
}

struct Answer {
    status: StatusCode,
    headers: header::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn code(&self) -> String {
        if let Some(at) = self.body.find("data-code=\"") {
            let rest = &self.body[at + 11..];
            return rest[..rest.find('"').unwrap()].to_string();
        }
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("")
            .to_string()
    }
}

/// A logged-in browser: its cookie and the CSRF token the login returned.
struct Browser {
    cookie: String,
    csrf: String,
}

impl Server {
    async fn new(reports: ReportLimits) -> Server {
        Server::with_config(Config {
            reports,
            ..Config::default()
        })
        .await
    }

    async fn with_config(config: Config) -> Server {
        let dir = TempDir::new().unwrap();
        let clock = ManualClock::starting_at(1_772_388_245);
        let app = App::open_with_clock(
            dir.path().join("record.db"),
            config,
            Arc::new(clock.clone()),
        )
        .await
        .unwrap();
        for step in tandoo_demo::story() {
            for answer in submit_in_order(app.ledger(), step.submissions).await {
                answer.unwrap();
            }
        }
        for (user, role, commission) in [
            ("cec.secretary", "secretary", "CEC"),
            ("cec.operator", "operator", "CEC"),
        ] {
            app.accounts()
                .add(user, role, commission, PASSWORD)
                .await
                .unwrap();
        }
        let station = app
            .ledger()
            .read(|state| {
                state
                    .protocols
                    .iter()
                    .find(|(_, slot)| slot.latest().is_some())
                    .map(|(key, _)| (key.constituency, key.station))
            })
            .await
            .expect("a station with an accepted protocol");
        let head = app.ledger().head().await.seq;
        for _ in 0..1200 {
            if app.publisher().current().head_seq == head {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Server {
            app,
            clock,
            station,
            _dir: dir,
        }
    }

    async fn send(&self, mut request: Request<Body>, from: &str) -> Answer {
        let from: SocketAddr = format!("{from}:40000").parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(from));
        let response = router(self.app.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        Answer {
            status,
            headers,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap(), "192.0.2.1")
            .await
    }

    /// The form for the station, and its token.
    async fn form(&self) -> (Answer, String) {
        let (c, s) = self.station;
        let form = self
            .get(&format!(
                "/reports/new?constituency={c}&station={s}&lang=en"
            ))
            .await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let at = form.body.find("name=\"token\" value=\"").unwrap() + 20;
        let token = form.body[at..at + form.body[at..].find('"').unwrap()].to_string();
        (form, token)
    }

    /// A report as the form sends it, with `fields` over the form's own.
    async fn post(
        &self,
        token: &str,
        fields: &[(&str, &str)],
        origin: Option<&str>,
        from: &str,
    ) -> Answer {
        let (c, s) = self.station;
        let version = self
            .app
            .ledger()
            .read(|state| {
                state
                    .protocols
                    .iter()
                    .find(|(k, _)| k.station == s)
                    .and_then(|(_, slot)| slot.latest().map(|v| v.version))
            })
            .await
            .unwrap()
            .to_string();
        let (c, s) = (c.to_string(), s.to_string());
        let mut all: Vec<(&str, &str)> = vec![
            ("lang", "en"),
            ("constituency", &c),
            ("station", &s),
            ("version", &version),
            ("token", token),
            ("text", TEXT),
            ("contact", CONTACT),
        ];
        for (name, value) in fields {
            all.retain(|(n, _)| n != name);
            all.push((name, value));
        }
        let body: String = form_body(&all);
        let action = form_action(&self.form().await.0.body);
        let mut request = Request::post(action)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "results.example.kg");
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        self.send(request.body(Body::from(body)).unwrap(), from)
            .await
    }

    async fn login(&self, user: &str) -> Browser {
        let body = json!({"user": user, "password": PASSWORD}).to_string();
        let answer = self
            .send(
                Request::post("/api/session")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body))
                    .unwrap(),
                "192.0.2.200",
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let cookie = answer.headers[header::SET_COOKIE].to_str().unwrap();
        Browser {
            cookie: cookie.split(';').next().unwrap().to_string(),
            csrf: answer.json()["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    async fn staff(&self, browser: &Browser, method: Method, uri: &str, body: Value) -> Answer {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::COOKIE, &browser.cookie)
            .header("x-csrf-token", &browser.csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(request, "192.0.2.200").await
    }
}

/// Where the form is sent, as it says.
fn form_action(html: &str) -> String {
    let at = html.find("action=\"").unwrap() + 8;
    html[at..at + html[at..].find('"').unwrap()].replace("&amp;", "&")
}

/// The fields as a browser sends a form: percent-encoded, spaces as `+`.
fn form_body(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// A refusal expected: its code, the fields sent over the form's, the `Origin`, the status.
type Case<'a> = (
    &'a str,
    &'a [(&'a str, &'a str)],
    Option<&'a str>,
    StatusCode,
);

fn generous() -> ReportLimits {
    ReportLimits {
        per_address: 100,
        per_station: 100,
        ..ReportLimits::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_from_the_station_page_is_stored_listed_and_registered_as_a_complaint() {
    let server = Server::new(generous()).await;
    let (c, s) = server.station;
    // The station page links to the live form, in the reader's language.
    let page = server
        .get(&format!("/results/{c}/stations/{s}?lang=ru"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let link = format!("/reports/new?constituency={c}&amp;station={s}&amp;lang=ru");
    assert!(page.body.contains(&link), "the station page links {link}");
    assert!(page.body.contains("Сообщить о проблеме с этим протоколом"));
    // A past date's page has no such section.
    let past = server
        .get(&format!(
            "/results/{c}/stations/{s}?lang=ru&as_of=2026-01-01"
        ))
        .await;
    assert!(!past.body.contains("/reports/new"), "{}", past.status);

    let (form, token) = server.form().await;
    assert_eq!(
        form.headers[header::CONTENT_SECURITY_POLICY],
        tandoo_portal::CONTENT_SECURITY_POLICY
    );
    assert_eq!(form.headers[header::CACHE_CONTROL], "no-store");
    assert!(!form.body.contains("<script") && !form.body.contains("style="));
    let sent = server
        .post(&token, &[], Some("https://results.example.kg"), "192.0.2.1")
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let location = sent.headers[header::LOCATION].to_str().unwrap().to_string();
    assert_eq!(location, "/reports/1?lang=en");
    let received = server.get(&location).await;
    assert_eq!(received.status, StatusCode::OK);
    assert!(received.body.contains("Report No. 1 received"));
    assert!(!received.body.contains(CONTACT) && !received.body.contains(TEXT));

    // The CEC's secretary sees it, with the contact; the operator may not.
    let secretary = server.login("cec.secretary").await;
    let listed = server
        .staff(
            &secretary,
            Method::GET,
            "/api/reports?status=open",
            Value::Null,
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    let reports = listed.json()["reports"].as_array().unwrap().clone();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["contact"], CONTACT);
    assert_eq!(reports[0]["text"], TEXT);
    assert_eq!(reports[0]["status"], "open");
    assert_eq!(reports[0]["station"], s.0);

    let registered = server
        .staff(
            &secretary,
            Method::POST,
            "/api/reports/1/register",
            json!({"date": "2026-03-10"}),
        )
        .await;
    assert_eq!(registered.status, StatusCode::OK, "{}", registered.body);
    assert_eq!(registered.json()["complaint"], "CEC-PR-1");
    let complaint = server
        .app
        .ledger()
        .read(|state| {
            state
                .complaints
                .values()
                .find(|(_, c)| c.id.to_string() == "CEC-PR-1")
                .map(|(_, c)| c.clone())
        })
        .await
        .expect("the record holds the complaint");
    assert_eq!(complaint.filed_by, vec!["public report 1".to_string()]);
    assert!(complaint.subject.contains(TEXT));
    assert!(!complaint.subject.contains(CONTACT));
    let again = server
        .staff(
            &secretary,
            Method::POST,
            "/api/reports/1/register",
            json!({"date": "2026-03-10"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.code(), "REPORT_NOT_OPEN");
    let open = server
        .staff(
            &secretary,
            Method::GET,
            "/api/reports?status=open",
            Value::Null,
        )
        .await;
    assert!(open.json()["reports"].as_array().unwrap().is_empty());
    let audit = server
        .app
        .accounts()
        .audit_log(&Default::default())
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.event == "report_registered"
        && e.detail == "report 1 as complaint CEC-PR-1"));

    // A second report is dismissed with a reason, which is required.
    let (_, token) = server.form().await;
    let sent = server.post(&token, &[], None, "192.0.2.2").await;
    assert_eq!(sent.headers[header::LOCATION], "/reports/2?lang=en");
    let no_reason = server
        .staff(
            &secretary,
            Method::POST,
            "/api/reports/2/dismiss",
            json!({"reason": " "}),
        )
        .await;
    assert_eq!(no_reason.code(), "REPORT_REASON_MISSING");
    let dismissed = server
        .staff(
            &secretary,
            Method::POST,
            "/api/reports/2/dismiss",
            json!({"reason": "the register figure includes the supplementary list"}),
        )
        .await;
    assert_eq!(dismissed.status, StatusCode::OK, "{}", dismissed.body);
    assert_eq!(dismissed.json()["report"]["status"], "dismissed");
    assert_eq!(dismissed.json()["report"]["decided_by"], "cec.secretary");
    let audit = server
        .app
        .accounts()
        .audit_log(&Default::default())
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.event == "report_dismissed"));
    let unknown = server
        .staff(
            &secretary,
            Method::POST,
            "/api/reports/9/dismiss",
            json!({"reason": "x"}),
        )
        .await;
    assert_eq!(unknown.code(), "UNKNOWN_REPORT");

    // 4,000 Cyrillic letters fit the body's limit, percent-encoded.
    let (_, token) = server.form().await;
    let kyrgyz = "ө".repeat(4000);
    let sent = server
        .post(&token, &[("text", &kyrgyz)], None, "192.0.2.2")
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);

    // No public answer names a contact: the portal, the record, the open data.
    for uri in [
        "/reports/1".to_string(),
        "/reports/2?lang=ky".to_string(),
        format!("/results/{c}/stations/{s}?lang=en"),
        "/api/record".to_string(),
    ] {
        let answer = server.get(&uri).await;
        assert!(!answer.body.contains(CONTACT), "{uri} names a contact");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_is_refused_with_its_code_for_each_thing_wrong_with_it() {
    let server = Server::new(generous()).await;
    let (_, token) = server.form().await;
    let long = "x".repeat(4001);
    let long_contact = "x".repeat(201);
    let cases: &[Case] = &[
        (
            "REPORT_BAD_TOKEN",
            &[("token", "1772388245.00")],
            None,
            StatusCode::FORBIDDEN,
        ),
        (
            "REPORT_BAD_TOKEN",
            &[("token", "")],
            None,
            StatusCode::FORBIDDEN,
        ),
        (
            "REPORT_FOREIGN_ORIGIN",
            &[],
            Some("https://elsewhere.example"),
            StatusCode::FORBIDDEN,
        ),
        (
            "REPORT_FOREIGN_ORIGIN",
            &[],
            Some("null"),
            StatusCode::FORBIDDEN,
        ),
        (
            "REPORT_TEXT_TOO_SHORT",
            &[("text", "")],
            None,
            StatusCode::BAD_REQUEST,
        ),
        (
            "REPORT_TEXT_TOO_SHORT",
            &[("text", "   wrong   ")],
            None,
            StatusCode::BAD_REQUEST,
        ),
        (
            "REPORT_TEXT_TOO_LONG",
            &[("text", &long)],
            None,
            StatusCode::BAD_REQUEST,
        ),
        (
            "REPORT_CONTACT_MISSING",
            &[("contact", "")],
            None,
            StatusCode::BAD_REQUEST,
        ),
        (
            "REPORT_CONTACT_TOO_LONG",
            &[("contact", &long_contact)],
            None,
            StatusCode::BAD_REQUEST,
        ),
        (
            "REPORT_UNKNOWN_STATION",
            &[("station", "999999")],
            None,
            StatusCode::BAD_REQUEST,
        ),
        (
            "REPORT_BAD_FORM",
            &[("station", "four")],
            None,
            StatusCode::BAD_REQUEST,
        ),
    ];
    for (code, fields, origin, status) in cases {
        let answer = server.post(&token, fields, *origin, "192.0.2.3").await;
        assert_eq!(
            answer.code(),
            *code,
            "{fields:?} {origin:?}: {}",
            answer.body
        );
        assert_eq!(answer.status, *status, "{code}");
        assert!(
            answer.body.contains("The report was not accepted"),
            "{code}"
        );
        assert!(!answer.body.contains(CONTACT));
    }
    // A body past the limit is too long a text; a Kyrgyz text of 4,000 letters is not.
    let huge = "ы".repeat(6000);
    let answer = server
        .post(&token, &[("text", &huge)], None, "192.0.2.3")
        .await;
    assert_eq!(answer.code(), "REPORT_TEXT_TOO_LONG");
    // Words in the reader's language.
    let ru = server
        .post(&token, &[("lang", "ru"), ("text", "")], None, "192.0.2.3")
        .await;
    assert!(
        ru.body.contains("обращение слишком короткое"),
        "{}",
        ru.body
    );
    // A form older than two hours.
    server.clock.advance(2 * 60 * 60 + 1);
    let old = server.post(&token, &[], None, "192.0.2.3").await;
    assert_eq!(old.code(), "REPORT_BAD_TOKEN");
    // Nothing was stored.
    let secretary = server.login("cec.secretary").await;
    let listed = server
        .staff(&secretary, Method::GET, "/api/reports", Value::Null)
        .await;
    assert!(listed.json()["reports"].as_array().unwrap().is_empty());
    // An unknown station's form is the portal's 404 page; a body that is not a form is refused.
    let missing = server
        .get("/reports/new?constituency=1&station=999999&lang=en")
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Nothing here"), "{}", missing.body);
    let json = server
        .send(
            Request::post("/reports")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap(),
            "192.0.2.3",
        )
        .await;
    assert_eq!(json.code(), "REPORT_BAD_FORM");
    assert_eq!(
        server.get("/reports/77").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_are_limited_per_address_and_per_station_counting_only_those_accepted() {
    let server = Server::new(ReportLimits {
        per_address: 2,
        per_station: 3,
        ..ReportLimits::default()
    })
    .await;
    let (_, token) = server.form().await;
    // A refused report does not count.
    let short = server
        .post(&token, &[("text", "")], None, "192.0.2.10")
        .await;
    assert_eq!(short.code(), "REPORT_TEXT_TOO_SHORT");
    for _ in 0..2 {
        let sent = server.post(&token, &[], None, "192.0.2.10").await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    }
    let third = server.post(&token, &[], None, "192.0.2.10").await;
    assert_eq!(third.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(third.code(), "REPORTS_TOO_MANY");
    assert!(third.body.contains("from this address"), "{}", third.body);
    assert_eq!(third.headers[header::RETRY_AFTER], "3600");
    let other = server.post(&token, &[], None, "192.0.2.11").await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    let fourth = server.post(&token, &[], None, "192.0.2.12").await;
    assert_eq!(fourth.code(), "REPORTS_TOO_MANY");
    assert!(
        fourth.body.contains("about this station"),
        "{}",
        fourth.body
    );
    // The window ends an hour after its first report.
    server.clock.advance(60 * 60);
    let (_, token) = server.form().await;
    let later = server.post(&token, &[], None, "192.0.2.10").await;
    assert_eq!(later.status, StatusCode::SEE_OTHER, "{}", later.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_can_neither_list_nor_decide_reports() {
    let server = Server::new(generous()).await;
    let (_, token) = server.form().await;
    server.post(&token, &[], None, "192.0.2.20").await;
    let operator = server.login("cec.operator").await;
    let listed = server
        .staff(
            &operator,
            Method::GET,
            "/api/reports?status=open",
            Value::Null,
        )
        .await;
    assert_eq!(listed.status, StatusCode::FORBIDDEN);
    assert_eq!(listed.code(), "REPORTS_NOT_AUTHORISED");
    assert!(!listed.body.contains(CONTACT));
    for (uri, body) in [
        ("/api/reports/1/register", json!({"date": "2026-03-10"})),
        ("/api/reports/1/dismiss", json!({"reason": "no"})),
    ] {
        let answer = server.staff(&operator, Method::POST, uri, body).await;
        assert_eq!(answer.code(), "REPORTS_NOT_AUTHORISED", "{uri}");
    }
    // Without a session, or without the CSRF token, nothing at all.
    let anonymous = server.get("/api/reports").await;
    assert_eq!(anonymous.code(), "NOT_LOGGED_IN");
    let secretary = server.login("cec.secretary").await;
    let forged = Browser {
        csrf: "0".repeat(64),
        ..secretary
    };
    let answer = server
        .staff(
            &forged,
            Method::POST,
            "/api/reports/1/dismiss",
            json!({"reason": "no"}),
        )
        .await;
    assert_eq!(answer.code(), "CSRF_MISMATCH");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_district_secretary_handles_only_the_reports_of_their_constituency() {
    let server = Server::new(generous()).await;
    let (c, _) = server.station;
    let other = if c.0 == 1 { 2 } else { 1 };
    for (user, commission) in [("dec.own", c.0), ("dec.other", other)] {
        let commission = format!("DEC-{commission}");
        server
            .app
            .accounts()
            .add(user, "secretary", &commission, PASSWORD)
            .await
            .unwrap();
    }
    let (_, token) = server.form().await;
    server.post(&token, &[], None, "192.0.2.30").await;
    let outsider = server.login("dec.other").await;
    let listed = server
        .staff(
            &outsider,
            Method::GET,
            "/api/reports?status=open",
            Value::Null,
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    assert!(listed.json()["reports"].as_array().unwrap().is_empty());
    let answer = server
        .staff(
            &outsider,
            Method::POST,
            "/api/reports/1/dismiss",
            json!({"reason": "no"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(answer.code(), "REPORT_OUTSIDE_COMPETENCE");
    let own = server.login("dec.own").await;
    let listed = server
        .staff(&own, Method::GET, "/api/reports?status=open", Value::Null)
        .await;
    assert_eq!(listed.json()["reports"].as_array().unwrap().len(), 1);
    let registered = server
        .staff(
            &own,
            Method::POST,
            "/api/reports/1/register",
            json!({"date": "2026-03-10"}),
        )
        .await;
    assert_eq!(registered.status, StatusCode::OK, "{}", registered.body);
    assert_eq!(registered.json()["complaint"], format!("DEC-{}-PR-1", c.0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_only_server_takes_reports_but_has_no_staff_address_for_them() {
    let server = Server::with_config(Config {
        public_only: true,
        ..Config::default()
    })
    .await;
    let (_, token) = server.form().await;
    let sent = server.post(&token, &[], None, "192.0.2.40").await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let staff = server.get("/api/reports").await;
    assert_eq!(staff.status, StatusCode::NOT_FOUND);
}

//! Candidates, complaints and incidents through the staff screens, on a record holding the
//! demo story's setup: a CEC secretary nominates, takes the fee and registers a candidate
//! by the forms and the candidate's page shows it all; a hostile name is shown as text; an
//! observer reads every list but is offered no form, and a form forged by one is refused
//! with the record unchanged.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use tandoo_core::ids::CandidateId;
use tandoo_server::{App, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

const PASSWORD: &str = "a long enough password";

struct Server {
    app: App,
    /// The setup's legal date, on which nominations are open.
    day: String,
    _dir: TempDir,
}

struct Answer {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

struct Browser {
    cookie: String,
    csrf: String,
}

impl Server {
    async fn new() -> Server {
        let dir = TempDir::new().unwrap();
        let clock = ManualClock::starting_at(1_772_388_245);
        let app = App::open_with_clock(
            dir.path().join("record.db"),
            Config::default(),
            Arc::new(clock),
        )
        .await
        .unwrap();
        let setup = tandoo_demo::story().remove(0);
        let day = setup.date.to_string();
        for answer in submit_in_order(app.ledger(), setup.submissions).await {
            answer.unwrap();
        }
        for (user, role) in [("cec.secretary", "secretary"), ("cec.observer", "observer")] {
            app.accounts()
                .add(user, role, "CEC", PASSWORD)
                .await
                .unwrap();
        }
        Server {
            app,
            day,
            _dir: dir,
        }
    }

    async fn send(&self, request: Request<Body>) -> Answer {
        let response = router(self.app.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned());
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        Answer {
            status,
            location,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    async fn login(&self, user: &str) -> Browser {
        let body = json!({"user": user, "password": PASSWORD}).to_string();
        let response = router(self.app.clone())
            .oneshot(
                Request::post("/api/session")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let json: Value = serde_json::from_slice(&bytes).unwrap();
        Browser {
            cookie,
            csrf: json["csrf_token"].as_str().unwrap().to_owned(),
        }
    }

    async fn get(&self, browser: &Browser, uri: &str) -> Answer {
        self.send(
            Request::get(uri)
                .header(header::COOKIE, &browser.cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    async fn post(&self, browser: &Browser, uri: &str, fields: &[(&str, &str)]) -> Answer {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("csrf", &browser.csrf)
            .extend_pairs(fields)
            .finish();
        self.send(
            Request::post(uri)
                .header(header::COOKIE, &browser.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    async fn head(&self) -> Value {
        let answer = self
            .send(Request::get("/api/health").body(Body::empty()).unwrap())
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        serde_json::from_str::<Value>(&answer.body).unwrap()["head"].clone()
    }

    async fn fee(&self) -> String {
        let fee = self
            .app
            .ledger()
            .read(|state| {
                let election = state.main_election().unwrap();
                state.elections[election].call.rule_set.fee.0
            })
            .await;
        format!("{}.{:02}", fee / 100, fee % 100)
    }
}

/// A name made to break a page: markup, both quotes, right-to-left letters and a combining
/// acute accent.
const HOSTILE: &str = "<script>alert(\"x\")</script> O'Neil \u{5e9}\u{5dc}\u{5d5}\u{5dd} e\u{301}";
/// The same with a right-to-left override (U+202E), which core refuses in a name.
const OVERRIDE: &str = "<script>alert(\"x\")</script> O'Neil \u{202e}evil e\u{301}";

/// The name as HTML text: what a page must hold where it shows it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn nominate(server: &Server, browser: &Browser, id: &str, name: &str) -> Answer {
    server
        .post(
            browser,
            "/staff/candidates",
            &[
                ("action", "nominate"),
                ("election", "E1"),
                ("constituency", "13"),
                ("id", id),
                ("person", &format!("KG-{id}")),
                ("name", name),
                ("latin_name", ""),
                ("gender", "F"),
                ("nominated_by", "self"),
                ("party", ""),
                ("date", &server.day),
            ],
        )
        .await
}

#[tokio::test]
async fn a_secretary_nominates_takes_the_fee_and_registers_and_the_page_shows_the_history() {
    let server = Server::new().await;
    let secretary = server.login("cec.secretary").await;
    let list = server
        .get(&secretary, "/staff/candidates?constituency=13&lang=en")
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("name=\"action\" value=\"nominate\""));
    assert!(
        list.body.contains(&format!("value=\"{}\"", "2026-03-01")),
        "today is the prefilled date"
    );

    let nominated = nominate(&server, &secretary, "E1-13-90", "Айгүл Сыдыкова").await;
    assert_eq!(
        nominated.status,
        StatusCode::SEE_OTHER,
        "{}",
        nominated.body
    );
    let page = "/staff/candidates/E1-13-90";
    assert_eq!(
        nominated.location.as_deref(),
        Some(&*format!("{page}?saved=1"))
    );

    let fee = server.fee().await;
    let day = server.day.clone();
    let paid = server
        .post(
            &secretary,
            page,
            &[
                ("action", "fee"),
                ("amount", &fee),
                ("reference", "P-1"),
                ("date", &day),
            ],
        )
        .await;
    assert_eq!(paid.status, StatusCode::SEE_OTHER, "{}", paid.body);
    let registered = server
        .post(&secretary, page, &[("action", "register"), ("date", &day)])
        .await;
    assert_eq!(
        registered.status,
        StatusCode::SEE_OTHER,
        "{}",
        registered.body
    );

    let shown = server.get(&secretary, &format!("{page}?lang=en")).await;
    assert_eq!(shown.status, StatusCode::OK);
    let history = &shown.body[shown.body.find("<table class=\"history\"").unwrap()..];
    for row in ["Nominated", "Fee paid:", "registered"] {
        assert!(history.contains(row), "{row} in {history}");
    }
    assert!(shown.body.contains("<dd id=\"standing\">registered</dd>"));
    let standing = server
        .app
        .ledger()
        .read(|s| s.candidates[&CandidateId::new("E1-13-90")].standing)
        .await;
    assert_eq!(standing, tandoo_core::candidate::Standing::Registered);
    // Registered, the candidate is offered no second registration.
    assert!(!shown.body.contains("value=\"register\""));
}

#[tokio::test]
async fn a_withdrawal_shows_in_the_history_with_its_date_and_reason() {
    let server = Server::new().await;
    let secretary = server.login("cec.secretary").await;
    let nominated = nominate(&server, &secretary, "E1-13-93", "Нурлан Осмонов").await;
    assert_eq!(
        nominated.status,
        StatusCode::SEE_OTHER,
        "{}",
        nominated.body
    );
    let page = "/staff/candidates/E1-13-93";
    let day = server.day.clone();
    let withdrawn = server
        .post(
            &secretary,
            page,
            &[
                ("action", "withdraw"),
                ("reason", "a written statement of withdrawal"),
                ("date", &day),
            ],
        )
        .await;
    assert_eq!(
        withdrawn.status,
        StatusCode::SEE_OTHER,
        "{}",
        withdrawn.body
    );
    let shown = server.get(&secretary, &format!("{page}?lang=en")).await;
    let history = &shown.body[shown.body.find("<table class=\"history\"").unwrap()..];
    let row = history
        .split("<tr>")
        .find(|row| row.contains("withdrawn"))
        .unwrap_or_else(|| panic!("a withdrawal row in {history}"));
    assert!(
        row.contains("<bdi class=\"reason\">a written statement of withdrawal</bdi>"),
        "{row}"
    );
    assert!(
        row.starts_with("<td>") && !row.starts_with("<td></td>"),
        "the withdrawal's date: {row}"
    );
}

#[tokio::test]
async fn a_bad_field_comes_back_beside_its_field_and_nothing_is_recorded() {
    let server = Server::new().await;
    let secretary = server.login("cec.secretary").await;
    let before = server.head().await;
    let answer = server
        .post(
            &secretary,
            "/staff/candidates?lang=en",
            &[
                ("action", "nominate"),
                ("constituency", "13"),
                ("id", "E1-13-91"),
                ("person", "KG-91"),
                ("name", "Name"),
                ("gender", "F"),
                ("nominated_by", "party"),
                ("party", ""),
                ("date", "2025-02-30"),
            ],
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("id=\"nominate-party-problem\""),
        "{}",
        answer.body
    );
    assert!(answer.body.contains("id=\"nominate-date-problem\""));
    assert!(
        answer.body.contains("value=\"E1-13-91\""),
        "what was typed is kept"
    );
    assert_eq!(server.head().await, before);
}

#[tokio::test]
async fn a_hostile_name_is_shown_as_text_in_its_own_direction() {
    let server = Server::new().await;
    let secretary = server.login("cec.secretary").await;
    let nominated = nominate(&server, &secretary, "E1-13-92", HOSTILE).await;
    assert_eq!(
        nominated.status,
        StatusCode::SEE_OTHER,
        "{}",
        nominated.body
    );
    let as_text = format!("<bdi>{}</bdi>", escaped(HOSTILE));
    for uri in [
        "/staff/candidates?constituency=13",
        "/staff/candidates/E1-13-92",
    ] {
        let page = server.get(&secretary, uri).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&as_text), "{uri}: {}", page.body);
        assert!(!page.body.contains("<script>alert"), "{uri}");
    }
    // Refused by core, the name comes back in its field as typed, and still as text.
    let before = server.head().await;
    let refused = nominate(&server, &secretary, "E1-13-94", OVERRIDE).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains(&format!("value=\"{}\"", escaped(OVERRIDE)))
    );
    assert!(!refused.body.contains("<script>alert"));
    assert_eq!(server.head().await, before);
}

#[tokio::test]
async fn an_observer_reads_the_lists_without_forms_and_a_forged_form_is_refused() {
    let server = Server::new().await;
    let observer = server.login("cec.observer").await;
    for uri in [
        "/staff/candidates?constituency=13",
        "/staff/candidates/E1-13-01",
        "/staff/complaints",
        "/staff/incidents?constituency=13",
    ] {
        let page = server.get(&observer, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
        assert!(
            !page.body.contains("name=\"action\""),
            "{uri} offers a form"
        );
    }
    let list = server
        .get(&observer, "/staff/candidates?constituency=13")
        .await;
    assert!(list.body.contains("href=\"/staff/candidates/E1-13-01\""));

    let before = server.head().await;
    let forged = nominate(&server, &observer, "E1-13-93", "Forged").await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "{}", forged.body);
    let day = server.day.clone();
    let withdrawn = server
        .post(
            &observer,
            "/staff/candidates/E1-13-01",
            &[("action", "withdraw"), ("reason", "forged"), ("date", &day)],
        )
        .await;
    assert_eq!(
        withdrawn.status,
        StatusCode::FORBIDDEN,
        "{}",
        withdrawn.body
    );
    let incident = server
        .post(
            &observer,
            "/staff/incidents",
            &[
                ("action", "incident"),
                ("constituency", "13"),
                ("station", "13001"),
                ("description", "forged"),
                ("source", "forged"),
                ("date", &day),
            ],
        )
        .await;
    assert_eq!(incident.status, StatusCode::FORBIDDEN, "{}", incident.body);
    assert_eq!(server.head().await, before, "the record is unchanged");
}

#[tokio::test]
async fn a_secretary_files_a_complaint_sends_a_request_and_records_the_answer_and_decision() {
    let server = Server::new().await;
    let secretary = server.login("cec.secretary").await;
    // After the candidates it names were nominated.
    let day = "2026-03-01".to_owned();
    let filed = server
        .post(
            &secretary,
            "/staff/complaints",
            &[
                ("action", "file"),
                ("id", "CEC-C-1"),
                ("kind", "complaint"),
                ("filed_by", "Aibek Altynbekov\nAigul Karabekova"),
                ("candidates", "E1-13-01"),
                ("subject", "Campaigning on voting day"),
                ("concerns", ""),
                ("date", &day),
            ],
        )
        .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    let page = "/staff/complaints/CEC-C-1";
    for fields in [
        &[
            ("action", "request"),
            ("id", "CEC-R-1"),
            ("to", "Ministry of Internal Affairs"),
            ("text", "Who campaigned?"),
        ][..],
        &[
            ("action", "answer"),
            ("request", "CEC-R-1"),
            ("from", "Ministry of Internal Affairs"),
            ("text", "Nobody we know of."),
        ][..],
        &[
            ("action", "decide"),
            ("decision", "rejected"),
            ("resolution", ""),
            ("text", "Not proven."),
        ][..],
    ] {
        let mut fields = fields.to_vec();
        fields.push(("date", &day));
        let answer = server.post(&secretary, page, &fields).await;
        assert_eq!(
            answer.status,
            StatusCode::SEE_OTHER,
            "{fields:?}: {}",
            answer.body
        );
    }
    let shown = server.get(&secretary, &format!("{page}?lang=en")).await;
    assert_eq!(shown.status, StatusCode::OK);
    for text in [
        "Aigul Karabekova",
        "Who campaigned?",
        "Nobody we know of.",
        "<strong>rejected</strong>",
        "Not proven.",
    ] {
        assert!(shown.body.contains(text), "{text}");
    }
    let list = server.get(&secretary, "/staff/complaints?lang=en").await;
    assert!(list.body.contains("href=\"/staff/complaints/CEC-C-1\""));
}

#[tokio::test]
async fn a_district_secretary_records_an_incident_and_it_is_listed_by_its_station() {
    let server = Server::new().await;
    server
        .app
        .accounts()
        .add("dec13.secretary", "secretary", "DEC-13", PASSWORD)
        .await
        .unwrap();
    let secretary = server.login("dec13.secretary").await;
    let (station, other) = server
        .app
        .ledger()
        .read(|s| {
            let ids = &s.rolls[&tandoo_core::ids::ConstituencyNo(13)].station_ids;
            (ids[0].to_string(), ids[1].to_string())
        })
        .await;
    let form = server.get(&secretary, "/staff/incidents?lang=en").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("name=\"constituency\" value=\"13\""),
        "the district's own constituency is shown first"
    );
    let recorded = server
        .post(
            &secretary,
            "/staff/incidents",
            &[
                ("action", "incident"),
                ("constituency", "13"),
                ("station", &station),
                ("id", ""),
                ("description", "A phone filming the booths"),
                ("source", "Observer's report"),
                ("date", "2026-03-01"),
            ],
        )
        .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.body);
    assert_eq!(
        recorded.location.as_deref(),
        Some("/staff/incidents?constituency=13&saved=1")
    );
    let list = server
        .get(&secretary, "/staff/incidents?constituency=13&lang=en")
        .await;
    let table = &list.body[list.body.find("<table class=\"incidents\"").unwrap()..];
    let one = format!("/staff/incidents?constituency=13&amp;station={station}");
    assert!(
        table.contains(&format!("<a href=\"{one}\">{station}</a>")),
        "{table}"
    );
    assert!(table.contains("A phone filming the booths"));
    let at_station = server.get(&secretary, &one.replace("&amp;", "&")).await;
    assert!(at_station.body.contains("A phone filming the booths"));
    let elsewhere = server
        .get(
            &secretary,
            &format!("/staff/incidents?constituency=13&station={other}"),
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::OK);
    assert!(!elsewhere.body.contains("A phone filming the booths"));
    // Another district's secretary is offered no form for constituency 13.
    server
        .app
        .accounts()
        .add("dec14.secretary", "secretary", "DEC-14", PASSWORD)
        .await
        .unwrap();
    let other = server.login("dec14.secretary").await;
    let theirs = server.get(&other, "/staff/incidents?constituency=13").await;
    assert!(!theirs.body.contains("name=\"action\""));
}

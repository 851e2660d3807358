//! The staff application's login and protocol entry over HTTP, on a record of the demo
//! story's setup (every station defined, every candidate registered, no protocol entered):
//! double entry by two operators, a supervisor settling differing entries, control errors
//! beside the lines they name, and who may open or send what — every route with every role,
//! with no session and from a commission outside its competence, the record unchanged after
//! every refusal.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use tandoo_core::ids::{ConstituencyNo, StationId};
use tandoo_core::protocol::ProtocolKey;
use tandoo_server::{App, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

const PASSWORD: &str = "a long enough password";
const STATION: StationId = StationId(13001);
const THIRTEEN: ConstituencyNo = ConstituencyNo(13);

/// The accounts: two operators and a supervisor of constituency 13's district commission,
/// an operator of constituency 1's, and the CEC's secretary, observer and administrator.
const ACCOUNTS: [(&str, &str, &str); 7] = [
    ("op1", "operator", "DEC-13"),
    ("op2", "operator", "DEC-13"),
    ("sup13", "supervisor", "DEC-13"),
    ("op-dec1", "operator", "DEC-1"),
    ("secretary", "secretary", "CEC"),
    ("observer", "observer", "CEC"),
    ("admin", "administrator", "CEC"),
];

struct Server {
    app: App,
    _dir: TempDir,
}

struct Answer {
    status: StatusCode,
    headers: header::HeaderMap,
    body: String,
}

impl Answer {
    fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// A logged-in browser: its session cookie and the CSRF token its pages' forms carry.
#[derive(Clone)]
struct Browser {
    cookie: String,
    csrf: String,
}

impl Server {
    async fn new() -> Server {
        let dir = TempDir::new().unwrap();
        let clock = ManualClock::starting_at(1_764_547_200);
        let app = App::open_with_clock(
            dir.path().join("record.db"),
            Config::default(),
            Arc::new(clock),
        )
        .await
        .unwrap();
        let setup = tandoo_demo::story().remove(0);
        for answer in submit_in_order(app.ledger(), setup.submissions).await {
            answer.unwrap();
        }
        for (user, role, commission) in ACCOUNTS {
            app.accounts()
                .add(user, role, commission, PASSWORD)
                .await
                .unwrap();
        }
        Server { app, _dir: dir }
    }

    async fn send(&self, mut request: Request<Body>) -> Answer {
        let from: SocketAddr = "192.0.2.7:40000".parse().unwrap();
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

    async fn get(&self, uri: &str, browser: Option<&Browser>) -> Answer {
        let mut request = Request::get(uri);
        if let Some(b) = browser {
            request = request.header(header::COOKIE, &b.cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A form sent as a browser sends it, from this server's page.
    async fn post(&self, uri: &str, browser: Option<&Browser>, fields: &[(&str, &str)]) -> Answer {
        let mut all: Vec<(&str, &str)> = Vec::new();
        if let Some(b) = browser {
            all.push(("csrf", &b.csrf));
        }
        all.extend_from_slice(fields);
        self.post_raw(uri, browser.map(|b| b.cookie.as_str()), &all)
            .await
    }

    async fn post_raw(&self, uri: &str, cookie: Option<&str>, fields: &[(&str, &str)]) -> Answer {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let mut request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "staff.example.kg")
            .header(header::ORIGIN, "https://staff.example.kg");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    async fn log_in(&self, user: &str) -> Browser {
        let answer = self
            .post_raw("/login", None, &[("user", user), ("password", PASSWORD)])
            .await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
        assert_eq!(answer.location(), "/staff");
        let cookie = answer.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let home = self
            .get(
                "/staff",
                Some(&Browser {
                    cookie: cookie.clone(),
                    csrf: String::new(),
                }),
            )
            .await;
        assert_eq!(home.status, StatusCode::OK);
        Browser {
            cookie,
            csrf: hidden(&home.body, "csrf").expect("the logout form's token"),
        }
    }

    async fn head(&self) -> u64 {
        self.app.ledger().head().await.seq
    }

    /// The figures of a protocol of `station` that keeps every control relation and warning.
    async fn figures(&self, station: StationId) -> Vec<(String, String)> {
        self.app
            .ledger()
            .read(|state| {
                let voters = state.stations[&station].voters;
                let ballot = tandoo_workplace::entry::ballot(
                    state,
                    &ProtocolKey {
                        election: state.main_election().unwrap().clone(),
                        station,
                        constituency: THIRTEEN,
                    },
                );
                let (issued_in, issued_out) = (voters / 2, 10);
                let cast = issued_in + issued_out;
                let mut lines = vec![
                    ("L1", voters),
                    ("L2", voters),
                    ("L3", issued_in),
                    ("L4", issued_out),
                    ("L5", voters - cast),
                    ("L6", cast),
                    ("L7", issued_out),
                    ("L8", issued_in),
                    ("L9", 0),
                    ("L10", cast),
                ]
                .into_iter()
                .map(|(code, n)| (format!("line-{code}"), n.to_string()))
                .collect::<Vec<_>>();
                // Spread evenly, so that no candidate passes 80 % of the valid ballots.
                let share = cast / (ballot.len() as u64 + 1);
                for id in &ballot {
                    lines.push((format!("candidate-{id}"), share.to_string()));
                }
                let against = cast - share * ballot.len() as u64;
                lines.push(("against-all".to_owned(), against.to_string()));
                lines
            })
            .await
    }

    async fn status(&self, station: StationId) -> tandoo_core::progress::StationStatus {
        self.app
            .ledger()
            .read(|state| {
                let key = ProtocolKey {
                    election: state.main_election().unwrap().clone(),
                    station,
                    constituency: THIRTEEN,
                };
                tandoo_core::progress::station_status(state, state.protocols.get(&key))
            })
            .await
    }
}

fn hidden(body: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let at = body.find(&marker)? + marker.len();
    Some(body[at..at + body[at..].find('"')?].to_owned())
}

fn pairs(figures: &[(String, String)]) -> Vec<(&str, &str)> {
    figures
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

fn protocol_path(station: StationId) -> String {
    format!("/staff/entry/13/{station}")
}

#[tokio::test]
async fn two_operators_entering_the_same_figures_get_the_protocol_accepted_without_seeing_each_other()
 {
    use tandoo_core::progress::StationStatus;
    let server = Server::new().await;
    let (op1, op2) = (server.log_in("op1").await, server.log_in("op2").await);
    let path = protocol_path(STATION);
    let form = server.get(&path, Some(&op1)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains("name=\"line-L1\""),
        "the form's first line"
    );
    for header_name in [
        "content-security-policy",
        "x-frame-options",
        "referrer-policy",
    ] {
        assert!(form.headers.contains_key(header_name), "{header_name}");
    }
    let figures = server.figures(STATION).await;
    let acknowledged = pairs(&figures);
    let first = server.post(&path, Some(&op1), &acknowledged).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    assert_eq!(server.status(STATION).await, StationStatus::FirstEntry);

    let again = server.get(&path, Some(&op1)).await;
    assert!(
        !again.body.contains("data-entry-form"),
        "one operator makes one entry"
    );
    let second_form = server.get(&path, Some(&op2)).await;
    assert!(second_form.body.contains("data-entry-form"));
    let l3 = &figures.iter().find(|(n, _)| n == "line-L3").unwrap().1;
    assert!(
        !second_form.body.contains(&format!("value=\"{l3}\"")),
        "the second operator never sees the first entry"
    );

    let second = server.post(&path, Some(&op2), &acknowledged).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    assert_eq!(server.status(STATION).await, StationStatus::Accepted);
    let seen = server.get(second.location(), Some(&op2)).await;
    assert!(seen.body.contains("role=\"status\""), "the entry's notice");
}

#[tokio::test]
async fn a_broken_control_relation_is_shown_beside_the_lines_it_names_and_nothing_is_recorded() {
    let server = Server::new().await;
    let op1 = server.log_in("op1").await;
    let path = protocol_path(STATION);
    let mut figures = server.figures(STATION).await;
    // E01: L2 must equal L3 + L4 + L5.
    figures.iter_mut().find(|(n, _)| n == "line-L2").unwrap().1 = "1".into();
    let head = server.head().await;
    let answer = server.post(&path, Some(&op1), &pairs(&figures)).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    for line in ["L2", "L3", "L4", "L5"] {
        assert!(
            answer.body.contains(&format!("id=\"line-{line}-problem\"")),
            "E01's problem beside {line}"
        );
    }
    assert!(answer.body.contains("E01"));
    assert!(
        answer.body.contains("value=\"1\""),
        "what was typed is kept"
    );
    assert_eq!(server.head().await, head);

    figures.iter_mut().find(|(n, _)| n == "line-L3").unwrap().1 = "12a".into();
    let answer = server.post(&path, Some(&op1), &pairs(&figures)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("id=\"line-L3-problem\""),
        "{}",
        answer.body
    );
    assert_eq!(server.head().await, head);
}

#[tokio::test]
async fn a_warning_is_recorded_only_once_ticked() {
    let server = Server::new().await;
    let op1 = server.log_in("op1").await;
    let path = protocol_path(STATION);
    let mut figures = server.figures(STATION).await;
    // W03: invalid ballots at most 5 % of the ballots in the boxes. A fifth more ballots
    // issued and found, all invalid, keeps every error relation.
    let figure = |figures: &[(String, String)], field: &str| -> i64 {
        figures
            .iter()
            .find(|(n, _)| n == field)
            .unwrap()
            .1
            .parse()
            .unwrap()
    };
    let more = figure(&figures, "line-L10") / 5;
    for (line, change) in [("L3", 1), ("L5", -1), ("L6", 1), ("L8", 1), ("L9", 1)] {
        let field = format!("line-{line}");
        let now = figure(&figures, &field) + change * more;
        figures.iter_mut().find(|(n, _)| *n == field).unwrap().1 = now.to_string();
    }
    let answer = server.post(&path, Some(&op1), &pairs(&figures)).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("name=\"acknowledge\" value=\"W03\""),
        "{}",
        answer.body
    );
    let mut ticked = pairs(&figures);
    ticked.push(("acknowledge", "W03"));
    let answer = server.post(&path, Some(&op1), &ticked).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
}

#[tokio::test]
async fn a_supervisor_keeps_one_of_two_differing_entries() {
    use tandoo_core::progress::StationStatus;
    let server = Server::new().await;
    let (op1, op2, sup) = (
        server.log_in("op1").await,
        server.log_in("op2").await,
        server.log_in("sup13").await,
    );
    let path = protocol_path(STATION);
    let figures = server.figures(STATION).await;
    assert_eq!(
        server
            .post(&path, Some(&op1), &pairs(&figures))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // The second operator misreads line 6.
    let mut misread = figures.clone();
    let l6: u64 = misread
        .iter()
        .find(|(n, _)| n == "line-L6")
        .unwrap()
        .1
        .parse()
        .unwrap();
    misread.iter_mut().find(|(n, _)| n == "line-L6").unwrap().1 = (l6 + 1).to_string();
    assert_eq!(
        server
            .post(&path, Some(&op2), &pairs(&misread))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(server.status(STATION).await, StationStatus::Differences);

    let operator_sees = server.get(&path, Some(&op1)).await;
    assert!(
        !operator_sees.body.contains("/settle"),
        "only a supervisor settles"
    );
    let compare = server.get(&path, Some(&sup)).await;
    assert!(
        compare.body.contains("class=\"differs\""),
        "{}",
        compare.body
    );
    assert_eq!(
        compare.body.matches("class=\"differs\"").count(),
        1,
        "only L6 differs"
    );
    let kept = server
        .post(
            &format!("{path}/settle"),
            Some(&sup),
            &[("decision", "keep"), ("entry", "1")],
        )
        .await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER, "{}", kept.body);
    assert_eq!(server.status(STATION).await, StationStatus::Accepted);
}

/// Who gets what: every screen and form with every role, with no session, and an operator
/// from another constituency's commission. A refusal is a screen (403), or for no session
/// the login page (303), and the record never changes on one.
#[tokio::test]
async fn every_route_answers_only_the_roles_and_commissions_it_is_for() {
    let server = Server::new().await;
    let mut browsers = Vec::new();
    for (user, _, _) in ACCOUNTS {
        browsers.push((user, Some(server.log_in(user).await)));
    }
    browsers.push(("nobody", None));
    let figures = server.figures(StationId(13002)).await;
    let entry = protocol_path(StationId(13002));
    let settle = format!("{entry}/settle");

    // The screens every account reads.
    let read = [
        "/staff",
        "/staff/elections",
        "/staff/constituencies",
        "/staff/constituencies/13",
        "/staff/stations?constituency=13",
        "/staff/candidates?constituency=13",
        "/staff/candidates/E1-13-01",
        "/staff/results",
        "/staff/results/13",
        "/staff/results/13?as_of=2025-10-01",
        "/staff/complaints",
        "/staff/incidents?constituency=13",
        "/staff/resolutions",
        "/staff/record",
        "/staff/password",
    ];
    let gets = read.into_iter().chain([
        "/staff/entry",
        "/staff/entry/open?constituency=13&station=13002",
        entry.as_str(),
        "/staff/meetings",
        "/staff/accounts",
        "/staff/audit",
        "/staff/audit.csv",
    ]);
    for (user, browser) in &browsers {
        for path in gets.clone() {
            let answer = server.get(path, browser.as_ref()).await;
            let expected = match (*user, path) {
                ("nobody", _) => StatusCode::SEE_OTHER,
                (_, p) if read.contains(&p) => StatusCode::OK,
                ("secretary", "/staff/meetings") => StatusCode::OK,
                ("admin", "/staff/accounts" | "/staff/audit" | "/staff/audit.csv") => {
                    StatusCode::OK
                }
                ("op1" | "op2" | "sup13", p) if p.starts_with("/staff/entry/open") => {
                    StatusCode::SEE_OTHER
                }
                ("op1" | "op2" | "sup13", p) if p.starts_with("/staff/entry") => StatusCode::OK,
                // An operator of constituency 1 may open the queue, not 13's protocols.
                ("op-dec1", "/staff/entry") => StatusCode::OK,
                ("op-dec1", p) if p.starts_with("/staff/entry/open") => StatusCode::SEE_OTHER,
                _ => StatusCode::FORBIDDEN,
            };
            assert_eq!(
                answer.status, expected,
                "GET {path} as {user}: {}",
                answer.body
            );
        }
    }

    let head = server.head().await;
    for (user, browser) in &browsers {
        if matches!(*user, "op1" | "op2") {
            continue;
        }
        let entered = server
            .post(&entry, browser.as_ref(), &pairs(&figures))
            .await;
        let settled = server
            .post(&settle, browser.as_ref(), &[("decision", "new")])
            .await;
        for (what, answer) in [("entry", entered), ("settling", settled)] {
            let expected = match *user {
                "nobody" => StatusCode::SEE_OTHER,
                // A supervisor may settle but makes no entry; with nothing to settle,
                // core refuses the settling and the form says why.
                "sup13" => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::FORBIDDEN,
            };
            assert_eq!(answer.status, expected, "{what} as {user}: {}", answer.body);
            assert_eq!(
                server.head().await,
                head,
                "{what} as {user} changed the record"
            );
        }
    }

    // A form without the session's token, or from another site, is refused.
    let op1 = browsers[0].1.clone().unwrap();
    let forged = Browser {
        csrf: "0".repeat(64),
        ..op1.clone()
    };
    let answer = server.post(&entry, Some(&forged), &pairs(&figures)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let mut fields = vec![("csrf", op1.csrf.as_str())];
    fields.extend(pairs(&figures));
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&fields)
        .finish();
    let foreign = Request::post(entry.as_str())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "staff.example.kg")
        .header(header::ORIGIN, "https://elsewhere.example.com")
        .header(header::COOKIE, &op1.cookie)
        .body(Body::from(body))
        .unwrap();
    assert_eq!(server.send(foreign).await.status, StatusCode::FORBIDDEN);
    assert_eq!(server.head().await, head);
}

#[tokio::test]
async fn a_failed_login_says_so_and_logging_out_ends_the_session() {
    let server = Server::new().await;
    let wrong = server
        .post_raw(
            "/login",
            None,
            &[("user", "op1"), ("password", "not the password")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("role=\"alert\""));
    assert!(
        wrong.body.contains("value=\"op1\""),
        "the user name is kept"
    );
    let op1 = server.log_in("op1").await;
    let out = server.post("/logout", Some(&op1), &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), "/login");
    let after = server.get("/staff", Some(&op1)).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER, "the session has ended");
}

#[tokio::test]
async fn the_account_keeps_its_language_and_lang_switches_one_page() {
    let server = Server::new().await;
    let op1 = server.log_in("op1").await;
    let kept = server
        .post("/staff/language", Some(&op1), &[("language", "ru")])
        .await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER);
    let home = server.get("/staff", Some(&op1)).await;
    assert!(home.body.contains("<html lang=\"ru\""));
    let english = server.get("/staff?lang=en", Some(&op1)).await;
    assert!(english.body.contains("<html lang=\"en\""));
    let again = server.get("/staff/entry", Some(&op1)).await;
    assert!(
        again.body.contains("<html lang=\"ru\""),
        "?lang= is for one page"
    );
}

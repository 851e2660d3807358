//! The accounts, the own password and the audit log through the staff screens: an
//! administrator adds, disables and re-roles accounts with the forms; nobody else opens
//! those screens or changes anything by a forged form; every user changes their own
//! password; and the audit log lists all of it, on the screen and in its CSV export.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use tandoo_core::Role;
use tandoo_core::ids::CommissionId;
use tandoo_server::{App, AuditFilter, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

const PASSWORD: &str = "a long enough password";
const NEW_PASSWORD: &str = "another long enough password";

struct Server {
    app: App,
    _dir: TempDir,
}

struct Answer {
    status: StatusCode,
    headers: header::HeaderMap,
    body: String,
}

/// A logged-in browser: its session cookie and the session's CSRF token.
struct Browser {
    cookie: String,
    csrf: String,
}

impl Server {
    /// The demo's first step (its commissions, constituencies and elections) and one
    /// account per role that these tests use.
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
        let setup = tandoo_demo::story().into_iter().next().unwrap();
        for answer in submit_in_order(app.ledger(), setup.submissions).await {
            answer.unwrap();
        }
        for (user, role, commission) in [
            ("cec.admin", "administrator", "CEC"),
            ("cec.secretary", "secretary", "CEC"),
            ("cec.observer", "observer", "CEC"),
            ("dec13.supervisor", "supervisor", "DEC-13"),
        ] {
            app.accounts()
                .add(user, role, commission, PASSWORD)
                .await
                .unwrap();
        }
        Server { app, _dir: dir }
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

    async fn try_login(&self, user: &str, password: &str) -> Answer {
        let body = json!({"user": user, "password": password}).to_string();
        self.send(
            Request::post("/api/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .unwrap(),
            "192.0.2.200",
        )
        .await
    }

    async fn login_with(&self, user: &str, password: &str) -> Browser {
        let answer = self.try_login(user, password).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let cookie = answer.headers[header::SET_COOKIE].to_str().unwrap();
        let json: Value = serde_json::from_str(&answer.body).unwrap();
        Browser {
            cookie: cookie.split(';').next().unwrap().to_string(),
            csrf: json["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    async fn login(&self, user: &str) -> Browser {
        self.login_with(user, PASSWORD).await
    }

    async fn get(&self, browser: &Browser, uri: &str) -> Answer {
        let request = Request::get(uri)
            .header(header::COOKIE, &browser.cookie)
            .header(header::ACCEPT_LANGUAGE, "en")
            .body(Body::empty())
            .unwrap();
        self.send(request, "192.0.2.10").await
    }

    /// A form as the screen sends it, with the session's CSRF token.
    async fn post(&self, browser: &Browser, uri: &str, fields: &[(&str, &str)]) -> Answer {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        serializer.append_pair("csrf", &browser.csrf);
        for (name, value) in fields {
            serializer.append_pair(name, value);
        }
        let request = Request::post(uri)
            .header(header::COOKIE, &browser.cookie)
            .header(header::ACCEPT_LANGUAGE, "en")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(serializer.finish()))
            .unwrap();
        self.send(request, "192.0.2.10").await
    }

    async fn account(&self, user: &str) -> Option<tandoo_server::Account> {
        self.app
            .accounts()
            .list()
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.user == user)
    }

    /// The audit log's entries as (event, user, address, detail), oldest first.
    async fn audit(&self) -> Vec<(String, String, String, String)> {
        self.app
            .accounts()
            .audit_log(&AuditFilter::default())
            .await
            .unwrap()
            .into_iter()
            .map(|e| (e.event, e.user, e.address, e.detail))
            .collect()
    }
}

fn location(answer: &Answer) -> &str {
    answer.headers[header::LOCATION].to_str().unwrap()
}

#[tokio::test]
async fn an_administrator_adds_disables_and_reroles_accounts_through_the_forms() {
    let server = Server::new().await;
    let admin = server.login("cec.admin").await;

    let screen = server.get(&admin, "/staff/accounts").await;
    assert_eq!(screen.status, StatusCode::OK, "{}", screen.body);
    assert!(screen.body.contains("cec.secretary"), "{}", screen.body);
    assert!(screen.body.contains("name=\"csrf\""));

    // Passwords that differ, and a commission the record does not hold, are refused
    // beside their fields, and no account is added.
    let differ = server
        .post(
            &admin,
            "/staff/accounts",
            &[
                ("user", "dec13.operator"),
                ("role", "operator"),
                ("commission", "DEC-13"),
                ("password", PASSWORD),
                ("password_again", "a different long password"),
            ],
        )
        .await;
    assert_eq!(differ.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(differ.body.contains("id=\"password_again-problem\""));
    assert!(differ.body.contains("value=\"dec13.operator\""));
    let unknown = server
        .post(
            &admin,
            "/staff/accounts",
            &[
                ("user", "dec13.operator"),
                ("role", "operator"),
                ("commission", "DEC-99"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("id=\"commission-problem\""));
    assert!(server.account("dec13.operator").await.is_none());

    let added = server
        .post(
            &admin,
            "/staff/accounts",
            &[
                ("user", "dec13.operator"),
                ("role", "operator"),
                ("commission", "DEC-13"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(location(&added), "/staff/accounts?added=1");
    let operator = server.account("dec13.operator").await.unwrap();
    assert_eq!(operator.role, Role::Operator);
    assert_eq!(operator.commission, CommissionId::new("DEC-13"));
    assert!(!operator.disabled);

    // Adding it again is refused beside the user name.
    let again = server
        .post(
            &admin,
            "/staff/accounts",
            &[
                ("user", "dec13.operator"),
                ("role", "observer"),
                ("commission", "CEC"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("id=\"user-problem\""));

    // The new operator logs in; once disabled, the session ends and no login works.
    let operator_browser = server.login("dec13.operator").await;
    assert_eq!(
        server.get(&operator_browser, "/staff").await.status,
        StatusCode::OK
    );
    let disabled = server
        .post(&admin, "/staff/accounts/dec13.operator/disable", &[])
        .await;
    assert_eq!(disabled.status, StatusCode::SEE_OTHER, "{}", disabled.body);
    assert!(server.account("dec13.operator").await.unwrap().disabled);
    let after = server.get(&operator_browser, "/staff").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&after), "/login");
    assert_eq!(
        server.try_login("dec13.operator", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );

    // The secretary becomes an observer of DEC-13, at once in an open session too.
    let secretary = server.login("cec.secretary").await;
    let rerole = server
        .post(
            &admin,
            "/staff/accounts/cec.secretary/role",
            &[("role", "observer"), ("commission", "DEC-13")],
        )
        .await;
    assert_eq!(rerole.status, StatusCode::SEE_OTHER, "{}", rerole.body);
    let changed = server.account("cec.secretary").await.unwrap();
    assert_eq!(changed.role, Role::Observer);
    assert_eq!(changed.commission, CommissionId::new("DEC-13"));
    let home = server.get(&secretary, "/staff").await;
    assert!(home.body.contains("observer"), "{}", home.body);
    // A role that is none is refused and changes nothing.
    let bad_role = server
        .post(
            &admin,
            "/staff/accounts/cec.observer/role",
            &[("role", "king"), ("commission", "CEC")],
        )
        .await;
    assert_eq!(bad_role.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        server.account("cec.observer").await.unwrap().role,
        Role::Observer
    );

    // Every change is in the audit log with the administrator's name and address.
    let audit = server.audit().await;
    let by_admin = |event: &str, user: &str| {
        audit.iter().any(|(e, u, address, detail)| {
            e == event && u == user && address == "192.0.2.10" && detail.ends_with("by cec.admin")
        })
    };
    assert!(by_admin("account_added", "dec13.operator"), "{audit:?}");
    assert!(by_admin("account_disabled", "dec13.operator"), "{audit:?}");
    assert!(
        by_admin("account_role_changed", "cec.secretary"),
        "{audit:?}"
    );
    assert!(
        audit.iter().any(|(e, u, _, d)| e == "account_role_changed"
            && u == "cec.secretary"
            && d.starts_with("secretary of CEC to observer of DEC-13")),
        "{audit:?}"
    );

    // The audit screen lists them newest first, and filters by event.
    let log = server.get(&admin, "/staff/audit").await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    // The events are named in the filter's list too; the entries follow in the table.
    let table = &log.body[log.body.find("<tbody>").unwrap()..];
    let role_at = table.find("role changed").unwrap();
    let added_at = table.find("account added").unwrap();
    assert!(role_at < added_at, "newest first");
    let filtered = server
        .get(&admin, "/staff/audit?event=account_disabled")
        .await;
    assert!(filtered.body.contains("dec13.operator"));
    assert!(!filtered.body.contains("role changed</td>"));

    // The CSV export has them too, with a header row.
    let csv = server.get(&admin, "/staff/audit.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "time,event,user,address,detail");
    for event in ["account_added", "account_disabled", "account_role_changed"] {
        assert!(
            lines.iter().any(|l| l.contains(&format!(",{event},"))),
            "{event} in {}",
            csv.body
        );
    }
    let only_disabled = server
        .get(&admin, "/staff/audit.csv?event=account_disabled")
        .await;
    assert_eq!(
        only_disabled.body.lines().count(),
        2,
        "{}",
        only_disabled.body
    );
}

#[tokio::test]
async fn nobody_but_an_administrator_opens_the_accounts_or_the_audit_log_or_changes_an_account() {
    let server = Server::new().await;
    let before_accounts = server.app.accounts().list().await.unwrap();
    for user in ["cec.secretary", "cec.observer", "dec13.supervisor"] {
        let browser = server.login(user).await;
        for uri in ["/staff/accounts", "/staff/audit", "/staff/audit.csv"] {
            let answer = server.get(&browser, uri).await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "{user} {uri}");
            assert!(!answer.body.contains("cec.admin"), "{user} {uri}");
        }
        let home = server.get(&browser, "/staff").await;
        assert!(!home.body.contains("href=\"/staff/accounts\""), "{user}");
        assert!(!home.body.contains("href=\"/staff/audit\""), "{user}");
        // Forged forms, with the session's own token: refused, and nothing changes.
        let forged = [
            (
                "/staff/accounts",
                vec![
                    ("user", "intruder"),
                    ("role", "administrator"),
                    ("commission", "CEC"),
                    ("password", PASSWORD),
                    ("password_again", PASSWORD),
                ],
            ),
            ("/staff/accounts/cec.admin/disable", vec![]),
            (
                "/staff/accounts/cec.observer/role",
                vec![("role", "administrator"), ("commission", "CEC")],
            ),
        ];
        for (uri, fields) in forged {
            let answer = server.post(&browser, uri, &fields).await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "{user} {uri}");
        }
    }
    assert_eq!(server.app.accounts().list().await.unwrap(), before_accounts);
    let changes: Vec<_> = server
        .audit()
        .await
        .into_iter()
        .filter(|(e, ..)| e.starts_with("account_") && e != "account_added")
        .collect();
    assert!(changes.is_empty(), "{changes:?}");

    // Without a session, every one of them is the login page.
    let anonymous = Browser {
        cookie: String::from("tandoo_session=none"),
        csrf: String::new(),
    };
    for uri in ["/staff/accounts", "/staff/audit", "/staff/audit.csv"] {
        let answer = server.get(&anonymous, uri).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{uri}");
        assert_eq!(location(&answer), "/login");
    }
}

#[tokio::test]
async fn an_administrator_cannot_disable_or_demote_their_own_account_even_by_a_forged_form() {
    let server = Server::new().await;
    let admin = server.login("cec.admin").await;
    let before = server.app.accounts().list().await.unwrap();
    let screen = server.get(&admin, "/staff/accounts").await;
    assert!(
        !screen.body.contains("/staff/accounts/cec.admin/disable"),
        "no button for the own account"
    );
    for (uri, fields) in [
        ("/staff/accounts/cec.admin/disable", vec![]),
        (
            "/staff/accounts/cec.admin/role",
            vec![("role", "observer"), ("commission", "CEC")],
        ),
    ] {
        let answer = server.post(&admin, uri, &fields).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert!(
            answer.body.contains("another administrator does it"),
            "{uri}: {}",
            answer.body
        );
    }
    assert_eq!(server.app.accounts().list().await.unwrap(), before);
    // The session still works: nothing was changed.
    assert_eq!(
        server.get(&admin, "/staff/accounts").await.status,
        StatusCode::OK
    );
    // On the server's machine, `tandoo user` still may.
    server
        .app
        .accounts()
        .disable_by("cec.admin", tandoo_server::By::LOCAL)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_user_changes_their_own_password_and_their_other_sessions_end() {
    let server = Server::new().await;
    let here = server.login("cec.observer").await;
    let elsewhere = server.login("cec.observer").await;

    let page = server.get(&here, "/staff/password").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("autocomplete=\"current-password\""));

    let wrong = server
        .post(
            &here,
            "/staff/password",
            &[
                ("current", "not the password at all"),
                ("password", NEW_PASSWORD),
                ("password_again", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"current-problem\""));
    let differ = server
        .post(
            &here,
            "/staff/password",
            &[
                ("current", PASSWORD),
                ("password", NEW_PASSWORD),
                ("password_again", "not the same new password"),
            ],
        )
        .await;
    assert_eq!(differ.status, StatusCode::UNPROCESSABLE_ENTITY);
    let short = server
        .post(
            &here,
            "/staff/password",
            &[
                ("current", PASSWORD),
                ("password", "short"),
                ("password_again", "short"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("id=\"password-problem\""));
    // None of those changed it.
    assert_eq!(
        server.get(&elsewhere, "/staff").await.status,
        StatusCode::OK
    );

    let changed = server
        .post(
            &here,
            "/staff/password",
            &[
                ("current", PASSWORD),
                ("password", NEW_PASSWORD),
                ("password_again", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    assert_eq!(location(&changed), "/staff/password?changed=1");
    assert_eq!(server.get(&here, "/staff").await.status, StatusCode::OK);
    let ended = server.get(&elsewhere, "/staff").await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert_eq!(
        server.try_login("cec.observer", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    server.login_with("cec.observer", NEW_PASSWORD).await;

    let audit = server.audit().await;
    assert!(
        audit.iter().any(|(e, u, _, d)| e == "password_changed"
            && u == "cec.observer"
            && d == "other sessions ended"),
        "{audit:?}"
    );
    let admin = server.login("cec.admin").await;
    let csv = server
        .get(
            &admin,
            "/staff/audit.csv?user=cec.observer&event=password_changed",
        )
        .await;
    // The header, the refused change and the change.
    assert_eq!(csv.body.lines().count(), 3, "{}", csv.body);
}

#[tokio::test]
async fn every_account_reads_the_elections_the_stations_and_the_record() {
    let server = Server::new().await;
    let observer = server.login("cec.observer").await;
    let elections = server.get(&observer, "/staff/elections").await;
    assert_eq!(elections.status, StatusCode::OK, "{}", elections.body);
    assert!(elections.body.contains("Voting day"));
    assert!(elections.body.contains("/staff/stations?constituency=13"));
    let stations = server
        .get(&observer, "/staff/stations?constituency=13")
        .await;
    assert_eq!(stations.status, StatusCode::OK, "{}", stations.body);
    assert!(stations.body.contains("<caption>"));
    assert_eq!(
        server
            .get(&observer, "/staff/stations?constituency=999")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let record = server.get(&observer, "/staff/record").await;
    assert_eq!(record.status, StatusCode::OK, "{}", record.body);
    let head = server.app.ledger().head().await;
    assert!(record.body.contains(&head.hash.to_hex()));
    assert!(record.body.contains("were checked as they were read"));
}

#[tokio::test]
async fn guessing_the_current_password_in_an_open_session_is_held_back_like_a_login() {
    let server = Server::new().await;
    let browser = server.login("cec.observer").await;
    let attempt = |current: &'static str| {
        let (server, browser) = (&server, &browser);
        async move {
            server
                .post(
                    browser,
                    "/staff/password",
                    &[
                        ("current", current),
                        ("password", NEW_PASSWORD),
                        ("password_again", NEW_PASSWORD),
                    ],
                )
                .await
        }
    };
    for _ in 0..6 {
        let wrong = attempt("a guess at the password").await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Now even the right password is not checked, and the password stays as it was.
    let held = attempt(PASSWORD).await;
    assert_eq!(held.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        held.body.contains("Too many wrong passwords"),
        "{}",
        held.body
    );
    assert!(
        server
            .audit()
            .await
            .iter()
            .any(|(e, u, ..)| e == "login_throttled" && u == "cec.observer")
    );
    assert_eq!(
        server.try_login("cec.observer", NEW_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
}

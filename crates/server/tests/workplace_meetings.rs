//! The CEC's meeting of 13 February 2026 recorded through the staff screens as a browser
//! sends them: the demo's record up to that meeting, the CEC secretary records the meeting
//! and puts the review of resolution No. 161 to the vote (9 for, 2 against) with the story's
//! effects, and constituency 13's result screen then names Altynbekov, Mamytov and
//! Karabekova; the same form from an observer is refused and records nothing; and the
//! result screen as of the day before still shows the state resolution No. 161 left.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use tandoo_core::Command;
use tandoo_server::{App, Config, ManualClock, router};
use tempfile::TempDir;
use tower::ServiceExt;

mod support;
use support::submit_in_order;

const PASSWORD: &str = "a long enough password";
/// The CEC's members present: all but the twelfth.
const PRESENT: [&str; 11] = [
    "shainazarov",
    "mambetaipov",
    "koychukeev",
    "cec-04",
    "cec-05",
    "cec-06",
    "cec-07",
    "cec-08",
    "cec-09",
    "cec-10",
    "cec-11",
];
const AGAINST: [&str; 2] = ["mambetaipov", "koychukeev"];
const SEATS: &str = "Aibek Altynbekov, Talant Mamytov, Aigul Karabekova";

struct Answer {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

struct Browser {
    cookie: String,
    csrf: String,
}

struct Server {
    app: App,
    _dir: TempDir,
}

impl Server {
    /// The demo's record up to (not including) the step that holds the CEC's meeting of
    /// 13 February 2026, the review of resolution No. 161.
    async fn before_the_review() -> Server {
        let dir = TempDir::new().unwrap();
        let clock = ManualClock::starting_at(1_772_388_245);
        let app = App::open_with_clock(
            dir.path().join("record.db"),
            Config::default(),
            Arc::new(clock),
        )
        .await
        .unwrap();
        let mut reached = false;
        for step in tandoo_demo::story() {
            let holds_meeting = step
                .submissions
                .iter()
                .any(|s| matches!(s.command, Command::HoldMeeting(_)));
            if holds_meeting {
                assert_eq!(step.date.to_string(), "2026-02-13", "{}", step.title);
                reached = true;
                break;
            }
            for answer in submit_in_order(app.ledger(), step.submissions).await {
                answer.unwrap();
            }
        }
        assert!(reached, "the story holds the meeting of 13 February 2026");
        for (user, role) in [("cec.secretary", "secretary"), ("cec.observer", "observer")] {
            app.accounts()
                .add(user, role, "CEC", PASSWORD)
                .await
                .unwrap();
        }
        Server { app, _dir: dir }
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
        let answer = router(self.app.clone())
            .oneshot(
                Request::post("/api/session")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        let cookie = answer.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let bytes = to_bytes(answer.into_body(), usize::MAX).await.unwrap();
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

    /// A form as a browser posts it, with the session's token in its `csrf` field.
    async fn post(&self, browser: &Browser, uri: &str, fields: &[(&str, &str)]) -> Answer {
        let mut all = vec![("csrf", browser.csrf.as_str())];
        all.extend_from_slice(fields);
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&all)
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

    async fn head(&self) -> u64 {
        self.app.ledger().head().await.seq
    }
}

/// The text of a page without its tags, its entities undone as far as names need.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
}

/// The seats line of a constituency's result screen (`dd#seats`).
fn seats(html: &str) -> String {
    let at = html.find("id=\"seats\"").expect("the seats line");
    let end = at + html[at..].find("</dd>").unwrap();
    text(&html[at + "id=\"seats\">".len()..end])
}

/// The values of the boxes named `name` that the page ticks already.
fn ticked(html: &str, name: &str) -> Vec<String> {
    html.split("<input")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').unwrap()])
        .filter(|tag| tag.contains(&format!("name=\"{name}\"")) && tag.contains(" checked"))
        .map(|tag| {
            let at = tag.find("value=\"").unwrap() + 7;
            tag[at..at + tag[at..].find('"').unwrap()].to_owned()
        })
        .collect()
}

/// The candidates the draft's "recognise as elected" boxes name, ticked in the order the
/// page lists them, as a browser sends them.
fn in_page_order<'a>(page: &str, ids: &[&'a str]) -> Vec<&'a str> {
    let mut ids: Vec<&str> = ids.to_vec();
    ids.sort_by_key(|id| {
        page.find(&format!("id=\"elected-{id}\""))
            .unwrap_or_else(|| panic!("a box for {id}"))
    });
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretary_records_the_review_of_161_and_the_seats_of_13_follow() {
    let server = Server::before_the_review().await;
    let secretary = server.login("cec.secretary").await;
    let observer = server.login("cec.observer").await;

    let before = server.get(&secretary, "/staff/results/13?lang=en").await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    assert!(
        !seats(&before.body).contains(SEATS),
        "{}",
        seats(&before.body)
    );

    // The meeting: its date, agenda and the eleven members present.
    let page = server.get(&secretary, "/staff/meetings?lang=en").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("action=\"/staff/meetings\""));
    let mut meeting: Vec<(&str, &str)> = vec![
        ("date", "2026-02-13"),
        (
            "agenda",
            "Review of resolution No. 161 of 3 December 2025 on new circumstances",
        ),
    ];
    meeting.extend(PRESENT.iter().map(|m| ("present", *m)));
    let observed = server.post(&observer, "/staff/meetings", &meeting).await;
    assert_eq!(observed.status, StatusCode::FORBIDDEN);
    let head = server.head().await;
    let held = server.post(&secretary, "/staff/meetings", &meeting).await;
    assert_eq!(held.status, StatusCode::SEE_OTHER, "{}", held.body);
    let at = held.location.unwrap();
    assert_eq!(at, "/staff/meetings/CEC-M-2026-02-13-1");
    assert_eq!(server.head().await, head + 1);

    // The draft, its effects about election E1 in constituency 13.
    let draft = server
        .get(
            &secretary,
            &format!("{at}?election=E1&constituency=13&lang=en"),
        )
        .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    assert!(draft.body.contains("value=\"CEC/2025/161\""));
    assert!(draft.body.contains("value=\"CEC-2026-S1\""));
    // The CEC's rule over its twelve members: a quorum of 8, adopted with 7 for.
    assert!(
        text(&draft.body).contains(
            "Members: 12; present: 11. Quorum: at least 8 present. Adopted with at least 7 votes for."
        ),
        "{}",
        text(&draft.body)
    );
    // Constituency 13's registrations stand annulled, so the count allocates nothing there
    // to propose; another constituency's draft proposes its count's allocation.
    assert_eq!(ticked(&draft.body, "elected"), Vec::<String>::new());
    let (number, allocated) = server
        .app
        .ledger()
        .read(|state| {
            let election = state.main_election()?.clone();
            state.constituencies.keys().find_map(|c| {
                let view = tandoo_core::national::constituency_view(state, &election, *c)?;
                (!view.contest.allocated.is_empty()).then_some((*c, view.contest.allocated))
            })
        })
        .await
        .expect("a constituency whose count allocates its seats, not yet recognised");
    let other = server
        .get(
            &secretary,
            &format!("{at}?election=E1&constituency={number}"),
        )
        .await;
    let mut proposed = ticked(&other.body, "elected");
    proposed.sort();
    let mut allocated: Vec<String> = allocated.iter().map(|id| id.to_string()).collect();
    allocated.sort();
    assert_eq!(proposed, allocated);

    let elected = in_page_order(&draft.body, &["E1-13-03", "E1-13-02", "E1-13-13"]);
    let mut fields: Vec<(String, String)> = [
        ("election", "E1"),
        ("constituency", "13"),
        (
            "title_ky",
            "№161 токтомду жаңы жагдайлар боюнча кайра кароо жөнүндө",
        ),
        (
            "title_ru",
            "О пересмотре постановления №161 по новым обстоятельствам",
        ),
        (
            "title_en",
            "On the review of resolution No. 161 on new circumstances",
        ),
        ("considers", "CEC-2026-S1"),
        ("rescind", "CEC/2025/161"),
        ("declare", "valid"),
        ("annul_votes", "E1-13-01"),
    ]
    .iter()
    .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
    .collect();
    fields.extend(
        elected
            .iter()
            .map(|id| ("elected".to_owned(), (*id).to_owned())),
    );
    fields.push(("cancel".into(), "E2".into()));
    for member in PRESENT {
        let vote = if AGAINST.contains(&member) {
            "against"
        } else {
            "for"
        };
        fields.push((format!("vote-{member}"), vote.into()));
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let action = format!("{at}/resolution");

    // An observer's post of the same form is refused before anything is recorded.
    let head = server.head().await;
    let refused = server.post(&observer, &action, &fields).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert_eq!(server.head().await, head);
    let unchanged = server.get(&secretary, "/staff/results/13?lang=en").await;
    assert_eq!(seats(&unchanged.body), seats(&before.body));

    // A vote missing for one present member comes back with the form, nothing recorded.
    let short: Vec<(&str, &str)> = fields
        .iter()
        .filter(|(n, _)| *n != "vote-cec-11")
        .copied()
        .collect();
    let again = server.post(&secretary, &action, &short).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("role=\"alert\""));
    assert_eq!(server.head().await, head);

    // A resolution to rescind that does not exist is core's refusal, shown with the form.
    let unknown: Vec<(&str, &str)> = fields
        .iter()
        .map(|&(n, v)| {
            if n == "rescind" {
                (n, "CEC/2025/999")
            } else {
                (n, v)
            }
        })
        .collect();
    let refused = server.post(&secretary, &action, &unknown).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("role=\"alert\""));
    assert_eq!(server.head().await, head);

    let voted = server.post(&secretary, &action, &fields).await;
    assert_eq!(voted.status, StatusCode::SEE_OTHER, "{}", voted.body);
    let outcome = server
        .get(&secretary, &format!("{}&lang=en", voted.location.unwrap()))
        .await;
    assert_eq!(outcome.status, StatusCode::OK);
    let said = text(&outcome.body);
    assert!(
        said.contains("The resolution was adopted")
            && said.contains("for 9, against 2, abstained 0"),
        "{said}"
    );

    let after = server.get(&secretary, "/staff/results/13?lang=en").await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(seats(&after.body).contains(SEATS), "{}", seats(&after.body));
    // The count's steps in words, as the portal words them.
    assert!(
        text(&after.body).contains("Aibek Altynbekov (13,477 votes) takes seat 1."),
        "{}",
        text(&after.body)
    );
    let national = server.get(&secretary, "/staff/results?lang=en").await;
    assert!(text(&national.body).contains(SEATS));

    // As of the day before, the record stood where resolution No. 161 left it.
    let past = server
        .get(&secretary, "/staff/results/13?as_of=2026-02-12&lang=en")
        .await;
    assert_eq!(past.status, StatusCode::OK, "{}", past.body);
    assert_eq!(seats(&past.body), seats(&before.body));
    let bad = server
        .get(&secretary, "/staff/results/13?as_of=12.02.2026")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    // The observer reads the resolution and its rescission of No. 161.
    let list = server.get(&observer, "/staff/resolutions?lang=en").await;
    assert_eq!(list.status, StatusCode::OK);
    let listed = text(&list.body);
    assert!(
        listed.contains("On the review of resolution No. 161 on new circumstances"),
        "{listed}"
    );
    assert!(listed.contains("rescind a resolution"));
    let cited = server
        .get(&observer, "/staff/resolutions/CEC/2025/161?lang=en")
        .await;
    assert_eq!(cited.status, StatusCode::OK, "{}", cited.body);
    assert!(
        text(&cited.body).contains("Rescinded by"),
        "{}",
        text(&cited.body)
    );
}

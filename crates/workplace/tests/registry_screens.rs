//! The candidates', complaints' and incidents' screens drawn from the whole demo story:
//! what resolutions did to a candidate is in their history, refunds are shown, and forms
//! are offered only to a secretary whose commission may give them.

use tandoo_core::ids::{CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId};
use tandoo_core::{LegalDate, Role, State};
use tandoo_present::Language;
use tandoo_workplace::fields::{Problem, Sent};
use tandoo_workplace::{Screen, Viewer, candidates, complaints, incidents};

fn story() -> State {
    let mut state = State::new();
    for step in tandoo_demo::story() {
        for submission in &step.submissions {
            tandoo_ledger::stage(&mut state, submission).expect("the story is accepted");
        }
    }
    state
}

fn viewer(role: Role, commission: &str) -> Viewer {
    Viewer {
        user: "someone".into(),
        role,
        commission: CommissionId::new(commission),
        csrf_token: "token".into(),
    }
}

fn today() -> LegalDate {
    "2026-03-01".parse().unwrap()
}

#[test]
fn a_rescinded_annulment_stays_in_the_history_marked_as_no_longer_in_force() {
    let state = story();
    let secretary = viewer(Role::Secretary, "CEC");
    let screen = Screen::new(Language::En, Some(&secretary), "/staff/candidates/E1-13-01");
    let page = candidates::detail(
        &screen,
        &state,
        &CandidateId::new("E1-13-01"),
        today(),
        None,
        None,
    )
    .unwrap();
    let history = &page[page.find("<table class=\"history\"").unwrap()..];
    let annulled = history
        .find("Registration annulled")
        .expect("the annulment of resolution 161 is in the history");
    let row_end = annulled + history[annulled..].find("</tr>").unwrap();
    assert!(
        history[annulled..row_end].contains("(no longer in force)"),
        "{}",
        &history[annulled..row_end]
    );
    assert!(history.find("Nominated").unwrap() < annulled, "by date");
}

#[test]
fn a_refunded_fee_names_the_resolution_that_refunded_it() {
    let state = story();
    let secretary = viewer(Role::Secretary, "CEC");
    let screen = Screen::new(Language::En, Some(&secretary), "/staff/candidates");
    let election = ElectionId::new("E2");
    let page = candidates::list(
        &screen,
        &state,
        &election,
        ConstituencyNo(13),
        today(),
        None,
        None,
    )
    .unwrap();
    let table = &page[page.find("<table class=\"candidates\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.contains("2/2026"), "{table}");
    assert!(!table.contains("not refunded"), "{table}");
}

#[test]
fn forms_are_offered_to_a_secretary_with_competence_only() {
    let state = story();
    let election = ElectionId::new("E1");
    let candidate = CandidateId::new("E1-13-03");
    let cases = [
        (viewer(Role::Secretary, "CEC"), true),
        (viewer(Role::Secretary, "DEC-13"), true),
        (viewer(Role::Secretary, "DEC-14"), false),
        (viewer(Role::Observer, "CEC"), false),
        (viewer(Role::Operator, "DEC-13"), false),
    ];
    for (who, offered) in cases {
        let screen = Screen::new(Language::Ru, Some(&who), "/staff/candidates");
        let pages = [
            candidates::list(
                &screen,
                &state,
                &election,
                ConstituencyNo(13),
                today(),
                None,
                None,
            )
            .unwrap(),
            candidates::detail(&screen, &state, &candidate, today(), None, None).unwrap(),
            incidents::list(
                &screen,
                &state,
                &election,
                ConstituencyNo(13),
                None,
                today(),
                None,
                None,
            )
            .unwrap(),
        ];
        for page in pages {
            assert_eq!(
                page.contains("name=\"action\""),
                offered,
                "{:?} of {}",
                who.role,
                who.commission
            );
        }
    }
}

#[test]
fn a_complaint_shows_its_requests_answers_and_only_its_commission_decides_it() {
    let state = story();
    let id = ComplaintId::new(tandoo_demo::story::STATEMENT);
    let cec = viewer(Role::Secretary, "CEC");
    let screen = Screen::new(Language::En, Some(&cec), "/staff/complaints");
    let page = complaints::detail(&screen, &state, &id, today(), None, None).unwrap();
    for text in [
        "Aigul Karabekova",
        "Ministry of Internal Affairs",
        "Who installed the recording devices",
        "The phones were installed by supporters",
        "value=\"decide\"",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let district = viewer(Role::Secretary, "DEC-13");
    let screen = Screen::new(Language::En, Some(&district), "/staff/complaints");
    let page = complaints::detail(&screen, &state, &id, today(), None, None).unwrap();
    assert!(!page.contains("value=\"decide\""));
    assert!(!page.contains("value=\"request\""));
}

/// Every problem a form can find, on every field of every form.
fn every_problem(form: &str, fields: &[&str]) -> Sent {
    let keys = ["required", "date", "money", "choice", "resolution", "party"];
    Sent {
        form: form.to_owned(),
        problems: fields
            .iter()
            .flat_map(|f| {
                keys.iter().map(|k| Problem {
                    field: (*f).to_owned(),
                    key: k,
                })
            })
            .collect(),
        refusal: Some("refused".into()),
        ..Sent::default()
    }
}

#[test]
fn no_screen_or_problem_shows_a_catalog_key_in_any_language() {
    let state = story();
    let secretary = viewer(Role::Secretary, "CEC");
    let e1 = ElectionId::new("E1");
    let c13 = ConstituencyNo(13);
    let candidate = CandidateId::new("E1-13-03");
    let statement = ComplaintId::new(tandoo_demo::story::STATEMENT);
    let date = ["date"];
    for language in Language::ALL {
        let screen = Screen::new(language, Some(&secretary), "/staff/candidates");
        let nominate = every_problem(
            candidates::NOMINATE,
            &[
                "id",
                "person",
                "name",
                "latin_name",
                "gender",
                "nominated_by",
                "party",
                "constituency",
                "date",
            ],
        );
        let fee = every_problem(candidates::PAY_FEE, &["amount", "reference", "date"]);
        let withdraw = every_problem(candidates::WITHDRAW, &["reason", "date"]);
        let file = every_problem(
            complaints::FILE,
            &[
                "id",
                "kind",
                "filed_by",
                "candidates",
                "subject",
                "concerns",
                "date",
            ],
        );
        let request = every_problem(complaints::REQUEST, &["id", "to", "text", "date"]);
        let answer = every_problem(complaints::ANSWER, &["request", "from", "text", "date"]);
        let decide = every_problem(complaints::DECIDE, &["decision", "resolution", "text"]);
        let incident = every_problem(
            incidents::RECORD,
            &["station", "id", "description", "source", "constituency"],
        );
        let mut pages = vec![
            candidates::list(&screen, &state, &e1, c13, today(), Some(&nominate), None).unwrap(),
            incidents::list(
                &screen,
                &state,
                &e1,
                c13,
                None,
                today(),
                Some(&incident),
                None,
            )
            .unwrap(),
            complaints::list(&screen, &state, today(), Some(&file)),
        ];
        for sent in [&fee, &withdraw, &every_problem(candidates::REGISTER, &date)] {
            pages.push(
                candidates::detail(
                    &screen,
                    &state,
                    &candidate,
                    today(),
                    Some(sent),
                    Some("record-saved"),
                )
                .unwrap(),
            );
        }
        for sent in [&request, &answer, &decide] {
            pages.push(
                complaints::detail(&screen, &state, &statement, today(), Some(sent), None).unwrap(),
            );
        }
        for page in pages {
            if let Some(at) = page.find("staff-") {
                let key: String = page[at..].chars().take(60).collect();
                panic!("{language:?}: {key}");
            }
        }
    }
}

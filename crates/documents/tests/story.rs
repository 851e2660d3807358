//! Every kind of document of the demo story, in Kyrgyz, Russian and English: the text a
//! reader finds on the page (read back with poppler's `pdftotext`), the bytes the same for
//! the same record, and a printed page's reference checked against the record after it.

#![cfg(feature = "pdf")]

use std::process::Command;
use std::sync::OnceLock;

use tandoo_core::act::Act;
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_documents::{
    Check, Kind, Reference, Reflects, Request, Subject, check, prepare, render,
};
use tandoo_present::Language;

struct Story {
    state: State,
    acts: Vec<(Stamp, Act)>,
}

fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        let mut story = Story {
            state: State::new(),
            acts: Vec::new(),
        };
        for step in tandoo_demo::story() {
            for submission in &step.submissions {
                let staged = tandoo_ledger::stage(&mut story.state, submission)
                    .unwrap_or_else(|e| panic!("{}: refused: {e}", step.title));
                story.acts.extend(staged.acts);
            }
        }
        story
    })
}

fn state_as_of(date: Option<&str>) -> State {
    match date {
        None => story().state.clone(),
        Some(date) => {
            let date: LegalDate = date.parse().unwrap();
            State::as_of(story().acts.iter().map(|(s, a)| (*s, a)), date).unwrap()
        }
    }
}

fn reflects(state: &State) -> Reflects {
    Reflects {
        seq: state.seq,
        hash: format!("{:064x}", state.seq),
    }
}

fn request(kind: Kind, ids: &[&str], language: Language, as_of: Option<&str>) -> Request {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    Request {
        kind,
        subject: Subject::parse(kind, &ids).unwrap(),
        language,
        as_of: as_of.map(|d| d.parse().unwrap()),
        election: None,
    }
}

/// The PDF of a document of the story, as of a date or of the whole record.
fn pdf(kind: Kind, ids: &[&str], language: Language, as_of: Option<&str>) -> Vec<u8> {
    let state = state_as_of(as_of);
    let content = prepare(&state, &request(kind, ids, language, as_of))
        .unwrap_or_else(|e| panic!("{kind:?} {ids:?}: {e}"));
    render(&content, &reflects(&state)).unwrap_or_else(|e| panic!("{kind:?} {ids:?}: {e}"))
}

/// The text of a PDF as `pdftotext` reads it, with its lines joined by spaces (a table's
/// cell may wrap).
fn text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("document.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn assert_has(text: &str, expected: &[&str], what: &str) {
    for phrase in expected {
        assert!(text.contains(phrase), "{what}: no «{phrase}» in\n{text}");
    }
}

/// A station of constituency 13, the first of its register.
fn station_13() -> String {
    story().state.rolls[&tandoo_core::ids::ConstituencyNo(13)].station_ids[0].to_string()
}

/// The review of resolution 161, adopted on 13 February 2026, as the record numbers it.
fn review_of_161() -> String {
    let date: LegalDate = "2026-02-13".parse().unwrap();
    let state = &story().state;
    let r = state
        .resolutions
        .values()
        .find(|r| r.date == date && r.voted.adopted && r.voted.votes.len() == 11)
        .expect("the review of 161");
    let n = r.voted.number.as_ref().unwrap();
    format!("{}-{}-{}", n.commission, n.number, n.year)
}

/// The refund of the fees of the cancelled repeat election, of 16 February 2026.
fn refund_resolution() -> String {
    let date: LegalDate = "2026-02-16".parse().unwrap();
    let r = story()
        .state
        .resolutions
        .values()
        .find(|r| r.date == date)
        .expect("the refund of 16 February");
    let n = r.voted.number.as_ref().unwrap();
    format!("{}-{}-{}", n.commission, n.number, n.year)
}

#[test]
fn the_precinct_protocol_has_every_line_its_figures_in_words_and_the_candidates() {
    let station = station_13();
    for (language, expected) in [
        (
            Language::Ky,
            ["Айбек Алтынбеков", "Жазуу менен", "Төрага", "(колу)"],
        ),
        (
            Language::Ru,
            ["Айбек Алтынбеков", "Прописью", "Председатель", "(подпись)"],
        ),
        (
            Language::En,
            ["Aibek Altynbekov", "In words", "Chair", "(signature)"],
        ),
    ] {
        let text = text(&pdf(Kind::Protocol, &["13", &station], language, None));
        assert_has(&text, &expected, &format!("protocol {language}"));
        for line in ["L1", "L2", "L10", "AA"] {
            assert_has(&text, &[line], &format!("protocol {language}"));
        }
    }
}

#[test]
fn the_blank_protocol_names_the_candidates_and_leaves_the_figures_to_be_written() {
    let station = station_13();
    let state = &story().state;
    let content = prepare(
        state,
        &request(Kind::BlankProtocol, &["13", &station], Language::Ru, None),
    )
    .unwrap();
    let json = String::from_utf8(tandoo_documents::content_json(&content)).unwrap();
    assert!(json.contains("\"blank\":true"), "{json}");
    assert!(
        !json.contains("\"digits\":\""),
        "a blank form has no figures: {json}"
    );
    for (language, expected) in [
        (Language::Ky, ["Бактыбек Сыдыков", "бланк", "Жазуу менен"]),
        (Language::Ru, ["Бактыбек Сыдыков", "бланк", "Прописью"]),
        (Language::En, ["Baktybek Sydykov", "blank form", "In words"]),
    ] {
        let text = text(&pdf(Kind::BlankProtocol, &["13", &station], language, None));
        assert_has(&text, &expected, &format!("blank protocol {language}"));
    }
}

#[test]
fn the_summary_protocol_totals_the_stations_and_shows_the_count() {
    for (language, expected) in [
        (
            Language::Ky,
            ["Айбек Алтынбеков", "Айгуль Карабекова", "13 477", "Бардыгы"],
        ),
        (
            Language::Ru,
            ["Айбек Алтынбеков", "Талант Мамытов", "13 477", "Итого"],
        ),
        (
            Language::En,
            ["Aibek Altynbekov", "Talant Mamytov", "13,477", "Total"],
        ),
    ] {
        let text = text(&pdf(Kind::Summary, &["13"], language, None));
        assert_has(&text, &expected, &format!("summary {language}"));
    }
    // Before resolution 161 the count gave the seats to Sydykov, Altynbekov and Karabekova.
    let before = text(&pdf(
        Kind::Summary,
        &["13"],
        Language::En,
        Some("2025-12-01"),
    ));
    assert_has(
        &before,
        &["Baktybek Sydykov", "17,397"],
        "summary as of 2025-12-01",
    );
}

#[test]
fn the_review_of_161_shows_nine_for_and_two_against_member_by_member() {
    let review = review_of_161();
    for (language, expected) in [
        (Language::Ky, "макул 9, каршы 2"),
        (Language::Ru, "за 9, против 2"),
        (Language::En, "9 for, 2 against"),
    ] {
        let text = text(&pdf(Kind::Resolution, &[&review], language, None));
        assert_has(&text, &[expected], &format!("review {language}"));
    }
    let text = text(&pdf(Kind::Resolution, &[&review], Language::En, None));
    assert_has(
        &text,
        &[
            "Ministry of Internal Affairs",
            "rescind",
            "against",
            "Aibek Altynbekov",
        ],
        "the review's operative paragraphs and what it considered",
    );
}

#[test]
fn resolution_161_is_rescinded_after_13_february_2026_and_not_before() {
    for (language, word) in [
        (Language::Ky, "Жокко чыгарылды"),
        (Language::Ru, "Отменено"),
        (Language::En, "Rescinded"),
    ] {
        for as_of in [None, Some("2026-02-13")] {
            let text = text(&pdf(Kind::Resolution, &["CEC-161-2025"], language, as_of));
            assert_has(&text, &[word], &format!("161 {language} as of {as_of:?}"));
        }
        let before = text(&pdf(
            Kind::Resolution,
            &["CEC-161-2025"],
            language,
            Some("2026-02-12"),
        ));
        assert!(
            !before.contains(word),
            "161 {language} before the review: {before}"
        );
    }
}

#[test]
fn a_recognised_deputy_has_a_certificate_and_a_candidate_who_lost_has_none() {
    for (language, expected) in [
        (
            Language::Ky,
            ["ШАЙЛАНГАНДЫГЫ ЖӨНҮНДӨ КҮБӨЛҮК", "Айбек Алтынбеков"],
        ),
        (
            Language::Ru,
            ["УДОСТОВЕРЕНИЕ ОБ ИЗБРАНИИ", "Айбек Алтынбеков"],
        ),
        (
            Language::En,
            ["CERTIFICATE OF ELECTION", "Aibek Altynbekov"],
        ),
    ] {
        let text = text(&pdf(Kind::Certificate, &["E1-13-03"], language, None));
        assert_has(&text, &expected, &format!("certificate {language}"));
    }
    let sydykov = prepare(
        &story().state,
        &request(Kind::Certificate, &["E1-13-01"], Language::En, None),
    );
    assert_eq!(sydykov.unwrap_err().code(), "DOC_NOT_ELECTED");
}

#[test]
fn the_refund_list_names_each_candidate_of_the_cancelled_repeat_election() {
    let refund = refund_resolution();
    let state = &story().state;
    let repeat: Vec<&str> = state
        .candidates
        .values()
        .filter(|c| c.nomination.election.as_str() == "E2")
        .map(|c| c.nomination.name.as_str())
        .collect();
    assert_eq!(repeat.len(), 23);
    for (language, title) in [
        (Language::Ky, "Кайтарылуучу шайлоо күрөөлөрүнүн тизмеси"),
        (Language::Ru, "Список возвращаемых избирательных залогов"),
        (Language::En, "List of election fees refunded"),
    ] {
        let text = text(&pdf(Kind::Refunds, &[&refund], language, None));
        assert_has(&text, &[title, "300"], &format!("refunds {language}"));
        // The names as registered; English shows a Latin form where one was given.
        if language != Language::En {
            assert_has(&text, &repeat, &format!("refunds {language}"));
        }
    }
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    let station = station_13();
    for (kind, ids) in [
        (Kind::Protocol, vec!["13", station.as_str()]),
        (Kind::Summary, vec!["13"]),
        (Kind::Resolution, vec!["CEC-161-2025"]),
    ] {
        let first = pdf(kind, &ids, Language::Ky, None);
        let second = pdf(kind, &ids, Language::Ky, None);
        assert!(first == second, "{kind:?}: two renderings differ");
        assert!(first.starts_with(b"%PDF-"));
    }
}

#[test]
fn every_page_carries_the_entry_the_digest_and_the_reference() {
    let state = &story().state;
    let request = request(Kind::Resolution, &["CEC-161-2025"], Language::En, None);
    let content = prepare(state, &request).unwrap();
    let reflects = reflects(state);
    let reference = Reference::of(&request, &content, &reflects);
    let text = text(&render(&content, &reflects).unwrap());
    assert_has(
        &text,
        &[
            &tandoo_documents::digest(&content),
            &reflects.hash,
            "tandoo-doc/1 resolution CEC-161-2025 en",
        ],
        "the page's furniture",
    );
    assert_eq!(Reference::parse(&reference.to_string()), Ok(reference));
}

#[test]
fn a_page_printed_before_the_review_is_no_longer_current_after_it() {
    let printed_on = state_as_of(Some("2026-02-12"));
    let request = request(Kind::Resolution, &["CEC-161-2025"], Language::Ru, None);
    let content = prepare(&printed_on, &request).unwrap();
    let reference = Reference::of(&request, &content, &reflects(&printed_on));
    let hash = reference.reflects.hash.clone();
    // Checked against the record as it stood then, it is current.
    assert_eq!(check(&reference, Some(&hash), &printed_on), Check::Current);
    // Against the record now, 161 is rescinded: the page no longer says what the record does.
    assert!(matches!(
        check(&reference, Some(&hash), &story().state),
        Check::Changed { .. }
    ));
    // A page from another record, or an entry it does not have.
    let other = "ff".repeat(32);
    assert!(matches!(
        check(&reference, Some(&other), &printed_on),
        Check::EntryDiffers { .. }
    ));
    assert_eq!(check(&reference, None, &printed_on), Check::NoSuchEntry);
}

#[test]
fn a_document_of_a_past_date_states_the_date() {
    let text = text(&pdf(
        Kind::Summary,
        &["13"],
        Language::Ru,
        Some("2026-01-01"),
    ));
    assert_has(
        &text,
        &["По состоянию реестра на"],
        "summary as of 2026-01-01",
    );
}

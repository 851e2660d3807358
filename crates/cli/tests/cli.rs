//! The command line end to end: the demo's record, status on any date, verification that
//! names a tampered act, exports, and all-or-nothing application of command files.

use serde_json::Value;
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::demo_record;
use tandoo_core::command::EnterProtocol;

fn tandoo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(args)
        .output()
        .expect("tandoo runs")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn copy_of_demo(dir: &Path) -> PathBuf {
    let copy = dir.join("copy.sqlite");
    std::fs::copy(demo_record(), &copy).unwrap();
    let wal = format!("{}-wal", demo_record().display());
    if Path::new(&wal).exists() {
        std::fs::copy(&wal, format!("{}-wal", copy.display())).unwrap();
    }
    copy
}

fn status_json(db: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "status",
        "--db",
        db.to_str().unwrap(),
        "--constituency",
        "13",
        "--json",
    ];
    args.extend_from_slice(extra);
    let output = tandoo(&args);
    assert!(output.status.success(), "{}", text(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn status_after_the_demo_lists_the_elected_by_name() {
    let status = status_json(demo_record(), &[]);
    assert_eq!(
        status["elected"],
        serde_json::json!([
            {"name": "Айбек Алтынбеков", "latin_name": "Aibek Altynbekov"},
            {"name": "Талант Мамытов", "latin_name": "Talant Mamytov"},
            {"name": "Айгуль Карабекова", "latin_name": "Aigul Karabekova"},
        ])
    );
    assert_eq!(
        status["contest"]["candidates"].as_array().unwrap().len(),
        14
    );
}

#[test]
fn the_story_status_carries_names_as_registered_with_their_latin_forms_and_texts_in_three_languages()
 {
    let status = status_json(demo_record(), &[]);
    assert_eq!(
        status["name"],
        serde_json::json!({
            "ky": "№13 шайлоо округу",
            "ru": "Избирательный округ №13",
            "en": "Constituency No. 13"
        })
    );
    let candidates = status["contest"]["candidates"].as_array().unwrap();
    let sydykov = candidates.iter().find(|c| c["id"] == "E1-13-01").unwrap();
    assert_eq!(sydykov["name"], "Бактыбек Сыдыков");
    assert_eq!(sydykov["latin_name"], "Baktybek Sydykov");
    assert!(
        candidates
            .iter()
            .all(|c| c["latin_name"].is_string() && !c["name"].as_str().unwrap().is_ascii()),
        "every candidate is registered in Cyrillic with a Latin form"
    );
    assert_eq!(
        status["contest"]["election_name"]["ru"],
        "Досрочные выборы депутатов Жогорку Кенеша, 30 ноября 2025 года"
    );
    for resolution in status["resolutions"].as_array().unwrap() {
        for language in ["ky", "ru", "en"] {
            assert!(resolution["title"][language].is_string(), "{resolution}");
        }
        assert!(
            !resolution["title"]["en"]
                .as_str()
                .unwrap()
                .contains("single-mandate"),
            "constituency 13 elects three: {resolution}"
        );
    }
}

#[test]
fn the_english_status_shows_the_english_texts_and_the_latin_forms_of_names() {
    let output = tandoo(&[
        "status",
        "--db",
        demo_record().to_str().unwrap(),
        "--constituency",
        "13",
    ]);
    assert!(output.status.success(), "{}", text(&output));
    let said = text(&output);
    assert!(said.starts_with("Constituency No. 13 — 3 seats"), "{said}");
    assert!(
        said.contains("elected: Aibek Altynbekov, Talant Mamytov, Aigul Karabekova"),
        "{said}"
    );
    assert!(
        said.contains("On the results of the elections in multi-mandate constituency No. 13"),
        "{said}"
    );
    assert!(
        !said.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "no Cyrillic in the English status:\n{said}"
    );
}

#[test]
fn status_as_of_a_date_shows_the_state_then() {
    assert_eq!(
        status_json(demo_record(), &["--as-of", "2026-01-01"])["elected"],
        serde_json::json!([])
    );
    assert_eq!(
        status_json(demo_record(), &["--as-of", "2025-12-01"])["allocated"],
        serde_json::json!([
            {"name": "Бактыбек Сыдыков", "latin_name": "Baktybek Sydykov"},
            {"name": "Айбек Алтынбеков", "latin_name": "Aibek Altynbekov"},
            {"name": "Айгуль Карабекова", "latin_name": "Aigul Karabekova"},
        ])
    );
}

#[test]
fn the_national_status_counts_deputies_by_gender() {
    let output = tandoo(&[
        "status",
        "--db",
        demo_record().to_str().unwrap(),
        "--json",
        "--as-of",
        "2026-01-01",
    ]);
    let national: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (
            national["seat_count"]["allocated"].as_u64(),
            national["women"].as_u64()
        ),
        (Some(87), Some(29))
    );
}

#[test]
fn verify_passes_on_the_demo_record() {
    let output = tandoo(&["verify", "--db", demo_record().to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output));
    let report = text(&output);
    assert!(
        report.starts_with("ok: ") && report.contains(" acts verified and replayed; head "),
        "{report}"
    );
}

async fn tamper(db: &Path, sql: &str) {
    use sqlx::Connection;
    let url = format!("sqlite://{}", db.display());
    let mut connection = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let changed = sqlx::query(sql)
        .execute(&mut connection)
        .await
        .unwrap()
        .rows_affected();
    assert_eq!(changed, 1, "{sql}");
    connection.close().await.unwrap();
}

#[tokio::test]
async fn verify_names_the_first_act_changed_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_demo(dir.path());
    // Act 4062 is the first operator's entry of the first protocol of voting day.
    tamper(
        &db,
        "UPDATE acts SET act = replace(act, '\"L10\":', '\"L10\":1') WHERE seq = 4062",
    )
    .await;
    let output = tandoo(&["verify", "--db", db.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        text(&output).starts_with("FAILED at act 4062"),
        "{}",
        text(&output)
    );
    let status = tandoo(&["status", "--db", db.to_str().unwrap()]);
    assert_eq!(
        status.status.code(),
        Some(1),
        "no result is shown from a tampered record"
    );
}

#[test]
fn an_export_verifies_and_gives_the_same_results_without_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("record.jsonl");
    let output = tandoo(&[
        "export",
        "--db",
        demo_record().to_str().unwrap(),
        "--out",
        export.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output));
    let verified = tandoo(&["verify", "--export", export.to_str().unwrap()]);
    assert!(verified.status.success(), "{}", text(&verified));
    let from_export = tandoo(&[
        "status",
        "--export",
        export.to_str().unwrap(),
        "--constituency",
        "13",
        "--json",
    ]);
    let from_db = status_json(demo_record(), &[]);
    assert_eq!(
        serde_json::from_slice::<Value>(&from_export.stdout).unwrap(),
        from_db
    );
    // Changing a figure in the export is caught too.
    let edited =
        std::fs::read_to_string(&export)
            .unwrap()
            .replacen("\"voters\":", "\"voters\":9", 1);
    std::fs::write(&export, edited).unwrap();
    let broken = tandoo(&["verify", "--export", export.to_str().unwrap()]);
    assert_eq!(broken.status.code(), Some(1), "{}", text(&broken));
}

fn head_seq(db: &Path) -> String {
    let output = tandoo(&["verify", "--db", db.to_str().unwrap()]);
    text(&output)
        .split("(act ")
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn apply_records_all_lines_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_demo(dir.path());
    let before = head_seq(&db);
    let good = r#"{"date":"2026-03-02","actor":{"user":"cec.secretary","role":"secretary","commission":"CEC"},"command":{"type":"file_complaint","kind":"complaint","addressed_to":"CEC","filed_by":["A voter"],"subject":"Queue at station 13001"}}"#;
    let bad = r#"{"date":"2026-03-02","actor":{"user":"dec13.secretary","role":"secretary","commission":"DEC-13"},"command":{"type":"register_candidate","candidate":"E1-13-99"}}"#;
    let file = dir.path().join("commands.jsonl");
    std::fs::write(&file, format!("{good}\n\n{bad}\n")).unwrap();
    let output = tandoo(&[
        "apply",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains(
            "UNKNOWN_CANDIDATE: line 3: there is no candidate E1-13-99; nothing was recorded"
        ),
        "{}",
        text(&output)
    );
    assert_eq!(
        head_seq(&db),
        before,
        "the good first line is not recorded either"
    );

    std::fs::write(&file, format!("{good}\n")).unwrap();
    let output = tandoo(&[
        "apply",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output));
    let next: u64 = before.trim_end_matches(")\n").parse::<u64>().unwrap() + 1;
    let said = text(&output);
    assert!(
        said.lines()
            .last()
            .is_some_and(|total| total.starts_with(&format!("recorded 1 act ({next} to {next})"))),
        "{said}"
    );
}

#[test]
fn apply_refuses_a_line_that_is_not_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite");
    let file = dir.path().join("commands.jsonl");
    std::fs::write(&file, "{\"date\":\"2025-13-01\",\"actor\":{}}\n").unwrap();
    let output = tandoo(&[
        "apply",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("BAD_COMMAND: line 1:"),
        "{}",
        text(&output)
    );
}

#[test]
fn l2_apply_refuses_a_misspelt_member_naming_it_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_demo(dir.path());
    let before = head_seq(&db);
    let good = r#"{"date":"2026-03-02","actor":{"user":"cec.secretary","role":"secretary","commission":"CEC"},"command":{"type":"hold_meeting","commission":"CEC","present":["shainazarov"],"agenda":["one"]}}"#;
    let misspelt = r#"{"date":"2026-03-10","actor":{"user":"cec.secretary","role":"secretary","commission":"CEC"},"command":{"type":"vote_resolution","commission":"CEC","numbr":777,"title":"t","votes":[],"effects":[{"effect":"directive","text":"x"}]}}"#;
    let file = dir.path().join("commands.jsonl");
    std::fs::write(&file, format!("{good}\n{misspelt}\n")).unwrap();
    let output = tandoo(&[
        "apply",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("BAD_COMMAND: line 2: unknown field `numbr`"),
        "{}",
        text(&output)
    );
    assert_eq!(head_seq(&db), before, "nothing was recorded");
}

#[test]
fn allocate_answers_json_and_refuses_bad_input_with_exit_code_2() {
    use std::io::Write;
    let run = |input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tandoo"))
            .arg("allocate")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let output = run(
        r#"{"method":"dhondt","seats":5,"parties":[{"id":"A","votes":700},{"id":"B","votes":300}]}"#,
    );
    assert!(output.status.success());
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["allocation"][0]["seats"], 4);
    let output = run(r#"{"method":"dhondt","seats":5,"parties":[{"id":"A","votes":-7}]}"#);
    assert_eq!(output.status.code(), Some(2));
}

/// Preliminary figures for constituency 13's stations, as a ballot-counting box would give
/// them: the first operator's entries, with station 13002's box counting 7 votes more for
/// Sydykov.
fn preliminary_csv() -> String {
    use tandoo_core::command::Command;
    let mut csv = String::from("station,constituency,line,value\n");
    for step in tandoo_demo::story() {
        for submission in step.submissions {
            let Command::EnterProtocol(EnterProtocol {
                station,
                constituency,
                figures,
                ..
            }) = submission.command
            else {
                continue;
            };
            if constituency.0 != 13 || !submission.actor.user.ends_with("operator1") {
                continue;
            }
            for (line, value) in &figures.lines {
                csv.push_str(&format!("{station},13,{line},{value}\n"));
            }
            for (id, votes) in &figures.candidates {
                let votes = if station.0 == 13_002 && id.as_str() == "E1-13-01" {
                    votes + 7
                } else {
                    *votes
                };
                csv.push_str(&format!("{station},13,{id},{votes}\n"));
            }
            csv.push_str(&format!(
                "{station},13,AA,{}\n",
                figures.against_all.unwrap_or(0)
            ));
        }
    }
    csv
}

#[test]
fn preliminary_figures_load_from_csv_and_are_compared_with_the_manual_count() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_demo(dir.path());
    let file = dir.path().join("boxes.csv");
    std::fs::write(&file, preliminary_csv()).unwrap();
    let output = tandoo(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        "--preliminary",
        file.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).starts_with("recorded preliminary figures of 94 stations"),
        "{}",
        text(&output)
    );
    let status = status_json(&db, &[]);
    let preliminary = &status["elections"][0]["preliminary"];
    assert_eq!(preliminary["stations"], 94);
    for line in preliminary["candidates"].as_array().unwrap() {
        let difference =
            line["preliminary"].as_u64().unwrap() as i64 - line["counted"].as_u64().unwrap() as i64;
        let expected = if line["id"] == "E1-13-01" { 7 } else { 0 };
        assert_eq!(difference, expected, "{line}");
    }
    assert_eq!(
        status["elected"],
        serde_json::json!([
            {"name": "Айбек Алтынбеков", "latin_name": "Aibek Altynbekov"},
            {"name": "Талант Мамытов", "latin_name": "Talant Mamytov"},
            {"name": "Айгуль Карабекова", "latin_name": "Aigul Karabekova"},
        ]),
        "the boxes never replace the count"
    );
}

#[test]
fn m2_import_refuses_a_station_of_another_constituency_where_the_election_does_not_allow_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("strict.sqlite");
    let admin = r#""actor":{"user":"admin","role":"administrator","commission":"CEC"}"#;
    let commands = [
        r#""command":{"type":"form_commission","id":"CEC","name":"CEC","level":"central","members":[]}"#.to_string(),
        r#""command":{"type":"define_constituency","number":1,"name":"One","seats":3}"#.into(),
        r#""command":{"type":"define_constituency","number":2,"name":"Two","seats":3}"#.into(),
        r#""command":{"type":"define_station","number":201,"name":"S","constituency":2,"voters":1000}"#.into(),
        r#""command":{"type":"call_election","id":"E","name":"Strict","kind":"regular","voting_day":"2026-04-12","rule_set":{"name":"r","method":"multi_member_plurality","against_all_on_ballot":true,"against_all_rule":"none","tie_break":"registration_order","fee":0},"constituencies":[1,2]}"#.into(),
    ];
    let lines: Vec<String> = commands
        .iter()
        .map(|c| format!(r#"{{"date":"2026-01-10",{admin},{c}}}"#))
        .collect();
    let file = dir.path().join("structure.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let output = tandoo(&[
        "apply",
        "--create",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output));
    let before = head_seq(&db);
    let csv = dir.path().join("boxes.csv");
    std::fs::write(&csv, "station,constituency,line,value\n201,1,AA,1\n").unwrap();
    let output = tandoo(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        "--preliminary",
        csv.to_str().unwrap(),
        "--election",
        "E",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("STATION_OUTSIDE_CONSTITUENCY"),
        "{}",
        text(&output)
    );
    assert_eq!(head_seq(&db), before, "nothing was recorded");
}

#[test]
fn a_preliminary_csv_with_a_bad_row_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_demo(dir.path());
    let before = head_seq(&db);
    let mut csv = preliminary_csv();
    csv.push_str("13001,13,E1-13-01,-4\n99999,13,L1,5\n13001,13,L11,5\n");
    let file = dir.path().join("boxes.csv");
    std::fs::write(&file, csv).unwrap();
    let output = tandoo(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        "--preliminary",
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    let report = text(&output);
    let rows = preliminary_csv().lines().count();
    for expected in [
        format!(
            "row {}, column value: \"-4\" is not a whole number of 0 or more",
            rows + 1
        ),
        format!(
            "row {}, column station: there is no polling station 99999",
            rows + 2
        ),
        format!("row {}, column line: \"L11\" is neither", rows + 3),
        "BAD_CSV".to_string(),
    ] {
        assert!(report.contains(&expected), "{expected} missing in {report}");
    }
    assert_eq!(head_seq(&db), before, "nothing was recorded");
}

//! Finding ids without reading the record: `tandoo list KIND` and `GET /api/list/KIND` over
//! the demo's record, and what `tandoo apply` says about each command it records.

mod support;

use serde_json::{Value, json};
use std::path::Path;
use support::*;

fn db() -> &'static str {
    demo_record().to_str().unwrap()
}

fn list_json(args: &[&str]) -> Value {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--db", db(), "--json"]);
    let output = tandoo(&all);
    assert!(output.status.success(), "{}", text(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn ids(listing: &Value, field: &str) -> Vec<String> {
    listing["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| match &item[field] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

#[test]
fn item_6_list_shows_commissions_with_their_members_and_what_a_vote_needs() {
    let listing = list_json(&["commissions", "--constituency", "13"]);
    assert_eq!(listing["kind"], "commissions");
    // The district commission of 13 (precinct commissions are not formed in the demo).
    assert_eq!(ids(&listing, "id"), ["DEC-13"]);
    let dec = &listing["items"][0];
    assert_eq!(dec["members"].as_array().unwrap().len(), 7);
    assert_eq!(dec["members"][0]["id"], "dec13-1");
    assert_eq!(dec["quorum"], 5);
    assert_eq!(dec["majority"], 4);

    let all = list_json(&["commissions"]);
    let cec = &all["items"][0];
    assert_eq!(cec["id"], "CEC");
    assert_eq!(cec["level"], "central");
    assert_eq!(cec["members"][0]["id"], "shainazarov");
    assert_eq!(cec["quorum"], 8);
    assert_eq!(cec["majority"], 7);

    let output = tandoo(&["list", "commissions", "--db", db(), "--constituency", "13"]);
    assert!(output.status.success(), "{}", text(&output));
    let said = text(&output);
    assert!(
        said.starts_with("DEC-13  District Election Commission No. 13  (district, constituency 13; 7 members: quorum 5, adopted with 4 for)"),
        "{said}"
    );
    assert!(
        said.contains("    dec13-1          chair        DEC 13 member No. 1"),
        "{said}"
    );
}

#[test]
fn item_6_list_shows_candidates_with_their_ids_narrowed_by_election_and_constituency() {
    let thirteen = list_json(&["candidates", "--constituency", "13"]);
    let e1 = ids(&thirteen, "id");
    // E1's 14 candidates there and the repeat election's.
    assert!(e1.contains(&"E1-13-01".to_string()), "{e1:?}");
    assert!(e1.contains(&"E2-13-01".to_string()), "{e1:?}");
    let first = &thirteen["items"][0];
    assert_eq!(first["id"], "E1-13-01");
    assert_eq!(first["name"], "Бактыбек Сыдыков");
    assert_eq!(first["latin_name"], "Baktybek Sydykov");
    assert_eq!(first["standing"], "registered");

    let repeat = list_json(&["candidates", "--election", "E2"]);
    assert!(ids(&repeat, "election").iter().all(|e| e == "E2"));
    assert!(!repeat["items"].as_array().unwrap().is_empty());
    // E1 includes its repeat election E2, as status does.
    let with_repeats = list_json(&["candidates", "--election", "E1", "--constituency", "13"]);
    assert_eq!(ids(&with_repeats, "id"), e1);
}

#[test]
fn item_6_list_shows_elections_constituencies_stations_resolutions_and_complaints() {
    let elections = list_json(&["elections"]);
    assert_eq!(ids(&elections, "id"), ["E1", "E2"]);
    assert_eq!(elections["items"][1]["repeat_of"], "E1");
    assert_eq!(
        elections["items"][1]["cancelled_by"],
        serde_json::json!({
            "resolution": {"commission": "CEC", "year": 2026, "number": 1},
            "commission": "CEC", "date": "2026-02-13", "adopted": true
        })
    );

    let constituencies = list_json(&["constituencies"]);
    assert_eq!(constituencies["items"].as_array().unwrap().len(), 30);
    let repeat = list_json(&["constituencies", "--election", "E2"]);
    assert_eq!(ids(&repeat, "number"), ["13"]);
    assert_eq!(repeat["items"][0]["commission"], "DEC-13");
    assert_eq!(repeat["items"][0]["stations"], 94);

    let stations = list_json(&["stations", "--constituency", "13"]);
    assert_eq!(stations["items"].as_array().unwrap().len(), 94);
    assert_eq!(stations["items"][0]["number"], 13001);

    let resolutions = list_json(&["resolutions", "--constituency", "13"]);
    let numbers: Vec<&Value> = resolutions["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["number"])
        .collect();
    assert_eq!(
        numbers[0],
        &json!({"commission": "CEC", "year": 2025, "number": 161})
    );
    assert_eq!(resolutions["items"][0]["in_force"], false);
    assert_eq!(
        resolutions["items"][0]["effects"],
        json!(["declare_invalid", "annul_registration", "bar_from_repeat"])
    );

    let complaints = list_json(&["complaints", "--constituency", "13"]);
    assert_eq!(complaints["items"][0]["kind"], "collective_statement");
    assert_eq!(complaints["items"][0]["decision"], "upheld");
}

#[test]
fn item_6_a_filter_that_does_not_apply_or_names_nothing_is_refused() {
    let output = tandoo(&["list", "commissions", "--db", db(), "--election", "E1"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains(
            "FILTER_NOT_APPLICABLE: a list of commissions cannot be narrowed by election"
        ),
        "{}",
        text(&output)
    );
    let output = tandoo(&["list", "candidates", "--db", db(), "--election", "E9"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("UNKNOWN_ELECTION: the record holds no election E9"),
        "{}",
        text(&output)
    );
    let output = tandoo(&["list", "stations", "--db", db(), "--constituency", "31"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("UNKNOWN_CONSTITUENCY: the record holds no constituency 31"),
        "{}",
        text(&output)
    );
}

#[test]
fn item_6_list_reads_an_export_as_well_as_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("story.jsonl");
    let output = tandoo(&["export", "--db", db(), "--out", export.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output));
    let from_export = tandoo(&[
        "list",
        "candidates",
        "--export",
        export.to_str().unwrap(),
        "--json",
    ]);
    assert!(from_export.status.success(), "{}", text(&from_export));
    let from_db = tandoo(&["list", "candidates", "--db", db(), "--json"]);
    assert_eq!(from_export.stdout, from_db.stdout);
}

#[test]
fn item_6_the_api_lists_the_same_public_data_as_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("served.sqlite");
    std::fs::copy(demo_record(), &copy).unwrap();
    let wal = format!("{}-wal", demo_record().display());
    if Path::new(&wal).exists() {
        std::fs::copy(&wal, format!("{}-wal", copy.display())).unwrap();
    }
    let server = Server::start(copy.to_str().unwrap());
    let answer = request(
        &server.address,
        "GET",
        "/api/list/commissions?constituency=13",
        &[],
        "",
    )
    .unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        answer.body,
        list_json(&["commissions", "--constituency", "13"])
    );
    let answer = request(
        &server.address,
        "GET",
        "/api/list/candidates?election=E2",
        &[],
        "",
    )
    .unwrap();
    assert_eq!(answer.body, list_json(&["candidates", "--election", "E2"]));

    for (path, status, code) in [
        ("/api/list/parties", 404, "UNKNOWN_LIST"),
        (
            "/api/list/commissions?election=E1",
            400,
            "FILTER_NOT_APPLICABLE",
        ),
        ("/api/list/candidates?election=E9", 404, "UNKNOWN_ELECTION"),
        (
            "/api/list/stations?constituency=31",
            404,
            "UNKNOWN_CONSTITUENCY",
        ),
        ("/api/list/stations?constituncy=13", 400, "BAD_QUERY"),
    ] {
        let answer = request(&server.address, "GET", path, &[], "").unwrap();
        assert_eq!(answer.status, status, "{path}: {}", answer.body);
        assert_eq!(answer.body["error"]["code"], code, "{path}");
    }
}

/// The demo's record copied, to apply commands to.
fn copy_of_demo(dir: &Path) -> String {
    let copy = dir.join("copy.sqlite");
    std::fs::copy(demo_record(), &copy).unwrap();
    let wal = format!("{}-wal", demo_record().display());
    if Path::new(&wal).exists() {
        std::fs::copy(&wal, format!("{}-wal", copy.display())).unwrap();
    }
    copy.to_str().unwrap().to_string()
}

fn vote(present: usize, for_votes: usize, number: Option<u32>) -> String {
    let members = [
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
        "cec-12",
    ];
    let votes: Vec<Value> = members[..present]
        .iter()
        .enumerate()
        .map(|(i, m)| json!({"member": m, "vote": if i < for_votes { "for" } else { "against" }}))
        .collect();
    let mut command = json!({"type": "vote_resolution", "commission": "CEC",
        "title": "On instructing the precinct commissions", "votes": votes,
        "effects": [{"effect": "directive", "text": "Publish the protocols."}]});
    if let Some(n) = number {
        command["number"] = json!(n);
    }
    json!({"date": "2026-03-02",
        "actor": {"user": "cec.secretary", "role": "secretary", "commission": "CEC"},
        "command": command})
    .to_string()
}

#[test]
fn item_7_apply_says_what_happened_to_each_command_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_demo(dir.path());
    let complaint = r#"{"date":"2026-03-02","actor":{"user":"cec.secretary","role":"secretary","commission":"CEC"},"command":{"type":"file_complaint","id":"C-1","kind":"complaint","addressed_to":"CEC","filed_by":["A voter"],"subject":"Queue at station 13001"}}"#;
    let lines = [
        vote(12, 12, Some(5)),
        vote(7, 7, None),
        vote(9, 6, None),
        complaint.to_string(),
    ];
    let file = dir.path().join("commands.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let output = tandoo(&["apply", "--create", "--db", &db, file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output));
    let said: Vec<String> = text(&output).lines().map(String::from).collect();
    assert_eq!(said.len(), 5, "{said:?}");
    assert_eq!(
        said[0],
        "line 1: resolution CEC 5/2026 adopted (12 for, 0 against, 0 abstained): On instructing the precinct commissions"
    );
    assert_eq!(
        said[1],
        "line 2: resolution of CEC NOT ADOPTED — no quorum: 7 of 12 members present, 8 needed (7 for, 0 against, 0 abstained); it has no number and no effect: On instructing the precinct commissions"
    );
    assert_eq!(
        said[2],
        "line 3: resolution of CEC NOT ADOPTED — no majority: 6 for, 7 needed (6 for, 3 against, 0 abstained); it has no number and no effect: On instructing the precinct commissions"
    );
    assert_eq!(said[3], "line 4: complaint C-1 filed with CEC");
    assert!(
        said[4].starts_with("recorded 4 acts (") && said[4].contains(") from 4 commands; head "),
        "{}",
        said[4]
    );
}

#[test]
fn item_12_a_refusal_names_the_role_with_the_right_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_demo(dir.path());
    let before = tandoo(&["verify", "--db", &db]);
    let line = r#"{"date":"2026-03-02","actor":{"user":"op","role":"operator","commission":"CEC"},"command":{"type":"register_candidate","candidate":"E1-13-01"}}"#;
    let file = dir.path().join("commands.jsonl");
    std::fs::write(&file, line).unwrap();
    let output = tandoo(&["apply", "--create", "--db", &db, file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("NOT_AUTHORISED: line 1: an operator may not "),
        "{}",
        text(&output)
    );
    assert_eq!(
        tandoo(&["verify", "--db", &db]).stdout,
        before.stdout,
        "nothing was recorded"
    );
}

#[test]
fn item_7_apply_says_when_entries_differ_and_which_entry_a_supervisor_kept() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/election.jsonl");
    let text_of_example = std::fs::read_to_string(example).unwrap();
    let mut lines: Vec<Value> = text_of_example
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .take(25)
        .collect();
    // The second operator swaps two candidates' votes at station 1002: the totals still add
    // up, but the entries differ.
    assert_eq!(lines[24]["command"]["station"], 1002);
    let second = &mut lines[24]["command"]["figures"]["candidates"];
    let (a, b) = (second["E1-1-01"].clone(), second["E1-1-02"].clone());
    second["E1-1-01"] = b;
    second["E1-1-02"] = a;
    lines.push(json!({"date": "2025-12-01",
        "actor": {"user": "dec1.supervisor", "role": "supervisor", "commission": "DEC-1"},
        "command": {"type": "settle_protocol", "election": "E1", "station": 1002,
                    "constituency": 1, "decision": {"decision": "keep", "entry": 1}}}));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("differ.jsonl");
    let text_lines: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&file, text_lines.join("\n")).unwrap();
    let db = dir.path().join("differ.sqlite");
    let output = tandoo(&[
        "apply",
        "--create",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    let said = text(&output);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("line 25: protocol of polling station 1002, constituency 1, election E1: entry 2 recorded, it differs from the earlier entries: a supervisor settles them\n"),
        "{said}"
    );
    assert!(
        said.contains("line 26: protocol of polling station 1002, constituency 1, election E1: the protocol is accepted (supervisor dec1.supervisor kept entry 1)\n"),
        "{said}"
    );
    assert!(
        said.contains("recorded 27 acts (1 to 27) from 26 commands"),
        "{said}"
    );
}

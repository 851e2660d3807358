//! The demo's publication holds the open data at their addresses: the CSV tables add up to
//! the results JSON, and the NIST report is there as JSON.

use std::collections::BTreeMap;

use serde_json::Value;
use tandoo_core::State;
use tandoo_portal::{Edition, Publication, publish};
use tandoo_present::Language;

fn demo() -> State {
    let mut state = State::new();
    for step in tandoo_demo::story() {
        for submission in &step.submissions {
            tandoo_ledger::stage(&mut state, submission).unwrap();
        }
    }
    state
}

fn publication(state: &State) -> Publication {
    publish(
        state,
        &Edition {
            head_seq: state.seq,
            head_hash: "ab".repeat(32),
            published_at: "2026-03-01T18:04:05Z".into(),
            as_of: None,
            dates: Vec::new(),
            default_language: Language::Ky,
            commission_key: None,
        },
    )
}

fn rows(publication: &Publication, file: &str) -> Vec<BTreeMap<String, String>> {
    let asset = publication
        .file(file)
        .unwrap_or_else(|| panic!("{file} is published"));
    assert_eq!(asset.content_type, "text/csv; charset=utf-8");
    csv::Reader::from_reader(&asset.bytes[..])
        .deserialize()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_tables_add_up_to_the_results_and_the_nist_report_is_published() {
    let state = demo();
    let publication = publication(&state);
    let results: Value =
        serde_json::from_slice(&publication.file("results/13.json").unwrap().bytes).unwrap();
    let contest = &results["contest"];
    assert_eq!(contest["election"], "E1");

    let stations = rows(&publication, "data/stations.csv");
    let in_13 = |row: &&BTreeMap<String, String>| {
        row["election"] == "E1" && row["constituency"] == "13" && row["counted"] == "true"
    };
    let sum = |line: &str, candidate: &str| -> u64 {
        stations
            .iter()
            .filter(in_13)
            .filter(|row| row["line"] == line && row["candidate"] == candidate)
            .map(|row| row["value"].parse::<u64>().unwrap())
            .sum()
    };
    assert_eq!(sum("AA", ""), contest["against_all"].as_u64().unwrap());
    let protocols = stations
        .iter()
        .filter(in_13)
        .filter(|row| row["line"] == "AA")
        .count();
    assert_eq!(
        protocols as u64,
        contest["stations_counted"].as_u64().unwrap()
    );

    let candidates = rows(&publication, "data/candidates.csv");
    let of_13: Vec<_> = candidates
        .iter()
        .filter(|row| row["election"] == "E1" && row["constituency"] == "13")
        .collect();
    assert_eq!(of_13.len(), 14);
    for candidate in contest["candidates"].as_array().unwrap() {
        let id = candidate["id"].as_str().unwrap();
        let row = of_13.iter().find(|row| row["candidate"] == id).unwrap();
        let votes = candidate["votes"].as_u64().unwrap();
        assert_eq!(row["votes"].parse::<u64>().unwrap(), votes, "{id}");
        assert_eq!(sum("candidate", id), votes, "{id}'s stations");
        assert_eq!(row["elected"], candidate["elected"].to_string());
    }
    let elected: Vec<&str> = of_13
        .iter()
        .filter(|row| row["elected"] == "true")
        .map(|row| row["latin_name"].as_str())
        .collect();
    assert_eq!(
        elected,
        ["Talant Mamytov", "Aibek Altynbekov", "Aigul Karabekova"]
    );

    let nist = publication.file("data/nist/results.json").unwrap();
    assert_eq!(nist.content_type, "application/json");
    let report: Value = serde_json::from_slice(&nist.bytes).unwrap();
    assert_eq!(report["@type"], "ElectionResults.ElectionReport");
    assert_eq!(report["GeneratedDate"], "2026-03-01T18:04:05Z");
}

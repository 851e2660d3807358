//! `tandoo export --format nist|csv`: the results as the portal publishes them under /data/,
//! of the present state or as of a legal date, and agreeing with `tandoo status`.

mod support;

use serde_json::Value;
use support::{arg, demo_record, ok, tandoo, text};

fn status_13(as_of: Option<&str>) -> Value {
    let db = arg(demo_record());
    let mut args = vec!["status", "--db", db, "--constituency", "13", "--json"];
    if let Some(date) = as_of {
        args.extend(["--as-of", date]);
    }
    serde_json::from_str(&ok(&args)).unwrap()
}

fn nist(as_of: Option<&str>) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("results.json");
    let mut args = vec![
        "export",
        "--db",
        arg(demo_record()),
        "--format",
        "nist",
        "--out",
        arg(&out),
    ];
    if let Some(date) = as_of {
        args.extend(["--as-of", date]);
    }
    ok(&args);
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

fn contest_13(report: &Value) -> &Value {
    report["Election"][0]["Contest"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["@id"] == "con-E1-c13")
        .unwrap()
}

fn status_of(contest: &Value) -> &str {
    contest["ExternalIdentifier"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["OtherType"] == "tandoo-status")
        .unwrap()["Value"]
        .as_str()
        .unwrap()
}

/// The sum "against all" has in a contest of the report, at the constituency.
fn against_all_sum(contest: &Value) -> u64 {
    contest["ContestSelection"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["@id"] == "aa-E1-c13")
        .unwrap()["VoteCounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["GpUnitId"] == "gp-c13")
        .unwrap()["Count"]
        .as_u64()
        .unwrap()
}

#[test]
fn the_nist_report_of_now_and_of_new_year_agrees_with_the_status() {
    let now = nist(None);
    assert_eq!(now["@type"], "ElectionResults.ElectionReport");
    assert_eq!(now["Format"], "precinct-level");
    let c13 = contest_13(&now);
    assert_eq!(status_of(c13), "determined");
    let status = status_13(None);
    assert_eq!(
        against_all_sum(c13),
        status["contest"]["against_all"].as_u64().unwrap()
    );

    let new_year = nist(Some("2026-01-01"));
    assert_eq!(status_of(contest_13(&new_year)), "annulled");
    // The status holds E1 in 13 invalid, its seats awaiting the repeat election.
    let status = status_13(Some("2026-01-01"));
    assert_eq!(status["elections"][0]["election"], "E1");
    assert_eq!(status["elections"][0]["status"], "invalid");
}

#[test]
fn the_csv_tables_are_written_into_the_directory_and_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("data");
    ok(&[
        "export",
        "--db",
        arg(demo_record()),
        "--format",
        "csv",
        "--out",
        arg(&out),
    ]);
    let stations = std::fs::read_to_string(out.join("stations.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(stations.as_bytes());
    let mut against_all = 0;
    for row in reader.records() {
        let row = row.unwrap();
        if (&row[0], &row[1], &row[5], &row[6]) == ("E1", "13", "true", "AA") {
            against_all += row[8].parse::<u64>().unwrap();
        }
    }
    let status = status_13(None);
    assert_eq!(
        against_all,
        status["contest"]["against_all"].as_u64().unwrap()
    );
    let candidates = std::fs::read_to_string(out.join("candidates.csv")).unwrap();
    let elected: Vec<&str> = candidates
        .lines()
        .filter(|l| l.starts_with("E1,13,") && l.ends_with(",true"))
        .collect();
    assert_eq!(elected.len(), 3, "{candidates}");
}

#[test]
fn as_of_belongs_to_the_results_not_the_record() {
    let output = tandoo(&[
        "export",
        "--db",
        arg(demo_record()),
        "--as-of",
        "2026-01-01",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("EXPORT_AS_OF"));
}

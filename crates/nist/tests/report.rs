//! The demo election's reports — of the present state and as of 2026-01-01 — are valid
//! against NIST's schema, every `@id` they refer to is there with a type the schema allows,
//! and their counts are the accepted protocols' figures, station by station and in sum.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use serde_json::Value;
use tandoo_core::act::Act;
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_nist::{Issue, report};

const SCHEMA: &str = include_str!("../schema/NIST_V2_election_results_reporting.json");

struct Demo {
    state: State,
    acts: Vec<(Stamp, Act)>,
}

/// The demo story folded through the ledger's one path (decide, encode, apply), no store.
fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let mut state = State::new();
        let mut acts = Vec::new();
        for step in tandoo_demo::story() {
            for submission in &step.submissions {
                let staged = tandoo_ledger::stage(&mut state, submission)
                    .unwrap_or_else(|e| panic!("{}: refused: {e}", step.title));
                acts.extend(staged.acts);
            }
        }
        Demo { state, acts }
    })
}

fn as_of(date: &str) -> State {
    let date: LegalDate = date.parse().unwrap();
    State::as_of(demo().acts.iter().map(|(s, a)| (*s, a)), date).unwrap()
}

fn json(state: &State, as_of: Option<&str>) -> Value {
    let issue = Issue {
        as_of: as_of.map(|d| d.parse().unwrap()),
        generated_at: "2026-03-01T18:04:05Z",
        head_seq: state.seq,
        head_hash: "00",
    };
    serde_json::to_value(report(state, &issue)).unwrap()
}

fn schema() -> Value {
    serde_json::from_str(SCHEMA).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("NIST's schema compiles")
}

fn assert_valid(report: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(report)
        .take(10)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not valid NIST:\n{}", errors.join("\n"));
}

/// Every property of a class that refers to others by `@id`, with the classes it may name,
/// as the schema's `refTypes` say.
fn references() -> HashMap<(String, String), Vec<String>> {
    let schema = schema();
    let mut refs = HashMap::new();
    for (class, definition) in schema["definitions"].as_object().unwrap() {
        let Some(properties) = definition["properties"].as_object() else {
            continue;
        };
        for (property, spec) in properties {
            let types = spec
                .get("refTypes")
                .or_else(|| spec.get("items").and_then(|i| i.get("refTypes")));
            if let Some(types) = types {
                let types = types
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_owned())
                    .collect();
                refs.insert((class.clone(), property.clone()), types);
            }
        }
    }
    refs
}

fn walk<'v>(value: &'v Value, each: &mut impl FnMut(&'v serde_json::Map<String, Value>)) {
    match value {
        Value::Object(object) => {
            each(object);
            object.values().for_each(|v| walk(v, each));
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, each)),
        _ => {}
    }
}

/// The `@id` references that do not resolve, or name an object of a type the schema does not
/// allow there; and the `@id`s given twice.
fn unresolved(report: &Value) -> Vec<String> {
    let mut types: HashMap<&str, &str> = HashMap::new();
    let mut problems = Vec::new();
    walk(report, &mut |object| {
        if let (Some(Value::String(id)), Some(Value::String(kind))) =
            (object.get("@id"), object.get("@type"))
            && types.insert(id, kind).is_some()
        {
            problems.push(format!("{id} is given twice"));
        }
    });
    let references = references();
    let mut checked = 0;
    walk(report, &mut |object| {
        let Some(Value::String(class)) = object.get("@type") else {
            return;
        };
        for (property, value) in object {
            let Some(allowed) = references.get(&(class.clone(), property.clone())) else {
                continue;
            };
            let targets: Vec<&str> = match value {
                Value::String(id) => vec![id],
                Value::Array(ids) => ids.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            for target in targets {
                checked += 1;
                match types.get(target) {
                    None => problems.push(format!("{class}.{property} names {target}: not there")),
                    Some(kind) if !allowed.iter().any(|a| a == kind) => problems.push(format!(
                        "{class}.{property} names {target}, a {kind}, not one of {allowed:?}"
                    )),
                    Some(_) => {}
                }
            }
        }
    });
    assert!(checked > 1000, "only {checked} references were checked");
    problems
}

/// Votes by selection `@id`, then by unit `@id`.
type Counts = BTreeMap<String, BTreeMap<String, u64>>;

fn contest<'v>(report: &'v Value, id: &str) -> &'v Value {
    report["Election"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["Contest"].as_array().into_iter().flatten())
        .find(|c| c["@id"] == id)
        .unwrap_or_else(|| panic!("no contest {id}"))
}

fn counts(contest: &Value) -> Counts {
    let mut counts = Counts::new();
    for selection in contest["ContestSelection"].as_array().unwrap() {
        let by_unit = counts
            .entry(selection["@id"].as_str().unwrap().to_owned())
            .or_default();
        for count in selection["VoteCounts"].as_array().unwrap() {
            assert_eq!(count["Type"], "total");
            let unit = count["GpUnitId"].as_str().unwrap().to_owned();
            let previous = by_unit.insert(unit.clone(), count["Count"].as_u64().unwrap());
            assert!(previous.is_none(), "two counts at {unit}");
        }
    }
    counts
}

/// Each contest's counts are its counted protocols' figures, station by station, and the
/// sum at the constituency is the sum of the stations'.
fn assert_counts_are_the_protocols(state: &State, report: &Value) {
    let mut contests = 0;
    for election in state.elections.values() {
        for &constituency in &election.call.constituencies {
            contests += 1;
            check_contest(state, report, &election.call.id, constituency);
        }
    }
    let reported: usize = report["Election"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["Contest"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        reported, contests,
        "one contest per election and constituency"
    );
}

fn check_contest(state: &State, report: &Value, election: &ElectionId, c: ConstituencyNo) {
    let id = format!("con-{election}-c{c}");
    let counts = counts(contest(report, &id));
    let district = format!("gp-c{c}");
    let aa = format!("aa-{election}-c{c}");
    let mut expected = Counts::new();
    for (key, slot) in &state.protocols {
        if key.election != *election || key.constituency != c || !slot.counted {
            continue;
        }
        let figures = &slot.latest().unwrap().figures;
        let station = format!("gp-s{}", key.station);
        for (candidate, votes) in &figures.candidates {
            expected
                .entry(format!("sel-{candidate}"))
                .or_default()
                .insert(station.clone(), *votes);
        }
        expected
            .entry(aa.clone())
            .or_default()
            .insert(station, figures.against_all);
    }
    for (selection, by_unit) in &counts {
        let mut stations = by_unit.clone();
        let sum = stations
            .remove(&district)
            .unwrap_or_else(|| panic!("{id}: {selection} has no sum for the constituency"));
        assert_eq!(
            stations.values().sum::<u64>(),
            sum,
            "{id}: {selection}'s stations do not add up to its sum"
        );
        let wanted = expected.get(selection).cloned().unwrap_or_default();
        assert_eq!(stations, wanted, "{id}: {selection} is not the protocols'");
    }
    for selection in expected.keys() {
        assert!(counts.contains_key(selection), "{id}: {selection} missing");
    }
    if let Some(contest) = state.contest(election, c) {
        for (candidate, votes) in &contest.tally.votes {
            assert_eq!(counts[&format!("sel-{candidate}")][&district], *votes);
        }
    }
}

fn identifier<'v>(object: &'v Value, name: &str) -> Option<&'v str> {
    object["ExternalIdentifier"]
        .as_array()?
        .iter()
        .find(|i| i["OtherType"] == format!("tandoo-{name}"))
        .and_then(|i| i["Value"].as_str())
}

/// The Latin names of the candidates with this post-election status in a contest.
fn with_status(report: &Value, contest_id: &str, status: &str) -> BTreeSet<String> {
    let ids: BTreeSet<&str> = contest(report, contest_id)["ContestSelection"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["CandidateIds"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    report["Election"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["Candidate"].as_array().into_iter().flatten())
        .filter(|c| ids.contains(c["@id"].as_str().unwrap()) && c["PostElectionStatus"] == status)
        .map(|c| {
            c["BallotName"]["Text"][1]["Content"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn the_present_report_is_valid_resolves_and_adds_up() {
    let state = &demo().state;
    let report = json(state, None);
    assert_valid(&report);
    assert_eq!(unresolved(&report), Vec::<String>::new());
    assert_counts_are_the_protocols(state, &report);

    // Resolution 161 rescinded: 13 is determined by the new resolution, without Sydykov.
    let c13 = contest(&report, "con-E1-c13");
    assert_eq!(identifier(c13, "status"), Some("determined"));
    assert_eq!(
        with_status(&report, "con-E1-c13", "winner"),
        ["Aibek Altynbekov", "Aigul Karabekova", "Talant Mamytov"]
            .map(String::from)
            .into()
    );
    // The repeat election is marked as one, and annulled by its cancellation.
    let e2 = report["Election"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| identifier(e, "election") == Some("E2"))
        .unwrap();
    assert_eq!(e2["Type"], "other");
    assert_eq!(e2["OtherType"], "repeat");
    assert_eq!(identifier(e2, "repeat-of"), Some("E1"));
    assert_eq!(e2["ElectionScopeId"], "gp-c13");
    assert_eq!(
        identifier(contest(&report, "con-E2-c13"), "status"),
        Some("annulled")
    );
    // Every station has reported; the story determines 13 alone by resolution, so the other
    // constituencies' results are counted, not yet determined.
    assert_eq!(
        identifier(contest(&report, "con-E1-c1"), "contest-state"),
        Some("results_being_determined")
    );
    assert_eq!(report["Status"], "unofficial-complete");
}

#[test]
fn the_report_as_of_new_year_is_valid_resolves_adds_up_and_shows_13_annulled() {
    let state = as_of("2026-01-01");
    let report = json(&state, Some("2026-01-01"));
    assert_valid(&report);
    assert_eq!(unresolved(&report), Vec::<String>::new());
    assert_counts_are_the_protocols(&state, &report);

    let c13 = contest(&report, "con-E1-c13");
    assert_eq!(identifier(c13, "status"), Some("annulled"));
    assert_eq!(identifier(c13, "contest-state"), Some("invalid"));
    assert_eq!(identifier(c13, "status-by"), Some("CEC 161/2025"));
    assert!(with_status(&report, "con-E1-c13", "winner").is_empty());
    // The repeat election is called and awaits its voting day: the report is partial.
    assert_eq!(
        identifier(contest(&report, "con-E2-c13"), "status"),
        Some("preliminary")
    );
    assert_eq!(report["Status"], "unofficial-partial");
    assert_eq!(identifier(&report, "as-of"), Some("2026-01-01"));
}

#[test]
fn the_schema_check_fails_a_report_that_breaks_it() {
    let mut report = json(&as_of("2025-12-01"), Some("2025-12-01"));
    assert_valid(&report);
    report["Election"][0]["Contest"][0]["ContestSelection"][0]["VoteCounts"][0]
        .as_object_mut()
        .unwrap()
        .remove("Count");
    assert!(!validator().is_valid(&report));
    let mut report = json(&as_of("2025-12-01"), None);
    report["GeneratedDate"] = "1 March 2026".into();
    assert!(!validator().is_valid(&report));
}

#[test]
fn a_reference_to_nothing_is_found() {
    let mut report = json(&as_of("2025-12-01"), None);
    report["Election"][0]["Contest"][0]["ElectionDistrictId"] = "gp-c99".into();
    let problems = unresolved(&report);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("gp-c99"));
}

//! L2: a command refuses every member it does not know, at every level of nesting, naming
//! it — a misspelt `max_per_gender` must never call an election without a gender cap.

use serde_json::Value;
use tandoo_core::Submission;

/// One valid submission of every command, with every nested structure the commands take.
const COMMANDS: &str = include_str!("fixture/commands.jsonl");

/// Members whose keys are data (line codes, candidate ids), not field names.
const DATA_MAPS: &[&str] = &["lines", "candidates"];

/// The paths of every object in `value` whose keys are field names.
fn objects(value: &Value, path: Vec<String>, found: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            found.push(path.clone());
            for (key, inner) in map {
                if inner.is_object() && DATA_MAPS.contains(&key.as_str()) {
                    continue;
                }
                let mut next = path.clone();
                next.push(key.clone());
                objects(inner, next, found);
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                let mut next = path.clone();
                next.push(i.to_string());
                objects(inner, next, found);
            }
        }
        _ => {}
    }
}

fn at<'v>(value: &'v mut Value, path: &[String]) -> &'v mut Value {
    path.iter().fold(value, |v, key| match v {
        Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
        other => &mut other[key.as_str()],
    })
}

#[test]
fn the_fixture_parses_as_it_stands() {
    for line in COMMANDS.lines() {
        serde_json::from_str::<Submission>(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    }
}

#[test]
fn l2_every_object_of_every_command_refuses_a_member_it_does_not_know() {
    let mut checked = 0;
    let mut accepted = Vec::new();
    for line in COMMANDS.lines() {
        let original: Value = serde_json::from_str(line).unwrap();
        let mut paths = Vec::new();
        objects(&original, Vec::new(), &mut paths);
        for path in paths {
            let mut probe = original.clone();
            at(&mut probe, &path)
                .as_object_mut()
                .unwrap()
                .insert("misspelt_member".into(), Value::from(1));
            let text = probe.to_string();
            match serde_json::from_str::<Submission>(&text) {
                Ok(_) => accepted.push(format!(
                    "{} at /{}",
                    original["command"]["type"],
                    path.join("/")
                )),
                Err(e) => assert!(
                    e.to_string().contains("misspelt_member"),
                    "the refusal names the field: {e}"
                ),
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} objects probed");
    assert!(
        accepted.is_empty(),
        "unknown members accepted: {accepted:#?}"
    );
}

#[test]
fn l2_the_findings_misspellings_are_refused() {
    let call = |rule_set: &str, extra: &str| {
        format!(
            r#"{{"date":"2025-09-01","actor":{{"user":"a","role":"administrator","commission":"CEC"}},
            "command":{{"type":"call_election","id":"E9","name":"n","kind":"early","voting_day":"2026-04-12",
            "rule_set":{rule_set},"constituencies":[1]{extra}}}}}"#
        )
        .replace('\n', "")
    };
    let rules = r#"{"name":"r","method":"block","max_per_gendr":2,"against_all_on_ballot":true,"against_all_rule":"none","tie_break":"lot","fee":0}"#;
    let vote = |extra: &str| {
        format!(
            r#"{{"date":"2026-03-10","actor":{{"user":"s","role":"secretary","commission":"CEC"}},"command":{{"type":"vote_resolution","commission":"CEC","title":"t","votes":[],"effects":[]{extra}}}}}"#
        )
    };
    for (text, field) in [
        (call(rules, ""), "max_per_gendr"),
        (call("\"jogorku_kenesh_2025\"", r#","fomr":{}"#), "fomr"),
        (vote(r#","numbr":777"#), "numbr"),
        (vote(r#","meetng":"x""#), "meetng"),
    ] {
        let error = serde_json::from_str::<Submission>(&text).unwrap_err();
        assert!(error.to_string().contains(field), "{field}: {error}");
    }
}

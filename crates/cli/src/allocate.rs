//! `tandoo allocate`: seat allocation as a filter from JSON to JSON.

use crate::{CliError, Outcome};
use serde_json::Value;
use std::io::Read;

/// Largest input accepted, so a runaway pipe cannot exhaust memory.
const MAX_INPUT: u64 = 64 * 1024 * 1024;

pub fn run() -> Result<Outcome, CliError> {
    let mut text = String::new();
    std::io::stdin()
        .take(MAX_INPUT + 1)
        .read_to_string(&mut text)
        .map_err(|e| {
            CliError::input(
                "BAD_INPUT",
                format!("standard input is not UTF-8 text: {e}"),
            )
        })?;
    if text.len() as u64 > MAX_INPUT {
        return Err(CliError::input(
            "INPUT_TOO_LARGE",
            "the input is larger than 64 MiB",
        ));
    }
    let input: Value = serde_json::from_str(&text)
        .map_err(|e| CliError::input("BAD_JSON", format!("the input is not JSON: {e}")))?;
    let requests = match &input {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    let mut refused = false;
    for request in requests {
        let answer = tandoo_count::allocate_json(request).unwrap_or_else(|error| {
            refused = true;
            tandoo_count::error_json(&error)
        });
        println!("{answer}");
    }
    Ok(if refused {
        Outcome::Refused
    } else {
        Outcome::Done
    })
}

//! `tandoo status`: the results as the record makes them, on any legal date.

use crate::source::SourceArgs;
use crate::{CliError, Outcome, render};
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::national::{constituency_view, national_view};
use tandoo_core::{LegalDate, State};

pub async fn run(
    source: &SourceArgs,
    as_of: Option<&str>,
    constituency: Option<u16>,
    election: Option<&str>,
    json: bool,
) -> Result<Outcome, CliError> {
    let as_of = as_of
        .map(|d| {
            d.parse::<LegalDate>()
                .map_err(|e| CliError::input("BAD_DATE", e.to_string()))
        })
        .transpose()?;
    let reading = source.read(as_of).await?;
    if let Some(failure) = &reading.failure {
        return Err(CliError::runtime(
            "RECORD_DOES_NOT_VERIFY",
            format!(
                "act {}: {failure}; no result is shown from a record that does not verify (run tandoo verify)",
                reading.failed_at()
            ),
        ));
    }
    let state = reading.state;
    let election = match election {
        Some(id) => ElectionId::new(id),
        None => main_election(&state)?,
    };
    let dated = as_of.map(|d| format!(" as of {d}")).unwrap_or_default();
    match constituency {
        Some(number) => {
            let view =
                constituency_view(&state, &election, ConstituencyNo(number)).ok_or_else(|| {
                    CliError::input(
                        "UNKNOWN_CONSTITUENCY",
                        format!("election {election} has no constituency {number}{dated}"),
                    )
                })?;
            if json {
                print_json(&view)?;
            } else {
                print!("{}", render::constituency(&view, &dated));
            }
        }
        None => {
            let view = national_view(&state, &election).ok_or_else(|| {
                CliError::input(
                    "UNKNOWN_ELECTION",
                    format!("there is no regular or early election {election}{dated}"),
                )
            })?;
            if json {
                print_json(&view)?;
            } else {
                print!("{}", render::national(&view, &dated));
            }
        }
    }
    Ok(Outcome::Done)
}

/// The first regular or early election in the record.
pub fn main_election(state: &State) -> Result<ElectionId, CliError> {
    state
        .main_election()
        .cloned()
        .ok_or_else(|| CliError::input("NO_ELECTION", "the record holds no election on that date"))
}

fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::runtime("ENCODING", e.to_string()))?;
    println!("{text}");
    Ok(())
}

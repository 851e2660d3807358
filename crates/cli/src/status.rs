//! `tandoo status`: the results as the record makes them, on any legal date, in the
//! reader's language (`--lang`, else `LANG`, else English) or as JSON.

use crate::source::SourceArgs;
use crate::{CliError, Outcome};
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::status::{StatusQuery, StatusView, status};
use tandoo_core::{LegalDate, State};
use tandoo_present::Language;
use tandoo_present::text;

/// What `tandoo status` was asked for.
pub struct StatusArgs<'a> {
    pub source: &'a SourceArgs,
    pub as_of: Option<&'a str>,
    pub constituency: Option<u16>,
    pub election: Option<&'a str>,
    /// `--lang`; without it the language of the environment's `LANG`.
    pub lang: Option<&'a str>,
    pub json: bool,
}

pub async fn run(args: StatusArgs<'_>) -> Result<Outcome, CliError> {
    // The language is settled before the record is read: a bad value is the reader's
    // mistake, whatever the record holds.
    let locale = std::env::var("LANG").ok();
    let language = Language::choose(args.lang, locale.as_deref())
        .map_err(|e| CliError::input(e.code(), e.to_string()))?;
    let as_of = args
        .as_of
        .map(|d| {
            d.parse::<LegalDate>()
                .map_err(|e| CliError::input("BAD_DATE", e.to_string()))
        })
        .transpose()?;
    let reading = args.source.read(as_of).await?;
    if let Some(failure) = &reading.failure {
        return Err(CliError::runtime(
            "RECORD_DOES_NOT_VERIFY",
            format!(
                "act {}: {failure}; no result is shown from a record that does not verify (run tandoo verify)",
                reading.failed_at()
            ),
        ));
    }
    let query = StatusQuery {
        election: args.election.map(ElectionId::new),
        constituency: args.constituency.map(ConstituencyNo),
        as_of,
    };
    // Refusals stay in English, as every other command's; the results are in the reader's
    // language.
    let view = status(&reading.state, &query)
        .map_err(|refusal| CliError::input(refusal.code(), refusal.to_string()))?;
    if args.json {
        return print_json(&view).map(|()| Outcome::Done);
    }
    let dated = text::as_of(as_of, language);
    match &view {
        StatusView::Constituency(view) => print!("{}", text::constituency(view, &dated, language)),
        StatusView::National(view) => print!("{}", text::national(view, &dated, language)),
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

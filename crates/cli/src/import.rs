//! `tandoo import --preliminary FILE.csv`: figures from automatic ballot-counting boxes,
//! loaded in bulk as preliminary figures. The whole file is checked first; a file with any
//! problem is refused whole, each problem named by row and column, and nothing is recorded.
//!
//! The file has a header and one figure per row: `station,constituency,line,value`, where
//! `line` is a form line (`L1` … `L10`), `AA` for "against all", or a candidate's identifier.

use crate::status::main_election;
use crate::{CliError, Outcome};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::command::RecordPreliminaryFigures;
use tandoo_core::command::{Command, Submission};
use tandoo_core::ids::{CandidateId, ConstituencyNo, ElectionId, StationId};
use tandoo_core::protocol::{AGAINST_ALL, PreliminaryFigures};
use tandoo_core::{LegalDate, State};
use tandoo_ledger::{Ledger, LedgerError};
use tandoo_record::{AnyRecord, OpenMode};

const HEADER: [&str; 4] = ["station", "constituency", "line", "value"];
/// Problems listed before the rest are only counted.
const SHOWN: usize = 50;

pub struct ImportArgs<'a> {
    pub db: &'a Path,
    pub file: &'a Path,
    pub election: Option<&'a str>,
    pub user: &'a str,
    pub commission: &'a str,
    pub date: Option<&'a str>,
}

/// A problem in the file, where a person can find it.
struct Problem {
    row: u64,
    column: &'static str,
    message: String,
}

type Figures = BTreeMap<(StationId, ConstituencyNo), PreliminaryFigures>;

pub async fn run(args: ImportArgs<'_>) -> Result<Outcome, CliError> {
    let record = AnyRecord::open(args.db, OpenMode::MustExist).await?;
    let mut ledger = Ledger::open(record).await?;
    let outcome = import(&args, &mut ledger).await;
    // Closed cleanly whatever happened, so that the file holds every act on its own.
    ledger.into_record().close().await;
    outcome
}

async fn import(
    args: &ImportArgs<'_>,
    ledger: &mut Ledger<AnyRecord>,
) -> Result<Outcome, CliError> {
    let election = match args.election {
        Some(id) => ElectionId::new(id),
        None => main_election(ledger.state())?,
    };
    let Some(called) = ledger.state().elections.get(&election) else {
        return Err(CliError::input(
            "UNKNOWN_ELECTION",
            format!("there is no election {election}"),
        ));
    };
    let date = match args.date {
        Some(text) => text
            .parse::<LegalDate>()
            .map_err(|e| CliError::input("BAD_DATE", e.to_string()))?,
        None => called.call.voting_day,
    };
    let (figures, problems) = read(args.file, ledger.state(), &election)?;
    if !problems.is_empty() {
        for p in problems.iter().take(SHOWN) {
            eprintln!("row {}, column {}: {}", p.row, p.column, p.message);
        }
        if problems.len() > SHOWN {
            eprintln!("… and {} more problems", problems.len() - SHOWN);
        }
        return Err(CliError::input(
            "BAD_CSV",
            format!(
                "{} has {} problems; nothing was recorded",
                args.file.display(),
                problems.len()
            ),
        ));
    }
    let actor = Actor::new(args.user, Role::Operator, args.commission);
    let stations: Vec<_> = figures.keys().copied().collect();
    let submissions: Vec<Submission> = figures
        .into_iter()
        .map(|((station, constituency), figures)| Submission {
            date,
            actor: actor.clone(),
            command: Command::RecordPreliminaryFigures(RecordPreliminaryFigures {
                election: election.clone(),
                station,
                constituency,
                figures,
            }),
        })
        .collect();
    match ledger.submit_all(&submissions).await {
        Ok(entries) => {
            println!(
                "recorded preliminary figures of {} ({})",
                crate::render::count(stations.len() as u64, "station", "stations"),
                crate::render::count(entries.len() as u64, "act", "acts")
            );
            Ok(Outcome::Done)
        }
        Err(LedgerError::Refused { index, refusal }) => Err(CliError::input(
            refusal.code(),
            format!(
                "station {}: {}; nothing was recorded",
                stations[index].0,
                crate::refusal_words(&refusal)
            ),
        )),
        Err(other) => Err(other.into()),
    }
}

fn read(
    path: &Path,
    state: &State,
    election: &ElectionId,
) -> Result<(Figures, Vec<Problem>), CliError> {
    let size = std::fs::metadata(path)
        .map_err(|e| {
            CliError::input(
                "FILE_NOT_FOUND",
                format!("cannot open {}: {e}", path.display()),
            )
        })?
        .len();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| {
            CliError::input(
                "FILE_NOT_FOUND",
                format!("cannot open {}: {e}", path.display()),
            )
        })?;
    let mut problems = Vec::new();
    let header = reader
        .headers()
        .map_err(|e| CliError::input("BAD_CSV", format!("row 1: {e}")))?
        .clone();
    if header.iter().collect::<Vec<_>>() != HEADER {
        problems.push(Problem {
            row: 1,
            column: "header",
            message: format!("the header must be {}", HEADER.join(",")),
        });
        return Ok((Figures::new(), problems));
    }
    let bar = ProgressBar::new(size).with_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let Some(form) = state.elections.get(election).map(|e| &e.call.form) else {
        return Err(CliError::input(
            "UNKNOWN_ELECTION",
            format!("there is no election {election}"),
        ));
    };
    let mut ballots: BTreeMap<ConstituencyNo, BTreeSet<CandidateId>> = BTreeMap::new();
    let mut figures = Figures::new();
    for (index, row) in reader.records().enumerate() {
        let row_number = index as u64 + 2;
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                problems.push(Problem {
                    row: row_number,
                    column: "row",
                    message: error.to_string(),
                });
                continue;
            }
        };
        if index % 4096 == 0 {
            bar.set_position(row.position().map_or(0, |p| p.byte()));
        }
        if row.len() != 4 {
            problems.push(Problem {
                row: row_number,
                column: "row",
                message: format!("4 columns expected, {} found", row.len()),
            });
            continue;
        }
        let mut problem = |column, message: String| {
            problems.push(Problem {
                row: row_number,
                column,
                message,
            })
        };
        let station = match row[0].parse::<u32>() {
            Ok(n) if state.stations.contains_key(&StationId(n)) => Some(StationId(n)),
            Ok(n) => {
                problem("station", format!("there is no polling station {n}"));
                None
            }
            Err(_) => {
                problem(
                    "station",
                    format!("\"{}\" is not a station number", &row[0]),
                );
                None
            }
        };
        let constituency = match row[1].parse::<u16>() {
            Ok(n)
                if state
                    .elections
                    .get(election)
                    .is_some_and(|e| e.call.constituencies.contains(&ConstituencyNo(n))) =>
            {
                Some(ConstituencyNo(n))
            }
            Ok(n) => {
                problem(
                    "constituency",
                    format!("constituency {n} is not part of election {election}"),
                );
                None
            }
            Err(_) => {
                problem(
                    "constituency",
                    format!("\"{}\" is not a constituency number", &row[1]),
                );
                None
            }
        };
        let value = match row[3].parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                problem(
                    "value",
                    format!("\"{}\" is not a whole number of 0 or more", &row[3]),
                );
                None
            }
        };
        let (Some(station), Some(constituency), Some(value)) = (station, constituency, value)
        else {
            continue;
        };
        let line = &row[2];
        let ballot = ballots
            .entry(constituency)
            .or_insert_with(|| state.ballot(election, constituency));
        let slot = figures.entry((station, constituency)).or_default();
        let duplicate = if form.has_line(line) {
            slot.lines.insert(line.to_string(), value).is_some()
        } else if line == AGAINST_ALL {
            slot.against_all.replace(value).is_some()
        } else if ballot.contains(&CandidateId::new(line)) {
            slot.candidates
                .insert(CandidateId::new(line), value)
                .is_some()
        } else {
            problem(
                "line",
                format!(
                    "\"{line}\" is neither a line of the protocol form, AA, nor a candidate on constituency {constituency}'s ballot"
                ),
            );
            continue;
        };
        if duplicate {
            problem("line", format!("{line} of station {station} appears twice"));
        }
    }
    bar.finish_and_clear();
    Ok((figures, problems))
}

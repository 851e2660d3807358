//! `tandoo apply`: commands from a JSON Lines file, all or none. The record must exist
//! unless `--create` is given, so that a misspelt path never starts a second record; the
//! store is closed cleanly before the command ends, so a plain copy of a SQLite file made
//! afterwards holds every act.

use crate::{CliError, Outcome};
use std::io::Read;
use std::path::Path;
use tandoo_core::Submission;
use tandoo_ledger::{Ledger, LedgerError};
use tandoo_record::{AnyRecord, OpenMode};

const MAX_FILE: u64 = 256 * 1024 * 1024;

pub async fn run(db: &Path, file: &Path, create: bool) -> Result<Outcome, CliError> {
    let text = read_text(file)?;
    // Editors on some systems begin a UTF-8 file with a byte order mark; it is no command.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut submissions = Vec::new();
    let mut line_numbers = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let submission: Submission = serde_json::from_str(line).map_err(|e| {
            CliError::input(
                "BAD_COMMAND",
                format!("line {}: {e}; nothing was recorded", n + 1),
            )
        })?;
        submissions.push(submission);
        line_numbers.push(n + 1);
    }
    if submissions.is_empty() {
        return Err(CliError::input(
            "NO_COMMANDS",
            format!("{} holds no command", file.display()),
        ));
    }
    let mode = if create {
        OpenMode::CreateIfMissing
    } else {
        OpenMode::MustExist
    };
    let record = AnyRecord::open(db, mode).await?;
    let mut ledger = Ledger::open(record).await?;
    let submitted = ledger.submit_all(&submissions).await;
    ledger.into_record().close().await;
    let entries = match submitted {
        Ok(entries) => entries,
        Err(LedgerError::Refused { index, refusal }) => {
            return Err(CliError::input(
                refusal.code(),
                format!(
                    "line {}: {}; nothing was recorded",
                    line_numbers[index],
                    crate::refusal_words(&refusal)
                ),
            ));
        }
        Err(LedgerError::Defect { index, defect }) => {
            return Err(CliError::runtime(
                defect.code(),
                format!(
                    "line {}: {defect}; this is a defect of the program, not of the command; nothing was recorded",
                    line_numbers[index]
                ),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let acts = entries
        .iter()
        .map(|entry| tandoo_ledger::decode(entry).map(|(_, act)| act))
        .collect::<Result<Vec<_>, _>>()?;
    for (line, acts) in line_numbers
        .iter()
        .zip(crate::report::per_command(&submissions, &acts))
    {
        println!("line {line}: {}", crate::report::describe(acts));
    }
    if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
        println!(
            "recorded {} ({} to {}) from {}; head {}",
            crate::render::count(entries.len() as u64, "act", "acts"),
            first.seq,
            last.seq,
            crate::render::count(submissions.len() as u64, "command", "commands"),
            last.hash
        );
    }
    Ok(Outcome::Done)
}

fn read_text(file: &Path) -> Result<String, CliError> {
    let mut text = String::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_FILE + 1)
            .read_to_string(&mut text)
    } else {
        std::fs::File::open(file)
            .map_err(|e| {
                CliError::input(
                    "FILE_NOT_FOUND",
                    format!("cannot open {}: {e}", file.display()),
                )
            })?
            .take(MAX_FILE + 1)
            .read_to_string(&mut text)
    };
    read.map_err(|e| {
        CliError::input(
            "BAD_FILE",
            format!("{} is not UTF-8 text: {e}", file.display()),
        )
    })?;
    if text.len() as u64 > MAX_FILE {
        return Err(CliError::input(
            "FILE_TOO_LARGE",
            "a command file may hold at most 256 MiB",
        ));
    }
    Ok(text)
}

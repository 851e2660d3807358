//! `tandoo demo`: the constituency-13 story written into a fresh record, step by step, with
//! what each step changed.

use crate::{CliError, Outcome};
use std::path::Path;
use tandoo_core::State;
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::national::{ConstituencyView, NationalView, constituency_view, national_view};
use tandoo_ledger::{Ledger, Unstaged};
use tandoo_present::Language::En;
use tandoo_present::text::{citation, gender_check, seat_count, seats_line};
use tandoo_present::words::contest_state;
use tandoo_record::{AnyRecord, OpenMode};

const DEFAULT_DB: &str = "tandoo-demo.sqlite";
/// The account `--demo-account` creates.
const DEMO_USER: &str = "demo";

pub async fn run(
    db: &Path,
    no_serve: bool,
    replace: bool,
    demo_account: bool,
    steps: Option<usize>,
) -> Result<Outcome, CliError> {
    let demo_password = demo_account.then(crate::user::read_password).transpose()?;
    let demo_password = demo_password.as_deref();
    if let Some(password) = demo_password {
        tandoo_server::accounts::check_password(password).map_err(crate::user::account_error)?;
    }
    prepare_file(db, replace)?;
    let record = AnyRecord::open(db, OpenMode::CreateIfMissing).await?;
    let mut ledger = Ledger::open(record).await?;
    let mut story = tandoo_demo::story();
    story.truncate(steps.unwrap_or(usize::MAX));
    for (number, step) in story.iter().enumerate() {
        let before = Picture::of(ledger.state());
        let entries = ledger.submit_all(&step.submissions).await?;
        println!("Step {number} — {} — {}", step.date, step.title);
        if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
            let acts = if entries.len() == 1 { "act" } else { "acts" };
            println!(
                "  recorded {} {acts} ({} to {})",
                entries.len(),
                first.seq,
                last.seq
            );
        }
        let after = Picture::of(ledger.state());
        for line in before.changes_to(&after) {
            println!("  {line}");
        }
        for attempt in &step.refused {
            match ledger.try_submission(attempt) {
                Err(Unstaged::Refused(refusal)) => println!(
                    "  refused, as the law requires: {}: {}",
                    refusal.code(),
                    crate::refusal_words(&refusal)
                ),
                Err(Unstaged::Defect(defect)) => {
                    return Err(CliError::runtime(defect.code(), defect.to_string()));
                }
                Ok(_) => {
                    return Err(CliError::runtime(
                        "DEMO_BROKEN",
                        format!("step {number}: an attempt that must be refused was accepted"),
                    ));
                }
            }
        }
    }
    let head = ledger.head();
    println!(
        "\nThe record is in {} ({}, head {}).",
        db.display(),
        crate::render::count(head.seq, "act", "acts"),
        head.hash
    );
    println!(
        "See it with: tandoo status --db {} --constituency 13",
        db.display()
    );
    ledger.into_record().close().await;
    if let Some(password) = demo_password {
        let accounts = tandoo_server::Accounts::open(
            db,
            OpenMode::MustExist,
            std::sync::Arc::new(tandoo_server::SystemClock),
        )
        .await
        .map_err(crate::user::account_error)?;
        accounts
            .add(DEMO_USER, "secretary", "CEC", password)
            .await
            .map_err(crate::user::account_error)?;
        accounts.close().await;
        println!(
            "Log in as {DEMO_USER} (secretary of the CEC) with the password you gave; \
             tandoo user add --db {} creates other accounts.",
            db.display()
        );
    }
    if no_serve {
        return Ok(Outcome::Done);
    }
    let accounts = demo_accounts(db).await?;
    println!(
        "\nThe commission's workplace: http://{}/login, as one of these demo accounts \
         (their passwords are new with every demo and printed only here):",
        crate::serve::DEFAULT_LISTEN
    );
    for (user, role, commission, password) in &accounts {
        println!("  {user:<12} {role:<14} {commission:<7} {password}");
    }
    println!(
        "\nThe results portal: http://{0}/results (constituency 13: http://{0}/results/13)\n\
         Constituency 13 through the API: http://{0}/api/status?constituency=13",
        crate::serve::DEFAULT_LISTEN
    );
    let flags = crate::serve::ServeFlags {
        cookies: crate::serve::Cookies::Default,
        trusted_proxy: None,
        log: None,
        public_only: false,
    };
    crate::serve::run(db, crate::serve::DEFAULT_LISTEN, flags).await
}

/// The served demo's accounts, one per role (two operators, since every protocol is entered
/// twice), the district's for constituency 13: user, role, commission and a password drawn
/// for this demo.
const DEMO_ACCOUNTS: [(&str, &str, &str); 7] = [
    ("admin", "administrator", "CEC"),
    ("secretary", "secretary", "CEC"),
    ("observer", "observer", "CEC"),
    ("operator1", "operator", "DEC-13"),
    ("operator2", "operator", "DEC-13"),
    ("supervisor", "supervisor", "DEC-13"),
    ("secretary13", "secretary", "DEC-13"),
];

async fn demo_accounts(db: &Path) -> Result<Vec<(String, String, String, String)>, CliError> {
    let accounts = tandoo_server::Accounts::open(
        db,
        OpenMode::MustExist,
        std::sync::Arc::new(tandoo_server::SystemClock),
    )
    .await
    .map_err(crate::user::account_error)?;
    let mut made = Vec::new();
    for (user, role, commission) in DEMO_ACCOUNTS {
        let password =
            tandoo_server::sessions::demo_password().map_err(crate::user::account_error)?;
        match accounts.add(user, role, commission, &password).await {
            Ok(_) => made.push((user.into(), role.into(), commission.into(), password)),
            // `--demo-account` may have made one of the same name: it keeps its password.
            Err(tandoo_server::accounts::AccountError::Exists(_)) => {}
            Err(e) => return Err(crate::user::account_error(e)),
        }
    }
    accounts.close().await;
    Ok(made)
}

/// Starts from an empty file: the default demo file is replaced, any other only on request,
/// so that a mistyped path never destroys a real record.
fn prepare_file(db: &Path, replace: bool) -> Result<(), CliError> {
    if !db.exists() {
        return Ok(());
    }
    if !(replace || db == Path::new(DEFAULT_DB)) {
        return Err(CliError::input(
            "FILE_EXISTS",
            format!(
                "{} already exists; the demo writes a fresh record (pass --replace to overwrite it)",
                db.display()
            ),
        ));
    }
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", db.display());
        if Path::new(&path).exists() {
            std::fs::remove_file(&path)
                .map_err(|e| CliError::runtime("FILE_IO", format!("cannot remove {path}: {e}")))?;
        }
    }
    Ok(())
}

/// What the demo reports on: constituency 13 and the national count.
struct Picture {
    thirteen: Option<ConstituencyView>,
    national: Option<NationalView>,
    resolutions: usize,
    refunds: usize,
}

impl Picture {
    fn of(state: &State) -> Self {
        let e1 = ElectionId::new(tandoo_demo::story::E1);
        Picture {
            thirteen: constituency_view(state, &e1, ConstituencyNo(13)),
            national: national_view(state, &e1),
            resolutions: state.resolutions.len(),
            refunds: state
                .candidates
                .values()
                .filter(|c| state.first_in_force(&c.refunded_by).is_some())
                .count(),
        }
    }

    fn changes_to(&self, after: &Picture) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(view) = &after.thirteen {
            let before = self.thirteen.as_ref();
            let status = |v: &ConstituencyView| match &v.contest.status_by {
                Some(by) => format!(
                    "{} {} ({})",
                    v.election,
                    contest_state(v.status, En),
                    citation(by, En)
                ),
                None => format!("{} {}", v.election, contest_state(v.status, En)),
            };
            if before.map(status) != Some(status(view)) {
                lines.push(format!(
                    "constituency 13: {} → {}",
                    before.map(status).unwrap_or_else(|| "not defined".into()),
                    status(view)
                ));
            }
            if before.map(|v| seats_line(v, En)) != Some(seats_line(view, En)) {
                lines.push(format!("seats in 13: {}", seats_line(view, En)));
            }
        }
        if let Some(national) = &after.national {
            let summary = |n: &NationalView| {
                format!(
                    "{} ({} women)",
                    seat_count(&n.seat_count, n.seats, En),
                    n.women
                )
            };
            if self.national.as_ref().map(summary) != Some(summary(national)) {
                let check = national
                    .gender_check
                    .as_ref()
                    .map(|c| gender_check(c, En))
                    .unwrap_or_default();
                lines.push(format!("nationally: {}; {check}", summary(national)));
            }
        }
        if let Some(view) = &after.thirteen {
            for r in view.resolutions.iter().skip(self.resolution_count_13()) {
                lines.push(format!(
                    "{} — {}: {} for, {} against, {} abstained — {}",
                    citation(&r.citation, En),
                    crate::render::english(&r.title),
                    r.votes_for,
                    r.against,
                    r.abstain,
                    if r.adopted { "adopted" } else { "not adopted" }
                ));
            }
        }
        if after.refunds != self.refunds {
            lines.push(format!(
                "fees refunded: {} (was {})",
                crate::render::count(after.refunds as u64, "candidate", "candidates"),
                self.refunds
            ));
        }
        if after.resolutions > self.resolutions && lines.is_empty() {
            lines.push("resolution recorded; no result changed".into());
        }
        lines
    }

    fn resolution_count_13(&self) -> usize {
        self.thirteen.as_ref().map_or(0, |v| v.resolutions.len())
    }
}

//! Plain-text rendering of results for the terminal.

use std::fmt::Write;
use tandoo_core::candidate::CandidateName;
use tandoo_core::national::{ConstituencyView, NationalView};
use tandoo_core::results::ContestView;
use tandoo_core::text::{Text, TextLanguage};
use tandoo_count::Gender;

/// A commission's text for an English reader: the English text where given, else the first
/// written of Kyrgyz and Russian (the order English falls back in).
pub fn english(text: &Text) -> &str {
    text.get(TextLanguage::En).unwrap_or_else(|| text.first())
}

/// A candidate's name for an English reader: its Latin form where there is one.
pub fn latin<'a>(name: &'a str, latin_name: Option<&'a str>) -> &'a str {
    latin_name.unwrap_or(name)
}

/// Names for an English reader, joined; "nobody" for none.
pub fn names(names: &[CandidateName]) -> String {
    or_nobody(names)
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 seat", "3 seats".
pub fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

fn or_nobody(names: &[CandidateName]) -> String {
    if names.is_empty() {
        "nobody".into()
    } else {
        let latin: Vec<&str> = names
            .iter()
            .map(|n| latin(&n.name, n.latin_name.as_deref()))
            .collect();
        latin.join(", ")
    }
}

pub fn national(view: &NationalView, dated: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}){dated}", english(&view.name), view.election);
    let _ = writeln!(
        out,
        "  voters on the lists {}, took part {} ({}%)",
        thousands(view.voters_on_lists),
        thousands(view.took_part),
        view.turnout
    );
    let _ = writeln!(
        out,
        "  elected: {} of {} — {}, {}",
        view.deputies,
        count(u64::from(view.seats), "seat", "seats"),
        count(u64::from(view.men), "man", "men"),
        count(u64::from(view.women), "woman", "women")
    );
    if !view.gender_check.is_empty() {
        let _ = writeln!(out, "  national check: {}", view.gender_check);
    }
    let _ = writeln!(out);
    for seat in &view.constituencies {
        let _ = writeln!(
            out,
            "  {:>3}  {:<4} {:<26} {}",
            seat.constituency.0,
            seat.election,
            seat.status.describe(),
            or_nobody(&seat.elected)
        );
    }
    out
}

pub fn constituency(view: &ConstituencyView, dated: &str) -> String {
    let mut out = String::new();
    let seats = count(u64::from(view.seats), "seat", "seats");
    let _ = writeln!(out, "{} — {seats}{dated}", english(&view.name));
    let _ = writeln!(
        out,
        "  seats decided by election {}: {}",
        view.election, view.status_text
    );
    let _ = writeln!(out, "  elected: {}", or_nobody(&view.elected));
    for contest in &view.elections {
        let _ = writeln!(out);
        out.push_str(&contest_text(contest));
    }
    if !view.resolutions.is_empty() {
        let _ = writeln!(out, "\n  Resolutions");
        for r in &view.resolutions {
            let standing = match (r.adopted, r.in_force) {
                (false, _) => "not adopted".to_string(),
                (true, true) => "in force".to_string(),
                (true, false) => format!("rescinded by {}", r.rescinded_by.join(", ")),
            };
            let _ = writeln!(
                out,
                "    {} — {} ({} for, {} against, {} abstained) — {standing}",
                r.citation,
                english(&r.title),
                r.votes_for,
                r.against,
                r.abstain
            );
        }
    }
    out
}

fn contest_text(c: &ContestView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {} — {} ({})",
        c.election,
        english(&c.election_name),
        c.rule_set
    );
    let by = c
        .status_by
        .as_ref()
        .map(|b| format!(" — {b}"))
        .unwrap_or_default();
    let _ = writeln!(out, "    status: {}{by}", c.status_text);
    let _ = writeln!(
        out,
        "    stations {}/{} reported, {} counted; voters {}, took part {} ({}%); invalid {}, against all {}",
        c.stations_reported,
        c.stations,
        c.stations_counted,
        thousands(c.voters_on_lists),
        thousands(c.took_part),
        c.turnout,
        thousands(c.invalid_ballots),
        thousands(c.against_all)
    );
    for (rank, candidate) in c.candidates.iter().enumerate() {
        let mut notes = Vec::new();
        if let Some(by) = &candidate.registration_annulled_by {
            notes.push(format!("registration annulled by {by}"));
        }
        if let Some(by) = &candidate.votes_annulled_by {
            notes.push(format!("votes annulled by {by}"));
        }
        if let Some(by) = &candidate.barred_by {
            notes.push(format!("barred by {by}"));
        }
        if let Some(by) = &candidate.fee_refunded_by {
            notes.push(format!("fee refunded by {by}"));
        }
        let standing = format!("{:?}", candidate.standing).to_lowercase();
        let _ = writeln!(
            out,
            "    {:>2}. {} {:<28} {} {:>9}  {standing}{}",
            rank + 1,
            if candidate.elected { "*" } else { " " },
            latin(&candidate.name, candidate.latin_name.as_deref()),
            if candidate.gender == Gender::Female {
                "F"
            } else {
                "M"
            },
            thousands(candidate.votes),
            if notes.is_empty() {
                String::new()
            } else {
                format!("; {}", notes.join("; "))
            },
        );
    }
    if let Some(error) = &c.count_error {
        let _ = writeln!(out, "    the count cannot be made: {error}");
    }
    out
}

//! Plain-text rendering of results for the terminal. The views give data (standings, marks,
//! dates); the words are chosen here.

use std::fmt::Write;
use tandoo_core::candidate::CandidateName;
use tandoo_core::election::{LateAct, LateKind};
use tandoo_core::national::{ConstituencyView, GenderCheck, NationalView, SeatCount};
use tandoo_core::results::{ContestView, SeatMark, SeatStanding};
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

/// What the seats' holders are called, by how firm the seats are.
pub fn standing_word(standing: SeatStanding) -> &'static str {
    match standing {
        SeatStanding::Elected => "elected",
        SeatStanding::Allocated => "allocated, not yet recognised",
        SeatStanding::Leading => "leading, provisional",
    }
}

/// The national seats, each standing counted apart.
pub fn seat_count(count: &SeatCount, seats: u32) -> String {
    format!(
        "{} of {seats} seats elected (recognised), {} allocated, {} leading",
        count.elected, count.allocated, count.leading
    )
}

pub fn gender_check(check: &GenderCheck) -> String {
    format!(
        "{} men and {} women among {} seats ({} and firmer); at least {} of each are needed: {}",
        check.men,
        check.women,
        check.seats_counted,
        match check.basis {
            SeatStanding::Elected => "elected",
            SeatStanding::Allocated => "allocated",
            SeatStanding::Leading => "leading",
        },
        check.min_per_gender,
        if check.met { "met" } else { "not met" }
    )
}

pub fn national(view: &NationalView, dated: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}){dated}", english(&view.name), view.election);
    let _ = writeln!(
        out,
        "  voters on the lists {}, voted {} (turnout {}%)",
        thousands(view.voters_on_lists),
        thousands(view.turnout_voters),
        view.turnout
    );
    if let Some(other) = &view.turnout_by_took_part {
        let _ = writeln!(
            out,
            "  by ballots issued: {} ({other}%)",
            thousands(view.took_part)
        );
    }
    let _ = writeln!(
        out,
        "  {} — {}, {}",
        seat_count(&view.seat_count, view.seats),
        count(u64::from(view.men), "man", "men"),
        count(u64::from(view.women), "woman", "women")
    );
    if let Some(check) = &view.gender_check {
        let _ = writeln!(out, "  national check: {}", gender_check(check));
    }
    let _ = writeln!(out);
    for seat in &view.constituencies {
        let standing = seat
            .seat_standing
            .map(|s| format!("{}: ", standing_word(s)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:>3}  {:<4} {:<26} {standing}{}{}",
            seat.constituency.0,
            seat.election,
            seat.status.describe(),
            or_nobody(&seat.holders),
            if seat.count_differs {
                "  !! THE COUNT NOW DIFFERS FROM THE RECOGNISED RESULT"
            } else {
                ""
            }
        );
    }
    out
}

/// The line that says who holds the seats and how firmly.
pub fn seats_line(view: &ConstituencyView) -> String {
    match view.seat_standing {
        Some(SeatStanding::Elected) => format!("elected: {}", or_nobody(&view.elected)),
        Some(SeatStanding::Allocated) => format!(
            "allocated by the count, not yet recognised: {}",
            or_nobody(&view.allocated)
        ),
        Some(SeatStanding::Leading) => format!(
            "leading so far (provisional, not every station has reported): {}",
            or_nobody(&view.leading)
        ),
        None => "elected: nobody".into(),
    }
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
    let _ = writeln!(out, "  {}", seats_line(view));
    if view.count_differs {
        let _ = writeln!(
            out,
            "  !! THE COUNT NOW DIFFERS FROM THE RECOGNISED RESULT (see the contest below)"
        );
    }
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

/// The mark printed beside a candidate for a step of the count, and its legend.
fn mark_symbol(mark: SeatMark) -> (&'static str, &'static str) {
    match mark {
        SeatMark::PassedOverByGenderCap => ("g", "passed over: the gender cap was reached"),
        SeatMark::SeatByGenderCap => (
            "G",
            "takes a seat because others with more votes were passed over by the gender cap",
        ),
        SeatMark::WonTie => ("T", "won a tie for a seat by the tie rule"),
        SeatMark::LostTie => ("t", "lost a tie for a seat by the tie rule"),
        SeatMark::LostToAgainstAll => (
            "A",
            "\"against all\" had more votes, so the election failed",
        ),
        SeatMark::VotesAnnulled => ("x", "votes annulled by resolution: out of the ranking"),
        SeatMark::RegistrationAnnulled => (
            "r",
            "registration annulled by resolution: out of the ranking",
        ),
        SeatMark::MandateEnded => (
            "e",
            "mandate ended by resolution: the seat passed to a successor",
        ),
    }
}

fn seat_symbol(seat: Option<SeatStanding>) -> &'static str {
    match seat {
        Some(SeatStanding::Elected) => "*",
        Some(SeatStanding::Allocated) => "+",
        Some(SeatStanding::Leading) => "~",
        None => " ",
    }
}

fn late_text(late: &LateAct) -> String {
    match late.kind {
        LateKind::Results => format!(
            "late: the results were first determined by {}, after they were due by {}",
            late.act, late.due
        ),
        LateKind::Complaint => format!(
            "late: complaint {} was filed on {}, after the deadline of {}",
            late.act, late.dated, late.due
        ),
    }
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
    if let Some(differs) = &c.count_differs {
        let _ = writeln!(
            out,
            "    !! THE COUNT NOW DIFFERS FROM THE RECOGNISED RESULT: recognised {}; the count gives {}",
            ids(&differs.recognised),
            ids(&differs.counted)
        );
    }
    for late in &c.late {
        let _ = writeln!(out, "    !! {}", late_text(late));
    }
    let _ = writeln!(
        out,
        "    calendar: voting day {}, results due by {}, complaints within {} days of a decision",
        c.calendar.voting_day, c.calendar.results_by, c.calendar.complaint_days
    );
    let _ = writeln!(
        out,
        "    stations {}/{} reported, {} counted; voters {}, voted {} ({}%, {}); invalid {}, against all {}",
        c.stations_reported,
        c.stations,
        c.stations_counted,
        thousands(c.voters_on_lists),
        thousands(c.turnout_voters),
        c.turnout,
        c.turnout_lines.join(" + "),
        thousands(c.invalid_ballots),
        thousands(c.against_all)
    );
    if let Some(other) = &c.turnout_by_took_part {
        let _ = writeln!(
            out,
            "    by ballots issued ({}): {} ({}%)",
            other.lines.join(" + "),
            thousands(other.voters),
            other.percent
        );
    }
    if let Some(lot) = &c.lot {
        let _ = writeln!(
            out,
            "    lot drawn by {} with the seed \"{}\" ({})",
            lot.drawn_by, lot.seed, lot.recorded_by
        );
    }
    let mut used: Vec<SeatMark> = Vec::new();
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
        let marks: String = candidate
            .marks
            .iter()
            .map(|m| {
                if !used.contains(m) {
                    used.push(*m);
                }
                mark_symbol(*m).0
            })
            .collect();
        let standing = format!("{:?}", candidate.standing).to_lowercase();
        let _ = writeln!(
            out,
            "    {:>2}. {} {:<28} {} {:>9} {:<3} {standing}{}",
            rank + 1,
            seat_symbol(candidate.seat),
            latin(&candidate.name, candidate.latin_name.as_deref()),
            if candidate.gender == Gender::Female {
                "F"
            } else {
                "M"
            },
            thousands(candidate.votes),
            marks,
            if notes.is_empty() {
                String::new()
            } else {
                format!("; {}", notes.join("; "))
            },
        );
    }
    if let Some(standing) = c.seat_standing {
        let _ = writeln!(
            out,
            "    {} {}",
            seat_symbol(Some(standing)),
            standing_word(standing)
        );
    }
    for mark in used {
        let (symbol, meaning) = mark_symbol(mark);
        let _ = writeln!(out, "    {symbol} {meaning}");
    }
    if let Some(error) = &c.count_error {
        let _ = writeln!(out, "    the count cannot be made: {error}");
    }
    out
}

/// Candidates by their ids, joined; "nobody" for none.
fn ids(ids: &[tandoo_core::ids::CandidateId]) -> String {
    if ids.is_empty() {
        return "nobody".into();
    }
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    ids.join(", ")
}

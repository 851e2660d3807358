//! The national view in words: the election's turnout, the seats by how firm they are and
//! by gender, the national gender check, and one line per constituency.

use super::{counted, names_or_nobody, padded, say, seat_code, share, standing_word, word};
use crate::{FluentArgs, Language, words, written};
use std::fmt::Write;
use tandoo_core::national::{GenderCheck, NationalView, SeatCount};

/// The national seats, each standing counted apart.
pub fn seat_count(count: &SeatCount, seats: u32, language: Language) -> String {
    let mut args = FluentArgs::new();
    args.set("elected", count.elected);
    args.set("allocated", count.allocated);
    args.set("leading", count.leading);
    args.set("seats", seats);
    say(language, "seat-count", &args)
}

/// The national gender check: who holds the seats counted, the minimum, and whether it is met.
pub fn gender_check(check: &GenderCheck, language: Language) -> String {
    let mut args = FluentArgs::new();
    args.set("men", check.men);
    args.set("women", check.women);
    args.set("seats", check.seats_counted);
    args.set(
        "basis",
        word(language, &format!("basis-{}", seat_code(check.basis))),
    );
    args.set("min", check.min_per_gender);
    args.set(
        "verdict",
        word(
            language,
            if check.met {
                "check-met"
            } else {
                "check-not-met"
            },
        ),
    );
    say(language, "gender-check", &args)
}

/// The national view as text; `dated` follows the title (see [`super::as_of`]).
pub fn national(view: &NationalView, dated: &str, language: Language) -> String {
    let mut out = String::new();
    let mut args = FluentArgs::new();
    args.set("name", written::text(&view.name, language));
    args.set("election", view.election.to_string());
    let _ = writeln!(out, "{}{dated}", say(language, "national-title", &args));
    let mut args = FluentArgs::new();
    args.set("voters", view.turnout.voters);
    args.set("voted", view.turnout.voted);
    args.set(
        "turnout",
        share(view.turnout.voted, view.turnout.voters, language),
    );
    let _ = writeln!(out, "  {}", say(language, "national-turnout", &args));
    if let Some(by_ballots) = &view.turnout_by_took_part {
        let mut args = FluentArgs::new();
        args.set("took_part", by_ballots.voted);
        args.set(
            "percent",
            share(by_ballots.voted, by_ballots.voters, language),
        );
        let _ = writeln!(out, "  {}", say(language, "national-by-ballots", &args));
    }
    let mut args = FluentArgs::new();
    args.set(
        "seat_count",
        seat_count(&view.seat_count, view.seats, language),
    );
    args.set("men", counted(language, "men", u64::from(view.men)));
    args.set("women", counted(language, "women", u64::from(view.women)));
    let _ = writeln!(out, "  {}", say(language, "national-seats", &args));
    if let Some(check) = &view.gender_check {
        let mut args = FluentArgs::new();
        args.set("check", gender_check(check, language));
        let _ = writeln!(out, "  {}", say(language, "national-check", &args));
    }
    let _ = writeln!(out);
    for seat in &view.constituencies {
        let standing = seat
            .seat_standing
            .map(|s| format!("{}: ", standing_word(s, language)))
            .unwrap_or_default();
        let differs = if seat.count_differs {
            format!("  {}", word(language, "count-differs"))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {:>3}  {:<4} {} {standing}{}{differs}",
            seat.constituency.0,
            seat.election,
            padded(&words::contest_state(seat.status, language), 26),
            names_or_nobody(&seat.holders, language),
        );
    }
    out
}

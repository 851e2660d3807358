//! A constituency's view in words: its seats and who holds them, how firmly, each contest
//! in detail, and the resolutions behind them.

use super::citation::{citation, citations};
use super::contest::contest_text;
use super::{counted, names_or_nobody, say, word};
use crate::{FluentArgs, Language, words, written};
use std::fmt::Write;
use tandoo_core::national::ConstituencyView;
use tandoo_core::results::SeatStanding;

/// The line that says who holds the seats and how firmly.
pub fn seats_line(view: &ConstituencyView, language: Language) -> String {
    let (key, names) = match view.seat_standing {
        Some(SeatStanding::Elected) => ("seats-elected", &view.elected),
        Some(SeatStanding::Allocated) => ("seats-allocated", &view.allocated),
        Some(SeatStanding::Leading) => ("seats-leading", &view.leading),
        None => ("seats-elected", &Vec::new()),
    };
    let mut args = FluentArgs::new();
    args.set("names", names_or_nobody(names, language));
    say(language, key, &args)
}

/// The constituency's view as text; `dated` follows the title (see [`super::as_of`]).
pub fn constituency(view: &ConstituencyView, dated: &str, language: Language) -> String {
    let mut out = String::new();
    let mut args = FluentArgs::new();
    args.set("name", written::text(&view.name, language));
    args.set("seats", counted(language, "seats", u64::from(view.seats)));
    let _ = writeln!(out, "{}{dated}", say(language, "constituency-title", &args));
    let mut args = FluentArgs::new();
    args.set("election", view.election.to_string());
    args.set("status", words::contest_state(view.status, language));
    let _ = writeln!(out, "  {}", say(language, "decided-by", &args));
    let _ = writeln!(out, "  {}", seats_line(view, language));
    if view.count_differs {
        let _ = writeln!(out, "  {}", word(language, "count-differs-below"));
    }
    for contest in &view.elections {
        let _ = writeln!(out);
        out.push_str(&contest_text(contest, language));
    }
    if !view.resolutions.is_empty() {
        let _ = writeln!(out, "\n  {}", word(language, "resolutions"));
        for r in &view.resolutions {
            let standing = match (r.adopted, r.in_force) {
                (false, _) => word(language, "resolution-not-adopted"),
                (true, true) => word(language, "resolution-in-force"),
                (true, false) => {
                    let mut args = FluentArgs::new();
                    args.set("by", citations(&r.rescinded_by, language));
                    say(language, "resolution-rescinded", &args)
                }
            };
            let mut args = FluentArgs::new();
            args.set("citation", citation(&r.citation, language));
            args.set("title", written::text(&r.title, language));
            args.set("for", r.votes_for);
            args.set("against", r.against);
            args.set("abstain", r.abstain);
            args.set("standing", standing);
            let _ = writeln!(out, "    {}", say(language, "resolution", &args));
        }
    }
    out
}

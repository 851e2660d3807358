//! One contest in words: its state, the calendar and late acts, turnout, the lot, and the
//! candidates ranked with the marks of the count's steps and their legend.

use super::citation::citation;
use super::{day, padded, say, share, standing_word, word};
use crate::{FluentArgs, Language, number, written};
use std::fmt::Write;
use tandoo_core::candidate::Standing;
use tandoo_core::ids::CandidateId;
use tandoo_core::results::{ContestView, SeatMark, SeatStanding};
use tandoo_core::results::{LateAct, LateKind};
use tandoo_count::Gender;

/// The symbol printed beside a candidate for a step of the count (the same in every
/// language, like a footnote mark), and the catalog key of its legend.
fn mark_symbol(mark: SeatMark) -> (&'static str, &'static str) {
    match mark {
        SeatMark::PassedOverByGenderCap => ("g", "mark-passed-over-by-gender-cap"),
        SeatMark::SeatByGenderCap => ("G", "mark-seat-by-gender-cap"),
        SeatMark::WonTie => ("T", "mark-won-tie"),
        SeatMark::LostTie => ("t", "mark-lost-tie"),
        SeatMark::LostToAgainstAll => ("A", "mark-lost-to-against-all"),
        SeatMark::VotesAnnulled => ("x", "mark-votes-annulled"),
        SeatMark::RegistrationAnnulled => ("r", "mark-registration-annulled"),
        SeatMark::MandateEnded => ("e", "mark-mandate-ended"),
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

fn late_text(late: &LateAct, language: Language) -> String {
    let mut args = FluentArgs::new();
    let act = match (&late.resolution, &late.complaint) {
        (Some(resolution), _) => citation(resolution, language),
        (None, Some(complaint)) => complaint.to_string(),
        (None, None) => String::new(),
    };
    args.set("act", act);
    args.set("dated", day(late.dated, language));
    args.set("due", day(late.due, language));
    let key = match late.kind {
        LateKind::Results => "late-results",
        LateKind::Complaint => "late-complaint",
    };
    say(language, key, &args)
}

/// A candidate's standing in the ranking's column (one word).
fn standing_code(standing: Standing) -> &'static str {
    match standing {
        Standing::Nominated => "nominated",
        Standing::Registered => "registered",
        Standing::Refused => "refused",
        Standing::Withdrawn => "withdrawn",
    }
}

fn gender_letter(gender: Gender, language: Language) -> String {
    word(
        language,
        if gender == Gender::Female {
            "gender-letter-F"
        } else {
            "gender-letter-M"
        },
    )
}

pub(super) fn contest_text(c: &ContestView, language: Language) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {} — {} ({})",
        c.election,
        written::text(&c.election_name, language),
        super::rule_set(&c.rule_set, language)
    );
    let mut args = FluentArgs::new();
    args.set("status", crate::words::contest_state(c.status, language));
    let key = match &c.status_by {
        Some(by) => {
            args.set("by", citation(by, language));
            "contest-status-by"
        }
        None => "contest-status",
    };
    let _ = writeln!(out, "    {}", say(language, key, &args));
    if let Some(differs) = &c.count_differs {
        let mut args = FluentArgs::new();
        args.set("recognised", ids(&differs.recognised, language));
        args.set("counted", ids(&differs.counted, language));
        let _ = writeln!(out, "    {}", say(language, "count-differs-contest", &args));
    }
    for late in &c.late {
        let _ = writeln!(out, "    !! {}", late_text(late, language));
    }
    let mut args = FluentArgs::new();
    args.set("voting_day", day(c.calendar.voting_day, language));
    args.set("results_by", day(c.calendar.results_by, language));
    args.set("days", c.calendar.complaint_days);
    let _ = writeln!(out, "    {}", say(language, "calendar", &args));
    let mut args = FluentArgs::new();
    // Stations are counted as the record counts them, ungrouped, in every language.
    args.set("reported", c.stations_reported.to_string());
    args.set("stations", c.stations.to_string());
    args.set("counted", c.stations_counted.to_string());
    args.set("voters", c.turnout.voters);
    args.set("voted", c.turnout.voted);
    args.set(
        "turnout",
        share(c.turnout.voted, c.turnout.voters, language),
    );
    args.set("lines", c.turnout_lines.join(" + "));
    args.set("invalid", c.invalid_ballots);
    args.set("against_all", c.against_all);
    let _ = writeln!(out, "    {}", say(language, "contest-figures", &args));
    if let Some(other) = &c.turnout_by_took_part {
        let mut args = FluentArgs::new();
        args.set("lines", other.lines.join(" + "));
        args.set("voters", other.voters);
        args.set("percent", share(other.voters, c.voters_on_lists, language));
        let _ = writeln!(out, "    {}", say(language, "contest-by-ballots", &args));
    }
    if let Some(lot) = &c.lot {
        let mut args = FluentArgs::new();
        args.set("drawn_by", lot.drawn_by.as_str());
        args.set("seed", lot.seed.as_str());
        args.set("recorded_by", citation(&lot.recorded_by, language));
        let _ = writeln!(out, "    {}", say(language, "lot", &args));
    }
    let mut used: Vec<SeatMark> = Vec::new();
    for (rank, candidate) in c.candidates.iter().enumerate() {
        let mut notes = Vec::new();
        for (by, key) in [
            (
                &candidate.registration_annulled_by,
                "note-registration-annulled",
            ),
            (&candidate.votes_annulled_by, "note-votes-annulled"),
            (&candidate.barred_by, "note-barred"),
            (&candidate.fee_refunded_by, "note-fee-refunded"),
        ] {
            if let Some(by) = by {
                let mut args = FluentArgs::new();
                args.set("by", citation(by, language));
                notes.push(say(language, key, &args));
            }
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
        let standing = word(
            language,
            &format!("candidate-{}", standing_code(candidate.standing)),
        );
        let name = crate::words::name(&candidate.name, candidate.latin_name.as_deref(), language);
        let _ = writeln!(
            out,
            "    {:>2}. {} {} {} {:>9} {:<3} {standing}{}",
            rank + 1,
            seat_symbol(candidate.seat),
            padded(name, 28),
            gender_letter(candidate.gender, language),
            number::whole(candidate.votes, language),
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
            standing_word(standing, language)
        );
    }
    for mark in used {
        let (symbol, key) = mark_symbol(mark);
        let _ = writeln!(out, "    {symbol} {}", word(language, key));
    }
    if let Some(error) = &c.count_error {
        let mut args = FluentArgs::new();
        args.set("error", crate::count::allocation_error(error, language));
        let _ = writeln!(out, "    {}", say(language, "count-error", &args));
    }
    out
}

/// Candidates by their ids, joined; "nobody" for none.
fn ids(ids: &[CandidateId], language: Language) -> String {
    if ids.is_empty() {
        return word(language, "nobody");
    }
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    ids.join(", ")
}

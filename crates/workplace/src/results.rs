//! The results as the staff read them: the national picture (each constituency's status and
//! seat holders) and one constituency's candidates with their votes and shares, against
//! all, who is elected or allocated, the status with the resolutions behind it. Every
//! result screen can be read as of a past date (`?as_of=YYYY-MM-DD`): the server brings the
//! state as it stood at the end of that day, and the screen says which day it shows.

use maud::{Markup, html};
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::national::{constituency_view, national_view};
use tandoo_core::{LegalDate, State};
use tandoo_present::{FluentArgs, date, number, text, words, written};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// The GET form that asks for the screen as of a date, and the line that says which date
/// is shown.
fn as_of_form(screen: &Screen, action: &str, as_of: Option<LegalDate>) -> Markup {
    let shown = as_of.map(|day| {
        let mut args = FluentArgs::new();
        args.set("date", date::date(day, screen.language));
        screen.say("results-shown-as-of", &args)
    });
    html! {
        form.open method="get" action=(action) {
            div.field {
                label for="as_of" { (screen.word("results-as-of")) }
                input #as_of type="date" name="as_of" value=[as_of.map(|d| d.to_string())];
            }
            button.secondary type="submit" { (screen.word("results-as-of-button")) }
        }
        @if let Some(shown) = shown {
            p.notice { (shown) " " a href=(action) { (screen.word("results-now")) } }
        }
    }
}

/// `/staff/results`: each constituency of `election` with its status and seat holders.
pub fn national(
    screen: &Screen,
    state: &State,
    election: &ElectionId,
    as_of: Option<LegalDate>,
) -> Option<String> {
    let language = screen.language;
    let view = national_view(state, election)?;
    let title = screen.word("results-title");
    let main = html! {
        (as_of_form(screen, address::RESULTS, as_of))
        p { bdi { (written::text(&view.name, language)) } }
        p { (text::seat_count(&view.seat_count, view.seats, language)) }
        table.results {
            caption { (screen.word("results-caption")) }
            thead {
                tr {
                    th scope="col" { (screen.word("constituency")) }
                    th scope="col" { (screen.word("contest-status")) }
                    th scope="col" { (screen.word("results-holders")) }
                }
            }
            tbody {
                @for seat in &view.constituencies {
                    tr {
                        th scope="row" {
                            a href=(with_date(&address::results(seat.constituency), as_of)) { (screen.constituency(state, seat.constituency)) }
                        }
                        td {
                            (words::contest_state(seat.status, language))
                            @if let Some(standing) = seat.seat_standing { " (" (text::standing_word(standing, language)) ")" }
                        }
                        td {
                            @for (i, name) in seat.holders.iter().enumerate() {
                                @if i > 0 { ", " }
                                bdi { (written::candidate_name(name, language)) }
                            }
                        }
                    }
                }
            }
        }
    };
    Some(document(screen, Some(state), &title, main))
}

fn with_date(path: &str, as_of: Option<LegalDate>) -> String {
    match as_of {
        Some(day) => format!("{path}?as_of={day}"),
        None => path.to_owned(),
    }
}

/// `/staff/results/{c}`: one constituency's deciding contest, its status and resolutions.
pub fn constituency(
    screen: &Screen,
    state: &State,
    election: &ElectionId,
    number: ConstituencyNo,
    as_of: Option<LegalDate>,
) -> Option<String> {
    let language = screen.language;
    let view = constituency_view(state, election, number)?;
    let contest = &view.contest;
    let title = screen.constituency(state, number);
    let total: u64 = contest.candidates.iter().map(|c| c.votes).sum::<u64>() + contest.against_all;
    let share = |votes: u64| number::percent(votes, total, language).unwrap_or_default();
    // The ballot-counting boxes' figures, beside the count and never in it.
    let boxes = state
        .contest(election, number)
        .map(|c| &c.preliminary)
        .filter(|p| p.stations > 0);
    let box_note = boxes.map(|p| {
        let mut args = FluentArgs::new();
        args.set("stations", p.stations);
        screen.say("results-box-note", &args)
    });
    let main = html! {
        (as_of_form(screen, &address::results(number), as_of))
        dl.facts {
            dt { (screen.word("results-election")) } dd { bdi { (written::text(&contest.election_name, language)) } }
            dt { (screen.word("contest-status")) }
            dd {
                (words::contest_state(view.status, language))
                @if let Some(by) = &contest.status_by { " — " (text::citation(by, language)) }
            }
            dt { (screen.word("results-holders")) } dd #seats { (text::seats_line(&view, language)) }
        }
        table.results {
            caption { (screen.word("results-candidates-caption")) }
            thead {
                tr {
                    th scope="col" { (screen.word("results-candidate")) }
                    th scope="col" { (screen.word("results-votes")) }
                    th scope="col" { (screen.word("results-share")) }
                    @if boxes.is_some() { th scope="col" { (screen.word("results-box")) } }
                    th scope="col" { (screen.word("results-seat")) }
                }
            }
            tbody {
                @for c in &contest.candidates {
                    tr {
                        th scope="row" { bdi { (words::name(&c.name, c.latin_name.as_deref(), language)) } }
                        td.number { (screen.number(c.votes)) }
                        td.number { (share(c.votes)) }
                        @if let Some(p) = boxes { td.number { (screen.number(p.votes.get(&c.id).copied().unwrap_or(0))) } }
                        td {
                            @if let Some(standing) = c.seat { (text::standing_word(standing, language)) }
                            @if let Some(by) = &c.votes_annulled_by { (screen.word("results-votes-annulled")) " " (text::citation(by, language)) }
                            @if let Some(by) = &c.registration_annulled_by { " " (screen.word("results-registration-annulled")) " " (text::citation(by, language)) }
                        }
                    }
                }
                tr.total {
                    th scope="row" { (screen.word("results-against-all")) }
                    td.number { (screen.number(contest.against_all)) }
                    td.number { (share(contest.against_all)) }
                    @if let Some(p) = boxes { td.number { (screen.number(p.against_all)) } }
                    td {}
                }
            }
        }
        @if let Some(note) = &box_note { p #box-note { (note) } }
        @if as_of.is_none() {
            ul.documents {
                li { a href=(address::document("summary", &number.to_string(), language)) { (screen.word("document-summary")) } }
                @if contest.seat_standing == Some(tandoo_core::results::SeatStanding::Elected) {
                    @for c in contest.candidates.iter().filter(|c| contest.elected.contains(&c.id)) {
                        li { a href=(address::document("certificate", c.id.as_str(), language)) { (screen.word("document-certificate")) ": " bdi { (words::name(&c.name, c.latin_name.as_deref(), language)) } } }
                    }
                }
            }
        }
        h2 { (screen.word("results-count")) }
        @let steps = tandoo_present::count::steps(contest, language);
        @if !steps.is_empty() {
            ol.steps { @for (rule, words) in &steps { li data-rule=(rule) { (words) } } }
        } @else if let Some(error) = &contest.count_error {
            p { (tandoo_present::count::allocation_error(error, language)) }
        } @else {
            p { (screen.word("results-nothing-counted")) }
        }
        @if !view.resolutions.is_empty() {
            h2 { (screen.word("results-resolutions")) }
            ul {
                @for r in &view.resolutions {
                    li {
                        (text::citation(&r.citation, language)) " — "
                        bdi { (written::text(&r.title, language)) }
                        @if !r.in_force && r.adopted {
                            " — " (screen.word("results-rescinded")) " "
                            (text::citations(&r.rescinded_by, language))
                        }
                    }
                }
            }
        }
    };
    Some(document(screen, Some(state), &title, main))
}

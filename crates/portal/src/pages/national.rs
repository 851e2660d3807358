//! `/results`: the national picture — seats by constituency and gender, the seat chart,
//! turnout, stations reported of all, and "preliminary" until every result is determined.

use maud::{Markup, html};
use tandoo_core::national::ConstituencyView;
use tandoo_core::results::{CandidateView, ContestState};
use tandoo_count::Gender;
use tandoo_present::{FluentArgs, words, written};

use super::Views;
use super::hemicycle::{Seat, hemicycle};
use super::page::Page;
use crate::address;

pub fn render(page: &Page, views: &Views) -> String {
    let national = &views.national;
    let title = written::text(&national.name, page.language).to_owned();
    let reported: u32 = views
        .constituencies
        .iter()
        .map(|c| c.contest.stations_reported)
        .sum();
    let stations: u32 = views
        .constituencies
        .iter()
        .map(|c| c.contest.stations)
        .sum();
    let main = html! {
        (standing_banner(page, views))
        section.figures #national-figures data-live="national-figures" aria-labelledby="figures-heading" {
            h2 #figures-heading { (page.word("figures-heading")) }
            dl.figures {
                dt { (page.word("seats-label")) }
                dd { (tandoo_present::text::seat_count(&national.seat_count, national.seats, page.language)) }
                dt { (page.word("women-men-label")) }
                dd { (women_and_men(page, national.women, national.men)) }
                dt { (page.word("turnout-label")) }
                dd { (turnout(page, national.turnout.voted, national.turnout.voters)) }
                dt { (page.word("stations-label")) }
                dd { (stations_reported(page, reported, stations)) }
                @if let Some(check) = &national.gender_check {
                    dt { (page.word("gender-check-label")) }
                    dd { (tandoo_present::text::gender_check(check, page.language)) }
                }
            }
        }
        section aria-labelledby="chart-heading" {
            h2 #chart-heading { (page.word("chart-heading")) }
            (hemicycle(page, &seats(views)))
        }
        (table(page, views))
    };
    super::layout::document(page, &title, &[], main)
}

/// Whether any constituency still counts or waits for its result to be determined.
pub fn preliminary(views: &Views) -> bool {
    views.constituencies.iter().any(|c| {
        matches!(
            c.status,
            ContestState::AwaitingProtocols
                | ContestState::Counting
                | ContestState::ResultsBeingDetermined
                | ContestState::AwaitingLot
        )
    })
}

fn standing_banner(page: &Page, views: &Views) -> Markup {
    html! {
        @if preliminary(views) {
            p.standing.preliminary #standing data-live="standing" { strong { (page.word("preliminary")) } }
        } @else {
            p.standing.determined #standing data-live="standing" { (page.word("determined")) }
        }
    }
}

/// Those holding or heading for a constituency's seats, in seat order.
pub fn holders(view: &ConstituencyView) -> Vec<&CandidateView> {
    view.contest
        .seat_holders()
        .iter()
        .filter_map(|id| view.contest.candidates.iter().find(|c| &c.id == id))
        .collect()
}

/// Every seat of the country, by who holds it; a constituency's seats nobody holds are
/// empty seats.
fn seats(views: &Views) -> Vec<Seat> {
    let mut seats = Vec::new();
    for view in &views.constituencies {
        let holders = holders(view);
        seats.extend(holders.iter().map(|c| Seat {
            holder: Some(c.gender),
        }));
        let empty = (view.seats as usize).saturating_sub(holders.len());
        seats.extend((0..empty).map(|_| Seat { holder: None }));
    }
    seats
}

pub fn women_and_men(page: &Page, women: u32, men: u32) -> String {
    let mut args = FluentArgs::new();
    args.set("women", women);
    args.set("men", men);
    page.say("women-men", &args)
}

pub fn turnout(page: &Page, voted: u64, voters: u64) -> String {
    let mut args = FluentArgs::new();
    args.set("voted", voted);
    args.set("voters", voters);
    args.set("percent", page.percent(voted, voters));
    page.say("turnout", &args)
}

pub fn stations_reported(page: &Page, reported: u32, stations: u32) -> String {
    let mut args = FluentArgs::new();
    args.set("reported", reported);
    args.set("stations", stations);
    page.say("stations-reported", &args)
}

fn table(page: &Page, views: &Views) -> Markup {
    html! {
        section aria-labelledby="constituencies-heading" {
            h2 #constituencies-heading { (page.word("constituencies-heading")) }
            div.table-scroll tabindex="0" role="region" aria-labelledby="constituencies-caption" {
                table #constituencies data-live="constituencies" {
                    caption #constituencies-caption { (page.word("constituencies-caption")) }
                    thead {
                        tr {
                            th scope="col" { (page.word("col-constituency")) }
                            th scope="col" { (page.word("col-status")) }
                            th scope="col" class="num" { (page.word("col-seats")) }
                            th scope="col" class="num" { (page.word("col-women")) }
                            th scope="col" class="num" { (page.word("col-men")) }
                            th scope="col" { (page.word("col-holders")) }
                            th scope="col" class="num" { (page.word("col-stations")) }
                            th scope="col" class="num" { (page.word("col-turnout")) }
                        }
                    }
                    tbody {
                        @for view in &views.constituencies {
                            @let holders = holders(view);
                            @let women = holders.iter().filter(|c| c.gender == Gender::Female).count() as u64;
                            tr data-constituency=(view.constituency.0) {
                                th scope="row" {
                                    a href=(page.link(&address::constituency(view.constituency))) {
                                        (super::constituency::name(page, view))
                                    }
                                }
                                td { (words::contest_state(view.status, page.language)) }
                                td.num { (view.seats) }
                                td.num { (page.number(women)) }
                                td.num { (page.number(holders.len() as u64 - women)) }
                                td {
                                    @if holders.is_empty() {
                                        (page.word("nobody"))
                                    } @else {
                                        @if let Some(standing) = view.seat_standing {
                                            span.seat-standing { (tandoo_present::text::standing_word(standing, page.language)) ": " }
                                        }
                                        @for (i, c) in holders.iter().enumerate() {
                                            @if i > 0 { ", " }
                                            bdi { (words::name(&c.name, c.latin_name.as_deref(), page.language)) }
                                        }
                                    }
                                }
                                td.num { (view.contest.stations_reported) "/" (view.contest.stations) }
                                td.num { (page.percent(view.contest.turnout.voted, view.contest.turnout.voters)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

//! `/results/{c}`: a constituency's candidates with votes and shares, "against all", who is
//! elected and why (the count's steps in words, the gender rule when it applied), the status
//! with the resolutions that made it so, and every station's protocol figures.

use maud::{Markup, html};
use tandoo_core::national::ConstituencyView;
use tandoo_core::progress::station_status;
use tandoo_core::protocol::{AGAINST_ALL, ProtocolKey};
use tandoo_core::results::{CandidateView, ContestView, ResolutionSummary};
use tandoo_present::{FluentArgs, words, written};

use super::Views;
use super::national::{stations_reported, turnout};
use super::page::Page;
use crate::address;

pub fn render(page: &Page, views: &Views, view: &ConstituencyView) -> String {
    let title = name(page, view);
    let contest = &view.contest;
    let main = html! {
        (status(page, view))
        (figures(page, contest))
        (candidates(page, contest))
        (count_steps(page, views, contest))
        (resolutions(page, &view.resolutions))
        (stations(page, views, view))
        @if page.edition.as_of.is_none() {
            (documents(page, contest))
        }
    };
    let data = [(
        address::constituency_data(view.constituency),
        "portal-data-constituency-json".to_owned(),
    )];
    super::layout::document(page, &title, &data, main)
}

/// The summary protocol as the district commission prints it, and the certificate of each
/// deputy recognised as elected.
fn documents(page: &Page, contest: &ContestView) -> Markup {
    let elected = match contest.seat_standing {
        Some(tandoo_core::results::SeatStanding::Elected) => contest.elected.as_slice(),
        _ => &[],
    };
    html! {
        section #documents aria-labelledby="documents-heading" {
            h2 #documents-heading { (page.word("documents-heading")) }
            ul.documents {
                li { a href=(address::document("summary", &contest.constituency.to_string(), page.language)) { (page.word("document-summary")) } }
                @for id in elected {
                    @let name = contest.candidates.iter().find(|c| c.id == *id).map_or(id.as_str(), |c| candidate_name(page, c));
                    li { a href=(address::document("certificate", id.as_str(), page.language)) { (page.word("document-certificate")) ": " bdi { (name) } } }
                }
            }
        }
    }
}

/// A constituency's name for this reader, with its number.
pub fn name(page: &Page, view: &ConstituencyView) -> String {
    page.numbered(
        "constituency-title",
        &view.constituency.to_string(),
        written::text(&view.name, page.language),
    )
}

/// A resolution's citation, linked to its page when it has one.
pub fn cited(page: &Page, citation: &tandoo_core::resolution::Citation) -> Markup {
    let text = page.citation(citation);
    html! {
        @match address::cited(citation) {
            Some(path) => a href=(page.link(&path)) { (text) },
            None => (text),
        }
    }
}

fn status(page: &Page, view: &ConstituencyView) -> Markup {
    let contest = &view.contest;
    html! {
        section.status #status data-live="constituency-status" aria-labelledby="status-heading" {
            h2 #status-heading { (page.word("status-heading")) }
            p.contest-state data-state=[words::code_of(&contest.status, None)] {
                strong { (words::contest_state(contest.status, page.language)) }
                @if let Some(by) = &contest.status_by {
                    " — " (cited(page, by))
                }
            }
            p.seats-line { (tandoo_present::text::seats_line(view, page.language)) }
            // An earlier election declared invalid or a repeat cancelled is part of why the
            // seats stand as they do.
            @if view.elections.len() > 1 {
                (elections(page, &view.elections))
            }
            @if let Some(differs) = &contest.count_differs {
                p.warning role="note" {
                    (page.say("count-differs", &names_args(page, contest, &differs.recognised, &differs.counted)))
                }
            }
        }
    }
}

fn names_args<'a>(
    page: &Page,
    contest: &ContestView,
    recognised: &[tandoo_core::ids::CandidateId],
    counted: &[tandoo_core::ids::CandidateId],
) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    args.set("recognised", id_names(page, contest, recognised));
    args.set("counted", id_names(page, contest, counted));
    args
}

/// Candidates' names by their ids, joined; their ids where the contest has no such
/// candidate.
fn id_names(page: &Page, contest: &ContestView, ids: &[tandoo_core::ids::CandidateId]) -> String {
    ids.iter()
        .map(|id| {
            contest
                .candidates
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| id.to_string(), |c| candidate_name(page, c).to_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn figures(page: &Page, contest: &ContestView) -> Markup {
    html! {
        section.figures #constituency-figures data-live="constituency-figures" aria-labelledby="figures-heading" {
            h2 #figures-heading { (page.word("figures-heading")) }
            dl.figures {
                dt { (page.word("stations-label")) }
                dd { (stations_reported(page, contest.stations_reported, contest.stations)) }
                dt { (page.word("voters-label")) }
                dd { (page.number(contest.voters_on_lists)) }
                dt { (page.word("turnout-label")) }
                dd { (turnout(page, contest.turnout.voted, contest.turnout.voters)) }
                dt { (page.word("invalid-label")) }
                dd { (page.number(contest.invalid_ballots)) }
                dt { (page.word("against-all-label")) }
                dd { (page.number(contest.against_all)) " (" (page.percent(contest.against_all, contest.turnout_voters)) ")" }
            }
        }
    }
}

fn candidate_name<'v>(page: &Page, c: &'v CandidateView) -> &'v str {
    words::name(&c.name, c.latin_name.as_deref(), page.language)
}

fn candidates(page: &Page, contest: &ContestView) -> Markup {
    html! {
        section aria-labelledby="candidates-heading" {
            h2 #candidates-heading { (page.word("candidates-heading")) }
            div.table-scroll tabindex="0" role="region" aria-labelledby="candidates-caption" {
                table #candidates data-live="candidates" {
                    caption #candidates-caption { (page.word("candidates-caption")) }
                    thead {
                        tr {
                            th scope="col" class="num" { (page.word("col-rank")) }
                            th scope="col" { (page.word("col-candidate")) }
                            th scope="col" { (page.word("col-gender")) }
                            th scope="col" class="num" { (page.word("col-votes")) }
                            th scope="col" class="num" { (page.word("col-share")) }
                            th scope="col" { (page.word("col-seat")) }
                            th scope="col" class="notes" { (page.word("col-notes")) }
                        }
                    }
                    tbody {
                        @for (rank, c) in contest.candidates.iter().enumerate() {
                            tr data-candidate=(c.id.as_str()) class=[c.seat.map(|_| "holds-seat")] {
                                td.num { (rank + 1) }
                                th scope="row" { bdi { (candidate_name(page, c)) } }
                                td { (words::gender(c.gender, page.language)) }
                                td.num { (page.number(c.votes)) }
                                td.num { (page.percent(c.votes, contest.turnout_voters)) }
                                td {
                                    @if let Some(seat) = c.seat {
                                        strong { (tandoo_present::text::standing_word(seat, page.language)) }
                                    }
                                }
                                td.notes { (notes(page, c)) }
                            }
                        }
                    }
                    tfoot {
                        tr {
                            td {}
                            th scope="row" { (page.word("against-all-label")) }
                            td {}
                            td.num { (page.number(contest.against_all)) }
                            td.num { (page.percent(contest.against_all, contest.turnout_voters)) }
                            td {}
                            td {}
                        }
                    }
                }
            }
            p.hint { (page.word("share-hint")) }
        }
    }
}

/// What resolutions did to a candidate, and the marks the count's steps put on them.
fn notes(page: &Page, c: &CandidateView) -> Markup {
    let by = [
        (&c.registration_annulled_by, "note-registration-annulled"),
        (&c.votes_annulled_by, "note-votes-annulled"),
        (&c.barred_by, "note-barred"),
        (&c.fee_refunded_by, "note-fee-refunded"),
    ];
    html! {
        ul.notes {
            @for (citation, key) in by {
                @if let Some(citation) = citation {
                    li { (page.word(key)) " " (cited(page, citation)) }
                }
            }
            @for mark in c.marks.iter().filter(|m| !cited_above(c, **m)) {
                li.mark { (mark_words(page, *mark)) }
            }
        }
    }
}

/// Whether a mark says only what a note with its resolution already said (votes or
/// registration annulled, by which resolution).
fn cited_above(c: &CandidateView, mark: tandoo_core::results::SeatMark) -> bool {
    use tandoo_core::results::SeatMark;
    match mark {
        SeatMark::VotesAnnulled => c.votes_annulled_by.is_some(),
        SeatMark::RegistrationAnnulled => c.registration_annulled_by.is_some(),
        _ => false,
    }
}

fn mark_words(page: &Page, mark: tandoo_core::results::SeatMark) -> String {
    use tandoo_core::results::SeatMark;
    let key = match mark {
        SeatMark::PassedOverByGenderCap => "status-mark-passed-over-by-gender-cap",
        SeatMark::SeatByGenderCap => "status-mark-seat-by-gender-cap",
        SeatMark::WonTie => "status-mark-won-tie",
        SeatMark::LostTie => "status-mark-lost-tie",
        SeatMark::LostToAgainstAll => "status-mark-lost-to-against-all",
        SeatMark::VotesAnnulled => "status-mark-votes-annulled",
        SeatMark::RegistrationAnnulled => "status-mark-registration-annulled",
        SeatMark::MandateEnded => "status-mark-mandate-ended",
    };
    tandoo_present::catalog::text(page.language, key, None)
}

/// Who is elected and why: the count's steps in words, and the gender rule when it
/// changed who takes a seat.
fn count_steps(page: &Page, views: &Views, contest: &ContestView) -> Markup {
    let max_per_gender = views
        .state
        .elections
        .get(&contest.election)
        .and_then(|e| e.call.rule_set.max_per_gender);
    let gender_rule_applied = contest
        .allocation
        .as_ref()
        .is_some_and(|a| a.steps.iter().any(|s| s.rule == "gender_cap"));
    let mut rule = FluentArgs::new();
    rule.set("max", max_per_gender.unwrap_or_default());
    rule.set("seats", contest.seats);
    let steps = tandoo_present::count::steps(contest, page.language);
    html! {
        section #count data-live="count" aria-labelledby="count-heading" {
            h2 #count-heading { (page.word("count-heading")) }
            @if max_per_gender.is_some() && gender_rule_applied {
                p.gender-rule role="note" { strong { (page.say("gender-rule-applied", &rule)) } }
            }
            @match &contest.allocation {
                Some(_) => {
                    ol.steps {
                        @for (rule, words) in &steps {
                            li data-rule=(rule) { (words) }
                        }
                    }
                },
                None => {
                    @match &contest.count_error {
                        Some(error) => p { (tandoo_present::count::allocation_error(error, page.language)) },
                        None => p { (page.word("nothing-counted")) },
                    }
                },
            }
        }
    }
}

pub fn resolutions(page: &Page, list: &[ResolutionSummary]) -> Markup {
    html! {
        section #resolutions aria-labelledby="resolutions-heading" {
            h2 #resolutions-heading { (page.word("resolutions-heading")) }
            @if list.is_empty() {
                p { (page.word("no-resolutions")) }
            } @else {
                ul.resolutions {
                    @for r in list {
                        li {
                            (cited(page, &r.citation)) " — "
                            (written::text(&r.title, page.language))
                            " "
                            span.votes { "(" (votes(page, r.votes_for, r.against, r.abstain)) ")" }
                            " — "
                            (standing(page, r))
                        }
                    }
                }
            }
        }
    }
}

pub fn votes(page: &Page, votes_for: u32, against: u32, abstain: u32) -> String {
    let mut args = FluentArgs::new();
    args.set("for", votes_for);
    args.set("against", against);
    args.set("abstain", abstain);
    page.say("votes", &args)
}

/// Whether a resolution holds: not adopted, in force, or rescinded (by which).
pub fn standing(page: &Page, r: &ResolutionSummary) -> Markup {
    html! {
        @if !r.adopted {
            span.lapsed { (page.word("not-adopted")) }
        } @else if !r.rescinded_by.is_empty() {
            span.lapsed {
                (page.word("rescinded-by")) " "
                @for (i, by) in r.rescinded_by.iter().enumerate() {
                    @if i > 0 { ", " }
                    (cited(page, by))
                }
            }
        } @else if r.in_force {
            span.in-force { (page.word("in-force")) }
        } @else {
            span.lapsed { (page.word("not-in-force")) }
        }
    }
}

fn elections(page: &Page, list: &[ContestView]) -> Markup {
    html! {
        div.elections {
            h3 { (page.word("elections-heading")) }
            ul {
                @for e in list {
                    li {
                        (e.election) " — " (written::text(&e.election_name, page.language)) ": "
                        (words::contest_state(e.status, page.language))
                        @if let Some(by) = &e.status_by { " — " (cited(page, by)) }
                    }
                }
            }
        }
    }
}

fn stations(page: &Page, views: &Views, view: &ConstituencyView) -> Markup {
    let state = views.state;
    let Some(form) = views.form(&view.election, page.language) else {
        return html! {};
    };
    let lines = &form.lines;
    let ids = super::station::stations(state, view.constituency);
    html! {
        section #stations aria-labelledby="stations-heading" {
            h2 #stations-heading { (page.word("stations-heading")) }
            div.table-scroll tabindex="0" role="region" aria-labelledby="stations-caption" {
                table.stations data-live="stations" {
                    caption #stations-caption { (page.word("stations-caption")) }
                    thead {
                        tr {
                            th scope="col" { (page.word("col-station")) }
                            th scope="col" { (page.word("col-status")) }
                            th scope="col" class="num" { (page.word("col-version")) }
                            @for (code, label) in lines {
                                th scope="col" class="num" { abbr title=(label) { (code) } }
                            }
                        }
                    }
                    tbody {
                        @for &station in ids {
                            @let key = ProtocolKey { election: view.election.clone(), station, constituency: view.constituency };
                            @let slot = state.protocols.get(&key);
                            @let latest = slot.and_then(|s| s.latest());
                            tr data-station=(station.0) {
                                th scope="row" {
                                    a href=(page.link(&address::station(view.constituency, station))) { (station) }
                                }
                                td { (words::station_status(station_status(state, slot), page.language)) }
                                td.num { @if let Some(v) = latest { (v.version) } }
                                @for (code, _) in lines {
                                    td.num {
                                        @if let Some(v) = latest {
                                            @if code == AGAINST_ALL {
                                                (page.number(v.figures.against_all))
                                            } @else {
                                                (page.number(v.figures.line(code)))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

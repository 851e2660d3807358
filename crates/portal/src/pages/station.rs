//! `/results/{c}/stations/{s}`: one station's protocol — every line of the form with the
//! preliminary figures of the ballot-counting box beside it, every accepted version with
//! its corrections, the resolutions that annulled it, and the incidents recorded there.

use maud::{Markup, html};
use tandoo_core::State;
use tandoo_core::ids::{ConstituencyNo, StationId};
use tandoo_core::national::ConstituencyView;
use tandoo_core::progress::station_status;
use tandoo_core::protocol::{AGAINST_ALL, AcceptedFigures, PreliminaryFigures, ProtocolKey};
use tandoo_core::state::{ProtocolSlot, ProtocolVersion};
use tandoo_present::{FluentArgs, words, written};

use super::Views;
use super::constituency::cited;
use super::page::Page;
use crate::address;

/// The stations whose lists hold the constituency's voters, in the register's order.
pub fn stations(state: &State, constituency: ConstituencyNo) -> &[StationId] {
    state
        .rolls
        .get(&constituency)
        .map_or(&[], |roll| roll.station_ids.as_slice())
}

pub fn render(page: &Page, views: &Views, view: &ConstituencyView, station: StationId) -> String {
    let state = views.state;
    let key = ProtocolKey {
        election: view.election.clone(),
        station,
        constituency: view.constituency,
    };
    let slot = state.protocols.get(&key);
    let name = state.stations.get(&station).map_or("", |s| s.name.as_str());
    let title = page.numbered("station-title", &station.to_string(), name);
    let mut back = FluentArgs::new();
    back.set("name", super::constituency::name(page, view));
    let main = html! {
        p.back { a href=(page.link(&address::constituency(view.constituency))) { (page.say("back-to-constituency", &back)) } }
        section.status #station-status data-live="station-status" aria-labelledby="status-heading" {
            h2 #status-heading { (page.word("status-heading")) }
            p { strong { (words::station_status(station_status(state, slot), page.language)) } }
            @if let Some(slot) = slot {
                (annulled(page, state, slot))
                @if !slot.round.is_empty() && !slot.versions.is_empty() {
                    p.warning role="note" {
                        (page.word("correction-in-progress"))
                        @if let Some(reason) = &slot.round_reason { ": " bdi { (reason) } }
                    }
                }
            }
        }
        (protocol(page, views, &key, slot))
        @if let Some(slot) = slot.filter(|s| !s.versions.is_empty()) {
            (versions(page, slot))
        }
        (incidents(page, state, &key))
        @if page.edition.as_of.is_none() {
            (documents(page, &key))
        }
        @if page.edition.as_of.is_none() && slot.and_then(ProtocolSlot::latest).is_some() {
            (report(page, &key))
        }
    };
    super::layout::document(page, &title, &[], main)
}

fn annulled(page: &Page, state: &State, slot: &ProtocolSlot) -> Markup {
    html! {
        @for key in &slot.annulled_by {
            @if let Some(citation) = state.citation(*key) {
                p { (page.word("annulled-by")) " " (cited(page, &citation)) }
            }
        }
    }
}

/// The figure of a line (or "against all") in accepted figures.
fn figure(figures: &AcceptedFigures, code: &str) -> u64 {
    if code == AGAINST_ALL {
        figures.against_all
    } else {
        figures.line(code)
    }
}

/// The same line as the ballot-counting box gave it, when it gave it.
fn preliminary(figures: &PreliminaryFigures, code: &str) -> Option<u64> {
    if code == AGAINST_ALL {
        figures.against_all
    } else {
        figures.lines.get(code).copied()
    }
}

fn protocol(page: &Page, views: &Views, key: &ProtocolKey, slot: Option<&ProtocolSlot>) -> Markup {
    let state = views.state;
    let Some(form) = views.form(&key.election, page.language) else {
        return html! {};
    };
    let latest = slot.and_then(ProtocolSlot::latest);
    let box_figures = slot.and_then(|s| s.preliminary.as_ref());
    let ballot = state
        .ballots
        .get(&(key.election.clone(), key.constituency))
        .map_or(&[][..], Vec::as_slice);
    html! {
        section #protocol data-live="protocol" aria-labelledby="protocol-heading" {
            h2 #protocol-heading { (form.title) }
            @if latest.is_none() {
                p { (page.word("no-protocol")) }
            }
            div.table-scroll tabindex="0" role="region" aria-labelledby="protocol-caption" {
                table.protocol {
                    caption #protocol-caption { (page.word("protocol-caption")) }
                    thead {
                        tr {
                            th scope="col" { (page.word("col-line")) }
                            th scope="col" { (page.word("col-meaning")) }
                            th scope="col" class="num" { (page.word("col-figure")) }
                            @if box_figures.is_some() {
                                th scope="col" class="num" { (page.word("col-preliminary")) }
                            }
                        }
                    }
                    tbody {
                        @for (code, label) in &form.lines {
                            tr {
                                th scope="row" { (code) }
                                td { (label) }
                                td.num { @if let Some(v) = latest { (page.number(figure(&v.figures, code))) } }
                                @if let Some(b) = box_figures {
                                    td.num { @if let Some(n) = preliminary(b, code) { (page.number(n)) } }
                                }
                            }
                        }
                        @for id in ballot {
                            @let name = state.candidates.get(id).map(|c| c.nomination.candidate_name());
                            tr {
                                th scope="row" { bdi { @if let Some(name) = &name { (written::candidate_name(name, page.language)) } @else { (id) } } }
                                td { (page.word("votes-for-candidate")) }
                                td.num { @if let Some(v) = latest { (page.number(v.figures.candidates.get(id).copied().unwrap_or(0))) } }
                                @if let Some(b) = box_figures {
                                    td.num { @if let Some(n) = b.candidates.get(id) { (page.number(*n)) } }
                                }
                            }
                        }
                    }
                }
            }
            @if box_figures.is_some() {
                p.hint { (page.word("preliminary-hint")) }
            } @else {
                p.hint { (page.word("no-preliminary")) }
            }
        }
    }
}

/// Every accepted version, oldest first, with what a correction changed.
fn versions(page: &Page, slot: &ProtocolSlot) -> Markup {
    html! {
        section #versions aria-labelledby="versions-heading" {
            h2 #versions-heading { (page.word("versions-heading")) }
            div.table-scroll tabindex="0" role="region" aria-labelledby="versions-caption" {
                table.versions {
                    caption #versions-caption { (page.word("versions-caption")) }
                    thead {
                        tr {
                            th scope="col" class="num" { (page.word("col-version")) }
                            th scope="col" { (page.word("col-date")) }
                            th scope="col" { (page.word("col-entries")) }
                            th scope="col" { (page.word("col-correction")) }
                        }
                    }
                    tbody {
                        @for (i, v) in slot.versions.iter().enumerate() {
                            tr {
                                th scope="row" class="num" { (v.version) }
                                td { (page.date(v.date)) }
                                td { (entries(page, v)) }
                                td {
                                    @if let Some(reason) = &v.correction_reason { bdi { (reason) } }
                                    @if i > 0 { (changes(page, &slot.versions[i - 1], v)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn entries(page: &Page, v: &ProtocolVersion) -> String {
    let mut args = FluentArgs::new();
    args.set("entries", v.entries.len());
    match &v.settled_by {
        Some(by) => {
            args.set("by", by.clone());
            page.say("entries-settled", &args)
        }
        None => page.say("entries-agreed", &args),
    }
}

/// The lines and votes a correction changed, `code: before → after`.
fn changes(page: &Page, before: &ProtocolVersion, after: &ProtocolVersion) -> Markup {
    let (a, b) = (&before.figures, &after.figures);
    let mut changed: Vec<(String, u64, u64)> = b
        .lines
        .iter()
        .filter(|(code, n)| a.line(code) != **n)
        .map(|(code, n)| (code.clone(), a.line(code), *n))
        .collect();
    changed.extend(
        b.candidates
            .iter()
            .filter(|(id, n)| a.candidates.get(*id) != Some(n))
            .map(|(id, n)| {
                (
                    id.to_string(),
                    a.candidates.get(id).copied().unwrap_or(0),
                    *n,
                )
            }),
    );
    if a.against_all != b.against_all {
        changed.push((AGAINST_ALL.to_owned(), a.against_all, b.against_all));
    }
    html! {
        @if !changed.is_empty() {
            ul.changes {
                @for (code, old, new) in &changed {
                    li { (code) ": " (page.number(*old)) " → " (page.number(*new)) }
                }
            }
        }
    }
}

fn incidents(page: &Page, state: &State, key: &ProtocolKey) -> Markup {
    let here: Vec<_> = state
        .incidents
        .values()
        .filter(|(_, i)| i.station == key.station && i.constituency == key.constituency)
        .collect();
    html! {
        section #incidents aria-labelledby="incidents-heading" {
            h2 #incidents-heading { (page.word("incidents-heading")) }
            @if here.is_empty() {
                p { (page.word("no-incidents")) }
            } @else {
                ul.incidents {
                    @for (stamp, incident) in here {
                        li {
                            time datetime=(stamp.date.to_string()) { (page.date(stamp.date)) }
                            " — " bdi { (incident.description) }
                            " (" (page.word("incident-source")) " " bdi { (incident.source) } ")"
                        }
                    }
                }
            }
        }
    }
}

/// The station's protocol as the commission prints it, and its blank form.
fn documents(page: &Page, key: &ProtocolKey) -> Markup {
    let ids = format!("{}/{}", key.constituency, key.station);
    html! {
        section #documents aria-labelledby="documents-heading" {
            h2 #documents-heading { (page.word("documents-heading")) }
            ul.documents {
                li { a href=(address::document("protocol", &ids, page.language)) { (page.word("document-protocol")) } }
                li { a href=(address::document("blank-protocol", &ids, page.language)) { (page.word("document-blank-protocol")) } }
            }
        }
    }
}

/// The way to report a problem with the published protocol: a plain link to the live
/// form, the same in every publication (the form's token is made when the form is asked
/// for, never here). Only on the present page: a report is against the protocol as it
/// stands.
fn report(page: &Page, key: &ProtocolKey) -> Markup {
    html! {
        section #report aria-labelledby="report-heading" {
            h2 #report-heading { (page.word("report-heading")) }
            p { (page.word("report-intro")) }
            p { a href=(address::report_form(key.constituency, key.station, page.language)) { (page.word("report-link")) } }
        }
    }
}

//! The constituencies of the main election with where protocol entry stands in each and the
//! contest's status; and one constituency's polling stations with their protocols' status.

use maud::{Markup, html};
use tandoo_core::State;
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::national::constituency_status;
use tandoo_core::progress::{Progress, StationStatus, constituency_progress, station_status};
use tandoo_core::protocol::ProtocolKey;
use tandoo_present::{FluentArgs, words};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// The columns of progress, in the order a protocol goes through them.
const COLUMNS: [StationStatus; 5] = [
    StationStatus::NotEntered,
    StationStatus::FirstEntry,
    StationStatus::Differences,
    StationStatus::Accepted,
    StationStatus::Annulled,
];

pub fn list(screen: &Screen, state: &State, election: &ElectionId) -> String {
    let language = screen.language;
    let title = screen.word("constituencies-title");
    let constituencies = state
        .elections
        .get(election)
        .map(|e| e.call.constituencies.clone())
        .unwrap_or_default();
    let main = html! {
        table.progress {
            caption { (screen.word("constituencies-caption")) }
            thead {
                tr {
                    th scope="col" { (screen.word("constituency")) }
                    th scope="col" { (screen.word("stations")) }
                    @for status in COLUMNS {
                        th scope="col" { (words::station_status(status, language)) }
                    }
                    th scope="col" { (screen.word("contest-status")) }
                }
            }
            tbody {
                @for number in constituencies {
                    @let progress = constituency_progress(state, election, number);
                    tr {
                        th scope="row" {
                            a href=(address::constituency(number)) { (screen.constituency(state, number)) }
                        }
                        td.number { (screen.number(progress.stations.into())) }
                        @for status in COLUMNS {
                            td.number { (screen.number(count(&progress, status).into())) }
                        }
                        td {
                            @if let Some(status) = constituency_status(state, election, number) {
                                (words::contest_state(status, language))
                            }
                        }
                    }
                }
            }
        }
    };
    document(screen, Some(state), &title, main)
}

/// One constituency's stations, each with its protocol's status and, for a viewer who
/// enters or settles protocols here, a link to do it.
pub fn stations(
    screen: &Screen,
    state: &State,
    election: &ElectionId,
    number: ConstituencyNo,
) -> Option<String> {
    let language = screen.language;
    let roll = state.rolls.get(&number)?;
    let title = screen.constituency(state, number);
    let progress = constituency_progress(state, election, number);
    let main = html! {
        p { (summary(screen, &progress)) }
        table.stations {
            caption { (screen.word("stations-caption")) }
            thead {
                tr {
                    th scope="col" { (screen.word("station")) }
                    th scope="col" { (screen.word("station-name")) }
                    th scope="col" { (screen.word("voters-on-list")) }
                    th scope="col" { (screen.word("protocol-status")) }
                }
            }
            tbody {
                @for id in &roll.station_ids {
                    @let key = ProtocolKey { election: election.clone(), station: *id, constituency: number };
                    @let status = station_status(state, state.protocols.get(&key));
                    @let def = state.stations.get(id);
                    tr {
                        th scope="row" {
                            @if screen.works_on(state, number) {
                                a href=(address::protocol(number, *id)) { (id) }
                            } @else {
                                (id)
                            }
                        }
                        td { bdi { (def.map_or("", |d| d.name.as_str())) } }
                        td.number { (screen.number(def.map_or(0, |d| d.voters))) }
                        td { (words::station_status(status, language)) }
                    }
                }
            }
        }
    };
    Some(document(screen, Some(state), &title, main))
}

fn summary(screen: &Screen, progress: &Progress) -> Markup {
    let mut args = FluentArgs::new();
    args.set("counted", progress.counted);
    args.set("stations", progress.stations);
    html! { (screen.say("constituency-progress", &args)) }
}

fn count(progress: &Progress, status: StationStatus) -> u32 {
    let n = |s| progress.by_status.get(&s).copied().unwrap_or(0);
    match status {
        // A new entry ordered is still a protocol in its first round of entry.
        StationStatus::FirstEntry => {
            n(StationStatus::FirstEntry) + n(StationStatus::NewEntryOrdered)
        }
        StationStatus::Accepted => n(StationStatus::Accepted) + n(StationStatus::Corrected),
        other => n(other),
    }
}

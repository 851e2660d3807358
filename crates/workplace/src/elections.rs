//! The elections, each with its kind, voting day, statutory calendar, constituencies (with
//! each contest's status) and whether it stands or is cancelled; and one constituency's
//! polling stations with their voters and the commission that works at each.

use maud::html;
use tandoo_core::State;
use tandoo_core::commission::CommissionLevel;
use tandoo_core::election::Election;
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::{ConstituencyNo, StationId};
use tandoo_core::national::constituency_view;
use tandoo_present::text::citation;
use tandoo_present::{FluentArgs, date, words, written};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

pub fn list(screen: &Screen, state: &State) -> String {
    let language = screen.language;
    let title = screen.word("elections-title");
    let main = html! {
        @if state.elections.is_empty() {
            p { (screen.word("elections-none")) }
        }
        @for (n, (id, election)) in state.elections.iter().enumerate() {
            @let heading = format!("election-{n}");
            @let calendar = election.calendar();
            section aria-labelledby=(heading) {
                h2 id=(heading) { bdi { (written::text(&election.call.name, language)) } }
                dl.facts {
                    dt { (screen.word("election-id")) } dd { (id) }
                    dt { (screen.word("election-kind")) } dd { (screen.word(kind_key(election.call.kind))) }
                    @if let Some(of) = &election.call.repeat_of {
                        dt { (screen.word("election-repeat-of")) }
                        dd { bdi { (state.elections.get(of).map_or_else(|| of.to_string(),
                            |e| written::text(&e.call.name, language).to_owned())) } }
                    }
                    dt { (screen.word("election-voting-day")) } dd { (date::date(calendar.voting_day, language)) }
                    dt { (screen.word("election-results-by")) } dd { (date::date(calendar.results_by, language)) }
                    dt { (screen.word("election-complaint-days")) }
                    dd { (screen.say("election-days", &{
                        let mut a = FluentArgs::new();
                        a.set("days", calendar.complaint_days);
                        a
                    })) }
                    dt { (screen.word("election-status")) } dd { (status(screen, state, election)) }
                }
                table {
                    caption { (screen.say("election-constituencies-caption", &{
                        let mut a = FluentArgs::new();
                        a.set("election", written::text(&election.call.name, language).to_owned());
                        a
                    })) }
                    thead { tr {
                        th scope="col" { (screen.word("constituency")) }
                        th scope="col" { (screen.word("contest-status")) }
                    } }
                    tbody {
                        @for &c in &election.call.constituencies {
                            tr {
                                th scope="row" { a href=(address::stations(c)) { (screen.constituency(state, c)) } }
                                td { @if let Some(view) = constituency_view(state, id, c) {
                                    (words::contest_state(view.status, language))
                                } }
                            }
                        }
                    }
                }
            }
        }
    };
    document(screen, Some(state), &title, main)
}

fn kind_key(kind: ElectionKind) -> &'static str {
    match kind {
        ElectionKind::Regular => "election-kind-regular",
        ElectionKind::Early => "election-kind-early",
        ElectionKind::Repeat => "election-kind-repeat",
    }
}

/// Called, or cancelled by a resolution in force (cited).
fn status(screen: &Screen, state: &State, election: &Election) -> String {
    match state
        .cancellation(election)
        .and_then(|key| state.citation(key))
    {
        Some(by) => {
            let mut args = FluentArgs::new();
            args.set("resolution", citation(&by, screen.language));
            screen.say("election-cancelled", &args)
        }
        None => screen.word("election-called"),
    }
}

/// The constituencies to choose from when no constituency is named, or one constituency's
/// stations; `None` for a constituency the record does not hold.
pub fn stations(
    screen: &Screen,
    state: &State,
    constituency: Option<ConstituencyNo>,
) -> Option<String> {
    let Some(number) = constituency else {
        let title = screen.word("stations-title");
        let main = html! {
            p { (screen.word("stations-choose")) }
            ul.choices {
                @for c in state.rolls.keys() {
                    li { a href=(address::stations(*c)) { (screen.constituency(state, *c)) } }
                }
            }
        };
        return Some(document(screen, Some(state), &title, main));
    };
    let roll = state.rolls.get(&number)?;
    let mut args = FluentArgs::new();
    args.set("constituency", screen.constituency(state, number));
    let title = screen.say("stations-of", &args);
    let main = html! {
        table.stations {
            caption { (screen.word("stations-list-caption")) }
            thead { tr {
                th scope="col" { (screen.word("station")) }
                th scope="col" { (screen.word("station-name")) }
                th scope="col" { (screen.word("voters-on-list")) }
                th scope="col" { (screen.word("station-commission")) }
            } }
            tbody {
                @for id in &roll.station_ids {
                    @let def = state.stations.get(id);
                    tr {
                        th scope="row" { (id) }
                        td { bdi { (def.map_or("", |d| d.name.as_str())) } }
                        td.number { (screen.number(def.map_or(0, |d| d.voters))) }
                        td { bdi { (station_commission(screen, state, number, *id)) } }
                    }
                }
            }
        }
        p { a href=(address::constituency(number)) { (screen.word("stations-progress-link")) } }
    };
    Some(document(screen, Some(state), &title, main))
}

/// The commission that works at a station: its precinct commission when the record holds
/// one, else the district commission of its constituency.
fn station_commission(
    screen: &Screen,
    state: &State,
    constituency: ConstituencyNo,
    station: StationId,
) -> String {
    let of_level = |wanted: &dyn Fn(&CommissionLevel) -> bool| {
        state
            .commissions
            .values()
            .find(|c| wanted(&c.level))
            .map(|c| written::text(&c.name, screen.language).to_owned())
    };
    of_level(&|l| matches!(l, CommissionLevel::Precinct { station: s } if *s == station))
        .or_else(|| {
            of_level(
                &|l| matches!(l, CommissionLevel::District { constituency: c } if *c == constituency),
            )
        })
        .unwrap_or_default()
}

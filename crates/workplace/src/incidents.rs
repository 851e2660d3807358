//! Incidents at polling stations, one constituency at a time and by station; and, for a
//! secretary of a commission over the constituency, the form that records one.

use maud::html;
use tandoo_core::command::RecordIncident;
use tandoo_core::ids::{ConstituencyNo, ElectionId, IncidentId, StationId};
use tandoo_core::permission::CommandKind;
use tandoo_core::{Command, LegalDate, State};
use tandoo_present::date;

use crate::address;
use crate::candidates::{chooser, may};
use crate::fields::{Form, Kind, Problem, Reader, Sent};
use crate::frame::document;
use crate::screen::Screen;

pub const RECORD: &str = "incident";

/// `/staff/incidents?constituency=C`, or one station's: `&station=S`.
#[allow(clippy::too_many_arguments)]
pub fn list(
    screen: &Screen,
    state: &State,
    election: &ElectionId,
    constituency: ConstituencyNo,
    station: Option<StationId>,
    today: LegalDate,
    sent: Option<&Sent>,
    notice: Option<&str>,
) -> Option<String> {
    let roll = state.rolls.get(&constituency)?;
    let language = screen.language;
    let mut incidents: Vec<_> = state
        .incidents
        .values()
        .filter(|(_, i)| &i.election == election && i.constituency == constituency)
        .filter(|(_, i)| station.is_none_or(|s| i.station == s))
        .collect();
    incidents.sort_by_key(|(stamp, i)| (i.station, stamp.seq));
    let title = screen.word("incidents-title");
    let f = Form::new(screen, RECORD, sent);
    let stations: Vec<(String, String)> = roll
        .station_ids
        .iter()
        .map(|id| {
            let name = state.stations.get(id).map_or("", |s| s.name.as_str());
            (id.to_string(), format!("{id} {name}"))
        })
        .collect();
    let options: Vec<(&str, String)> = stations
        .iter()
        .map(|(v, w)| (v.as_str(), w.clone()))
        .collect();
    let main = html! {
        @if let Some(key) = notice { p.notice role="status" { (screen.word(key)) } }
        (chooser(screen, state, election, address::INCIDENTS, constituency))
        h2 { (screen.constituency(state, constituency)) }
        @if let Some(station) = station {
            p {
                (screen.word("station")) " " (station) ". "
                a href=(address::incidents_of(constituency)) { (screen.word("incidents-all-stations")) }
            }
        }
        @if incidents.is_empty() {
            p { (screen.word("incidents-none")) }
        } @else {
            table.incidents {
                caption { (screen.word("incidents-caption")) }
                thead { tr {
                    th scope="col" { (screen.word("station")) }
                    th scope="col" { (screen.word("history-date")) }
                    th scope="col" { (screen.word("field-description")) }
                    th scope="col" { (screen.word("field-source")) }
                } }
                tbody {
                    @for (stamp, i) in &incidents {
                        tr {
                            th scope="row" {
                                a href=(format!("{}&station={}", address::incidents_of(constituency), i.station)) { (i.station) }
                            }
                            td { (date::date(stamp.date, language)) }
                            td { bdi { (i.description) } }
                            td { bdi { (i.source) } }
                        }
                    }
                }
            }
        }
        @if may(screen, state, CommandKind::RecordIncident, constituency) {
            section.form aria-labelledby="incident-heading" {
                h2 #incident-heading { (screen.word("incident-heading")) }
                (f.summary())
                form method="post" action=(address::INCIDENTS) {
                    (f.hidden())
                    input type="hidden" name="election" value=(election);
                    input type="hidden" name="constituency" value=(constituency);
                    (f.select("station", "station", &options, &station.map(|s| s.to_string()).unwrap_or_default()))
                    (f.field("id", "field-incident-id", Kind::Text, ""))
                    (f.field("description", "field-description", Kind::Long, ""))
                    (f.field("source", "field-source", Kind::Text, ""))
                    (f.field("date", "field-date", Kind::Date, &today.to_string()))
                    button type="submit" { (screen.word("incident-submit")) }
                }
            }
        }
    };
    Some(document(screen, Some(state), &title, main))
}

/// Reads the incident form.
pub fn read(
    fields: &[(String, String)],
    election: &ElectionId,
) -> Result<(LegalDate, Command), Vec<Problem>> {
    let mut r = Reader::new(fields);
    let number = |r: &mut Reader, name: &str| -> Option<u32> {
        let parsed = r.optional(name).parse().ok();
        if parsed.is_none() {
            r.problems.push(Problem {
                field: name.to_owned(),
                key: "choice",
            });
        }
        parsed
    };
    let constituency = number(&mut r, "constituency").and_then(|n| u16::try_from(n).ok());
    let station = number(&mut r, "station");
    let id = r.optional("id");
    let description = r.required("description");
    let source = r.required("source");
    let date = r.date("date");
    let made = (|| {
        Some((
            date?,
            Command::RecordIncident(RecordIncident {
                id: (!id.is_empty()).then(|| IncidentId::new(id)),
                election: election.clone(),
                station: StationId(station?),
                constituency: ConstituencyNo(constituency?),
                description: description?,
                source: source?,
            }),
        ))
    })();
    r.finish(made)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_incident_form_is_read_into_its_command() {
        let sent = fields(&[
            ("action", "incident"),
            ("constituency", "13"),
            ("station", "13001"),
            ("description", "A phone recording the booths"),
            ("source", "Observer's report"),
            ("date", "2025-11-30"),
        ]);
        let (date, command) = read(&sent, &ElectionId::new("E1")).unwrap();
        assert_eq!(date.to_string(), "2025-11-30");
        assert_eq!(
            command,
            Command::RecordIncident(RecordIncident {
                id: None,
                election: ElectionId::new("E1"),
                station: StationId(13_001),
                constituency: ConstituencyNo(13),
                description: "A phone recording the booths".into(),
                source: "Observer's report".into(),
            })
        );
    }

    #[test]
    fn an_incident_without_station_or_description_is_refused_by_field() {
        let sent = fields(&[
            ("constituency", "13"),
            ("station", "first"),
            ("description", ""),
            ("source", "x"),
            ("date", "2025-11-30"),
        ]);
        let named: Vec<_> = read(&sent, &ElectionId::new("E1"))
            .unwrap_err()
            .iter()
            .map(|p| (p.field.clone(), p.key))
            .collect();
        assert_eq!(
            named,
            [
                ("station".to_owned(), "choice"),
                ("description".to_owned(), "required")
            ]
        );
    }
}

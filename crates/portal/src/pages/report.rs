//! The live pages of a public report against one published protocol: the form, the page
//! that confirms a report was received, and the page that says why one was refused. A live
//! server renders them per request; they are never part of a publication (the form carries
//! a token made for the request).

use maud::{Markup, html};
use tandoo_core::ids::{ConstituencyNo, StationId};
use tandoo_present::{FluentArgs, Language};

use super::layout::live_document;
use super::page::Page;
use crate::address;
use crate::publication::Edition;

/// The shortest and longest text of a report, in characters.
pub const MIN_TEXT_CHARS: usize = 20;
pub const MAX_TEXT_CHARS: usize = 4000;
/// The longest contact (an e-mail address or a telephone number), in characters.
pub const MAX_CONTACT_CHARS: usize = 200;

/// The station a report is about, as its pages name it.
#[derive(Clone, Copy, Debug)]
pub struct ReportedStation<'a> {
    pub constituency: ConstituencyNo,
    pub station: StationId,
    pub name: &'a str,
}

/// What the form sends back besides what the reader types: the protocol's version shown
/// and the token that the server made for this form.
#[derive(Clone, Copy, Debug)]
pub struct FormFields<'a> {
    pub version: u32,
    pub token: &'a str,
}

/// `GET /reports/new`: the form.
pub fn form(
    language: Language,
    edition: &Edition,
    station: ReportedStation,
    fields: FormFields,
) -> String {
    let page = Page::new(language, edition, address::REPORTS);
    let title = page.word("report-form-title");
    let mut limits = FluentArgs::new();
    limits.set("min", MIN_TEXT_CHARS);
    limits.set("max", MAX_TEXT_CHARS);
    let main = html! {
        (station_line(&page, station))
        p { (page.word("report-form-intro")) }
        // The language in the address too, so that a refusal before the body is read
        // (another site's page) is worded in it.
        form.report method="post" action=(address::link(address::REPORTS, language, None)) {
            input type="hidden" name="lang" value=(language.code());
            input type="hidden" name="constituency" value=(station.constituency);
            input type="hidden" name="station" value=(station.station);
            input type="hidden" name="version" value=(fields.version);
            input type="hidden" name="token" value=(fields.token);
            p {
                label for="report-text" { (page.word("report-text-label")) }
                br;
                span.hint #report-text-hint { (page.say("report-text-hint", &limits)) }
                br;
                textarea #report-text name="text" required minlength=(MIN_TEXT_CHARS)
                    maxlength=(MAX_TEXT_CHARS) rows="10" cols="60"
                    aria-describedby="report-text-hint" {}
            }
            p {
                label for="report-contact" { (page.word("report-contact-label")) }
                br;
                span.hint #report-contact-hint { (page.word("report-contact-hint")) }
                br;
                input #report-contact type="text" name="contact" required
                    maxlength=(MAX_CONTACT_CHARS) size="40" autocomplete="email"
                    aria-describedby="report-contact-hint";
            }
            p { button type="submit" { (page.word("report-send")) } }
        }
    };
    let switch =
        |other: Language| address::report_form(station.constituency, station.station, other);
    live_document(&page, &title, &switch, main)
}

/// `GET /reports/{number}`: the report was received and kept. It shows neither the text
/// nor the contact: report numbers follow one another, so anyone can ask for any of them.
pub fn received(
    language: Language,
    edition: &Edition,
    number: i64,
    station: ReportedStation,
) -> String {
    let path = format!("{}/{number}", address::REPORTS);
    let page = Page::new(language, edition, path.as_str());
    let mut args = FluentArgs::new();
    args.set("number", number.to_string());
    let title = page.say("report-received-title", &args);
    let main = html! {
        (station_line(&page, station))
        p { (page.word("report-received-text")) }
        p { a href=(page.link(&address::station(station.constituency, station.station))) { (page.word("report-back-to-station")) } }
    };
    let switch = |other: Language| address::link(&path, other, None);
    live_document(&page, &title, &switch, main)
}

/// A refused report: the sentence says why, `code` names it for a program; the way back is
/// a fresh form for the station, when the station is known.
pub fn refused(
    language: Language,
    edition: &Edition,
    code: &str,
    sentence: &str,
    station: Option<(ConstituencyNo, StationId)>,
) -> String {
    let page = Page::new(language, edition, address::REPORTS);
    let title = page.word("report-refused-title");
    let main = html! {
        p.error data-code=(code) role="alert" { (sentence) }
        @match station {
            Some((constituency, station)) => {
                p { a href=(address::report_form(constituency, station, language)) { (page.word("report-try-again")) } }
            }
            None => {
                p { a href=(page.link(address::RESULTS)) { (page.word("nav-results")) } }
            }
        }
    };
    let switch = |other: Language| match station {
        Some((constituency, station)) => address::report_form(constituency, station, other),
        None => address::link(address::RESULTS, other, None),
    };
    live_document(&page, &title, &switch, main)
}

/// "Polling station No. 4521: School 12", with a link to its page.
fn station_line(page: &Page, station: ReportedStation) -> Markup {
    let name = page.numbered("station-title", &station.station.to_string(), station.name);
    html! {
        p.station { a href=(page.link(&address::station(station.constituency, station.station))) { bdi { (name) } } }
    }
}

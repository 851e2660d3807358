//! The audit log (for administrators): logins, failed logins, logouts and account changes,
//! newest first, a page at a time, filtered by user, event and days, with a link to the
//! same entries as CSV. The server reads the log; this module draws what it read.

use maud::html;
use tandoo_core::State;
use tandoo_present::FluentArgs;

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// One entry as the screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub at: String,
    /// The event's stored name (`login`, `account_added`, …).
    pub event: String,
    pub user: String,
    pub address: String,
    pub detail: String,
}

/// The filter as typed (echoed into the form and the paging links).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub user: String,
    pub event: String,
    /// `YYYY-MM-DD`, the first day shown.
    pub from: String,
    /// `YYYY-MM-DD`, the last day shown.
    pub to: String,
}

impl AuditFilter {
    /// The filter as a query string, without `page` (empty fields left out).
    pub fn query(&self) -> String {
        [
            ("user", &self.user),
            ("event", &self.event),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::fields::segment(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// One page of the log.
pub struct AuditPage<'a> {
    pub rows: &'a [AuditRow],
    pub filter: &'a AuditFilter,
    /// Every event's stored name, for the filter's list.
    pub events: &'a [&'a str],
    /// 1 for the newest entries.
    pub page: u32,
    /// Whether older entries match too.
    pub more: bool,
    /// A filter field that did not read (a date not written `YYYY-MM-DD`).
    pub bad_date: bool,
}

/// The words of an event (`staff-audit-event-login`), or its stored name when the
/// catalog has none (an event of a later version read by an older one).
fn event_words(screen: &Screen, event: &str) -> String {
    let key = format!("audit-event-{event}");
    let words = screen.word(&key);
    if words.contains(&key) {
        event.to_owned()
    } else {
        words
    }
}

pub fn page(screen: &Screen, state: &State, audit: &AuditPage) -> String {
    let title = screen.word("audit-title");
    let filter = audit.filter;
    let query = filter.query();
    let link = |page: u32| {
        let mut q = query.clone();
        if !q.is_empty() {
            q.push('&');
        }
        format!("{}?{q}page={page}", address::AUDIT)
    };
    let csv = if query.is_empty() {
        address::AUDIT_CSV.to_owned()
    } else {
        format!("{}?{query}", address::AUDIT_CSV)
    };
    let main = html! {
        @if audit.bad_date {
            div.problem role="alert" tabindex="-1" #problem {
                h2 { (screen.word("problem-heading")) }
                p { a href="#from" { (screen.word("audit-bad-date")) } }
            }
        }
        form.filter method="get" action=(address::AUDIT) {
            div.field {
                label for="user" { (screen.word("audit-user")) }
                input #user name="user" type="text" value=(filter.user) autocomplete="off"
                    spellcheck="false";
            }
            div.field {
                label for="event" { (screen.word("audit-event")) }
                select #event name="event" {
                    option value="" selected[filter.event.is_empty()] { (screen.word("audit-any-event")) }
                    @for event in audit.events {
                        option value=(event) selected[filter.event == *event] { (event_words(screen, event)) }
                    }
                }
            }
            div.field {
                label for="from" { (screen.word("audit-from")) }
                input #from name="from" type="date" value=(filter.from);
            }
            div.field {
                label for="to" { (screen.word("audit-to")) }
                input #to name="to" type="date" value=(filter.to);
            }
            button type="submit" { (screen.word("audit-show")) }
        }
        p { a href=(csv) download { (screen.word("audit-export")) } }
        @if audit.rows.is_empty() {
            p { (screen.word("audit-nothing")) }
        } @else {
            table.audit {
                caption { (screen.say("audit-caption", &{
                    let mut a = FluentArgs::new();
                    a.set("page", audit.page);
                    a
                })) }
                thead { tr {
                    th scope="col" { (screen.word("audit-time")) }
                    th scope="col" { (screen.word("audit-event")) }
                    th scope="col" { (screen.word("audit-user")) }
                    th scope="col" { (screen.word("audit-address")) }
                    th scope="col" { (screen.word("audit-detail")) }
                } }
                tbody {
                    @for row in audit.rows {
                        tr {
                            th scope="row" { time datetime=(row.at) { (row.at) } }
                            td { (event_words(screen, &row.event)) }
                            td { bdi { (row.user) } }
                            td { code { (row.address) } }
                            td { bdi { (row.detail) } }
                        }
                    }
                }
            }
        }
        nav.paging aria-label=(screen.word("paging-label")) {
            ul {
                @if audit.page > 1 {
                    li { a href=(link(audit.page - 1)) rel="prev" { (screen.word("paging-newer")) } }
                }
                @if audit.more {
                    li { a href=(link(audit.page + 1)) rel="next" { (screen.word("paging-older")) } }
                }
            }
        }
    };
    document(screen, Some(state), &title, main)
}

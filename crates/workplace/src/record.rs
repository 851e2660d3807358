//! The record's timeline: its acts newest first, a page at a time (number, legal date, the
//! act's type in words, who gave it), the head's number and hash, and what was verified:
//! the server checks every entry's link and hash when it reads the record in, and the
//! entries of the page shown are checked again as they are read for it (each one's hash
//! recomputed over its stored text, each linked to the one before it).

use maud::html;
use tandoo_core::act::Act;
use tandoo_core::{LegalDate, State};
use tandoo_present::{FluentArgs, date, words};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// Acts on one page of the timeline.
pub const PAGE_SIZE: u64 = 50;

/// One entry as the timeline shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    pub seq: u64,
    pub legal_date: Option<LegalDate>,
    /// `None` when the entry does not read as an act of this version.
    pub act: Option<Act>,
    /// The actor's user name; `None` for an entry of a protocol round still open, whose
    /// operator is withheld until the round is settled.
    pub actor: Option<String>,
}

/// What the page's check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageCheck {
    /// Every entry's hash recomputed equals the stored one and each links to the one
    /// before it.
    Verified,
    /// The entry with this number breaks the chain.
    BrokenAt(u64),
}

/// The timeline's page: `page` 1 holds the newest acts.
pub struct Timeline<'a> {
    pub entries: &'a [TimelineEntry],
    pub head_seq: u64,
    /// The head's hash, hex.
    pub head_hash: &'a str,
    pub check: PageCheck,
    pub page: u64,
}

impl Timeline<'_> {
    /// The numbers of the entries on `page` (1 the newest), oldest first, for a record
    /// whose head is `head_seq`; empty past the first entry.
    pub fn range(head_seq: u64, page: u64) -> std::ops::Range<u64> {
        let newest = head_seq.saturating_sub(page.saturating_sub(1).saturating_mul(PAGE_SIZE));
        if newest == 0 {
            return 0..0;
        }
        let oldest = newest.saturating_sub(PAGE_SIZE - 1).max(1);
        oldest..newest + 1
    }
}

pub fn page(screen: &Screen, state: &State, timeline: &Timeline) -> String {
    let language = screen.language;
    let title = screen.word("record-title");
    let last_page = timeline.head_seq.div_ceil(PAGE_SIZE).max(1);
    let link = |page: u64| format!("{}?page={page}", address::RECORD);
    let main = html! {
        dl.facts {
            dt { (screen.word("record-head-seq")) } dd { (screen.number(timeline.head_seq)) }
            dt { (screen.word("record-head-hash")) } dd { code.hash { (timeline.head_hash) } }
            dt { (screen.word("record-verification")) }
            dd #verification {
                @match timeline.check {
                    PageCheck::Verified => (screen.word("record-verified")),
                    PageCheck::BrokenAt(seq) => strong { (screen.say("record-broken", &{
                        let mut a = FluentArgs::new();
                        a.set("seq", seq);
                        a
                    })) },
                }
            }
        }
        @if timeline.entries.is_empty() {
            p { (screen.word("record-empty")) }
        } @else {
            table.record {
                caption { (screen.say("record-caption", &{
                    let mut a = FluentArgs::new();
                    a.set("page", timeline.page);
                    a.set("pages", last_page);
                    a
                })) }
                thead { tr {
                    th scope="col" { (screen.word("record-seq")) }
                    th scope="col" { (screen.word("record-date")) }
                    th scope="col" { (screen.word("record-act")) }
                    th scope="col" { (screen.word("record-actor")) }
                } }
                tbody {
                    @for entry in timeline.entries.iter().rev() {
                        tr {
                            th scope="row" { (entry.seq) }
                            td { @if let Some(d) = entry.legal_date { (date::date(d, language)) } }
                            td { @match &entry.act {
                                Some(act) => (words::act_type(act, language)),
                                None => (screen.word("record-unreadable")),
                            } }
                            td { @match &entry.actor {
                                Some(user) => bdi { (user) },
                                None => (screen.word("record-withheld")),
                            } }
                        }
                    }
                }
            }
        }
        nav.paging aria-label=(screen.word("paging-label")) {
            ul {
                @if timeline.page > 1 {
                    li { a href=(link(timeline.page - 1)) rel="prev" { (screen.word("paging-newer")) } }
                }
                @if timeline.page < last_page {
                    li { a href=(link(timeline.page + 1)) rel="next" { (screen.word("paging-older")) } }
                }
            }
        }
    };
    document(screen, Some(state), &title, main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_back_from_the_head_and_stop_at_the_first_entry() {
        assert_eq!(Timeline::range(120, 1), 71..121);
        assert_eq!(Timeline::range(120, 2), 21..71);
        assert_eq!(Timeline::range(120, 3), 1..21);
        assert!(Timeline::range(120, 4).is_empty());
        assert!(Timeline::range(0, 1).is_empty());
        assert_eq!(Timeline::range(50, 1), 1..51);
    }
}

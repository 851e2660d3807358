//! The screens over the record that only show: the elections and their calendars
//! (`/staff/elections`), a constituency's polling stations (`/staff/stations?constituency=C`)
//! and the record's timeline (`/staff/record?page=N`) with its head and what was verified.

use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use tandoo_core::ids::ConstituencyNo;
use tandoo_record::{Entry, Hash, Record};
use tandoo_workplace::elections;
use tandoo_workplace::record::{self, PageCheck, Timeline, TimelineEntry};
use tokio::time::timeout;

use crate::app::App;
use crate::public_record::withheld;
use crate::views::{READ_WAIT, STORE_WAIT};

use super::desk::{Desk, query_value};
use super::draw;
use super::screens::not_found_for;

pub async fn elections(State(app): State<App>, desk: Desk) -> Response {
    draw(&app, &desk, |state, screen| {
        Some(elections::list(screen, state))
    })
    .await
}

pub async fn stations(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let constituency = match query_value(&uri, "constituency") {
        None => None,
        Some(c) => match c.parse::<u16>() {
            Ok(n) => Some(ConstituencyNo(n)),
            Err(_) => return not_found_for(&desk),
        },
    };
    draw(&app, &desk, |state, screen| {
        elections::stations(screen, state, constituency)
    })
    .await
}

/// `GET /staff/record?page=N`: the page's entries are read with the one before them, and
/// each is checked as it is shown — its hash recomputed over its stored text, its link to
/// the entry before — so the screen says what it checked itself; the whole chain was
/// checked when the server read the record in.
pub async fn timeline(State(app): State<App>, desk: Desk, uri: Uri) -> Response {
    let page = query_value(&uri, "page")
        .and_then(|p| p.parse::<u64>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let Ok(head) = timeout(READ_WAIT, app.ledger().head()).await else {
        return desk.unavailable();
    };
    let range = Timeline::range(head.seq, page);
    let mut entries = Vec::new();
    let first = range.start;
    let last = range.end.saturating_sub(1);
    if !range.is_empty() {
        // One entry more before the page, to check the first one's link.
        let from = first.saturating_sub(1).max(1);
        let wanted = usize::try_from(last - from + 1).unwrap_or(usize::MAX);
        match timeout(STORE_WAIT, app.ledger().record().read(from, wanted)).await {
            Ok(Ok(read)) => entries = read,
            _ => return desk.unavailable(),
        }
    }
    let check = check(&entries, first, head.hash, last == head.seq);
    let page_entries: Vec<Entry> = entries.into_iter().filter(|e| e.seq >= first).collect();
    let Ok(hidden) = timeout(READ_WAIT, withheld(app.ledger(), &page_entries)).await else {
        return desk.unavailable();
    };
    let shown: Vec<TimelineEntry> = page_entries
        .iter()
        .zip(hidden)
        .map(|(entry, hidden)| TimelineEntry {
            seq: entry.seq,
            legal_date: entry.legal_date.parse().ok(),
            act: tandoo_ledger::decode(entry).ok().map(|(_, act)| act),
            actor: (!hidden).then(|| {
                entry
                    .actor
                    .get("user")
                    .and_then(|u| u.as_str())
                    .unwrap_or_default()
                    .to_owned()
            }),
        })
        .collect();
    let head_hash = head.hash.to_hex();
    draw(&app, &desk, |state, screen| {
        Some(record::page(
            screen,
            state,
            &Timeline {
                entries: &shown,
                head_seq: head.seq,
                head_hash: &head_hash,
                check,
                page,
            },
        ))
    })
    .await
}

/// Checks the entries read for a page: each one's hash over its text, each linked to the
/// one before (the first entry of the record to the genesis hash), and, on the page that
/// ends at the head, the last one's hash is the head's.
fn check(entries: &[Entry], first: u64, head: Hash, ends_at_head: bool) -> PageCheck {
    let mut buf = String::new();
    let mut before: Option<&Entry> = None;
    for entry in entries {
        let own = entry.compute_hash_with(&mut buf).ok() == Some(entry.hash);
        let linked = match before {
            Some(b) => b.seq + 1 == entry.seq && entry.prev_hash == b.hash,
            None => entry.seq > 1 || entry.prev_hash == Hash::GENESIS,
        };
        // The entry before the page is read only for its hash, which links the first.
        if entry.seq >= first && !(own && linked) {
            return PageCheck::BrokenAt(entry.seq);
        }
        before = Some(entry);
    }
    match entries.last() {
        Some(last) if ends_at_head && last.hash != head => PageCheck::BrokenAt(last.seq),
        _ => PageCheck::Verified,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A chain of `n` entries, each hashed over its text and linked to the one before.
    fn chain(n: u64) -> Vec<Entry> {
        let mut entries: Vec<Entry> = Vec::new();
        for seq in 1..=n {
            let mut entry = Entry {
                seq,
                recorded_at: String::from("2026-02-13T08:00:00.000Z"),
                legal_date: String::from("2026-02-13"),
                actor: json!({"user": "cec.secretary"}),
                act: json!({"type": "example", "n": seq}),
                prev_hash: entries.last().map_or(Hash::GENESIS, |e| e.hash),
                hash: Hash::GENESIS,
            };
            entry.hash = entry.compute_hash().unwrap();
            entries.push(entry);
        }
        entries
    }

    #[test]
    fn a_page_verifies_when_every_hash_and_link_holds_and_names_the_first_entry_that_breaks() {
        let entries = chain(5);
        let head = entries[4].hash;
        assert_eq!(check(&entries, 1, head, true), PageCheck::Verified);
        // A page that starts later is linked through the entry read before it.
        assert_eq!(check(&entries[1..], 3, head, true), PageCheck::Verified);

        let mut altered = entries.clone();
        altered[3].act = json!({"type": "example", "n": 40});
        assert_eq!(check(&altered, 1, head, true), PageCheck::BrokenAt(4));

        let mut relinked = entries.clone();
        relinked[2].prev_hash = Hash::GENESIS;
        relinked[2].hash = relinked[2].compute_hash().unwrap();
        assert_eq!(check(&relinked, 1, head, true), PageCheck::BrokenAt(3));

        // The last entry of the newest page must be the head the server holds.
        assert_eq!(
            check(&entries, 1, entries[3].hash, true),
            PageCheck::BrokenAt(5)
        );
        assert_eq!(
            check(&entries, 1, entries[3].hash, false),
            PageCheck::Verified
        );
    }
}

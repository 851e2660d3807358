//! The frame of every page: the document's language, the stylesheet, a skip link, the
//! portal's navigation, the language switch, the "as of" date picker (a plain GET form, so
//! it works without JavaScript), a banner when the page shows a past date, and a footer with
//! the record's head, the time of the publication and the open data.

use maud::{DOCTYPE, Markup, html};
use tandoo_core::LegalDate;
use tandoo_present::{FluentArgs, Language};

use super::page::Page;
use crate::address;

/// A whole HTML document: `title` names the page in the browser's tab and is its one `h1`
/// (the page's `main` follows it); `data` adds the page's own data files to the footer.
pub fn document(page: &Page, title: &str, data: &[(String, String)], main: Markup) -> String {
    let language = page.language;
    let markup = html! {
        (DOCTYPE)
        html lang=(language.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (page.word("site-name")) }
                link rel="stylesheet" href=(address::STYLESHEET);
                link rel="icon" type="image/svg+xml" href=(address::ICON);
                @if page.edition.as_of.is_none() {
                    script src=(address::LIVE_SCRIPT) defer {}
                }
                @for other in Language::ALL.iter().filter(|l| **l != language) {
                    link rel="alternate" hreflang=(other.code()) href=(page.in_language(*other));
                }
            }
            body {
                a.skip href="#main" { (page.word("skip-to-content")) }
                header.site {
                    p.site-name { a href=(page.link(address::RESULTS)) { (page.word("site-name")) } }
                    nav aria-label=(page.word("nav-label")) {
                        ul {
                            li { a href=(page.link(address::RESULTS)) { (page.word("nav-results")) } }
                            li { a href=(page.link(address::DECISIONS)) { (page.word("nav-decisions")) } }
                        }
                    }
                    (languages(page))
                    (date_picker(page))
                }
                @if let Some(date) = page.edition.as_of {
                    (past_banner(page, date))
                }
                main #main tabindex="-1" {
                    h1 { (title) }
                    (main)
                }
                (footer(page, data))
            }
        }
    };
    markup.into_string()
}

/// A page a live server makes for one request (the report form and its answers): the
/// portal's stylesheet, header and language switch, but no live script, no date picker and
/// no edition footer, since it is not part of a publication. `in_language` gives this page's
/// address in each language.
pub fn live_document(
    page: &Page,
    title: &str,
    in_language: &dyn Fn(Language) -> String,
    main: Markup,
) -> String {
    let language = page.language;
    let markup = html! {
        (DOCTYPE)
        html lang=(language.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) " — " (page.word("site-name")) }
                link rel="stylesheet" href=(address::STYLESHEET);
                link rel="icon" type="image/svg+xml" href=(address::ICON);
            }
            body {
                a.skip href="#main" { (page.word("skip-to-content")) }
                header.site {
                    p.site-name { a href=(page.link(address::RESULTS)) { (page.word("site-name")) } }
                    nav.languages aria-label=(page.word("languages-label")) {
                        ul {
                            @for other in Language::ALL {
                                li {
                                    a href=(in_language(other)) lang=(other.code()) hreflang=(other.code())
                                        aria-current=[(other == language).then_some("true")] {
                                        (page.word(&format!("language-{}", other.code())))
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" {
                    h1 { (title) }
                    (main)
                }
            }
        }
    };
    markup.into_string()
}

fn languages(page: &Page) -> Markup {
    html! {
        nav.languages aria-label=(page.word("languages-label")) {
            ul {
                @for language in Language::ALL {
                    li {
                        @let name = page.word(&format!("language-{}", language.code()));
                        @if language == page.language {
                            a href=(page.in_language(language)) lang=(language.code())
                                hreflang=(language.code()) aria-current="true" { (name) }
                        } @else {
                            a href=(page.in_language(language)) lang=(language.code())
                                hreflang=(language.code()) { (name) }
                        }
                    }
                }
            }
        }
    }
}

/// The dates a reader can pick, newest first, with the present state on top. The form
/// comes back to this page, in this language.
fn date_picker(page: &Page) -> Markup {
    let shown = page.edition.as_of;
    // The date shown is among the choices even when nothing was recorded on it.
    let mut dates = page.edition.dates.clone();
    if let Some(date) = shown.filter(|d| !dates.contains(d)) {
        dates.push(date);
        dates.sort();
    }
    html! {
        form.as-of method="get" action=(page.path) {
            input type="hidden" name="lang" value=(page.language.code());
            label for="as-of" { (page.word("as-of-label")) }
            select #as-of name="as_of" {
                option value="" selected[shown.is_none()] { (page.word("as-of-now")) }
                @for date in dates.iter().rev() {
                    option value=(date.to_string()) selected[shown == Some(*date)] { (page.date(*date)) }
                }
            }
            button type="submit" { (page.word("as-of-show")) }
        }
    }
}

fn past_banner(page: &Page, date: LegalDate) -> Markup {
    let mut args = FluentArgs::new();
    args.set("date", page.date(date));
    html! {
        div.banner.past role="note" data-as-of=(date.to_string()) {
            p {
                strong { (page.say("past-banner", &args)) }
                " "
                a href=(address::link(&page.path, page.language, None)) { (page.word("past-banner-now")) }
            }
        }
    }
}

fn footer(page: &Page, data: &[(String, String)]) -> Markup {
    let edition = page.edition;
    html! {
        footer.site {
            p #live-status role="status" data-updated=(live_updated(page, &edition.published_at)) {}
            dl.edition #edition data-head-seq=(edition.head_seq) data-live-events[edition.as_of.is_none()] {
                dt { (page.word("head-label")) }
                dd {
                    code.hash data-head-hash { (edition.head_hash) }
                    " "
                    (seq(page, edition.head_seq))
                }
                dt { (page.word("published-label")) }
                dd { time datetime=(edition.published_at) { (published(page, &edition.published_at)) } }
                @if let Some(key) = &edition.commission_key {
                    dt { (page.word("commission-key-label")) }
                    dd { code.key { (key) } }
                }
            }
            h2 { (page.word("data-heading")) }
            ul.data {
                @for (path, key) in data.iter().map(|(p, k)| (p.as_str(), k.as_str()))
                    .chain(address::DATA_FILES) {
                    li { a href=(page.link(path)) { (page.word(key.trim_start_matches("portal-"))) } " " code { (path) } }
                }
            }
            p.verify { (page.word("verify-hint")) }
        }
    }
}

fn seq(page: &Page, seq: u64) -> Markup {
    let mut args = FluentArgs::new();
    // An act's place in the record is an id: written as the record has it, never grouped.
    args.set("seq", seq.to_string());
    html! { span.seq { (page.say("head-seq", &args)) } }
}

/// The publication's time (`2026-03-01T18:04:05Z`) as the reader's language writes the date,
/// with the time of day in UTC as given; a time that does not read as RFC 3339 is shown as
/// it came.
/// What the live region says when the script has brought in a newer publication.
fn live_updated(page: &Page, rfc3339: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("time", rfc3339.get(11..19).unwrap_or(rfc3339).to_owned());
    page.say("live-updated", &args)
}

fn published(page: &Page, rfc3339: &str) -> Markup {
    let date = rfc3339.get(..10).and_then(|d| d.parse::<LegalDate>().ok());
    let time = rfc3339.get(11..19);
    match (date, time) {
        (Some(date), Some(time)) => {
            let mut args = FluentArgs::new();
            args.set("date", page.date(date));
            args.set("time", time.to_owned());
            html! { (page.say("published-at", &args)) }
        }
        _ => html! { (rfc3339) },
    }
}

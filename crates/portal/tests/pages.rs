//! The public pages of the demo story's publication: each exists in Kyrgyz, Russian and
//! English, shows the figures of core's views, escapes what people wrote, and carries no
//! inline style or script (the pages are served under a strict Content-Security-Policy).

use std::sync::OnceLock;

use tandoo_core::act::Act;
use tandoo_core::resolution::{Effect, Resolution};
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_portal::{Edition, Publication, address, publish};
use tandoo_present::Language;

struct Story {
    state: State,
    acts: Vec<(Stamp, Act)>,
}

/// The demo story folded through the ledger's one path (decide, encode, apply), without a
/// store.
fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        let mut story = Story {
            state: State::new(),
            acts: Vec::new(),
        };
        for step in tandoo_demo::story() {
            for submission in &step.submissions {
                let staged = tandoo_ledger::stage(&mut story.state, submission)
                    .unwrap_or_else(|e| panic!("{}: refused: {e}", step.title));
                story.acts.extend(staged.acts);
            }
        }
        story
    })
}

fn dates(story: &Story) -> Vec<LegalDate> {
    let mut dates: Vec<LegalDate> = story.acts.iter().map(|(stamp, _)| stamp.date).collect();
    dates.sort();
    dates.dedup();
    dates
}

fn edition(as_of: Option<LegalDate>) -> Edition {
    Edition {
        head_seq: story().state.seq,
        head_hash: "5e".repeat(32),
        published_at: "2026-03-01T18:04:05Z".into(),
        as_of,
        dates: dates(story()),
        default_language: Language::Ky,
        commission_key: None,
    }
}

fn present() -> &'static Publication {
    static PUBLICATION: OnceLock<Publication> = OnceLock::new();
    PUBLICATION.get_or_init(|| publish(&story().state, &edition(None)))
}

fn as_of(date: &str) -> Publication {
    let date: LegalDate = date.parse().unwrap();
    let state = State::as_of(story().acts.iter().map(|(s, a)| (*s, a)), date).unwrap();
    publish(&state, &edition(Some(date)))
}

fn page(publication: &Publication, path: &str, language: Language) -> String {
    let asset = publication
        .get(path, language)
        .unwrap_or_else(|| panic!("{path} is published in {}", language.code()));
    assert_eq!(asset.content_type, "text/html; charset=utf-8");
    String::from_utf8(asset.bytes.to_vec()).unwrap()
}

fn resolution_161(state: &State) -> &Resolution {
    state
        .resolutions
        .values()
        .find(|r| {
            r.voted
                .number
                .as_ref()
                .is_some_and(|n| n.number == 161 && n.year == 2025)
        })
        .expect("the story adopts resolution 161/2025")
}

/// The resolution that rescinds 161/2025.
fn rescission(state: &State) -> &Resolution {
    state
        .resolutions
        .values()
        .find(|r| {
            r.voted.effects.iter().any(|e| {
                matches!(e, Effect::Rescind { resolution } if resolution.number == 161 && resolution.year == 2025)
            })
        })
        .expect("the story rescinds 161/2025")
}

fn first_station_of_13() -> tandoo_core::ids::StationId {
    story().state.rolls[&tandoo_core::ids::ConstituencyNo(13)].station_ids[0]
}

#[test]
fn every_page_exists_in_three_languages_with_the_language_declared() {
    let publication = present();
    let state = &story().state;
    let paths = [
        address::RESULTS.to_owned(),
        "/results/13".to_owned(),
        address::station(tandoo_core::ids::ConstituencyNo(13), first_station_of_13()),
        address::DECISIONS.to_owned(),
        address::decision(resolution_161(state)),
        address::decision(rescission(state)),
    ];
    for path in &paths {
        for language in Language::ALL {
            let html = page(publication, path, language);
            assert!(
                html.starts_with("<!DOCTYPE html><html lang=\"")
                    && html.contains(&format!("<html lang=\"{}\">", language.code())),
                "{path} in {} declares its language",
                language.code()
            );
            assert_eq!(html.matches("<h1>").count(), 1, "{path}: one h1");
        }
    }
    // Every constituency and every station of 13 has its page.
    for seat in 1..=30u16 {
        assert!(
            publication
                .get(&format!("/results/{seat}"), Language::Ru)
                .is_some()
        );
    }
    for &station in &state.rolls[&tandoo_core::ids::ConstituencyNo(13)].station_ids {
        assert!(
            publication
                .get(
                    &address::station(tandoo_core::ids::ConstituencyNo(13), station),
                    Language::En
                )
                .is_some()
        );
    }
    // A page asked for without a language is the default language's.
    assert_eq!(
        publication.file("results/13/index.html"),
        publication.get("/results/13", Language::Ky)
    );
    let css = publication
        .file("assets/portal.css")
        .expect("the stylesheet is published");
    assert!(css.content_type.starts_with("text/css"));
    // Every page names its icon, so that no browser asks for a /favicon.ico nobody serves.
    let icon = publication
        .file("assets/icon.svg")
        .expect("the icon is published");
    assert_eq!(icon.content_type, "image/svg+xml");
    let html = page(present(), "/results", Language::En);
    assert!(html.contains(r#"<link rel="icon" type="image/svg+xml" href="/assets/icon.svg">"#));
}

#[test]
fn the_page_of_13_shows_the_elected_after_the_rescission_and_links_both_resolutions() {
    let state = &story().state;
    let html = page(present(), "/results/13", Language::En);
    for name in ["Aibek Altynbekov", "Talant Mamytov", "Aigul Karabekova"] {
        let row = html
            .split("<tr ")
            .skip(1)
            .find(|row| row.contains(name))
            .unwrap_or_else(|| panic!("{name} has a row"));
        assert!(row.contains("holds-seat"), "{name} holds a seat");
    }
    let sydykov = html
        .split("<tr ")
        .skip(1)
        .find(|r| r.contains("Baktybek Sydykov"))
        .unwrap();
    assert!(
        !sydykov.contains("holds-seat"),
        "Sydykov's votes are annulled"
    );
    for resolution in [resolution_161(state), rescission(state)] {
        let href = format!("href=\"{}?lang=en\"", address::decision(resolution));
        assert!(html.contains(&href), "the page links {href}");
    }
    // The gender rule did not apply after Sydykov's votes were annulled (two men, one woman
    // by votes), and the steps name who takes each seat.
    assert!(html.contains("Aibek Altynbekov (13,477 votes) takes seat 1."));
    assert!(html.contains("Talant Mamytov (9,412 votes) takes seat 2."));
    assert!(!html.contains("The gender rule applied"));
}

#[test]
fn on_voting_night_the_gender_rule_gives_karabekova_mamytovs_seat() {
    let html = page(&as_of("2025-12-01"), "/results/13", Language::En);
    assert!(html.contains("The gender rule applied: at most 2 of the 3 seats"));
    assert!(html.contains("Talant Mamytov (9,412 votes) is passed over"));
    assert!(html.contains("Aigul Karabekova (8,839 votes) takes seat 3."));
}

#[test]
fn as_of_new_year_13_is_annulled_and_nobody_holds_its_seats() {
    let publication = as_of("2026-01-01");
    let html = page(&publication, "/results/13", Language::En);
    // The repeat election is called and nothing is counted in it; the status says the
    // original election was declared invalid, by resolution 161/2025.
    assert!(html.contains(
        "declared invalid — <a href=\"/results/decisions/CEC-161-2025?lang=en&amp;as_of=2026-01-01\">"
    ));
    assert!(!html.contains("holds-seat"), "nobody is elected in 13");
    assert!(html.contains("You are looking at the results as they stood on 1 January 2026."));
    // Links stay on the date: the page's own links carry it, and the picker shows it chosen.
    assert!(html.contains("href=\"/results/decisions?lang=en&amp;as_of=2026-01-01\""));
    assert!(html.contains("<option value=\"2026-01-01\" selected>"));
    let national = page(&publication, address::RESULTS, Language::En);
    assert!(
        national.contains(
            "90 seats: 29 held by women (circles), 58 by men (squares), 3 held by nobody"
        )
    );
}

#[test]
fn the_national_page_counts_90_deputies_30_of_them_women() {
    let html = page(present(), address::RESULTS, Language::En);
    assert!(
        html.contains(
            "90 seats: 30 held by women (circles), 60 by men (squares), 0 held by nobody"
        )
    );
    // The chart draws one mark per seat, a circle for a woman and a square for a man (the
    // legend after it shows one of each).
    let chart = &html[html.find("<svg").unwrap()..html.find("<ul class=\"legend\"").unwrap()];
    assert_eq!(chart.matches("<circle class=\"seat woman\"").count(), 30);
    assert_eq!(chart.matches("<rect class=\"seat man\"").count(), 60);
    let ru = page(present(), address::RESULTS, Language::Ru);
    assert!(ru.contains("У женщин: 30 (круги)"));
}

#[test]
fn resolution_161_shows_its_vote_and_that_it_was_rescinded() {
    let state = &story().state;
    let html = page(
        present(),
        &address::decision(resolution_161(state)),
        Language::En,
    );
    assert!(html.contains("rescinded by"));
    assert!(html.contains(&format!(
        "href=\"{}?lang=en\"",
        address::decision(rescission(state))
    )));
    let rescinding = page(
        present(),
        &address::decision(rescission(state)),
        Language::En,
    );
    assert!(rescinding.contains("9 for, 2 against"));
    let timeline = page(present(), address::DECISIONS, Language::Ru);
    assert!(timeline.contains("CEC 161/2025"));
}

#[test]
fn no_page_has_an_inline_style_or_script() {
    for (file, asset) in present().files().filter(|(f, _)| f.ends_with(".html")) {
        let html = std::str::from_utf8(&asset.bytes).unwrap();
        for forbidden in ["style=", "<style", "<script", "javascript:", " on"] {
            let found = match forbidden {
                // An event handler attribute (onclick=…): " on" followed by letters and "=".
                " on" => html.match_indices(" on").any(|(i, _)| {
                    let rest = &html[i + 3..];
                    let word: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase())
                        .collect();
                    !word.is_empty() && rest[word.len()..].starts_with('=')
                }),
                // The one script a page may load is the portal's own file, and no other.
                "<script" => html.match_indices("<script").any(|(i, _)| {
                    !html[i..].starts_with(r#"<script src="/assets/live.js" defer></script>"#)
                }),
                _ => html.contains(forbidden),
            };
            assert!(!found, "{file} has {forbidden:?}");
        }
    }
}

#[test]
fn every_link_to_a_page_keeps_the_reader_language() {
    let html = page(present(), "/results/13", Language::Ru);
    for href in html
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
    {
        if href.starts_with('#') || address::is_data(href.split('?').next().unwrap()) {
            continue;
        }
        assert!(href.contains("lang="), "{href} keeps the language");
    }
}

#[test]
fn hostile_names_are_escaped() {
    let mut state = story().state.clone();
    // Markup, and a right-to-left override that would reverse what follows the name.
    let hostile = "<script>alert(1)</script>\"><img src=x>\u{202e}";
    for candidate in state.candidates.values_mut() {
        if candidate.nomination.constituency == tandoo_core::ids::ConstituencyNo(13) {
            candidate.nomination.name = hostile.into();
            candidate.nomination.latin_name = Some(hostile.into());
        }
    }
    let publication = publish(&state, &edition(None));
    for path in ["/results", "/results/13", "/results/decisions"] {
        for language in Language::ALL {
            let html = page(&publication, path, language);
            assert!(!html.contains("<script>"), "{path}");
            assert!(!html.contains("<img"), "{path}");
            if path == "/results/13" {
                // Escaped, and isolated so the override ends with the name.
                assert!(html.contains(
                    "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x&gt;\u{202e}</bdi>"
                ));
            }
        }
    }
}

/// The values of an attribute on a page, in order.
fn attribute_values<'h>(html: &'h str, attribute: &str) -> Vec<&'h str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            &rest[..rest.find('"').unwrap_or(rest.len())]
        })
        .collect()
}

#[test]
fn ids_are_unique_and_every_label_reference_resolves() {
    for (file, asset) in present().files().filter(|(f, _)| f.ends_with(".html")) {
        let html = std::str::from_utf8(&asset.bytes).unwrap();
        let ids = attribute_values(html, "id");
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{file} repeats an id");
        for labels in attribute_values(html, "aria-labelledby") {
            for label in labels.split(' ') {
                assert!(unique.contains(label), "{file}: no element {label:?}");
            }
        }
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption").count(),
            "{file}: every table has a caption"
        );
        assert_eq!(
            html.matches("<th>").count() + html.matches("<th ").count(),
            html.matches("<th scope=").count(),
            "{file}: every header cell has a scope"
        );
    }
}

#[test]
fn a_station_page_shows_every_line_of_its_protocol_and_its_incidents() {
    let state = &story().state;
    let (_, incident) = state
        .incidents
        .values()
        .next()
        .expect("the story records incidents");
    let path = address::station(incident.constituency, incident.station);
    let html = page(present(), &path, Language::En);
    let key = tandoo_core::protocol::ProtocolKey {
        election: incident.election.clone(),
        station: incident.station,
        constituency: incident.constituency,
    };
    let accepted = state.protocols[&key].latest().unwrap();
    for (code, figure) in &accepted.figures.lines {
        let row = format!("<th scope=\"row\">{code}</th>");
        let at = html
            .find(&row)
            .unwrap_or_else(|| panic!("line {code} is shown"));
        let figure = tandoo_present::number::whole(*figure, Language::En);
        assert!(
            html[at..]
                .split("</tr>")
                .next()
                .unwrap()
                .contains(&format!(">{figure}<")),
            "line {code} shows {figure}"
        );
    }
    assert!(html.contains(&incident.description));
    // Stations without incidents say so.
    let quiet = state.rolls[&incident.constituency]
        .station_ids
        .iter()
        .find(|s| !state.incidents.values().any(|(_, i)| i.station == **s))
        .expect("some station of 13 had no camera");
    let html = page(
        present(),
        &address::station(incident.constituency, *quiet),
        Language::Ru,
    );
    assert!(html.contains("Происшествий на этом участке не записано."));
}

#[test]
fn since_an_earlier_publication_the_stations_acts_were_about_are_new_and_the_other_stations_kept() {
    let earlier = present();
    let later = Edition {
        head_seq: earlier.head_seq + 1,
        head_hash: "7a".repeat(32),
        ..edition(None)
    };
    let thirteen = tandoo_core::ids::ConstituencyNo(13);
    let stations = &story().state.rolls[&thirteen].station_ids;
    let (changed, unchanged) = (stations[0], stations[1]);
    let touched = std::collections::BTreeSet::from([(thirteen, changed)]);
    let since = |keep_bulk_data| tandoo_portal::Since {
        earlier,
        stations: &touched,
        keep_bulk_data,
    };
    let later_pub = tandoo_portal::publish_since(&story().state, &later, Some(since(true)));
    let kept = address::station(thirteen, unchanged);
    let new = address::station(thirteen, changed);
    for language in Language::ALL {
        let file = address::file_of(&kept, language);
        assert_eq!(later_pub.file(&file), earlier.file(&file), "{file}");
        let file = address::file_of(&new, language);
        assert_ne!(later_pub.file(&file), earlier.file(&file), "{file}");
    }
    // The default copy of a kept page is kept with it.
    let copy = address::default_copy_of(&address::file_of(&kept, Language::Ky)).unwrap();
    assert_eq!(later_pub.file(&copy), earlier.file(&copy));
    // The pages that summarise the record, and the station's own, name the new head.
    assert!(page(&later_pub, "/results/13", Language::En).contains(&"7a".repeat(32)));
    assert!(page(&later_pub, "/results", Language::Ru).contains(&"7a".repeat(32)));
    assert!(page(&later_pub, &new, Language::En).contains(&"7a".repeat(32)));
    assert!(page(&later_pub, &kept, Language::En).contains(&"5e".repeat(32)));
    assert_eq!(later_pub.len(), earlier.len());
    // The whole-election data: kept when asked, made at the new head otherwise.
    let nist = "data/nist/results.json";
    assert_eq!(later_pub.file(nist), earlier.file(nist));
    let remade = tandoo_portal::publish_since(&story().state, &later, Some(since(false)));
    assert_ne!(remade.file(nist), earlier.file(nist));
    assert!(String::from_utf8_lossy(&remade.file(nist).unwrap().bytes).contains(&"7a".repeat(32)));
    // Without an earlier publication every file is rendered: the same as `publish`.
    let full = tandoo_portal::publish_since(&story().state, &later, None);
    let again = tandoo_portal::publish(&story().state, &later);
    assert!(full.files().eq(again.files()));
}

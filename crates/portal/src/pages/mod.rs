//! The portal's public HTML pages, in every language: the national results, each
//! constituency, each station's protocol, the timeline of resolutions and each resolution;
//! and, apart from any publication, the live pages of a public report ([`report`]).
//! Pure: the state and the edition in, bytes out. Figures and verdicts come from core's
//! views, every word from `tandoo-present`; the stylesheet is a file of its own, since the
//! pages are served under a Content-Security-Policy that allows no inline style or script.

mod constituency;
mod decisions;
mod hemicycle;
mod layout;
mod national;
mod not_found;
mod page;
pub mod report;
mod resolution;
mod station;

use std::collections::BTreeMap;

use tandoo_core::State;
use tandoo_core::ids::ElectionId;
use tandoo_core::national::{ConstituencyView, NationalView};
use tandoo_core::status::{StatusQuery, StatusView, status};
use tandoo_present::Language;

use crate::Since;
use crate::address;
use crate::publication::{Asset, Edition, Publication};
use page::Page;

pub const HTML: &str = "text/html; charset=utf-8";
pub const CSS: &str = "text/css; charset=utf-8";

/// The stylesheet every page links to.
const STYLESHEET: &str = include_str!("../../assets/portal.css");
/// The icon a browser shows in the tab.
const ICON: &str = include_str!("../../assets/icon.svg");
pub const SVG: &str = "image/svg+xml";
/// The script that refreshes an open page at each publication.
const LIVE_SCRIPT: &str = include_str!("../../assets/live.js");
pub const JAVASCRIPT: &str = "text/javascript; charset=utf-8";

/// The views the pages of one publication are made of, computed once for every language.
pub(crate) struct Views<'s> {
    pub state: &'s State,
    pub national: NationalView,
    /// Each constituency of the national view, in its order.
    pub constituencies: Vec<ConstituencyView>,
    /// Each election's protocol form in each language, labelled once: every station's page
    /// shows it.
    forms: BTreeMap<(ElectionId, Language), Form>,
}

/// A protocol form in one language: its title, and its lines' codes with their labels in
/// the order printed (then "against all").
pub(crate) struct Form {
    pub title: String,
    pub lines: Vec<(String, String)>,
}

impl Views<'_> {
    /// The form of `election` in `language`.
    pub fn form(&self, election: &ElectionId, language: Language) -> Option<&Form> {
        self.forms.get(&(election.clone(), language))
    }
}

impl<'s> Views<'s> {
    /// The views of the main election of `state` (the state of `as_of`); none when the
    /// record holds no election yet.
    fn of(state: &'s State, edition: &Edition) -> Option<Views<'s>> {
        let query = StatusQuery {
            as_of: edition.as_of,
            ..StatusQuery::default()
        };
        let StatusView::National(national) = status(state, &query).ok()? else {
            return None;
        };
        let constituencies = national
            .constituencies
            .iter()
            .filter_map(|seat| {
                let query = StatusQuery {
                    constituency: Some(seat.constituency),
                    ..query.clone()
                };
                match status(state, &query) {
                    Ok(StatusView::Constituency(view)) => Some(*view),
                    _ => None,
                }
            })
            .collect();
        let forms = state
            .elections
            .values()
            .flat_map(|election| {
                Language::ALL.map(|language| {
                    let form = &election.call.form;
                    let labelled = Form {
                        title: tandoo_present::form::title(form, language),
                        lines: tandoo_present::form::labelled_lines(form, language),
                    };
                    ((election.call.id.clone(), language), labelled)
                })
            })
            .collect();
        Some(Views {
            state,
            national: *national,
            constituencies,
            forms,
        })
    }
}

/// Adds every page in every language, the stylesheet, the icon and the script, to
/// `publication`. With `since`, the pages of the stations no act since was about are taken
/// from the earlier publication as they were rendered there (each names the head it was
/// rendered at): station pages are nine tenths of the bytes, and an accepted protocol
/// changes one station's.
pub fn publish(
    state: &State,
    edition: &Edition,
    since: Option<Since>,
    publication: &mut Publication,
) {
    publication.insert(
        address::file_of(address::STYLESHEET, edition.default_language),
        Asset::new(STYLESHEET.as_bytes().to_vec(), CSS),
    );
    publication.insert(
        address::file_of(address::ICON, edition.default_language),
        Asset::new(ICON.as_bytes().to_vec(), SVG),
    );
    publication.insert(
        address::file_of(address::LIVE_SCRIPT, edition.default_language),
        Asset::new(LIVE_SCRIPT.as_bytes().to_vec(), JAVASCRIPT),
    );
    let Some(views) = Views::of(state, edition) else {
        return;
    };
    for language in Language::ALL {
        // One closure adds both a page rendered now and one kept from before.
        let publication = std::cell::RefCell::new(&mut *publication);
        let add = |path: &str, html: String| {
            publication.borrow_mut().insert(
                address::file_of(path, language),
                Asset::new(html.into_bytes(), HTML),
            );
        };
        let add_asset = |file: String, asset: Asset| publication.borrow_mut().insert(file, asset);
        let page = |path: &str| Page::new(language, edition, path);
        add(
            address::RESULTS,
            national::render(&page(address::RESULTS), &views),
        );
        for view in &views.constituencies {
            let path = address::constituency(view.constituency);
            add(&path, constituency::render(&page(&path), &views, view));
            for &station in station::stations(state, view.constituency) {
                let path = address::station(view.constituency, station);
                let file = address::file_of(&path, language);
                let kept = since
                    .filter(|since| !since.stations.contains(&(view.constituency, station)))
                    .and_then(|since| since.earlier.file(&file));
                match kept {
                    Some(asset) => add_asset(file, asset.clone()),
                    None => add(&path, station::render(&page(&path), &views, view, station)),
                }
            }
        }
        add(
            address::DECISIONS,
            decisions::render(&page(address::DECISIONS), &views),
        );
        let missing = not_found::render(&page(address::RESULTS));
        add_asset(
            address::not_found_file(language),
            Asset::new(missing.into_bytes(), HTML),
        );
        for resolution in state.resolutions.values() {
            let path = address::decision(resolution);
            add(&path, resolution::render(&page(&path), &views, resolution));
        }
    }
}

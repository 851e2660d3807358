//! `/results/decisions`: every resolution in the record, oldest first, with its vote and
//! what it did; those not adopted stay, with their votes and no effect.

use maud::{Markup, html};
use tandoo_core::resolution::{Effect, Resolution};
use tandoo_core::results::resolution_summary;
use tandoo_present::{words, written};

use super::Views;
use super::constituency::{standing, votes};
use super::page::Page;
use crate::address;

/// The resolutions in the order they were voted: by legal date, then by their place in the
/// record.
pub fn timeline<'s>(views: &Views<'s>) -> Vec<&'s Resolution> {
    let mut all: Vec<&Resolution> = views.state.resolutions.values().collect();
    all.sort_by_key(|r| (r.date, r.key));
    all
}

pub fn render(page: &Page, views: &Views) -> String {
    let title = page.word("decisions-title");
    let main = html! {
        @let all = timeline(views);
        @if all.is_empty() {
            p { (page.word("no-resolutions")) }
        }
        ol.timeline #timeline data-live="timeline" {
            @for r in all {
                @let summary = resolution_summary(views.state, r);
                li data-resolution=(address::decision_id(r)) {
                    h2 {
                        time datetime=(r.date.to_string()) { (page.date(r.date)) }
                        " — "
                        a href=(page.link(&address::decision(r))) { (page.citation(&summary.citation)) }
                    }
                    p.title { (written::text(&r.voted.title, page.language)) }
                    p {
                        span.votes { (votes(page, summary.votes_for, summary.against, summary.abstain)) }
                        " — " (standing(page, &summary))
                    }
                    @if r.voted.adopted && !r.voted.effects.is_empty() {
                        ul.effects {
                            @for effect in &r.voted.effects {
                                li { (effect_words(page, views, effect)) }
                            }
                        }
                    }
                }
            }
        }
    };
    super::layout::document(page, &title, &[], main)
}

/// What an effect does, in words, with links to what it names: the constituency, the
/// candidates, the resolution it rescinds.
pub fn effect_words(page: &Page, views: &Views, effect: &Effect) -> Markup {
    let state = views.state;
    let names = |ids: &[tandoo_core::ids::CandidateId]| -> Vec<String> {
        ids.iter()
            .map(|id| {
                state.candidates.get(id).map_or_else(
                    || id.to_string(),
                    |c| {
                        written::candidate_name(&c.nomination.candidate_name(), page.language)
                            .to_owned()
                    },
                )
            })
            .collect()
    };
    let constituency = effect.constituency();
    let candidates = names(effect.candidates());
    html! {
        (words::effect(effect, page.language))
        @if let Some(c) = constituency {
            " — "
            a href=(page.link(&address::constituency(c))) { (page.word("constituency-short")) " " (c.0) }
        }
        @if let Effect::AnnulStationResult { station, constituency, .. } | Effect::OrderRecount { station, constituency, .. } = effect {
            ", "
            a href=(page.link(&address::station(*constituency, *station))) { (page.word("station-short")) " " (station) }
        }
        @if let Effect::Rescind { resolution } = effect {
            ": "
            @match state.resolution_by_ref(resolution) {
                Some(target) => a href=(page.link(&address::decision(target))) { (page.citation(&target.citation())) },
                None => (resolution),
            }
        }
        @if let Effect::CancelElection { election } = effect {
            ": " (election)
            @if let Some(e) = state.elections.get(election) {
                " — " (written::text(&e.call.name, page.language))
            }
        }
        @if let Effect::Directive { text } = effect {
            ": " (written::text(text, page.language))
        }
        @if !candidates.is_empty() {
            ": "
            @for (i, name) in candidates.iter().enumerate() {
                @if i > 0 { ", " }
                bdi { (name) }
            }
        }
    }
}

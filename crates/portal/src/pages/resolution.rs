//! `/results/decisions/{id}`: one resolution — its title, the commission's vote member by
//! member and against its quorum and majority, whether it holds (or what rescinded it), and
//! what it did.

use maud::html;
use tandoo_core::commission::CommissionDef;
use tandoo_core::ids::MemberId;
use tandoo_core::resolution::{Resolution, Vote};
use tandoo_core::results::resolution_summary;
use tandoo_present::{FluentArgs, written};

use super::Views;
use super::constituency::{standing, votes};
use super::decisions::effect_words;
use super::page::Page;
use crate::address;

pub fn render(page: &Page, views: &Views, resolution: &Resolution) -> String {
    let summary = resolution_summary(views.state, resolution);
    let title = capitalised(&page.citation(&summary.citation));
    let commission = views.state.commissions.get(&resolution.voted.commission);
    let tally = &resolution.voted.tally;
    let mut required = FluentArgs::new();
    required.set("members", tally.members);
    required.set("present", tally.present);
    required.set("quorum", tally.quorum_required);
    required.set("majority", tally.majority_required);
    let main = html! {
        p.back { a href=(page.link(address::DECISIONS)) { (page.word("back-to-decisions")) } }
        section #resolution data-live="resolution" aria-labelledby="resolution-heading" {
            h2 #resolution-heading { (written::text(&resolution.voted.title, page.language)) }
            dl.figures {
                dt { (page.word("commission-label")) }
                dd {
                    @match commission {
                        Some(c) => { (written::text(&c.name, page.language)) " (" (resolution.voted.commission) ")" },
                        None => { (resolution.voted.commission) },
                    }
                }
                dt { (page.word("date-label")) }
                dd { time datetime=(resolution.date.to_string()) { (page.date(resolution.date)) } }
                dt { (page.word("vote-label")) }
                dd { (votes(page, summary.votes_for, summary.against, summary.abstain)) }
                dt { (page.word("required-label")) }
                dd { (page.say("required", &required)) }
                dt { (page.word("standing-label")) }
                dd { (standing(page, &summary)) }
            }
        }
        section #effects aria-labelledby="effects-heading" {
            h2 #effects-heading { (page.word("effects-heading")) }
            @if !resolution.voted.adopted {
                p { (page.word("no-effect-not-adopted")) }
            } @else if resolution.voted.effects.is_empty() {
                p { (page.word("no-effects")) }
            } @else {
                ul.effects {
                    @for effect in &resolution.voted.effects {
                        li { (effect_words(page, views, effect)) }
                    }
                }
                @if !summary.rescinded_by.is_empty() {
                    p.warning role="note" { (page.word("effects-rescinded")) }
                }
            }
        }
        @if !resolution.voted.votes.is_empty() {
            section #members aria-labelledby="members-heading" {
                h2 #members-heading { (page.word("members-heading")) }
                div.table-scroll tabindex="0" role="region" aria-labelledby="members-caption" {
                    table {
                        caption #members-caption { (page.word("members-caption")) }
                        thead { tr { th scope="col" { (page.word("col-member")) } th scope="col" { (page.word("col-vote")) } } }
                        tbody {
                            @for v in &resolution.voted.votes {
                                tr {
                                    th scope="row" { bdi { (member_name(commission, &v.member)) } }
                                    td { (page.word(match v.vote {
                                        Vote::For => "vote-for",
                                        Vote::Against => "vote-against",
                                        Vote::Abstain => "vote-abstain",
                                    })) }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if page.edition.as_of.is_none() {
            (documents(page, resolution))
        }
    };
    super::layout::document(page, &title, &[], main)
}

/// The resolution as the commission signs it, and the list of the fees it refunds.
fn documents(page: &Page, resolution: &Resolution) -> maud::Markup {
    let id = address::decision_id(resolution);
    let refunds = resolution.voted.adopted
        && resolution
            .voted
            .effects
            .iter()
            .any(|e| matches!(e, tandoo_core::resolution::Effect::RefundFees { .. }));
    html! {
        section #documents aria-labelledby="documents-heading" {
            h2 #documents-heading { (page.word("documents-heading")) }
            ul.documents {
                li { a href=(address::document("resolution", &id, page.language)) { (page.word("document-resolution")) } }
                @if refunds {
                    li { a href=(address::document("refunds", &id, page.language)) { (page.word("document-refunds")) } }
                }
            }
        }
    }
}

/// A member by the name the commission registered, else by their id.
fn member_name<'c>(commission: Option<&'c CommissionDef>, member: &'c MemberId) -> &'c str {
    commission
        .and_then(|c| c.members.iter().find(|m| &m.id == member))
        .map_or(member.as_str(), |m| m.name.as_str())
}

/// A citation as a page's title starts: with a capital letter (`resolution …` → `Resolution
/// …`), in any script; a title starting with a digit stays as it is.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

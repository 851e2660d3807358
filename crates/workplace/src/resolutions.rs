//! The resolutions every commission put to the vote, adopted or not: who voted on it, its
//! number and date, its title, the votes, its effects in words and what rescinded it.

use maud::{Markup, html};
use tandoo_core::State;
use tandoo_core::resolution::{Resolution, ResolutionKey, VoteTally};
use tandoo_present::{FluentArgs, date, text, words, written};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// The votes for, against and abstaining, in words.
pub fn votes(screen: &Screen, tally: &VoteTally) -> String {
    let mut args = FluentArgs::new();
    args.set("for", tally.votes_for);
    args.set("against", tally.against);
    args.set("abstain", tally.abstain);
    screen.say("resolution-votes", &args)
}

fn outcome(screen: &Screen, r: &Resolution) -> String {
    screen.word(if r.voted.adopted {
        "resolution-adopted"
    } else {
        "resolution-not-adopted"
    })
}

fn rescinded(screen: &Screen, state: &State, r: &Resolution) -> Markup {
    html! {
        @for key in &r.rescinded_by {
            @if let Some(c) = state.citation(*key) {
                a href=(address::resolution(*key)) { (text::citation(&c, screen.language)) }
                " "
            }
        }
    }
}

fn commission_name(screen: &Screen, state: &State, r: &Resolution) -> String {
    state.commissions.get(&r.voted.commission).map_or_else(
        || r.voted.commission.to_string(),
        |c| written::text(&c.name, screen.language).to_owned(),
    )
}

/// `/staff/resolutions`: every resolution, newest first.
pub fn list(screen: &Screen, state: &State) -> String {
    let language = screen.language;
    let title = screen.word("resolutions-title");
    let main = html! {
        table.resolutions {
            caption { (screen.word("resolutions-caption")) }
            thead {
                tr {
                    th scope="col" { (screen.word("resolution-citation")) }
                    th scope="col" { (screen.word("resolution-commission")) }
                    th scope="col" { (screen.word("resolution-title")) }
                    th scope="col" { (screen.word("resolution-outcome")) }
                    th scope="col" { (screen.word("resolution-effects")) }
                    th scope="col" { (screen.word("resolution-rescinded-by")) }
                }
            }
            tbody {
                @for r in state.resolutions.values().rev() {
                    tr {
                        th scope="row" {
                            a href=(address::resolution(r.key)) { (text::citation(&r.citation(), language)) }
                        }
                        td { bdi { (commission_name(screen, state, r)) } }
                        td { bdi { (written::text(&r.voted.title, language)) } }
                        td { (outcome(screen, r)) br; (votes(screen, &r.voted.tally)) }
                        td { ul { @for e in &r.voted.effects { li { (words::effect(e, language)) } } } }
                        td { (rescinded(screen, state, r)) }
                    }
                }
            }
        }
    };
    document(screen, Some(state), &title, main)
}

/// `/staff/resolutions/{key}`: one resolution with each member's vote.
/// The resolution as the commission signs it, and its list of refunds, as PDF.
fn documents(screen: &Screen, r: &Resolution) -> Markup {
    let id = crate::address::resolution_document(r);
    let refunds = r.voted.adopted
        && r.voted
            .effects
            .iter()
            .any(|e| matches!(e, tandoo_core::resolution::Effect::RefundFees { .. }));
    html! {
        ul.documents {
            li { a href=(crate::address::document("resolution", &id, screen.language)) { (screen.word("document-resolution")) } }
            @if refunds {
                li { a href=(crate::address::document("refunds", &id, screen.language)) { (screen.word("document-refunds")) } }
            }
        }
    }
}

pub fn one(screen: &Screen, state: &State, key: ResolutionKey) -> Option<String> {
    let language = screen.language;
    let r = state.resolutions.get(&key)?;
    let title = text::citation(&r.citation(), language);
    let def = state.commissions.get(&r.voted.commission);
    let tally = &r.voted.tally;
    let mut rule = FluentArgs::new();
    rule.set("members", tally.members);
    rule.set("present", tally.present);
    rule.set("quorum", tally.quorum_required);
    rule.set("majority", tally.majority_required);
    let main = html! {
        dl.facts {
            dt { (screen.word("resolution-title")) } dd { bdi { (written::text(&r.voted.title, language)) } }
            dt { (screen.word("resolution-commission")) } dd { bdi { (commission_name(screen, state, r)) } }
            dt { (screen.word("meeting-date")) } dd { (date::date(r.date, language)) }
            dt { (screen.word("resolution-outcome")) } dd { (outcome(screen, r)) ": " (votes(screen, tally)) }
            dt { (screen.word("draft-votes")) } dd { (screen.say("draft-rule", &rule)) }
            @if !r.rescinded_by.is_empty() {
                dt { (screen.word("resolution-rescinded-by")) } dd { (rescinded(screen, state, r)) }
            }
        }
        h2 { (screen.word("resolution-effects")) }
        ul { @for e in &r.voted.effects { li { (words::effect(e, language)) } } }
        (documents(screen, r))
        table.votes {
            caption { (screen.word("draft-votes-caption")) }
            thead { tr { th scope="col" { (screen.word("draft-member")) } th scope="col" { (screen.word("resolution-vote")) } } }
            tbody {
                @for v in &r.voted.votes {
                    tr {
                        th scope="row" { bdi { (def.and_then(|d| d.member(&v.member)).map_or(v.member.to_string(), |m| m.name.clone())) } }
                        td { (screen.word(match v.vote {
                            tandoo_core::resolution::Vote::For => "vote-for",
                            tandoo_core::resolution::Vote::Against => "vote-against",
                            tandoo_core::resolution::Vote::Abstain => "vote-abstain",
                        })) }
                    }
                }
            }
        }
    };
    Some(document(screen, Some(state), &title, main))
}

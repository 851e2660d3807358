//! Control relations in words: a failure or warning of a protocol by its relation's code
//! (`E01`, `W02`), and a relation with the figures on each of its sides, as the operator
//! sees them on paper (`L2 (1 000) must equal L3 + L4 + L5 (680 + 0 + 1 = 681)`).
//!
//! Deciding whether a relation holds stays in core (`protocol::checks`); this only words
//! what core found.

use crate::{Language, catalog, form, number};
use fluent_bundle::FluentArgs;
use tandoo_core::protocol::{
    AGAINST_ALL, AcceptedFigures, CANDIDATES, ControlFailure, ProtocolForm, Relation, Rule,
    Severity, Warning,
};

/// What a relation asks, in `language`; a relation of a form the catalog does not know
/// (a commission's own form) keeps the description its form gives.
fn meaning(code: &str, description: Option<&str>, language: Language) -> String {
    catalog::message(language, &format!("relation-{code}"), None)
        .or_else(|| description.map(str::to_string))
        .unwrap_or_else(|| catalog::text(language, &format!("relation-{code}"), None))
}

fn headed(kind: &str, code: &str, relation: String, language: Language) -> String {
    let mut args = FluentArgs::new();
    args.set("code", code);
    args.set("relation", relation);
    catalog::text(language, kind, Some(&args))
}

/// A control failure that blocks acceptance: `error E01: ballots received are issued or
/// cancelled`.
pub fn control_failure(failure: &ControlFailure, language: Language) -> String {
    // A relation the catalog does not know (a commission's own form) keeps core's words.
    let relation = meaning(&failure.code, Some(&failure.message), language);
    headed("control-error", &failure.code, relation, language)
}

/// A warning the operator must acknowledge: `warning W02: turnout between 5% and 95%`.
pub fn warning(warning: &Warning, language: Language) -> String {
    let relation = meaning(&warning.code, Some(&warning.message), language);
    headed("control-warning", &warning.code, relation, language)
}

/// A relation of `form` with the figures of a protocol on its sides, headed by its code
/// and followed by what it asks: what the protocol entry screen shows beside the lines a
/// failed relation names.
pub fn relation_with_figures(
    form: &ProtocolForm,
    relation: &Relation,
    figures: &AcceptedFigures,
    language: Language,
) -> String {
    let side = |terms: &[String]| side(form, terms, figures, language);
    let mut args = FluentArgs::new();
    let sides = match &relation.rule {
        Rule::Equal { left, right } => {
            args.set("left", side(left));
            args.set("right", side(right));
            Some("control-equal")
        }
        Rule::AtMost { left, right } => {
            args.set("left", side(left));
            args.set("right", side(right));
            Some("control-at-most")
        }
        Rule::ShareWithin { part, whole, .. } => {
            args.set("part", side(part));
            args.set("whole", side(whole));
            args.set(
                "percent",
                share(figures.sum(part), figures.sum(whole), language),
            );
            Some("control-share")
        }
        Rule::CandidateShareAtMost { whole, .. } => {
            // The candidate with the most votes is the one the relation is about.
            let top = figures.candidates.iter().max_by_key(|(_, votes)| **votes);
            top.map(|(id, votes)| {
                args.set("candidate", id.to_string());
                args.set("votes", number::whole(*votes, language));
                args.set("whole", side(whole));
                args.set("percent", share(*votes, figures.sum(whole), language));
                "control-candidate-share"
            })
        }
        Rule::MatchesPreliminary {} => None,
    };
    // The catalog words the relations of the forms it knows (and E07, which belongs to
    // every form); another form's relation keeps the description the form gives it.
    let relation_words = if form::form_key(form).is_some() || relation.code == "E07" {
        meaning(&relation.code, Some(&relation.description), language)
    } else {
        relation.description.clone()
    };
    let text = match sides {
        Some(key) => format!(
            "{}; {relation_words}",
            catalog::text(language, key, Some(&args))
        ),
        None => relation_words,
    };
    let kind = match relation.severity {
        Severity::Error => "control-error",
        Severity::Warning => "control-warning",
    };
    headed(kind, &relation.code, text, language)
}

fn share(part: u64, whole: u64, language: Language) -> String {
    number::percent(part, whole, language).unwrap_or_else(|| "—".to_string())
}

/// A side as printed: `L2 (1,000)`, or `L3 + L4 + L5 (680 + 0 + 1 = 681)`.
fn side(
    form: &ProtocolForm,
    terms: &[String],
    figures: &AcceptedFigures,
    language: Language,
) -> String {
    let name = |term: &String| match term.as_str() {
        CANDIDATES => form::line_label(form, CANDIDATES, language),
        AGAINST_ALL => AGAINST_ALL.to_string(),
        code => code.to_string(),
    };
    let value = |term: &String| number::whole(figures.sum(std::slice::from_ref(term)), language);
    match terms {
        [one] => format!("{} ({})", name(one), value(one)),
        many => format!(
            "{} ({} = {})",
            many.iter().map(name).collect::<Vec<_>>().join(" + "),
            many.iter().map(value).collect::<Vec<_>>().join(" + "),
            number::whole(figures.sum(many), language)
        ),
    }
}

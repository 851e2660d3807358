//! Control relations in words: a failure or warning of a protocol by its relation's code
//! (`E01`, `W02`) and what it found, and a relation with the figures on each of its sides,
//! as the operator sees them on paper (`L2 (1 000) must equal L3 + L4 + L5 (680 + 0 + 1 =
//! 681)`).
//!
//! Deciding whether a relation holds stays in core (`protocol::checks`); this only words
//! what core found.

use crate::{Language, catalog, form, number};
use fluent_bundle::FluentArgs;
use tandoo_core::protocol::{
    AGAINST_ALL, AcceptedFigures, CANDIDATES, ControlFailure, Finding, ProtocolForm, ProtocolLine,
    Relation, Rule, Severity, Side, Term, Warning,
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

/// What a relation found, with the figures on each side, followed by what the relation
/// asks when the catalog knows it (`relation-E01`); a relation of a commission's own form
/// is known by what it found alone.
fn found_and_meant(code: &str, found: &Finding, language: Language) -> String {
    let found = finding(found, language);
    match catalog::message(language, &format!("relation-{code}"), None) {
        Some(meaning) => format!("{found}; {meaning}"),
        None => found,
    }
}

/// A control failure that blocks acceptance, with the figures it found: `error E01: L2
/// (1,000) must equal L3 + L4 + L5 (680 + 0 + 1 = 681); ballots received are issued or
/// cancelled`.
pub fn control_failure(failure: &ControlFailure, language: Language) -> String {
    let relation = found_and_meant(&failure.code, &failure.finding, language);
    headed("control-error", &failure.code, relation, language)
}

/// A warning the operator must acknowledge: `warning W02: L7 + L8 (…) is 2.00% of L1 (…);
/// turnout between 5% and 95%`.
pub fn warning(warning: &Warning, language: Language) -> String {
    let relation = found_and_meant(&warning.code, &warning.finding, language);
    headed("control-warning", &warning.code, relation, language)
}

/// What a relation found, in `language`, with its figures as the language writes them.
pub fn finding(found: &Finding, language: Language) -> String {
    let mut args = FluentArgs::new();
    let figure = |n: u64| number::whole(n, language);
    let key = match found {
        Finding::Negative { line, value } | Finding::TooLarge { line, value, .. } => {
            args.set("line", protocol_line(line, language));
            // A figure as typed, which may be below zero: digits as entered.
            args.set("value", value.to_string());
            if let Finding::TooLarge { max, .. } = found {
                args.set("max", figure(*max));
                "control-too-large"
            } else {
                "control-negative"
            }
        }
        Finding::LineMissing { line } => {
            args.set("line", line.as_str());
            "control-line-missing"
        }
        Finding::NotOnForm { line } => {
            args.set("line", line.as_str());
            "control-not-on-form"
        }
        Finding::NotOnBallot { candidate } => {
            args.set("candidate", candidate.to_string());
            "control-not-on-ballot"
        }
        Finding::CandidateMissing { candidate } => {
            args.set("candidate", candidate.to_string());
            "control-candidate-missing"
        }
        Finding::AgainstAllMissing => "control-against-all-missing",
        Finding::NoAgainstAllOnBallot => "control-no-against-all",
        Finding::NotEqual { left, right } | Finding::MoreThan { left, right } => {
            args.set("left", found_side(left, language));
            args.set("right", found_side(right, language));
            if matches!(found, Finding::NotEqual { .. }) {
                "control-equal"
            } else {
                "control-at-most"
            }
        }
        Finding::ShareOutside { part, whole, .. } => {
            args.set("part", found_side(part, language));
            args.set("whole", found_side(whole, language));
            args.set("percent", share(part.sum, whole.sum, language));
            "control-share"
        }
        Finding::CandidateShareAbove {
            candidate,
            votes,
            whole,
            ..
        } => {
            args.set("candidate", candidate.to_string());
            args.set("votes", figure(*votes));
            args.set("whole", found_side(whole, language));
            args.set("percent", share(*votes, whole.sum, language));
            "control-candidate-share"
        }
        Finding::DiffersFromPreliminary { differing } => {
            let each: Vec<String> = differing
                .iter()
                .map(|d| {
                    let mut args = FluentArgs::new();
                    args.set("line", line_code(&d.line));
                    args.set("manual", figure(d.manual));
                    args.set("box", figure(d.box_count));
                    catalog::text(language, "control-differs", Some(&args))
                })
                .collect();
            args.set("differing", each.join(", "));
            "control-preliminary"
        }
        Finding::OffRegister {
            line,
            voters_on_list,
            took_part,
            registered,
            margin_percent,
        } => {
            args.set("line", line.as_str());
            args.set("voters", figure(*voters_on_list));
            args.set("took_part", figure(*took_part));
            args.set("registered", figure(*registered));
            args.set("margin", *margin_percent);
            "control-register"
        }
        // What the operator was shown, recorded before findings were data.
        Finding::Recorded { message } => return message.clone(),
    };
    catalog::text(language, key, Some(&args))
}

/// A place on the protocol as a sentence names it: `line L4`, `the votes for candidate c-1`.
fn protocol_line(line: &ProtocolLine, language: Language) -> String {
    let mut args = FluentArgs::new();
    let key = match line {
        ProtocolLine::Line(code) => {
            args.set("line", code.as_str());
            "control-line"
        }
        ProtocolLine::Candidate(id) => {
            args.set("candidate", id.to_string());
            "control-candidate-line"
        }
        ProtocolLine::AgainstAll => "control-against-all-line",
    };
    catalog::text(language, key, Some(&args))
}

/// A place on the protocol by its code, as a list of figures shows it: `L4`, `c-1`, `AA`.
fn line_code(line: &ProtocolLine) -> String {
    match line {
        ProtocolLine::Line(code) => code.clone(),
        ProtocolLine::Candidate(id) => id.to_string(),
        ProtocolLine::AgainstAll => AGAINST_ALL.to_string(),
    }
}

/// A side a relation found, as printed: `L2 (1,000)`, or `L3 + L4 + L5 (680 + 0 + 1 = 681)`.
fn found_side(found: &Side, language: Language) -> String {
    let name = |term: &Term| match term.term.as_str() {
        CANDIDATES => catalog::text(language, "control-candidates", None),
        code => code.to_string(),
    };
    match found.terms.as_slice() {
        [one] => format!("{} ({})", name(one), number::whole(one.figure, language)),
        many => format!(
            "{} ({} = {})",
            many.iter().map(name).collect::<Vec<_>>().join(" + "),
            many.iter()
                .map(|t| number::whole(t.figure, language))
                .collect::<Vec<_>>()
                .join(" + "),
            number::whole(found.sum, language)
        ),
    }
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

//! The catalogs: one Fluent file per language (`locales/{ky,ru,en}.ftl`), embedded in the
//! binary and keyed by the stable codes of core, count, the record and the API. A message
//! takes the fields of what it words as Fluent arguments, so a translator can choose a
//! plural form (Russian one/few/many, Kyrgyz one/other) or a word order the English lacks.
//!
//! Whole numbers given as arguments are written in the language's own way (grouped
//! thousands); identifiers (a station's or constituency's number, a year) are given as
//! text so they are never grouped.

use crate::Language;
use crate::number;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The catalog files of each language (Kyrgyz, Russian, English): the words of core, count,
/// the record and the API, then one part per face of tandoo, so that each can be reviewed
/// (and translated) on its own.
const PARTS: [[&str; 3]; 6] = [
    [
        include_str!("../locales/ky.ftl"),
        include_str!("../locales/ru.ftl"),
        include_str!("../locales/en.ftl"),
    ],
    [
        include_str!("../locales/portal/ky.ftl"),
        include_str!("../locales/portal/ru.ftl"),
        include_str!("../locales/portal/en.ftl"),
    ],
    [
        include_str!("../locales/opendata/ky.ftl"),
        include_str!("../locales/opendata/ru.ftl"),
        include_str!("../locales/opendata/en.ftl"),
    ],
    [
        include_str!("../locales/publish/ky.ftl"),
        include_str!("../locales/publish/ru.ftl"),
        include_str!("../locales/publish/en.ftl"),
    ],
    [
        include_str!("../locales/documents/ky.ftl"),
        include_str!("../locales/documents/ru.ftl"),
        include_str!("../locales/documents/en.ftl"),
    ],
    [
        include_str!("../locales/staff/ky.ftl"),
        include_str!("../locales/staff/ru.ftl"),
        include_str!("../locales/staff/en.ftl"),
    ],
];

/// The source of each catalog, as reviewed: its parts one after the other (a message
/// defined twice is a problem the catalog reports, and a test insists there is none).
pub fn source(language: Language) -> &'static str {
    static JOINED: OnceLock<[String; 3]> = OnceLock::new();
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or_default();
    &JOINED.get_or_init(|| {
        [0, 1, 2].map(|i| {
            PARTS
                .iter()
                .map(|part| part[i])
                .collect::<Vec<_>>()
                .join("\n")
        })
    })[index]
}

type Bundle = FluentBundle<FluentResource>;

struct Catalog {
    bundle: Bundle,
    /// What did not parse or load, kept so that a test can insist there is nothing.
    problems: Vec<String>,
}

fn catalogs() -> &'static [Catalog; 3] {
    static CATALOGS: OnceLock<[Catalog; 3]> = OnceLock::new();
    CATALOGS.get_or_init(|| Language::ALL.map(load))
}

fn catalog(language: Language) -> &'static Catalog {
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or_default();
    &catalogs()[index]
}

fn load(language: Language) -> Catalog {
    let mut problems = Vec::new();
    // A resource with a syntax error keeps every message that did parse; the error is
    // reported by `problems` (a test requires none), never by a panic at a reader's desk.
    let resource = FluentResource::try_new(source(language).to_string()).unwrap_or_else(
        |(resource, errors)| {
            problems.extend(errors.iter().map(|e| format!("{e:?}")));
            resource
        },
    );
    let id = language
        .code()
        .parse()
        .expect("ky, ru and en are well-formed language identifiers");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Plain text for terminals and documents: no bidirectional isolation marks around
    // arguments (names are Cyrillic or Latin, both written left to right; HTML isolates
    // user text with <bdi> where it is rendered).
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match language {
        Language::Ky => format_ky,
        Language::Ru => format_ru,
        Language::En => format_en,
    }));
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(|e| format!("{e:?}")));
    }
    Catalog { bundle, problems }
}

/// The memoizer of the concurrent bundle, named through the bundle so that the formatters'
/// signature needs no crate of its own.
type Memoizer = <Bundle as BundleMemoizer>::Memoizer;

trait BundleMemoizer {
    type Memoizer;
}

impl<R, M> BundleMemoizer for fluent_bundle::bundle::FluentBundle<R, M> {
    type Memoizer = M;
}

fn format_ky(value: &FluentValue, _: &Memoizer) -> Option<String> {
    format_number(value, Language::Ky)
}

fn format_ru(value: &FluentValue, _: &Memoizer) -> Option<String> {
    format_number(value, Language::Ru)
}

fn format_en(value: &FluentValue, _: &Memoizer) -> Option<String> {
    format_number(value, Language::En)
}

/// The largest whole number an f64 holds exactly. Fluent keeps numbers as f64 (for plural
/// selection too); the figures tandoo passes are whole and far below this bound (a
/// nation's ballots), so they are written digit for digit.
const EXACT_IN_F64: f64 = 9_007_199_254_740_992.0;

fn format_number(value: &FluentValue, language: Language) -> Option<String> {
    match value {
        FluentValue::Number(n)
            if n.value.fract() == 0.0
                && (0.0..=EXACT_IN_F64).contains(&n.value)
                && n.options.minimum_fraction_digits.is_none() =>
        {
            Some(number::whole(n.value as u64, language))
        }
        _ => None,
    }
}

/// Every key of a catalog, in the order written.
pub fn keys(language: Language) -> Vec<&'static str> {
    messages(language).map(|m| m.id.name).collect()
}

/// The arguments (`$name`) the message `key` of a catalog uses, in any of its variants: a
/// translation may use fewer than the English, never one the code does not give.
pub fn arguments(language: Language, key: &str) -> BTreeSet<&'static str> {
    let mut found = BTreeSet::new();
    for message in messages(language).filter(|m| m.id.name == key) {
        if let Some(pattern) = &message.value {
            pattern_arguments(pattern, &mut found);
        }
    }
    found
}

fn messages(language: Language) -> impl Iterator<Item = ast::Message<&'static str>> {
    let parsed = fluent_syntax::parser::parse(source(language)).unwrap_or_else(|(r, _)| r);
    parsed.body.into_iter().filter_map(|entry| match entry {
        ast::Entry::Message(message) => Some(message),
        _ => None,
    })
}

fn pattern_arguments(pattern: &ast::Pattern<&'static str>, found: &mut BTreeSet<&'static str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_arguments(expression, found);
        }
    }
}

fn expression_arguments(
    expression: &ast::Expression<&'static str>,
    found: &mut BTreeSet<&'static str>,
) {
    match expression {
        ast::Expression::Inline(inline) => inline_arguments(inline, found),
        ast::Expression::Select { selector, variants } => {
            inline_arguments(selector, found);
            for variant in variants {
                pattern_arguments(&variant.value, found);
            }
        }
    }
}

fn inline_arguments(
    inline: &ast::InlineExpression<&'static str>,
    found: &mut BTreeSet<&'static str>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name);
        }
        ast::InlineExpression::Placeable { expression } => expression_arguments(expression, found),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_arguments(argument, found);
            }
            for named in &arguments.named {
                inline_arguments(&named.value, found);
            }
        }
        _ => {}
    }
}

/// What in a catalog did not parse or load (empty for a sound catalog).
pub fn problems(language: Language) -> &'static [String] {
    &catalog(language).problems
}

/// Whether the catalog of `language` has a message `key`.
pub fn has(language: Language, key: &str) -> bool {
    catalog(language).bundle.has_message(key)
}

/// The message `key` in `language` with `args`, or `None` when the catalog lacks it.
pub fn message(language: Language, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = &catalog(language).bundle;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The message `key` in `language`; if that catalog lacks it (or an argument is missing),
/// the English one; else the key itself, so a reader sees the stable code rather than
/// nothing.
pub fn text(language: Language, key: &str, args: Option<&FluentArgs>) -> String {
    message(language, key, args)
        .or_else(|| message(Language::En, key, args))
        .unwrap_or_else(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A select on a number in a throwaway bundle of `language`.
    fn plural(language: Language, n: u64) -> String {
        let source = "n = { $n ->\n [one] one\n [few] few\n [many] many\n *[other] other\n }\n";
        let resource = FluentResource::try_new(source.to_string()).unwrap();
        let mut bundle = Bundle::new_concurrent(vec![language.code().parse().unwrap()]);
        bundle.add_resource(resource).unwrap();
        let mut args = FluentArgs::new();
        args.set("n", n);
        let pattern = bundle.get_message("n").unwrap().value().unwrap();
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        text.into_owned()
    }

    #[test]
    fn translators_get_the_cldr_plural_forms_of_each_language() {
        let forms = |language| [1, 2, 5, 21].map(|n| plural(language, n));
        assert_eq!(forms(Language::Ru), ["one", "few", "many", "one"]);
        assert_eq!(forms(Language::Ky), ["one", "other", "other", "other"]);
        assert_eq!(forms(Language::En), ["one", "other", "other", "other"]);
    }

    #[test]
    fn whole_numbers_given_as_arguments_are_grouped_as_the_language_groups_them() {
        let mut args = FluentArgs::new();
        args.set("limit", 1_048_576);
        assert_eq!(
            text(Language::Ru, "api-BODY_TOO_LARGE", Some(&args)),
            "тело запроса больше 1\u{a0}048\u{a0}576 байт, которые принимает этот адрес"
        );
        assert!(text(Language::En, "api-BODY_TOO_LARGE", Some(&args)).contains("1,048,576 bytes"));
    }
}

//! The catalogs are complete: every language has every key another has, and every stable
//! code of core, count, the record and the API — every refusal, control relation, state,
//! role, standing, effect, act type and form line — has a message in every language.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tandoo_core::act::Act;
use tandoo_core::candidate::Standing;
use tandoo_core::permission::CommandKind;
use tandoo_core::progress::StationStatus;
use tandoo_core::protocol::FormError;
use tandoo_core::protocol::ProtocolForm;
use tandoo_core::refusal::{Entity, Lapse};
use tandoo_core::resolution::Effect;
use tandoo_core::resolution::EffectKind;
use tandoo_core::results::ContestState;
use tandoo_core::{Role, refusal};
use tandoo_present::words::{code_of, field_key};
use tandoo_present::{Language, catalog};

fn keys(language: Language) -> BTreeSet<&'static str> {
    catalog::keys(language).into_iter().collect()
}

/// Fails naming every code of `codes` that some language has no `prefix-CODE` message for.
fn assert_worded<'a>(prefix: &str, codes: impl IntoIterator<Item = &'a str>) {
    let mut missing = Vec::new();
    let mut count = 0;
    for code in codes {
        count += 1;
        for language in Language::ALL {
            let key = format!("{prefix}-{code}");
            if !catalog::has(language, &key) {
                missing.push(format!("{language}: {key}"));
            }
        }
    }
    assert!(count > 0, "no {prefix} codes were found to check");
    assert!(missing.is_empty(), "catalogs lack {missing:#?}");
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The names serde accepts for a tagged or plain enum, read from the error it gives for a
/// name it does not know ("unknown variant `?`, expected one of `a`, `b`").
fn serde_names<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> Vec<String> {
    let error = serde_json::from_str::<T>(json).unwrap_err().to_string();
    let (_, expected) = error
        .split_once("expected one of")
        .unwrap_or_else(|| panic!("no list of variants in {error:?}"));
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The quoted SCREAMING_SNAKE_CASE words in the code (not the comments) of `text`.
fn quoted_codes(text: &str) -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for line in text.lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (i, part) in line.split('"').enumerate() {
            let quoted = i % 2 == 1;
            let code_like = part.len() >= 3
                && part.starts_with(|c: char| c.is_ascii_uppercase())
                && part
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            if quoted && code_like {
                codes.insert(part.to_string());
            }
        }
    }
    codes
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_catalog_parses_and_loads_without_a_problem() {
    for language in Language::ALL {
        assert_eq!(catalog::problems(language), &[] as &[String], "{language}");
        assert!(keys(language).len() > 100, "{language} is nearly empty");
    }
}

#[test]
fn no_catalog_lacks_a_key_that_another_has() {
    let all: BTreeSet<&str> = Language::ALL.into_iter().flat_map(keys).collect();
    for language in Language::ALL {
        let own = keys(language);
        let missing: Vec<_> = all.difference(&own).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        assert_eq!(
            catalog::keys(language).len(),
            keys(language).len(),
            "{language} defines a key twice"
        );
    }
}

#[test]
fn no_translation_uses_an_argument_the_english_message_does_not_have() {
    for key in keys(Language::En) {
        let english = catalog::arguments(Language::En, key);
        for language in [Language::Ru, Language::Ky] {
            let translated = catalog::arguments(language, key);
            let extra: Vec<_> = translated.difference(&english).collect();
            assert!(extra.is_empty(), "{language} {key} uses {extra:?}");
        }
    }
}

#[test]
fn the_russian_and_kyrgyz_catalogs_say_they_await_a_native_speakers_review() {
    for language in [Language::Ru, Language::Ky] {
        let header: String = catalog::source(language)
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect();
        assert!(
            header.contains("awaiting review by a native speaker"),
            "{language}"
        );
    }
}

#[test]
fn every_refusal_code_of_core_has_a_message() {
    assert_worded("refusal", refusal::CODES.iter().copied());
}

#[test]
fn every_count_error_has_a_message() {
    assert_worded("count", tandoo_count::error::CODES.iter().copied());
}

#[test]
fn every_record_error_has_a_message() {
    let source = std::fs::read_to_string(workspace().join("crates/record/src/error.rs")).unwrap();
    let codes: BTreeSet<String> = source
        .lines()
        .filter(|l| l.trim_start().starts_with("RecordError::") && l.contains("=> \""))
        .flat_map(quoted_codes)
        .collect();
    assert!(codes.contains("STALE_HEAD") && codes.contains("STORE_IO"));
    assert_worded("record", codes.iter().map(String::as_str));
}

/// The codes a `code()` of `file` gives on the lines that name a variant of one of `types`
/// (`BreakKind::Gap { .. } => "CHAIN_GAP"`).
fn codes_of(file: &str, types: &[&str]) -> BTreeSet<String> {
    let source = std::fs::read_to_string(workspace().join(file)).unwrap();
    source
        .lines()
        .filter(|l| {
            let line = l.trim_start();
            types.iter().any(|t| line.starts_with(t)) && line.contains("=> \"")
        })
        .flat_map(quoted_codes)
        .collect()
}

#[test]
fn every_break_of_the_chain_and_every_copy_error_has_a_message() {
    let breaks = codes_of("crates/record/src/verify.rs", &["BreakKind::"]);
    assert!(breaks.contains("CHAIN_GAP") && breaks.contains("CHAIN_HASH_MISMATCH"));
    assert_worded("record", breaks.iter().map(String::as_str));
    let copies = codes_of("crates/record/src/copy.rs", &["CopyError::"]);
    assert!(copies.contains("COPY_DIFFERS"), "{copies:?}");
    assert_worded("record", copies.iter().map(String::as_str));
}

#[test]
fn every_error_of_the_ledger_has_a_message() {
    let mut codes = BTreeSet::new();
    let mut files = Vec::new();
    rust_files(&workspace().join("crates/ledger/src"), &mut files);
    for file in files {
        let file = file
            .strip_prefix(workspace())
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        codes.extend(codes_of(&file, &["LedgerError::", "Defect::", "Halt::"]));
    }
    assert!(codes.contains("ACT_UNREADABLE"), "{codes:?}");
    assert_worded("ledger", codes.iter().map(String::as_str));
}

/// The codes the command line fails with: the first argument of every
/// `CliError::input(…)` and `CliError::runtime(…)`, which may stand on the next line.
fn codes_the_command_line_fails_with() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&workspace().join("crates/cli/src"), &mut files);
    let mut codes = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(file).unwrap();
        for call in ["CliError::input(", "CliError::runtime("] {
            for (at, _) in source.match_indices(call) {
                let rest = source[at + call.len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"') {
                    let code = quoted.split('"').next().unwrap_or_default();
                    codes.extend(quoted_codes(&format!("\"{code}\"")));
                }
            }
        }
    }
    codes
}

#[test]
fn every_code_the_command_line_fails_with_has_a_message() {
    let codes = codes_the_command_line_fails_with();
    for expected in ["NO_SOURCE", "BAD_CSV", "RECORD_DOES_NOT_VERIFY"] {
        assert!(
            codes.contains(expected),
            "{expected} not found in {codes:?}"
        );
    }
    assert_worded("cli", codes.iter().map(String::as_str));
}

#[test]
fn every_code_the_api_answers_with_has_a_message() {
    let mut files = Vec::new();
    rust_files(&workspace().join("crates/server/src"), &mut files);
    let mut codes = BTreeSet::new();
    for file in files {
        codes.extend(quoted_codes(&std::fs::read_to_string(file).unwrap()));
    }
    // And every code of the API's documented table of errors.
    let api = std::fs::read_to_string(workspace().join("docs/api.md")).unwrap();
    for row in api
        .lines()
        .filter(|l| l.starts_with("| 4") || l.starts_with("| 5"))
    {
        let cells: Vec<&str> = row.split('|').collect();
        for code in cells.get(2).unwrap_or(&"").split('`').skip(1).step_by(2) {
            codes.insert(code.to_string());
        }
    }
    assert!(codes.contains("CSRF_MISMATCH") && codes.contains("ACCOUNT_EXISTS"));
    assert_worded("api", codes.iter().map(String::as_str));
}

#[test]
fn every_control_relation_has_a_message() {
    let form = ProtocolForm::kyrgyz();
    let codes: Vec<&str> = form.relations.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes.len(), 11, "E01–E06 and W01–W05");
    // E07 (whole figures, every line there) and W_REGISTER (the voter lines against the
    // station's register) belong to every form and are not listed in it.
    let every_form = ["E07", tandoo_core::protocol::REGISTER_WARNING];
    assert_worded("relation", codes.into_iter().chain(every_form));
}

#[test]
fn every_line_of_the_kyrgyz_form_has_a_label() {
    let form = ProtocolForm::kyrgyz();
    let lines = form.lines.iter().map(|l| l.code.as_str());
    assert_worded("form-kyrgyz", lines.chain(["AA", "candidates"]));
    assert!(
        keys(Language::En).contains("form-kyrgyz"),
        "the form's title"
    );
}

#[test]
fn every_act_type_and_effect_has_a_message() {
    let acts = serde_names::<Act>(r#"{"type": "?"}"#);
    assert!(acts.len() >= 20, "{acts:?}");
    assert_worded("act", acts.iter().map(String::as_str));
    let effects = serde_names::<Effect>(r#"{"effect": "?"}"#);
    assert!(effects.len() >= 13, "{effects:?}");
    assert_worded("effect", effects.iter().map(String::as_str));
}

#[test]
fn every_role_and_standing_has_a_message() {
    let roles = serde_names::<Role>(r#""?""#);
    assert_eq!(roles.len(), 5);
    assert_worded("role", roles.iter().map(String::as_str));
    let standings = serde_names::<Standing>(r#""?""#);
    assert_worded("standing", standings.iter().map(String::as_str));
    let genders = [tandoo_count::Gender::Male, tandoo_count::Gender::Female]
        .map(|g| code_of(&g, None).unwrap());
    assert_worded("gender", genders.iter().map(String::as_str));
}

/// Names every state without a wildcard, so that a new one does not compile until it is
/// added to the lists of the test below.
fn listed_state(state: ContestState) -> ContestState {
    match state {
        ContestState::AwaitingProtocols
        | ContestState::Counting
        | ContestState::ResultsBeingDetermined
        | ContestState::Elected
        | ContestState::AwaitingLot
        | ContestState::Failed
        | ContestState::Invalid
        | ContestState::Cancelled => state,
    }
}

fn listed_status(status: StationStatus) -> StationStatus {
    match status {
        StationStatus::NotEntered
        | StationStatus::FirstEntry
        | StationStatus::Differences
        | StationStatus::NewEntryOrdered
        | StationStatus::Accepted
        | StationStatus::Corrected
        | StationStatus::Annulled => status,
    }
}

#[test]
fn every_contest_state_and_station_status_has_a_message() {
    use ContestState::*;
    let states = [
        AwaitingProtocols,
        Counting,
        ResultsBeingDetermined,
        Elected,
        AwaitingLot,
        Failed,
        Invalid,
        Cancelled,
    ]
    .map(|s| code_of(&listed_state(s), None).unwrap());
    assert_worded("state", states.iter().map(String::as_str));
    use StationStatus::*;
    let statuses = [
        NotEntered,
        FirstEntry,
        Differences,
        NewEntryOrdered,
        Accepted,
        Corrected,
        Annulled,
    ]
    .map(|s| code_of(&listed_status(s), None).unwrap());
    assert_worded("station", statuses.iter().map(String::as_str));
}

#[test]
fn a_missing_message_shows_its_key_and_an_untranslated_one_falls_back_to_english() {
    assert_eq!(
        catalog::text(Language::Ru, "refusal-NO_SUCH_CODE", None),
        "refusal-NO_SUCH_CODE"
    );
    assert_eq!(
        catalog::message(Language::Ky, "refusal-NO_SUCH_CODE", None),
        None
    );
}

/// The fields core's bounds on a command name (`id("actor.user", …)`, `text("title", …)`),
/// read from the first argument of every call of a bound in `decide/limits.rs`, which may
/// stand on the line after the call's name.
fn fields_core_bounds() -> BTreeSet<String> {
    let source =
        std::fs::read_to_string(workspace().join("crates/core/src/decide/limits.rs")).unwrap();
    let mut fields = BTreeSet::new();
    for call in ["id(", "ids(", "text(", "texts(", "bounded("] {
        for (at, _) in source.match_indices(call) {
            let named_alone = source[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
            let rest = source[at + call.len()..].trim_start();
            if let (true, Some(quoted)) = (named_alone, rest.strip_prefix('"')) {
                fields.extend(quoted.split('"').next().map(str::to_string));
            }
        }
    }
    fields
}

#[test]
fn every_field_a_bound_of_core_names_has_a_message() {
    let fields = fields_core_bounds();
    for expected in [
        "actor.user",
        "title",
        "figures.candidates",
        "form.relations.code",
    ] {
        assert!(
            fields.contains(expected),
            "{expected} not found in {fields:?}"
        );
    }
    let mut missing = Vec::new();
    for field in &fields {
        for language in Language::ALL {
            if !catalog::has(language, &field_key(field)) {
                missing.push(format!("{language}: {}", field_key(field)));
            }
        }
    }
    assert!(missing.is_empty(), "catalogs lack {missing:#?}");
}

#[test]
fn every_kind_a_refusal_names_has_a_message() {
    let codes = |values: Vec<Option<String>>| -> Vec<String> {
        values.into_iter().map(|c| c.expect("a code")).collect()
    };
    let entities = codes(Entity::ALL.iter().map(|e| code_of(e, None)).collect());
    assert_worded("entity", entities.iter().map(String::as_str));
    let commands = codes(CommandKind::ALL.iter().map(|k| code_of(k, None)).collect());
    let effects = codes(EffectKind::ALL.iter().map(|k| code_of(k, None)).collect());
    // The kinds of effect are the effects' own codes, one for one.
    let tags = serde_names::<Effect>(r#"{"effect": "?"}"#);
    assert_eq!(
        effects.iter().collect::<BTreeSet<_>>(),
        tags.iter().collect::<BTreeSet<_>>()
    );
    assert_worded(
        "action",
        commands.iter().chain(&effects).map(String::as_str),
    );
    let lapses = codes(Lapse::ALL.iter().map(|l| code_of(l, None)).collect());
    assert_worded("why", lapses.iter().map(String::as_str));
    // The commands a candidate's standing can forbid.
    let forbidden = [
        CommandKind::RegisterCandidate,
        CommandKind::RefuseRegistration,
        CommandKind::WithdrawCandidate,
    ];
    let forbidden = codes(forbidden.iter().map(|k| code_of(k, None)).collect());
    assert_worded("standing-action", forbidden.iter().map(String::as_str));
    assert_worded("form-error", FormError::CODES);
}

#[test]
fn russian_and_kyrgyz_use_the_election_vocabulary_of_the_law() {
    let ru = catalog::source(Language::Ru);
    for term in [
        "протокол",
        "участковой избирательной комиссии",
        "постановлени",
        "«против всех»",
        "избирательного участка",
        "избирательный округ",
    ] {
        assert!(ru.contains(term), "ru lacks {term}");
    }
    let ky = catalog::source(Language::Ky);
    for term in [
        "шайлоо",
        "шайлоо участкасы",
        "токтом",
        "«баарына каршы»",
        "участкалык шайлоо комиссиясы",
        "шайлоо округу",
    ] {
        assert!(ky.contains(term), "ky lacks {term}");
    }
}

//! Bounds on what a command may carry (L5, M8, I2): identifiers non-empty, short and free of
//! control and invisible characters; texts not blank and bounded by kind; a whole command at
//! most [`MAX_COMMAND_BYTES`]. Checked before anything else, so an oversized or malformed value
//! never reaches the state, the record or a page (R-REF-BOUNDS).

use crate::command::*;
use crate::commission::CommissionDef;
use crate::protocol::ProtocolForm;
use crate::refusal::Refusal;
use crate::resolution::Effect;
use crate::rules::RuleSetSpec;
use crate::text::{Text, TextLanguage};

/// The largest command, as JSON: far above the largest real one (a resolution with a dozen
/// votes and its effects is a few KiB), far below what could hold a server's memory.
pub const MAX_COMMAND_BYTES: usize = 64 * 1024;
/// Identifiers: `E1-13-01`, `CEC-2026-S1`, a person's number, a user name.
pub const MAX_ID: usize = 64;
/// Names of people, bodies, places, elections, forms, parties.
pub const MAX_NAME: usize = 300;
/// Titles, agenda items, reasons, subjects, line meanings, descriptions of a relation.
pub const MAX_LINE: usize = 2_000;
/// Running texts: descriptions, requests, answers, decisions, directives.
pub const MAX_TEXT: usize = 20_000;

/// Characters that change how the text around them is shown without being seen: bidi
/// embeddings, overrides and isolates, marks, zero-width joiners and spaces, the BOM (I2).
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn bad_character(field: &'static str, c: char) -> Refusal {
    Refusal::BadCharacter {
        field,
        code_point: u32::from(c),
    }
}

/// An identifier: not empty, at most [`MAX_ID`] characters, no whitespace, control or
/// invisible character.
fn id(field: &'static str, value: &str) -> Result<(), Refusal> {
    if value.is_empty() {
        return Err(Refusal::EmptyIdentifier { field });
    }
    let length = value.chars().count();
    if length > MAX_ID {
        return Err(Refusal::IdentifierTooLong {
            field,
            length,
            max: MAX_ID,
        });
    }
    match value
        .chars()
        .find(|c| c.is_control() || c.is_whitespace() || invisible(*c))
    {
        Some(c) => Err(bad_character(field, c)),
        None => Ok(()),
    }
}

/// A text of at most `max` characters, perhaps empty; a running text may hold line breaks and
/// tabs, a one-line text no control character at all; neither an invisible one.
fn bounded(field: &'static str, value: &str, max: usize) -> Result<(), Refusal> {
    let length = value.chars().count();
    if length > max {
        return Err(Refusal::TextTooLong { field, length, max });
    }
    let running = max == MAX_TEXT;
    let forbidden =
        |c: char| invisible(c) || (c.is_control() && !(running && matches!(c, '\n' | '\t')));
    match value.chars().find(|c| forbidden(*c)) {
        Some(c) => Err(bad_character(field, c)),
        None => Ok(()),
    }
}

/// A text that must say something.
fn text(field: &'static str, value: &str, max: usize) -> Result<(), Refusal> {
    if value.trim().is_empty() {
        return Err(Refusal::BlankText { field });
    }
    bounded(field, value, max)
}

/// A text the commission writes, perhaps in several languages: each language's text must say
/// something and keep the bound, and a refusal names the language (`name.ru`). A text in no
/// language at all (which JSON cannot give, but code can) says nothing.
fn texts(field: &'static str, value: &Text, max: usize) -> Result<(), Refusal> {
    if value.each().is_empty() {
        return Err(Refusal::BlankText { field });
    }
    value
        .each()
        .into_iter()
        .try_for_each(|(language, words)| text(in_language(field, language), words, max))
}

/// The field of a text in one language: `name` in Russian is `name.ru`. Fields are static
/// so that a refusal carries no built string; these are every field [`texts`] checks.
fn in_language(field: &'static str, language: Option<TextLanguage>) -> &'static str {
    use TextLanguage::{En, Ky, Ru};
    match (field, language) {
        (_, None) => field,
        ("name", Some(Ky)) => "name.ky",
        ("name", Some(Ru)) => "name.ru",
        ("name", Some(En)) => "name.en",
        ("title", Some(Ky)) => "title.ky",
        ("title", Some(Ru)) => "title.ru",
        ("title", Some(En)) => "title.en",
        ("effects.name", Some(Ky)) => "effects.name.ky",
        ("effects.name", Some(Ru)) => "effects.name.ru",
        ("effects.name", Some(En)) => "effects.name.en",
        ("effects.text", Some(Ky)) => "effects.text.ky",
        ("effects.text", Some(Ru)) => "effects.text.ru",
        ("effects.text", Some(En)) => "effects.text.en",
        _ => field,
    }
}

fn ids<'a>(field: &'static str, values: impl IntoIterator<Item = &'a str>) -> Result<(), Refusal> {
    values.into_iter().try_for_each(|v| id(field, v))
}

/// Checks every identifier and text of `submission` against its bound.
pub fn check(submission: &Submission) -> Result<(), Refusal> {
    let size = serde_json::to_vec(&submission.command).map_or(usize::MAX, |json| json.len());
    if size > MAX_COMMAND_BYTES {
        return Err(Refusal::CommandTooLarge {
            size,
            max: MAX_COMMAND_BYTES,
        });
    }
    id("actor.user", &submission.actor.user)?;
    id("actor.commission", submission.actor.commission.as_str())?;
    match &submission.command {
        Command::DefineConstituency(def) => texts("name", &def.name, MAX_NAME),
        Command::DefineStation(def) => text("name", &def.name, MAX_NAME),
        Command::FormCommission(def) => commission(def),
        Command::CallElection(spec) => {
            id("id", spec.id.as_str())?;
            texts("name", &spec.name, MAX_NAME)?;
            ids("repeat_of", spec.repeat_of.iter().map(|e| e.as_str()))?;
            match &spec.rule_set {
                RuleSetSpec::Preset(name) => id("rule_set", name)?,
                RuleSetSpec::Custom(rules) => text("rule_set.name", &rules.name, MAX_NAME)?,
            }
            spec.form.as_ref().map_or(Ok(()), form)
        }
        Command::NominateCandidate(n) => {
            id("id", n.id.as_str())?;
            id("person", n.person.as_str())?;
            text("name", &n.name, MAX_NAME)?;
            if let Some(latin) = &n.latin_name {
                text("latin_name", latin, MAX_NAME)?;
            }
            id("election", n.election.as_str())?;
            match &n.nominated_by {
                crate::candidate::Nominator::Party { party } => {
                    text("nominated_by.party", party, MAX_NAME)
                }
                crate::candidate::Nominator::SelfNominated => Ok(()),
            }
        }
        Command::PayFee(c) => {
            id("candidate", c.candidate.as_str())?;
            bounded("reference", &c.reference, MAX_LINE)
        }
        Command::RegisterCandidate(c) => id("candidate", c.candidate.as_str()),
        Command::RefuseRegistration(c) => {
            id("candidate", c.candidate.as_str())?;
            text("reason", &c.reason, MAX_LINE)
        }
        Command::WithdrawCandidate(c) => {
            id("candidate", c.candidate.as_str())?;
            text("reason", &c.reason, MAX_LINE)
        }
        Command::EnterProtocol(c) => {
            id("election", c.election.as_str())?;
            ids("figures.lines", c.figures.lines.keys().map(String::as_str))?;
            ids(
                "figures.candidates",
                c.figures.candidates.keys().map(|k| k.as_str()),
            )?;
            ids("acknowledged", c.acknowledged.iter().map(String::as_str))?;
            match &c.correction_reason {
                Some(reason) => text("correction_reason", reason, MAX_LINE),
                None => Ok(()),
            }
        }
        Command::SettleProtocol(c) => id("election", c.election.as_str()),
        Command::RecordPreliminaryFigures(c) => {
            id("election", c.election.as_str())?;
            ids("figures.lines", c.figures.lines.keys().map(String::as_str))?;
            ids(
                "figures.candidates",
                c.figures.candidates.keys().map(|k| k.as_str()),
            )
        }
        Command::RecordIncident(c) => {
            ids("id", c.id.iter().map(|i| i.as_str()))?;
            id("election", c.election.as_str())?;
            text("description", &c.description, MAX_TEXT)?;
            text("source", &c.source, MAX_LINE)
        }
        Command::FileComplaint(c) => {
            ids("id", c.id.iter().map(|i| i.as_str()))?;
            id("addressed_to", c.addressed_to.as_str())?;
            c.filed_by
                .iter()
                .try_for_each(|f| text("filed_by", f, MAX_NAME))?;
            ids("candidates", c.candidates.iter().map(|k| k.as_str()))?;
            text("subject", &c.subject, MAX_TEXT)
        }
        Command::SendRequest(c) => {
            ids("id", c.id.iter().map(|i| i.as_str()))?;
            id("about", c.about.as_str())?;
            text("to", &c.to, MAX_NAME)?;
            text("text", &c.text, MAX_TEXT)
        }
        Command::RecordAnswer(a) => {
            id("request", a.request.as_str())?;
            text("from", &a.from, MAX_NAME)?;
            text("text", &a.text, MAX_TEXT)
        }
        Command::DecideComplaint(c) => {
            id("complaint", c.complaint.as_str())?;
            bounded("text", &c.text, MAX_TEXT)
        }
        Command::HoldMeeting(c) => {
            ids("id", c.id.iter().map(|i| i.as_str()))?;
            id("commission", c.commission.as_str())?;
            ids("present", c.present.iter().map(|m| m.as_str()))?;
            c.agenda
                .iter()
                .try_for_each(|item| text("agenda", item, MAX_LINE))?;
            c.speakers.iter().try_for_each(|s| {
                text("speakers.name", &s.name, MAX_NAME)?;
                bounded("speakers.position", &s.position, MAX_NAME)?;
                text("speakers.subject", &s.subject, MAX_LINE)
            })
        }
        Command::VoteResolution(c) => {
            id("commission", c.commission.as_str())?;
            texts("title", &c.title, MAX_LINE)?;
            ids("meeting", c.meeting.iter().map(|m| m.as_str()))?;
            ids("considers", c.considers.iter().map(|k| k.as_str()))?;
            ids("votes.member", c.votes.iter().map(|v| v.member.as_str()))?;
            c.effects.iter().try_for_each(effect)
        }
    }
}

fn commission(def: &CommissionDef) -> Result<(), Refusal> {
    id("id", def.id.as_str())?;
    texts("name", &def.name, MAX_NAME)?;
    ids("parent", def.parent.iter().map(|p| p.as_str()))?;
    if let crate::commission::CommissionLevel::Territorial { area } = &def.level {
        text("area", area, MAX_NAME)?;
    }
    def.members.iter().try_for_each(|m| {
        id("members.id", m.id.as_str())?;
        text("members.name", &m.name, MAX_NAME)
    })
}

fn form(form: &ProtocolForm) -> Result<(), Refusal> {
    text("form.name", &form.name, MAX_NAME)?;
    form.lines.iter().try_for_each(|line| {
        id("form.lines.code", &line.code)?;
        text("form.lines.meaning", &line.meaning, MAX_LINE)
    })?;
    form.relations.iter().try_for_each(|relation| {
        id("form.relations.code", &relation.code)?;
        text(
            "form.relations.description",
            &relation.description,
            MAX_LINE,
        )
    })
}

fn effect(effect: &Effect) -> Result<(), Refusal> {
    match effect {
        Effect::CallRepeatElection { election, name, .. } => {
            id("effects.election", election.as_str())?;
            texts("effects.name", name, MAX_NAME)
        }
        Effect::EndMandate { reason, .. } => text("effects.reason", reason, MAX_LINE),
        Effect::Directive { text: words } => texts("effects.text", words, MAX_TEXT),
        // The other effects refer to things that exist; an identifier that is not one is
        // refused as unknown.
        _ => Ok(()),
    }
}

//! The pieces the record-keeping forms share: reading a sent form field by field (a field
//! that cannot be what its command needs is refused here, with a sentence beside it, before
//! anything reaches the ledger), and drawing labelled fields that show what was typed and
//! the problem found in it.

use std::collections::BTreeMap;

use maud::{Markup, html};
use tandoo_core::LegalDate;
use tandoo_core::ids::{CommissionId, ResolutionRef};
use tandoo_core::money::Money;

use crate::screen::Screen;

/// A field refused: its name and the catalog key (`staff-problem-…`) of the sentence that
/// says what to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub key: &'static str,
}

/// A form that was sent and is shown again: which form (its `action` field), what was
/// typed, the fields refused and the ledger's refusal, if it came that far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub form: String,
    pub typed: BTreeMap<String, String>,
    pub problems: Vec<Problem>,
    pub refusal: Option<String>,
}

impl Sent {
    pub fn new(form: &str, fields: &[(String, String)]) -> Sent {
        Sent {
            form: form.to_owned(),
            typed: fields
                .iter()
                .filter(|(name, _)| name != "csrf")
                .map(|(n, v)| (n.clone(), v.clone()))
                .collect(),
            problems: Vec::new(),
            refusal: None,
        }
    }
}

/// Reads one sent form: each read notes its field's problem and gives `None`, so that every
/// problem of the form is found at once.
pub struct Reader<'f> {
    fields: &'f [(String, String)],
    pub problems: Vec<Problem>,
}

impl<'f> Reader<'f> {
    pub fn new(fields: &'f [(String, String)]) -> Self {
        Reader {
            fields,
            problems: Vec::new(),
        }
    }

    fn refuse(&mut self, field: &str, key: &'static str) {
        self.problems.push(Problem {
            field: field.to_owned(),
            key,
        });
    }

    /// The field as typed, trimmed; empty when absent.
    pub fn optional(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    }

    /// Every value sent under `name` (ticked boxes), trimmed, empty ones left out.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// A field that must be written.
    pub fn required(&mut self, name: &str) -> Option<String> {
        let value = self.optional(name);
        if value.is_empty() {
            self.refuse(name, "required");
            return None;
        }
        Some(value)
    }

    /// The act's legal date, `YYYY-MM-DD`.
    pub fn date(&mut self, name: &str) -> Option<LegalDate> {
        let value = self.optional(name);
        match value.parse() {
            Ok(date) => Some(date),
            Err(_) => {
                self.refuse(name, "date");
                None
            }
        }
    }

    /// An amount in som with at most two digits of tyiyn (`20000`, `20 000,50`).
    pub fn money(&mut self, name: &str) -> Option<Money> {
        let value = self.optional(name);
        match money(&value) {
            Some(amount) => Some(amount),
            None => {
                self.refuse(name, "money");
                None
            }
        }
    }

    /// One of `choices` (value as sent → what it means).
    pub fn choice<T: Copy>(&mut self, name: &str, choices: &[(&str, T)]) -> Option<T> {
        let value = self.optional(name);
        let found = choices.iter().find(|(v, _)| *v == value).map(|(_, t)| *t);
        if found.is_none() {
            self.refuse(name, "choice");
        }
        found
    }

    /// A resolution cited as `CEC 161/2025`; absent when the field is empty.
    pub fn resolution(&mut self, name: &str) -> Option<Option<ResolutionRef>> {
        let value = self.optional(name);
        if value.is_empty() {
            return Some(None);
        }
        match resolution(&value) {
            Some(cited) => Some(Some(cited)),
            None => {
                self.refuse(name, "resolution");
                None
            }
        }
    }

    /// The problems, if any; else `made`.
    pub fn finish<T>(self, made: Option<T>) -> Result<T, Vec<Problem>> {
        match made {
            Some(made) if self.problems.is_empty() => Ok(made),
            _ => Err(self.problems),
        }
    }
}

/// Som as typed, in tyiyn: digits with spaces (or no-break spaces) between groups and at
/// most two decimals after a point or comma.
pub fn money(text: &str) -> Option<Money> {
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (whole, cents) = match compact.split_once(['.', ',']) {
        Some((whole, cents)) => (whole, cents),
        None => (compact.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(cents.is_empty() || digits(cents) && cents.len() <= 2) {
        return None;
    }
    let cents: u64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<u64>().ok()? * 10,
        _ => cents.parse().ok()?,
    };
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
        .map(Money)
}

/// A resolution's citation as the record writes it: `CEC 161/2025`.
pub fn resolution(text: &str) -> Option<ResolutionRef> {
    let (commission, rest) = text.trim().rsplit_once(' ')?;
    let (number, year) = rest.split_once('/')?;
    let commission = commission.trim();
    if commission.is_empty() {
        return None;
    }
    Some(ResolutionRef {
        commission: CommissionId::new(commission),
        year: year.parse().ok()?,
        number: number.parse().ok()?,
    })
}

/// How a field is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    /// Several lines (a reason, a subject).
    Long,
}

/// Draws the fields of one form on a screen: each field's value is what was typed when this
/// form is the one sent back, else its default.
pub struct Form<'s> {
    pub screen: &'s Screen<'s>,
    pub name: &'static str,
    pub sent: Option<&'s Sent>,
}

impl<'s> Form<'s> {
    pub fn new(screen: &'s Screen<'s>, name: &'static str, sent: Option<&'s Sent>) -> Self {
        Form {
            screen,
            name,
            sent: sent.filter(|s| s.form == name),
        }
    }

    fn id(&self, field: &str) -> String {
        format!("{}-{field}", self.name)
    }

    pub fn value(&self, field: &str, default: &str) -> String {
        self.sent
            .and_then(|s| s.typed.get(field).cloned())
            .unwrap_or_else(|| default.to_owned())
    }

    fn problem(&self, field: &str) -> Option<String> {
        let problem = self.sent?.problems.iter().find(|p| p.field == field)?;
        Some(self.screen.word(&format!("problem-{}", problem.key)))
    }

    /// The hidden fields every form holds: the session's token and which form it is.
    pub fn hidden(&self) -> Markup {
        html! {
            input type="hidden" name="csrf" value=(self.screen.csrf());
            input type="hidden" name="action" value=(self.name);
        }
    }

    /// A labelled field (`label` a catalog key), its problem beside it.
    pub fn field(&self, field: &str, label: &str, kind: Kind, default: &str) -> Markup {
        let id = self.id(field);
        let problem = self.problem(field);
        let described = problem.as_ref().map(|_| format!("{id}-problem"));
        let value = self.value(field, default);
        html! {
            div.field.has-problem[problem.is_some()] {
                label for=(id) { (self.screen.word(label)) }
                @if let (Some(text), Some(pid)) = (&problem, &described) {
                    p.field-problem id=(pid) { (text) }
                }
                @match kind {
                    Kind::Long => textarea id=(id) name=(field) rows="3" maxlength="2000"
                        aria-invalid=[described.as_ref().map(|_| "true")]
                        aria-describedby=[described.clone()] { (value) },
                    Kind::Date => input id=(id) name=(field) type="date" value=(value)
                        aria-invalid=[described.as_ref().map(|_| "true")]
                        aria-describedby=[described.clone()];
                    Kind::Text => input id=(id) name=(field) type="text" value=(value)
                        autocomplete="off" maxlength="500"
                        aria-invalid=[described.as_ref().map(|_| "true")]
                        aria-describedby=[described.clone()];
                }
            }
        }
    }

    /// A choice among `options` (the value sent, the words shown).
    pub fn select(
        &self,
        field: &str,
        label: &str,
        options: &[(&str, String)],
        default: &str,
    ) -> Markup {
        let id = self.id(field);
        let problem = self.problem(field);
        let described = problem.as_ref().map(|_| format!("{id}-problem"));
        let value = self.value(field, default);
        html! {
            div.field.has-problem[problem.is_some()] {
                label for=(id) { (self.screen.word(label)) }
                @if let (Some(text), Some(pid)) = (&problem, &described) {
                    p.field-problem id=(pid) { (text) }
                }
                select id=(id) name=(field)
                    aria-invalid=[described.as_ref().map(|_| "true")]
                    aria-describedby=[described.clone()] {
                    @for (option, words) in options {
                        option value=(option) selected[*option == value] { (words) }
                    }
                }
            }
        }
    }

    /// The summary above the form sent back: the ledger's refusal and each field's problem,
    /// linked to its field.
    pub fn summary(&self) -> Markup {
        let Some(sent) = self.sent else {
            return html! {};
        };
        if sent.problems.is_empty() && sent.refusal.is_none() {
            return html! {};
        }
        html! {
            div.problem role="alert" tabindex="-1" id=(format!("{}-problem", self.name)) {
                h3 { (self.screen.word("problem-heading")) }
                ul {
                    @if let Some(refusal) = &sent.refusal { li { (refusal) } }
                    @for p in &sent.problems {
                        li {
                            a href=(format!("#{}", self.id(&p.field))) {
                                (self.screen.word(label(&p.field))) ": "
                                (self.screen.word(&format!("problem-{}", p.key)))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The catalog key of the label of a field, by its name, for the summary's lines.
fn label(field: &str) -> &'static str {
    match field {
        "id" => "field-id",
        "person" => "field-person",
        "name" => "field-name",
        "latin_name" => "field-latin-name",
        "gender" => "field-gender",
        "nominated_by" => "field-nominated-by",
        "party" => "field-party",
        "constituency" => "constituency",
        "amount" => "field-amount",
        "reference" => "field-reference",
        "reason" => "field-reason",
        "kind" => "complaint-kind",
        "filed_by" => "field-filed-by",
        "candidates" => "field-candidates",
        "subject" => "complaint-subject",
        "concerns" => "field-concerns",
        "to" => "field-to",
        "text" => "field-text",
        "request" => "field-request",
        "from" => "field-from",
        "decision" => "complaint-decision",
        "resolution" => "field-resolution",
        "station" => "station",
        "description" => "field-description",
        "source" => "field-source",
        "date" => "field-date",
        // A field of no form here: named generically rather than not at all.
        _ => "problem-field",
    }
}

/// A path segment with everything but the unreserved characters percent-encoded: ids are
/// the commission's own text and may hold anything.
pub fn segment(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn som_are_read_with_their_groups_and_tyiyn() {
        assert_eq!(money("20000"), Some(Money(2_000_000)));
        assert_eq!(money("20 000,5"), Some(Money(2_000_050)));
        assert_eq!(money("1.05"), Some(Money(105)));
        for bad in ["", "1.234", "-5", "12a", ",5", "1,2,3"] {
            assert_eq!(money(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_resolution_is_read_as_the_record_cites_it() {
        assert_eq!(
            resolution("CEC 161/2025"),
            Some(ResolutionRef {
                commission: CommissionId::new("CEC"),
                year: 2025,
                number: 161
            })
        );
        assert_eq!(resolution("161/2025"), None);
        assert_eq!(resolution("CEC 161-2025"), None);
    }

    #[test]
    fn a_segment_keeps_only_what_a_path_may_hold() {
        assert_eq!(segment("E1-13-01"), "E1-13-01");
        assert_eq!(segment("a/b c"), "a%2Fb%20c");
    }
}

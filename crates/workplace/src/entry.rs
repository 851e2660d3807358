//! Protocol entry, laid out like the paper protocol: the form's lines in the order printed,
//! each with its code and meaning, then a line per candidate on the ballot and "against
//! all", with the candidates' total as you type. Two operators enter each protocol without
//! seeing each other's figures; a control error is shown beside the lines it names and in a
//! summary at the top; a warning is acknowledged by ticking it; a supervisor sees differing
//! entries side by side and keeps one or orders another entry.
//!
//! This module also reads the form back ([`Typed`]): what was typed, field by field, becomes
//! the command, and a field that is not a whole number is refused here, beside its line,
//! before anything reaches the ledger.

use std::collections::BTreeMap;

use maud::{Markup, html};
use tandoo_core::command::{EnterProtocol, SettleProtocol, Settlement};
use tandoo_core::ids::{CandidateId, ConstituencyNo, ElectionId, StationId};
use tandoo_core::progress::{ProtocolView, StationStatus, protocol_view};
use tandoo_core::protocol::{
    AGAINST_ALL, AcceptedFigures, CANDIDATES, ControlFailure, Finding, PreliminaryFigures,
    ProtocolEntry, ProtocolForm, ProtocolKey, ProtocolLine, Side, Warning,
};
use tandoo_core::{Role, State};
use tandoo_present::{FluentArgs, control, form as form_words, words, written};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// The field of "against all".
pub const AGAINST_ALL_FIELD: &str = "against-all";
/// The field of the total of the candidates' votes (shown, never sent).
const CANDIDATES_FIELD: &str = "candidates-total";
/// The most characters a figure's field takes: a protocol's figures have at most 7 digits.
const FIGURE_CHARS: usize = 12;

/// The field of a form line (`line-L3`) or a candidate (`candidate-C13-1`).
pub fn line_field(code: &str) -> String {
    format!("line-{code}")
}

pub fn candidate_field(id: &CandidateId) -> String {
    format!("candidate-{id}")
}

// ---- reading the form back ----

/// What an operator typed into the entry form, field by field, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    pub figures: BTreeMap<String, String>,
    /// The codes of the warnings ticked.
    pub acknowledged: Vec<String>,
    pub correction_reason: String,
}

/// A field that is not a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAFigure {
    pub field: String,
}

impl Typed {
    /// The typed form from a request's fields (`line-…`, `candidate-…`, `against-all`,
    /// `acknowledge`, `correction_reason`); other fields are not the form's and are left.
    pub fn from_fields<'f>(fields: impl IntoIterator<Item = (&'f str, &'f str)>) -> Typed {
        let mut typed = Typed::default();
        for (name, value) in fields {
            if name == "acknowledge" {
                typed.acknowledged.push(value.to_owned());
            } else if name == "correction_reason" {
                typed.correction_reason = value.trim().to_owned();
            } else if name.starts_with("line-")
                || name.starts_with("candidate-")
                || name == AGAINST_ALL_FIELD
            {
                typed
                    .figures
                    .insert(name.to_owned(), value.trim().to_owned());
            }
        }
        typed
    }

    /// The command the form gives for `key`: every line typed, and only the fields of this
    /// form and ballot (a field of another is left for core to refuse by its absence). A
    /// field that is not a whole number is refused, by field.
    pub fn command(
        &self,
        key: &ProtocolKey,
        form: &ProtocolForm,
        ballot: &[CandidateId],
    ) -> Result<EnterProtocol, Vec<NotAFigure>> {
        let mut bad = Vec::new();
        let mut figure = |field: String| -> Option<i64> {
            let text = self.figures.get(&field)?;
            if text.is_empty() {
                return None;
            }
            match text.parse::<i64>() {
                Ok(n) if text.len() <= FIGURE_CHARS => Some(n),
                _ => {
                    bad.push(NotAFigure { field });
                    None
                }
            }
        };
        let lines = form
            .lines
            .iter()
            .filter_map(|l| Some((l.code.clone(), figure(line_field(&l.code))?)))
            .collect();
        let candidates = ballot
            .iter()
            .filter_map(|id| Some((id.clone(), figure(candidate_field(id))?)))
            .collect();
        let against_all = figure(AGAINST_ALL_FIELD.to_owned());
        if !bad.is_empty() {
            return Err(bad);
        }
        Ok(EnterProtocol {
            election: key.election.clone(),
            station: key.station,
            constituency: key.constituency,
            figures: ProtocolEntry {
                lines,
                candidates,
                against_all,
            },
            acknowledged: self.acknowledged.clone(),
            correction_reason: (!self.correction_reason.is_empty())
                .then(|| self.correction_reason.clone()),
        })
    }
}

/// How a supervisor's settle form reads: `decision=keep&entry=N` or `decision=new`.
pub fn settlement(
    key: &ProtocolKey,
    decision: &str,
    entry: Option<&str>,
) -> Option<SettleProtocol> {
    let decision = match decision {
        "keep" => Settlement::Keep {
            entry: entry?.parse().ok()?,
        },
        "new" => Settlement::OrderNewEntry {},
        _ => return None,
    };
    Some(SettleProtocol {
        election: key.election.clone(),
        station: key.station,
        constituency: key.constituency,
        decision,
    })
}

// ---- the screens ----

/// What the last submission of the form found, to be shown with what was typed.
#[derive(Clone, Debug, Default)]
pub struct Problems {
    pub not_figures: Vec<NotAFigure>,
    pub failures: Vec<ControlFailure>,
    pub warnings: Vec<Warning>,
    /// Any other refusal, worded already (the protocol was accepted meanwhile, …).
    pub refusal: Option<String>,
}

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.not_figures.is_empty()
            && self.failures.is_empty()
            && self.warnings.is_empty()
            && self.refusal.is_none()
    }
}

/// The protocols of the viewer's competence, and a form to open one by its station number,
/// as the operator reads it off the paper.
pub fn queue(screen: &Screen, state: &State, election: &ElectionId) -> String {
    let title = screen.word("entry-title");
    let Some(viewer) = screen.viewer else {
        return String::new();
    };
    let constituencies: Vec<ConstituencyNo> = state
        .elections
        .get(election)
        .map(|e| e.call.constituencies.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|c| screen.works_on(state, *c))
        .collect();
    let waiting = waiting(state, election, &constituencies, viewer.role, &viewer.user);
    let main = html! {
        form.open method="get" action=(format!("{}/open", address::ENTRY)) {
            div.field {
                label for="constituency" { (screen.word("constituency")) }
                select #constituency name="constituency" {
                    @for c in &constituencies {
                        option value=(c) { (screen.constituency(state, *c)) }
                    }
                }
            }
            div.field {
                label for="station" { (screen.word("station-number")) }
                input #station name="station" type="text" inputmode="numeric"
                    autocomplete="off" required autofocus size="8";
            }
            button type="submit" { (screen.word("entry-open")) }
        }
        section aria-labelledby="waiting-heading" {
            h2 #waiting-heading { (screen.word(match viewer.role {
                Role::Supervisor => "entry-waiting-supervisor",
                _ => "entry-waiting-operator",
            })) }
            @if waiting.is_empty() {
                p { (screen.word("entry-nothing-waiting")) }
            } @else {
                table {
                    caption.visually-hidden { (screen.word("entry-waiting-caption")) }
                    thead { tr {
                        th scope="col" { (screen.word("station")) }
                        th scope="col" { (screen.word("constituency")) }
                        th scope="col" { (screen.word("protocol-status")) }
                    } }
                    tbody {
                        @for (c, s, status) in waiting.iter().take(WAITING_SHOWN) {
                            tr {
                                th scope="row" { a href=(address::protocol(*c, *s)) { (s) } }
                                td { (c) }
                                td { (words::station_status(*status, screen.language)) }
                            }
                        }
                    }
                }
                @if waiting.len() > WAITING_SHOWN {
                    p { (screen.say("entry-more-waiting", &{
                        let mut a = FluentArgs::new();
                        a.set("count", waiting.len() - WAITING_SHOWN);
                        a
                    })) }
                }
            }
        }
    };
    document(screen, Some(state), &title, main)
}

/// The first protocols waiting that the queue lists; the rest are counted.
const WAITING_SHOWN: usize = 25;

/// The protocols waiting for this viewer: for an operator, those that await an entry the
/// operator has not made; for a supervisor, those whose entries differ.
fn waiting(
    state: &State,
    election: &ElectionId,
    constituencies: &[ConstituencyNo],
    role: Role,
    user: &str,
) -> Vec<(ConstituencyNo, StationId, StationStatus)> {
    let mut list = Vec::new();
    for &c in constituencies {
        for station in state
            .rolls
            .get(&c)
            .map(|r| r.station_ids.as_slice())
            .unwrap_or(&[])
        {
            let key = ProtocolKey {
                election: election.clone(),
                station: *station,
                constituency: c,
            };
            let slot = state.protocols.get(&key);
            let status = tandoo_core::progress::station_status(state, slot);
            let entered_by_me = slot.is_some_and(|s| s.round.iter().any(|e| e.operator == user));
            let mine = match role {
                Role::Supervisor => status == StationStatus::Differences,
                _ => {
                    matches!(
                        status,
                        StationStatus::NotEntered
                            | StationStatus::FirstEntry
                            | StationStatus::NewEntryOrdered
                    ) && !entered_by_me
                }
            };
            if mine {
                list.push((c, *station, status));
            }
        }
    }
    list
}

/// One protocol's screen: for an operator, the entry form (or why there is none: the
/// operator's own entry awaits the second, or a supervisor's decision); for a supervisor,
/// the differing entries side by side with the settle buttons.
pub fn protocol(
    screen: &Screen,
    state: &State,
    key: &ProtocolKey,
    typed: &Typed,
    problems: &Problems,
    notice: Option<&str>,
) -> Option<String> {
    let viewer = screen.viewer?;
    let election = state.elections.get(&key.election)?;
    let station = state.stations.get(&key.station)?;
    let form = &election.call.form;
    let view = protocol_view(state, key, &viewer.actor());
    let mut args = FluentArgs::new();
    args.set("station", key.station.to_string());
    let title = screen.say("protocol-title", &args);
    let entered_by_me = view.entries.iter().any(|e| e.operator == viewer.user);
    let main = html! {
        @if let Some(key) = notice {
            p.notice role="status" { (screen.word(key)) }
        }
        dl.facts {
            dt { (screen.word("constituency")) }
            dd { (screen.constituency(state, key.constituency)) }
            dt { (screen.word("station-name")) } dd { bdi { (station.name) } }
            dt { (screen.word("voters-on-list")) }
            dd #voters data-voters=(station.voters) { (screen.number(station.voters)) }
            dt { (screen.word("protocol-status")) }
            dd #status { (words::station_status(view.status, screen.language)) }
        }
        (documents(screen, key, !view.versions.is_empty()))
        (accepted(screen, state, key, form, &view))
        @match (viewer.role, view.status) {
            (Role::Supervisor, StationStatus::Differences) => (compare(screen, state, key, form, &view)),
            (Role::Supervisor, _) => p { (screen.word("protocol-nothing-to-settle")) },
            (_, StationStatus::Differences) => p.notice { (screen.word("protocol-awaits-supervisor")) },
            (_, StationStatus::Annulled) => p.notice { (screen.word("protocol-annulled")) },
            _ if entered_by_me => p.notice role="status" { (screen.word("protocol-awaits-second")) },
            (_, status) => (entry_form(screen, state, key, form, typed, problems,
                matches!(status, StationStatus::Accepted | StationStatus::Corrected))),
        }
    };
    Some(document(screen, Some(state), &title, main))
}

/// The ballot's candidates in the order printed.
pub fn ballot(state: &State, key: &ProtocolKey) -> Vec<CandidateId> {
    let registered = state.ballot(&key.election, key.constituency);
    state
        .ballots
        .get(&(key.election.clone(), key.constituency))
        .into_iter()
        .flatten()
        .filter(|id| registered.contains(*id))
        .cloned()
        .collect()
}

fn entry_form(
    screen: &Screen,
    state: &State,
    key: &ProtocolKey,
    form: &ProtocolForm,
    typed: &Typed,
    problems: &Problems,
    correcting: bool,
) -> Markup {
    let language = screen.language;
    let ballot = ballot(state, key);
    let beside = beside_lines(screen, problems);
    let value = |field: &str| typed.figures.get(field).cloned().unwrap_or_default();
    // The first figure takes the focus, so that entry starts at once, on paper's first line;
    // with problems, the summary above takes it (see the script).
    let first = form
        .lines
        .first()
        .map(|l| line_field(&l.code))
        .filter(|_| problems.is_empty() && !correcting);
    let row = |field: String, code: &str, label: &str| {
        let notes = beside.get(&field).cloned().unwrap_or_default();
        let described = (!notes.is_empty()).then(|| format!("{field}-problem"));
        html! {
            tr.line.has-problem[!notes.is_empty()] {
                th scope="row" { span.code { (code) } " " label for=(field) { (label) } }
                td {
                    input id=(field) name=(field) type="text" inputmode="numeric"
                        autocomplete="off" size="9" maxlength=(FIGURE_CHARS) value=(value(&field))
                        aria-invalid=[described.as_ref().map(|_| "true")]
                        aria-describedby=[described.clone()]
                        autofocus[first.as_deref() == Some(field.as_str())]
                        data-sum=[field.starts_with("candidate-").then_some(CANDIDATES_FIELD)];
                    @if let Some(id) = described {
                        div.line-problem id=(id) {
                            @for note in &notes { p { (note) } }
                        }
                    }
                }
            }
        }
    };
    html! {
        (summary(screen, problems))
        form.entry method="post" action=(screen.action(&address::protocol(key.constituency, key.station)))
            data-entry-form {
            input type="hidden" name="csrf" value=(screen.csrf());
            input type="hidden" name="election" value=(key.election);
            @if correcting {
                div.field {
                    label for="correction_reason" { (screen.word("correction-reason")) }
                    p.hint #correction-hint { (screen.word("correction-hint")) }
                    textarea #correction_reason name="correction_reason" required rows="2"
                        maxlength="500" aria-describedby="correction-hint" { (typed.correction_reason) }
                }
            }
            table.protocol {
                caption { (form_words::title(form, language)) }
                thead { tr {
                    th scope="col" { (screen.word("protocol-line")) }
                    th scope="col" { (screen.word("protocol-figure")) }
                } }
                tbody {
                    @for line in &form.lines {
                        (row(line_field(&line.code), &line.code,
                            &form_words::line_label(form, &line.code, language)))
                    }
                }
                tbody.candidates {
                    @for (n, id) in ballot.iter().enumerate() {
                        (row(candidate_field(id), &(n + 1).to_string(), candidate_name(state, id, screen)))
                    }
                    @let notes = beside.get(CANDIDATES_FIELD).cloned().unwrap_or_default();
                    tr.total.has-problem[!notes.is_empty()] {
                        th scope="row" { (form_words::line_label(form, CANDIDATES, language)) }
                        td {
                            output #candidates-total for=(ballot.iter().map(candidate_field).collect::<Vec<_>>().join(" ")) {
                                (screen.word("candidates-total-unknown"))
                            }
                            @if !notes.is_empty() {
                                div.line-problem { @for note in &notes { p { (note) } } }
                            }
                        }
                    }
                    (row(AGAINST_ALL_FIELD.to_owned(), AGAINST_ALL,
                        &form_words::line_label(form, AGAINST_ALL, language)))
                }
            }
            @if !problems.warnings.is_empty() {
                fieldset.warnings {
                    legend { (screen.word("warnings-legend")) }
                    @for w in &problems.warnings {
                        div.choice {
                            input type="checkbox" name="acknowledge" value=(w.code)
                                id=(format!("acknowledge-{}", w.code))
                                checked[typed.acknowledged.contains(&w.code)];
                            label for=(format!("acknowledge-{}", w.code)) { (control::warning(w, language)) }
                        }
                    }
                }
            }
            button type="submit" { (screen.word(if correcting { "entry-submit-correction" } else { "entry-submit" })) }
        }
    }
}

/// The error summary at the top of the form: every problem, each a link to its first line.
fn summary(screen: &Screen, problems: &Problems) -> Markup {
    if problems.is_empty() {
        return html! {};
    }
    let language = screen.language;
    html! {
        div.problem role="alert" tabindex="-1" #problem {
            h2 { (screen.word("problem-heading")) }
            ul {
                @if let Some(refusal) = &problems.refusal { li { (refusal) } }
                @for bad in &problems.not_figures {
                    li { a href=(format!("#{}", bad.field)) { (not_a_figure(screen, &bad.field)) } }
                }
                @for f in &problems.failures {
                    li { (link_first(&f.finding, control::control_failure(f, language))) }
                }
                @for w in &problems.warnings {
                    li { a href=(format!("#acknowledge-{}", w.code)) { (control::warning(w, language)) } }
                }
            }
        }
    }
}

fn link_first(finding: &Finding, text: String) -> Markup {
    match named_fields(finding).into_iter().next() {
        Some(field) => html! { a href=(format!("#{field}")) { (text) } },
        None => html! { (text) },
    }
}

fn not_a_figure(screen: &Screen, field: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("field", field.trim_start_matches("line-").to_owned());
    screen.say("not-a-figure", &args)
}

/// Each problem's sentence, by the fields of the lines it names.
fn beside_lines(screen: &Screen, problems: &Problems) -> BTreeMap<String, Vec<String>> {
    let language = screen.language;
    let mut beside: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for bad in &problems.not_figures {
        beside
            .entry(bad.field.clone())
            .or_default()
            .push(not_a_figure(screen, &bad.field));
    }
    let found = problems
        .failures
        .iter()
        .map(|f| (&f.finding, control::control_failure(f, language)))
        .chain(
            problems
                .warnings
                .iter()
                .map(|w| (&w.finding, control::warning(w, language))),
        );
    for (finding, sentence) in found {
        for field in named_fields(finding) {
            beside.entry(field).or_default().push(sentence.clone());
        }
    }
    beside
}

/// The fields of the lines a finding names.
pub fn named_fields(finding: &Finding) -> Vec<String> {
    let line = |l: &ProtocolLine| match l {
        ProtocolLine::Line(code) => line_field(code),
        ProtocolLine::Candidate(id) => candidate_field(id),
        ProtocolLine::AgainstAll => AGAINST_ALL_FIELD.to_owned(),
    };
    let side = |s: &Side| -> Vec<String> { s.terms.iter().map(|t| term_field(&t.term)).collect() };
    let mut fields = match finding {
        Finding::Negative { line: l, .. } | Finding::TooLarge { line: l, .. } => vec![line(l)],
        Finding::LineMissing { line: code } | Finding::NotOnForm { line: code } => {
            vec![line_field(code)]
        }
        Finding::NotOnBallot { candidate } | Finding::CandidateMissing { candidate } => {
            vec![candidate_field(candidate)]
        }
        Finding::AgainstAllMissing | Finding::NoAgainstAllOnBallot => {
            vec![AGAINST_ALL_FIELD.to_owned()]
        }
        Finding::NotEqual { left, right } | Finding::MoreThan { left, right } => {
            [side(left), side(right)].concat()
        }
        Finding::ShareOutside { part, whole, .. } => [side(part), side(whole)].concat(),
        Finding::CandidateShareAbove {
            candidate, whole, ..
        } => [vec![candidate_field(candidate)], side(whole)].concat(),
        Finding::DiffersFromPreliminary { differing } => {
            differing.iter().map(|d| line(&d.line)).collect()
        }
        Finding::OffRegister { line: code, .. } => vec![line_field(code)],
        Finding::Recorded { .. } => vec![],
    };
    fields.dedup();
    fields
}

fn term_field(term: &str) -> String {
    match term {
        CANDIDATES => CANDIDATES_FIELD.to_owned(),
        AGAINST_ALL => AGAINST_ALL_FIELD.to_owned(),
        code => line_field(code),
    }
}

fn candidate_name<'s>(state: &'s State, id: &CandidateId, screen: &Screen) -> &'s str {
    state
        .candidates
        .get(id)
        .map_or("", |c| written::nominee(&c.nomination, screen.language))
}

/// The supervisor's view of differing entries: every line with each entry's figure, the
/// differing lines marked, and a button to keep each entry or to order another.
fn compare(
    screen: &Screen,
    state: &State,
    key: &ProtocolKey,
    form: &ProtocolForm,
    view: &ProtocolView,
) -> Markup {
    let ballot = ballot(state, key);
    let differing = |line: &str| view.differences.iter().any(|d| d.line == line);
    let figure = |figures: &Option<AcceptedFigures>, line: &Line| -> String {
        figures
            .as_ref()
            .map_or_else(String::new, |f| screen.number(line.of(f)))
    };
    let lines = every_line(screen, state, form, &ballot);
    html! {
        p { (screen.word("compare-intro")) }
        table.compare {
            caption { (screen.word("compare-caption")) }
            thead { tr {
                th scope="col" { (screen.word("protocol-line")) }
                @for e in &view.entries {
                    th scope="col" { (entry_heading(screen, e.entry, &e.operator)) }
                }
                th scope="col" { (screen.word("compare-differs")) }
            } }
            tbody {
                @for (line, code, label) in &lines {
                    @let differs = differing(code);
                    tr.differs[differs] {
                        th scope="row" { span.code { (code) } " " (label) }
                        @for e in &view.entries { td.number { (figure(&e.figures, line)) } }
                        td { @if differs { strong { (screen.word("compare-differs-yes")) } } }
                    }
                }
            }
        }
        div.settle {
            @for e in &view.entries {
                form method="post" action=(screen.action(&address::settle(key.constituency, key.station))) {
                    input type="hidden" name="csrf" value=(screen.csrf());
                    input type="hidden" name="election" value=(key.election);
                    input type="hidden" name="decision" value="keep";
                    input type="hidden" name="entry" value=(e.entry);
                    button type="submit" { (entry_keep(screen, e.entry, &e.operator)) }
                }
            }
            form method="post" action=(screen.action(&address::settle(key.constituency, key.station))) {
                input type="hidden" name="csrf" value=(screen.csrf());
                input type="hidden" name="election" value=(key.election);
                input type="hidden" name="decision" value="new";
                button.secondary type="submit" { (screen.word("settle-new-entry")) }
            }
        }
    }
}

/// A place a figure is written on the protocol, as the screens list them.
enum Line {
    Form(String),
    Candidate(CandidateId),
    AgainstAll,
}

impl Line {
    fn of(&self, figures: &AcceptedFigures) -> u64 {
        match self {
            Line::Form(code) => figures.line(code),
            Line::Candidate(id) => figures.candidates.get(id).copied().unwrap_or(0),
            Line::AgainstAll => figures.against_all,
        }
    }

    /// The ballot-counting box's figure of this line, when it reported one.
    fn of_box(&self, preliminary: &PreliminaryFigures) -> Option<u64> {
        match self {
            Line::Form(code) => preliminary.lines.get(code).copied(),
            Line::Candidate(id) => preliminary.candidates.get(id).copied(),
            Line::AgainstAll => preliminary.against_all,
        }
    }
}

/// Every line of the protocol in the order printed, with its code and label: the form's
/// lines, a line per candidate, "against all".
fn every_line(
    screen: &Screen,
    state: &State,
    form: &ProtocolForm,
    ballot: &[CandidateId],
) -> Vec<(Line, String, String)> {
    let language = screen.language;
    form.lines
        .iter()
        .map(|l| {
            (
                Line::Form(l.code.clone()),
                l.code.clone(),
                form_words::line_label(form, &l.code, language),
            )
        })
        .chain(ballot.iter().map(|id| {
            (
                Line::Candidate(id.clone()),
                id.to_string(),
                candidate_name(state, id, screen).to_owned(),
            )
        }))
        .chain(std::iter::once((
            Line::AgainstAll,
            AGAINST_ALL.to_owned(),
            form_words::line_label(form, AGAINST_ALL, language),
        )))
        .collect()
}

/// The station's protocol as the commission prints it (once one is accepted), and its blank
/// form for election night, as PDF.
fn documents(screen: &Screen, key: &ProtocolKey, accepted: bool) -> Markup {
    let ids = format!("{}/{}", key.constituency, key.station);
    html! {
        ul.documents {
            @if accepted {
                li { a href=(address::document("protocol", &ids, screen.language)) { (screen.word("document-protocol")) } }
            }
            li { a href=(address::document("blank-protocol", &ids, screen.language)) { (screen.word("document-blank-protocol")) } }
        }
    }
}

/// The protocol as accepted: its latest version's figures with the ballot-counting box's
/// beside them (when loaded), and every version, oldest first, with who settled it and why
/// it was corrected.
fn accepted(
    screen: &Screen,
    state: &State,
    key: &ProtocolKey,
    form: &ProtocolForm,
    view: &ProtocolView,
) -> Markup {
    let Some(latest) = view.versions.last() else {
        return html! {};
    };
    let ballot = ballot(state, key);
    let preliminary = view.preliminary.as_ref();
    html! {
        section aria-labelledby="accepted-heading" {
            h2 #accepted-heading { (screen.word("accepted-heading")) }
            table.accepted {
                caption { (screen.say("accepted-caption", &{
                    let mut a = FluentArgs::new();
                    a.set("version", latest.version.to_string());
                    a
                })) }
                thead { tr {
                    th scope="col" { (screen.word("protocol-line")) }
                    th scope="col" { (screen.word("protocol-figure")) }
                    @if preliminary.is_some() { th scope="col" { (screen.word("box-figure")) } }
                } }
                tbody {
                    @for (line, code, label) in every_line(screen, state, form, &ballot) {
                        @let figure = line.of(&latest.figures);
                        @let boxed = preliminary.and_then(|p| line.of_box(p));
                        tr.differs[boxed.is_some_and(|b| b != figure)] {
                            th scope="row" { span.code { (code) } " " (label) }
                            td.number { (screen.number(figure)) }
                            @if preliminary.is_some() {
                                td.number { (boxed.map(|b| screen.number(b)).unwrap_or_default()) }
                            }
                        }
                    }
                }
            }
            h3 { (screen.word("versions-heading")) }
            ol.versions {
                @for v in &view.versions {
                    li {
                        (screen.say("version-line", &{
                            let mut a = FluentArgs::new();
                            a.set("version", v.version.to_string());
                            a.set("date", v.date.clone());
                            a.set("seq", v.seq.to_string());
                            a
                        }))
                        @if let Some(by) = &v.settled_by {
                            " " (screen.say("version-settled", &{
                                let mut a = FluentArgs::new();
                                a.set("supervisor", by.clone());
                                a
                            }))
                        }
                        @if let Some(reason) = &v.correction_reason {
                            " " (screen.word("version-reason")) " " q { bdi { (reason) } }
                        }
                    }
                }
            }
        }
    }
}

fn entry_heading(screen: &Screen, entry: u32, operator: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("entry", entry.to_string());
    args.set("operator", operator.to_owned());
    screen.say("compare-entry", &args)
}

fn entry_keep(screen: &Screen, entry: u32, operator: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("entry", entry.to_string());
    args.set("operator", operator.to_owned());
    screen.say("settle-keep", &args)
}

//! Complaints and collective statements: the list, and one complaint with what it is
//! about, the requests sent to other bodies with their answers, and the decision. A
//! secretary of the commission a complaint is addressed to files it, sends requests,
//! records answers and records the decision.

use maud::{Markup, html};
use tandoo_core::casework::{Answer, Complaint, ComplaintDecision, ComplaintKind};
use tandoo_core::command::{DecideComplaint, FileComplaint, SendRequest};
use tandoo_core::ids::{CandidateId, CommissionId, ComplaintId, RequestId};
use tandoo_core::permission::CommandKind;
use tandoo_core::{Command, LegalDate, State};
use tandoo_present::{date, written};

use crate::address;
use crate::fields::{Form, Kind, Problem, Reader, Sent};
use crate::frame::document;
use crate::screen::Screen;

pub const FILE: &str = "file";
pub const REQUEST: &str = "request";
pub const ANSWER: &str = "answer";
pub const DECIDE: &str = "decide";

const KINDS: [(&str, ComplaintKind); 2] = [
    ("complaint", ComplaintKind::Complaint),
    ("collective_statement", ComplaintKind::CollectiveStatement),
];

const DECISIONS: [(&str, ComplaintDecision); 4] = [
    ("upheld", ComplaintDecision::Upheld),
    ("partly_upheld", ComplaintDecision::PartlyUpheld),
    ("rejected", ComplaintDecision::Rejected),
    (
        "left_without_consideration",
        ComplaintDecision::LeftWithoutConsideration,
    ),
];

fn kind_word(screen: &Screen, kind: ComplaintKind) -> String {
    let code = KINDS
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("", |(c, _)| c);
    screen.word(&format!("complaint-kind-{code}"))
}

fn decision_word(screen: &Screen, decision: ComplaintDecision) -> String {
    let code = DECISIONS
        .iter()
        .find(|(_, d)| *d == decision)
        .map_or("", |(c, _)| c);
    screen.word(&format!("decision-{code}"))
}

/// Whether the viewer gives `kind` for complaints addressed to `commission`: the
/// permission table's role, and their own commission.
pub fn may(screen: &Screen, kind: CommandKind, commission: &CommissionId) -> bool {
    screen
        .viewer
        .is_some_and(|v| kind.permission().allows(v.role) && &v.commission == commission)
}

fn commission_name(screen: &Screen, state: &State, id: &CommissionId) -> String {
    state.commissions.get(id).map_or_else(
        || id.to_string(),
        |c| written::text(&c.name, screen.language).to_owned(),
    )
}

/// `/staff/complaints`.
pub fn list(screen: &Screen, state: &State, today: LegalDate, sent: Option<&Sent>) -> String {
    let title = screen.word("complaints-title");
    let files = screen
        .viewer
        .is_some_and(|v| may(screen, CommandKind::FileComplaint, &v.commission));
    let main = html! {
        @if state.complaints.is_empty() {
            p { (screen.word("complaints-none")) }
        } @else {
            table.complaints {
                caption { (screen.word("complaints-caption")) }
                thead { tr {
                    th scope="col" { (screen.word("complaint-id")) }
                    th scope="col" { (screen.word("history-date")) }
                    th scope="col" { (screen.word("complaint-kind")) }
                    th scope="col" { (screen.word("complaint-addressed-to")) }
                    th scope="col" { (screen.word("complaint-subject")) }
                    th scope="col" { (screen.word("complaint-decision")) }
                } }
                tbody {
                    @for (id, (stamp, c)) in &state.complaints {
                        tr {
                            th scope="row" { a href=(address::complaint(id)) { bdi { (id) } } }
                            td { (date::date(stamp.date, screen.language)) }
                            td { (kind_word(screen, c.kind)) }
                            td { bdi { (commission_name(screen, state, &c.addressed_to)) } }
                            td { bdi { (c.subject) } }
                            td {
                                @match state.complaint_decisions.get(id).and_then(|r| r.last()) {
                                    Some(ruling) => (decision_word(screen, ruling.decision)),
                                    None => (screen.word("complaint-undecided")),
                                }
                            }
                        }
                    }
                }
            }
        }
        @if files {
            (file_form(screen, today, sent))
        }
    };
    document(screen, Some(state), &title, main)
}

fn file_form(screen: &Screen, today: LegalDate, sent: Option<&Sent>) -> Markup {
    let f = Form::new(screen, FILE, sent);
    let kinds: Vec<(&str, String)> = KINDS
        .iter()
        .map(|(code, kind)| (*code, kind_word(screen, *kind)))
        .collect();
    html! {
        section.form aria-labelledby="file-heading" {
            h2 #file-heading { (screen.word("complaint-file-heading")) }
            (f.summary())
            form method="post" action=(address::COMPLAINTS) {
                (f.hidden())
                (f.field("id", "field-complaint-id", Kind::Text, ""))
                (f.select("kind", "complaint-kind", &kinds, "complaint"))
                (f.field("filed_by", "field-filed-by", Kind::Long, ""))
                (f.field("candidates", "field-candidates", Kind::Text, ""))
                (f.field("subject", "complaint-subject", Kind::Long, ""))
                (f.field("concerns", "field-concerns", Kind::Text, ""))
                (f.field("date", "field-date", Kind::Date, &today.to_string()))
                button type="submit" { (screen.word("complaint-file-submit")) }
            }
        }
    }
}

/// Reads the filing form; the complaint is addressed to the viewer's own commission.
pub fn read_filing(
    fields: &[(String, String)],
    commission: &CommissionId,
) -> Result<(LegalDate, Command), Vec<Problem>> {
    let mut r = Reader::new(fields);
    let id = r.optional("id");
    let kind = r.choice("kind", &KINDS);
    // One filer a line: names hold commas and spaces.
    let filed_by: Vec<String> = r
        .optional("filed_by")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if filed_by.is_empty() {
        r.problems.push(Problem {
            field: "filed_by".into(),
            key: "required",
        });
    }
    let candidates = r
        .optional("candidates")
        .split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(CandidateId::new)
        .collect();
    let subject = r.required("subject");
    let concerns = r.resolution("concerns");
    let date = r.date("date");
    let made = (|| {
        Some((
            date?,
            Command::FileComplaint(FileComplaint {
                id: (!id.is_empty()).then(|| ComplaintId::new(id)),
                kind: kind?,
                addressed_to: commission.clone(),
                filed_by,
                candidates,
                subject: subject?,
                concerns: concerns?,
            }),
        ))
    })();
    r.finish(made)
}

/// Reads a complaint's form (`action`): a request, an answer or the decision. `None` when
/// the action is none of them.
pub fn read_action(
    fields: &[(String, String)],
    complaint: &ComplaintId,
) -> Option<Result<(LegalDate, Command), Vec<Problem>>> {
    let mut r = Reader::new(fields);
    let command = match r.optional("action").as_str() {
        REQUEST => {
            let id = r.optional("id");
            let to = r.required("to");
            let text = r.required("text");
            to.zip(text).map(|(to, text)| {
                Command::SendRequest(SendRequest {
                    id: (!id.is_empty()).then(|| RequestId::new(id)),
                    about: complaint.clone(),
                    to,
                    text,
                })
            })
        }
        ANSWER => {
            let request = r.required("request");
            let from = r.required("from");
            let text = r.required("text");
            (|| {
                Some(Command::RecordAnswer(Answer {
                    request: RequestId::new(request?),
                    from: from?,
                    text: text?,
                }))
            })()
        }
        DECIDE => {
            let decision = r.choice("decision", &DECISIONS);
            let resolution = r.resolution("resolution");
            let text = r.optional("text");
            decision.zip(resolution).map(|(decision, resolution)| {
                Command::DecideComplaint(DecideComplaint {
                    complaint: complaint.clone(),
                    decision,
                    resolution,
                    text,
                })
            })
        }
        _ => return None,
    };
    let date = r.date("date");
    Some(r.finish(date.zip(command)))
}

/// `/staff/complaints/{id}`.
pub fn detail(
    screen: &Screen,
    state: &State,
    id: &ComplaintId,
    today: LegalDate,
    sent: Option<&Sent>,
    notice: Option<&str>,
) -> Option<String> {
    let (stamp, c) = state.complaints.get(id)?;
    let language = screen.language;
    let requests: Vec<_> = state
        .requests
        .iter()
        .filter(|(_, (_, r))| &r.about == id)
        .collect();
    let rulings = state.complaint_decisions.get(id);
    let title = format!("{} {}", kind_word(screen, c.kind), id);
    let main = html! {
        @if let Some(key) = notice { p.notice role="status" { (screen.word(key)) } }
        (facts(screen, state, stamp.date, c))
        h2 { (screen.word("requests-heading")) }
        @if requests.is_empty() {
            p { (screen.word("requests-none")) }
        }
        @for (rid, (rstamp, request)) in &requests {
            section.request {
                h3 { bdi { (rid) } " — " bdi { (request.to) } }
                p { (date::date(rstamp.date, language)) ": " bdi { (request.text) } }
                @match state.answers.get(*rid) {
                    Some(answers) if !answers.is_empty() => {
                        @for (astamp, answer) in answers {
                            blockquote {
                                p { (screen.word("answer-from")) " " bdi { (answer.from) } ", "
                                    (date::date(astamp.date, language)) }
                                p { bdi { (answer.text) } }
                            }
                        }
                    }
                    _ => p { (screen.word("answer-none")) },
                }
            }
        }
        h2 { (screen.word("complaint-decision")) }
        @match rulings {
            Some(rulings) if !rulings.is_empty() => {
                @for ruling in rulings {
                    p {
                        (date::date(ruling.stamp.date, language)) ": "
                        strong { (decision_word(screen, ruling.decision)) }
                        @if let Some(number) = &ruling.resolution { " (" (number) ")" }
                    }
                    @if !ruling.text.is_empty() { p { bdi { (ruling.text) } } }
                }
            }
            _ => p { (screen.word("complaint-undecided")) },
        }
        (forms(screen, c, &requests.iter().map(|(r, _)| (*r).clone()).collect::<Vec<_>>(), today, sent))
    };
    Some(document(screen, Some(state), &title, main))
}

fn facts(screen: &Screen, state: &State, filed: LegalDate, c: &Complaint) -> Markup {
    let language = screen.language;
    html! {
        dl.facts {
            dt { (screen.word("complaint-kind")) } dd { (kind_word(screen, c.kind)) }
            dt { (screen.word("history-date")) } dd { (date::date(filed, language)) }
            dt { (screen.word("complaint-addressed-to")) }
            dd { bdi { (commission_name(screen, state, &c.addressed_to)) } }
            dt { (screen.word("field-filed-by")) }
            dd { ul { @for who in &c.filed_by { li { bdi { (who) } } } } }
            dt { (screen.word("complaint-subject")) } dd { bdi { (c.subject) } }
            @if let Some(number) = &c.concerns {
                dt { (screen.word("field-concerns")) } dd { (number) }
            }
            @if !c.candidates.is_empty() {
                dt { (screen.word("field-candidates")) }
                dd { ul { @for id in &c.candidates {
                    li { @match state.candidates.get(id) {
                        Some(candidate) => a href=(address::candidate(id)) { bdi { (candidate.nomination.name) } },
                        None => bdi { (id) },
                    } }
                } } }
            }
        }
    }
}

fn forms(
    screen: &Screen,
    c: &Complaint,
    requests: &[RequestId],
    today: LegalDate,
    sent: Option<&Sent>,
) -> Markup {
    let action = address::complaint(&c.id);
    let today = today.to_string();
    let form = |name: &'static str, kind: CommandKind, fields: &dyn Fn(&Form) -> Markup| {
        if !may(screen, kind, &c.addressed_to) {
            return html! {};
        }
        let f = Form::new(screen, name, sent);
        let heading = format!("{name}-heading");
        html! {
            section.form aria-labelledby=(heading) {
                h2 id=(heading) { (screen.word(&format!("complaint-{name}-heading"))) }
                (f.summary())
                form method="post" action=(action) {
                    (f.hidden())
                    (fields(&f))
                    (f.field("date", "field-date", Kind::Date, &today))
                    button type="submit" { (screen.word(&format!("complaint-{name}-submit"))) }
                }
            }
        }
    };
    let decisions: Vec<(&str, String)> = DECISIONS
        .iter()
        .map(|(code, d)| (*code, decision_word(screen, *d)))
        .collect();
    let requests: Vec<(&str, String)> = requests
        .iter()
        .map(|r| (r.0.as_str(), r.0.clone()))
        .collect();
    html! {
        (form(REQUEST, CommandKind::SendRequest, &|f| html! {
            (f.field("id", "field-request-id", Kind::Text, ""))
            (f.field("to", "field-to", Kind::Text, ""))
            (f.field("text", "field-text", Kind::Long, ""))
        }))
        @if !requests.is_empty() {
            (form(ANSWER, CommandKind::RecordAnswer, &|f| html! {
                (f.select("request", "field-request", &requests, ""))
                (f.field("from", "field-from", Kind::Text, ""))
                (f.field("text", "field-text", Kind::Long, ""))
            }))
        }
        (form(DECIDE, CommandKind::DecideComplaint, &|f| html! {
            (f.select("decision", "complaint-decision", &decisions, "rejected"))
            (f.field("resolution", "field-resolution", Kind::Text, ""))
            (f.field("text", "field-text", Kind::Long, ""))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::ids::ResolutionRef;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_collective_statement_is_read_with_a_filer_a_line() {
        let sent = fields(&[
            ("action", "file"),
            ("id", "CEC-S-1"),
            ("kind", "collective_statement"),
            ("filed_by", "Aibek Altynbekov\r\n\r\n Aigul Karabekova \n"),
            ("candidates", "E1-13-02, E1-13-12"),
            ("subject", "Review of resolution No. 161"),
            ("concerns", "CEC 161/2025"),
            ("date", "2026-02-13"),
        ]);
        let (_, command) = read_filing(&sent, &CommissionId::new("CEC")).unwrap();
        assert_eq!(
            command,
            Command::FileComplaint(FileComplaint {
                id: Some(ComplaintId::new("CEC-S-1")),
                kind: ComplaintKind::CollectiveStatement,
                addressed_to: CommissionId::new("CEC"),
                filed_by: vec!["Aibek Altynbekov".into(), "Aigul Karabekova".into()],
                candidates: vec![CandidateId::new("E1-13-02"), CandidateId::new("E1-13-12")],
                subject: "Review of resolution No. 161".into(),
                concerns: Some(ResolutionRef {
                    commission: CommissionId::new("CEC"),
                    year: 2025,
                    number: 161
                }),
            })
        );
    }

    #[test]
    fn a_filing_without_filers_or_with_a_bad_citation_is_refused_by_field() {
        let sent = fields(&[
            ("kind", "complaint"),
            ("filed_by", " \n "),
            ("subject", "x"),
            ("concerns", "No. 161"),
            ("date", "2026-02-13"),
        ]);
        let problems = read_filing(&sent, &CommissionId::new("CEC")).unwrap_err();
        let named: Vec<_> = problems.iter().map(|p| (p.field.as_str(), p.key)).collect();
        assert_eq!(
            named,
            [("filed_by", "required"), ("concerns", "resolution")]
        );
    }

    #[test]
    fn requests_answers_and_decisions_are_read_into_their_commands() {
        let id = ComplaintId::new("CEC-S-1");
        let read = |pairs: &[(&str, &str)]| read_action(&fields(pairs), &id).unwrap();
        assert_eq!(
            read(&[
                ("action", "request"),
                ("to", "Ministry"),
                ("text", "Who?"),
                ("date", "2026-02-13")
            ])
            .unwrap()
            .1,
            Command::SendRequest(SendRequest {
                id: None,
                about: id.clone(),
                to: "Ministry".into(),
                text: "Who?".into()
            })
        );
        assert_eq!(
            read(&[
                ("action", "answer"),
                ("request", "R1"),
                ("from", "Ministry"),
                ("text", "They."),
                ("date", "2026-02-13")
            ])
            .unwrap()
            .1,
            Command::RecordAnswer(Answer {
                request: RequestId::new("R1"),
                from: "Ministry".into(),
                text: "They.".into()
            })
        );
        assert_eq!(
            read(&[
                ("action", "decide"),
                ("decision", "partly_upheld"),
                ("resolution", ""),
                ("date", "2026-02-13")
            ])
            .unwrap()
            .1,
            Command::DecideComplaint(DecideComplaint {
                complaint: id.clone(),
                decision: ComplaintDecision::PartlyUpheld,
                resolution: None,
                text: String::new()
            })
        );
        let bad = read(&[("action", "decide"), ("decision", "maybe"), ("date", "x")]);
        let named: Vec<_> = bad
            .unwrap_err()
            .iter()
            .map(|p| (p.field.clone(), p.key))
            .collect();
        assert_eq!(
            named,
            [
                ("decision".to_owned(), "choice"),
                ("date".to_owned(), "date")
            ]
        );
    }
}

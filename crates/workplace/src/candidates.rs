//! Candidates: one constituency's candidates of the main election, sorted by the reader's
//! alphabet, with their standing, fee and refund; one candidate's history; and, for a
//! secretary of a commission over the constituency, the forms that nominate, take the fee,
//! register, refuse registration and record a withdrawal. Refunds are resolutions' effects
//! and are only shown here.

use maud::{Markup, html};
use tandoo_core::candidate::{Candidate, Nomination, Nominator, Standing};
use tandoo_core::command::{PayFee, RefuseRegistration, RegisterCandidate, WithdrawCandidate};
use tandoo_core::ids::{CandidateId, ConstituencyNo, ElectionId, PersonId};
use tandoo_core::permission::CommandKind;
use tandoo_core::resolution::ResolutionKey;
use tandoo_core::{Command, LegalDate, State};
use tandoo_count::Gender;
use tandoo_present::text::citation;
use tandoo_present::{collate, date, money, words};

use crate::address;
use crate::fields::{Form, Kind, Problem, Reader, Sent};
use crate::frame::{document, document_named};
use crate::screen::Screen;

/// The forms of a candidate's page, by their `action` field.
pub const NOMINATE: &str = "nominate";
pub const PAY_FEE: &str = "fee";
pub const REGISTER: &str = "register";
pub const REFUSE: &str = "refuse";
pub const WITHDRAW: &str = "withdraw";

/// Whether the viewer may give `kind` about `constituency`: the permission table's role,
/// and a commission whose competence covers the constituency (core refuses the rest all the
/// same; the screen leaves out a form that would only be refused).
pub fn may(
    screen: &Screen,
    state: &State,
    kind: CommandKind,
    constituency: ConstituencyNo,
) -> bool {
    screen.viewer.is_some_and(|viewer| {
        kind.permission().allows(viewer.role)
            && state
                .commissions
                .get(&viewer.commission)
                .is_some_and(|c| c.covers_constituency(constituency))
    })
}

/// The constituency a list shows when the address names none: the first the viewer's
/// commission covers, else the election's first.
pub fn default_constituency(
    screen: &Screen,
    state: &State,
    election: &ElectionId,
) -> Option<ConstituencyNo> {
    let all = &state.elections.get(election)?.call.constituencies;
    let covered = screen.viewer.and_then(|v| {
        let commission = state.commissions.get(&v.commission)?;
        all.iter()
            .copied()
            .find(|n| commission.covers_constituency(*n))
    });
    covered.or_else(|| all.first().copied())
}

/// The constituencies of the election to choose from, with a button: a plain GET form, so
/// that the list works without a script.
pub fn chooser(
    screen: &Screen,
    state: &State,
    election: &ElectionId,
    action: &str,
    chosen: ConstituencyNo,
) -> Markup {
    let all = state
        .elections
        .get(election)
        .map(|e| e.call.constituencies.clone())
        .unwrap_or_default();
    html! {
        form.choose method="get" action=(action) {
            div.field {
                label for="constituency" { (screen.word("constituency")) }
                select #constituency name="constituency" {
                    @for n in all {
                        option value=(n) selected[n == chosen] { (screen.constituency(state, n)) }
                    }
                }
            }
            button type="submit" { (screen.word("show")) }
        }
    }
}

/// `/staff/candidates?constituency=C`.
pub fn list(
    screen: &Screen,
    state: &State,
    election: &ElectionId,
    constituency: ConstituencyNo,
    today: LegalDate,
    sent: Option<&Sent>,
    notice: Option<&str>,
) -> Option<String> {
    let call = &state.elections.get(election)?.call;
    if !call.constituencies.contains(&constituency) {
        return None;
    }
    let language = screen.language;
    let mut candidates: Vec<&Candidate> = state
        .candidates
        .values()
        .filter(|c| &c.nomination.election == election && c.nomination.constituency == constituency)
        .collect();
    collate::sort_by_name(&mut candidates, |c| c.nomination.name.as_str(), language);
    let fee = call.rule_set.fee;
    let title = screen.word("candidates-title");
    let main = html! {
        @if let Some(key) = notice { p.notice role="status" { (screen.word(key)) } }
        (chooser(screen, state, election, address::CANDIDATES, constituency))
        h2 { (screen.constituency(state, constituency)) }
        @if candidates.is_empty() {
            p { (screen.word("candidates-none")) }
        } @else {
            table.candidates {
                caption { (screen.word("candidates-caption")) }
                thead { tr {
                    th scope="col" { (screen.word("candidate-name")) }
                    th scope="col" { (screen.word("candidate-gender")) }
                    th scope="col" { (screen.word("candidate-nominated-by")) }
                    th scope="col" { (screen.word("candidate-standing")) }
                    th scope="col" { (screen.word("candidate-fee")) }
                    th scope="col" { (screen.word("candidate-refund")) }
                } }
                tbody {
                    @for c in &candidates {
                        tr {
                            th scope="row" {
                                a href=(address::candidate(c.id())) { bdi { (c.nomination.name) } }
                            }
                            td { (words::gender(c.nomination.gender, language)) }
                            td { (nominator(screen, &c.nomination.nominated_by)) }
                            td { (words::standing(c.standing, language)) }
                            td {
                                @if c.fee_paid >= fee {
                                    (screen.word("fee-paid"))
                                } @else {
                                    (screen.word("fee-not-paid"))
                                }
                                " (" (money::money(c.fee_paid.0, language)) ")"
                            }
                            td { (refund(screen, state, c)) }
                        }
                    }
                }
            }
        }
        @if may(screen, state, CommandKind::NominateCandidate, constituency) {
            (nominate_form(screen, election, constituency, today, sent))
        }
    };
    Some(document(screen, Some(state), &title, main))
}

fn nominator(screen: &Screen, by: &Nominator) -> Markup {
    match by {
        Nominator::Party { party } => html! { bdi { (party) } },
        Nominator::SelfNominated => html! { (screen.word("self-nominated")) },
    }
}

fn refund(screen: &Screen, state: &State, c: &Candidate) -> String {
    match state
        .first_in_force(&c.refunded_by)
        .and_then(|k| state.citation(k))
    {
        Some(cited) => citation(&cited, screen.language),
        None => screen.word("not-refunded"),
    }
}

fn nominate_form(
    screen: &Screen,
    election: &ElectionId,
    constituency: ConstituencyNo,
    today: LegalDate,
    sent: Option<&Sent>,
) -> Markup {
    let form = Form::new(screen, NOMINATE, sent);
    let today = today.to_string();
    let genders = [
        ("M", words::gender(Gender::Male, screen.language)),
        ("F", words::gender(Gender::Female, screen.language)),
    ];
    let nominators = [
        ("party", screen.word("nominated-by-party")),
        ("self", screen.word("self-nominated")),
    ];
    html! {
        section.form aria-labelledby="nominate-heading" {
            h2 #nominate-heading { (screen.word("nominate-heading")) }
            (form.summary())
            form method="post" action=(address::CANDIDATES) {
                (form.hidden())
                input type="hidden" name="election" value=(election);
                input type="hidden" name="constituency" value=(constituency);
                (form.field("id", "field-candidate-id", Kind::Text, ""))
                (form.field("person", "field-person", Kind::Text, ""))
                (form.field("name", "field-name", Kind::Text, ""))
                (form.field("latin_name", "field-latin-name", Kind::Text, ""))
                (form.select("gender", "field-gender", &genders, "F"))
                (form.select("nominated_by", "field-nominated-by", &nominators, "party"))
                (form.field("party", "field-party", Kind::Text, ""))
                (form.field("date", "field-date", Kind::Date, &today))
                button type="submit" { (screen.word("nominate-submit")) }
            }
        }
    }
}

/// Reads the nomination form: the candidate's fields, the constituency and the date.
pub fn read_nomination(
    fields: &[(String, String)],
    election: &ElectionId,
) -> Result<(LegalDate, Command), Vec<Problem>> {
    let mut r = Reader::new(fields);
    let id = r.required("id");
    let person = r.required("person");
    let name = r.required("name");
    let latin = r.optional("latin_name");
    let gender = r.choice("gender", &[("M", Gender::Male), ("F", Gender::Female)]);
    let by = r.choice("nominated_by", &[("party", true), ("self", false)]);
    let party = r.optional("party");
    let nominated_by = match by {
        Some(true) if party.is_empty() => {
            r.problems.push(Problem {
                field: "party".into(),
                key: "party",
            });
            None
        }
        Some(true) => Some(Nominator::Party { party }),
        Some(false) => Some(Nominator::SelfNominated),
        None => None,
    };
    let constituency = match r.optional("constituency").parse::<u16>() {
        Ok(n) => Some(ConstituencyNo(n)),
        Err(_) => {
            r.problems.push(Problem {
                field: "constituency".into(),
                key: "choice",
            });
            None
        }
    };
    let date = r.date("date");
    let made = (|| {
        Some((
            date?,
            Command::NominateCandidate(Nomination {
                id: CandidateId::new(id?),
                person: PersonId::new(person?),
                name: name?,
                latin_name: (!latin.is_empty()).then_some(latin),
                gender: gender?,
                election: election.clone(),
                constituency: constituency?,
                nominated_by: nominated_by?,
            }),
        ))
    })();
    r.finish(made)
}

/// Reads one of a candidate's forms (its `action` field): the fee, registration, refusal
/// or withdrawal. `None` when the action is none of them.
pub fn read_action(
    fields: &[(String, String)],
    candidate: &CandidateId,
) -> Option<Result<(LegalDate, Command), Vec<Problem>>> {
    let mut r = Reader::new(fields);
    let action = r.optional("action");
    let candidate = candidate.clone();
    let command = match action.as_str() {
        PAY_FEE => {
            let amount = r.money("amount");
            let reference = r.optional("reference");
            amount.map(|amount| {
                Command::PayFee(PayFee {
                    candidate,
                    amount,
                    reference,
                })
            })
        }
        REGISTER => Some(Command::RegisterCandidate(RegisterCandidate { candidate })),
        REFUSE => r
            .required("reason")
            .map(|reason| Command::RefuseRegistration(RefuseRegistration { candidate, reason })),
        WITHDRAW => r
            .required("reason")
            .map(|reason| Command::WithdrawCandidate(WithdrawCandidate { candidate, reason })),
        _ => return None,
    };
    let date = r.date("date");
    let made = date.zip(command);
    Some(r.finish(made))
}

/// What the history shows of a change.
enum Change {
    Nominated,
    Fee(u64),
    Registered,
    /// Refused or withdrawn, with the reason recorded.
    Ended(Standing, String),
    Effect(&'static str, ResolutionKey),
}

/// `/staff/candidates/{id}`: the candidate, their history and the forms.
pub fn detail(
    screen: &Screen,
    state: &State,
    id: &CandidateId,
    today: LegalDate,
    sent: Option<&Sent>,
    notice: Option<&str>,
) -> Option<String> {
    let c = state.candidates.get(id)?;
    let language = screen.language;
    let n = &c.nomination;
    let mut history: Vec<(Option<LegalDate>, Change)> = Vec::new();
    history.push((state.dates.nominated.get(id).copied(), Change::Nominated));
    for (day, amount) in state.dates.fee_payments.get(id).into_iter().flatten() {
        history.push((Some(*day), Change::Fee(amount.0)));
    }
    if let Some(day) = state.dates.registered.get(id) {
        history.push((Some(*day), Change::Registered));
    }
    if matches!(c.standing, Standing::Refused | Standing::Withdrawn) {
        let (day, reason) = state
            .dates
            .standing_ended
            .get(id)
            .map(|(day, reason)| (Some(*day), reason.clone()))
            .unwrap_or_default();
        history.push((day, Change::Ended(c.standing, reason)));
    }
    for (key, keys) in [
        ("effect-registration-annulled", &c.registration_annulled_by),
        ("effect-votes-annulled", &c.votes_annulled_by),
        ("effect-barred", &c.barred_by),
        ("effect-refunded", &c.refunded_by),
    ] {
        for k in keys {
            let day = state.citation(*k).map(|cited| cited.date);
            history.push((day, Change::Effect(key, *k)));
        }
    }
    // Undated rows (an effect of a resolution the state cannot cite) come last.
    history.sort_by_key(|(day, _)| (day.is_none(), *day));
    let name = n.name.clone();
    let main = html! {
        @if let Some(key) = notice { p.notice role="status" { (screen.word(key)) } }
        dl.facts {
            dt { (screen.word("candidate-name")) } dd { bdi { (n.name) } }
            @if let Some(latin) = &n.latin_name {
                dt { (screen.word("field-latin-name")) } dd { bdi { (latin) } }
            }
            dt { (screen.word("field-candidate-id")) } dd { bdi { (n.id) } }
            dt { (screen.word("candidate-gender")) } dd { (words::gender(n.gender, language)) }
            dt { (screen.word("candidate-nominated-by")) } dd { (nominator(screen, &n.nominated_by)) }
            dt { (screen.word("constituency")) }
            dd { a href=(address::candidates_of(n.constituency)) { (screen.constituency(state, n.constituency)) } }
            dt { (screen.word("candidate-standing")) } dd #standing { (words::standing(c.standing, language)) }
            dt { (screen.word("candidate-fee")) } dd { (money::money(c.fee_paid.0, language)) }
            dt { (screen.word("candidate-refund")) } dd { (refund(screen, state, c)) }
        }
        h2 { (screen.word("history-heading")) }
        table.history {
            caption { (screen.word("history-caption")) }
            thead { tr {
                th scope="col" { (screen.word("history-date")) }
                th scope="col" { (screen.word("history-change")) }
                th scope="col" { (screen.word("history-by")) }
            } }
            tbody {
                @for (day, change) in &history {
                    tr {
                        td { @if let Some(day) = day { (date::date(*day, language)) } }
                        @match change {
                            Change::Nominated => { th scope="row" { (screen.word("history-nominated")) } td {} }
                            Change::Fee(amount) => {
                                th scope="row" { (screen.word("history-fee")) " " (money::money(*amount, language)) }
                                td {}
                            }
                            Change::Registered => { th scope="row" { (words::standing(Standing::Registered, language)) } td {} }
                            Change::Ended(standing, reason) => {
                                th scope="row" {
                                    (words::standing(*standing, language))
                                    @if !reason.is_empty() { ": " bdi.reason { (reason) } }
                                }
                                td {}
                            }
                            Change::Effect(key, k) => {
                                th scope="row" { (screen.word(key)) }
                                td {
                                    @if let Some(cited) = state.citation(*k) { (citation(&cited, language)) }
                                    @if !state.in_force(*k) { " " (screen.word("not-in-force")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        (forms(screen, state, c, today, sent))
    };
    Some(document_named(screen, Some(state), &name, main))
}

fn forms(
    screen: &Screen,
    state: &State,
    c: &Candidate,
    today: LegalDate,
    sent: Option<&Sent>,
) -> Markup {
    let constituency = c.nomination.constituency;
    let action = address::candidate(c.id());
    let today = today.to_string();
    let open = matches!(c.standing, Standing::Nominated | Standing::Registered);
    let form =
        |name: &'static str, kind: CommandKind, shown: bool, fields: &dyn Fn(&Form) -> Markup| {
            if !shown || !may(screen, state, kind, constituency) {
                return html! {};
            }
            let f = Form::new(screen, name, sent);
            let heading = format!("{name}-heading");
            html! {
                section.form aria-labelledby=(heading) {
                    h2 id=(heading) { (screen.word(&format!("candidate-{name}-heading"))) }
                    (f.summary())
                    form method="post" action=(action) {
                        (f.hidden())
                        (fields(&f))
                        (f.field("date", "field-date", Kind::Date, &today))
                        button type="submit" { (screen.word(&format!("candidate-{name}-submit"))) }
                    }
                }
            }
        };
    html! {
        (form(PAY_FEE, CommandKind::PayFee, open, &|f| html! {
            (f.field("amount", "field-amount", Kind::Text, ""))
            (f.field("reference", "field-reference", Kind::Text, ""))
        }))
        (form(REGISTER, CommandKind::RegisterCandidate, c.standing == Standing::Nominated, &|_| html! {}))
        (form(REFUSE, CommandKind::RefuseRegistration, c.standing == Standing::Nominated, &|f| html! {
            (f.field("reason", "field-reason", Kind::Long, ""))
        }))
        (form(WITHDRAW, CommandKind::WithdrawCandidate, open, &|f| html! {
            (f.field("reason", "field-reason", Kind::Long, ""))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::money::Money;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_nomination_form_is_read_into_its_command() {
        let sent = fields(&[
            ("action", "nominate"),
            ("id", " E1-13-20 "),
            ("person", "KG-13-20"),
            ("name", "Айгүл Токтогулова"),
            ("latin_name", ""),
            ("gender", "F"),
            ("nominated_by", "party"),
            ("party", "Ata-Jurt"),
            ("constituency", "13"),
            ("date", "2025-10-01"),
        ]);
        let (date, command) = read_nomination(&sent, &ElectionId::new("E1")).unwrap();
        assert_eq!(date.to_string(), "2025-10-01");
        assert_eq!(
            command,
            Command::NominateCandidate(Nomination {
                id: CandidateId::new("E1-13-20"),
                person: PersonId::new("KG-13-20"),
                name: "Айгүл Токтогулова".into(),
                latin_name: None,
                gender: Gender::Female,
                election: ElectionId::new("E1"),
                constituency: ConstituencyNo(13),
                nominated_by: Nominator::Party {
                    party: "Ata-Jurt".into()
                },
            })
        );
    }

    #[test]
    fn a_nomination_with_bad_fields_is_refused_field_by_field() {
        let sent = fields(&[
            ("id", ""),
            ("person", "KG-1"),
            ("name", "X"),
            ("gender", "X"),
            ("nominated_by", "party"),
            ("party", " "),
            ("constituency", "13"),
            ("date", "2025-13-01"),
        ]);
        let problems = read_nomination(&sent, &ElectionId::new("E1")).unwrap_err();
        let named: Vec<(&str, &str)> = problems.iter().map(|p| (p.field.as_str(), p.key)).collect();
        assert_eq!(
            named,
            [
                ("id", "required"),
                ("gender", "choice"),
                ("party", "party"),
                ("date", "date")
            ]
        );
    }

    #[test]
    fn each_candidate_form_is_read_into_its_command() {
        let id = CandidateId::new("E1-13-01");
        let read = |pairs: &[(&str, &str)]| read_action(&fields(pairs), &id).unwrap();
        assert_eq!(
            read(&[
                ("action", "fee"),
                ("amount", "300 000"),
                ("reference", "P-7"),
                ("date", "2025-10-02")
            ])
            .unwrap()
            .1,
            Command::PayFee(PayFee {
                candidate: id.clone(),
                amount: Money::whole(300_000),
                reference: "P-7".into()
            })
        );
        assert_eq!(
            read(&[("action", "register"), ("date", "2025-10-02")])
                .unwrap()
                .1,
            Command::RegisterCandidate(RegisterCandidate {
                candidate: id.clone()
            })
        );
        assert_eq!(
            read(&[
                ("action", "withdraw"),
                ("reason", "ill"),
                ("date", "2025-10-02")
            ])
            .unwrap()
            .1,
            Command::WithdrawCandidate(WithdrawCandidate {
                candidate: id.clone(),
                reason: "ill".into()
            })
        );
        let refused = read(&[("action", "refuse"), ("reason", ""), ("date", "")]).unwrap_err();
        assert_eq!(
            refused,
            [
                Problem {
                    field: "reason".into(),
                    key: "required"
                },
                Problem {
                    field: "date".into(),
                    key: "date"
                }
            ]
        );
        let fee = read(&[
            ("action", "fee"),
            ("amount", "3,000.5.1"),
            ("date", "2025-10-02"),
        ]);
        assert_eq!(fee.unwrap_err()[0].key, "money");
        assert!(read_action(&fields(&[("action", "vote")]), &id).is_none());
    }
}

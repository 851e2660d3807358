//! A commission's meetings and the resolutions put to its vote: recording a meeting (its
//! date, agenda and the members present), then composing a draft resolution for it (its
//! title in the three languages, the complaints it answers, its effects, each present
//! member's vote) with the quorum and majority the commission's rule requires, and reading
//! both forms back into core's commands. Whether the vote carries is core's to decide: the
//! screen shows what the rule requires so that the secretary sees it before recording.

use maud::{Markup, html};
use tandoo_core::casework::Meeting;
use tandoo_core::command::{HoldMeeting, VoteResolution};
use tandoo_core::commission::CommissionDef;
use tandoo_core::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, MeetingId, MemberId,
    ResolutionRef,
};
use tandoo_core::resolution::{Effect, MemberVote, Vote};
use tandoo_core::results::contest_view;
use tandoo_core::text::{Text, TextLanguage};
use tandoo_core::{LegalDate, State};
use tandoo_present::{FluentArgs, catalog, date, text, written};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// The choices of each present member's vote, as the form's radio values.
const CHOICES: [&str; 4] = ["for", "against", "abstain", "absent"];

/// What went wrong with a form, as a catalog key (`staff-meeting-problem-…`), with the
/// member or field it names when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblem {
    pub key: &'static str,
    pub names: Option<String>,
}

impl FormProblem {
    fn new(key: &'static str) -> Self {
        FormProblem { key, names: None }
    }
}

/// A refusal or problem to show above the form, worded already.
pub type Notice<'a> = Option<&'a str>;

fn values<'f>(fields: &'f [(String, String)], name: &'f str) -> impl Iterator<Item = &'f str> {
    fields
        .iter()
        .filter(move |(n, _)| n == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

fn value<'f>(fields: &'f [(String, String)], name: &'f str) -> Option<&'f str> {
    values(fields, name).next()
}

/// The meeting form read back: its legal date and the command. The agenda is one item a
/// line; the members present are the ticked `present` boxes.
pub fn hold_meeting(
    commission: &CommissionId,
    fields: &[(String, String)],
) -> Result<(LegalDate, HoldMeeting), FormProblem> {
    let date = value(fields, "date")
        .and_then(|d| d.parse::<LegalDate>().ok())
        .ok_or_else(|| FormProblem::new("date"))?;
    let agenda: Vec<String> = value(fields, "agenda")
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if agenda.is_empty() {
        return Err(FormProblem::new("agenda"));
    }
    let present: Vec<MemberId> = values(fields, "present").map(MemberId::new).collect();
    if present.is_empty() {
        return Err(FormProblem::new("present"));
    }
    Ok((
        date,
        HoldMeeting {
            id: None,
            commission: commission.clone(),
            present,
            agenda,
            speakers: Vec::new(),
        },
    ))
}

/// A resolution's citation as the form writes it: `CEC/2025/161`.
pub fn resolution_value(r: &ResolutionRef) -> String {
    format!("{}/{}/{}", r.commission, r.year, r.number)
}

fn parse_resolution(value: &str) -> Option<ResolutionRef> {
    let mut parts = value.rsplitn(3, '/');
    let number = parts.next()?.parse().ok()?;
    let year = parts.next()?.parse().ok()?;
    let commission = parts.next().filter(|c| !c.is_empty())?;
    Some(ResolutionRef {
        commission: CommissionId::new(commission),
        year,
        number,
    })
}

/// The resolution form read back into the command voted at `meeting`. The effects come in
/// the order a resolution reads: what it rescinds first, then the status it declares, the
/// stations' results, registrations and votes it annuls and whom it bars, a repeat
/// election, those it recognises as elected, a mandate it ends, what it cancels, the fees
/// it refunds and last any directive.
pub fn vote_resolution(
    meeting: &Meeting,
    fields: &[(String, String)],
) -> Result<VoteResolution, FormProblem> {
    let title = Text::written(TextLanguage::ALL.into_iter().filter_map(|language| {
        value(fields, title_field(language)).map(|t| (language, t.to_owned()))
    }))
    .ok_or_else(|| FormProblem::new("title"))?;
    let mut votes = Vec::new();
    for member in &meeting.present {
        let name = format!("vote-{member}");
        let vote = match value(fields, &name) {
            Some("for") => Vote::For,
            Some("against") => Vote::Against,
            Some("abstain") => Vote::Abstain,
            Some("absent") => continue,
            _ => {
                return Err(FormProblem {
                    key: "vote",
                    names: Some(member.to_string()),
                });
            }
        };
        votes.push(MemberVote {
            member: member.clone(),
            vote,
        });
    }
    let contest = || -> Result<(ElectionId, ConstituencyNo), FormProblem> {
        let election = value(fields, "election").map(ElectionId::new);
        let constituency = value(fields, "constituency").and_then(|c| c.parse::<u16>().ok());
        match (election, constituency) {
            (Some(e), Some(c)) => Ok((e, ConstituencyNo(c))),
            _ => Err(FormProblem::new("contest")),
        }
    };
    let mut effects = Vec::new();
    for value in values(fields, "rescind") {
        let resolution = parse_resolution(value).ok_or_else(|| FormProblem::new("rescind"))?;
        effects.push(Effect::Rescind { resolution });
    }
    match value(fields, "declare") {
        Some("valid") => {
            let (election, constituency) = contest()?;
            effects.push(Effect::DeclareValid {
                election,
                constituency,
            });
        }
        Some("invalid") => {
            let (election, constituency) = contest()?;
            effects.push(Effect::DeclareInvalid {
                election,
                constituency,
            });
        }
        _ => {}
    }
    for value in values(fields, "annul_station") {
        let (election, constituency) = contest()?;
        let station = value
            .parse::<u32>()
            .map_err(|_| FormProblem::new("annul_station"))?;
        effects.push(Effect::AnnulStationResult {
            election,
            station: tandoo_core::ids::StationId(station),
            constituency,
        });
    }
    let registrations: Vec<CandidateId> = values(fields, "annul_registration")
        .map(CandidateId::new)
        .collect();
    if !registrations.is_empty() {
        effects.push(Effect::AnnulRegistration {
            candidates: registrations,
        });
    }
    let barred: Vec<CandidateId> = values(fields, "bar_from_repeat")
        .map(CandidateId::new)
        .collect();
    if !barred.is_empty() {
        effects.push(Effect::BarFromRepeat { candidates: barred });
    }
    let annulled: Vec<CandidateId> = values(fields, "annul_votes")
        .map(CandidateId::new)
        .collect();
    if !annulled.is_empty() {
        effects.push(Effect::AnnulCandidateVotes {
            candidates: annulled,
        });
    }
    if let Some(day) = value(fields, "repeat_day") {
        let (repeat_of, constituency) = contest()?;
        let voting_day = day
            .parse::<LegalDate>()
            .map_err(|_| FormProblem::new("repeat"))?;
        let election = value(fields, "repeat_election")
            .map(ElectionId::new)
            .ok_or_else(|| FormProblem::new("repeat"))?;
        let name = Text::written(TextLanguage::ALL.into_iter().filter_map(|language| {
            value(fields, repeat_name_field(language)).map(|t| (language, t.to_owned()))
        }))
        .ok_or_else(|| FormProblem::new("repeat"))?;
        effects.push(Effect::CallRepeatElection {
            election,
            name,
            repeat_of,
            constituency,
            voting_day,
        });
    }
    let elected: Vec<CandidateId> = values(fields, "elected").map(CandidateId::new).collect();
    if !elected.is_empty() {
        let (election, constituency) = contest()?;
        effects.push(Effect::RecogniseElected {
            election,
            constituency,
            candidates: elected,
        });
    }
    if let Some(candidate) = value(fields, "end_mandate") {
        let (election, constituency) = contest()?;
        let reason = value(fields, "end_reason")
            .ok_or_else(|| FormProblem::new("end_reason"))?
            .to_owned();
        effects.push(Effect::EndMandate {
            election,
            constituency,
            candidate: CandidateId::new(candidate),
            reason,
        });
    }
    for election in values(fields, "cancel") {
        effects.push(Effect::CancelElection {
            election: ElectionId::new(election),
        });
    }
    for election in values(fields, "refund") {
        effects.push(Effect::RefundFees {
            candidates: Vec::new(),
            election: Some(ElectionId::new(election)),
        });
    }
    let directive = Text::written(TextLanguage::ALL.into_iter().filter_map(|language| {
        value(fields, directive_field(language)).map(|t| (language, t.to_owned()))
    }));
    if let Some(text) = directive {
        effects.push(Effect::Directive { text });
    }
    if effects.is_empty() {
        return Err(FormProblem::new("effects"));
    }
    Ok(VoteResolution {
        commission: meeting.commission.clone(),
        number: None,
        title,
        meeting: Some(meeting.id.clone()),
        considers: values(fields, "considers").map(ComplaintId::new).collect(),
        votes,
        effects,
    })
}

fn title_field(language: TextLanguage) -> &'static str {
    match language {
        TextLanguage::Ky => "title_ky",
        TextLanguage::Ru => "title_ru",
        TextLanguage::En => "title_en",
    }
}

fn directive_field(language: TextLanguage) -> &'static str {
    match language {
        TextLanguage::Ky => "directive_ky",
        TextLanguage::Ru => "directive_ru",
        TextLanguage::En => "directive_en",
    }
}

fn repeat_name_field(language: TextLanguage) -> &'static str {
    match language {
        TextLanguage::Ky => "repeat_name_ky",
        TextLanguage::Ru => "repeat_name_ru",
        TextLanguage::En => "repeat_name_en",
    }
}

/// The words of a form problem.
pub fn problem_words(screen: &Screen, problem: &FormProblem) -> String {
    let mut args = FluentArgs::new();
    args.set("name", problem.names.clone().unwrap_or_default());
    screen.say(&format!("meeting-problem-{}", problem.key), &args)
}

fn gives_commands(screen: &Screen) -> bool {
    use tandoo_core::permission::CommandKind;
    screen.viewer.is_some_and(|v| {
        CommandKind::HoldMeeting.permission().allows(v.role)
            && CommandKind::VoteResolution.permission().allows(v.role)
    })
}

fn commission<'s>(screen: &Screen, state: &'s State) -> Option<&'s CommissionDef> {
    state.commissions.get(&screen.viewer?.commission)
}

fn member_name(def: &CommissionDef, id: &MemberId) -> String {
    def.member(id)
        .map_or_else(|| id.to_string(), |m| m.name.clone())
}

fn problem_box(notice: Notice) -> Markup {
    html! {
        @if let Some(text) = notice {
            div.problem role="alert" tabindex="-1" #problem { p { (text) } }
        }
    }
}

/// `/staff/meetings`: the viewer's commission's meetings, and the form to record one
/// (dated `today` unless the secretary changes it).
pub fn list(screen: &Screen, state: &State, today: LegalDate, notice: Notice) -> String {
    let title = screen.word("meetings-title");
    let def = commission(screen, state);
    let meetings: Vec<(&LegalDate, &Meeting)> = state
        .meetings
        .values()
        .filter(|(_, m)| def.is_some_and(|d| d.id == m.commission))
        .map(|(stamp, m)| (&stamp.date, m))
        .collect();
    let main = html! {
        (problem_box(notice))
        @if meetings.is_empty() {
            p { (screen.word("meetings-none")) }
        } @else {
            table.meetings {
                caption { (screen.word("meetings-caption")) }
                thead {
                    tr {
                        th scope="col" { (screen.word("meeting-date")) }
                        th scope="col" { (screen.word("meeting-agenda")) }
                        th scope="col" { (screen.word("meeting-present")) }
                    }
                }
                tbody {
                    @for (day, meeting) in meetings.iter().rev() {
                        tr {
                            th scope="row" {
                                a href=(address::meeting(&meeting.id)) { (date::date(**day, screen.language)) }
                            }
                            td { @for item in &meeting.agenda { bdi { (item) } br; } }
                            td.number { (screen.number(meeting.present.len() as u64)) }
                        }
                    }
                }
            }
        }
        @if let (Some(def), true) = (def, gives_commands(screen)) {
            h2 #record-heading { (screen.word("meeting-record")) }
            form method="post" action=(address::MEETINGS) aria-labelledby="record-heading" {
                input type="hidden" name="csrf" value=(screen.csrf());
                div.field {
                    label for="date" { (screen.word("meeting-date")) }
                    input #date type="date" name="date" required value=(today.to_string());
                }
                div.field {
                    label for="agenda" { (screen.word("meeting-agenda")) }
                    p.hint #agenda-hint { (screen.word("meeting-agenda-hint")) }
                    textarea #agenda name="agenda" rows="4" required aria-describedby="agenda-hint" {}
                }
                fieldset {
                    legend { (screen.word("meeting-present")) }
                    @for member in &def.members {
                        @let id = format!("present-{}", member.id);
                        div.choice {
                            input type="checkbox" id=(id) name="present" value=(member.id.to_string());
                            label for=(id) { bdi { (member.name) } }
                        }
                    }
                }
                button type="submit" { (screen.word("meeting-record-button")) }
            }
        }
    };
    document(screen, Some(state), &title, main)
}

/// The contest a draft's effects are about, as the meeting screen's query picks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matter {
    pub election: ElectionId,
    pub constituency: ConstituencyNo,
}

/// `/staff/meetings/{id}`: one meeting, the resolutions voted at it with their outcome, and
/// the form to put a draft to the vote, its effects about `matter` (or the main election's
/// first constituency the commission covers).
pub fn meeting(
    screen: &Screen,
    state: &State,
    id: &MeetingId,
    matter: Option<Matter>,
    voted_now: Option<tandoo_core::resolution::ResolutionKey>,
    notice: Notice,
) -> Option<String> {
    let language = screen.language;
    let (stamp, meeting) = state.meetings.get(id)?;
    let def = state.commissions.get(&meeting.commission)?;
    let mut args = FluentArgs::new();
    args.set("date", date::date(stamp.date, language));
    let title = screen.say("meeting-title", &args);
    let voted: Vec<_> = state
        .resolutions
        .values()
        .filter(|r| r.voted.meeting.as_ref() == Some(id))
        .collect();
    let own = screen
        .viewer
        .is_some_and(|v| v.commission == meeting.commission);
    let outcome = voted_now
        .and_then(|key| state.resolutions.get(&key))
        .map(|r| {
            let mut args = FluentArgs::new();
            args.set("citation", text::citation(&r.citation(), language));
            args.set("votes", crate::resolutions::votes(screen, &r.voted.tally));
            let key = if r.voted.adopted {
                "meeting-outcome-adopted"
            } else {
                "meeting-outcome-not-adopted"
            };
            screen.say(key, &args)
        });
    let main = html! {
        (problem_box(notice))
        @if let Some(outcome) = outcome {
            p.notice role="status" #outcome { (outcome) }
        }
        h2 { (screen.word("meeting-agenda")) }
        ol { @for item in &meeting.agenda { li { bdi { (item) } } } }
        h2 { (screen.word("meeting-present")) }
        ul { @for m in &meeting.present { li { bdi { (member_name(def, m)) } } } }
        @if !voted.is_empty() {
            h2 #voted-heading { (screen.word("meeting-voted")) }
            ul aria-labelledby="voted-heading" {
                @for r in &voted {
                    li.outcome data-adopted=(r.voted.adopted) {
                        a href=(address::resolution(r.key)) { bdi { (written::text(&r.voted.title, language)) } }
                        " — " (text::citation(&r.citation(), language))
                        " — " (crate::resolutions::votes(screen, &r.voted.tally))
                    }
                }
            }
        }
        @if own && gives_commands(screen) {
            (draft(screen, state, def, id, meeting, matter))
        }
    };
    Some(document(screen, Some(state), &title, main))
}

fn draft(
    screen: &Screen,
    state: &State,
    def: &CommissionDef,
    id: &MeetingId,
    meeting: &Meeting,
    matter: Option<Matter>,
) -> Markup {
    let language = screen.language;
    let effect = |code: &str| catalog::text(language, &format!("effect-{code}"), None);
    let constituencies: Vec<ConstituencyNo> = state
        .constituencies
        .keys()
        .copied()
        .filter(|c| def.covers_constituency(*c))
        .collect();
    let matter = matter.or_else(|| {
        Some(Matter {
            election: state.main_election()?.clone(),
            constituency: *constituencies.first()?,
        })
    });
    let contest = matter.as_ref().and_then(|m| {
        let election = state.elections.get(&m.election)?;
        election
            .call
            .constituencies
            .contains(&m.constituency)
            .then(|| contest_view(state, election, m.constituency))
    });
    let members = u32::try_from(def.members.len()).unwrap_or(u32::MAX);
    let mut rule = FluentArgs::new();
    rule.set("members", members);
    rule.set("present", meeting.present.len());
    let quorum = def.voting.quorum.at_least(members);
    let majority = def.voting.majority.more_than(members);
    rule.set("quorum", quorum);
    rule.set("majority", majority);
    let present = u32::try_from(meeting.present.len()).unwrap_or(u32::MAX);
    let rule_for_vote = VoteRule {
        quorum_met: present >= quorum,
        majority,
    };
    let complaints: Vec<_> = state
        .complaints
        .values()
        .filter(|(_, c)| c.addressed_to == def.id)
        .collect();
    let in_force: Vec<_> = state
        .resolutions
        .values()
        .filter(|r| r.voted.adopted && state.in_force(r.key))
        .filter_map(|r| Some((r, r.voted.number.as_ref()?)))
        .collect();
    let elections: Vec<_> = state
        .elections
        .values()
        .filter(|e| state.cancellation(e).is_none())
        .collect();
    html! {
        h2 #draft-heading { (screen.word("draft-heading")) }
        form.open method="get" action=(address::meeting(id)) aria-label=(screen.word("draft-matter")) {
            div.field {
                label for="matter-election" { (screen.word("draft-election")) }
                select #matter-election name="election" {
                    @for e in state.elections.values() {
                        option value=(e.call.id.to_string())
                            selected[matter.as_ref().is_some_and(|m| m.election == e.call.id)] {
                            (written::text(&e.call.name, language))
                        }
                    }
                }
            }
            div.field {
                label for="matter-constituency" { (screen.word("constituency")) }
                select #matter-constituency name="constituency" {
                    @for c in &constituencies {
                        option value=(c.to_string())
                            selected[matter.as_ref().is_some_and(|m| m.constituency == *c)] {
                            (screen.constituency(state, *c))
                        }
                    }
                }
            }
            button.secondary type="submit" { (screen.word("draft-matter-button")) }
        }
        form method="post" action=(address::meeting_resolution(id)) aria-labelledby="draft-heading" data-vote-form {
            input type="hidden" name="csrf" value=(screen.csrf());
            @if let Some(m) = &matter {
                input type="hidden" name="election" value=(m.election.to_string());
                input type="hidden" name="constituency" value=(m.constituency.to_string());
            }
            fieldset {
                legend { (screen.word("draft-title")) }
                @for (field, lang) in [("title_ky", "ky"), ("title_ru", "ru"), ("title_en", "en")] {
                    div.field {
                        label for=(field) { (screen.word(&format!("language-{lang}"))) }
                        input type="text" id=(field) name=(field) lang=(lang);
                    }
                }
            }
            @if !complaints.is_empty() {
                fieldset {
                    legend { (screen.word("draft-considers")) }
                    @for (_, c) in &complaints {
                        @let fid = format!("considers-{}", c.id);
                        div.choice {
                            input type="checkbox" id=(fid) name="considers" value=(c.id.to_string());
                            label for=(fid) { bdi { (c.id) ": " (c.subject) } }
                        }
                    }
                }
            }
            h3 { (screen.word("draft-effects")) }
            @if !in_force.is_empty() {
                fieldset {
                    legend { (effect("rescind")) }
                    @for (r, number) in &in_force {
                        @let fid = format!("rescind-{}", r.key.0);
                        div.choice {
                            input type="checkbox" id=(fid) name="rescind" value=(resolution_value(number));
                            label for=(fid) {
                                (text::citation(&r.citation(), language)) " — "
                                bdi { (written::text(&r.voted.title, language)) }
                            }
                        }
                    }
                }
            }
            @if let (Some(m), Some(contest)) = (&matter, &contest) {
                fieldset {
                    legend { (screen.word("draft-declare")) " — " (screen.constituency(state, m.constituency)) }
                    @for (value, key) in [("", "draft-declare-none"), ("valid", "effect-declare_valid"), ("invalid", "effect-declare_invalid")] {
                        @let fid = format!("declare-{}", if value.is_empty() { "none" } else { value });
                        div.choice {
                            input type="radio" id=(fid) name="declare" value=(value) checked[value.is_empty()];
                            label for=(fid) {
                                @if value.is_empty() { (screen.word("draft-declare-none")) } @else { (catalog::text(language, key, None)) }
                            }
                        }
                    }
                }
                @if let Some(roll) = state.rolls.get(&m.constituency) {
                    details {
                        summary { (effect("annul_station_result")) }
                        fieldset {
                            legend { (effect("annul_station_result")) }
                            @for station in &roll.station_ids {
                                @let fid = format!("annul-station-{station}");
                                div.choice {
                                    input type="checkbox" id=(fid) name="annul_station" value=(station.to_string());
                                    label for=(fid) {
                                        (station) " "
                                        bdi { (state.stations.get(station).map_or("", |d| d.name.as_str())) }
                                    }
                                }
                            }
                        }
                    }
                }
                fieldset {
                    legend { (effect("annul_candidate_votes")) }
                    @for c in &contest.candidates {
                        @let fid = format!("annul-{}", c.id);
                        div.choice {
                            input type="checkbox" id=(fid) name="annul_votes" value=(c.id.to_string());
                            label for=(fid) { bdi { (tandoo_present::words::name(&c.name, c.latin_name.as_deref(), language)) } }
                        }
                    }
                }
                @for (name, code) in [("annul_registration", "annul_registration"), ("bar_from_repeat", "bar_from_repeat")] {
                    details {
                        summary { (effect(code)) }
                        fieldset {
                            legend { (effect(code)) }
                            @for c in &contest.candidates {
                                @let fid = format!("{name}-{}", c.id);
                                div.choice {
                                    input type="checkbox" id=(fid) name=(name) value=(c.id.to_string());
                                    label for=(fid) { bdi { (tandoo_present::words::name(&c.name, c.latin_name.as_deref(), language)) } }
                                }
                            }
                        }
                    }
                }
                fieldset {
                    legend { (effect("recognise_elected")) }
                    p.hint { (screen.word("draft-elected-hint")) }
                    @for c in &contest.candidates {
                        @let fid = format!("elected-{}", c.id);
                        div.choice {
                            input type="checkbox" id=(fid) name="elected" value=(c.id.to_string())
                                checked[contest.allocated.contains(&c.id)];
                            label for=(fid) {
                                bdi { (tandoo_present::words::name(&c.name, c.latin_name.as_deref(), language)) }
                                " — " (screen.number(c.votes))
                            }
                        }
                    }
                }
                @if !contest.elected.is_empty() {
                    fieldset {
                        legend { (effect("end_mandate")) }
                        div.choice {
                            input type="radio" id="end-none" name="end_mandate" value="" checked;
                            label for="end-none" { (screen.word("draft-end-none")) }
                        }
                        @for id in &contest.elected {
                            @if let Some(c) = contest.candidates.iter().find(|c| &c.id == id) {
                                @let fid = format!("end-{id}");
                                div.choice {
                                    input type="radio" id=(fid) name="end_mandate" value=(id.to_string());
                                    label for=(fid) { bdi { (tandoo_present::words::name(&c.name, c.latin_name.as_deref(), language)) } }
                                }
                            }
                        }
                        div.field {
                            label for="end_reason" { (screen.word("draft-end-reason")) }
                            input #end_reason type="text" name="end_reason";
                        }
                    }
                }
                fieldset {
                    legend { (effect("call_repeat_election")) }
                    div.field {
                        label for="repeat_day" { (screen.word("draft-repeat-day")) }
                        input #repeat_day type="date" name="repeat_day";
                    }
                    div.field {
                        label for="repeat_election" { (screen.word("draft-repeat-id")) }
                        input #repeat_election type="text" name="repeat_election";
                    }
                    @for (field, lang) in [("repeat_name_ky", "ky"), ("repeat_name_ru", "ru"), ("repeat_name_en", "en")] {
                        div.field {
                            label for=(field) { (screen.word("draft-repeat-name")) " (" (screen.word(&format!("language-{lang}"))) ")" }
                            input type="text" id=(field) name=(field) lang=(lang);
                        }
                    }
                }
            }
            fieldset {
                legend { (effect("cancel_election")) }
                @for e in &elections {
                    @let fid = format!("cancel-{}", e.call.id);
                    div.choice {
                        input type="checkbox" id=(fid) name="cancel" value=(e.call.id.to_string());
                        label for=(fid) { bdi { (written::text(&e.call.name, language)) } }
                    }
                }
            }
            fieldset {
                legend { (effect("refund_fees")) }
                @for e in state.elections.values() {
                    @let fid = format!("refund-{}", e.call.id);
                    div.choice {
                        input type="checkbox" id=(fid) name="refund" value=(e.call.id.to_string());
                        label for=(fid) { bdi { (written::text(&e.call.name, language)) } }
                    }
                }
            }
            fieldset {
                legend { (effect("directive")) }
                @for (field, lang) in [("directive_ky", "ky"), ("directive_ru", "ru"), ("directive_en", "en")] {
                    div.field {
                        label for=(field) { (screen.word(&format!("language-{lang}"))) }
                        textarea id=(field) name=(field) lang=(lang) rows="2" {}
                    }
                }
            }
            h3 { (screen.word("draft-votes")) }
            p #rule { (screen.say("draft-rule", &rule)) }
            table.votes {
                caption { (screen.word("draft-votes-caption")) }
                thead {
                    tr {
                        th scope="col" { (screen.word("draft-member")) }
                        @for choice in CHOICES { th scope="col" { (screen.word(&format!("vote-{choice}"))) } }
                    }
                }
                tbody {
                    @for m in &meeting.present {
                        @let name = member_name(def, m);
                        tr {
                            th scope="row" #(format!("member-{m}")) { bdi { (name) } }
                            @for choice in CHOICES {
                                @let fid = format!("vote-{m}-{choice}");
                                td {
                                    input type="radio" id=(fid) name=(format!("vote-{m}")) value=(choice) required
                                        aria-labelledby=(format!("member-{m} {fid}-label"));
                                    label.visually-hidden for=(fid) #(format!("{fid}-label")) { (screen.word(&format!("vote-{choice}"))) }
                                }
                            }
                        }
                    }
                }
            }
            p #quorum { (screen.word(if rule_for_vote.quorum_met { "draft-quorum-met" } else { "draft-quorum-short" })) }
            p #tally hidden aria-live="polite" data-template=(tally_template(screen))
                data-majority=(rule_for_vote.majority)
                data-reached=(screen.word("draft-majority-reached"))
                data-short=(majority_short_template(screen)) {}
            button type="submit" { (screen.word("draft-record-button")) }
        }
    }
}

/// What the rule asks of the vote on this draft: whether the members present make a quorum,
/// and how many votes for adopt it. The script counts the ticked votes against the
/// majority as they are chosen; core decides on the recorded votes by the same rule.
struct VoteRule {
    quorum_met: bool,
    majority: u32,
}

/// The words saying how many more votes for the draft needs, with `{missing}` where the
/// script puts the number.
fn majority_short_template(screen: &Screen) -> String {
    let mut args = FluentArgs::new();
    args.set("missing", "{missing}");
    screen.say("draft-majority-short", &args)
}

/// The words of a tally with `{for}`, `{against}` and `{abstain}` where the script puts the
/// counts as members' votes are chosen.
fn tally_template(screen: &Screen) -> String {
    let mut args = FluentArgs::new();
    args.set("for", "{for}");
    args.set("against", "{against}");
    args.set("abstain", "{abstain}");
    screen.say("resolution-votes", &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn meeting() -> Meeting {
        Meeting {
            id: MeetingId::new("CEC-M-2026-02-13-1"),
            commission: CommissionId::new("CEC"),
            present: vec![MemberId::new("a"), MemberId::new("b"), MemberId::new("c")],
            agenda: vec!["Review".into()],
            speakers: Vec::new(),
        }
    }

    #[test]
    fn the_meeting_form_gives_its_date_agenda_lines_and_the_members_ticked() {
        let (date, command) = hold_meeting(
            &CommissionId::new("CEC"),
            &fields(&[
                ("csrf", "t"),
                ("date", "2026-02-13"),
                (
                    "agenda",
                    "Review of resolution No. 161\r\n\r\n  Other business ",
                ),
                ("present", "a"),
                ("present", "c"),
            ]),
        )
        .unwrap();
        assert_eq!(date.to_string(), "2026-02-13");
        assert_eq!(command.commission, CommissionId::new("CEC"));
        assert_eq!(
            command.agenda,
            vec!["Review of resolution No. 161", "Other business"]
        );
        assert_eq!(
            command.present,
            vec![MemberId::new("a"), MemberId::new("c")]
        );
    }

    #[test]
    fn a_meeting_without_agenda_members_or_a_date_is_sent_back() {
        let problem = |pairs: &[(&str, &str)]| {
            hold_meeting(&CommissionId::new("CEC"), &fields(pairs))
                .unwrap_err()
                .key
        };
        assert_eq!(problem(&[("agenda", "x"), ("present", "a")]), "date");
        assert_eq!(
            problem(&[("date", "2026-02-13"), ("agenda", " \n"), ("present", "a")]),
            "agenda"
        );
        assert_eq!(
            problem(&[("date", "2026-02-13"), ("agenda", "x")]),
            "present"
        );
    }

    #[test]
    fn the_draft_form_gives_the_vote_with_its_effects_in_reading_order() {
        let command = vote_resolution(
            &meeting(),
            &fields(&[
                ("election", "E1"),
                ("constituency", "13"),
                ("title_ky", "Кайра кароо"),
                ("title_en", "Review"),
                ("title_ru", ""),
                ("considers", "S1"),
                ("cancel", "E2"),
                ("elected", "E1-13-2"),
                ("elected", "E1-13-1"),
                ("annul_votes", "E1-13-0"),
                ("declare", "valid"),
                ("rescind", "CEC/2025/161"),
                ("vote-a", "for"),
                ("vote-b", "against"),
                ("vote-c", "absent"),
            ]),
        )
        .unwrap();
        assert_eq!(command.meeting, Some(MeetingId::new("CEC-M-2026-02-13-1")));
        assert_eq!(command.considers, vec![ComplaintId::new("S1")]);
        assert_eq!(command.title.get(TextLanguage::Ky), Some("Кайра кароо"));
        assert_eq!(command.title.get(TextLanguage::Ru), None);
        assert_eq!(
            command.votes,
            vec![
                MemberVote {
                    member: MemberId::new("a"),
                    vote: Vote::For
                },
                MemberVote {
                    member: MemberId::new("b"),
                    vote: Vote::Against
                },
            ]
        );
        let (e1, c13) = (ElectionId::new("E1"), ConstituencyNo(13));
        assert_eq!(
            command.effects,
            vec![
                Effect::Rescind {
                    resolution: ResolutionRef {
                        commission: CommissionId::new("CEC"),
                        year: 2025,
                        number: 161
                    }
                },
                Effect::DeclareValid {
                    election: e1.clone(),
                    constituency: c13
                },
                Effect::AnnulCandidateVotes {
                    candidates: vec![CandidateId::new("E1-13-0")]
                },
                Effect::RecogniseElected {
                    election: e1,
                    constituency: c13,
                    candidates: vec![CandidateId::new("E1-13-2"), CandidateId::new("E1-13-1")]
                },
                Effect::CancelElection {
                    election: ElectionId::new("E2")
                },
            ]
        );
    }

    #[test]
    fn a_draft_without_a_vote_for_a_present_member_a_title_or_an_effect_is_sent_back() {
        let base = [
            ("title_en", "T"),
            ("refund", "E2"),
            ("vote-a", "for"),
            ("vote-b", "for"),
        ];
        let missing = vote_resolution(&meeting(), &fields(&base)).unwrap_err();
        assert_eq!(missing.key, "vote");
        assert_eq!(missing.names.as_deref(), Some("c"));
        let mut all = base.to_vec();
        all.push(("vote-c", "abstain"));
        let refund = vote_resolution(&meeting(), &fields(&all)).unwrap();
        assert_eq!(
            refund.effects,
            vec![Effect::RefundFees {
                candidates: Vec::new(),
                election: Some(ElectionId::new("E2"))
            }]
        );
        let untitled: Vec<_> = all
            .iter()
            .filter(|(n, _)| *n != "title_en")
            .copied()
            .collect();
        assert_eq!(
            vote_resolution(&meeting(), &fields(&untitled))
                .unwrap_err()
                .key,
            "title"
        );
        let no_effect: Vec<_> = all
            .iter()
            .filter(|(n, _)| *n != "refund")
            .copied()
            .collect();
        assert_eq!(
            vote_resolution(&meeting(), &fields(&no_effect))
                .unwrap_err()
                .key,
            "effects"
        );
        let mut more = all.clone();
        more.extend([
            ("election", "E1"),
            ("constituency", "13"),
            ("annul_station", "4521"),
            ("directive_en", "Replace the chairs."),
        ]);
        let more = vote_resolution(&meeting(), &fields(&more)).unwrap();
        assert_eq!(
            more.effects[0],
            Effect::AnnulStationResult {
                election: ElectionId::new("E1"),
                station: tandoo_core::ids::StationId(4521),
                constituency: ConstituencyNo(13)
            }
        );
        assert_eq!(
            more.effects.last(),
            Some(&Effect::Directive {
                text: Text::written([(TextLanguage::En, "Replace the chairs.".to_owned())])
                    .unwrap()
            })
        );
        let mut ended = all.clone();
        ended.extend([
            ("election", "E1"),
            ("constituency", "13"),
            ("end_mandate", "E1-13-03"),
        ]);
        assert_eq!(
            vote_resolution(&meeting(), &fields(&ended))
                .unwrap_err()
                .key,
            "end_reason"
        );
        ended.extend([("end_reason", "resigned"), ("bar_from_repeat", "E1-13-01")]);
        let ended = vote_resolution(&meeting(), &fields(&ended)).unwrap();
        assert_eq!(
            ended.effects[..2],
            [
                Effect::BarFromRepeat {
                    candidates: vec![CandidateId::new("E1-13-01")]
                },
                Effect::EndMandate {
                    election: ElectionId::new("E1"),
                    constituency: ConstituencyNo(13),
                    candidate: CandidateId::new("E1-13-03"),
                    reason: "resigned".into()
                },
            ]
        );
        let mut repeat = all.clone();
        repeat.push(("repeat_day", "2026-03-01"));
        assert_eq!(
            vote_resolution(&meeting(), &fields(&repeat))
                .unwrap_err()
                .key,
            "contest"
        );
    }
}

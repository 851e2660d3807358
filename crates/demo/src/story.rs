//! The steps of the constituency-13 story (see the acceptance scenario), each a list of
//! submissions with the legal date they carry. Candidates are registered under their names
//! as written in their applications, in Cyrillic, each with its Latin form; the names of the
//! elections, constituencies and commissions and the resolutions' titles and operative texts
//! are written in Kyrgyz, Russian and English, as the commission publishes them.

use crate::names::Name;
use crate::plan::{ConstituencyPlan, national_plan};
use crate::split::{proportional, table};
use std::collections::BTreeMap;
use tandoo_core::LegalDate;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::candidate::{Nomination, Nominator};
use tandoo_core::casework::{ComplaintDecision, ComplaintKind, Speaker};
use tandoo_core::command::{Command, Submission};
use tandoo_core::command::{
    DecideComplaint, EnterProtocol, FileComplaint, HoldMeeting, PayFee, RecordIncident,
    RegisterCandidate, SendRequest, SettleProtocol, VoteResolution,
};
use tandoo_core::commission::{CommissionDef, CommissionLevel, Member, Position, VotingRule};
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::*;
use tandoo_core::money::Money;
use tandoo_core::protocol::ProtocolEntry;
use tandoo_core::resolution::{Effect, MemberVote, Vote};
use tandoo_core::rules::RuleSetSpec;
use tandoo_core::territory::{ConstituencyDef, StationDef};
use tandoo_core::text::{Text, TextLanguage};
use tandoo_count::Gender;

/// One step of the story.
pub struct Step {
    pub title: String,
    pub date: LegalDate,
    /// What the commission records in this step, in order.
    pub submissions: Vec<Submission>,
    /// Attempts the record must refuse (shown by the demo with the reason).
    pub refused: Vec<Submission>,
}

pub const E1: &str = "E1";
pub const E2: &str = "E2";
const CEC: &str = "CEC";

/// A text the commission publishes in Kyrgyz, Russian and English.
fn written(ky: impl Into<String>, ru: impl Into<String>, en: impl Into<String>) -> Text {
    Text::Languages(
        [
            (TextLanguage::Ky, ky.into()),
            (TextLanguage::Ru, ru.into()),
            (TextLanguage::En, en.into()),
        ]
        .into(),
    )
}

fn date(text: &str) -> LegalDate {
    text.parse()
        .unwrap_or_else(|_| unreachable!("the story's dates are valid"))
}

fn at(day: &str, actor: &Actor, command: Command) -> Submission {
    Submission {
        date: date(day),
        actor: actor.clone(),
        command,
    }
}

fn admin() -> Actor {
    Actor::new("admin", Role::Administrator, CEC)
}

fn cec_secretary() -> Actor {
    Actor::new("cec.secretary", Role::Secretary, CEC)
}

fn dec_secretary(constituency: u16) -> Actor {
    Actor::new(
        &format!("dec{constituency}.secretary"),
        Role::Secretary,
        &dec(constituency),
    )
}

/// The two operators of a district commission who enter every protocol independently.
fn dec_operator(constituency: u16, which: u8) -> Actor {
    Actor::new(
        &format!("dec{constituency}.operator{which}"),
        Role::Operator,
        &dec(constituency),
    )
}

fn dec_supervisor(constituency: u16) -> Actor {
    Actor::new(
        &format!("dec{constituency}.supervisor"),
        Role::Supervisor,
        &dec(constituency),
    )
}

/// The station of constituency 13 where the second operator mistypes (swapping two
/// candidates' figures, which no control relation can catch) and a supervisor settles it.
pub const MISTYPED_STATION: StationId = StationId(13_005);

fn dec(constituency: u16) -> String {
    format!("DEC-{constituency}")
}

/// The CEC's members: the three named in the story and nine others (not named in the
/// published reports, so named here by their seat).
fn cec_members() -> Vec<Member> {
    let named = [
        ("shainazarov", "T. Shainazarov", Position::Chair),
        ("mambetaipov", "K. Mambetaipov", Position::Member),
        ("koychukeev", "N. Koychukeev", Position::Member),
    ];
    let mut members: Vec<Member> = named
        .iter()
        .map(|(id, name, position)| Member {
            id: MemberId::new(*id),
            name: (*name).into(),
            position: *position,
        })
        .collect();
    for seat in 4..=12 {
        members.push(Member {
            id: MemberId::new(format!("cec-{seat:02}")),
            name: format!("CEC member No. {seat}"),
            position: if seat == 4 {
                Position::Secretary
            } else {
                Position::Member
            },
        });
    }
    members
}

fn votes(members: &[&str], vote: Vote) -> Vec<MemberVote> {
    members
        .iter()
        .map(|m| MemberVote {
            member: MemberId::new(*m),
            vote,
        })
        .collect()
}

fn cec_votes_all_for(present: usize) -> Vec<MemberVote> {
    cec_members()
        .into_iter()
        .take(present)
        .map(|m| MemberVote {
            member: m.id,
            vote: Vote::For,
        })
        .collect()
}

pub fn station_number(constituency: u16, index: usize) -> StationId {
    StationId(u32::from(constituency) * 1000 + index as u32 + 1)
}

pub fn candidate_id(election: &str, constituency: u16, index: usize) -> CandidateId {
    CandidateId::new(format!("{election}-{constituency:02}-{:02}", index + 1))
}

fn person_id(constituency: u16, index: usize) -> PersonId {
    PersonId::new(format!("KG-{constituency:02}-{:02}", index + 1))
}

fn resolution(number: u32, year: u16) -> ResolutionRef {
    ResolutionRef {
        commission: CommissionId::new(CEC),
        number,
        year,
    }
}

pub fn story() -> Vec<Step> {
    let plans = national_plan();
    vec![
        setup(&plans),
        voting_day(&plans),
        incidents(),
        resolution_161(),
        replace_chairs(),
        repeat_election(),
        collective_statement(),
        review_of_161(),
        refund_fees(),
    ]
}

fn setup(plans: &[ConstituencyPlan]) -> Step {
    let day = "2025-09-25";
    let mut subs = vec![at(
        day,
        &admin(),
        Command::FormCommission(CommissionDef {
            id: CommissionId::new(CEC),
            name: written(
                "Шайлоо жана референдум өткөрүү боюнча борбордук комиссия",
                "Центральная комиссия по выборам и проведению референдумов",
                "Central Commission for Elections and Referenda",
            ),
            level: CommissionLevel::Central,
            parent: None,
            members: cec_members(),
            voting: VotingRule::default(),
        }),
    )];
    for plan in plans {
        let n = plan.number;
        subs.push(at(
            day,
            &admin(),
            Command::DefineConstituency(ConstituencyDef {
                number: ConstituencyNo(n),
                name: written(
                    format!("№{n} шайлоо округу"),
                    format!("Избирательный округ №{n}"),
                    format!("Constituency No. {n}"),
                ),
                seats: 3,
            }),
        ));
        for (i, voters) in plan.station_voters.iter().enumerate() {
            subs.push(at(
                day,
                &admin(),
                Command::DefineStation(StationDef {
                    number: station_number(n, i),
                    name: format!("Polling station {}", station_number(n, i)),
                    constituency: ConstituencyNo(n),
                    voters: *voters,
                }),
            ));
        }
        subs.push(at(
            day,
            &admin(),
            Command::FormCommission(district_commission(n)),
        ));
    }
    subs.push(at(
        day,
        &admin(),
        Command::CallElection(tandoo_core::command::ElectionCallSpec {
            id: ElectionId::new(E1),
            name: written(
                "Жогорку Кеңештин депутаттарынын мөөнөтүнөн мурда шайлоосу, 2025-жылдын 30-ноябры",
                "Досрочные выборы депутатов Жогорку Кенеша, 30 ноября 2025 года",
                "Early elections of deputies of the Jogorku Kenesh, 30 November 2025",
            ),
            kind: ElectionKind::Early,
            repeat_of: None,
            voting_day: date("2025-11-30"),
            rule_set: RuleSetSpec::Preset("jogorku_kenesh_2025".into()),
            constituencies: plans.iter().map(|p| ConstituencyNo(p.number)).collect(),
            form: None,
        }),
    ));
    for plan in plans {
        let n = plan.number;
        for (i, candidate) in plan.candidates.iter().enumerate() {
            subs.extend(candidacy(
                E1,
                n,
                i,
                &person_id(n, i),
                &candidate.name,
                candidate.gender,
                ["2025-10-15", "2025-10-20", "2025-10-25"],
            ));
        }
    }
    Step {
        title: "Setup: the CEC, 30 constituencies, election E1 called, candidates registered"
            .into(),
        date: date(day),
        submissions: subs,
        refused: Vec::new(),
    }
}

/// Nomination, fee and registration of one candidate, on the three given days.
fn candidacy(
    election: &str,
    n: u16,
    i: usize,
    person: &PersonId,
    name: &Name,
    gender: Gender,
    days: [&str; 3],
) -> [Submission; 3] {
    let id = candidate_id(election, n, i);
    let secretary = dec_secretary(n);
    [
        at(
            days[0],
            &secretary,
            Command::NominateCandidate(Nomination {
                id: id.clone(),
                person: person.clone(),
                name: name.registered.clone(),
                latin_name: Some(name.latin.clone()),
                gender,
                election: ElectionId::new(election),
                constituency: ConstituencyNo(n),
                nominated_by: Nominator::SelfNominated,
            }),
        ),
        at(
            days[1],
            &secretary,
            Command::PayFee(PayFee {
                candidate: id.clone(),
                amount: Money::whole(300_000),
                reference: format!("fee {id}"),
            }),
        ),
        at(
            days[2],
            &secretary,
            Command::RegisterCandidate(RegisterCandidate { candidate: id }),
        ),
    ]
}

/// The figures of every station's protocol: each constituency's totals split over its
/// stations in proportion to their voters, so that every control relation holds.
fn voting_day(plans: &[ConstituencyPlan]) -> Step {
    let mut subs = Vec::new();
    for plan in plans {
        let n = plan.number;
        let voted = proportional(plan.voted, &plan.station_voters);
        let mut columns = vec![plan.invalid, plan.against_all];
        columns.extend(plan.candidates.iter().map(|c| c.votes));
        let cells = table(&voted, &columns);
        for (i, (row, voters)) in cells.iter().zip(&plan.station_voters).enumerate() {
            let took_part = voted[i];
            let outside = took_part * 3 / 100;
            let received = voters + voters / 50;
            let lines = [
                *voters,
                received,
                took_part - outside,
                outside,
                received - took_part,
                took_part,
                outside,
                took_part - outside,
                row[0],
                took_part - row[0],
            ];
            let entry = ProtocolEntry {
                lines: lines
                    .iter()
                    .enumerate()
                    .map(|(l, v)| (format!("L{}", l + 1), *v as i64))
                    .collect(),
                candidates: row[2..]
                    .iter()
                    .enumerate()
                    .map(|(c, v)| (candidate_id(E1, n, c), *v as i64))
                    .collect::<BTreeMap<_, _>>(),
                against_all: Some(row[1] as i64),
            };
            let station = station_number(n, i);
            let enter = |operator: u8, figures: ProtocolEntry| {
                at(
                    "2025-11-30",
                    &dec_operator(n, operator),
                    Command::EnterProtocol(EnterProtocol {
                        election: ElectionId::new(E1),
                        station,
                        constituency: ConstituencyNo(n),
                        figures,
                        acknowledged: Vec::new(),
                        correction_reason: None,
                    }),
                )
            };
            subs.push(enter(1, entry.clone()));
            if station == MISTYPED_STATION {
                let mut mistyped = entry.clone();
                let first = candidate_id(E1, n, 0);
                let second = candidate_id(E1, n, 1);
                let (a, b) = (mistyped.candidates[&first], mistyped.candidates[&second]);
                mistyped.candidates.insert(first, b);
                mistyped.candidates.insert(second, a);
                subs.push(enter(2, mistyped));
                subs.push(at(
                    "2025-11-30",
                    &dec_supervisor(n),
                    Command::SettleProtocol(SettleProtocol {
                        election: ElectionId::new(E1),
                        station,
                        constituency: ConstituencyNo(n),
                        decision: tandoo_core::command::Settlement::Keep { entry: 1 },
                    }),
                ));
            } else {
                subs.push(enter(2, entry));
            }
        }
    }
    Step {
        title: "Voting day: every station's protocol entered twice and accepted".into(),
        date: date("2025-11-30"),
        submissions: subs,
        refused: Vec::new(),
    }
}

/// The 35 stations of constituency 13 where cameras were reported, spread over its 94.
pub fn camera_stations() -> Vec<StationId> {
    (0..35).map(|k| station_number(13, k * 94 / 35)).collect()
}

fn incidents() -> Step {
    let subs = camera_stations()
        .into_iter()
        .enumerate()
        .map(|(k, station)| {
            at(
                "2025-12-01",
                &cec_secretary(),
                Command::RecordIncident(RecordIncident {
                    id: Some(IncidentId::new(format!("I-13-{:02}", k + 1))),
                    election: ElectionId::new(E1),
                    station,
                    constituency: ConstituencyNo(13),
                    description: "Cameras installed in the polling station by candidates' observers, breaking the secrecy of the vote".into(),
                    source: if k % 2 == 0 { "complaint".into() } else { "video published online".into() },
                }),
            )
        })
        .collect();
    Step {
        title: "Incidents: cameras reported at 35 polling stations of constituency 13".into(),
        date: date("2025-12-01"),
        submissions: subs,
        refused: Vec::new(),
    }
}

/// Candidates of constituency 13 in election E1, in registration order.
fn original_13() -> Vec<CandidateId> {
    (0..14).map(|i| candidate_id(E1, 13, i)).collect()
}

fn resolution_161() -> Step {
    let sub = at(
        "2025-12-03",
        &cec_secretary(),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new(CEC),
            number: Some(161),
            title: written(
                "№13 көп мандаттуу шайлоо округу боюнча шайлоонун жыйынтыктары жөнүндө",
                "О результатах выборов по многомандатному избирательному округу №13",
                "On the results of the elections in multi-mandate constituency No. 13",
            ),
            meeting: None,
            considers: Vec::new(),
            votes: cec_votes_all_for(12),
            effects: vec![
                Effect::DeclareInvalid {
                    election: ElectionId::new(E1),
                    constituency: ConstituencyNo(13),
                },
                Effect::AnnulRegistration {
                    candidates: original_13(),
                },
                Effect::BarFromRepeat {
                    candidates: original_13(),
                },
            ],
        }),
    );
    Step {
        title: "CEC resolution No. 161: the election in constituency 13 is invalid".into(),
        date: date("2025-12-03"),
        submissions: vec![sub],
        refused: Vec::new(),
    }
}

fn replace_chairs() -> Step {
    let sub = at(
        "2025-12-07",
        &cec_secretary(),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new(CEC),
            number: None,
            title: written(
                "№13 шайлоо округундагы участкалык шайлоо комиссияларынын төрагаларын алмаштыруу жөнүндө",
                "О замене председателей участковых избирательных комиссий в избирательном округе №13",
                "On replacing the chairs of precinct election commissions in constituency No. 13",
            ),
            meeting: None,
            considers: Vec::new(),
            votes: cec_votes_all_for(12),
            effects: vec![Effect::Directive {
                text: written(
                    "Аймактык шайлоо комиссиялары камералар орнотулган 35 участкалык шайлоо комиссиясынын төрагаларын алмаштырсын.",
                    "Территориальным избирательным комиссиям заменить председателей 35 участковых избирательных комиссий, в помещениях которых были установлены камеры.",
                    "The territorial election commissions are to replace the chairs of the 35 precinct election commissions where cameras were installed.",
                ),
            }],
        }),
    );
    Step {
        title: "CEC resolution: chairs of 35 precinct commissions to be replaced".into(),
        date: date("2025-12-07"),
        submissions: vec![sub],
        refused: Vec::new(),
    }
}

fn repeat_election() -> Step {
    let mut subs = vec![at(
        "2025-12-30",
        &cec_secretary(),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new(CEC),
            number: None,
            title: written(
                "№13 көп мандаттуу шайлоо округунда кайталама шайлоону дайындоо жөнүндө",
                "О назначении повторных выборов по многомандатному избирательному округу №13",
                "On calling a repeat election in multi-mandate constituency No. 13",
            ),
            meeting: None,
            considers: Vec::new(),
            votes: cec_votes_all_for(12),
            effects: vec![Effect::CallRepeatElection {
                election: ElectionId::new(E2),
                name: written(
                    "№13 шайлоо округу боюнча Жогорку Кеңештин депутаттарынын кайталама шайлоосу, 2026-жылдын 1-марты",
                    "Повторные выборы депутатов Жогорку Кенеша по избирательному округу №13, 1 марта 2026 года",
                    "Repeat election of deputies of the Jogorku Kenesh in constituency No. 13, 1 March 2026",
                ),
                repeat_of: ElectionId::new(E1),
                constituency: ConstituencyNo(13),
                voting_day: date("2026-03-01"),
            }],
        }),
    )];
    let mut rng = crate::rng::SplitMix::new(20_260_301);
    for i in 0..23 {
        let gender = if i % 3 == 1 {
            Gender::Female
        } else {
            Gender::Male
        };
        let name = crate::names::person(&mut rng, gender);
        let person = PersonId::new(format!("KG-R13-{:02}", i + 1));
        subs.extend(candidacy(
            E2,
            13,
            i,
            &person,
            &name,
            gender,
            ["2026-01-10", "2026-01-12", "2026-01-20"],
        ));
    }
    let barred = at(
        "2026-01-10",
        &dec_secretary(13),
        Command::NominateCandidate(Nomination {
            id: CandidateId::new("E2-13-90"),
            person: person_id(13, 0),
            name: "Бактыбек Сыдыков".into(),
            latin_name: Some("Baktybek Sydykov".into()),
            gender: Gender::Male,
            election: ElectionId::new(E2),
            constituency: ConstituencyNo(13),
            nominated_by: Nominator::SelfNominated,
        }),
    );
    Step {
        title: "Repeat election E2 in constituency 13 called for 2026-03-01; 23 new candidates register".into(),
        date: date("2025-12-30"),
        submissions: subs,
        refused: vec![barred],
    }
}

pub const STATEMENT: &str = "CEC-2026-S1";

fn collective_statement() -> Step {
    let day = "2026-02-13";
    let subs = vec![
        at(
            day,
            &cec_secretary(),
            Command::FileComplaint(FileComplaint {
                id: Some(ComplaintId::new(STATEMENT)),
                kind: ComplaintKind::CollectiveStatement,
                addressed_to: CommissionId::new(CEC),
                filed_by: vec!["Aibek Altynbekov".into(), "Aigul Karabekova".into(), "Talant Mamytov".into()],
                candidates: vec![candidate_id(E1, 13, 2), candidate_id(E1, 13, 12), candidate_id(E1, 13, 1)],
                subject: "Review of resolution No. 161 on new circumstances: materials of a criminal case".into(),
                concerns: Some(resolution(161, 2025)),
            }),
        ),
        at(
            day,
            &cec_secretary(),
            Command::SendRequest(SendRequest {
                id: Some(RequestId::new("CEC-2026-R1")),
                about: ComplaintId::new(STATEMENT),
                to: "Ministry of Internal Affairs".into(),
                text: "Who installed the recording devices in the polling stations of constituency No. 13, and against whom were criminal cases opened?".into(),
            }),
        ),
        at(
            day,
            &cec_secretary(),
            Command::RecordAnswer(tandoo_core::casework::Answer {
                request: RequestId::new("CEC-2026-R1"),
                from: "Ministry of Internal Affairs".into(),
                text: "The phones were installed by supporters of B. Sydykov, who have been charged. No case was opened against other candidates.".into(),
            }),
        ),
    ];
    Step {
        title: "Collective statement of Altynbekov, Karabekova and Mamytov; the ministry's answer"
            .into(),
        date: date(day),
        submissions: subs,
        refused: Vec::new(),
    }
}

fn review_of_161() -> Step {
    let day = "2026-02-13";
    let present: Vec<MemberId> = cec_members().into_iter().take(11).map(|m| m.id).collect();
    let mut ballot = votes(
        &[
            "shainazarov",
            "cec-04",
            "cec-05",
            "cec-06",
            "cec-07",
            "cec-08",
            "cec-09",
            "cec-10",
            "cec-11",
        ],
        Vote::For,
    );
    ballot.extend(votes(&["mambetaipov", "koychukeev"], Vote::Against));
    let subs = vec![
        at(
            day,
            &cec_secretary(),
            Command::HoldMeeting(HoldMeeting {
                id: Some(MeetingId::new("CEC-2026-02-13")),
                commission: CommissionId::new(CEC),
                present,
                agenda: vec![
                    "Review of resolution No. 161 of 3 December 2025 on new circumstances".into(),
                ],
                speakers: vec![
                    Speaker {
                        name: "Head of the election organisation department".into(),
                        position: "CEC staff".into(),
                        subject: "report".into(),
                    },
                    Speaker {
                        name: "Representative of the Ministry of Internal Affairs".into(),
                        position: "ministry".into(),
                        subject: "the criminal case".into(),
                    },
                ],
            }),
        ),
        at(
            day,
            &cec_secretary(),
            Command::VoteResolution(VoteResolution {
                commission: CommissionId::new(CEC),
                number: None,
                title: written(
                    "№161 токтомду жаңы жагдайлар боюнча кайра кароо жөнүндө",
                    "О пересмотре постановления №161 по новым обстоятельствам",
                    "On the review of resolution No. 161 on new circumstances",
                ),
                meeting: Some(MeetingId::new("CEC-2026-02-13")),
                considers: vec![ComplaintId::new(STATEMENT)],
                votes: ballot,
                effects: vec![
                    Effect::Rescind {
                        resolution: resolution(161, 2025),
                    },
                    Effect::DeclareValid {
                        election: ElectionId::new(E1),
                        constituency: ConstituencyNo(13),
                    },
                    Effect::AnnulCandidateVotes {
                        candidates: vec![candidate_id(E1, 13, 0)],
                    },
                    Effect::RecogniseElected {
                        election: ElectionId::new(E1),
                        constituency: ConstituencyNo(13),
                        candidates: vec![
                            candidate_id(E1, 13, 2),
                            candidate_id(E1, 13, 1),
                            candidate_id(E1, 13, 12),
                        ],
                    },
                    Effect::CancelElection {
                        election: ElectionId::new(E2),
                    },
                ],
            }),
        ),
        at(
            day,
            &cec_secretary(),
            Command::DecideComplaint(DecideComplaint {
                complaint: ComplaintId::new(STATEMENT),
                decision: ComplaintDecision::Upheld,
                resolution: Some(resolution(1, 2026)),
                text: "Resolution No. 161 reviewed on new circumstances and rescinded.".into(),
            }),
        ),
    ];
    Step {
        title: "CEC meeting: resolution 161 rescinded; Altynbekov, Mamytov, Karabekova elected; E2 cancelled".into(),
        date: date(day),
        submissions: subs,
        refused: Vec::new(),
    }
}

fn refund_fees() -> Step {
    let sub = at(
        "2026-02-16",
        &cec_secretary(),
        Command::VoteResolution(VoteResolution {
            commission: CommissionId::new(CEC),
            number: None,
            title: written(
                "№13 шайлоо округу боюнча жокко чыгарылган кайталама шайлоонун талапкерлерине шайлоо күрөөсүн кайтаруу жөнүндө",
                "О возврате избирательного залога кандидатам отменённых повторных выборов по избирательному округу №13",
                "On refunding the election fee to the candidates of the cancelled repeat election in constituency No. 13",
            ),
            meeting: None,
            considers: Vec::new(),
            votes: cec_votes_all_for(10),
            effects: vec![Effect::RefundFees {
                candidates: Vec::new(),
                election: Some(ElectionId::new(E2)),
            }],
        }),
    );
    Step {
        title: "CEC resolution: fees refunded to the candidates of E2".into(),
        date: date("2026-02-16"),
        submissions: vec![sub],
        refused: Vec::new(),
    }
}

/// District election commission No. `n`: seven members, the first its chair (their names
/// are not published, so they are called by their seat).
pub fn district_commission(n: u16) -> CommissionDef {
    CommissionDef {
        id: CommissionId::new(dec(n)),
        name: written(
            format!("№{n} округдук шайлоо комиссиясы"),
            format!("Окружная избирательная комиссия №{n}"),
            format!("District Election Commission No. {n}"),
        ),
        level: CommissionLevel::District {
            constituency: ConstituencyNo(n),
        },
        parent: Some(CommissionId::new(CEC)),
        members: (1..=7)
            .map(|m| Member {
                id: MemberId::new(format!("dec{n}-{m}")),
                name: format!("DEC {n} member No. {m}"),
                position: if m == 1 {
                    Position::Chair
                } else {
                    Position::Member
                },
            })
            .collect(),
        voting: VotingRule::default(),
    }
}

//! A generated national election of a large country, as the submissions a commission makes:
//! the CEC, a few hundred constituencies with their district commissions, hundreds of
//! thousands of polling stations, candidates nominated, paying their fee and registered, one
//! accepted protocol per station (entered twice by two operators, a few differing entries
//! settled by a supervisor), then incidents, corrected protocols and resolutions.
//!
//! Every act comes out of `decide`, so the record is one a real commission could have made,
//! and every protocol satisfies the control relations (the same figures as the demo's
//! voting day). The figures are drawn from a fixed seed: the same election on every run.

use std::collections::BTreeMap;
use tandoo_core::command::{
    EnterProtocol, PayFee, RecordIncident, RegisterCandidate, SettleProtocol, VoteResolution,
};

use tandoo_core::LegalDate;
use tandoo_core::actor::{Actor, Role};
use tandoo_core::candidate::{Nomination, Nominator};
use tandoo_core::command::{Command, Settlement, Submission};
use tandoo_core::commission::{CommissionDef, CommissionLevel, Member, Position, VotingRule};
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::{
    CandidateId, CommissionId, ConstituencyNo, ElectionId, IncidentId, MemberId, PersonId,
    ResolutionRef, StationId,
};
use tandoo_core::money::Money;
use tandoo_core::protocol::ProtocolEntry;
use tandoo_core::resolution::{Effect, MemberVote, Vote};
use tandoo_core::rules::RuleSetSpec;
use tandoo_core::territory::{ConstituencyDef, StationDef};
use tandoo_count::Gender;
// The demo's deterministic generator and exact splitting: the same election on every machine,
// and parts that add up exactly (the control relations need exact sums).
use tandoo_demo::rng::SplitMix as Rng;
use tandoo_demo::split::proportional;
use tandoo_demo::story::district_commission;

const CEC: &str = "CEC";
const ELECTION: &str = "N1";
const CONSTITUENCIES: u16 = 300;
const STATIONS: usize = 235_000;
/// One station in this many has its second entry mistyped and settled by a supervisor.
const MISTYPED_EVERY: usize = 500;
const CEC_MEMBERS: usize = 15;
/// Resolutions annulling the results of stations where incidents were proven.
const ANNULMENTS: usize = 40;
const STATIONS_PER_ANNULMENT: usize = 3;
/// Incidents recorded at stations whose results are not annulled.
const OTHER_INCIDENTS: usize = 200;
const YEAR: u16 = 2026;

fn date(text: &str) -> LegalDate {
    text.parse()
        .unwrap_or_else(|_| unreachable!("the generator's dates are valid"))
}

struct Candidacy {
    gender: Gender,
    party: Option<u16>,
    /// Relative support across the constituency; each station varies around it.
    weight: u64,
}

struct Constituency {
    number: u16,
    /// Voters on the list of each station, in station order.
    station_voters: Vec<u64>,
    candidates: Vec<Candidacy>,
}

/// One station's protocol figures, built so that every control relation holds and no
/// warning is raised (turnout between 35% and 60%, 1.5% invalid, no candidate above 80%).
struct Figures {
    voters: u64,
    took_part: u64,
    outside: u64,
    invalid: u64,
    against_all: u64,
    votes: Vec<u64>,
}

impl Figures {
    fn entry(&self, number: u16) -> ProtocolEntry {
        let received = self.voters + self.voters / 50;
        let lines = [
            self.voters,
            received,
            self.took_part - self.outside,
            self.outside,
            received - self.took_part,
            self.took_part,
            self.outside,
            self.took_part - self.outside,
            self.invalid,
            self.took_part - self.invalid,
        ];
        ProtocolEntry {
            lines: lines
                .iter()
                .enumerate()
                .map(|(l, v)| (format!("L{}", l + 1), *v as i64))
                .collect(),
            candidates: self
                .votes
                .iter()
                .enumerate()
                .map(|(c, v)| (candidate_id(number, c), *v as i64))
                .collect::<BTreeMap<_, _>>(),
            against_all: Some(self.against_all as i64),
        }
    }
}

impl Constituency {
    fn figures(&self, station: usize) -> Figures {
        // Seeded by the station, so a correction can rebuild the figures it corrects.
        let mut rng = Rng::new(u64::from(station_id(self.number, station).0) ^ 0x5EED);
        let voters = self.station_voters[station];
        let took_part = voters * rng.between(35, 60) / 100;
        let outside = took_part * 3 / 100;
        let invalid = took_part * 15 / 1000;
        let against_all = took_part * 25 / 1000;
        let weights: Vec<u64> = self
            .candidates
            .iter()
            .map(|c| c.weight * rng.between(80, 120))
            .collect();
        let votes = proportional(took_part - invalid - against_all, &weights);
        Figures {
            voters,
            took_part,
            outside,
            invalid,
            against_all,
            votes,
        }
    }
}

/// The national election: its plan, and the submissions that record it.
pub struct NationalElection {
    constituencies: Vec<Constituency>,
    corrections: usize,
}

fn station_id(constituency: u16, index: usize) -> StationId {
    StationId(u32::from(constituency) * 10_000 + index as u32 + 1)
}

fn candidate_id(constituency: u16, index: usize) -> CandidateId {
    CandidateId::new(format!("{ELECTION}-{constituency:03}-{:02}", index + 1))
}

fn dec(constituency: u16) -> String {
    format!("DEC-{constituency}")
}

fn at(day: LegalDate, actor: &Actor, command: Command) -> Submission {
    Submission {
        date: day,
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

fn cec_member(seat: usize) -> MemberId {
    MemberId::new(format!("cec-{seat:02}"))
}

impl NationalElection {
    /// Plans an election whose record holds exactly `acts` acts: the structure, candidates,
    /// protocols, incidents and resolutions are fixed, and corrections of accepted protocols
    /// make up the rest (a few percent of the protocols, as in a real count).
    pub fn generate(acts: usize) -> Self {
        let mut rng = Rng::new(20_261_004);
        let station_weights: Vec<u64> = (0..CONSTITUENCIES)
            .map(|_| rng.between(1_000, 2_000))
            .collect();
        let station_counts = proportional(STATIONS as u64, &station_weights);
        let constituencies: Vec<Constituency> = (1..=CONSTITUENCIES)
            .zip(station_counts)
            .map(|(number, stations)| {
                let station_voters = (0..stations).map(|_| rng.between(300, 2_600)).collect();
                let mut weight = 1_000_000u64;
                let candidates = (0..rng.between(8, 16))
                    .map(|i| {
                        let candidacy = Candidacy {
                            gender: if rng.between(0, 99) < 40 {
                                Gender::Female
                            } else {
                                Gender::Male
                            },
                            party: (i % 4 != 3).then(|| rng.between(1, 25) as u16),
                            weight,
                        };
                        weight = weight * rng.between(70, 90) / 100;
                        candidacy
                    })
                    .collect();
                Constituency {
                    number,
                    station_voters,
                    candidates,
                }
            })
            .collect();
        let mut election = NationalElection {
            constituencies,
            corrections: 0,
        };
        let fixed = election.acts_without_corrections();
        // A correction is three acts too: two entries of the new version and its acceptance.
        let corrections = acts.saturating_sub(fixed) / 3;
        assert!(
            fixed < acts && corrections <= STATIONS / 10,
            "{acts} acts cannot be made of {fixed} fixed acts and up to one correction in ten protocols"
        );
        election.corrections = corrections;
        election
    }

    fn stations(&self) -> usize {
        self.constituencies
            .iter()
            .map(|c| c.station_voters.len())
            .sum()
    }

    fn settled(&self) -> usize {
        self.constituencies
            .iter()
            .map(|c| c.station_voters.len() / MISTYPED_EVERY)
            .sum()
    }

    fn candidates(&self) -> usize {
        self.constituencies.iter().map(|c| c.candidates.len()).sum()
    }

    fn acts_without_corrections(&self) -> usize {
        let structure = 1 + 2 * self.constituencies.len() + self.stations() + 1;
        let candidates = 3 * self.candidates();
        let protocols = self.stations();
        let casework = ANNULMENTS * STATIONS_PER_ANNULMENT + OTHER_INCIDENTS;
        // Two entries and the acceptance, whether the entries agree or a supervisor settles.
        let protocols = 3 * protocols;
        // The annulments, one rescinding one of them, and one directive.
        let resolutions = ANNULMENTS + 2;
        structure + candidates + protocols + casework + resolutions
    }

    /// The number of acts the submissions record.
    pub fn acts(&self) -> usize {
        self.acts_without_corrections() + 3 * self.corrections
    }

    /// A one-line description for the benchmark's output.
    pub fn summary(&self) -> String {
        format!(
            "{} constituencies, {} stations, {} candidates, {} protocols entered twice \
             ({} settled by a supervisor), {} corrections, {} resolutions: {} acts",
            self.constituencies.len(),
            self.stations(),
            self.candidates(),
            self.stations(),
            self.settled(),
            self.corrections,
            ANNULMENTS + 2,
            self.acts()
        )
    }

    /// Every submission, in the order a commission makes them. Built lazily, so the whole
    /// election is never held in memory as submissions.
    pub fn submissions(&self) -> impl Iterator<Item = Submission> + '_ {
        let setup = date("2026-07-01");
        std::iter::once(at(setup, &admin(), Command::FormCommission(self.cec())))
            .chain(self.constituencies.iter().flat_map(move |c| {
                std::iter::once(at(
                    setup,
                    &admin(),
                    Command::DefineConstituency(ConstituencyDef {
                        number: ConstituencyNo(c.number),
                        name: format!("Constituency No. {}", c.number).into(),
                        seats: 3,
                    }),
                ))
                .chain((0..c.station_voters.len()).map(move |i| {
                    at(
                        setup,
                        &admin(),
                        Command::DefineStation(StationDef {
                            number: station_id(c.number, i),
                            name: format!("Polling station {}", station_id(c.number, i)),
                            constituency: ConstituencyNo(c.number),
                            voters: c.station_voters[i],
                        }),
                    )
                }))
                .chain(std::iter::once(at(
                    setup,
                    &admin(),
                    Command::FormCommission(district_commission(c.number)),
                )))
            }))
            .chain(std::iter::once(self.call(setup)))
            .chain(
                self.constituencies
                    .iter()
                    .flat_map(|c| (0..c.candidates.len()).flat_map(move |i| candidacy(c, i))),
            )
            .chain(self.constituencies.iter().flat_map(|c| {
                (0..c.station_voters.len()).flat_map(move |i| {
                    let day = date("2026-10-04");
                    let entry = c.figures(i).entry(c.number);
                    let first = protocol(c, i, &operator(c.number, 1), day, entry.clone(), None);
                    let mut settled = Vec::new();
                    let second = if (i + 1) % MISTYPED_EVERY == 0 {
                        settled.push(at(
                            day,
                            &supervisor(c.number),
                            Command::SettleProtocol(SettleProtocol {
                                election: ElectionId::new(ELECTION),
                                station: station_id(c.number, i),
                                constituency: ConstituencyNo(c.number),
                                decision: Settlement::Keep { entry: 1 },
                            }),
                        ));
                        mistyped(&entry)
                    } else {
                        entry
                    };
                    [
                        first,
                        protocol(c, i, &operator(c.number, 2), day, second, None),
                    ]
                    .into_iter()
                    .chain(settled)
                })
            }))
            .chain(self.incidents())
            .chain(self.corrected_protocols())
            .chain(self.resolutions())
    }

    fn cec(&self) -> CommissionDef {
        CommissionDef {
            id: CommissionId::new(CEC),
            name: "Central Election Commission".into(),
            level: CommissionLevel::Central,
            parent: None,
            members: (1..=CEC_MEMBERS)
                .map(|seat| Member {
                    id: cec_member(seat),
                    name: format!("CEC member No. {seat}"),
                    position: match seat {
                        1 => Position::Chair,
                        2 => Position::Secretary,
                        _ => Position::Member,
                    },
                })
                .collect(),
            voting: VotingRule::default(),
        }
    }

    fn call(&self, day: LegalDate) -> Submission {
        at(
            day,
            &admin(),
            Command::CallElection(tandoo_core::command::ElectionCallSpec {
                id: ElectionId::new(ELECTION),
                name: "General elections of deputies, 4 October 2026".into(),
                kind: ElectionKind::Regular,
                repeat_of: None,
                voting_day: date("2026-10-04"),
                rule_set: RuleSetSpec::Preset("jogorku_kenesh_2025".into()),
                constituencies: self
                    .constituencies
                    .iter()
                    .map(|c| ConstituencyNo(c.number))
                    .collect(),
                form: None,
            }),
        )
    }

    /// The stations whose results the CEC annuls, `STATIONS_PER_ANNULMENT` to a resolution,
    /// spread over the constituencies.
    fn annulled(&self, resolution: usize) -> impl Iterator<Item = (u16, StationId)> + '_ {
        let c = &self.constituencies[resolution * self.constituencies.len() / ANNULMENTS];
        let count = c.station_voters.len();
        (0..STATIONS_PER_ANNULMENT).map(move |k| {
            (
                c.number,
                station_id(c.number, k * count / STATIONS_PER_ANNULMENT),
            )
        })
    }

    /// Incidents at every station whose result is later annulled, and at others spread over
    /// the country whose results stand.
    fn incidents(&self) -> impl Iterator<Item = Submission> + '_ {
        let day = date("2026-10-05");
        let annulled =
            (0..ANNULMENTS).flat_map(|r| self.annulled(r).map(|s| (s, "ballot stuffing filmed")));
        let others = (0..OTHER_INCIDENTS).map(|k| {
            let c = &self.constituencies[k * self.constituencies.len() / OTHER_INCIDENTS];
            let station = station_id(c.number, c.station_voters.len() / 2);
            ((c.number, station), "observer not admitted to the count")
        });
        annulled
            .chain(others)
            .enumerate()
            .map(move |(k, ((number, station), description))| {
                at(
                    day,
                    &cec_secretary(),
                    Command::RecordIncident(RecordIncident {
                        id: Some(IncidentId::new(format!("I-{}", k + 1))),
                        election: ElectionId::new(ELECTION),
                        station,
                        constituency: ConstituencyNo(number),
                        description: description.into(),
                        source: if k % 3 == 0 {
                            "complaint of a candidate".into()
                        } else {
                            "observers' report".into()
                        },
                    }),
                )
            })
    }

    /// Corrections of accepted protocols, spread evenly over all stations: a recount finds a
    /// few ballots counted for the wrong candidate, so every sum still holds.
    fn corrected_protocols(&self) -> impl Iterator<Item = Submission> + '_ {
        let stations: Vec<(usize, usize)> = self
            .constituencies
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| (0..c.station_voters.len()).map(move |i| (ci, i)))
            .collect();
        let corrections = self.corrections;
        (0..corrections).flat_map(move |k| {
            let (ci, i) = stations[k * stations.len() / corrections];
            let c = &self.constituencies[ci];
            let mut figures = c.figures(i);
            let from = (0..figures.votes.len())
                .max_by_key(|&v| figures.votes[v])
                .unwrap_or_else(|| unreachable!("every constituency has candidates"));
            let to = (from + 1 + k % (figures.votes.len() - 1)) % figures.votes.len();
            let moved = (1 + k as u64 % 5).min(figures.votes[from]);
            figures.votes[from] -= moved;
            figures.votes[to] += moved;
            let day = date("2026-10-06");
            let entry = figures.entry(c.number);
            let reason = format!(
                "recount: {moved} ballots for {} had been counted for {}",
                candidate_id(c.number, to),
                candidate_id(c.number, from)
            );
            [
                protocol(
                    c,
                    i,
                    &operator(c.number, 1),
                    day,
                    entry.clone(),
                    Some(reason),
                ),
                protocol(c, i, &operator(c.number, 2), day, entry, None),
            ]
        })
    }

    fn resolutions(&self) -> impl Iterator<Item = Submission> + '_ {
        let all_for: Vec<MemberVote> = (1..=CEC_MEMBERS)
            .map(|seat| MemberVote {
                member: cec_member(seat),
                vote: if seat == CEC_MEMBERS {
                    Vote::Abstain
                } else {
                    Vote::For
                },
            })
            .collect();
        let votes = all_for.clone();
        let annulments = (0..ANNULMENTS).map(move |r| {
            at(
                date("2026-10-09"),
                &cec_secretary(),
                Command::VoteResolution(VoteResolution {
                    commission: CommissionId::new(CEC),
                    number: Some(100 + r as u32),
                    title: "On annulling the results of voting at polling stations where ballot stuffing was proven".into(),
                    meeting: None,
                    considers: Vec::new(),
                    votes: votes.clone(),
                    effects: self
                        .annulled(r)
                        .map(|(number, station)| Effect::AnnulStationResult {
                            election: ElectionId::new(ELECTION),
                            station,
                            constituency: ConstituencyNo(number),
                        })
                        .collect(),
                }),
            )
        });
        let rescind = at(
            date("2026-10-20"),
            &cec_secretary(),
            Command::VoteResolution(VoteResolution {
                commission: CommissionId::new(CEC),
                number: Some(200),
                title:
                    "On rescinding resolution No. 100 after the court found the recording staged"
                        .into(),
                meeting: None,
                considers: Vec::new(),
                votes: all_for.clone(),
                effects: vec![Effect::Rescind {
                    resolution: ResolutionRef {
                        commission: CommissionId::new(CEC),
                        number: 100,
                        year: YEAR,
                    },
                }],
            }),
        );
        let directive = at(
            date("2026-10-20"),
            &cec_secretary(),
            Command::VoteResolution(VoteResolution {
                commission: CommissionId::new(CEC),
                number: Some(201),
                title: "On the training of precinct commissions before the next election".into(),
                meeting: None,
                considers: Vec::new(),
                votes: all_for,
                effects: vec![Effect::Directive {
                    text: "The district commissions are to train the precinct commissions whose protocols were corrected.".into(),
                }],
            }),
        );
        annulments.chain([rescind, directive])
    }
}

/// Nomination, fee and registration of one candidate.
fn candidacy(c: &Constituency, i: usize) -> [Submission; 3] {
    let id = candidate_id(c.number, i);
    let candidate = &c.candidates[i];
    let secretary = Actor::new(
        &format!("dec{}.secretary", c.number),
        Role::Secretary,
        &dec(c.number),
    );
    [
        at(
            date("2026-08-01"),
            &secretary,
            Command::NominateCandidate(Nomination {
                id: id.clone(),
                person: PersonId::new(format!("P-{:03}-{:02}", c.number, i + 1)),
                name: format!(
                    "Candidate {} of constituency {} ({})",
                    i + 1,
                    c.number,
                    match candidate.gender {
                        Gender::Female => "woman",
                        Gender::Male => "man",
                    }
                ),
                latin_name: None,
                gender: candidate.gender,
                election: ElectionId::new(ELECTION),
                constituency: ConstituencyNo(c.number),
                nominated_by: match candidate.party {
                    Some(party) => Nominator::Party {
                        party: format!("Party No. {party}"),
                    },
                    None => Nominator::SelfNominated,
                },
            }),
        ),
        at(
            date("2026-08-05"),
            &secretary,
            Command::PayFee(PayFee {
                candidate: id.clone(),
                amount: Money::whole(300_000),
                reference: format!("fee {id}"),
            }),
        ),
        at(
            date("2026-08-10"),
            &secretary,
            Command::RegisterCandidate(RegisterCandidate { candidate: id }),
        ),
    ]
}

/// The two operators of a district commission, who enter every protocol independently.
fn operator(constituency: u16, which: u8) -> Actor {
    Actor::new(
        &format!("dec{constituency}.operator{which}"),
        Role::Operator,
        &dec(constituency),
    )
}

fn supervisor(constituency: u16) -> Actor {
    Actor::new(
        &format!("dec{constituency}.supervisor"),
        Role::Supervisor,
        &dec(constituency),
    )
}

/// An entry with two neighbouring candidates' differing figures swapped: a slip no control
/// relation catches, only the comparison of the two entries.
fn mistyped(entry: &ProtocolEntry) -> ProtocolEntry {
    let candidates: Vec<_> = entry.candidates.iter().collect();
    let Some(pair) = candidates.windows(2).find(|pair| pair[0].1 != pair[1].1) else {
        unreachable!("candidates' figures at a station are never all equal")
    };
    let mut mistyped = entry.clone();
    mistyped.candidates.insert(pair[0].0.clone(), *pair[1].1);
    mistyped.candidates.insert(pair[1].0.clone(), *pair[0].1);
    mistyped
}

fn protocol(
    c: &Constituency,
    station: usize,
    actor: &Actor,
    day: LegalDate,
    figures: ProtocolEntry,
    correction_reason: Option<String>,
) -> Submission {
    at(
        day,
        actor,
        Command::EnterProtocol(EnterProtocol {
            election: ElectionId::new(ELECTION),
            station: station_id(c.number, station),
            constituency: ConstituencyNo(c.number),
            figures,
            acknowledged: Vec::new(),
            correction_reason,
        }),
    )
}

//! One contest — an election in one constituency — with its candidates, and their votes at
//! every station and in sum.
//!
//! The votes at a station are those of its latest accepted protocol while it counts (accepted
//! and not annulled: the protocols the contest's tally adds up); the contest's sum, at the
//! constituency's unit, is core's tally of those same protocols, so the stations' counts add
//! up to it. **"Against all"** is a `CandidateSelection` with no candidate (`aa-E1-c13`), last
//! in the ballot's order: it is a choice on the ballot with votes like a candidate's, but no
//! person, so it names none and is no `Candidate`.

use crate::ids;
use crate::model::{
    Candidate, CandidateContest, CandidatePostElectionStatus, CandidatePreElectionStatus,
    CandidateSelection, CountItemStatus, CountItemType, CountStatus, ExternalIdentifier, Party,
    Person, VoteCounts, VoteVariation,
};
use crate::standing::{Standing, state_code};
use crate::text;
use tandoo_core::candidate::{Nominator, Standing as Registration};
use tandoo_core::election::Election;
use tandoo_core::ids::ConstituencyNo;
use tandoo_core::protocol::AcceptedFigures;
use tandoo_core::resolution::Citation;
use tandoo_core::results::{CandidateView, ContestView, SeatStanding, contest_view};
use tandoo_core::{State, ids::StationId};
use tandoo_count::{CandidateMethod, Gender};

/// A contest as the report holds it, with what its candidates bring to the report.
pub struct ContestReport {
    pub contest: CandidateContest,
    pub candidates: Vec<Candidate>,
    pub persons: Vec<Person>,
    pub parties: Vec<Party>,
    pub standing: Standing,
    /// Every station of the constituency has reported.
    pub complete: bool,
}

pub fn contest(state: &State, election: &Election, constituency: ConstituencyNo) -> ContestReport {
    let view = contest_view(state, election, constituency);
    let standing = Standing::of(view.status);
    let stations = counted_protocols(state, election, constituency);
    let order = ballot_order(state, election, constituency);
    let mut on_ballot: Vec<&CandidateView> = view
        .candidates
        .iter()
        .filter(|c| {
            c.standing == Registration::Registered
                || c.votes > 0
                || stations
                    .iter()
                    .any(|(_, f)| f.candidates.contains_key(&c.id))
        })
        .collect();
    on_ballot.sort_by_key(|c| order(c));

    let district = ids::constituency(constituency);
    let mut selections: Vec<CandidateSelection> = Vec::with_capacity(on_ballot.len() + 1);
    for (n, c) in on_ballot.iter().enumerate() {
        let mut counts: Vec<VoteCounts> = stations
            .iter()
            .filter_map(|(station, figures)| {
                let votes = figures.candidates.get(&c.id)?;
                Some(count(ids::station(*station), *votes))
            })
            .collect();
        counts.push(count(district.clone(), c.votes));
        selections.push(CandidateSelection {
            id: ids::selection(&c.id),
            candidate_ids: vec![ids::candidate(&c.id)],
            sequence_order: n as u32 + 1,
            vote_counts: counts,
        });
    }
    if election.call.rule_set.against_all_on_ballot || view.against_all > 0 {
        let mut counts: Vec<VoteCounts> = stations
            .iter()
            .map(|(station, figures)| count(ids::station(*station), figures.against_all))
            .collect();
        counts.push(count(district.clone(), view.against_all));
        selections.push(CandidateSelection {
            id: ids::against_all(&election.call.id, constituency),
            candidate_ids: Vec::new(),
            sequence_order: on_ballot.len() as u32 + 1,
            vote_counts: counts,
        });
    }

    let complete = view.stations > 0 && view.stations_reported >= view.stations;
    let (vote_variation, votes_allowed) = variation(election.call.rule_set.method, view.seats);
    let mut parties = Vec::new();
    let mut candidates = Vec::with_capacity(on_ballot.len());
    let mut persons = Vec::with_capacity(on_ballot.len());
    for c in &on_ballot {
        let party = match &c.nominated_by {
            Nominator::Party { party } => {
                parties.push(Party {
                    id: ids::party(party),
                    name: text::plain(party),
                });
                Some(ids::party(party))
            }
            Nominator::SelfNominated => None,
        };
        candidates.push(candidate(c, party, standing));
        persons.push(Person {
            id: ids::person(&c.id),
            full_name: text::name(&c.name, c.latin_name.as_deref()),
            gender: match c.gender {
                Gender::Female => "female",
                Gender::Male => "male",
            }
            .into(),
        });
    }
    ContestReport {
        contest: CandidateContest {
            id: ids::contest(&election.call.id, constituency),
            name: format!("{}/{constituency}", election.call.id),
            ballot_title: Some(text::written(&election.call.name)),
            election_district_id: district,
            votes_allowed,
            number_elected: view.seats,
            vote_variation,
            sub_units_reported: view.stations_reported,
            total_sub_units: view.stations,
            count_status: vec![CountStatus {
                status: if complete {
                    CountItemStatus::Completed
                } else if view.stations_reported > 0 {
                    CountItemStatus::InProcess
                } else {
                    CountItemStatus::NotProcessed
                },
                kind: CountItemType::Total,
            }],
            external_identifier: contest_identifiers(&view, standing),
            contest_selection: selections,
        },
        candidates,
        persons,
        parties,
        standing,
        complete,
    }
}

fn count(gp_unit_id: String, count: u64) -> VoteCounts {
    VoteCounts {
        gp_unit_id,
        kind: CountItemType::Total,
        count,
    }
}

/// The latest accepted figures of each protocol the contest counts, by station.
fn counted_protocols<'s>(
    state: &'s State,
    election: &Election,
    constituency: ConstituencyNo,
) -> Vec<(StationId, &'s AcceptedFigures)> {
    state
        .protocols
        .iter()
        .filter(|(key, slot)| {
            slot.counted && key.election == election.call.id && key.constituency == constituency
        })
        .filter_map(|(key, slot)| Some((key.station, &slot.latest()?.figures)))
        .collect()
}

/// A candidate's place on the ballot: the order of nomination.
fn ballot_order<'s>(
    state: &'s State,
    election: &Election,
    constituency: ConstituencyNo,
) -> impl Fn(&CandidateView) -> usize + 's {
    let ballot = state
        .ballots
        .get(&(election.call.id.clone(), constituency))
        .map_or(&[][..], Vec::as_slice);
    move |c: &CandidateView| {
        ballot
            .iter()
            .position(|id| *id == c.id)
            .unwrap_or(ballot.len())
    }
}

/// How a voter votes under the method, and for how many.
fn variation(method: CandidateMethod, seats: u32) -> (VoteVariation, u32) {
    match method {
        CandidateMethod::Plurality | CandidateMethod::MultiMemberPlurality => {
            (VoteVariation::Plurality, 1)
        }
        CandidateMethod::Block => (VoteVariation::NOfM, seats),
        CandidateMethod::TwoRound => (VoteVariation::Majority, 1),
    }
}

fn candidate(c: &CandidateView, party: Option<String>, contest: Standing) -> Candidate {
    let post = match c.seat {
        Some(SeatStanding::Elected) => Some(CandidatePostElectionStatus::Winner),
        Some(SeatStanding::Allocated | SeatStanding::Leading) => {
            Some(CandidatePostElectionStatus::ProjectedWinner)
        }
        None if c.standing == Registration::Withdrawn => {
            Some(CandidatePostElectionStatus::Withdrawn)
        }
        None if contest == Standing::Determined => Some(CandidatePostElectionStatus::Defeated),
        None => None,
    };
    let mut identifiers = vec![
        ExternalIdentifier::tandoo("candidate", c.id.as_str()),
        ExternalIdentifier::tandoo("standing", registration_code(c.standing)),
    ];
    if let Some(seat) = c.seat {
        identifiers.push(ExternalIdentifier::tandoo("seat", seat_code(seat)));
    }
    for (name, citation) in [
        ("registration-annulled-by", &c.registration_annulled_by),
        ("votes-annulled-by", &c.votes_annulled_by),
        ("barred-by", &c.barred_by),
    ] {
        if let Some(number) = citation.as_ref().and_then(cited) {
            identifiers.push(ExternalIdentifier::tandoo(name, number));
        }
    }
    Candidate {
        id: ids::candidate(&c.id),
        ballot_name: text::name(&c.name, c.latin_name.as_deref()),
        person_id: ids::person(&c.id),
        party_id: party,
        pre_election_status: match c.standing {
            Registration::Registered => Some(CandidatePreElectionStatus::Qualified),
            Registration::Nominated => Some(CandidatePreElectionStatus::Filed),
            Registration::Withdrawn => Some(CandidatePreElectionStatus::Withdrawn),
            Registration::Refused => None,
        },
        post_election_status: post,
        external_identifier: identifiers,
    }
}

fn contest_identifiers(view: &ContestView, standing: Standing) -> Vec<ExternalIdentifier> {
    let mut identifiers = vec![
        ExternalIdentifier::tandoo("election", view.election.as_str()),
        ExternalIdentifier::tandoo("constituency", view.constituency.to_string()),
        ExternalIdentifier::tandoo("status", standing.code()),
        ExternalIdentifier::tandoo("contest-state", state_code(view.status)),
    ];
    if let Some(number) = view.status_by.as_ref().and_then(cited) {
        identifiers.push(ExternalIdentifier::tandoo("status-by", number));
    }
    identifiers
}

/// A resolution as cited: `CEC 161/2025`; none for a draft that was not adopted.
fn cited(citation: &Citation) -> Option<String> {
    citation.resolution.as_ref().map(ToString::to_string)
}

fn registration_code(standing: Registration) -> &'static str {
    match standing {
        Registration::Nominated => "nominated",
        Registration::Registered => "registered",
        Registration::Refused => "refused",
        Registration::Withdrawn => "withdrawn",
    }
}

fn seat_code(seat: SeatStanding) -> &'static str {
    match seat {
        SeatStanding::Leading => "leading",
        SeatStanding::Allocated => "allocated",
        SeatStanding::Elected => "elected",
    }
}

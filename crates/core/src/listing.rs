//! Lists of what the record holds, so that people can find the ids commands take: elections,
//! constituencies, stations, commissions with their members, candidates, resolutions and
//! complaints, optionally narrowed to one election or one constituency.
//!
//! Everything listed is in the public record already (anyone may read it through the
//! record's export); the lists only make it findable. They are data: the command line and
//! the API render them.

use crate::candidate::{Nominator, Standing};
use crate::casework::{ComplaintDecision, ComplaintKind};
use crate::commission::{CommissionLevel, Member};
use crate::date::LegalDate;
use crate::election::ElectionKind;
use crate::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, PersonId, ResolutionRef,
    StationId,
};
use crate::money::Money;
use crate::resolution::{Citation, Effect, Resolution, VoteTally};
use crate::results::{RuleSetName, concerns_constituency};
use crate::state::State;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use tandoo_count::Gender;

/// What to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Elections,
    Constituencies,
    Stations,
    Commissions,
    Candidates,
    Resolutions,
    Complaints,
}

impl ListKind {
    pub const ALL: [ListKind; 7] = [
        ListKind::Elections,
        ListKind::Constituencies,
        ListKind::Stations,
        ListKind::Commissions,
        ListKind::Candidates,
        ListKind::Resolutions,
        ListKind::Complaints,
    ];

    /// The kind's name as commands and addresses spell it.
    pub fn name(self) -> &'static str {
        match self {
            ListKind::Elections => "elections",
            ListKind::Constituencies => "constituencies",
            ListKind::Stations => "stations",
            ListKind::Commissions => "commissions",
            ListKind::Candidates => "candidates",
            ListKind::Resolutions => "resolutions",
            ListKind::Complaints => "complaints",
        }
    }

    pub fn from_name(name: &str) -> Option<ListKind> {
        ListKind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl std::fmt::Display for ListKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A filter a list may be narrowed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterName {
    Election,
    Constituency,
}

impl std::fmt::Display for FilterName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FilterName::Election => "election",
            FilterName::Constituency => "constituency",
        })
    }
}

/// Narrows a list: to one election (with its repeat elections) and/or one constituency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListFilter {
    pub election: Option<ElectionId>,
    pub constituency: Option<ConstituencyNo>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    /// Commissions serve every election, so they are not narrowed by one.
    #[error("a list of {kind} cannot be narrowed by {filter}")]
    FilterNotApplicable { kind: ListKind, filter: FilterName },
    #[error("the record holds no election {election}")]
    UnknownElection { election: ElectionId },
    #[error("the record holds no constituency {constituency}")]
    UnknownConstituency { constituency: ConstituencyNo },
}

impl ListError {
    pub fn code(&self) -> &'static str {
        match self {
            ListError::FilterNotApplicable { .. } => "FILTER_NOT_APPLICABLE",
            ListError::UnknownElection { .. } => "UNKNOWN_ELECTION",
            ListError::UnknownConstituency { .. } => "UNKNOWN_CONSTITUENCY",
        }
    }
}

/// A list, tagged with its kind: `{"kind": "candidates", "items": [...]}`.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", content = "items", rename_all = "snake_case")]
pub enum Listing {
    Elections(Vec<ElectionItem>),
    Constituencies(Vec<ConstituencyItem>),
    Stations(Vec<StationItem>),
    Commissions(Vec<CommissionItem>),
    Candidates(Vec<CandidateItem>),
    Resolutions(Vec<ResolutionItem>),
    Complaints(Vec<ComplaintItem>),
}

impl Listing {
    pub fn len(&self) -> usize {
        match self {
            Listing::Elections(items) => items.len(),
            Listing::Constituencies(items) => items.len(),
            Listing::Stations(items) => items.len(),
            Listing::Commissions(items) => items.len(),
            Listing::Candidates(items) => items.len(),
            Listing::Resolutions(items) => items.len(),
            Listing::Complaints(items) => items.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ElectionItem {
    pub id: ElectionId,
    pub name: Text,
    pub kind: ElectionKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_of: Option<ElectionId>,
    pub voting_day: LegalDate,
    pub rule_set: RuleSetName,
    pub constituencies: Vec<ConstituencyNo>,
    /// The resolution in force that cancels it, cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled_by: Option<Citation>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ConstituencyItem {
    pub number: ConstituencyNo,
    pub name: Text,
    pub seats: u32,
    pub stations: u32,
    pub voters: u64,
    /// Its district commission, once formed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commission: Option<CommissionId>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StationItem {
    pub number: StationId,
    pub name: String,
    pub constituency: ConstituencyNo,
    pub voters: u64,
    /// Its precinct commission, once formed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commission: Option<CommissionId>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CommissionItem {
    pub id: CommissionId,
    pub name: Text,
    #[serde(flatten)]
    pub level: CommissionLevel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<CommissionId>,
    pub members: Vec<Member>,
    /// Members who must be present for a vote to count.
    pub quorum: u32,
    /// Votes for a resolution needs to be adopted.
    pub majority: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct CandidateItem {
    pub id: CandidateId,
    pub person: PersonId,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latin_name: Option<String>,
    pub gender: Gender,
    pub election: ElectionId,
    pub constituency: ConstituencyNo,
    /// The party that nominated the candidate; absent when self-nominated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    pub standing: Standing,
    pub fee_paid: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct ResolutionItem {
    pub citation: Citation,
    /// Its number, when adopted: how commands refer to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<ResolutionRef>,
    pub commission: CommissionId,
    pub date: LegalDate,
    pub title: Text,
    pub adopted: bool,
    pub in_force: bool,
    pub tally: VoteTally,
    /// The kinds of its effects, in order (`declare_invalid`, `recognise_elected`, …).
    pub effects: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ComplaintItem {
    pub id: ComplaintId,
    pub kind: ComplaintKind,
    pub date: LegalDate,
    pub addressed_to: CommissionId,
    pub filed_by: Vec<String>,
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concerns: Option<ResolutionRef>,
    /// The latest decision on it; absent while it is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<ComplaintDecision>,
}

/// The list of `kind` in `state`, narrowed by `filter`.
pub fn list(state: &State, kind: ListKind, filter: &ListFilter) -> Result<Listing, ListError> {
    if let Some(election) = &filter.election
        && !state.elections.contains_key(election)
    {
        return Err(ListError::UnknownElection {
            election: election.clone(),
        });
    }
    if let Some(constituency) = filter.constituency
        && !state.constituencies.contains_key(&constituency)
    {
        return Err(ListError::UnknownConstituency { constituency });
    }
    let scope = Scope::new(state, filter);
    Ok(match kind {
        ListKind::Elections => Listing::Elections(elections(state, &scope)),
        ListKind::Constituencies => Listing::Constituencies(constituencies(state, &scope)),
        ListKind::Stations => Listing::Stations(stations(state, &scope)),
        ListKind::Commissions => {
            if filter.election.is_some() {
                return Err(ListError::FilterNotApplicable {
                    kind,
                    filter: FilterName::Election,
                });
            }
            Listing::Commissions(commissions(state, &scope))
        }
        ListKind::Candidates => Listing::Candidates(candidates(state, &scope)),
        ListKind::Resolutions => Listing::Resolutions(resolutions(state, &scope)),
        ListKind::Complaints => Listing::Complaints(complaints(state, &scope)),
    })
}

/// What a filter lets through.
struct Scope<'f> {
    /// The election and its repeat elections.
    elections: Option<BTreeSet<ElectionId>>,
    /// The constituencies those elections are held in.
    election_constituencies: Option<BTreeSet<ConstituencyNo>>,
    constituency: Option<ConstituencyNo>,
    filter: &'f ListFilter,
}

impl<'f> Scope<'f> {
    fn new(state: &State, filter: &'f ListFilter) -> Self {
        let elections = filter.election.as_ref().map(|root| {
            state
                .elections
                .values()
                .filter(|e| &e.call.id == root || e.call.repeat_of.as_ref() == Some(root))
                .map(|e| e.call.id.clone())
                .collect::<BTreeSet<_>>()
        });
        let election_constituencies = elections.as_ref().map(|ids| {
            ids.iter()
                .filter_map(|id| state.elections.get(id))
                .flat_map(|e| e.call.constituencies.iter().copied())
                .collect()
        });
        Scope {
            elections,
            election_constituencies,
            constituency: filter.constituency,
            filter,
        }
    }

    fn election(&self, id: &ElectionId) -> bool {
        self.elections.as_ref().is_none_or(|ids| ids.contains(id))
    }

    /// A constituency the filter lets through on both counts.
    fn constituency(&self, number: ConstituencyNo) -> bool {
        self.constituency.is_none_or(|c| c == number)
            && self
                .election_constituencies
                .as_ref()
                .is_none_or(|numbers| numbers.contains(&number))
    }
}

fn elections(state: &State, scope: &Scope) -> Vec<ElectionItem> {
    let mut items: Vec<ElectionItem> = state
        .elections
        .values()
        .filter(|e| scope.election(&e.call.id))
        .filter(|e| {
            scope
                .constituency
                .is_none_or(|c| e.call.constituencies.contains(&c))
        })
        .map(|e| ElectionItem {
            id: e.call.id.clone(),
            name: e.call.name.clone(),
            kind: e.call.kind,
            repeat_of: e.call.repeat_of.clone(),
            voting_day: e.call.voting_day,
            rule_set: RuleSetName::of(&e.call.rule_set),
            constituencies: e.call.constituencies.clone(),
            cancelled_by: state.cancellation(e).and_then(|key| state.citation(key)),
        })
        .collect();
    items.sort_by(|a, b| (a.voting_day, &a.id).cmp(&(b.voting_day, &b.id)));
    items
}

fn constituencies(state: &State, scope: &Scope) -> Vec<ConstituencyItem> {
    state
        .constituencies
        .values()
        .filter(|c| scope.constituency(c.number))
        .map(|c| {
            let roll = state.rolls.get(&c.number);
            ConstituencyItem {
                number: c.number,
                name: c.name.clone(),
                seats: c.seats,
                stations: roll.map_or(0, |r| r.stations),
                voters: roll.map_or(0, |r| r.voters),
                commission: state
                    .commissions
                    .values()
                    .find(|m| {
                        m.level
                            == CommissionLevel::District {
                                constituency: c.number,
                            }
                    })
                    .map(|m| m.id.clone()),
            }
        })
        .collect()
}

fn stations(state: &State, scope: &Scope) -> Vec<StationItem> {
    state
        .stations
        .values()
        .filter(|s| scope.constituency(s.constituency))
        .map(|s| StationItem {
            number: s.number,
            name: s.name.clone(),
            constituency: s.constituency,
            voters: s.voters,
            commission: state
                .commissions
                .values()
                .find(|m| m.level == CommissionLevel::Precinct { station: s.number })
                .map(|m| m.id.clone()),
        })
        .collect()
}

fn commissions(state: &State, scope: &Scope) -> Vec<CommissionItem> {
    state
        .commissions
        .values()
        .filter(|m| match (&m.level, scope.filter.constituency) {
            (_, None) => true,
            (CommissionLevel::District { constituency }, Some(c)) => *constituency == c,
            (CommissionLevel::Precinct { station }, Some(c)) => state
                .stations
                .get(station)
                .is_some_and(|s| s.constituency == c),
            (_, Some(_)) => false,
        })
        .map(|m| {
            let members = m.members.len() as u32;
            CommissionItem {
                id: m.id.clone(),
                name: m.name.clone(),
                level: m.level.clone(),
                parent: m.parent.clone(),
                members: m.members.clone(),
                quorum: m.voting.quorum.at_least(members),
                majority: m.voting.majority.more_than(members),
            }
        })
        .collect()
}

fn candidates(state: &State, scope: &Scope) -> Vec<CandidateItem> {
    let mut items: Vec<CandidateItem> = state
        .candidates
        .values()
        .filter(|c| scope.election(&c.nomination.election))
        .filter(|c| scope.constituency(c.nomination.constituency))
        .map(|c| CandidateItem {
            id: c.nomination.id.clone(),
            person: c.nomination.person.clone(),
            name: c.nomination.name.clone(),
            latin_name: c.nomination.latin_name.clone(),
            gender: c.nomination.gender,
            election: c.nomination.election.clone(),
            constituency: c.nomination.constituency,
            party: match &c.nomination.nominated_by {
                Nominator::Party { party } => Some(party.clone()),
                Nominator::SelfNominated => None,
            },
            standing: c.standing,
            fee_paid: c.fee_paid,
        })
        .collect();
    items.sort_by(|a, b| {
        (&a.election, a.constituency, &a.id).cmp(&(&b.election, b.constituency, &b.id))
    });
    items
}

fn resolutions(state: &State, scope: &Scope) -> Vec<ResolutionItem> {
    state
        .resolutions
        .values()
        .filter(|r| {
            scope.filter.constituency.is_none_or(|c| {
                concerns_constituency(state, r, c)
                    || is_district_commission(state, &r.voted.commission, c)
            })
        })
        .filter(|r| {
            scope
                .elections
                .as_ref()
                .is_none_or(|ids| concerns_elections(state, r, ids))
        })
        .map(|r| ResolutionItem {
            citation: r.citation(),
            number: r.voted.number.clone(),
            commission: r.voted.commission.clone(),
            date: r.date,
            title: r.voted.title.clone(),
            adopted: r.voted.adopted,
            in_force: state.in_force(r.key),
            tally: r.voted.tally.clone(),
            effects: r.voted.effects.iter().map(effect_name).collect(),
        })
        .collect()
}

fn complaints(state: &State, scope: &Scope) -> Vec<ComplaintItem> {
    state
        .complaints
        .values()
        .filter(|(_, complaint)| {
            let concerned = complaint
                .concerns
                .as_ref()
                .and_then(|number| state.resolution_by_ref(number));
            let by_constituency = scope.filter.constituency.is_none_or(|c| {
                is_district_commission(state, &complaint.addressed_to, c)
                    || complaint.candidates.iter().any(|id| {
                        state
                            .candidates
                            .get(id)
                            .is_some_and(|k| k.nomination.constituency == c)
                    })
                    || concerned.is_some_and(|r| concerns_constituency(state, r, c))
            });
            let by_election = scope.elections.as_ref().is_none_or(|ids| {
                complaint.candidates.iter().any(|id| {
                    state
                        .candidates
                        .get(id)
                        .is_some_and(|k| ids.contains(&k.nomination.election))
                }) || concerned.is_some_and(|r| concerns_elections(state, r, ids))
            });
            by_constituency && by_election
        })
        .map(|(stamp, complaint)| ComplaintItem {
            id: complaint.id.clone(),
            kind: complaint.kind,
            date: stamp.date,
            addressed_to: complaint.addressed_to.clone(),
            filed_by: complaint.filed_by.clone(),
            subject: complaint.subject.clone(),
            concerns: complaint.concerns.clone(),
            decision: state
                .complaint_decisions
                .get(&complaint.id)
                .and_then(|rulings| rulings.last())
                .map(|ruling| ruling.decision),
        })
        .collect()
}

/// Whether `commission` is the district commission of `constituency`.
fn is_district_commission(
    state: &State,
    commission: &CommissionId,
    constituency: ConstituencyNo,
) -> bool {
    state
        .commissions
        .get(commission)
        .is_some_and(|m| m.level == CommissionLevel::District { constituency })
}

/// Whether a resolution's effects touch one of `elections` (their contests, their
/// candidates, or a resolution it rescinds that does).
fn concerns_elections(
    state: &State,
    resolution: &Resolution,
    elections: &BTreeSet<ElectionId>,
) -> bool {
    let candidate_in = |ids: &[CandidateId]| {
        ids.iter().any(|id| {
            state
                .candidates
                .get(id)
                .is_some_and(|c| elections.contains(&c.nomination.election))
        })
    };
    resolution.voted.effects.iter().any(|effect| match effect {
        Effect::AnnulStationResult { election, .. }
        | Effect::DeclareInvalid { election, .. }
        | Effect::DeclareValid { election, .. }
        | Effect::CancelElection { election }
        | Effect::RecogniseElected { election, .. }
        | Effect::EndMandate { election, .. }
        | Effect::OrderRecount { election, .. }
        | Effect::DrawLot { election, .. } => elections.contains(election),
        Effect::CallRepeatElection {
            election,
            repeat_of,
            ..
        } => elections.contains(election) || elections.contains(repeat_of),
        Effect::AnnulCandidateVotes { candidates }
        | Effect::AnnulRegistration { candidates }
        | Effect::BarFromRepeat { candidates } => candidate_in(candidates),
        Effect::RefundFees {
            candidates,
            election,
        } => candidate_in(candidates) || election.as_ref().is_some_and(|e| elections.contains(e)),
        Effect::Rescind { resolution: target } => state
            .resolution_by_ref(target)
            .is_some_and(|r| concerns_elections(state, r, elections)),
        Effect::Directive { .. } => false,
    })
}

/// An effect's name as commands spell it.
fn effect_name(effect: &Effect) -> &'static str {
    match effect {
        Effect::AnnulStationResult { .. } => "annul_station_result",
        Effect::AnnulCandidateVotes { .. } => "annul_candidate_votes",
        Effect::AnnulRegistration { .. } => "annul_registration",
        Effect::BarFromRepeat { .. } => "bar_from_repeat",
        Effect::DeclareInvalid { .. } => "declare_invalid",
        Effect::DeclareValid { .. } => "declare_valid",
        Effect::CallRepeatElection { .. } => "call_repeat_election",
        Effect::CancelElection { .. } => "cancel_election",
        Effect::RecogniseElected { .. } => "recognise_elected",
        Effect::EndMandate { .. } => "end_mandate",
        Effect::RefundFees { .. } => "refund_fees",
        Effect::Rescind { .. } => "rescind",
        Effect::OrderRecount { .. } => "order_recount",
        Effect::DrawLot { .. } => "draw_lot",
        Effect::Directive { .. } => "directive",
    }
}

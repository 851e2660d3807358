//! Voting on a resolution: the tally decides whether it is adopted; its effects are checked
//! against the commission's competence and the state, whether or not it is adopted, so that
//! the record never holds an effect that refers to nothing.

use super::authority::{Target, authorise};
use super::structure::known_constituency;
use crate::act::Act;
use crate::command::{Submission, VoteResolution};
use crate::commission::CommissionDef;
use crate::ids::{
    CandidateId, CommissionId, ComplaintId, ConstituencyNo, ElectionId, MeetingId, ResolutionRef,
};
use crate::permission::CommandKind;
use crate::protocol::ProtocolKey;
use crate::refusal::Refusal;
use crate::resolution::{Effect, MemberVote, ResolutionVoted, Vote, VoteTally};
use crate::results::{computed_seats, concerns_constituency};
use crate::state::{Stamp, State};
use std::collections::BTreeSet;

pub fn vote(
    state: &State,
    submission: &Submission,
    command: &VoteResolution,
) -> Result<Act, Refusal> {
    let VoteResolution {
        commission: commission_id,
        number,
        title,
        meeting,
        considers,
        votes,
        effects,
    } = command;
    let actor = &submission.actor;
    let commission = authorise(
        state,
        actor,
        CommandKind::VoteResolution,
        Target::Commission(commission_id),
        "record resolutions",
    )?;
    if title.is_blank() {
        return Err(Refusal::BadValue("a resolution needs a title".into()));
    }
    if let Some(meeting) = meeting
        && state
            .meetings
            .get(meeting)
            .is_none_or(|(_, m)| &m.commission != commission_id)
    {
        return Err(Refusal::unknown(
            "meeting",
            format!("{meeting} of {commission_id}"),
        ));
    }
    if let Some(missing) = considers
        .iter()
        .find(|c| !state.complaints.contains_key(*c))
    {
        return Err(Refusal::unknown("complaint", missing));
    }
    check_lots(state, meeting, effects)?;
    let tally = count_votes(commission, votes)?;
    let adopted = tally.adopted();
    let effects = effects
        .iter()
        .map(|effect| check_effect(state, commission, effect))
        .collect::<Result<Vec<_>, _>>()?;
    // Each effect is checked against the state alone; two calling the same repeat election
    // would make it twice.
    let mut called = BTreeSet::new();
    for effect in &effects {
        if let Effect::CallRepeatElection { election, .. } = effect
            && !called.insert(election)
        {
            return Err(Refusal::AlreadyExists {
                what: "election",
                id: election.to_string(),
            });
        }
    }
    let number = if adopted {
        Some(resolution_number(
            state,
            commission_id,
            *number,
            submission.date.year(),
        )?)
    } else {
        None
    };
    let mut voted = ResolutionVoted {
        commission: commission_id.clone(),
        number,
        title: title.clone(),
        meeting: meeting.clone(),
        considers: considers.to_vec(),
        votes: votes.to_vec(),
        tally,
        adopted,
        effects,
    };
    if adopted {
        voted.effects = check_recognitions(state, submission, &voted)?;
    }
    Ok(Act::ResolutionVoted(voted))
}

fn count_votes(commission: &CommissionDef, votes: &[MemberVote]) -> Result<VoteTally, Refusal> {
    let mut seen = BTreeSet::new();
    for vote in votes {
        if commission.member(&vote.member).is_none() {
            return Err(Refusal::unknown(
                "member",
                format!("{} of {}", vote.member, commission.id),
            ));
        }
        if !seen.insert(&vote.member) {
            return Err(Refusal::DuplicateVote {
                member: vote.member.to_string(),
            });
        }
    }
    let members = commission.members.len() as u32;
    let count = |kind: Vote| votes.iter().filter(|v| v.vote == kind).count() as u32;
    Ok(VoteTally {
        members,
        present: votes.len() as u32,
        votes_for: count(Vote::For),
        against: count(Vote::Against),
        abstain: count(Vote::Abstain),
        quorum_required: commission.voting.quorum.at_least(members),
        majority_required: commission.voting.majority.more_than(members),
    })
}

/// The largest number a resolution may have: far above the few thousand a commission adopts
/// in a year, and far below where arithmetic on it could wrap (M1).
pub const MAX_RESOLUTION_NUMBER: u32 = 999_999;

fn resolution_number(
    state: &State,
    commission: &CommissionId,
    given: Option<u32>,
    year: u16,
) -> Result<ResolutionRef, Refusal> {
    let number = |n| ResolutionRef {
        commission: commission.clone(),
        number: n,
        year,
    };
    match given {
        Some(n) if state.resolution_numbers.contains_key(&number(n)) => {
            Err(Refusal::ResolutionNumberTaken {
                resolution: number(n).to_string(),
            })
        }
        Some(0) => Err(Refusal::BadValue("resolution numbers start at 1".into())),
        // M1: numbers are bounded, so the next one is always computable.
        Some(n) if n > MAX_RESOLUTION_NUMBER => Err(Refusal::ResolutionNumberTooLarge {
            number: n,
            max: MAX_RESOLUTION_NUMBER,
        }),
        Some(n) => Ok(number(n)),
        None => {
            let last = state
                .resolution_numbers
                .range(number(0)..=number(u32::MAX))
                .next_back()
                .map_or(0, |(r, _)| r.number);
            last.checked_add(1)
                .filter(|next| *next <= MAX_RESOLUTION_NUMBER)
                .map(number)
                .ok_or_else(|| Refusal::NoFreeResolutionNumber {
                    commission: commission.to_string(),
                    year,
                })
        }
    }
}

/// Checks one effect and returns it as it will be recorded (a refund named by election is
/// expanded to the candidates who paid).
fn check_effect(
    state: &State,
    commission: &CommissionDef,
    effect: &Effect,
) -> Result<Effect, Refusal> {
    let outside = |action: String| Refusal::OutsideCompetence {
        commission: commission.id.to_string(),
        action,
    };
    let central_only = |action: &str| {
        if commission.is_central() {
            Ok(())
        } else {
            Err(outside(action.into()))
        }
    };
    match effect {
        // Both act on one station's accepted protocol, in the commission's constituencies.
        Effect::AnnulStationResult {
            election,
            station,
            constituency,
        }
        | Effect::OrderRecount {
            election,
            station,
            constituency,
        } => {
            known_election(state, election)?;
            if !commission.covers_constituency(*constituency) {
                return Err(outside(if matches!(effect, Effect::OrderRecount { .. }) {
                    format!("order recounts in constituency {constituency}")
                } else {
                    format!("annul results in constituency {constituency}")
                }));
            }
            let key = ProtocolKey {
                election: election.clone(),
                station: *station,
                constituency: *constituency,
            };
            if state
                .protocols
                .get(&key)
                .is_none_or(|slot| slot.versions.is_empty())
            {
                return Err(Refusal::NoProtocol {
                    station: station.0,
                    constituency: constituency.0,
                });
            }
        }
        Effect::AnnulCandidateVotes { candidates }
        | Effect::AnnulRegistration { candidates }
        | Effect::BarFromRepeat { candidates } => {
            for id in candidates {
                let candidate = state
                    .candidates
                    .get(id)
                    .ok_or_else(|| Refusal::unknown("candidate", id))?;
                if !commission.covers_constituency(candidate.nomination.constituency) {
                    return Err(outside(format!("decide on candidate {id}")));
                }
            }
            require_some(candidates)?;
        }
        Effect::DeclareInvalid {
            election,
            constituency,
        }
        | Effect::DeclareValid {
            election,
            constituency,
        } => {
            central_only("declare a constituency's election invalid or valid")?;
            contest_of(state, election, *constituency)?;
        }
        Effect::CallRepeatElection {
            election,
            repeat_of,
            constituency,
            name,
            ..
        } => {
            central_only("call repeat elections")?;
            if state.elections.contains_key(election) {
                return Err(Refusal::AlreadyExists {
                    what: "election",
                    id: election.to_string(),
                });
            }
            contest_of(state, repeat_of, *constituency)?;
            if name.is_blank() {
                return Err(Refusal::BadValue("a repeat election needs a name".into()));
            }
        }
        Effect::CancelElection { election } => {
            central_only("cancel elections")?;
            state.open_election(election)?;
        }
        Effect::RecogniseElected {
            election,
            constituency,
            candidates,
        } => {
            central_only("recognise deputies as elected")?;
            contest_of(state, election, *constituency)?;
            for id in candidates {
                let candidate = state
                    .candidates
                    .get(id)
                    .ok_or_else(|| Refusal::unknown("candidate", id))?;
                if &candidate.nomination.election != election
                    || candidate.nomination.constituency != *constituency
                {
                    return Err(Refusal::BadValue(format!(
                        "candidate {id} does not stand in election {election}, constituency {constituency}"
                    )));
                }
            }
        }
        Effect::EndMandate {
            election,
            constituency,
            candidate,
            reason,
        } => {
            central_only("end mandates")?;
            contest_of(state, election, *constituency)?;
            let holds = state.elections.get(election).is_some_and(|e| {
                crate::results::contest_view(state, e, *constituency)
                    .elected
                    .contains(candidate)
            });
            if !holds {
                return Err(Refusal::BadValue(format!(
                    "candidate {candidate} holds no seat in election {election}, constituency {constituency}"
                )));
            }
            if reason.trim().is_empty() {
                return Err(Refusal::BadValue(
                    "ending a mandate needs its reason".into(),
                ));
            }
        }
        Effect::RefundFees {
            candidates,
            election,
        } => {
            central_only("refund election fees")?;
            let mut named = candidates.clone();
            if let Some(election) = election {
                known_election(state, election)?;
                named.extend(
                    state
                        .candidates
                        .values()
                        .filter(|c| &c.nomination.election == election && c.fee_paid.0 > 0)
                        .map(|c| c.id().clone()),
                );
            }
            let mut seen = BTreeSet::new();
            named.retain(|id| seen.insert(id.clone()));
            for id in &named {
                let candidate = state
                    .candidates
                    .get(id)
                    .ok_or_else(|| Refusal::unknown("candidate", id))?;
                if candidate.fee_paid.0 == 0 {
                    return Err(Refusal::BadValue(format!(
                        "candidate {id} paid no fee to refund"
                    )));
                }
            }
            require_some(&named)?;
            return Ok(Effect::RefundFees {
                candidates: named,
                election: None,
            });
        }
        Effect::Rescind { resolution } => {
            let target = state
                .resolution_by_ref(resolution)
                .ok_or_else(|| Refusal::unknown("resolution", resolution))?;
            if target.voted.commission != commission.id && !commission.is_central() {
                return Err(outside(format!("rescind {resolution}")));
            }
            if !state.in_force(target.key) {
                return Err(Refusal::NotInForce {
                    resolution: resolution.to_string(),
                    why: "rescinded already",
                });
            }
        }
        Effect::DrawLot {
            election,
            constituency,
            seed,
            ..
        } => {
            if !commission.covers_constituency(*constituency) {
                return Err(outside(format!("draw lots in constituency {constituency}")));
            }
            contest_of(state, election, *constituency)?;
            let length = seed.chars().count();
            if seed.trim().is_empty() || length > MAX_SEED_CHARS as usize {
                return Err(Refusal::BadLotSeed {
                    max: MAX_SEED_CHARS,
                });
            }
        }
        Effect::Directive { text } => {
            if text.is_blank() {
                return Err(Refusal::BadValue("a directive needs its text".into()));
            }
        }
    }
    Ok(effect.clone())
}

/// The longest seed a lot may have: enough for any drawing method's record.
const MAX_SEED_CHARS: u32 = 200;

/// A lot is drawn in a meeting of the commission, by a member present at it.
fn check_lots(
    state: &State,
    meeting: &Option<MeetingId>,
    effects: &[Effect],
) -> Result<(), Refusal> {
    for effect in effects {
        let Effect::DrawLot { drawn_by, .. } = effect else {
            continue;
        };
        let present = meeting
            .as_ref()
            .and_then(|id| state.meetings.get(id))
            .is_some_and(|(_, m)| m.present.contains(drawn_by));
        if !present {
            return Err(Refusal::LotNotDrawnInMeeting {
                member: drawn_by.clone(),
                meeting: meeting.clone(),
            });
        }
    }
    Ok(())
}

fn require_some(candidates: &[CandidateId]) -> Result<(), Refusal> {
    if candidates.is_empty() {
        Err(Refusal::BadValue("the effect names no candidate".into()))
    } else {
        Ok(())
    }
}

fn known_election(state: &State, election: &ElectionId) -> Result<(), Refusal> {
    if state.elections.contains_key(election) {
        Ok(())
    } else {
        Err(Refusal::unknown("election", election))
    }
}

fn contest_of(
    state: &State,
    election: &ElectionId,
    constituency: ConstituencyNo,
) -> Result<(), Refusal> {
    let found = state
        .elections
        .get(election)
        .ok_or_else(|| Refusal::unknown("election", election))?;
    known_constituency(state, constituency)?;
    if found.call.constituencies.contains(&constituency) {
        Ok(())
    } else {
        Err(Refusal::ConstituencyNotInElection {
            election: election.to_string(),
            constituency: constituency.0,
        })
    }
}

/// The elected a resolution recognises must be those the count elects once the resolution's
/// other effects hold: the law decides the seats, the resolution registers them.
///
/// A recognition that names only successors, where the others already hold recognised seats,
/// is completed with them: the recorded effect names every deputy of the constituency.
fn check_recognitions(
    state: &State,
    submission: &Submission,
    voted: &ResolutionVoted,
) -> Result<Vec<Effect>, Refusal> {
    let recognitions: Vec<_> = voted
        .effects
        .iter()
        .enumerate()
        .filter_map(|(index, e)| match e {
            Effect::RecogniseElected {
                election,
                constituency,
                candidates,
            } => Some((index, election, *constituency, candidates)),
            _ => None,
        })
        .collect();
    let mut effects = voted.effects.clone();
    if recognitions.is_empty() {
        return Ok(effects);
    }
    let mut after = state.clone();
    let stamp = Stamp {
        seq: state.seq + 1,
        date: submission.date,
    };
    // Without the recognitions themselves: they would otherwise decide the count they are checked against.
    let mut trial = voted.clone();
    trial
        .effects
        .retain(|e| !matches!(e, Effect::RecogniseElected { .. }));
    after
        .apply(stamp, &Act::ResolutionVoted(trial))
        .map_err(|error| Refusal::BadValue(error.to_string()))?;
    for (index, election, constituency, named) in recognitions {
        let open = open_complaints(state, submission, &voted.commission, constituency, voted);
        if !open.is_empty() {
            return Err(Refusal::OpenComplaints {
                constituency: constituency.0,
                complaints: open,
            });
        }
        if let Some(by) = after
            .contest(election, constituency)
            .and_then(|c| after.last_in_force(&c.validity))
            && !by.1
        {
            return Err(Refusal::CountFailed {
                constituency: constituency.0,
                reason: format!("its election is declared invalid by {}", after.cited(by.0)),
            });
        }
        let seats = computed_seats(&after, election, constituency).map_err(|why| {
            Refusal::CountElectsNobody {
                constituency: constituency.0,
                why,
            }
        })?;
        let allocated: BTreeSet<&str> = seats.iter().map(CandidateId::as_str).collect();
        let named_set: BTreeSet<&str> = named.iter().map(CandidateId::as_str).collect();
        let recognised: BTreeSet<&str> = after
            .contest(election, constituency)
            .and_then(|c| after.last_in_force(&c.recognitions))
            .map(|(_, ids)| ids.iter().map(CandidateId::as_str).collect())
            .unwrap_or_default();
        let successors_only = !named_set.is_empty()
            && named_set.is_subset(&allocated)
            && allocated
                .difference(&named_set)
                .all(|id| recognised.contains(id));
        if allocated != named_set && successors_only {
            effects[index] = Effect::RecogniseElected {
                election: election.clone(),
                constituency,
                candidates: seats.clone(),
            };
        } else if allocated != named_set {
            let list = |ids: &[CandidateId]| {
                ids.iter()
                    .map(CandidateId::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(Refusal::ElectedNotAllocated {
                constituency: constituency.0,
                allocated: list(&seats),
                named: list(named),
            });
        }
    }
    Ok(effects)
}

/// The complaints still open before the recognising commission that concern the
/// constituency: filed by the resolution's date, neither decided nor considered by a
/// resolution in force by then, nor by this resolution itself. A complaint concerns the constituency when it names its candidates or a
/// resolution about it, or names neither (then nothing says it is about another one).
fn open_complaints(
    state: &State,
    submission: &Submission,
    commission: &CommissionId,
    constituency: ConstituencyNo,
    voted: &ResolutionVoted,
) -> Vec<ComplaintId> {
    state
        .complaints
        .values()
        .filter(|(stamp, c)| &c.addressed_to == commission && stamp.date <= submission.date)
        .filter(|(_, c)| !voted.considers.contains(&c.id))
        .filter(|(_, c)| {
            let decided = state
                .complaint_decisions
                .get(&c.id)
                .is_some_and(|rulings| rulings.iter().any(|r| r.stamp.date <= submission.date));
            // A resolution in force that considered it answered it, too.
            let considered = state.resolutions.values().any(|r| {
                r.date <= submission.date
                    && r.voted.considers.contains(&c.id)
                    && state.in_force(r.key)
            });
            !decided && !considered
        })
        .filter(|(_, c)| {
            let candidates_here = c.candidates.iter().any(|id| {
                state
                    .candidates
                    .get(id)
                    .is_some_and(|k| k.nomination.constituency == constituency)
            });
            let resolution = c.concerns.as_ref().and_then(|r| state.resolution_by_ref(r));
            let resolution_here =
                resolution.is_some_and(|r| concerns_constituency(state, r, constituency));
            let unattributed = c.candidates.is_empty() && resolution.is_none();
            candidates_here || resolution_here || unattributed
        })
        .map(|(_, c)| c.id.clone())
        .collect()
}

//! `apply`: fold one recorded act into the state. Pure and incremental. It trusts that
//! `decide` checked the act, but still refuses an act that does not fit (a record edited by
//! hand), so that verification can name it.

use super::{Contest, ProtocolEntryRecord, ProtocolSlot, ProtocolVersion, Stamp, State};
use crate::act::Act;
use crate::candidate::{Candidate, Standing};
use crate::election::{Election, ElectionCall, ElectionKind};
use crate::ids::{CandidateId, ConstituencyNo, ElectionId};
use crate::protocol::ProtocolKey;
use crate::resolution::{Effect, Resolution, ResolutionKey, ResolutionVoted};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("act {seq} refers to {what} {id}, which the record does not hold")]
    Missing {
        seq: u64,
        what: &'static str,
        id: String,
    },
    #[error("act {seq} creates {what} {id} a second time")]
    Duplicate {
        seq: u64,
        what: &'static str,
        id: String,
    },
    #[error("act {seq} comes after act {last}: the record is out of order")]
    OutOfOrder { seq: u64, last: u64 },
}

impl ApplyError {
    pub fn code(&self) -> &'static str {
        match self {
            ApplyError::Missing { .. } => "ACT_REFERS_TO_NOTHING",
            ApplyError::Duplicate { .. } => "ACT_DUPLICATES",
            ApplyError::OutOfOrder { .. } => "ACT_OUT_OF_ORDER",
        }
    }
}

impl State {
    pub fn apply(&mut self, stamp: Stamp, act: &Act) -> Result<(), ApplyError> {
        if stamp.seq <= self.seq {
            return Err(ApplyError::OutOfOrder {
                seq: stamp.seq,
                last: self.seq,
            });
        }
        let missing = |what, id: &dyn ToString| ApplyError::Missing {
            seq: stamp.seq,
            what,
            id: id.to_string(),
        };
        let duplicate = |what, id: &dyn ToString| ApplyError::Duplicate {
            seq: stamp.seq,
            what,
            id: id.to_string(),
        };
        match act {
            Act::ConstituencyDefined(def) => {
                insert_new(
                    &mut self.constituencies,
                    def.number,
                    def.clone(),
                    stamp.seq,
                    "constituency",
                )?;
                self.dates.constituencies.insert(def.number, stamp.date);
            }
            Act::StationDefined(def) => {
                insert_new(
                    &mut self.stations,
                    def.number,
                    def.clone(),
                    stamp.seq,
                    "polling station",
                )?;
                self.dates.stations.insert(def.number, stamp.date);
                let roll = self.rolls.entry(def.constituency).or_default();
                roll.stations += 1;
                roll.voters += def.voters;
                roll.station_ids.push(def.number);
            }
            Act::CommissionFormed(def) => {
                insert_new(
                    &mut self.commissions,
                    def.id.clone(),
                    def.clone(),
                    stamp.seq,
                    "commission",
                )?;
                self.dates.commissions.insert(def.id.clone(), stamp.date);
            }
            Act::ElectionCalled(call) => self.add_election(call.clone(), None, stamp)?,
            Act::CandidateNominated(nomination) => {
                let key = (nomination.election.clone(), nomination.person.clone());
                if self.candidates.contains_key(&nomination.id)
                    || self.candidacies.contains_key(&key)
                {
                    return Err(duplicate("candidate", &nomination.id));
                }
                self.candidacies.insert(key, nomination.id.clone());
                self.ballots
                    .entry((nomination.election.clone(), nomination.constituency))
                    .or_default()
                    .push(nomination.id.clone());
                self.candidates
                    .insert(nomination.id.clone(), Candidate::new(nomination.clone()));
                self.dates
                    .nominated
                    .insert(nomination.id.clone(), stamp.date);
            }
            Act::FeePaid {
                candidate: id,
                amount,
                ..
            } => {
                let candidate = self
                    .candidates
                    .get_mut(id)
                    .ok_or_else(|| missing("candidate", id))?;
                candidate.fee_paid.0 += amount.0;
                self.dates
                    .fee_payments
                    .entry(id.clone())
                    .or_default()
                    .push((stamp.date, *amount));
            }
            Act::CandidateRegistered { candidate: id } => {
                let candidate = self
                    .candidates
                    .get_mut(id)
                    .ok_or_else(|| missing("candidate", id))?;
                candidate.standing = Standing::Registered;
                candidate.registered_seq = Some(stamp.seq);
                self.dates.registered.insert(id.clone(), stamp.date);
            }
            Act::RegistrationRefused {
                candidate: id,
                reason,
            } => {
                let candidate = self
                    .candidates
                    .get_mut(id)
                    .ok_or_else(|| missing("candidate", id))?;
                candidate.standing = Standing::Refused;
                self.dates
                    .standing_ended
                    .insert(id.clone(), (stamp.date, reason.clone()));
            }
            Act::CandidateWithdrawn {
                candidate: id,
                reason,
            } => {
                let candidate = self
                    .candidates
                    .get_mut(id)
                    .ok_or_else(|| missing("candidate", id))?;
                candidate.standing = Standing::Withdrawn;
                self.dates
                    .standing_ended
                    .insert(id.clone(), (stamp.date, reason.clone()));
            }
            Act::ProtocolEntered {
                key,
                entry,
                operator,
                figures,
                acknowledged,
                correction_reason,
                ..
            } => {
                self.known_election(stamp.seq, &key.election)?;
                let slot = self.protocols.entry(key.clone()).or_default();
                if slot.round.is_empty() {
                    slot.round_reason = correction_reason.clone();
                }
                slot.round.push(ProtocolEntryRecord {
                    entry: *entry,
                    operator: operator.clone(),
                    seq: stamp.seq,
                    figures: figures.clone(),
                    acknowledged: acknowledged.clone(),
                });
            }
            Act::NewEntryOrdered { key, .. } => {
                let slot = self
                    .protocols
                    .get_mut(key)
                    .ok_or_else(|| missing("protocol of station", &key.station))?;
                slot.entries_allowed += 1;
            }
            Act::ProtocolAccepted {
                key,
                version,
                figures,
                acknowledged,
                correction_reason,
                entries,
                settled_by,
            } => {
                self.known_election(stamp.seq, &key.election)?;
                let slot = self.protocols.entry(key.clone()).or_default();
                let contest = self
                    .contests
                    .entry((key.election.clone(), key.constituency))
                    .or_default();
                if slot.counted {
                    if let Some(previous) = slot.latest() {
                        contest.tally.remove(&previous.figures);
                    }
                    slot.counted = false;
                }
                // The first version's date is the protocol's legal date (see `Dates`).
                if slot.versions.is_empty() {
                    contest.protocols_reported += 1;
                }
                slot.versions.push(ProtocolVersion {
                    version: *version,
                    seq: stamp.seq,
                    date: stamp.date,
                    figures: figures.clone(),
                    acknowledged: acknowledged.clone(),
                    correction_reason: correction_reason.clone(),
                    entries: entries.clone(),
                    settled_by: settled_by.clone(),
                });
                slot.round.clear();
                slot.round_reason = None;
                slot.entries_allowed = 2;
                self.sync_protocol(key);
            }
            Act::PreliminaryFiguresRecorded { key, figures } => {
                self.known_election(stamp.seq, &key.election)?;
                let slot = self.protocols.entry(key.clone()).or_default();
                let contest = self
                    .contests
                    .entry((key.election.clone(), key.constituency))
                    .or_default();
                if let Some(previous) = slot.preliminary.replace(figures.clone()) {
                    contest.preliminary.add(&previous, false);
                }
                contest.preliminary.add(figures, true);
            }
            Act::IncidentRecorded(incident) => {
                insert_new(
                    &mut self.incidents,
                    incident.id.clone(),
                    (stamp, incident.clone()),
                    stamp.seq,
                    "incident",
                )?;
            }
            Act::ComplaintFiled(complaint) => {
                insert_new(
                    &mut self.complaints,
                    complaint.id.clone(),
                    (stamp, complaint.clone()),
                    stamp.seq,
                    "complaint",
                )?;
            }
            Act::RequestSent(request) => {
                if !self.complaints.contains_key(&request.about) {
                    return Err(missing("complaint", &request.about));
                }
                insert_new(
                    &mut self.requests,
                    request.id.clone(),
                    (stamp, request.clone()),
                    stamp.seq,
                    "request",
                )?;
            }
            Act::AnswerReceived(answer) => {
                if !self.requests.contains_key(&answer.request) {
                    return Err(missing("request", &answer.request));
                }
                self.answers
                    .entry(answer.request.clone())
                    .or_default()
                    .push((stamp, answer.clone()));
            }
            Act::ComplaintDecided {
                complaint,
                decision,
                resolution,
                text,
            } => {
                if !self.complaints.contains_key(complaint) {
                    return Err(missing("complaint", complaint));
                }
                self.complaint_decisions
                    .entry(complaint.clone())
                    .or_default()
                    .push(super::Ruling {
                        stamp,
                        decision: *decision,
                        resolution: resolution.clone(),
                        text: text.clone(),
                    });
            }
            Act::MeetingHeld(meeting) => {
                insert_new(
                    &mut self.meetings,
                    meeting.id.clone(),
                    (stamp, meeting.clone()),
                    stamp.seq,
                    "meeting",
                )?;
            }
            Act::ResolutionVoted(voted) => self.add_resolution(stamp, voted)?,
        }
        self.seq = stamp.seq;
        self.latest_date = self.latest_date.max(Some(stamp.date));
        Ok(())
    }

    fn known_election(&self, seq: u64, election: &ElectionId) -> Result<(), ApplyError> {
        if self.elections.contains_key(election) {
            Ok(())
        } else {
            Err(ApplyError::Missing {
                seq,
                what: "election",
                id: election.to_string(),
            })
        }
    }

    fn add_election(
        &mut self,
        call: ElectionCall,
        called_by: Option<ResolutionKey>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        if self.elections.contains_key(&call.id) {
            return Err(ApplyError::Duplicate {
                seq: stamp.seq,
                what: "election",
                id: call.id.to_string(),
            });
        }
        self.dates.elections.insert(call.id.clone(), stamp.date);
        self.elections.insert(
            call.id.clone(),
            Election {
                call,
                called_by,
                cancelled_by: Vec::new(),
            },
        );
        Ok(())
    }

    fn add_resolution(&mut self, stamp: Stamp, voted: &ResolutionVoted) -> Result<(), ApplyError> {
        let key = ResolutionKey(stamp.seq);
        if let Some(number) = &voted.number
            && self
                .resolution_numbers
                .insert(number.clone(), key)
                .is_some()
        {
            return Err(ApplyError::Duplicate {
                seq: stamp.seq,
                what: "resolution",
                id: number.to_string(),
            });
        }
        self.resolutions.insert(
            key,
            Resolution {
                key,
                date: stamp.date,
                voted: voted.clone(),
                rescinded_by: Vec::new(),
            },
        );
        if voted.adopted {
            for effect in &voted.effects {
                self.add_effect(key, effect, stamp)?;
            }
        }
        Ok(())
    }

    fn add_effect(
        &mut self,
        key: ResolutionKey,
        effect: &Effect,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let seq = stamp.seq;
        match effect {
            Effect::AnnulStationResult {
                election,
                station,
                constituency,
            } => {
                let protocol = ProtocolKey {
                    election: election.clone(),
                    station: *station,
                    constituency: *constituency,
                };
                let slot =
                    self.protocols
                        .get_mut(&protocol)
                        .ok_or_else(|| ApplyError::Missing {
                            seq,
                            what: "protocol of station",
                            id: station.to_string(),
                        })?;
                slot.annulled_by.push(key);
                self.sync_protocol(&protocol);
            }
            Effect::AnnulCandidateVotes { candidates } => {
                self.mark_candidates(seq, candidates, |c| &mut c.votes_annulled_by, key)?
            }
            Effect::AnnulRegistration { candidates } => {
                self.mark_candidates(seq, candidates, |c| &mut c.registration_annulled_by, key)?
            }
            Effect::BarFromRepeat { candidates } => {
                self.mark_candidates(seq, candidates, |c| &mut c.barred_by, key)?
            }
            Effect::RefundFees { candidates, .. } => {
                self.mark_candidates(seq, candidates, |c| &mut c.refunded_by, key)?
            }
            Effect::DeclareInvalid {
                election,
                constituency,
            } => self
                .contest_mut(seq, election, *constituency)?
                .validity
                .push((key, false)),
            Effect::DeclareValid {
                election,
                constituency,
            } => self
                .contest_mut(seq, election, *constituency)?
                .validity
                .push((key, true)),
            Effect::RecogniseElected {
                election,
                constituency,
                candidates,
            } => self
                .contest_mut(seq, election, *constituency)?
                .recognitions
                .push((key, candidates.clone())),
            Effect::EndMandate {
                election,
                constituency,
                candidate,
                ..
            } => self
                .contest_mut(seq, election, *constituency)?
                .mandates_ended
                .push((key, candidate.clone())),
            Effect::CallRepeatElection {
                election,
                name,
                repeat_of,
                constituency,
                voting_day,
            } => {
                let original =
                    self.elections
                        .get(repeat_of)
                        .ok_or_else(|| ApplyError::Missing {
                            seq,
                            what: "election",
                            id: repeat_of.to_string(),
                        })?;
                let call = ElectionCall {
                    id: election.clone(),
                    name: name.clone(),
                    kind: ElectionKind::Repeat,
                    repeat_of: Some(repeat_of.clone()),
                    voting_day: *voting_day,
                    rule_set: original.call.rule_set.clone(),
                    form: original.call.form.clone(),
                    constituencies: vec![*constituency],
                };
                self.add_election(call, Some(key), stamp)?;
            }
            Effect::CancelElection { election } => {
                let election =
                    self.elections
                        .get_mut(election)
                        .ok_or_else(|| ApplyError::Missing {
                            seq,
                            what: "election",
                            id: election.to_string(),
                        })?;
                election.cancelled_by.push(key);
            }
            Effect::Rescind { resolution } => {
                let target = *self.resolution_numbers.get(resolution).ok_or_else(|| {
                    ApplyError::Missing {
                        seq,
                        what: "resolution",
                        id: resolution.to_string(),
                    }
                })?;
                if let Some(target) = self.resolutions.get_mut(&target) {
                    target.rescinded_by.push(key);
                }
                for protocol in self.annulments_under(target) {
                    self.sync_protocol(&protocol);
                }
            }
            Effect::OrderRecount {
                election,
                station,
                constituency,
            } => self
                .contest_mut(seq, election, *constituency)?
                .recounts
                .push((key, *station)),
            Effect::DrawLot {
                election,
                constituency,
                seed,
                drawn_by,
            } => self.contest_mut(seq, election, *constituency)?.lots.push((
                key,
                super::Lot {
                    seed: seed.clone(),
                    drawn_by: drawn_by.clone(),
                },
            )),
            Effect::Directive { .. } => {}
        }
        Ok(())
    }

    fn mark_candidates(
        &mut self,
        seq: u64,
        candidates: &[CandidateId],
        list: impl Fn(&mut Candidate) -> &mut Vec<ResolutionKey>,
        key: ResolutionKey,
    ) -> Result<(), ApplyError> {
        for id in candidates {
            let candidate = self
                .candidates
                .get_mut(id)
                .ok_or_else(|| ApplyError::Missing {
                    seq,
                    what: "candidate",
                    id: id.to_string(),
                })?;
            list(candidate).push(key);
        }
        Ok(())
    }

    fn contest_mut(
        &mut self,
        seq: u64,
        election: &ElectionId,
        constituency: ConstituencyNo,
    ) -> Result<&mut Contest, ApplyError> {
        if !self.elections.contains_key(election) {
            return Err(ApplyError::Missing {
                seq,
                what: "election",
                id: election.to_string(),
            });
        }
        Ok(self
            .contests
            .entry((election.clone(), constituency))
            .or_default())
    }

    /// The protocols annulled by a resolution or, through rescissions, by the resolutions it
    /// rescinds: the ones whose standing may change when it is rescinded.
    fn annulments_under(&self, key: ResolutionKey) -> Vec<ProtocolKey> {
        let Some(resolution) = self.resolutions.get(&key) else {
            return Vec::new();
        };
        let mut protocols = Vec::new();
        for effect in &resolution.voted.effects {
            match effect {
                Effect::AnnulStationResult {
                    election,
                    station,
                    constituency,
                } => protocols.push(ProtocolKey {
                    election: election.clone(),
                    station: *station,
                    constituency: *constituency,
                }),
                Effect::Rescind { resolution } => {
                    if let Some(inner) = self.resolution_numbers.get(resolution) {
                        protocols.extend(self.annulments_under(*inner));
                    }
                }
                _ => {}
            }
        }
        protocols
    }

    /// Puts a protocol's latest version into its contest's tally, or takes it out, so that
    /// the tally holds exactly the protocols that count now.
    fn sync_protocol(&mut self, key: &ProtocolKey) {
        let Some(slot) = self.protocols.get(key) else {
            return;
        };
        let annulled = self.first_in_force(&slot.annulled_by).is_some();
        let should_count = !slot.versions.is_empty() && !annulled;
        if should_count == slot.counted {
            return;
        }
        let slot: &mut ProtocolSlot = self.protocols.get_mut(key).expect("slot looked up above");
        let contest = self
            .contests
            .entry((key.election.clone(), key.constituency))
            .or_default();
        if let Some(latest) = slot.versions.last() {
            if should_count {
                contest.tally.add(&latest.figures);
            } else {
                contest.tally.remove(&latest.figures);
            }
        }
        slot.counted = should_count;
    }
}

/// Records something new under its identifier. An identifier used before means the record
/// was edited by hand (`decide` never makes such an act), so it is refused, not replaced.
fn insert_new<K: Ord + ToString, V>(
    map: &mut std::collections::BTreeMap<K, V>,
    key: K,
    value: V,
    seq: u64,
    what: &'static str,
) -> Result<(), ApplyError> {
    match map.entry(key) {
        std::collections::btree_map::Entry::Occupied(taken) => Err(ApplyError::Duplicate {
            seq,
            what,
            id: taken.key().to_string(),
        }),
        std::collections::btree_map::Entry::Vacant(free) => {
            free.insert(value);
            Ok(())
        }
    }
}

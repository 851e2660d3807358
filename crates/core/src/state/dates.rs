//! When each thing came into the record in law, and the check that an act refers only to
//! things whose legal date is not later than its own. `State::as_of` replays the acts up to
//! a date; an act that referred to something of a later date would find nothing there, so
//! such an act is refused when it is decided and the state on every date can be computed
//! (R-REF-DATED).

use super::State;
use crate::act::Act;
use crate::date::LegalDate;
use crate::ids::{CandidateId, CommissionId, ConstituencyNo, ElectionId, StationId};
use crate::money::Money;
use crate::protocol::ProtocolKey;
use crate::resolution::Effect;
use serde::Serialize;
use std::collections::BTreeMap;

/// The legal dates of the things that carry none of their own in the state. A protocol
/// carries its own: the date of its first accepted version (`ProtocolSlot::versions`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dates {
    pub constituencies: BTreeMap<ConstituencyNo, LegalDate>,
    pub stations: BTreeMap<StationId, LegalDate>,
    pub commissions: BTreeMap<CommissionId, LegalDate>,
    pub elections: BTreeMap<ElectionId, LegalDate>,
    pub nominated: BTreeMap<CandidateId, LegalDate>,
    /// The registration's legal date: the tie rule "registered first" reads it.
    pub registered: BTreeMap<CandidateId, LegalDate>,
    /// Each candidate's fee payments with their legal dates, in record order.
    pub fee_payments: BTreeMap<CandidateId, Vec<(LegalDate, Money)>>,
    /// When and why a candidate stopped standing: their registration refused or their
    /// withdrawal recorded. The candidate's history shows it; the standing is the
    /// candidate's own.
    pub standing_ended: BTreeMap<CandidateId, (LegalDate, String)>,
}

/// What kind of thing an act refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Referent {
    Constituency,
    Station,
    Commission,
    Election,
    Candidate,
    Protocol,
    Complaint,
    Request,
    Meeting,
    Resolution,
    /// The payments that make up a candidate's election fee.
    FeePayment,
}

/// A reference to something whose legal date is later than the act's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaterReference {
    pub what: Referent,
    pub id: String,
    pub dated: LegalDate,
}

impl State {
    /// The legal date on which the candidate's payments first reached the election's fee.
    fn fee_paid_in_full_on(&self, candidate: &CandidateId) -> Option<LegalDate> {
        let fee = self
            .candidates
            .get(candidate)
            .and_then(|c| self.elections.get(&c.nomination.election))?
            .call
            .rule_set
            .fee;
        let mut payments = self.dates.fee_payments.get(candidate)?.clone();
        payments.sort_by_key(|(date, _)| *date);
        let mut paid = 0u64;
        payments.into_iter().find_map(|(date, amount)| {
            paid = paid.saturating_add(amount.0);
            (paid >= fee.0).then_some(date)
        })
    }

    /// The first thing `act`, dated `date`, refers to whose legal date is later than `date`.
    pub fn later_reference(&self, act: &Act, date: LegalDate) -> Option<LaterReference> {
        let mut refs = Vec::new();
        self.references(act, &mut refs);
        refs.into_iter()
            .find(|(_, _, dated)| *dated > date)
            .map(|(what, id, dated)| LaterReference { what, id, dated })
    }

    fn references(&self, act: &Act, out: &mut Vec<(Referent, String, LegalDate)>) {
        let d = &self.dates;
        let mut push = |what, id: &dyn ToString, dated: Option<&LegalDate>| {
            if let Some(dated) = dated {
                out.push((what, id.to_string(), *dated));
            }
        };
        match act {
            Act::ConstituencyDefined(_) => {}
            Act::CommissionFormed(def) => {
                if let Some(parent) = &def.parent {
                    push(Referent::Commission, parent, d.commissions.get(parent));
                }
            }
            Act::IncidentRecorded(incident) => {
                push(
                    Referent::Election,
                    &incident.election,
                    d.elections.get(&incident.election),
                );
                push(
                    Referent::Station,
                    &incident.station,
                    d.stations.get(&incident.station),
                );
            }
            Act::StationDefined(def) => push(
                Referent::Constituency,
                &def.constituency,
                d.constituencies.get(&def.constituency),
            ),
            Act::ElectionCalled(call) => {
                for c in &call.constituencies {
                    push(Referent::Constituency, c, d.constituencies.get(c));
                }
                if let Some(of) = &call.repeat_of {
                    push(Referent::Election, of, d.elections.get(of));
                }
            }
            Act::CandidateNominated(nomination) => {
                push(
                    Referent::Election,
                    &nomination.election,
                    d.elections.get(&nomination.election),
                );
                push(
                    Referent::Constituency,
                    &nomination.constituency,
                    d.constituencies.get(&nomination.constituency),
                );
            }
            Act::CandidateRegistered { candidate } => {
                push(Referent::Candidate, candidate, d.nominated.get(candidate));
                let paid_in_full = self.fee_paid_in_full_on(candidate);
                push(Referent::FeePayment, candidate, paid_in_full.as_ref());
            }
            Act::FeePaid { candidate, .. }
            | Act::RegistrationRefused { candidate, .. }
            | Act::CandidateWithdrawn { candidate, .. } => {
                push(Referent::Candidate, candidate, d.nominated.get(candidate))
            }
            Act::ProtocolEntered { key, .. }
            | Act::ProtocolAccepted { key, .. }
            | Act::NewEntryOrdered { key, .. }
            | Act::PreliminaryFiguresRecorded { key, .. } => {
                push(
                    Referent::Election,
                    &key.election,
                    d.elections.get(&key.election),
                );
                push(
                    Referent::Station,
                    &key.station,
                    d.stations.get(&key.station),
                );
            }
            Act::ComplaintFiled(complaint) => {
                push(
                    Referent::Commission,
                    &complaint.addressed_to,
                    d.commissions.get(&complaint.addressed_to),
                );
                if let Some(number) = &complaint.concerns {
                    let dated = self.resolution_by_ref(number).map(|r| &r.date);
                    push(Referent::Resolution, number, dated);
                }
                for c in &complaint.candidates {
                    push(Referent::Candidate, c, d.nominated.get(c));
                }
            }
            Act::RequestSent(request) => {
                let dated = self.complaints.get(&request.about).map(|(s, _)| &s.date);
                push(Referent::Complaint, &request.about, dated);
            }
            Act::AnswerReceived(answer) => {
                let dated = self.requests.get(&answer.request).map(|(s, _)| &s.date);
                push(Referent::Request, &answer.request, dated);
            }
            Act::ComplaintDecided {
                complaint,
                resolution,
                ..
            } => {
                let dated = self.complaints.get(complaint).map(|(s, _)| &s.date);
                push(Referent::Complaint, complaint, dated);
                if let Some(number) = resolution {
                    let dated = self.resolution_by_ref(number).map(|r| &r.date);
                    push(Referent::Resolution, number, dated);
                }
            }
            Act::MeetingHeld(meeting) => push(
                Referent::Commission,
                &meeting.commission,
                d.commissions.get(&meeting.commission),
            ),
            Act::ResolutionVoted(voted) => {
                push(
                    Referent::Commission,
                    &voted.commission,
                    d.commissions.get(&voted.commission),
                );
                if let Some(meeting) = &voted.meeting {
                    let dated = self.meetings.get(meeting).map(|(s, _)| &s.date);
                    push(Referent::Meeting, meeting, dated);
                }
                for complaint in &voted.considers {
                    let dated = self.complaints.get(complaint).map(|(s, _)| &s.date);
                    push(Referent::Complaint, complaint, dated);
                }
                for effect in &voted.effects {
                    self.effect_references(effect, out);
                }
            }
        }
    }

    fn effect_references(&self, effect: &Effect, out: &mut Vec<(Referent, String, LegalDate)>) {
        let d = &self.dates;
        let mut push = |what, id: &dyn ToString, dated: Option<&LegalDate>| {
            if let Some(dated) = dated {
                out.push((what, id.to_string(), *dated));
            }
        };
        match effect {
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
                let key = ProtocolKey {
                    election: election.clone(),
                    station: *station,
                    constituency: *constituency,
                };
                // The legal date the protocol was first accepted: its first version's.
                let accepted = self
                    .protocols
                    .get(&key)
                    .and_then(|slot| slot.versions.first())
                    .map(|first| &first.date);
                push(Referent::Protocol, station, accepted);
            }
            Effect::AnnulCandidateVotes { candidates: ids }
            | Effect::AnnulRegistration { candidates: ids }
            | Effect::BarFromRepeat { candidates: ids }
            | Effect::RefundFees {
                candidates: ids, ..
            } => {
                for id in ids {
                    push(Referent::Candidate, id, d.nominated.get(id));
                }
            }
            Effect::RecogniseElected {
                election,
                constituency,
                candidates: ids,
            } => {
                push(Referent::Election, election, d.elections.get(election));
                for id in ids {
                    push(Referent::Candidate, id, d.nominated.get(id));
                }
                // The count it recognises: every protocol as last accepted.
                for (key, slot) in &self.protocols {
                    if &key.election == election && key.constituency == *constituency {
                        let latest = slot.latest().map(|v| &v.date);
                        push(Referent::Protocol, &key.station, latest);
                    }
                }
            }
            Effect::EndMandate {
                election,
                constituency,
                candidate,
                ..
            } => {
                push(Referent::Election, election, d.elections.get(election));
                push(Referent::Candidate, candidate, d.nominated.get(candidate));
                // The mandate it ends: the recognition in force.
                if let Some((key, _)) = self
                    .contest(election, *constituency)
                    .and_then(|c| self.last_in_force(&c.recognitions))
                {
                    let dated = self.resolutions.get(key).map(|r| &r.date);
                    push(Referent::Resolution, &self.cited(*key), dated);
                }
            }
            Effect::DeclareInvalid { election, .. }
            | Effect::DeclareValid { election, .. }
            | Effect::CancelElection { election }
            | Effect::DrawLot { election, .. } => {
                push(Referent::Election, election, d.elections.get(election))
            }
            Effect::CallRepeatElection { repeat_of, .. } => {
                push(Referent::Election, repeat_of, d.elections.get(repeat_of))
            }
            Effect::Rescind { resolution } => {
                let dated = self.resolution_by_ref(resolution).map(|r| &r.date);
                push(Referent::Resolution, resolution, dated);
            }
            Effect::Directive { .. } => {}
        }
    }
}

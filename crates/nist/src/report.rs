//! The whole report: the units, then each election with its contests, its candidates and
//! the people and parties they bring.

use crate::contest::contest;
use crate::ids;
use crate::model::{
    Election, ElectionReport, ElectionType, ExternalIdentifier, ReportDetailLevel, ResultsStatus,
};
use crate::text;
use crate::units::units;
use tandoo_core::commission::CommissionLevel;
use tandoo_core::election::{Election as Called, ElectionKind};
use tandoo_core::{LegalDate, State};

/// What the report is of, beside the state: the crate reads no clock and no record, so the
/// caller says when the report is made and at which head of the record.
#[derive(Clone, Debug)]
pub struct Issue<'a> {
    /// The legal date the state is of; none for the record's present state.
    pub as_of: Option<LegalDate>,
    /// When the report is made, RFC 3339 with its zone (`2026-03-01T18:04:05Z`).
    pub generated_at: &'a str,
    /// The record's head the state reflects: its sequence number and hash (hex).
    pub head_seq: u64,
    pub head_hash: &'a str,
}

/// The name the report gives the program that made it.
pub const VENDOR_APPLICATION: &str = concat!("tandoo ", env!("CARGO_PKG_VERSION"));

/// The report of `state` (the state of `issue.as_of`, or the present state).
pub fn report(state: &State, issue: &Issue) -> ElectionReport {
    let mut called: Vec<&Called> = state.elections.values().collect();
    called.sort_by(|a, b| (a.call.voting_day, &a.call.id).cmp(&(b.call.voting_day, &b.call.id)));
    let mut elections = Vec::with_capacity(called.len());
    let mut people = Vec::new();
    let mut parties = Vec::new();
    let (mut all_final, mut all_complete) = (true, true);
    for election in called {
        let mut contests = Vec::with_capacity(election.call.constituencies.len());
        let mut candidates = Vec::new();
        for &constituency in &election.call.constituencies {
            let report = contest(state, election, constituency);
            all_final &= report.standing.is_final();
            all_complete &= report.standing.is_final() || report.complete;
            contests.push(report.contest);
            candidates.extend(report.candidates);
            people.extend(report.persons);
            parties.extend(report.parties);
        }
        elections.push(election_of(state, election, candidates, contests));
    }
    parties.sort_by(|a, b| a.id.cmp(&b.id));
    parties.dedup_by(|a, b| a.id == b.id);
    let central = state
        .commissions
        .values()
        .find(|c| c.level == CommissionLevel::Central);
    let mut identifiers = vec![
        ExternalIdentifier::tandoo("record-seq", issue.head_seq.to_string()),
        ExternalIdentifier::tandoo("record-head", issue.head_hash),
    ];
    if let Some(date) = issue.as_of {
        identifiers.push(ExternalIdentifier::tandoo("as-of", date.to_string()));
    }
    ElectionReport {
        format: ReportDetailLevel::PrecinctLevel,
        generated_date: issue.generated_at.to_owned(),
        issuer: central.map_or_else(String::new, |c| c.name.first().to_owned()),
        issuer_abbreviation: central.map_or_else(String::new, |c| c.id.to_string()),
        sequence_start: 1,
        sequence_end: 1,
        status: if all_final {
            ResultsStatus::Certified
        } else if all_complete {
            ResultsStatus::UnofficialComplete
        } else {
            ResultsStatus::UnofficialPartial
        },
        vendor_application_id: VENDOR_APPLICATION.into(),
        external_identifier: identifiers,
        gp_unit: units(state),
        party: parties,
        person: people,
        election: elections,
    }
}

fn election_of(
    state: &State,
    election: &Called,
    candidates: Vec<crate::model::Candidate>,
    contests: Vec<crate::model::CandidateContest>,
) -> Election {
    let call = &election.call;
    // An election of one constituency is scoped to it; one of several, to the country.
    let scope = match call.constituencies.as_slice() {
        [one] if state.constituencies.contains_key(one) => ids::constituency(*one),
        _ => ids::COUNTRY.to_owned(),
    };
    let (kind, other_type, code) = match call.kind {
        ElectionKind::Regular => (ElectionType::General, None, "regular"),
        ElectionKind::Early => (ElectionType::General, None, "early"),
        ElectionKind::Repeat => (ElectionType::Other, Some("repeat".to_owned()), "repeat"),
    };
    let mut identifiers = vec![
        ExternalIdentifier::tandoo("election", call.id.as_str()),
        ExternalIdentifier::tandoo("election-kind", code),
    ];
    if let Some(original) = &call.repeat_of {
        identifiers.push(ExternalIdentifier::tandoo("repeat-of", original.as_str()));
    }
    Election {
        election_scope_id: scope,
        kind,
        other_type,
        start_date: call.voting_day.to_string(),
        end_date: call.voting_day.to_string(),
        name: text::written(&call.name),
        external_identifier: identifiers,
        candidate: candidates,
        contest: contests,
    }
}

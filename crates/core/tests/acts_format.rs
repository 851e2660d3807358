//! docs/acts.md held to the code: one sample of every act type (and of every effect, every
//! commission level, every rule of a protocol form) is read as an `Act` and written back
//! exactly as it was, so the samples are the code's format; then every type and every field
//! name of the samples must appear in the document, and the document must name no act type
//! or effect the code lacks.

use serde_json::{Value, json};
use std::collections::BTreeSet;
use tandoo_core::act::Act;
use tandoo_core::resolution::Effect;

/// Every act type, as `type` writes it. The match below fails to compile when an act type is
/// added, so this list and the samples are kept with the code.
const ACT_TYPES: [&str; 20] = [
    "constituency_defined",
    "station_defined",
    "commission_formed",
    "election_called",
    "candidate_nominated",
    "fee_paid",
    "candidate_registered",
    "registration_refused",
    "candidate_withdrawn",
    "protocol_entered",
    "protocol_accepted",
    "new_entry_ordered",
    "preliminary_figures_recorded",
    "incident_recorded",
    "complaint_filed",
    "request_sent",
    "answer_received",
    "complaint_decided",
    "meeting_held",
    "resolution_voted",
];

fn act_type(act: &Act) -> &'static str {
    match act {
        Act::ConstituencyDefined(_) => "constituency_defined",
        Act::StationDefined(_) => "station_defined",
        Act::CommissionFormed(_) => "commission_formed",
        Act::ElectionCalled(_) => "election_called",
        Act::CandidateNominated(_) => "candidate_nominated",
        Act::FeePaid { .. } => "fee_paid",
        Act::CandidateRegistered { .. } => "candidate_registered",
        Act::RegistrationRefused { .. } => "registration_refused",
        Act::CandidateWithdrawn { .. } => "candidate_withdrawn",
        Act::ProtocolEntered { .. } => "protocol_entered",
        Act::ProtocolAccepted { .. } => "protocol_accepted",
        Act::NewEntryOrdered { .. } => "new_entry_ordered",
        Act::PreliminaryFiguresRecorded { .. } => "preliminary_figures_recorded",
        Act::IncidentRecorded(_) => "incident_recorded",
        Act::ComplaintFiled(_) => "complaint_filed",
        Act::RequestSent(_) => "request_sent",
        Act::AnswerReceived(_) => "answer_received",
        Act::ComplaintDecided { .. } => "complaint_decided",
        Act::MeetingHeld(_) => "meeting_held",
        Act::ResolutionVoted(_) => "resolution_voted",
    }
}

/// Every effect, as `effect` writes it; the match below keeps it with the code.
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

const EFFECTS: usize = 15;

fn key() -> Value {
    json!({"election": "E1", "station": 13001, "constituency": 13})
}

fn figures() -> Value {
    json!({"lines": {"L1": 1504, "L2": 1500, "L3": 700, "L4": 20, "L5": 780, "L6": 720,
        "L7": 20, "L8": 700, "L9": 10, "L10": 710},
        "candidates": {"E1-13-01": 400, "E1-13-02": 290}, "against_all": 20})
}

fn warning() -> Value {
    json!({"code": "W04", "finding": {"kind": "candidate_share_above", "candidate": "E1-13-01",
        "votes": 400, "whole": {"terms": [{"term": "L10", "figure": 710}], "sum": 710},
        "percent": 50}})
}

/// A warning as acts recorded it before findings were data: it still reads, and is written
/// back as it was.
fn recorded_warning() -> Value {
    json!({"code": "W04", "message": "candidate E1-13-01 has 400 of L10 (710) (56.34%): no candidate above 80% of the valid ballots"})
}

fn members() -> Value {
    json!([{"id": "DEC-13-1", "name": "Асель Токтогулова", "position": "chair"}])
}

/// One sample of every act, with every optional field present, in the JSON the record holds.
fn samples() -> Vec<Value> {
    let effects = json!([
        {"effect": "annul_station_result", "election": "E1", "station": 13001, "constituency": 13},
        {"effect": "annul_candidate_votes", "candidates": ["E1-13-02"]},
        {"effect": "annul_registration", "candidates": ["E1-13-02"]},
        {"effect": "bar_from_repeat", "candidates": ["E1-13-02"]},
        {"effect": "declare_invalid", "election": "E1", "constituency": 13},
        {"effect": "declare_valid", "election": "E1", "constituency": 13},
        {"effect": "call_repeat_election", "election": "E2", "name": "Repeat election",
         "repeat_of": "E1", "constituency": 13, "voting_day": "2026-03-01"},
        {"effect": "cancel_election", "election": "E2"},
        {"effect": "recognise_elected", "election": "E1", "constituency": 13,
         "candidates": ["E1-13-01"]},
        {"effect": "end_mandate", "election": "E1", "constituency": 13,
         "candidate": "E1-13-01", "reason": "resigned"},
        {"effect": "refund_fees", "candidates": ["E1-13-02"], "election": "E2"},
        {"effect": "rescind", "resolution": {"commission": "CEC", "year": 2025, "number": 161}},
        {"effect": "order_recount", "election": "E1", "station": 13001, "constituency": 13},
        {"effect": "draw_lot", "election": "E1", "constituency": 13, "seed": "4 17 23",
         "drawn_by": "DEC-13-1"},
        {"effect": "directive", "text": "replace the precinct chairs"},
    ]);
    vec![
        json!({"type": "constituency_defined", "number": 13, "name": "Constituency 13", "seats": 3}),
        json!({"type": "station_defined", "number": 13001, "name": "School 5",
            "constituency": 13, "voters": 1504}),
        json!({"type": "commission_formed", "id": "CEC", "name": "CEC", "level": "central",
            "members": members(),
            "voting": {"quorum": {"numerator": 2, "denominator": 3},
                       "majority": {"numerator": 1, "denominator": 2}}}),
        json!({"type": "commission_formed", "id": "DEC-13", "name": "DEC 13", "level": "district",
            "constituency": 13, "parent": "CEC", "members": members(),
            "voting": {"quorum": {"numerator": 2, "denominator": 3},
                       "majority": {"numerator": 1, "denominator": 2}}}),
        json!({"type": "commission_formed", "id": "TEC-Osh", "name": "TEC Osh",
            "level": "territorial", "area": "Osh", "members": members(),
            "voting": {"quorum": {"numerator": 2, "denominator": 3},
                       "majority": {"numerator": 1, "denominator": 2}}}),
        json!({"type": "commission_formed", "id": "PEC-13001", "name": "PEC 13001",
            "level": "precinct", "station": 13001, "members": members(),
            "voting": {"quorum": {"numerator": 2, "denominator": 3},
                       "majority": {"numerator": 1, "denominator": 2}}}),
        json!({"type": "election_called", "id": "E2", "name": "Repeat election", "kind": "repeat",
            "repeat_of": "E1", "voting_day": "2026-03-01",
            "rule_set": {"name": "Jogorku Kenesh 2025", "method": "multi_member_plurality",
                "max_per_gender": 2, "against_all_on_ballot": true,
                "against_all_rule": "beats_leader", "tie_break": "registration_order",
                "fee": 30000000, "national_min_per_gender": 30, "remote_voting": true,
                "register_margin_percent": 5,
                "deadlines": {"complaint_days": 3, "results_days": 30, "early_shortened_by": [1, 3]}},
            "form": {"name": "short form",
                "lines": [{"code": "V", "meaning": "voters on the list"},
                          {"code": "B", "meaning": "ballots in the box"},
                          {"code": "X", "meaning": "spoilt ballots"}],
                "roles": {"voters_on_list": "V", "took_part": ["B"], "invalid": "X", "turnout": ["B"]},
                "relations": [
                    {"code": "K1", "severity": "error", "description": "every ballot counted",
                     "rule": "equal", "left": ["B"], "right": ["X", "candidates", "AA"]},
                    {"code": "K2", "severity": "warning", "description": "no more ballots than voters",
                     "rule": "at_most", "left": ["B"], "right": ["V"]},
                    {"code": "K3", "severity": "warning", "description": "turnout",
                     "rule": "share_within", "part": ["B"], "whole": ["V"],
                     "at_least_percent": 5, "at_most_percent": 95},
                    {"code": "K4", "severity": "warning", "description": "no landslide",
                     "rule": "candidate_share_at_most", "whole": ["B"], "percent": 80},
                    {"code": "K5", "severity": "warning", "description": "the box agrees",
                     "rule": "matches_preliminary"}]},
            "constituencies": [13]}),
        json!({"type": "candidate_nominated", "id": "E1-13-01", "person": "P-13-01",
            "name": "Айбек Алтынбеков", "gender": "M", "election": "E1", "constituency": 13,
            "nominated_by": {"by": "party", "party": "Ata-Jurt"}}),
        json!({"type": "candidate_nominated", "id": "E1-13-02", "person": "P-13-02",
            "name": "Айгуль Карабекова", "gender": "F", "election": "E1", "constituency": 13,
            "nominated_by": {"by": "self"}}),
        json!({"type": "fee_paid", "candidate": "E1-13-01", "amount": 30000000,
            "reference": "payment order 17"}),
        json!({"type": "candidate_registered", "candidate": "E1-13-01"}),
        json!({"type": "registration_refused", "candidate": "E1-13-02", "reason": "papers"}),
        json!({"type": "candidate_withdrawn", "candidate": "E1-13-02", "reason": "illness"}),
        json!({"type": "protocol_entered", "key": key(), "version": 2, "entry": 1,
            "operator": "op1", "figures": figures(), "acknowledged": [warning()],
            "correction_reason": "recount ordered"}),
        json!({"type": "protocol_accepted", "key": key(), "version": 2, "figures": figures(),
            "acknowledged": [warning(), recorded_warning()], "correction_reason": "recount ordered",
            "entries": [2], "settled_by": "supervisor"}),
        json!({"type": "new_entry_ordered", "key": key(), "version": 1, "supervisor": "supervisor"}),
        json!({"type": "preliminary_figures_recorded", "key": key(),
            "figures": {"lines": {"L8": 700}, "candidates": {"E1-13-01": 401}, "against_all": 20}}),
        json!({"type": "incident_recorded", "id": "I-1", "election": "E1", "station": 13001,
            "constituency": 13, "description": "a camera over the booth", "source": "observer"}),
        json!({"type": "complaint_filed", "id": "CEC-C-2026-1", "kind": "collective_statement",
            "addressed_to": "CEC", "filed_by": ["Айбек Алтынбеков"], "candidates": ["E1-13-01"],
            "subject": "review resolution 161",
            "concerns": {"commission": "CEC", "year": 2025, "number": 161}}),
        json!({"type": "request_sent", "id": "R-1", "about": "CEC-C-2026-1",
            "to": "Ministry of Internal Affairs", "text": "what was found?"}),
        json!({"type": "answer_received", "request": "R-1", "from": "Ministry of Internal Affairs",
            "text": "nothing was found"}),
        json!({"type": "complaint_decided", "complaint": "CEC-C-2026-1", "decision": "upheld",
            "resolution": {"commission": "CEC", "year": 2026, "number": 12}, "text": "upheld"}),
        json!({"type": "meeting_held", "id": "CEC-M-2026-02-13-1", "commission": "CEC",
            "present": ["CEC-1"], "agenda": ["statement of the candidates"],
            "speakers": [{"name": "Айбек Алтынбеков", "position": "candidate",
                          "subject": "the review"}]}),
        json!({"type": "resolution_voted", "commission": "CEC",
            "number": {"commission": "CEC", "year": 2026, "number": 12},
            "title": "On the review", "meeting": "CEC-M-2026-02-13-1",
            "considers": ["CEC-C-2026-1"], "votes": [{"member": "CEC-1", "vote": "for"}],
            "tally": {"members": 1, "present": 1, "for": 1, "against": 0, "abstain": 0,
                      "quorum_required": 1, "majority_required": 1},
            "adopted": true, "effects": effects}),
    ]
}

fn read(sample: &Value) -> Act {
    serde_json::from_value(sample.clone())
        .unwrap_or_else(|error| panic!("{error}: the sample is not an act: {sample}"))
}

/// The names of the members of every object in `value`, except the keys of maps whose keys
/// are data (a protocol's lines and candidates).
fn field_names(value: &Value, names: &mut BTreeSet<String>) {
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                names.insert(name.clone());
                if (name == "lines" || name == "candidates") && member.is_object() {
                    continue;
                }
                field_names(member, names);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| field_names(item, names)),
        _ => {}
    }
}

/// The names written as `` ### `name` `` under a `## ` heading of the document.
fn headed_names(doc: &str, section: &str) -> BTreeSet<String> {
    let start = doc
        .find(&format!("\n## {section}"))
        .unwrap_or_else(|| panic!("docs/acts.md has no section \"{section}\""));
    let rest = &doc[start + 4..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end]
        .lines()
        .filter_map(|line| line.strip_prefix("### `"))
        .filter_map(|line| line.split('`').next())
        .map(str::to_string)
        .collect()
}

const DOC: &str = include_str!("../../../docs/acts.md");

#[test]
fn every_sample_is_an_act_written_back_exactly_as_it_was() {
    for sample in samples() {
        let written = serde_json::to_value(read(&sample)).expect("an act serialises");
        assert_eq!(written, sample, "the act format differs from its sample");
    }
}

#[test]
fn the_samples_hold_every_act_type_and_every_effect() {
    let types: BTreeSet<&str> = samples().iter().map(|s| act_type(&read(s))).collect();
    let listed: BTreeSet<&str> = ACT_TYPES.iter().copied().collect();
    assert_eq!(types, listed);
    let effects: BTreeSet<&str> = samples()
        .iter()
        .filter_map(|s| match read(s) {
            Act::ResolutionVoted(voted) => Some(voted.effects),
            _ => None,
        })
        .flatten()
        .map(|e| effect_name(&e))
        .collect();
    assert_eq!(effects.len(), EFFECTS);
}

#[test]
fn docs_acts_md_describes_every_act_type_effect_and_field() {
    let samples = samples();
    let documented = headed_names(DOC, "Act types");
    let types: BTreeSet<String> = samples
        .iter()
        .map(|s| act_type(&read(s)).to_string())
        .collect();
    let missing: Vec<_> = types.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "act types not in docs/acts.md: {missing:?}"
    );
    let effects: BTreeSet<String> = samples
        .iter()
        .filter_map(|s| match read(s) {
            Act::ResolutionVoted(voted) => Some(voted.effects),
            _ => None,
        })
        .flatten()
        .map(|e| effect_name(&e).to_string())
        .collect();
    let documented_effects = headed_names(DOC, "Effects");
    let missing: Vec<_> = effects.difference(&documented_effects).collect();
    assert!(
        missing.is_empty(),
        "effects not in docs/acts.md: {missing:?}"
    );
    let mut fields = BTreeSet::new();
    for sample in &samples {
        field_names(sample, &mut fields);
    }
    let missing: Vec<_> = fields
        .iter()
        .filter(|field| !DOC.contains(&format!("`{field}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "fields not in docs/acts.md: {missing:?}"
    );
}

#[test]
fn docs_acts_md_names_no_act_type_or_effect_the_code_lacks() {
    let types: BTreeSet<String> = ACT_TYPES.iter().map(|t| t.to_string()).collect();
    let extra: Vec<_> = headed_names(DOC, "Act types")
        .into_iter()
        .filter(|t| !types.contains(t))
        .collect();
    assert!(
        extra.is_empty(),
        "docs/acts.md names act types the code lacks: {extra:?}"
    );
    let effects: BTreeSet<String> = samples()
        .iter()
        .filter_map(|s| match read(s) {
            Act::ResolutionVoted(voted) => Some(voted.effects),
            _ => None,
        })
        .flatten()
        .map(|e| effect_name(&e).to_string())
        .collect();
    let extra: Vec<_> = headed_names(DOC, "Effects")
        .into_iter()
        .filter(|e| !effects.contains(e))
        .collect();
    assert!(
        extra.is_empty(),
        "docs/acts.md names effects the code lacks: {extra:?}"
    );
}

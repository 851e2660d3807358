//! Whatever is typed or sent, `decide` answers with acts or a refusal — never a panic — and
//! what it accepts satisfies the rules. Property tests in the place of a fuzzer: they
//! generate dates, protocol figures and whole commands far outside what anyone would type.

mod fixture;

use fixture::*;
use proptest::prelude::*;
use tandoo_core::command::Submission;
use tandoo_core::ids::{CandidateId, ConstituencyNo, ElectionId};
use tandoo_core::protocol::{MAX_FIGURE, ProtocolEntry, ProtocolForm};
use tandoo_core::{LegalDate, State};

fn figure() -> impl Strategy<Value = i64> {
    prop_oneof![
        0..2_000i64,
        any::<i64>(),
        Just(i64::MAX),
        Just(i64::MIN),
        Just(MAX_FIGURE as i64 + 1)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_is_a_date_or_a_refusal(text in "\\PC{0,12}|[0-9]{4}-[0-9]{2}-[0-9]{2}") {
        if let Ok(date) = text.parse::<LegalDate>() {
            prop_assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn any_protocol_figures_are_accepted_only_when_every_relation_holds(
        lines in proptest::collection::vec(figure(), 10),
        votes in proptest::collection::vec(figure(), 4),
        against_all in figure(),
    ) {
        let mut state = election();
        let entry = ProtocolEntry {
            lines: ProtocolForm::kyrgyz().lines.iter().zip(&lines).map(|(l, v)| (l.code.clone(), *v)).collect(),
            candidates: CANDIDATES.iter().zip(&votes).map(|((n, _), v)| (CandidateId::new(*n), *v)).collect(),
            against_all: Some(against_all),
        };
        let seq = state.seq;
        match submit(&mut state, &operator(1), enter(101, entry)) {
            Ok(_) => {
                let round = &state.protocols.values().next().unwrap().round[0];
                let f = &round.figures;
                let l = |code: &str| f.line(code);
                prop_assert!(f.lines.values().all(|v| *v <= MAX_FIGURE));
                prop_assert_eq!(l("L2"), l("L3") + l("L4") + l("L5"));
                prop_assert_eq!(l("L7") + l("L8"), l("L9") + l("L10"));
                prop_assert_eq!(l("L10"), f.candidates.values().sum::<u64>() + f.against_all);
                prop_assert!(l("L7") + l("L8") <= l("L3") + l("L4") && l("L7") + l("L8") <= l("L6"));
            }
            Err(_) => prop_assert_eq!(state.seq, seq),
        }
        prop_assert_eq!(state.check_invariants(), Ok(()));
    }

    #[test]
    fn any_command_shaped_json_is_decided_or_refused(
        kind in prop_oneof![
            Just("enter_protocol"), Just("settle_protocol"), Just("vote_resolution"), Just("pay_fee"),
            Just("register_candidate"), Just("define_station"), Just("record_preliminary_figures"),
            Just("file_complaint"), Just("hold_meeting"), Just("call_election"),
        ],
        number in any::<i64>(),
        small in 0u32..200,
        text in "\\PC{0,8}",
        role in prop_oneof![Just("operator"), Just("supervisor"), Just("secretary"), Just("administrator"), Just("observer")],
        commission in prop_oneof![Just("CEC"), Just("DEC-1"), Just("DEC-9")],
    ) {
        let command = serde_json::json!({
            "type": kind, "election": "E", "station": small, "constituency": small % 3,
            "candidate": text, "amount": number, "number": small, "voters": number,
            "name": text, "seats": small, "figures": {"lines": {"L1": number}, "candidates": {"A": number}},
            "decision": {"decision": "keep", "entry": small}, "commission": commission,
            "title": text, "votes": [{"member": "DEC-1-1", "vote": "for"}],
            "effects": [{"effect": "rescind", "resolution": {"commission": commission, "number": small, "year": 2025}}],
            "kind": "complaint", "addressed_to": commission, "filed_by": [text], "subject": text,
            "present": [], "agenda": [text], "id": text, "voting_day": "2025-11-30",
            "rule_set": text, "constituencies": [small % 3],
        });
        let submission = serde_json::json!({
            "date": "2025-11-30",
            "actor": {"user": text, "role": role, "commission": commission},
            "command": command,
        });
        if let Ok(submission) = serde_json::from_value::<Submission>(submission) {
            let mut state: State = election();
            let seq = state.seq;
            if record(&mut state, &submission).is_err() {
                prop_assert_eq!(state.seq, seq);
            }
            prop_assert_eq!(state.check_invariants(), Ok(()));
            let _ = tandoo_core::national::constituency_view(&state, &ElectionId::new("E"), ConstituencyNo(1));
        }
    }
}

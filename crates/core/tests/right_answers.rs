//! Rules that must give the right answer, each checked on the smallest record that showed it
//! wrong (the files in `repro/`, written from the documentation alone): succession after an
//! ended mandate, ties by the registration's legal date, references to later acts, lots,
//! recognition with open complaints, what the views call elected, corrections after
//! recognition, deadlines and turnout.

use serde_json::{Value, json};
use tandoo_core::command::Submission;
use tandoo_core::ids::{CandidateId, ComplaintId, ConstituencyNo, ElectionId};
use tandoo_core::national::{constituency_view, national_view};
use tandoo_core::results::LateKind;
use tandoo_core::results::{
    AllocationError, ContestState, ContestView, SeatMark, SeatStanding, computed_seats,
    contest_view,
};
use tandoo_core::{Act, LegalDate, Refusal, Stamp, State};

/// A record built by submitting commands, with its acts kept for `State::as_of`.
#[derive(Clone, Default)]
struct Story {
    state: State,
    acts: Vec<(Stamp, Act)>,
}

impl Story {
    fn from_file(name: &str) -> Story {
        let mut story = Story::default();
        story.file(name);
        story
    }

    fn file(&mut self, name: &str) {
        let path = format!("{}/tests/repro/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            self.submit(serde_json::from_str(line).unwrap())
                .unwrap_or_else(|refusal| panic!("{name} line {}: {refusal}", n + 1));
        }
    }

    /// The lines of a file as JSON values, to change before submitting.
    fn lines(name: &str) -> Vec<Value> {
        let path = format!("{}/tests/repro/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    fn submit(&mut self, line: Value) -> Result<(), Refusal> {
        let submission: Submission = serde_json::from_value(line).unwrap();
        // The rules, then the state, as the ledger does; an act the rules accepted that does
        // not apply is a defect, so the test fails on it.
        let acts = tandoo_core::decide(&self.state, &submission)?;
        for act in acts {
            let stamp = tandoo_core::Stamp {
                seq: self.state.seq + 1,
                date: submission.date,
            };
            if let Err(error) = self.state.apply(stamp, &act) {
                panic!("a defect: an act the rules accepted does not apply: {error}");
            }
            self.acts.push((stamp, act));
        }
        Ok(())
    }

    /// Submits a command that must be refused, and checks that the record did not move.
    fn refused(&mut self, line: Value) -> Refusal {
        let before = self.state.seq;
        let refusal = self.submit(line).expect_err("the command must be refused");
        assert_eq!(self.state.seq, before, "a refusal records nothing");
        refusal
    }

    fn as_of(&self, date: &str) -> State {
        let date: LegalDate = date.parse().unwrap();
        State::as_of(self.acts.iter().map(|(s, a)| (*s, a)), date).unwrap()
    }

    fn contest(&self) -> ContestView {
        contest_of(&self.state)
    }
}

fn contest_of(state: &State) -> ContestView {
    contest_view(state, &state.elections[&e()], ConstituencyNo(1))
}

fn e() -> ElectionId {
    ElectionId::new("E")
}

fn ids(list: &[&str]) -> Vec<CandidateId> {
    list.iter().map(|id| CandidateId::new(*id)).collect()
}

fn secretary_line(date: &str, command: Value) -> Value {
    json!({"date": date, "actor": {"user": "sec", "role": "secretary", "commission": "CEC"},
           "command": command})
}

fn cec_resolution(date: &str, title: &str, effects: Value) -> Value {
    resolution_in(date, title, effects, None)
}

fn resolution_in(date: &str, title: &str, effects: Value, meeting: Option<&str>) -> Value {
    let mut command = json!({"type": "vote_resolution", "commission": "CEC", "title": title,
        "votes": [{"member": "a", "vote": "for"}], "effects": effects});
    if let Some(meeting) = meeting {
        command["meeting"] = json!(meeting);
    }
    secretary_line(date, command)
}

fn recognise(date: &str, candidates: &[&str]) -> Value {
    cec_resolution(
        date,
        "results",
        json!([{"effect": "recognise_elected", "election": "E", "constituency": 1,
                "candidates": candidates}]),
    )
}

/// The protocol of station 101 entered by both operators, as a correction when `reason` is
/// given.
fn both_entries(date: &str, votes: Value, reason: Option<&str>) -> [Value; 2] {
    [1, 2].map(|n| {
        let mut command = json!({"type": "enter_protocol", "election": "E", "station": 101,
            "constituency": 1,
            "figures": {"lines": {"L1": 2000, "L2": 2000, "L3": 1110, "L4": 0, "L5": 890,
                "L6": 1110, "L7": 0, "L8": 1100, "L9": 0, "L10": 1100},
                "candidates": votes.clone(), "against_all": 0},
            "acknowledged": ["W04"]});
        if let Some(reason) = reason {
            command["correction_reason"] = json!(reason);
        }
        json!({"date": date,
               "actor": {"user": format!("op{n}"), "role": "operator", "commission": "CEC"},
               "command": command})
    })
}

// ---- A: succession ----

#[test]
fn a_deputy_whose_mandate_ended_never_succeeds_to_it_again() {
    let story = Story::from_file("bug-vacancy-former-deputy-returns.jsonl");
    let view = story.contest();
    // M1 and then M3 left; no man is left, so the seat goes to the best woman not elected.
    assert_eq!(view.elected, ids(&["M2", "F1", "F2"]));
    assert!(!view.elected.contains(&CandidateId::new("M1")));
    let m1 = view
        .candidates
        .iter()
        .find(|c| c.id.as_str() == "M1")
        .unwrap();
    assert_eq!(m1.marks, [SeatMark::MandateEnded]);

    let mut as_shown = story.clone();
    let refusal =
        as_shown.refused(Story::lines("bug-vacancy-then-recognise-as-shown.jsonl")[0].clone());
    assert_eq!(refusal.code(), "ELECTED_NOT_ALLOCATED");

    let mut by_rule = story.clone();
    by_rule.file("bug-vacancy-then-recognise-by-rule.jsonl");
    let view = by_rule.contest();
    assert_eq!(view.elected, ids(&["M2", "F1", "F2"]));
    assert!(view.count_differs.is_none());
}

#[test]
fn the_view_and_the_recognition_check_use_one_succession() {
    let story = Story::from_file("bug-vacancy-former-deputy-returns.jsonl");
    let mut shown = story.contest().elected;
    let mut ruled = computed_seats(&story.state, &e(), ConstituencyNo(1)).unwrap();
    shown.sort();
    ruled.sort();
    assert_eq!(shown, ruled);
}

// ---- B: ties by the registration's legal date ----

#[test]
fn ties_go_by_the_registration_legal_date_not_the_order_acts_were_typed_in() {
    let story = Story::from_file("bug-tie-by-registration-date.jsonl");
    let view = story.contest();
    // F1 and F2 tie at 100; F2 was registered on 3 February, F1 on 10 February (typed first).
    assert_eq!(view.allocated, ids(&["M1", "M2", "F2"]));
    // The candidate table lists the tie's winner first.
    let order: Vec<&str> = view.candidates.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(order, ["M1", "M2", "M3", "F2", "F1"]);
    // Between the two registrations the winner is registered, the other not yet.
    let between = contest_of(&story.as_of("2026-02-05"));
    let standing = |id: &str| {
        between
            .candidates
            .iter()
            .find(|c| c.id.as_str() == id)
            .unwrap()
            .standing
    };
    assert_eq!(standing("F2"), tandoo_core::candidate::Standing::Registered);
    assert_eq!(standing("F1"), tandoo_core::candidate::Standing::Nominated);
}

#[test]
fn sequence_decides_a_tie_only_between_registrations_of_the_same_legal_date() {
    let mut lines = Story::lines("bug-tie-by-registration-date.jsonl");
    for line in &mut lines {
        if line["command"]["type"] == "register_candidate" && line["command"]["candidate"] == "F1" {
            line["date"] = json!("2026-02-03");
        }
    }
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    // Same legal date: F1's registration was recorded first, so F1 wins the tie.
    assert_eq!(story.contest().allocated, ids(&["M1", "M2", "F1"]));
}

// ---- C: references to later acts ----

#[test]
fn a_rescission_dated_before_the_resolution_it_rescinds_is_refused() {
    let mut lines = Story::lines("bug-backdated-rescission.jsonl");
    let rescission = lines.pop().unwrap();
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let refusal = story.refused(rescission);
    assert_eq!(refusal.code(), "REFERS_TO_LATER");
    assert!(matches!(
        refusal,
        Refusal::RefersToLater {
            what: tandoo_core::state::Referent::Resolution,
            ..
        }
    ));
    // The state on every day in between can be computed.
    for day in 10..=20 {
        story.as_of(&format!("2026-01-{day}"));
    }
}

#[test]
fn a_registration_dated_before_the_nomination_is_refused() {
    let mut lines = Story::lines("bug-tie-by-registration-date.jsonl");
    lines.truncate(6);
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let refusal = story.refused(secretary_line(
        "2026-01-04",
        json!({"type": "register_candidate", "candidate": "M1"}),
    ));
    assert_eq!(refusal.code(), "REFERS_TO_LATER");
}

mod every_date {
    use super::*;
    use proptest::prelude::*;

    /// One command of a generated story, on a day of January 2026.
    #[derive(Clone, Debug)]
    enum Step {
        Nominate(u8),
        PayFee(u8),
        Register(u8),
        Directive,
        Rescind(u8),
        AnnulRegistration(u8),
        Complaint(u8),
        Decide(u8),
    }

    fn step() -> impl Strategy<Value = (u8, Step)> {
        let kind = prop_oneof![
            (0..4u8).prop_map(Step::Nominate),
            (0..4u8).prop_map(Step::PayFee),
            (0..4u8).prop_map(Step::Register),
            Just(Step::Directive),
            (1..6u8).prop_map(Step::Rescind),
            (0..4u8).prop_map(Step::AnnulRegistration),
            (1..6u8).prop_map(Step::Complaint),
            (1..4u8).prop_map(Step::Decide),
        ];
        (1..28u8, kind)
    }

    fn line(day: u8, step: &Step, n: usize) -> Value {
        let date = format!("2026-01-{day:02}");
        let command = match step {
            Step::Nominate(c) => json!({"type": "nominate_candidate", "id": format!("C{c}"),
                "person": format!("p{c}"), "name": format!("Candidate {c}"),
                "gender": if c % 2 == 0 { "M" } else { "F" }, "election": "E",
                "constituency": 1, "nominated_by": {"by": "self"}}),
            Step::PayFee(c) => json!({"type": "pay_fee", "candidate": format!("C{c}"),
                "amount": 30000000, "reference": "r"}),
            Step::Register(c) => {
                json!({"type": "register_candidate", "candidate": format!("C{c}")})
            }
            Step::Directive => {
                return cec_resolution(
                    &date,
                    "a directive",
                    json!([{"effect": "directive", "text": "x"}]),
                );
            }
            Step::Rescind(r) => {
                return cec_resolution(
                    &date,
                    "a rescission",
                    json!([{"effect": "rescind",
                            "resolution": {"commission": "CEC", "number": r, "year": 2026}}]),
                );
            }
            Step::AnnulRegistration(c) => {
                return cec_resolution(
                    &date,
                    "an annulment",
                    json!([{"effect": "annul_registration",
                            "candidates": [format!("C{c}")]}]),
                );
            }
            Step::Complaint(r) => json!({"type": "file_complaint", "id": format!("K{n}"),
                "kind": "complaint", "addressed_to": "CEC", "filed_by": ["a voter"],
                "subject": "a decision",
                "concerns": {"commission": "CEC", "number": r, "year": 2026}}),
            Step::Decide(k) => json!({"type": "decide_complaint",
                "complaint": format!("K{k}"), "decision": "rejected", "text": "no grounds"}),
        };
        secretary_line(&date, command)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn the_state_as_of_every_date_can_be_computed(steps in prop::collection::vec(step(), 1..30)) {
            let mut story = Story::default();
            // The CEC of one member, constituency 1 with a station, election E.
            for setup in Story::lines("gap-recognised-with-open-complaint.jsonl").into_iter().take(4) {
                story.submit(setup).unwrap();
            }
            for (n, (day, step)) in steps.iter().enumerate() {
                let _ = story.submit(line(*day, step, n));
            }
            for day in 1..=28u8 {
                let date: LegalDate = format!("2026-01-{day:02}").parse().unwrap();
                let replayed = State::as_of(story.acts.iter().map(|(s, a)| (*s, a)), date);
                prop_assert!(replayed.is_ok(), "as of {date}: {:?}", replayed.as_ref().err());
                // And its views can be computed.
                let state = replayed.unwrap();
                if state.elections.contains_key(&e()) {
                    prop_assert!(national_view(&state, &e()).is_some());
                    prop_assert!(constituency_view(&state, &e(), ConstituencyNo(1)).is_some());
                }
            }
        }
    }
}

// ---- D: lots ----

fn lot_story() -> Story {
    let mut story = Story::from_file("gap-lot-without-seed.jsonl");
    story
        .submit(secretary_line(
            "2026-03-05",
            json!({"type": "hold_meeting", "id": "M-1", "commission": "CEC", "present": ["a"],
                   "agenda": ["the lot in constituency 1"]}),
        ))
        .unwrap();
    story
}

fn draw_lot(meeting: Option<&str>, seed: &str) -> Value {
    resolution_in(
        "2026-03-05",
        "the lot",
        json!([{"effect": "draw_lot", "election": "E", "constituency": 1, "seed": seed,
                "drawn_by": "a"}]),
        meeting,
    )
}

#[test]
fn a_lot_drawn_in_a_meeting_breaks_the_tie_reproducibly() {
    let mut story = lot_story();
    // Until the lot is drawn the count waits for it: the election has not failed.
    assert_eq!(story.contest().status, ContestState::AwaitingLot);
    story.submit(draw_lot(Some("M-1"), "ball 7")).unwrap();
    let view = story.contest();
    assert_eq!(view.status, ContestState::ResultsBeingDetermined);
    // F1 and F2 tie at 200 for the third seat: the lower lot number wins.
    let lot = |id: &str| tandoo_count::tie::lot_number("ball 7", id);
    let winner = if lot("F1") < lot("F2") { "F1" } else { "F2" };
    assert_eq!(view.allocated, ids(&["M1", "M2", winner]));
    let lot_view = view.lot.unwrap();
    assert_eq!(
        (lot_view.seed.as_str(), lot_view.drawn_by.as_str()),
        ("ball 7", "a")
    );
    // Replaying the record gives the same draw.
    let replayed = contest_of(&story.as_of("2026-12-31"));
    assert_eq!(replayed.allocated, view.allocated);
    // And the winner can be recognised.
    story
        .submit(recognise("2026-03-06", &["M1", "M2", winner]))
        .unwrap();
    assert_eq!(story.contest().seat_standing, Some(SeatStanding::Elected));
}

#[test]
fn a_lot_not_drawn_in_a_meeting_is_refused() {
    let mut story = lot_story();
    let refusal = story.refused(draw_lot(None, "ball 7"));
    assert_eq!(refusal.code(), "LOT_NOT_DRAWN_IN_MEETING");
    let refusal = story.refused(draw_lot(Some("M-1"), "  "));
    assert_eq!(refusal.code(), "BAD_LOT_SEED");
}

// ---- E: open complaints ----

#[test]
fn recognition_is_refused_while_a_complaint_to_the_cec_is_open() {
    let mut lines = Story::lines("gap-recognised-with-open-complaint.jsonl");
    let recognition = lines.pop().unwrap();
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let refusal = story.refused(recognition.clone());
    assert_eq!(refusal.code(), "OPEN_COMPLAINTS");
    assert_eq!(
        refusal,
        Refusal::OpenComplaints {
            constituency: ConstituencyNo(1),
            complaints: vec![ComplaintId::new("C-1")],
        }
    );
    story
        .submit(secretary_line(
            "2026-03-04",
            json!({"type": "decide_complaint", "complaint": "C-1", "decision": "rejected",
                   "text": "no grounds"}),
        ))
        .unwrap();
    story.submit(recognition).unwrap();
    assert_eq!(story.contest().status, ContestState::Elected);
}

// ---- 2: leading, allocated, elected ----

#[test]
fn provisional_results_are_leading_then_allocated_and_elected_only_once_recognised() {
    let mut lines = Story::lines("bug-vacancy-former-deputy-returns.jsonl");
    lines.truncate(21);
    let mut story = Story::default();
    for line in lines {
        story.submit(line.clone()).unwrap();
        if line["command"]["type"] == "define_station" {
            story
                .submit(json!({"date": "2026-01-01",
                    "actor": {"user": "admin", "role": "administrator", "commission": "CEC"},
                    "command": {"type": "define_station", "number": 102, "name": "T",
                                "constituency": 1, "voters": 100}}))
                .unwrap();
        }
    }
    let leading = story.contest();
    assert_eq!(leading.seat_standing, Some(SeatStanding::Leading));
    assert_eq!(leading.leading, ids(&["M1", "M2", "F1"]));
    assert!(leading.elected.is_empty() && leading.allocated.is_empty());
    assert!(leading.candidates.iter().all(|c| !c.elected));
    let national = national_view(&story.state, &e()).unwrap();
    assert_eq!(
        (national.seat_count.elected, national.seat_count.leading),
        (0, 3)
    );
    assert_eq!(national.gender_check.unwrap().basis, SeatStanding::Leading);

    let mut station_102 = both_entries(
        "2026-03-02",
        json!({"M1": 0, "M2": 0, "F1": 0, "M3": 0, "F2": 0}),
        None,
    );
    for entry in &mut station_102 {
        entry["command"]["station"] = json!(102);
        entry["command"]["figures"]["lines"] = json!({"L1": 100, "L2": 0, "L3": 0, "L4": 0,
            "L5": 0, "L6": 0, "L7": 0, "L8": 0, "L9": 0, "L10": 0});
        entry["command"]["acknowledged"] = json!(["W02"]);
    }
    for entry in station_102 {
        story.submit(entry).unwrap();
    }
    let allocated = story.contest();
    assert_eq!(allocated.seat_standing, Some(SeatStanding::Allocated));
    assert_eq!(allocated.allocated, ids(&["M1", "M2", "F1"]));
    assert!(allocated.elected.is_empty());

    story
        .submit(recognise("2026-03-10", &["M1", "M2", "F1"]))
        .unwrap();
    let elected = story.contest();
    assert_eq!(elected.elected, ids(&["M1", "M2", "F1"]));
    assert!(elected.allocated.is_empty() && elected.leading.is_empty());
    let view = constituency_view(&story.state, &e(), ConstituencyNo(1)).unwrap();
    assert_eq!(view.seat_standing, Some(SeatStanding::Elected));
    let national = national_view(&story.state, &e()).unwrap();
    assert_eq!(national.seat_count.elected, 3);
    assert_eq!(national.gender_check.unwrap().basis, SeatStanding::Elected);
}

// ---- 3: corrections after recognition ----

fn recognised_story() -> Story {
    let mut lines = Story::lines("bug-vacancy-former-deputy-returns.jsonl");
    lines.truncate(22);
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    story
}

fn reversing_correction() -> [Value; 2] {
    both_entries(
        "2026-03-12",
        json!({"M1": 400, "M2": 100, "F1": 200, "M3": 350, "F2": 50}),
        Some("the recount found M2's and M3's figures swapped"),
    )
}

#[test]
fn a_protocol_correction_after_recognition_is_refused_without_an_ordered_recount() {
    let mut story = recognised_story();
    let [first, _] = reversing_correction();
    let refusal = story.refused(first);
    assert_eq!(refusal.code(), "RESULT_RECOGNISED");
    assert!(story.contest().count_differs.is_none());
}

#[test]
fn a_recount_ordered_by_resolution_allows_the_correction_and_every_view_flags_the_difference() {
    let mut story = recognised_story();
    story
        .submit(cec_resolution(
            "2026-03-11",
            "recount of station 101",
            json!([{"effect": "order_recount", "election": "E", "station": 101,
                    "constituency": 1}]),
        ))
        .unwrap();
    for entry in reversing_correction() {
        story.submit(entry).unwrap();
    }
    let view = story.contest();
    assert_eq!(
        view.elected,
        ids(&["M1", "M2", "F1"]),
        "the recognition stands"
    );
    let differs = view.count_differs.expect("the views say the count differs");
    assert_eq!(differs.counted, ids(&["M1", "M3", "F1"]));
    let constituency = constituency_view(&story.state, &e(), ConstituencyNo(1)).unwrap();
    assert!(constituency.count_differs);
    let national = national_view(&story.state, &e()).unwrap();
    assert!(national.constituencies[0].count_differs);
}

// ---- 4: no allocation without a count ----

#[test]
fn a_contest_with_no_counted_protocol_has_no_allocation() {
    let mut lines = Story::lines("bug-tie-by-registration-date.jsonl");
    lines.truncate(20);
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let view = story.contest();
    assert!(view.allocation.is_none());
    assert!(view.seat_holders().is_empty());
    let refusal = story.refused(recognise("2026-03-05", &["M1", "M2", "F1"]));
    assert_eq!(refusal.code(), "COUNT_ELECTS_NOBODY");
}

#[test]
fn a_cancelled_election_has_no_allocation() {
    let mut story = Story::from_file("bug-tie-by-registration-date.jsonl");
    story
        .submit(cec_resolution(
            "2026-03-03",
            "cancel",
            json!([{"effect": "cancel_election", "election": "E"}]),
        ))
        .unwrap();
    let view = story.contest();
    assert_eq!(view.status, ContestState::Cancelled);
    assert!(view.allocation.is_none());
    assert!(view.seat_holders().is_empty());
}

// ---- 5: the steps that changed the plain order ----

#[test]
fn the_status_marks_the_steps_that_changed_the_plain_order() {
    let view = Story::from_file("bug-tie-by-registration-date.jsonl").contest();
    let marks = |id: &str| {
        view.candidates
            .iter()
            .find(|c| c.id.as_str() == id)
            .unwrap()
            .marks
            .clone()
    };
    assert_eq!(marks("M3"), [SeatMark::PassedOverByGenderCap]);
    assert!(marks("F2").contains(&SeatMark::SeatByGenderCap));
    assert!(marks("F2").contains(&SeatMark::WonTie));
    assert_eq!(marks("F1"), [SeatMark::LostTie]);
}

// ---- 9: deadlines ----

#[test]
fn a_recognition_after_the_results_were_due_is_recorded_with_a_warning() {
    let mut lines = Story::lines("gap-recognised-with-open-complaint.jsonl");
    lines.retain(|l| l["command"]["type"] != "file_complaint");
    let mut recognition = lines.pop().unwrap();
    recognition["date"] = json!("2026-03-25");
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let calendar = story.contest().calendar;
    assert_eq!(calendar.results_by.to_string(), "2026-03-21");
    assert_eq!(calendar.complaint_days, 3);
    story.submit(recognition).unwrap();
    let view = story.contest();
    assert_eq!(view.status, ContestState::Elected, "recorded all the same");
    assert_eq!(view.late.len(), 1);
    assert_eq!(view.late[0].kind, LateKind::Results);
    assert_eq!(view.late[0].due.to_string(), "2026-03-21");
}

#[test]
fn a_complaint_filed_after_three_days_is_recorded_with_a_warning() {
    let mut story = recognised_story();
    story
        .submit(secretary_line(
            "2026-03-14",
            json!({"type": "file_complaint", "id": "C-9", "kind": "complaint",
                   "addressed_to": "CEC", "filed_by": ["a voter"], "subject": "the result",
                   "concerns": {"commission": "CEC", "number": 1, "year": 2026}}),
        ))
        .unwrap();
    let late = story.contest().late;
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].kind, LateKind::Complaint);
    assert_eq!(late[0].due.to_string(), "2026-03-13");
}

#[test]
fn an_early_election_has_its_deadlines_shortened_by_one_third() {
    let mut lines = Story::lines("bug-tie-by-registration-date.jsonl");
    lines[3]["command"]["kind"] = json!("early");
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let calendar = story.contest().calendar;
    assert_eq!(calendar.results_by.to_string(), "2026-03-14", "13 days");
    assert_eq!(calendar.complaint_days, 2);
}

// ---- 10: turnout ----

#[test]
fn turnout_says_which_lines_it_sums_and_shows_both_where_they_differ() {
    let view = Story::from_file("bug-tie-by-registration-date.jsonl").contest();
    assert_eq!(view.turnout_lines, ["L7", "L8"]);
    assert_eq!(view.turnout_voters, 1100);
    assert_eq!(
        (view.turnout.voted, view.turnout.voters),
        (1100, view.voters_on_lists)
    );
    assert_eq!(view.voters_on_lists, 2000, "55.00%");
    let issued = view.turnout_by_took_part.expect("ballots issued differ");
    assert_eq!(issued.lines, ["L3", "L4"]);
    assert_eq!(issued.voters, 1110, "55.50%");
}

// ---- 11: recognising where the count failed ----

#[test]
fn recognising_where_the_count_failed_is_refused_with_the_count_s_reason() {
    let mut story = Story::from_file("gap-lot-without-seed.jsonl");
    let refusal = story.refused(recognise("2026-03-05", &["M1", "M2", "F1"]));
    assert_eq!(refusal.code(), "COUNT_ELECTS_NOBODY");
    assert!(
        matches!(
            refusal,
            Refusal::CountElectsNobody {
                why: AllocationError::Count(tandoo_count::CountError::MissingSeed),
                ..
            }
        ),
        "{refusal}"
    );
}

#[test]
fn recognising_where_against_all_wins_names_the_reason_not_an_empty_list() {
    let mut lines = Story::lines("bug-tie-by-registration-date.jsonl");
    for line in lines
        .iter_mut()
        .filter(|l| l["command"]["type"] == "enter_protocol")
    {
        line["command"]["figures"]["candidates"] =
            json!({"M1": 300, "M2": 100, "M3": 50, "F1": 25, "F2": 25});
        line["command"]["figures"]["against_all"] = json!(600);
    }
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let view = story.contest();
    assert_eq!(view.status, ContestState::Failed);
    assert_eq!(view.candidates[0].marks, [SeatMark::LostToAgainstAll]);
    let refusal = story.refused(recognise("2026-03-05", &["M1", "M2", "F1"]));
    assert_eq!(refusal.code(), "COUNT_ELECTS_NOBODY");
    assert!(
        matches!(
            refusal,
            Refusal::CountElectsNobody {
                why: AllocationError::Failed(Some(tandoo_count::FailReason::AgainstAllWins { .. })),
                ..
            }
        ),
        "{refusal}"
    );
}

#[test]
fn a_registration_dated_before_the_fee_was_paid_in_full_is_refused() {
    let mut lines = Story::lines("bug-tie-by-registration-date.jsonl");
    lines.truncate(6);
    lines[5]["date"] = json!("2026-01-20");
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let refusal = story.refused(secretary_line(
        "2026-01-10",
        json!({"type": "register_candidate", "candidate": "M1"}),
    ));
    assert!(
        matches!(
            refusal,
            Refusal::RefersToLater {
                what: tandoo_core::state::Referent::FeePayment,
                ..
            }
        ),
        "{refusal}"
    );
}

#[test]
fn a_recognition_dated_before_the_protocols_it_recognises_is_refused() {
    let mut lines = Story::lines("gap-recognised-with-open-complaint.jsonl");
    lines.retain(|l| l["command"]["type"] != "file_complaint");
    let mut recognition = lines.pop().unwrap();
    recognition["date"] = json!("2026-03-01");
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let refusal = story.refused(recognition);
    assert!(
        matches!(
            refusal,
            Refusal::RefersToLater {
                what: tandoo_core::state::Referent::Protocol,
                ..
            }
        ),
        "{refusal}"
    );
}

#[test]
fn a_complaint_answered_by_a_resolution_that_considered_it_no_longer_holds_recognition_back() {
    let mut lines = Story::lines("gap-recognised-with-open-complaint.jsonl");
    let recognition = lines.pop().unwrap();
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let mut answer = cec_resolution(
        "2026-03-04",
        "on the complaint about station 101",
        json!([{"effect": "directive", "text": "no grounds found"}]),
    );
    answer["command"]["considers"] = json!(["C-1"]);
    story.submit(answer).unwrap();
    story.submit(recognition).unwrap();
    assert_eq!(story.contest().status, ContestState::Elected);
}

#[test]
fn a_correction_begun_before_recognition_cannot_be_completed_after_it() {
    let mut lines = Story::lines("bug-vacancy-former-deputy-returns.jsonl");
    let recognition = lines[21].clone();
    lines.truncate(21);
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let [first, second] = reversing_correction();
    let mut first = first;
    first["date"] = json!("2026-03-09");
    story.submit(first).unwrap();
    story.submit(recognition).unwrap();
    let refusal = story.refused(second);
    assert_eq!(refusal.code(), "RESULT_RECOGNISED");
}

#[test]
fn a_successor_may_be_recognised_alone_and_the_record_names_every_deputy() {
    let mut lines = Story::lines("bug-vacancy-former-deputy-returns.jsonl");
    lines[23]["command"]["effects"][0]["candidates"] = json!(["M3"]);
    let mut story = Story::default();
    for line in lines {
        story.submit(line).unwrap();
    }
    let mut successor = Story::lines("bug-vacancy-then-recognise-by-rule.jsonl")[0].clone();
    successor["command"]["effects"][0]["candidates"] = json!(["F2"]);
    story.submit(successor).unwrap();
    let Some((_, Act::ResolutionVoted(voted))) = story.acts.last() else {
        panic!("a resolution was recorded");
    };
    let tandoo_core::resolution::Effect::RecogniseElected { candidates, .. } = &voted.effects[0]
    else {
        panic!("the recognition was recorded");
    };
    let mut recorded = candidates.clone();
    recorded.sort();
    assert_eq!(recorded, ids(&["F1", "F2", "M2"]));
    assert_eq!(story.contest().elected.len(), 3);
    // A newcomer who is not the successor is still refused.
    let mut wrong = Story::lines("bug-vacancy-then-recognise-by-rule.jsonl")[0].clone();
    wrong["command"]["effects"][0]["candidates"] = json!(["M1"]);
    assert_eq!(story.refused(wrong).code(), "ELECTED_NOT_ALLOCATED");
}

//! The acceptance scenario of constituency 13, step by step: after each step the state must be
//! what the scenario says.

use tandoo_core::act::Act;
use tandoo_core::candidate::CandidateName;
use tandoo_core::command::VoteResolution;
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::national::{constituency_view, national_view};
use tandoo_core::results::{ContestState, SeatStanding};
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_demo::story::{self, Step};

struct Replay {
    state: State,
    acts: Vec<(Stamp, Act)>,
}

/// A submission through the ledger's one path (decide, encode, apply), without a store.
fn submit(
    state: &mut State,
    submission: &tandoo_core::Submission,
) -> Result<Vec<(Stamp, Act)>, tandoo_ledger::Unstaged> {
    tandoo_ledger::stage(state, submission).map(|staged| staged.acts)
}

fn replay(steps: &[Step]) -> Replay {
    let mut replay = Replay {
        state: State::new(),
        acts: Vec::new(),
    };
    for step in steps {
        for submission in &step.submissions {
            let acts = submit(&mut replay.state, submission).unwrap_or_else(|refusal| {
                panic!(
                    "{}: {:?} refused: {refusal}",
                    step.title, submission.command
                )
            });
            replay.acts.extend(acts);
        }
    }
    replay
}

fn through(step: usize) -> Replay {
    let steps = story::story();
    replay(&steps[..=step])
}

fn e1() -> ElectionId {
    ElectionId::new("E1")
}

/// The Latin forms of the names of those holding or heading for the seats of 13, whatever
/// their standing.
fn seats_13(state: &State) -> Vec<String> {
    let view = constituency_view(state, &e1(), ConstituencyNo(13)).unwrap();
    latin(&[view.elected, view.allocated, view.leading].concat())
}

fn latin(names: &[CandidateName]) -> Vec<String> {
    names
        .iter()
        .map(|n| {
            n.latin_name
                .clone()
                .expect("the story gives every Latin form")
        })
        .collect()
}

#[test]
fn voting_day_elects_sydykov_altynbekov_karabekova() {
    let replay = through(1);
    let view = constituency_view(&replay.state, &e1(), ConstituencyNo(13)).unwrap();
    // Counted, not recognised: allocated, and nobody is called elected yet.
    assert_eq!(
        latin(&view.allocated),
        ["Baktybek Sydykov", "Aibek Altynbekov", "Aigul Karabekova"]
    );
    assert!(view.elected.is_empty());
    assert_eq!(view.seat_standing, Some(SeatStanding::Allocated));
    assert_eq!(view.status, ContestState::ResultsBeingDetermined);
    assert_eq!(view.contest.took_part, 76_721);
    assert_eq!(view.contest.voters_on_lists, 160_344);
    assert_eq!(view.contest.stations_counted, 94);
    let votes = |name: &str| {
        view.contest
            .candidates
            .iter()
            .find(|c| c.latin_name.as_deref() == Some(name))
            .unwrap()
            .votes
    };
    assert_eq!(votes("Baktybek Sydykov"), 17_397);
    assert_eq!(votes("Aibek Altynbekov"), 13_477);
    assert_eq!(votes("Talant Mamytov"), 9_412);
    assert_eq!(votes("Aigul Karabekova"), 8_839);
    let national = national_view(&replay.state, &e1()).unwrap();
    assert_eq!((national.seat_count.total(), national.women), (90, 30));
    // Nationally, too: 90 seats allocated, none recognised, and the check says so.
    assert_eq!(
        (national.seat_count.elected, national.seat_count.allocated),
        (0, 90)
    );
    assert_eq!(
        national.gender_check.map(|c| c.basis),
        Some(SeatStanding::Allocated)
    );
}

#[test]
fn incidents_are_recorded_against_35_stations_with_their_source() {
    let replay = through(2);
    let incidents: Vec<_> = replay.state.incidents.values().map(|(_, i)| i).collect();
    assert_eq!(incidents.len(), 35);
    assert!(
        incidents
            .iter()
            .all(|i| i.constituency == ConstituencyNo(13) && !i.source.is_empty())
    );
    let stations: std::collections::BTreeSet<_> = incidents.iter().map(|i| i.station).collect();
    assert_eq!(stations.len(), 35);
    assert_eq!(
        seats_13(&replay.state).len(),
        3,
        "an incident alone changes no result"
    );
}

#[test]
fn resolution_161_leaves_nobody_elected_in_13_and_87_deputies_nationally() {
    let replay = through(3);
    let view = constituency_view(&replay.state, &e1(), ConstituencyNo(13)).unwrap();
    assert!(view.elected.is_empty());
    assert_eq!(view.status, ContestState::Invalid);
    assert_eq!(
        view.contest.status_by.as_ref().map(ToString::to_string),
        Some("resolution CEC 161/2025 of 2025-12-03".into())
    );
    assert!(
        view.contest
            .candidates
            .iter()
            .all(|c| c.registration_annulled_by.is_some() && c.barred_by.is_some())
    );
    let national = national_view(&replay.state, &e1()).unwrap();
    assert_eq!((national.seat_count.total(), national.women), (87, 29));
    assert!(!national.gender_check_passed);
}

#[test]
fn replacing_precinct_chairs_changes_no_result() {
    let before = through(3);
    let after = through(4);
    assert_eq!(
        after.state.resolutions.len(),
        before.state.resolutions.len() + 1
    );
    assert_eq!(
        national_view(&after.state, &e1())
            .unwrap()
            .seat_count
            .total(),
        87
    );
}

#[test]
fn a_barred_candidate_cannot_be_nominated_for_the_repeat_election() {
    let steps = story::story();
    let mut replay = replay(&steps[..=5]);
    let election = replay.state.elections.get(&ElectionId::new("E2")).unwrap();
    assert_eq!(election.call.voting_day.to_string(), "2026-03-01");
    let registered = replay
        .state
        .candidates
        .values()
        .filter(|c| c.nomination.election.as_str() == "E2")
        .count();
    assert_eq!(registered, 23);
    let attempt = &steps[5].refused[0];
    let seq = replay.state.seq;
    let refusal = submit(&mut replay.state, attempt).unwrap_err();
    assert_eq!(refusal.code(), "CANDIDATE_BARRED");
    let tandoo_ledger::Unstaged::Refused(refusal) = refusal else {
        panic!("{refusal} is a defect, not a refusal");
    };
    assert_eq!(
        tandoo_present::refusal(&refusal, tandoo_present::Language::En),
        "Baktybek Sydykov is barred from the repeat election in constituency 13 by resolution CEC 161/2025"
    );
    assert_eq!(replay.state.seq, seq, "a refusal records nothing");
    // The seats of 13 now wait for the repeat election.
    let view = constituency_view(&replay.state, &e1(), ConstituencyNo(13)).unwrap();
    assert_eq!(view.election.as_str(), "E2");
    assert!(view.elected.is_empty());
}

#[test]
fn the_statement_request_and_answer_are_kept_together() {
    let replay = through(6);
    let statement = tandoo_core::ids::ComplaintId::new(story::STATEMENT);
    let (_, complaint) = &replay.state.complaints[&statement];
    assert_eq!(complaint.filed_by.len(), 3);
    let (_, request) = replay
        .state
        .requests
        .values()
        .find(|(_, r)| r.about == statement)
        .unwrap();
    assert_eq!(request.to, "Ministry of Internal Affairs");
    assert_eq!(replay.state.answers[&request.id].len(), 1);
}

#[test]
fn the_review_of_161_elects_altynbekov_mamytov_karabekova_and_restores_90_deputies() {
    let replay = through(7);
    let view = constituency_view(&replay.state, &e1(), ConstituencyNo(13)).unwrap();
    assert_eq!(view.election.as_str(), "E1");
    assert_eq!(view.status, ContestState::Elected);
    let mut elected = latin(&view.elected);
    elected.sort();
    assert_eq!(
        elected,
        ["Aibek Altynbekov", "Aigul Karabekova", "Talant Mamytov"]
    );
    let candidate = |name: &str| {
        view.contest
            .candidates
            .iter()
            .find(|c| c.latin_name.as_deref() == Some(name))
            .unwrap()
    };
    let sydykov = candidate("Baktybek Sydykov");
    assert!(sydykov.votes_annulled_by.is_some());
    assert!(
        sydykov.registration_annulled_by.is_none(),
        "his registration stands again"
    );
    assert!(
        view.contest
            .candidates
            .iter()
            .all(|c| c.registration_annulled_by.is_none() && c.barred_by.is_none())
    );
    let allocation = view.contest.allocation.as_ref().unwrap();
    let ids = |names: &[&str]| {
        names
            .iter()
            .map(|n| candidate(n).id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        allocation.elected,
        ids(&["Aibek Altynbekov", "Talant Mamytov", "Aigul Karabekova"])
    );
    let resolution = replay.state.resolutions.values().last().unwrap();
    assert_eq!(
        (
            resolution.voted.tally.votes_for,
            resolution.voted.tally.against
        ),
        (9, 2)
    );
    assert!(resolution.voted.adopted);
    let e2 = constituency_view(&replay.state, &e1(), ConstituencyNo(13))
        .unwrap()
        .elections;
    assert_eq!(e2.last().unwrap().status, ContestState::Cancelled);
    let national = national_view(&replay.state, &e1()).unwrap();
    assert_eq!((national.seat_count.total(), national.women), (90, 30));
    assert!(national.gender_check_passed);
    // Only 13's deputies are recognised; the other 87 seats are allocated, and the national
    // check says it is computed on allocated seats, not on the elected.
    assert_eq!(
        (national.seat_count.elected, national.seat_count.allocated),
        (3, 87)
    );
    assert_eq!(
        national.gender_check.map(|c| c.basis),
        Some(SeatStanding::Allocated)
    );
    // Both resolutions stay in the record.
    let both = view
        .resolutions
        .iter()
        .filter_map(|r| r.citation.resolution.as_ref())
        .filter(|number| {
            (number.number, number.year) == (161, 2025) || (number.number, number.year) == (1, 2026)
        })
        .count();
    assert_eq!(both, 2);
}

#[test]
fn the_fees_of_the_cancelled_repeat_election_are_refunded() {
    let replay = through(8);
    let e2: Vec<_> = replay
        .state
        .candidates
        .values()
        .filter(|c| c.nomination.election.as_str() == "E2")
        .collect();
    assert_eq!(e2.len(), 23);
    for candidate in e2 {
        let by = replay
            .state
            .first_in_force(&candidate.refunded_by)
            .expect("refunded");
        assert_eq!(
            replay.state.cited(by),
            "resolution CEC 2/2026 of 2026-02-16"
        );
    }
    let originals = replay
        .state
        .candidates
        .values()
        .filter(|c| c.nomination.election.as_str() == "E1");
    assert!(originals.into_iter().all(|c| c.refunded_by.is_empty()));
}

fn as_of(replay: &Replay, date: &str) -> State {
    let date: LegalDate = date.parse().unwrap();
    State::as_of(replay.acts.iter().map(|(stamp, act)| (*stamp, act)), date).unwrap()
}

#[test]
fn as_of_2025_12_01_shows_the_preliminary_allocation() {
    let replay = through(8);
    let state = as_of(&replay, "2025-12-01");
    assert_eq!(
        seats_13(&state),
        ["Baktybek Sydykov", "Aibek Altynbekov", "Aigul Karabekova"]
    );
}

#[test]
fn as_of_2026_01_01_shows_13_annulled_and_nobody_elected() {
    let replay = through(8);
    let state = as_of(&replay, "2026-01-01");
    let view = constituency_view(&state, &e1(), ConstituencyNo(13)).unwrap();
    assert!(view.elected.is_empty());
    assert_eq!(view.elections[0].status, ContestState::Invalid);
    assert_eq!(national_view(&state, &e1()).unwrap().seat_count.total(), 87);
}

#[test]
fn every_step_of_the_story_is_accepted_and_every_attempt_refused() {
    let steps = story::story();
    let mut replay = replay(&steps);
    for step in &steps {
        for attempt in &step.refused {
            assert!(
                submit(&mut replay.state, attempt).is_err(),
                "{}",
                step.title
            );
        }
    }
}

#[test]
fn a_vacated_mandate_passes_to_the_next_candidate_of_the_same_gender() {
    use tandoo_core::actor::{Actor, Role};
    use tandoo_core::command::{Command, Submission};
    use tandoo_core::ids::{CandidateId, CommissionId, MemberId};
    use tandoo_core::resolution::{Effect, MemberVote, Vote};
    let mut replay = through(8);
    let vote = |effects: Vec<Effect>| Submission {
        date: "2026-04-01".parse().unwrap(),
        actor: Actor::new("cec.secretary", Role::Secretary, "CEC"),
        command: Command::VoteResolution(VoteResolution {
            commission: CommissionId::new("CEC"),
            number: None,
            title: "On the early termination of a deputy's mandate".into(),
            meeting: None,
            considers: Vec::new(),
            votes: [
                "shainazarov",
                "mambetaipov",
                "koychukeev",
                "cec-04",
                "cec-05",
                "cec-06",
                "cec-07",
                "cec-08",
            ]
            .iter()
            .map(|m| MemberVote {
                member: MemberId::new(*m),
                vote: Vote::For,
            })
            .collect(),
            effects,
        }),
    };
    let karabekova = CandidateId::new("E1-13-13");
    submit(
        &mut replay.state,
        &vote(vec![Effect::EndMandate {
            election: e1(),
            constituency: ConstituencyNo(13),
            candidate: karabekova.clone(),
            reason: "resigned".into(),
        }]),
    )
    .unwrap();
    assert_eq!(
        seats_13(&replay.state),
        ["Aibek Altynbekov", "Talant Mamytov", "Chinara Dzhuraeva"]
    );
    // Registering the successor: only the seats the vacancy rule gives can be recognised.
    let recognise = |ids: [&str; 3]| {
        vote(vec![Effect::RecogniseElected {
            election: e1(),
            constituency: ConstituencyNo(13),
            candidates: ids.into_iter().map(CandidateId::new).collect(),
        }])
    };
    let wrong = submit(
        &mut replay.state.clone(),
        &recognise(["E1-13-03", "E1-13-02", "E1-13-06"]),
    )
    .unwrap_err();
    assert_eq!(wrong.code(), "ELECTED_NOT_ALLOCATED");
    submit(
        &mut replay.state,
        &recognise(["E1-13-03", "E1-13-02", "E1-13-04"]),
    )
    .unwrap();
    assert_eq!(
        seats_13(&replay.state),
        ["Aibek Altynbekov", "Talant Mamytov", "Chinara Dzhuraeva"]
    );
    let national = national_view(&replay.state, &e1()).unwrap();
    assert_eq!((national.seat_count.total(), national.women), (90, 30));
    // A man's seat goes to the next man: Sydykov's votes are annulled, so Nyshanov.
    submit(
        &mut replay.state,
        &vote(vec![Effect::EndMandate {
            election: e1(),
            constituency: ConstituencyNo(13),
            candidate: CandidateId::new("E1-13-02"),
            reason: "appointed to an incompatible office".into(),
        }]),
    )
    .unwrap();
    assert_eq!(
        seats_13(&replay.state),
        ["Aibek Altynbekov", "Saidulla Nyshanov", "Chinara Dzhuraeva"]
    );
    let again = submit(
        &mut replay.state.clone(),
        &vote(vec![Effect::EndMandate {
            election: e1(),
            constituency: ConstituencyNo(13),
            candidate: karabekova,
            reason: "resigned".into(),
        }]),
    );
    assert_eq!(
        again.unwrap_err().code(),
        "HOLDS_NO_SEAT",
        "she no longer holds a seat"
    );
}

//! The time to make the documents of constituency 13: each of its 94 precinct protocols
//! prepared and set as PDF, one after another, in three passes, with the median, the 99th
//! percentile and the slowest of the renderings, each pass's total, and the process's peak
//! memory; then the summary protocol and resolution 161.
//!
//! `cargo bench -p tandoo-documents --bench print` (figures in docs/performance.md).

use std::time::{Duration, Instant};

use tandoo_core::State;
use tandoo_core::ids::ConstituencyNo;
use tandoo_documents::{Kind, Reflects, Request, Subject, prepare, render};
use tandoo_present::Language;

fn story() -> State {
    let mut state = State::new();
    for step in tandoo_demo::story() {
        for submission in &step.submissions {
            tandoo_ledger::stage(&mut state, submission).expect("the story is accepted");
        }
    }
    state
}

fn request(kind: Kind, ids: &[String], language: Language) -> Request {
    Request {
        kind,
        subject: Subject::parse(kind, ids).expect("a subject of the story"),
        language,
        as_of: None,
        election: None,
    }
}

fn print(state: &State, request: &Request) -> (Duration, usize) {
    let started = Instant::now();
    let content = prepare(state, request).expect("the document can be made");
    let reflects = Reflects {
        seq: state.seq,
        hash: "5e".repeat(32),
    };
    let pdf = render(&content, &reflects).expect("the document can be set");
    (started.elapsed(), pdf.len())
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[((sorted.len() * p).div_ceil(100)).saturating_sub(1)]
}

/// The peak resident memory of this process, from Linux's /proc.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn main() {
    let state = story();
    let stations: Vec<String> = state.rolls[&ConstituencyNo(13)]
        .station_ids
        .iter()
        .map(ToString::to_string)
        .collect();
    // The first document sets up the fonts and the standard library once.
    let (first, _) = print(
        &state,
        &request(
            Kind::Protocol,
            &["13".into(), stations[0].clone()],
            Language::Ky,
        ),
    );
    println!("first document (fonts and library loaded): {first:.1?}");
    for (pass, language) in [Language::Ky, Language::Ru, Language::En]
        .into_iter()
        .enumerate()
    {
        let started = Instant::now();
        let mut times = Vec::new();
        let mut bytes = 0;
        for station in &stations {
            let (time, size) = print(
                &state,
                &request(Kind::Protocol, &["13".into(), station.clone()], language),
            );
            times.push(time);
            bytes += size;
        }
        let total = started.elapsed();
        times.sort();
        println!(
            "pass {} ({language}): {} precinct protocols in {total:.2?}; median {:.1?}, p99 {:.1?}, slowest {:.1?}; {} KiB of PDF",
            pass + 1,
            times.len(),
            percentile(&times, 50),
            percentile(&times, 99),
            times[times.len() - 1],
            bytes / 1024,
        );
    }
    for (kind, ids) in [
        (Kind::Summary, vec!["13".to_string()]),
        (Kind::Resolution, vec!["CEC-161-2025".to_string()]),
    ] {
        let mut times: Vec<Duration> = (0..10)
            .map(|_| print(&state, &request(kind, &ids, Language::Ru)).0)
            .collect();
        times.sort();
        println!(
            "{} ×10: median {:.1?}, slowest {:.1?}",
            kind.name(),
            percentile(&times, 50),
            times[9]
        );
    }
    println!("peak memory: {}", peak_memory());
}

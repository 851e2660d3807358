//! Writes the demo story's publication to a directory, to look at the pages in a browser:
//! `cargo run -p tandoo-portal --example write_demo -- OUT [AS_OF]`.

use std::time::Instant;

use tandoo_core::{LegalDate, State};
use tandoo_portal::{Edition, publish};
use tandoo_present::Language;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("an output directory"));
    let as_of: Option<LegalDate> = args.next().map(|d| d.parse().expect("a YYYY-MM-DD date"));
    let started = Instant::now();
    let mut state = State::new();
    let mut acts = Vec::new();
    for step in tandoo_demo::story() {
        for submission in &step.submissions {
            let staged = tandoo_ledger::stage(&mut state, submission).expect("the story stands");
            acts.extend(staged.acts);
        }
    }
    let mut dates: Vec<LegalDate> = acts.iter().map(|(stamp, _)| stamp.date).collect();
    dates.sort();
    dates.dedup();
    if let Some(date) = as_of {
        state = State::as_of(acts.iter().map(|(s, a)| (*s, a)), date).expect("the story replays");
    }
    eprintln!("story folded in {:?}", started.elapsed());
    let edition = Edition {
        head_seq: state.seq,
        head_hash: "5e".repeat(32),
        published_at: "2026-03-01T18:04:05Z".into(),
        as_of,
        dates,
        default_language: Language::Ky,
        commission_key: None,
    };
    let started = Instant::now();
    let publication = publish(&state, &edition);
    eprintln!(
        "{} files published in {:?}",
        publication.len(),
        started.elapsed()
    );
    for (file, asset) in publication.files() {
        let path = out.join(file);
        std::fs::create_dir_all(path.parent().expect("a file has a directory")).expect("writable");
        std::fs::write(path, &asset.bytes).expect("writable");
    }
}

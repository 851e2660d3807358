//! Commands as `tandoo apply` and `POST /api/commands` read them: JSON, one submission a
//! line (JSON Lines), staged one after another on the story's set-up; on the whole story
//! when the first line is `#story` (ten times slower to copy, so kept for the inputs that
//! ask for it), on an empty record when it is `#empty`. Bad JSON and refused commands are
//! answers; a panic or a defect is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandoo_core::Submission;

fuzz_target!(|data: &[u8]| {
    let mut lines = data.split(|b| *b == b'\n').peekable();
    let mut state = match lines.peek() {
        Some(&b"#story") => tandoo_fuzz::STORY.clone(),
        Some(&b"#empty") => tandoo_core::State::new(),
        _ => tandoo_fuzz::SET_UP.clone(),
    };
    for line in lines.take(32) {
        if let Ok(submission) = serde_json::from_slice::<Submission>(line) {
            tandoo_fuzz::stage(&mut state, &submission);
        }
    }
});

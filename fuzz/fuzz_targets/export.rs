//! An export file, as `tandoo verify --export` and `tandoo status --export` read it from
//! anyone: one entry a line. Each line's hashes are first made right (as a forger who
//! controls the file can), so that what is tested is the ledger's reading and applying of
//! whatever acts such a file holds, not only its hash check: a refusal or a broken chain
//! is an answer, a panic is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandoo_ledger::Replayed;
use tandoo_record::{Entry, RawEntry};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut replayed = Replayed::default();
    for line in text.lines().take(64) {
        let Ok(mut entry) = serde_json::from_str::<Entry>(line) else {
            return;
        };
        entry.seq = replayed.head.seq + 1;
        entry.prev_hash = replayed.head.hash;
        let Ok(hash) = entry.compute_hash() else {
            return;
        };
        entry.hash = hash;
        let Ok(raw) = RawEntry::from_entry(&entry) else {
            return;
        };
        if replayed.follow([&raw], |_, _| {}).is_err() {
            return;
        }
    }
});

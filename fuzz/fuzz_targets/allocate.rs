//! `tandoo allocate`'s input: any JSON request is counted or refused with a reason, never
//! a panic, and the same request gives the same answer twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(request) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let first = tandoo_count::json::allocate_json(&request);
    let again = tandoo_count::json::allocate_json(&request);
    match (first, again) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the count is a function of its request"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        (a, b) => panic!("one request, two outcomes: {a:?} and {b:?}"),
    }
});

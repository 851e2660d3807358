//! The canonical JSON every act is hashed in: whatever value it writes reads back as the
//! same value, and writing that again gives the same text, byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use tandoo_record::canonical::{check, to_canonical_string};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let Ok(text) = to_canonical_string(&value) else {
        assert!(
            check(&value).is_err(),
            "refused to write but passes the check"
        );
        return;
    };
    let back: Value = serde_json::from_str(&text).expect("canonical text is JSON");
    assert_eq!(
        back, value,
        "the canonical text means the value it was written from"
    );
    let again = to_canonical_string(&back).expect("a canonical value writes again");
    assert_eq!(again, text, "canonical text is a fixed point");
});

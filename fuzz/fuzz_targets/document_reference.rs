//! A printed document's reference, as `tandoo check-document` reads it from whatever a
//! phone decoded from the QR code or a person typed: never a panic, and a reference that
//! reads is written back to the same text's meaning. The ids of every kind of document, as
//! the command line and the server's `/documents/` addresses take them.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tandoo_documents::{Kind, Reference, Subject};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(reference) = Reference::parse(text) {
        let written = reference.to_string();
        let again = Reference::parse(&written).expect("a reference written reads back");
        assert_eq!(again, reference, "{written}");
    }
    let ids: Vec<String> = text.split(['/', ' ']).map(str::to_string).collect();
    for kind in Kind::ALL {
        if let Ok(subject) = Subject::parse(kind, &ids) {
            let back = Subject::parse(kind, &subject.ids()).expect("a subject's ids read back");
            assert_eq!(back, subject);
        }
    }
});

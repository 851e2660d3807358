//! `tandoo print` writes an official document of the record, the same bytes each time, and
//! `tandoo check-document` tells a printed page's reference from one the record does not
//! bear out.

mod support;

use sha2::{Digest, Sha256};
use support::*;

/// The reference a `tandoo print` printed.
fn reference(out: &str) -> String {
    out.lines()
        .find_map(|l| l.strip_prefix("reference: "))
        .unwrap_or_else(|| panic!("no reference in {out}"))
        .to_string()
}

#[test]
fn a_printed_resolution_is_current_and_a_tampered_reference_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = arg(demo_record());
    let pdf = dir.path().join("161.pdf");
    let out = ok(&[
        "print",
        "--db",
        db,
        "resolution",
        "CEC-161-2025",
        "--lang",
        "ky",
        "--out",
        arg(&pdf),
    ]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{out}");
    assert!(out.contains(&hex::encode(Sha256::digest(&bytes))), "{out}");
    let reference = reference(&out);
    assert!(
        reference.starts_with("tandoo-doc/1 resolution CEC-161-2025 ky - - "),
        "{reference}"
    );

    let checked = ok(&["check-document", "--db", db, &reference]);
    assert!(checked.starts_with("current"), "{checked}");

    let mut tokens: Vec<String> = reference.split(' ').map(str::to_string).collect();
    let digest = tokens.len() - 1;
    tokens[digest] = "0".repeat(64);
    let changed = failed(&["check-document", "--db", db, &tokens.join(" ")]);
    assert!(changed.starts_with("changed"), "{changed}");
    tokens[digest - 1] = "0".repeat(64);
    let other = failed(&["check-document", "--db", db, &tokens.join(" ")]);
    assert!(other.starts_with("not in the record"), "{other}");
}

#[test]
fn the_digest_on_the_page_is_the_sha256_of_the_content_printed_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = arg(demo_record());
    let json = dir.path().join("summary.json");
    let out = ok(&[
        "print",
        "--db",
        db,
        "summary",
        "13",
        "--lang",
        "ru",
        "--as-of",
        "2025-12-01",
        "--format",
        "json",
        "--out",
        arg(&json),
    ]);
    let content = std::fs::read(&json).unwrap();
    let digest = hex::encode(Sha256::digest(&content));
    assert!(reference(&out).ends_with(&digest), "{out}");
    let content: serde_json::Value = serde_json::from_slice(&content).unwrap();
    assert_eq!(content["kind"], "summary");
    assert_eq!(content["as_of"], "2025-12-01");
}

#[test]
fn printing_twice_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let db = arg(demo_record());
    let mut hashes = Vec::new();
    for name in ["one.pdf", "two.pdf"] {
        let pdf = dir.path().join(name);
        ok(&[
            "print",
            "--db",
            db,
            "protocol",
            "13",
            "13001",
            "--lang",
            "ru",
            "--out",
            arg(&pdf),
        ]);
        hashes.push(Sha256::digest(std::fs::read(&pdf).unwrap()));
    }
    assert_eq!(hashes[0], hashes[1]);
}

#[test]
fn a_document_that_cannot_be_made_is_refused_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = arg(demo_record());
    let pdf = dir.path().join("none.pdf");
    for (args, code, words) in [
        (
            vec!["protocol", "13"],
            "DOC_BAD_SUBJECT",
            "CONSTITUENCY STATION",
        ),
        (
            vec!["summary", "99"],
            "DOC_NO_SUCH_CONSTITUENCY",
            "нет округа 99",
        ),
        (
            vec!["certificate", "E1-13-01"],
            "DOC_NOT_ELECTED",
            "не признан",
        ),
        (
            vec!["resolution", "CEC-999-2025"],
            "DOC_NO_SUCH_RESOLUTION",
            "нет постановления",
        ),
    ] {
        let mut all = vec!["print", "--db", db];
        all.extend(args.iter().copied());
        all.extend(["--lang", "ru", "--out", arg(&pdf)]);
        let output = tandoo(&all);
        assert_eq!(output.status.code(), Some(2), "{all:?}: {}", text(&output));
        let said = text(&output);
        assert!(
            said.contains(code) && said.contains(words),
            "{all:?}: {said}"
        );
        assert!(!pdf.exists(), "nothing is written for a refused document");
    }
    let bad = tandoo(&["check-document", "--db", db, "not a reference"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad).contains("DOC_BAD_REFERENCE"), "{}", text(&bad));
}

#[test]
fn the_server_gives_the_bytes_tandoo_print_writes_and_links_them_from_the_portal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    std::fs::copy(demo_record(), &db).unwrap();
    let pdf = dir.path().join("13001.pdf");
    ok(&[
        "print",
        "--db",
        arg(&db),
        "protocol",
        "13",
        "13001",
        "--lang",
        "ru",
        "--out",
        arg(&pdf),
    ]);
    let printed = std::fs::read(&pdf).unwrap();

    let server = Server::start(arg(&db));
    let path = "/documents/protocol/13/13001.pdf?lang=ru";
    let (status, headers, body) = get_bytes(&server.address, path);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert!(
        headers
            .iter()
            .any(|(n, v)| n == "content-type" && v == "application/pdf")
    );
    assert!(
        body == printed,
        "the server's PDF differs from tandoo print's"
    );
    // Asked again, it is the same document (kept, not set again).
    assert!(get_bytes(&server.address, path).2 == printed);

    for (path, status, code) in [
        (
            "/documents/summary/99.pdf?lang=ru",
            404,
            "DOC_NO_SUCH_CONSTITUENCY",
        ),
        ("/documents/protocol/13.pdf", 400, "DOC_BAD_SUBJECT"),
        ("/documents/poster/13.pdf", 404, "DOC_UNKNOWN_KIND"),
        (
            "/documents/summary/13.pdf?as_of=2025-12-01",
            400,
            "DOCUMENTS_AS_OF",
        ),
    ] {
        let (got, _, body) = get_bytes(&server.address, path);
        let body = String::from_utf8_lossy(&body);
        assert_eq!(got, status, "{path}: {body}");
        assert!(body.contains(code), "{path}: {body}");
    }

    // The station's page on the portal links the same document.
    let (_, _, page) = get_bytes(&server.address, "/results/13/stations/13001?lang=ru");
    let page = String::from_utf8_lossy(&page);
    assert!(
        page.contains("href=\"/documents/protocol/13/13001.pdf?lang=ru\""),
        "{page}"
    );
}

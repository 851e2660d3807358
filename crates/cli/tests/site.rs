//! `tandoo publish` writes the portal as a static site whose every file is the bytes
//! `tandoo serve` answers at the same address, for the present and for past dates.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::*;

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_below(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_published_file_is_what_the_server_answers_at_its_address() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    std::fs::copy(demo_record(), &db).unwrap();
    let site = dir.path().join("site");
    let out = ok(&["publish", "--db", arg(&db), "--out", arg(&site)]);
    assert!(out.contains("published the portal at entry"), "{out}");
    let mut files = Vec::new();
    files_below(&site, &mut files);
    files.sort();
    let addresses: Vec<String> = files
        .iter()
        .map(|f| format!("/{}", f.strip_prefix(&site).unwrap().to_str().unwrap()))
        .collect();
    assert!(addresses.contains(&"/results.json".to_string()));
    assert!(addresses.contains(&"/results/13.json".to_string()));
    assert!(addresses.contains(&"/data/record.jsonl".to_string()));
    assert!(addresses.contains(&"/data/nist/results.json".to_string()));
    assert!(addresses.contains(&"/results/13/index.ru.html".to_string()));
    assert!(
        addresses
            .iter()
            .any(|a| a.starts_with("/as-of/2025-12-30/"))
    );

    let server = Server::start(arg(&db));
    // The server's first publication names the dates a reader can pick once it has read
    // them, within a poll or two.
    let started = Instant::now();
    let station = "results/13/stations/13001/index.ru.html";
    loop {
        let (_, _, body) = get_bytes(&server.address, &format!("/{station}"));
        let published = std::fs::read(site.join(station)).unwrap();
        if body == published {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "/{station} is not the published page 180 s after the server started: {}",
            difference(&body, &published)
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    // Every file of the present and of one past date (every past date is published the
    // same way; comparing all of them would only take longer).
    let compared = files.iter().zip(&addresses).filter(|(_, address)| {
        !address.starts_with("/as-of/") || address.starts_with("/as-of/2025-12-30/")
    });
    for (file, address) in compared {
        let (status, headers, body) = get_bytes(&server.address, address);
        assert_eq!(status, 200, "{address}");
        let published = std::fs::read(file).unwrap();
        assert!(
            body == published,
            "{address}: the server's bytes differ from the published file: {}",
            difference(&body, &published)
        );
        let etag = headers.iter().find(|(n, _)| n == "etag");
        assert!(etag.is_some(), "{address} has no ETag");
    }
    // A past date by the query gives the same bytes as its static path.
    let (_, _, by_query) = get_bytes(&server.address, "/results/13.json?as_of=2025-12-30");
    let by_path = std::fs::read(site.join("as-of/2025-12-30/results/13.json")).unwrap();
    assert!(by_query == by_path);
    // A page by its address and language is its file.
    let (_, _, page) = get_bytes(&server.address, "/results/13?lang=ru");
    assert!(page == std::fs::read(site.join("results/13/index.ru.html")).unwrap());
    // The record, as `tandoo export --public` writes it, verifies line by line.
    let exported = dir.path().join("public.jsonl");
    ok(&[
        "export",
        "--db",
        arg(&db),
        "--public",
        "--out",
        arg(&exported),
    ]);
    assert!(
        std::fs::read(&exported).unwrap() == std::fs::read(site.join("data/record.jsonl")).unwrap()
    );
}

#[test]
fn publishing_one_past_date_writes_that_edition_alone() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = ok(&[
        "publish",
        "--db",
        arg(demo_record()),
        "--out",
        arg(&site),
        "--as-of",
        "2026-01-01",
    ]);
    assert!(out.contains("1 edition(s)"), "{out}");
    assert!(site.join("as-of/2026-01-01/results/13.json").is_file());
    assert!(!site.join("results.json").exists());
    let refused = tandoo(&[
        "publish",
        "--db",
        arg(demo_record()),
        "--out",
        arg(&site),
        "--as-of",
        "2026-02-30",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused).contains("BAD_DATE"), "{}", text(&refused));
}

/// Where two pages differ: the head each names, and the bytes around the first difference.
fn difference(served: &[u8], published: &[u8]) -> String {
    let head = |page: &[u8]| {
        let text = String::from_utf8_lossy(page);
        text.split("data-head-seq=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("none")
            .to_owned()
    };
    let at = served
        .iter()
        .zip(published)
        .position(|(a, b)| a != b)
        .unwrap_or(served.len().min(published.len()));
    let around = |page: &[u8]| {
        String::from_utf8_lossy(&page[at.saturating_sub(80)..(at + 80).min(page.len())])
            .into_owned()
    };
    format!(
        "served head {}, {} bytes; published head {}, {} bytes; first difference at byte {at}: \
         served …{}… published …{}…",
        head(served),
        served.len(),
        head(published),
        published.len(),
        around(served),
        around(published)
    )
}

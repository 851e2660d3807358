//! `tandoo print`: an official document of the record as PDF (or its content as JSON), and
//! `tandoo check-document`: whether a printed page's reference is in the record and the
//! document still says the same.
//!
//! A document reflects the state of its legal date (`--as-of`) or of the whole record; the
//! entry it reflects is the last act of that state, whose number and hash it prints. The
//! same record, kind, subject, language and date give the same bytes.

use std::path::Path;

use sha2::{Digest, Sha256};
use tandoo_core::ids::ElectionId;
use tandoo_core::{LegalDate, State};
use tandoo_documents::{Check, DocumentError, Kind, Reference, Reflects, Request, Subject};
use tandoo_ledger::History;
use tandoo_present::{FluentArgs, Language, catalog};
use tandoo_record::{AnyRecord, OpenMode, Record};

use crate::{CliError, Outcome};

/// What `tandoo print` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The document as PDF.
    Pdf,
    /// The document's content as JSON: its SHA-256 is the digest printed on the page.
    Json,
}

/// The kinds of document, as the command line names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// A station's precinct protocol: CONSTITUENCY STATION.
    Protocol,
    /// A station's precinct protocol with blank figures: CONSTITUENCY STATION.
    BlankProtocol,
    /// A constituency's summary protocol: CONSTITUENCY.
    Summary,
    /// A resolution with its members' votes: RESOLUTION (CEC-161-2025).
    Resolution,
    /// The certificate of election of a recognised deputy: CANDIDATE.
    Certificate,
    /// The fees a resolution refunds: RESOLUTION.
    Refunds,
}

impl KindArg {
    fn kind(self) -> Kind {
        match self {
            KindArg::Protocol => Kind::Protocol,
            KindArg::BlankProtocol => Kind::BlankProtocol,
            KindArg::Summary => Kind::Summary,
            KindArg::Resolution => Kind::Resolution,
            KindArg::Certificate => Kind::Certificate,
            KindArg::Refunds => Kind::Refunds,
        }
    }
}

/// What `tandoo print` was asked for.
pub struct PrintArgs<'a> {
    pub db: &'a Path,
    pub kind: KindArg,
    pub ids: &'a [String],
    pub lang: Option<&'a str>,
    pub as_of: Option<&'a str>,
    pub election: Option<&'a str>,
    pub format: Format,
    pub out: &'a Path,
}

pub async fn print(args: PrintArgs<'_>) -> Result<Outcome, CliError> {
    let locale = std::env::var("LANG").ok();
    let language = Language::choose(args.lang, locale.as_deref())
        .map_err(|e| CliError::input(e.code(), e.to_string()))?;
    let as_of = date(args.as_of)?;
    let kind = args.kind.kind();
    let subject = Subject::parse(kind, args.ids).map_err(|e| refused(&e, language))?;
    let request = Request {
        kind,
        subject,
        language,
        as_of,
        election: args.election.map(ElectionId::new),
    };
    let read = Read::of(args.db, as_of).await?;
    let content =
        tandoo_documents::prepare(&read.state, &request).map_err(|e| refused(&e, language))?;
    let bytes = match args.format {
        Format::Json => tandoo_documents::content_json(&content),
        Format::Pdf => {
            tandoo_documents::render(&content, &read.reflects).map_err(|e| refused(&e, language))?
        }
    };
    write(args.out, &bytes)?;
    let reference = Reference::of(&request, &content, &read.reflects);
    println!(
        "wrote {} ({} bytes, SHA-256 {})",
        args.out.display(),
        bytes.len(),
        hex::encode(Sha256::digest(&bytes))
    );
    println!("reference: {reference}");
    Ok(Outcome::Done)
}

/// `tandoo check-document`: what the record says of a printed page's reference.
pub async fn check(db: &Path, reference: &str) -> Result<Outcome, CliError> {
    let locale = std::env::var("LANG").ok();
    let language = Language::from_locale(locale.as_deref());
    let reference = Reference::parse(reference).map_err(|e| refused(&e, language))?;
    let record = AnyRecord::open(db, OpenMode::ReadOnly).await?;
    let read = async {
        let history = History::read(&record)
            .await
            .map_err(|e| CliError::runtime("RECORD_DOES_NOT_VERIFY", e.to_string()))?;
        let seq = reference.reflects.seq;
        let entry = if seq == 0 || seq > history.head().seq {
            None
        } else {
            record.read_raw(seq, 1).await?.into_iter().next()
        };
        let state = replay(&history, reference.request.as_of)?;
        Ok::<_, CliError>((entry.map(|e| e.hash.to_hex()), state))
    }
    .await;
    record.close().await;
    let (entry, state) = read?;
    let verdict = tandoo_documents::check(&reference, entry.as_deref(), &state);
    let seq = reference.reflects.seq;
    match verdict {
        Check::Current => {
            println!(
                "current: entry {seq} is in the record, and the document made from the record now is the same (SHA-256 {})",
                reference.digest
            );
            Ok(Outcome::Done)
        }
        Check::Changed { digest_now } => {
            println!(
                "changed: entry {seq} is in the record, but the document made from the record now differs (its SHA-256 is now {digest_now}); print it again"
            );
            Ok(Outcome::Failed)
        }
        Check::Gone { why } => {
            println!(
                "changed: entry {seq} is in the record, but the document cannot be made from it now: {}",
                sentence(&why, language)
            );
            Ok(Outcome::Failed)
        }
        Check::NoSuchEntry => {
            println!("not in the record: it has no entry {seq}");
            Ok(Outcome::Failed)
        }
        Check::EntryDiffers { recorded } => {
            println!(
                "not in the record: its entry {seq} has the hash {recorded}, not the one printed; the page was not printed from this record"
            );
            Ok(Outcome::Failed)
        }
    }
}

/// The state a document is made from, and the entry that state's last act is.
struct Read {
    state: State,
    reflects: Reflects,
}

impl Read {
    async fn of(db: &Path, as_of: Option<LegalDate>) -> Result<Read, CliError> {
        let record = AnyRecord::open(db, OpenMode::ReadOnly).await?;
        let read = async {
            let history = History::read(&record)
                .await
                .map_err(|e| CliError::runtime("RECORD_DOES_NOT_VERIFY", e.to_string()))?;
            let state = replay(&history, as_of)?;
            let hash = match state.seq {
                0 => "0".repeat(64),
                seq => record
                    .read_raw(seq, 1)
                    .await?
                    .into_iter()
                    .next()
                    .map(|e| e.hash.to_hex())
                    .unwrap_or_default(),
            };
            let reflects = Reflects {
                seq: state.seq,
                hash,
            };
            Ok::<_, CliError>(Read { state, reflects })
        }
        .await;
        record.close().await;
        read
    }
}

fn replay(history: &History, as_of: Option<LegalDate>) -> Result<State, CliError> {
    history
        .state(as_of)
        .map_err(|e| CliError::runtime("RECORD_DOES_NOT_REPLAY", e.to_string()))
}

fn date(text: Option<&str>) -> Result<Option<LegalDate>, CliError> {
    text.map(|d| {
        d.parse::<LegalDate>()
            .map_err(|e| CliError::input("BAD_DATE", e.to_string()))
    })
    .transpose()
}

/// A refusal in the reader's language.
fn sentence(error: &DocumentError, language: Language) -> String {
    let mut args = FluentArgs::new();
    args.set("detail", error.detail());
    catalog::text(
        language,
        &format!("doc-error-{}", error.code()),
        Some(&args),
    )
}

fn refused(error: &DocumentError, language: Language) -> CliError {
    let message = sentence(error, language);
    if error.is_input() {
        CliError::Input {
            code: error.code(),
            message,
        }
    } else {
        CliError::Runtime {
            code: error.code(),
            message,
        }
    }
}

/// Writes the file whole or not at all: into a file beside it, then renamed over it.
fn write(out: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::runtime("PRINT_IO", format!("{}: {e}", out.display()));
    let partial = out.with_extension("partial-write");
    std::fs::write(&partial, bytes).map_err(io)?;
    std::fs::rename(&partial, out).map_err(io)
}

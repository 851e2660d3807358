//! typst as a library: a world held in memory — the templates and fonts compiled into the
//! binary, the content as `data.json`, the QR code as `qr.svg` — compiled to a page layout
//! and written as a tagged PDF with no creation date, so that the same content gives the
//! same bytes.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::content::{Content, Reflects};
use crate::{DocumentError, Reference};

/// The templates, by the path a template imports them at.
const TEMPLATES: [(&str, &str); 7] = [
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/protocol.typ", include_str!("../templates/protocol.typ")),
    ("/summary.typ", include_str!("../templates/summary.typ")),
    (
        "/resolution.typ",
        include_str!("../templates/resolution.typ"),
    ),
    (
        "/certificate.typ",
        include_str!("../templates/certificate.typ"),
    ),
    ("/refunds.typ", include_str!("../templates/refunds.typ")),
    ("/main.typ", include_str!("../templates/main.typ")),
];

/// The fonts the templates use: Libertinus Serif for text (it has every Cyrillic letter
/// Kyrgyz needs: Ң Ө Ү) and DejaVu Sans Mono for hashes.
static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .filter(|font| {
            let family = font.info().family.as_str();
            family == "Libertinus Serif" || family == "DejaVu Sans Mono"
        })
        .collect()
});
static BOOK: LazyLock<LazyHash<FontBook>> =
    LazyLock::new(|| LazyHash::new(FontBook::from_fonts(FONTS.iter())));
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// One document's world: the templates, its content and its QR code.
struct Sheet {
    main: FileId,
    data: Bytes,
    qr: Bytes,
}

fn id(path: &str) -> FileId {
    // The paths are this file's constants, always valid.
    let path = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("a template path"));
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

impl World for Sheet {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &BOOK
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, file: FileId) -> FileResult<Source> {
        let path = file.vpath().get_with_slash();
        TEMPLATES
            .iter()
            .find(|(name, _)| *name == path)
            .map(|(_, text)| Source::new(file, (*text).to_string()))
            .ok_or_else(|| FileError::NotFound(path.into()))
    }

    fn file(&self, file: FileId) -> FileResult<Bytes> {
        match file.vpath().get_with_slash() {
            "/data.json" => Ok(self.data.clone()),
            "/qr.svg" => Ok(self.qr.clone()),
            path => Err(FileError::NotFound(path.into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // A document shows the dates of the record, never the day it was printed.
        None
    }
}

/// The content and its page furniture (head, digest, reference) as the template reads them.
#[derive(serde::Serialize)]
struct Printed<'a> {
    content: &'a Content,
    head: String,
    digest: String,
    reference: String,
}

pub fn render(content: &Content, reflects: &Reflects) -> Result<Vec<u8>, DocumentError> {
    let reference = Reference {
        request: crate::Request {
            kind: crate::Kind::parse(content.kind)?,
            subject: crate::Subject::from_token(
                crate::Kind::parse(content.kind)?,
                &content.subject,
            )?,
            language: content
                .language
                .parse()
                .map_err(|_| DocumentError::EngineFailed("the content's language".into()))?,
            as_of: content.as_of.as_deref().and_then(|d| d.parse().ok()),
            election: content
                .election
                .as_deref()
                .map(tandoo_core::ids::ElectionId::new),
        },
        reflects: reflects.clone(),
        digest: crate::digest(content),
    };
    let printed = Printed {
        content,
        head: format!("{} · {}", reflects.seq, reflects.hash),
        digest: reference.digest.clone(),
        reference: reference.to_string(),
    };
    let data =
        serde_json::to_vec(&printed).map_err(|e| DocumentError::EngineFailed(e.to_string()))?;
    let sheet = Sheet {
        main: id("/main.typ"),
        data: Bytes::new(data),
        qr: Bytes::new(qr_code(&reference.to_string())?.into_bytes()),
    };
    let document: PagedDocument = typst::compile(&sheet)
        .output
        .map_err(|errors| DocumentError::EngineFailed(messages(&errors)))?;
    let options = PdfOptions {
        ident: Smart::Custom(reference.to_string()),
        creator: Smart::Custom(Some("tandoo".into())),
        timestamp: None,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| DocumentError::EngineFailed(messages(&errors)));
    // Each document is made once: what typst memoised for it would only grow.
    typst::comemo::evict(0);
    pdf
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The reference as a QR code, drawn as SVG.
fn qr_code(reference: &str) -> Result<String, DocumentError> {
    let code = qrcode::QrCode::with_error_correction_level(reference, qrcode::EcLevel::M)
        .map_err(|e| DocumentError::EngineFailed(e.to_string()))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .quiet_zone(true)
        .build())
}

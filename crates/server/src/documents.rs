//! `/documents/KIND/IDS.pdf`: the official documents as PDF, made from the record as it
//! stands, for the portal's readers and the staff to download — the same bytes `tandoo
//! print` writes for the same head (`docs/documents.md`).
//!
//! Setting a document takes tens of milliseconds of one core, so it is never done on the
//! request's thread nor by more than [`AT_ONCE`] requests together: a reader who finds the
//! printers busy longer than [`WAIT`] is asked to come back. What was made is kept, by its
//! reference (kind, subject, language, head, digest), until the head moves on.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, ETAG, VARY,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tandoo_documents::{DocumentError, Kind, Reference, Reflects, Subject};
use tandoo_present::{FluentArgs, Language, catalog};
use tokio::sync::Semaphore;

use crate::app::App;
use crate::error::ApiError;

/// Documents set at once: the rest wait their turn.
const AT_ONCE: usize = 2;
/// The longest a request waits for a turn.
const WAIT: Duration = Duration::from_secs(10);
/// Documents kept for the present head; beyond, the oldest are forgotten.
const KEPT: usize = 256;

pub fn routes() -> Router<App> {
    Router::new().route("/documents/{kind}/{*ids}", get(serve))
}

/// The PDFs made for one head, by their reference.
#[derive(Default)]
struct Kept {
    head: u64,
    documents: HashMap<String, Arc<Vec<u8>>>,
}

struct Printers {
    turns: Semaphore,
    kept: Mutex<Kept>,
}

static PRINTERS: LazyLock<Printers> = LazyLock::new(|| Printers {
    turns: Semaphore::new(AT_ONCE),
    kept: Mutex::new(Kept::default()),
});

#[derive(Deserialize)]
struct Asked {
    lang: Option<String>,
    /// Documents of a past date are printed with `tandoo print --as-of`; asked for here,
    /// they are refused rather than answered with the present.
    as_of: Option<String>,
}

async fn serve(
    State(app): State<App>,
    Path((kind, ids)): Path<(String, String)>,
    Query(asked): Query<Asked>,
    request: Request,
) -> Response {
    let language = asked
        .lang
        .as_deref()
        .and_then(|l| l.parse::<Language>().ok())
        .or_else(|| {
            request
                .headers()
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(crate::reader::accepted)
        })
        .unwrap_or(Language::Ky);
    if asked.as_of.as_deref().is_some_and(|d| !d.is_empty()) {
        return ApiError::new(
            StatusCode::BAD_REQUEST,
            "DOCUMENTS_AS_OF",
            catalog::text(language, "api-DOCUMENTS_AS_OF", None),
        )
        .into_response();
    }
    match document(&app, &kind, &ids, language).await {
        Ok((name, etag, pdf)) => pdf_response(&name, &etag, pdf, asked.lang.is_none()),
        Err(error) => error.into_response(),
    }
}

/// The PDF asked for, with its file name and its entity tag.
async fn document(
    app: &App,
    kind: &str,
    ids: &str,
    language: Language,
) -> Result<(String, String, Arc<Vec<u8>>), ApiError> {
    let refused = |e: DocumentError| refusal(&e, language);
    let kind = Kind::parse(kind).map_err(refused)?;
    let Some(ids) = ids.strip_suffix(".pdf") else {
        return Err(refused(DocumentError::BadSubject {
            kind: kind.name(),
            expected: "a name ending in .pdf",
            given: vec![ids.to_string()],
        }));
    };
    let ids: Vec<String> = ids.split('/').map(str::to_string).collect();
    let subject = Subject::parse(kind, &ids).map_err(refused)?;
    let request = tandoo_documents::Request {
        kind,
        subject,
        language,
        as_of: None,
        election: None,
    };
    let prepared = app
        .ledger()
        .read_at_head(|state, head| {
            tandoo_documents::prepare(state, &request).map(|content| {
                let reflects = Reflects {
                    seq: head.seq,
                    hash: head.hash.to_hex(),
                };
                (content, reflects)
            })
        })
        .await;
    let (content, reflects) = prepared.map_err(refused)?;
    let reference = Reference::of(&request, &content, &reflects).to_string();
    let name = format!(
        "{}-{}-{}.pdf",
        kind.name(),
        request.subject.token().replace('/', "-"),
        language.code()
    );
    let etag = format!(
        "\"{}-{}\"",
        reflects.seq,
        &tandoo_documents::digest(&content)[..16]
    );
    let head = reflects.seq;
    if let Some(pdf) = kept(&reference, head) {
        return Ok((name, etag, pdf));
    }
    let turn = tokio::time::timeout(WAIT, PRINTERS.turns.acquire())
        .await
        .map_err(|_| busy(language))?
        .map_err(|_| busy(language))?;
    let pdf = tokio::task::spawn_blocking(move || tandoo_documents::render(&content, &reflects))
        .await
        .map_err(|e| ApiError::internal("setting a document", e))?
        .map_err(refused)?;
    drop(turn);
    let pdf = Arc::new(pdf);
    keep(reference, head, pdf.clone());
    Ok((name, etag, pdf))
}

fn kept(reference: &str, head: u64) -> Option<Arc<Vec<u8>>> {
    let kept = PRINTERS.kept.lock().ok()?;
    (kept.head == head).then(|| kept.documents.get(reference).cloned())?
}

fn keep(reference: String, head: u64, pdf: Arc<Vec<u8>>) {
    let Ok(mut kept) = PRINTERS.kept.lock() else {
        return;
    };
    if kept.head != head || kept.documents.len() >= KEPT {
        kept.documents.clear();
        kept.head = head;
    }
    kept.documents.insert(reference, pdf);
}

fn pdf_response(name: &str, etag: &str, pdf: Arc<Vec<u8>>, by_header: bool) -> Response {
    let mut response = Response::new(axum::body::Body::from(axum::body::Bytes::from_owner(
        ArcBytes(pdf),
    )));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    if let Ok(value) = HeaderValue::from_str(etag) {
        headers.insert(ETAG, value);
    }
    // The record moves on as the count does: as the portal's present pages.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=5"));
    if by_header {
        headers.insert(VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}

/// A kept PDF as a body, shared, not copied per answer.
struct ArcBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for ArcBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// A document that cannot be made, in the reader's language: a 404 for what the record
/// does not hold, a 503 for a build without the engine.
fn refusal(error: &DocumentError, language: Language) -> ApiError {
    let mut args = FluentArgs::new();
    args.set("detail", error.detail());
    let message = catalog::text(
        language,
        &format!("doc-error-{}", error.code()),
        Some(&args),
    );
    let status = match error {
        DocumentError::EngineNotBuilt => StatusCode::NOT_IMPLEMENTED,
        DocumentError::EngineFailed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        DocumentError::BadSubject { .. } | DocumentError::BadReference(_) => {
            StatusCode::BAD_REQUEST
        }
        _ => StatusCode::NOT_FOUND,
    };
    ApiError::new(status, error.code(), message)
}

fn busy(language: Language) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "DOCUMENTS_BUSY",
        catalog::text(language, "api-DOCUMENTS_BUSY", None),
    )
    .retry_after(5)
}

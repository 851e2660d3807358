//! Reading a served log from elsewhere: one HTTP/1.1 `GET` per file, on hyper's client
//! connection, as a witness or an observer's tool reads `/log/checkpoint` and the tiles.
//!
//! Plain `http://` only: a log is checked by its signatures and its hashes, not by the
//! channel it came through, and a witness that must reach an `https://` log reads it
//! through a local proxy or from a copy of the published files. Bodies are capped at
//! [`MAX_BODY`] (a tile is at most a few KiB) and every request at [`FETCH_TIMEOUT`], so a
//! hostile server can neither fill the reader's memory nor hold it.

use std::time::Duration;

use axum::http::{Request, Uri, header};
use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// The most bytes one file of a log may hold.
pub const MAX_BODY: usize = 1 << 20;
/// How long one request may take, connection included.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url} is not an address this reader can follow: {detail}")]
    BadUrl { url: String, detail: String },
    #[error("{url}: {detail}")]
    Unreachable { url: String, detail: String },
    #[error("{url}: there is no such file (404)")]
    NotFound { url: String },
    #[error("{url}: the server answered {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: no complete answer within {} seconds", FETCH_TIMEOUT.as_secs())]
    Timeout { url: String },
}

impl FetchError {
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::BadUrl { .. } => "BAD_URL",
            FetchError::Unreachable { .. } => "UNREACHABLE",
            FetchError::NotFound { .. } => "NOT_FOUND",
            FetchError::Status { .. } => "BAD_STATUS",
            FetchError::Timeout { .. } => "TIMEOUT",
        }
    }
}

/// The body of `GET url`, which must answer 200.
pub async fn get(url: &str) -> Result<Vec<u8>, FetchError> {
    match tokio::time::timeout(FETCH_TIMEOUT, get_unbounded(url)).await {
        Ok(result) => result,
        Err(_) => Err(FetchError::Timeout { url: url.into() }),
    }
}

async fn get_unbounded(url: &str) -> Result<Vec<u8>, FetchError> {
    let bad = |detail: &str| FetchError::BadUrl {
        url: url.into(),
        detail: detail.into(),
    };
    let unreachable = |detail: String| FetchError::Unreachable {
        url: url.into(),
        detail,
    };
    let uri: Uri = url.parse().map_err(|_| bad("not a URL"))?;
    if uri.scheme_str() != Some("http") {
        return Err(bad("only http:// is read (see docs/log.md)"));
    }
    let authority = uri.authority().ok_or_else(|| bad("no host"))?.clone();
    let port = authority.port_u16().unwrap_or(80);
    let stream = TcpStream::connect((authority.host(), port))
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    // The connection is driven beside the request; it ends when the answer is read.
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let request = Request::get(path)
        .header(header::HOST, authority.as_str())
        .body(Empty::<Bytes>::new())
        .map_err(|e| bad(&e.to_string()))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    match response.status().as_u16() {
        200 => {}
        404 => return Err(FetchError::NotFound { url: url.into() }),
        status => {
            return Err(FetchError::Status {
                url: url.into(),
                status,
            });
        }
    }
    let body = Limited::new(response.into_body(), MAX_BODY)
        .collect()
        .await
        .map_err(|e| unreachable(format!("reading the answer: {e}")))?;
    Ok(body.to_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_plain_http_is_followed() {
        for url in [
            "https://example.kg/log/checkpoint",
            "file:///tmp/x",
            "no url",
        ] {
            assert!(
                matches!(get(url).await, Err(FetchError::BadUrl { .. })),
                "{url}"
            );
        }
    }
}

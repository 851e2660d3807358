//! Copying a record from one store to another exactly as it is: every entry keeps its
//! number, its recorded time, its texts and its hashes, and the copy keeps the record's
//! identity, so the copy is the same record (the same head) in another place.

use crate::any::AnyRecord;
use crate::entry::Head;
use crate::error::RecordError;
use crate::record::{DEFAULT_PAGE_SIZE, Record, VerifyError, read_raw_pages, verify_record};
use crate::verify::VerifiedChain;

/// Why a copy did not complete.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CopyError {
    /// The destination already holds entries: a copy never mixes two records.
    #[error(
        "{location} already holds a record ending at entry {}; a copy goes only into an empty record",
        head.seq
    )]
    NotEmpty { location: String, head: Head },
    /// The source could not be read, or holds an entry that does not continue the chain.
    #[error("the source cannot be copied: {0}")]
    Source(RecordError),
    /// The destination refused or failed to write.
    #[error("the copy cannot be written: {0}")]
    Destination(RecordError),
    /// The copy was written but does not verify when read back.
    #[error("the copy does not verify: {0}")]
    NotVerified(VerifyError),
    /// The copy verifies but does not end where the source did.
    #[error(
        "the copy ends at entry {} (hash {}), but the source at entry {} (hash {})",
        found.seq, found.hash, expected.seq, expected.hash
    )]
    Differs { expected: Head, found: Head },
}

impl CopyError {
    /// A stable identifier for programs.
    pub fn code(&self) -> &'static str {
        match self {
            CopyError::NotEmpty { .. } => "DESTINATION_NOT_EMPTY",
            CopyError::Source(e) | CopyError::Destination(e) => e.code(),
            CopyError::NotVerified(e) => e.code(),
            CopyError::Differs { .. } => "COPY_DIFFERS",
        }
    }
}

/// Copies `from` into `to`, which must be empty, and verifies the copy by reading it back.
///
/// The entries up to the source's head when the copy starts are copied, page by page, each
/// page imported as it is ([`AnyRecord::import`], which checks that it continues the chain
/// with every hash right before writing it). `to` first takes on the source's identity.
/// `progress` is told the number of the last entry copied after each page.
///
/// Returns the destination and what verifying it established: its head is the source's.
/// If the copy stops part-way, the destination holds the entries copied so far, a valid
/// prefix of the record; remove it before trying again.
pub async fn copy_record(
    from: &AnyRecord,
    to: AnyRecord,
    mut progress: impl FnMut(u64),
) -> Result<(AnyRecord, VerifiedChain), CopyError> {
    let existing = to.head().await.map_err(CopyError::Destination)?;
    if existing != Head::EMPTY {
        return Err(CopyError::NotEmpty {
            location: to.location(),
            head: existing,
        });
    }
    let source_head = from.head().await.map_err(CopyError::Source)?;
    let to = to
        .adopt_identity(from.identity())
        .await
        .map_err(CopyError::Destination)?;

    let mut head = Head::EMPTY;
    let mut pages = read_raw_pages(from, 1, DEFAULT_PAGE_SIZE);
    while head.seq < source_head.seq {
        let Some(mut page) = pages.next_page().await.map_err(CopyError::Source)? else {
            break;
        };
        // Entries appended to the source while copying are not part of this copy.
        page.retain(|e| e.seq <= source_head.seq);
        if page.is_empty() {
            break;
        }
        head = to.import(&head, page).await.map_err(|e| match e {
            RecordError::ImportRefused { .. } => CopyError::Source(e),
            other => CopyError::Destination(other),
        })?;
        progress(head.seq);
    }

    let verified = verify_record(&to).await.map_err(CopyError::NotVerified)?;
    if verified.head != source_head {
        return Err(CopyError::Differs {
            expected: source_head,
            found: verified.head,
        });
    }
    Ok((to, verified))
}

//! Reading stored entries back into the state: the one path for a start-up replay, for
//! following another process's appends, and for the command line. Every entry's link and
//! hash are checked over its stored texts ([`ChainVerifier::push_raw`]) and its act is
//! parsed once, straight into [`Act`], before it is applied.

use tandoo_core::act::Act;
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_record::{ChainVerifier, Entry, Head, RawEntry, Record, RecordError, read_raw_pages};

use crate::LedgerError;

/// Entries read per page when replaying.
pub(crate) const PAGE: usize = 10_000;

/// Decodes a stored entry back into its act and stamp.
pub fn decode(entry: &Entry) -> Result<(Stamp, Act), LedgerError> {
    stamped(entry.seq, &entry.legal_date, || {
        serde_json::from_value(entry.act.clone())
    })
}

/// Decodes an act as the store holds it, parsing its text straight into the domain type:
/// the replay fast path (see [`RawEntry`]).
pub fn decode_raw(entry: &RawEntry) -> Result<(Stamp, Act), LedgerError> {
    stamped(entry.seq, &entry.legal_date, || {
        serde_json::from_str(&entry.act)
    })
}

/// The act `parse` reads, with the stamp of entry `seq`; an entry that does not read is
/// named.
fn stamped(
    seq: u64,
    legal_date: &str,
    parse: impl FnOnce() -> Result<Act, serde_json::Error>,
) -> Result<(Stamp, Act), LedgerError> {
    let unreadable = |detail: String| LedgerError::Unreadable { seq, detail };
    let date: LegalDate = legal_date
        .parse()
        .map_err(|e: tandoo_core::date::BadDate| unreadable(e.to_string()))?;
    let act = parse().map_err(|e| unreadable(e.to_string()))?;
    Ok((Stamp { seq, date }, act))
}

/// Verifies `entries` against the chain that ends at `head` and hands each act to `take`,
/// one by one; `head` follows every entry taken, also when an error stops the reading.
pub fn follow<'e>(
    head: &mut Head,
    entries: impl IntoIterator<Item = &'e RawEntry>,
    mut take: impl FnMut(Stamp, Act) -> Result<(), LedgerError>,
) -> Result<(), LedgerError> {
    let mut verifier = ChainVerifier::resume(*head);
    for entry in entries {
        // The act is parsed while its entry is verified: that parse is also the check that
        // its text is one JSON value (see `push_raw_parsed`), so it is read once.
        let parsed = verifier
            .push_raw_parsed(entry, |act| serde_json::from_str::<Act>(act))
            .map_err(LedgerError::Broken)?;
        let (stamp, act) = stamped(entry.seq, &entry.legal_date, || parsed)?;
        take(stamp, act)?;
        *head = entry.head();
    }
    Ok(())
}

/// Reads whatever `record` holds after `head`, page by page, as [`follow`] does. A store
/// that cannot read an entry back names it as a break in the chain, so a start-up detects
/// damage as well as tampering.
pub async fn catch_up<R: Record + ?Sized>(
    record: &R,
    head: &mut Head,
    mut take: impl FnMut(Stamp, Act) -> Result<(), LedgerError>,
) -> Result<(), LedgerError> {
    let mut pages = read_raw_pages(record, head.seq.saturating_add(1), PAGE);
    loop {
        let page = match pages.next_page().await {
            Ok(Some(page)) => page,
            Ok(None) => return Ok(()),
            Err(RecordError::Damaged { seq, detail }) => {
                let mut verifier = ChainVerifier::resume(*head);
                return Err(LedgerError::Broken(verifier.unreadable(seq, detail)));
            }
            Err(e) => return Err(e.into()),
        };
        follow(head, &page, &mut take)?;
    }
}

/// A state and the head of the record it reflects, growing entry by entry.
#[derive(Debug, Clone, Default)]
pub struct Replayed {
    pub state: State,
    /// The last entry read and verified.
    pub head: Head,
    /// Only acts of this legal date or before are applied (the state "as of" a date);
    /// every entry is still verified. `None`: every act.
    pub until: Option<LegalDate>,
}

impl Replayed {
    /// Verifies and applies `entries` (see [`follow`]); `keep` receives each act applied
    /// (the service hands them on to the readers' copy). On an error the state holds every
    /// entry before the one that failed.
    pub fn follow<'e>(
        &mut self,
        entries: impl IntoIterator<Item = &'e RawEntry>,
        mut keep: impl FnMut(Stamp, Act),
    ) -> Result<(), LedgerError> {
        let (state, until) = (&mut self.state, self.until);
        follow(&mut self.head, entries, |stamp, act| {
            apply(state, until, stamp, act, &mut keep)
        })
    }

    /// Reads, verifies and applies whatever `record` holds after the head (see
    /// [`catch_up`]).
    pub async fn catch_up<R: Record + ?Sized>(
        &mut self,
        record: &R,
        mut keep: impl FnMut(Stamp, Act),
    ) -> Result<(), LedgerError> {
        let (state, until) = (&mut self.state, self.until);
        catch_up(record, &mut self.head, |stamp, act| {
            apply(state, until, stamp, act, &mut keep)
        })
        .await
    }

    /// The whole record replayed from its first entry.
    pub async fn open<R: Record + ?Sized>(record: &R) -> Result<Replayed, LedgerError> {
        let mut replayed = Replayed::default();
        replayed.catch_up(record, |_, _| {}).await?;
        Ok(replayed)
    }
}

fn apply(
    state: &mut State,
    until: Option<LegalDate>,
    stamp: Stamp,
    act: Act,
    keep: &mut impl FnMut(Stamp, Act),
) -> Result<(), LedgerError> {
    if until.is_some_and(|until| stamp.date > until) {
        return Ok(());
    }
    state
        .apply(stamp, &act)
        .map_err(|error| LedgerError::DoesNotApply { error })?;
    keep(stamp, act);
    Ok(())
}

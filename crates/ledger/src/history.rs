//! Every act of a record, decoded and kept in memory: the states of past legal dates are
//! built from it (a state as of a date cannot be derived from the present one, since later
//! acts may rescind earlier ones).
//!
//! It grows by what was appended since it last looked, verifying every link and hash as a
//! start-up does, so a reader of past dates reads the record once, not once per date.

use std::collections::BTreeSet;

use tandoo_core::act::Act;
use tandoo_core::state::ApplyError;
use tandoo_core::{LegalDate, Stamp, State};
use tandoo_record::{Head, Record};

use crate::LedgerError;

/// The acts of a record up to [`History::head`], with the legal dates they bear.
#[derive(Debug, Clone, Default)]
pub struct History {
    acts: Vec<(Stamp, Act)>,
    head: Head,
    dates: BTreeSet<LegalDate>,
}

impl History {
    /// The whole of `record`.
    pub async fn read<R: Record + ?Sized>(record: &R) -> Result<History, LedgerError> {
        let mut history = History::default();
        history.extend(record).await?;
        Ok(history)
    }

    /// Reads the acts appended since the last call; the earliest legal date among them
    /// (none when nothing was appended): the states of that date and later changed.
    pub async fn extend<R: Record + ?Sized>(
        &mut self,
        record: &R,
    ) -> Result<Option<LegalDate>, LedgerError> {
        let (acts, dates) = (&mut self.acts, &mut self.dates);
        let mut earliest: Option<LegalDate> = None;
        crate::read::catch_up(record, &mut self.head, |stamp, act| {
            earliest = Some(earliest.map_or(stamp.date, |e| e.min(stamp.date)));
            dates.insert(stamp.date);
            acts.push((stamp, act));
            Ok(())
        })
        .await?;
        Ok(earliest)
    }

    /// The last entry read.
    pub fn head(&self) -> Head {
        self.head
    }

    /// The legal dates on which the record changed something, oldest first.
    pub fn dates(&self) -> Vec<LegalDate> {
        self.dates.iter().copied().collect()
    }

    /// The state as of `date` (its acts and those of earlier dates), or with none, the
    /// state every act builds.
    pub fn state(&self, as_of: Option<LegalDate>) -> Result<State, ApplyError> {
        let acts = self.acts.iter().map(|(stamp, act)| (*stamp, act));
        match as_of {
            Some(date) => State::as_of(acts, date),
            None => acts
                .into_iter()
                .try_fold(State::new(), |mut state, (stamp, act)| {
                    state.apply(stamp, act).map(|()| state)
                }),
        }
    }
}

//! What the allocation methods share: a party as they see it (`Entry`) and what each
//! returns (`Apportionment`). Kept apart from `list`, which calls the methods, so that
//! `divisor` and `remainder` depend on these types and not on their caller.
//!
//! Rules (docs/rules.md): R-LIST-DIVISOR, R-LIST-REMAINDER.

use crate::rational::Ratio;
use crate::step::Step;
use crate::tie::Tie;

/// A party as the allocation methods see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry<'a> {
    pub(crate) id: &'a str,
    pub(crate) votes: u64,
    pub(crate) registered: u64,
    /// the tie key: registration number or lot number (lower wins)
    pub(crate) key: u64,
    /// the most seats the party may take
    pub(crate) max: Option<u64>,
}

/// What a method returns: seats per entry (in the order given), ties and working.
#[derive(Clone, Debug, Default)]
pub(crate) struct Apportionment {
    pub(crate) seats: Vec<u64>,
    pub(crate) quota: Option<Ratio>,
    pub(crate) ties: Vec<Tie>,
    pub(crate) steps: Vec<Step>,
}

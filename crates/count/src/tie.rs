//! Ties and how they are broken.
//!
//! Rules (docs/rules.md): R-SEAT-TIE.
//!
//! Rule (electoral rules §1, "Ties"): under the earlier law the candidate registered
//! first wins; the parameter `tie_break` is `registration_order | lot`, default
//! `registration_order`, and a lot is drawn with a seed recorded in the record so that
//! anyone can reproduce it. A tie is always reported, also when the rule broke it.
//!
//! # The lot, exactly
//!
//! Each contender (candidate or party) gets a *lot number*, a 64-bit unsigned integer
//! computed from the seed and the contender's identifier:
//!
//! 1. `h` = 64-bit FNV-1a over the bytes: the UTF-8 bytes of the seed, one zero byte
//!    (`0x00`), then the UTF-8 bytes of the identifier. FNV-1a starts from
//!    `h = 0xcbf29ce484222325` and for every byte `b` does `h = (h XOR b) * 0x100000001b3`
//!    (multiplication modulo 2^64).
//! 2. The lot number is the first output of SplitMix64 seeded with `h`, all arithmetic
//!    modulo 2^64:
//!    `z = h + 0x9e3779b97f4a7c15`;
//!    `z = (z XOR (z >> 30)) * 0xbf58476d1ce4e5b9`;
//!    `z = (z XOR (z >> 27)) * 0x94d049bb133111eb`;
//!    `lot = z XOR (z >> 31)`.
//!
//! Among tied contenders the **lowest** lot number wins; were two lot numbers ever
//! equal, the identifier that sorts first byte by byte wins. Because the lot number
//! depends only on the seed and the identifier, the draw does not depend on the order
//! in which contenders are listed, and one seed ranks all contenders of a count once,
//! like drawing one numbered ball per contender.

use serde::{Deserialize, Serialize};

use crate::error::CountError;

/// How a tie is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// The contender registered earlier wins (lower registration number).
    #[default]
    RegistrationOrder,
    /// A lot drawn from the seed given in the input (see the module documentation).
    Lot,
}

/// A tie met during a count: contenders with an equal figure competing for fewer
/// places than there were contenders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tie {
    /// What was equal: `votes`, `quotient`, `remainder` or `preference_votes`.
    pub on: String,
    /// The equal figure, exactly: an integer (`"13278"`) or a fraction (`"700/3"`).
    pub value: String,
    /// The contenders, in the order the tie rule placed them (first = favoured).
    pub ids: Vec<String>,
    /// Those of them who got what was at stake (a seat, a place in the run-off).
    pub winners: Vec<String>,
    /// The rule that broke the tie.
    pub broken_by: TieBreak,
    /// The seed of the lot, when the tie was broken by lot.
    pub seed: Option<String>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

fn splitmix64(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The lot number of a contender for a seed (see the module documentation for the
/// exact algorithm). Among tied contenders the lowest lot number wins.
pub fn lot_number(seed: &str, id: &str) -> u64 {
    let h = fnv1a(FNV_OFFSET, seed.as_bytes());
    let h = fnv1a(h, &[0]);
    splitmix64(fnv1a(h, id.as_bytes()))
}

/// The tie rule of one count, ready to give each contender its tie key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TieRule<'a> {
    pub(crate) rule: TieBreak,
    pub(crate) seed: Option<&'a str>,
}

impl TieRule<'_> {
    /// The key that orders tied contenders: lower wins. Under registration order it is
    /// the registration number; under lot it is the lot number. Without a seed every
    /// lot number is 0, so ties fall back to identifier order; callers then refuse the
    /// count with `MISSING_SEED` if such a tie decided anything.
    pub(crate) fn key(&self, id: &str, registered: u64) -> u64 {
        match (self.rule, self.seed) {
            (TieBreak::RegistrationOrder, _) => registered,
            (TieBreak::Lot, Some(seed)) => lot_number(seed, id),
            (TieBreak::Lot, None) => 0,
        }
    }

    /// A tie that decides something must be breakable by the rule chosen: a lot needs
    /// a seed, and registration order needs distinct registration numbers among the
    /// tied contenders, given as `(id, registration number)`.
    pub(crate) fn check_breakable(&self, tied: &[(&str, u64)]) -> Result<(), CountError> {
        match self.rule {
            TieBreak::Lot if self.seed.is_none() => Err(CountError::MissingSeed),
            TieBreak::Lot => Ok(()),
            TieBreak::RegistrationOrder => {
                for (n, &(a, reg)) in tied.iter().enumerate() {
                    if let Some(&(b, _)) = tied[n + 1..].iter().find(|&&(_, r)| r == reg) {
                        return Err(CountError::RegistrationTie {
                            first: a.to_owned(),
                            second: b.to_owned(),
                        });
                    }
                }
                Ok(())
            }
        }
    }

    pub(crate) fn tie(
        &self,
        on: &str,
        value: String,
        ids: Vec<String>,
        winners: Vec<String>,
    ) -> Tie {
        Tie {
            on: on.to_owned(),
            value,
            ids,
            winners,
            broken_by: self.rule,
            seed: match self.rule {
                TieBreak::Lot => self.seed.map(str::to_owned),
                TieBreak::RegistrationOrder => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // Reference values of 64-bit FNV-1a: "" and "a".
        assert_eq!(fnv1a(FNV_OFFSET, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(FNV_OFFSET, b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn splitmix64_matches_the_reference_generator() {
        // First output of the reference SplitMix64 seeded with 0.
        assert_eq!(splitmix64(0), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn lot_numbers_are_reproducible_from_seed_and_id_alone() {
        assert_eq!(
            lot_number("2025-11-30 CEC", "A"),
            lot_number("2025-11-30 CEC", "A")
        );
        assert_ne!(
            lot_number("2025-11-30 CEC", "A"),
            lot_number("2025-11-30 CEC", "B")
        );
        assert_ne!(lot_number("seed 1", "A"), lot_number("seed 2", "A"));
        // The zero byte separates seed and id, so moving characters across does not collide.
        assert_ne!(lot_number("ab", "c"), lot_number("a", "bc"));
        // Written out by hand from the documented algorithm.
        let mut h = FNV_OFFSET;
        for b in b"s\0x" {
            h = (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
        }
        assert_eq!(lot_number("s", "x"), splitmix64(h));
    }

    #[test]
    fn registration_order_keys_are_the_registration_numbers() {
        let rule = TieRule {
            rule: TieBreak::RegistrationOrder,
            seed: Some("ignored"),
        };
        assert_eq!(rule.key("A", 7), 7);
        let tie = rule.tie("votes", "5".into(), vec!["A".into()], vec![]);
        assert_eq!(tie.seed, None);
    }
}

//! Exact non-negative fractions for quotients, quotas and shares.
//!
//! Rules (docs/rules.md): R-COUNT-EXACT.
//!
//! Architecture rule: percentages and quotas are exact rationals where a seat depends on
//! them, never floats. A [`Ratio`] holds a numerator and a positive denominator as
//! `u128`; two ratios are compared by cross-multiplication, and the two products are
//! computed in 256 bits so that the comparison is exact for every pair of `u128`
//! values. Decimal parameters such as a first divisor of "1.4" or a threshold of
//! "0.5" are parsed from their text into exact ratios.

use std::cmp::Ordering;
use std::fmt;

use crate::error::CountError;

/// An exact fraction `num / den` with `den > 0`.
#[derive(Clone, Copy, Debug)]
pub struct Ratio {
    num: u128,
    den: u128,
}

impl Ratio {
    /// `num / den`, or `None` when `den` is zero.
    pub fn new(num: u128, den: u128) -> Option<Ratio> {
        (den != 0).then_some(Ratio { num, den })
    }

    /// The whole number `n`.
    pub fn integer(n: u128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    pub fn numerator(&self) -> u128 {
        self.num
    }

    pub fn denominator(&self) -> u128 {
        self.den
    }

    pub fn is_zero(&self) -> bool {
        self.num == 0
    }

    /// The largest integer not above this ratio.
    pub fn floor(&self) -> u128 {
        self.num / self.den
    }

    /// The smallest integer not below this ratio.
    pub fn ceil(&self) -> u128 {
        self.num.div_ceil(self.den)
    }

    /// The ratio in lowest terms.
    pub fn reduced(&self) -> Ratio {
        let g = gcd(self.num, self.den);
        Ratio {
            num: self.num / g,
            den: self.den / g,
        }
    }

    /// Reads a non-negative decimal such as `"1.4"`, `"5"`, `"0.5"` or `"15068.28"`
    /// exactly. At most 30 digits in all; no sign, exponent or separators. `field`
    /// names the parameter in the refusal.
    pub fn parse_decimal(field: &str, text: &str) -> Result<Ratio, CountError> {
        let bad = |why: &str| CountError::InvalidNumber {
            field: field.to_owned(),
            value: text.to_owned(),
            why: why.to_owned(),
        };
        let t = text.trim();
        if t.starts_with('-') {
            return Err(bad("it is negative"));
        }
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, f),
            None => (t, ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return Err(bad("it has no digits"));
        }
        if !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return Err(bad(
                "write it with digits and at most one decimal point, such as 1.4",
            ));
        }
        if whole.len() + frac.len() > 30 {
            return Err(bad("it has more than 30 digits"));
        }
        let mut num: u128 = 0;
        for b in whole.bytes().chain(frac.bytes()) {
            num = num * 10 + u128::from(b - b'0');
        }
        let den = 10u128.pow(frac.len() as u32);
        Ok(Ratio { num, den }.reduced())
    }

    /// Reads a percentage such as `"5"`, `"0.5"` or `"50%"` as the exact fraction of
    /// one (5% is 1/20).
    pub fn parse_percent(field: &str, text: &str) -> Result<Ratio, CountError> {
        let t = text.trim();
        let t = t.strip_suffix('%').unwrap_or(t);
        let p = Ratio::parse_decimal(field, t)?;
        Ok(Ratio {
            num: p.num,
            den: p.den * 100,
        }
        .reduced())
    }

    /// The ratio as a percentage in lowest terms, as text: `"5"` or `"0.5"` where the
    /// decimal is finite within 30 places, else a fraction of 100 such as `"100/3"`.
    pub fn percent_text(&self) -> String {
        let p = Ratio {
            num: self.num,
            den: self.den,
        };
        // p * 100, kept exact
        let g = gcd(100, p.den);
        let scaled = Ratio {
            num: p.num.saturating_mul(100 / g),
            den: p.den / g,
        }
        .reduced();
        scaled.exact_decimal().unwrap_or_else(|| scaled.to_string())
    }

    /// The ratio as a percentage rounded half up to two places, for display only
    /// (`1/3` gives `"33.33"`).
    pub fn percent_text_rounded(&self) -> String {
        let (hi, lo) = mul_wide(self.num, 100);
        if hi != 0 {
            return self.percent_text();
        }
        Ratio {
            num: lo,
            den: self.den,
        }
        .decimal(2)
    }

    /// The exact decimal expansion when it terminates within 30 places.
    fn exact_decimal(&self) -> Option<String> {
        let r = self.reduced();
        let mut d = r.den;
        for f in [2u128, 5] {
            while d.is_multiple_of(f) {
                d /= f;
            }
        }
        if d != 1 {
            return None;
        }
        let mut places = 0;
        while !10u128.checked_pow(places)?.is_multiple_of(r.den) {
            places += 1;
            if places > 30 {
                return None;
            }
        }
        Some(r.decimal(places as usize))
    }

    /// The ratio written as a decimal rounded half up to `places` decimal places, for
    /// display only (decisions never use it).
    pub fn decimal(&self, places: usize) -> String {
        let scale = 10u128.checked_pow(places as u32).unwrap_or(1);
        let whole = self.num / self.den;
        let rest = self.num % self.den;
        // rest / den * scale, rounded half up, without overflow for realistic sizes
        let (hi, lo) = mul_wide(rest, scale);
        let scaled = div_wide_rounded(hi, lo, self.den);
        let (whole, frac) = match scaled {
            Some(f) if f >= scale => (whole + 1, f - scale),
            Some(f) => (whole, f),
            None => (whole, 0),
        };
        if places == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{frac:0places$}")
        }
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Ratio) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    /// a/b against c/d as a·d against c·b, both products in 256 bits.
    fn cmp(&self, other: &Ratio) -> Ordering {
        mul_wide(self.num, other.den).cmp(&mul_wide(other.num, self.den))
    }
}

impl fmt::Display for Ratio {
    /// Lowest terms: `"7"` for whole numbers, else `"700/3"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.reduced();
        if r.den == 1 {
            write!(f, "{}", r.num)
        } else {
            write!(f, "{}/{}", r.num, r.den)
        }
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    if a == 0 { 1 } else { a }
}

/// The full 256-bit product of two `u128`, as (high, low) halves.
pub(crate) fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & MASK);
    let (b1, b0) = (b >> 64, b & MASK);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & MASK) + (p10 & MASK);
    let lo = (p00 & MASK) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// (hi·2^128 + lo) / d rounded half up, if the result fits in a `u128`.
fn div_wide_rounded(hi: u128, lo: u128, d: u128) -> Option<u128> {
    if hi == 0 {
        let q = lo / d;
        let r = lo % d;
        return Some(if r >= d - r { q + 1 } else { q });
    }
    // Long division bit by bit; only reached for huge display values.
    if hi >= d {
        return None;
    }
    let (mut rem, mut q) = (hi, 0u128);
    for i in (0..128).rev() {
        let carry = rem >> 127;
        rem = (rem << 1) | ((lo >> i) & 1);
        q <<= 1;
        if carry == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            q |= 1;
        }
    }
    Some(if rem >= d - rem {
        q.saturating_add(1)
    } else {
        q
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: u128, d: u128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn fractions_compare_exactly_by_cross_multiplication() {
        assert!(r(700, 3) > r(466, 2));
        assert_eq!(r(2, 4), r(1, 2));
        assert!(r(1, 3) < r(333_333_333_333_333_334, 1_000_000_000_000_000_000));
        // Products beyond u128 still compare exactly.
        let big = u128::MAX;
        assert!(r(big, big - 1) < r(big - 1, big - 2));
        assert!(r(big - 1, big) < r(big, big));
        assert_eq!(r(big, big), r(1, 1));
    }

    #[test]
    fn wide_multiplication_is_exact() {
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
        assert_eq!(mul_wide(1 << 64, 1 << 64), (1, 0));
        assert_eq!(mul_wide(12345, 67890), (0, 12345 * 67890));
    }

    #[test]
    fn decimal_parameters_parse_to_exact_ratios() {
        let d = Ratio::parse_decimal("first divisor", "1.4").unwrap();
        assert_eq!((d.numerator(), d.denominator()), (7, 5));
        assert_eq!(Ratio::parse_decimal("x", "5").unwrap(), r(5, 1));
        assert_eq!(Ratio::parse_decimal("x", ".5").unwrap(), r(1, 2));
        assert_eq!(Ratio::parse_percent("x", "0.5").unwrap(), r(1, 200));
        assert_eq!(Ratio::parse_percent("x", "50%").unwrap(), r(1, 2));
        for bad in ["", "-1", "1,4", "1.4.2", "1e3", "abc", "."] {
            let e = Ratio::parse_decimal("first divisor", bad).unwrap_err();
            assert_eq!(e.code(), "INVALID_NUMBER", "{bad:?}");
        }
    }

    #[test]
    fn display_rounds_half_up_for_reports_only() {
        // The 2021 Hare quota: 813,687 votes for 54 seats.
        assert_eq!(r(813_687, 54).decimal(2), "15068.28");
        assert_eq!(r(1, 8).decimal(2), "0.13");
        assert_eq!(r(999, 1000).decimal(2), "1.00");
        assert_eq!(r(5, 1).decimal(0), "5");
        assert_eq!(r(700, 3).to_string(), "700/3");
        assert_eq!(r(10, 5).to_string(), "2");
        assert_eq!(r(1, 20).percent_text(), "5");
        assert_eq!(r(1, 200).percent_text(), "0.5");
        assert_eq!(r(1, 3).percent_text(), "100/3");
    }

    #[test]
    fn floor_and_ceil_are_exact() {
        assert_eq!(r(7, 2).floor(), 3);
        assert_eq!(r(7, 2).ceil(), 4);
        assert_eq!(r(8, 2).ceil(), 4);
    }
}

//! Money as an integer count of the currency's smallest unit (tyiyn for the som).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct Money(pub u64);

impl Money {
    /// Whole units of the currency (som), as fees are set in law.
    pub fn whole(units: u64) -> Self {
        Money(units * 100)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{grouped}.{:02}", self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_prints_grouped_with_minor_units() {
        assert_eq!(Money::whole(300_000).to_string(), "300,000.00");
        assert_eq!(Money(5).to_string(), "0.05");
    }
}

//! Legal dates: the date an act takes effect in law, as opposed to when it was typed in.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD`, of a year from
/// [`LegalDate::MIN_YEAR`] to [`LegalDate::MAX_YEAR`]: what every store keeps as it is, so a
/// date accepted here can never fail inside a store (H5), and far beyond any legal date an
/// election record holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LegalDate {
    year: u16,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a date from 1900-01-01 to 2199-12-31; write it as YYYY-MM-DD, for example 2025-11-30"
)]
pub struct BadDate(pub String);

impl LegalDate {
    pub const MIN_YEAR: u16 = 1900;
    pub const MAX_YEAR: u16 = 2199;
    /// The first and last dates a record can hold.
    pub const MIN: LegalDate = LegalDate {
        year: Self::MIN_YEAR,
        month: 1,
        day: 1,
    };
    pub const MAX: LegalDate = LegalDate {
        year: Self::MAX_YEAR,
        month: 12,
        day: 31,
    };

    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    /// The date `days` days later (a statutory deadline counted from this date).
    pub fn plus_days(self, days: u32) -> LegalDate {
        let mut date = self;
        for _ in 0..days {
            date = if date.day < days_in_month(date.year, date.month) {
                LegalDate {
                    day: date.day + 1,
                    ..date
                }
            } else if date.month < 12 {
                LegalDate {
                    month: date.month + 1,
                    day: 1,
                    ..date
                }
            } else {
                LegalDate {
                    year: date.year.saturating_add(1),
                    month: 1,
                    day: 1,
                }
            };
        }
        date
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for LegalDate {
    type Err = BadDate;

    fn from_str(text: &str) -> Result<Self, BadDate> {
        let bad = || BadDate(text.to_string());
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(bad());
        }
        let digits = |range: std::ops::Range<usize>| -> Result<u16, BadDate> {
            let part = &text[range];
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse().map_err(|_| bad())
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        LegalDate::new(year, month as u8, day as u8).ok_or_else(bad)
    }
}

impl fmt::Display for LegalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for LegalDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LegalDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print_in_iso_form() {
        let date: LegalDate = "2025-12-03".parse().unwrap();
        assert_eq!(date.to_string(), "2025-12-03");
        assert!(date < "2026-02-13".parse().unwrap());
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-1",
            "20251203",
            "２０２５-12-03",
        ] {
            assert!(text.parse::<LegalDate>().is_err(), "{text}");
        }
        assert!("2024-02-29".parse::<LegalDate>().is_ok());
    }

    #[test]
    fn h5_only_years_every_store_keeps_are_dates() {
        for text in [
            "0000-01-01",
            "0001-01-01",
            "1899-12-31",
            "2200-01-01",
            "9999-12-31",
        ] {
            assert!(text.parse::<LegalDate>().is_err(), "{text}");
        }
        assert_eq!("1900-01-01".parse::<LegalDate>(), Ok(LegalDate::MIN));
        assert_eq!("2199-12-31".parse::<LegalDate>(), Ok(LegalDate::MAX));
    }
}

//! Dates and instants in the two text forms the record uses, without a date-time crate:
//! the record only needs to check a calendar date and to write the current UTC instant.

use std::time::{SystemTime, UNIX_EPOCH};

/// True when `s` is a real calendar date written `YYYY-MM-DD` (proleptic Gregorian, year
/// 0001 to 9999). Legal dates are compared as text elsewhere, so the form is strict: no
/// time, no zone, no missing leading zeros.
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// True when `s` has exactly the form the store writes: `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn is_valid_instant(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 24 || !is_valid_date(&s[..10]) {
        return false;
    }
    let shape = b"0000-00-00T00:00:00.000Z";
    let shape_ok = b.iter().zip(shape).skip(10).all(|(&c, &p)| {
        if p == b'0' {
            c.is_ascii_digit()
        } else {
            c == p
        }
    });
    shape_ok && &s[11..13] <= "23" && &s[14..16] <= "59" && &s[17..19] <= "59"
}

/// The current UTC instant as RFC 3339 with milliseconds, e.g. `2026-02-13T10:04:05.123Z`.
/// `None` when the system clock is set before 1970, which no real deployment has and which
/// must not be written into a record as if it were true.
pub fn now_instant() -> Option<String> {
    let since = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
    Some(format_instant(i64::try_from(since.as_millis()).ok()?))
}

/// Formats milliseconds since 1970-01-01T00:00:00Z (non-negative) in the record's form.
pub fn format_instant(unix_millis: i64) -> String {
    let millis = unix_millis.rem_euclid(1000);
    let secs = unix_millis.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        sod / 3600,
        (sod / 60) % 60,
        sod % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for good in [
            "2026-02-13",
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert!(is_valid_date(good), "{good}");
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-1-01",
            "2026-01-01T00:00",
            "0000-01-01",
            "2026/01/01",
            "",
            "２０２６-01-01",
            "+026-01-01",
        ] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn instants() {
        assert_eq!(format_instant(0), "1970-01-01T00:00:00.000Z");
        // 2026-02-13T10:04:05.123Z, checked against `date -u -d @1770977045`.
        assert_eq!(
            format_instant(1_770_977_045_123),
            "2026-02-13T10:04:05.123Z"
        );
        assert_eq!(format_instant(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert!(is_valid_instant("2026-02-13T10:04:05.123Z"));
        assert!(!is_valid_instant("2026-02-13T10:04:05Z"));
        assert!(!is_valid_instant("2026-02-13T24:04:05.123Z"));
        assert!(!is_valid_instant("2026-02-13 10:04:05.123Z"));
        let now = now_instant().unwrap();
        assert!(is_valid_instant(&now), "{now}");
    }
}

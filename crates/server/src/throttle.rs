//! Throttling of failed logins per user name: after [`MAX_FAILURES`] failures in a row,
//! further attempts for that name are refused until [`LOCKOUT`] seconds have passed since
//! the last failure. Kept in memory: a restart forgets it, which only helps the legitimate
//! user. The lockout is short so that someone who knows a user name cannot lock its owner
//! out for long.

use std::collections::HashMap;
use std::sync::Mutex;

pub const MAX_FAILURES: u32 = 5;
/// Seconds an attempt is refused after the last of [`MAX_FAILURES`] failures, and after
/// which failures are forgotten.
pub const LOCKOUT: i64 = 5 * 60;
/// User names tracked at most; past that, expired ones are dropped first and then new names
/// are not tracked (the throttle fails open rather than growing without bound).
const MAX_TRACKED: usize = 10_000;

#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, Failures>>,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: i64,
}

impl Throttle {
    /// `Err(seconds to wait)` if `user` may not try now.
    pub fn check(&self, user: &str, now: i64) -> Result<(), i64> {
        let map = self.lock();
        match map.get(user) {
            Some(f) if f.count >= MAX_FAILURES && now - f.last < LOCKOUT => {
                Err(LOCKOUT - (now - f.last))
            }
            _ => Ok(()),
        }
    }

    pub fn failed(&self, user: &str, now: i64) {
        let mut map = self.lock();
        if map.len() >= MAX_TRACKED && !map.contains_key(user) {
            map.retain(|_, f| now - f.last < LOCKOUT);
            if map.len() >= MAX_TRACKED {
                return;
            }
        }
        let entry = map.entry(user.to_string()).or_insert(Failures {
            count: 0,
            last: now,
        });
        if now - entry.last >= LOCKOUT {
            entry.count = 0;
        }
        entry.count += 1;
        entry.last = now;
    }

    pub fn succeeded(&self, user: &str) {
        self.lock().remove(user);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failures>> {
        // A panic while holding the lock leaves a map that is still consistent.
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_a_name_for_a_while() {
        let t = Throttle::default();
        for i in 0..MAX_FAILURES {
            assert!(t.check("a", 100).is_ok(), "attempt {i}");
            t.failed("a", 100);
        }
        assert_eq!(t.check("a", 100), Err(LOCKOUT));
        assert_eq!(t.check("a", 160), Err(LOCKOUT - 60));
        assert!(t.check("b", 100).is_ok(), "other names are not affected");
        assert!(t.check("a", 100 + LOCKOUT).is_ok());
        t.failed("a", 100 + LOCKOUT);
        assert!(
            t.check("a", 100 + LOCKOUT).is_ok(),
            "old failures forgotten"
        );
    }

    #[test]
    fn a_success_clears_the_count() {
        let t = Throttle::default();
        for _ in 0..MAX_FAILURES - 1 {
            t.failed("a", 0);
        }
        t.succeeded("a");
        t.failed("a", 0);
        assert!(t.check("a", 0).is_ok());
    }
}

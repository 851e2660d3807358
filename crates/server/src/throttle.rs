//! Throttling of logins (H3, H4, M7): every password check is first *reserved* against four
//! counters, and refused without checking when one of them is full.
//!
//! 1. the client's address: at most 20 attempts per window, checked first, so that one
//!    visitor runs out of attempts before it can lock anybody out;
//! 2. the user name from that address: at most 5 — the guesses one visitor gets at one
//!    account; the owner, from another address, is not affected;
//! 3. the user name from every address together: at most 30, against guessing spread over
//!    many addresses;
//! 4. every login of the record: at most 1,000, a bound on the password checks (and on the
//!    counters kept) however many addresses are used.
//!
//! The last two are looked at (without counting) before the others, so that while one is
//! full a flood from new addresses writes nothing.
//!
//! The last two would let a visitor with a few dozen addresses (one IPv6 customer has many
//! /64s) lock every owner out (M7). So an address from which a name has logged in within
//! [`KNOWN_FOR`] is *known* for that name: there the name's and the record's counters do not
//! apply, only the first two. A visitor cannot make its own addresses known for a name
//! without its password, and at a known address it still gets 5 checks per window.
//!
//! (The figures are [`ThrottleLimits::default`], per window of five minutes.)
//!
//! A reservation is one conditional `UPSERT` in the record's database, so the check and the
//! count are one atomic step: 200 concurrent attempts reserve at most the limit, whichever
//! server they reach. A successful login gives its reservations back; a failure keeps
//! them until the window (five minutes from its first attempt) ends. A counter that is
//! full does not count the attempt it refuses (nor do the counters after it), so a flood
//! against a full counter writes nothing. The counters live in tables beside the accounts,
//! so every server on one PostgreSQL record shares them, and there is no table size past
//! which names stop being tracked: rows are made only by attempts that the record's and
//! the name's counters let through (a few per password check), and rows of ended windows
//! are removed.

use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, Ordering};

use sha2::{Digest, Sha256};

use crate::accounts::{AccountError, MAX_USER_CHARS};
use crate::store::{Db, on_db, store};

/// How many password checks each counter allows per window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleLimits {
    /// Seconds a window lasts, from the first attempt it counts.
    pub window: i64,
    /// Attempts one client address may make per window, for any names.
    pub per_address: i64,
    /// Password checks per user name from one address per window.
    pub per_name_and_address: i64,
    /// Password checks per user name from all addresses together per window.
    pub per_name: i64,
    /// Password checks of the whole record per window (all servers together).
    pub global: i64,
}

impl Default for ThrottleLimits {
    fn default() -> Self {
        ThrottleLimits {
            window: 5 * 60,
            per_address: 20,
            per_name_and_address: 5,
            per_name: 30,
            global: 1_000,
        }
    }
}
/// Ended windows are removed at most this often (seconds).
const PRUNE_EVERY: i64 = 60;
/// How long (seconds) an address stays known for a name after a login from it: 30 days.
pub const KNOWN_FOR: i64 = 30 * 24 * 60 * 60;
/// The scope of the rows that say an address is known for a name; `window_start` holds the
/// time of the last login from it.
const KNOWN: &str = "known";

/// Where a login comes from, as far as the server can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClientAddress(pub Option<IpAddr>);

impl ClientAddress {
    /// The key an address is counted under: an IPv4 address, or the /64 an IPv6 address
    /// belongs to (one machine usually has a whole /64 to choose from).
    pub fn key(&self) -> String {
        match self.0 {
            Some(IpAddr::V4(v4)) => v4.to_string(),
            Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = v6.segments();
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
                }
            },
            None => "unknown".to_string(),
        }
    }
}

/// Which counter refused an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    Address,
    NameAndAddress,
    Name,
    Global,
}

impl Limit {
    fn scope(self) -> &'static str {
        match self {
            Limit::Address => "address",
            Limit::NameAndAddress => "name_address",
            Limit::Name => "name",
            Limit::Global => "global",
        }
    }

    fn max(self, limits: &ThrottleLimits) -> i64 {
        match self {
            Limit::Address => limits.per_address,
            Limit::NameAndAddress => limits.per_name_and_address,
            Limit::Name => limits.per_name,
            Limit::Global => limits.global,
        }
    }

    /// The stable name used in the audit log.
    pub fn name(self) -> &'static str {
        self.scope()
    }
}

/// An attempt that may go ahead, holding its place in each counter.
#[derive(Debug)]
pub struct Reservation {
    slots: Vec<(Limit, String, i64)>,
    /// The name-and-address key, made known for the name if the login succeeds.
    known_key: String,
    now: i64,
}

/// An attempt that may not go ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub limit: Limit,
    /// Seconds until the counter's window ends.
    pub retry_after: i64,
    /// The counter and the start of its window: one lock, for writing it to the audit log
    /// once rather than once per refused attempt.
    pub window: (Limit, String, i64),
}

/// The login counters of one record's database.
#[derive(Debug, Default)]
pub struct Throttle {
    limits: ThrottleLimits,
    last_prune: AtomicI64,
}

const RESERVE: &str = "INSERT INTO login_throttle (scope, key, window_start, attempts) \
     VALUES ($1, $2, $3, 1) \
     ON CONFLICT (scope, key) DO UPDATE SET \
     attempts = CASE WHEN login_throttle.window_start <= $4 THEN 1 \
                ELSE login_throttle.attempts + 1 END, \
     window_start = CASE WHEN login_throttle.window_start <= $4 THEN $3 \
                    ELSE login_throttle.window_start END \
     WHERE login_throttle.window_start <= $4 OR login_throttle.attempts < $5 \
     RETURNING window_start";

impl Throttle {
    pub fn new(limits: ThrottleLimits) -> Throttle {
        Throttle {
            limits,
            last_prune: AtomicI64::new(0),
        }
    }

    /// Reserves one password check for `user` from `address` at `now`, or says which limit
    /// refuses it. A refused attempt stays counted in the counters before the one that
    /// refused it (a visitor knocking on a locked name uses up its own address).
    pub(crate) async fn reserve(
        &self,
        db: &Db,
        user: &str,
        address: &ClientAddress,
        now: i64,
    ) -> Result<Result<Reservation, Refused>, AccountError> {
        self.prune(db, now).await?;
        let window = self.limits.window;
        let user = name_key(user);
        let address = address.key();
        let known_key = format!("{user}\n{address}");
        let known: Option<i64> = on_db!(db, pool => sqlx::query_scalar(
            "SELECT window_start FROM login_throttle WHERE scope = $1 AND key = $2")
            .bind(KNOWN)
            .bind(&known_key)
            .fetch_optional(pool)
            .await)
        .map_err(store("reading a known address"))?;
        let known = known.is_some_and(|last| last > now - KNOWN_FOR);
        // The record's and the name's counters are looked at first, without counting: while
        // one is full, attempts (from however many addresses) write nothing. They do not
        // apply at an address known for the name (M7).
        let shared: &[(Limit, &str)] = if known {
            &[]
        } else {
            &[(Limit::Global, ""), (Limit::Name, user.as_str())]
        };
        for &(limit, key) in shared {
            let row: Option<(i64, i64)> = on_db!(db, pool => sqlx::query_as(
                "SELECT window_start, attempts FROM login_throttle WHERE scope = $1 AND key = $2")
                .bind(limit.scope())
                .bind(key)
                .fetch_optional(pool)
                .await)
            .map_err(store("reading a login counter"))?;
            if let Some((window_start, attempts)) = row
                && window_start > now - window
                && attempts >= limit.max(&self.limits)
            {
                return Ok(Err(Refused {
                    limit,
                    retry_after: (window_start + window - now).max(1),
                    window: (limit, key.to_string(), window_start),
                }));
            }
        }
        let mut keys = vec![
            (Limit::Address, address),
            (Limit::NameAndAddress, known_key.clone()),
        ];
        if !known {
            keys.push((Limit::Name, user));
            keys.push((Limit::Global, String::new()));
        }
        let mut reservation = Reservation {
            slots: Vec::new(),
            known_key,
            now,
        };
        for (limit, key) in keys {
            let reserved: Option<i64> = on_db!(db, pool => sqlx::query_scalar(RESERVE)
                .bind(limit.scope())
                .bind(&key)
                .bind(now)
                .bind(now - window)
                .bind(limit.max(&self.limits))
                .fetch_optional(pool)
                .await)
            .map_err(store("reserving a login attempt"))?;
            match reserved {
                Some(window_start) => reservation.slots.push((limit, key, window_start)),
                None => {
                    // Attempts the earlier counters let through stay counted: a visitor
                    // that keeps knocking on a locked name uses up its own address.
                    let window_start: Option<i64> = on_db!(db, pool => sqlx::query_scalar(
                        "SELECT window_start FROM login_throttle WHERE scope = $1 AND key = $2")
                        .bind(limit.scope())
                        .bind(&key)
                        .fetch_optional(pool)
                        .await)
                    .map_err(store("reading a login counter"))?;
                    let window_start = window_start.unwrap_or(now);
                    return Ok(Err(Refused {
                        limit,
                        retry_after: (window_start + window - now).max(1),
                        window: (limit, key, window_start),
                    }));
                }
            }
        }
        Ok(Ok(reservation))
    }

    /// A successful login: its reservations are given back, the failures of that name
    /// from that address are forgotten, and the address is known for the name from now on.
    pub(crate) async fn succeeded(
        &self,
        db: &Db,
        reservation: Reservation,
    ) -> Result<(), AccountError> {
        on_db!(db, pool => sqlx::query(
            "INSERT INTO login_throttle (scope, key, window_start, attempts) \
             VALUES ($1, $2, $3, 0) \
             ON CONFLICT (scope, key) DO UPDATE SET window_start = $3")
            .bind(KNOWN)
            .bind(&reservation.known_key)
            .bind(reservation.now)
            .execute(pool)
            .await
            .map(|_| ()))
        .map_err(store("remembering a known address"))?;
        for (limit, key, window_start) in reservation.slots {
            let sql = if limit == Limit::NameAndAddress {
                "DELETE FROM login_throttle WHERE scope = $1 AND key = $2 AND window_start = $3"
            } else {
                "UPDATE login_throttle SET attempts = attempts - 1 \
                 WHERE scope = $1 AND key = $2 AND window_start = $3 AND attempts > 0"
            };
            on_db!(db, pool => sqlx::query(sql)
                .bind(limit.scope())
                .bind(&key)
                .bind(window_start)
                .execute(pool)
                .await
                .map(|_| ()))
            .map_err(store("giving back a login attempt"))?;
        }
        Ok(())
    }

    /// Removes the counters of ended windows, at most every [`PRUNE_EVERY`] seconds.
    async fn prune(&self, db: &Db, now: i64) -> Result<(), AccountError> {
        let last = self.last_prune.load(Ordering::Relaxed);
        if now - last < PRUNE_EVERY
            || self
                .last_prune
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return Ok(());
        }
        on_db!(db, pool => sqlx::query(
            "DELETE FROM login_throttle WHERE window_start <= $1 AND scope <> $2 \
             OR window_start <= $3 AND scope = $2")
            .bind(now - self.limits.window)
            .bind(KNOWN)
            .bind(now - KNOWN_FOR)
            .execute(pool)
            .await
            .map(|_| ()))
        .map_err(store("removing ended login counters"))?;
        Ok(())
    }
}

/// The key a user name is counted under: the name, or for a name longer than any account's
/// (a visitor may send 16 KiB of it) its SHA-256, so that a counter's row stays small.
fn name_key(user: &str) -> String {
    if user.chars().count() <= MAX_USER_CHARS {
        user.to_string()
    } else {
        format!("sha256:{}", hex::encode(Sha256::digest(user.as_bytes())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    #[test]
    fn ipv6_addresses_are_counted_by_their_64_and_mapped_ones_as_ipv4() {
        let a = ClientAddress(Some(IpAddr::V6(Ipv6Addr::new(
            0x2001, 0xdb8, 1, 2, 3, 4, 5, 6,
        ))));
        let b = ClientAddress(Some(IpAddr::V6(Ipv6Addr::new(
            0x2001, 0xdb8, 1, 2, 9, 9, 9, 9,
        ))));
        assert_eq!(a.key(), b.key());
        assert_eq!(a.key(), "2001:db8:1:2::/64");
        let mapped = ClientAddress(Some(IpAddr::V6(
            Ipv4Addr::new(10, 0, 0, 1).to_ipv6_mapped(),
        )));
        assert_eq!(mapped.key(), "10.0.0.1");
        assert_eq!(ClientAddress(None).key(), "unknown");
    }
}

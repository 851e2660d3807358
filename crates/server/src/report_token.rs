//! The token a public report form carries, so that a report can be sent only from a form
//! this server gave out, for the station it names, within [`TOKEN_VALID_FOR`] of giving it
//! out: `{issued}.{mac}`, where the MAC is HMAC-SHA256 of the station's key, the protocol's
//! version shown and the time of issue under a secret drawn at start. The secret lives only
//! in the process: a restart (or another server of the record) makes earlier forms invalid,
//! and the reader opens the form again. Nothing is stored per form.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tandoo_core::ids::{ConstituencyNo, StationId};

use crate::store::StoreError;

/// How long (seconds) a form may be sent after it was given out: two hours.
pub const TOKEN_VALID_FOR: i64 = 2 * 60 * 60;
/// How far (seconds) a time of issue may lie ahead of the clock: none should, but servers'
/// clocks differ a little.
const CLOCK_SKEW: i64 = 60;

/// What a form is given out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormFor {
    pub constituency: ConstituencyNo,
    pub station: StationId,
    /// The protocol's accepted version the form was given out against.
    pub version: u32,
}

/// The process's secret for report forms.
pub struct TokenKey([u8; 32]);

impl TokenKey {
    /// A fresh secret from the operating system.
    pub fn random() -> Result<TokenKey, StoreError> {
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret).map_err(|e| StoreError {
            action: "drawing the report forms' secret",
            detail: e.to_string(),
        })?;
        Ok(TokenKey(secret))
    }

    /// The token of a form for `form` given out at `now`.
    pub fn issue(&self, form: FormFor, now: i64) -> String {
        let mac = self.mac(form, now).finalize().into_bytes();
        format!("{now}.{}", hex::encode(mac))
    }

    /// Whether `token` was given out by this process for `form`, at most
    /// [`TOKEN_VALID_FOR`] before `now`.
    pub fn check(&self, form: FormFor, token: &str, now: i64) -> bool {
        let Some((issued, mac)) = token.split_once('.') else {
            return false;
        };
        let (Ok(issued), Ok(mac)) = (issued.parse::<i64>(), hex::decode(mac)) else {
            return false;
        };
        let fresh = issued <= now + CLOCK_SKEW && now - issued <= TOKEN_VALID_FOR;
        fresh && self.mac(form, issued).verify_slice(&mac).is_ok()
    }

    fn mac(&self, form: FormFor, issued: i64) -> Hmac<Sha256> {
        // Any key length is accepted by HMAC, so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        let message = format!(
            "public-report\n{}\n{}\n{}\n{issued}",
            form.constituency, form.station, form.version
        );
        mac.update(message.as_bytes());
        mac
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: FormFor = FormFor {
        constituency: ConstituencyNo(13),
        station: StationId(4521),
        version: 1,
    };

    #[test]
    fn a_token_holds_for_its_station_and_two_hours_only() {
        let key = TokenKey::random().unwrap();
        let token = key.issue(FORM, 1_000_000);
        assert!(key.check(FORM, &token, 1_000_000));
        assert!(key.check(FORM, &token, 1_000_000 + TOKEN_VALID_FOR));
        assert!(!key.check(FORM, &token, 1_000_001 + TOKEN_VALID_FOR));
        let other = FormFor {
            station: StationId(4522),
            ..FORM
        };
        assert!(!key.check(other, &token, 1_000_000));
        assert!(!TokenKey::random().unwrap().check(FORM, &token, 1_000_000));
        let later = token.replacen("1000000", "1000100", 1);
        assert!(
            !key.check(FORM, &later, 1_000_100),
            "the time is under the MAC"
        );
        assert!(!key.check(FORM, "", 1_000_000));
        assert!(!key.check(FORM, "1000000.zz", 1_000_000));
    }
}

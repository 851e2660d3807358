//! Canonical JSON: the one byte form of a value that every hash in the record is taken over.
//!
//! The form is RFC 8785, the JSON Canonicalization Scheme (JCS): object members sorted by
//! their names compared as UTF-16 code units, no insignificant whitespace, and strings
//! escaped exactly as ECMAScript's `JSON.stringify` escapes them. Anyone with a JCS library
//! (or twenty lines of code) can therefore recompute a hash from an exported entry.
//!
//! Acts carry only strings, integers, booleans, null, arrays and objects. The hard part of
//! JCS is the ECMAScript formatting of binary floating point numbers; because acts never
//! need one, this module refuses every non-integer number instead of formatting it, and also
//! refuses integers outside the range a double holds exactly (±(2^53 − 1), the I-JSON safe
//! range), since JCS would otherwise change their value. With floats out of the picture what
//! is left is small and easy to check, which is why it is written here rather than taken
//! from a crate: the whole encoding fits on a screen and has no dependency to audit.

use std::cmp::Ordering;
use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

/// The largest integer magnitude that survives a round trip through an IEEE 754 double
/// (ECMAScript's `Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// How an error names the value itself rather than something inside it.
const TOP: &str = "the top level";

/// Why a value has no canonical form. `path` is a JSON Pointer (RFC 6901) to the offending
/// value inside the value that was being encoded, so a person can find it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalError {
    #[error("the number {number} at {path} is not an integer; acts carry whole numbers only")]
    NotAnInteger { path: String, number: String },
    #[error(
        "the integer {number} at {path} is beyond ±9007199254740991, which other programs cannot read back exactly"
    )]
    IntegerOutOfRange { path: String, number: String },
}

impl CanonicalError {
    /// The same error for a value found under the member `prefix` (a JSON Pointer) of a
    /// larger value.
    pub fn within(self, prefix: &str) -> CanonicalError {
        let join = |path: String| {
            if path == TOP {
                prefix.to_string()
            } else {
                format!("{prefix}{path}")
            }
        };
        match self {
            CanonicalError::NotAnInteger { path, number } => CanonicalError::NotAnInteger {
                path: join(path),
                number,
            },
            CanonicalError::IntegerOutOfRange { path, number } => {
                CanonicalError::IntegerOutOfRange {
                    path: join(path),
                    number,
                }
            }
        }
    }

    /// The JSON Pointer of the value that could not be encoded.
    pub fn path(&self) -> &str {
        match self {
            CanonicalError::NotAnInteger { path, .. }
            | CanonicalError::IntegerOutOfRange { path, .. } => path,
        }
    }
}

/// The canonical JSON text of `value`.
pub fn to_canonical_string(value: &Value) -> Result<String, CanonicalError> {
    let mut out = String::new();
    write_canonical(value, &mut out)?;
    Ok(out)
}

/// Appends the canonical JSON text of `value` to `out`. On error `out` may hold a partial
/// text, so callers that reuse a buffer must discard it.
pub fn write_canonical(value: &Value, out: &mut String) -> Result<(), CanonicalError> {
    // The pointer is only built when something goes wrong: encoding must stay cheap for the
    // millions of well-formed values a replay verifies.
    write_value(value, out).map_err(Fault::into_error)
}

/// Checks that `value` has a canonical form without building it.
pub fn check(value: &Value) -> Result<(), CanonicalError> {
    match find_fault(value) {
        None => Ok(()),
        Some(fault) => Err(fault.into_error()),
    }
}

/// Appends `s` as a JSON string literal, escaped as `JSON.stringify` does.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        // Only ASCII control characters, quote and backslash are escaped; every other code
        // point (including U+2028, U+2029 and DEL) is written as itself in UTF-8.
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            0x08 => Some("\\b"),
            0x09 => Some("\\t"),
            0x0a => Some("\\n"),
            0x0c => Some("\\f"),
            0x0d => Some("\\r"),
            0x00..=0x1f => None,
            _ => continue,
        };
        out.push_str(&s[start..i]);
        match escape {
            Some(e) => out.push_str(e),
            None => {
                // Lowercase hex, four digits: what JSON.stringify produces.
                let _ = write!(out, "\\u{b:04x}");
            }
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Orders object member names as JCS requires: by UTF-16 code units, not by UTF-8 bytes or
/// code points (the two differ for characters above U+FFFF against U+E000..U+FFFF).
pub fn compare_keys(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A value without a canonical form, located by the chain of steps from the root. Kept apart
/// from `CanonicalError` so the happy path never allocates a path.
struct Fault {
    steps: Vec<Step>,
    kind: FaultKind,
    number: String,
}

enum Step {
    Key(String),
    Index(usize),
}

enum FaultKind {
    NotAnInteger,
    OutOfRange,
}

impl Fault {
    fn into_error(mut self) -> CanonicalError {
        self.steps.reverse();
        let mut path = String::new();
        for step in &self.steps {
            path.push('/');
            match step {
                // RFC 6901 escaping: "~" then "/".
                Step::Key(k) => path.push_str(&k.replace('~', "~0").replace('/', "~1")),
                Step::Index(i) => {
                    let _ = write!(path, "{i}");
                }
            }
        }
        if path.is_empty() {
            path.push_str(TOP);
        }
        match self.kind {
            FaultKind::NotAnInteger => CanonicalError::NotAnInteger {
                path,
                number: self.number,
            },
            FaultKind::OutOfRange => CanonicalError::IntegerOutOfRange {
                path,
                number: self.number,
            },
        }
    }
}

fn number_fault(n: &Number) -> Option<Fault> {
    let kind = if let Some(i) = n.as_i64() {
        if i.unsigned_abs() <= MAX_SAFE_INTEGER {
            return None;
        }
        FaultKind::OutOfRange
    } else if n.is_u64() {
        // as_i64 failed, so this is above i64::MAX and certainly out of range.
        FaultKind::OutOfRange
    } else {
        FaultKind::NotAnInteger
    };
    Some(Fault {
        steps: Vec::new(),
        kind,
        number: n.to_string(),
    })
}

fn find_fault(value: &Value) -> Option<Fault> {
    match value {
        Value::Number(n) => number_fault(n),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            find_fault(v).map(|mut f| {
                f.steps.push(Step::Index(i));
                f
            })
        }),
        Value::Object(map) => sorted_members(map).into_iter().find_map(|(k, v)| {
            find_fault(v).map(|mut f| {
                f.steps.push(Step::Key(k.clone()));
                f
            })
        }),
        Value::Null | Value::Bool(_) | Value::String(_) => None,
    }
}

fn write_value(value: &Value, out: &mut String) -> Result<(), Fault> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => {
            if let Some(fault) = number_fault(n) {
                return Err(fault);
            }
            // A safe integer prints the same in Rust and ECMAScript: no exponent, no
            // fraction, a minus sign only when negative (serde_json never yields -0 as i64).
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out).map_err(|mut f| {
                    f.steps.push(Step::Index(i));
                    f
                })?;
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in sorted_members(map).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_value(v, out).map_err(|mut f| {
                    f.steps.push(Step::Key(k.clone()));
                    f
                })?;
            }
            out.push('}');
        }
    }
    Ok(())
}

fn sorted_members(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut members: Vec<(&String, &Value)> = map.iter().collect();
    // serde_json's default map is already sorted by UTF-8 bytes, which equals UTF-16 order
    // for most keys; sorting again keeps us right for keys where they differ and for the
    // insertion-ordered map another crate in the build may switch on.
    members.sort_by(|a, b| compare_keys(a.0, b.0));
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn canon(v: &Value) -> String {
        to_canonical_string(v).expect("encodable")
    }

    #[test]
    fn rfc8785_sorting_example() {
        // RFC 8785 section 3.2.3, with the one float member replaced by an integer: the
        // members must come out ordered by UTF-16 code units, so "\r" (U+000D) first, then
        // "1", then U+0080, U+00F6 ("ö"), U+20AC ("€"), U+1F600 (a surrogate pair, D83D DE00)
        // and finally U+FB33, which sorts after the surrogate pair in UTF-16 although it is
        // a smaller code point.
        let input: Value = serde_json::from_str(
            r#"{
                "\u20ac": "Euro Sign",
                "\r": "Carriage Return",
                "\ufb33": "Hebrew Letter Dalet With Dagesh",
                "1": "One",
                "\ud83d\ude00": "Emoji: Grinning Face",
                "\u0080": "Control",
                "\u00f6": "Latin Small Letter O With Diaeresis"
            }"#,
        )
        .unwrap();
        let keys: Vec<String> = {
            let out = canon(&input);
            let back: serde_json::Map<String, Value> = serde_json::from_str(&out).unwrap();
            // Recover the order from the text itself, not from the (sorted) map.
            let mut positions: Vec<(usize, String)> = back
                .keys()
                .map(|k| {
                    let mut lit = String::new();
                    write_string(k, &mut lit);
                    (out.find(&format!("{lit}:")).unwrap(), k.clone())
                })
                .collect();
            positions.sort();
            positions.into_iter().map(|(_, k)| k).collect()
        };
        assert_eq!(
            keys,
            vec![
                "\r",
                "1",
                "\u{80}",
                "\u{f6}",
                "\u{20ac}",
                "\u{1f600}",
                "\u{fb33}"
            ]
        );
        assert_eq!(
            canon(&input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\
             \"\u{f6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20ac}\":\"Euro Sign\",\
             \"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        );
    }

    #[test]
    fn utf16_order_differs_from_code_point_order() {
        // U+1F600 is a larger code point than U+FB33, but its first UTF-16 unit (0xD83D) is
        // smaller, so JCS puts it first. A byte-wise sort would get this wrong.
        assert_eq!(compare_keys("\u{1f600}", "\u{fb33}"), Ordering::Less);
        assert!("\u{1f600}".as_bytes() > "\u{fb33}".as_bytes());
        let v = json!({"\u{fb33}": 1, "\u{1f600}": 2});
        assert_eq!(canon(&v), "{\"\u{1f600}\":2,\"\u{fb33}\":1}");
    }

    #[test]
    fn rfc8785_string_escaping_example() {
        // RFC 8785 section 3.2.2.2: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/" becomes
        // "€$\u000f\nA'B\"\\\\\"/": lowercase hex for other controls, short escapes for \n,
        // literal non-ASCII, and the solidus is not escaped.
        let v: Value =
            serde_json::from_str(r#""\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/""#).unwrap();
        assert_eq!(canon(&v), r#""€$\u000f\nA'B\"\\\\\"/""#);
    }

    #[test]
    fn rfc8785_literals_and_structure() {
        // RFC 8785 section 3.2.2 (the non-float members of its example): literals as they
        // are, no whitespace, arrays keep their order.
        let v: Value = serde_json::from_str(
            r#"{ "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
                 "literals": [null, true, false] }"#,
        )
        .unwrap();
        assert_eq!(
            canon(&v),
            r#"{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
    }

    #[test]
    fn every_control_character_is_escaped_like_json_stringify() {
        let mut all = String::new();
        for c in 0u8..0x20 {
            all.push(c as char);
        }
        all.push('\u{7f}');
        all.push('\u{2028}');
        let mut out = String::new();
        write_string(&all, &mut out);
        assert_eq!(
            out,
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\
             \\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\
             \\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\u{7f}\u{2028}\""
        );
    }

    #[test]
    fn names_in_any_script_round_trip() {
        let v = json!({"name": "Асанов Жылдыз Үмөтбекович", "place": "Ош"});
        let text = canon(&v);
        assert_eq!(
            text,
            "{\"name\":\"Асанов Жылдыз Үмөтбекович\",\"place\":\"Ош\"}"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn integers_are_written_plainly() {
        let v = json!([0, -1, 17397, 9007199254740991_i64, -9007199254740991_i64]);
        assert_eq!(canon(&v), "[0,-1,17397,9007199254740991,-9007199254740991]");
    }

    #[test]
    fn floats_are_refused_with_their_location() {
        let v: Value = serde_json::from_str(r#"{"figures": [{"votes": 1.5}]}"#).unwrap();
        let err = to_canonical_string(&v).unwrap_err();
        assert_eq!(
            err,
            CanonicalError::NotAnInteger {
                path: "/figures/0/votes".into(),
                number: "1.5".into()
            }
        );
        assert_eq!(check(&v).unwrap_err(), err);
        // A float with no fraction is still a float: JSON text "2.0" is refused too, so the
        // encoding never depends on how a number happened to be written.
        let v: Value = serde_json::from_str(r#"{"a/b~c": 2.0}"#).unwrap();
        assert_eq!(check(&v).unwrap_err().path(), "/a~1b~0c");
    }

    #[test]
    fn unsafe_integers_are_refused() {
        for text in [
            "9007199254740992",
            "-9007199254740992",
            "18446744073709551615",
        ] {
            let v: Value = serde_json::from_str(text).unwrap();
            let err = to_canonical_string(&v).unwrap_err();
            assert!(
                matches!(err, CanonicalError::IntegerOutOfRange { ref path, .. } if path == "the top level"),
                "{text}: {err:?}"
            );
        }
        assert!(check(&json!(9007199254740991_u64)).is_ok());
    }

    #[test]
    fn check_agrees_with_encoding() {
        let good = json!({"a": [1, {"b": null}], "c": "d"});
        assert!(check(&good).is_ok());
        assert!(to_canonical_string(&good).is_ok());
    }

    /// Values built from a small deterministic generator: encoding then parsing gives the
    /// same value back, and encoding is stable (the canonical text of the parsed text is
    /// the text itself).
    #[test]
    fn round_trips_on_generated_values() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        const ALPHABET: &[&str] = &[
            "a",
            "Z",
            "0",
            " ",
            "\"",
            "\\",
            "/",
            "\n",
            "\u{1}",
            "\u{7f}",
            "é",
            "Ж",
            "ү",
            "€",
            "\u{fb33}",
            "\u{1f600}",
            "\u{2028}",
        ];
        fn gen_value(next: &mut dyn FnMut() -> u64, depth: u32) -> Value {
            let text = |next: &mut dyn FnMut() -> u64| -> String {
                (0..next() % 6)
                    .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                    .collect()
            };
            match next() % if depth == 0 { 5 } else { 7 } {
                0 => Value::Null,
                1 => Value::Bool(next().is_multiple_of(2)),
                2 => {
                    let n = (next() % (2 * MAX_SAFE_INTEGER + 1)) as i64 - MAX_SAFE_INTEGER as i64;
                    Value::from(n)
                }
                3 | 4 => Value::String(text(next)),
                5 => Value::Array(
                    (0..next() % 4)
                        .map(|_| gen_value(next, depth - 1))
                        .collect(),
                ),
                _ => Value::Object(
                    (0..next() % 5)
                        .map(|_| (text(next), gen_value(next, depth - 1)))
                        .collect(),
                ),
            }
        }
        for _ in 0..2000 {
            let v = gen_value(&mut next, 4);
            let text = canon(&v);
            let back: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back, v, "{text}");
            assert_eq!(canon(&back), text);
            assert!(!text.contains(": ") && !text.contains(", "), "{text}");
        }
    }
}

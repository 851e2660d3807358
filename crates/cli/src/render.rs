//! The few English words the other commands' summaries share (counts of acts, a
//! commission's text, a candidate's Latin name). The results of `tandoo status` are
//! rendered by `tandoo_present::text`, in the reader's language.

use tandoo_core::text::{Text, TextLanguage};

/// A commission's text for an English reader: the English text where given, else the first
/// written of Kyrgyz and Russian (the order English falls back in).
pub fn english(text: &Text) -> &str {
    text.get(TextLanguage::En).unwrap_or_else(|| text.first())
}

/// A candidate's name for an English reader: its Latin form where there is one.
pub fn latin<'a>(name: &'a str, latin_name: Option<&'a str>) -> &'a str {
    latin_name.unwrap_or(name)
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 seat", "3 seats".
pub fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

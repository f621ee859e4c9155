//! Sentence boundaries inside a paragraph, robust to abbreviations, initials and decimals.

use crate::span::Span;

/// Words that end with a full stop without ending the sentence (lower-cased, without the
/// final stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "nos", "vs", "v", "etc", "e.g", "i.e", "inc",
    "ltd", "co", "corp", "plc", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt",
    "fig", "figs", "approx", "est", "dept", "univ", "mt", "ft", "al", "cf", "ca", "c", "vol", "pp", "p",
    "op", "rev", "hon", "messrs", "bros",
];

/// Splits `span` of `text` into sentence spans (trimmed, never empty).
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let body = span.slice(text);
    let bytes = body.as_bytes();
    // News sentences run to some 120 bytes: one allocation for most paragraphs.
    let mut sentences = Vec::with_capacity(bytes.len() / 96 + 1);
    let mut start = 0;
    let mut i = 0;
    // Only the terminators matter: jump from one to the next.
    while let Some(at) = bytes.get(i..).and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest)) {
        i += at;
        // Take the whole run of terminators and closing quotes or brackets.
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
            end += 1;
        }
        end = skip_closing_quotes(body, end);
        if is_boundary(body, start, i, end) {
            push_trimmed(&mut sentences, body, span.start, start, end);
            start = end;
        }
        i = end;
    }
    push_trimmed(&mut sentences, body, span.start, start, bytes.len());
    sentences
}

/// Skips typographic closing quotes (’ ”) right after a terminator.
fn skip_closing_quotes(body: &str, mut end: usize) -> usize {
    while let Some(rest) = body.get(end..) {
        if let Some(c) = rest.chars().next().filter(|c| matches!(c, '’' | '”' | '»')) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Whether the terminator at `stop` (run ending at `end`) closes the sentence begun at `start`.
fn is_boundary(body: &str, start: usize, stop: usize, end: usize) -> bool {
    let after = &body[end..];
    let next = after.trim_start();
    if next.is_empty() {
        return true;
    }
    // A boundary needs white space after it ("p = .04", "3.5", "U.S.-led" have none).
    if after.len() == next.len() {
        return false;
    }
    let next_char = next.chars().next().unwrap_or(' ');
    if next_char.is_lowercase() {
        return false;
    }
    if body.as_bytes()[stop] != b'.' {
        return true;
    }
    let word = last_word(&body[start..stop]);
    if is_abbreviation(word) {
        return false;
    }
    // An initial ("J. Smith"): a single capital letter.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    true
}

/// Whether `word` (any case) is one of [`ABBREVIATIONS`]: a binary search of their packed
/// bytes, asked at every full stop.
fn is_abbreviation(word: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let pack = |w: &str| -> Option<u64> {
        (w.len() <= 8).then(|| w.bytes().fold(0u64, |k, b| k << 8 | u64::from(b.to_ascii_lowercase())))
    };
    let keys = KEYS.get_or_init(|| {
        let mut keys: Vec<u64> = ABBREVIATIONS.iter().filter_map(|a| pack(a)).collect();
        keys.sort_unstable();
        keys
    });
    // Every abbreviation is ASCII: a word with other bytes is none of them.
    word.is_ascii() && pack(word).is_some_and(|key| keys.binary_search(&key).is_ok())
}

/// The word just before a full stop (letters, digits and inner full stops).
fn last_word(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

fn push_trimmed(out: &mut Vec<Span>, body: &str, base: usize, start: usize, end: usize) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len())).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_at_full_stops() {
        assert_eq!(
            split("Sales rose. Profits fell! Why? Nobody knows."),
            vec!["Sales rose.", "Profits fell!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn abbreviations_initials_decimals_do_not_split() {
        let text = "Mr. Smith of the U.S. Treasury met Dr. J. Jones at 9 a.m. on Monday. \
                    Sales were 3.5 million, e.g. in Ohio. No. 10 said p = .04 was fine.";
        assert_eq!(
            split(text),
            vec![
                "Mr. Smith of the U.S. Treasury met Dr. J. Jones at 9 a.m. on Monday.",
                "Sales were 3.5 million, e.g. in Ohio.",
                "No. 10 said p = .04 was fine."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said \"it fell.\" Then it rose."),
            vec!["He said \"it fell.\"", "Then it rose."]
        );
        assert_eq!(split("“It fell.” It rose."), vec!["“It fell.”", "It rose."]);
    }

    #[test]
    fn abbreviations_are_found_in_any_case_and_nothing_else() {
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a) && is_abbreviation(&a.to_uppercase()), "{a}");
        }
        for other in ["", "m", "mrx", "messrss", "ü", "nö", "approximately", "e.g.", "u.s.a"] {
            assert!(!is_abbreviation(other), "{other}");
        }
    }

    #[test]
    fn company_suffix_does_not_split() {
        assert_eq!(split("Acme Inc. said sales rose 5%."), vec!["Acme Inc. said sales rose 5%."]);
    }
}

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
    let terminators = Terminators::get();
    // Only the terminators matter: jump from one to the next.
    while let Some(at) = bytes.get(i..).and_then(|rest| terminators.find(rest)) {
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

/// Finds the next `.`, `!` or `?`. A paragraph asks once per terminator, a short way on each
/// time: the searcher is set up once rather than on every call, as `memchr::memchr3` does.
struct Terminators {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Three>,
}

impl Terminators {
    fn get() -> &'static Terminators {
        static TERMINATORS: std::sync::OnceLock<Terminators> = std::sync::OnceLock::new();
        TERMINATORS.get_or_init(|| Terminators {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Three::new(b'.', b'!', b'?'),
        })
    }

    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(avx2) = &self.avx2 {
            return avx2.find(haystack);
        }
        memchr::memchr3(b'.', b'!', b'?', haystack)
    }
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
    let lead = lead_len(after);
    let next = &after[lead..];
    if next.is_empty() {
        return true;
    }
    // A boundary needs white space after it ("p = .04", "3.5", "U.S.-led" have none).
    if lead == 0 {
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

/// The ASCII letters and digits and the full stop, by byte value: the bytes [`last_word`]
/// walks over (one table look-up per byte where the tests take several).
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0u8;
    while b < 128 {
        table[b as usize] = b.is_ascii_alphanumeric() || b == b'.';
        b += 1;
    }
    table
};

/// The word just before a full stop (letters, digits and inner full stops).
fn last_word(before: &str) -> &str {
    // Words are mostly ASCII: walk back over bytes, and decode characters only from the
    // first non-ASCII byte on (the ASCII bytes passed so far belong to the word either way).
    let bytes = before.as_bytes();
    match bytes.iter().rposition(|&b| !WORD_BYTES[usize::from(b)]) {
        None => before,
        Some(at) if bytes[at].is_ascii() => &before[at + 1..],
        // The last byte of a character: the bytes after it are ASCII.
        Some(at) => &before[last_word_start(&before[..=at])..],
    }
}

/// Where the word at the end of `before` starts, decoding characters: the rule of
/// [`last_word`], for text that is not ASCII.
fn last_word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// How many bytes `str::trim_start` would take off `s`. Between sentences the text almost
/// always holds one ASCII space and then a printable ASCII byte, which cannot be white space:
/// that case is counted without decoding characters.
pub(super) fn lead_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let space = usize::from(bytes.first() == Some(&b' '));
    match bytes.get(space) {
        Some(b'!'..=b'~') => space,
        // Nothing or one space: all of it.
        None => space,
        _ => s.len() - s.trim_start().len(),
    }
}

/// How many bytes `str::trim_end` would take off `s`: none when it ends in a printable ASCII
/// byte, as sentences and lines mostly do.
pub(super) fn trail_len(s: &str) -> usize {
    match s.as_bytes().last() {
        Some(b'!'..=b'~') | None => 0,
        _ => s.len() - s.trim_end().len(),
    }
}

#[inline]
fn push_trimmed(out: &mut Vec<Span>, body: &str, base: usize, start: usize, end: usize) {
    let piece = &body[start..end];
    let lead = lead_len(piece);
    let trail = trail_len(piece);
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

    /// Inputs for the fast paths: ASCII and other white space (U+00A0, U+0085, U+2028,
    /// U+3000), CRLF and lone CR, quotes, abbreviations, decimals and non-ASCII words.
    const VARIED: &[&str] = &[
        "",
        " ",
        "  ",
        "x",
        " x",
        "  x",
        "\tx",
        "\u{a0}x",
        " \u{a0}x",
        "\u{2028}x",
        "\u{3000}x",
        "\u{85}x",
        "x\u{a0}",
        "x\u{3000}",
        "x\u{2028}",
        "x \u{85}",
        "\r\n",
        "x\r",
        " \r\nx",
        "x\r\n",
        "\"x",
        " \"x\"",
        "“It fell.”",
        " ’",
        "U.S.",
        "e.g.",
        "Mr. Smith",
        "3.5",
        " .04",
        "é.",
        "Straße",
        "Ça va",
        "naïve.U.S",
        "ÆØÅ1.2",
        "x. ",
        "日本.",
        " \u{a0}",
        "~",
        " ~",
        "!x",
        "x!",
    ];

    #[test]
    fn trim_counts_match_str_trim() {
        for s in VARIED {
            assert_eq!(lead_len(s), s.len() - s.trim_start().len(), "{s:?}");
            assert_eq!(trail_len(s), s.len() - s.trim_end().len(), "{s:?}");
        }
    }

    #[test]
    fn last_word_matches_the_character_rule() {
        for a in VARIED {
            for b in VARIED {
                let s = format!("{a}{b}");
                assert_eq!(last_word(&s), &s[last_word_start(&s)..], "{s:?}");
            }
        }
    }

    #[test]
    fn terminators_are_found_as_memchr3_finds_them() {
        let long = "word ".repeat(40);
        for a in VARIED {
            for b in ["", "x", ".", "?", "!", long.as_str()] {
                for s in [format!("{a}{b}"), format!("{long}{a}{b}"), format!("{b}{a}{long}")] {
                    let found = Terminators::get().find(s.as_bytes());
                    assert_eq!(found, memchr::memchr3(b'.', b'!', b'?', s.as_bytes()), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn sentences_after_varied_white_space() {
        assert_eq!(split("It fell.\u{a0}It rose."), vec!["It fell.", "It rose."]);
        assert_eq!(split("It fell.\u{3000}It rose.\u{2028}"), vec!["It fell.", "It rose."]);
        assert_eq!(split("It fell.\r\nIt rose.\r"), vec!["It fell.", "It rose."]);
        assert_eq!(split("It fell. \u{a0}it rose."), vec!["It fell. \u{a0}it rose."]);
        assert_eq!(split("Straße No. 5 fiel.  Ça monte."), vec!["Straße No. 5 fiel.", "Ça monte."]);
        assert_eq!(split("Von Müller Ä. Smith kam. Er ging."), vec!["Von Müller Ä. Smith kam.", "Er ging."]);
        assert_eq!(split("Preis: 3.5 Mio. Euro. Gut!"), vec!["Preis: 3.5 Mio.", "Euro.", "Gut!"]);
        assert_eq!(split("“It fell.”\u{a0}“It rose.”"), vec!["“It fell.”", "“It rose.”"]);
        assert_eq!(split(" . \u{a0}"), vec!["."]);
    }

    #[test]
    fn company_suffix_does_not_split() {
        assert_eq!(split("Acme Inc. said sales rose 5%."), vec!["Acme Inc. said sales rose 5%."]);
    }
}

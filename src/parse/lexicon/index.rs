//! A word table for look-ups on every word of a sentence: a hash of the lower-cased word, with
//! no allocation for words of up to 16 ASCII characters.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes one packed word key with a multiply (keys are already well spread).
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u128(&mut self, key: u128) {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        self.0 = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Fast<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Words (any case) and what they mean.
#[derive(Debug, Default)]
pub struct WordIndex<T> {
    short: Fast<u128, T>,
    other: HashMap<String, T>,
    /// The lengths (bits 1–16) of the short words, and the lower-cased first letters (bits
    /// 0–25; bit 26 for any other first byte) of all: a word whose first letter, or whose
    /// length when it is short, is not among them is not looked up.
    lengths: u32,
    firsts: u32,
    /// The short words by length, first letter and second letter ([`shape`]): most words of a
    /// sentence are answered here, before any hashing.
    shapes: Vec<[u32; 27]>,
}

/// Where the lower-cased ASCII word `bytes` (1 to 16 bytes) falls in [`WordIndex::shapes`]:
/// its length, the class of its first byte (a letter 0–25, 26 for anything else) and the bit
/// of its second (the same classes; bit 27 when it has none).
fn shape(bytes: &[u8]) -> (usize, usize, u32) {
    let class = |b: u8| {
        let lower = b.to_ascii_lowercase();
        if lower.is_ascii_lowercase() { usize::from(lower - b'a') } else { 26 }
    };
    let second = bytes.get(1).map_or(27, |&b| class(b));
    (bytes.len(), class(bytes[0]), 1 << second)
}

/// A bit for the lower-cased ASCII letter `b` (bit 26 for anything else).
fn first_bit(b: u8) -> u32 {
    let lower = b.to_ascii_lowercase();
    if lower.is_ascii_lowercase() { 1 << (lower - b'a') } else { 1 << 26 }
}

/// The first `len` bytes of `bytes` (1 to 16 ASCII letters), lower-cased and packed into one
/// number, first letter highest (as [`pack`] packs a word of letters): sixteen bytes loaded
/// at once where there are sixteen.
#[inline]
pub(crate) fn packed_letters(bytes: &[u8], len: usize) -> u128 {
    const LOWER: u128 = u128::from_ne_bytes([0x20; 16]);
    match bytes.get(..16) {
        Some(sixteen) => {
            let mut lanes = [0u8; 16];
            lanes.copy_from_slice(sixteen);
            (u128::from_be_bytes(lanes) | LOWER) >> (8 * (16 - len))
        }
        None => bytes[..len].iter().fold(0u128, |k, &c| k << 8 | u128::from(c | 0x20)),
    }
}

/// Up to 16 ASCII bytes, lower-cased, packed into one number.
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 16 || !bytes.is_ascii() {
        return None;
    }
    Some(bytes.iter().fold(0u128, |k, b| k << 8 | u128::from(b.to_ascii_lowercase())))
}

impl<T: Copy> WordIndex<T> {
    /// The index of `entries`; the first entry of a word wins, as in a list look-up.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, T)>) -> Self {
        let mut index = WordIndex {
            short: Fast::default(),
            other: HashMap::new(),
            lengths: 0,
            firsts: 0,
            shapes: vec![[0; 27]; 17],
        };
        for (word, value) in entries {
            if let Some(&b) = word.as_bytes().first() {
                index.firsts |= first_bit(b);
            }
            match pack(word) {
                Some(key) => {
                    index.short.entry(key).or_insert(value);
                    index.lengths |= 1 << word.len();
                    let (len, first, second) = shape(word.as_bytes());
                    index.shapes[len][first] |= second;
                }
                None => {
                    index.other.entry(word.to_lowercase()).or_insert(value);
                }
            }
        }
        index
    }

    /// What `word` (any case) means, if it is in the index.
    #[inline]
    pub fn get(&self, word: &str) -> Option<T> {
        let bytes = word.as_bytes();
        if bytes.is_empty() {
            return None;
        }
        // Most words are answered by their shape. A short ASCII word can only be a short
        // word; so can any short word when no entry is long or outside ASCII.
        if bytes.len() <= 16 && (self.other.is_empty() || bytes.is_ascii()) {
            let (len, first, second) = shape(bytes);
            if self.shapes[len][first] & second == 0 {
                return None;
            }
        } else if self.other.is_empty() {
            return None;
        }
        self.lookup(word)
    }

    /// [`WordIndex::get`] of the word of `len` ASCII letters (one to sixteen, any case) that
    /// begins `bytes`, which needs no test of what its bytes are and is packed at once.
    #[inline]
    pub fn get_letters(&self, bytes: &[u8], len: usize) -> Option<T> {
        let (Some(&first), Some(row)) = (bytes.first(), self.shapes.get(len)) else { return None };
        // `shape` for letters, without asking what each byte is: this runs on most words of a
        // sentence with a figure.
        let class = |b: u8| (b | 0x20).wrapping_sub(b'a').min(26);
        let second = if len > 1 { bytes.get(1).map_or(27, |&b| class(b)) } else { 27 };
        if len == 0 || row[usize::from(class(first))] & (1 << second) == 0 {
            return None;
        }
        // As `lookup` reads a short ASCII word.
        if self.firsts & first_bit(first) == 0 || self.lengths & (1 << len) == 0 || bytes.len() < len {
            return None;
        }
        self.short.get(&packed_letters(bytes, len)).copied()
    }

    /// [`WordIndex::get`] past the shape test: the word hashed.
    #[inline(never)]
    fn lookup(&self, word: &str) -> Option<T> {
        let bytes = word.as_bytes();
        let first = *bytes.first()?;
        if self.firsts & first_bit(first) == 0 {
            return None;
        }
        if bytes.len() <= 16 {
            // Packed and checked for ASCII in one pass.
            let mut key = 0u128;
            let mut ascii = true;
            for &b in bytes {
                ascii &= b.is_ascii();
                key = key << 8 | u128::from(b.to_ascii_lowercase());
            }
            if ascii {
                return if self.lengths & (1 << bytes.len()) == 0 {
                    None
                } else {
                    self.short.get(&key).copied()
                };
            }
        }
        if self.other.is_empty() { None } else { self.other.get(&word.to_lowercase()).copied() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_short_and_long() {
        let index = WordIndex::new([("rose", 1), ("Rückgang", 2), ("counterintuitively", 3)]);
        assert_eq!(index.get("ROSE"), Some(1));
        assert_eq!(index.get("rückgang"), Some(2));
        assert_eq!(index.get("CounterIntuitively"), Some(3));
        assert_eq!(index.get("rise"), None);
    }

    #[test]
    fn shapes_pass_every_word_of_the_index() {
        let words = ["a", "I", "in", "x1", "3d", "per-cent", "don't", "sixteen-letters!", "über", "ab"];
        let index = WordIndex::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(index.get(w), Some(i), "{w}");
            assert_eq!(index.get(&w.to_uppercase()), Some(i), "{w} in capitals");
        }
        for other in ["b", "an", "aa", "x2", "per-cents", "über!", "ac"] {
            assert_eq!(index.get(other), None, "{other}");
        }
    }

    #[test]
    fn words_of_letters_are_found_as_get_finds_them() {
        let words = ["a", "I", "in", "rose", "Tripled", "sixteenletterszz", "doubling", "ab", "per"];
        let index = WordIndex::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        let others =
            ["b", "an", "aa", "ROSE", "rosE", "tripled", "sixteenletterszy", "zz", "Z", "pe", "doubles"];
        for w in words.iter().chain(&others) {
            for tail in ["", " and more words after", "s"] {
                let text = format!("{w}{tail}");
                assert_eq!(index.get_letters(text.as_bytes(), w.len()), index.get(w), "{w}{tail}");
            }
        }
    }
}

//! Means and percentages of people that the GRIM test can check, with the sample sizes, item
//! count and whole-number cue that the sentence or its neighbours state for each.

use super::cues::{
    self, EACH, LEFT_OUT, MAGNITUDES, NOT_WHOLE_NUMBERS, PEOPLE, SEVERAL_ITEMS, SEVERAL_ITEMS_PHRASES,
    SUBGROUP, Token, TokenKind, WEIGHTED, WHOLE_NUMBER_PHRASES, WHOLE_NUMBER_WORDS, whole_number,
};
use crate::parse::claims::{MeanClaim, SampleSize, WrittenNumber};
use crate::parse::lexicon;
use crate::source::Paragraph;
use crate::span::Span;
use std::cell::OnceCell;

/// Words that introduce a mean.
const MEAN_WORDS: &[&str] = &["mean", "average", "averaged", "averaging"];
/// Words before "average" that make it a name or an index, not a mean of people's answers.
const NOT_A_MEAN_BEFORE: &[&str] =
    &["industrial", "moving", "rolling", "running", "batting", "grade", "point", "weighted", "dow"];
/// How many words may stand between "mean" and its figure ("an average rating of 5.19").
const MAX_WORDS_AFTER_MEAN: usize = 4;
/// How many words before a mean, and after it, are searched for words that rule GRIM out.
const GUARD_BEFORE: usize = 6;
const GUARD_AFTER: usize = 3;
/// Small words that may not stand between a number and the people it counts.
const NOT_ADJECTIVES: &[&str] = &[
    "of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "from", "with", "who", "were", "was", "had",
    "per", "each",
];
/// Words after which a sentence turns to another group ("…, compared with 25% of …").
const TURNS: &[&str] = &["compared", "versus", "vs", "while", "whereas", "but", "than"];
/// How many sentences before and after a mean's own may state its sample, items and cue.
const SENTENCES_BEFORE: usize = 2;
const SENTENCES_AFTER: usize = 1;

/// A figure that may be a mean or a percentage of people.
struct Site {
    value: WrittenNumber,
    percent: bool,
    /// Token index where the phrase starts ("M", "mean", or the figure).
    start: usize,
    /// Token index just after the figure.
    end: usize,
    /// The sample the phrase itself names ("39% of the 28 patients").
    n: Option<SampleSize>,
    /// The people a percentage counts.
    people: Option<Span>,
}

/// The means and percentages of people in `sentence`, skipping figures inside `taken` (test
/// results).
pub fn means(text: &str, paragraph: &Paragraph, sentence: Span, taken: &[Span]) -> Vec<MeanClaim> {
    if !promising(sentence.slice(text)) {
        return Vec::new();
    }
    read_means(text, paragraph, sentence, taken)
}

/// [`means`] without its first pass.
pub(super) fn read_means(
    text: &str,
    paragraph: &Paragraph,
    sentence: Span,
    taken: &[Span],
) -> Vec<MeanClaim> {
    let tokens = cues::tokens(text, sentence);
    let mut sites = mean_sites(&tokens);
    sites.extend(percent_sites(&tokens));
    sites.retain(|s| !inside_any(taken, s.value.span));
    if sites.is_empty() {
        return Vec::new();
    }
    sites.sort_by_key(|s| s.value.span.start);
    sites.dedup_by_key(|s| s.value.span.start);
    let context = Context::new(text, paragraph, sentence, &tokens);
    sites.into_iter().map(|site| context.claim(site)).collect()
}

/// Whether `sentence` may hold a mean or a percentage of people, told from its bytes before it
/// is split into tokens: it must hold one of "mean", "average", "m =", "m=", "%", "percent" or
/// "per cent" in any case; and name a mean ("mean", "average", "M =", "M:"), or have a
/// percentage followed by "of" ("39% of", "39 percent of") or open with "Of" ("Of the 28
/// patients, 39% …") and name people as a whole word of [`PEOPLE`].
///
/// The last is safe because [`percent_sites`] finds a share only where a token's lower case is
/// a word of [`PEOPLE`], and a token starts and ends next to no letter or digit, so its bytes
/// stand in the sentence with no ASCII letter or digit on either side. Every site of
/// [`mean_sites`] holds a token "mean", "average", "averaged" or "averaging", which names a
/// mean here, or a token "M" followed, past white space, by "=" or ":", which does too.
///
/// Every cue and name holds a mark (see [`marks_in_block`]), so only the marks are looked at:
/// "percent" and "per cent" at their "cent", "average" at its "aver", and "m =", "m=", "M ="
/// and "M:" at their sign.
fn promising(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let at =
        |i: usize, word: &[u8]| bytes.get(i..i + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word));
    let before = |i: usize, word: &[u8]| i.checked_sub(word.len()).is_some_and(|start| at(start, word));
    let of_after = |i: usize| {
        sentence[i..].trim_start().as_bytes().get(..2).is_some_and(|w| w.eq_ignore_ascii_case(b"of"))
    };
    let (mut cued, mut named, mut of) = (false, false, false);
    let mut visit = |i: usize| {
        match bytes[i] {
            b'%' => {
                cued = true;
                of |= of_after(i + 1);
            }
            sign @ (b'=' | b':') => {
                named |= sentence[..i].trim_end().ends_with('M');
                cued |= sign == b'=' && (before(i, b"m") || before(i, b"m "));
            }
            b'm' | b'M' => (cued, named) = (true, true),
            b'a' | b'A' => {
                if at(i, b"average") {
                    (cued, named) = (true, true);
                }
            }
            // The mark left is "cent".
            _ => {
                of |= of_after(i + 4);
                cued |= before(i, b"per") || before(i, b"per ");
            }
        }
        cued && named
    };
    if for_each_mark(bytes, &mut visit) {
        return true;
    }
    cued && (of || of_after(0)) && names_people(bytes)
}

/// Calls `visit` with the index of each mark in `bytes` (see [`marks_in_block`]), in order,
/// until it returns true; whether it did.
fn for_each_mark(bytes: &[u8], visit: &mut impl FnMut(usize) -> bool) -> bool {
    // Blocks of BLOCK + 3 bytes, each BLOCK bytes after the one before, so that every run of
    // four bytes starting in the sentence lies in one of them. Blocks at the end are padded
    // with zero bytes, which make no mark.
    let mut start = 0;
    while start < bytes.len() {
        let mut block = [0; BLOCK + 3];
        let taken = (bytes.len() - start).min(BLOCK + 3);
        block[..taken].copy_from_slice(&bytes[start..start + taken]);
        let marks = marks_in_block(&block);
        // Most blocks have no mark; eight bytes of marks are told at once.
        for (k, chunk) in marks.chunks_exact(8).enumerate() {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let mut word = u64::from_le_bytes(eight);
            while word != 0 {
                if visit(start + 8 * k + (word.trailing_zeros() / 8) as usize) {
                    return true;
                }
                word &= word - 1;
            }
        }
        start += BLOCK;
    }
    false
}

/// How many bytes [`marks_in_block`] marks at once.
const BLOCK: usize = 32;

/// Marks with a 1 each of the first BLOCK bytes of `block` that is "%", "=" or ":", or starts
/// "mean", "aver" or "cent" in any case. The bytes are read with no branch, which the compiler
/// turns into vector code, and case is folded by setting bit 5, which makes an ASCII letter
/// lower case and no other byte a letter.
fn marks_in_block(block: &[u8; BLOCK + 3]) -> [u8; BLOCK] {
    let fold = |b: u8| b | 0x20;
    let mut marks = [0; BLOCK];
    for (i, mark) in marks.iter_mut().enumerate() {
        let b0 = block[i];
        let (c0, c1, c2, c3) = (fold(b0), fold(block[i + 1]), fold(block[i + 2]), fold(block[i + 3]));
        let e = c1 == b'e';
        let mean = (c0 == b'm') & e & (c2 == b'a') & (c3 == b'n');
        let cent = (c0 == b'c') & e & (c2 == b'n') & (c3 == b't');
        let aver = (c0 == b'a') & (c1 == b'v') & (c2 == b'e') & (c3 == b'r');
        let sign = (b0 == b'%') | (b0 == b'=') | (b0 == b':');
        *mark = u8::from(mean | cent | aver | sign);
    }
    marks
}

/// Whether a word of [`PEOPLE`] stands in `bytes`, in any case, with no ASCII letter or digit
/// next to it.
fn names_people(bytes: &[u8]) -> bool {
    bytes.split(|b| !b.is_ascii_alphanumeric()).any(|word| {
        // Most words differ from every word of PEOPLE in length or last letter, which is
        // cheaper to tell than comparing them with each.
        word.last().is_some_and(|&last| {
            word.len() < u32::BITS as usize && PEOPLE_LENGTHS_BY_END[usize::from(last)] & 1 << word.len() != 0
        }) && PEOPLE.iter().any(|p| p.as_bytes().eq_ignore_ascii_case(word))
    })
}

/// For each byte, the lengths of the words of [`PEOPLE`] that end with it in either case, as
/// a set of bits.
const PEOPLE_LENGTHS_BY_END: [u32; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < PEOPLE.len() {
        let word = PEOPLE[i].as_bytes();
        let last = word[word.len() - 1];
        table[last.to_ascii_lowercase() as usize] |= 1 << word.len();
        table[last.to_ascii_uppercase() as usize] |= 1 << word.len();
        i += 1;
    }
    table
};

/// Whether `span` lies inside one of `taken`, which are in order and do not overlap (the
/// results of a sentence).
fn inside_any(taken: &[Span], span: Span) -> bool {
    let after = taken.partition_point(|t| t.start <= span.start);
    after > 0 && taken[after - 1].contains(span)
}

fn number(token: &Token<'_>, negative: bool) -> Option<WrittenNumber> {
    if token.kind != TokenKind::Number {
        return None;
    }
    let plain = token.text.replace(',', "");
    let magnitude: f64 = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let text = if negative { format!("-{plain}") } else { plain };
    Some(WrittenNumber {
        text,
        value: if negative { -magnitude } else { magnitude },
        decimals,
        span: token.span,
    })
}

fn is_minus(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text, "-" | "−" | "–")
}

/// Whether a qualifier ("about", "more than", "~") stands just before token `at`.
fn qualified(tokens: &[Token<'_>], at: usize) -> bool {
    let before: Vec<&str> = tokens[at.saturating_sub(3)..at].iter().map(|t| t.lower.as_ref()).collect();
    let joined = before.join(" ");
    let ends_with_phrase =
        |q: &str| joined.strip_suffix(q).is_some_and(|rest| rest.is_empty() || rest.ends_with(' '));
    lexicon::active().qualifiers.iter().any(|(q, _)| ends_with_phrase(q))
        || before.last().is_some_and(|w| matches!(*w, "<" | ">" | "≈" | "~" | "≤" | "≥"))
}

/// "M = 5.19", "mean = 5.19", "an average rating of 5.19", "5.19 on average".
fn mean_sites(tokens: &[Token<'_>]) -> Vec<Site> {
    let mut sites = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let at = |j: usize| tokens.get(j);
        // "M = 5.19", "Mean = −0.52"
        if (t.text == "M" || t.lower == "mean")
            && t.kind == TokenKind::Word
            && at(i + 1).is_some_and(|n| n.is_punct('=') || n.is_punct(':'))
        {
            let negative = at(i + 2).is_some_and(is_minus);
            let j = i + 2 + usize::from(negative);
            if let Some(value) = at(j).and_then(|v| number(v, negative)) {
                sites.push(Site { value, percent: false, start: i, end: j + 1, n: None, people: None });
                continue;
            }
        }
        // "an average rating of 5.19", "averaged 5.19"; not "the industrial average fell 27.80"
        if t.kind == TokenKind::Word && MEAN_WORDS.contains(&t.lower.as_ref()) {
            if i > 0 && NOT_A_MEAN_BEFORE.contains(&tokens[i - 1].lower.as_ref()) {
                continue;
            }
            let mut j = i + 1;
            while j < tokens.len()
                && j - i <= MAX_WORDS_AFTER_MEAN
                && (tokens[j].kind == TokenKind::Word || tokens[j].is_punct('=') || tokens[j].is_punct(':'))
            {
                if lexicon::active().change(&tokens[j].lower).is_some() {
                    break;
                }
                j += 1;
            }
            if let Some(value) = at(j).and_then(|v| number(v, false)) {
                sites.push(Site { value, percent: false, start: i, end: j + 1, n: None, people: None });
            }
            continue;
        }
        // "rated it 5.19 on average", "5.19 out of 7, on average"
        if t.kind == TokenKind::Number {
            let mut j = i + 1;
            if at(j).is_some_and(|w| w.is_word("out"))
                && at(j + 1).is_some_and(|w| w.is_word("of"))
                && at(j + 2).is_some_and(|w| w.kind == TokenKind::Number)
            {
                j += 3;
            }
            if at(j).is_some_and(|p| p.is_punct(',')) {
                j += 1;
            }
            if at(j).is_some_and(|w| w.is_word("on"))
                && at(j + 1).is_some_and(|w| w.is_word("average"))
                && let Some(value) = number(t, false)
            {
                sites.push(Site { value, percent: false, start: i, end: i + 1, n: None, people: None });
            }
        }
    }
    // A mean of whole numbers needs decimals to be tested, and is no percentage, no
    // "2.17 billion" and no "6.19/10".
    sites.retain(|s| {
        let after = tokens.get(s.end);
        s.value.decimals > 0
            && !after.is_some_and(|a| {
                a.is_punct('%')
                    || a.is_punct('/')
                    || a.is_word("percent")
                    || a.is_word("per")
                    || MAGNITUDES.contains(&a.lower.as_ref())
            })
            && !qualified(tokens, s.end - 1)
    });
    sites
}

/// A phrase "N (adjectives) people" starting at token `i`: the number, the people word's index.
fn people_at(tokens: &[Token<'_>], i: usize) -> Option<(u64, usize)> {
    let n = whole_number(tokens.get(i)?)?;
    if tokens
        .get(i + 1)
        .is_some_and(|t| t.is_punct('%') || t.is_word("percent") || MAGNITUDES.contains(&t.lower.as_ref()))
    {
        return None;
    }
    let mut j = i + 1;
    while j < tokens.len() && j - i <= 3 {
        let t = &tokens[j];
        if t.kind != TokenKind::Word || NOT_ADJECTIVES.contains(&t.lower.as_ref()) {
            return None;
        }
        if PEOPLE.contains(&t.lower.as_ref()) {
            // "the clients' information" is no count of clients.
            let possessive = tokens
                .get(j + 1)
                .is_some_and(|p| p.span.start == t.span.end && (p.is_punct('\'') || p.is_punct('’')));
            return (!possessive).then_some((n, j));
        }
        j += 1;
    }
    None
}

/// Whether the percentage at token `i` (sign ending before `after`) is an end of a range:
/// "70 percent to 80 percent", "between 10% and 12%", "10–12%".
fn in_range(tokens: &[Token<'_>], i: usize, after: usize) -> bool {
    let joiner = |t: &Token<'_>| t.is_word("to") || t.is_word("and") || matches!(t.text, "-" | "–" | "—");
    let before = i >= 2
        && joiner(&tokens[i - 1])
        && (tokens[i - 2].kind == TokenKind::Number
            || tokens[i - 2].is_punct('%')
            || tokens[i - 2].is_word("percent")
            || tokens[i - 2].is_word("cent"));
    let next = tokens.get(after).is_some_and(joiner)
        && tokens.get(after + 1).is_some_and(|t| t.kind == TokenKind::Number);
    let bare_next = tokens.get(i + 1).is_some_and(joiner)
        && tokens.get(i + 2).is_some_and(|t| t.kind == TokenKind::Number);
    before || next || bare_next
}

/// "39.3% of the 28 patients", "12% of participants", and every percentage after "Of the 28
/// patients, …".
fn percent_sites(tokens: &[Token<'_>]) -> Vec<Site> {
    let mut sites = Vec::new();
    // "Of the 28 patients, …" binds the percentages that follow, until the sentence turns.
    let mut bound: Option<(SampleSize, Span, usize)> = None;
    if tokens.first().is_some_and(|t| t.is_word("of")) {
        let det = usize::from(
            tokens.get(1).is_some_and(|t| matches!(t.lower.as_ref(), "the" | "all" | "these" | "those")),
        );
        if let Some((n, people)) = people_at(tokens, 1 + det) {
            let size = SampleSize { value: n, span: tokens[1 + det].span.cover(tokens[people].span) };
            bound = Some((size, tokens[people].span, people + 1));
        }
    }
    let from = bound.as_ref().map_or(tokens.len(), |b| b.2);
    let turn = tokens
        .iter()
        .skip(from)
        .position(|t| TURNS.contains(&t.lower.as_ref()) || SUBGROUP.contains(&t.lower.as_ref()))
        .map_or(tokens.len(), |p| from + p);
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Number {
            continue;
        }
        let at = |j: usize| tokens.get(j);
        let sign = if at(i + 1).is_some_and(|p| p.is_punct('%') || p.is_word("percent")) {
            1
        } else if at(i + 1).is_some_and(|p| p.is_word("per")) && at(i + 2).is_some_and(|p| p.is_word("cent"))
        {
            2
        } else {
            continue;
        };
        let Some(mut value) = number(t, false).filter(|v| v.value <= 100.0) else { continue };
        if in_range(tokens, i, i + 1 + sign) {
            continue;
        }
        value.span = value.span.cover(tokens[i + sign].span);
        // Whether a qualifier makes the share no exact count; asked only of a share that binds
        // people, as few do.
        let exact = || !qualified(tokens, i);
        let k = i + 1 + sign;
        if at(k).is_some_and(|w| w.is_word("of")) {
            let det = usize::from(
                at(k + 1).is_some_and(|w| matches!(w.lower.as_ref(), "the" | "all" | "these" | "those")),
            );
            let start = k + 1 + det;
            if let Some((n, people)) = people_at(tokens, start) {
                if exact() {
                    let size = SampleSize { value: n, span: tokens[start].span.cover(tokens[people].span) };
                    sites.push(Site {
                        value,
                        percent: true,
                        start: i,
                        end: i + 1,
                        n: Some(size),
                        people: Some(tokens[people].span),
                    });
                }
            } else if let Some(w) = at(start).filter(|w| {
                PEOPLE.contains(&w.lower.as_ref())
                    && !at(start + 1)
                        .is_some_and(|p| p.span.start == w.span.end && (p.is_punct('\'') || p.is_punct('’')))
            }) && exact()
            {
                sites.push(Site {
                    value,
                    percent: true,
                    start: i,
                    end: i + 1,
                    n: None,
                    people: Some(w.span),
                });
            }
            continue;
        }
        if let Some((size, people, from)) = &bound
            && i >= *from
            && i < turn
            && exact()
        {
            sites.push(Site {
                value,
                percent: true,
                start: i,
                end: i + 1,
                n: Some(size.clone()),
                people: Some(*people),
            });
        }
    }
    sites
}

/// The sentence and its neighbours in the paragraph, read for sample sizes, item counts and
/// cues.
struct Context<'t> {
    span: Span,
    sentence: &'t [Token<'t>],
    /// Up to two sentences before and one after, in the same paragraph.
    others: Vec<Vec<Token<'t>>>,
    /// What does not depend on the figure, worked out for the first and kept for the others,
    /// so that a sentence of many figures is read once.
    samples_once: OnceCell<Vec<SampleSize>>,
    sentence_samples_once: OnceCell<Vec<SampleSize>>,
    items_once: OnceCell<(Option<u32>, Option<Span>)>,
    weighted_once: OnceCell<bool>,
    whole_number_cue_once: OnceCell<Option<Span>>,
}

impl<'t> Context<'t> {
    fn new(text: &'t str, paragraph: &Paragraph, sentence: Span, tokens: &'t [Token<'t>]) -> Context<'t> {
        let at = sentence_index(&paragraph.sentences, sentence);
        let near =
            at.saturating_sub(SENTENCES_BEFORE)..(at + SENTENCES_AFTER + 1).min(paragraph.sentences.len());
        let others = paragraph.sentences[near]
            .iter()
            .filter(|s| **s != sentence)
            .map(|s| cues::tokens(text, *s))
            .collect();
        Context {
            span: sentence,
            sentence: tokens,
            others,
            samples_once: OnceCell::new(),
            sentence_samples_once: OnceCell::new(),
            items_once: OnceCell::new(),
            weighted_once: OnceCell::new(),
            whole_number_cue_once: OnceCell::new(),
        }
    }

    fn claim(&self, site: Site) -> MeanClaim {
        let (items, items_span) =
            if site.percent { (Some(1), None) } else { *self.items_once.get_or_init(|| self.items()) };
        let cue = if site.percent {
            site.people.filter(|_| !*self.weighted_once.get_or_init(|| self.weighted()))
        } else {
            self.cue(&site)
        };
        let mut n = match &site.n {
            Some(size) => vec![size.clone()],
            // A percentage names its people but not their number: that must be in the sentence.
            None if site.percent => {
                self.sentence_samples_once.get_or_init(|| samples_in(self.sentence).0).clone()
            }
            None => self.samples_once.get_or_init(|| self.samples()).clone(),
        };
        let at = site.value.span.start;
        n.sort_by_key(|s| s.span.start.abs_diff(at));
        MeanClaim { sentence: self.span, value: site.value, percent: site.percent, n, items, items_span, cue }
    }

    /// Whether the text near a percentage speaks of a poll or of weights.
    fn weighted(&self) -> bool {
        std::iter::once(self.sentence)
            .chain(self.others.iter().map(Vec::as_slice))
            .flatten()
            .any(|t| WEIGHTED.contains(&t.lower.as_ref()))
    }

    /// Sample sizes that may be the mean's: those of the sentence, else those of its neighbours
    /// unless the sentence speaks of a subgroup. None when a size is per group.
    fn samples(&self) -> Vec<SampleSize> {
        let (mut found, per_group) = samples_in(self.sentence);
        let subgroup = self.sentence.iter().any(|t| SUBGROUP.contains(&t.lower.as_ref()));
        if subgroup {
            // Only sizes that name a group ("n = 14", "14 women") may be a subgroup's.
            found.retain(|s| names_group(self.sentence, s));
        }
        if per_group {
            return Vec::new();
        }
        if !found.is_empty() || subgroup {
            return found;
        }
        let mut all = Vec::new();
        for tokens in &self.others {
            let (sizes, per_group) = samples_in(tokens);
            if per_group {
                return Vec::new();
            }
            all.extend(sizes);
        }
        all
    }

    /// How many items each person answered: stated in the sentence, else in the paragraph;
    /// 1 unless the text speaks of several items without saying how many.
    fn items(&self) -> (Option<u32>, Option<Span>) {
        let mut counts = item_counts(self.sentence);
        if counts.is_empty() {
            counts = self.others.iter().flat_map(|t| item_counts(t)).collect();
        }
        let mut distinct: Vec<u32> = counts.iter().map(|(c, _)| *c).collect();
        distinct.sort_unstable();
        distinct.dedup();
        match distinct.as_slice() {
            [one] => (Some(*one), counts.first().map(|(_, s)| *s)),
            [_, _, ..] => (None, None),
            [] => {
                let all = std::iter::once(self.sentence).chain(self.others.iter().map(Vec::as_slice));
                // A named instrument ("the Self-Esteem Scale") has several items too.
                let several = all.clone().any(|t| {
                    mentions(t, SEVERAL_ITEMS, SEVERAL_ITEMS_PHRASES).is_some()
                        || t.iter().any(|w| w.text == "Scale")
                });
                if several { (None, None) } else { (Some(1), None) }
            }
        }
    }

    /// The words that say the data are whole numbers, unless words near the mean rule that
    /// out ("mean age", "hours").
    fn cue(&self, site: &Site) -> Option<Span> {
        let from = site.start.saturating_sub(GUARD_BEFORE);
        let to = (site.end + GUARD_AFTER).min(self.sentence.len());
        if self.sentence[from..to]
            .iter()
            .any(|t| t.kind == TokenKind::Word && NOT_WHOLE_NUMBERS.contains(&t.lower.as_ref()))
        {
            return None;
        }
        *self.whole_number_cue_once.get_or_init(|| {
            std::iter::once(self.sentence)
                .chain(self.others.iter().map(Vec::as_slice))
                .find_map(whole_number_cue)
        })
    }
}

/// Where `sentence` is among a paragraph's `sentences` (which are in order), or 0.
fn sentence_index(sentences: &[Span], sentence: Span) -> usize {
    let at = sentences.partition_point(|s| s.start < sentence.start);
    if sentences.get(at) == Some(&sentence) {
        at
    } else {
        sentences.iter().position(|s| *s == sentence).unwrap_or(0)
    }
}

/// Whether a sample size is a group's: "n = 14" (lower case, by convention), "14 women".
fn names_group(tokens: &[Token<'_>], size: &SampleSize) -> bool {
    tokens
        .iter()
        .any(|t| size.span.contains(t.span) && (t.text == "n" || SUBGROUP.contains(&t.lower.as_ref())))
}

/// "N = 28", "n = 14", "28 participants", "twenty-eight volunteers"; and whether any size is
/// per group ("n = 14 per condition").
fn samples_in(tokens: &[Token<'_>]) -> (Vec<SampleSize>, bool) {
    let mut found = Vec::new();
    let mut per_group = false;
    let follows = |from: usize, words: &[&str]| {
        tokens.iter().skip(from).take(3).any(|t| words.contains(&t.lower.as_ref()))
    };
    for (i, t) in tokens.iter().enumerate() {
        let (value, last) =
            if (t.text == "N" || t.text == "n") && tokens.get(i + 1).is_some_and(|e| e.is_punct('=')) {
                match tokens.get(i + 2).and_then(whole_number) {
                    Some(v) if tokens[i + 2].kind == TokenKind::Number => (v, i + 2),
                    _ => continue,
                }
            } else if let Some((v, people)) = people_at(tokens, i) {
                if i > 0 && tokens[i - 1].is_punct('%') {
                    continue;
                }
                (v, people)
            } else {
                continue;
            };
        if follows(last + 1, EACH) {
            per_group = true;
            continue;
        }
        if value < 2 || follows(last + 1, LEFT_OUT) {
            continue;
        }
        found.push(SampleSize { value, span: t.span.cover(tokens[last].span) });
    }
    (found, per_group)
}

/// Item counts: "a 3-item scale", "three items", "a single-item measure".
fn item_counts(tokens: &[Token<'_>]) -> Vec<(u32, Span)> {
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word
            && let Some(prefix) = t.lower.strip_suffix("-item").or_else(|| t.lower.strip_suffix("-items"))
        {
            let count = if prefix == "single" { Some(1) } else { cues::number_word(prefix) };
            if let Some(c) = count.and_then(|c| u32::try_from(c).ok()).filter(|c| *c > 0) {
                found.push((c, t.span));
            }
            continue;
        }
        let next = tokens.get(i + 1);
        if next.is_some_and(|n| n.is_word("items") || n.is_word("item")) {
            let count = if t.is_word("single") { Some(1) } else { whole_number(t) };
            if let Some(c) = count.and_then(|c| u32::try_from(c).ok()).filter(|c| *c > 0) {
                found.push((c, t.span.cover(tokens[i + 1].span)));
            }
        }
    }
    found
}

/// The first word or phrase of `words` / `phrases` in `tokens` that is not part of an item
/// count.
fn mentions(tokens: &[Token<'_>], words: &[&str], phrases: &[&[&str]]) -> Option<Span> {
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word && words.contains(&t.lower.as_ref()) {
            return Some(t.span);
        }
        for phrase in phrases {
            let matched =
                phrase.iter().enumerate().all(|(k, w)| tokens.get(i + k).is_some_and(|x| x.is_word(w)));
            if matched {
                return Some(t.span.cover(tokens[i + phrase.len() - 1].span));
            }
        }
    }
    None
}

/// "rated", "Likert", "how many", "a 7-point scale", "a 1–7 scale", "on a scale of 1 to 10".
fn whole_number_cue(tokens: &[Token<'_>]) -> Option<Span> {
    if let Some(span) = mentions(tokens, WHOLE_NUMBER_WORDS, WHOLE_NUMBER_PHRASES) {
        return Some(span);
    }
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word && t.lower.ends_with("-point") {
            return Some(t.span);
        }
        if !t.is_word("scale") {
            continue;
        }
        // "a 1-7 scale" (one word), "a 1–7 scale" (number, dash, number)
        let ranged_word = i >= 1 && is_number_range(&tokens[i - 1].lower);
        let ranged = i >= 3
            && tokens[i - 1].kind == TokenKind::Number
            && tokens[i - 3].kind == TokenKind::Number
            && matches!(tokens[i - 2].text, "-" | "–" | "—" | "to");
        if ranged_word {
            return Some(tokens[i - 1].span.cover(t.span));
        }
        if ranged {
            return Some(tokens[i - 3].span.cover(t.span));
        }
        // "a scale of 1 to 10", "a scale from 1 (never) to 5 (always)"
        let of = tokens.get(i + 1).is_some_and(|w| w.is_word("of") || w.is_word("from"));
        if of && tokens.get(i + 2).is_some_and(|n| whole_number(n).is_some()) {
            return Some(t.span.cover(tokens[i + 2].span));
        }
    }
    None
}

fn is_number_range(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`promising`] as its documentation states it, read the plain way.
    fn plainly_promising(sentence: &str) -> bool {
        let lower = sentence.to_ascii_lowercase();
        let cued =
            ["mean", "average", "m =", "m=", "%", "percent", "per cent"].iter().any(|w| lower.contains(w));
        let named = lower.contains("mean")
            || lower.contains("average")
            || sentence
                .match_indices('M')
                .any(|(i, _)| sentence[i + 1..].trim_start().starts_with(['=', ':']));
        let of_after = |i: usize| sentence[i..].trim_start().to_ascii_lowercase().starts_with("of");
        let of = of_after(0)
            || sentence.match_indices('%').any(|(i, _)| of_after(i + 1))
            || lower.match_indices("cent").any(|(i, _)| of_after(i + 4));
        let people = lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| PEOPLE.contains(&w));
        cued && (named || (of && people))
    }

    #[test]
    fn the_first_pass_reads_as_plainly_stated() {
        let pieces = [
            "%",
            "mean",
            "MEAN",
            "Average",
            "aver",
            "m =",
            "M=",
            "m",
            "M",
            "percent",
            "Per Cent",
            "per",
            "cent",
            "M:",
            "M\u{a0}=",
            "M \n:",
            "=",
            ":",
            " of",
            "OF ",
            "of",
            "\u{a0}of",
            " the 28 patients",
            " MEN",
            "women's",
            "Patientsx",
            "people",
            " ",
            "é",
            "—",
            "’",
            "2.5",
            "Of all 40, ",
            " was 3.5 (SD 1.2)",
            "recent",
            "payment",
            "x",
        ];
        let mut next = crate::parse::stats::tests::splitmix(0x5eed);
        let mut sentences = vec![String::new(), "x".repeat(600), format!("{}mean", "x".repeat(600))];
        for pad in [0, 1, 2, 3, 29, 30, 31, 32, 33, 34, 35, 36, 60, 61, 62, 63, 64, 65, 66, 67, 600] {
            for piece in pieces {
                sentences.push(format!(
                    "{}{piece} of the 28 patients",
                    "é".repeat(pad / 2) + &"y".repeat(pad % 2)
                ));
                sentences.push(format!("{}{piece}", "z".repeat(pad)));
            }
        }
        for _ in 0..20_000 {
            let mut sentence = String::new();
            let long = next(8) == 0;
            for _ in 0..1 + next(if long { 120 } else { 12 }) {
                sentence.push_str(pieces[next(pieces.len())]);
            }
            sentences.push(sentence);
        }
        let mut kept = 0;
        for sentence in &sentences {
            let plain = plainly_promising(sentence);
            assert_eq!(promising(sentence), plain, "{sentence:?}");
            kept += usize::from(plain);
        }
        assert!(kept > 1000 && sentences.len() - kept > 1000, "{kept} of {}", sentences.len());
        assert!(sentences.iter().any(|s| s.len() > 512 && plainly_promising(s)));
    }
}

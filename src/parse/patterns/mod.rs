//! Claim patterns: read a sentence as a stream of words, punctuation and figures, and bind
//! the figures into [`Claim`]s.

mod conversions;
mod multiples;
mod part_whole;
mod quantifiers;
mod totals;

use super::claims::{ChangeClaim, Claim, QuantityId, ShareClaim, ShareGroupClaim};
use super::lexicon::{self, Direction};
use super::quantity::{Form, Quantity, Unit};
use crate::span::Span;

/// A piece of a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Token<'t> {
    Word(&'t str, Span),
    Punct(char, Span),
    Figure(QuantityId),
}

/// Splits the sentence `span` of `text` into tokens; `figures` are the ids of the quantities
/// inside the sentence, in order.
pub fn tokenize<'t>(
    text: &'t str,
    span: Span,
    quantities: &[Quantity],
    figures: &[QuantityId],
) -> Vec<Token<'t>> {
    let mut tokens = Vec::new();
    tokenize_into(text, span, quantities, figures, &mut tokens, &mut Roles::default());
    tokens
}

/// [`tokenize`] into `tokens`, and the roles of the tokens into `roles`, both emptied first
/// (they keep what they have allocated): each word's roles are looked up as it is read.
fn tokenize_into<'t>(
    text: &'t str,
    span: Span,
    quantities: &[Quantity],
    figures: &[QuantityId],
    tokens: &mut Vec<Token<'t>>,
    roles: &mut Roles,
) {
    tokens.clear();
    roles.clear();
    // About one token per five bytes of prose; room for a long sentence from the first, so
    // that the buffers of an article grow seldom.
    let expected = (span.len() / 5 + 2 * figures.len() + 4).max(MOST_TOKENS);
    tokens.reserve(expected);
    roles.of_token.reserve(expected);
    let mut pos = span.start;
    for &id in figures {
        let figure = quantities[id].span;
        words_between(text, pos, figure.start.min(span.end), tokens, roles);
        roles.figures.push(tokens.len());
        roles.of_token.push(lexicon::WordRoles::default());
        tokens.push(Token::Figure(id));
        pos = pos.max(figure.end);
    }
    words_between(text, pos, span.end, tokens, roles);
}

/// The tokens of all but the longest sentences.
const MOST_TOKENS: usize = 128;

/// The buffers of [`sentence_claims`], kept from one sentence to the next.
#[derive(Debug, Default)]
pub struct Scratch<'t> {
    tokens: Vec<Token<'t>>,
    roles: Roles,
    used: Vec<bool>,
}

/// The roles of a sentence's tokens, and which tokens are figures or have a role.
#[derive(Debug, Default)]
struct Roles {
    /// The roles of each token that is a word (none for the others), looked up once.
    of_token: Vec<lexicon::WordRoles>,
    /// The tokens that are figures, in order: most readers start only at one.
    figures: Vec<usize>,
    /// The word tokens with a role (change, multiple, quantifier start), in order.
    marked: Vec<usize>,
}

impl Roles {
    fn clear(&mut self) {
        self.of_token.clear();
        self.figures.clear();
        self.marked.clear();
    }
}

/// The words and punctuation of `text` from `pos` to `limit` (no figure lies between), with
/// their roles.
fn words_between<'t>(
    text: &'t str,
    mut pos: usize,
    limit: usize,
    tokens: &mut Vec<Token<'t>>,
    roles: &mut Roles,
) {
    let word_roles = &lexicon::active().word_roles;
    let none = lexicon::WordRoles::default();
    let bytes = text.as_bytes();
    while pos < limit {
        let b = bytes[pos];
        // Most words are ASCII letters ending at a space or a mark: read without decoding.
        if b.is_ascii_alphabetic() {
            let start = pos;
            let letters = super::scan::letters_at(bytes, pos).min(limit - pos);
            pos += letters;
            let ended = pos >= limit
                || bytes
                    .get(pos)
                    .is_none_or(|&d| d < 0x80 && !d.is_ascii_alphanumeric() && d != b'\'' && d != b'-');
            if ended && letters <= 16 {
                push_word(text, start, pos, word_roles.get_letters(&bytes[start..], letters), tokens, roles);
            } else {
                pos = word_end(text, pos, limit);
                push_word(text, start, pos, word_roles.get(&text[start..pos]), tokens, roles);
            }
            continue;
        }
        // ASCII without decoding a character; white space is no token (in ASCII, the ASCII
        // set: a vertical tab is punctuation).
        let c = if b < 0x80 {
            if b == b' ' {
                pos += 1;
                continue;
            }
            char::from(b)
        } else {
            text[pos..].chars().next().unwrap_or(' ')
        };
        if c.is_alphanumeric() {
            let start = pos;
            pos = word_end(text, pos, limit);
            push_word(text, start, pos, word_roles.get(&text[start..pos]), tokens, roles);
            continue;
        }
        let space = if b < 0x80 { b.is_ascii_whitespace() } else { c.is_whitespace() };
        if !space {
            roles.of_token.push(none);
            tokens.push(Token::Punct(c, Span::new(pos, pos + c.len_utf8())));
        }
        pos += c.len_utf8();
    }
}

/// Adds the word of `text` from `start` to `end`, with its roles (if any), to the tokens.
#[inline(always)]
fn push_word<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    role: Option<lexicon::WordRoles>,
    tokens: &mut Vec<Token<'t>>,
    roles: &mut Roles,
) {
    if let Some(role) = role
        && role != lexicon::WordRoles::default()
    {
        roles.marked.push(tokens.len());
    }
    roles.of_token.push(role.unwrap_or_default());
    tokens.push(Token::Word(&text[start..end], Span::new(start, end)));
}

/// The end of the word at `pos` (before `limit`): letters and digits, with inner apostrophes
/// and hyphens ("don't", "year-earlier").
fn word_end(text: &str, mut pos: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let starts_word = |at: usize| match bytes.get(at) {
        Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text[at..].starts_with(char::is_alphanumeric),
        None => false,
    };
    while pos < limit {
        pos = (pos + super::scan::letters_at(bytes, pos)).min(limit);
        let Some(&b) = bytes.get(pos).filter(|_| pos < limit) else { break };
        if b.is_ascii_alphanumeric() || (b == b'\'' || b == b'-') && starts_word(pos + 1) {
            pos += 1;
        } else if b >= 0x80 {
            let Some(d) = text[pos..].chars().next() else { break };
            if !(d.is_alphanumeric() || d == '’' && starts_word(pos + d.len_utf8())) {
                break;
            }
            pos += d.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// Claims of one sentence, read with `scratch`'s buffers (kept from the sentence before, so
/// that reading a sentence allocates little). May refine the units of figures that borrow a
/// unit from their neighbour ("from 26 to 31 percent").
pub fn sentence_claims<'t>(
    scratch: &mut Scratch<'t>,
    text: &'t str,
    sentence: Span,
    quantities: &mut [Quantity],
    figures: &[QuantityId],
) -> Vec<Claim> {
    inherit_units(text, quantities, figures);
    tokenize_into(text, sentence, quantities, figures, &mut scratch.tokens, &mut scratch.roles);
    let reader = Reader::new(text, &scratch.tokens, &scratch.roles, quantities, sentence);
    let mut claims = Vec::new();
    let used = &mut scratch.used;
    used.clear();
    used.resize(scratch.tokens.len(), false);
    reader.changes(&mut claims, used);
    reader.shares(&mut claims, used);
    reader.part_whole(&mut claims);
    reader.sizes(&mut claims);
    reader.totals(&mut claims);
    reader.multiples(&mut claims);
    reader.quantifiers(&mut claims);
    reader.conversions(&mut claims);
    claims
}

/// The longest list of figures like `like` in a sentence ("3 gold, 4 silver and 5 bronze"),
/// for a total stated in the next sentence.
pub fn list_in(
    text: &str,
    sentence: Span,
    quantities: &[Quantity],
    figures: &[QuantityId],
    like: QuantityId,
) -> Vec<QuantityId> {
    let (mut tokens, mut roles) = (Vec::new(), Roles::default());
    tokenize_into(text, sentence, quantities, figures, &mut tokens, &mut roles);
    let reader = Reader::new(text, &tokens, &roles, quantities, sentence);
    let list = reader.part_list(like);
    // The list must be all the sentence says in that unit, or it is not the parts of a total.
    let like_q = &quantities[like];
    let all_listed = figures.iter().all(|f| {
        let q = &quantities[*f];
        (q.unit, q.currency) != (like_q.unit, like_q.currency) || list.contains(f)
    });
    if list.len() >= 2 && all_listed && reader.same_scale(&list, like) { list } else { Vec::new() }
}

/// "from 26 to 31 percent", "between 1.5 and 2 million": a bare figure takes the unit and
/// magnitude of the figure it is paired with.
fn inherit_units(text: &str, quantities: &mut [Quantity], figures: &[QuantityId]) {
    let lex = lexicon::active();
    for pair in figures.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let gap = text.get(quantities[a].span.end..quantities[b].span.start).unwrap_or("").trim();
        if !lexicon::contains(&lex.joins, gap) {
            continue;
        }
        let (first, second) = (&quantities[a], &quantities[b]);
        let bare = first.unit == Unit::Count && first.magnitude == 1.0 && first.form != Form::Range;
        if !bare || !second.is_amount() || (second.unit == Unit::Count && second.magnitude == 1.0) {
            continue;
        }
        // "699,800 or 9.1 pct" restates a count as a share; only a figure of the partner's
        // own scale borrows its unit ("26 to 31 percent", "1.5 to 2 million").
        let plausible = match second.unit {
            Unit::Percent | Unit::Points => {
                first.value.abs() <= 100.0 && first.decimals <= second.decimals.max(1)
            }
            _ => first.value.abs() < 1000.0 && !first.span.slice(text).contains(','),
        };
        if !plausible
            || (gap.eq_ignore_ascii_case("or")
                && second.unit == Unit::Percent
                && first.value > second.value * 10.0)
        {
            continue;
        }
        let scale = second.magnitude;
        let (unit, currency) = (second.unit, second.currency);
        let first = &mut quantities[a];
        first.value *= scale;
        first.written = first.written.scale(scale).unwrap_or(first.written);
        first.magnitude = scale;
        first.unit = unit;
        first.currency = currency;
    }
}

struct Reader<'a, 't> {
    text: &'t str,
    lex: &'static lexicon::Lexicon,
    /// The roles of each token that is a word, looked up once.
    roles: &'a [lexicon::WordRoles],
    /// The tokens that are figures, in order: most readers start only at one.
    figures: &'a [usize],
    /// The word tokens with a role (change, multiple, quantifier start), in order.
    marked: &'a [usize],
    tokens: &'a [Token<'t>],
    quantities: &'a [Quantity],
    sentence: Span,
}

impl<'a, 't> Reader<'a, 't> {
    fn new(
        text: &'t str,
        tokens: &'a [Token<'t>],
        roles: &'a Roles,
        quantities: &'a [Quantity],
        sentence: Span,
    ) -> Self {
        Reader {
            text,
            lex: lexicon::active(),
            roles: &roles.of_token,
            figures: &roles.figures,
            marked: &roles.marked,
            tokens,
            quantities,
            sentence,
        }
    }

    /// The roles of token `i` (none for figures and punctuation).
    fn roles(&self, i: usize) -> lexicon::WordRoles {
        self.roles.get(i).copied().unwrap_or_default()
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.tokens.get(i) {
            Some(Token::Word(w, _)) => Some(w),
            _ => None,
        }
    }

    fn is_word<S: AsRef<str>>(&self, i: usize, options: &[S]) -> bool {
        self.word(i).is_some_and(|w| options.iter().any(|o| w.eq_ignore_ascii_case(o.as_ref())))
    }

    fn is_punct(&self, i: usize, options: &[char]) -> bool {
        matches!(self.tokens.get(i), Some(Token::Punct(c, _)) if options.contains(c))
    }

    /// The amount at token `i`, if there is one.
    fn amount(&self, i: usize) -> Option<QuantityId> {
        match self.tokens.get(i) {
            Some(Token::Figure(id)) if self.quantities[*id].is_amount() => Some(*id),
            _ => None,
        }
    }

    fn cue(&self, i: usize) -> Option<(Direction, Span)> {
        match (self.roles(i).change, self.tokens.get(i)) {
            (Some(d), Some(Token::Word(_, span))) => Some((d, *span)),
            _ => None,
        }
    }

    fn compatible(&self, a: QuantityId, b: QuantityId) -> bool {
        let (x, y) = (&self.quantities[a], &self.quantities[b]);
        x.unit == y.unit && x.currency == y.currency && x.unit != Unit::Ratio
    }

    /// A stated change figure: a percentage, points, or an amount in the figures' own unit.
    fn is_stated_unit(&self, stated: QuantityId, level: Option<QuantityId>) -> bool {
        let s = &self.quantities[stated];
        matches!(s.unit, Unit::Percent | Unit::Points) || level.is_some_and(|l| self.compatible(stated, l))
    }

    fn changes(&self, claims: &mut Vec<Claim>, used: &mut [bool]) {
        // Levels first ("rose 50% from 100 to 120" is one change with its levels), then change
        // words whose figures no level reading took. Claims are kept in the sentence's order.
        let mut found: Vec<(usize, ChangeClaim)> = Vec::new();
        // A level reading starts at a "from" right before a figure; a change word has a role.
        for i in self.figures.iter().filter_map(|f| f.checked_sub(1)) {
            if let Some(claim) = self.levels_at(i, used) {
                found.push((i, claim));
            }
        }
        for &i in self.marked {
            if let Some(claim) = self.cue_at(i, used) {
                found.push((i, claim));
            }
        }
        found.sort_by_key(|(i, _)| *i);
        claims.extend(found.into_iter().map(|(_, c)| Claim::Change(c)));
    }

    /// "[cue] (by) [P] (,) from X to Y (, a rise of P)" anchored at the word "from".
    fn levels_at(&self, i: usize, used: &mut [bool]) -> Option<ChangeClaim> {
        if !self.is_word(i, &self.lex.from) || used[i] {
            return None;
        }
        let from = self.amount(i + 1)?;
        if !self.is_word(i + 2, &self.lex.to) {
            return None;
        }
        let to = self.amount(i + 3)?;
        if !self.compatible(from, to) || self.is_rate(i + 2) || self.is_rate(i + 4) {
            return None;
        }
        // Look back for the change word, which must stand right before: "rose (by) (5%) (,) from".
        let mut cue = None;
        let mut stated = None;
        let mut k = i;
        while k > 0 {
            k -= 1;
            if let Some((d, span)) = self.cue(k) {
                // "sank das Wachstum von 3 auf 1 Prozent": the change noun is the subject; the
                // verb stands before it.
                cue = if self.change_noun(k) { self.verb_before_subject(k) } else { Some((d, span, k)) };
                break;
            }
            match self.tokens[k] {
                Token::Punct(',', _) => continue,
                Token::Word(w, _) if lexicon::contains(&self.lex.by, w) || w.ends_with("ly") => continue,
                Token::Figure(_) if stated.is_none() => {
                    let amount = self.amount(k).filter(|a| self.is_stated_unit(*a, Some(to)));
                    // "to 4-6% from 3-5%": a figure after "to" is a level, and the sentence is
                    // not one we can read safely.
                    if amount.is_none() || (k > 0 && self.is_word(k - 1, &self.lex.to)) {
                        return None;
                    }
                    stated = amount;
                }
                // "stieg der Umsatz (um 50 Prozent) von 100 auf 120": the subject after the verb.
                Token::Word(..) => {
                    cue = self.verb_before_subject(k);
                    break;
                }
                _ => break,
            }
        }
        let mut end = i + 3;
        let mut after = i + 4;
        // "ist (um 40 Prozent) von 37.000 auf 22.000 gesunken": the verb closes the clause.
        if cue.is_none()
            && self.lex.verb_final
            && let Some((d, span)) = self.cue(i + 4)
        {
            cue = Some((d, span, i));
            end = i + 4;
            after = i + 5;
        }
        if cue.is_none() {
            stated = None;
        }
        if stated.is_none()
            && let Some((s, d, span, last)) = self.trailing_stated(after, to)
        {
            stated = Some(s);
            if cue.is_none() {
                cue = Some((d, span, last));
            }
            end = last;
        }
        // From the change word (or "from") to the last token read, a trailing change word too.
        for u in used.iter_mut().take(end + 1).skip(cue.map_or(i, |c| c.2.min(i))) {
            *u = true;
        }
        Some(ChangeClaim {
            sentence: self.sentence,
            cue: cue.map(|c| c.1),
            direction: cue.map(|c| c.0),
            from: Some(from),
            to: Some(to),
            stated,
        })
    }

    /// Where the figures of a change verb may begin, from token `k` right after the verb: past
    /// a subject that stands after the verb in a verb-second language ("stieg der Umsatz des
    /// Konzerns um 5 Prozent") when a word of by, of, from or to follows it; else `k`.
    fn after_subject(&self, k: usize) -> usize {
        if !self.lex.verb_second {
            return k;
        }
        let mut j = k;
        while j < k + 4 && self.word(j).is_some_and(|w| self.subject_word(w)) {
            j += 1;
        }
        let lex = self.lex;
        let opens_figures = [&lex.by, &lex.of, &lex.from, &lex.to].iter().any(|words| self.is_word(j, words));
        if j > k && opens_figures { j } else { k }
    }

    /// The change verb before a subject that ends at word token `last` ("stieg der Umsatz"),
    /// in a verb-second language: its direction, span and token.
    fn verb_before_subject(&self, last: usize) -> Option<(Direction, Span, usize)> {
        if !self.lex.verb_second {
            return None;
        }
        let mut m = last;
        for _ in 0..4 {
            if !self.word(m).is_some_and(|w| self.subject_word(w)) || m == 0 {
                return None;
            }
            // "der Anstieg der Preise", "das Plus der Firma": a change word written as a noun
            // names what changes and is part of the subject; the verb is further back.
            if let Some((d, span)) = self.cue(m - 1)
                && !self.change_noun(m - 1)
            {
                return Some((d, span, m - 1));
            }
            m -= 1;
        }
        None
    }

    /// Whether the change word at token `k` is a noun in a verb-second language: one that is
    /// only a noun ("Wachstum"), or a capitalised word after an article or other subject word
    /// ("das Plus"). A capitalised verb opening a clause ("Steigt der Anteil …") is none.
    fn change_noun(&self, k: usize) -> bool {
        let lex = self.lex;
        let Some(word) = self.word(k) else { return false };
        lex.verb_second
            && (lexicon::contains(&lex.noun_only_change_words, word)
                || word.starts_with(char::is_uppercase)
                    && k > 0
                    && self.word(k - 1).is_some_and(|w| lexicon::contains(&lex.subject_words, w)))
    }

    /// A word of a subject after the verb: a capitalised noun (a change word too: "das Plus")
    /// or one of the lexicon's subject words ("der", "des", "sie").
    fn subject_word(&self, w: &str) -> bool {
        let lex = self.lex;
        let small = [&lex.by, &lex.of, &lex.from, &lex.to, &lex.joins];
        let noun = w.starts_with(char::is_uppercase);
        // A change word is a verb, unless written as a noun ("das Wachstum der Wirtschaft").
        (noun || lexicon::contains(&lex.subject_words, w) && lex.change(w).is_none())
            && !small.iter().any(|words| lexicon::contains(words, w))
    }

    /// A change stated after its levels, from token `k`: "…, a rise of 19%", "(up 19%)",
    /// ", up 19%". Returns the figure, the change word's direction and span, and the figure's
    /// token index.
    fn trailing_stated(&self, k: usize, level: QuantityId) -> Option<(QuantityId, Direction, Span, usize)> {
        if !self.is_punct(k, &[',', '(', '–', '—']) {
            return None;
        }
        let mut k = k + 1;
        if self.is_word(k, &self.lex.articles) {
            k += 1;
        }
        let (d, span) = self.cue(k)?;
        let mut j = k + 1;
        if self.is_word(j, &self.lex.of) || self.is_word(j, &self.lex.by) {
            j += 1;
        }
        let s = self.amount(j).filter(|s| self.is_stated_unit(*s, Some(level)))?;
        Some((s, d, span, j))
    }

    /// Whether the figure before token `t` is a rate against something else ("15 per dollar",
    /// "3 to the euro"), which moves the other way from the thing it prices.
    fn is_rate(&self, t: usize) -> bool {
        let lex = self.lex;
        self.is_word(t, &["per", "a", "an"])
            && self
                .word(t + 1)
                .is_some_and(|w| lex.currency_after.iter().any(|(c, _)| c.eq_ignore_ascii_case(w)))
            || self.is_word(t, &["to", "against"])
                && self.is_word(t + 1, &["the"])
                && self
                    .word(t + 2)
                    .is_some_and(|w| lex.currency_after.iter().any(|(c, _)| c.eq_ignore_ascii_case(w)))
    }

    /// A change word with its figures: "fell 120%", "rose 76% to $1.13bn from $639m",
    /// "150, down 25% from 200", "22,000, a decline of over 40% compared to … (37,000)".
    fn cue_at(&self, i: usize, used: &mut [bool]) -> Option<ChangeClaim> {
        let lex = self.lex;
        if used[i] {
            return None;
        }
        let (direction, cue_span) = self.cue(i)?;
        let cue_word = self.word(i).unwrap_or("");
        let noun_form = i > 0 && self.is_word(i - 1, &self.lex.articles);
        let noun_only = lexicon::contains(&lex.noun_only_change_words, cue_word);
        // "stieg der Umsatz um 50 Prozent": a subject between the verb and its figures.
        let after_cue = if noun_form || noun_only { i + 1 } else { self.after_subject(i + 1) };
        let mut j = after_cue;
        // "a rise of 5%", "gains of 4.5%". A word that also means "from" reads as "of" only
        // after a noun: "ein Plus von 25 Prozent", but "sank von 120 Prozent im Jahr 2020 auf
        // 95 Prozent" gives a level.
        let of =
            self.is_word(j, &self.lex.of) && (noun_form || noun_only || !self.is_word(j, &self.lex.from));
        if of || self.is_word(j, &self.lex.by) {
            j += 1;
        }
        if (noun_form || noun_only) && !of {
            return None; // "a rise in prices", "growth to 1%"
        }
        let stated = self.amount(j).filter(|s| {
            matches!(self.quantities[*s].unit, Unit::Percent | Unit::Points | Unit::Currency | Unit::Count)
        });
        let mut to = None;
        let mut from = None;
        let mut k = if stated.is_some() { j + 1 } else { j };
        if stated.is_none() && !self.is_word(k, &self.lex.to) {
            return None;
        }
        // "… to Y", except "a decline of 25% to 35%", which is a range of declines.
        if self.is_word(k, &self.lex.to)
            && let Some(y) = self.amount(k + 1)
        {
            // ("um 2 Prozent auf 7 Prozent" is by and to: "um" means both "of" and "by".)
            let range_of_changes = of
                && !self.is_word(after_cue, &self.lex.by)
                && stated.is_some_and(|s| self.quantities[s].unit == self.quantities[y].unit);
            if range_of_changes {
                return None;
            }
            if self.is_rate(k + 2) {
                return None;
            }
            to = Some(y);
            k += 2;
        }
        // The earlier level: "X, a decline of …" or "X, down 25% …".
        if to.is_none() {
            let before = if noun_form { i - 1 } else { i };
            if before >= 2 && self.is_punct(before - 1, &[',']) {
                to = self.amount(before - 2).filter(|_| !self.is_rate(before - 1));
            }
        }
        // "… from X", "compared to … (X)", "than X".
        if let Some(level) = to {
            from = self.comparison_after(k, level);
        }
        let mut stated = stated.filter(|s| self.is_stated_unit(*s, to.or(from)) || to.is_none());
        let mut last = k;
        if let (None, Some(level), Some(f)) = (stated, to, from) {
            let f_token = self.tokens.iter().position(|t| *t == Token::Figure(f)).unwrap_or(k);
            if let Some((s, d, _, at)) = self.trailing_stated(f_token + 1, level)
                && d == direction
            {
                stated = Some(s);
                last = at;
            }
        }
        if stated.is_none() && (to.is_none() || from.is_none()) {
            return None;
        }
        // An absolute change in a count needs its levels; without them "lost 464,000" is not a
        // claim we can check.
        if let Some(s) = stated
            && !matches!(self.quantities[s].unit, Unit::Percent | Unit::Points)
            && (to.is_none() || from.is_none())
        {
            return None;
        }
        used[i] = true;
        if let Some(u) = used.get_mut(last) {
            *u = true;
        }
        if let Some(s) = stated
            && let Some(t) = self.tokens.iter().position(|t| *t == Token::Figure(s))
        {
            for u in used.iter_mut().take(t + 1).skip(i) {
                *u = true;
            }
        }
        Some(ChangeClaim {
            sentence: self.sentence,
            cue: Some(cue_span),
            direction: Some(direction),
            from,
            to,
            stated,
        })
    }

    /// The level a change is measured from, after token `k`: "from X" (a few filler words
    /// allowed), or "compared to/with …, than …, against …" followed soon by X, with a word of
    /// time nearby and no word that makes X a forecast.
    fn comparison_after(&self, k: usize, level: QuantityId) -> Option<QuantityId> {
        let lex = self.lex;
        const WINDOW: usize = 8;
        let mut t = k;
        let limit = (k + 2 * WINDOW).min(self.tokens.len());
        while t < limit {
            match self.tokens[t] {
                Token::Word(w, _) if lex.change(w).is_some() => return None,
                Token::Punct(';' | ':', _) => return None,
                Token::Word(w, _) if lexicon::contains(&self.lex.from, w) => {
                    let mut f = t + 1;
                    while self.word(f).is_some_and(|w| lexicon::contains(&lex.level_fillers, w)) {
                        f += 1;
                    }
                    return self.amount(f).filter(|x| self.level_like(*x, level, f));
                }
                Token::Word(w, _) if lexicon::contains(&lex.comparison_words, w) => {
                    return self.compared_level(t + 1, level);
                }
                _ => {}
            }
            t += 1;
        }
        None
    }

    /// After "compared", "than", "against": the first amount within a few tokens, accepted
    /// when a word of time is near and nothing marks it as a forecast.
    fn compared_level(&self, start: usize, level: QuantityId) -> Option<QuantityId> {
        let lex = self.lex;
        const WINDOW: usize = 8;
        let mut time_seen = false;
        let end = (start + WINDOW).min(self.tokens.len());
        for t in start..end {
            match self.tokens[t] {
                Token::Word(w, _) => {
                    if lexicon::contains(&lex.not_a_level_words, w) || lex.change(w).is_some() {
                        return None;
                    }
                    time_seen |= lexicon::contains(&lex.time_words, w);
                }
                Token::Punct(';' | ':' | ',', _) => return None,
                Token::Punct(_, _) => {}
                Token::Figure(id) => {
                    let q = &self.quantities[id];
                    if matches!(q.unit, Unit::Year | Unit::Date | Unit::Duration) {
                        time_seen = true;
                        continue;
                    }
                    if !q.is_amount() {
                        return None;
                    }
                    let time_after = (t + 1..(t + 4).min(self.tokens.len())).any(|a| match self.tokens[a] {
                        Token::Word(w, _) => lexicon::contains(&lex.time_words, w),
                        Token::Figure(f) => matches!(self.quantities[f].unit, Unit::Year | Unit::Date),
                        Token::Punct(_, _) => false,
                    });
                    let forecast_after = (t + 1..(t + 4).min(self.tokens.len()))
                        .any(|a| self.word(a).is_some_and(|w| lexicon::contains(&lex.not_a_level_words, w)));
                    return (self.level_like(id, level, t) && (time_seen || time_after) && !forecast_after)
                        .then_some(id);
                }
            }
        }
        None
    }

    /// Whether figure `x` (at token `t`) can be the earlier level of `level`: same unit, not a
    /// signed change in brackets ("5.7 million (-266,000)"), not a rate.
    fn level_like(&self, x: QuantityId, level: QuantityId, t: usize) -> bool {
        let q = &self.quantities[x];
        let signed = q.value < 0.0 || q.span.slice(self.text).starts_with('+');
        self.compatible(x, level) && !signed && !self.is_rate(t + 1)
    }

    /// Single shares ("0.1% of the population") and shares of one whole stated together.
    fn shares(&self, claims: &mut Vec<Claim>, used: &[bool]) {
        let text = self.text;
        let leading = self.leading_of_phrase();
        // Read once per sentence, and only when a share asks.
        let multiple = std::cell::OnceCell::new();
        let multiple_answers =
            || *multiple.get_or_init(|| mentions_multiple_answers(self.sentence.slice(text)));
        let mut candidates: Vec<(usize, QuantityId, Option<String>)> = Vec::new();
        for &t in self.figures {
            let Token::Figure(id) = self.tokens[t] else { continue };
            let q = &self.quantities[id];
            if !matches!(q.unit, Unit::Percent | Unit::Ratio) || q.form == Form::Range || used[t] {
                continue;
            }
            // "Of the staff, 45% work in research": the whole named before the shares.
            let of = self.of_phrase(t + 1).or_else(|| leading.clone());
            let whole = self.whole_after_of(t + 1);
            if of.is_some() || whole.is_some() {
                let opens_clause = q.unit == Unit::Percent
                    && self.clause_initial(t)
                    && !self.followed_by_reporting_verb(t + 1)
                    && !self.is_change_figure(t)
                    && of.as_deref().is_some_and(|o| o.contains(' '))
                    && !multiple_answers();
                claims.push(Claim::Share(ShareClaim {
                    opens_clause,
                    part: None,
                    also: None,
                    sentence: self.sentence,
                    share: id,
                    whole,
                    of: of.clone(),
                }));
            }
            if q.unit == Unit::Percent && !self.is_change_figure(t) {
                candidates.push((t, id, of));
            }
        }
        if candidates.len() < 2 || multiple_answers() {
            return;
        }
        // Shares link when nothing but words and list punctuation separates them.
        let mut group: Vec<(usize, QuantityId, Option<String>)> = Vec::new();
        let flush = |group: &mut Vec<(usize, QuantityId, Option<String>)>, claims: &mut Vec<Claim>| {
            if group.len() >= 2 && self.partitions_one_whole(group) {
                let of = group[0].2.clone();
                if group.iter().all(|g| g.2 == of) {
                    claims.push(Claim::ShareGroup(ShareGroupClaim {
                        sentence: self.sentence,
                        shares: group.iter().map(|g| g.1).collect(),
                        of,
                    }));
                }
            }
            group.clear();
        };
        for cand in candidates {
            if let Some(last) = group.last()
                && !self.links(last.0, cand.0)
            {
                flush(&mut group, claims);
            }
            group.push(cand);
        }
        flush(&mut group, claims);
    }

    /// Whether a run of linked shares reads as the parts of one whole: each opens its clause
    /// and is followed by its own words ("13% work in research, 30% in admin"), none is a
    /// comparison ("31% more") or a rate for a group ("20% for banks"), no reporting verb makes
    /// them answers to separate questions, and they do not repeat one word ("69% negative for
    /// …, 62% negative for …": two questions compared).
    fn partitions_one_whole(&self, group: &[(usize, QuantityId, Option<String>)]) -> bool {
        let mut next_words = Vec::new();
        for &(t, _, _) in group {
            if !self.clause_initial(t) || self.followed_by_reporting_verb(t + 1) {
                return false;
            }
            let Some(next) = self.word(t + 1) else { return false };
            let next = next.to_ascii_lowercase();
            if [
                "more",
                "less",
                "fewer",
                "higher",
                "lower",
                "above",
                "below",
                "for",
                "per",
                "a",
                "an",
                "each",
                "every",
                "annually",
                "interest",
                "tax",
                "rate",
                "stake",
                "stakes",
                "chance",
                "probability",
                "likely",
            ]
            .contains(&next.as_str())
            {
                return false;
            }
            next_words.push(next);
        }
        const PREPOSITIONS: &[&str] = &["in", "at", "on", "of", "from", "to", "with", "by", "as", "into"];
        let repeated = next_words
            .iter()
            .enumerate()
            .any(|(i, w)| !PREPOSITIONS.contains(&w.as_str()) && next_words[i + 1..].contains(w));
        !repeated
    }

    /// Whether tokens strictly between `a` and `b` hold no other figure and no change word.
    fn links(&self, a: usize, b: usize) -> bool {
        let lex = self.lex;
        self.tokens[a + 1..b].iter().all(|t| match t {
            Token::Figure(_) => false,
            Token::Word(w, _) => lex.change(w).is_none(),
            Token::Punct(c, _) => !matches!(c, '(' | ')' | ':'),
        })
    }

    /// A share that opens its clause: at the start, or after a comma or a conjunction.
    fn clause_initial(&self, t: usize) -> bool {
        t == 0
            || self.is_punct(t - 1, &[',', ';', '—', '–'])
            || self.is_word(
                t - 1,
                &[
                    "and",
                    "while",
                    "whereas",
                    "but",
                    "with",
                    "plus",
                    "another",
                    "remaining",
                    "other",
                    "further",
                ],
            )
    }

    /// "60% said …": separate questions may each take any share.
    fn followed_by_reporting_verb(&self, t: usize) -> bool {
        self.is_word(
            t,
            &[
                "said", "say", "says", "think", "thought", "believe", "believed", "felt", "feel", "reported",
                "told", "agreed", "agree", "want", "wanted", "expect", "expected", "would", "will", "could",
                "are", "were", "is", "was", "have", "had", "also",
            ],
        ) || self.is_word(t, &["of"])
            && self.is_word(t + 2, &["said", "say", "says", "think", "believe", "want", "agree", "agreed"])
    }

    /// Whether the figure at `t` sits next to a change word ("up 5%", "rose 5%").
    fn is_change_figure(&self, t: usize) -> bool {
        (t >= 1 && self.cue(t - 1).is_some())
            || (t >= 2
                && (self.is_word(t - 1, &self.lex.by) || self.is_word(t - 1, &self.lex.of))
                && self.cue(t - 2).is_some())
            || self.cue(t + 1).is_some()
    }

    /// "Of the staff, …": the whole that opens the sentence, for a share right after its comma.
    fn leading_of_phrase(&self) -> Option<String> {
        if !self.is_word(0, &["of"]) {
            return None;
        }
        let words: Vec<String> = (1..6).map_while(|k| self.word(k).map(str::to_lowercase)).collect();
        (!words.is_empty() && self.is_punct(words.len() + 1, &[','])).then(|| words.join(" "))
    }

    /// The words after "of" up to the next punctuation, figure or verb-like word.
    fn of_phrase(&self, t: usize) -> Option<String> {
        if !self.is_word(t, &["of"]) {
            return None;
        }
        let mut words = Vec::new();
        for token in &self.tokens[t + 1..] {
            match token {
                Token::Word(w, _) if words.len() < 4 => {
                    if [
                        "and", "or", "while", "were", "are", "was", "is", "had", "have", "said", "say", "in",
                        "on", "at", "who", "which", "that",
                    ]
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s))
                    {
                        break;
                    }
                    words.push(w.to_lowercase());
                }
                _ => break,
            }
        }
        (!words.is_empty()).then(|| words.join(" "))
    }
}

/// Whether the text says a question allowed more than one answer (the lexicon's
/// `multi-answer-phrases`), so its shares may add past 100%.
pub fn mentions_multiple_answers(text: &str) -> bool {
    let lower = text.to_lowercase();
    lexicon::active().multi_answer_phrases.iter().any(|p| lower.contains(p.as_str()))
}

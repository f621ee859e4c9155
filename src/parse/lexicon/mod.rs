//! The words the grammar and the claim patterns know, per language: qualifiers, number words,
//! magnitudes, currencies, units, the verbs and nouns of change and the small words of the
//! patterns. They are data (`rules/lexicon/<language>.yml`, compiled into the binary and read
//! once at start-up); a pack extends a language or adds one with its own `lexicon/` folder.
//!
//! The grammar reads the lexicon of the article being read through [`active`], set for the
//! duration of a read by [`activate`]: the vocabulary is a property of the whole read, like a
//! locale, and threading it through every parser would not change what they compute.

pub(crate) mod index;
mod schema;

pub use index::WordIndex;
pub use schema::{LexiconFile, relative_position};

use super::quantity::Qualifier;
use std::cell::Cell;
use std::sync::{Mutex, OnceLock};

/// Direction of a change word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

/// The lexicon files shipped in the binary: (path, the YAML file as JSON).
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_lexicons.rs"));

/// The words of one language, ready for the grammar: phrases longest first, words as written.
#[derive(Debug)]
pub struct Lexicon {
    pub language: String,
    pub name: String,
    /// Other tags and names of the language ("deu", "ger", "German"), lower-cased.
    pub aliases: Vec<String>,
    pub decimal_mark: char,
    pub group_marks: Vec<String>,
    /// A full stop after digits may write an ordinal ("am 3. Oktober"); see `ordinal_nouns`.
    pub ordinal_dot: bool,
    pub ordinal_nouns: Vec<String>,
    /// Words after digits that make them a time of day ("14.30 Uhr").
    pub clock_words: Vec<String>,
    pub qualifiers: Vec<(String, Qualifier)>,
    pub bound_signs: Vec<(String, Qualifier)>,
    pub exact_phrases: Vec<String>,
    pub bound_suffixes: Vec<(String, Qualifier)>,
    pub units: Vec<(String, u32)>,
    pub tens: Vec<(String, u32)>,
    pub scales: Vec<(String, f64)>,
    pub ordinals: Vec<(String, f64)>,
    pub dozens: Vec<String>,
    pub sign_words: Vec<String>,
    /// Words for "one" before a scale or fraction ("a million"), lower case.
    pub number_articles: Vec<String>,
    /// Parts of number words written as one word, longest first ("zweiundzwanzig"); empty
    /// in a language that writes them apart.
    pub compound_parts: Vec<(String, CompoundPart)>,
    pub magnitudes: Vec<(String, f64)>,
    pub money_magnitudes: Vec<(String, f64)>,
    pub currency_before: Vec<(String, String)>,
    pub currency_after: Vec<(String, String)>,
    pub currency_signs_after: Vec<(String, String)>,
    pub currency_million_codes: Vec<(String, String)>,
    pub currency_hundredths: Vec<(String, String)>,
    pub percent_words: Vec<String>,
    pub point_words: Vec<String>,
    pub duration_words: Vec<String>,
    pub months: Vec<String>,
    /// Relative ordinals ("next to last") and their positions ("end-1"), longest first.
    pub relative_ordinals: Vec<(String, String)>,
    pub identifier_cues: Vec<String>,
    pub score_cues: Vec<String>,
    pub noun_only_change_words: Vec<String>,
    pub comparison_words: Vec<String>,
    pub not_a_level_words: Vec<String>,
    pub time_words: Vec<String>,
    pub level_fillers: Vec<String>,
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub by: Vec<String>,
    pub of: Vec<String>,
    pub articles: Vec<String>,
    pub joins: Vec<String>,
    pub verb_final: bool,
    /// The verb may come before its subject ("Im Oktober stieg der Umsatz um 5 Prozent"): a
    /// subject of capitalised nouns and `subject_words` may stand between a change verb and its
    /// figures.
    pub verb_second: bool,
    pub subject_words: Vec<String>,
    /// Quantifier phrases as lower-case words, with the shares (percent) they allow.
    pub quantifiers: Vec<(Vec<String>, f64, f64)>,
    pub time_nouns: Vec<String>,
    pub count_nouns: Vec<String>,
    pub multi_answer_phrases: Vec<String>,
    pub abbreviations: Vec<String>,
    /// What the claim patterns want to know of a word, in one look-up per word of a sentence.
    pub word_roles: WordIndex<WordRoles>,
    /// The file this lexicon was compiled from (merged with any extensions).
    pub source: LexiconFile,
    /// Tables the quantity grammar derives from the words, built on first use.
    pub(crate) scan_tables: OnceLock<super::scan::Tables>,
    pub(crate) numeral_kinds: OnceLock<super::numeral::WordKinds>,
}

/// The roles of one word in the claim patterns.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WordRoles {
    /// A word of change and its direction ("rose").
    pub change: Option<Direction>,
    /// A multiple and its factor ("tripled").
    pub multiple: Option<f64>,
    /// The first word of a quantifier phrase ("most", "the" of "the majority").
    pub quantifier_start: bool,
}

impl WordRoles {
    fn index(
        changes: &[(String, Direction)],
        multiples: &[(String, f64)],
        quantifiers: &[(Vec<String>, f64, f64)],
    ) -> WordIndex<WordRoles> {
        let mut roles: Vec<(String, WordRoles)> = Vec::new();
        let mut entry = |word: &str| -> usize {
            let lower = word.to_lowercase();
            match roles.iter().position(|(w, _)| *w == lower) {
                Some(at) => at,
                None => {
                    roles.push((lower, WordRoles::default()));
                    roles.len() - 1
                }
            }
        };
        let mut set = Vec::new();
        for (w, d) in changes {
            set.push((entry(w), WordRoles { change: Some(*d), ..WordRoles::default() }));
        }
        for (w, m) in multiples {
            set.push((entry(w), WordRoles { multiple: Some(*m), ..WordRoles::default() }));
        }
        for (words, ..) in quantifiers {
            if let Some(first) = words.first() {
                set.push((entry(first), WordRoles { quantifier_start: true, ..WordRoles::default() }));
            }
        }
        // The first meaning of a word wins, as in a list look-up.
        for (at, role) in set {
            let r = &mut roles[at].1;
            r.change = r.change.or(role.change);
            r.multiple = r.multiple.or(role.multiple);
            r.quantifier_start |= role.quantifier_start;
        }
        WordIndex::new(roles.iter().map(|(w, r)| (w.as_str(), *r)))
    }
}

fn longest_first<T>(mut entries: Vec<(String, T)>) -> Vec<(String, T)> {
    entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    entries
}

fn longest_first_words(mut words: Vec<String>) -> Vec<String> {
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

fn by_meaning<K: Copy>(groups: &schema::Ordered<Vec<String>, K>) -> Vec<(String, K)> {
    longest_first(groups.0.iter().flat_map(|(k, words)| words.iter().map(|w| (w.clone(), *k))).collect())
}

impl Lexicon {
    /// Compiles a (merged) lexicon file.
    pub fn compile(file: LexiconFile) -> Lexicon {
        let f = &file;
        let numbers = f.numbers.clone().unwrap_or(schema::Numbers {
            decimal_mark: '.',
            group_marks: vec![",".into(), "\u{202f}".into(), "\u{a0}".into(), "\u{2009}".into()],
            ordinal_dot: false,
            ordinal_nouns: Vec::new(),
            clock_words: Vec::new(),
        });
        let mut change_words: Vec<(String, Direction)> =
            f.change_words.up.iter().map(|w| (w.clone(), Direction::Up)).collect();
        change_words.extend(f.change_words.down.iter().map(|w| (w.clone(), Direction::Down)));
        let quantifiers = {
            let mut q: Vec<(Vec<String>, f64, f64)> = f
                .quantifiers
                .0
                .iter()
                .map(|(phrase, [low, high])| {
                    (phrase.split_whitespace().map(str::to_lowercase).collect(), *low, *high)
                })
                .collect();
            q.sort_by_key(|(words, ..)| std::cmp::Reverse(words.len()));
            q
        };
        let word_roles = WordRoles::index(&change_words, &f.multiples.0, &quantifiers);
        Lexicon {
            word_roles,
            language: f.language.clone(),
            name: f.name.clone().unwrap_or_else(|| f.language.clone()),
            aliases: f.aliases.iter().map(|a| a.to_lowercase()).collect(),
            decimal_mark: numbers.decimal_mark,
            group_marks: longest_first_words(numbers.group_marks),
            ordinal_dot: numbers.ordinal_dot,
            ordinal_nouns: numbers.ordinal_nouns.iter().map(|w| w.to_lowercase()).collect(),
            clock_words: numbers.clock_words.iter().map(|w| w.to_lowercase()).collect(),
            qualifiers: by_meaning(&f.qualifiers),
            bound_signs: by_meaning(&f.bound_signs),
            exact_phrases: longest_first_words(f.exact_phrases.clone()),
            bound_suffixes: by_meaning(&f.bound_suffixes),
            units: f.number_words.units.0.clone(),
            tens: f.number_words.tens.0.clone(),
            scales: longest_first(f.number_words.scales.0.clone()),
            ordinals: f.number_words.ordinals.0.clone(),
            dozens: longest_first_words(f.number_words.dozens.clone()),
            sign_words: longest_first_words(f.number_words.signs.clone()),
            number_articles: f.number_words.articles.iter().map(|w| w.to_lowercase()).collect(),
            compound_parts: compound_parts(f),
            magnitudes: longest_first(f.magnitudes.0.clone()),
            money_magnitudes: longest_first(f.money_magnitudes.0.clone()),
            currency_before: longest_first(f.currencies.before.0.clone()),
            currency_after: longest_first(f.currencies.after.0.clone()),
            currency_signs_after: longest_first(f.currencies.signs_after.0.clone()),
            currency_million_codes: longest_first(f.currencies.million_codes.0.clone()),
            currency_hundredths: longest_first(f.currencies.hundredths.0.clone()),
            percent_words: longest_first_words(f.percent_words.clone()),
            point_words: longest_first_words(f.point_words.clone()),
            duration_words: longest_first_words(f.duration_words.clone()),
            months: f.months.clone(),
            relative_ordinals: longest_first(f.relative_ordinals.0.clone()),
            identifier_cues: f.identifier_cues.clone(),
            score_cues: f.score_cues.clone(),
            noun_only_change_words: f.change_words.nouns.clone(),
            comparison_words: f.comparison_words.clone(),
            not_a_level_words: f.not_a_level_words.clone(),
            time_words: f.time_words.clone(),
            level_fillers: f.level_fillers.clone(),
            from: f.function_words.from.clone(),
            to: f.function_words.to.clone(),
            by: f.function_words.by.clone(),
            of: f.function_words.of.clone(),
            articles: f.function_words.articles.clone(),
            joins: f.function_words.joins.clone(),
            verb_final: f.verb_final.unwrap_or(false),
            verb_second: f.verb_second.unwrap_or(false),
            subject_words: f.function_words.subject_words.clone(),
            quantifiers,
            time_nouns: f.time_nouns.clone(),
            count_nouns: f.count_nouns.clone(),
            multi_answer_phrases: f.multi_answer_phrases.iter().map(|p| p.to_lowercase()).collect(),
            abbreviations: f.abbreviations.iter().map(|a| a.trim_end_matches('.').to_lowercase()).collect(),
            source: file,
            scan_tables: OnceLock::new(),
            numeral_kinds: OnceLock::new(),
        }
    }

    /// The direction of a change word.
    pub fn change(&self, word: &str) -> Option<Direction> {
        self.word_roles.get(word).and_then(|r| r.change)
    }

    /// Whether a language tag ("de", "de-AT", "DE_ch") names this lexicon's language.
    pub fn speaks(&self, tag: &str) -> bool {
        let primary = primary_subtag(tag);
        primary.eq_ignore_ascii_case(&self.language)
            || self.name.eq_ignore_ascii_case(tag)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(primary) || a.eq_ignore_ascii_case(tag))
    }
}

/// Tags that name no language: empty, undetermined ("und"), several ("mul"), no linguistic
/// content ("zxx"), private use ("x-…", "i-…").
fn names_no_language(tag: &str) -> bool {
    let primary = primary_subtag(tag).to_ascii_lowercase();
    matches!(primary.as_str(), "" | "und" | "mul" | "zxx" | "x" | "i")
}

/// The language of a tag: "de" of "de-AT" or "de_ch".
fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or("").trim()
}

/// Reads one lexicon file.
pub fn parse_file(text: &str, name: &str) -> Result<LexiconFile, miette::Report> {
    crate::rules::yaml::from_str(text, name)
}

/// A part of a number word written as one word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CompoundPart {
    Unit(u32),
    Tens(u32),
    /// A scale: 100 ("hundert"), 1000 ("tausend") and up.
    Scale(f64),
    /// The word between a unit and its tens ("und").
    Join,
}

/// The parts number words are written with as one word, longest first, lower-cased; none when
/// the lexicon has no `number-words.compounds`.
fn compound_parts(f: &LexiconFile) -> Vec<(String, CompoundPart)> {
    let Some(c) = &f.number_words.compounds else { return Vec::new() };
    let n = &f.number_words;
    let mut parts: Vec<(String, CompoundPart)> = Vec::new();
    parts.extend(n.units.0.iter().chain(&c.units.0).map(|(w, v)| (w.to_lowercase(), CompoundPart::Unit(*v))));
    parts.extend(n.tens.0.iter().map(|(w, v)| (w.to_lowercase(), CompoundPart::Tens(*v))));
    parts.extend(n.scales.0.iter().map(|(w, v)| (w.to_lowercase(), CompoundPart::Scale(*v))));
    parts.extend(c.joins.iter().map(|w| (w.to_lowercase(), CompoundPart::Join)));
    parts.retain(|(w, _)| !w.is_empty());
    parts.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    parts
}

/// The languages shipped in the binary (each file is named after its language), English
/// first.
pub fn shipped_languages() -> impl Iterator<Item = &'static str> {
    let code = |name: &'static str| name.rsplit('/').next().unwrap_or(name).split('.').next().unwrap_or(name);
    std::iter::once("en").chain(EMBEDDED.iter().map(move |(name, _)| code(name)).filter(|c| *c != "en"))
}

/// The shipped lexicon of a language, read on first use: an English article never pays for
/// reading the German words.
pub fn shipped(language: &str) -> Option<&'static Lexicon> {
    static READ: OnceLock<Vec<OnceLock<&'static Lexicon>>> = OnceLock::new();
    let slots = READ.get_or_init(|| EMBEDDED.iter().map(|_| OnceLock::new()).collect());
    let at = EMBEDDED.iter().position(|(name, _)| {
        name.rsplit('/')
            .next()
            .and_then(|f| f.split('.').next())
            .is_some_and(|c| c.eq_ignore_ascii_case(language))
    })?;
    Some(slots[at].get_or_init(|| {
        let (name, json) = EMBEDDED[at];
        // The build script has read the file as YAML, and the test suite reads every shipped
        // file: one that breaks fails the build or the tests, never a user's run.
        match serde_json::from_str::<LexiconFile>(json) {
            // One per shipped language, kept for the run (its slot is read once).
            Ok(file) if file.problem().is_none() => &*Box::leak(Box::new(Lexicon::compile(file))),
            Ok(file) => panic!("the shipped lexicon {name} is invalid: {:?}", file.problem()),
            Err(e) => panic!("the shipped lexicon {name} does not read: {e}"),
        }
    }))
}

/// Every shipped lexicon, English first.
pub fn builtin() -> Vec<&'static Lexicon> {
    shipped_languages().filter_map(shipped).collect()
}

/// The English lexicon.
pub fn english() -> &'static Lexicon {
    static EN: OnceLock<&'static Lexicon> = OnceLock::new();
    EN.get_or_init(|| shipped("en").expect("rules/lexicon/en.yml is shipped"))
}

/// Keeps a compiled lexicon for the rest of the run. Lexicons are few (one per language and
/// pack) and the grammar's tables borrow from them; a lexicon compiled again from the same
/// files is the one already kept, so loading a pack many times does not grow memory.
pub fn intern(lexicon: Lexicon) -> &'static Lexicon {
    static KEPT: Mutex<Vec<(String, &'static Lexicon)>> = Mutex::new(Vec::new());
    let mut kept = KEPT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let key = format!("{:?}", lexicon.source);
    if let Some((_, found)) = kept.iter().find(|(k, _)| *k == key) {
        return found;
    }
    let leaked: &'static Lexicon = Box::leak(Box::new(lexicon));
    kept.push((key, leaked));
    leaked
}

/// The lexicons of a run: the shipped ones, as extended or added to by packs.
#[derive(Clone, Debug, Default)]
pub struct Languages {
    extended: Vec<&'static Lexicon>,
}

impl PartialEq for Languages {
    fn eq(&self, other: &Self) -> bool {
        self.extended.len() == other.extended.len()
            && self.extended.iter().zip(&other.extended).all(|(a, b)| std::ptr::eq(*a, *b))
    }
}

impl Languages {
    /// The lexicon for a language tag: a pack's, then a shipped one, then English (also for a
    /// language with no lexicon; see [`Languages::resolve`] to tell that case apart).
    pub fn for_tag(&self, tag: Option<&str>) -> &'static Lexicon {
        self.resolve(tag).unwrap_or_else(|_| self.resolve(None).unwrap_or_else(|_| english()))
    }

    /// The lexicon for a language tag ("de", "de-AT", "DE_ch", an alias such as "deu" or
    /// "German", or a lexicon's own name such as "Deutsch"), English when there is no tag or it names no language ("und", "zxx",
    /// private-use "x-…"); `Err` with the tag when it names a language no lexicon reads.
    pub fn resolve<'t>(&self, tag: Option<&'t str>) -> Result<&'static Lexicon, &'t str> {
        let Some(tag) = tag.map(str::trim).filter(|t| !names_no_language(t)) else {
            return Ok(self.extended.iter().find(|l| l.language == "en").copied().unwrap_or_else(english));
        };
        if let Some(found) = self.extended.iter().find(|l| l.speaks(tag)) {
            return Ok(found);
        }
        if let Some(found) = shipped(primary_subtag(tag)) {
            return Ok(found);
        }
        self.all().into_iter().find(|l| l.speaks(tag)).ok_or(tag)
    }

    /// Every language known, extended ones first.
    pub fn all(&self) -> Vec<&'static Lexicon> {
        let mut all = self.extended.clone();
        all.extend(builtin().into_iter().filter(|b| !self.extended.iter().any(|e| e.language == b.language)));
        all
    }

    /// Adds lexicon files: each extends the language it names (shipped or added before) or, for
    /// a language not known yet, adds it.
    pub fn extend(&mut self, files: Vec<LexiconFile>) {
        for file in files {
            let base = self
                .extended
                .iter()
                .find(|l| l.language.eq_ignore_ascii_case(&file.language))
                .copied()
                .or_else(|| shipped(&file.language))
                .map(|l| l.source.clone());
            let language = file.language.clone();
            let merged = match base {
                Some(mut base) => {
                    base.extend(file);
                    base
                }
                None => file,
            };
            let compiled = intern(Lexicon::compile(merged));
            self.extended.retain(|l| !l.language.eq_ignore_ascii_case(&language));
            self.extended.push(compiled);
        }
    }
}

thread_local! {
    static ACTIVE: Cell<Option<&'static Lexicon>> = const { Cell::new(None) };
}

/// The lexicon of the read in progress on this thread (English outside any read).
pub fn active() -> &'static Lexicon {
    ACTIVE.with(Cell::get).unwrap_or_else(english)
}

/// Makes `lexicon` the active one until the guard is dropped.
pub fn activate(lexicon: &'static Lexicon) -> Active {
    let previous = ACTIVE.with(|a| a.replace(Some(lexicon)));
    Active { previous }
}

/// Restores the lexicon active before [`activate`].
pub struct Active {
    previous: Option<&'static Lexicon>,
}

impl Drop for Active {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(self.previous));
    }
}

/// The meaning of `word` in a table of words (any case).
pub fn lookup<T: Copy, S: AsRef<str>>(table: &[(S, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| w.as_ref().eq_ignore_ascii_case(word)).map(|(_, v)| *v)
}

/// Whether `word` is in a list of words (any case).
pub fn contains<S: AsRef<str>>(table: &[S], word: &str) -> bool {
    table.iter().any(|w| w.as_ref().eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicons_read() {
        let langs: Vec<&str> = builtin().iter().map(|l| l.language.as_str()).collect();
        assert_eq!(langs, shipped_languages().collect::<Vec<_>>(), "each file is named after its language");
        assert_eq!(langs[0], "en");
        assert!(langs.contains(&"de"), "{langs:?}");
        let en = english();
        assert_eq!(en.decimal_mark, '.');
        assert_eq!(lookup(&en.qualifiers, "just over"), Some(Qualifier::JustOver));
        // Longest first: "just over" is tried before "over".
        let just = en.qualifiers.iter().position(|(w, _)| w == "just over");
        let over = en.qualifiers.iter().position(|(w, _)| w == "over");
        assert!(just < over);
        let de = Languages::default().for_tag(Some("de-AT"));
        assert_eq!(de.decimal_mark, ',');
        assert_eq!(de.change("gesunken"), Some(Direction::Down));
    }

    #[test]
    fn a_pack_extends_a_language() {
        let extra: LexiconFile =
            parse_file("language: en\nchange-words:\n  up: [skyrocketed]\n", "extra.yml").expect("reads");
        let mut languages = Languages::default();
        languages.extend(vec![extra]);
        let en = languages.for_tag(None);
        assert_eq!(en.change("skyrocketed"), Some(Direction::Up));
        assert_eq!(en.change("rose"), Some(Direction::Up));
        assert_eq!(english().change("skyrocketed"), None);
        // A word given a new meaning leaves its old one.
        let moved: LexiconFile = parse_file(
            "language: en\nchange-words:\n  down: [rose]\nqualifiers:\n  at-least: [over]\n",
            "moved.yml",
        )
        .expect("reads");
        languages.extend(vec![moved]);
        let en = languages.for_tag(Some("en-GB"));
        assert_eq!(en.change("rose"), Some(Direction::Down));
        assert_eq!(lookup(&en.qualifiers, "over"), Some(Qualifier::AtLeast));
        assert_eq!(en.change("skyrocketed"), Some(Direction::Up), "earlier extensions stay");
    }

    #[test]
    fn tags_resolve_to_a_language_or_to_none_known() {
        let languages = Languages::default();
        let language = |tag: Option<&'static str>| languages.resolve(tag).map(|l| l.language.as_str());
        assert_eq!(language(None), Ok("en"));
        for no_language in ["", "  ", "und", "mul", "zxx", "x-house", "i-klingon"] {
            assert_eq!(language(Some(no_language)), Ok("en"), "{no_language:?}");
        }
        assert_eq!(language(Some("DE_ch")), Ok("de"));
        assert_eq!(language(Some("Deutsch")), Ok("de"));
        assert_eq!(language(Some("english")), Ok("en"));
        assert_eq!(language(Some("eng")), Ok("en"));
        assert_eq!(language(Some("ger")), Ok("de"));
        assert_eq!(language(Some("deu-CH")), Ok("de"));
        assert_eq!(language(Some("German")), Ok("de"));
        assert_eq!(language(Some("fr-CA")), Err("fr-CA"));
        assert_eq!(language(Some(" Français ")), Err("Français"));
        // Reading on without a lexicon falls back to English.
        assert_eq!(languages.for_tag(Some("fr")).language, "en");
    }

    #[test]
    fn unknown_keys_are_refused_with_their_place() {
        let err = parse_file("language: en\nchange-word:\n  up: [x]\n", "bad.yml").unwrap_err();
        assert!(format!("{err:?}").contains("change-word"), "{err:?}");
    }

    #[test]
    fn activation_is_scoped() {
        let de = Languages::default().for_tag(Some("de"));
        assert_eq!(active().language, "en");
        {
            let _guard = activate(de);
            assert_eq!(active().language, "de");
        }
        assert_eq!(active().language, "en");
    }
}

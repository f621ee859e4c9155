//! The English words the grammar and the claim patterns know: qualifiers, number words,
//! magnitudes, units, currencies, and the verbs and nouns of change.

use super::quantity::Qualifier;

/// Qualifier phrases, longest first so that "just over" wins over "over".
pub const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("slightly more than", Qualifier::JustOver),
    ("a little more than", Qualifier::JustOver),
    ("a little over", Qualifier::JustOver),
    ("just more than", Qualifier::JustOver),
    ("just over", Qualifier::JustOver),
    ("just above", Qualifier::JustOver),
    ("slightly over", Qualifier::JustOver),
    ("just under", Qualifier::Nearly),
    ("just below", Qualifier::Nearly),
    ("just short of", Qualifier::Nearly),
    ("slightly less than", Qualifier::Nearly),
    ("slightly under", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("approximately", Qualifier::Approximately),
    ("an estimated", Qualifier::Approximately),
    ("roughly", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("about", Qualifier::Approximately),
    ("circa", Qualifier::Approximately),
    ("some", Qualifier::Approximately),
    ("~", Qualifier::Approximately),
    ("in excess of", Qualifier::Over),
    ("upwards of", Qualifier::Over),
    ("more than", Qualifier::Over),
    ("greater than", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("above", Qualifier::Over),
    ("over", Qualifier::Over),
    ("fewer than", Qualifier::Under),
    ("less than", Qualifier::Under),
    ("below", Qualifier::Under),
    ("under", Qualifier::Under),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at most", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
];

/// Number words below twenty.
pub const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Tens.
pub const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words, as words after a numeral ("1.5 million") or inside number words.
pub const SCALES: &[(&str, f64)] =
    &[("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// Magnitude abbreviations after digits, with or without a space ("$280bn", "1.5 mln").
pub const MAGNITUDE_ABBREVIATIONS: &[(&str, f64)] =
    &[("mln", 1e6), ("bln", 1e9), ("trn", 1e12), ("mn", 1e6), ("bn", 1e9), ("tn", 1e12), ("k", 1e3)];

/// Magnitude letters that count only next to money ("$10m"; "10m" alone may be metres).
pub const MONEY_MAGNITUDE_LETTERS: &[(&str, f64)] = &[("m", 1e6), ("b", 1e9)];

/// Currency signs and codes written before the figure, longest first.
pub const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("CHF", "CHF"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
];

/// Currency words and codes written after the figure.
pub const CURRENCY_SUFFIXES: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("dlrs", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("stg", "GBP"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
    ("rupees", "INR"),
    ("francs", "CHF"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("CHF", "CHF"),
];

/// Words for percent after a figure; the figure's unit becomes [`super::Unit::Percent`].
pub const PERCENT_WORDS: &[&str] = &["percent", "per cent", "per-cent", "pct", "pc"];

/// Words for points after a figure, longest first.
pub const POINT_WORDS: &[&str] = &[
    "percentage points",
    "percentage point",
    "percentage-points",
    "percentage-point",
    "points",
    "point",
    "ppts",
    "ppt",
    "pts",
    "pp",
];

/// Units of time after a figure.
pub const DURATION_WORDS: &[&str] = &[
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "decades",
    "decade",
    "centuries",
    "century",
    "yrs",
    "mins",
];

/// Month names and abbreviations, for dates.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Fraction words with their value as a denominator: "third" → 3.
pub const FRACTION_DENOMINATORS: &[(&str, u32)] = &[
    ("half", 2),
    ("halves", 2),
    ("third", 3),
    ("thirds", 3),
    ("quarter", 4),
    ("quarters", 4),
    ("fourth", 4),
    ("fourths", 4),
    ("fifth", 5),
    ("fifths", 5),
    ("sixth", 6),
    ("sixths", 6),
    ("eighth", 8),
    ("eighths", 8),
    ("tenth", 10),
    ("tenths", 10),
];

/// Ordinal words (never amounts).
pub const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "hundredth",
];

/// Words before a bare number that make it a name, not an amount ("No. 10", "Article 50").
pub const IDENTIFIER_CUES: &[&str] = &[
    "no.",
    "no",
    "number",
    "article",
    "section",
    "chapter",
    "route",
    "flight",
    "room",
    "page",
    "level",
    "tier",
    "category",
    "version",
    "model",
    "channel",
    "highway",
    "interstate",
    "bill",
    "platform",
    "gate",
    "pier",
    "unit",
    "box",
    "suite",
    "apt",
    "floor",
    "grade",
    "phase",
    "stage",
    "series",
    "season",
    "episode",
    "volume",
    "vol.",
    "issue",
    "item",
    "form",
    "act",
    "amendment",
    "proposition",
    "prop",
    "measure",
    "district",
    "ward",
    "precinct",
    "lot",
    "code",
];

/// Words before "3-1" that make it a score.
pub const SCORE_CUES: &[&str] = &[
    "won",
    "win",
    "wins",
    "winning",
    "lost",
    "lose",
    "loses",
    "losing",
    "beat",
    "beats",
    "beating",
    "drew",
    "draw",
    "defeat",
    "defeated",
    "victory",
    "score",
    "scored",
    "scoreline",
    "led",
    "leading",
    "trailed",
    "trailing",
    "thrashed",
    "edged",
    "vote",
    "voted",
    "ruling",
    "decision",
    "majority",
];

/// Direction of a change word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

/// Verbs, nouns and adverbs of change with their direction (lower case, matched as whole words).
pub const CHANGE_WORDS: &[(&str, Direction)] = &[
    ("rose", Direction::Up),
    ("rise", Direction::Up),
    ("rises", Direction::Up),
    ("rising", Direction::Up),
    ("risen", Direction::Up),
    ("increase", Direction::Up),
    ("increased", Direction::Up),
    ("increases", Direction::Up),
    ("increasing", Direction::Up),
    ("grew", Direction::Up),
    ("grow", Direction::Up),
    ("grows", Direction::Up),
    ("grown", Direction::Up),
    ("growing", Direction::Up),
    ("growth", Direction::Up),
    ("climbed", Direction::Up),
    ("climb", Direction::Up),
    ("climbs", Direction::Up),
    ("climbing", Direction::Up),
    ("jumped", Direction::Up),
    ("jump", Direction::Up),
    ("jumps", Direction::Up),
    ("soared", Direction::Up),
    ("soar", Direction::Up),
    ("surged", Direction::Up),
    ("surge", Direction::Up),
    ("gained", Direction::Up),
    ("gain", Direction::Up),
    ("gains", Direction::Up),
    ("advanced", Direction::Up),
    ("up", Direction::Up),
    ("higher", Direction::Up),
    ("boosted", Direction::Up),
    ("fell", Direction::Down),
    ("fall", Direction::Down),
    ("falls", Direction::Down),
    ("falling", Direction::Down),
    ("fallen", Direction::Down),
    ("dropped", Direction::Down),
    ("drop", Direction::Down),
    ("drops", Direction::Down),
    ("dropping", Direction::Down),
    ("declined", Direction::Down),
    ("decline", Direction::Down),
    ("declines", Direction::Down),
    ("declining", Direction::Down),
    ("decreased", Direction::Down),
    ("decrease", Direction::Down),
    ("decreases", Direction::Down),
    ("decreasing", Direction::Down),
    ("slumped", Direction::Down),
    ("slump", Direction::Down),
    ("plunged", Direction::Down),
    ("plunge", Direction::Down),
    ("plummeted", Direction::Down),
    ("tumbled", Direction::Down),
    ("slid", Direction::Down),
    ("slipped", Direction::Down),
    ("sank", Direction::Down),
    ("shrank", Direction::Down),
    ("shrunk", Direction::Down),
    ("contracted", Direction::Down),
    ("lost", Direction::Down),
    ("down", Direction::Down),
    ("lower", Direction::Down),
    ("cut", Direction::Down),
    ("reduced", Direction::Down),
    ("reduction", Direction::Down),
];

/// Words that open the comparison of a "a decline of 40% compared to …" phrase.
pub const COMPARISON_WORDS: &[&str] = &["compared", "comparison", "from", "than", "against", "versus", "vs"];

/// Words that make a compared figure a forecast or an estimate, not an earlier level.
pub const NOT_A_LEVEL_WORDS: &[&str] = &[
    "forecast",
    "forecasts",
    "estimate",
    "estimates",
    "estimated",
    "expected",
    "expectation",
    "expectations",
    "consensus",
    "poll",
    "analysts",
    "analyst",
    "average",
    "target",
    "guidance",
    "projected",
    "projection",
    "goal",
    "budget",
    "budgeted",
    "planned",
];

/// Words that place a compared figure in the past ("compared to 10 years ago (37,000)").
pub const TIME_WORDS: &[&str] = &[
    "ago",
    "earlier",
    "before",
    "previous",
    "previously",
    "prior",
    "last",
    "year",
    "years",
    "quarter",
    "quarters",
    "month",
    "months",
    "week",
    "weeks",
    "period",
    "decade",
    "decades",
    "yesterday",
    "daybefore",
];

/// Change words that are only nouns: "growth to 1%" is not a change to 1%.
pub const NOUN_ONLY_CHANGE_WORDS: &[&str] = &["growth", "reduction"];

/// Filler words allowed between "from" and the figure ("from a revised 4.1%").
pub const LEVEL_FILLERS: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "previous",
    "prior",
    "revised",
    "earlier",
    "year-earlier",
    "year-ago",
    "record",
    "upwardly",
    "downwardly",
];

pub fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|(_, v)| *v)
}

pub fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| w.eq_ignore_ascii_case(word))
}

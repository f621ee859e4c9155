//! The claim AST: what an article asserts about its figures, with the figures bound by index
//! into [`Article::quantities`].

use super::lexicon::Direction;
use super::quantity::Quantity;
use crate::source::Document;
use crate::span::Span;
use serde::Serialize;

/// Index of a figure in [`Article::quantities`].
pub type QuantityId = usize;

/// A change over time: "rose from 26% to 31%", "22,000, a decline of over 40% … (37,000)".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeClaim {
    /// The sentence the claim was read from.
    pub sentence: Span,
    /// The word that names the change ("rose", "decline", "down").
    pub cue: Option<Span>,
    pub direction: Option<Direction>,
    pub from: Option<QuantityId>,
    pub to: Option<QuantityId>,
    /// The stated size of the change: relative (%), in points, or absolute (same unit as the
    /// figures).
    pub stated: Option<QuantityId>,
}

/// One share of a whole: "0.1% of the population", "half of them".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareClaim {
    pub sentence: Span,
    pub share: QuantityId,
    /// The part, when it is a figure ("12 of the 50 members, or 24%").
    pub part: Option<QuantityId>,
    /// The same share said another way ("one in five, or 20%").
    pub also: Option<QuantityId>,
    /// The whole, when it is a figure ("12% of 50 respondents").
    pub whole: Option<QuantityId>,
    /// The whole as written after "of", lower-cased ("the population").
    pub of: Option<String>,
    /// Whether the share opens its clause as a part of its whole ("Of the staff, 45% work …"),
    /// so that it may add up with shares of the same whole in the next sentences.
    pub opens_clause: bool,
}

/// Shares of one whole stated together: "13% work in research, 30% in admin and 64% in
/// teaching".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareGroupClaim {
    pub sentence: Span,
    pub shares: Vec<QuantityId>,
    /// The common whole after "of", if the shares name one.
    pub of: Option<String>,
}

/// A number in a statistic, kept as written: "5.20" and "5.2" say different things.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WrittenNumber {
    /// The digits as written, with an ASCII minus and without thousands separators ("-2.20").
    pub text: String,
    pub value: f64,
    /// Digits after the decimal point.
    pub decimals: u32,
    pub span: Span,
}

/// The test behind a statistic, which fixes the distribution its p-value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TestKind {
    #[serde(rename = "t")]
    T,
    F,
    #[serde(rename = "r")]
    R,
    #[serde(rename = "chi2")]
    Chi2,
    #[serde(rename = "z")]
    Z,
    /// Cochran's Q in meta-analysis, and its within- and between-groups forms.
    Q,
    Qw,
    Qb,
}

/// How a statistic or a p-value relates to its figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Comparison {
    #[serde(rename = "=")]
    Equal,
    #[serde(rename = "<")]
    Less,
    #[serde(rename = ">")]
    Greater,
    /// "ns": not significant, with no figure.
    #[serde(rename = "ns")]
    NotSignificant,
}

/// A reported p-value: "p = .03", "p < .001", "ns".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PValue {
    pub span: Span,
    pub comparison: Comparison,
    /// The figure; `None` for "ns".
    pub value: Option<WrittenNumber>,
}

/// A test result in APA style: "t(28) = 2.20, p = .03", "χ²(1, N = 90) = 4.1, p < .05".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatisticClaim {
    pub sentence: Span,
    /// The whole result, statistic to p-value.
    pub span: Span,
    pub test: TestKind,
    /// The degrees of freedom in the order written (none for z).
    pub df: Vec<f64>,
    /// The sample size written inside a χ² test's brackets ("N = 11,455").
    pub n: Option<u64>,
    /// The test, its degrees of freedom and its value: "t(28) = 2.20".
    pub statistic_span: Span,
    pub comparison: Comparison,
    pub value: WrittenNumber,
    pub p: PValue,
    /// Where the document says its tests are one-sided ("one-tailed", "directional"), if it
    /// does anywhere.
    pub one_sided: Option<Span>,
    /// Where the sentence says its p-values are adjusted for multiple tests ("Bonferroni
    /// corrected"), if it does.
    pub adjusted: Option<Span>,
}

/// A sample size stated near a mean: "N = 28", "28 participants".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SampleSize {
    pub value: u64,
    pub span: Span,
}

/// A mean of whole-number data, or a percentage of people, with what the text says about its
/// sample: "28 participants … rated it 5.19 on average", "39.3% of the 28 patients".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeanClaim {
    pub sentence: Span,
    /// The mean as written ("5.19"); for a percentage, the figure without its sign ("39.3"),
    /// though its span covers the sign ("39.3%").
    pub value: WrittenNumber,
    /// A percentage of people rather than a mean.
    pub percent: bool,
    /// Sample sizes stated nearby, nearest first; any of them may be the mean's.
    pub n: Vec<SampleSize>,
    /// How many items each person answered: 1 unless the text says more ("a 3-item scale");
    /// `None` when the text speaks of several items without saying how many.
    pub items: Option<u32>,
    pub items_span: Option<Span>,
    /// The words that say the data are whole numbers ("rated", "Likert", "how many", or the
    /// people a percentage counts); `None` when nothing does.
    pub cue: Option<Span>,
}

/// Parts and the total they make: "3 gold, 4 silver and 5 bronze, 12 medals in all".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TotalClaim {
    /// The sentence of the total (parts may come from earlier sentences of its paragraph).
    pub sentence: Span,
    pub parts: Vec<QuantityId>,
    pub total: QuantityId,
}

/// A change said as a multiple: "tripled from 10 to 30", "2.5 times as many", "halved".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MultipleClaim {
    pub sentence: Span,
    /// The word or phrase that states the multiple.
    pub cue: Span,
    /// The factor a word states (3 for "tripled", 0.5 for "halved"), or `None` when it is
    /// a figure (`factor_figure`).
    pub factor: Option<f64>,
    pub factor_figure: Option<QuantityId>,
    /// "N times more": read as N or N + 1.
    pub more: bool,
    /// A qualifier before the multiple: "nearly tripled", "more than doubled".
    pub qualifier: crate::parse::quantity::Qualifier,
    pub from: QuantityId,
    pub to: QuantityId,
}

/// A word of quantity with the share it stands for: "most voters (45%)".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuantifierClaim {
    pub sentence: Span,
    /// The quantifier as written ("most", "a majority").
    pub word: Span,
    /// Its meaning as lowest and highest share, in percent.
    pub low: f64,
    pub high: f64,
    pub share: QuantityId,
}

/// The size of a population named by a noun: "the city's 8 million residents".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SizeClaim {
    pub sentence: Span,
    pub size: QuantityId,
    /// The base it measures, normalised ("population", "workforce").
    pub base: String,
}

/// An amount given in two currencies: "$1.13bn (£600m)".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConversionClaim {
    pub sentence: Span,
    pub from: QuantityId,
    pub to: QuantityId,
}

/// Any claim, tagged with its kind in JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Claim {
    Change(ChangeClaim),
    Share(ShareClaim),
    ShareGroup(ShareGroupClaim),
    Statistic(StatisticClaim),
    Mean(MeanClaim),
    Total(TotalClaim),
    Multiple(MultipleClaim),
    Quantifier(QuantifierClaim),
    Size(SizeClaim),
    Conversion(ConversionClaim),
}

impl Claim {
    pub fn kind(&self) -> &'static str {
        match self {
            Claim::Change(_) => "change",
            Claim::Share(_) => "share",
            Claim::ShareGroup(_) => "share-group",
            Claim::Statistic(_) => "statistic",
            Claim::Mean(_) => "mean",
            Claim::Total(_) => "total",
            Claim::Multiple(_) => "multiple",
            Claim::Quantifier(_) => "quantifier",
            Claim::Size(_) => "size",
            Claim::Conversion(_) => "conversion",
        }
    }

    pub fn sentence(&self) -> Span {
        match self {
            Claim::Change(c) => c.sentence,
            Claim::Share(c) => c.sentence,
            Claim::ShareGroup(c) => c.sentence,
            Claim::Statistic(c) => c.sentence,
            Claim::Mean(c) => c.sentence,
            Claim::Total(c) => c.sentence,
            Claim::Multiple(c) => c.sentence,
            Claim::Quantifier(c) => c.sentence,
            Claim::Size(c) => c.sentence,
            Claim::Conversion(c) => c.sentence,
        }
    }
}

/// An article read: its document, every figure in it, and the claims that bind them.
#[derive(Clone, Debug)]
pub struct Article {
    pub document: Document,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
    /// The vocabulary the article was read with (its language's lexicon).
    pub lexicon: &'static super::lexicon::Lexicon,
    /// The language tag of an article written in a language no lexicon reads ("fr"): its
    /// figures were not read, so nothing in it is checked.
    pub unread_language: Option<String>,
}

impl Article {
    pub fn quantity(&self, id: QuantityId) -> &Quantity {
        &self.quantities[id]
    }

    /// The text of a figure as written, with line breaks and runs of spaces made one space.
    pub fn text_of(&self, id: QuantityId) -> String {
        self.quantities[id].span.slice(&self.document.text).split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

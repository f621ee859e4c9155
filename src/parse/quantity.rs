//! A figure as written in the text: its value, the interval of true values it stands for, its
//! unit and qualifier, and where it is.

use crate::interval::Interval;
use crate::span::Span;
use serde::Serialize;

/// What a figure measures, or what it is when it is not an amount at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A number of things ("22,000 workers").
    Count,
    /// A percentage ("40%", "40 per cent", "40 pct"); the value is 40.
    Percent,
    /// Points ("5 percentage points", "5 pts"): percentage points between two percentages.
    Points,
    /// Money; the currency code is in [`Quantity::currency`].
    Currency,
    /// A fraction or ratio ("half", "two-thirds", "one in five"); the value is 0.5 for half.
    Ratio,
    /// A span of time ("10 years", "three months").
    Duration,
    // Not amounts: recognised so that they are never mistaken for one.
    Year,
    Date,
    Time,
    Ordinal,
    Score,
    Phone,
    Identifier,
}

impl Unit {
    /// Whether the figure is an amount that arithmetic can be done on.
    pub fn is_amount(self) -> bool {
        matches!(self, Unit::Count | Unit::Percent | Unit::Points | Unit::Currency | Unit::Ratio)
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Points => "points",
            Unit::Currency => "currency",
            Unit::Ratio => "ratio",
            Unit::Duration => "duration",
            Unit::Year => "year",
            Unit::Date => "date",
            Unit::Time => "time",
            Unit::Ordinal => "ordinal",
            Unit::Score => "score",
            Unit::Phone => "phone",
            Unit::Identifier => "identifier",
        }
    }
}

/// A word that widens or bounds what a figure stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// No qualifier: the figure as rounded.
    Exact,
    /// about, around, roughly, approximately, some, ~
    Approximately,
    /// over, more than, above, exceeding
    Over,
    /// under, less than, below, fewer than
    Under,
    /// at least
    AtLeast,
    /// at most, up to, no more than
    AtMost,
    /// nearly, almost, just under
    Nearly,
    /// just over, slightly more than
    JustOver,
}

impl Qualifier {
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximately => "approximately",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at-least",
            Qualifier::AtMost => "at-most",
            Qualifier::Nearly => "nearly",
            Qualifier::JustOver => "just-over",
        }
    }
}

/// How the figure was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Digits, perhaps with separators, decimals and a magnitude word ("1.5 million").
    Digits,
    /// Number words ("twenty-two thousand", "a dozen").
    Words,
    /// A fraction or ratio in words or digits ("two-thirds", "4 in 10").
    Fraction,
    /// A range ("between 10 and 20", "10-20%"); the interval spans both ends.
    Range,
}

/// Tolerances a rule may set for qualified figures, as fractions of the value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tolerances {
    /// How far "about 40" may stray: 0.1 reads it as 36 to 44.
    pub approx: f64,
    /// How far below "nearly 40" the truth may be.
    pub nearly: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Self { approx: 0.1, nearly: 0.1 }
    }
}

/// One figure found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// The bytes of the figure in the checked text, qualifier and unit included.
    pub span: Span,
    /// The value as written, with magnitude applied: 40 for "40%", 1,500,000 for "1.5 million",
    /// 0.5 for "half"; the lower end of a range.
    pub value: f64,
    /// The values a writer would report this way, from rounding alone (no qualifier).
    pub written: Interval,
    pub unit: Unit,
    /// ISO 4217 code, for [`Unit::Currency`].
    pub currency: Option<&'static str>,
    pub qualifier: Qualifier,
    pub form: Form,
    /// Digits after the decimal point as written ("5.20" has 2).
    pub decimals: u32,
    /// The magnitude word's multiplier ("million" is 1e6); 1 when there is none.
    pub magnitude: f64,
}

impl Quantity {
    /// The interval of true values with the default tolerances.
    pub fn interval(&self) -> Interval {
        self.interval_with(Tolerances::default())
    }

    /// The interval of true values: the written interval widened or bounded by the qualifier.
    pub fn interval_with(&self, tol: Tolerances) -> Interval {
        let w = self.written;
        let v = self.value.abs();
        match self.qualifier {
            Qualifier::Exact => w,
            Qualifier::Approximately => w.hull(&Interval::around(self.value, v * tol.approx)),
            Qualifier::Over | Qualifier::AtLeast => Interval::at_least(w.low),
            Qualifier::Under | Qualifier::AtMost => Interval::at_most(w.high),
            Qualifier::Nearly => Interval { low: w.low.min(self.value - v * tol.nearly), high: w.high },
            Qualifier::JustOver => Interval { low: w.low, high: w.high.max(self.value + v * tol.nearly) },
        }
    }

    pub fn is_amount(&self) -> bool {
        self.unit.is_amount()
    }

    /// The figure as a fraction of one (for percentages and ratios).
    pub fn as_fraction(&self, tol: Tolerances) -> Option<Interval> {
        match self.unit {
            Unit::Percent => self.interval_with(tol).scale(0.01),
            Unit::Ratio => Some(self.interval_with(tol)),
            _ => None,
        }
    }
}

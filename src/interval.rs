//! Closed intervals of real numbers: how factlint represents every stated or derived figure.
//!
//! A written number stands for all the true values that would be reported that way, so every
//! check compares intervals, never single values. Bounds may be infinite ("over 40%" is
//! `[40, +∞)`); operations that would produce NaN return `None` instead.

use serde::Serialize;

/// A closed interval `[low, high]`; `low <= high` always holds and neither bound is NaN.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// Relative slack when deciding whether two intervals meet, so that a result computed in
/// floating point is never flagged for an error in its last bits.
const MEET_EPSILON: f64 = 1e-9;

impl Interval {
    /// The interval between two bounds in either order; `None` when a bound is NaN.
    pub fn new(a: f64, b: f64) -> Option<Self> {
        if a.is_nan() || b.is_nan() {
            return None;
        }
        Some(if a <= b { Self { low: a, high: b } } else { Self { low: b, high: a } })
    }

    /// A single value.
    pub fn point(v: f64) -> Self {
        Self { low: v, high: v }
    }

    /// `v ± half_width`.
    pub fn around(v: f64, half_width: f64) -> Self {
        let w = half_width.abs();
        Self { low: v - w, high: v + w }
    }

    /// Everything from `low` upwards.
    pub fn at_least(low: f64) -> Self {
        Self { low, high: f64::INFINITY }
    }

    /// Everything up to `high`.
    pub fn at_most(high: f64) -> Self {
        Self { low: f64::NEG_INFINITY, high }
    }

    pub fn mid(&self) -> f64 {
        if self.low.is_finite() && self.high.is_finite() {
            (self.low + self.high) / 2.0
        } else if self.low.is_finite() {
            self.low
        } else {
            self.high
        }
    }

    pub fn is_bounded(&self) -> bool {
        self.low.is_finite() && self.high.is_finite()
    }

    pub fn contains(&self, v: f64) -> bool {
        self.low <= v && v <= self.high
    }

    /// Whether the two intervals share at least one value (with a hair of floating-point slack).
    pub fn meets(&self, other: &Interval) -> bool {
        let slack = |x: f64, y: f64| MEET_EPSILON * x.abs().max(y.abs()).max(1.0);
        self.low <= other.high + slack(self.low, other.high)
            && other.low <= self.high + slack(other.low, self.high)
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        Interval { low: self.low.min(other.low), high: self.high.max(other.high) }
    }

    /// The part both share, if any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let low = self.low.max(other.low);
        let high = self.high.min(other.high);
        (low <= high).then_some(Interval { low, high })
    }

    pub fn neg(&self) -> Interval {
        Interval { low: -self.high, high: -self.low }
    }

    pub fn add(&self, other: &Interval) -> Option<Interval> {
        Interval::new(self.low + other.low, self.high + other.high)
    }

    pub fn sub(&self, other: &Interval) -> Option<Interval> {
        self.add(&other.neg())
    }

    pub fn scale(&self, k: f64) -> Option<Interval> {
        Interval::new(self.low * k, self.high * k)
    }

    pub fn mul(&self, other: &Interval) -> Option<Interval> {
        let products =
            [self.low * other.low, self.low * other.high, self.high * other.low, self.high * other.high];
        if products.iter().any(|p| p.is_nan()) {
            return None;
        }
        let low = products.iter().copied().fold(f64::INFINITY, f64::min);
        let high = products.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some(Interval { low, high })
    }

    /// `self / other`; `None` when `other` holds zero (the quotient is unbounded).
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.contains(0.0) {
            return None;
        }
        let recip = Interval::new(1.0 / other.low, 1.0 / other.high)?;
        self.mul(&recip)
    }

    /// The relative change from `from` to `to`, in percent: `(to / from − 1) × 100`.
    pub fn percent_change(from: &Interval, to: &Interval) -> Option<Interval> {
        to.div(from)?.scale(100.0)?.add(&Interval::point(-100.0))
    }

    /// The ratio `to / from`.
    pub fn ratio(from: &Interval, to: &Interval) -> Option<Interval> {
        to.div(from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_change_of_rounded_thousands() {
        let from = Interval::around(37_000.0, 500.0);
        let to = Interval::around(22_000.0, 500.0);
        let change = Interval::percent_change(&from, &to).expect("from excludes zero");
        assert!((change.low - -42.666).abs() < 0.01, "{change:?}");
        assert!((change.high - -38.356).abs() < 0.01, "{change:?}");
    }

    #[test]
    fn division_by_an_interval_holding_zero_is_refused() {
        let zero = Interval::around(0.0, 0.5);
        assert!(Interval::point(3.0).div(&zero).is_none());
    }

    #[test]
    fn meets_respects_open_ended_bounds() {
        let over_forty = Interval::at_least(40.0);
        assert!(over_forty.neg().meets(&Interval::new(-42.7, -38.4).unwrap()));
        let over_sixty = Interval::at_least(60.0);
        assert!(!over_sixty.neg().meets(&Interval::new(-42.7, -38.4).unwrap()));
    }

    #[test]
    fn nan_is_refused() {
        assert!(Interval::new(f64::NAN, 1.0).is_none());
        let inf = Interval::at_least(1.0);
        assert!(inf.mul(&Interval::point(0.0)).is_none());
    }
}

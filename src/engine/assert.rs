//! `assert` rules: a newsroom's own check, written as an expression over a claim's fields.
//! The rule fires on a claim when its `expect` expression is certainly false under every
//! reading of the figures (interval logic), never when it merely might be.

use super::{Hit, Label};
use crate::interval::Interval;
use crate::parse::quantity::Tolerances;
use crate::parse::{Article, Claim, QuantityId};
use crate::rules::Rule;
use crate::rules::expr::{Expr, Op, QUANTITY_FIELDS};
use crate::source::SentenceFinder;
use crate::span::Span;

/// The claim kinds an assertion may be `on`, and the fields each has. Fields that are figures
/// also have `.value`, `.unit`, `.currency`, `.qualifier` and `.text`.
pub const CLAIM_FIELDS: &[(&str, &[&str])] = &[
    ("quantity", &["quantity", "sentence"]),
    ("change", &["change.from", "change.to", "change.stated", "change.direction", "sentence"]),
    (
        "share",
        &["share.share", "share.part", "share.whole", "share.also", "share.of", "share.fraction", "sentence"],
    ),
    ("total", &["total.total", "total.sum", "total.parts", "sentence"]),
    ("multiple", &["multiple.from", "multiple.to", "multiple.factor", "sentence"]),
    ("quantifier", &["quantifier.share", "quantifier.low", "quantifier.high", "quantifier.word", "sentence"]),
    ("size", &["size.size", "size.base", "sentence"]),
    (
        "conversion",
        &["conversion.from", "conversion.to", "conversion.rate", "conversion.other_rate", "sentence"],
    ),
];

/// Fields that are figures (with sub-fields) rather than numbers or words.
const FIGURE_FIELDS: &[&str] = &[
    "quantity",
    "change.from",
    "change.to",
    "change.stated",
    "share.share",
    "share.part",
    "share.whole",
    "share.also",
    "total.total",
    "multiple.from",
    "multiple.to",
    "quantifier.share",
    "size.size",
    "conversion.from",
    "conversion.to",
];

pub fn fields_of(on: &str) -> Option<&'static [&'static str]> {
    CLAIM_FIELDS.iter().find(|(k, _)| *k == on).map(|(_, f)| *f)
}

/// Three-valued truth: a comparison of intervals may hold for some readings only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Truth {
    Certainly,
    Possibly,
    Never,
}

#[derive(Clone, Debug, PartialEq)]
enum Value {
    Num(Interval),
    Str(String),
    Bool(Truth),
    /// A field the claim does not have: the rule does not apply.
    Missing,
}

/// One claim seen through the field names of its kind.
struct Subject<'a> {
    article: &'a Article,
    sentences: &'a SentenceFinder,
    claim: Option<&'a Claim>,
    quantity: Option<QuantityId>,
    tol: Tolerances,
}

impl Subject<'_> {
    fn figure(&self, field: &str) -> Option<QuantityId> {
        use Claim::*;
        match (self.claim, field) {
            (None, "quantity") => self.quantity,
            (Some(Change(c)), "change.from") => c.from,
            (Some(Change(c)), "change.to") => c.to,
            (Some(Change(c)), "change.stated") => c.stated,
            (Some(Share(c)), "share.share") => Some(c.share),
            (Some(Share(c)), "share.part") => c.part,
            (Some(Share(c)), "share.whole") => c.whole,
            (Some(Share(c)), "share.also") => c.also,
            (Some(Total(c)), "total.total") => Some(c.total),
            (Some(Multiple(c)), "multiple.from") => Some(c.from),
            (Some(Multiple(c)), "multiple.to") => Some(c.to),
            (Some(Quantifier(c)), "quantifier.share") => Some(c.share),
            (Some(Size(c)), "size.size") => Some(c.size),
            (Some(Conversion(c)), "conversion.from") => Some(c.from),
            (Some(Conversion(c)), "conversion.to") => Some(c.to),
            _ => None,
        }
    }

    fn sentence(&self) -> Span {
        match (self.claim, self.quantity) {
            (Some(c), _) => c.sentence(),
            (None, Some(q)) => {
                let span = self.article.quantity(q).span;
                self.sentences.containing(span).unwrap_or(span)
            }
            (None, None) => Span::default(),
        }
    }

    fn rate(&self, from: QuantityId, to: QuantityId) -> Value {
        let (f, t) = (
            self.article.quantity(from).interval_with(self.tol),
            self.article.quantity(to).interval_with(self.tol),
        );
        t.div(&f).map_or(Value::Missing, Value::Num)
    }

    fn field(&self, path: &str) -> Value {
        let text = &self.article.document.text;
        if path == "sentence" {
            return Value::Str(self.sentence().slice(text).to_string());
        }
        // A figure, or one of its sub-fields.
        for figure in FIGURE_FIELDS {
            let sub = if path == *figure {
                Some("value")
            } else {
                path.strip_prefix(figure)
                    .and_then(|r| r.strip_prefix('.'))
                    .filter(|r| QUANTITY_FIELDS.contains(r))
            };
            if let Some(sub) = sub {
                let Some(id) = self.figure(figure) else { return Value::Missing };
                let q = self.article.quantity(id);
                return match sub {
                    "value" => Value::Num(q.interval_with(self.tol)),
                    "unit" => Value::Str(q.unit.name().to_string()),
                    "currency" => q.currency.map_or(Value::Missing, |c| Value::Str(c.to_string())),
                    "qualifier" => Value::Str(q.qualifier.name().to_string()),
                    _ => Value::Str(self.article.text_of(id)),
                };
            }
        }
        use Claim::*;
        match (self.claim, path) {
            (Some(Change(c)), "change.direction") => Value::Str(match c.direction {
                Some(crate::parse::lexicon::Direction::Up) => "up".into(),
                Some(crate::parse::lexicon::Direction::Down) => "down".into(),
                None => String::new(),
            }),
            (Some(Share(c)), "share.of") => c.of.clone().map_or(Value::Missing, Value::Str),
            (Some(Share(c)), "share.fraction") => {
                self.article.quantity(c.share).as_fraction(self.tol).map_or(Value::Missing, Value::Num)
            }
            (Some(Total(c)), "total.sum") => {
                let mut sum = Interval::point(0.0);
                for &p in &c.parts {
                    match sum.add(&self.article.quantity(p).interval_with(self.tol)) {
                        Some(s) => sum = s,
                        None => return Value::Missing,
                    }
                }
                Value::Num(sum)
            }
            (Some(Total(c)), "total.parts") => Value::Num(Interval::point(c.parts.len() as f64)),
            (Some(Multiple(c)), "multiple.factor") => match (c.factor, c.factor_figure) {
                (Some(f), _) => Value::Num(Interval::point(f)),
                (None, Some(id)) => Value::Num(self.article.quantity(id).interval_with(self.tol)),
                _ => Value::Missing,
            },
            (Some(Quantifier(c)), "quantifier.low") => Value::Num(Interval::point(c.low)),
            (Some(Quantifier(c)), "quantifier.high") => Value::Num(Interval::point(c.high)),
            (Some(Quantifier(c)), "quantifier.word") => Value::Str(c.word.slice(text).to_string()),
            (Some(Size(c)), "size.base") => Value::Str(c.base.clone()),
            (Some(Conversion(c)), "conversion.rate") => self.rate(c.from, c.to),
            (Some(Conversion(c)), "conversion.other_rate") => self.other_rate(c.from, c.to),
            _ => Value::Missing,
        }
    }

    /// The rate implied by an earlier conversion between the same two currencies (earlier
    /// only, so that two conversions that disagree are reported once).
    fn other_rate(&self, from: QuantityId, to: QuantityId) -> Value {
        let code = |id: QuantityId| self.article.quantity(id).currency;
        let here = self.article.quantity(from).span.start;
        for claim in &self.article.claims {
            let Claim::Conversion(o) = claim else { continue };
            if self.article.quantity(o.from).span.start >= here {
                continue;
            }
            if code(o.from) == code(from) && code(o.to) == code(to) {
                return self.rate(o.from, o.to);
            }
            if code(o.from) == code(to) && code(o.to) == code(from) {
                return match self.rate(o.from, o.to) {
                    Value::Num(r) => Interval::point(1.0).div(&r).map_or(Value::Missing, Value::Num),
                    other => other,
                };
            }
        }
        Value::Missing
    }

    fn eval(&self, e: &Expr) -> Value {
        match e {
            Expr::Number(n) => Value::Num(Interval::point(*n)),
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Path(parts) => self.field(&parts.join(".")),
            Expr::Neg(x) => match self.eval(x) {
                Value::Num(i) => Value::Num(i.neg()),
                _ => Value::Missing,
            },
            Expr::Not(x) => match self.eval(x) {
                Value::Bool(t) => Value::Bool(match t {
                    Truth::Certainly => Truth::Never,
                    Truth::Never => Truth::Certainly,
                    Truth::Possibly => Truth::Possibly,
                }),
                _ => Value::Missing,
            },
            Expr::Binary(op, a, b) => self.binary(*op, self.eval(a), self.eval(b)),
            Expr::Call(name, args) => self.call(name, args),
        }
    }

    fn call(&self, name: &str, args: &[Expr]) -> Value {
        let values: Vec<Value> = args.iter().map(|a| self.eval(a)).collect();
        let truth = |v: &Value, want: fn(Truth) -> bool| match v {
            Value::Bool(t) => Value::Bool(if want(*t) { Truth::Certainly } else { Truth::Never }),
            _ => Value::Missing,
        };
        match (name, values.as_slice()) {
            ("exists", [v]) => {
                Value::Bool(if *v == Value::Missing { Truth::Never } else { Truth::Certainly })
            }
            ("possibly", [v]) => truth(v, |t| t != Truth::Never),
            ("certainly", [v]) => truth(v, |t| t == Truth::Certainly),
            ("contains", [Value::Str(a), Value::Str(b)]) => {
                let found = a.to_lowercase().contains(&b.to_lowercase());
                Value::Bool(if found { Truth::Certainly } else { Truth::Never })
            }
            ("abs", [Value::Num(i)]) => Value::Num(if i.low >= 0.0 {
                *i
            } else if i.high <= 0.0 {
                i.neg()
            } else {
                Interval { low: 0.0, high: i.high.max(-i.low) }
            }),
            ("min", [Value::Num(a), Value::Num(b)]) => {
                Value::Num(Interval { low: a.low.min(b.low), high: a.high.min(b.high) })
            }
            ("max", [Value::Num(a), Value::Num(b)]) => {
                Value::Num(Interval { low: a.low.max(b.low), high: a.high.max(b.high) })
            }
            ("low", [Value::Num(i)]) => Value::Num(Interval::point(i.low)),
            ("high", [Value::Num(i)]) => Value::Num(Interval::point(i.high)),
            ("pct_change", [Value::Num(a), Value::Num(b)]) => {
                Interval::percent_change(a, b).map_or(Value::Missing, Value::Num)
            }
            _ => Value::Missing,
        }
    }

    fn binary(&self, op: Op, a: Value, b: Value) -> Value {
        use Truth::*;
        match (op, a, b) {
            (Op::And, Value::Bool(x), Value::Bool(y)) => Value::Bool(match (x, y) {
                (Never, _) | (_, Never) => Never,
                (Certainly, Certainly) => Certainly,
                _ => Possibly,
            }),
            (Op::Or, Value::Bool(x), Value::Bool(y)) => Value::Bool(match (x, y) {
                (Certainly, _) | (_, Certainly) => Certainly,
                (Never, Never) => Never,
                _ => Possibly,
            }),
            (Op::Eq | Op::Ne, Value::Str(x), Value::Str(y)) => {
                let same = x.eq_ignore_ascii_case(&y);
                Value::Bool(if same == (op == Op::Eq) { Certainly } else { Never })
            }
            (op, Value::Num(x), Value::Num(y)) => {
                let arithmetic = match op {
                    Op::Add => Some(x.add(&y)),
                    Op::Sub => Some(x.sub(&y)),
                    Op::Mul => Some(x.mul(&y)),
                    Op::Div => Some(x.div(&y)),
                    _ => None,
                };
                if let Some(result) = arithmetic {
                    return result.map_or(Value::Missing, Value::Num);
                }
                Value::Bool(compare(op, x, y))
            }
            _ => Value::Missing,
        }
    }
}

/// Whether `x op y` holds for every, some or no pair of values in the intervals.
fn compare(op: Op, x: Interval, y: Interval) -> Truth {
    let (always, sometimes) = match op {
        Op::Lt => (x.high < y.low, x.low < y.high),
        Op::Le => (x.high <= y.low, x.low <= y.high),
        Op::Gt => (x.low > y.high, x.high > y.low),
        Op::Ge => (x.low >= y.high, x.high >= y.low),
        Op::Eq => (x.low == x.high && y.low == y.high && x.low == y.low, x.meets(&y)),
        Op::Ne => (!x.meets(&y), !(x.low == x.high && y.low == y.high && x.low == y.low)),
        _ => (false, false),
    };
    if always {
        Truth::Certainly
    } else if sometimes {
        Truth::Possibly
    } else {
        Truth::Never
    }
}

pub fn check(article: &Article, rule: &Rule) -> Vec<Hit> {
    let Some(assertion) = &rule.assertion else { return Vec::new() };
    let tol = rule.tolerances();
    let sentences = &article.document.sentence_finder();
    let mut subjects: Vec<Subject<'_>> = Vec::new();
    if assertion.on == "quantity" {
        for id in 0..article.quantities.len() {
            if article.quantities[id].is_amount() {
                subjects.push(Subject { article, sentences, claim: None, quantity: Some(id), tol });
            }
        }
    } else {
        for claim in &article.claims {
            if claim.kind() == assertion.on {
                subjects.push(Subject { article, sentences, claim: Some(claim), quantity: None, tol });
            }
        }
    }
    let fields = fields_of(&assertion.on).unwrap_or(&[]);
    let mut hits = Vec::new();
    for subject in subjects {
        if subject.eval(&assertion.expr) != Value::Bool(Truth::Never) {
            continue;
        }
        let mut labels = Vec::new();
        let mut vars: Vec<(&'static str, String)> = vec![("expect", assertion.source.clone())];
        for field in fields.iter().copied() {
            if let Some(id) = subject.figure(field) {
                let short = field.rsplit('.').next().unwrap_or(field);
                labels.push(Label { span: article.quantity(id).span, text: short.to_string() });
            }
            let value = match subject.field(field) {
                Value::Str(s) => s,
                Value::Num(i) if subject.figure(field).is_none() => super::format::number(i.mid(), 2),
                Value::Num(_) => subject.figure(field).map(|id| article.text_of(id)).unwrap_or_default(),
                _ => String::new(),
            };
            vars.push((field, value));
        }
        let span = labels.first().map_or(subject.sentence(), |l| l.span);
        hits.push(Hit { span, labels, vars });
    }
    hits
}

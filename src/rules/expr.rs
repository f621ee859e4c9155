//! The expression language of `assert` rules: arithmetic, comparisons, and/or/not, field
//! access on a claim (`change.from`, `share.of`), and functions. Numbers are intervals, so
//! comparisons have three outcomes — certainly, possibly, certainly not — and a rule fires only
//! when its expectation is certainly false. Parsed with nom; bounded in depth and size.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while, take_while1},
    character::complete::{char, multispace0},
    combinator::{opt, recognize},
    number::complete::recognize_float,
    sequence::{delimited, preceded},
};

/// The deepest an expression may nest, and the most nodes it may have.
pub const MAX_DEPTH: usize = 32;
pub const MAX_NODES: usize = 500;

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Number(f64),
    Str(String),
    /// `change.from.unit`: the path's parts.
    Path(Vec<String>),
    Call(String, Vec<Expr>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Or,
}

/// Functions an expression may call, with their arity.
pub const FUNCTIONS: &[(&str, usize)] = &[
    ("pct_change", 2),
    ("abs", 1),
    ("min", 2),
    ("max", 2),
    ("possibly", 1),
    ("certainly", 1),
    ("exists", 1),
    ("contains", 2),
    ("low", 1),
    ("high", 1),
];

/// Where and why an expression failed to parse or validate: a byte offset into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    pub offset: usize,
    pub message: String,
}

type Res<'a, T> = IResult<&'a str, T>;

fn ws<'a, O, P: Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>>>(
    p: P,
) -> impl Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>> {
    delimited(multispace0, p, multispace0)
}

fn ident(i: &str) -> Res<'_, &str> {
    recognize((
        take_while1(|c: char| c.is_ascii_alphabetic() || c == '_'),
        take_while(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
    ))
    .parse(i)
}

fn string(i: &str) -> Res<'_, Expr> {
    alt((
        delimited(char('\''), take_while(|c| c != '\''), char('\'')),
        delimited(char('"'), take_while(|c| c != '"'), char('"')),
    ))
    .map(|s: &str| Expr::Str(s.to_string()))
    .parse(i)
}

fn number(i: &str) -> Res<'_, Expr> {
    let (rest, text) = recognize_float(i)?;
    let value: f64 =
        text.parse().map_err(|_| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Float)))?;
    // "40%" is 40: percentages compare with percentages as written.
    let (rest, _) = opt(char('%')).parse(rest)?;
    Ok((rest, Expr::Number(value)))
}

fn call_or_path(i: &str) -> Res<'_, Expr> {
    let (rest, name) = ident(i)?;
    if let Ok((rest, args)) = delimited(ws(char('(')), arguments, char(')')).parse(rest) {
        return Ok((rest, Expr::Call(name.to_string(), args)));
    }
    let mut parts = vec![name.to_string()];
    let mut rest = rest;
    while let Ok((r, part)) = preceded(char('.'), ident).parse(rest) {
        parts.push(part.to_string());
        rest = r;
    }
    Ok((rest, Expr::Path(parts)))
}

fn arguments(i: &str) -> Res<'_, Vec<Expr>> {
    let mut args = Vec::new();
    let (mut rest, first) = opt(ws(expr)).parse(i)?;
    if let Some(first) = first {
        args.push(first);
        while let Ok((r, next)) = preceded(char(','), ws(expr)).parse(rest) {
            args.push(next);
            rest = r;
        }
    }
    Ok((rest, args))
}

fn atom(i: &str) -> Res<'_, Expr> {
    ws(alt((number, string, delimited(char('('), ws(expr), char(')')), call_or_path))).parse(i)
}

fn unary(i: &str) -> Res<'_, Expr> {
    if let Ok((rest, _)) = ws(char::<&str, nom::error::Error<&str>>('-')).parse(i) {
        let (rest, inner) = unary(rest)?;
        return Ok((rest, Expr::Neg(Box::new(inner))));
    }
    atom(i)
}

fn left_assoc<'a>(
    i: &'a str,
    next: fn(&'a str) -> Res<'a, Expr>,
    ops: &[(&'static str, Op)],
) -> Res<'a, Expr> {
    let (mut rest, mut left) = next(i)?;
    'outer: loop {
        for (symbol, op) in ops {
            let word = symbol.chars().all(|c| c.is_ascii_alphabetic());
            if let Ok((r, _)) = ws(tag::<&str, &str, nom::error::Error<&str>>(symbol)).parse(rest) {
                if word && r.len() < rest.len() {
                    // "and"/"or" must stand alone, not begin a name like "android".
                    let consumed = &rest[..rest.len() - r.len()];
                    if consumed.trim_end().len() == consumed.len()
                        && r.starts_with(|c: char| c.is_ascii_alphanumeric())
                    {
                        continue;
                    }
                }
                let (r, right) = next(r)?;
                left = Expr::Binary(*op, Box::new(left), Box::new(right));
                rest = r;
                continue 'outer;
            }
        }
        break;
    }
    Ok((rest, left))
}

fn product(i: &str) -> Res<'_, Expr> {
    left_assoc(i, unary, &[("*", Op::Mul), ("/", Op::Div)])
}

fn sum(i: &str) -> Res<'_, Expr> {
    left_assoc(i, product, &[("+", Op::Add), ("-", Op::Sub)])
}

fn comparison(i: &str) -> Res<'_, Expr> {
    left_assoc(
        i,
        sum,
        &[("<=", Op::Le), (">=", Op::Ge), ("==", Op::Eq), ("!=", Op::Ne), ("<", Op::Lt), (">", Op::Gt)],
    )
}

fn negation(i: &str) -> Res<'_, Expr> {
    if let Ok((rest, _)) = ws(tag::<&str, &str, nom::error::Error<&str>>("not ")).parse(i) {
        let (rest, inner) = negation(rest)?;
        return Ok((rest, Expr::Not(Box::new(inner))));
    }
    comparison(i)
}

fn conjunction(i: &str) -> Res<'_, Expr> {
    left_assoc(i, negation, &[("and", Op::And)])
}

fn expr(i: &str) -> Res<'_, Expr> {
    left_assoc(i, conjunction, &[("or", Op::Or)])
}

/// Parses a whole expression; the error's offset points at where reading stopped.
pub fn parse(source: &str) -> Result<Expr, ExprError> {
    // Bound the nesting before nom recurses into it.
    let mut depth = 0usize;
    for (offset, c) in source.char_indices() {
        match c {
            '(' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ExprError {
                        offset,
                        message: format!("nested deeper than {MAX_DEPTH} brackets"),
                    });
                }
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    match expr(source) {
        Ok((rest, e)) if rest.trim().is_empty() => {
            if count(&e) > MAX_NODES {
                return Err(ExprError { offset: 0, message: format!("more than {MAX_NODES} parts") });
            }
            Ok(e)
        }
        Ok((rest, _)) => Err(ExprError {
            offset: source.len() - rest.len(),
            message: format!("unexpected `{}`", rest.trim().chars().take(12).collect::<String>()),
        }),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(ExprError {
            offset: source.len() - e.input.len(),
            message: "expected a number, a field, a string or a function call".into(),
        }),
        Err(nom::Err::Incomplete(_)) => {
            Err(ExprError { offset: source.len(), message: "the expression ends too soon".into() })
        }
    }
}

fn count(e: &Expr) -> usize {
    1 + match e {
        Expr::Number(_) | Expr::Str(_) | Expr::Path(_) => 0,
        Expr::Call(_, args) => args.iter().map(count).sum(),
        Expr::Neg(x) | Expr::Not(x) => count(x),
        Expr::Binary(_, a, b) => count(a) + count(b),
    }
}

/// Checks every path and call against the fields a claim kind has; returns the first problem
/// with the offset of the bad name in `source`.
pub fn validate(e: &Expr, source: &str, fields: &[&str]) -> Result<(), ExprError> {
    match e {
        Expr::Number(_) | Expr::Str(_) => Ok(()),
        Expr::Path(parts) => {
            let path = parts.join(".");
            let known = fields.iter().any(|f| {
                *f == path || path.starts_with(&format!("{f}.")) && quantity_subfield(&path[f.len() + 1..])
            });
            if known {
                Ok(())
            } else {
                Err(ExprError {
                    offset: source.find(&path).unwrap_or(0),
                    message: format!("unknown field `{path}`; fields: {}", fields.join(", ")),
                })
            }
        }
        Expr::Call(name, args) => {
            match FUNCTIONS.iter().find(|(f, _)| f == name) {
                None => {
                    let names: Vec<&str> = FUNCTIONS.iter().map(|(f, _)| *f).collect();
                    return Err(ExprError {
                        offset: source.find(name.as_str()).unwrap_or(0),
                        message: format!("unknown function `{name}`; functions: {}", names.join(", ")),
                    });
                }
                Some((_, arity)) if *arity != args.len() => {
                    return Err(ExprError {
                        offset: source.find(name.as_str()).unwrap_or(0),
                        message: format!("`{name}` takes {arity} argument(s), not {}", args.len()),
                    });
                }
                _ => {}
            }
            args.iter().try_for_each(|a| validate(a, source, fields))
        }
        Expr::Neg(x) | Expr::Not(x) => validate(x, source, fields),
        Expr::Binary(_, a, b) => {
            validate(a, source, fields)?;
            validate(b, source, fields)
        }
    }
}

/// Fields of a figure: `change.from.unit`.
pub const QUANTITY_FIELDS: &[&str] = &["value", "unit", "currency", "qualifier", "text"];

fn quantity_subfield(rest: &str) -> bool {
    QUANTITY_FIELDS.contains(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_and_paths() {
        let e = parse("share.share.value <= 100 and not contains(sentence, 'turnout') or abs(1 - 2) > 0")
            .expect("parses");
        let Expr::Binary(Op::Or, left, _) = e else { panic!("or at the top") };
        assert!(matches!(*left, Expr::Binary(Op::And, _, _)));
        assert_eq!(parse("40%"), Ok(Expr::Number(40.0)));
        assert_eq!(parse("change.from"), Ok(Expr::Path(vec!["change".into(), "from".into()])));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let err = parse("change.from <= ").unwrap_err();
        assert_eq!(err.offset, 15, "where the missing value should be");
        let err = parse("1 + + ").unwrap_err();
        assert!(err.offset >= 2, "{err:?}");
        let err = parse(&"(".repeat(100)).unwrap_err();
        assert!(err.message.contains("nested"));
        let e = parse("change.fromm > 1").expect("parses");
        let err = validate(&e, "change.fromm > 1", &["change.from", "change.to"]).unwrap_err();
        assert!(err.message.contains("unknown field `change.fromm`") && err.offset == 0);
        let e = parse("frob(1)").expect("parses");
        assert!(validate(&e, "frob(1)", &[]).unwrap_err().message.contains("unknown function"));
    }
}

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
    /// The whole, when it is a figure ("12% of 50 respondents").
    pub whole: Option<QuantityId>,
    /// The whole as written after "of", lower-cased ("the population").
    pub of: Option<String>,
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

/// Any claim, tagged with its kind in JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Claim {
    Change(ChangeClaim),
    Share(ShareClaim),
    ShareGroup(ShareGroupClaim),
}

impl Claim {
    pub fn kind(&self) -> &'static str {
        match self {
            Claim::Change(_) => "change",
            Claim::Share(_) => "share",
            Claim::ShareGroup(_) => "share-group",
        }
    }

    pub fn sentence(&self) -> Span {
        match self {
            Claim::Change(c) => c.sentence,
            Claim::Share(c) => c.sentence,
            Claim::ShareGroup(c) => c.sentence,
        }
    }
}

/// An article read: its document, every figure in it, and the claims that bind them.
#[derive(Clone, Debug)]
pub struct Article {
    pub document: Document,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
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

//! Amounts given in two currencies: "$1.13bn (£600m)".

use super::Reader;
use crate::parse::claims::{Claim, ConversionClaim};
use crate::parse::quantity::Unit;

impl Reader<'_, '_> {
    pub(super) fn conversions(&self, claims: &mut Vec<Claim>) {
        for &t in self.figures {
            let Some(from) = self.amount(t).filter(|a| self.quantities[*a].unit == Unit::Currency) else {
                continue;
            };
            if !self.is_punct(t + 1, &['(']) {
                continue;
            }
            let Some(to) = self.amount(t + 2).filter(|b| self.quantities[*b].unit == Unit::Currency) else {
                continue;
            };
            let different = self.quantities[from].currency != self.quantities[to].currency;
            if different && self.is_punct(t + 3, &[')', ';', ',']) {
                claims.push(Claim::Conversion(ConversionClaim { sentence: self.sentence, from, to }));
            }
        }
    }
}

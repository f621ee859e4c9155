//! Relative ordinals ("the last", "next to last", "the previous one"): positions counted from
//! the end or from the current item, not numbers. They are recognised for readers of the
//! grammar (the conformance runner) and make no figure in the pipeline: "last year" holds no
//! number to check.

use super::lexicon;
use crate::span::Span;

/// A relative ordinal: where it is, and the position it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelativeOrdinal {
    pub span: Span,
    /// "end", "current" or "start".
    pub anchor: &'static str,
    /// The offset from the anchor: "next to last" is end −1.
    pub offset: i32,
}

impl RelativeOrdinal {
    /// The position as Recognizers-Text writes it: "end+0", "end-1", "current+1".
    pub fn position(&self) -> String {
        format!("{}{:+}", self.anchor, self.offset)
    }
}

/// Every relative ordinal of `text` in the active lexicon, longest phrase first at each word.
pub fn relative_ordinals(text: &str) -> Vec<RelativeOrdinal> {
    let phrases = &lexicon::active().relative_ordinals;
    let mut found = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let at_word = text[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let Some(c) = text[pos..].chars().next() else { break };
        if at_word && c.is_alphabetic() {
            let hit = phrases.iter().find_map(|(phrase, at)| {
                let head = text.get(pos..pos + phrase.len())?;
                let after = text[pos + phrase.len()..].chars().next();
                (head.eq_ignore_ascii_case(phrase) && after.is_none_or(|a| !a.is_alphanumeric()))
                    .then_some((phrase.len(), at))
            });
            if let Some((len, at)) = hit
                && let Some((anchor, offset)) = lexicon::relative_position(at)
            {
                let anchor = match anchor {
                    "end" => "end",
                    "start" => "start",
                    _ => "current",
                };
                found.push(RelativeOrdinal { span: Span::new(pos, pos + len), anchor, offset });
                pos += len;
                continue;
            }
        }
        pos += c.len_utf8();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(&str, String)> {
        relative_ordinals(text).iter().map(|r| (r.span.slice(text), r.position())).collect()
    }

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(
            read("Show me the one before the last one."),
            vec![("the one before the last one", "end-1".into())]
        );
        assert_eq!(read("I want next to last."), vec![("next to last", "end-1".into())]);
        assert_eq!(
            read("a current student last semester"),
            vec![("current", "current+0".into()), ("last", "end+0".into())]
        );
    }

    #[test]
    fn whole_words_only() {
        assert!(read("The lasting nextgen currents").is_empty());
    }
}

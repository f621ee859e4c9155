//! Line and column of a byte offset in the original file: 1-based, columns counted in
//! Unicode characters.

/// Start offsets of every line of a text, for offset → line/column lookups.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    /// The last position computed (byte offset, position): positions asked in order on one long
    /// line count only the characters in between, so many findings on a line of megabytes stay
    /// linear.
    last: std::cell::Cell<(usize, Position)>,
}

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { text, starts, last: std::cell::Cell::new((0, Position { line: 1, column: 1 })) }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (last_offset, last) = self.last.get();
        let column = if last.line == line + 1 && self.starts[line] <= last_offset && last_offset <= offset {
            last.column + self.text[last_offset..offset].chars().count()
        } else {
            self.text[self.starts[line]..offset].chars().count() + 1
        };
        let position = Position { line: line + 1, column };
        self.last.set((offset, position));
        position
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_character_columns() {
        let text = "ab\n€5 and 6\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(3), Position { line: 2, column: 1 });
        // "5" comes after the three-byte euro sign: column 2, not 4.
        assert_eq!(index.position(6), Position { line: 2, column: 2 });
        assert_eq!(index.position(text.len()), Position { line: 3, column: 1 });
        // Asked out of order, and again in order after the cache moved on.
        assert_eq!(index.position(8), Position { line: 2, column: 4 });
        assert_eq!(index.position(6), Position { line: 2, column: 2 });
        assert_eq!(index.position(12), Position { line: 2, column: 8 });
    }
}

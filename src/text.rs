//! Small text helpers: UTF-16 offsets, the unit of every span in a report.

/// Length of `s` in UTF-16 code units, as JavaScript's `length`: one per code point, two for the four-byte ones
/// (counted on the bytes: every byte but a continuation byte starts a code point, and lead bytes from 0xF0 start
/// the four-byte ones).
pub fn utf16_len(s: &str) -> usize {
    s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// Converts increasing byte offsets of one text into UTF-16 offsets in a single pass overall.
pub struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Cursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Cursor { text, byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary). Offsets asked for must not decrease.
    pub fn at(&mut self, byte: usize) -> usize {
        debug_assert!(byte >= self.byte, "offsets must not decrease");
        self.unit += utf16_len(&self.text[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// The byte offset where `s` reaches `units` UTF-16 code units, never splitting a character
/// (a surrogate pair is kept whole by stopping before it).
pub fn byte_at_utf16(s: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in s.char_indices() {
        if seen + c.len_utf16() > units {
            return i;
        }
        seen += c.len_utf16();
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        assert_eq!(utf16_len("café"), 4);
        assert_eq!(utf16_len("😀a"), 3);
        assert_eq!(utf16_len(""), 0);
        let every_width = "a\u{7F}\u{80}é\u{7FF}\u{800}中\u{FFFF}\u{10000}😀\u{10FFFF}";
        assert_eq!(utf16_len(every_width), every_width.encode_utf16().count());
    }

    #[test]
    fn cursor_maps_bytes_to_units() {
        let text = "a😀é中b";
        let mut cursor = Utf16Cursor::new(text);
        assert_eq!(cursor.at(0), 0);
        assert_eq!(cursor.at(1), 1);
        assert_eq!(cursor.at(5), 3);
        assert_eq!(cursor.at(7), 4);
        assert_eq!(cursor.at(text.len()), 6);
    }

    #[test]
    fn byte_at_utf16_never_splits_a_pair() {
        assert_eq!(byte_at_utf16("ab😀c", 3), 2);
        assert_eq!(byte_at_utf16("ab😀c", 4), 6);
        assert_eq!(byte_at_utf16("ab", 10), 2);
    }
}

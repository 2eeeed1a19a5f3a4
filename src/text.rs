//! Small text helpers: UTF-16 offsets, the unit of every span in a report, and the length of an ASCII run.

/// A byte of 1 in each of a word's eight bytes (SWAR: eight bytes read as one `u64`).
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each of a word's eight bytes.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Length of `s` in UTF-16 code units, as JavaScript's `length`: one per code point, two for the four-byte ones
/// (counted on the bytes: every byte but a continuation byte starts a code point, and lead bytes from 0xF0 start
/// the four-byte ones), eight bytes at a time: a continuation byte has its top bits `10`, a four-byte lead `1111`.
pub fn utf16_len(s: &str) -> usize {
    let mut chunks = s.as_bytes().chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Shifting a byte left by k brings its bit 7 - k to bit 7 (no bit crosses into another byte's bit 7).
        let continuation = (w & !(w << 1) & HIGH) >> 7;
        let four_byte_lead = (w & (w << 1) & (w << 2) & (w << 3) & HIGH) >> 7;
        // Each byte's units (0, 1 or 2), then their sum in the top byte of the product.
        let per_byte = ONES - continuation + four_byte_lead;
        units += (per_byte.wrapping_mul(ONES) >> 56) as usize;
    }
    units + chunks.remainder().iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum::<usize>()
}

/// How many bytes `bytes` starts with are ASCII: read eight at a time (one test of their high bits each), then one
/// at a time for the last few.
#[inline]
pub fn ascii_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(word) = bytes.get(n..n + 8) {
        let high = u64::from_le_bytes(word.try_into().expect("eight bytes")) & HIGH;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// Where the first `byte` of `bytes` from `from` on is, read eight bytes at a time: in a word XORed with `byte`
/// repeated, the classic zero-byte test flags every matching byte (and maybe bytes after one, never before), so the
/// lowest flag is the first match. Short searches repeated along a text pay no `memchr` setup.
pub fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    let pattern = ONES * u64::from(byte);
    let mut n = from;
    while let Some(word) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes")) ^ pattern;
        let zero = x.wrapping_sub(ONES) & !x & HIGH;
        if zero != 0 {
            return Some(n + (zero.trailing_zeros() / 8) as usize);
        }
        n += 8;
    }
    bytes.get(n..)?.iter().position(|&b| b == byte).map(|i| n + i)
}

/// Where the first byte of `bytes` from `from` on that is at least `min` (0x80 or more) is, or `bytes.len()`: read
/// eight bytes at a time. A byte with its high bit set is at least `min` when its low seven bits plus
/// `0x80 - (min & 0x7F)` reach bit 7, which no sum carries out of its byte.
#[inline]
pub fn find_at_least(bytes: &[u8], from: usize, min: u8) -> usize {
    debug_assert!(min >= 0x80);
    let add = ONES * u64::from(0x80 - (min & 0x7F));
    let mut n = from;
    while let Some(word) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let found = ((x & !HIGH) + add) & x & HIGH;
        if found != 0 {
            return n + (found.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    bytes[n..].iter().position(|&b| b >= min).map_or(bytes.len(), |i| n + i)
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
        // Every offset and length over eight-byte chunks, each width at each position in a chunk.
        let long = every_width.repeat(3);
        for (start, _) in long.char_indices() {
            for (end, _) in long[start..].char_indices() {
                let part = &long[start..start + end];
                assert_eq!(utf16_len(part), part.encode_utf16().count(), "{part:?}");
            }
        }
    }

    #[test]
    fn find_byte_finds_the_first_match_from_an_offset() {
        let text = "a.b\x01.\x00.é.xxxxxxxxxx.".as_bytes();
        for from in 0..=text.len() {
            let expected = text[from..].iter().position(|&b| b == b'.').map(|i| from + i);
            assert_eq!(find_byte(text, from, b'.'), expected, "from {from}");
        }
        assert_eq!(find_byte(b"\x01\x01\x00\x00\x00\x00\x00\x00\x00", 0, 0), Some(2));
        assert_eq!(find_byte(b"abc", 4, b'a'), None);
    }

    #[test]
    fn find_at_least_finds_the_first_byte_at_or_above_the_bound() {
        // Every byte value at every position of a word and of the tail, against every bound from 0x80.
        for min in 0x80..=0xFF_u8 {
            for b in 0..=0xFF_u8 {
                for at in 0..19 {
                    let mut bytes = [0x41_u8; 19];
                    bytes[at] = b;
                    for from in [0, at.saturating_sub(3), at, at + 1] {
                        let expected = bytes[from..].iter().position(|&x| x >= min).map_or(bytes.len(), |i| from + i);
                        assert_eq!(find_at_least(&bytes, from, min), expected, "{min:#x} {b:#x} at {at} from {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_run_stops_at_the_first_non_ascii_byte() {
        for text in
            ["", "a", "abcdefgh", "abcdefghé", "abcdefgé", "é", "abcdefghijklmnopq", "abcdefghijklmnopqé", "a\u{7F}é"]
        {
            assert_eq!(ascii_run(text.as_bytes()), text.find(|c: char| !c.is_ascii()).unwrap_or(text.len()), "{text}");
        }
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

//! Character classes shared by the twitter-text scanners, as the reference regexes define them
//! (case-insensitive flag included), plus a loader for the generated code point range tables.

/// Parses a generated table (`data/twitter/*.txt`): `#` comments, then `XXXX` or `XXXX..YYYY` hex lines.
pub(crate) fn parse_ranges(data: &str) -> Vec<(u32, u32)> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (a, b) = l.split_once("..").unwrap_or((l, l));
            let hex = |s: &str| u32::from_str_radix(s, 16).expect("hex code point in generated table");
            (hex(a), hex(b))
        })
        .collect()
}

/// Whether `c` lies in one of the sorted, disjoint inclusive `ranges`.
pub(crate) fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = c as u32;
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    i < ranges.len() && ranges[i].0 <= c
}

/// twitter-text `spacesGroup`.
const fn is_space(c: char) -> bool {
    matches!(c, '\u{9}'..='\u{D}' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{180E}' | '\u{2000}'..='\u{200A}'
        | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// twitter-text `invalidCharsGroup`: the characters that make a post invalid (the one definition; the first
/// comparison keeps the common case to one branch).
pub(crate) fn is_invalid(c: char) -> bool {
    c >= '\u{FEFF}' && matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// twitter-text `directionalMarkersGroup`.
fn is_directional(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
}

/// twitter-text `punct` (note: no `"` and no backtick).
const fn is_punct(c: char) -> bool {
    matches!(
        c,
        '!' | '\''
            | '#'
            | '%'
            | '&'
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | '\\'
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '<'
            | '='
            | '>'
            | '?'
            | '@'
            | '['
            | ']'
            | '^'
            | '_'
            | '{'
            | '|'
            | '}'
            | '~'
            | '$'
    )
}

/// ASCII part of `validDomainChars` as a table (all of `punct` is ASCII).
const ASCII_DOMAIN_CHARS: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8 as char;
        table[i] = !(is_punct(c) || is_space(c));
        i += 1;
    }
    table
};

/// twitter-text `validDomainChars`: anything but punctuation, spaces, invalid chars and directional marks.
#[inline]
pub(crate) fn is_domain_char(c: char) -> bool {
    if c.is_ascii() {
        return ASCII_DOMAIN_CHARS[c as usize];
    }
    // Every non-ASCII space, invalid character and directional mark lies in U+0085..=U+3000 or U+FEFF..=U+FFFF.
    let cp = c as u32;
    if !(0x85..=0xFFFF).contains(&cp) || (0x3001..0xFEFF).contains(&cp) {
        return true;
    }
    !(is_space(c) || is_invalid(c) || is_directional(c))
}

/// Characters that may make up a domain label: domain chars plus `_` and `-` (inside a label only).
#[inline]
pub(crate) fn is_label_char(c: char) -> bool {
    c == '_' || c == '-' || is_domain_char(c)
}

/// twitter-text `validUrlPrecedingChars` (the one-character alternative).
pub(crate) fn is_url_preceding_char(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || matches!(c, '@' | '＠' | '$' | '#' | '＃') || is_invalid(c))
}

/// Non-ASCII part of `latinAccentChars` under the case-insensitive flag (JS non-Unicode case folding adds a few).
const LATIN_ACCENT_I: &[(u32, u32)] = &[
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0x24F),
    (0x253, 0x254),
    (0x256, 0x257),
    (0x259, 0x259),
    (0x25B, 0x25B),
    (0x260, 0x260),
    (0x263, 0x263),
    (0x268, 0x269),
    (0x26F, 0x26F),
    (0x272, 0x272),
    (0x275, 0x275),
    (0x280, 0x280),
    (0x283, 0x283),
    (0x288, 0x28C),
    (0x292, 0x292),
    (0x2BB, 0x2BB),
    (0x300, 0x36F),
    (0x399, 0x399),
    (0x3B9, 0x3B9),
    (0x1E00, 0x1EFF),
    (0x1FBE, 0x1FBE),
    (0x2C65, 0x2C66),
    (0x2C7E, 0x2C7F),
    (0xA7DC, 0xA7DC),
];

/// `latinAccentChars` under the case-insensitive flag.
pub(crate) fn is_latin_accent(c: char) -> bool {
    !c.is_ascii() && in_ranges(c, LATIN_ACCENT_I)
}

/// `cyrillicLettersAndMarks` (U+0400..U+04FF) under the case-insensitive flag.
pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4FF}' | '\u{1C80}'..='\u{1C87}')
}

/// UTF-16 length of `s`, the unit of every length limit in twitter-text.
pub(crate) use crate::text::utf16_len;

/// The character starting at byte `i` of `text`, if any.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Length of the UTF-8 character whose lead byte is `lead` (not a continuation byte).
#[inline]
pub(crate) const fn utf8_len(lead: u8) -> usize {
    1 + (lead >= 0xC0) as usize + (lead >= 0xE0) as usize + (lead >= 0xF0) as usize
}

/// An index below 4,096 for the first two bytes of a multi-byte UTF-8 character (`lead` from 0xC0): a two-byte
/// character itself, a block of 64 code points for three bytes, of 4,096 for four. Tables of these prefixes
/// classify most characters without decoding them.
#[inline]
pub(crate) const fn prefix_index(lead: u8, second: u8) -> usize {
    ((lead as usize & 0x3F) << 6) | (second as usize & 0x3F)
}

/// The first two bytes of the UTF-8 encoding of `cp` (from U+0080), as `prefix_index` reads them.
pub(crate) const fn prefix_of(cp: u32) -> usize {
    let (lead, second) = match cp {
        0..=0x7FF => (0xC0 | cp >> 6, 0x80 | (cp & 0x3F)),
        0x800..=0xFFFF => (0xE0 | cp >> 12, 0x80 | ((cp >> 6) & 0x3F)),
        _ => (0xF0 | cp >> 18, 0x80 | ((cp >> 12) & 0x3F)),
    };
    prefix_index(lead as u8, second as u8)
}

/// The character starting at byte `i` of `bytes` (a `str`'s bytes, `i` a char boundary before its end) and its
/// length: a plain UTF-8 decode, without the validation and `Option` of `str::chars`.
#[inline(always)]
pub(crate) fn decode_at(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes[i + k] & 0x3F);
    let (cp, len) = match b0 {
        0..=0x7F => (b0, 1),
        0xC0..=0xDF => ((b0 & 0x1F) << 6 | cont(1), 2),
        0xE0..=0xEF => ((b0 & 0x0F) << 12 | cont(1) << 6 | cont(2), 3),
        _ => ((b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3), 4),
    };
    (char::from_u32(cp).expect("bytes of a str"), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_tables_lookup() {
        let t = parse_ranges("# comment\n0041..005A\n00AA\n");
        assert_eq!(t, vec![(0x41, 0x5A), (0xAA, 0xAA)]);
        assert!(in_ranges('A', &t) && in_ranges('Z', &t) && in_ranges('\u{AA}', &t));
        assert!(!in_ranges('a', &t) && !in_ranges('\u{AB}', &t) && !in_ranges('@', &t));
    }

    #[test]
    fn decode_at_matches_chars() {
        let s = "aé€😀\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}";
        for (i, c) in s.char_indices() {
            assert_eq!(decode_at(s.as_bytes(), i), (c, c.len_utf8()));
        }
    }

    #[test]
    fn domain_chars_follow_twitter_punct() {
        assert!(is_domain_char('"') && is_domain_char('`') && is_domain_char('é') && is_domain_char('😀'));
        assert!(!is_domain_char('_') && !is_domain_char('/') && !is_domain_char('\u{200F}') && !is_domain_char(' '));
        assert!(is_url_preceding_char('\u{200F}') && is_url_preceding_char('.') && !is_url_preceding_char('＠'));
    }
}

//! The X weighted length of a post (twitter-text `parseTweet`, configuration v3): NFC text, each code point
//! weighs 1 or 2 by range, each URL 23, each emoji sequence 2 (see `emoji`), valid up to 280.
use super::chars::{decode_at, in_ranges, is_invalid};
use super::{emoji, urls};
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// A twitter-text counting configuration (weights are in 1/`scale` units, as in twitter-text's config files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    pub max_weighted_length: u32,
    pub scale: u32,
    pub default_weight: u32,
    pub emoji_parsing: bool,
    pub transformed_url_length: u32,
    /// Inclusive code point ranges with their weight; a code point in none weighs `default_weight`.
    pub ranges: &'static [(u32, u32, u32)],
}

const RANGES: &[(u32, u32, u32)] = &[(0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100)];

/// twitter-text v3 (what X uses): emoji sequences weigh 2, limit 280.
pub const V3: Config = Config {
    max_weighted_length: 280,
    scale: 100,
    default_weight: 200,
    emoji_parsing: true,
    transformed_url_length: 23,
    ranges: RANGES,
};

/// twitter-text v2: as v3 but every code point of an emoji sequence is weighed on its own.
pub const V2: Config = Config { emoji_parsing: false, ..V3 };

impl Config {
    /// The same rules with another limit, e.g. `V3.with_limit(25_000)` for Premium accounts.
    pub const fn with_limit(self, max_weighted_length: u32) -> Config {
        Config { max_weighted_length, ..self }
    }

    /// The weight of every ASCII character, when they all weigh the same.
    fn ascii_weight(&self) -> Option<u64> {
        let w = self.weight('\0');
        (1..0x80u8).all(|b| self.weight(b as char) == w).then_some(u64::from(w))
    }

    fn weight(&self, c: char) -> u32 {
        let cp = c as u32;
        self.ranges
            .iter()
            .find(|&&(start, end, _)| start <= cp && cp <= end)
            .map_or(self.default_weight, |&(_, _, weight)| weight)
    }
}

/// The result of `parse_tweet`, field for field twitter-text's. Indices are UTF-16 code units, as there:
/// `display_range_end` is the last index of the text as given, `valid_range_end` the last index of the NFC text
/// still within the limit (before any invalid character) shifted by the length change of the normalisation
/// (floored at 0, where twitter-text can return a negative index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTweet {
    pub weighted_length: u32,
    pub valid: bool,
    pub permillage: u32,
    pub valid_range_start: u32,
    pub valid_range_end: u32,
    pub display_range_start: u32,
    pub display_range_end: u32,
    /// Byte offsets, in the NFC text, of U+FFFE, U+FEFF and U+FFFF (which make a post invalid).
    pub invalid_chars: Vec<usize>,
}

/// `parse_tweet_with(text, &V3)`: what X counts.
pub fn parse_tweet(text: &str) -> ParsedTweet {
    parse_tweet_with(text, &V3)
}

/// twitter-text's `parseTweet(text, config)`.
///
/// One pass over the bytes of the NFC text, with the URLs found beforehand. At each position: a URL starting
/// there is one unit; else a run of ASCII characters (none a keycap base before a non-ASCII character, the only
/// ASCII that begins an emoji sequence) is counted at once up to the next URL; else the code point is decoded
/// in place, and only when the emoji table's one-bit test says a sequence may begin with it is the trie searched;
/// otherwise it is one unit weighed by range.
pub fn parse_tweet_with(text: &str, config: &Config) -> ParsedTweet {
    let (normalized, removed_units) = nfc(text);
    let nfc = normalized.as_ref();
    let urls = urls::extract_urls(nfc);
    let emoji = config.emoji_parsing.then(emoji::sequences);
    let limit = u64::from(config.max_weighted_length) * u64::from(config.scale);

    let (mut weighted, mut at, mut units) = (0u64, 0usize, 0u32);
    let (mut valid, mut valid_display) = (true, 0u32);
    let mut invalid_chars = Vec::new();
    let bytes = nfc.as_bytes();
    let ascii_weight = config.ascii_weight();
    let mut next_url = 0;
    while at < bytes.len() {
        while urls.get(next_url).is_some_and(|u| u.start < at) {
            next_url += 1; // inside an emoji sequence counted already, as in twitter-text
        }
        let url_start = urls.get(next_url).map_or(bytes.len(), |u| u.start);
        if let Some(w) = ascii_weight.filter(|_| at < url_start) {
            let mut end = at;
            while end < url_start
                && bytes[end] < 0x80
                && !(is_keycap_base(bytes[end]) && bytes.get(end + 1).is_some_and(|&n| n >= 0x80))
            {
                end += 1;
            }
            let run = (end - at) as u64;
            if run > 0 {
                let before = weighted;
                weighted += w * run;
                // The last character of the run still within the limit, if any.
                let fit = limit.saturating_sub(before).checked_div(w).map_or(run, |n| n.min(run));
                if valid && fit > 0 {
                    valid_display = units + fit as u32 - 1;
                }
                units += run as u32;
                at = end;
                continue;
            }
        }
        let (c, len) = decode_at(bytes, at);
        // The counted unit: a URL or an emoji sequence, when one starts here.
        let entity = if at == url_start {
            next_url += 1;
            weighted += u64::from(config.transformed_url_length * config.scale);
            Some(urls[next_url - 1].end)
        } else if let Some(end) = emoji.filter(|e| e.may_start(c)).and_then(|e| e.longest(&nfc[at..])) {
            weighted += u64::from(config.default_weight);
            Some(at + end)
        } else {
            None
        };
        // twitter-text only looks at the last code unit of each counted unit.
        let last_invalid = if let Some(end) = entity {
            let segment = &nfc[at..end];
            units += utf16_len(segment);
            invalid_chars.extend(segment.char_indices().filter(|&(_, c)| is_invalid(c)).map(|(i, _)| at + i));
            at = end;
            segment.chars().next_back().is_some_and(is_invalid)
        } else {
            weighted += u64::from(if len == 4 { config.default_weight } else { config.weight(c) });
            units += 1 + u32::from(len == 4);
            let invalid = is_invalid(c);
            if invalid {
                invalid_chars.push(at);
            }
            at += len;
            invalid
        };
        if last_invalid {
            valid = false;
        }
        if valid && weighted <= limit {
            valid_display = units - 1;
        }
    }

    let scale = u64::from(config.scale);
    let weighted_length = (weighted / scale) as u32;
    let valid = valid && weighted > 0 && weighted <= limit;
    let permillage = (weighted as f64 / scale as f64 / f64::from(config.max_weighted_length) * 1000.0).floor();
    let shift = removed_units;
    let given_units = (i64::from(units) + shift) as u32;
    ParsedTweet {
        weighted_length,
        valid,
        permillage: permillage as u32,
        valid_range_start: 0,
        valid_range_end: (i64::from(valid_display) + shift).max(0) as u32,
        display_range_start: 0,
        display_range_end: given_units.saturating_sub(1),
        invalid_chars,
    }
}

/// `#`, `*` and the digits: the ASCII characters that begin an emoji sequence (a keycap).
fn is_keycap_base(b: u8) -> bool {
    matches!(b, b'#' | b'*' | b'0'..=b'9')
}

/// The NFC form of `text`, borrowed when the text is NFC already, and how many UTF-16 units normalising removed
/// (negative when it added some: a few characters decompose for good, e.g. U+0344).
/// A text can be cut before any starter whose NFC_Quick_Check is Yes (nothing before it composes or reorders with
/// it), so only each stretch from the last such character before another one to the next such character goes
/// through the normaliser, and is replaced only when it changes; the rest is copied. The scan reads bytes: lead
/// bytes below 0xCC (code points below U+0300, all such characters) and continuation bytes are stepped over, other
/// characters are decoded in place and classified by `is_stable`.
fn nfc(text: &str) -> (Cow<'_, str>, i64) {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut removed = 0;
    // `text[..copied]` is in `out`; `boundary` is where the last stable character starts.
    let (mut copied, mut boundary, mut at) = (0, 0, 0);
    while at < bytes.len() {
        if bytes[at] < 0xCC {
            if bytes[at] & 0xC0 != 0x80 {
                boundary = at;
            }
            at += 1;
            continue;
        }
        let (c, len) = decode_at(bytes, at);
        at += len;
        if is_stable(c) {
            boundary = at - len;
            continue;
        }
        while at < bytes.len() {
            let (c, len) = decode_at(bytes, at);
            if is_stable(c) {
                break;
            }
            at += len;
        }
        let piece = &text[boundary..at];
        if !piece.nfc().eq(piece.chars()) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..boundary]);
            let from = out.len();
            out.extend(piece.nfc());
            removed += i64::from(utf16_len(piece)) - i64::from(utf16_len(&out[from..]));
            copied = at;
        }
    }
    let nfc = match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            out.into()
        }
        None => text.into(),
    };
    (nfc, removed)
}

/// A starter whose NFC_Quick_Check is Yes: a place where the text can be cut for normalisation. One bit test in
/// `BMP_NOT_STABLE` below U+10000; above, the big stable blocks (emoji, CJK extensions) are tested before
/// `NOT_STABLE` is searched.
fn is_stable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x1_0000 {
        return BMP_NOT_STABLE[(cp / 64) as usize] & (1 << (cp % 64)) == 0;
    }
    matches!(cp, 0x1_0000..=0x1_01FC | 0x1_E94B..=0x2_F7FF) || !in_ranges(c, NOT_STABLE)
}

/// `NOT_STABLE` below U+10000 as a bitmap (8 KB), built at compile time.
static BMP_NOT_STABLE: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut r = 0;
    while r < NOT_STABLE.len() {
        let (mut cp, end) = NOT_STABLE[r];
        while cp <= end && cp < 0x1_0000 {
            bits[(cp / 64) as usize] |= 1 << (cp % 64);
            cp += 1;
        }
        r += 1;
    }
    bits
};

/// The code points that are not stable starters (a non-zero canonical combining class, or NFC_Quick_Check No or
/// Maybe), as sorted inclusive ranges, for the Unicode version of `unicode-normalization`: the test
/// `stable_ranges_agree_with_the_normaliser` checks every code point against the crate and prints the table anew
/// when the crate changes.
#[rustfmt::skip]
const NOT_STABLE: &[(u32, u32)] = &[
    (0x300, 0x34E), (0x350, 0x36F), (0x374, 0x374), (0x37E, 0x37E), (0x387, 0x387), (0x483, 0x487), (0x591, 0x5BD),
    (0x5BF, 0x5BF), (0x5C1, 0x5C2), (0x5C4, 0x5C5), (0x5C7, 0x5C9), (0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670),
    (0x6D6, 0x6DC), (0x6DF, 0x6E4), (0x6E7, 0x6E8), (0x6EA, 0x6ED), (0x711, 0x711), (0x730, 0x74A), (0x7EB, 0x7F3),
    (0x7FD, 0x7FD), (0x816, 0x819), (0x81B, 0x823), (0x825, 0x827), (0x829, 0x82D), (0x859, 0x85B), (0x897, 0x89F),
    (0x8CA, 0x8E1), (0x8E3, 0x8FF), (0x93C, 0x93C), (0x94D, 0x94D), (0x951, 0x954), (0x958, 0x95F), (0x9BC, 0x9BC),
    (0x9BE, 0x9BE), (0x9CD, 0x9CD), (0x9D7, 0x9D7), (0x9DC, 0x9DD), (0x9DF, 0x9DF), (0x9FE, 0x9FE), (0xA33, 0xA33),
    (0xA36, 0xA36), (0xA3C, 0xA3C), (0xA4D, 0xA4D), (0xA59, 0xA5B), (0xA5E, 0xA5E), (0xABC, 0xABC), (0xACD, 0xACD),
    (0xB3C, 0xB3C), (0xB3E, 0xB3E), (0xB4D, 0xB4D), (0xB56, 0xB57), (0xB5C, 0xB5D), (0xBBE, 0xBBE), (0xBCD, 0xBCD),
    (0xBD7, 0xBD7), (0xC3C, 0xC3C), (0xC4D, 0xC4D), (0xC55, 0xC56), (0xCBC, 0xCBC), (0xCC2, 0xCC2), (0xCCD, 0xCCD),
    (0xCD5, 0xCD6), (0xD3B, 0xD3C), (0xD3E, 0xD3E), (0xD4D, 0xD4D), (0xD57, 0xD57), (0xDCA, 0xDCA), (0xDCF, 0xDCF),
    (0xDDF, 0xDDF), (0xE38, 0xE3A), (0xE48, 0xE4B), (0xEB8, 0xEBA), (0xEC8, 0xECB), (0xF18, 0xF19), (0xF35, 0xF35),
    (0xF37, 0xF37), (0xF39, 0xF39), (0xF43, 0xF43), (0xF4D, 0xF4D), (0xF52, 0xF52), (0xF57, 0xF57), (0xF5C, 0xF5C),
    (0xF69, 0xF69), (0xF71, 0xF76), (0xF78, 0xF78), (0xF7A, 0xF7D), (0xF80, 0xF84), (0xF86, 0xF87), (0xF93, 0xF93),
    (0xF9D, 0xF9D), (0xFA2, 0xFA2), (0xFA7, 0xFA7), (0xFAC, 0xFAC), (0xFB9, 0xFB9), (0xFC6, 0xFC6),
    (0x102E, 0x102E), (0x1037, 0x1037), (0x1039, 0x103A), (0x108D, 0x108D), (0x1161, 0x1175), (0x11A8, 0x11C2),
    (0x135D, 0x135F), (0x1714, 0x1715), (0x1734, 0x1734), (0x17D2, 0x17D2), (0x17DD, 0x17DD), (0x18A9, 0x18A9),
    (0x1939, 0x193B), (0x1A17, 0x1A18), (0x1A60, 0x1A60), (0x1A75, 0x1A7C), (0x1A7F, 0x1A7F), (0x1AB0, 0x1ABD),
    (0x1ABF, 0x1AF0), (0x1B34, 0x1B35), (0x1B44, 0x1B44), (0x1B6B, 0x1B73), (0x1BAA, 0x1BAB), (0x1BE6, 0x1BE6),
    (0x1BF2, 0x1BF3), (0x1C37, 0x1C37), (0x1CD0, 0x1CD2), (0x1CD4, 0x1CE0), (0x1CE2, 0x1CE8), (0x1CED, 0x1CED),
    (0x1CF4, 0x1CF4), (0x1CF8, 0x1CF9), (0x1DC0, 0x1DFF), (0x1F71, 0x1F71), (0x1F73, 0x1F73), (0x1F75, 0x1F75),
    (0x1F77, 0x1F77), (0x1F79, 0x1F79), (0x1F7B, 0x1F7B), (0x1F7D, 0x1F7D), (0x1FBB, 0x1FBB), (0x1FBE, 0x1FBE),
    (0x1FC9, 0x1FC9), (0x1FCB, 0x1FCB), (0x1FD3, 0x1FD3), (0x1FDB, 0x1FDB), (0x1FE3, 0x1FE3), (0x1FEB, 0x1FEB),
    (0x1FEE, 0x1FEF), (0x1FF9, 0x1FF9), (0x1FFB, 0x1FFB), (0x1FFD, 0x1FFD), (0x2000, 0x2001), (0x20D0, 0x20DC),
    (0x20E1, 0x20E1), (0x20E5, 0x20F0), (0x2126, 0x2126), (0x212A, 0x212B), (0x2329, 0x232A), (0x2ADC, 0x2ADC),
    (0x2CEF, 0x2CF1), (0x2D7F, 0x2D7F), (0x2DE0, 0x2DFF), (0x302A, 0x302F), (0x3099, 0x309A), (0xA66F, 0xA66F),
    (0xA674, 0xA67D), (0xA69E, 0xA69F), (0xA6F0, 0xA6F1), (0xA806, 0xA806), (0xA82C, 0xA82C), (0xA8C4, 0xA8C4),
    (0xA8E0, 0xA8F1), (0xA92B, 0xA92D), (0xA953, 0xA953), (0xA9B3, 0xA9B3), (0xA9C0, 0xA9C0), (0xAAB0, 0xAAB0),
    (0xAAB2, 0xAAB4), (0xAAB7, 0xAAB8), (0xAABE, 0xAABF), (0xAAC1, 0xAAC1), (0xAAF6, 0xAAF6), (0xABED, 0xABED),
    (0xF900, 0xFA0D), (0xFA10, 0xFA10), (0xFA12, 0xFA12), (0xFA15, 0xFA1E), (0xFA20, 0xFA20), (0xFA22, 0xFA22),
    (0xFA25, 0xFA26), (0xFA2A, 0xFA6D), (0xFA70, 0xFAD9), (0xFB1D, 0xFB1F), (0xFB2A, 0xFB36), (0xFB38, 0xFB3C),
    (0xFB3E, 0xFB3E), (0xFB40, 0xFB41), (0xFB43, 0xFB44), (0xFB46, 0xFB4E), (0xFE20, 0xFE2F), (0x101FD, 0x101FD),
    (0x102E0, 0x102E0), (0x10376, 0x1037A), (0x10A0D, 0x10A0D), (0x10A0F, 0x10A0F), (0x10A38, 0x10A3A),
    (0x10A3F, 0x10A3F), (0x10AE5, 0x10AE6), (0x10D24, 0x10D27), (0x10D69, 0x10D6D), (0x10EAB, 0x10EAC),
    (0x10ECB, 0x10ECF), (0x10EF0, 0x10EFB), (0x10EFD, 0x10EFF), (0x10F46, 0x10F50), (0x10F82, 0x10F85),
    (0x11046, 0x11046), (0x11070, 0x11070), (0x1107F, 0x1107F), (0x110B9, 0x110BA), (0x11100, 0x11102),
    (0x11127, 0x11127), (0x11133, 0x11134), (0x11173, 0x11173), (0x111C0, 0x111C0), (0x111CA, 0x111CA),
    (0x11235, 0x11236), (0x112E9, 0x112EA), (0x1133B, 0x1133C), (0x1133E, 0x1133E), (0x1134D, 0x1134D),
    (0x11357, 0x11357), (0x11366, 0x1136C), (0x11370, 0x11374), (0x113B8, 0x113B8), (0x113BB, 0x113BB),
    (0x113C2, 0x113C2), (0x113C5, 0x113C5), (0x113C7, 0x113C9), (0x113CE, 0x113D0), (0x11442, 0x11442),
    (0x11446, 0x11446), (0x1145E, 0x1145E), (0x114B0, 0x114B0), (0x114BA, 0x114BA), (0x114BD, 0x114BD),
    (0x114C2, 0x114C3), (0x115AF, 0x115AF), (0x115BF, 0x115C0), (0x1163F, 0x1163F), (0x116B6, 0x116B7),
    (0x1172B, 0x1172B), (0x11839, 0x1183A), (0x11930, 0x11930), (0x1193D, 0x1193E), (0x11943, 0x11943),
    (0x119E0, 0x119E0), (0x11A34, 0x11A34), (0x11A47, 0x11A47), (0x11A99, 0x11A99), (0x11C3F, 0x11C3F),
    (0x11D42, 0x11D42), (0x11D44, 0x11D45), (0x11D97, 0x11D97), (0x11F41, 0x11F42), (0x1611E, 0x16129),
    (0x1612F, 0x1612F), (0x16AF0, 0x16AF4), (0x16B30, 0x16B36), (0x16D67, 0x16D68), (0x16FF0, 0x16FF1),
    (0x1BC9E, 0x1BC9E), (0x1D127, 0x1D128), (0x1D15E, 0x1D169), (0x1D16D, 0x1D172), (0x1D17B, 0x1D182),
    (0x1D185, 0x1D18B), (0x1D1AA, 0x1D1AD), (0x1D1BB, 0x1D1C0), (0x1D242, 0x1D244), (0x1D250, 0x1D252),
    (0x1D25B, 0x1D25C), (0x1D25F, 0x1D25F), (0x1D280, 0x1D281), (0x1E000, 0x1E006), (0x1E008, 0x1E018),
    (0x1E01B, 0x1E021), (0x1E023, 0x1E024), (0x1E026, 0x1E02A), (0x1E08F, 0x1E08F), (0x1E130, 0x1E136),
    (0x1E2AE, 0x1E2AE), (0x1E2EC, 0x1E2EF), (0x1E4EC, 0x1E4EF), (0x1E5EE, 0x1E5EF), (0x1E6E3, 0x1E6E3),
    (0x1E6E6, 0x1E6E6), (0x1E6EE, 0x1E6EF), (0x1E6F5, 0x1E6F5), (0x1E8D0, 0x1E8D6), (0x1E944, 0x1E94A),
    (0x2F800, 0x2FA1D),
];

/// UTF-16 length of `s`, in the u32 of twitter-text's indices.
fn utf16_len(s: &str) -> u32 {
    crate::text::utf16_len(s) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized};

    #[test]
    fn piecewise_nfc_matches_the_normaliser() {
        // Starters, composites and the characters that compose with or reorder around them.
        let pool: Vec<char> =
            "aeAoxké가각\u{212B}\u{2126}\u{FB2C}\u{0344}\u{0F73}\u{0958}\u{1E0A}\u{0915}\u{093C}\u{094D}\
            \u{09C7}\u{09BE}\u{0B47}\u{0B3E}\u{0CC6}\u{0CD5}\u{1B05}\u{1B35}\u{304B}\u{3099}\u{0300}\u{0301}\u{0302}\
            \u{0308}\u{0323}\u{0327}\u{030A}\u{1100}\u{1161}\u{11A8}\u{0F72}\u{0F71}😀"
                .chars()
                .collect();
        let mut seed = 0x2545_F491_u32;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + seed % 7 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                text.push(pool[seed as usize % pool.len()]);
            }
            let (normalized, removed) = nfc(&text);
            assert_eq!(normalized, text.nfc().collect::<String>(), "{text:?}");
            assert_eq!(removed + i64::from(utf16_len(&normalized)), i64::from(utf16_len(&text)), "{text:?}");
        }
        assert!(matches!(nfc("déjà vu, नमस्ते, 가각").0, Cow::Borrowed(_)));
    }

    #[test]
    fn stable_ranges_agree_with_the_normaliser() {
        let stable =
            |c: char| canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
        let (mut ranges, mut run) = (Vec::new(), None);
        for cp in 0..=0x11_0000 {
            match (char::from_u32(cp).is_some_and(|c| !stable(c)), run) {
                (true, None) => run = Some(cp),
                (false, Some(start)) => {
                    ranges.push((start, cp - 1));
                    run = None;
                }
                _ => {}
            }
        }
        let table: Vec<String> = ranges.iter().map(|(a, b)| format!("(0x{a:X}, 0x{b:X}),")).collect();
        assert!(NOT_STABLE == ranges, "NOT_STABLE should read:\n{}", table.join(" "));
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_stable(c), stable(c), "U+{:04X}", c as u32);
        }
    }
}

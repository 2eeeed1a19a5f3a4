//! The X weighted length of a post (twitter-text `parseTweet`, configuration v3): NFC text, each code point
//! weighs 1 or 2 by range, each URL 23, each emoji sequence 2 (see `emoji`), valid up to 280.
use super::{emoji, urls};
use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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
pub fn parse_tweet_with(text: &str, config: &Config) -> ParsedTweet {
    let normalized = nfc(text);
    let nfc = normalized.as_ref();
    let urls = urls::extract_urls(nfc);
    let mut next_url = urls.iter().peekable();
    let limit = u64::from(config.max_weighted_length) * u64::from(config.scale);

    let (mut weighted, mut at, mut units) = (0u64, 0usize, 0u32);
    let (mut valid, mut valid_display) = (true, 0u32);
    let mut invalid_chars = Vec::new();
    let bytes = nfc.as_bytes();
    let ascii_weight = config.ascii_weight();
    while at < bytes.len() {
        while next_url.peek().is_some_and(|u| u.start < at) {
            next_url.next(); // inside an emoji sequence counted already, as in twitter-text
        }
        // Fast path: a run of ASCII characters up to the next URL, none of which starts an emoji sequence (a keycap
        // base `#`, `*` or digit only does before a non-ASCII character), all weighing the same.
        if let Some(w) = ascii_weight {
            let stop = next_url.peek().map_or(bytes.len(), |u| u.start);
            let run = bytes[at..stop]
                .iter()
                .enumerate()
                .take_while(|&(k, &b)| b.is_ascii() && !(is_keycap_base(b) && bytes.get(at + k + 1).is_some_and(|n| !n.is_ascii())))
                .count();
            if run > 0 {
                let before = weighted;
                weighted += w * run as u64;
                // The last character of the run still within the limit, if any.
                let fit = if w == 0 { run as u64 } else { (limit.saturating_sub(before) / w).min(run as u64) };
                if valid && fit > 0 {
                    valid_display = units + fit as u32 - 1;
                }
                units += run as u32;
                at += run;
                continue;
            }
        }
        // The counted unit: a URL, an emoji sequence or one code point; `last` is its last code point.
        let entity = if let Some(url) = next_url.next_if(|u| u.start == at) {
            weighted += u64::from(config.transformed_url_length * config.scale);
            Some(url.end)
        } else if let Some(len) = emoji_len(nfc, at, config) {
            weighted += u64::from(config.default_weight);
            Some(at + len)
        } else {
            None
        };
        let (end, last) = if let Some(end) = entity {
            let segment = &nfc[at..end];
            units += utf16_len(segment);
            invalid_chars.extend(segment.char_indices().filter(|&(_, c)| is_invalid(c)).map(|(i, _)| at + i));
            (end, segment.chars().next_back())
        } else {
            let c = match bytes[at] {
                b @ 0..=0x7F => b as char,
                _ => nfc[at..].chars().next().expect("at is a char boundary"),
            };
            weighted += u64::from(if c.len_utf16() == 2 { config.default_weight } else { config.weight(c) });
            units += c.len_utf16() as u32;
            if is_invalid(c) {
                invalid_chars.push(at);
            }
            (at + c.len_utf8(), Some(c))
        };
        // twitter-text only looks at the last code unit of each counted unit.
        if valid && last.is_some_and(is_invalid) {
            valid = false;
        }
        if valid && weighted <= limit {
            valid_display = units - 1;
        }
        at = end;
    }

    let scale = u64::from(config.scale);
    let weighted_length = (weighted / scale) as u32;
    let valid = valid && weighted > 0 && weighted <= limit;
    let permillage = (weighted as f64 / scale as f64 / f64::from(config.max_weighted_length) * 1000.0).floor();
    let given_units = utf16_len(text);
    let shift = i64::from(given_units) - i64::from(units);
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

/// Length of the emoji sequence at `at` when the configuration counts them (ASCII other than `#`, `*` and digits
/// is ruled out before the lookup).
fn emoji_len(nfc: &str, at: usize, config: &Config) -> Option<usize> {
    let b = nfc.as_bytes()[at];
    if !config.emoji_parsing || (b.is_ascii() && !matches!(b, b'#' | b'*' | b'0'..=b'9')) {
        return None;
    }
    emoji::emoji_at(nfc, at)
}

/// `#`, `*` and the digits: the ASCII characters that begin an emoji sequence (a keycap).
fn is_keycap_base(b: u8) -> bool {
    matches!(b, b'#' | b'*' | b'0'..=b'9')
}

/// The NFC form of `text`, borrowed when the text is NFC already. A text can be cut before any starter whose
/// NFC_Quick_Check is Yes (nothing before it composes or reorders with it), so only each stretch from the last such
/// character before another one to the next such character goes through the normaliser, and is replaced only when it
/// changes; the rest is copied. Code points below U+0300 are all such characters.
fn nfc(text: &str) -> Cow<'_, str> {
    let stable = |c: char| {
        c < '\u{300}' || (canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
    };
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
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
        let c = text[at..].chars().next().expect("at is a char boundary");
        at += c.len_utf8();
        if stable(c) {
            boundary = at - c.len_utf8();
            continue;
        }
        while let Some(c) = text[at..].chars().next().filter(|&c| !stable(c)) {
            at += c.len_utf8();
        }
        let piece = &text[boundary..at];
        if !piece.nfc().eq(piece.chars()) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..boundary]);
            out.extend(piece.nfc());
            copied = at;
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            out.into()
        }
        None => text.into(),
    }
}

fn is_invalid(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// UTF-16 length of `s`: one unit per code point, two for the four-byte ones.
fn utf16_len(s: &str) -> u32 {
    s.bytes().map(|b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn piecewise_nfc_matches_the_normaliser() {
        // Starters, composites and the characters that compose with or reorder around them.
        let pool: Vec<char> = "aeAoxké가각\u{212B}\u{2126}\u{FB2C}\u{0344}\u{0F73}\u{0958}\u{1E0A}\u{0915}\u{093C}\u{094D}\
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
            assert_eq!(nfc(&text), text.nfc().collect::<String>(), "{text:?}");
        }
        assert!(matches!(nfc("déjà vu, नमस्ते, 가각"), Cow::Borrowed(_)));
    }
}

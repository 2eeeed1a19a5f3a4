//! The X weighted length of a post (twitter-text `parseTweet`): NFC text, each code point weighs by range, each
//! URL and each emoji sequence one fixed weight, valid up to a limit. The rules are data: `data/twitter/v3.json`, the
//! project's copy of twitter-text's `config/v3.json`.
use super::chars::{decode_at, in_ranges, is_invalid, prefix_index, prefix_of, utf8_len};
use super::emoji;
use super::entities::Entities;
use super::urls::UrlEntity;
use crate::text::{ascii_run, find_at_least, find_byte};
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// A twitter-text counting configuration (weights are in 1/`scale` units, as in twitter-text's config files).
/// Made by `v3()` or `v2()` (then `with_limit`), from the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    pub max_weighted_length: u32,
    pub scale: u32,
    pub default_weight: u32,
    pub emoji_parsing: bool,
    pub transformed_url_length: u32,
    /// Inclusive code point ranges with their weight; a code point in none weighs `default_weight`.
    pub ranges: &'static [WeightRange],
    /// For each UTF-8 lead byte (ASCII included), the weight of every character it begins when they all weigh the
    /// same, else 0 (`lead_weights`): most characters are weighed without being decoded.
    lead_weights: &'static [u32; 256],
    /// For each block of 64 BMP code points (`cp >> 6`), the weight of its characters when they all weigh the same
    /// and none is invalid, else 0 (`block_weights`): a three-byte character whose lead byte's characters weigh
    /// differently is weighed by its first two bytes.
    block_weights: &'static [u32; 1024],
    /// The weight of every ASCII character when they all weigh the same, else 0: ASCII runs are summed at once.
    ascii_weight: u32,
}

/// One entry of the configuration's `ranges`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct WeightRange {
    pub start: u32,
    pub end: u32,
    pub weight: u32,
}

/// The configuration file's shape (twitter-text's field names).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConfigFile {
    version: u32,
    max_weighted_tweet_length: u32,
    scale: u32,
    default_weight: u32,
    emoji_parsing_enabled: bool,
    #[serde(rename = "transformedURLLength")]
    transformed_url_length: u32,
    ranges: Vec<WeightRange>,
}

/// twitter-text v3, what X uses (emoji sequences weigh as one character, limit 280): `data/twitter/v3.json`, read
/// once (a few microseconds; every later call copies the parsed configuration).
pub fn v3() -> Config {
    static V3: OnceLock<Config> = OnceLock::new();
    *V3.get_or_init(|| {
        let file: ConfigFile =
            serde_json::from_str(include_str!("../../data/twitter/v3.json")).expect("data/twitter/v3.json parses");
        assert_eq!(file.version, 3, "data/twitter/v3.json holds version 3");
        let mut config = Config {
            max_weighted_length: file.max_weighted_tweet_length,
            scale: file.scale,
            default_weight: file.default_weight,
            emoji_parsing: file.emoji_parsing_enabled,
            transformed_url_length: file.transformed_url_length,
            ranges: Vec::leak(file.ranges),
            lead_weights: &[0; 256],
            block_weights: &[0; 1024],
            ascii_weight: 0,
        };
        config.lead_weights = Box::leak(Box::new(lead_weights(&config)));
        config.block_weights = Box::leak(Box::new(block_weights(&config)));
        let ascii = config.weight(0);
        config.ascii_weight = if (0..0x80).all(|b| config.weight(b) == ascii) { ascii } else { 0 };
        config
    })
}

/// The weight of the characters each UTF-8 lead byte begins, where they all weigh the same (0 elsewhere, for the
/// bytes that begin no character, and for 0xEF, which begins the invalid characters: those are always decoded).
/// An ASCII byte is its own character. Four-byte characters weigh by their low surrogate (U+DC00 to U+DFFF, whatever
/// the lead byte); a lead byte's code points weigh the same when no range begins or ends strictly inside them.
fn lead_weights(config: &Config) -> [u32; 256] {
    let mut weights = [0; 256];
    for ascii in 0..0x80 {
        weights[ascii as usize] = config.weight(ascii);
    }
    for lead in (0xC2..=0xF4_u32).filter(|&lead| lead != 0xEF) {
        let (first, last) = match lead {
            0xC2..=0xDF => ((lead & 0x1F) << 6, ((lead & 0x1F) << 6) + 0x3F),
            0xE0..=0xEF => ((lead & 0x0F) << 12, ((lead & 0x0F) << 12) + 0xFFF),
            _ => (0xDC00, 0xDFFF),
        };
        let cut = |r: &WeightRange| (first < r.start && r.start <= last) || (first <= r.end && r.end < last);
        if !config.ranges.iter().any(cut) {
            weights[lead as usize] = config.weight(first);
        }
    }
    weights
}

/// The weight of each block of 64 BMP code points (index `cp >> 6`) when no range begins or ends strictly inside
/// it and it holds no invalid character (U+FEFF and U+FFFE..U+FFFF), else 0.
fn block_weights(config: &Config) -> [u32; 1024] {
    let mut weights = [0; 1024];
    for (block, weight) in weights.iter_mut().enumerate() {
        let first = (block as u32) << 6;
        let last = first + 0x3F;
        let cut = |r: &WeightRange| (first < r.start && r.start <= last) || (first <= r.end && r.end < last);
        let holds_invalid = (first..=last).any(|cp| char::from_u32(cp).is_some_and(is_invalid));
        if !config.ranges.iter().any(cut) && !holds_invalid {
            *weight = config.weight(first);
        }
    }
    weights
}

/// twitter-text v2: as v3 but every code point of an emoji sequence is weighed on its own.
pub fn v2() -> Config {
    Config { emoji_parsing: false, ..v3() }
}

impl Config {
    /// The same rules with another limit, e.g. `v3().with_limit(25_000)` for Premium accounts.
    pub const fn with_limit(self, max_weighted_length: u32) -> Config {
        Config { max_weighted_length, ..self }
    }

    /// The weight of a UTF-16 code unit or BMP code point (twitter-text weighs `charAt`, so an astral character by
    /// its low surrogate).
    fn weight(&self, unit: u32) -> u32 {
        self.ranges.iter().find(|r| r.start <= unit && unit <= r.end).map_or(self.default_weight, |r| r.weight)
    }

    /// The weight of the character starting at byte `at` of `bytes` (a char boundary) read from its first bytes
    /// only, or 0 when they do not tell it (the character is then decoded and weighed by range).
    #[inline]
    fn weight_undecoded(&self, bytes: &[u8], at: usize) -> u32 {
        let lead = bytes[at];
        let weight = self.lead_weights[usize::from(lead)];
        if weight != 0 || lead & 0xF0 != 0xE0 {
            return weight;
        }
        self.block_weights[usize::from(lead & 0x0F) << 6 | usize::from(bytes[at + 1] & 0x3F)]
    }

    fn char_weight(&self, c: char) -> u32 {
        let cp = c as u32;
        self.weight(if cp >= 0x1_0000 { low_surrogate(cp) } else { cp })
    }
}

fn low_surrogate(cp: u32) -> u32 {
    0xDC00 + ((cp - 0x1_0000) & 0x3FF)
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
    /// Normalising changed the text (the valid range is then in units of the NFC text).
    pub normalized: bool,
}

/// `parse_tweet_with(text, &v3())`: what X counts.
pub fn parse_tweet(text: &str) -> ParsedTweet {
    parse_tweet_with(text, &v3())
}

/// twitter-text's `parseTweet(text, config)`.
pub fn parse_tweet_with(text: &str, config: &Config) -> ParsedTweet {
    parse_entities_from(&Entities::new(text), 0, config)
}

/// `parse_tweet_with(&text[from..], config)` with the entities of `text` already found: they serve when that part
/// of the text is NFC already and no entity crosses `from` (the caller's promise: `from` follows a space); else the
/// NFC text is scanned anew.
pub fn parse_entities_from(entities: &Entities, from: usize, config: &Config) -> ParsedTweet {
    let text = &entities.text()[from..];
    let (normalized, removed_units) = nfc(text);
    match normalized {
        Cow::Borrowed(_) => {
            let urls = entities.urls();
            let urls = &urls[urls.partition_point(|u| u.start < from)..];
            count(entities.text(), from, urls, config, (false, 0))
        }
        Cow::Owned(nfc) => count(&nfc, 0, Entities::new(&nfc).urls(), config, (true, removed_units)),
    }
}

/// The running totals of `count`, in twitter-text's terms: a counted unit is a URL, an emoji sequence or a
/// character (an astral one by its low surrogate).
struct Tally {
    weighted: u64,
    /// UTF-16 units counted so far.
    units: u32,
    valid: bool,
    /// Last UTF-16 index still valid and within the limit.
    valid_display: u32,
    limit: u64,
}

impl Tally {
    /// One counted unit of `weight`, `units` long, whose last code unit is invalid or not.
    fn unit(&mut self, weight: u64, units: u32, last_invalid: bool) {
        self.weighted += weight;
        self.units += units;
        self.valid = self.valid && !last_invalid;
        if self.valid && self.weighted <= self.limit {
            self.valid_display = self.units - 1;
        }
    }
}

/// Counts `text[from..]` (NFC) with its URLs (offsets in `text`, none before `from`), finding its emoji sequences
/// on the way.
///
/// One pass over the bytes. At each position: a URL starting there is one unit, skipped as twitter-text skips it
/// (by the length of its string); else an emoji sequence starting there is one unit; else the characters up to the
/// next URL or possible emoji that their first bytes weigh are summed without being decoded (ASCII eight bytes at a
/// time); else the code point is decoded in place and weighed by range.
///
/// The emoji are the ones twemoji-parser's scan of the whole text finds (`emoji::extract_emoji`), looked for where
/// this pass stands: the two walk the same characters, except over a URL, whose characters the scan reads too. So
/// after each URL the scan is run over it (`emoji_from`): an emoji it finds there that runs past the URL's end keeps
/// the characters up to its own end from being taken as the start of another.
fn count(
    text: &str,
    from: usize,
    urls: &[UrlEntity],
    config: &Config,
    (normalized, removed_units): (bool, i64),
) -> ParsedTweet {
    let bytes = text.as_bytes();
    let limit = u64::from(config.max_weighted_length) * u64::from(config.scale);
    let mut tally = Tally { weighted: 0, units: 0, valid: true, valid_display: 0, limit };
    let mut invalid_chars = Vec::new();
    let url_weight = u64::from(config.transformed_url_length * config.scale);
    let emoji_weight = u64::from(config.default_weight);
    let table = config.emoji_parsing.then(emoji::sequences);
    // No emoji starts before this byte (the scan is inside one that began before a URL's end).
    let mut emoji_from = from;
    let may_begin = |at: usize, emoji_from: usize| at >= emoji_from && table.is_some_and(|t| t.may_begin(bytes, at));
    let mut next_url = 0;
    let mut at = from;
    while at < bytes.len() {
        // URLs starting inside a unit counted already are passed over, as in twitter-text.
        while urls.get(next_url).is_some_and(|u| u.start < at) {
            next_url += 1;
        }
        let url_start = urls.get(next_url).map_or(bytes.len(), |u| u.start);
        // The characters up to the next URL or possible emoji that their lead byte weighs: summed at once, unless
        // the limit falls among them (then one unit at a time, for the end of the valid range).
        let (mut end, mut sum, mut units) = (at, 0, 0);
        while end < url_start && !may_begin(end, emoji_from) {
            let lead = bytes[end];
            if lead.is_ascii() && config.ascii_weight != 0 {
                let mut run = ascii_run(&bytes[end..url_start]);
                if run > 1 && may_begin(end + run - 1, emoji_from) {
                    run -= 1; // a keycap base: the next round stops before it
                }
                sum += u64::from(config.ascii_weight) * run as u64;
                units += run as u32;
                end += run;
                continue;
            }
            let w = config.weight_undecoded(bytes, end);
            if w == 0 {
                break;
            }
            sum += u64::from(w);
            units += 1 + u32::from(lead >= 0xF0);
            end += utf8_len(lead);
        }
        if end > at {
            let fits = tally.weighted + sum <= limit;
            if !tally.valid || fits || tally.weighted > limit {
                if tally.valid && fits {
                    tally.valid_display = tally.units + units - 1;
                }
                tally.weighted += sum;
                tally.units += units;
            } else {
                while at < end {
                    let lead = bytes[at];
                    tally.unit(u64::from(config.weight_undecoded(bytes, at)), 1 + u32::from(lead >= 0xF0), false);
                    at += utf8_len(lead);
                }
            }
            at = end;
            continue;
        }
        let is_url = at == url_start;
        let emoji_len = match table {
            Some(table) if !is_url && may_begin(at, emoji_from) => table.longest_at(bytes, at),
            _ => None,
        };
        let (end, weight, splits_char) = if is_url {
            let url = &urls[next_url];
            (url.counted_end, url_weight, url.counted_end_splits_char)
        } else if let Some(len) = emoji_len {
            (at + len, emoji_weight, false)
        } else {
            // This character, then the next ones up to the next URL, possible emoji or character weighed by its
            // lead byte: decoded, one unit each.
            loop {
                let (c, len) = decode_at(bytes, at);
                let invalid = is_invalid(c);
                if invalid {
                    invalid_chars.push(at - from);
                }
                tally.unit(u64::from(config.char_weight(c)), 1 + u32::from(len == 4), invalid);
                at += len;
                if at >= url_start || config.weight_undecoded(bytes, at) != 0 || may_begin(at, emoji_from) {
                    break;
                }
            }
            continue;
        };
        let segment = &text[at..end];
        // Every invalid character begins with the byte 0xEF: a unit without it is not decoded.
        let (units, may_be_invalid) = (utf16_len(segment), find_byte(segment.as_bytes(), 0, 0xEF).is_some());
        if may_be_invalid {
            invalid_chars.extend(segment.char_indices().filter(|&(_, c)| is_invalid(c)).map(|(i, _)| at - from + i));
        }
        // twitter-text only looks at the last code unit of each counted unit.
        let last_invalid = may_be_invalid && segment.chars().next_back().is_some_and(is_invalid);
        tally.unit(weight, units, last_invalid);
        let unit_start = at;
        at = end;
        if splits_char {
            // The URL's string ended inside this astral character: its low surrogate is a unit of its own.
            let (c, len) = decode_at(bytes, at);
            tally.unit(u64::from(config.weight(low_surrogate(c as u32))), 1, false);
            at += len;
        }
        if is_url {
            if let Some(table) = table {
                // The scan over the URL: up to its end, or past it to the end of an emoji that runs over it.
                let mut scan = unit_start.max(emoji_from);
                while let Some((_, end)) = table.next_from(bytes, scan, at) {
                    scan = end;
                }
                emoji_from = scan.max(at);
            }
        }
    }

    let scale = u64::from(config.scale);
    let weighted = tally.weighted;
    let weighted_length = (weighted / scale) as u32;
    let valid = tally.valid && weighted > 0 && weighted <= limit;
    let permillage = (weighted as f64 / scale as f64 / f64::from(config.max_weighted_length) * 1000.0).floor();
    let given_units = (i64::from(tally.units) + removed_units) as u32;
    ParsedTweet {
        weighted_length,
        valid,
        permillage: permillage as u32,
        valid_range_start: 0,
        valid_range_end: (i64::from(tally.valid_display) + removed_units).max(0) as u32,
        display_range_start: 0,
        display_range_end: given_units.saturating_sub(1),
        invalid_chars,
        normalized,
    }
}

/// The NFC form of `text`, borrowed when the text is NFC already, and how many UTF-16 units normalising removed
/// (negative when it added some: a few characters decompose for good, e.g. U+0344).
/// A text can be cut before any starter whose NFC_Quick_Check is Yes (nothing before it composes or reorders with
/// it), so only each stretch from the last such character before another one to the next such character goes
/// through the normaliser, and is replaced only when it changes; the rest is copied. The scan reads bytes: lead
/// bytes below 0xCC (code points below U+0300, all such characters) and continuation bytes are stepped over, other
/// characters are classified by their first two bytes (`STABLE_PREFIX`) or else decoded in place and classified
/// by `is_stable`.
fn nfc(text: &str) -> (Cow<'_, str>, i64) {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // Each stretch normalised, compared with what it was and used when it changed (normalised once).
    let mut normalized = String::new();
    let mut removed = 0;
    // `text[..copied]` is in `out`; `boundary` is where the last stable character starts.
    let (mut copied, mut boundary, mut at) = (0, 0, 0);
    while at < bytes.len() {
        if bytes[at] < 0xCC {
            // Below U+0300 every character is stable: the boundary moves to the last one before the next lead byte
            // from 0xCC on.
            let next = find_at_least(bytes, at, 0xCC);
            if let Some(last) = bytes[at..next].iter().rposition(|&b| b & 0xC0 != 0x80) {
                boundary = at + last;
            }
            at = next;
            continue;
        }
        if STABLE_PREFIX[prefix_index(bytes[at], bytes[at + 1])] {
            boundary = at;
            at += 2 + usize::from(bytes[at] >= 0xE0) + usize::from(bytes[at] >= 0xF0);
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
        normalized.clear();
        normalized.extend(piece.nfc());
        if normalized != piece {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..boundary]);
            out.push_str(&normalized);
            removed += i64::from(utf16_len(piece)) - i64::from(utf16_len(&normalized));
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

/// For the first two bytes of every multi-byte UTF-8 character (`prefix_index`), whether all the characters they
/// begin are stable: a two-byte character itself, a block of 64 code points for three bytes, of 4,096 for four
/// (CJK, Hangul, emoji, most scripts). Built at compile time by marking the prefixes each `NOT_STABLE` range meets.
static STABLE_PREFIX: [bool; 4096] = {
    let mut stable = [true; 4096];
    let mut r = 0;
    while r < NOT_STABLE.len() {
        let (mut cp, end) = NOT_STABLE[r];
        while cp <= end {
            stable[prefix_of(cp)] = false;
            cp += match cp {
                0..=0x7FF => 1,
                0x800..=0xFFFF => 0x40 - (cp & 0x3F),
                _ => 0x1000 - (cp & 0xFFF),
            };
        }
        r += 1;
    }
    stable
};

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
    fn an_emoji_the_scan_finds_over_a_urls_end_hides_its_characters() {
        // Counts checked against twitter-text 3.1.0. The first text is one URL, reported as `é.co/.1`: counting
        // resumes 7 UTF-16 units in, inside the family emoji that twemoji-parser found at unit 5, so its last
        // members are characters there, not a new emoji `👩‍👧` (36 if they were).
        for (text, count) in [("é.co.👨‍👩‍👧.онлайн/.1", 39), ("http://x.com/a#️⃣", 27), ("x.com/1️⃣ ok", 30)]
        {
            assert_eq!(parse_tweet(text).weighted_length, count, "{text}");
        }
    }

    #[test]
    fn undecoded_weights_are_the_characters_weights() {
        for config in [v3(), v2()] {
            let mut known = 0;
            for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
                let mut buf = [0; 4];
                let weight = config.weight_undecoded(c.encode_utf8(&mut buf).as_bytes(), 0);
                if weight != 0 {
                    assert_eq!(weight, config.char_weight(c), "U+{:04X}", c as u32);
                    assert!(!is_invalid(c), "U+{:04X} is invalid: it is decoded", c as u32);
                    known += 1;
                }
            }
            assert!(known > 1_100_000, "nearly every character is weighed by its first bytes: {known}");
            assert!((0..0x80).all(|b| config.char_weight(char::from(b)) == config.ascii_weight));
        }
    }

    #[test]
    fn stable_prefixes_begin_only_stable_characters() {
        let mut stable_by_prefix = 0;
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if STABLE_PREFIX[prefix_index(bytes[0], bytes[1])] {
                assert!(is_stable(c), "U+{:04X}", c as u32);
                stable_by_prefix += 1;
            }
        }
        assert!(stable_by_prefix > 1_000_000, "most characters are known stable by two bytes: {stable_by_prefix}");
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

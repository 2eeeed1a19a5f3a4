//! Measures a text in its platform's own unit (platform::Unit) against the limit that applies:
//! the count, where the text goes over, where a feed cuts it, and characters the platform rejects.

use unicode_segmentation::UnicodeSegmentation;

use crate::platform::{Rules, Unit};
use crate::report::{Length, LengthState};
use crate::text::utf16_len;
use crate::twitter::entities::Entities;
use crate::twitter::weighted;

/// What the measure needs to know besides the text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub reply: bool,
    /// The account has X Premium (long posts).
    pub premium: bool,
    /// The leading @mentions of a reply were filled in by the platform (API and scheduled replies),
    /// so they do not count. The X web composer shows them outside the text: the extension says false.
    pub auto_mentions: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub count: u32,
    pub limit: u32,
    /// UTF-16 offset of the first character beyond the limit.
    pub over_from: Option<usize>,
    /// UTF-16 offset where the feed cuts the text behind "more", when it does.
    pub preview_cut: Option<usize>,
    /// UTF-16 offsets of characters that make the post invalid (X: U+FFFE, U+FEFF, U+FFFF).
    pub invalid_chars: Vec<(usize, char)>,
}

impl Measure {
    /// The report's length: this measure in `unit`, its state, and whether the platform would accept the text.
    pub fn length(&self, unit: Unit) -> Length {
        report_length(self.count, self.limit, self.invalid_chars.is_empty(), unit, self.preview_cut)
    }
}

/// The report's length of a count against `limit`, the text holding no invalid character or some.
fn report_length(count: u32, limit: u32, no_invalid: bool, unit: Unit, preview_cut: Option<usize>) -> Length {
    Length {
        count,
        limit,
        over: count > limit,
        valid: count > 0 && count <= limit && no_invalid,
        state: LengthState::of(count, limit),
        unit,
        preview_cut,
    }
}

/// The limit that applies to a text measured with `options`.
pub fn limit(rules: &Rules, options: &Options) -> u32 {
    rules.limit(options.reply, options.premium).max
}

/// The report's length of `text` alone (the live counter's fast path): what a check's report says, without the
/// overflow point and the offsets of invalid characters (X's count finds whether there is any on its way).
pub fn length(rules: &Rules, text: &str, options: &Options) -> Length {
    let entities = Entities::new(text);
    let limit = limit(rules, options);
    let (count, no_invalid) = match rules.unit {
        Unit::Weighted => {
            let parsed = parse_x(&entities, limit, options);
            (parsed.weighted_length, parsed.invalid_chars.is_empty())
        }
        unit => (weigh_units(unit, &entities, limit).0, true),
    };
    let preview_cut = rules.preview.and_then(|p| preview_cut(text, p.chars, p.lines));
    report_length(count, limit, no_invalid, rules.unit, preview_cut)
}

/// Every URL weighs this much on Mastodon, as on X.
const MASTODON_URL_WEIGHT: u32 = 23;

/// Measures the text of `entities` (its URLs and emoji, found once for every check, serve the units that need them).
pub fn measure(rules: &Rules, entities: &Entities, options: &Options) -> Measure {
    let text = entities.text();
    let limit = limit(rules, options);
    let (count, over_from) = match rules.unit {
        Unit::Weighted => measure_x(entities, limit, options),
        unit => weigh_units(unit, entities, limit),
    };
    let invalid_chars = if rules.unit == Unit::Weighted { invalid_chars(text) } else { Vec::new() };
    let preview_cut = rules.preview.and_then(|p| preview_cut(text, p.chars, p.lines));
    Measure { count, limit, over_from, preview_cut, invalid_chars }
}

/// twitter-text v3 weighted length, leaving out auto-populated reply mentions.
fn measure_x(entities: &Entities, limit: u32, options: &Options) -> (u32, Option<usize>) {
    let text = entities.text();
    let skip = skipped_mentions(text, options);
    let parsed = parse_x(entities, limit, options);
    let over_from = (parsed.weighted_length > limit).then(|| {
        // The valid range is in UTF-16 units of the NFC text; it maps onto the input when the input is NFC.
        if !parsed.normalized {
            utf16_len(&text[..skip]) + parsed.valid_range_end as usize + 1
        } else {
            utf16_len(&text[..skip])
        }
    });
    (parsed.weighted_length, over_from)
}

/// twitter-text's parse of the text of `entities` without its auto-populated reply mentions. The skipped mentions
/// hold no invalid character (ASCII names and white space), so the parse finds every invalid character of the text.
fn parse_x(entities: &Entities, limit: u32, options: &Options) -> weighted::ParsedTweet {
    let skip = skipped_mentions(entities.text(), options);
    weighted::parse_entities_from(entities, skip, &weighted::v3().with_limit(limit))
}

/// Where X starts counting: after the leading mentions when the platform filled them in, else at 0. They end with
/// a space: no URL or emoji crosses that point.
fn skipped_mentions(text: &str, options: &Options) -> usize {
    if options.reply && options.auto_mentions {
        leading_mentions_end(text)
    } else {
        0
    }
}

/// Byte offset just after the run of @mentions (and the spaces after them) that opens a reply.
fn leading_mentions_end(text: &str) -> usize {
    let mut end = 0;
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        let Some(after_at) = trimmed.strip_prefix('@').or_else(|| trimmed.strip_prefix('＠')) else {
            break;
        };
        let name_len = after_at.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        let after_name = &after_at[name_len..];
        let ends_cleanly = after_name.is_empty() || after_name.starts_with(char::is_whitespace);
        if name_len == 0 || name_len > 15 || !ends_cleanly {
            break;
        }
        let consumed = after_name.len() - after_name.trim_start().len();
        rest = &after_name[consumed..];
        end = text.len() - rest.len();
    }
    end
}

/// Count and overflow point for the units other than X's, in one pass over weighted pieces.
fn weigh_units(unit: Unit, entities: &Entities, limit: u32) -> (u32, Option<usize>) {
    let text = entities.text();
    let mut count: u32 = 0;
    let mut over_byte = None;
    let mut add = |start: usize, weight: u32| {
        count = count.saturating_add(weight);
        if count > limit && over_byte.is_none() {
            over_byte = Some(start);
        }
    };
    match unit {
        Unit::Utf16 => text.char_indices().for_each(|(i, c)| add(i, c.len_utf16() as u32)),
        Unit::Graphemes => text.grapheme_indices(true).for_each(|(i, _)| add(i, 1)),
        Unit::GraphemesUrl23 => {
            let mut at = 0;
            for url in entities.urls() {
                text[at..url.start].grapheme_indices(true).for_each(|(i, _)| add(at + i, 1));
                add(url.start, MASTODON_URL_WEIGHT);
                at = url.end;
            }
            text[at..].grapheme_indices(true).for_each(|(i, _)| add(at + i, 1));
        }
        Unit::CodePointsEmojiUtf8 => {
            let mut at = 0;
            for e in entities.emoji() {
                text[at..e.start].char_indices().for_each(|(i, _)| add(at + i, 1));
                add(e.start, (e.end - e.start) as u32);
                at = e.end;
            }
            text[at..].char_indices().for_each(|(i, _)| add(at + i, 1));
        }
        Unit::Weighted => unreachable!("X is measured by measure_x"),
    }
    (count, over_byte.map(|b| utf16_len(&text[..b])))
}

/// Characters that make an X post invalid (twitter-text invalidCharsGroup), with UTF-16 offsets. All three are
/// encoded with the lead byte 0xEF, which the scan looks for, counting UTF-16 units from byte to byte on the way.
fn invalid_chars(text: &str) -> Vec<(usize, char)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let (mut from, mut units) = (0, 0);
    let mut counted = 0;
    while let Some(i) = bytes[from..].iter().position(|&b| b == 0xEF) {
        let at = from + i;
        if let Some(c) = text[at..].chars().next().filter(|&c| crate::twitter::chars::is_invalid(c)) {
            // A UTF-16 unit per character start, two for four-byte characters.
            units += bytes[counted..at]
                .iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                .sum::<usize>();
            counted = at;
            found.push((units, c));
        }
        from = at + 1;
    }
    found
}

/// UTF-16 offset where a feed that shows `chars` characters or `lines` lines cuts the text, if it is longer.
fn preview_cut(text: &str, chars: usize, lines: usize) -> Option<usize> {
    let by_chars = crate::text::byte_at_utf16(text, chars);
    let by_lines = text.match_indices('\n').nth(lines - 1).map_or(text.len(), |(i, _)| i);
    let cut = by_chars.min(by_lines);
    (!text[cut..].trim_end().is_empty()).then(|| utf16_len(&text[..cut]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;

    fn count(platform: Platform, text: &str) -> u32 {
        measure(platform.rules(), &Entities::new(text), &Options::default()).count
    }

    #[test]
    fn each_unit_counts_its_own_way() {
        let text = "Café 😀 https://example.com/a-very-long-path-indeed 中";
        assert_eq!(count(Platform::Facebook, text), utf16_len(text) as u32);
        assert_eq!(count(Platform::Bluesky, text), text.graphemes(true).count() as u32);
        assert_eq!(count(Platform::Bluesky, "👨‍👩‍👧‍👦e\u{301}"), 2, "a ZWJ family and e + accent are one grapheme each");
        // Mastodon: "Café 😀 " is 7 graphemes, the URL 23, " 中" 2.
        assert_eq!(count(Platform::Mastodon, text), 7 + 23 + 2);
        // Threads: the emoji is its 4 UTF-8 bytes, everything else one per code point.
        assert_eq!(count(Platform::Threads, "ab😀"), 2 + 4);
        assert_eq!(count(Platform::Threads, "👨‍👩‍👧"), "👨‍👩‍👧".len() as u32);
    }

    #[test]
    fn x_counts_weighted_and_skips_auto_mentions_of_replies() {
        assert_eq!(count(Platform::X, "Hello 中文 https://example.com 😀"), 6 + 4 + 1 + 23 + 1 + 2);
        let reply = Options { reply: true, auto_mentions: true, ..Options::default() };
        let measured = measure(Platform::X.rules(), &Entities::new("@ana_builds @bob thanks!"), &reply);
        assert_eq!(measured.count, 7);
        let typed = Options { reply: true, auto_mentions: false, ..Options::default() };
        assert_eq!(measure(Platform::X.rules(), &Entities::new("@ana_builds @bob thanks!"), &typed).count, 24);
        // A mention glued to punctuation is not a clean auto-populated prefix.
        assert_eq!(leading_mentions_end("@ana, hi"), 0);
        assert_eq!(leading_mentions_end("@ana"), 4);
    }

    #[test]
    fn skipped_reply_mentions_leave_the_shared_entities_valid() {
        // Counting after the auto-populated mentions with the entities of the whole text gives what a fresh scan of
        // the rest gives: no URL or emoji crosses the space that ends the mentions.
        let pool = [
            "@ana ",
            "@bob\u{3000}",
            "@x_1\n",
            "x.com/a",
            " w.ελ.онлайн/",
            "😀",
            "1\u{20E3}",
            "#tag",
            "e\u{301}",
            " ",
            "https://t.co/abc",
            "\u{FEFF}",
            "中文",
            "@ana.com",
            "ab.cd0😀ab.cd/x",
        ];
        let mut seed = 0x9E37_79B9_u32;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..1 + seed % 9 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                text.push_str(pool[seed as usize % pool.len()]);
            }
            let skip = leading_mentions_end(&text);
            let config = weighted::v3();
            let shared = weighted::parse_entities_from(&Entities::new(&text), skip, &config);
            assert_eq!(shared, weighted::parse_tweet_with(&text[skip..], &config), "{text:?}");
        }
    }

    #[test]
    fn the_counter_length_is_the_reports() {
        let pool = ["@ana ", "x.com/a", " w.ελ.онлайн/", "😀", "#tag", "e\u{301}", " ", "\u{FEFF}", "中文", "\n", "ab"];
        let platforms = [Platform::X, Platform::Facebook, Platform::Instagram, Platform::Mastodon, Platform::Threads];
        let mut seed = 0x85EB_CA6B_u32;
        for round in 0..3_000 {
            let mut text = String::new();
            for _ in 0..1 + seed % 60 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                text.push_str(pool[seed as usize % pool.len()]);
            }
            let options = Options { reply: round % 2 == 0, premium: round % 3 == 0, auto_mentions: round % 4 == 0 };
            for platform in platforms {
                let rules = platform.rules();
                let report = measure(rules, &Entities::new(&text), &options).length(rules.unit);
                assert_eq!(length(rules, &text, &options), report, "{platform:?} {text:?}");
            }
        }
    }

    #[test]
    fn over_from_points_at_the_first_character_past_the_limit() {
        let text = "a".repeat(285);
        let measured = measure(Platform::X.rules(), &Entities::new(&text), &Options::default());
        assert_eq!((measured.count, measured.over_from), (285, Some(280)));
        let premium = Options { premium: true, ..Options::default() };
        let measured = measure(Platform::X.rules(), &Entities::new(&text), &premium);
        assert_eq!((measured.limit, measured.over_from), (25_000, None));
        let measured = measure(Platform::Instagram.rules(), &Entities::new(&"é".repeat(2_201)), &Options::default());
        assert_eq!(measured.over_from, Some(2_200));
    }

    #[test]
    fn instagram_feed_cut_is_125_characters_or_three_lines() {
        let rules = Platform::Instagram.rules();
        assert_eq!(measure(rules, &Entities::new(&"a".repeat(125)), &Options::default()).preview_cut, None);
        assert_eq!(measure(rules, &Entities::new(&"a".repeat(126)), &Options::default()).preview_cut, Some(125));
        assert_eq!(measure(rules, &Entities::new("one\ntwo\nthree\nfour"), &Options::default()).preview_cut, Some(13));
        assert_eq!(measure(rules, &Entities::new("one\ntwo\nthree\n"), &Options::default()).preview_cut, None);
    }

    #[test]
    fn x_flags_invalid_characters() {
        let measured = measure(Platform::X.rules(), &Entities::new("a\u{FEFF}b😀\u{FFFE}"), &Options::default());
        assert_eq!(measured.invalid_chars, vec![(1, '\u{FEFF}'), (5, '\u{FFFE}')]);
    }
}

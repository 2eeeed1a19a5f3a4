//! Hashtag extraction and validation, a port of twitter-text 3.1.0 `extractHashtagsWithIndices` and
//! `isValidHashtag`, as one linear scan (the `validHashtag` regex has no real backtracking: a hashtag always runs to
//! the end of its run of hashtag characters and needs one letter or mark in it).

use std::sync::OnceLock;

use super::chars::{char_at, in_ranges, parse_ranges};
use super::urls::{extract_urls, UrlEntity};
use crate::embedded::uncommented;

/// A hashtag found in a text: `text[start..end]` is `#tag` including the hash sign, byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashtagEntity {
    pub start: usize,
    pub end: usize,
}

struct Tables {
    alpha: Vec<(u32, u32)>,
    alnum: Vec<(u32, u32)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        alpha: parse_ranges(uncommented!(include_str!("../../data/twitter/hashtag_alpha.txt"))),
        alnum: parse_ranges(uncommented!(include_str!("../../data/twitter/hashtag_alnum.txt"))),
    })
}

/// `hashtagAlpha`: letters and marks.
fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(c, &tables().alpha)
}

/// `hashtagAlphaNumeric`: letters, marks, digits and `hashtagSpecialChars` (`_`, ZWJ, ZWNJ, …).
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(c, &tables().alnum)
}

/// `hashtagBoundary` as a consumed character: a variation selector, or anything but a hashtag char and `&`.
fn is_boundary(c: char) -> bool {
    c == '\u{FE0E}' || c == '\u{FE0F}' || (c != '&' && !is_alnum(c))
}

/// `hashSigns (?!\uFE0F|\u20E3) alnum* alpha alnum*` at byte `h`: the end of the hashtag.
fn hashtag_at(text: &str, h: usize) -> Option<usize> {
    let sign = char_at(text, h).filter(|&c| c == '#' || c == '＃')?;
    let body = h + sign.len_utf8();
    if matches!(char_at(text, body), Some('\u{FE0F}' | '\u{20E3}')) {
        return None;
    }
    let mut has_alpha = false;
    let mut end = text.len();
    for (j, c) in text[body..].char_indices() {
        if !is_alnum(c) {
            end = body + j;
            break;
        }
        has_alpha = has_alpha || is_alpha(c);
    }
    has_alpha.then_some(end)
}

/// Hashtags by the `validHashtag` regex alone, before the URL overlap check.
fn scan_hashtags(text: &str) -> Vec<HashtagEntity> {
    let mut tags = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let mut found = None;
        for (j, c) in text[pos..].char_indices() {
            let p = pos + j;
            if p == 0 {
                found = hashtag_at(text, 0).map(|e| (0, e));
            }
            if found.is_none() && is_boundary(c) {
                let h = p + c.len_utf8();
                found = hashtag_at(text, h).map(|e| (h, e));
            }
            if found.is_some() {
                break;
            }
        }
        let Some((start, end)) = found else { break };
        pos = end;
        // endHashtagMatch: a hashtag followed by another hash sign or by `://` is no hashtag.
        let after = &text[end..];
        if !(after.starts_with('#') || after.starts_with('＃') || after.starts_with("://")) {
            tags.push(HashtagEntity { start, end });
        }
    }
    tags
}

/// Hashtags in `text`, in order, as twitter-text `extractHashtagsWithIndices(text)` finds them: hashtags that
/// overlap a URL (or that a URL overlaps first) are dropped. Offsets are bytes.
pub fn extract_hashtags(text: &str) -> Vec<HashtagEntity> {
    extract_hashtags_beside(text, || extract_urls(text))
}

/// `extract_hashtags` with the URLs of `text` given (asked for only when the text holds a hashtag candidate).
pub fn extract_hashtags_beside<U: AsRef<[UrlEntity]>>(text: &str, urls: impl FnOnce() -> U) -> Vec<HashtagEntity> {
    if !text.contains(['#', '＃']) {
        return Vec::new();
    }
    let tags = scan_hashtags(text);
    if tags.is_empty() {
        return tags;
    }
    let urls = urls();
    // removeOverlappingEntities: stable sort by start (hashtags first on ties), keep what starts after the last kept.
    let mut entities: Vec<(usize, usize, bool)> = tags.iter().map(|t| (t.start, t.end, true)).collect();
    entities.extend(urls.as_ref().iter().map(|u| (u.start, u.end, false)));
    crate::sort::sort_by_key(&mut entities, |e| e.0);
    let mut kept = Vec::with_capacity(tags.len());
    let mut last_end = None;
    for (start, end, is_tag) in entities {
        if last_end.is_none_or(|last| start >= last) {
            last_end = Some(end);
            if is_tag {
                kept.push(HashtagEntity { start, end });
            }
        }
    }
    kept
}

/// twitter-text `isValidHashtag`: `text` is exactly one hashtag.
pub fn is_valid_hashtag(text: &str) -> bool {
    matches!(extract_hashtags(text).as_slice(), [tag] if tag.start == 0 && tag.end == text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize)> {
        extract_hashtags(text).iter().map(|h| (h.start, h.end)).collect()
    }

    #[test]
    fn boundaries_and_endings() {
        // Checked against the twitter-text 3.1.0 JavaScript bundle (UTF-16 indices [0,6] and [18,21]).
        let text = "#aaaaa 😀.com #😀 ＃日本 a#b";
        assert_eq!(spans(text), [(0, 6), (text.find('＃').unwrap(), text.find(" a#").unwrap())]);
        assert_eq!(spans("#tag#other #1 #a://"), []);
        assert_eq!(spans("#foo.com #bar http://x.com/#baz"), [(0, 4), (9, 13)]);
    }

    #[test]
    fn validity() {
        assert!(is_valid_hashtag("#hashtag") && is_valid_hashtag("＃日本") && is_valid_hashtag("#1st"));
        assert!(!is_valid_hashtag("#123") && !is_valid_hashtag(" #tag") && !is_valid_hashtag("#tag tag"));
    }

    #[test]
    fn adversarial_megabyte_inputs_finish() {
        for unit in ["#", "#1", "a#", "#a", "##a.", "&#"] {
            let text = unit.repeat((1 << 20) / unit.len());
            let tags = extract_hashtags(&text);
            let mut last = 0;
            for t in &tags {
                assert!(last <= t.start && t.start < t.end && t.end <= text.len());
                assert!(text[t.start..].starts_with('#'), "{unit:?} at {}", t.start);
                last = t.end;
            }
            // As twitter-text: only "##a." holds tags, one `#a` per unit; a `#` right after a tag (`#a#a`) or a
            // word voids it.
            let expected = if unit == "##a." { text.len() / unit.len() } else { 0 };
            assert_eq!(tags.len(), expected, "{unit:?}");
        }
        assert!(extract_hashtags(&"#".repeat(100_000)).is_empty());
    }
}

//! Which hashtags a platform sees in a text, and where a tag was evidently cut short.
//!
//! X follows twitter-text exactly (`crate::twitter::hashtags`). Facebook, Instagram and the other platforms follow
//! Meta's published rule (platforms.md §E): letters and numbers of any script and `_`, at least one non-digit,
//! preceded by the start of the text or a character that cannot be part of a tag; any other character ends it.

use crate::platform::Platform;
use crate::twitter::entities::Entities;

/// A hashtag as found: byte offsets of `#tag` in the text, and the longer tag the user evidently meant when a
/// connector (`'`, `’`, `-`) cut it (`#don't` is only `#don` on every platform).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// Byte end of the intended tag (`#don't`), when it was cut.
    pub cut_end: Option<usize>,
}

/// A character of a tag body on Meta's platforms: letters, marks, numbers, `_`, zero-width (non-)joiners.
fn is_meta_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\u{200C}' || c == '\u{200D}' || is_combining_mark(c)
}

/// Combining marks of the scripts that write tags with them (Latin, Greek, Cyrillic, Devanagari, Arabic, …).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Meta's rule: `#` then a run of tag characters with at least one that is not a digit.
fn meta_hashtags(text: &str) -> Vec<(usize, usize)> {
    let mut tags = Vec::new();
    let mut previous: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let starts = (c == '#' || c == '＃') && !previous.is_some_and(|p| is_meta_tag_char(p) || p == '&');
        previous = Some(c);
        if !starts {
            continue;
        }
        let body = i + c.len_utf8();
        let mut end = body;
        let mut has_non_digit = false;
        while let Some(&(j, d)) = iter.peek() {
            if !is_meta_tag_char(d) {
                break;
            }
            has_non_digit |= !d.is_numeric();
            end = j + d.len_utf8();
            previous = Some(d);
            iter.next();
        }
        if has_non_digit {
            tags.push((i, end));
        }
    }
    tags
}

/// The hashtags of the text of `entities` on `platform`, in order, with the connector cuts. X's come from the shared
/// entity scan (which finds the URLs they must not overlap once for every check).
pub fn hashtags(platform: Platform, entities: &Entities) -> Vec<Found> {
    let text = entities.text();
    let spans: Vec<(usize, usize)> = match platform {
        Platform::X => entities.hashtags().iter().map(|h| (h.start, h.end)).collect(),
        _ => meta_hashtags(text),
    };
    spans.into_iter().map(|(start, end)| Found { start, end, cut_end: cut_end(text, end) }).collect()
}

/// When a tag ending at `end` is followed by a connector and more letters (`#social-media`, `#don't`), the byte end
/// of the whole run the user meant as one tag.
fn cut_end(text: &str, end: usize) -> Option<usize> {
    let mut rest = text[end..].char_indices().peekable();
    let mut meant_end = None;
    while let Some((_, c)) = rest.next() {
        if !matches!(c, '\'' | '\u{2019}' | '-') {
            break;
        }
        let mut run_end = None;
        while let Some(&(j, d)) = rest.peek() {
            if !d.is_alphanumeric() {
                break;
            }
            run_end = Some(end + j + d.len_utf8());
            rest.next();
        }
        match run_end {
            Some(e) => meant_end = Some(e),
            None => break,
        }
    }
    meant_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(platform: Platform, text: &str) -> Vec<&str> {
        hashtags(platform, &Entities::new(text)).iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn meta_platforms_take_letters_and_numbers_and_need_a_non_digit() {
        for p in [Platform::Facebook, Platform::Instagram] {
            assert_eq!(
                tags(p, "#Paris2024 #2024 #été_2025 a#b #x$y #café!"),
                ["#Paris2024", "#été_2025", "#x", "#café"]
            );
            assert_eq!(tags(p, "#日本 #tag😀 #a#b"), ["#日本", "#tag", "#a"]);
        }
    }

    #[test]
    fn x_follows_twitter_text() {
        // twitter-text drops a tag followed by `#` or `://`; Meta's rule keeps the first.
        assert_eq!(tags(Platform::X, "#a#b #c://x #ok"), ["#ok"]);
        assert_eq!(tags(Platform::Facebook, "#a#b"), ["#a"]);
    }

    #[test]
    fn connectors_cut_a_tag_the_user_meant_whole() {
        let text = "#don't #social-media-tips #end. #end- #x’s";
        let found = hashtags(Platform::Instagram, &Entities::new(text));
        let meant: Vec<Option<&str>> = found.iter().map(|f| f.cut_end.map(|e| &text[f.start..e])).collect();
        assert_eq!(meant, [Some("#don't"), Some("#social-media-tips"), None, None, Some("#x’s")]);
    }
}

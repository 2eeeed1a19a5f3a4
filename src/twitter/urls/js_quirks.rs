//! Behaviours of the reference that come from JavaScript strings (UTF-16 code units), reproduced on UTF-8.

use super::super::chars::decode_at;
use super::domain::Labels;
use super::extract::{finish, RawUrl};

/// The match JavaScript finds when an astral character at `p` (ending at `q`) is the preceding "character": it
/// starts on the character's low surrogate, a domain character glued to whatever follows.
pub(super) fn match_after_high_surrogate(labels: &Labels, p: usize, q: usize, c: char) -> Option<RawUrl> {
    let i = labels.label_at(p)?;
    let de = labels.domain_in(i, q, Some(()))?;
    let low = 0xDC00 + ((c as u32 - 0x10000) & 0x3FF);
    Some(finish(labels.text, q, q, de, Some(low)))
}

/// Where `parseTweet` resumes after a URL that starts at byte `start` and whose reported string is `string_len` UTF-16
/// units long; `true` when that falls inside an astral character (on its low surrogate).
///
/// For a URL without protocol the reference reports its last ASCII domain plus the path
/// (`url.replace(domain, asciiDomain)`) while its indices span the whole match, and `parseTweet` skips the string's
/// length from the start: in `w.ελ.онлайн/` the string is `w.ελ/`, so `онлайн/` is counted character by character
/// after the URL's 23. A repeated domain reported at an earlier occurrence shortens the string the same way.
pub(super) fn counted_end(text: &str, start: usize, string_len: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let (mut at, mut units) = (start, 0);
    while units < string_len && at < bytes.len() {
        let (c, len) = decode_at(bytes, at);
        if units + c.len_utf16() > string_len {
            return (at, true);
        }
        units += c.len_utf16();
        at += len;
    }
    (at, false)
}

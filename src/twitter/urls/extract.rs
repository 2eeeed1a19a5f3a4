//! URL extraction, a port of twitter-text 3.1.0 `extractUrlsWithIndices` (with URLs without protocol, as
//! `parseTweet` uses it): the regex's match at each candidate start, then the reference's post-processing.

use super::super::chars::{decode_at, is_url_preceding_char, utf16_len};
use super::super::idna;
use super::ascii_domains::{ascii_domains, DomainScratch};
use super::domain::Labels;
use super::js_quirks::{counted_end, match_after_high_surrogate};
use super::path::{path_end, query_end};
use crate::text::find_byte;

/// A URL found in a text: `text[start..end]`, byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlEntity {
    pub start: usize,
    pub end: usize,
    /// Where `parseTweet` resumes counting after the URL (byte offset): `end`, except for a URL without protocol
    /// whose reported string is shorter than its span (see `js_quirks::counted_end`).
    pub counted_end: usize,
    /// `parseTweet` resumes on the low surrogate of the astral character at `counted_end` (it counts UTF-16 units).
    pub counted_end_splits_char: bool,
}

impl UrlEntity {
    fn new(start: usize, end: usize) -> UrlEntity {
        UrlEntity { start, end, counted_end: end, counted_end_splits_char: false }
    }
}

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const DEFAULT_PROTOCOL_LENGTH: usize = "https://".len();

/// One match of the reference's `extractUrl` regex.
pub(super) struct RawUrl {
    start: usize,
    protocol_len: usize,
    domain_start: usize,
    domain_end: usize,
    has_path: bool,
    end: usize,
    /// JavaScript started this match on the low surrogate of the astral character before `start`.
    lead: Option<u32>,
}

#[inline]
fn protocol_len(text: &str, q: usize) -> usize {
    let b = &text.as_bytes()[q..];
    if b.first().is_none_or(|&h| h | 0x20 != b'h') {
        0 // most candidates: no `h`, nothing to compare
    } else if b.len() >= 8 && b[..8].eq_ignore_ascii_case(b"https://") {
        8
    } else if b.len() >= 7 && b[..7].eq_ignore_ascii_case(b"http://") {
        7
    } else {
        0
    }
}

/// Completes a match whose domain is `[domain_start, domain_end)`: optional port, path and query.
pub(super) fn finish(text: &str, start: usize, domain_start: usize, domain_end: usize, lead: Option<u32>) -> RawUrl {
    let b = text.as_bytes();
    let mut end = domain_end;
    if b.get(end) == Some(&b':') {
        let digits = b[end + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    let has_path = b.get(end) == Some(&b'/');
    if has_path {
        end = path_end(text, end + 1);
    }
    end = query_end(text, end, text.len());
    RawUrl { start, protocol_len: domain_start - start, domain_start, domain_end, has_path, end, lead }
}

/// `extractUrl` with its URL group starting at `q` (protocol tried first, then none).
fn match_at(labels: &Labels, q: usize) -> Option<RawUrl> {
    let text = labels.text;
    let proto = protocol_len(text, q);
    if proto > 0 {
        if let Some(de) = labels.domain_at(q + proto) {
            return Some(finish(text, q, q + proto, de, None));
        }
    }
    labels.domain_at(q).map(|de| finish(text, q, q, de, None))
}

/// twitter-text `isValidUrl` of `extractUrlsWithIndices` but its punycode check (`punycode_holds_ascii_domain`):
/// the length limit and the label lengths.
fn fits_length_and_labels(text: &str, m: &RawUrl) -> bool {
    let protocol = if m.protocol_len > 0 { m.protocol_len } else { DEFAULT_PROTOCOL_LENGTH };
    let lead = usize::from(m.lead.is_some());
    // A UTF-16 length is at most the UTF-8 length: only a URL of that many bytes needs counting.
    if protocol + lead + (m.end - m.start) > MAX_URL_LENGTH
        && protocol + lead + utf16_len(&text[m.start..m.end]) > MAX_URL_LENGTH
    {
        return false;
    }
    idna::labels_fit(&text[m.domain_start..m.domain_end], m.lead)
}

/// The rest of `isValidUrl`: a domain starting with `xn--` (seen from JavaScript) must hold an ASCII domain.
fn punycode_holds_ascii_domain(text: &str, m: &RawUrl, scratch: &mut DomainScratch) -> bool {
    m.lead.is_some()
        || !text[m.domain_start..m.domain_end].starts_with("xn--")
        || !ascii_domains(text, m.domain_start, m.domain_end, scratch).is_empty()
}

/// End of `^https?://t\.co/[a-z0-9]+(?:\?query)?` within `text[start..end]`, with the slug length.
fn tco_end(text: &str, start: usize, end: usize, protocol_len: usize) -> Option<(usize, usize)> {
    let b = &text.as_bytes()[start..end];
    let host = b.get(protocol_len..protocol_len + 5)?;
    if !host.eq_ignore_ascii_case(b"t.co/") {
        return None;
    }
    let slug_start = protocol_len + 5;
    let slug = b[slug_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if slug == 0 {
        return None;
    }
    Some((query_end(text, start + slug_start + slug, end), slug))
}

/// Where the scan of a window resumes from `p`, before the window's label: there only a protocol can follow the
/// preceding character (the label's domain starts no earlier), so the scan skips to the character before the next
/// `h` or `H`, or to the character before the label.
fn protocol_candidate(text: &str, p: usize, label: usize) -> usize {
    let bytes = text.as_bytes();
    let target = bytes[p + 1..label].iter().position(|&b| b | 0x20 == b'h').map_or(label, |i| p + 1 + i);
    let mut resume = target - 1;
    while !text.is_char_boundary(resume) {
        resume -= 1;
    }
    resume
}

/// URLs in `text`, in order, as twitter-text `extractUrlsWithIndices(text)` finds them (URLs without protocol
/// included). Offsets are bytes.
pub fn extract_urls(text: &str) -> Vec<UrlEntity> {
    let mut urls = Vec::with_capacity(8); // the URLs of a short post, without growing
    if find_byte(text.as_bytes(), 0, b'.').is_none() {
        return urls;
    }
    let labels = Labels::new(text);
    let windows = labels.windows();
    let mut scratch = DomainScratch::default();
    let mut next_window = 0;
    let mut pos = 0;
    while pos < text.len() {
        // The regex tries each position p: the character at p as `validUrlPrecedingChars`, then `^` at 0. Only
        // positions inside a window can match: the others are skipped.
        let mut found = None;
        let mut p = pos;
        while p < text.len() {
            let (c, _) = decode_at(text.as_bytes(), p);
            while windows.get(next_window).is_some_and(|w| w.end <= p) {
                next_window += 1;
            }
            let Some(window) = windows.get(next_window) else {
                break;
            };
            if p < window.from {
                p = window.from;
                continue;
            }
            if p > 0 && p < window.label {
                let resume = protocol_candidate(text, p, window.label);
                if resume > p {
                    p = resume;
                    continue;
                }
            }
            let q = p + c.len_utf8();
            let preceding = is_url_preceding_char(c);
            if preceding && c.len_utf16() == 2 {
                found = match_after_high_surrogate(&labels, p, q, c).map(|m| (p, m));
            }
            if found.is_none() && p == 0 {
                found = match_at(&labels, 0).map(|m| (0, m));
                if c.len_utf16() == 1 && preceding {
                    // `[^…]` is tried before `^`: prefer the match after the first character.
                    found = match_at(&labels, q).map(|m| (p, m)).or(found);
                }
            }
            // Before the window's label, only a protocol can follow the preceding character.
            let may_match = q >= window.label || protocol_len(text, q) > 0;
            if found.is_none() && preceding && q < text.len() && may_match {
                found = match_at(&labels, q).map(|m| (p, m));
            }
            if found.is_some() {
                break;
            }
            p = q;
        }
        let Some((before, m)) = found else { break };
        pos = m.end;
        if m.protocol_len == 0 {
            // Only the ASCII domains of its domain become URLs: without any (or after `-`, `_`, `.` or `/`) the
            // match gives none whether `isValidUrl` takes it or not, and with some its punycode check passes.
            if matches!(&text[before..m.start], "-" | "_" | "." | "/") {
                continue;
            }
            let domains = ascii_domains(text, m.domain_start, m.domain_end, &mut scratch);
            if domains.is_empty() || !fits_length_and_labels(text, &m) {
                continue;
            }
            let n = domains.len();
            // The reference locates each match with `domain.indexOf(match, previousEnd)`: a repeated string is
            // reported at its first occurrence from there, not where the regex matched it.
            let mut from = m.domain_start;
            for (k, &(s, e)) in domains.iter().enumerate() {
                let needle = &text[s..e];
                // Usually the match is right at `from`, its own first occurrence: no search then.
                let start = if s == from { s } else { text[from..m.domain_end].find(needle).map_or(s, |i| from + i) };
                from = start + needle.len();
                if k + 1 == n && m.has_path {
                    let (counted_end, counted_end_splits_char) = if start == s && e == m.domain_end {
                        (m.end, false)
                    } else {
                        counted_end(text, start, utf16_len(needle) + utf16_len(&text[m.domain_end..m.end]))
                    };
                    urls.push(UrlEntity { start, end: m.end, counted_end, counted_end_splits_char });
                } else {
                    urls.push(UrlEntity::new(start, from));
                }
            }
        } else {
            if !fits_length_and_labels(text, &m) || !punycode_holds_ascii_domain(text, &m, &mut scratch) {
                continue;
            }
            let mut end = m.end;
            if let Some((tco, slug)) = tco_end(text, m.start, m.end, m.protocol_len) {
                if slug > MAX_TCO_SLUG_LENGTH {
                    continue;
                }
                end = tco;
            }
            urls.push(UrlEntity::new(m.start, end));
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans as (start, end) in UTF-16 units, the unit of the reference's indices.
    fn spans(text: &str) -> Vec<(usize, usize)> {
        extract_urls(text).iter().map(|u| (utf16_len(&text[..u.start]), utf16_len(&text[..u.end]))).collect()
    }

    // Expected values below were checked against the twitter-text 3.1.0 JavaScript bundle.

    #[test]
    fn path_keeps_bare_paren_groups_but_not_trailing_punctuation() {
        assert_eq!(spans("x http://x.com/.(a). y"), [(2, 15)]);
        assert_eq!(spans("http://x.com/a(b)(c)(d)"), [(0, 23)]);
    }

    #[test]
    fn urls_without_protocol_keep_port_only_with_a_path() {
        assert_eq!(spans("x.com:8080 y.com:8080/p z.com?q=1"), [(0, 5), (11, 23), (24, 29)]);
        assert_eq!(spans("\"google.com\""), [(1, 11)]);
    }

    #[test]
    fn repeated_ascii_domain_is_reported_at_its_first_occurrence() {
        assert_eq!(spans("ab.cd0😀ab.cd"), [(0, 5)]);
    }

    #[test]
    fn astral_preceding_char_glues_its_low_surrogate_to_the_domain() {
        // JavaScript starts the match on the emoji's low surrogate, so '-' is no preceding char here.
        assert_eq!(spans("😀-google.com"), [(2, 13)]);
    }

    #[test]
    fn tco_slug_length_and_url_length_limits() {
        let long = format!("http://t.co/{} http://t.co/{}", "a".repeat(41), "a".repeat(40));
        assert_eq!(spans(&long), [(54, 106)]);
        let fits = format!(" {}com ", "ab.".repeat(1361));
        assert_eq!(spans(&fits), [(1, 4087)]);
        assert!(spans(&format!(" {}com ", "ab.".repeat(1362))).is_empty());
    }

    #[test]
    fn adversarial_megabyte_inputs_finish() {
        const MB: usize = 1 << 20;
        for unit in [".", "a.", "a.b", "_.", "-a.", "http://", "http://a.", "a(", "(a)", "x.com/(", "x.com/(a)", "é."]
        {
            let text = unit.repeat(MB / unit.len());
            assert_spans_well_formed(&text, &extract_urls(&text));
        }
        // As twitter-text: the unbalanced parentheses are left out of the URL; a URL over 4,096 characters is none.
        let parens = format!("http://x.com/{}", "(".repeat(MB));
        let urls = extract_urls(&parens);
        assert_eq!(urls.iter().map(|u| (u.start, u.end)).collect::<Vec<_>>(), [(0, 13)]);
        assert!(extract_urls(&format!("{}com", "a.".repeat(MB / 2))).is_empty());
    }

    /// Entities in order, not overlapping, on character boundaries inside the text.
    fn assert_spans_well_formed(text: &str, urls: &[UrlEntity]) {
        let mut last = 0;
        for u in urls {
            assert!(last <= u.start && u.start < u.end && u.end <= text.len(), "{}..{} after {last}", u.start, u.end);
            assert!(text.is_char_boundary(u.start) && text.is_char_boundary(u.end));
            last = u.end;
        }
    }
}

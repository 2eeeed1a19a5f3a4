//! The path and query parts of twitter-text's `extractUrl` regex: `validUrlPath` (balanced parentheses, ending
//! characters) and `validUrlQuery`, as linear scans.

use super::super::chars::{decode_at, is_cyrillic, is_latin_accent};

/// `validGeneralUrlPathChars`.
fn is_path_char(c: char) -> bool {
    is_plain_path_char(c) || is_cyrillic(c) || is_latin_accent(c)
}

/// `validGeneralUrlPathChars` but its Cyrillic and Latin accents (none of which is ASCII).
const fn is_plain_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '*'
                | '\''
                | ';'
                | ':'
                | '='
                | '+'
                | ','
                | '.'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '\u{2013}'
                | '_'
                | '~'
                | '@'
                | '|'
                | '&'
        )
}

/// Single-character part of `validUrlPathEndingChars`.
fn is_path_ending_char(c: char) -> bool {
    is_plain_path_ending_char(c) || is_cyrillic(c) || is_latin_accent(c)
}

/// `is_path_ending_char` but its Cyrillic and Latin accents.
const fn is_plain_path_ending_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '=' | '_' | '#' | '/')
}

const PATH: u8 = 1;
const PATH_ENDING: u8 = 2;

/// `is_path_char` (`PATH`) and `is_path_ending_char` (`PATH_ENDING`) of each ASCII character, read a byte at a
/// time by `path_end` (a path is mostly ASCII).
const ASCII_PATH: [u8; 128] = {
    let mut table = [0; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8 as char;
        table[i] =
            if is_plain_path_char(c) { PATH } else { 0 } | if is_plain_path_ending_char(c) { PATH_ENDING } else { 0 };
        i += 1;
    }
    table
};

/// `validUrlQueryChars`.
fn is_query_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '?'
                | '*'
                | '\''
                | '@'
                | '('
                | ')'
                | ';'
                | ':'
                | '&'
                | '='
                | '+'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '_'
                | '.'
                | ','
                | '~'
                | '|'
        )
}

/// `validUrlQueryEndingChars`.
fn is_query_ending_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '&' | '=' | '#' | '/')
}

/// End of the run of path characters starting at `i`.
fn path_run(text: &str, i: usize) -> usize {
    text[i..].char_indices().find(|&(_, c)| !is_path_char(c)).map_or(text.len(), |(j, _)| i + j)
}

/// `validUrlBalancedParens` at `p` (a `(`): `\((?:G+|G*\(G+\)G*)\)`, deterministic as the classes are disjoint.
fn balanced_parens(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    let inner = p + 1;
    let r = path_run(text, inner);
    if r > inner && b.get(r) == Some(&b')') {
        return Some(r + 1);
    }
    if b.get(r) != Some(&b'(') {
        return None;
    }
    let s = path_run(text, r + 1);
    if s == r + 1 || b.get(s) != Some(&b')') {
        return None;
    }
    let t = path_run(text, s + 1);
    (b.get(t) == Some(&b')')).then_some(t + 1)
}

/// End of `validUrlPath*` from `i`. Once supplanted, the reference's `validUrlPath` reads
/// `G*(?:BG*)*[ending char] | B | @G+/` (the `|` inside `validUrlPathEndingChars` is not grouped), with `G` the
/// general path chars and `B` a balanced paren group. The first alternative ends at the last ending char of the
/// whole chars-and-parens run (`/foo.` does not gobble the period); after it only bare paren groups can follow.
pub(super) fn path_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut p = i;
    let mut end = i;
    loop {
        while p < b.len() {
            let (class, len) = match ASCII_PATH.get(usize::from(b[p])) {
                Some(&class) => (class, 1),
                None => {
                    let (c, len) = decode_at(b, p);
                    let class = if is_path_char(c) { PATH } else { 0 };
                    (class | if is_path_ending_char(c) { PATH_ENDING } else { 0 }, len)
                }
            };
            if class & PATH == 0 {
                break;
            }
            p += len;
            if class & PATH_ENDING != 0 {
                end = p;
            }
        }
        match (b.get(p) == Some(&b'(')).then(|| balanced_parens(text, p)).flatten() {
            Some(after) => p = after,
            None => break,
        }
    }
    while b.get(end) == Some(&b'(') {
        match balanced_parens(text, end) {
            Some(after) => end = after,
            None => break,
        }
    }
    end
}

/// `(\?validUrlQueryChars*validUrlQueryEndingChars)?` at `i`, not past `limit`: the end, or `i` when absent.
pub(super) fn query_end(text: &str, i: usize, limit: usize) -> usize {
    if text.as_bytes().get(i) != Some(&b'?') || i >= limit {
        return i;
    }
    let mut end = i;
    for (j, c) in text[i + 1..limit].char_indices() {
        if !is_query_char(c) {
            break;
        }
        if is_query_ending_char(c) {
            end = i + 1 + j + 1;
        }
    }
    end
}

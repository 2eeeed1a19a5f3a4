//! URL validation, a port of twitter-text 3.1.0 `isValidUrl` (the `validateUrl*` regexes, Unicode domains allowed).

use super::super::chars::{char_at, is_cyrillic};

/// One-character `validateUrlPchar`: unreserved (Cyrillic included), sub-delims, `:`, `|`, `@`.
fn is_pchar(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_cyrillic(c)
        || matches!(
            c,
            '-' | '.' | '_' | '~' | '!' | '$' | '&' | '\'' | '(' | ')' | '*' | '+' | ',' | ';' | '=' | ':' | '|' | '@'
        )
}

/// Length of the `%XX` escape at byte `i` of `s`, if there is one.
fn pct_encoded(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    (b[i] == b'%' && b.len() >= i + 3 && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit()).then_some(3)
}

/// Whether `s` is made only of `validateUrlPchar` (and `/`, and `?` when `question`).
fn all_pchars(s: &str, question: bool) -> bool {
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        i += match pct_encoded(s, i) {
            Some(len) => len,
            None if c != '%' && (is_pchar(c) || c == '/' || (question && c == '?')) => c.len_utf8(),
            None => return false,
        };
    }
    true
}

/// End of `validateUrlUserinfo` (unreserved, escapes, sub-delims, `:`) from the start of `s`.
fn userinfo_end(s: &str) -> usize {
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        i += match pct_encoded(s, i) {
            Some(len) => len,
            None if c != '%' && c != '|' && c != '@' && is_pchar(c) => c.len_utf8(),
            None => break,
        };
    }
    i
}

/// `validateUrlIpv4` at `x`, octet `k` of 4: the first match in the regex's order (`[0-9]` is tried first).
fn ipv4_end(b: &[u8], x: usize, k: usize) -> Option<usize> {
    let d = |i: usize| b.get(x + i).copied().filter(u8::is_ascii_digit);
    let lens = [
        d(0).map(|_| 1),
        d(0).filter(|&c| c != b'0').and(d(1)).map(|_| 2),
        d(0).filter(|&c| c == b'1').and(d(1)).and(d(2)).map(|_| 3),
        d(0).filter(|&c| c == b'2').and(d(1).filter(|&c| c <= b'4')).and(d(2)).map(|_| 3),
        d(0).filter(|&c| c == b'2').and(d(1).filter(|&c| c == b'5')).and(d(2).filter(|&c| c <= b'5')).map(|_| 3),
    ];
    lens.into_iter().flatten().find_map(|len| {
        let end = x + len;
        if k == 3 {
            Some(end)
        } else if b.get(end) == Some(&b'.') {
            ipv4_end(b, end + 1, k + 1)
        } else {
            None
        }
    })
}

/// `validateUrlUnicodeDomain` at the start of `s`: `(subDomainSegment\.)*domainSegment\.tld`, most labels first.
fn unicode_domain_end(s: &str) -> Option<usize> {
    let edge = |c: char| c.is_ascii_alphanumeric() || !c.is_ascii();
    let inner = |c: char, underscore: bool| edge(c) || c == '-' || (underscore && c == '_');
    let segment_ok = |seg: &str, underscore: bool| {
        seg.chars().next().is_some_and(edge)
            && seg.chars().next_back().is_some_and(edge)
            && seg.chars().all(|c| inner(c, underscore))
    };
    // Segments followed by a dot, from the start.
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(dot) = s[from..].find('.') {
        segs.push((from, from + dot));
        from += dot + 1;
    }
    let subdomains = segs.iter().take_while(|&&(a, e)| segment_ok(&s[a..e], true)).count();
    (0..=subdomains).rev().find_map(|k| {
        let &(a, e) = segs.get(k)?;
        if !segment_ok(&s[a..e], false) {
            return None;
        }
        let tld = e + 1;
        let mut chars = s[tld..].char_indices();
        let (_, first) = chars.next()?;
        if first.is_ascii() && !first.is_ascii_alphabetic() {
            return None;
        }
        let mut end = tld + first.len_utf8();
        for (j, c) in chars {
            if !inner(c, false) {
                break;
            }
            if edge(c) {
                end = tld + j + c.len_utf8();
            }
        }
        Some(end)
    })
}

/// `validateUrlUnicodeHost` at the start of `s`: IPv4, else IPv6, else a domain.
fn host_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if let Some(end) = ipv4_end(b, 0, 0) {
        return Some(end);
    }
    if b.first() == Some(&b'[') {
        let run = b[1..].iter().take_while(|c| c.is_ascii_hexdigit() || **c == b':' || **c == b'.').count();
        if run > 0 && b.get(1 + run) == Some(&b']') {
            return Some(run + 2);
        }
    }
    unicode_domain_end(s)
}

/// Whether the regex's first match of `validateUrlUnicodeAuthority` in `authority` is all of it.
fn authority_ok(authority: &str) -> bool {
    let b = authority.as_bytes();
    let info = userinfo_end(authority);
    let with_userinfo =
        (b.get(info) == Some(&b'@')).then(|| host_end(&authority[info + 1..]).map(|e| info + 1 + e)).flatten();
    let Some(mut end) = with_userinfo.or_else(|| host_end(authority)) else {
        return false;
    };
    if b.get(end) == Some(&b':') {
        let digits = b[end + 1..].iter().take(5).take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    end == authority.len()
}

/// twitter-text `isValidUrl(url, true, require_protocol)`: `url` is a well-formed http(s) URL (any scheme, or
/// none, when `require_protocol` is false), Unicode domains allowed.
pub fn is_valid_url(url: &str, require_protocol: bool) -> bool {
    if url.is_empty() {
        return false;
    }
    // validateUrlUnencoded: ^(?:([^:/?#]+)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$
    let prefix = url.find([':', '/', '?', '#']).unwrap_or(url.len());
    let (scheme, rest) = match url[prefix..].strip_prefix("://") {
        Some(rest) if prefix > 0 => (Some(&url[..prefix]), rest),
        _ => (None, url),
    };
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(authority_len);
    let path_len = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, rest) = rest.split_at(path_len);
    let (query, rest) = match rest.strip_prefix('?') {
        Some(q) => q.split_at(q.find('#').unwrap_or(q.len())),
        None => ("", rest),
    };
    let fragment = rest.strip_prefix('#').unwrap_or("");
    if fragment.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return false;
    }
    if require_protocol && !scheme.is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")) {
        return false;
    }
    (path.is_empty() || (path.starts_with('/') && all_pchars(path, false)))
        && all_pchars(query, true)
        && all_pchars(fragment, true)
        && authority_ok(authority)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_valid_url_follows_first_regex_match() {
        assert!(!is_valid_url("http://1.2.3.45/", true)); // the IPv4 regex stops after one digit of the last octet
        assert!(is_valid_url("http://user@[::1]:80/x", true));
        assert!(!is_valid_url("example.com/a b", false));
        assert!(is_valid_url("ftp://x.com", false));
        assert!(!is_valid_url("http://x.com/#a\nb", true));
    }

    #[test]
    fn adversarial_megabyte_inputs_finish() {
        const MB: usize = 1 << 20;
        for unit in [".", "a.", "a.b", "_.", "-a.", "http://", "http://a.", "a(", "(a)", "x.com/(", "x.com/(a)", "é."]
        {
            // None of these is a URL with a protocol (twitter-text's isValidUrl agrees), however long.
            assert!(!is_valid_url(&unit.repeat(MB / unit.len()), true), "{unit:?}");
        }
        // isValidUrl sets no length limit: a domain of half a million labels is valid there too.
        assert!(is_valid_url(&format!("http://{}com", "a.".repeat(MB / 2)), true));
    }
}

//! URL extraction and validation, a port of twitter-text 3.1.0 `extractUrlsWithIndices` (with URLs without
//! protocol, as `parseTweet` uses it) and `isValidUrl`.
//!
//! The reference matches one big backtracking regex (`extractUrl`) and post-processes each match. Here the text is
//! first cut into domain labels; a right-to-left pass records, for each label, where the regex's preferred domain
//! match starting there ends, so every candidate start costs O(log n) and the whole scan is O(n log n), whatever the
//! input (a megabyte of dots or of `a.a.a.` included). Path, query and the post-processing are linear scans.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::chars::{
    char_at, is_cyrillic, is_domain_char, is_label_char, is_latin_accent, is_url_preceding_char, utf16_len,
};
use super::idna;

/// A URL found in a text: `text[start..end]`, byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlEntity {
    pub start: usize,
    pub end: usize,
}

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const DEFAULT_PROTOCOL_LENGTH: usize = "https://".len();
const NONE: u32 = u32::MAX;

/// Rank of the trie nodes where no TLD ends.
const PREFIX_ONLY: u16 = u16::MAX;

/// The TLDs as a byte trie over their folded UTF-8: a lookup walks one node per byte, with no hashing.
struct Tlds {
    nodes: Vec<TrieNode>,
    /// The root's child for each ASCII byte (0 for none: the root is no child), the first step of every lookup.
    root_ascii: [u32; 128],
    /// `(byte, child)` edges; each node's children are contiguous and sorted by byte.
    edges: Vec<(u8, u32)>,
}

struct TrieNode {
    /// Rank of the TLD ending here in the reference alternation (the regex takes the first alternative that
    /// matches), `PREFIX_ONLY` when only longer TLDs go through this node.
    rank: u16,
    first_edge: u32,
    edge_count: u32,
}

impl Tlds {
    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        if node == 0 && byte.is_ascii() {
            return Some(self.root_ascii[usize::from(byte)] as usize).filter(|&c| c != 0);
        }
        let n = &self.nodes[node];
        let edges = &self.edges[n.first_edge as usize..(n.first_edge + n.edge_count) as usize];
        edges.binary_search_by_key(&byte, |&(b, _)| b).ok().map(|k| edges[k].1 as usize)
    }
}

fn tlds() -> &'static Tlds {
    static TLDS: OnceLock<Tlds> = OnceLock::new();
    TLDS.get_or_init(|| {
        let list = include_str!("../../data/twitter/tlds.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#'));
        // Built with ordered maps, then flattened so that each node's children sit together.
        let mut tree: Vec<(u16, BTreeMap<u8, usize>)> = vec![(PREFIX_ONLY, BTreeMap::new())];
        for (i, t) in list.enumerate() {
            let mut node = 0;
            for &b in t.as_bytes() {
                node = match tree[node].1.get(&b) {
                    Some(&child) => child,
                    None => {
                        tree.push((PREFIX_ONLY, BTreeMap::new()));
                        let child = tree.len() - 1;
                        tree[node].1.insert(b, child);
                        child
                    }
                };
            }
            tree[node].0 = tree[node].0.min(i as u16);
        }
        let mut nodes = Vec::with_capacity(tree.len());
        let mut edges = Vec::new();
        for (rank, children) in &tree {
            nodes.push(TrieNode { rank: *rank, first_edge: edges.len() as u32, edge_count: children.len() as u32 });
            edges.extend(children.iter().map(|(&b, &child)| (b, child as u32)));
        }
        let mut root_ascii = [0; 128];
        for (&b, &child) in tree[0].1.range(..0x80) {
            root_ascii[usize::from(b)] = child as u32;
        }
        Tlds { nodes, edges, root_ascii }
    })
}

/// Case folding for TLD comparison, as JS non-Unicode `i` regexes do (never maps non-ASCII onto ASCII).
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if !l.is_ascii() => l,
        _ => c,
    }
}

/// The TLD lookahead `(?=[^0-9a-zA-Z@+-]|$)`.
fn tld_may_end_before(c: Option<char>) -> bool {
    !matches!(c, Some(c) if c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-'))
}

/// End of the reference's `(?:validGTLD|validCCTLD|validPunycode)` matched at `at`, looking no further than `limit`.
fn match_tld(text: &str, at: usize, limit: usize) -> Option<usize> {
    let tlds = tlds();
    let hay = &text[at..limit];
    let mut node = 0;
    let mut best: Option<(u16, usize)> = None;
    // The folded characters walk down the trie: the scan stops at the first that begins no TLD, and a TLD found
    // where the lookahead lets it end is a candidate, the lowest rank winning.
    let mut chars = hay.char_indices().peekable();
    'chars: while let Some((i, c)) = chars.next() {
        if c.is_ascii() && !c.is_ascii_alphanumeric() {
            break; // TLDs are made of letters (and marks)
        }
        let mut buf = [0u8; 4];
        for &b in fold(c).encode_utf8(&mut buf).as_bytes() {
            match tlds.child(node, b) {
                Some(child) => node = child,
                None => break 'chars,
            }
        }
        let rank = tlds.nodes[node].rank;
        if rank != PREFIX_ONLY
            && tld_may_end_before(chars.peek().map(|&(_, c)| c))
            && best.is_none_or(|(r, _)| rank < r)
        {
            best = Some((rank, at + i + c.len_utf8()));
        }
    }
    if let Some((_, end)) = best {
        return Some(end);
    }
    // validPunycode: xn--[-0-9a-z]+ (greedy, no lookahead).
    let b = hay.as_bytes();
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"xn--") {
        let run = b[4..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if run > 0 {
            return Some(at + 4 + run);
        }
    }
    None
}

/// A maximal run of label characters; `dot` when a `.` follows it (the next label then starts right after).
struct Label {
    start: u32,
    end: u32,
    /// Byte offset of the last `_` in the label, `NONE` if there is none.
    last_underscore: u32,
    /// End of the reference's preferred domain match starting at this label's start, `NONE` if it fails.
    domain_end: u32,
    /// End of a TLD matched at this label's start (only for labels after a dot), `NONE` if none.
    tld_end: u32,
    dot: bool,
    /// The last character is a domain character (not `_` or `-`).
    last_is_domain_char: bool,
}

/// The text cut into labels, with each label's preferred domain match precomputed.
struct Labels<'t> {
    text: &'t str,
    labels: Vec<Label>,
    /// Index of the label found last: the scan moves forward, so lookups mostly walk a step or two from it.
    hint: Cell<usize>,
}

impl<'t> Labels<'t> {
    /// Only labels next to a dot can take part in a domain (a label without a dot on either side never has a
    /// preferred domain match nor a TLD), so the text is searched for dots and cut into labels only around them:
    /// each dot cluster runs from the start of the label before its first dot to the first character that is
    /// neither a label character nor a dot. The labels left out are the ones `domain_in` would reject.
    fn new(text: &'t str) -> Self {
        let mut labels = Vec::new();
        let mut from = 0;
        while let Some(dot) = text[from..].find('.').map(|d| from + d) {
            let start =
                text[..dot].char_indices().rev().find(|&(_, c)| !is_label_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
            from = push_dot_cluster(text, start, &mut labels);
        }
        // A TLD is only looked for after a label that could be the domain name before it.
        for i in 1..labels.len() {
            if labels[i - 1].dot && labels[i - 1].last_is_domain_char {
                labels[i].tld_end = match_tld(text, labels[i].start as usize, text.len()).map_or(NONE, |e| e as u32);
            }
        }
        let mut me = Labels { text, labels, hint: Cell::new(0) };
        for i in (0..me.labels.len()).rev() {
            let start = me.labels[i].start as usize;
            me.labels[i].domain_end = me.domain_in(i, start, None).map_or(NONE, |e| e as u32);
        }
        me
    }

    /// The reference's `validDomain` match starting at byte `q` of label `i` (`subdomain* domainName tld`, the
    /// most labels first), optionally behind a `lead` domain character that only JavaScript sees.
    fn domain_in(&self, i: usize, q: usize, lead: Option<()>) -> Option<usize> {
        let l = &self.labels[i];
        let end = l.end as usize;
        let first_ok = match lead {
            Some(()) => true,
            None => q < end && char_at(self.text, q).is_some_and(is_domain_char),
        };
        let last_ok = if q < end { l.last_is_domain_char } else { lead.is_some() };
        if !(first_ok && last_ok && l.dot) {
            return None;
        }
        let next = &self.labels[i + 1];
        let no_underscore = l.last_underscore == NONE || (l.last_underscore as usize) < q;
        let end = if next.domain_end != NONE {
            next.domain_end
        } else if no_underscore {
            next.tld_end
        } else {
            NONE
        };
        (end != NONE).then_some(end as usize)
    }

    /// Index of the label holding byte `q` (`q` strictly inside it).
    fn label_at(&self, q: usize) -> Option<usize> {
        let labels = &self.labels;
        let mut i = self.hint.get();
        if i < labels.len() && labels[i].start as usize <= q {
            while i + 1 < labels.len() && labels[i + 1].start as usize <= q {
                i += 1;
            }
        } else {
            i = labels.partition_point(|l| l.start as usize <= q).checked_sub(1)?;
        }
        self.hint.set(i);
        (q < labels[i].end as usize).then_some(i)
    }

    /// The byte ranges (from a char boundary) where the regex's preceding character can be for a match to start, in order: from a
    /// protocol and its preceding character before a label to the label's end, for each label whose preferred
    /// domain match can succeed (a dot after it, and a domain or a TLD after the dot).
    fn windows(&self) -> Vec<(usize, usize)> {
        const BEFORE: usize = "https://".len() + 4;
        self.labels
            .windows(2)
            .filter(|w| w[0].dot && (w[1].domain_end != NONE || w[1].tld_end != NONE))
            .map(|w| {
                let mut from = (w[0].start as usize).saturating_sub(BEFORE);
                while !self.text.is_char_boundary(from) {
                    from -= 1;
                }
                (from, w[0].end as usize)
            })
            .collect()
    }

    fn domain_at(&self, q: usize) -> Option<usize> {
        if !char_at(self.text, q).is_some_and(is_domain_char) {
            return None;
        }
        self.domain_in(self.label_at(q)?, q, None)
    }
}

/// Cuts the dot cluster starting at `start` into labels (a maximal run of label characters each, plus an empty
/// label right after a dot that no run follows); returns where the cluster ends.
fn push_dot_cluster(text: &str, start: usize, labels: &mut Vec<Label>) -> usize {
    let new_label = |at: usize| Label {
        start: at as u32,
        end: at as u32,
        last_underscore: NONE,
        domain_end: NONE,
        tld_end: NONE,
        dot: false,
        last_is_domain_char: false,
    };
    let mut run: Option<Label> = None;
    let mut after_dot = false;
    for (j, c) in text[start..].char_indices() {
        let i = start + j;
        if is_label_char(c) {
            let label = run.get_or_insert_with(|| new_label(i));
            label.end = (i + c.len_utf8()) as u32;
            label.last_is_domain_char = c != '_' && c != '-';
            if c == '_' {
                label.last_underscore = i as u32;
            }
        } else {
            if let Some(mut label) = run.take() {
                label.dot = c == '.';
                labels.push(label);
            } else if after_dot {
                let mut empty = new_label(i);
                empty.dot = c == '.';
                labels.push(empty);
            }
            if c != '.' {
                return i + c.len_utf8();
            }
            after_dot = true;
        }
    }
    if let Some(label) = run {
        labels.push(label);
    } else if after_dot {
        labels.push(new_label(text.len()));
    }
    text.len()
}

/// One match of the reference's `extractUrl` regex.
struct RawUrl {
    start: usize,
    protocol_len: usize,
    domain_start: usize,
    domain_end: usize,
    has_path: bool,
    end: usize,
    /// JavaScript started this match on the low surrogate of the astral character before `start`.
    lead: Option<u32>,
}

fn protocol_len(text: &str, q: usize) -> usize {
    let b = &text.as_bytes()[q..];
    if b.len() >= 8 && b[..8].eq_ignore_ascii_case(b"https://") {
        8
    } else if b.len() >= 7 && b[..7].eq_ignore_ascii_case(b"http://") {
        7
    } else {
        0
    }
}

/// `validGeneralUrlPathChars`.
fn is_path_char(c: char) -> bool {
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
        || is_cyrillic(c)
        || is_latin_accent(c)
}

/// Single-character part of `validUrlPathEndingChars`.
fn is_path_ending_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '=' | '_' | '#' | '/') || is_cyrillic(c) || is_latin_accent(c)
}

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
fn path_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut p = i;
    let mut end = i;
    loop {
        let mut stop = text.len();
        for (j, c) in text[p..].char_indices() {
            if !is_path_char(c) {
                stop = p + j;
                break;
            }
            if is_path_ending_char(c) {
                end = p + j + c.len_utf8();
            }
        }
        p = stop;
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
fn query_end(text: &str, i: usize, limit: usize) -> usize {
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

/// Completes a match whose domain is `[domain_start, domain_end)`: optional port, path and query.
fn finish(text: &str, start: usize, domain_start: usize, domain_end: usize, lead: Option<u32>) -> RawUrl {
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

/// The match JavaScript finds when an astral character at `p` (ending at `q`) is the preceding "character": it
/// starts on the character's low surrogate, a domain character glued to whatever follows.
fn match_after_high_surrogate(labels: &Labels, p: usize, q: usize, c: char) -> Option<RawUrl> {
    let i = labels.label_at(p)?;
    let de = labels.domain_in(i, q, Some(()))?;
    let low = 0xDC00 + ((c as u32 - 0x10000) & 0x3FF);
    Some(finish(labels.text, q, q, de, Some(low)))
}

/// Buffers of `ascii_domains`, kept from one URL to the next so that no URL allocates.
#[derive(Default)]
struct DomainScratch {
    /// (start, end, dot) of each maximal run of ASCII label characters, plus empty runs right after dots.
    runs: Vec<(usize, usize, bool)>,
    /// `best[k]`: end of the match `(label\.)+tld` whose first label is run k, the most labels first.
    best: Vec<Option<usize>>,
    found: Vec<(usize, usize)>,
}

/// Every `validAsciiDomain` match in `text[from..to]` (the regex runs on the domain string alone).
fn ascii_domains<'s>(text: &str, from: usize, to: usize, scratch: &'s mut DomainScratch) -> &'s [(usize, usize)] {
    let is_ascii_label_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c);
    let DomainScratch { runs, best, found } = scratch;
    runs.clear();
    let mut run: Option<(usize, usize)> = None;
    let mut after_dot = false;
    for (j, c) in text[from..to].char_indices() {
        let i = from + j;
        if is_ascii_label_char(c) {
            let r = run.get_or_insert((i, i));
            r.1 = i + c.len_utf8();
        } else {
            if let Some((s, e)) = run.take() {
                runs.push((s, e, c == '.'));
            } else if after_dot {
                runs.push((i, i, c == '.'));
            }
            after_dot = c == '.';
        }
    }
    if let Some((s, e)) = run {
        runs.push((s, e, false));
    } else if after_dot {
        runs.push((to, to, false));
    }
    best.clear();
    best.resize(runs.len(), None);
    for k in (0..runs.len()).rev() {
        let (s, e, dot) = runs[k];
        if s < e && dot {
            best[k] = best[k + 1].or_else(|| match_tld(text, runs[k + 1].0, to));
        }
    }
    found.clear();
    let mut last = from;
    for (k, &(s, e, _)) in runs.iter().enumerate() {
        let s = s.max(last);
        if s < e {
            if let Some(end) = best[k] {
                found.push((s, end));
                last = end;
            }
        }
    }
    found
}

/// twitter-text `isValidUrl` of `extractUrlsWithIndices`: length limit and punycode label lengths.
fn valid_length_and_labels(text: &str, m: &RawUrl, scratch: &mut DomainScratch) -> bool {
    let protocol = if m.protocol_len > 0 { m.protocol_len } else { DEFAULT_PROTOCOL_LENGTH };
    let url_len = utf16_len(&text[m.start..m.end]) + usize::from(m.lead.is_some());
    if protocol + url_len > MAX_URL_LENGTH {
        return false;
    }
    let domain = &text[m.domain_start..m.domain_end];
    if m.lead.is_none()
        && domain.starts_with("xn--")
        && ascii_domains(text, m.domain_start, m.domain_end, scratch).is_empty()
    {
        return false;
    }
    idna::labels_fit(domain, m.lead)
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

/// URLs in `text`, in order, as twitter-text `extractUrlsWithIndices(text)` finds them (URLs without protocol
/// included). Offsets are bytes.
pub fn extract_urls(text: &str) -> Vec<UrlEntity> {
    let mut urls = Vec::new();
    if !text.contains('.') {
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
        while let Some(c) = char_at(text, p) {
            while windows.get(next_window).is_some_and(|&(_, end)| end <= p) {
                next_window += 1;
            }
            let Some(&(from, _)) = windows.get(next_window) else {
                break;
            };
            if p < from {
                p = from;
                continue;
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
            if found.is_none() && preceding && q < text.len() {
                found = match_at(&labels, q).map(|m| (p, m));
            }
            if found.is_some() {
                break;
            }
            p = q;
        }
        let Some((before, m)) = found else { break };
        pos = m.end;
        if !valid_length_and_labels(text, &m, &mut scratch) {
            continue;
        }
        if m.protocol_len == 0 {
            if matches!(&text[before..m.start], "-" | "_" | "." | "/") {
                continue;
            }
            let domains = ascii_domains(text, m.domain_start, m.domain_end, &mut scratch);
            let n = domains.len();
            // The reference locates each match with `domain.indexOf(match, previousEnd)`: a repeated string is
            // reported at its first occurrence from there, not where the regex matched it.
            let mut from = m.domain_start;
            for (k, &(s, e)) in domains.iter().enumerate() {
                let needle = &text[s..e];
                // Usually the match is right at `from`, its own first occurrence: no search then.
                let start = if s == from { s } else { text[from..m.domain_end].find(needle).map_or(s, |i| from + i) };
                from = start + needle.len();
                let end = if k + 1 == n && m.has_path { m.end } else { from };
                urls.push(UrlEntity { start, end });
            }
        } else {
            let mut end = m.end;
            if let Some((tco, slug)) = tco_end(text, m.start, m.end, m.protocol_len) {
                if slug > MAX_TCO_SLUG_LENGTH {
                    continue;
                }
                end = tco;
            }
            urls.push(UrlEntity { start: m.start, end });
        }
    }
    urls
}

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
            let text = unit.repeat(MB / unit.len());
            let _ = extract_urls(&text);
            let _ = is_valid_url(&text, true);
        }
        let _ = extract_urls(&format!("http://x.com/{}", "(".repeat(MB)));
        let _ = extract_urls(&format!("{}com", "a.".repeat(MB / 2)));
        let _ = is_valid_url(&format!("http://{}com", "a.".repeat(MB / 2)), true);
    }
}

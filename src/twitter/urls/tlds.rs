//! The TLDs of twitter-text's URL regex (`validGTLD|validCCTLD|validPunycode`, `data/twitter/tlds.txt`) as a byte
//! trie, and the match of one TLD at a position, in the regex's alternation order.

use std::sync::OnceLock;

use super::super::chars::decode_at;
use crate::embedded::uncommented;

/// Rank of the trie nodes where no TLD ends.
const PREFIX_ONLY: u16 = u16::MAX;

/// The TLDs as a byte trie over their folded UTF-8: a lookup walks one node per byte, with no hashing.
struct Tlds {
    nodes: Vec<TrieNode>,
    /// Each node's children by lowercase ASCII letter, from its lowest to its highest (0 for none: the root is no
    /// child): one indexed read per letter, the bytes most lookups read (ASCII in TLDs is lowercase letters only).
    letters: Vec<u32>,
    /// `(byte, child)` edges for the other bytes; each node's are contiguous and sorted by byte.
    edges: Vec<(u8, u32)>,
}

struct TrieNode {
    /// Rank of the TLD ending here in the reference alternation (the regex takes the first alternative that
    /// matches), `PREFIX_ONLY` when only longer TLDs go through this node.
    rank: u16,
    /// The node's letter children are `letters[first_letter..][..letter_count]`, for letters from `lowest_letter`.
    lowest_letter: u8,
    letter_count: u8,
    first_letter: u32,
    first_edge: u32,
    edge_count: u32,
}

impl Tlds {
    #[inline]
    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        let n = &self.nodes[node];
        if byte.is_ascii() {
            let k = byte.wrapping_sub(n.lowest_letter);
            if k >= n.letter_count {
                return None;
            }
            return Some(self.letters[(n.first_letter + u32::from(k)) as usize] as usize).filter(|&c| c != 0);
        }
        let edges = &self.edges[n.first_edge as usize..(n.first_edge + n.edge_count) as usize];
        edges.binary_search_by_key(&byte, |&(b, _)| b).ok().map(|k| edges[k].1 as usize)
    }
}

fn tlds() -> &'static Tlds {
    static TLDS: OnceLock<Tlds> = OnceLock::new();
    TLDS.get_or_init(|| {
        let list = uncommented!(include_str!("../../../data/twitter/tlds.txt"))
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        // Built with each node's children sorted by byte (found by halves), then flattened so that each node's
        // children sit together.
        let mut tree: Vec<(u16, Vec<(u8, usize)>)> = vec![(PREFIX_ONLY, Vec::new())];
        for (i, t) in list.enumerate() {
            let mut node = 0;
            for &b in t.as_bytes() {
                node = match tree[node].1.binary_search_by_key(&b, |&(byte, _)| byte) {
                    Ok(k) => tree[node].1[k].1,
                    Err(k) => {
                        tree.push((PREFIX_ONLY, Vec::new()));
                        let child = tree.len() - 1;
                        tree[node].1.insert(k, (b, child));
                        child
                    }
                };
            }
            tree[node].0 = tree[node].0.min(i as u16);
        }
        let mut nodes = Vec::with_capacity(tree.len());
        let (mut letters, mut edges) = (Vec::new(), Vec::new());
        for (rank, children) in &tree {
            let ascii_count = children.partition_point(|&(b, _)| b < 0x80);
            let ascii: Vec<(u8, u32)> = children[..ascii_count].iter().map(|&(b, child)| (b, child as u32)).collect();
            assert!(ascii.iter().all(|(b, _)| b.is_ascii_lowercase()), "the ASCII of a TLD is lowercase letters");
            let lowest_letter = ascii.first().map_or(0, |&(b, _)| b);
            let letter_count = ascii.last().map_or(0, |&(b, _)| b - lowest_letter + 1);
            let first_letter = letters.len() as u32;
            letters.resize(letters.len() + usize::from(letter_count), 0);
            for (b, child) in ascii {
                letters[first_letter as usize + usize::from(b - lowest_letter)] = child;
            }
            nodes.push(TrieNode {
                rank: *rank,
                lowest_letter,
                letter_count,
                first_letter,
                first_edge: edges.len() as u32,
                edge_count: (children.len() - ascii_count) as u32,
            });
            edges.extend(children[ascii_count..].iter().map(|&(b, child)| (b, child as u32)));
        }
        Tlds { nodes, letters, edges }
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

/// The TLD lookahead `(?=[^0-9a-zA-Z@+-]|$)`, on the byte after the TLD (a non-ASCII lead byte always passes).
fn tld_may_end_before(b: Option<u8>) -> bool {
    !matches!(b, Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'@' | b'+' | b'-'))
}

/// End of the reference's `(?:validGTLD|validCCTLD|validPunycode)` matched at `at`, looking no further than `limit`.
pub(super) fn match_tld(text: &str, at: usize, limit: usize) -> Option<usize> {
    let tlds = tlds();
    let bytes = &text.as_bytes()[..limit];
    let mut node = 0;
    let mut best: Option<(u16, usize)> = None;
    // The folded characters walk down the trie: the scan stops at the first that begins no TLD, and a TLD found
    // where the lookahead lets it end is a candidate, the lowest rank winning. ASCII, most of what is read, is
    // folded and looked up a byte at a time, without decoding.
    let mut i = at;
    'chars: while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                break; // TLDs are made of letters (and marks)
            }
            match tlds.child(node, b.to_ascii_lowercase()) {
                Some(child) => node = child,
                None => break,
            }
            i += 1;
        } else {
            let (c, len) = decode_at(bytes, i);
            let mut buf = [0u8; 4];
            for &b in fold(c).encode_utf8(&mut buf).as_bytes() {
                match tlds.child(node, b) {
                    Some(child) => node = child,
                    None => break 'chars,
                }
            }
            i += len;
        }
        let rank = tlds.nodes[node].rank;
        if rank != PREFIX_ONLY && tld_may_end_before(bytes.get(i).copied()) && best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, i));
        }
    }
    if let Some((_, end)) = best {
        return Some(end);
    }
    // validPunycode: xn--[-0-9a-z]+ (greedy, no lookahead).
    let b = &bytes[at..];
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"xn--") {
        let run = b[4..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if run > 0 {
            return Some(at + 4 + run);
        }
    }
    None
}

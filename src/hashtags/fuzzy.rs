//! Typo candidates in microseconds: a symmetric-delete index over the frequency list, and the optimal string
//! alignment distance (Levenshtein plus adjacent transpositions) that confirms each candidate.
//!
//! Every indexed word is stored under the hash of itself and of each form with one character deleted. A query
//! looks up itself and its own one-deletion forms (two-deletion forms too when it is long), so that one insertion,
//! deletion, substitution or transposition always meets, and many two-edit typos of long words do.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use foldhash::fast::FixedState;

/// Shortest word offered as a typo correction, in characters: shorter words are too close to everything.
pub const MIN_CANDIDATE_CHARS: usize = 4;
/// Longest indexed word, in characters.
pub const MAX_CANDIDATE_CHARS: usize = 20;
/// From this many characters, a word may be reached with two edits.
pub const LONG_WORD_CHARS: usize = 9;

pub struct DeleteIndex {
    /// Hash of a (deleted) form → range in `ids`.
    ranges: HashMap<u64, (u32, u32), FixedState>,
    ids: Vec<u32>,
    /// Each word's characters, by id (empty for words not indexed).
    chars: Vec<Box<[char]>>,
}

/// Hash of `chars` without the characters at the positions `skip` (sorted, at most two).
fn hash_without(chars: &[char], skip: [usize; 2]) -> u64 {
    let mut h = FixedState::with_seed(0x5742_4154).build_hasher();
    for (i, &c) in chars.iter().enumerate() {
        if i != skip[0] && i != skip[1] {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

const NONE: usize = usize::MAX;

impl DeleteIndex {
    /// Indexes the `correct` words among `words` (by id) that are long enough to be offered.
    pub fn build(words: &[Box<str>], correct: &[bool]) -> DeleteIndex {
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        let mut chars = Vec::with_capacity(words.len());
        for (id, word) in words.iter().enumerate() {
            let cs: Box<[char]> = word.chars().collect();
            if correct[id] && (MIN_CANDIDATE_CHARS..=MAX_CANDIDATE_CHARS).contains(&cs.len()) {
                pairs.push((hash_without(&cs, [NONE, NONE]), id as u32));
                for i in 0..cs.len() {
                    // A doubled letter gives the same form twice: keep one.
                    if i == 0 || cs[i] != cs[i - 1] {
                        pairs.push((hash_without(&cs, [i, NONE]), id as u32));
                    }
                }
                chars.push(cs);
            } else {
                chars.push(Box::default());
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut ranges = HashMap::with_capacity_and_hasher(pairs.len() / 2, FixedState::default());
        let mut start = 0;
        while start < pairs.len() {
            let key = pairs[start].0;
            let end = start + pairs[start..].iter().take_while(|p| p.0 == key).count();
            ranges.insert(key, (start as u32, (end - start) as u32));
            start = end;
        }
        DeleteIndex { ranges, ids: pairs.into_iter().map(|p| p.1).collect(), chars }
    }

    /// Words within the allowed distance of `query` (1, or 2 when both are long), with their distance, each once;
    /// `query` itself is not returned when it is a word. Appends to `out`, which it leaves sorted by id.
    pub fn near(&self, query: &[char], out: &mut Vec<(u32, u8)>) {
        let n = query.len();
        if !(MIN_CANDIDATE_CHARS - 1..=MAX_CANDIDATE_CHARS + 2).contains(&n) {
            return;
        }
        let from = out.len();
        let visit = |key: u64, out: &mut Vec<(u32, u8)>| {
            let Some(&(start, len)) = self.ranges.get(&key) else { return };
            for &id in &self.ids[start as usize..(start + len) as usize] {
                let word = &self.chars[id as usize];
                let limit = if word.len() >= LONG_WORD_CHARS && n >= LONG_WORD_CHARS { 2 } else { 1 };
                if let Some(d) = bounded_distance(query, word, limit) {
                    if d > 0 {
                        out.push((id, d));
                    }
                }
            }
        };
        visit(hash_without(query, [NONE, NONE]), out);
        for i in 0..n {
            if i == 0 || query[i] != query[i - 1] {
                visit(hash_without(query, [i, NONE]), out);
            }
        }
        if n >= LONG_WORD_CHARS {
            for i in 0..n {
                for j in i + 1..n {
                    visit(hash_without(query, [i, j]), out);
                }
            }
        }
        out[from..].sort_unstable();
        let mut kept = from;
        for k in from..out.len() {
            if kept == from || out[kept - 1].0 != out[k].0 {
                out[kept] = out[k];
                kept += 1;
            }
        }
        out.truncate(kept);
    }
}

/// The optimal string alignment distance of `a` and `b` when it is at most `limit`.
pub fn bounded_distance(a: &[char], b: &[char], limit: u8) -> Option<u8> {
    if a.len().abs_diff(b.len()) > usize::from(limit) {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0u8; width * 3];
    let (mut before, mut previous, mut current) = (0, width, 2 * width);
    for (j, cell) in rows[previous..previous + width].iter_mut().enumerate() {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        rows[current] = i as u8;
        let mut row_min = rows[current];
        for j in 1..width {
            let substitution = rows[previous + j - 1] + u8::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(rows[previous + j] + 1).min(rows[current + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[before + j - 2] + 1);
            }
            rows[current + j] = best;
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return None;
        }
        (before, previous, current) = (previous, current, before);
    }
    let d = rows[previous + b.len()];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn near(words: &[&str], query: &str) -> Vec<(String, u8)> {
        let boxed: Vec<Box<str>> = words.iter().map(|&w| w.into()).collect();
        let index = DeleteIndex::build(&boxed, &vec![true; boxed.len()]);
        let mut out = Vec::new();
        index.near(&chars(query), &mut out);
        out.into_iter().map(|(id, d)| (words[id as usize].to_owned(), d)).collect()
    }

    #[test]
    fn distance_counts_each_edit_once() {
        let d = |a: &str, b: &str| bounded_distance(&chars(a), &chars(b), 2);
        assert_eq!(d("media", "media"), Some(0));
        assert_eq!(d("meida", "media"), Some(1)); // transposition
        assert_eq!(d("custmer", "customer"), Some(1));
        assert_eq!(d("buisness", "business"), Some(1));
        assert_eq!(d("medai", "media"), Some(1));
        assert_eq!(d("abc", "xyz"), None);
        assert_eq!(d("été", "ete"), Some(2));
    }

    #[test]
    fn each_single_edit_is_found() {
        let words = ["media", "customer", "business", "social"];
        assert_eq!(near(&words, "meida"), [("media".to_owned(), 1)]);
        assert_eq!(near(&words, "custmer"), [("customer".to_owned(), 1)]);
        assert_eq!(near(&words, "socail"), [("social".to_owned(), 1)]);
        assert_eq!(near(&words, "socialx"), [("social".to_owned(), 1)]);
        assert_eq!(near(&words, "sozial"), [("social".to_owned(), 1)]);
        assert_eq!(near(&words, "media"), []);
        assert_eq!(near(&words, "zzzzz"), []);
    }

    #[test]
    fn long_words_admit_two_edits() {
        let words = ["instagram", "photography"];
        assert_eq!(near(&words, "phottograpy"), [("photography".to_owned(), 2)]);
        assert_eq!(near(&words, "innstagrram"), [("instagram".to_owned(), 2)]);
        assert_eq!(near(&words, "instgrm"), []); // short query: one edit at most
    }
}

//! Typo candidates in microseconds: a symmetric-delete index over the frequency list, and the optimal string
//! alignment distance (Levenshtein plus adjacent transpositions) that confirms each candidate.
//!
//! Every indexed word is stored under the hash of itself and of each form with one character deleted. A query
//! looks up itself and its own one-deletion forms (two-deletion forms too when it is long), so that one insertion,
//! deletion, substitution or transposition always meets, and many two-edit typos of long words do. The first
//! letter is taken as typed: typos seldom hit it, and names such as Zalando are not "fixed" to alando.
//!
//! Forms are indexed without accents, so that a stretch typed without any (#PetitDejeuner) meets the accented word
//! at the distance of its typo; a stretch typed with accents is measured against the words as written, accents
//! counting as letters (carrière is two edits from carrier, not one).

use super::accents::fold_accents;

/// Shortest word offered as a typo correction, in characters: shorter words are too close to everything.
pub const MIN_CANDIDATE_CHARS: usize = 4;
/// Longest indexed word, in characters.
pub const MAX_CANDIDATE_CHARS: usize = 20;
/// From this many characters, a word may be reached with two edits.
pub const LONG_WORD_CHARS: usize = 9;
/// Longest stretch looked up with its two-deletion forms (their number grows with the square of the length).
const MAX_TWO_EDIT_QUERY_CHARS: usize = 16;

/// Bits of a form's hash that pick its bucket.
const BUCKET_BITS: u32 = 20;

pub struct DeleteIndex {
    /// (hash of a form, word id), sorted: the forms of a bucket are contiguous.
    entries: Vec<(u32, u32)>,
    /// Start of each bucket in `entries` (by the top `BUCKET_BITS` bits of the hash), plus the end.
    buckets: Vec<u32>,
    /// Each word's characters without accents, by id (empty for words not indexed); queries typed with accents are
    /// measured against the words as the lexicon writes them.
    chars: Vec<Box<[char]>>,
}

/// Polynomial hashes of a word's prefixes, so that the hash of the word without one or two characters costs O(1):
/// every form of a stretch is hashed without walking it again.
struct Prefixes {
    /// `at[k]`: hash of the first k characters.
    at: [u64; MAX_HASHED + 1],
    len: usize,
}

/// Longest stretch hashed (queries are at most `MAX_CANDIDATE_CHARS + 2` characters).
const MAX_HASHED: usize = MAX_CANDIDATE_CHARS + 2;
/// The polynomial's base (odd, so that powers never vanish modulo 2^64).
const BASE: u64 = 0x100_0000_01b3;

const fn powers() -> [u64; MAX_HASHED + 1] {
    let mut p = [1u64; MAX_HASHED + 1];
    let mut i = 1;
    while i <= MAX_HASHED {
        p[i] = p[i - 1].wrapping_mul(BASE);
        i += 1;
    }
    p
}

const POWERS: [u64; MAX_HASHED + 1] = powers();

impl Prefixes {
    fn new(chars: &[char]) -> Prefixes {
        let mut at = [0u64; MAX_HASHED + 1];
        for (k, &c) in chars.iter().enumerate() {
            at[k + 1] = at[k].wrapping_mul(BASE).wrapping_add(u64::from(c) + 1);
        }
        Prefixes { at, len: chars.len() }
    }

    /// Hash of characters `a..b`.
    fn range(&self, a: usize, b: usize) -> u64 {
        self.at[b].wrapping_sub(self.at[a].wrapping_mul(POWERS[b - a]))
    }

    /// 32-bit key of the word without the characters at `skip` (sorted, distinct; `NONE` for fewer). Collisions
    /// only cost a distance check: every candidate is confirmed.
    fn key_without(&self, skip: [usize; 2]) -> u32 {
        let mut h = 0u64;
        let mut from = 0;
        let mut form_len = self.len;
        for cut in skip.into_iter().filter(|&i| i != NONE) {
            h = h.wrapping_mul(POWERS[cut - from]).wrapping_add(self.range(from, cut));
            from = cut + 1;
            form_len -= 1;
        }
        h = h.wrapping_mul(POWERS[self.len - from]).wrapping_add(self.range(from, self.len));
        // Mix the form's length in and spread the bits: the top ones pick the bucket.
        let mixed = (h ^ (form_len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        (mixed >> 32) as u32
    }
}

fn bucket(key: u32) -> usize {
    (key >> (32 - BUCKET_BITS)) as usize
}

const NONE: usize = usize::MAX;

impl DeleteIndex {
    /// Indexes the `correct` words among `words` (by id) that are long enough to be offered.
    pub fn build(words: &[Box<str>], correct: &[bool]) -> DeleteIndex {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut chars = Vec::with_capacity(words.len());
        for (id, word) in words.iter().enumerate() {
            // Indexed without accents: a tag typed without them reaches the accented word at the distance of its typo.
            let cs: Vec<char> = fold_accents(word).chars().collect();
            if correct[id] && (MIN_CANDIDATE_CHARS..=MAX_CANDIDATE_CHARS).contains(&cs.len()) {
                let prefixes = Prefixes::new(&cs);
                pairs.push((prefixes.key_without([NONE, NONE]), id as u32));
                for i in 0..cs.len() {
                    // A doubled letter gives the same form twice: keep one.
                    if i == 0 || cs[i] != cs[i - 1] {
                        pairs.push((prefixes.key_without([i, NONE]), id as u32));
                    }
                }
                chars.push(cs.into_boxed_slice());
            } else {
                chars.push(Box::default());
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut buckets = vec![0u32; (1 << BUCKET_BITS) + 1];
        for &(key, _) in &pairs {
            buckets[bucket(key) + 1] += 1;
        }
        for i in 1..buckets.len() {
            buckets[i] += buckets[i - 1];
        }
        DeleteIndex { entries: pairs, buckets, chars }
    }

    /// Words within the allowed distance of `query` (1, or 2 when both are long), with their distance, each once;
    /// `query` itself is not returned when it is a word. A query typed without accents is measured against the words
    /// without theirs; one typed with accents against the words as written. Appends to `out`, which it leaves sorted
    /// by id.
    /// With `keep_first`, only words that begin with the letter typed first (ignoring accents).
    /// `words` are the lexicon's words by id, as written.
    pub fn near(&self, words: &[Box<str>], typed: &[char], keep_first: bool, out: &mut Vec<(u32, u8)>) {
        let plain = typed.iter().all(char::is_ascii);
        let folded: Vec<char>;
        let query = if plain {
            typed
        } else {
            folded = fold_accents(&typed.iter().collect::<String>()).chars().collect();
            &folded
        };
        let n = query.len();
        if !(MIN_CANDIDATE_CHARS - 1..=MAX_CANDIDATE_CHARS + 2).contains(&n) {
            return;
        }
        let from = out.len();
        let mut written = Vec::with_capacity(MAX_ROW);
        let mut visit = |key: u32, out: &mut Vec<(u32, u8)>| {
            let b = bucket(key);
            let in_bucket = &self.entries[self.buckets[b] as usize..self.buckets[b + 1] as usize];
            for &(_, id) in in_bucket.iter().filter(|e| e.0 == key) {
                let folded = &self.chars[id as usize];
                if keep_first && folded.first() != query.first() {
                    continue;
                }
                let (a, b) = if plain {
                    (query, &folded[..])
                } else {
                    written.clear();
                    written.extend(words[id as usize].chars());
                    (typed, &written[..])
                };
                let limit = if b.len() >= LONG_WORD_CHARS && a.len() >= LONG_WORD_CHARS { 2 } else { 1 };
                if let Some(d) = bounded_distance(a, b, limit) {
                    if d > 0 {
                        out.push((id, d));
                    }
                }
            }
        };
        let prefixes = Prefixes::new(query);
        visit(prefixes.key_without([NONE, NONE]), out);
        for i in 0..n {
            if i == 0 || query[i] != query[i - 1] {
                visit(prefixes.key_without([i, NONE]), out);
            }
        }
        if (LONG_WORD_CHARS..=MAX_TWO_EDIT_QUERY_CHARS).contains(&n) {
            for i in 0..n {
                for j in i + 1..n {
                    visit(prefixes.key_without([i, j]), out);
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

/// Longest second word `bounded_distance` compares, plus one.
const MAX_ROW: usize = MAX_CANDIDATE_CHARS + 8;

/// The optimal string alignment distance of `a` and `b` when it is at most `limit` (None too when `b` is longer
/// than any candidate).
pub fn bounded_distance(a: &[char], b: &[char], limit: u8) -> Option<u8> {
    if a.len().abs_diff(b.len()) > usize::from(limit) {
        return None;
    }
    let width = b.len() + 1;
    if width > MAX_ROW {
        return None;
    }
    let mut rows = [0u8; MAX_ROW * 3];
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
        index.near(&boxed, &chars(query), true, &mut out);
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
        assert_eq!(d("a", ""), Some(1));
    }

    #[test]
    fn each_single_edit_is_found() {
        let words = ["media", "customer", "business", "social"];
        assert_eq!(near(&words, "meida"), [("media".to_owned(), 1)]);
        assert_eq!(near(&words, "custmer"), [("customer".to_owned(), 1)]);
        assert_eq!(near(&words, "socail"), [("social".to_owned(), 1)]);
        assert_eq!(near(&words, "socialx"), [("social".to_owned(), 1)]);
        assert_eq!(near(&words, "sozial"), [("social".to_owned(), 1)]);
        assert_eq!(near(&words, "zmedia"), []); // the first letter is kept
        assert_eq!(near(&words, "media"), []);
        assert_eq!(near(&words, "zzzzz"), []);
    }

    #[test]
    fn accents_typed_count_and_accents_left_out_do_not() {
        let words = ["carrier", "carrière", "publique"];
        // Typed with accents: carrière is two edits from carrier, and none from itself.
        assert_eq!(near(&words, "carrière"), []);
        assert_eq!(near(&words, "carrère"), [("carrière".to_owned(), 1)]);
        // Typed without any: the accented word is at the distance of the typo.
        assert_eq!(near(&words, "carrere"), [("carrière".to_owned(), 1)]);
        assert_eq!(near(&words, "carier"), [("carrier".to_owned(), 1)]);
        assert_eq!(near(&words, "ubique"), []);
    }

    #[test]
    fn long_words_admit_two_edits() {
        let words = ["instagram", "photography"];
        assert_eq!(near(&words, "phottograpy"), [("photography".to_owned(), 2)]);
        assert_eq!(near(&words, "innstagrram"), [("instagram".to_owned(), 2)]);
        assert_eq!(near(&words, "instgrm"), []); // short query: one edit at most
    }
}

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

use super::accents::{fold_accents, fold_char};
use super::words::WordList;

/// Shortest word offered as a typo correction, in characters: shorter words are too close to everything.
pub const MIN_CANDIDATE_CHARS: usize = 4;
/// Longest indexed word, in characters.
pub const MAX_CANDIDATE_CHARS: usize = 20;
/// From this many characters, a word may be reached with two edits.
pub const LONG_WORD_CHARS: usize = 9;
/// Longest stretch looked up with its two-deletion forms (their number grows with the square of the length).
const MAX_TWO_EDIT_QUERY_CHARS: usize = 16;

/// Forms per bucket, at most (2 to 4 after rounding the bucket count up to a power of two): the bucket table is sized
/// from the number of forms. A lookup scans one bucket, and a long French typo looks up thousands of forms, most of
/// them absent: measured on 6 December (`node bench/hashtags.mjs`, three runs each, wasm memory after loading both
/// lexicons, French p95 per tag), 8 gave 24.5 MB and 0.45–0.53 ms, 4 gives 25.6 MB and 0.42–0.46 ms, 2 gave 29.6 MB
/// and 0.38–0.41 ms.
const FORMS_PER_BUCKET: usize = 4;
/// Bits of a form's entry that hold its word id (the rest: the low bits of its key).
const ID_BITS: u32 = 24;

/// The index holds each form as its bucket (the top bits of its 32-bit hash key) and one 32-bit entry: the key's low
/// 8 bits and a word id. A key that only shares those bits with the query's costs a distance check, as any collision.
pub struct DeleteIndex {
    /// Bits of a key that pick its bucket.
    bucket_bits: u32,
    /// Start of each bucket in `entries`, plus the end.
    starts: Vec<u32>,
    /// `key_low_byte << ID_BITS | word id`, by bucket.
    entries: Vec<u32>,
    /// Each accented word without its accents, by id (empty for the others: the word as written is its form, and
    /// for words not indexed); queries typed with accents are measured against the words as the lexicon writes them.
    folded: WordList,
}

const ID_MASK: u32 = (1 << ID_BITS) - 1;

fn entry(key: u32, id: u32) -> u32 {
    (key << ID_BITS) | id
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
    #[inline]
    fn range(&self, a: usize, b: usize) -> u64 {
        self.at[b].wrapping_sub(self.at[a].wrapping_mul(POWERS[b - a]))
    }

    /// 32-bit key of the whole word. Collisions only cost a distance check: every candidate is confirmed.
    #[inline]
    fn key(&self) -> u32 {
        mix(self.at[self.len], self.len)
    }

    /// Key of the word without the character at `i`.
    #[inline]
    fn key_without(&self, i: usize) -> u32 {
        let h = self.at[i].wrapping_mul(POWERS[self.len - i - 1]).wrapping_add(self.range(i + 1, self.len));
        mix(h, self.len - 1)
    }

    /// Key of the word without the characters at `i` and `j` (`i < j`).
    #[inline]
    fn key_without_two(&self, i: usize, j: usize) -> u32 {
        let h = self.at[i].wrapping_mul(POWERS[j - i - 1]).wrapping_add(self.range(i + 1, j));
        let h = h.wrapping_mul(POWERS[self.len - j - 1]).wrapping_add(self.range(j + 1, self.len));
        mix(h, self.len - 2)
    }
}

/// A form's 32-bit key from its hash and length: the length mixed in and the bits spread (the top ones pick the
/// bucket).
#[inline]
fn mix(h: u64, form_len: usize) -> u32 {
    let mixed = (h ^ (form_len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (mixed >> 32) as u32
}

impl DeleteIndex {
    /// Indexes the `correct` words among `words` (by id) that are long enough to be offered.
    pub fn build(words: &WordList, correct: &[bool]) -> DeleteIndex {
        let mut folded = WordList::with_capacity(words.len(), 0);
        let mut indexed_ids = Vec::with_capacity(words.len());
        for (id, word) in words.iter().enumerate() {
            // Indexed without accents: a tag typed without them reaches the accented word at the distance of its typo.
            let plain = fold_accents(word);
            let indexed = correct[id] && (MIN_CANDIDATE_CHARS..=MAX_CANDIDATE_CHARS).contains(&plain.chars().count());
            folded.push(if indexed && plain != word { &plain } else { "" });
            indexed_ids.push(indexed);
        }
        assert!(words.len() < 1 << ID_BITS, "a typo index of fewer than 2^24 words");
        let form = |id: u32| if indexed_ids[id as usize] { folded.form(words, id) } else { "" };
        // Two passes over the forms (count per bucket, then place), so that the index is allocated once, at its size.
        let forms: usize = (0..words.len() as u32).map(|id| form_count(form(id))).sum();
        let bucket_bits = (usize::BITS - (forms / FORMS_PER_BUCKET).max(1).leading_zeros()).clamp(4, 24);
        let bucket = |key: u32| (key >> (32 - bucket_bits)) as usize;
        let mut starts = vec![0u32; (1 << bucket_bits) + 1];
        let mut chars = Vec::with_capacity(MAX_CANDIDATE_CHARS);
        for id in 0..words.len() as u32 {
            forms_of(form(id), &mut chars, |key| starts[bucket(key) + 1] += 1);
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut entries = vec![0u32; forms];
        for id in 0..words.len() as u32 {
            forms_of(form(id), &mut chars, |key| {
                let at = &mut next[bucket(key)];
                entries[*at as usize] = entry(key, id);
                *at += 1;
            });
        }
        DeleteIndex { bucket_bits, starts, entries, folded }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        (self.starts.capacity() + self.entries.capacity()) * 4 + self.folded.heap_bytes()
    }

    /// Words within the allowed distance of `query` (1, or 2 when both are long), with their distance, each once;
    /// `query` itself is not returned when it is a word. A query typed without accents is measured against the words
    /// without theirs, unless `as_written` (the letters around it were typed with accents); one typed with accents
    /// against the words as written. Appends to `out`, which it leaves sorted by id.
    /// With `keep_first`, only words that begin with the letter typed first (ignoring accents); with `max_edits` 1,
    /// no word two edits away (the two-deletion forms, most of a long query's lookups, are then not asked).
    /// `words` are the lexicon's words by id, as written.
    pub fn near(
        &self,
        words: &WordList,
        typed: &[char],
        keep_first: bool,
        max_edits: u8,
        as_written: bool,
        out: &mut Vec<(u32, u8)>,
    ) {
        let ascii = typed.iter().all(char::is_ascii);
        let plain = ascii && !as_written;
        let mut folded: Vec<char> = Vec::new();
        let query = if ascii {
            typed
        } else {
            // Sized once (a ligature folds to two letters): collected from an iterator, it grew a few times per query.
            folded.reserve_exact(2 * typed.len());
            for &c in typed {
                let (first, second) = fold_char(c);
                folded.push(first);
                folded.extend(second);
            }
            &folded
        };
        let n = query.len();
        if !(MIN_CANDIDATE_CHARS - 1..=MAX_CANDIDATE_CHARS + 2).contains(&n) {
            return;
        }
        let from = out.len();
        let mut written = Vec::with_capacity(MAX_ROW);
        let mut plain_word = [' '; MAX_CANDIDATE_CHARS];
        let mut visit = |key: u32, out: &mut Vec<(u32, u8)>| {
            let b = (key >> (32 - self.bucket_bits)) as usize;
            let (start, end) = (self.starts[b] as usize, self.starts[b + 1] as usize);
            let tag = entry(key, 0);
            for id in self.entries[start..end].iter().filter(|&&e| e & !ID_MASK == tag).map(|&e| e & ID_MASK) {
                let form = self.folded.form(words, id);
                let mut len = 0;
                for (slot, c) in plain_word.iter_mut().zip(form.chars()) {
                    *slot = c;
                    len += 1;
                }
                let folded = &plain_word[..len];
                if keep_first && folded.first() != query.first() {
                    continue;
                }
                let (a, b) = if plain {
                    (query, folded)
                } else {
                    written.clear();
                    written.extend(words.get(id).chars());
                    (typed, &written[..])
                };
                let limit = if b.len() >= LONG_WORD_CHARS && a.len() >= LONG_WORD_CHARS { max_edits.min(2) } else { 1 };
                if let Some(d) = bounded_distance(a, b, limit) {
                    if d > 0 {
                        out.push((id, d));
                    }
                }
            }
        };
        let prefixes = Prefixes::new(query);
        visit(prefixes.key(), out);
        for i in 0..n {
            if i == 0 || query[i] != query[i - 1] {
                visit(prefixes.key_without(i), out);
            }
        }
        if max_edits >= 2 && (LONG_WORD_CHARS..=MAX_TWO_EDIT_QUERY_CHARS).contains(&n) {
            for i in 0..n {
                for j in i + 1..n {
                    visit(prefixes.key_without_two(i, j), out);
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

/// Calls `each` with the key of `word` and of each of its one-deletion forms; returns how many (none for "").
fn forms_of(word: &str, chars: &mut Vec<char>, mut each: impl FnMut(u32)) -> usize {
    if word.is_empty() {
        return 0;
    }
    chars.clear();
    chars.extend(word.chars());
    let cs = &chars[..];
    let prefixes = Prefixes::new(cs);
    each(prefixes.key());
    let mut n = 1;
    for i in 0..cs.len() {
        // A doubled letter gives the same form twice: keep one.
        if i == 0 || cs[i] != cs[i - 1] {
            each(prefixes.key_without(i));
            n += 1;
        }
    }
    n
}

/// How many keys `forms_of` gives `word`, without hashing them.
fn form_count(word: &str) -> usize {
    let mut previous = None;
    let distinct_runs = word.chars().filter(|&c| previous.replace(c) != Some(c)).count();
    if word.is_empty() {
        0
    } else {
        1 + distinct_runs
    }
}

/// Longest second word `bounded_distance` compares, plus one.
const MAX_ROW: usize = MAX_CANDIDATE_CHARS + 8;

/// Whether `typed` is `word` with two neighbouring letters swapped.
pub fn is_swap(typed: &[char], word: &[char]) -> bool {
    let i = typed.iter().zip(word).take_while(|(a, b)| a == b).count();
    typed.len() == word.len()
        && i + 1 < typed.len()
        && typed[i] == word[i + 1]
        && typed[i + 1] == word[i]
        && typed[i + 2..] == word[i + 2..]
}

/// The optimal string alignment distance of `a` and `b` when it is at most `limit` (None too when `b` is longer
/// than any candidate). The letters the two share at the start and at the end are left out (no edit involves
/// them: a swap of two equal letters changes nothing), most of a candidate's letters; what is left is one edit when
/// it is one letter against another or two swapped, and more otherwise; only then, with a limit of two or more, the
/// band of cells within `limit` of the diagonal is computed: a cell outside it is more than `limit` away, and so is
/// every cell computed from one (they hold `limit + 1`, "too far").
pub fn bounded_distance(a: &[char], b: &[char], limit: u8) -> Option<u8> {
    if a.len().abs_diff(b.len()) > usize::from(limit) || b.len() + 1 > MAX_ROW {
        return None;
    }
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - end], &b[..b.len() - end]);
    if a.is_empty() || b.is_empty() {
        // Only insertions (or nothing) are left: as many as the letters of the other.
        let d = a.len().max(b.len());
        return (d <= usize::from(limit)).then_some(d as u8);
    }
    // One edit leaves one letter against another, or two swapped: most candidates are asked for one edit at most.
    let one_edit = match (a, b) {
        ([_], [_]) => true,
        ([x, y], [z, w]) => x == w && y == z,
        _ => false,
    };
    if one_edit || limit <= 1 {
        return (one_edit && limit >= 1).then_some(1);
    }
    let width = b.len() + 1;
    let far = limit.saturating_add(1);
    let reach = usize::from(limit);
    let mut rows = [far; MAX_ROW * 3];
    let (mut before, mut previous, mut current) = (0, width, 2 * width);
    for (j, cell) in rows[previous..previous + width].iter_mut().enumerate().take(reach + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        let (lo, hi) = (i.saturating_sub(reach).max(1), (i + reach).min(b.len()));
        // The cell left of the band: the first column, or too far (the row's buffer holds an older row there). The
        // cell right of it, which the next row reads, was never written: too far, as the buffer began.
        rows[current + lo - 1] = if lo == 1 { u8::try_from(i).unwrap_or(far).min(far) } else { far };
        let mut row_min = rows[current + lo - 1];
        for j in lo..=hi {
            let substitution = rows[previous + j - 1] + u8::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(rows[previous + j] + 1).min(rows[current + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[before + j - 2] + 1);
            }
            let best = best.min(far);
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
        let list: WordList = words.iter().copied().collect();
        let index = DeleteIndex::build(&list, &vec![true; list.len()]);
        let mut out = Vec::new();
        index.near(&list, &chars(query), true, 2, false, &mut out);
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

    /// The optimal string alignment distance, every cell computed: what the banded one is checked against.
    fn full_distance(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        d[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let mut best =
                    (d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1])).min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_banded_distance_is_the_full_one_within_its_limit() {
        // Words of a three-letter alphabet, so that edits, transpositions and repeats are frequent; a fixed seed.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as usize
        };
        for _ in 0..20_000 {
            let letter = |k: usize| ['a', 'b', 'c'][k];
            let a: Vec<char> = (0..next(12)).map(|_| letter(next(3))).collect();
            // Half the time another word, half the time `a` with up to three edits.
            let mut b: Vec<char> =
                if next(2) == 0 { (0..next(12)).map(|_| letter(next(3))).collect() } else { a.clone() };
            for _ in 0..next(4) {
                let at = next(b.len() as u64 + 1);
                match next(3) {
                    0 => b.insert(at, letter(next(3))),
                    1 if at < b.len() => _ = b.remove(at),
                    _ if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            let full = full_distance(&a, &b);
            for limit in [0u8, 1, 2, 3, 9] {
                let want = (full <= usize::from(limit)).then_some(full as u8);
                assert_eq!(bounded_distance(&a, &b, limit), want, "{a:?} {b:?} limit {limit}");
            }
        }
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
        for word in ["", "a", "media", "coffee", "aaa", "médias"] {
            assert_eq!(form_count(word), forms_of(word, &mut Vec::new(), |_| ()), "{word}");
        }
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

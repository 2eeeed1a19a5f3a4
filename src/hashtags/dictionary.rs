//! The parts of the French lexicon derived at load from its Hunspell dictionary (`affixes`) rather than shipped: the
//! dictionary's stems the counted word list lacks, as words at a fallback prior; its capitalised forms, as proper
//! names at that prior; its nouns and adjectives of two and three letters, which a split reads among more frequent
//! words; and the form filter, a Bloom filter of the lowercase forms the word list lacks.

use std::ops::RangeInclusive;

use super::affixes::Dic;
use super::lexicon::MAX_WORD_CHARS;
use super::words::{WordList, WordTable};

/// The pseudo-count of a dictionary word no count list holds, by its length in characters: 10^(4 − chars / 8),
/// truncated, below the rarest counted French word (6,122 in the Google Books counts of `tools/hashtag_data.py`),
/// falling tenfold every 8 letters (shorter words are more frequent), so that a split prefers fewer, counted words.
pub fn fallback_count(word: &str) -> f64 {
    10f64.powf(4.0 - word.chars().count() as f64 / 8.0).floor()
}

/// Python's `str.isalpha()`: letters only, at least one.
fn is_alpha(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_alphabetic)
}

/// Python's `str.islower()`: no capital, at least one lowercase letter.
fn is_lower(word: &str) -> bool {
    word.chars().any(char::is_lowercase) && !word.chars().any(char::is_uppercase)
}

/// A word the list can hold: letters, lowercase, at most `MAX_WORD_CHARS`.
fn listable(word: &str) -> bool {
    is_alpha(word) && is_lower(word) && word.chars().count() <= MAX_WORD_CHARS
}

/// What `names_and_filter` reads of a form, in one pass over its characters (a million forms for dictionary-fr).
struct Shape {
    chars: usize,
    /// Letters only, at least one (`is_alpha`).
    alpha: bool,
    first_upper: bool,
    first_lower: bool,
    rest_upper: bool,
    rest_lower: bool,
}

impl Shape {
    fn of(form: &str) -> Shape {
        let mut shape = Shape {
            chars: 0,
            alpha: true,
            first_upper: false,
            first_lower: false,
            rest_upper: false,
            rest_lower: false,
        };
        for c in form.chars() {
            let (alpha, upper, lower) = if c.is_ascii() {
                (c.is_ascii_alphabetic(), c.is_ascii_uppercase(), c.is_ascii_lowercase())
            } else {
                (c.is_alphabetic(), c.is_uppercase(), c.is_lowercase())
            };
            shape.alpha &= alpha;
            if shape.chars == 0 {
                (shape.first_upper, shape.first_lower) = (upper, lower);
            } else {
                shape.rest_upper |= upper;
                shape.rest_lower |= lower;
            }
            shape.chars += 1;
        }
        shape.alpha &= shape.chars > 0;
        shape
    }

    /// Letters only, 4 to `MAX_WORD_CHARS` of them: what a stretch of a split may be.
    fn word_sized(&self) -> bool {
        self.alpha && (4..=MAX_WORD_CHARS).contains(&self.chars)
    }

    /// A capital, then `is_lower` (Bretagne).
    fn capitalised(&self) -> bool {
        self.first_upper && self.rest_lower && !self.rest_upper
    }

    /// `is_lower` of the whole form.
    fn lower(&self) -> bool {
        (self.first_lower || self.rest_lower) && !self.first_upper && !self.rest_upper
    }
}

/// A table of the words listed as written among `words`: not the elided ones (`elided`, their ids), which the list
/// holds without their apostrophe ("qu" of "qu'" is another word).
fn table_of(words: &WordList, elided: &[u32]) -> WordTable {
    let mut table = WordTable::with_capacity(words.len());
    for id in (0..words.len() as u32).filter(|id| elided.binary_search(id).is_err()) {
        table.insert(words, id);
    }
    table
}

/// `candidates` (with repeats) ordered as the word lists are, most frequent first (`fallback_count`) then by code
/// point, each once.
fn ordered(candidates: &WordList) -> Vec<u32> {
    let mut order: Vec<(u32, &str, u32)> = (0..candidates.len() as u32)
        .map(|k| {
            let word = candidates.get(k);
            (fallback_count(word) as u32, word, k)
        })
        .collect();
    order.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    order.dedup_by(|a, b| a.1 == b.1);
    order.into_iter().map(|(_, _, k)| k).collect()
}

/// The endings of the present forms of `nous` and `vous`, which the imperative shares: the calls to action of tags
/// (#votezpourmoi, #sauvonslaplanète), which the counts of `tools/hashtag_data.py` mostly lack.
const PLURAL_PRESENT_ENDINGS: [&str; 2] = ["ons", "ez"];

/// The marks a tag cannot hold inside a word, which it is typed without: week-end is #bonweekend, p'tit #ptitdej.
const JOINED_MARKS: [char; 2] = ['-', '\''];

/// Lengths of the short nouns and adjectives `fallback_words` finds, in characters (`Lexicon::is_common_word`).
const SHORT_NOUN_CHARS: RangeInclusive<usize> = 2..=3;

/// The endings of a plural, of nouns and adjectives alike (tris, zoos; feux).
const PLURAL_ENDINGS: [&str; 2] = ["s", "x"];

/// The words at the fallback prior, in the order they take ids after the counted `words` (`elided` their elided
/// ids), that `words` lacks: the dictionary's lowercase stems of two letters or more, its hyphenated stems and its
/// contractions joined, the contractions' inflected forms too (week-end is typed #bonweekend, p'tit #ptitdej), and
/// the present forms of `nous` and `vous` of the verbs `words` holds, by their infinitive or, of the first group,
/// their past participle (of each ending, the shortest form: votez, not votiez nor voterez); and beside them, the
/// stems of `SHORT_NOUN_CHARS` letters the dictionary gives a plural, counted or not: its nouns and adjectives of
/// those lengths (an, tri, spa; not the Latin dei nor the verb form osa).
pub fn fallback_words(dic: &Dic, words: &WordList, elided: &[u32]) -> (WordList, WordList) {
    let table = table_of(words, elided);
    let mut candidates = WordList::default();
    let mut short_nouns = WordList::default();
    let mut joined = String::new();
    let mut participle = String::new();
    dic.stems(|stem, suffixed| {
        if listable(stem) && stem.chars().nth(1).is_some() {
            candidates.push(stem);
            if SHORT_NOUN_CHARS.contains(&stem.chars().count()) {
                let mut plural = false;
                suffixed(&mut |form| {
                    plural |= form.strip_prefix(stem).is_some_and(|end| PLURAL_ENDINGS.contains(&end));
                });
                if plural {
                    short_nouns.push(stem);
                }
            }
        } else if stem.contains(JOINED_MARKS) {
            let mut push_joined = |form: &str| {
                joined.clear();
                joined.extend(form.chars().filter(|c| !JOINED_MARKS.contains(c)));
                if listable(&joined) && joined.chars().nth(1).is_some() {
                    candidates.push(&joined);
                }
            };
            push_joined(stem);
            // A contraction's inflections too: p'tit/F. gives #ptite, #ptits, #ptites.
            if stem.contains('\'') {
                suffixed(&mut |form| push_joined(form));
            }
        }
        let infinitive = ["er", "ir", "re"].iter().any(|end| stem.ends_with(end));
        if !infinitive {
            return;
        }
        // A verb the counts know by its infinitive or, of the first group, by its past participle (abonner: abonné,
        // which books write more often than the verb).
        let counted = table.get(words, stem).is_some()
            || stem.strip_suffix("er").is_some_and(|root| {
                participle.clear();
                participle.push_str(root);
                participle.push('é');
                table.get(words, &participle).is_some()
            });
        if !counted {
            return;
        }
        // Of each ending, the first of the shortest forms.
        let mut present: [Option<String>; PLURAL_PRESENT_ENDINGS.len()] = Default::default();
        suffixed(&mut |form| {
            for (ending, shortest) in PLURAL_PRESENT_ENDINGS.iter().zip(&mut present) {
                if form.ends_with(ending) && shortest.as_ref().is_none_or(|s| form.chars().count() < s.chars().count())
                {
                    *shortest = Some(form.to_owned());
                }
            }
        });
        for form in present.iter().flatten().filter(|f| listable(f)) {
            candidates.push(form);
        }
    });
    let order = ordered(&candidates);
    let fallback = order.into_iter().map(|k| candidates.get(k)).filter(|w| table.get(words, w).is_none()).collect();
    (fallback, short_nouns)
}

/// The filters that spare Hunspell the questions it would say no to.
pub struct Filters {
    /// The lowercase forms of 4 to `MAX_WORD_CHARS` letters the word list lacks: the stretches of a split.
    pub lowercase: FormFilter,
    /// Every form with a capital (Paris, NASA, McDonald), lowercased: only a piece among them may be a word in a case
    /// other than its own (Hunspell accepts "Bretagne" or "NASA" where it refuses "bretagne" or "nasa").
    pub cased: FormFilter,
}

impl Filters {
    fn new(lowercase_bytes: usize) -> Filters {
        let filter = |bytes| FormFilter::new(vec![0; bytes]).expect("a power of two");
        Filters { lowercase: filter(lowercase_bytes), cased: filter(CASED_FILTER_BYTES) }
    }

    /// Takes one form of the dictionary (`shape` its shape) into the cased filter if it has a capital, and into the
    /// lowercase one if `lowercase` allows it.
    fn take(&mut self, form: &str, shape: &Shape, lowercase: impl FnOnce() -> bool) {
        if shape.first_upper || shape.rest_upper {
            self.cased.insert(&form.to_lowercase());
        } else if shape.word_sized() && shape.lower() && lowercase() {
            self.lowercase.insert(form);
        }
    }
}

/// The proper names at the fallback prior, in id order: the dictionary's forms of 4 to `MAX_WORD_CHARS` letters
/// that are capitalised (Bretagne, Marseille), lowercase, unless `words` (all of them, counted and at the prior)
/// holds them; and the filters (the lowercase one without prefixed forms, which French makes of units only: km).
pub fn names_and_filter(dic: &Dic, words: &WordList, elided: &[u32]) -> (WordList, Filters) {
    let table = table_of(words, elided);
    let mut filters = Filters::new(DICTIONARY_FORM_FILTER_BYTES);
    let mut candidates = WordList::default();
    dic.forms(|form, prefixed| {
        let shape = Shape::of(form);
        filters.take(form, &shape, || !prefixed && table.get(words, form).is_none());
        if !prefixed && shape.word_sized() && shape.capitalised() {
            let lower = form.to_lowercase();
            if table.get(words, &lower).is_none() {
                candidates.push(&lower);
            }
        }
    });
    let names = ordered(&candidates).into_iter().map(|k| candidates.get(k)).collect();
    (names, filters)
}

/// The filters alone, prefixed forms included: for a lexicon whose words are all counted (English), to which the
/// dictionary adds no word nor name.
pub fn filters_of(dic: &Dic, words: &WordList, elided: &[u32]) -> Filters {
    let table = table_of(words, elided);
    let mut filters = Filters::new(COUNTED_FORM_FILTER_BYTES);
    dic.forms(|form, _| filters.take(form, &Shape::of(form), || table.get(words, form).is_none()));
    filters
}

/// Bytes of the form filter of a lexicon whose words come from the dictionary (French: about 340,000 forms the list
/// lacks), 2^22 bits: 0.28 of them set, about 0.6 % false hits with 4 probes. Each false hit is a Hunspell check
/// (tens of thousands of instructions for a long stretch): at 2^21 bits (about 5 %) they were 6 % of the French
/// development tags' check (callgrind).
const DICTIONARY_FORM_FILTER_BYTES: usize = 1 << 19;

/// Bytes of the form filter of a lexicon whose words are counted (English: about 45,000 forms of en_US the list
/// lacks), 2^19 bits: about 0.3 of them set, under 1 % false hits with 4 probes.
const COUNTED_FORM_FILTER_BYTES: usize = 1 << 16;

/// Bytes of the cased filter: 2^19 bits for the forms with a capital of en_US or dictionary-fr (tens of thousands):
/// 0.15 (English) and 0.08 (French) of them set, under 0.1 % false hits with 4 probes.
const CASED_FILTER_BYTES: usize = 1 << 16;

/// Probes per form.
const FORM_FILTER_PROBES: usize = 4;

/// A Bloom filter of the forms of a dictionary the word list lacks: no false misses, under 1 % false hits at the
/// sizes above, each confirmed by Hunspell. Hashing: FNV-1a 64 of the UTF-8 bytes, probes `h1 + i * h2` of its
/// halves (`h2` odd).
#[derive(Default)]
pub struct FormFilter {
    bits: Vec<u8>,
}

impl FormFilter {
    /// A filter of these bits, a power of two of bytes; none: every form may be held.
    fn new(bits: Vec<u8>) -> Result<FormFilter, String> {
        if !bits.is_empty() && !bits.len().is_power_of_two() {
            return Err(format!("a form filter of {} bytes (a power of two is expected)", bits.len()));
        }
        Ok(FormFilter { bits })
    }

    /// The bits of `form`'s probes.
    fn probes(&self, form: &str) -> [u64; FORM_FILTER_PROBES] {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &byte in form.as_bytes() {
            h = (h ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
        let (h1, h2) = (h & 0xffff_ffff, (h >> 32) | 1);
        let bits = self.bits.len() as u64 * 8;
        std::array::from_fn(|i| (h1 + i as u64 * h2) % bits)
    }

    fn insert(&mut self, form: &str) {
        for bit in self.probes(form) {
            self.bits[(bit / 8) as usize] |= 1 << (bit % 8);
        }
    }

    /// Whether `form` may be in the set (always true without a filter).
    pub fn may_hold(&self, form: &str) -> bool {
        self.bits.is_empty()
            || self.probes(form).into_iter().all(|bit| self.bits[(bit / 8) as usize] & (1 << (bit % 8)) != 0)
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.bits.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashtags::affixes::Affixes;

    const AFF: &str = "SET UTF-8\nFLAG long\nSFX S. Y 1\nSFX S. 0 s .\nSFX E. Y 1\nSFX E. 0 e .\n";
    /// Counted: the, chat. At the prior: chien (a stem), weekend (joined), not "a" (one letter) nor "q" of "qu'"
    /// (listed elided: "qu" is another word). Names: Paris (and its plural form, Pariss, of S.), not Chat (chat is a
    /// word).
    const DIC: &str = "8\nchat/S.\nchien/S.E.\nweek-end/S.\na\nqu\nParis/S.\nChat\nNY\n";

    #[test]
    fn dictionary_stems_and_names_the_list_lacks_are_derived_in_order() {
        let affixes = Affixes::parse(AFF).unwrap();
        let dic = affixes.read_dic(DIC);
        let counted: WordList = ["the", "chat", "qu"].into_iter().collect();
        let (fallback, _) = fallback_words(&dic, &counted, &[2]);
        // weekend (7 letters) is rarer than chien and qu (5 and 2 letters): qu first.
        assert_eq!(fallback.iter().collect::<Vec<_>>(), ["qu", "chien", "weekend"]);
        assert!(fallback_count("qu") > fallback_count("chien") && fallback_count("chien") < 6_122.0);
        assert_eq!(fallback_count("chienne"), 10f64.powf(4.0 - 7.0 / 8.0).floor());
        let all: WordList = ["the", "chat", "qu", "qu", "chien", "weekend"].into_iter().collect();
        let (names, filters) = names_and_filter(&dic, &all, &[2]);
        let filter = filters.lowercase;
        // Paris, its form Pariss and Chat, lowercased, may be words in another case; chien is only ever lowercase.
        let cased = |w| filters.cased.may_hold(w);
        assert!(cased("paris") && cased("pariss") && cased("chat") && cased("ny") && !cased("chien"));
        assert_eq!(names.iter().collect::<Vec<_>>(), ["paris", "pariss"]);
        // Lowercase forms of four letters or more the list lacks: chats, chiens, chiene, not chat nor chien.
        assert!(filter.may_hold("chats") && filter.may_hold("chiens") && filter.may_hold("chiene"));
        assert!(!filter.may_hold("chien") && !filter.may_hold("chat") && !filter.may_hold("paris"));
    }

    #[test]
    fn the_plural_present_of_a_counted_verb_is_derived() {
        // Present, imperfect and future of nous and vous: the shortest of each ending is the present.
        let aff = "SFX V Y 7\nSFX V er ons er\nSFX V er ions er\nSFX V er ez er\nSFX V er iez er\nSFX V 0 ez er\n\
                   SFX V er é er\nSFX V er e er\n";
        let affixes = Affixes::parse(aff).unwrap();
        let dic = affixes.read_dic("5\nvoter/V\nchanter/V\nfer\nabonner/V\nusiner/V\n");
        // chanter is no counted word: a stem at the prior, without its forms; fer, a noun, has none. abonner is
        // known by its participle; usiner is not by usine, a noun's form too (any counted form let rare verbs in).
        let counted: WordList = ["voter", "fer", "abonné", "usine"].into_iter().collect();
        let (fallback, _) = fallback_words(&dic, &counted, &[]);
        let derived = ["votez", "usiner", "votons", "abonner", "abonnez", "chanter", "abonnons"];
        assert_eq!(fallback.iter().collect::<Vec<_>>(), derived);
    }

    #[test]
    fn the_form_filter_has_no_false_misses_and_screens_other_words() {
        let mut filter = FormFilter::new(vec![0; 64]).unwrap();
        filter.insert("hello");
        assert!(filter.may_hold("hello") && !filter.may_hold("world"));
        assert!(FormFilter::default().may_hold("world"));
        assert!(FormFilter::new(vec![0; 3]).is_err());
    }
}

//! One language's hashtag lexicon: the Hunspell dictionary (the judge of what is a word), the word-frequency model
//! (unigram costs, bigrams, a cost for the words Hunspell accepts that the list lacks) and the typo candidate index.
//! A `Checker` owns the lexicons it checks with.
//!
//! The extension's service worker loads each language once from a packed file (`dist/chrome/lexicon/en.bin`, made
//! by `tools/pack-lexicon.mjs`); the native CLI builds the same lexicons from `data/hashtags/` compiled in.

use std::collections::HashMap;

use super::accents::fold_accents;
use super::affixes::Affixes;
use super::allowlist;
use super::dictionary::{self, Filters};
use super::fuzzy::{bounded_distance, is_swap, DeleteIndex};
use super::packed;
use super::phrases;
use super::words::{WordList, WordTable};
use crate::lang::Lang;

/// Longest word of the frequency model, in characters.
pub const MAX_WORD_CHARS: usize = 24;

/// The most frequent web words are words even when Hunspell lacks them (online, email, cyber, startup): the first
/// frequent misspelling of the English counts ("alot") comes at rank 8,999.
const TRUSTED_WEB_WORDS: usize = 8_000;

/// Words of one or two letters, and of three, count in a split only among this many most frequent words.
const FREQUENT_TWO_LETTER_RANK: usize = 300;
const FREQUENT_THREE_LETTER_RANK: usize = 8_000;
/// Words of three letters are typo fixes of a short stretch (`Lexicon::candidates`) among this many most frequent
/// words: feu, mer, vin, jeu; mom, run, ice rank from 300 (the frequent two-letter words' rank, which was theirs too)
/// to a few thousand. Chosen on the development listing (`examples/hashtag_errors.rs`, seeds 20261127 and 7): 300 gave
/// French 397 and 384 of 460 and the second English set 239 and 241 of 270 and 274; 3,000 gave 400, 386, 241, 243;
/// 5,000 and 8,000 400, 386, 241, 244, 8,000 one loan less (#lunchbxo: "lunch bio"); no correct tag newly flagged.
const SHORT_TYPO_THREE_LETTER_RANK: usize = 5_000;
/// How much likelier (in nats) a French verb's form in -ez is than its count says (`is_verb_form_in_ez`): the
/// imperative of a call to action (#tentezvotrechance, #consommezlocal, #relaxezvous) is common in tags and rare in
/// books, and a typo near it was "fixed" to the third person (#mangzbouger: "mange bouger"). Chosen on the development
/// listing (`examples/hashtag_errors.rs`, seeds 20261127 and 7): 0 gave French 401 and 385 of 460; 1 the same; 2 and 3
/// 404 and 389; no correct tag of any file newly flagged, the other sets unchanged.
const CALL_TO_ACTION_BONUS: f32 = 2.0;
/// A noun or adjective of three letters (`dictionary::SHORT_NOUN_CHARS`: tri, spa, zoo, coq) is common among this
/// many most frequent French words, which hold every inflected form (the English counts' first 8,000 hold more
/// lemmas). Chosen on 40 correct tags written for it (#journéespa, #coqauvin: 5 "fixed" with the rank alone, 2 at
/// 12,000, none from 16,000) and on the development listing without a language (`examples/hashtag_errors.rs` and
/// the same typos with no post language: from 20,000, "gin" made French's #Destin win for #Desgin).
const SHORT_NOUN_RANK: usize = 16_000;
/// A noun or adjective of two letters is common among this many most frequent French words: "an" (rank 656 in the
/// Google Books counts) and "or" (343), never the "no" of "nos", the possessive the dictionary gives it as a plural
/// (902). Chosen on correct tags written for it (#feuxdelasaintjean, #jourdelan were "fixed" into "flux de la saint
/// jean" and "jour de la": "je an" was no correct split) and on the development listing (`examples/hashtag_errors.rs`:
/// no change at 700, one fix lost at 3,000).
const SHORT_TWO_LETTER_NOUN_RANK: usize = 700;

/// The allowlist's words (`allowlist::words`: instagram, tiktok, foodie) that a list lacks join it as frequent as its
/// word of this rank: brands and slang are common in tags, and the counts (2006 web pages, books) predate most.
const ALLOWLIST_WORD_RANK: usize = 10_000;
/// The shortest word a shop's noun in -erie is made from (tarte, gaufre; not "thé" for #thérie).
const MIN_SHOP_NOUN_STEM_CHARS: usize = 4;

/// The text sources of one language.
pub struct Sources<'a> {
    pub aff: &'a str,
    pub dic: &'a str,
    /// `word<TAB>count` lines, most frequent first. A word ending in `'` is elided (French l', d', qu'): it is
    /// written without its apostrophe in a tag, and only before a word that begins with a vowel or h.
    pub words: &'a str,
    /// `first second<TAB>count` lines; empty when the language has no bigram counts.
    pub bigrams: &'a str,
    /// The dictionary's other words are derived at load (`dictionary`, French): its lowercase stems that `words`
    /// lacks, as words at a fallback prior; its capitalised forms, as proper names (Bretagne) offered only as the
    /// fix of a capitalised piece; and a filter of the lowercase forms `words` lacks, so that only stretches that may
    /// be words are looked up in Hunspell. Otherwise there are no names and every stretch is looked up.
    pub dictionary_prior: bool,
    /// The words are forms the Hunspell dictionary accepts, lowercase; otherwise (web counts, with their frequent
    /// misspellings such as "buisness") each is checked with Hunspell, and the ones it rejects are never correct.
    pub words_from_dictionary: bool,
}

pub struct Lexicon {
    pub lang: Lang,
    hunspell: spellbook::Dictionary,
    words: WordList,
    ids: WordTable,
    /// Accented words by their form without accents (`dejeuner` → déjeuner): tags are often typed without them.
    folded: Folded,
    /// -ln P(word), by word id.
    costs: Vec<f32>,
    /// Hunspell accepts the word as a lowercase common word, by word id.
    correct: Vec<bool>,
    /// Ids below this one are the counted words: the others' costs are priors, not counts.
    counted: u32,
    /// Ids from this one on are proper names.
    first_name: u32,
    /// Ids of the elided words (l, d, qu for l', d', qu'), sorted.
    elided: Vec<u32>,
    /// The id of each elided word's full form when listed (de, que), in the order of `elided`.
    unelided: Vec<Option<u32>>,
    bigrams: Bigrams,
    /// ln of the total count: the scale of the unknown-word cost.
    ln_total: f32,
    /// Cost of a word Hunspell accepts that the list lacks: half as likely as the rarest listed word.
    dictionary_cost: f32,
    filters: Filters,
    near: DeleteIndex,
    /// The most frequent words of two letters (de, en, au; of, in) and of three (des, feu, mer; the, and, mom:
    /// `SHORT_TYPO_THREE_LETTER_RANK`), under themselves and their one-deletion forms: a typo in a lower-case run often
    /// hits one (#amoureuxdvsanimaux, #borddemre), and the typo index holds words of four letters or more only.
    short: HashMap<String, Vec<u32>>,
    /// Ids of the nouns and adjectives of two letters ranked from `FREQUENT_TWO_LETTER_RANK` to
    /// `SHORT_TWO_LETTER_NOUN_RANK` (#nouvelan), and of three from `FREQUENT_THREE_LETTER_RANK` to `SHORT_NOUN_RANK`
    /// (#tridesdéchets, #journéespa), sorted: common words, which the rank that keeps rare short words (dei, osa) out
    /// of a split (`common_rank_limit`) would keep out too. Empty without the dictionary's words (English).
    short_nouns: Vec<u32>,
}

/// The accented words by their forms without accents.
struct Folded {
    forms: WordList,
    /// The word id of each form.
    ids: Vec<u32>,
    table: WordTable,
}

/// -ln P(second | first) by (first id, second id): the seconds of each first word sorted, side by side with their
/// costs (8 bytes a bigram, where a hash map of pairs took 26).
struct Bigrams {
    /// `starts[first]..starts[first + 1]` are the bigrams of word `first` in `seconds` and `costs`.
    starts: Vec<u32>,
    seconds: Vec<u32>,
    costs: Vec<f32>,
}

impl Bigrams {
    /// From `(first, second, count)` triples: a pair given twice keeps its largest count. `counts` are the words'.
    fn new(mut pairs: Vec<(u32, u32, f64)>, counts: &[f64]) -> Bigrams {
        pairs.sort_by_key(|&(a, b, _)| (a, b));
        let mut starts = vec![0u32; counts.len() + 1];
        let (mut seconds, mut costs) = (Vec::with_capacity(pairs.len()), Vec::with_capacity(pairs.len()));
        for run in pairs.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
            let (a, b) = (run[0].0, run[0].1);
            let count = run.iter().map(|p| p.2).fold(0.0, f64::max);
            starts[a as usize + 1] += 1;
            seconds.push(b);
            costs.push((counts[a as usize] / count).ln().max(0.0) as f32);
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        Bigrams { starts, seconds, costs }
    }

    fn get(&self, first: u32, second: u32) -> Option<f32> {
        let (from, to) = (self.starts[first as usize] as usize, self.starts[first as usize + 1] as usize);
        self.seconds[from..to].binary_search(&second).ok().map(|k| self.costs[from + k])
    }

    /// Whether some bigram begins with `first`.
    fn has_pairs(&self, first: u32) -> bool {
        self.starts[first as usize] < self.starts[first as usize + 1]
    }

    fn heap_bytes(&self) -> usize {
        (self.starts.capacity() + self.seconds.capacity() + self.costs.capacity()) * 4
    }
}

/// The word lists of a lexicon, read from text or from a packed file: words most frequent first, then names.
struct Lists {
    /// Elided words without their apostrophe.
    words: WordList,
    counts: Vec<f64>,
    /// Ids below this one are the counted words (`finish` sets it).
    counted: u32,
    first_name: u32,
    elided: Vec<u32>,
    /// Ids of the allowlist's words pushed after the others (`push_allowlisted`); some may repeat a listed word.
    allowlisted: std::ops::Range<u32>,
    /// The dictionary's nouns and adjectives of two and three letters (`dictionary::fallback_words`), when it is read
    /// for its words (`Sources::dictionary_prior`).
    short_nouns: WordList,
}

/// Where a word list is read into.
pub trait WordSink {
    /// The next word, as listed (an elided word with its apostrophe), with its count.
    fn push(&mut self, word: &str, count: f64);
}

impl WordSink for Lists {
    fn push(&mut self, word: &str, count: f64) {
        Lists::push(self, word, count);
    }
}

impl Lists {
    fn with_capacity(words: usize, bytes: usize) -> Lists {
        Lists {
            words: WordList::with_capacity(words, bytes),
            counts: Vec::with_capacity(words),
            counted: 0,
            first_name: 0,
            elided: Vec::new(),
            allowlisted: 0..0,
            short_nouns: WordList::default(),
        }
    }

    fn push(&mut self, word: &str, count: f64) {
        if let Some(stem) = word.strip_suffix('\'') {
            self.elided.push(self.words.len() as u32);
            self.words.push(stem);
        } else {
            self.words.push(word);
        }
        self.counts.push(count);
    }

    /// After the counted words: with `dictionary_prior` (`Sources`), the words and the names the dictionary's `aff`
    /// and `dic` give at the fallback prior (their counts as `quantise` keeps them), and the form filter; without,
    /// no names, and the filters of the dictionary's forms with its prefixes too (`dictionary::filters_of`).
    fn finish(
        &mut self,
        dictionary_prior: bool,
        aff: &str,
        dic: &str,
        quantise: impl Fn(f64) -> f64,
    ) -> Result<Filters, String> {
        self.counted = self.words.len() as u32;
        let affixes = Affixes::parse(aff)?;
        let dic = affixes.read_dic(dic);
        if !dictionary_prior {
            self.push_allowlisted(&quantise);
            self.first_name = self.words.len() as u32;
            return Ok(dictionary::filters_of(&dic, &self.words, &self.elided));
        }
        let (fallback, short_nouns) = dictionary::fallback_words(&dic, &self.words, &self.elided);
        self.short_nouns = short_nouns;
        // The derived words take the ids after the counted ones: the word ranks (FREQUENT_TWO_LETTER_RANK) assume
        // it, and so do the bigrams of a packed file (ids of the counted words only).
        let rarest = self.counts.iter().copied().fold(f64::INFINITY, f64::min);
        if fallback.iter().next().is_some_and(|w| quantise(dictionary::fallback_count(w)) >= rarest) {
            return Err("a word at the dictionary's fallback prior is as frequent as a counted word".into());
        }
        for word in fallback.iter() {
            self.push(word, quantise(dictionary::fallback_count(word)));
        }
        self.push_allowlisted(&quantise);
        self.first_name = self.words.len() as u32;
        let (names, filters) = dictionary::names_and_filter(&dic, &self.words, &self.elided);
        for name in names.iter() {
            self.push(name, quantise(dictionary::fallback_count(name)));
        }
        Ok(filters)
    }

    /// The allowlist's words, as frequent as the counted word of `ALLOWLIST_WORD_RANK` (or the rarest), after the
    /// counted and derived ones: those the list holds already are dropped when the lexicon is assembled.
    fn push_allowlisted(&mut self, quantise: impl Fn(f64) -> f64) {
        let count = self.counts.get(ALLOWLIST_WORD_RANK).or(self.counts.last()).map_or(1.0, |&c| quantise(c));
        let first = self.words.len() as u32;
        for word in allowlist::words() {
            self.push(word, count);
        }
        self.allowlisted = first..self.words.len() as u32;
    }

    /// `word<TAB>count` lines.
    fn push_lines(&mut self, lines: &str) -> Result<(), String> {
        for line in lines.lines() {
            let (word, count) = line.split_once('\t').ok_or_else(|| format!("bad word line {line:?}"))?;
            self.push(word, count.parse().map_err(|_| format!("bad count in {line:?}"))?);
        }
        Ok(())
    }
}

/// The id of a word as a data file writes it: an elided word with its apostrophe (d', qu'), which the list holds
/// without it.
fn listed_id(ids: &WordTable, words: &WordList, word: &str) -> Option<u32> {
    ids.get(words, word.strip_suffix('\'').unwrap_or(word))
}

/// Whether `word` is a French verb's form in -ez (the second person plural, and its imperative) of five letters or
/// more whose infinitive in -er, -ir or -re is `listed`: tentez, offrez, suivez; not chez, nez, assez.
fn is_verb_form_in_ez(word: &str, listed: impl Fn(&str) -> bool) -> bool {
    let Some(stem) = word.strip_suffix("ez").filter(|stem| stem.chars().count() >= 3) else { return false };
    ["er", "ir", "re"].iter().any(|ending| listed(&format!("{stem}{ending}")))
}

/// The first line of a packed lexicon file once unpacked (`packed::unpack`); sections follow as
/// `name\nbyte length\nbytes`.
pub const PACKED_MAGIC: &str = "STRATEGE-LEXICON 5\n";

/// The Hunspell dictionary of a language's `.aff` and `.dic` text.
fn hunspell(lang: Lang, aff: &str, dic: &str) -> Result<spellbook::Dictionary, String> {
    spellbook::Dictionary::new(aff, dic).map_err(|e| format!("{} Hunspell dictionary: {e}", lang.id()))
}

impl Lexicon {
    /// Builds a lexicon from its sources; the error names what could not be read.
    pub fn build(lang: Lang, sources: &Sources) -> Result<Lexicon, String> {
        let hunspell = hunspell(lang, sources.aff, sources.dic)?;
        let mut lists = Lists::with_capacity(0, 0);
        lists.push_lines(sources.words)?;
        let filters = lists.finish(sources.dictionary_prior, sources.aff, sources.dic, |count| count)?;
        let bigram_lines = sources.bigrams;
        Lexicon::assemble(lang, hunspell, lists, filters, sources.words_from_dictionary, |lists, ids| {
            let mut pairs = Vec::new();
            for line in bigram_lines.lines() {
                let (pair, count) = line.split_once('\t').ok_or_else(|| format!("bad bigram line {line:?}"))?;
                let (first, second) = pair.split_once(' ').ok_or_else(|| format!("bad bigram {pair:?}"))?;
                let count: f64 = count.parse().map_err(|_| format!("bad count in {line:?}"))?;
                let id = |w: &str| listed_id(ids, &lists.words, w);
                if let (Some(a), Some(b)) = (id(first), id(second)) {
                    pairs.push((a, b, count));
                }
            }
            Ok(pairs)
        })
    }

    /// The lexicon of `lists` and its Hunspell dictionary; `bigrams` gives the `(first, second, count)` triples by id.
    fn assemble(
        lang: Lang,
        hunspell: spellbook::Dictionary,
        lists: Lists,
        filters: Filters,
        words_from_dictionary: bool,
        bigrams: impl FnOnce(&Lists, &WordTable) -> Result<Vec<(u32, u32, f64)>, String>,
    ) -> Result<Lexicon, String> {
        let (counted, first_name) = (lists.counted, lists.first_name);
        let total: f64 = lists.counts.iter().sum();
        let mut costs: Vec<f32> = lists.counts.iter().map(|&c| (total / c).ln() as f32).collect();
        let rarest = costs[..first_name as usize].iter().copied().fold(0.0, f32::max);
        let mut ids = WordTable::with_capacity(lists.words.len());
        for id in 0..lists.words.len() as u32 {
            // A word listed twice (a name that is also a common word) keeps its more frequent, first id.
            ids.insert(&lists.words, id);
        }
        if lang == Lang::Fr {
            let listed = |w: &str| listed_id(&ids, &lists.words, w).is_some();
            for (id, word) in lists.words.iter().enumerate().take(first_name as usize) {
                if is_verb_form_in_ez(word, listed) {
                    // A cost stays zero or more: the split prunes on it.
                    costs[id] = (costs[id] - CALL_TO_ACTION_BONUS).max(0.0);
                }
            }
        }
        let mut pairs = bigrams(&lists, &ids)?;
        phrases::push_pairs(lang, |w| listed_id(&ids, &lists.words, w), &lists.counts, &mut pairs);
        let bigrams = Bigrams::new(pairs, &lists.counts);
        let Lists { mut words, elided, allowlisted, short_nouns, .. } = lists;
        words.shrink_to_fit();
        let mut folded = Folded { forms: WordList::default(), ids: Vec::new(), table: WordTable::with_capacity(0) };
        for (id, word) in words.iter().enumerate() {
            let plain = fold_accents(word);
            if plain != word && ids.get(&words, &plain).is_none() {
                folded.forms.push(&plain);
                folded.ids.push(id as u32);
            }
        }
        folded.forms.shrink_to_fit();
        folded.ids.shrink_to_fit();
        folded.table = WordTable::with_capacity(folded.ids.len());
        for k in 0..folded.ids.len() as u32 {
            // Words come most frequent first: the first accented word of a form is the likeliest.
            folded.table.insert(&folded.forms, k);
        }
        // An allowlisted term is a word (facebook, which Hunspell rejects); one pushed again after the list that
        // held it is no word of its own (the id the table keeps is the list's).
        let correct: Vec<bool> = words
            .iter()
            .enumerate()
            .map(|(rank, w)| {
                let id = rank as u32;
                rank < first_name as usize
                    && if allowlisted.contains(&id) {
                        ids.get(&words, w) == Some(id)
                    } else {
                        words_from_dictionary || rank < TRUSTED_WEB_WORDS || hunspell.check(w) || allowlist::contains(w)
                    }
            })
            .collect();
        // Elided words are never a typo's fix ("jusqu" is no word of its own).
        let offered: Vec<bool> = correct
            .iter()
            .enumerate()
            .map(|(id, &c)| (c || id >= first_name as usize) && elided.binary_search(&(id as u32)).is_err())
            .collect();
        let near = DeleteIndex::build(&words, &offered);
        let unelided = elided.iter().map(|&id| ids.get(&words, &format!("{}e", words.get(id)))).collect();
        let mut short_nouns: Vec<u32> = short_nouns
            .iter()
            .filter_map(|w| ids.get(&words, w))
            .filter(|&id| {
                let ranks = match words.get(id).chars().count() {
                    2 => FREQUENT_TWO_LETTER_RANK..SHORT_TWO_LETTER_NOUN_RANK,
                    _ => FREQUENT_THREE_LETTER_RANK..SHORT_NOUN_RANK,
                };
                ranks.contains(&(id as usize)) && id < first_name
            })
            .collect();
        short_nouns.sort_unstable();
        short_nouns.dedup();
        let mut short: HashMap<String, Vec<u32>> = HashMap::new();
        for (id, &offer) in offered.iter().enumerate().take((first_name as usize).min(SHORT_TYPO_THREE_LETTER_RANK)) {
            let word: Vec<char> = words.get(id as u32).chars().collect();
            let rank_limit = if word.len() == 2 { FREQUENT_TWO_LETTER_RANK } else { SHORT_TYPO_THREE_LETTER_RANK };
            if !offer || !(2..=3).contains(&word.len()) || id >= rank_limit {
                continue;
            }
            for skip in (0..=word.len()).rev() {
                let form: String = word.iter().enumerate().filter(|&(k, _)| k != skip).map(|(_, c)| c).collect();
                let ids = short.entry(form).or_default();
                if !ids.contains(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
        }
        Ok(Lexicon {
            lang,
            hunspell,
            words,
            ids,
            folded,
            costs,
            correct,
            counted,
            first_name,
            elided,
            unelided,
            bigrams,
            ln_total: total.ln() as f32,
            dictionary_cost: rarest + std::f32::consts::LN_2,
            filters,
            near,
            short,
            short_nouns,
        })
    }

    /// Reads a packed lexicon file (`tools/pack-lexicon.mjs`, an LZMA stream: `from_sections` of `packed::unpack`).
    pub fn from_packed(file: &[u8]) -> Result<Lexicon, String> {
        Lexicon::from_sections(&packed::unpack(file)?)
    }

    /// Reads the sections of a packed lexicon file (`packed::unpack`): `lang`, `aff`, `dic`, `words`, `counts`,
    /// optional `bigrams`, `words-from-dictionary` and `dictionary-prior` (`Sources`).
    pub fn from_sections(bytes: &[u8]) -> Result<Lexicon, String> {
        let mut rest = bytes.strip_prefix(PACKED_MAGIC.as_bytes()).ok_or("not a Stratège lexicon file (version 5)")?;
        let mut sections: HashMap<&str, &[u8]> = HashMap::new();
        while !rest.is_empty() {
            let name = take_line(&mut rest)?;
            let len: usize = take_line(&mut rest)?.parse().map_err(|_| format!("bad length of section {name}"))?;
            let body = rest.get(..len).ok_or_else(|| format!("section {name} is truncated"))?;
            sections.insert(name, body);
            rest = &rest[len..];
        }
        let bytes_of = |name: &str| sections.get(name).copied().ok_or_else(|| format!("lexicon has no {name} section"));
        let get = |name: &str| std::str::from_utf8(bytes_of(name)?).map_err(|_| format!("section {name} is not UTF-8"));
        let lang = Lang::from_id(get("lang")?).ok_or("lexicon of an unknown language")?;
        // The derived words first, then Hunspell, and the .dic's text dropped before the rest is built: the worker's
        // memory never shrinks, so Hunspell reuses the bytes of the derivation's work and the rest those of the text,
        // instead of adding to the peak.
        let (aff, dic) = (get("aff")?, packed::read_front_coded(bytes_of("dic")?)?);
        let mut lists = Lists::with_capacity(0, 0);
        packed::read_words(bytes_of("words")?, bytes_of("counts")?, &mut lists)?;
        let dictionary_prior = get("dictionary-prior").is_ok_and(|v| v == "yes");
        let filters = lists.finish(dictionary_prior, aff, &dic, packed::quantised)?;
        let hunspell = hunspell(lang, aff, &dic)?;
        drop(dic);
        let bigrams = bytes_of("bigrams").unwrap_or_default();
        let words_from_dictionary = get("words-from-dictionary").is_ok_and(|v| v == "yes");
        Lexicon::assemble(lang, hunspell, lists, filters, words_from_dictionary, |lists, _| {
            packed::read_bigrams(bigrams, lists.words.len())
        })
    }

    /// Heap bytes held by each part (the size report: `cargo run --release --example lexicon_memory`), Hunspell's
    /// excepted (spellbook does not tell).
    pub fn memory_parts(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("words (one string and offsets)", self.words.heap_bytes()),
            ("word → id table", self.ids.heap_bytes()),
            (
                "forms without accents",
                self.folded.forms.heap_bytes() + self.folded.ids.capacity() * 4 + self.folded.table.heap_bytes(),
            ),
            ("costs and correct flags", self.costs.capacity() * 4 + self.correct.capacity()),
            ("bigrams", self.bigrams.heap_bytes()),
            ("forms Bloom filter", self.filters.lowercase.heap_bytes()),
            ("cased forms Bloom filter", self.filters.cased.heap_bytes()),
            ("typo index (one-deletion forms)", self.near.heap_bytes()),
        ]
    }

    /// The id of `word`, or of the accented word it is typed for (`noel` → noël).
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids
            .get(&self.words, word)
            .or_else(|| self.folded.table.get(&self.folded.forms, word).map(|k| self.folded.ids[k as usize]))
    }

    /// Whether `lower` is a proper name of the lexicon (Bretagne).
    pub fn is_name(&self, lower: &str) -> bool {
        self.id(lower).is_some_and(|id| id >= self.first_name)
    }

    /// Whether the word of this id is a correctly spelt common word.
    pub fn is_correct(&self, id: u32) -> bool {
        self.correct[id as usize]
    }

    /// Whether `lower` is a common word as written, lowercase: what each word of a split must be (a name such as
    /// "Ida" makes no split correct: "socialmeida" is no "social me Ida"). Short words must be among the most
    /// frequent (my, we, le, de; fun, gym, vin), not any abbreviation the dictionary holds ("christjas" is no
    /// "christ jas").
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_word_verdict(lower).0
    }

    /// `is_common_word`'s verdict, with Hunspell's on `lower` as written when it was asked (`is_word` does not ask
    /// again).
    fn common_word_verdict(&self, lower: &str) -> (bool, Option<bool>) {
        match self.id(lower) {
            Some(id) if id < self.first_name => (self.is_common_listed(id, lower), None),
            // A name that is also a common word as written lowercase (Lorraine, lorraine the adjective: quiche
            // lorraine), which the counts only hold capitalised; or a word the list lacks.
            _ if self.common_rank_limit(lower) == usize::MAX => {
                let accepted = self.hunspell_accepts_lowercase(lower);
                (accepted, Some(accepted))
            }
            _ => (false, None),
        }
    }

    /// Whether the counted word `id` (below `first_name`), typed `lower`, is common: a word a fix may hold
    /// (`is_frequent_listed`), or a noun or adjective of two or three letters (`short_nouns`).
    fn is_common_listed(&self, id: u32, lower: &str) -> bool {
        self.is_frequent_listed(id, lower) || self.is_short_noun(id)
    }

    /// Whether the counted word `id`, typed `lower`, is elided (the split puts one only before a vowel or h:
    /// segment.rs), or correct and frequent enough for its length.
    fn is_frequent_listed(&self, id: u32, lower: &str) -> bool {
        self.is_elided(id) || (self.is_correct(id) && (id as usize) < self.common_rank_limit(lower))
    }

    /// The rank under which a listed word as long as `lower` is common (`usize::MAX`: any rank).
    fn common_rank_limit(&self, lower: &str) -> usize {
        let one_letter_word = match self.lang {
            Lang::En => matches!(lower, "a" | "i"),
            Lang::Fr => matches!(lower, "a" | "à" | "y"),
        };
        match lower.chars().count() {
            // Of single letters only the words themselves: never the "o" of "Zealand o", nor the "i" of "handicap i".
            0..=1 if !one_letter_word => 0,
            0..=2 => FREQUENT_TWO_LETTER_RANK,
            3 => FREQUENT_THREE_LETTER_RANK,
            _ => usize::MAX,
        }
    }

    /// Whether the listed word `id` may be a word of a typo's fix (spelling.rs): a common word (`is_common_word`: a
    /// name that is one as written lowercase too, #quichelorrane → lorraine), a name of four letters or more
    /// typed as is (#ranodàchamonix: rando à chamonix), or a name that is the whole fix (#nantse → #nantes). Not one
    /// of the short nouns, which are read in a split but would make a rare word and a guess of a name no list holds
    /// (#duolingo → "duo linge", #vercel → "ver cela"), except before a word linking a noun to its complement
    /// (`is_short_noun`, segment.rs).
    pub fn may_be_in_fix(&self, id: u32, edited: bool, whole: bool) -> bool {
        let word = self.word(id);
        if id >= self.first_name {
            let long = word.chars().count() >= 4;
            return whole || (long && (!edited || self.hunspell_accepts_lowercase(word)));
        }
        self.is_frequent_listed(id, word)
    }

    /// Whether the listed word `id` is one of the rare short nouns and adjectives (`short_nouns`: tri, spa, coq) that
    /// a split reads as words and a typo's fix holds only before a word of `Lang::noun_links` (segment.rs).
    pub fn is_short_noun(&self, id: u32) -> bool {
        self.is_correct(id) && self.short_nouns.binary_search(&id).is_ok()
    }

    /// The full form of the elided word `id` (de for d', que for qu'), when listed.
    pub fn unelided(&self, id: u32) -> Option<u32> {
        self.elided.binary_search(&id).ok().and_then(|k| self.unelided[k])
    }

    /// Whether the word of this id is elided (l, d, qu typed for l', d', qu').
    pub fn is_elided(&self, id: u32) -> bool {
        self.elided.binary_search(&id).is_ok()
    }

    pub fn word(&self, id: u32) -> &str {
        self.words.get(id)
    }

    /// Whether the word's cost comes from its count (not from a prior: a word derived from the dictionary, an
    /// allowlisted word, a name).
    pub fn is_counted(&self, id: u32) -> bool {
        id < self.counted
    }

    /// -ln P(word | previous word) with the bigram when known, else -ln P(word).
    pub fn cost(&self, previous: Option<u32>, id: u32) -> f32 {
        previous.and_then(|p| self.bigrams.get(p, id)).unwrap_or(self.costs[id as usize])
    }

    /// Whether the lexicon holds the bigram of these two words.
    pub fn is_pair(&self, first: u32, second: u32) -> bool {
        self.bigrams.get(first, second).is_some()
    }

    /// Whether some bigram begins with word `id`: a split ending in it may become cheaper by the next word.
    pub fn has_pairs(&self, id: u32) -> bool {
        self.bigrams.has_pairs(id)
    }

    /// Whether `id` is a word of three letters beyond the frequent short words' rank (`FREQUENT_TWO_LETTER_RANK`) that
    /// a typo's fix may be (`SHORT_TYPO_THREE_LETTER_RANK`: feu, mer, mom): such fixes are held to more (`candidates`,
    /// segment.rs).
    pub fn is_rarer_short(&self, id: u32) -> bool {
        (FREQUENT_TWO_LETTER_RANK..SHORT_TYPO_THREE_LETTER_RANK).contains(&(id as usize))
            && self.words.get(id).chars().count() == 3
    }

    /// The cost of a run of `chars` letters that is no known word: falls tenfold per letter, so that a long unknown
    /// run costs more than any split into known words (wordsegment's model).
    pub fn unknown_cost(&self, chars: usize) -> f32 {
        self.ln_total - std::f32::consts::LN_10 + chars as f32 * std::f32::consts::LN_10
    }

    /// Words within typo distance of `stretch` and at most `max_edits` (`DeleteIndex::near`; against the words as
    /// written when `as_written`), appended to `out` with their distance. With a stretch of two to four letters, the
    /// frequent short words one edit away too (`dvs` → des; `short`), the rarer ones (`is_rarer_short`) by a letter
    /// dropped, added or swapped only, never struck (#deliveroo, a brand of the tests, is no "de live roi"), and never
    /// for the `whole` piece: a tag of three or four letters is a brand as often (#Wix is no "win", #Vgan no "van",
    /// both "fixed" so on the development listing without the rule). Of the development listing's fixes, one was of a
    /// struck letter (#daxlife: dad life).
    pub fn candidates(
        &self,
        stretch: &[char],
        keep_first: bool,
        whole: bool,
        max_edits: u8,
        as_written: bool,
        out: &mut Vec<(u32, u8)>,
    ) {
        self.near.near(&self.words, stretch, keep_first, max_edits, as_written, out);
        if !(2..=4).contains(&stretch.len()) {
            return;
        }
        let from = out.len();
        let mut form = String::with_capacity(8);
        for skip in (0..=stretch.len()).rev() {
            form.clear();
            form.extend(stretch.iter().enumerate().filter(|&(k, _)| k != skip).map(|(_, c)| c));
            for &id in self.short.get(&form).into_iter().flatten() {
                let word: Vec<char> = self.words.get(id).chars().collect();
                let struck = word.len() == stretch.len() && !is_swap(stretch, &word);
                if (self.is_rarer_short(id) && (whole || struck))
                    || (keep_first && word.first() != stretch.first())
                    || out[from..].iter().any(|&(seen, _)| seen == id)
                {
                    continue;
                }
                if let Some(d @ 1..) = bounded_distance(stretch, &word, 1) {
                    out.push((id, d));
                }
            }
        }
    }

    /// The cost of a run of letters the list lacks but Hunspell accepts as written (a rare form, a conjugation): a
    /// dictionary word, rarer than any listed one, never the unknown price.
    pub fn dictionary_cost(&self) -> f32 {
        self.dictionary_cost
    }

    /// Hunspell accepts `lower`, a stretch of a split or a whole piece the word list lacks, as written; the form filter
    /// answers most that are no word without asking Hunspell (a long piece's check costs tens of thousands of
    /// instructions). It holds the forms of `MAX_WORD_CHARS` letters at most: a longer piece is asked directly.
    pub fn hunspell_accepts_lowercase(&self, lower: &str) -> bool {
        let filtered = lower.chars().nth(MAX_WORD_CHARS).is_none();
        (!filtered || self.filters.lowercase.may_hold(lower)) && self.hunspell.check(lower)
    }

    /// Whether `lower` is a French noun of a trade or its shop in -erie that Hunspell lacks, made from a common word as
    /// shops name themselves (tarte → #tarterie, volaille → #volaillerie, liquoriste → #liquoristerie, burger →
    /// #burgerie, as pâtisserie and boulangerie are made), asked of a whole tag piece (spelling.rs). Not of a stretch
    /// of a split, where a typo's letters too often make one (#tatrerie: "t âtrerie"), nor a word of `is_word`, which
    /// the tone's misspellings read too (connerie typed "conerie" would be a "cône" shop).
    pub fn is_shop_noun(&self, lower: &str) -> bool {
        let Some(base) = lower.strip_suffix("erie").filter(|_| self.lang == Lang::Fr) else { return false };
        let common = |stem: String| stem.chars().count() >= MIN_SHOP_NOUN_STEM_CHARS && self.is_common_word(&stem);
        common(format!("{base}e")) || common(format!("{base}er"))
    }

    /// Hunspell's verdict on a whole lowercase tag piece, in any of the cases a dictionary may store it in
    /// (en_US stores "Monday", "NASA", "Paris").
    pub fn is_word(&self, lower: &str) -> bool {
        self.word_verdicts(lower).1
    }

    /// `is_common_word` and `is_word` of one piece, Hunspell asked once on it as written.
    pub fn word_verdicts(&self, lower: &str) -> (bool, bool) {
        let (common, as_written) = self.common_word_verdict(lower);
        (common, common || self.hunspell_accepts_any_case(lower, as_written))
    }

    /// Hunspell's verdict on a lowercase word in any case it may be stored in: as written (`as_written` when already
    /// asked), capitalised or in capitals, the last two only for the forms of the cased filter (they are most of the
    /// time a long tag's check takes).
    fn hunspell_accepts_any_case(&self, lower: &str, as_written: Option<bool>) -> bool {
        if as_written.unwrap_or_else(|| self.hunspell.check(lower)) {
            return true;
        }
        if !self.filters.cased.may_hold(lower) {
            return false;
        }
        let mut capitalised = String::with_capacity(lower.len());
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            capitalised.extend(first.to_uppercase());
            capitalised.push_str(chars.as_str());
        }
        self.hunspell.check(&capitalised) || self.hunspell.check(&lower.to_uppercase())
    }

    /// Whether `lower` is a word of any kind the lexicon knows: listed or a name, typed with its accents or without
    /// (`id`), or accepted by Hunspell (`is_word`).
    pub fn is_known(&self, lower: &str) -> bool {
        self.id(lower).is_some() || self.is_word(lower)
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

/// The next `\n`-terminated header line of a packed file.
fn take_line<'a>(rest: &mut &'a [u8]) -> Result<&'a str, String> {
    let nl = rest.iter().position(|&b| b == b'\n').ok_or("truncated lexicon header")?;
    let text = std::str::from_utf8(&rest[..nl]).map_err(|_| "lexicon header is not UTF-8")?;
    *rest = &rest[nl + 1..];
    Ok(text)
}

/// The lexicons of `data/hashtags/`, compiled into native builds (the CLI, tests); the wasm loads packed files.
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded(lang: Lang) -> Lexicon {
    Lexicon::build(lang, &embedded_sources(lang)).expect("the lexicons of data/hashtags/ are valid")
}

/// Every form the dictionary of `lang` in `data/hashtags/` accepts (its affixes expanded, `affixes.rs`), lowercase
/// and without accents: the words a folded text may hold that Hunspell, asked without their accents, rejects
/// ("deconne" for déconne, "lecons" for leçons).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded_folded_forms(lang: Lang) -> std::collections::HashSet<String> {
    let sources = embedded_sources(lang);
    let affixes = Affixes::parse(sources.aff).expect("the affixes of data/hashtags/ are valid");
    let mut forms = std::collections::HashSet::new();
    affixes.read_dic(sources.dic).forms(|form, _| {
        forms.insert(fold_accents(&form.to_lowercase()));
    });
    forms
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded_sources(lang: Lang) -> Sources<'static> {
    match lang {
        Lang::En => Sources {
            aff: include_str!("../../data/hashtags/en/index.aff"),
            dic: include_str!("../../data/hashtags/en/index.dic"),
            words: include_str!("../../data/hashtags/en/words.txt"),
            bigrams: include_str!("../../data/hashtags/en/bigrams.txt"),
            words_from_dictionary: false,
            dictionary_prior: false,
        },
        Lang::Fr => Sources {
            aff: include_str!("../../data/hashtags/fr/index.aff"),
            dic: include_str!("../../data/hashtags/fr/index.dic"),
            words: include_str!("../../data/hashtags/fr/words.txt"),
            bigrams: include_str!("../../data/hashtags/fr/bigrams.txt"),
            words_from_dictionary: true,
            dictionary_prior: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\n";
    const DIC: &str = "2\nhello\nMonday\n";

    fn tiny() -> Lexicon {
        let words = "hello\t90\nworld\t10\nhelo\t3\n";
        let sources = Sources {
            aff: AFF,
            dic: DIC,
            words,
            bigrams: "hello world\t5\n",
            words_from_dictionary: false,
            dictionary_prior: false,
        };
        Lexicon::build(Lang::En, &sources).unwrap()
    }

    #[test]
    fn costs_follow_counts_and_bigrams() {
        let lex = tiny();
        let (hello, world) = (lex.id("hello").unwrap(), lex.id("world").unwrap());
        assert!(lex.cost(None, hello) < lex.cost(None, world));
        assert!((lex.cost(Some(hello), world) - (90f32 / 5.0).ln()).abs() < 1e-5);
        assert!(lex.unknown_cost(5) > lex.unknown_cost(4));
    }

    #[test]
    fn a_name_hunspell_accepts_in_lower_case_is_a_common_word_too() {
        // The dictionary holds Lorraine, and lorraine as a form of the adjective lorrain (quiche lorraine), which
        // the counts lack: lorrain is a word at the fallback prior, Lorraine a name. Bretagne is a name only.
        let mut sources = Sources {
            aff: "SET UTF-8\nFLAG long\nSFX F. Y 1\nSFX F. 0 e .\n",
            dic: "3\nlorrain/F.\nLorraine\nBretagne\n",
            words: "quiche\t10000\n",
            bigrams: "",
            words_from_dictionary: true,
            dictionary_prior: true,
        };
        let lex = Lexicon::build(Lang::Fr, &sources).unwrap();
        // The allowlist's words come between the derived words and the names.
        let allowlisted: Vec<&str> = allowlist::words().collect();
        let n = allowlisted.len() as u32;
        assert_eq!(
            (lex.word(1), lex.word(2), lex.word(2 + n), lex.word(3 + n)),
            ("lorrain", allowlisted[0], "bretagne", "lorraine")
        );
        assert!(lex.is_name("lorraine") && lex.is_common_word("lorraine"));
        assert!(lex.is_name("bretagne") && !lex.is_common_word("bretagne"));
        assert!(!lex.is_name("lorrain") && lex.is_common_word("lorrain"));
        // Only lorraine (a form, not a stem) passes the form filter.
        assert!(lex.hunspell_accepts_lowercase("lorraine") && !lex.filters.lowercase.may_hold("quiche"));
        // The derived words must stay rarer than the counted ones, whose ids come first.
        sources.words = "quiche\t1000\n";
        assert!(Lexicon::build(Lang::Fr, &sources).err().unwrap().contains("as frequent as a counted word"));
    }

    #[test]
    fn a_short_noun_is_common_where_a_rare_short_word_is_not() {
        // tri and dei come after the 8,000 most frequent words; the dictionary gives tri a plural (tris), not dei.
        let mut words: String = (0..FREQUENT_THREE_LETTER_RANK).map(|i| format!("m{i}\t{}\n", 1_000_000 - i)).collect();
        words += "tri\t100000\ndei\t90000\n";
        let sources = Sources {
            aff: "SET UTF-8\nFLAG long\nSFX S. Y 1\nSFX S. 0 s .\n",
            dic: "2\ntri/S.\ndei\n",
            words: &words,
            bigrams: "",
            words_from_dictionary: true,
            dictionary_prior: true,
        };
        let lex = Lexicon::build(Lang::Fr, &sources).unwrap();
        assert!(lex.is_common_word("tri") && !lex.is_common_word("dei"));
        // Read in a split, never a word of a typo's fix.
        assert!(!lex.may_be_in_fix(lex.id("tri").unwrap(), false, false));
        // Without the dictionary's words (English), the rank alone decides.
        let lex = Lexicon::build(Lang::Fr, &Sources { dictionary_prior: false, ..sources }).unwrap();
        assert!(!lex.is_common_word("tri"));
    }

    #[test]
    fn a_piece_longer_than_the_form_filter_holds_is_asked_to_hunspell() {
        // 25 letters: too long for the word list and the form filter (MAX_WORD_CHARS), a word for Hunspell.
        let sources = Sources {
            aff: "SET UTF-8\n",
            dic: "1\nanticonstitutionnellement\n",
            words: "quiche\t10000\n",
            bigrams: "",
            words_from_dictionary: true,
            dictionary_prior: true,
        };
        let lex = Lexicon::build(Lang::Fr, &sources).unwrap();
        assert!(lex.is_common_word("anticonstitutionnellement") && !lex.is_common_word("anticonstitutionellement"));
    }

    #[test]
    fn verb_forms_in_ez_are_those_of_a_listed_infinitive() {
        let listed = |w: &str| ["tenter", "offrir", "suivre", "cher", "nir"].contains(&w);
        assert!(["tentez", "offrez", "suivez"].iter().all(|w| is_verb_form_in_ez(w, listed)));
        assert!(!["chez", "nez", "assez", "tentes"].iter().any(|w| is_verb_form_in_ez(w, listed)));
    }

    #[test]
    fn words_are_checked_in_any_stored_case() {
        let lex = tiny();
        assert!(lex.is_word("monday") && lex.is_word("hello") && !lex.is_word("mondey"));
    }

    #[test]
    fn rare_web_words_hunspell_rejects_are_misspellings() {
        // Ranks below TRUSTED_WEB_WORDS are words (online, cyber); beyond, Hunspell decides ("buisness").
        let mut words: String = (0..TRUSTED_WEB_WORDS).map(|i| format!("filler{i}\t{}\n", 1_000_000 - i)).collect();
        words += "hello\t10\nhelo\t9\n";
        let sources = Sources {
            aff: AFF,
            dic: DIC,
            words: &words,
            bigrams: "",
            words_from_dictionary: false,
            dictionary_prior: false,
        };
        let lex = Lexicon::build(Lang::En, &sources).unwrap();
        assert!(lex.is_word("filler3") && lex.is_word("hello"));
        assert!(!lex.is_word("helo") && !lex.is_common_word("helo"));
    }

    #[test]
    fn elided_words_and_one_letter_words_follow_the_language() {
        let words = "de\t100\nd'\t90\nà\t80\ni\t70\n";
        let sources = Sources {
            aff: AFF,
            dic: DIC,
            words,
            bigrams: "d' à\t9\n",
            words_from_dictionary: true,
            dictionary_prior: false,
        };
        let fr = Lexicon::build(Lang::Fr, &sources).unwrap();
        let d = fr.id("d").unwrap();
        // Frequent short words are typo candidates of short stretches: "dr" is one edit from "de".
        let mut near = Vec::new();
        fr.candidates(&['d', 'r'], true, false, 2, false, &mut near);
        assert_eq!(near, [(fr.id("de").unwrap(), 1)]);
        assert!(fr.is_elided(d) && fr.is_common_word("d") && fr.is_common_word("à") && !fr.is_common_word("i"));
        // Its full form: de (segment.rs: #jeuxdsociété); none for a word that is not elided.
        assert_eq!((fr.unelided(d), fr.unelided(fr.id("de").unwrap())), (fr.id("de"), None));
        // The bigram of an elided word is written with its apostrophe: "d' à".
        assert!((fr.cost(Some(d), fr.id("à").unwrap()) - (90f32 / 9.0).ln()).abs() < 1e-5);
        let en = tiny();
        assert!(!en.is_common_word("à") && !en.is_elided(en.id("hello").unwrap()));
    }

    #[test]
    fn words_hunspell_accepts_cost_a_rare_word_and_the_form_filter_screens_them() {
        let lex = tiny();
        assert!(!lex.hunspell_accepts_lowercase("mondey"));
        assert!(lex.dictionary_cost() > lex.cost(None, lex.id("helo").unwrap()));
        assert!(lex.dictionary_cost() < lex.unknown_cost(4));
        // Without a dictionary prior (English), the filter holds the forms the list lacks, prefixed ones too, and
        // Hunspell confirms them: rehellos (re + hello + s), not reworld (world is no word of this dictionary).
        let sources = Sources {
            aff: "SET UTF-8\nPFX A Y 1\nPFX A 0 re .\nSFX S Y 1\nSFX S 0 s .\n",
            dic: "2\nhello/AS\nMonday\n",
            words: "hello\t90\nworld\t10\n",
            bigrams: "",
            words_from_dictionary: false,
            dictionary_prior: false,
        };
        let lex = Lexicon::build(Lang::En, &sources).unwrap();
        for form in ["hellos", "rehello", "rehellos"] {
            assert!(lex.filters.lowercase.may_hold(form) && lex.hunspell_accepts_lowercase(form), "{form}");
        }
        assert!(!lex.filters.lowercase.may_hold("reworld") && !lex.filters.lowercase.may_hold("hello"));
    }

    #[test]
    fn packed_files_round_trip_and_bad_ones_are_refused() {
        let mut packed = PACKED_MAGIC.to_owned();
        // DIC front-coded (no line shares a first byte with the one before); two words of equal counts, e^(100/1024)
        // (the second shares no byte with the first), then one bigram: 0 → 1, count e^(3/64) = e^(48/1024).
        let sections = [
            ("lang", "fr"),
            ("aff", AFF),
            ("dic", "\u{0}2\n\u{0}hello\n\u{0}Monday\n\u{0}\n"),
            ("words", "hello\n\u{0}monday\n"),
            ("counts", "\u{64}\u{0}"),
            ("bigrams", "\u{1}\u{0}\u{1}\u{3}"),
            ("words-from-dictionary", "yes"),
        ];
        for (name, body) in sections {
            packed += &format!("{name}\n{}\n{body}", body.len());
        }
        let lzma = |text: &str| packed::tests::lzma(text.as_bytes());
        let file = lzma(&packed);
        let lex = Lexicon::from_packed(&file).unwrap();
        let allowlisted = allowlist::words().count();
        assert_eq!((lex.lang, lex.word_count(), lex.word(1)), (Lang::Fr, 2 + allowlisted, "monday"));
        let pair = lex.cost(Some(0), 1);
        assert!((pair - 52.0 / 1024.0).abs() < 1e-6, "{pair}");
        assert_eq!(lex.cost(Some(1), 0), lex.cost(None, 0));
        assert!(Lexicon::from_packed(b"garbage").err().unwrap().contains("not a Stratège lexicon"));
        assert!(Lexicon::from_packed(&file[..file.len() - 3]).is_err());
        assert!(Lexicon::from_packed(&lzma(&packed[..packed.len() - 3])).err().unwrap().contains("truncated"));
        assert!(Lexicon::from_packed(&lzma(&packed.replace("5\n", "4\n"))).err().unwrap().contains("version 5"));
        let no_dic = packed.replace("dic\n", "dix\n");
        assert!(Lexicon::from_packed(&lzma(&no_dic)).err().unwrap().contains("no dic"));
    }
}

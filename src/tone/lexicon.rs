//! The word and phrase lists of data/tone/lexicon_{en,fr}.txt and their matcher. A rule is a kind and a pattern
//! of slots (syntax at the top of lexicon_en.txt); it matches folded tokens, so evasions folded away by
//! `fold` are caught, and a match yields the span of the words it covers. A listed word of five letters or more
//! also matches its common misspellings and evasions (`typos`): two neighbouring letters swapped ("tortuer"), or,
//! for six letters or more, one letter left out ("hatrd"), never the first letter, and never where the result is
//! itself a word (data/tone/typo_words_{en,fr}.txt). The words of a `names` list (people named by their trade) are
//! read as written only: in their plural, stretched, but never misspelt or glued. A French verb listed in -er also
//! matches its imperfect, conditional and simple future (`conjugation`).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::embedded::uncommented;

use super::conjugation;
use super::fold::{tokens, Token};
use super::kinds::Kind;
use super::model::{WordMap, WordSet};
use super::typos;
use crate::lang::Lang;

const GAP_WORDS: usize = 2;

#[derive(Debug)]
enum Slot {
    /// Any one of these words or word sequences; `optional` when the slot may be absent.
    Words { singles: Singles, sequences: Vec<Vec<Word>>, optional: bool },
    /// Up to `GAP_WORDS` words of anything.
    Gap,
    /// The next word starts a clause.
    ClauseStart,
    /// The match ends a clause (the next word starts one, or the text ends).
    ClauseEnd,
}

/// What a rule's match means: a reason of its kind, or a friendly idiom in strong words ("shut up and take my
/// money", "people like you make it all worthwhile"), whose words are no reason, nor read by the model. (Not
/// `tone::Reading`, what the lists and the model read in a whole text.)
#[derive(Clone, Copy, Debug, PartialEq)]
enum Meaning {
    Reason(Kind),
    Friendly,
}

#[derive(Debug)]
struct Rule {
    meaning: Meaning,
    slots: Vec<Slot>,
}

impl Rule {
    /// Every word of the rule's slots that is also read misspelt or glued (not the words of a `names` list).
    fn words(&self) -> impl Iterator<Item = &Word> {
        self.slots
            .iter()
            .filter_map(|slot| match slot {
                Slot::Words { singles, sequences, .. } => Some((singles, sequences)),
                _ => None,
            })
            .flat_map(|(singles, sequences)| singles.words.iter().chain(sequences.iter().flatten()))
            .filter(|word| !word.as_written)
    }
}

/// A word of the lists, with its squeezed form, length and vocabulary numbers worked out once.
#[derive(Debug)]
struct Word {
    text: String,
    squeezed: String,
    chars: usize,
    id: u32,
    squeezed_id: u32,
    /// A word of a `names` list: never read misspelt or glued.
    as_written: bool,
    /// A verb in -er, as the lists write it (the infinitive), in a lexicon that conjugates: read in other tenses too;
    /// never a name.
    verb: bool,
}

impl Word {
    fn new(text: String, as_written: bool, vocab: &mut Vocab) -> Word {
        let squeezed = squeeze(&text);
        let (id, squeezed_id) = (vocab.intern(&text), vocab.intern(&squeezed));
        let chars = text.chars().count();
        let verb = vocab.conjugates && !as_written && chars >= 4 && text.ends_with("er");
        Word { squeezed, chars, text, id, squeezed_id, as_written, verb }
    }
}

/// Every distinct word and squeezed form of a lexicon's one-word alternatives, numbered: a token is looked up
/// once per analysis, and a slot then answers with a search among a few numbers instead of hashing it again.
#[derive(Debug, Default)]
struct Vocab {
    ids: WordMap<String, u32>,
    /// The words by number.
    words: Vec<String>,
    /// Words that are neither a misspelt nor a glued lexicon word (data/tone/typo_words_*.txt).
    real: WordSet,
    /// The lexicon's words as written (not their squeezed forms).
    listed: WordSet,
    /// The misspellings of the lexicon's words (`typos::variants`) that stand for one word only and are no word
    /// themselves, with the number of the word they stand for.
    typos: WordMap<String, u32>,
    /// A listed French verb in -er matches its imperfect, conditional and future forms (`conjugation`).
    conjugates: bool,
}

impl Vocab {
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(id) = self.get(word) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).expect("fewer than 2^32 lexicon words");
        self.ids.insert(word.to_owned(), id);
        self.words.push(word.to_owned());
        id
    }

    fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// Indexes the misspellings of `words` (`typos::variants`: none for words under four letters), leaving out those
    /// that are words: of the lexicon, or of `real_words` (one a line).
    fn index_typos<'a>(&mut self, words: impl Iterator<Item = &'a Word>, real_words: &str) {
        self.real = real_words.lines().filter(|l| !l.starts_with('#')).map(str::to_owned).collect();
        let mut typos: WordMap<String, Option<u32>> = WordMap::default();
        for word in words {
            self.listed.insert(word.text.clone());
            for variant in typos::variants(&word.text) {
                if self.get(&variant).is_none() && !self.real.contains(variant.as_str()) {
                    let slot = typos.entry(variant).or_insert(Some(word.id));
                    if *slot != Some(word.id) {
                        *slot = None; // the misspelling of two words stands for neither
                    }
                }
            }
        }
        self.typos = typos.into_iter().filter_map(|(variant, id)| Some((variant, id?))).collect();
    }

    /// Whether `word` is a word of the lexicon as written, or the plural of one.
    fn knows(&self, word: &str) -> bool {
        self.listed.contains(word) || word.strip_suffix(['s', 'x']).is_some_and(|stem| self.listed.contains(stem))
    }
}

/// The one-word alternatives of a slot, indexed so that a token is matched without trying each word: the
/// vocabulary numbers of their forms, sorted.
#[derive(Debug, Default)]
struct Singles {
    words: Vec<Word>,
    exact: Vec<u32>,
    /// Words of three letters or more, whose plural in -s or -x also matches.
    pluralisable: Vec<u32>,
    /// Squeezed forms of the words of five letters or more, which match stretched spellings.
    squeezed: Vec<u32>,
    /// The words of four letters or more, which match their misspellings (`typos::variants`).
    misspelt: Vec<u32>,
    /// The verbs in -er of a lexicon that conjugates, which match their forms in some tenses (`conjugation`).
    verbs: Vec<u32>,
}

impl Singles {
    fn add(&mut self, word: Word) {
        self.exact.push(word.id);
        if word.chars >= 3 {
            self.pluralisable.push(word.id);
        }
        if word.chars >= typos::MIN_CHARS {
            self.squeezed.push(word.squeezed_id);
        }
        if word.chars >= typos::SWAP_MIN_CHARS && !word.as_written {
            self.misspelt.push(word.id);
        }
        if word.verb {
            self.verbs.push(word.id);
        }
        self.words.push(word);
    }

    /// Sorts the numbers once every word is added.
    fn indexed(mut self) -> Singles {
        for ids in [&mut self.exact, &mut self.pluralisable, &mut self.squeezed, &mut self.misspelt, &mut self.verbs] {
            ids.sort_unstable();
            ids.dedup();
        }
        self
    }

    /// The same answer as `word_matches` against each word, in a few searches.
    fn matches(&self, token: &Seen) -> bool {
        let has = |ids: &[u32], id: Option<u32>| id.is_some_and(|id| ids.binary_search(&id).is_ok());
        has(&self.exact, token.id)
            || has(&self.pluralisable, token.stem_id)
            || has(&self.squeezed, token.squeezed_id)
            || has(&self.misspelt, token.typo_id)
            || has(&self.verbs, token.verb_id)
            || (token.star && self.words.iter().any(|w| word_matches(token, w)))
    }
}

/// A token of the text as the matcher reads it, squeezed once per analysis (borrowed when nothing repeats), with
/// the vocabulary numbers of its text, its text without a final -s or -x, its squeezed form, and of the word it
/// misspells.
struct Seen<'a> {
    text: &'a str,
    squeezed: Cow<'a, str>,
    clause_start: bool,
    /// The text has a `*` standing for a letter.
    star: bool,
    id: Option<u32>,
    stem_id: Option<u32>,
    squeezed_id: Option<u32>,
    typo_id: Option<u32>,
    /// The listed word that is the infinitive of the token, a verb form (`conjugation`).
    verb_id: Option<u32>,
}

impl Seen<'_> {
    /// The token is no listed word, in any of the ways a word matches.
    fn is_unknown(&self) -> bool {
        !self.star
            && self.id.is_none()
            && self.stem_id.is_none()
            && self.squeezed_id.is_none()
            && self.typo_id.is_none()
            && self.verb_id.is_none()
    }

    fn new<'a>(text: &'a str, clause_start: bool, vocab: &Vocab) -> Seen<'a> {
        let repeats = text.as_bytes().windows(2).any(|w| w[0] == w[1]) || !text.is_ascii();
        let squeezed = if repeats { Cow::Owned(squeeze(text)) } else { Cow::Borrowed(text) };
        let id = vocab.get(text);
        let stem_id = text.strip_suffix(['s', 'x']).and_then(|stem| vocab.get(stem));
        let squeezed_id = if repeats { vocab.get(&squeezed) } else { id };
        // A token that is a listed word, or one stretched, is not read as a misspelling of another.
        let typo_id = if id.is_some() || squeezed_id.is_some() || text.len() < typos::SWAP_MIN_CHARS {
            None
        } else {
            vocab.typos.get(text).or_else(|| vocab.typos.get(squeezed.as_ref())).copied()
        };
        let verb_id = if vocab.conjugates && id.is_none() {
            conjugation::infinitive(text).and_then(|verb| vocab.get(&verb))
        } else {
            None
        };
        Seen { text, squeezed, clause_start, star: text.contains('*'), id, stem_id, squeezed_id, typo_id, verb_id }
    }
}

/// The rules of one language, indexed by the squeezed form of the words their first word slot accepts.
pub struct Lexicon {
    lang: Lang,
    rules: Vec<Rule>,
    by_first_word: WordMap<String, Vec<usize>>,
    vocab: Vocab,
    /// The words of the lists that name people (`people` and `names` lines): "women", "bankers".
    people: WordSet,
}

/// What the rules find in a text: their matches, the tokens read as a misspelt listed word with the word meant
/// (token index, word: "bullsiht" → bullshit), and the friendly idioms' tokens, `first..end`.
pub struct Found<'a> {
    pub hits: Vec<Hit>,
    pub meant: Vec<(usize, &'a str)>,
    pub friendly: Vec<(usize, usize)>,
}

/// One rule's match: its kind and the tokens it covers, `first..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub kind: Kind,
    pub first: usize,
    pub end: usize,
}

/// The lexicon of `lang`, parsed once.
pub fn of(lang: Lang) -> &'static Lexicon {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static FR: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| {
            Lexicon::parse(
                Lang::En,
                uncommented!(include_str!("../../data/tone/lexicon_en.txt")),
                uncommented!(include_str!("../../data/tone/typo_words_en.txt")),
            )
        }),
        Lang::Fr => FR.get_or_init(|| {
            Lexicon::parse(
                Lang::Fr,
                uncommented!(include_str!("../../data/tone/lexicon_fr.txt")),
                uncommented!(include_str!("../../data/tone/typo_words_fr.txt")),
            )
        }),
    }
}

/// A word with every run of one letter shortened to one letter: "idiiot" and "idiot" share "idiot".
fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// A token stands for a list word: the same, its plural in -s or -x, stretched letters on a word of five letters or
/// more, a misspelling (`typos::variants`), or with `*` for any one letter ("f*ck").
fn word_matches(token: &Seen, word: &Word) -> bool {
    token.id == Some(word.id)
        || (word.chars >= 3 && token.stem_id == Some(word.id))
        || (word.chars >= typos::MIN_CHARS && token.squeezed_id == Some(word.squeezed_id))
        || (word.chars >= typos::SWAP_MIN_CHARS && !word.as_written && token.typo_id == Some(word.id))
        || (word.verb && token.verb_id == Some(word.id))
        || (token.star
            && token.text.chars().count() == word.chars
            && token.text.chars().zip(word.text.chars()).all(|(t, w)| t == '*' || t == w))
}

impl Lexicon {
    /// The rules of `source` (the lexicon file of `lang`), the words of `real_words` never read as misspelt or
    /// glued words.
    fn parse(lang: Lang, source: &str, real_words: &str) -> Lexicon {
        let mut rules = Vec::new();
        let mut vocab = Vocab { conjugates: lang == Lang::Fr, ..Vocab::default() };
        let mut sets: Vec<(String, String)> = Vec::new();
        let mut people = WordSet::default();
        for line in source.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let (kind, pattern) =
                line.split_once('\t').unwrap_or_else(|| panic!("lexicon line without a tab: {line:?}"));
            if kind == "set" || kind == "people" || kind == "names" {
                let (name, words) =
                    pattern.split_once('\t').unwrap_or_else(|| panic!("set line without NAME<TAB>WORDS: {line:?}"));
                if kind != "set" {
                    people.extend(words.split('/').map(str::to_owned));
                }
                // A `names` word is marked `=` for `parse_slot`: read as written only.
                let words = if kind == "names" { as_written(words).into_owned() } else { words.to_owned() };
                sets.push((format!("{{{name}}}"), words));
                continue;
            }
            let meaning = match kind {
                "friendly" => Meaning::Friendly,
                _ => Meaning::Reason(
                    Kind::from_id(kind).unwrap_or_else(|| panic!("unknown kind {kind:?} in the lexicon")),
                ),
            };
            let pattern = with_sets(pattern, &sets);
            // A friendly idiom's words are read as written: their misspellings are no idiom.
            let slots = pattern
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(|slot| match meaning {
                    Meaning::Friendly => parse_slot(&as_written(slot), &mut vocab),
                    Meaning::Reason(_) => parse_slot(slot, &mut vocab),
                })
                .collect();
            rules.push(Rule { meaning, slots });
        }
        let mut by_first_word: WordMap<String, Vec<usize>> = WordMap::default();
        for (i, rule) in rules.iter().enumerate() {
            match rule.slots.iter().find(|s| !matches!(s, Slot::ClauseStart)) {
                Some(Slot::Words { singles, sequences, optional: false }) => {
                    for first in singles.words.iter().chain(sequences.iter().map(|words| &words[0])) {
                        by_first_word.entry(first.squeezed.clone()).or_default().push(i);
                    }
                }
                _ => panic!("a lexicon rule must begin with a word that is not optional: {:?}", rule.slots),
            }
        }
        for indices in by_first_word.values_mut() {
            indices.dedup();
        }
        vocab.index_typos(rules.iter().flat_map(Rule::words), real_words);
        Lexicon { lang, rules, by_first_word, vocab, people }
    }

    /// Whether a folded word names people in the lists ("women", "immigrants", "bankers"), or is the plural of one.
    pub fn names_people(&self, word: &str) -> bool {
        self.people.contains(word) || word.strip_suffix('s').is_some_and(|one| self.people.contains(one))
    }

    /// Where `text` (a token) splits into a small word of `typos::glue_words` and a word of the lexicon, or the
    /// other way round ("youidiot", "stabthose"): the byte offset of the cut.
    pub fn glued(&self, text: &str) -> Option<usize> {
        if text.len() < typos::GLUED_MIN_BYTES || !text.chars().all(char::is_alphabetic) {
            return None;
        }
        let listed = |word: &str| word.len() >= typos::GLUED_WORD_MIN_BYTES && self.vocab.knows(word);
        typos::glue_words(self.lang).iter().find_map(|glue| {
            if text.strip_prefix(glue).is_some_and(listed) {
                Some(glue.len())
            } else if glue.len() > 2 && text.strip_suffix(glue).is_some_and(listed) {
                Some(text.len() - glue.len())
            } else {
                None
            }
        })
    }

    /// The words of the rules, as folded (a word appears as often as the rules name it); for the list of the words
    /// never read as misspelt or glued (`typos::embedded_typo_words_file`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().flat_map(Rule::words).map(|w| w.text.as_str())
    }

    /// Every match of every rule in `tokens`, in text order (several rules may match the same words), and the tokens
    /// that misspell a listed word (`typos`), with the word meant.
    pub fn find(&self, tokens: &[Token]) -> Found<'_> {
        // A token that glues a listed word to a small word ("stabthose") is read as the two; `origin` gives the
        // token each one read comes from.
        let mut seen: Vec<Seen> = Vec::with_capacity(tokens.len());
        let mut origin: Vec<usize> = Vec::with_capacity(tokens.len());
        let mut meant = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let one = Seen::new(&t.text, t.clause_start, &self.vocab);
            let cut = if one.is_unknown() {
                self.glued(&t.text).filter(|_| !self.vocab.real.contains(&t.text))
            } else {
                None
            };
            if let Some(cut) = cut {
                seen.push(Seen::new(&t.text[..cut], t.clause_start, &self.vocab));
                seen.push(Seen::new(&t.text[cut..], false, &self.vocab));
                origin.extend([i, i]);
            } else {
                if let Some(id) = one.typo_id {
                    meant.push((i, self.vocab.words[id as usize].as_str()));
                }
                seen.push(one);
                origin.push(i);
            }
        }
        let mut hits = Vec::new();
        let mut friendly = Vec::new();
        let mut candidates: Vec<usize> = Vec::new();
        for (at, token) in seen.iter().enumerate() {
            candidates.clear();
            if token.star {
                candidates.extend(0..self.rules.len());
            } else {
                let singular = token.squeezed.strip_suffix(['s', 'x']);
                let meant = token.typo_id.map(|id| squeeze(&self.vocab.words[id as usize]));
                let verb = token.verb_id.map(|id| squeeze(&self.vocab.words[id as usize]));
                let keys = std::iter::once(token.squeezed.as_ref()).chain(singular).chain(meant.as_deref());
                for key in keys.chain(verb.as_deref()) {
                    candidates.extend(self.by_first_word.get(key).into_iter().flatten());
                }
                candidates.sort_unstable();
                candidates.dedup();
            }
            for &r in &candidates {
                let rule = &self.rules[r];
                // A leading `^` is checked at `at`, so a rule is tried where its first word is.
                if let Some(end) = match_slots(&rule.slots, &seen, at) {
                    let (first, end) = (origin[at], origin[end - 1] + 1);
                    match rule.meaning {
                        Meaning::Reason(kind) => hits.push(Hit { kind, first, end }),
                        Meaning::Friendly => friendly.push((first, end)),
                    }
                }
            }
        }
        Found { hits, meant, friendly }
    }
}

/// `pattern` with each `{NAME}` of a set defined above it replaced by the set's words (`a/b/c`).
fn with_sets<'a>(pattern: &'a str, sets: &[(String, String)]) -> Cow<'a, str> {
    let mut pattern = Cow::Borrowed(pattern);
    for (name, words) in sets {
        if pattern.contains(name.as_str()) {
            pattern = Cow::Owned(pattern.replace(name.as_str(), words));
        }
    }
    assert!(!pattern.contains('{'), "lexicon pattern names a set not defined above it: {pattern:?}");
    pattern
}

/// `slot` (or a `names` list's words) with each of its words marked to be read as written (`=`) for `parse_slot`;
/// a gap or a clause mark is left as it is.
fn as_written(slot: &str) -> Cow<'_, str> {
    match slot {
        "~" | "^" | "$" => Cow::Borrowed(slot),
        _ => Cow::Owned(format!("={}", slot.replace('/', "/="))),
    }
}

fn parse_slot(slot: &str, vocab: &mut Vocab) -> Slot {
    match slot {
        "~" => Slot::Gap,
        "^" => Slot::ClauseStart,
        "$" => Slot::ClauseEnd,
        _ => {
            let (words, optional) = match slot.strip_suffix('?') {
                Some(words) => (words, true),
                None => (slot, false),
            };
            let (mut singles, mut sequences) = (Singles::default(), Vec::new());
            for alternative in words.split('/') {
                let (alternative, as_written) =
                    alternative.strip_prefix('=').map_or((alternative, false), |name| (name, true));
                let mut words: Vec<Word> = tokens(&alternative.replace('_', " "))
                    .into_iter()
                    .map(|t| Word::new(t.text, as_written, vocab))
                    .collect();
                match words.len() {
                    0 => panic!("empty alternative in lexicon slot {slot:?}"),
                    1 => singles.add(words.pop().expect("one word")),
                    _ => sequences.push(words),
                }
            }
            Slot::Words { singles: singles.indexed(), sequences, optional }
        }
    }
}

/// Where the slots, matched from token `at`, end (exclusive); the first way that matches wins.
fn match_slots(slots: &[Slot], tokens: &[Seen], at: usize) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else { return Some(at) };
    match slot {
        Slot::ClauseStart if tokens.get(at).is_some_and(|t| t.clause_start) => match_slots(rest, tokens, at),
        Slot::ClauseEnd if tokens.get(at).is_none_or(|t| t.clause_start) => match_slots(rest, tokens, at),
        Slot::ClauseStart | Slot::ClauseEnd => None,
        Slot::Gap => (0..=GAP_WORDS).filter(|k| at + k <= tokens.len()).find_map(|k| match_slots(rest, tokens, at + k)),
        Slot::Words { singles, sequences, optional } => tokens
            .get(at)
            .filter(|token| singles.matches(token))
            .and_then(|_| match_slots(rest, tokens, at + 1))
            .or_else(|| {
                sequences
                    .iter()
                    .filter(|words| {
                        tokens.len() >= at + words.len()
                            && words.iter().zip(&tokens[at..]).all(|(word, token)| word_matches(token, word))
                    })
                    .find_map(|words| match_slots(rest, tokens, at + words.len()))
            })
            .or_else(|| if *optional { match_slots(rest, tokens, at) } else { None }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(lang: Lang, text: &str) -> Vec<(&'static str, String)> {
        let toks = tokens(text);
        of(lang)
            .find(&toks)
            .hits
            .into_iter()
            .map(|h| (h.kind.id(), toks[h.first..h.end].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")))
            .collect()
    }

    /// Each text of `read` holds a reason of `kind` (of any kind when `None`), and no text of `clear` holds any.
    fn assert_read_as(kind: Option<&str>, read: &[(Lang, &str)], clear: &[(Lang, &str)]) {
        for &(lang, text) in read {
            assert!(kinds(lang, text).iter().any(|(k, _)| kind.is_none_or(|kind| *k == kind)), "{text}");
        }
        for &(lang, text) in clear {
            assert!(kinds(lang, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn both_lexicons_parse_and_every_kind_of_list_is_there() {
        for lang in Lang::ALL {
            let lexicon = of(lang);
            for kind in ["insult", "profanity", "contempt", "blame", "threat", "sarcasm", "dismissive"] {
                let listed = |r: &Rule| matches!(r.meaning, Meaning::Reason(k) if k.id() == kind);
                assert!(lexicon.rules.iter().any(listed), "{lang:?} has no {kind} rule");
            }
            assert!(lexicon.rules.iter().any(|r| r.meaning == Meaning::Friendly), "{lang:?} has no friendly idiom");
        }
    }

    #[test]
    fn words_match_plurals_stretching_and_stars() {
        let matches = |token: &str, word: &str| {
            let mut vocab = Vocab::default();
            let word = Word::new(word.into(), false, &mut vocab);
            word_matches(&Seen::new(token, false, &vocab), &word)
        };
        assert!(matches("idiots", "idiot"));
        assert!(matches("idiiot", "idiot"));
        assert!(matches("f*ck", "fuck"));
        assert!(!matches("as", "ass"));
        assert!(!matches("ass", "as"));
        assert!(!matches("cons", "conne"));
    }

    #[test]
    fn names_are_read_as_written_never_misspelt_or_glued() {
        let lexicon = Lexicon::parse(
            Lang::En,
            "names\trole\tbankers\nset\tverb\thate\ncontempt\ti {verb} {role}\ninsult\tscumbag\n",
            "",
        );
        let kinds = |text: &str| lexicon.find(&tokens(text)).hits.iter().map(|h| h.kind.id()).collect::<Vec<_>>();
        assert_eq!(kinds("i hate bankers"), ["contempt"]);
        assert_eq!(kinds("i hate baankers"), ["contempt"], "stretched");
        assert!(kinds("i hate bnakers").is_empty() && kinds("i hate bankres").is_empty(), "never misspelt");
        assert_eq!(kinds("a scumbga"), ["insult"], "the other lists' words are");
        assert!(lexicon.glued("bankersthose").is_none() && lexicon.glued("scumbagthose").is_some());
        assert!(lexicon.words().all(|w| w != "bankers"), "no typo words are derived from names");
    }

    #[test]
    fn a_token_is_squeezed_like_squeeze_whether_borrowed_or_not() {
        for text in ["idiot", "idiiot", "stuuupid", "connard", "tres", "très", "ééé", "a", "f*ck", "youu", "2000"] {
            let seen = Seen::new(text, false, &Vocab::default());
            assert_eq!(seen.squeezed, squeeze(text), "{text:?}");
            assert_eq!(matches!(seen.squeezed, Cow::Borrowed(_)), squeeze(text) == text && text.is_ascii(), "{text:?}");
        }
    }

    #[test]
    fn indexed_one_word_slots_answer_like_trying_each_word() {
        let probes = [
            "idiots",
            "idiiot",
            "f*ck",
            "as",
            "ass",
            "cons",
            "nul",
            "nuls",
            "you",
            "youu",
            "stupiiid",
            "k",
            "womens",
            "immigrants",
            "foreignerss",
            "peoplex",
            "refugies",
            "idoit",
            "stupdi",
            "murdr",
            "hatrd",
            "hated",
            "mornos",
        ];
        let mut slots = 0;
        for lang in Lang::ALL {
            let lexicon = of(lang);
            for rule in &lexicon.rules {
                for slot in &rule.slots {
                    let Slot::Words { singles, .. } = slot else { continue };
                    slots += 1;
                    for probe in probes.iter().copied().chain(singles.words.iter().map(|w| w.text.as_str())) {
                        let token = Seen::new(probe, false, &lexicon.vocab);
                        let each = singles.words.iter().any(|w| word_matches(&token, w));
                        assert_eq!(singles.matches(&token), each, "{probe:?} in {:?}", singles.words);
                    }
                }
            }
        }
        assert!(slots > 200);
    }

    #[test]
    fn misspelt_words_match_unless_the_misspelling_is_a_word() {
        assert_eq!(kinds(Lang::En, "you are an idoit"), [("insult", "idoit".into())]);
        assert_eq!(kinds(Lang::En, "you are so stupdi"), [("insult", "you are so stupdi".into())]);
        let kinds_only = |text: &str| kinds(Lang::En, text).into_iter().map(|(kind, _)| kind).collect::<Vec<_>>();
        assert_eq!(kinds_only("I'm going to murdr you"), kinds_only("I'm going to murder you"));
        assert!(!kinds_only("I'm going to murdr you").is_empty());
        // "idiot" is five letters: a letter left out is not read ("idot"); "moron" is one swap from nothing.
        assert!(kinds(Lang::En, "you are an idot").is_empty());
        // Words one typo away from a listed word are read as themselves (data/tone/typo_words_en.txt).
        assert!(kinds(Lang::En, "Our cooks are back").is_empty(), "cooks is not crooks");
        assert!(kinds(Lang::En, "you are a brian").is_empty(), "brian is not brain");
        assert!(kinds(Lang::Fr, "c'est une bague").is_empty(), "bague n'est pas blague");
    }

    #[test]
    fn a_listed_word_glued_to_a_small_word_is_read_as_the_two() {
        let kinds_only = |lang, text: &str| kinds(lang, text).into_iter().map(|(kind, _)| kind).collect::<Vec<_>>();
        assert_eq!(kinds(Lang::En, "fuckyou"), [("insult", "fuckyou".into()), ("profanity", "fuckyou".into())]);
        let glued = kinds_only(Lang::En, "we should stabthose people");
        assert_eq!(glued, kinds_only(Lang::En, "we should stab those people"));
        assert!(!glued.is_empty());
        // Words of the dictionaries that split so are read as themselves (data/tone/typo_words_en.txt).
        assert!(kinds(Lang::En, "thankyou so much").is_empty());
        assert_eq!(of(Lang::En).glued("overall"), Some(4), "a split, but a word of the list");
        assert!(kinds(Lang::En, "overall a good job").is_empty());
        assert_eq!(of(Lang::En).glued("stab"), None);
        // The small words are the closed classes of each language, not only those the sets glued.
        for (lang, glued, spaced) in [
            (Lang::En, "you arepathetic", "you are pathetic"),
            (Lang::En, "what anidiot", "what an idiot"),
            (Lang::Fr, "ils sontminables", "ils sont minables"),
            (Lang::Fr, "quelleconne", "quelle conne"),
        ] {
            let read = kinds_only(lang, glued);
            assert!(!read.is_empty() && read == kinds_only(lang, spaced), "{glued}");
        }
        // A glued form that is a word of the dictionaries once its accents are folded away is read as itself
        // (data/tone/typo_words_fr.txt): "déconne" is no "de conne", "leçons" no "le cons", "boulettes" no "boulet
        // tes".
        for calm in ["ça déconne encore", "des leçons de morale", "des boulettes de viande"] {
            assert!(kinds(Lang::Fr, calm).is_empty(), "{calm}");
        }
    }

    #[test]
    fn a_french_verb_matches_its_imperfect_conditional_and_future() {
        let threat = |text| kinds(Lang::Fr, text).iter().any(|(kind, _)| *kind == "threat");
        assert!(threat("Et si tout simplement on tuait tous les migrants ?"));
        assert!(threat("On devrait tous les tuer."), "the infinitive as listed");
        // The present is not conjugated: "violent" is an adjective more often than a verb.
        assert!(kinds(Lang::Fr, "Ces clients sont violents avec nos livreurs.").iter().all(|(k, _)| *k != "threat"));
        // English lists are not conjugated.
        assert!(!of(Lang::En).vocab.conjugates);
    }

    #[test]
    fn denying_the_right_to_live_is_a_threat_a_right_to_cancel_is_not() {
        assert_read_as(
            Some("threat"),
            &[
                (Lang::En, "People like you have no right to live."),
                (Lang::En, "There is no place on this earth for your kind."),
                (Lang::Fr, "Les gens comme vous n'ont pas le droit de vivre."),
                (Lang::Fr, "Il n'y a pas de place sur cette terre pour vous."),
            ],
            &[
                (Lang::En, "You have no right to cancel my order."),
                (Lang::En, "There is no room on this planet for more plastic."),
                (Lang::Fr, "Vous n'avez pas le droit d'annuler ma commande."),
            ],
        );
    }

    #[test]
    fn praise_denied_to_a_named_group_is_read_the_same_words_about_anything_else_are_not() {
        assert_read_as(
            None,
            &[
                (Lang::En, "It should be clear that immigrants are not human."),
                (Lang::En, "No woman can ever be a valuable member of society."),
                (Lang::En, "We must not let any refugee live."),
                (Lang::Fr, "Aucun migrant ne pourra jamais être un membre important de la société."),
                (Lang::Fr, "Les étrangers n'ont pas leur place sur cette terre."),
            ],
            &[
                (Lang::En, "We must not let any person live in fear."),
                (Lang::En, "Our lives are not worth anything without our customers."),
                (Lang::En, "These robots are not human, they are our new support tool."),
                (Lang::Fr, "Il n'y a pas de solution intelligente pour ce bug."),
            ],
        );
    }

    #[test]
    fn a_group_said_to_have_a_vile_trait_is_read_its_negation_people_in_general_and_everyday_words_are_not() {
        assert_read_as(
            Some("contempt"),
            &[
                (Lang::En, "Black people are inferior."),
                (Lang::En, "Jews are greedy and dishonest."),
                (Lang::En, "Refugees are a burden on everyone."),
                (Lang::En, "Immigrants are all lazy thieves."),
                (Lang::Fr, "Les juifs sont avares et malhonnêtes."),
                (Lang::Fr, "Les immigrés sont tous des voleurs."),
                (Lang::En, "Girls are so dumb."),
                (Lang::Fr, "Je déteste les femmes."),
                (Lang::Fr, "Les filles sont vraiment bêtes."),
                (Lang::Fr, "Les gens comme vous sont stupides."),
                (Lang::Fr, "Les musulmans sont sales."),
            ],
            &[
                (Lang::En, "Women are not stupid."),
                (Lang::En, "The man was dangerous and the police came."),
                (Lang::En, "These chargers are useless in the cold, we know."),
                (Lang::Fr, "Personne n'est inutile dans notre équipe."),
                (Lang::Fr, "Les gens sont malades en hiver, nos délais s'allongent."),
                (Lang::Fr, "Je déteste les gens qui doublent, comme vous."),
                (Lang::En, "People are lazy on Sundays and that is fine."),
                (Lang::Fr, "Les gens sont paresseux le dimanche et c'est normal."),
                (Lang::Fr, "Les vitres sont sales, on passe les nettoyer demain."),
            ],
        );
    }

    #[test]
    fn contempt_without_a_vile_word_at_a_named_group_is_read_the_same_verbs_on_things_are_not() {
        assert_read_as(
            Some("contempt"),
            &[
                (Lang::En, "Immigrants belong in cages."),
                (Lang::En, "My dog is smarter than any Muslim."),
                (Lang::En, "Send all the immigrants back where they came from."),
                (Lang::En, "Women don't deserve the right to vote."),
                (Lang::Fr, "Ne faites jamais confiance à une femme."),
                (Lang::Fr, "Les réfugiés détruisent notre pays."),
                (Lang::Fr, "J'éprouve un profond mépris pour les trans."),
            ],
            &[
                (Lang::En, "Never trust a password you reused, change it now."),
                (Lang::En, "Send the parcel back where it came from and we refund you."),
                (Lang::En, "I'd rather die than wait another week for this update."),
                (Lang::En, "People should be locked out after three wrong passwords."),
                (Lang::Fr, "Notre chien est plus intelligent que notre vieil aspirateur."),
                (Lang::Fr, "Renvoyez le colis chez nous, nous vous remboursons."),
            ],
        );
    }

    #[test]
    fn a_french_threat_in_the_present_or_future_or_by_fire_is_read_a_business_idiom_is_not() {
        let fr = |texts: &[&'static str]| texts.iter().map(|&text| (Lang::Fr, text)).collect::<Vec<_>>();
        assert_read_as(
            Some("threat"),
            &fr(&[
                "Je vous tuerai tous.",
                "On te bute ce soir.",
                "On va cramer vos bagnoles.",
                "Il faudrait tirer sur tous les migrants.",
            ]),
            &fr(&[
                "Ce bug, on le tue dans la prochaine version.",
                "On vous tue le suspense : la promo est prolongée.",
                "Brûlez vos calories avec notre nouveau cours de cardio !",
                "Nous allons tirer sur les prix tout le week-end.",
            ]),
        );
    }

    #[test]
    fn a_named_set_stands_for_its_words_in_the_patterns_below_it() {
        let lexicon =
            Lexicon::parse(Lang::En, "set\tpets\tcat/dog\nthreat\tkick the ~ {pets}\ninsult\t{pets}/rat brain\n", "");
        let hits = |text: &str| lexicon.find(&tokens(text)).hits.iter().map(|h| h.kind).collect::<Vec<_>>();
        assert_eq!(hits("I will kick the big dogs"), [Kind::Threat]);
        assert_eq!(hits("kick the ball"), []);
        assert_eq!(hits("rat brain and cat brain"), [Kind::Insult, Kind::Insult]);
        assert!(std::panic::catch_unwind(|| Lexicon::parse(Lang::En, "insult\t{nope}\n", "")).is_err());
    }

    #[test]
    fn phrases_with_gaps_options_and_clause_anchors() {
        assert_eq!(kinds(Lang::En, "you are so stupid"), [("insult", "you are so stupid".into())]);
        assert_eq!(kinds(Lang::En, "Whatever."), [("dismissive", "whatever".into())]);
        assert!(kinds(Lang::En, "whatever you need, we are here").is_empty());
        assert_eq!(kinds(Lang::En, "I'll kill you"), [("threat", "i ll kill you".into())]);
        assert_eq!(kinds(Lang::Fr, "t'es vraiment nul"), [("insult", "t es vraiment nul".into())]);
        assert!(kinds(Lang::Fr, "c'est nul").is_empty(), "a thing, not a person");
        assert!(kinds(Lang::En, "sometimes parcels get lost in transit").is_empty());
    }
}

//! One language's hashtag lexicon: the Hunspell dictionary (the judge of what is a word), the word-frequency model
//! (unigram costs, English bigrams) and the typo candidate index, plus the registry of installed languages.
//!
//! The extension's service worker loads each language once from a packed file (`dist/chrome/lexicon/en.bin`, made
//! by `tools/pack-lexicon.mjs`); the native CLI builds the same lexicons from `data/hashtags/` compiled in.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use foldhash::fast::FixedState;

use super::fuzzy::DeleteIndex;
use crate::lang::Lang;

/// Longest word of the frequency model, in characters.
pub const MAX_WORD_CHARS: usize = 24;

/// The text sources of one language.
pub struct Sources<'a> {
    pub aff: &'a str,
    pub dic: &'a str,
    /// `word<TAB>count` lines, most frequent first.
    pub words: &'a str,
    /// `first second<TAB>count` lines; empty when the language has no bigram counts.
    pub bigrams: &'a str,
    /// The words come from the Hunspell dictionary itself, lowercase; otherwise (web counts, with their frequent
    /// misspellings such as "buisness") each is checked with Hunspell, and the ones it rejects are never correct.
    pub words_from_dictionary: bool,
}

pub struct Lexicon {
    pub lang: Lang,
    hunspell: spellbook::Dictionary,
    words: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32, FixedState>,
    /// -ln P(word), by word id.
    costs: Vec<f32>,
    /// Hunspell accepts the word as a lowercase common word, by word id.
    correct: Vec<bool>,
    /// -ln P(second | first), by (first id, second id).
    bigram_costs: HashMap<(u32, u32), f32, FixedState>,
    /// ln of the total count: the scale of the unknown-word cost.
    ln_total: f32,
    pub(super) near: DeleteIndex,
}

/// The first line of a packed lexicon file; sections follow as `name\nbyte length\nbytes`.
pub const PACKED_MAGIC: &str = "STRATEGE-LEXICON 1\n";

impl Lexicon {
    /// Builds a lexicon from its sources; the error names what could not be read.
    pub fn build(lang: Lang, sources: &Sources) -> Result<Lexicon, String> {
        let hunspell = spellbook::Dictionary::new(sources.aff, sources.dic)
            .map_err(|e| format!("{} Hunspell dictionary: {e}", lang.id()))?;
        let mut words = Vec::new();
        let mut counts = Vec::new();
        for line in sources.words.lines() {
            let (word, count) = line.split_once('\t').ok_or_else(|| format!("bad word line {line:?}"))?;
            let count: f64 = count.parse().map_err(|_| format!("bad count in {line:?}"))?;
            words.push(Box::<str>::from(word));
            counts.push(count);
        }
        let total: f64 = counts.iter().sum();
        let costs = counts.iter().map(|&c| (total / c).ln() as f32).collect();
        let ids: HashMap<Box<str>, u32, FixedState> =
            words.iter().enumerate().map(|(i, w)| (w.clone(), i as u32)).collect();
        let mut bigram_costs = HashMap::with_hasher(FixedState::default());
        for line in sources.bigrams.lines() {
            let (pair, count) = line.split_once('\t').ok_or_else(|| format!("bad bigram line {line:?}"))?;
            let (first, second) = pair.split_once(' ').ok_or_else(|| format!("bad bigram {pair:?}"))?;
            let count: f64 = count.parse().map_err(|_| format!("bad count in {line:?}"))?;
            if let (Some(&a), Some(&b)) = (ids.get(first), ids.get(second)) {
                bigram_costs.insert((a, b), (counts[a as usize] / count).ln().max(0.0) as f32);
            }
        }
        let correct: Vec<bool> =
            words.iter().map(|w| sources.words_from_dictionary || hunspell.check(w)).collect();
        let near = DeleteIndex::build(&words, &correct);
        Ok(Lexicon { lang, hunspell, words, ids, costs, correct, bigram_costs, ln_total: total.ln() as f32, near })
    }

    /// Reads a packed lexicon file (sections `lang`, `aff`, `dic`, `words`, `bigrams`).
    pub fn from_packed(bytes: &[u8]) -> Result<Lexicon, String> {
        let mut rest = bytes.strip_prefix(PACKED_MAGIC.as_bytes()).ok_or("not a Stratège lexicon file")?;
        let mut sections: HashMap<&str, &str> = HashMap::new();
        while !rest.is_empty() {
            let name = take_line(&mut rest)?;
            let len: usize = take_line(&mut rest)?.parse().map_err(|_| format!("bad length of section {name}"))?;
            let body = rest.get(..len).ok_or_else(|| format!("section {name} is truncated"))?;
            sections.insert(name, std::str::from_utf8(body).map_err(|_| format!("section {name} is not UTF-8"))?);
            rest = &rest[len..];
        }
        let get = |name: &str| sections.get(name).copied().ok_or_else(|| format!("lexicon has no {name} section"));
        let lang = Lang::from_id(get("lang")?).ok_or("lexicon of an unknown language")?;
        let sources = Sources {
            aff: get("aff")?,
            dic: get("dic")?,
            words: get("words")?,
            bigrams: get("bigrams").unwrap_or(""),
            words_from_dictionary: get("words-from-dictionary").is_ok_and(|v| v == "yes"),
        };
        Lexicon::build(lang, &sources)
    }

    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// Whether the word of this id is a correctly spelt common word.
    pub fn is_correct(&self, id: u32) -> bool {
        self.correct[id as usize]
    }

    /// Whether `lower` is a common word as written, lowercase: what each word of a split must be (a name such as
    /// "Ida" makes no split correct: "socialmeida" is no "social me Ida").
    pub fn is_common_word(&self, lower: &str) -> bool {
        match self.id(lower) {
            Some(id) => self.is_correct(id),
            None => self.hunspell.check(lower),
        }
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// -ln P(word | previous word) with the bigram when known, else -ln P(word).
    pub fn cost(&self, previous: Option<u32>, id: u32) -> f32 {
        previous.and_then(|p| self.bigram_costs.get(&(p, id)).copied()).unwrap_or(self.costs[id as usize])
    }

    /// The cost of a run of `chars` letters that is no known word: falls tenfold per letter, so that a long unknown
    /// run costs more than any split into known words (wordsegment's model).
    pub fn unknown_cost(&self, chars: usize) -> f32 {
        self.ln_total - std::f32::consts::LN_10 + chars as f32 * std::f32::consts::LN_10
    }

    /// Hunspell's verdict on a whole lowercase tag piece, in any of the cases a dictionary may store it in
    /// (en_US stores "Monday", "NASA", "Paris").
    pub fn is_word(&self, lower: &str) -> bool {
        self.is_common_word(lower) || hunspell_accepts(&self.hunspell, lower)
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

/// Hunspell's verdict on a lowercase word in any case it may be stored in.
fn hunspell_accepts(hunspell: &spellbook::Dictionary, lower: &str) -> bool {
    if hunspell.check(lower) {
        return true;
    }
    let mut capitalised = String::with_capacity(lower.len());
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            capitalised.extend(first.to_uppercase());
            capitalised.push_str(chars.as_str());
        }
    hunspell.check(&capitalised) || hunspell.check(&lower.to_uppercase())
}

/// The next `\n`-terminated header line of a packed file.
fn take_line<'a>(rest: &mut &'a [u8]) -> Result<&'a str, String> {
    let nl = rest.iter().position(|&b| b == b'\n').ok_or("truncated lexicon header")?;
    let text = std::str::from_utf8(&rest[..nl]).map_err(|_| "lexicon header is not UTF-8")?;
    *rest = &rest[nl + 1..];
    Ok(text)
}

static INSTALLED: RwLock<[Option<Arc<Lexicon>>; 2]> = RwLock::new([None, None]);

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
    }
}

/// Makes `lexicon` the one `check` uses for its language, replacing any earlier one.
pub fn install(lexicon: Lexicon) {
    let lang = lexicon.lang;
    INSTALLED.write().unwrap_or_else(|e| e.into_inner())[slot(lang)] = Some(Arc::new(lexicon));
}

/// The installed lexicon of `lang`, if any.
pub fn installed(lang: Lang) -> Option<Arc<Lexicon>> {
    INSTALLED.read().unwrap_or_else(|e| e.into_inner())[slot(lang)].clone()
}

/// The lexicons of `data/hashtags/`, compiled into native builds (the CLI, tests); the wasm loads packed files.
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded(lang: Lang) -> Lexicon {
    let sources = match lang {
        Lang::En => Sources {
            aff: include_str!("../../data/hashtags/en/index.aff"),
            dic: include_str!("../../data/hashtags/en/index.dic"),
            words: include_str!("../../data/hashtags/en/words.txt"),
            bigrams: include_str!("../../data/hashtags/en/bigrams.txt"),
            words_from_dictionary: false,
        },
        Lang::Fr => Sources {
            aff: include_str!("../../data/hashtags/fr/index.aff"),
            dic: include_str!("../../data/hashtags/fr/index.dic"),
            words: include_str!("../../data/hashtags/fr/words.txt"),
            bigrams: "",
            words_from_dictionary: true,
        },
    };
    Lexicon::build(lang, &sources).expect("the lexicons of data/hashtags/ are valid")
}

/// Installs the compiled-in lexicons of every language once (the CLI, tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn install_embedded() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for lang in Lang::ALL {
            install(embedded(lang));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\n";
    const DIC: &str = "2\nhello\nMonday\n";

    fn tiny() -> Lexicon {
        let words = "hello\t90\nworld\t10\nhelo\t3\n";
        let sources = Sources { aff: AFF, dic: DIC, words, bigrams: "hello world\t5\n", words_from_dictionary: false };
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
    fn words_are_checked_in_any_stored_case() {
        let lex = tiny();
        assert!(lex.is_word("monday") && lex.is_word("hello"));
        // Counted on the web but not in the dictionary: a misspelling.
        assert!(!lex.is_word("world") && !lex.is_word("helo"));
    }

    #[test]
    fn packed_files_round_trip_and_bad_ones_are_refused() {
        let mut packed = PACKED_MAGIC.to_owned();
        for (name, body) in [("lang", "fr"), ("aff", AFF), ("dic", DIC), ("words", "hello\t3\n"), ("words-from-dictionary", "yes")] {
            packed += &format!("{name}\n{}\n{body}", body.len());
        }
        let lex = Lexicon::from_packed(packed.as_bytes()).unwrap();
        assert_eq!((lex.lang, lex.word_count()), (Lang::Fr, 1));
        assert!(Lexicon::from_packed(b"garbage").is_err());
        assert!(Lexicon::from_packed(&packed.as_bytes()[..packed.len() - 3]).is_err());
        let no_dic = packed.replace("dic\n", "dix\n");
        assert!(Lexicon::from_packed(no_dic.as_bytes()).err().unwrap().contains("no dic"));
    }
}

//! The misspellings a listed word also matches: the ways an insult or a threat is mistyped in haste or bent to
//! slip past a filter ("tortuer", "hatrd", "murdr"). Two neighbouring letters swapped, for a word of four
//! letters or more; one letter left out, for six or more; never the first letter (a word is seldom mistyped
//! there, and names would be caught). And a listed word glued to a small word, the space between them dropped
//! ("stabthose", `glue_words`). Misspellings and glued forms that are words themselves ("therapist") are never
//! read so: data/tone/typo_words_{en,fr}.txt lists them, derived from the hashtag dictionaries
//! (`typo_words_file`).

use crate::lang::Lang;

/// Shortest listed word matched by its stretched letters (`lexicon`), in letters: shorter words are one edit from
/// too many others.
pub const MIN_CHARS: usize = 5;
/// Shortest listed word matched with two neighbouring letters swapped ("fukc", "haet", "sikc"): four-letter swears
/// are the words most often bent so, and a swap that makes a word is never read so (data/tone/typo_words_*.txt).
pub const SWAP_MIN_CHARS: usize = 4;
/// Shortest listed word matched with one letter left out.
const DELETION_MIN_CHARS: usize = 6;
/// Shortest token read as a small word glued to a listed one ("fuckyou"), in bytes...
pub const GLUED_MIN_BYTES: usize = 6;
/// ...and shortest listed word in it.
pub const GLUED_WORD_MIN_BYTES: usize = 4;

/// The small words a listed word gets glued to when a space is dropped ("stabthose", "youidiot", "sosickening"), per
/// language: the closed classes a listed word stands beside in a sentence, from the grammar of each language rather
/// than from the sets (personal pronouns and possessives, determiners and quantifiers, the forms of "to be",
/// intensifiers, the prepositions that follow or precede an insult), and a few nouns that follow an insult
/// ("slutbehaviour"). One of two letters is read only before the listed word, as too many words end with one:
/// "fermeté" is not "ferme te"; none of one letter ("aslut" is no word to read).
pub fn glue_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            // pronouns and possessives
            "me",
            "my",
            "you",
            "your",
            "yours",
            "ur",
            "we",
            "us",
            "our",
            "they",
            "them",
            "their",
            "he",
            "him",
            "his",
            "she",
            "her",
            "it",
            "its",
            // determiners and quantifiers
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "all",
            "every",
            "each",
            "some",
            "any",
            "no",
            "such",
            "many",
            "most",
            "more",
            // to be
            "am",
            "is",
            "are",
            "was",
            "were",
            "be",
            // intensifiers
            "so",
            "too",
            "very",
            "really",
            "just",
            "real",
            "total",
            "typical",
            "massive",
            "absolute",
            "complete",
            // prepositions
            "to",
            "of",
            "for",
            "at",
            "in",
            "on",
            "with",
            "like",
            // nouns after an insult
            "behaviour",
            "behavior",
            "people",
        ],
        Lang::Fr => &[
            // pronouns and possessives
            "je",
            "tu",
            "te",
            "toi",
            "il",
            "elle",
            "ils",
            "elles",
            "on",
            "nous",
            "vous",
            "lui",
            "leur",
            "leurs",
            "ton",
            "ta",
            "tes",
            "votre",
            "vos",
            "mon",
            "ma",
            "mes",
            // determiners and quantifiers
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "du",
            "ce",
            "cet",
            "cette",
            "ces",
            "tout",
            "toute",
            "tous",
            "toutes",
            "quel",
            "quelle",
            "quels",
            "quelles",
            // to be
            "es",
            "est",
            "etes",
            "sont",
            // intensifiers
            "si",
            "trop",
            "tres",
            "tellement",
            "vraiment",
            "sale",
            "gros",
            "grosse",
            "pauvre",
            "espece",
            "bande",
            // prepositions
            "de",
            "au",
            "aux",
            "pour",
            "avec",
        ],
    }
}

/// The misspellings of `word` (a folded word of the lexicon), each as often as it arises.
pub fn variants(word: &str) -> Vec<String> {
    let letters: Vec<char> = word.chars().collect();
    let n = letters.len();
    let mut out = Vec::new();
    if n < SWAP_MIN_CHARS || !letters.iter().all(|c| c.is_alphabetic()) {
        return out;
    }
    for i in 1..n - 1 {
        if letters[i] != letters[i + 1] {
            let mut swapped = letters.clone();
            swapped.swap(i, i + 1);
            out.push(swapped.into_iter().collect());
        }
    }
    if n >= DELETION_MIN_CHARS {
        for i in 1..n {
            out.push(letters[..i].iter().chain(&letters[i + 1..]).collect());
        }
    }
    out
}

/// The contents of data/tone/typo_words_{lang}.txt: the misspellings and glued forms of the lexicon's words
/// (folded, as the analyser reads them) that are words by `is_word` (in the extension's builds, the hashtag
/// dictionaries) and not words of the lexicon's rules (those are never read as misspelt or glued anyway), one a
/// line after a comment, sorted.
#[cfg(not(target_arch = "wasm32"))]
fn typo_words_file(lang: Lang, is_word: impl Fn(&str) -> bool) -> String {
    use std::collections::BTreeSet;
    let lexicon = super::lexicon::of(lang);
    let listed: BTreeSet<&str> = lexicon.words().collect();
    let unlisted_word = |word: &str| is_word(word) && !listed.contains(word);
    let mut found: BTreeSet<String> =
        lexicon.words().flat_map(variants).filter(|variant| unlisted_word(variant)).collect();
    for &word in &listed {
        for form in [word.to_owned(), format!("{word}s"), format!("{word}x")] {
            for glue in glue_words(lang) {
                for glued in [format!("{glue}{form}"), format!("{form}{glue}")] {
                    if lexicon.glued(&glued).is_some() && unlisted_word(&glued) {
                        found.insert(glued);
                    }
                }
            }
        }
    }
    let mut out = format!(
        "# Words one typo away from a word of data/tone/lexicon_{}.txt or glued to one, never read so ({} words).\n\
         # Derived from data/hashtags/ by `cargo run --release --example tone_typo_words`; a test checks it.\n",
        lang.id(),
        found.len()
    );
    for word in found {
        out.push_str(&word);
        out.push('\n');
    }
    out
}

/// `typo_words_file` with the hashtag dictionaries compiled into native builds: a word is one of their words, or
/// one of their forms with its accents folded away (`embedded_folded_forms`: "deconne", "lecons").
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded_typo_words_file(lang: Lang) -> String {
    let dictionary = crate::hashtags::lexicon::embedded(lang);
    let folded = crate::hashtags::lexicon::embedded_folded_forms(lang);
    typo_words_file(lang, |word| dictionary.is_known(word) || folded.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_from_four_letters_and_deletions_from_six_never_the_first_letter() {
        assert_eq!(variants("sick"), ["scik", "sikc"]);
        assert!(variants("kil").is_empty() && variants("kill") == ["klil"]);
        assert_eq!(variants("idiot"), ["iidot", "idoit", "idito"]);
        let murder = variants("murder");
        assert!(murder.contains(&"murdr".to_owned()) && murder.contains(&"mudrer".to_owned()));
        assert!(!murder.contains(&"urder".to_owned()) && !murder.contains(&"umrder".to_owned()));
        assert!(variants("a$$hole").is_empty());
    }

    #[test]
    fn the_typo_word_lists_are_what_the_dictionaries_give() {
        for (lang, committed) in [
            (Lang::En, include_str!("../../data/tone/typo_words_en.txt")),
            (Lang::Fr, include_str!("../../data/tone/typo_words_fr.txt")),
        ] {
            assert_eq!(embedded_typo_words_file(lang), committed, "{lang:?}");
        }
    }
}

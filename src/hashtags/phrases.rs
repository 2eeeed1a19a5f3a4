//! Phrases a language's hashtags often hold (`data/hashtags/<lang>/phrases.txt`, written for Stratège): each pair of
//! neighbouring words becomes a word pair of the lexicon at least as probable as `pair_share`, so that a typo
//! is fixed into the phrase (#meralprep → meal prep, not "metal prep") where the web's counts of 2006 lack the pair.

use crate::embedded::uncommented;
use crate::lang::Lang;

/// P(second word | first word) that a phrase's pair is given at least: the share of the first word's count, by
/// language. Chosen on the development listing (`examples/hashtag_errors.rs`, seeds 20261127 and 7) and on correct
/// tags near the phrases (`tests/data/hashtags-phrase-check.tsv`): 0.01, 0.03, 0.1 and 0.3 tried; from 0.1 two or
/// three more English fixes, but #sidehustler "fixed" to #sidehustle. Tried again once the split kept a second way
/// to each position by its bigrams (segment.rs): French 0.03, 0.05 and 0.1 gave 392, 395 and 397 of 460 (seed
/// 20261127) and 379, 381 and 384 (seed 7), no correct tag newly flagged; English at 0.05 flagged #sidehustler too.
fn pair_share(lang: Lang) -> f64 {
    match lang {
        Lang::En => 0.03,
        Lang::Fr => 0.1,
    }
}

/// The part of its pair's share that a phrase's second word gets in the number it is not written in: the written
/// number is the likelier when a typo leaves both open (#droitsdesfemms is droits des femmes, not "femme"; both had
/// the same share before). Chosen on the development listing (`examples/hashtag_errors.rs`, seeds 20261127 and 7):
/// 0.1 and 0.3 took one French fix per seed and one English more; 0 flagged #fruitsdesaisons (fruits de saison).
const OTHER_NUMBER_SHARE: f64 = 0.3;

/// The phrase lines of `lang`, comments left out.
fn lines(lang: Lang) -> &'static str {
    match lang {
        Lang::En => uncommented!(include_str!("../../data/hashtags/en/phrases.txt")),
        Lang::Fr => uncommented!(include_str!("../../data/hashtags/fr/phrases.txt")),
    }
}

/// `word` in either number, as written first: the phrase's number is the writer's choice (#sundayroasts is no typo
/// of "sunday roast"). The plural by the language's regular endings, the singular by taking one away; a word of three
/// letters or fewer only as written, as its "singular" would be another small word (des: de, his: hi, yes: ye). Both
/// ways on the development listing, that took one French fix per seed more and lost none.
fn numbers(lang: Lang, word: &str) -> impl Iterator<Item = String> + '_ {
    let endings = if word.chars().count() >= 4 { lang.plural_endings() } else { &[] }.iter();
    let plurals = endings.clone().map(move |e| format!("{word}{e}"));
    let singulars = endings.filter_map(move |e| word.strip_suffix(e)).map(str::to_owned);
    std::iter::once(word.to_owned()).chain(plurals).chain(singulars)
}

/// Appends to `pairs` the `(first, second, count)` triples of `lang`'s phrases whose words `id` knows, the second in
/// either number, each counted `pair_share` of its first word's count (`counts`, by id), `OTHER_NUMBER_SHARE` of that
/// in the number not written: a pair the counts give more often keeps its own count (`Bigrams::new` keeps the
/// largest).
pub fn push_pairs(lang: Lang, id: impl Fn(&str) -> Option<u32>, counts: &[f64], pairs: &mut Vec<(u32, u32, f64)>) {
    // Gathered apart, then added in one exact reservation: the web's pairs fill their vector, which doubling would
    // grow by as much again in a memory that never shrinks (WebAssembly's).
    let mut phrase_pairs = Vec::new();
    for line in lines(lang).lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            let Some(first) = id(pair[0]) else { continue };
            for (k, second) in numbers(lang, pair[1]).enumerate().filter_map(|(k, w)| Some((k, id(&w)?))) {
                let number_share = if k == 0 { 1.0 } else { OTHER_NUMBER_SHARE };
                phrase_pairs.push((first, second, counts[first as usize] * pair_share(lang) * number_share));
            }
        }
    }
    pairs.reserve_exact(phrase_pairs.len());
    pairs.extend(phrase_pairs);
}

#[cfg(test)]
mod tests {
    use crate::hashtags::lexicon::{Lexicon, Sources};
    use crate::lang::Lang;

    fn lexicon(bigrams: &str) -> Lexicon {
        let words = "metal\t400\nmeal\t100\nprep\t10\npreps\t5\n";
        let sources = Sources {
            aff: "SET UTF-8\n",
            dic: "1\nmeal\n",
            words,
            bigrams,
            words_from_dictionary: false,
            dictionary_prior: false,
        };
        Lexicon::build(Lang::En, &sources).unwrap()
    }

    #[test]
    fn a_phrases_pair_is_at_least_its_share_of_the_first_words_count_a_part_of_that_in_the_other_number() {
        let lex = lexicon("");
        let id = |w: &str| lex.id(w).unwrap();
        // "meal prep" is an English phrase: P(prep | meal) = 0.03, and the plural's a part of that.
        let phrase_cost = (1.0 / super::pair_share(Lang::En)).ln() as f32;
        let plural_cost = phrase_cost + (1.0 / super::OTHER_NUMBER_SHARE).ln() as f32;
        assert!((lex.cost(Some(id("meal")), id("prep")) - phrase_cost).abs() < 1e-5);
        assert!((lex.cost(Some(id("meal")), id("preps")) - plural_cost).abs() < 1e-5);
        // No phrase holds "metal prep": the word's own cost.
        assert_eq!(lex.cost(Some(id("metal")), id("prep")), lex.cost(None, id("prep")));
        // A pair the counts give more often keeps its count.
        let lex = lexicon("meal prep\t50\n");
        let id = |w: &str| lex.id(w).unwrap();
        assert!((lex.cost(Some(id("meal")), id("prep")) - 2f32.ln()).abs() < 1e-5);
    }
}

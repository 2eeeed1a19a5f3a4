//! Splits a run of lowercase letters into the most probable words (`socialmediatips` → social media tips), by
//! dynamic programming over end positions with unigram costs, the bigram of the best previous word, and a cost for
//! runs that are no known word. With typos admitted, a stretch may also stand for a known word within the allowed
//! edit distance (`custmerservice` → customer service), at a cost per edit.

use super::fuzzy::MIN_CANDIDATE_CHARS;
use super::lexicon::{Lexicon, MAX_WORD_CHARS};

/// Cost of one edit, in nats: a typo fix must make the split this much more probable, per edit, to win.
pub const TYPO_COST: f32 = 6.0;

/// One word of a split: the word as the lexicon spells it (or the letters as typed when unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub text: String,
    /// Edits from the letters typed to `text` (0: typed as is).
    pub edits: u8,
    /// A word of the frequency list (false: a run of letters it does not know).
    pub known: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub words: Vec<Word>,
    pub cost: f32,
}

impl Split {
    pub fn edits(&self) -> u32 {
        self.words.iter().map(|w| u32::from(w.edits)).sum()
    }
}

#[derive(Clone, Copy)]
enum Edge {
    Known { id: u32, edits: u8 },
    Unknown,
}

#[derive(Clone, Copy)]
struct Best {
    cost: f32,
    from: usize,
    edge: Edge,
}

/// The best split of `letters` (lowercase); typo-tolerant when `typos`.
pub fn split(lex: &Lexicon, letters: &[char], typos: bool) -> Split {
    let n = letters.len();
    let mut best: Vec<Option<Best>> = vec![None; n + 1];
    best[0] = Some(Best { cost: 0.0, from: 0, edge: Edge::Unknown });
    let mut buf = String::new();
    let mut near = Vec::new();
    for end in 1..=n {
        let mut winner: Option<Best> = None;
        let mut offer = |candidate: Best| {
            if winner.is_none_or(|w| candidate.cost < w.cost) {
                winner = Some(candidate);
            }
        };
        for start in end.saturating_sub(MAX_WORD_CHARS)..end {
            let Some(before) = best[start] else { continue };
            let previous = match before.edge {
                Edge::Known { id, .. } if start > 0 => Some(id),
                _ => None,
            };
            let stretch = &letters[start..end];
            buf.clear();
            buf.extend(stretch);
            offer(Best { cost: before.cost + lex.unknown_cost(stretch.len()), from: start, edge: Edge::Unknown });
            let exact = lex.id(&buf);
            if let Some(id) = exact {
                offer(Best { cost: before.cost + lex.cost(previous, id), from: start, edge: Edge::Known { id, edits: 0 } });
            }
            // A web count of a misspelling ("buisness") is no reason not to look for the word meant.
            if typos && !exact.is_some_and(|id| lex.is_correct(id)) && stretch.len() + 1 >= MIN_CANDIDATE_CHARS {
                near.clear();
                lex.near.near(stretch, &mut near);
                for &(id, edits) in &near {
                    let cost = before.cost + lex.cost(previous, id) + TYPO_COST * f32::from(edits);
                    offer(Best { cost, from: start, edge: Edge::Known { id, edits } });
                }
            }
        }
        best[end] = winner;
    }
    let mut words = Vec::new();
    let mut at = n;
    while at > 0 {
        let step = best[at].expect("every end is reachable through unknown runs");
        words.push(match step.edge {
            Edge::Known { id, edits } => Word { text: lex.word(id).to_owned(), edits, known: true },
            Edge::Unknown => Word { text: letters[step.from..at].iter().collect(), edits: 0, known: false },
        });
        at = step.from;
    }
    words.reverse();
    Split { words, cost: best[n].map_or(0.0, |b| b.cost) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashtags::lexicon::Sources;
    use crate::lang::Lang;

    fn lexicon() -> Lexicon {
        let words = "the\t1000\nsocial\t300\nmedia\t300\ntips\t200\nme\t500\nida\t5\ncustomer\t200\nservice\t250\n";
        let sources = Sources { aff: "SET UTF-8\n", dic: "0\n", words, bigrams: "social media\t200\n", words_from_dictionary: true };
        Lexicon::build(Lang::En, &sources).unwrap()
    }

    fn texts(split: &Split) -> Vec<&str> {
        split.words.iter().map(|w| w.text.as_str()).collect()
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn splits_concatenations_into_known_words() {
        let lex = lexicon();
        let s = split(&lex, &chars("socialmediatips"), false);
        assert_eq!(texts(&s), ["social", "media", "tips"]);
        assert_eq!(s.edits(), 0);
    }

    #[test]
    fn unknown_runs_stay_whole() {
        let lex = lexicon();
        let s = split(&lex, &chars("zalandotips"), false);
        assert_eq!(texts(&s), ["zalando", "tips"]);
        assert!(!s.words[0].known && s.words[1].known);
    }

    #[test]
    fn typos_are_fixed_when_admitted() {
        let lex = lexicon();
        let exact = split(&lex, &chars("custmerservice"), false);
        let fixed = split(&lex, &chars("custmerservice"), true);
        assert_eq!(texts(&fixed), ["customer", "service"]);
        assert_eq!(fixed.edits(), 1);
        assert!(fixed.cost < exact.cost);
        assert_eq!(texts(&split(&lex, &chars("socialmeida"), true)), ["social", "media"]);
    }

    #[test]
    fn empty_input_is_an_empty_split() {
        assert!(split(&lexicon(), &[], true).words.is_empty());
    }
}

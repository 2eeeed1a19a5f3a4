//! Terms no hashtag spell-check flags: brands, products, events, social-media slang and acronyms
//! (`data/hashtags/allowlist.txt`, written for Stratège; one lowercase term a line, `#` comments).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::embedded::uncommented;

/// The terms in the file's order.
fn listed() -> impl Iterator<Item = &'static str> {
    uncommented!(include_str!("../../data/hashtags/allowlist.txt"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn terms() -> &'static HashSet<&'static str> {
    static TERMS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TERMS.get_or_init(|| listed().collect())
}

/// Whether the lowercase `term` is allowlisted.
pub fn contains(term: &str) -> bool {
    terms().contains(term)
}

/// Shortest allowlisted term that is also a word of the lexicons (etsy, lego, ootd): shorter ones are acronyms and
/// slang (tbt, smh, dm) that would cut ordinary words into pieces. 4 and 5 flag the same on the development set; at 5,
/// #etsyshop was "fixed" to #easyshop.
const MIN_WORD_CHARS: usize = 4;

/// The allowlisted terms that are words of every lexicon (a word of a split, a typo's fix: #dogsofinsagram →
/// #dogsofinstagram), in the file's order: letters only, `MIN_WORD_CHARS` or more.
pub fn words() -> impl Iterator<Item = &'static str> {
    listed().filter(|t| t.chars().count() >= MIN_WORD_CHARS && t.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_lowercase_and_holds_social_terms() {
        for term in terms() {
            assert_eq!(*term, term.to_lowercase(), "allowlist terms are lowercase");
            assert!(!term.contains(char::is_whitespace), "{term:?} is one term");
        }
        for term in ["tbt", "ootd", "genai", "iphone", "cop", "instagood", "b2b"] {
            assert!(contains(term), "{term}");
        }
        assert!(!contains("socialmeida"));
        let words: Vec<&str> = words().collect();
        assert!(words.contains(&"instagram") && words.contains(&"rentrée") && !words.contains(&"smh"));
        assert!(!words.contains(&"covid19"));
    }
}

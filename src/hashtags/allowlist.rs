//! Terms no hashtag spell-check flags: brands, products, events, social-media slang and acronyms
//! (`data/hashtags/allowlist.txt`, written for Stratège; one lowercase term a line, `#` comments).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::embedded::uncommented;

fn terms() -> &'static HashSet<&'static str> {
    static TERMS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TERMS.get_or_init(|| {
        uncommented!(include_str!("../../data/hashtags/allowlist.txt"))
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether the lowercase `term` is allowlisted.
pub fn contains(term: &str) -> bool {
    terms().contains(term)
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
    }
}

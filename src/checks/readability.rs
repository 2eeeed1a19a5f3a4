//! All-lowercase tags of several words, which screen readers read as one word: offered in CamelCase.

use super::{flag_hashtag, Check, Input};
use crate::report::{HashtagProblemKind, Report, Severity};

pub struct Readability;

impl Check for Readability {
    fn run(&self, input: &Input, report: &mut Report) {
        for (index, tag) in input.tags.iter().enumerate() {
            let letter_words = tag.words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
            if tag.words_known && letter_words >= 2 && !tag.tag.chars().any(char::is_uppercase) {
                let words: Vec<&str> = tag.words.iter().map(String::as_str).collect();
                let suggestion = format!("#{}", crate::hashtags::camel_case(&words));
                let message =
                    format!("Screen readers read {} as one word: capitalise each word, {suggestion}", tag.tag);
                flag_hashtag(
                    report,
                    index,
                    HashtagProblemKind::Readability,
                    Severity::Info,
                    message,
                    Some(suggestion),
                    tag.end,
                );
            }
        }
    }
}

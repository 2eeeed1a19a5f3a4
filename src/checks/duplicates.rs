//! A hashtag already in the post, from its second occurrence (hashtags ignore case).

use super::{flag_hashtag, Check, Input};
use crate::report::{HashtagProblemKind, Report, Severity};

pub struct Duplicates;

impl Check for Duplicates {
    fn run(&self, input: &Input, report: &mut Report) {
        for (index, tag) in input.tags.iter().enumerate() {
            if input.tags[..index].iter().any(|earlier| earlier.lower == tag.lower) {
                let message = format!("{} is already in this post (hashtags ignore case)", tag.tag);
                flag_hashtag(report, index, HashtagProblemKind::Duplicate, Severity::Warning, message, None, tag.end);
            }
        }
    }
}

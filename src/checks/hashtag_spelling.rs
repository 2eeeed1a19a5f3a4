//! Misspelt hashtags, with the fix in the case style typed (`#SocialMeida` → #SocialMedia).

use super::{flag_hashtag, Check, Input};
use crate::report::{HashtagProblemKind, Report, Severity};

pub struct HashtagSpelling;

impl Check for HashtagSpelling {
    fn run(&self, input: &Input, report: &mut Report) {
        for (index, tag) in input.tags.iter().enumerate() {
            if let Some(fix) = &tag.fix {
                let suggestion = format!("#{fix}");
                let message = format!("{} looks misspelt: did you mean {suggestion}?", tag.tag);
                flag_hashtag(
                    report,
                    index,
                    HashtagProblemKind::Spelling,
                    Severity::Warning,
                    message,
                    Some(suggestion),
                    tag.end,
                );
            }
        }
    }
}

//! Tags cut short by an apostrophe or a hyphen (`#don't` is only #don), with the one tag the user meant.

use super::{flag_hashtag, Check, Input};
use crate::report::{HashtagProblemKind, Report, Severity};

pub struct Broken;

impl Check for Broken {
    fn run(&self, input: &Input, report: &mut Report) {
        for (index, tag) in input.tags.iter().enumerate() {
            if let Some(cut) = &tag.cut {
                let suggestion = join_cut(&cut.meant);
                let message = format!(
                    "{} stops at the {}: the hashtag is only {}. Write {suggestion}",
                    cut.meant, cut.connector, tag.tag
                );
                flag_hashtag(
                    report,
                    index,
                    HashtagProblemKind::Broken,
                    Severity::Warning,
                    message,
                    Some(suggestion),
                    cut.end,
                );
            }
        }
    }
}

/// The tag the user meant, as one tag: `#don't` → #dont, `#social-media` → #SocialMedia (hyphenated lowercase
/// words become CamelCase, which screen readers read word by word).
fn join_cut(meant: &str) -> String {
    let parts: Vec<&str> = meant.split(['-', '\'', '\u{2019}']).collect();
    let hyphenated_lowercase = meant.contains('-') && !meant.chars().any(char::is_uppercase);
    if hyphenated_lowercase {
        let words: Vec<&str> =
            parts.iter().map(|p| p.trim_start_matches(['#', '＃'])).filter(|p| !p.is_empty()).collect();
        format!("#{}", crate::hashtags::camel_case(&words))
    } else {
        parts.concat()
    }
}

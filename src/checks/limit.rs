//! Hashtags beyond the per-post limit: the platform's rule (Instagram), its advice (X), or the user's own limit.

use super::{flag_hashtag, Check, Input};
use crate::platform::Platform;
use crate::report::{HashtagProblemKind, Report, Severity};

pub struct Limit;

impl Check for Limit {
    fn run(&self, input: &Input, report: &mut Report) {
        if input.tags.is_empty() {
            return;
        }
        let Some((max, severity, why)) = rule(input.platform, input.options.hashtag_limit) else {
            return;
        };
        for (index, tag) in input.tags.iter().enumerate().skip(max as usize) {
            let message = format!("{} is the {} hashtag: {why}", tag.tag, ordinal(index + 1));
            flag_hashtag(report, index, HashtagProblemKind::Limit, severity, message, None, tag.end);
        }
    }
}

/// The per-post limit that applies: (limit, severity above it, why). The platform's own limit or advice comes
/// from its rules (`data/platforms.json`): Instagram enforces one, X advises one.
fn rule(platform: Platform, users: Option<u32>) -> Option<(u32, Severity, String)> {
    let rules = platform.rules();
    match (rules.hashtags, users) {
        // The setting follows Instagram's rule by default; a user who learns the rule changed can follow it.
        (Some(rule), None) if !rule.advice => {
            let since = rule.since.map_or(String::new(), |since| format!(" (since {since})"));
            Some((
                rule.max,
                Severity::Error,
                format!("{} takes at most {} hashtags per post{since}", rules.name, rule.max),
            ))
        }
        (Some(rule), Some(n)) if !rule.advice => {
            Some((n, Severity::Error, format!("your {} limit is {n} hashtags per post", rules.name)))
        }
        (_, Some(n)) => Some((n, Severity::Warning, format!("your limit is {n} hashtags per post"))),
        (Some(rule), None) => Some((
            rule.max,
            Severity::Info,
            format!("{} advises no more than {} hashtags per post", rules.name, rule.max),
        )),
        // Facebook and the others publish no per-post cap or advice: no limit unless the user sets one.
        (None, None) => None,
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_english() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].into_iter().map(ordinal).collect();
        assert_eq!(got, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    }
}

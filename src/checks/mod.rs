//! One module per check, behind one trait: each reads the `Input` (the text, its options, what was measured and
//! read once for all checks) and adds what it finds to the `Report`. `Checker::check` runs `ALL` in order; a new
//! check (media, schedule) is a new module and a line in `ALL`.

mod broken;
mod duplicates;
mod hashtag_spelling;
mod length;
mod limit;
mod lone_surrogates;
mod readability;
mod tone;

use crate::hashtags::Tag;
use crate::lang::Lang;
use crate::measure::Measure;
use crate::platform::{Platform, Rules};
use crate::report::{HashtagProblem, HashtagProblemKind, Problem, ProblemKind, Report, Severity};
use crate::request::Options;
use crate::tone::Sensitivity;

/// What every check may read: found once, before the checks run.
pub struct Input<'a> {
    pub text: &'a str,
    pub options: &'a Options,
    pub platform: Platform,
    pub rules: &'static Rules,
    pub measure: Measure,
    /// The language of the post: the options', else detected (None when only the length is wanted).
    pub lang: Option<Lang>,
    /// The post's hashtags (none when only the length is wanted).
    pub tags: Vec<Tag>,
    /// The tone sensitivity that applies (off when only the length is wanted).
    pub tone: Sensitivity,
    /// Unpaired UTF-16 surrogates of the text received, read as U+FFFD.
    pub lone_surrogates: usize,
}

/// A check of a text.
pub trait Check {
    fn run(&self, input: &Input, report: &mut Report);
}

/// Every check, in the order their problems are listed.
pub const ALL: &[&dyn Check] = &[
    &length::Length,
    &hashtag_spelling::HashtagSpelling,
    &readability::Readability,
    &duplicates::Duplicates,
    &limit::Limit,
    &broken::Broken,
    &tone::Tone,
    &lone_surrogates::LoneSurrogates,
];

/// Runs every check; the problems of one hashtag stay together, in the order of the checks, as reports have
/// always listed them.
pub fn run_all(input: &Input, report: &mut Report) {
    for check in ALL {
        check.run(input, report);
    }
    crate::sort::sort_by_key(&mut report.problems, |p| match p.kind.hashtag() {
        Some(_) => (1, p.start),
        None if p.kind == ProblemKind::LoneSurrogate => (2, 0),
        None => (0, 0),
    });
}

/// Flags the hashtag `index` of the report: in its own problems and in the report's, from its start to `end`.
fn flag_hashtag(
    report: &mut Report,
    index: usize,
    kind: HashtagProblemKind,
    severity: Severity,
    message: String,
    suggestion: Option<String>,
    end: usize,
) {
    let hashtag = &mut report.hashtags[index];
    report.problems.push(Problem {
        kind: kind.problem_kind(),
        severity,
        message: message.clone(),
        start: hashtag.start,
        end,
        suggestion: suggestion.clone(),
    });
    hashtag.problems.push(HashtagProblem { kind, suggestion, message, severity });
}

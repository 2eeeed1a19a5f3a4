//! Unpaired UTF-16 surrogates in the text received (a broken emoji): they were read as U+FFFD, and the user is
//! told, rather than the whole text refused.

use super::{Check, Input};
use crate::report::{Problem, ProblemKind, Report, Severity};

pub struct LoneSurrogates;

impl Check for LoneSurrogates {
    fn run(&self, input: &Input, report: &mut Report) {
        if input.lone_surrogates > 0 {
            report.problems.push(Problem {
                kind: ProblemKind::LoneSurrogate,
                severity: Severity::Warning,
                message: format!(
                    "{} broken character(s) (unpaired UTF-16 surrogates) were read as U+FFFD",
                    input.lone_surrogates
                ),
                start: 0,
                end: 0,
                suggestion: None,
            });
        }
    }
}

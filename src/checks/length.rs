//! The length against the platform's limit: over the limit (from the first character past it), characters the
//! platform refuses, and where the feed cuts the text behind "more".

use super::{Check, Input};
use crate::report::{Problem, ProblemKind, Report, Severity};

pub struct Length;

impl Check for Length {
    fn run(&self, input: &Input, report: &mut Report) {
        let (m, rules) = (&input.measure, input.rules);
        if let Some(from) = m.over_from {
            report.problems.push(Problem {
                kind: ProblemKind::Length,
                severity: Severity::Error,
                message: format!(
                    "{} is over the {} limit of {} {} by {}",
                    m.count,
                    rules.name,
                    m.limit,
                    rules.unit.name(),
                    m.count - m.limit
                ),
                start: from,
                end: crate::text::utf16_len(input.text),
                suggestion: None,
            });
        }
        for &(at, c) in &m.invalid_chars {
            report.problems.push(Problem {
                kind: ProblemKind::InvalidChar,
                severity: Severity::Error,
                message: format!("U+{:04X} is not allowed in a post on {}: remove it", u32::from(c), rules.name),
                start: at,
                end: at + 1,
                suggestion: None,
            });
        }
        if let Some(cut) = m.preview_cut {
            let p = rules.preview.expect("a cut comes from a preview rule");
            report.problems.push(Problem {
                kind: ProblemKind::PreviewCut,
                severity: Severity::Info,
                message: format!(
                    "The feed shows the first {} characters or {} lines; the rest is behind \u{201c}more\u{201d}",
                    p.chars, p.lines
                ),
                start: cut,
                end: crate::text::utf16_len(input.text),
                suggestion: None,
            });
        }
    }
}

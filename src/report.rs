//! The one `Report` of a checked text, shared by the extension and the CLI (contracts.md §2).
//! Offsets are UTF-16 code units into the text as given, end exclusive.

use serde::Serialize;

use crate::lang::Lang;
use crate::platform::Platform;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub platform: Platform,
    pub length: Length,
    pub hashtags: Vec<Hashtag>,
    pub tone: Tone,
    pub problems: Vec<Problem>,
    /// The language of the post: the request's `lang`, else detected; null when neither tells.
    pub lang: Option<Lang>,
    /// The languages whose lexicon checked the hashtags' spelling (empty when none is loaded).
    pub hashtag_languages: Vec<Lang>,
}

/// The length of a text in the platform's own unit, against the limit that applies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Length {
    pub count: u32,
    pub limit: u32,
    pub over: bool,
    /// The platform would take this text as a post: not empty, within the limit, no forbidden character
    /// (twitter-text's `valid` on X).
    pub valid: bool,
    /// `ok`, `near` (from 90 % of the limit) or `over`: what the counter shows.
    pub state: LengthState,
    /// The counting unit, e.g. "weighted characters (twitter-text v3)".
    pub unit: &'static str,
    /// Where the feed cuts the text behind "more" (UTF-16 offset), when the platform cuts and the text is longer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview_cut: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LengthState {
    Ok,
    Near,
    Over,
}

impl LengthState {
    /// `near` from 90 % of the limit, `over` above it (contracts.md §3).
    pub fn of(count: u32, limit: u32) -> LengthState {
        if count > limit {
            LengthState::Over
        } else if u64::from(count) * 10 >= u64::from(limit) * 9 {
            LengthState::Near
        } else {
            LengthState::Ok
        }
    }
}

/// A hashtag of the text and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hashtag {
    pub tag: String,
    pub start: usize,
    pub end: usize,
    pub problems: Vec<HashtagProblem>,
    /// The tag's words, lowercase and corrected (`#socialmeidatips` → social, media, tips); empty when not split.
    pub words: Vec<String>,
    /// Whether the spelling was judged (false: no lexicon loaded, another script, or longer than checked).
    pub spelling_checked: bool,
}

/// `kind`: spelling, readability, duplicate, limit or broken (the top-level problem's kind is `hashtag-<kind>`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HashtagProblem {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    pub message: String,
    pub severity: Severity,
}

/// The tone verdict of a reply. `checked` is false when no tone analysis ran (tone off, another script, no
/// letters).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tone {
    pub level: ToneLevel,
    pub score: f32,
    pub reasons: Vec<ToneReason>,
    pub checked: bool,
    /// The language the text was read in: the request's, or detected; None when unknown (then only
    /// unambiguous attacks are looked for).
    pub lang: Option<Lang>,
    /// Only the beginning of a very long text was analysed.
    pub partial: bool,
}

impl Tone {
    pub fn not_checked() -> Tone {
        Tone { level: ToneLevel::Ok, score: 0.0, reasons: Vec::new(), checked: false, lang: None, partial: false }
    }
}

/// Ordered from `ok` to `hostile`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ToneLevel {
    Ok,
    Caution,
    Hostile,
}

/// Why the tone is what it is: a kind (insult, profanity, contempt, blame, threat, shouting, punctuation, sarcasm,
/// dismissive, offensive) over a span of the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ToneReason {
    pub kind: String,
    pub start: usize,
    pub end: usize,
    /// The flagged words, as written.
    pub text: String,
    /// A calmer way to say it, in the text's language (English when unknown).
    pub tip: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Anything the user should know about the text, located by a span (empty when it concerns the whole text).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub kind: &'static str,
    pub severity: Severity,
    pub message: String,
    pub start: usize,
    pub end: usize,
    /// The replacement of `start..end` that fixes the problem, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_is_near_from_ninety_percent_and_over_above_the_limit() {
        assert_eq!(LengthState::of(251, 280), LengthState::Ok);
        assert_eq!(LengthState::of(252, 280), LengthState::Near);
        assert_eq!(LengthState::of(280, 280), LengthState::Near);
        assert_eq!(LengthState::of(281, 280), LengthState::Over);
        assert_eq!(LengthState::of(0, 280), LengthState::Ok);
    }
}

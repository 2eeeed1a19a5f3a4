//! The one `Report` of a checked text, shared by the extension and the CLI (contracts.md §2).
//! Offsets are UTF-16 code units into the text as given, end exclusive.

use serde::Serialize;

use crate::lang::Lang;
use crate::platform::{Platform, Unit};

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
    /// How many hashtags were left unjudged by the review's bounds (`Hashtag::not_checked`); written when not 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub hashtags_not_checked: usize,
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
    /// The counting unit, written by its name, e.g. "weighted characters (twitter-text v3)".
    #[serde(serialize_with = "unit_name")]
    pub unit: Unit,
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
    /// Whether the spelling was judged (false: no lexicon loaded, another script, or `not_checked`).
    pub spelling_checked: bool,
    /// Why a tag the lexicons could judge was not: the review's bounds (written only then).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_checked: Option<NotChecked>,
}

/// The bound that left a hashtag's spelling unjudged (contracts.md §2 `hashtags[].not_checked`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotChecked {
    /// Longer than the longest tag judged (`hashtags::MAX_CHECKED_CHARS`).
    TooLong,
    /// Past the most tags judged in one review (`hashtags::MAX_JUDGED_TAGS`).
    TooMany,
    /// The review's time was up before its turn (a later review goes on from the verdicts kept).
    TimeBudget,
}

/// What is wrong with one hashtag; the same problem in `Report::problems` has the kind `hashtag-<kind>`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HashtagProblem {
    pub kind: HashtagProblemKind,
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
    /// Written as its shortest decimal, as JSON has always shown it (not the f32's exact binary value).
    #[serde(serialize_with = "shortest_decimal")]
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
    /// A calmer way to say it, in the options' `ui_lang`, else the text's language (English when unknown).
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
    pub kind: ProblemKind,
    pub severity: Severity,
    pub message: String,
    pub start: usize,
    pub end: usize,
    /// The replacement of `start..end` that fixes the problem, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// The kinds of `Report::problems` (contracts.md §2 `problems[].kind`); only ever added to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// Over the platform's limit, from the first character past it to the end.
    Length,
    /// A character the platform refuses in a post (X: U+FFFE, U+FEFF, U+FFFF).
    InvalidChar,
    /// Where the feed cuts the text behind "more".
    PreviewCut,
    HashtagSpelling,
    HashtagReadability,
    HashtagDuplicate,
    HashtagLimit,
    HashtagBroken,
    /// Unpaired UTF-16 surrogates in the text received, read as U+FFFD.
    LoneSurrogate,
    /// A surface cuts part of an attached image.
    MediaCrop,
    /// An image file too large, or an image too small.
    MediaSize,
    /// Too many images, or an animated image with others.
    MediaCount,
    /// A format the platform does not take, or one Stratège cannot preview.
    MediaFormat,
    /// Alt text is offered and not set.
    MediaAlt,
}

impl ProblemKind {
    /// The kind as the JSON writes it.
    pub fn id(self) -> &'static str {
        match self {
            ProblemKind::Length => "length",
            ProblemKind::InvalidChar => "invalid-char",
            ProblemKind::PreviewCut => "preview-cut",
            ProblemKind::HashtagSpelling => "hashtag-spelling",
            ProblemKind::HashtagReadability => "hashtag-readability",
            ProblemKind::HashtagDuplicate => "hashtag-duplicate",
            ProblemKind::HashtagLimit => "hashtag-limit",
            ProblemKind::HashtagBroken => "hashtag-broken",
            ProblemKind::LoneSurrogate => "lone-surrogate",
            ProblemKind::MediaCrop => "media-crop",
            ProblemKind::MediaSize => "media-size",
            ProblemKind::MediaCount => "media-count",
            ProblemKind::MediaFormat => "media-format",
            ProblemKind::MediaAlt => "media-alt",
        }
    }

    /// The hashtag kind of a `hashtag-*` problem.
    pub fn hashtag(self) -> Option<HashtagProblemKind> {
        match self {
            ProblemKind::HashtagSpelling => Some(HashtagProblemKind::Spelling),
            ProblemKind::HashtagReadability => Some(HashtagProblemKind::Readability),
            ProblemKind::HashtagDuplicate => Some(HashtagProblemKind::Duplicate),
            ProblemKind::HashtagLimit => Some(HashtagProblemKind::Limit),
            ProblemKind::HashtagBroken => Some(HashtagProblemKind::Broken),
            _ => None,
        }
    }
}

/// The kinds of `Hashtag::problems` (contracts.md §2 `hashtags[].problems[].kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HashtagProblemKind {
    Spelling,
    Readability,
    Duplicate,
    Limit,
    Broken,
}

impl HashtagProblemKind {
    /// The kind of the same problem in `Report::problems`.
    pub fn problem_kind(self) -> ProblemKind {
        match self {
            HashtagProblemKind::Spelling => ProblemKind::HashtagSpelling,
            HashtagProblemKind::Readability => ProblemKind::HashtagReadability,
            HashtagProblemKind::Duplicate => ProblemKind::HashtagDuplicate,
            HashtagProblemKind::Limit => ProblemKind::HashtagLimit,
            HashtagProblemKind::Broken => ProblemKind::HashtagBroken,
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn unit_name<S: serde::Serializer>(unit: &Unit, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(unit.name())
}

/// An f32 as the f64 of its shortest decimal (0.3, not 0.30000001192092896), so every serializer writes it as
/// JSON always has.
fn shortest_decimal<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(x.to_string().parse().unwrap_or(f64::from(*x)))
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

    fn json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    #[test]
    fn kinds_are_written_as_the_contract_names_them() {
        assert_eq!(json(&ProblemKind::PreviewCut), "\"preview-cut\"");
        assert_eq!(json(&ProblemKind::HashtagSpelling), "\"hashtag-spelling\"");
        assert_eq!(json(&HashtagProblemKind::Spelling), "\"spelling\"");
        for kind in [
            HashtagProblemKind::Spelling,
            HashtagProblemKind::Readability,
            HashtagProblemKind::Duplicate,
            HashtagProblemKind::Limit,
            HashtagProblemKind::Broken,
        ] {
            let top = kind.problem_kind();
            assert_eq!(top.hashtag(), Some(kind));
            assert_eq!(json(&top), format!("\"{}\"", top.id()));
            assert_eq!(top.id(), format!("hashtag-{}", json(&kind).trim_matches('"')));
        }
    }

    #[test]
    fn scores_are_written_as_their_shortest_decimal() {
        let tone = Tone { score: 0.3, ..Tone::not_checked() };
        assert_eq!(serde_json::to_value(&tone).unwrap()["score"], serde_json::json!(0.3));
    }
}

//! Media problems: their kinds (`media-crop`, `media-size`, `media-count`, `media-format`, `media-alt`), and the
//! checks of the platform's limits on size, count, format and alt text. Converted to the report's `Problem` at
//! the edge.

use serde::Serialize;

use super::input::{Format, ImageInfo, MediaInput};
use super::rules::{file_size, LimitRule, MediaRules};
use crate::report::{Problem, Severity};

/// The kinds of media problems: `ProblemKind::Media*` (`media-crop`, `media-size`, …), the report's own kinds.
pub use crate::report::ProblemKind as MediaKind;

/// Something the user should know about the attached images.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MediaProblem {
    pub kind: MediaKind,
    pub severity: Severity,
    pub message: String,
    /// The image concerned (0-based), when it is one image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<usize>,
    /// The surface concerned (`feed`, `grid-2`…), for crops.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surface: Option<String>,
    /// The platform's file size limit an image is over, in bytes, for a `media-size` problem of that kind (the
    /// extension words it in the interface's language).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit_bytes: Option<u64>,
}

impl MediaProblem {
    /// The report's problem: it concerns no span of the text.
    pub fn to_problem(&self) -> Problem {
        Problem {
            kind: self.kind,
            severity: self.severity,
            message: self.message.clone(),
            start: 0,
            end: 0,
            suggestion: None,
        }
    }
}

/// The problems of size, count and format the platform's limits find, in the limits' order.
pub fn limit_problems(rules: &MediaRules, input: &MediaInput) -> Vec<MediaProblem> {
    let name = input.platform.rules().name;
    let mut problems = Vec::new();
    for limit in rules.limits.iter().filter(|l| l.purpose == input.purpose) {
        let problem = |kind, image, message: String| {
            let approximate = if limit.confidence.approximate() { " (approximate)" } else { "" };
            let note = limit.note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
            MediaProblem {
                kind,
                severity: limit.severity,
                message: format!("{message}{approximate}{note}"),
                image,
                surface: None,
                limit_bytes: None,
            }
        };
        let n = input.images.len();
        match &limit.rule {
            LimitRule::MaxImages(max) if n > *max => problems.push(problem(
                MediaKind::MediaCount,
                None,
                format!("{name} takes at most {max} images per post; this one has {n}."),
            )),
            LimitRule::AnimatedAlone if n > 1 => {
                for (i, _) in input.images.iter().enumerate().filter(|(_, im)| im.animated) {
                    problems.push(problem(
                        MediaKind::MediaCount,
                        Some(i),
                        format!(
                            "Image {}: an animated GIF must be the only media of a {name} post; it has {n}.",
                            i + 1
                        ),
                    ));
                }
            }
            LimitRule::MaxBytes(max) => {
                for (i, im) in each(input, |im| !im.animated && im.bytes > *max) {
                    let message = format!(
                        "Image {} is {}; {name} takes images up to {}.",
                        i + 1,
                        file_size(im.bytes),
                        file_size(*max)
                    );
                    problems.push(MediaProblem {
                        limit_bytes: Some(*max),
                        ..problem(MediaKind::MediaSize, Some(i), message)
                    });
                }
            }
            LimitRule::MaxBytesAnimated(max) => {
                for (i, im) in each(input, |im| im.animated && im.bytes > *max) {
                    let message = format!(
                        "Image {} is an animated GIF of {}; {name} takes them up to {}.",
                        i + 1,
                        file_size(im.bytes),
                        file_size(*max)
                    );
                    problems.push(MediaProblem {
                        limit_bytes: Some(*max),
                        ..problem(MediaKind::MediaSize, Some(i), message)
                    });
                }
            }
            LimitRule::Formats(formats) => {
                for (i, im) in each(input, |im| !formats.iter().any(|f| f == im.format.id())) {
                    let list: Vec<String> = formats.iter().map(|f| Format::from_name(f).label().to_owned()).collect();
                    let message =
                        format!("Image {} is {}; {name} takes {}.", i + 1, im.format.label(), list.join(", "));
                    problems.push(problem(MediaKind::MediaFormat, Some(i), message));
                }
            }
            LimitRule::MinWidth(min) => {
                for (i, im) in each(input, |im| im.width > 0 && im.width < *min) {
                    let message = format!(
                        "Image {} is {} px wide; {name} enlarges images narrower than {min} px, so it will look soft.",
                        i + 1,
                        im.width
                    );
                    problems.push(problem(MediaKind::MediaSize, Some(i), message));
                }
            }
            LimitRule::MinSize([w, h]) => {
                for (i, im) in each(input, |im| im.width > 0 && (im.width < *w || im.height < *h)) {
                    let message =
                        format!("Image {} is {}×{}; {name} needs at least {w}×{h}.", i + 1, im.width, im.height);
                    problems.push(problem(MediaKind::MediaSize, Some(i), message));
                }
            }
            LimitRule::RecommendedSize([w, h]) => {
                for (i, im) in each(input, |im| im.width > 0 && (im.width < *w || im.height < *h)) {
                    let message = format!(
                        "Image {} is {}×{}; {name} shows images best from {w}×{h}.",
                        i + 1,
                        im.width,
                        im.height
                    );
                    problems.push(problem(MediaKind::MediaSize, Some(i), message));
                }
            }
            _ => {}
        }
    }
    problems
}

fn each<'a>(
    input: &'a MediaInput,
    matches: impl Fn(&ImageInfo) -> bool + 'a,
) -> impl Iterator<Item = (usize, &'a ImageInfo)> + 'a {
    input.images.iter().enumerate().filter(move |(_, im)| matches(im))
}

/// A reminder per image whose alt text the site offers and the user has not set.
pub fn alt_problems(input: &MediaInput) -> Vec<MediaProblem> {
    let name = input.platform.rules().name;
    input
        .images
        .iter()
        .enumerate()
        .filter(|(_, im)| im.alt_missing)
        .map(|(i, _)| MediaProblem {
            kind: MediaKind::MediaAlt,
            severity: Severity::Info,
            message: format!(
                "Image {} has no alt text: {name} lets you describe it for people who use a screen reader.",
                i + 1
            ),
            image: Some(i),
            surface: None,
            limit_bytes: None,
        })
        .collect()
}

/// A note per image Stratège cannot show: undecodable, or a format the browser does not preview.
pub fn preview_problems(input: &MediaInput) -> Vec<MediaProblem> {
    input
        .images
        .iter()
        .enumerate()
        .filter(|(_, im)| im.pixels.is_none() && matches!(im.format, Format::Heic | Format::Tiff | Format::Unknown))
        .map(|(i, im)| {
            let known = if im.width > 0 { " The crops shown come from its size only." } else { "" };
            MediaProblem {
                kind: MediaKind::MediaFormat,
                severity: Severity::Warning,
                message: format!("Image {}: can't preview this format ({}).{known}", i + 1, im.format.label()),
                image: Some(i),
                surface: None,
                limit_bytes: None,
            }
        })
        .collect()
}

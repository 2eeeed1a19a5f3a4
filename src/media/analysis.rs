//! `analyse`: for every attached image and every surface of the platform, the crop the platform makes, what it
//! removes (area and detail, per side), a better framing of the same size when one keeps clearly more detail,
//! and the problems of crop, size, count, format and alt text.

use serde::Serialize;

use super::border::{self, Border};
use super::geometry::{self, Rect, Side};
use super::input::{Format, MediaInput};
use super::problems::{self, MediaKind, MediaProblem};
use super::rules::{self, Confidence, Purpose, Shape, Surface};
use super::saliency::SaliencyMap;
use crate::platform::Platform;
use crate::report::{Problem, Severity};

/// A better framing is proposed when it keeps at least this much more of the image's detail (our threshold:
/// smaller gains are within the noise of the saliency cues).
const SUGGEST_GAIN: f64 = 0.05;
/// A crop is a warning when it removes at least this share of the detail (ours) or cuts the image's border, on a
/// surface whose figures are at least reported by the platform (not UNCONFIRMED).
const WARN_DETAIL_LOST: f64 = 0.2;
/// A removed strip "holds much of the detail" when it is this many times denser than the image on average.
const DENSE_STRIP: f64 = 1.5;

/// What Stratège found about the images of a post.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MediaReport {
    pub platform: Platform,
    pub purpose: Purpose,
    pub images: Vec<ImageReport>,
    pub problems: Vec<MediaProblem>,
}

impl MediaReport {
    /// The problems in the report's own shape (contracts.md §2), to join `Report::problems`.
    pub fn problems(&self) -> Vec<Problem> {
        self.problems.iter().map(MediaProblem::to_problem).collect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImageReport {
    pub index: usize,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub format: Format,
    /// The detail (saliency) was measured; false without pixels: crops then come from the size only.
    pub detail_analysed: bool,
    pub surfaces: Vec<SurfaceReport>,
}

/// How one surface shows one image.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SurfaceReport {
    pub surface: String,
    pub label: String,
    pub confidence: Confidence,
    /// The figures are not the platform's own: show the crop as approximate.
    pub approximate: bool,
    /// What the surface keeps, in source pixels, and as contracts.md's `data-rect` (`x,y,w,h`).
    pub crop: Rect,
    pub rect: String,
    /// Share of the image's area cut away.
    pub area_lost: f64,
    /// Share of the image's detail cut away, when measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail_lost: Option<f64>,
    pub strips: Vec<StripReport>,
    /// The sides where the image's plain border (a frame, a margin) is cut, wholly or partly.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub border_cut: Vec<Side>,
    /// What is cut, in a sentence; empty when nothing is.
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

/// A strip the surface cuts away.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StripReport {
    pub side: Side,
    /// Share of the image's width or height.
    pub fraction: f64,
    /// Share of the image's detail in it, when measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<f64>,
}

/// A framing of the same size as the platform's crop that keeps more detail: for the user to choose.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub crop: Rect,
    pub rect: String,
    pub detail_kept: f64,
    /// The detail the platform's own crop keeps, for comparison.
    pub detail_kept_by_platform: f64,
    pub message: String,
}

/// Analyses the images of a post on a platform. Errors only when the platform's media display is not described.
pub fn analyse(input: &MediaInput) -> Result<MediaReport, String> {
    let rules = rules::rules(input.platform)
        .ok_or_else(|| format!("no media rules for {} (x, facebook and instagram have them)", input.platform.id()))?;
    let count = input.images.len();
    let surfaces: Vec<&Surface> =
        rules.surfaces.iter().filter(|s| s.purpose == input.purpose && s.images.is_none_or(|n| n == count)).collect();
    let mut problems = Vec::new();
    let first = input.images.first().filter(|im| im.width > 0 && im.height > 0);
    let mut images = Vec::new();
    for (index, image) in input.images.iter().enumerate() {
        let map = match image.pixels.as_ref().map(SaliencyMap::of) {
            Some(Ok(map)) => Some(map),
            Some(Err(why)) => {
                problems.push(MediaProblem {
                    kind: MediaKind::MediaFormat,
                    severity: Severity::Info,
                    message: format!("Image {}: its detail was not analysed ({why}).", index + 1),
                    image: Some(index),
                    surface: None,
                    limit_bytes: None,
                });
                None
            }
            None => None,
        };
        let frame = map.as_ref().and(image.pixels.as_ref()).and_then(border::border);
        let mut reports: Vec<SurfaceReport> = Vec::new();
        if image.width > 0 && image.height > 0 {
            for surface in surfaces.iter().filter(|s| !s.only_first || index == 0) {
                let parent = surface
                    .within
                    .as_ref()
                    .and_then(|id| reports.iter().find(|r| &r.surface == id))
                    .map_or(Rect::full(image.width, image.height), |r| r.crop);
                let fixed = match (&surface.shape, first) {
                    (Shape::Range(range), Some(first)) if surface.first_fixes_all && index > 0 => {
                        Some(geometry::shown_ratio(first.width, first.height, *range))
                    }
                    _ => None,
                };
                let crop = geometry::crop(parent, &surface.shape, index, fixed);
                let report = surface_report(surface, image.width, image.height, parent, crop, map.as_ref(), frame);
                if !report.summary.is_empty() {
                    problems.push(crop_problem(surface, index, &report, count));
                }
                reports.push(report);
            }
        }
        images.push(ImageReport {
            index,
            width: image.width,
            height: image.height,
            bytes: image.bytes,
            format: image.format,
            detail_analysed: map.is_some(),
            surfaces: reports,
        });
    }
    problems.extend(problems::limit_problems(rules, input));
    problems.extend(problems::preview_problems(input));
    problems.extend(problems::alt_problems(input));
    Ok(MediaReport { platform: input.platform, purpose: input.purpose, images, problems })
}

fn surface_report(
    surface: &Surface,
    width: u32,
    height: u32,
    parent: Rect,
    crop: Rect,
    map: Option<&SaliencyMap>,
    frame: Option<Border>,
) -> SurfaceReport {
    let share = |rect: Rect| map.map(|m| m.share(rect, width, height));
    let strips: Vec<StripReport> = geometry::strips(width, height, crop)
        .into_iter()
        .map(|s| {
            let region = match s.side {
                Side::Top => Rect { x: 0, y: 0, w: width, h: crop.y },
                Side::Bottom => Rect { x: 0, y: crop.y + crop.h, w: width, h: height - crop.y - crop.h },
                Side::Left => Rect { x: 0, y: crop.y, w: crop.x, h: crop.h },
                Side::Right => Rect { x: crop.x + crop.w, y: crop.y, w: width - crop.x - crop.w, h: crop.h },
            };
            StripReport { side: s.side, fraction: s.fraction, detail: share(region) }
        })
        .collect();
    let area_lost = geometry::area_lost(width, height, crop);
    let kept = share(crop);
    let detail_lost = kept.map(|k| 1.0 - k);
    let approximate = surface.confidence.approximate();
    let (border_cut, border_words) = border_cut(&strips, frame);
    let mut summary = summary(surface, &strips, area_lost, detail_lost);
    if !border_words.is_empty() {
        summary.pop();
        summary.push_str(&border_words);
    }
    let suggestion = match (map, kept) {
        (Some(map), Some(kept)) if crop != parent => {
            let best = map.best_window(parent, crop.w, crop.h, width, height);
            let best_kept = map.share(best, width, height);
            (best_kept >= kept + SUGGEST_GAIN).then(|| Suggestion {
                crop: best,
                rect: best.to_data(),
                detail_kept: best_kept,
                detail_kept_by_platform: kept,
                message: format!(
                    "A better framing for the {}: {} ({}) keeps {} of the detail instead of {}.",
                    surface.label,
                    best.to_data(),
                    direction(crop, best, parent),
                    percent(best_kept),
                    percent(kept)
                ),
            })
        }
        _ => None,
    };
    SurfaceReport {
        surface: surface.id.clone(),
        label: surface.label.clone(),
        confidence: surface.confidence,
        approximate,
        crop,
        rect: crop.to_data(),
        area_lost,
        detail_lost,
        strips,
        border_cut,
        summary,
        suggestion,
    }
}

/// The sides where a crop cuts the image's border, and the words that say so: "; the border at the top and bottom
/// is cut off." (the strip is at least as thick as the border) or "… is narrowed." (thinner).
fn border_cut(strips: &[StripReport], frame: Option<Border>) -> (Vec<Side>, String) {
    let Some(frame) = frame else { return (Vec::new(), String::new()) };
    let cut: Vec<&StripReport> = strips.iter().filter(|s| frame.on(s.side) > 0.0).collect();
    let mut words = String::new();
    for (whole, what) in [(true, "cut off"), (false, "narrowed")] {
        let sides: Vec<&str> =
            cut.iter().filter(|s| (s.fraction >= frame.on(s.side)) == whole).map(|s| s.side.name()).collect();
        if !sides.is_empty() {
            words.push_str(&format!("; the border at the {} is {what}", sides.join(" and ")));
        }
    }
    if !words.is_empty() {
        words.push('.');
    }
    (cut.iter().map(|s| s.side).collect(), words)
}

/// "Instagram feed cuts the top 15 % and the bottom 15 % of the image (30 % of its area, 41 % of its detail);
/// the top strip holds much of the detail."
fn summary(surface: &Surface, strips: &[StripReport], area_lost: f64, detail_lost: Option<f64>) -> String {
    if strips.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = strips.iter().map(|s| format!("the {} {}", s.side.name(), percent(s.fraction))).collect();
    let dense: Vec<&str> = strips
        .iter()
        .filter(|s| s.detail.is_some_and(|d| d / area_of(s, strips) >= DENSE_STRIP))
        .map(|s| s.side.name())
        .collect();
    let approximate = if surface.confidence.approximate() { " (approximately)" } else { "" };
    let detail = detail_lost.map(|d| format!(", {} of its detail", percent(d))).unwrap_or_default();
    let dense = match dense.as_slice() {
        [] => String::new(),
        [one] => format!("; the {one} strip holds much of the detail"),
        _ => format!("; the {} strips hold much of the detail", dense.join(" and ")),
    };
    format!(
        "{}{approximate} cuts {} of the image ({} of its area{detail}){dense}.",
        surface.label,
        parts.join(" and "),
        percent(area_lost)
    )
}

/// The share of the image's area a strip covers: its fraction of one side times the kept share of the other.
fn area_of(strip: &StripReport, strips: &[StripReport]) -> f64 {
    let across: f64 = match strip.side {
        Side::Top | Side::Bottom => 1.0,
        Side::Left | Side::Right => {
            1.0 - strips.iter().filter(|s| matches!(s.side, Side::Top | Side::Bottom)).map(|s| s.fraction).sum::<f64>()
        }
    };
    strip.fraction * across
}

fn crop_problem(surface: &Surface, index: usize, report: &SurfaceReport, count: usize) -> MediaProblem {
    let severe = (report.detail_lost.is_some_and(|d| d >= WARN_DETAIL_LOST) || !report.border_cut.is_empty())
        && surface.confidence != Confidence::Unconfirmed;
    let image = if count > 1 { format!("Image {}: ", index + 1) } else { String::new() };
    let suggestion = report.suggestion.as_ref().map(|s| format!(" {}", s.message)).unwrap_or_default();
    MediaProblem {
        kind: MediaKind::MediaCrop,
        severity: if severe { Severity::Warning } else { Severity::Info },
        message: format!("{image}{}{suggestion}", report.summary),
        image: Some(index),
        surface: Some(surface.id.clone()),
        limit_bytes: None,
    }
}

/// Where the suggested frame sits against the platform's: "moved up", "at the left edge"…
fn direction(platform: Rect, best: Rect, parent: Rect) -> &'static str {
    let horizontal = best.x != platform.x;
    let (start, end) = if horizontal {
        (best.x == parent.x, best.x + best.w == parent.x + parent.w)
    } else {
        (best.y == parent.y, best.y + best.h == parent.y + parent.h)
    };
    let backwards = if horizontal { best.x < platform.x } else { best.y < platform.y };
    match (horizontal, backwards, start, end) {
        (true, true, true, _) => "at the left edge",
        (true, true, false, _) => "moved left",
        (true, false, _, true) => "at the right edge",
        (true, false, _, false) => "moved right",
        (false, true, true, _) => "at the top edge",
        (false, true, false, _) => "moved up",
        (false, false, _, true) => "at the bottom edge",
        (false, false, _, false) => "moved down",
    }
}

/// "14 %", "<1 %" (integer formatting: no float formatting in the wasm).
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 0.5 {
        "<1 %".to_owned()
    } else {
        format!("{} %", p.round() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_frame_is_placed_in_words() {
        let parent = Rect::full(2000, 500);
        let centred = Rect { x: 522, y: 0, w: 955, h: 500 };
        assert_eq!(direction(centred, Rect { x: 0, ..centred }, parent), "at the left edge");
        assert_eq!(direction(centred, Rect { x: 300, ..centred }, parent), "moved left");
        assert_eq!(direction(centred, Rect { x: 1045, ..centred }, parent), "at the right edge");
        assert_eq!(direction(centred, Rect { x: 700, ..centred }, parent), "moved right");
        let parent = Rect::full(1080, 1920);
        let centred = Rect { x: 0, y: 285, w: 1080, h: 1350 };
        assert_eq!(direction(centred, Rect { y: 0, ..centred }, parent), "at the top edge");
        assert_eq!(direction(centred, Rect { y: 100, ..centred }, parent), "moved up");
        assert_eq!(direction(centred, Rect { y: 570, ..centred }, parent), "at the bottom edge");
        assert_eq!(direction(centred, Rect { y: 400, ..centred }, parent), "moved down");
    }

    #[test]
    fn shares_are_written_as_whole_percentages() {
        assert_eq!(percent(0.14), "14 %");
        assert_eq!(percent(0.004), "<1 %");
        assert_eq!(percent(0.0), "0 %");
        assert_eq!(percent(1.0), "100 %");
    }
}

//! The display rules of attached images (data/media.json): the surfaces that cut them and the limits on size,
//! count and format, each with its source and confidence (../shared/reference/platforms.md §B).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::platform::Platform;
use crate::report::Severity;

/// How sure the figure is, as platforms.md labels it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Confidence {
    #[serde(rename = "HIGH")]
    High,
    #[serde(rename = "MED-HIGH")]
    MedHigh,
    #[serde(rename = "MED")]
    Med,
    #[serde(rename = "LOW-MED")]
    LowMed,
    #[serde(rename = "LOW")]
    Low,
    #[serde(rename = "UNCONFIRMED")]
    Unconfirmed,
}

impl Confidence {
    /// Shown to the user as approximate: every figure not confirmed by the platform itself.
    pub fn approximate(self) -> bool {
        self != Confidence::High
    }

    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "HIGH",
            Confidence::MedHigh => "MED-HIGH",
            Confidence::Med => "MED",
            Confidence::LowMed => "LOW-MED",
            Confidence::Low => "LOW",
            Confidence::Unconfirmed => "UNCONFIRMED",
        }
    }
}

/// What the images are for: attached to a post, or the image a shared link shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    #[default]
    Post,
    Link,
}

/// A width:height ratio, written `[4, 5]` or `[1.91, 1]` in the data.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(into = "[f64; 2]")]
pub struct Ratio {
    pub w: f64,
    pub h: f64,
}

impl Ratio {
    pub fn value(self) -> f64 {
        self.w / self.h
    }

    /// "4:5", "1.91:1" (hundredths at most, formatted with integers: no float formatting in the wasm).
    pub fn label(self) -> String {
        format!("{}:{}", hundredths(self.w), hundredths(self.h))
    }
}

fn hundredths(v: f64) -> String {
    let n = (v * 100.0).round() as u64;
    match (n / 100, n % 100) {
        (whole, 0) => whole.to_string(),
        (whole, part) if part % 10 == 0 => format!("{whole}.{}", part / 10),
        (whole, part) => format!("{whole}.{part:02}"),
    }
}

impl<'de> Deserialize<'de> for Ratio {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Ratio, D::Error> {
        let [w, h] = <[f64; 2]>::deserialize(deserializer)?;
        if w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite() {
            Ok(Ratio { w, h })
        } else {
            Err(serde::de::Error::custom("a ratio is [width, height], both positive"))
        }
    }
}

impl From<Ratio> for [f64; 2] {
    fn from(ratio: Ratio) -> [f64; 2] {
        [ratio.w, ratio.h]
    }
}

/// How a surface frames an image.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// Kept whole between the tallest and the widest ratio; outside, cut to the nearest bound, centred.
    Range([Ratio; 2]),
    /// Always cut to this ratio, centred.
    Ratio(Ratio),
    /// A grid: the image at position i is cut to cell i's ratio, centred.
    Cells(Vec<Ratio>),
}

/// A place where the platform shows the image (feed, profile grid, timeline grid, link preview).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Surface {
    pub id: String,
    pub label: String,
    pub purpose: Purpose,
    /// Applies only when the post has exactly this many images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<usize>,
    pub shape: Shape,
    /// The first image's framing (its ratio kept in range) applies to every image: Instagram carousels.
    #[serde(default)]
    pub first_fixes_all: bool,
    /// Cut out of what another surface shows (the grid thumbnail is taken from the feed image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// Only the first image appears here (a profile grid shows a carousel's first slide).
    #[serde(default)]
    pub only_first: bool,
    pub source: String,
    pub confidence: Confidence,
}

/// A limit on the attached images, and how serious it is to break it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Limit {
    #[serde(rename = "limit")]
    pub rule: LimitRule,
    #[serde(default)]
    pub purpose: Purpose,
    #[serde(deserialize_with = "severity")]
    pub severity: Severity,
    /// Said with the problem, when the limit needs a word of context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: String,
    pub confidence: Confidence,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitRule {
    /// At most this many images in one post.
    MaxImages(usize),
    /// An animated image (GIF) or video must be the post's only media.
    AnimatedAlone,
    /// File size of a still image, in bytes.
    MaxBytes(u64),
    /// File size of an animated image, in bytes.
    MaxBytesAnimated(u64),
    /// The accepted file formats.
    Formats(Vec<String>),
    /// Narrower images are enlarged (blurry).
    MinWidth(u32),
    /// Smaller images are refused or not shown.
    MinSize([u32; 2]),
    /// Smaller images are shown small or soft.
    RecommendedSize([u32; 2]),
}

/// `info`, `warning` or `error`, as the report writes them.
fn severity<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Severity, D::Error> {
    match String::deserialize(deserializer)?.as_str() {
        "info" => Ok(Severity::Info),
        "warning" => Ok(Severity::Warning),
        "error" => Ok(Severity::Error),
        other => Err(serde::de::Error::custom(format!("unknown severity {other:?}"))),
    }
}

/// The media rules of one platform.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct MediaRules {
    pub surfaces: Vec<Surface>,
    pub limits: Vec<Limit>,
}

#[derive(Deserialize)]
struct Table {
    platforms: std::collections::BTreeMap<String, MediaRules>,
}

const MEDIA_JSON: &str = include_str!("../../data/media.json");

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| serde_json::from_str(MEDIA_JSON).expect("data/media.json is valid (tested)"))
}

/// The media rules of a platform; None for platforms whose media display is not described.
pub fn rules(platform: Platform) -> Option<&'static MediaRules> {
    table().platforms.get(platform.id())
}

/// A platform's media rules as JSON (surfaces and limits, with sources), for the `media` field of its entry in
/// `stratege platforms --json`; None when it has none.
pub fn platform_json(platform: Platform) -> Option<serde_json::Value> {
    rules(platform).map(|r| serde_json::to_value(r).expect("serializes"))
}

/// The table as readable lines, for `stratege platforms`.
pub fn table_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for (id, rules) in &table().platforms {
        lines.push(format!("{id} media"));
        for s in &rules.surfaces {
            let shape = match &s.shape {
                Shape::Range([a, b]) => {
                    format!("kept from {} to {}, else cut centred", a.label(), b.label())
                }
                Shape::Ratio(r) => format!("cut to {}", r.label()),
                Shape::Cells(cells) => {
                    let cells: Vec<String> = cells.iter().map(|c| c.label()).collect();
                    format!("cells {}", cells.join(", "))
                }
            };
            let approx = if s.confidence.approximate() { ", approximate" } else { "" };
            lines.push(format!("  {}: {shape} ({}{approx}) {}", s.label, s.confidence.label(), s.source));
        }
        for l in &rules.limits {
            let value = match &l.rule {
                LimitRule::MaxImages(n) => format!("at most {n} images"),
                LimitRule::AnimatedAlone => "a GIF or video is the only media".to_owned(),
                LimitRule::MaxBytes(b) => format!("images up to {}", file_size(*b)),
                LimitRule::MaxBytesAnimated(b) => format!("GIFs up to {}", file_size(*b)),
                LimitRule::Formats(f) => format!("formats {}", f.join(", ")),
                LimitRule::MinWidth(w) => format!("at least {w} px wide"),
                LimitRule::MinSize([w, h]) => format!("at least {w}×{h}"),
                LimitRule::RecommendedSize([w, h]) => format!("best from {w}×{h}"),
            };
            let purpose = if l.purpose == Purpose::Link { " (link image)" } else { "" };
            lines.push(format!("  {value}{purpose} ({}) {}", l.confidence.label(), l.source));
        }
    }
    lines
}

/// Bytes as the platforms write them, in binary units: "5 MB", "6.2 MB", "412 KB" (integer arithmetic only).
pub fn file_size(bytes: u64) -> String {
    const MB: u64 = 1_048_576;
    if bytes < MB {
        return format!("{} KB", bytes.div_ceil(1024));
    }
    let tenths = (bytes * 10 + MB / 2) / MB;
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        part => format!("{}.{part} MB", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads_and_covers_the_three_sites() {
        for platform in [Platform::X, Platform::Facebook, Platform::Instagram] {
            let rules = rules(platform).expect("described");
            assert!(!rules.surfaces.is_empty(), "{platform:?}");
            for s in &rules.surfaces {
                assert!(!s.source.is_empty(), "{}", s.id);
                if let Some(parent) = &s.within {
                    assert!(rules.surfaces.iter().any(|p| &p.id == parent), "{} within {parent}", s.id);
                }
                if let (Shape::Cells(cells), Some(n)) = (&s.shape, s.images) {
                    assert_eq!(cells.len(), n, "{}", s.id);
                }
            }
        }
        assert!(rules(Platform::Threads).is_none());
    }

    #[test]
    fn ratios_read_and_print_and_bad_ones_are_refused() {
        let r: Ratio = serde_json::from_str("[1.91, 1]").unwrap();
        assert!((r.value() - 1.91).abs() < 1e-12);
        assert_eq!(r.label(), "1.91:1");
        assert_eq!(Ratio { w: 4.0, h: 5.0 }.label(), "4:5");
        assert_eq!(Ratio { w: 2.5, h: 1.0 }.label(), "2.5:1");
        assert_eq!(Ratio { w: 1.05, h: 1.0 }.label(), "1.05:1");
        for bad in ["[4]", "[4, 0]", "[\"a\", 1]", "[-1, 2]", "\"4:5\""] {
            assert!(serde_json::from_str::<Ratio>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn file_sizes_are_written_in_binary_units() {
        assert_eq!(file_size(5 * 1_048_576), "5 MB");
        assert_eq!(file_size(6_500_000), "6.2 MB");
        assert_eq!(file_size(421_000), "412 KB");
        assert_eq!(file_size(1), "1 KB");
    }

    #[test]
    fn the_figures_match_platforms_md() {
        let ig = rules(Platform::Instagram).unwrap();
        assert_eq!(ig.surfaces[0].shape, Shape::Range([Ratio { w: 4.0, h: 5.0 }, Ratio { w: 1.91, h: 1.0 }]));
        assert!(ig.limits.iter().any(|l| l.rule == LimitRule::MaxImages(20)));
        assert!(ig.limits.iter().any(|l| l.rule == LimitRule::MinWidth(320)));
        let x = rules(Platform::X).unwrap();
        assert!(x.limits.iter().any(|l| l.rule == LimitRule::MaxImages(4) && l.confidence == Confidence::High));
        assert!(x.limits.iter().any(|l| l.rule == LimitRule::MaxBytes(5 * 1_048_576)));
        assert!(x.limits.iter().any(|l| l.rule == LimitRule::MaxBytesAnimated(15 * 1_048_576)));
        assert!(x.surfaces.iter().all(|s| s.confidence.approximate()));
        let fb = rules(Platform::Facebook).unwrap();
        let link = fb.surfaces.iter().find(|s| s.purpose == Purpose::Link).unwrap();
        assert_eq!(link.shape, Shape::Ratio(Ratio { w: 1.91, h: 1.0 }));
        assert_eq!(link.confidence, Confidence::High);
    }

    #[test]
    fn the_json_table_keeps_sources_and_confidences() {
        let json = |p| platform_json(p).unwrap();
        let feed = &json(Platform::Instagram)["surfaces"][0];
        assert_eq!(feed["shape"]["range"], serde_json::json!([[4.0, 5.0], [1.91, 1.0]]));
        assert_eq!(feed["confidence"], "MED-HIGH");
        assert_eq!(json(Platform::X)["limits"][0]["limit"]["max-images"], 4);
        assert_eq!(json(Platform::X)["limits"][1]["limit"], "animated-alone");
        assert_eq!(json(Platform::Facebook)["limits"][0]["severity"], "error");
        assert!(json(Platform::Instagram)["limits"][2]["note"].as_str().unwrap().contains("publishing API"));
        assert_eq!(platform_json(Platform::Mastodon), None);
    }

    #[test]
    fn the_readable_table_names_every_surface() {
        let lines = table_lines().join("\n");
        assert!(lines.contains("Instagram profile grid: cut to 3:4 (MED, approximate)"), "{lines}");
        assert!(lines.contains("images up to 5 MB (HIGH)"), "{lines}");
        assert!(lines.contains("best from 1200×630 (link image)"), "{lines}");
    }
}

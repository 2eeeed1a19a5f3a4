//! Crop geometry in source pixels: the rectangle a surface keeps, the share of the image it loses and on which
//! sides. Pure arithmetic on sizes; no pixels here.

use serde::Serialize;

use super::rules::{Ratio, Shape};

/// A rectangle in source pixels: `x, y` its top-left corner, `w × h` its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Rect {
    pub fn full(width: u32, height: u32) -> Rect {
        Rect { x: 0, y: 0, w: width, h: height }
    }

    pub fn area(self) -> u64 {
        u64::from(self.w) * u64::from(self.h)
    }

    /// `x,y,w,h`, the form of contracts.md's `data-rect`.
    pub fn to_data(self) -> String {
        format!("{},{},{},{}", self.x, self.y, self.w, self.h)
    }
}

/// A side of the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Top => "top",
            Side::Bottom => "bottom",
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// The strip a crop removes on one side: its share of the image's area.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Strip {
    pub side: Side,
    /// Share of the image's width (left, right) or height (top, bottom), 0..1.
    pub fraction: f64,
}

/// The largest rectangle of `ratio` inside `parent`, centred in it (ties round towards the top-left).
pub fn centred(parent: Rect, ratio: Ratio) -> Rect {
    let (w, h) = fit(parent.w, parent.h, ratio);
    Rect { x: parent.x + (parent.w - w) / 2, y: parent.y + (parent.h - h) / 2, w, h }
}

/// The largest `w × h` of `ratio` that fits in `width × height`; the full side is never shortened by rounding.
pub fn fit(width: u32, height: u32, ratio: Ratio) -> (u32, u32) {
    let r = ratio.value();
    if f64::from(width) / f64::from(height) > r {
        let w = (f64::from(height) * r).round().clamp(1.0, f64::from(width)) as u32;
        (w, height)
    } else {
        let h = (f64::from(width) / r).round().clamp(1.0, f64::from(height)) as u32;
        (width, h)
    }
}

/// The ratio an image of `width × height` is shown at by a range: its own when inside, else the nearest bound.
pub fn ratio_in_range(width: u32, height: u32, range: [Ratio; 2]) -> Option<Ratio> {
    let [tallest, widest] = range;
    let r = f64::from(width) / f64::from(height);
    if r < tallest.value() {
        Some(tallest)
    } else if r > widest.value() {
        Some(widest)
    } else {
        None
    }
}

/// The ratio a range shows an image at: its own when inside, else the nearest bound (a carousel's first slide
/// fixes this ratio for every slide).
pub fn shown_ratio(width: u32, height: u32, range: [Ratio; 2]) -> Ratio {
    ratio_in_range(width, height, range).unwrap_or(Ratio { w: f64::from(width), h: f64::from(height) })
}

/// The rectangle a shape keeps of the image at `index` (0-based) inside `parent`, centred as the platforms do.
/// `fixed` is the ratio imposed by a carousel's first image, when there is one.
pub fn crop(parent: Rect, shape: &Shape, index: usize, fixed: Option<Ratio>) -> Rect {
    let ratio = match (fixed, shape) {
        (Some(r), _) => Some(r),
        (None, Shape::Range(range)) => ratio_in_range(parent.w, parent.h, *range),
        (None, Shape::Ratio(r)) => Some(*r),
        (None, Shape::Cells(cells)) => cells.get(index).or(cells.last()).copied(),
    };
    match ratio {
        Some(r) => centred(parent, r),
        None => parent,
    }
}

/// The strips a crop removes from an image of `width × height`, in the order top, bottom, left, right; empty
/// when nothing is cut.
pub fn strips(width: u32, height: u32, kept: Rect) -> Vec<Strip> {
    let (w, h) = (f64::from(width), f64::from(height));
    [
        (Side::Top, f64::from(kept.y) / h),
        (Side::Bottom, f64::from(height - kept.y - kept.h) / h),
        (Side::Left, f64::from(kept.x) / w),
        (Side::Right, f64::from(width - kept.x - kept.w) / w),
    ]
    .into_iter()
    .filter(|(_, f)| *f > 0.0)
    .map(|(side, fraction)| Strip { side, fraction })
    .collect()
}

/// The share of the image's area outside `kept`.
pub fn area_lost(width: u32, height: u32, kept: Rect) -> f64 {
    1.0 - kept.area() as f64 / Rect::full(width, height).area() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> Ratio {
        let (w, h) = text.split_once(':').unwrap();
        Ratio { w: w.parse().unwrap(), h: h.parse().unwrap() }
    }

    fn instagram_feed() -> Shape {
        Shape::Range([r("4:5"), r("1.91:1")])
    }

    fn feed(w: u32, h: u32) -> Rect {
        crop(Rect::full(w, h), &instagram_feed(), 0, None)
    }

    #[test]
    fn instagram_keeps_the_two_bounds_and_everything_between() {
        assert_eq!(feed(1080, 1350), Rect::full(1080, 1350));
        assert_eq!(feed(1080, 566), Rect::full(1080, 566));
        assert_eq!(feed(1080, 1080), Rect::full(1080, 1080));
        assert!(strips(1080, 1350, feed(1080, 1350)).is_empty());
    }

    #[test]
    fn instagram_cuts_a_story_sized_image_to_4_5_centred() {
        let kept = feed(1080, 1920);
        assert_eq!(kept.to_data(), "0,285,1080,1350");
        let strips = strips(1080, 1920, kept);
        assert_eq!(strips.len(), 2);
        assert!(strips.iter().all(|s| (s.fraction - 285.0 / 1920.0).abs() < 1e-12));
        assert!((area_lost(1080, 1920, kept) - 570.0 / 1920.0).abs() < 1e-12);
    }

    #[test]
    fn just_past_each_bound_is_cut_to_the_bound() {
        // 1080×1351 is a hair taller than 4:5: cut back to 1350, the odd pixel at the bottom.
        assert_eq!(feed(1080, 1351), Rect { x: 0, y: 0, w: 1080, h: 1350 });
        // 1080×565 is a hair wider than 1.91:1: 565 × 1.91 = 1079.15 → 1079 wide.
        assert_eq!(feed(1080, 565), Rect { x: 0, y: 0, w: 1079, h: 565 });
    }

    #[test]
    fn a_panorama_is_cut_to_1_91_centred() {
        let kept = feed(2000, 500);
        assert_eq!(kept, Rect { x: 522, y: 0, w: 955, h: 500 });
        let strips = strips(2000, 500, kept);
        assert_eq!(strips.iter().map(|s| s.side).collect::<Vec<_>>(), [Side::Left, Side::Right]);
    }

    #[test]
    fn a_carousel_square_first_slide_makes_every_slide_square() {
        let fixed = Some(shown_ratio(1080, 1080, [r("4:5"), r("1.91:1")]));
        assert_eq!(crop(Rect::full(1080, 1350), &instagram_feed(), 1, fixed), Rect { x: 0, y: 135, w: 1080, h: 1080 });
        assert_eq!(crop(Rect::full(1920, 1080), &instagram_feed(), 2, fixed), Rect { x: 420, y: 0, w: 1080, h: 1080 });
    }

    #[test]
    fn fixed_ratios_and_grid_cells_cut_centred() {
        assert_eq!(crop(Rect::full(1200, 630), &Shape::Ratio(r("1.91:1")), 0, None), Rect::full(1200, 628).with_y(1));
        let grid = Shape::Cells(vec![r("7:8"), r("7:4"), r("7:4")]);
        assert_eq!(crop(Rect::full(700, 700), &grid, 0, None), Rect { x: 43, y: 0, w: 613, h: 700 });
        assert_eq!(crop(Rect::full(700, 700), &grid, 2, None), Rect { x: 0, y: 150, w: 700, h: 400 });
        // The grid thumbnail of a wide feed image is cut from the feed's rectangle.
        let parent = feed(2000, 500);
        assert_eq!(crop(parent, &Shape::Ratio(r("3:4")), 0, None), Rect { x: 812, y: 0, w: 375, h: 500 });
    }

    #[test]
    fn tiny_and_extreme_images_keep_at_least_a_pixel() {
        assert_eq!(fit(1, 10_000, r("1.91:1")), (1, 1));
        assert_eq!(fit(10_000, 1, r("4:5")), (1, 1));
    }

    impl Rect {
        fn with_y(self, y: u32) -> Rect {
            Rect { y, ..self }
        }
    }
}

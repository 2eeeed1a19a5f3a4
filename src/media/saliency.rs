//! Where the detail of an image is, in the manner of smartcrop.js (no face detection): edges of the luma, skin
//! tones and strong colour make a saliency map, summed into an integral table so that the saliency inside any
//! rectangle costs four lookups. It tells how much detail a crop removes and finds, among the crops of a given
//! size, the one that keeps the most: a suggestion the user may choose, never applied by itself.

use super::geometry::Rect;

/// Longest side of the map: larger analysis buffers are box-averaged down to it, which bounds the work and
/// halves the pixel noise of a 512-px buffer before edges are measured (ours; crops are still placed to the
/// source pixel, the integral being interpolated).
pub const MAX_SIDE: u32 = 256;
/// At most this many positions are tried along the free axis of a window.
const MAX_POSITIONS: u32 = 512;

/// Skin direction in normalised RGB and the similarity from which a pixel counts as skin, with the luma range
/// where skin is believed (smartcrop.js's published defaults: skinColor [0.78, 0.57, 0.44], skinThreshold 0.8,
/// skinBrightnessMin 0.2, skinBrightnessMax 1.0).
const SKIN: [f32; 3] = [0.78, 0.57, 0.44];
const SKIN_THRESHOLD: f32 = 0.8;
const SKIN_LUMA: (f32, f32) = (0.2, 1.0);
/// Saturation from which a colour counts as strong, and its luma range (smartcrop.js: saturationThreshold 0.4,
/// saturationBrightnessMin 0.05, saturationBrightnessMax 0.9).
const SATURATION_THRESHOLD: f32 = 0.4;
const SATURATION_LUMA: (f32, f32) = (0.05, 0.9);
/// Weights of the three cues. Ours, chosen on the generated test scenes: skin above edges (a face matters more
/// than texture, as smartcrop's skinWeight 1.8 over detailWeight 0.2 says), colour as a tie-breaker.
const EDGE_WEIGHT: f32 = 1.0;
const EDGE_GAIN: f32 = 4.0;
/// Luma differences below this (about 10 of 255) are sensor or JPEG noise, not detail (ours).
const EDGE_NOISE: f32 = 0.04;
const SKIN_WEIGHT: f32 = 1.5;
const SATURATION_WEIGHT: f32 = 0.5;
/// Positions keeping this much less than the best (share of the image's saliency) still count as best when
/// framing (ours: half a percent is below what the cues can tell apart).
const NEAR_BEST: f64 = 0.005;
/// A floor so that an empty image has an even, non-zero saliency.
const FLOOR: f32 = 1e-3;

/// An image at analysis size, 8-bit RGB or RGBA rows without padding (the extension sends what
/// `createImageBitmap` + `getImageData` give; the CLI what the `image` crate decodes).
#[derive(Clone, Debug, PartialEq)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    /// 3 (RGB) or 4 (RGBA).
    pub channels: u8,
    pub data: Vec<u8>,
}

/// The saliency of an image as an integral table over a grid of at most `MAX_SIDE` on its longest side.
#[derive(Clone, Debug)]
pub struct SaliencyMap {
    width: usize,
    height: usize,
    /// `(width + 1) × (height + 1)`: entry (x, y) holds the saliency of the cells above and left of it.
    integral: Vec<f64>,
}

impl SaliencyMap {
    /// The map of an image; an error when the buffer does not match its size.
    pub fn of(pixels: &Pixels) -> Result<SaliencyMap, String> {
        let rgb = working_rgb(pixels)?;
        let (width, height) = (rgb.width, rgb.height);
        let luma: Vec<f32> = rgb.data.iter().map(|&[r, g, b]| 0.2126 * r + 0.7152 * g + 0.0722 * b).collect();
        let mut integral = vec![0.0f64; (width + 1) * (height + 1)];
        for y in 0..height {
            // The neighbours of the edges are the edge cells themselves (clamped).
            let (here, up, down) = (y * width, y.saturating_sub(1) * width, (y + 1).min(height - 1) * width);
            let mut row = 0.0f64;
            for x in 0..width {
                let i = here + x;
                let (left, right) = (here + x.saturating_sub(1), here + (x + 1).min(width - 1));
                let laplacian = 4.0 * luma[i] - luma[left] - luma[right] - luma[up + x] - luma[down + x];
                let value = EDGE_WEIGHT * smaller(larger(laplacian.abs() - EDGE_NOISE, 0.0) * EDGE_GAIN, 1.0)
                    + SKIN_WEIGHT * skin(rgb.data[i], luma[i])
                    + SATURATION_WEIGHT * saturation(rgb.data[i], luma[i])
                    + FLOOR;
                row += f64::from(value);
                integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + row;
            }
        }
        Ok(SaliencyMap { width, height, integral })
    }

    fn at(&self, x: usize, y: usize) -> f64 {
        self.integral[y * (self.width + 1) + x]
    }

    /// The integral at a fractional point: bilinear interpolation of the table, exact for cell-wise constant
    /// saliency.
    fn integral_at(&self, x: f64, y: f64) -> f64 {
        let x = x.clamp(0.0, self.width as f64);
        let y = y.clamp(0.0, self.height as f64);
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(self.width), (y0 + 1).min(self.height));
        let (fx, fy) = (x - x0 as f64, y - y0 as f64);
        let top = self.at(x0, y0) * (1.0 - fx) + self.at(x1, y0) * fx;
        let bottom = self.at(x0, y1) * (1.0 - fx) + self.at(x1, y1) * fx;
        top * (1.0 - fy) + bottom * fy
    }

    fn total(&self) -> f64 {
        self.at(self.width, self.height)
    }

    /// The share (0..1) of the image's saliency inside `rect`, given in the pixels of a `source_w × source_h`
    /// image.
    pub fn share(&self, rect: Rect, source_w: u32, source_h: u32) -> f64 {
        let sx = self.width as f64 / f64::from(source_w);
        let sy = self.height as f64 / f64::from(source_h);
        let (x0, y0) = (f64::from(rect.x) * sx, f64::from(rect.y) * sy);
        let (x1, y1) = (f64::from(rect.x + rect.w) * sx, f64::from(rect.y + rect.h) * sy);
        let inside =
            self.integral_at(x1, y1) - self.integral_at(x0, y1) - self.integral_at(x1, y0) + self.integral_at(x0, y0);
        (inside / self.total()).clamp(0.0, 1.0)
    }

    /// Among the rectangles of `w × h` inside `parent` (one side equal to the parent's), one keeping the most
    /// saliency: the middle of the run of positions that keep nearly the most (within `NEAR_BEST`), so that a
    /// subject is framed with room around it rather than against an edge.
    pub fn best_window(&self, parent: Rect, w: u32, h: u32, source_w: u32, source_h: u32) -> Rect {
        let horizontal = w < parent.w;
        let (start, free) = if horizontal { (parent.x, parent.w - w) } else { (parent.y, parent.h.saturating_sub(h)) };
        let place = |offset: u32| {
            if horizontal {
                Rect { x: start + offset, y: parent.y, w, h }
            } else {
                Rect { x: parent.x, y: start + offset, w, h }
            }
        };
        if free == 0 {
            return place(0);
        }
        let steps = free.min(MAX_POSITIONS);
        let offsets: Vec<u32> =
            (0..=steps).map(|i| (f64::from(i) * f64::from(free) / f64::from(steps)).round() as u32).collect();
        let kept: Vec<f64> = offsets.iter().map(|&o| self.share(place(o), source_w, source_h)).collect();
        let centre = f64::from(free) / 2.0;
        let distance = |i: usize| (f64::from(offsets[i]) - centre).abs();
        let top = kept.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let best = (0..kept.len())
            .filter(|&i| kept[i] >= top - 1e-9)
            .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))
            .expect("at least one position");
        let near = |i: &usize| kept[*i] >= top - NEAR_BEST;
        let first = (0..=best).rev().take_while(near).last().unwrap_or(best);
        let last = (best..kept.len()).take_while(near).last().unwrap_or(best);
        place((offsets[first] + offsets[last]) / 2)
    }
}

/// The image as linear-ish RGB in 0..1 over white (transparent pixels show the page behind; white is the
/// platforms' usual backdrop), box-averaged down to at most `MAX_SIDE`.
struct Rgb {
    width: usize,
    height: usize,
    data: Vec<[f32; 3]>,
}

fn working_rgb(pixels: &Pixels) -> Result<Rgb, String> {
    let (w, h, c) = (pixels.width as usize, pixels.height as usize, usize::from(pixels.channels));
    if w == 0 || h == 0 {
        return Err("the analysis image is empty".into());
    }
    if c != 3 && c != 4 {
        return Err(format!("the analysis image has {c} channels (3 or 4 expected)"));
    }
    if w.checked_mul(h).and_then(|n| n.checked_mul(c)) != Some(pixels.data.len()) {
        return Err(format!("the analysis image has {} bytes for {w}×{h}×{c}", pixels.data.len()));
    }
    let factor = pixels.width.max(pixels.height).div_ceil(MAX_SIDE) as usize;
    let (width, height) = (w.div_ceil(factor), h.div_ceil(factor));
    // Per cell of a row of cells, in integers: each channel as `value × alpha + 255 × (255 − alpha)` (over white,
    // in 255² units), and the number of pixels.
    let mut data = Vec::with_capacity(width * height);
    let mut sums = vec![[0u64; 4]; width];
    for rows in pixels.data.chunks(factor * w * c) {
        sums.fill([0; 4]);
        for row in rows.chunks_exact(w * c) {
            for (cell, block) in sums.iter_mut().zip(row.chunks(factor * c)) {
                for px in block.chunks_exact(c) {
                    let alpha = if c == 4 { u32::from(px[3]) } else { 255 };
                    let behind = 255 * (255 - alpha);
                    for k in 0..3 {
                        cell[k] += u64::from(u32::from(px[k]) * alpha + behind);
                    }
                }
                cell[3] += (block.len() / c) as u64;
            }
        }
        data.extend(sums.iter().map(|&[r, g, b, n]| {
            let scale = 1.0 / (65025.0 * n as f64);
            [r, g, b].map(|v| (v as f64 * scale) as f32)
        }));
    }
    Ok(Rgb { width, height, data })
}

/// How close the colour is to a skin tone, 0..1 (0 below the threshold or outside the luma range).
fn skin([r, g, b]: [f32; 3], luma: f32) -> f32 {
    if !(SKIN_LUMA.0..=SKIN_LUMA.1).contains(&luma) {
        return 0.0;
    }
    let skin_norm = (SKIN[0] * SKIN[0] + SKIN[1] * SKIN[1] + SKIN[2] * SKIN[2]).sqrt();
    // Most colours are far from skin: for unit vectors |u − s|² = 2 − 2 u·s, so a similarity above the threshold
    // needs a cosine above 1 − (1 − SKIN_THRESHOLD)² / 2 (0.98). Below a looser bound (0.97), checked without
    // square roots, the answer is 0 at once; the others take the exact path below.
    let cosine_bound = 1.0 - (1.0 - SKIN_THRESHOLD) * (1.0 - SKIN_THRESHOLD) / 2.0 - 0.01;
    let squared_norm = r * r + g * g + b * b;
    let dot = (r * SKIN[0] + g * SKIN[1] + b * SKIN[2]) / skin_norm;
    if dot * dot < cosine_bound * cosine_bound * squared_norm {
        return 0.0;
    }
    let norm = larger(squared_norm.sqrt(), 1e-6);
    let d = [r / norm - SKIN[0] / skin_norm, g / norm - SKIN[1] / skin_norm, b / norm - SKIN[2] / skin_norm];
    let similarity = 1.0 - smaller((d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt(), 1.0);
    larger((similarity - SKIN_THRESHOLD) / (1.0 - SKIN_THRESHOLD), 0.0)
}

/// HSL saturation above the threshold, 0..1 (0 outside the luma range).
fn saturation([r, g, b]: [f32; 3], luma: f32) -> f32 {
    if !(SATURATION_LUMA.0..=SATURATION_LUMA.1).contains(&luma) {
        return 0.0;
    }
    let (max, min) = (larger(larger(r, g), b), smaller(smaller(r, g), b));
    let lightness = (max + min) / 2.0;
    let chroma = max - min;
    let s = if chroma <= 0.0 {
        0.0
    } else if lightness > 0.5 {
        chroma / (2.0 - max - min)
    } else {
        chroma / (max + min)
    };
    larger((s - SATURATION_THRESHOLD) / (1.0 - SATURATION_THRESHOLD), 0.0)
}

/// The larger of two numbers that are never NaN (the map's colours and cues). On wasm32, `f32::max` is a call to
/// libm's `fmaxf`, since WebAssembly's own `f32.max` treats NaN otherwise; a comparison is one instruction, and
/// the map makes about ten of these per cell.
fn larger(a: f32, b: f32) -> f32 {
    if a > b {
        a
    } else {
        b
    }
}

/// The smaller of two numbers that are never NaN (see `larger`).
fn smaller(a: f32, b: f32) -> f32 {
    if a < b {
        a
    } else {
        b
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A flat grey `width × height` RGBA image with a textured, skin-toned square of side `side` at (x, y).
    pub(crate) fn scene(width: u32, height: u32, subject: Rect) -> Pixels {
        let mut data = Vec::with_capacity((width * height * 4) as usize);
        for y in 0..height {
            for x in 0..width {
                let inside = x >= subject.x && x < subject.x + subject.w && y >= subject.y && y < subject.y + subject.h;
                let px = if inside && (x / 2 + y / 2) % 2 == 0 {
                    [224, 172, 138, 255]
                } else if inside {
                    [150, 100, 70, 255]
                } else {
                    [128, 128, 128, 255]
                };
                data.extend_from_slice(&px);
            }
        }
        Pixels { width, height, channels: 4, data }
    }

    #[test]
    fn the_subject_holds_most_of_the_saliency() {
        let subject = Rect { x: 20, y: 10, w: 40, h: 40 };
        let map = SaliencyMap::of(&scene(100, 200, subject)).unwrap();
        let share = map.share(subject, 100, 200);
        assert!(share > 0.9, "{share}");
        assert!((map.share(Rect::full(100, 200), 100, 200) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_best_window_follows_the_subject_on_either_axis() {
        let tall = SaliencyMap::of(&scene(90, 160, Rect { x: 30, y: 5, w: 30, h: 30 })).unwrap();
        // Source pixels are 12× the analysis pixels: the window is placed in source coordinates.
        let window = tall.best_window(Rect::full(1080, 1920), 1080, 1350, 1080, 1920);
        assert_eq!((window.x, window.w, window.h), (0, 1080, 1350));
        assert!(window.y <= 60, "{window:?}");
        let wide = SaliencyMap::of(&scene(200, 50, Rect { x: 160, y: 10, w: 30, h: 30 })).unwrap();
        let window = wide.best_window(Rect::full(2000, 500), 955, 500, 2000, 500);
        assert!(window.x + window.w >= 1900 && window.x <= 1600, "{window:?}");
    }

    #[test]
    fn a_flat_image_keeps_the_centred_window() {
        let flat = Pixels { width: 64, height: 32, channels: 3, data: vec![200; 64 * 32 * 3] };
        let map = SaliencyMap::of(&flat).unwrap();
        assert_eq!(map.best_window(Rect::full(640, 320), 200, 320, 640, 320), Rect { x: 220, y: 0, w: 200, h: 320 });
    }

    #[test]
    fn large_buffers_are_reduced_and_bad_ones_refused() {
        let big = scene(2048, 1024, Rect { x: 100, y: 100, w: 200, h: 200 });
        let map = SaliencyMap::of(&big).unwrap();
        assert_eq!((map.width, map.height), (256, 128));
        assert!(map.share(Rect { x: 100, y: 100, w: 200, h: 200 }, 2048, 1024) > 0.8);
        assert!(SaliencyMap::of(&Pixels { width: 2, height: 2, channels: 4, data: vec![0; 15] }).is_err());
        assert!(SaliencyMap::of(&Pixels { width: 0, height: 2, channels: 4, data: vec![] }).is_err());
        assert!(SaliencyMap::of(&Pixels { width: 1, height: 1, channels: 2, data: vec![0; 2] }).is_err());
    }

    /// The skin cue as smartcrop.js computes it, without the early answer for colours far from skin.
    fn skin_by_the_formula([r, g, b]: [f32; 3], luma: f32) -> f32 {
        if !(SKIN_LUMA.0..=SKIN_LUMA.1).contains(&luma) {
            return 0.0;
        }
        let norm = (r * r + g * g + b * b).sqrt().max(1e-6);
        let skin_norm = (SKIN[0] * SKIN[0] + SKIN[1] * SKIN[1] + SKIN[2] * SKIN[2]).sqrt();
        let d = [r / norm - SKIN[0] / skin_norm, g / norm - SKIN[1] / skin_norm, b / norm - SKIN[2] / skin_norm];
        let similarity = 1.0 - (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt().min(1.0);
        ((similarity - SKIN_THRESHOLD) / (1.0 - SKIN_THRESHOLD)).max(0.0)
    }

    #[test]
    fn the_early_answer_for_colours_far_from_skin_changes_no_value() {
        let mut skin_like = 0;
        for r in (0..=255).step_by(3) {
            for g in (0..=255).step_by(3) {
                for b in (0..=255).step_by(3) {
                    let rgb = [r, g, b].map(|v| v as f32 / 255.0);
                    let luma = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
                    let expected = skin_by_the_formula(rgb, luma);
                    assert_eq!(skin(rgb, luma), expected, "{r} {g} {b}");
                    skin_like += usize::from(expected > 0.0);
                }
            }
        }
        assert!(skin_like > 1000, "{skin_like}");
    }

    #[test]
    fn skin_and_colour_cues_fire_on_their_colours_only() {
        assert!(skin([224.0 / 255.0, 172.0 / 255.0, 138.0 / 255.0], 0.7) > 0.5);
        assert_eq!(skin([0.2, 0.4, 0.9], 0.4), 0.0);
        assert!(saturation([0.9, 0.1, 0.1], 0.3) > 0.5);
        assert_eq!(saturation([0.5, 0.5, 0.5], 0.5), 0.0);
    }
}

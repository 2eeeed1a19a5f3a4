//! How close the framing suggested from a camera's EXIF preview (thumbnail) is to the one from the 512-pixel decode
//! of the photo (issue 9: the extension analyses the thumbnail instead when it is large enough, from
//! `MIN_THUMBNAIL_SIDE` in extension/content/media/thumbnail.js, chosen from this). A development set of
//! generated scenes (not the benchmark's): each photo is JPEG-encoded as a camera would (quality 90), decoded and
//! reduced to 512 pixels as the extension's full path does; its preview is the same scene downscaled to a long side
//! of 128 to 512 pixels and JPEG-encoded at quality 75. Both go through the core's analysis on X, Facebook and
//! Instagram; for every surface that cuts the photo, the framing (the suggestion, else the platform's own crop) of
//! the preview is compared with the photo's by intersection over union.
//! `cargo run --release --example thumbnail_framing` prints, per preview size, the mean, the 10th percentile and
//! the minimum IoU, and how often the two agree on whether a better framing exists (a few minutes).
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageReader, RgbImage};
use stratege::media::decode::analysis_pixels;
use stratege::media::geometry::Rect;
use stratege::media::{analyse, Format, ImageInfo, MediaInput, Pixels, Purpose};
use stratege::platform::Platform;

/// Long sides of the previews tried: 160 (160 × 120, iPhones), 320 and 512 (many Android phones), and between.
const PREVIEW_SIDES: [u32; 6] = [128, 160, 240, 320, 384, 512];
/// Photo sizes of the set: 4:3 landscape and portrait, 16:9 (its preview 16:9 too), 1:1.
const SHAPES: [(u32, u32); 4] = [(2400, 1800), (1800, 2400), (2400, 1350), (2000, 2000)];
const SCENES_PER_SHAPE: u32 = 30;
/// JPEG qualities: a camera's photo, and its preview (EXIF previews are small and more compressed; ours).
const PHOTO_QUALITY: u8 = 90;
const PREVIEW_QUALITY: u8 = 75;

fn main() {
    let mut framings: Vec<Vec<(Rect, bool)>> = Vec::new(); // per scene: the 512 decode's framings
    let mut by_size: Vec<Vec<(f64, bool)>> = vec![Vec::new(); PREVIEW_SIDES.len()]; // (IoU, same "suggested")
    let mut seed = 0x5eed_u64;
    for &(width, height) in &SHAPES {
        for _ in 0..SCENES_PER_SHAPE {
            let scene = generate(width, height, &mut seed);
            let photo = jpeg_round_trip(&DynamicImage::ImageRgb8(scene.clone()), PHOTO_QUALITY);
            let reference = framing(width, height, analysis_pixels(&photo));
            for (k, &side) in PREVIEW_SIDES.iter().enumerate() {
                let scale = f64::from(side) / f64::from(width.max(height));
                let (w, h) = ((f64::from(width) * scale).round() as u32, (f64::from(height) * scale).round() as u32);
                let small = DynamicImage::ImageRgb8(scene.clone()).resize_exact(w, h, FilterType::Triangle);
                let preview = jpeg_round_trip(&small, PREVIEW_QUALITY).to_rgba8();
                let pixels = Pixels { width: w, height: h, channels: 4, data: preview.into_raw() };
                let got = framing(width, height, pixels);
                for ((a, sa), (b, sb)) in reference.iter().zip(&got) {
                    by_size[k].push((iou(*a, *b), sa == sb));
                }
            }
            framings.push(reference);
        }
    }
    let cut: usize = framings.iter().map(Vec::len).sum();
    println!("{} scenes, {cut} surfaces that cut the photo (X, Facebook, Instagram posts)", framings.len());
    println!("| preview long side | mean IoU | 10th percentile | min | same 'better framing?' answer |");
    println!("|---:|---:|---:|---:|---:|");
    for (side, rows) in PREVIEW_SIDES.iter().zip(&by_size) {
        let mut ious: Vec<f64> = rows.iter().map(|r| r.0).collect();
        ious.sort_by(f64::total_cmp);
        let mean = ious.iter().sum::<f64>() / ious.len() as f64;
        let agree = rows.iter().filter(|r| r.1).count() as f64 / rows.len() as f64;
        let p10 = ious[ious.len() / 10];
        println!("| {side} | {mean:.3} | {p10:.3} | {:.3} | {:.0} % |", ious[0], agree * 100.0);
    }
}

/// Per surface that cuts the photo, on the three platforms: the framing and whether it is a suggestion.
fn framing(width: u32, height: u32, pixels: Pixels) -> Vec<(Rect, bool)> {
    let mut out = Vec::new();
    for platform in [Platform::X, Platform::Facebook, Platform::Instagram] {
        let image = ImageInfo {
            width,
            height,
            bytes: 3_000_000,
            format: Format::Jpeg,
            animated: false,
            alt_missing: false,
            pixels: Some(pixels.clone()),
        };
        let input = MediaInput { platform, purpose: Purpose::Post, images: vec![image] };
        let report = analyse(&input).expect("the three platforms have media rules");
        for surface in &report.images[0].surfaces {
            if surface.area_lost > 0.0 {
                let suggestion = surface.suggestion.as_ref();
                out.push((suggestion.map_or(surface.crop, |s| s.crop), suggestion.is_some()));
            }
        }
    }
    out
}

fn jpeg_round_trip(image: &DynamicImage, quality: u8) -> DynamicImage {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, quality).encode_image(image).expect("JPEG encoding");
    ImageReader::new(Cursor::new(bytes)).with_guessed_format().expect("in memory").decode().expect("JPEG decoding")
}

fn iou(a: Rect, b: Rect) -> f64 {
    let w = (a.x + a.w).min(b.x + b.w).saturating_sub(a.x.max(b.x));
    let h = (a.y + a.h).min(b.y + b.h).saturating_sub(a.y.max(b.y));
    let inter = f64::from(w) * f64::from(h);
    inter / (a.area() as f64 + b.area() as f64 - inter)
}

fn next(seed: &mut u64) -> f64 {
    *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    (*seed >> 11) as f64 / (1u64 << 53) as f64
}

/// A scene: a vertical gradient (sky to ground) with sensor noise, and two to five subjects at random places
/// (textured blocks of strong colour, skin-toned discs, striped panels), of random sizes.
fn generate(width: u32, height: u32, seed: &mut u64) -> RgbImage {
    let top = [80.0 + 80.0 * next(seed), 120.0 + 80.0 * next(seed), 160.0 + 80.0 * next(seed)];
    let bottom = [60.0 + 120.0 * next(seed), 60.0 + 100.0 * next(seed), 40.0 + 60.0 * next(seed)];
    let short = f64::from(width.min(height));
    let subjects: Vec<(u8, f64, f64, f64, [f64; 3])> = (0..2 + (next(seed) * 4.0) as u32)
        .map(|_| {
            let kind = (next(seed) * 3.0) as u8;
            let colour = match kind {
                1 => [224.0, 172.0, 138.0],
                _ => [255.0 * next(seed), 255.0 * next(seed), 255.0 * next(seed)],
            };
            (
                kind,
                next(seed) * f64::from(width),
                next(seed) * f64::from(height),
                short * (0.05 + 0.2 * next(seed)),
                colour,
            )
        })
        .collect();
    let mut noise = *seed;
    *seed = seed.wrapping_add(1);
    RgbImage::from_fn(width, height, |x, y| {
        let t = f64::from(y) / f64::from(height);
        let n = (next(&mut noise) - 0.5) * 16.0;
        let mut rgb = [0.0; 3];
        for c in 0..3 {
            rgb[c] = top[c] * (1.0 - t) + bottom[c] * t + n;
        }
        let (fx, fy) = (f64::from(x), f64::from(y));
        for &(kind, cx, cy, r, colour) in &subjects {
            let (dx, dy) = (fx - cx, fy - cy);
            let inside = match kind {
                1 => dx.hypot(dy) < r,
                _ => dx.abs() < r && dy.abs() < r * 0.8,
            };
            if inside {
                let texture = match kind {
                    2 if ((fx / 6.0) as i64) % 2 == 0 => 0.4,
                    0 => 0.7 + 0.6 * next(&mut noise),
                    _ => 1.0,
                };
                for c in 0..3 {
                    rgb[c] = colour[c] * texture + n;
                }
            }
        }
        image::Rgb(rgb.map(|v| v.clamp(0.0, 255.0) as u8))
    })
}

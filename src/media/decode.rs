//! Reading image files for `stratege media` (native only; the extension decodes with the browser): size, format,
//! EXIF orientation and animation from the headers, then the pixels decoded with limits and reduced to the
//! analysis size. Huge images are measured but not decoded, so the work stays bounded.

use std::io::Cursor;
use std::path::Path;

use image::codecs::gif::GifDecoder;
use image::codecs::webp::WebPDecoder;
use image::metadata::Orientation;
use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::input::{Format, ImageInfo};
use super::saliency::Pixels;

/// Longest side of the analysis image, as the extension sends it (issue 9: 256–512).
pub const ANALYSIS_SIDE: u32 = 512;
/// Images with more pixels are measured, not decoded (a 50-megapixel photo would need 200 MB as RGBA).
pub const MAX_DECODE_PIXELS: u64 = 40_000_000;
/// The decoder's own allocation bound, above what `MAX_DECODE_PIXELS` needs as RGBA.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;

/// A file read for analysis, with a note when its detail could not be analysed.
pub struct Decoded {
    pub info: ImageInfo,
    pub note: Option<String>,
}

/// Reads a file: an error (with the reason) when it is not a JPEG, PNG, WebP or GIF image that decodes.
pub fn read(path: &Path) -> Result<Decoded, String> {
    let file = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    read_bytes(&file)
}

/// Reads an image file's bytes, as `read` does a file.
pub fn read_bytes(file: &[u8]) -> Result<Decoded, String> {
    let bytes = file.len() as u64;
    let mut reader =
        ImageReader::new(Cursor::new(file)).with_guessed_format().map_err(|e| format!("cannot read it: {e}"))?;
    let image_format = reader.format().ok_or("not an image Stratège can read (JPEG, PNG, WebP or GIF)")?;
    let format = format_of(image_format);
    if image_format == ImageFormat::Gif {
        super::gif_frames::check(file)?;
    }
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| format!("cannot decode it: {e}"))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (w, h) = decoder.dimensions();
    let (width, height) = match orientation {
        Orientation::Rotate90 | Orientation::Rotate270 | Orientation::Rotate90FlipH | Orientation::Rotate270FlipH => {
            (h, w)
        }
        _ => (w, h),
    };
    let mut info = ImageInfo { width, height, bytes, format, animated: false, alt_missing: false, pixels: None };
    let megapixels = u64::from(width) * u64::from(height);
    if megapixels > MAX_DECODE_PIXELS {
        let note = format!(
            "{:.1} megapixels, more than Stratège decodes ({} at most): the crops come from its size, its detail \
             was not measured",
            megapixels as f64 / 1e6,
            MAX_DECODE_PIXELS / 1_000_000
        );
        return Ok(Decoded { info, note: Some(note) });
    }
    // Only now: telling an animation means decoding a second frame, on a canvas of the image's full size.
    info.animated = is_animated(file, image_format);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| format!("cannot decode it: {e}"))?;
    image.apply_orientation(orientation);
    info.pixels = Some(analysis_pixels(&image));
    Ok(Decoded { info, note: None })
}

/// The image reduced (area-averaged) so that its longest side is at most `ANALYSIS_SIDE`, as RGBA.
pub fn analysis_pixels(image: &DynamicImage) -> Pixels {
    let small = if image.width().max(image.height()) > ANALYSIS_SIDE {
        image.thumbnail(ANALYSIS_SIDE, ANALYSIS_SIDE)
    } else {
        image.clone()
    };
    let rgba = small.to_rgba8();
    Pixels { width: rgba.width(), height: rgba.height(), channels: 4, data: rgba.into_raw() }
}

fn format_of(format: ImageFormat) -> Format {
    match format {
        ImageFormat::Jpeg => Format::Jpeg,
        ImageFormat::Png => Format::Png,
        ImageFormat::Gif => Format::Gif,
        ImageFormat::WebP => Format::Webp,
        ImageFormat::Avif => Format::Avif,
        ImageFormat::Bmp => Format::Bmp,
        ImageFormat::Tiff => Format::Tiff,
        _ => Format::Unknown,
    }
}

/// A GIF with a second frame, or a WebP with an animation chunk.
fn is_animated(file: &[u8], format: ImageFormat) -> bool {
    let reader = Cursor::new(file);
    match format {
        ImageFormat::Gif => {
            GifDecoder::new(reader).is_ok_and(|d| d.into_frames().take(2).filter(Result::is_ok).count() > 1)
        }
        ImageFormat::WebP => WebPDecoder::new(reader).is_ok_and(|d| d.has_animation()),
        _ => false,
    }
}

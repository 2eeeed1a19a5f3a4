//! What the caller knows about the attached images: their size, file size, format, whether they are animated or
//! lack alt text, and optionally their pixels at analysis size.

use serde::Serialize;

use super::rules::Purpose;
use super::saliency::Pixels;
use crate::platform::Platform;

/// The images of one post (or the image of a shared link) on one platform, in their order.
#[derive(Clone, Debug, PartialEq)]
pub struct MediaInput {
    pub platform: Platform,
    pub purpose: Purpose,
    pub images: Vec<ImageInfo>,
}

/// One attached image.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageInfo {
    /// Size of the original image in pixels, EXIF orientation applied; 0 × 0 when it could not be read.
    pub width: u32,
    pub height: u32,
    /// File size in bytes.
    pub bytes: u64,
    pub format: Format,
    /// An animated GIF (or WebP): X takes one alone, with its own size limit.
    pub animated: bool,
    /// The site offers alt text for this image and none is set.
    pub alt_missing: bool,
    /// The image at analysis size (longest side 256–512), for the saliency; None when it could not be decoded.
    pub pixels: Option<Pixels>,
}

/// A file format, from a MIME type (`image/jpeg`), a format name or a file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    Webp,
    Avif,
    Heic,
    Bmp,
    Tiff,
    Unknown,
}

impl Format {
    pub fn from_name(name: &str) -> Format {
        let name = name.trim().to_ascii_lowercase();
        match name.strip_prefix("image/").unwrap_or(&name) {
            "jpeg" | "jpg" | "pjpeg" => Format::Jpeg,
            "png" | "apng" => Format::Png,
            "gif" => Format::Gif,
            "webp" => Format::Webp,
            "avif" => Format::Avif,
            "heic" | "heif" | "heic-sequence" | "heif-sequence" => Format::Heic,
            "bmp" | "x-ms-bmp" => Format::Bmp,
            "tiff" | "tif" => Format::Tiff,
            _ => Format::Unknown,
        }
    }

    /// The name the platforms' format lists use (data/media.json).
    pub fn id(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Gif => "gif",
            Format::Webp => "webp",
            Format::Avif => "avif",
            Format::Heic => "heic",
            Format::Bmp => "bmp",
            Format::Tiff => "tiff",
            Format::Unknown => "unknown",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Gif => "GIF",
            Format::Webp => "WebP",
            Format::Avif => "AVIF",
            Format::Heic => "HEIC",
            Format::Bmp => "BMP",
            Format::Tiff => "TIFF",
            Format::Unknown => "an unrecognised format",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_read_from_mime_types_names_and_extensions() {
        assert_eq!(Format::from_name("image/jpeg"), Format::Jpeg);
        assert_eq!(Format::from_name("JPG"), Format::Jpeg);
        assert_eq!(Format::from_name("image/heif"), Format::Heic);
        assert_eq!(Format::from_name("image/webp"), Format::Webp);
        assert_eq!(Format::from_name("application/pdf"), Format::Unknown);
        assert_eq!(Format::from_name(""), Format::Unknown);
    }
}

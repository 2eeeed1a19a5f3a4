//! The JSON form of a media check, for the extension (through wasm) and scripts: the images' facts as JSON and
//! their analysis-size RGBA pixels in one byte buffer, one image after the other, so that a single typed array
//! crosses from JavaScript.

use serde::Deserialize;

use super::analysis::analyse;
use super::input::{Format, ImageInfo, MediaInput};
use super::rules::Purpose;
use super::saliency::Pixels;
use crate::platform::Platform;

/// `{"platform": "instagram", "purpose": "post", "images": [{"width": 4032, "height": 3024, "bytes": 2400000,
/// "type": "image/jpeg", "animated": false, "alt_missing": true, "analysis": {"width": 512, "height": 384}}]}`;
/// unknown fields are ignored, as in check requests.
#[derive(Debug, Deserialize)]
pub struct MediaRequest {
    pub platform: String,
    #[serde(default)]
    pub purpose: Purpose,
    pub images: Vec<ImageRequest>,
}

#[derive(Debug, Deserialize)]
pub struct ImageRequest {
    #[serde(default)]
    pub width: u32,
    #[serde(default)]
    pub height: u32,
    #[serde(default)]
    pub bytes: u64,
    /// MIME type (`image/jpeg`), format name or extension.
    #[serde(rename = "type", default)]
    pub format: String,
    #[serde(default)]
    pub animated: bool,
    #[serde(default)]
    pub alt_missing: bool,
    /// The size of this image's RGBA pixels in the buffer; absent when the browser could not decode it.
    #[serde(default)]
    pub analysis: Option<AnalysisSize>,
}

#[derive(Debug, Deserialize)]
pub struct AnalysisSize {
    pub width: u32,
    pub height: u32,
}

impl MediaRequest {
    /// The analysis input, taking each image's pixels from `rgba` in order; an error when the buffer is not
    /// exactly the sum of the announced sizes.
    pub fn into_input(self, rgba: &[u8]) -> Result<MediaInput, String> {
        let platform =
            Platform::from_id(&self.platform).ok_or_else(|| format!("unknown platform {:?}", self.platform))?;
        let mut rest = rgba;
        let mut images = Vec::with_capacity(self.images.len());
        for (i, image) in self.images.into_iter().enumerate() {
            let pixels = match image.analysis {
                Some(AnalysisSize { width, height }) => {
                    let len = (width as usize).checked_mul(height as usize).and_then(|n| n.checked_mul(4));
                    let len = len.filter(|&n| n <= rest.len()).ok_or_else(|| {
                        format!("image {}: the pixel buffer is shorter than {width}×{height} RGBA", i + 1)
                    })?;
                    let (data, tail) = rest.split_at(len);
                    rest = tail;
                    Some(Pixels { width, height, channels: 4, data: data.to_vec() })
                }
                None => None,
            };
            images.push(ImageInfo {
                width: image.width,
                height: image.height,
                bytes: image.bytes,
                format: Format::from_name(&image.format),
                animated: image.animated,
                alt_missing: image.alt_missing,
                pixels,
            });
        }
        if !rest.is_empty() {
            return Err(format!("the pixel buffer has {} bytes more than the images announce", rest.len()));
        }
        Ok(MediaInput { platform, purpose: self.purpose, images })
    }
}

/// Analyses a JSON request with its pixels and answers the `MediaReport` as JSON, or `{"error": "<why>"}`.
pub fn analyse_json(request_json: &str, rgba: &[u8]) -> String {
    let report = serde_json::from_str::<MediaRequest>(request_json)
        .map_err(|e| format!("invalid media request: {e}"))
        .and_then(|request| request.into_input(rgba))
        .and_then(|input| analyse(&input));
    match report {
        Ok(report) => serde_json::to_string(&report).expect("serializes"),
        Err(why) => serde_json::json!({ "error": why }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_with_pixels_is_analysed() {
        let request = r#"{"platform": "instagram", "images": [
            {"width": 1080, "height": 1920, "bytes": 900000, "type": "image/jpeg", "alt_missing": true,
             "analysis": {"width": 9, "height": 16}},
            {"width": 1080, "height": 1080, "type": "image/heic"}]}"#;
        let answer: serde_json::Value = serde_json::from_str(&analyse_json(request, &[128; 9 * 16 * 4])).unwrap();
        assert_eq!(answer["images"][0]["surfaces"][0]["rect"], "0,285,1080,1350");
        assert_eq!(answer["images"][0]["detail_analysed"], true);
        assert_eq!(answer["images"][1]["format"], "heic");
        let kinds: Vec<&str> =
            answer["problems"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
        assert!(kinds.contains(&"media-alt") && kinds.contains(&"media-format"), "{kinds:?}");
    }

    #[test]
    fn bad_requests_answer_an_error() {
        let error = |json: &str, rgba: &[u8]| {
            let answer: serde_json::Value = serde_json::from_str(&analyse_json(json, rgba)).unwrap();
            answer["error"].as_str().unwrap_or_default().to_owned()
        };
        assert!(error("{", &[]).starts_with("invalid media request"));
        assert!(error(r#"{"platform": "myspace", "images": []}"#, &[]).contains("unknown platform"));
        let one =
            r#"{"platform": "x", "images": [{"width": 10, "height": 10, "analysis": {"width": 2, "height": 2}}]}"#;
        assert!(error(one, &[0; 15]).contains("shorter than 2×2 RGBA"));
        assert!(error(one, &[0; 17]).contains("1 bytes more"));
        assert_eq!(error(one, &[0; 16]), "");
    }
}

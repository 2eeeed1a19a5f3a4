//! The media analysis for the extension (issue 9): the images' facts as a JavaScript object and their
//! analysis-size RGBA pixels as one byte array in, the `MediaReport` out as a JavaScript object. The same
//! analysis as `stratege media` and `analyse_json`; only the crossing differs (no JSON text either way).

use wasm_bindgen::prelude::*;

use super::TO_JS;
use crate::media::request::MediaRequest;

/// `analyse_media({platform: "instagram", purpose: "post", images: [{width, height, bytes, type, animated,
/// alt_missing, analysis: {width, height}}]}, rgba)`: `rgba` holds each analysed image's pixels (RGBA, row by row)
/// one after the other, in the order of `images`; an image without `analysis` has none there. Answers the report
/// (`images[].surfaces[].rect` is contracts.md's `data-rect`, `problems` the media problems); throws when the
/// request is malformed or the buffer does not match the sizes announced.
#[wasm_bindgen]
pub fn analyse_media(request: JsValue, rgba: &[u8]) -> Result<JsValue, JsError> {
    let request: MediaRequest =
        serde_wasm_bindgen::from_value(request).map_err(|e| JsError::new(&format!("invalid media request: {e}")))?;
    let input = request.into_input(rgba).map_err(|e| JsError::new(&e))?;
    let report = crate::media::analyse(&input).map_err(|e| JsError::new(&e))?;
    Ok(serde::Serialize::serialize(&report, &TO_JS)?)
}

//! The best-time exports (issue 10) for the extension: the hint beside a composer, the day's slots, a platform's
//! heatmap SVG and the import of analytics exports. Requests come in and answers go out as plain JavaScript
//! objects through serde-wasm-bindgen (the shapes of `crate::schedule::answers`); errors are thrown as `Error`s.
//! The user's stored imports (`StoredImport`s, as `schedule_import` answered them) come with each request.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::TO_JS;
use crate::schedule::answers::{self, FileText, StoredImport};

// Hint and day requests name whose best times and when: the user's zone (IANA), now in milliseconds since the
// epoch, their imports. Those fields are written out in each rather than shared by `#[serde(flatten)]`, which would
// read every request through serde's buffered `Content` and compile the imports' deserialiser a second time.
#[derive(Deserialize)]
struct HintRequest {
    platform: String,
    tz: String,
    now: f64,
    #[serde(default)]
    imports: Vec<StoredImport>,
}

#[derive(Deserialize)]
struct DayRequest {
    #[serde(default)]
    platforms: Vec<String>,
    /// 0 today, 1 tomorrow.
    #[serde(default)]
    offset_days: i32,
    tz: String,
    now: f64,
    #[serde(default)]
    imports: Vec<StoredImport>,
}

#[derive(Deserialize)]
struct HeatmapRequest {
    platform: String,
    #[serde(default)]
    imports: Vec<StoredImport>,
}

#[derive(Deserialize)]
struct ImportRequest {
    files: Vec<FileText>,
    tz: String,
    platform: Option<String>,
}

fn request<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid request: {e}")))
}

fn answer<T: serde::Serialize>(value: Result<T, String>) -> Result<JsValue, JsError> {
    let value = value.map_err(|e| JsError::new(&e))?;
    Ok(value.serialize(&TO_JS)?)
}

/// `schedule_hint({platform, tz, now, imports?})` → `{platform, now: "good"|"ok"|"poor", next, next_time, next_day,
/// days_ahead, lift_percent, source: "your-data"|"published-studies", why: {...}, message}`.
#[wasm_bindgen]
pub fn schedule_hint(value: JsValue) -> Result<JsValue, JsError> {
    let r: HintRequest = request(value)?;
    answer(answers::now_at(&r.tz, r.now).and_then(|now| answers::hint_at(&r.platform, &now, &r.imports)))
}

/// `schedule_day({platforms?, offset_days?, tz, now, imports?})` → `{date, now, slots: [{platform, time, start, end,
/// lift_percent, source, why}]}` in time order.
#[wasm_bindgen]
pub fn schedule_day(value: JsValue) -> Result<JsValue, JsError> {
    let r: DayRequest = request(value)?;
    answer(answers::now_at(&r.tz, r.now).and_then(|now| answers::day_at(&r.platforms, &now, r.offset_days, &r.imports)))
}

/// `schedule_heatmap({platform, imports?})` → the SVG text (the prior, and the personal model beside it).
#[wasm_bindgen]
pub fn schedule_heatmap(value: JsValue) -> Result<String, JsError> {
    let r: HeatmapRequest = request(value)?;
    answers::heatmap_of(&r.platform, &r.imports).map_err(|e| JsError::new(&e))
}

/// `schedule_import({files: [{name, text}], tz, platform?})` → `{imports: [{file, platform, rows, used, skipped,
/// first, last, messages, more_messages, observations}], errors: [{file, message}]}`.
#[wasm_bindgen]
pub fn schedule_import(value: JsValue) -> Result<JsValue, JsError> {
    let r: ImportRequest = request(value)?;
    answer(answers::import(&r.files, &r.tz, r.platform.as_deref()))
}

//! The WebAssembly exports used by the extension (service worker, extension pages, content-script fast path).

use wasm_bindgen::prelude::*;

/// Checks `text` with the request fields of `options_json` (`{"platform":"x","reply":false,...}`, no `text`)
/// and answers the report as JSON, or `{"error": "<why>"}`. The text crosses as a string argument so that a
/// long post is not JSON-escaped on every keystroke.
#[wasm_bindgen]
pub fn check(text: &str, options_json: &str) -> String {
    let answer = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(options_json)
        .and_then(|mut options| {
            options.insert("text".into(), serde_json::Value::String(text.to_owned()));
            serde_json::from_value::<crate::Request>(serde_json::Value::Object(options))
        })
        .map_err(|e| format!("invalid options: {e}"))
        .and_then(|request| crate::check(&request));
    crate::check::answer_json(answer)
}

/// The core's version, shown on the options page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The platform rules table as JSON (limits, units, sources), shown on the options page.
#[wasm_bindgen]
pub fn platforms() -> String {
    crate::platform::table_json().to_string()
}

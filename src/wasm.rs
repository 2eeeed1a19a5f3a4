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

/// Installs the hashtag lexicon of `lang` ("en" or "fr") from a packed file (`lexicon/en.bin`, `lexicon/fr.bin`), for
/// every later `check` of this instance; loading again replaces it. Answers `{"lang":"en","words":60000}` or
/// `{"error": "<why>"}`. Without it, `check` still reports hashtags but leaves their spelling unchecked.
#[wasm_bindgen]
pub fn load_lexicon(lang: &str, data: &[u8]) -> String {
    let answer = crate::lang::Lang::from_id(lang)
        .ok_or_else(|| format!("unknown language {lang:?} (known: en, fr)"))
        .and_then(|expected| {
            let lexicon = crate::hashtags::lexicon::Lexicon::from_packed(data)?;
            if lexicon.lang != expected {
                return Err(format!("this file is the {} lexicon, not {lang}", lexicon.lang.id()));
            }
            Ok(lexicon)
        });
    match answer {
        Ok(lexicon) => {
            let reply = serde_json::json!({ "lang": lang, "words": lexicon.word_count() });
            crate::hashtags::lexicon::install(lexicon);
            reply.to_string()
        }
        Err(why) => serde_json::json!({ "error": why }).to_string(),
    }
}

/// The languages whose hashtag lexicon is loaded, as a JSON array (`["en","fr"]`).
#[wasm_bindgen]
pub fn loaded_lexicons() -> String {
    let loaded: Vec<&str> = crate::lang::Lang::ALL
        .into_iter()
        .filter(|&l| crate::hashtags::lexicon::installed(l).is_some())
        .map(crate::lang::Lang::id)
        .collect();
    serde_json::json!(loaded).to_string()
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

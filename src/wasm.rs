//! The WebAssembly exports used by the extension (service worker, extension pages, content-script fast path):
//! a `Checker` class that owns its lexicons and the user's dictionary, and the platform table. Options go in and
//! reports come out as JavaScript values; errors are thrown as `Error`s. A panic names its cause in the console.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use crate::lang::Lang;
use crate::request::Options;

/// Reports and tables cross as plain JavaScript objects, with `null` where the JSON has null.
const TO_JS: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

/// `new Checker()`: checks texts; give it lexicons with `load_lexicon` and the user's words with `set_dictionary`.
#[wasm_bindgen(js_name = Checker)]
pub struct WasmChecker {
    checker: crate::Checker,
}

#[wasm_bindgen(js_class = Checker)]
impl WasmChecker {
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmChecker {
        console_error_panic_hook::set_once();
        WasmChecker { checker: crate::Checker::new() }
    }

    /// Loads the hashtag lexicon of `lang` ("en" or "fr") from a packed file (`lexicon/en.bin`), replacing any
    /// earlier one; answers its number of words. Without it, hashtags are reported with their spelling unchecked.
    pub fn load_lexicon(&mut self, lang: &str, bytes: &[u8]) -> Result<usize, JsError> {
        let expected: Lang = lang.parse().map_err(|e: String| JsError::new(&e))?;
        let lexicon = crate::hashtags::lexicon::Lexicon::from_packed(bytes).map_err(|e| JsError::new(&e))?;
        if lexicon.lang != expected {
            return Err(JsError::new(&format!("this file is the {} lexicon, not {lang}", lexicon.lang.id())));
        }
        let words = lexicon.word_count();
        self.checker.load_lexicon(lexicon);
        Ok(words)
    }

    /// The languages whose lexicon is loaded (`["en", "fr"]`).
    pub fn languages(&self) -> Vec<String> {
        self.checker.languages().into_iter().map(|l| l.id().to_owned()).collect()
    }

    /// The user's own words, never flagged as misspelt in hashtags: replaces the earlier ones.
    pub fn set_dictionary(&mut self, words: Vec<String>) {
        self.checker.set_dictionary(words);
    }

    /// Checks `text` with `options` (`{platform: "x", reply: false, ...}`: the fields of a JSON request but
    /// `text`) and answers the report. Unpaired surrogates in `text` are read as U+FFFD and reported.
    pub fn check(&self, text: &JsString, options: JsValue) -> Result<JsValue, JsError> {
        let options: Options =
            serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
        let (text, lone_surrogates) = receive(text);
        let report = self.checker.check_received(&text, lone_surrogates, &options).map_err(|e| JsError::new(&e))?;
        Ok(serde::Serialize::serialize(&report, &TO_JS)?)
    }
}

impl Default for WasmChecker {
    fn default() -> Self {
        WasmChecker::new()
    }
}

/// A JavaScript string as Rust text, with its unpaired surrogates read as U+FFFD and counted.
fn receive(text: &JsString) -> (String, usize) {
    if text.is_well_formed() {
        return (String::from(text), 0);
    }
    let mut lone = 0;
    let repaired = char::decode_utf16(text.iter())
        .map(|c| {
            c.unwrap_or_else(|_| {
                lone += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (repaired, lone)
}

/// The core's version, shown on the options page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The platform rules table (limits, units, sources), shown on the options page.
#[wasm_bindgen]
pub fn platforms() -> Result<JsValue, JsError> {
    Ok(serde::Serialize::serialize(&crate::platform::table_json(), &TO_JS)?)
}

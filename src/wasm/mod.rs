//! The WebAssembly exports used by the extension (service worker, extension pages, content-script fast path):
//! a `Checker` class that owns its lexicons and the user's dictionary, and the platform table. Options go in and
//! reports come out as JavaScript values; errors are thrown as `Error`s. A panic names its cause in the console.
//! The live counter has a fast path of its own (`set_counter_options` once, then `count` per keystroke): no object
//! crosses per call, only the text in and a few numbers out.

mod media;

use js_sys::JsString;

use wasm_bindgen::prelude::*;

use crate::lang::Lang;
use crate::measure;
use crate::platform::Platform;
use crate::report::LengthState;
use crate::request::Options;

mod popup;
mod schedule;
pub use media::analyse_media;
pub use popup::SchedulePopup;
pub use schedule::{schedule_day, schedule_heatmap, schedule_hint, schedule_import};

/// Reports and tables cross as plain JavaScript objects, with `null` where the JSON has null.
pub(crate) const TO_JS: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

/// `new Checker()`: checks texts; give it lexicons with `load_lexicon` and the user's words with `set_dictionary`.
#[wasm_bindgen(js_name = Checker)]
pub struct WasmChecker {
    checker: crate::Checker,
    /// The counter's platform and measure options, from `set_counter_options`.
    counter: Option<(Platform, measure::Options)>,
}

/// What the counter's options fix, answered by `set_counter_options`: the report's `platform`, and its length's
/// `unit` and `limit`.
#[derive(serde::Serialize)]
struct CounterFacts {
    platform: Platform,
    unit: &'static str,
    limit: u32,
}

/// `count`'s states, by their number: the state is `STATES[i]`.
pub const STATES: [LengthState; 3] = [LengthState::Ok, LengthState::Near, LengthState::Over];
/// How `count` packs its answer into one number (exact in an f64: 52 bits), low bits first: `valid` (1 bit), the
/// state (2 bits), the feed's cut plus one, 0 for none (`CUT_BITS`), and the count (32 bits, from `COUNT_SHIFT`). One
/// number crosses to JavaScript where an array would be allocated, copied and freed at every keystroke.
pub const CUT_BITS: u32 = 17;
pub const COUNT_SHIFT: u32 = 3 + CUT_BITS;

#[wasm_bindgen(js_class = Checker)]
impl WasmChecker {
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmChecker {
        console_error_panic_hook::set_once();
        WasmChecker { checker: crate::Checker::new(), counter: None }
    }

    /// Loads the hashtag lexicon of `lang` ("en" or "fr") from a packed file (`lexicon/en.bin`), replacing any
    /// earlier one; answers its number of words. Without it, hashtags are reported with their spelling unchecked.
    /// The file is taken (copied into the module's memory) and dropped once unpacked, before the lexicon is built,
    /// which then reuses its bytes: the memory never shrinks.
    pub fn load_lexicon(&mut self, lang: &str, file: Vec<u8>) -> Result<usize, JsError> {
        use crate::hashtags::{lexicon::Lexicon, packed};
        let expected: Lang = lang.parse().map_err(|e: String| JsError::new(&e))?;
        let sections = packed::unpack(&file).map_err(|e| JsError::new(&e))?;
        drop(file);
        let lexicon = Lexicon::from_sections(&sections).map_err(|e| JsError::new(&e))?;
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
    /// `text`) and answers the report. Unpaired surrogates in `text` are read as U+FFFD and reported. With
    /// `budget_ms`, no hashtag is judged anew once that many milliseconds have passed (the clock is JavaScript's
    /// `Date.now`): the rest are reported `not_checked: "time-budget"`, and checking the text again goes on
    /// from the verdicts kept.
    pub fn check(&self, text: &JsString, options: JsValue, budget_ms: Option<f64>) -> Result<JsValue, JsError> {
        let options: Options =
            serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
        let (text, lone_surrogates) = receive(text);
        let deadline = budget_ms.map(|ms| js_sys::Date::now() + ms);
        let expired = || deadline.is_some_and(|d| js_sys::Date::now() >= d);
        let budget = crate::hashtags::Budget { expired: &expired };
        let report =
            self.checker.check_within(&text, lone_surrogates, &options, &budget).map_err(|e| JsError::new(&e))?;
        Ok(serde::Serialize::serialize(&report, &TO_JS)?)
    }

    /// Drops the hashtag verdicts kept from earlier checks, so that the next check judges every tag again (the
    /// hashtag bench times each tag's judgement, not the memory of it).
    pub fn forget_verdicts(&mut self) {
        self.checker.forget_verdicts();
    }

    /// Sets the options of the counter's `count` (those of `check`; only `platform`, `reply`, `premium` and
    /// `auto_mentions` matter to a length) and answers what they fix: `{platform, unit, limit}`.
    pub fn set_counter_options(&mut self, options: JsValue) -> Result<JsValue, JsError> {
        let options: Options =
            serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
        let platform = options.platform.ok_or_else(|| JsError::new(crate::checker::NO_PLATFORM))?;
        let measure = measure::Options {
            reply: options.reply,
            premium: options.premium,
            auto_mentions: options.auto_mentions.unwrap_or(options.reply),
        };
        self.counter = Some((platform, measure));
        let rules = platform.rules();
        let facts = CounterFacts { platform, unit: rules.unit.name(), limit: measure::limit(rules, &measure) };
        Ok(serde::Serialize::serialize(&facts, &TO_JS)?)
    }

    /// The counter's fast path: the length of `text` with the counter's options, as `check(text, {...options,
    /// length_only: true}).length` gives it: its count, state (0 ok, 1 near, 2 over), validity and feed cut packed
    /// into one number (`CUT_BITS`, `COUNT_SHIFT`). Unpaired surrogates are read as U+FFFD, as by `check`.
    pub fn count(&self, text: &str) -> Result<f64, JsError> {
        let (platform, options) = self.counter.ok_or_else(|| JsError::new("set_counter_options first"))?;
        let length = measure::length(platform.rules(), text, &options);
        let state = STATES.iter().position(|&s| s == length.state).expect("every state is listed") as u64;
        // A feed cuts within its first `preview.chars` characters (data/platforms.json: 125; tests/wasm_api.rs
        // checks that every one fits).
        let cut = length.preview_cut.map_or(0, |c| c as u64 + 1);
        debug_assert!(cut < 1 << CUT_BITS);
        let packed = u64::from(length.count) << COUNT_SHIFT | cut << 3 | state << 1 | u64::from(length.valid);
        Ok(packed as f64)
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

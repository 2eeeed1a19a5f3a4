//! The exported WebAssembly API, run in Chromium by wasm-bindgen-test: the same reports as the native core.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn report(text: &str, options: &str) -> serde_json::Value {
    serde_json::from_str(&stratege::wasm::check(text, options)).expect("check answers JSON")
}

#[wasm_bindgen_test]
fn check_answers_the_same_report_as_the_native_core() {
    let text = "Caf\u{e9} \u{1F600} https://example.com/a \u{4E2D}";
    let options = r#"{"platform":"x"}"#;
    let native: serde_json::Value =
        serde_json::from_str(&stratege::check_json(&serde_json::json!({ "platform": "x", "text": text }).to_string()))
            .unwrap();
    let wasm = report(text, options);
    assert_eq!(wasm, native);
    assert_eq!(wasm["length"]["count"], 5 + 2 + 1 + 23 + 1 + 2);
}

#[wasm_bindgen_test]
fn options_select_limits() {
    assert_eq!(report("hi", r#"{"platform":"x","premium":true}"#)["length"]["limit"], 25_000);
    assert_eq!(report("hi", r#"{"platform":"facebook","reply":true}"#)["length"]["limit"], 8_000);
    assert_eq!(report("hi", r#"{"platform":"instagram"}"#)["length"]["limit"], 2_200);
}

#[wasm_bindgen_test]
fn bad_options_get_an_error_not_a_crash() {
    assert!(report("hi", "{").get("error").is_some());
    assert!(report("hi", r#"{"platform":"myspace"}"#)["error"].as_str().unwrap().contains("unknown platform"));
    assert!(report("hi", r#"{"text":"ignored"}"#).get("error").is_some());
}

#[wasm_bindgen_test]
fn a_megabyte_paste_is_measured() {
    let text = "word \u{1F600} ".repeat(120_000);
    let r = report(&text, r#"{"platform":"instagram"}"#);
    assert_eq!(r["length"]["count"], 120_000 * 8);
    assert_eq!(r["length"]["state"], "over");
}

#[wasm_bindgen_test]
fn platforms_table_lists_every_platform() {
    let table: serde_json::Value = serde_json::from_str(&stratege::wasm::platforms()).unwrap();
    assert_eq!(table.as_array().unwrap().len(), 7);
    assert!(!stratege::wasm::version().is_empty());
}

#[wasm_bindgen_test]
fn lexicons_load_from_packed_bytes_and_bad_files_are_refused() {
    assert!(stratege::wasm::load_lexicon("de", b"").contains("unknown language"));
    assert!(stratege::wasm::load_lexicon("en", b"not a lexicon").contains("error"));
    let before = report("#SocialMeida", r#"{"platform":"instagram"}"#);
    assert_eq!(before["hashtags"][0]["spelling_checked"], false);
    let mut packed = String::from(stratege::hashtags::lexicon::PACKED_MAGIC);
    for (name, body) in
        [("lang", "en"), ("aff", "SET UTF-8\n"), ("dic", "2\nsocial\nmedia\n"), ("words", "social\t5\nmedia\t5\n")]
    {
        packed += &format!("{name}\n{}\n{body}", body.len());
    }
    assert!(stratege::wasm::load_lexicon("fr", packed.as_bytes()).contains("not fr"));
    assert_eq!(stratege::wasm::load_lexicon("en", packed.as_bytes()), r#"{"lang":"en","words":2}"#);
    assert_eq!(stratege::wasm::loaded_lexicons(), r#"["en"]"#);
    let after = report("#SocialMeida", r#"{"platform":"instagram","lang":"en"}"#);
    assert_eq!(after["hashtags"][0]["problems"][0]["suggestion"], "#SocialMedia");
}

#[wasm_bindgen_test]
fn reply_tone_runs_in_wasm_with_the_shipped_models() {
    let text = "Learn to read, you 1d10t!!!";
    let options = r#"{"platform":"x","reply":true}"#;
    let native: serde_json::Value = serde_json::from_str(&stratege::check_json(
        &serde_json::json!({ "platform": "x", "text": text, "reply": true }).to_string(),
    ))
    .unwrap();
    let wasm = report(text, options);
    assert_eq!(wasm["tone"], native["tone"]);
    assert_eq!(wasm["tone"]["checked"], true);
    assert_eq!(wasm["tone"]["level"], "hostile");
    assert_eq!(
        report("Merci pour votre patience", r#"{"platform":"x","reply":true,"tone":"strict"}"#)["tone"]["level"],
        "ok"
    );
}

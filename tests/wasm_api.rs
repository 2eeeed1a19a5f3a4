//! The exported WebAssembly API, run in Chromium by wasm-bindgen-test: the `Checker` class answers the same reports
//! as the native core, takes options and gives reports as JavaScript values, and throws errors.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use stratege::wasm::{analyse_media, platforms, version, WasmChecker, COUNT_SHIFT, CUT_BITS};
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The options as JavaScript passes them, from their JSON.
fn js(options: &str) -> JsValue {
    js_sys::JSON::parse(options).expect("test options are JSON")
}

fn check_with(checker: &WasmChecker, text: &str, options: &str) -> Result<serde_json::Value, String> {
    checker
        .check(&JsString::from(text), js(options), None)
        .map(|report| serde_wasm_bindgen::from_value(report).expect("a report is plain data"))
        .map_err(message)
}

fn report(text: &str, options: &str) -> serde_json::Value {
    check_with(&WasmChecker::new(), text, options).unwrap()
}

fn message(error: JsError) -> String {
    JsValue::from(error).unchecked_into::<js_sys::Error>().message().into()
}

/// A JSON answer as JavaScript reads it (`JSON.parse`): numbers are numbers, 0.0 is 0.
fn as_js_reads(json: &str) -> serde_json::Value {
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(json).unwrap()).unwrap()
}

/// The native core's answer to the same request (the CLI's JSON line), as JavaScript reads it.
fn native(text: &str, options: serde_json::Value) -> serde_json::Value {
    let mut request = options;
    request["text"] = text.into();
    as_js_reads(&stratege::Checker::new().answer_json(&request.to_string()))
}

#[wasm_bindgen_test]
fn check_answers_the_same_report_as_the_native_core() {
    let text = "Caf\u{e9} \u{1F600} https://example.com/a \u{4E2D} #SocialMeida";
    let wasm = report(text, r#"{"platform":"x"}"#);
    assert_eq!(wasm, native(text, serde_json::json!({ "platform": "x" })));
    assert_eq!(wasm["length"]["count"], 5 + 2 + 1 + 23 + 1 + 2 + 13);
    assert_eq!(wasm["tone"]["lang"], serde_json::Value::Null, "null, as in the JSON");
}

#[wasm_bindgen_test]
fn options_select_limits() {
    assert_eq!(report("hi", r#"{"platform":"x","premium":true}"#)["length"]["limit"], 25_000);
    assert_eq!(report("hi", r#"{"platform":"facebook","reply":true}"#)["length"]["limit"], 8_000);
    assert_eq!(report("hi", r#"{"platform":"instagram"}"#)["length"]["limit"], 2_200);
    let undefined_fields = js(r#"{"platform":"instagram"}"#);
    js_sys::Reflect::set(&undefined_fields, &"lang".into(), &JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&undefined_fields, &"hashtag_limit".into(), &JsValue::UNDEFINED).unwrap();
    let checked = WasmChecker::new().check(&JsString::from("hi"), undefined_fields, None);
    assert!(checked.is_ok(), "an undefined field is an absent one, as JSON.stringify has it");
}

#[wasm_bindgen_test]
fn bad_options_are_thrown_not_answered() {
    let checker = WasmChecker::new();
    assert!(check_with(&checker, "hi", r#"{"platform":"myspace"}"#).unwrap_err().contains("unknown platform"));
    assert!(check_with(&checker, "hi", r#"{"text":"ignored"}"#).unwrap_err().contains("missing field `platform`"));
    assert!(check_with(&checker, "hi", r#"{"platform":"x","tone":"loud"}"#).unwrap_err().contains("unknown tone"));
    assert!(checker.check(&JsString::from("hi"), JsValue::from(3), None).is_err());
}

#[wasm_bindgen_test]
fn lone_surrogates_are_read_as_replacement_characters_and_reported() {
    let units: Vec<u16> = "a\u{FFFD} b \u{FFFD}c \u{1F600}".encode_utf16().collect();
    let mut broken = units.clone();
    broken[1] = 0xD83D; // a high surrogate alone
    broken[5] = 0xDE00; // a low surrogate alone
    let text = JsString::from_char_code(&broken);
    let report: serde_json::Value = serde_wasm_bindgen::from_value(
        WasmChecker::new().check(&text, js(r#"{"platform":"facebook"}"#), None).unwrap(),
    )
    .unwrap();
    assert_eq!(report["length"]["count"], units.len());
    assert_eq!(report["problems"][0]["kind"], "lone-surrogate");
    assert!(report["problems"][0]["message"].as_str().unwrap().starts_with("2 broken"));
    // The JSON lines of the CLI take the same path: the same report for the same broken text.
    let escaped = r#"{"platform":"facebook","text":"a\ud83d b \ude00c \ud83d\ude00"}"#;
    assert_eq!(report, as_js_reads(&stratege::Checker::new().answer_json(escaped)));
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
    let table: serde_json::Value = serde_wasm_bindgen::from_value(platforms().unwrap()).unwrap();
    assert_eq!(table, as_js_reads(&stratege::platform::table_json().to_string()));
    assert_eq!(table.as_array().unwrap().len(), 7);
    assert!(!version().is_empty());
}

/// A packed lexicon file of two words, an LZMA stream as `tools/pack-lexicon.mjs` writes it.
fn packed(lang: &str) -> Vec<u8> {
    let mut packed = String::from(stratege::hashtags::lexicon::PACKED_MAGIC);
    for (name, body) in [
        ("lang", lang),
        ("aff", "SET UTF-8\n"),
        ("dic", "\u{0}2\n\u{0}social\n\u{0}media\n\u{0}\n"),
        ("words", "social\n\u{0}media\n"),
        ("counts", "\u{5}\u{0}"),
    ] {
        packed += &format!("{name}\n{}\n{body}", body.len());
    }
    let size = lzma_rs::compress::UnpackedSize::WriteToHeader(Some(packed.len() as u64));
    let mut file = Vec::new();
    lzma_rs::lzma_compress_with_options(
        &mut packed.as_bytes(),
        &mut file,
        &lzma_rs::compress::Options { unpacked_size: size },
    )
    .unwrap();
    file
}

#[wasm_bindgen_test]
fn lexicons_load_from_packed_bytes_and_bad_files_are_refused() {
    let mut checker = WasmChecker::new();
    assert!(message(checker.load_lexicon("de", Vec::new()).unwrap_err()).contains("unknown language"));
    assert!(
        message(checker.load_lexicon("en", b"not a lexicon".to_vec()).unwrap_err()).contains("not a Stratège lexicon")
    );
    let before = check_with(&checker, "#SocialMeida", r#"{"platform":"instagram"}"#).unwrap();
    assert_eq!(before["hashtags"][0]["spelling_checked"], false);
    assert!(message(checker.load_lexicon("fr", packed("en")).unwrap_err()).contains("not fr"));
    // The file's two words, and the allowlist's words every lexicon holds (as the native core counts them).
    let words = stratege::hashtags::lexicon::Lexicon::from_packed(&packed("en")).unwrap().word_count();
    assert!(words > 2);
    assert_eq!(checker.load_lexicon("en", packed("en")).unwrap(), words);
    assert_eq!(checker.languages(), ["en"]);
    let after = check_with(&checker, "#SocialMeida", r#"{"platform":"instagram","lang":"en"}"#).unwrap();
    assert_eq!(after["hashtags"][0]["problems"][0]["suggestion"], "#SocialMedia");
    assert!(WasmChecker::new().languages().is_empty(), "each checker has its own lexicons");
}

#[wasm_bindgen_test]
fn the_users_dictionary_is_set_once_for_every_check() {
    let mut checker = WasmChecker::new();
    checker.load_lexicon("en", packed("en")).unwrap();
    let options = r#"{"platform":"instagram","lang":"en"}"#;
    let flagged = |checker: &WasmChecker| {
        check_with(checker, "#SocialMeida", options).unwrap()["hashtags"][0]["problems"].as_array().unwrap().len()
    };
    assert_eq!(flagged(&checker), 1);
    checker.set_dictionary(vec!["#SocialMeida".into()]);
    assert_eq!(flagged(&checker), 0);
    checker.set_dictionary(Vec::new());
    assert_eq!(flagged(&checker), 1);
}

#[wasm_bindgen_test]
fn reply_tone_runs_in_wasm_with_the_shipped_models() {
    let text = "Learn to read, you 1d10t!!!";
    let wasm = report(text, r#"{"platform":"x","reply":true}"#);
    assert_eq!(wasm["tone"], native(text, serde_json::json!({ "platform": "x", "reply": true }))["tone"]);
    assert_eq!(wasm["tone"]["checked"], true);
    assert_eq!(wasm["tone"]["level"], "hostile");
    assert_eq!(
        report("Merci pour votre patience", r#"{"platform":"x","reply":true,"tone":"strict"}"#)["tone"]["level"],
        "ok"
    );
}

/// The counter's fast path unpacked as `core.js` `counterOf` reads it: `check(text, options).length`'s fields.
fn counted(checker: &WasmChecker, text: &str) -> serde_json::Value {
    let packed = checker.count(text).unwrap();
    assert!(packed.fract() == 0.0 && packed < 2f64.powi(53), "an integer exact in an f64");
    let packed = packed as u64;
    let state = ["ok", "near", "over"][(packed >> 1 & 3) as usize];
    let mut length = serde_json::json!({ "count": packed >> COUNT_SHIFT, "state": state, "valid": packed & 1 == 1 });
    let cut = packed >> 3 & ((1 << CUT_BITS) - 1);
    if cut > 0 {
        length["preview_cut"] = (cut - 1).into();
    }
    length
}

#[wasm_bindgen_test]
fn every_feed_cut_and_count_fit_the_counters_packing() {
    for platform in stratege::platform::table_json().as_array().unwrap() {
        if let Some(chars) = platform["preview"]["chars"].as_u64() {
            // The cut plus one, and a character of two UTF-16 units at the limit.
            assert!(chars + 2 < 1 << CUT_BITS, "{}", platform["id"]);
        }
    }
    assert_eq!(COUNT_SHIFT + 32, 52, "a u32 count above the other fields stays exact in an f64");
}

#[wasm_bindgen_test]
fn the_counter_fast_path_answers_the_length_of_a_check() {
    let texts = [
        "",
        "Caf\u{e9} \u{1F600} https://example.com/a \u{4E2D} #SocialMeida",
        "@ana_builds thanks! w.\u{3b5}\u{3bb}.\u{43e}\u{43d}\u{43b}\u{430}\u{439}\u{43d}/ e\u{301}",
        "a\u{FEFF}b",
        &"one\ntwo\nthree\nfour ".repeat(40),
        &"\u{4E2D}".repeat(141),
        &"word \u{1F600} ".repeat(4_000),
    ];
    let options = [
        r#"{"platform":"x"}"#,
        r#"{"platform":"x","premium":true,"length_only":true}"#,
        r#"{"platform":"x","reply":true}"#,
        r#"{"platform":"x","reply":true,"auto_mentions":false}"#,
        r#"{"platform":"instagram","tone":"off"}"#,
        r#"{"platform":"facebook","reply":true}"#,
        r#"{"platform":"mastodon"}"#,
        r#"{"platform":"threads"}"#,
        r#"{"platform":"bluesky"}"#,
    ];
    let mut checker = WasmChecker::new();
    for options in options {
        let facts: serde_json::Value =
            serde_wasm_bindgen::from_value(checker.set_counter_options(js(options)).unwrap()).unwrap();
        for text in texts {
            let length = report(text, options)["length"].clone();
            let (platform, unit, limit) = (&facts["platform"], &facts["unit"], &facts["limit"]);
            assert_eq!(platform, &report(text, options)["platform"], "{options}");
            assert_eq!((unit, limit), (&length["unit"], &length["limit"]), "{options}");
            let mut want = length;
            for field in ["limit", "unit", "over"] {
                want.as_object_mut().unwrap().remove(field);
            }
            assert_eq!(counted(&checker, text), want, "{options} {text:?}");
        }
    }
}

#[wasm_bindgen_test]
fn the_counter_needs_its_options_first_and_refuses_bad_ones() {
    let mut checker = WasmChecker::new();
    assert!(message(checker.count("hi").unwrap_err()).contains("set_counter_options"));
    let refused = checker.set_counter_options(js(r#"{"platform":"myspace"}"#)).unwrap_err();
    assert!(message(refused).contains("unknown platform"));
    assert!(checker.count("hi").is_err(), "refused options are not set");
    checker.set_counter_options(js(r#"{"platform":"x"}"#)).unwrap();
    assert!(checker.set_counter_options(js(r#"{"platform":"x","tone":"loud"}"#)).is_err());
    assert_eq!(counted(&checker, "hi")["count"], 2, "the options set before stay");
}

/// The media analysis takes a JavaScript object and the pixels as bytes, and answers what `analyse_json` answers
/// for the same request (the CLI's and scripts' JSON form), as JavaScript reads it.
#[wasm_bindgen_test]
fn media_analysis_takes_an_object_and_pixels_and_answers_as_analyse_json() {
    let request = r#"{"platform": "instagram", "purpose": "post", "images": [
        {"width": 1080, "height": 1920, "bytes": 900000, "type": "image/jpeg", "alt_missing": true,
         "analysis": {"width": 9, "height": 16}},
        {"width": 1080, "height": 1080, "bytes": 1000, "type": "image/heic", "analysis": null}]}"#;
    let mut rgba = vec![40u8; 9 * 16 * 4];
    for pixel in rgba.chunks_mut(4).take(9 * 4) {
        pixel.copy_from_slice(&[250, 20, 20, 255]); // a saturated subject at the top
    }
    let answer: serde_json::Value = serde_wasm_bindgen::from_value(analyse_media(js(request), &rgba).unwrap()).unwrap();
    assert_eq!(answer["images"][0]["surfaces"][0]["rect"], "0,285,1080,1350");
    assert_eq!(answer, as_js_reads(&stratege::media::analyse_json(request, &rgba)));
    let wrong = analyse_media(js(request), &rgba[4..]).unwrap_err();
    assert!(message(wrong).contains("shorter than 9×16 RGBA"));
    assert!(message(analyse_media(js(r#"{"images": []}"#), &[]).unwrap_err()).contains("invalid media request"));
}

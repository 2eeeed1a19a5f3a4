//! twitter-text conformance suite (read at test time from `../shared/twitter-text/`) for URL and hashtag
//! extraction and validation: every case of the sections below must pass. Indices in the yml are UTF-16 code units
//! (the JavaScript reference); the API's byte offsets are converted before comparing.

use std::path::PathBuf;

use serde_yaml::Value;
use stratege::twitter::hashtags::{extract_hashtags, is_valid_hashtag};
use stratege::twitter::urls::{extract_urls, is_valid_url};

fn load(file: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/twitter-text").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn utf16_offset(text: &str, byte: usize) -> u64 {
    text[..byte].encode_utf16().count() as u64
}

/// Runs `check` on every case of `section`; returns the number of cases and the failures' descriptions.
fn run(doc: &Value, section: &str, check: impl Fn(&str, &Value) -> Result<(), String>) -> (usize, Vec<String>) {
    let cases = doc["tests"][section].as_sequence().unwrap_or_else(|| panic!("no section {section}"));
    let failures = cases
        .iter()
        .filter_map(|case| {
            let text = case["text"].as_str().expect("text");
            check(text, &case["expected"])
                .err()
                .map(|why| format!("[{section}] {}: {text:?}: {why}", case["description"].as_str().unwrap_or("?")))
        })
        .collect();
    (cases.len(), failures)
}

fn strings(expected: &Value) -> Vec<String> {
    expected.as_sequence().map_or(Vec::new(), |s| s.iter().map(|v| v.as_str().expect("string").to_owned()).collect())
}

fn url_strings(text: &str) -> Vec<String> {
    extract_urls(text).iter().map(|u| text[u.start..u.end].to_owned()).collect()
}

fn hashtag_strings(text: &str) -> Vec<String> {
    extract_hashtags(text).iter().map(|h| text[h.start..h.end].chars().skip(1).collect()).collect()
}

fn compare<T: PartialEq + std::fmt::Debug>(got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("got {got:?}, want {want:?}"))
    }
}

/// `[{<key>: ..., indices: [a, b]}]` against (string, utf16 start, utf16 end) triples.
fn with_indices(expected: &Value, key: &str) -> Vec<(String, u64, u64)> {
    expected.as_sequence().map_or(Vec::new(), |s| {
        s.iter()
            .map(|e| {
                let idx = e["indices"].as_sequence().expect("indices");
                (e[key].as_str().expect(key).to_owned(), idx[0].as_u64().unwrap(), idx[1].as_u64().unwrap())
            })
            .collect()
    })
}

fn report(results: Vec<(&str, (usize, Vec<String>))>) {
    let mut all = Vec::new();
    for (name, (count, failures)) in results {
        println!("{name}: {} of {count} passed", count - failures.len());
        all.extend(failures);
    }
    assert!(all.is_empty(), "{} failing case(s):\n{}", all.len(), all.join("\n"));
}

#[test]
fn extract_yml_urls_and_hashtags() {
    let doc = load("extract.yml");
    let urls = |text: &str, want: &Value| compare(url_strings(text), strings(want));
    let urls_indexed = |text: &str, want: &Value| {
        let got: Vec<_> = extract_urls(text)
            .iter()
            .map(|u| (text[u.start..u.end].to_owned(), utf16_offset(text, u.start), utf16_offset(text, u.end)))
            .collect();
        compare(got, with_indices(want, "url"))
    };
    let hashtags = |text: &str, want: &Value| compare(hashtag_strings(text), strings(want));
    let hashtags_indexed = |text: &str, want: &Value| {
        let got: Vec<_> = extract_hashtags(text)
            .iter()
            .map(|h| {
                let tag = text[h.start..h.end].chars().skip(1).collect::<String>();
                (tag, utf16_offset(text, h.start), utf16_offset(text, h.end))
            })
            .collect();
        compare(got, with_indices(want, "hashtag"))
    };
    report(vec![
        ("urls", run(&doc, "urls", urls)),
        ("urls_with_indices", run(&doc, "urls_with_indices", urls_indexed)),
        ("urls_with_directional_markers", run(&doc, "urls_with_directional_markers", urls_indexed)),
        ("tco_urls_with_params", run(&doc, "tco_urls_with_params", urls)),
        ("hashtags", run(&doc, "hashtags", hashtags)),
        ("hashtags_from_astral", run(&doc, "hashtags_from_astral", hashtags)),
        ("hashtags_with_indices", run(&doc, "hashtags_with_indices", hashtags_indexed)),
    ]);
}

#[test]
fn validate_yml_hashtags_and_urls() {
    let doc = load("validate.yml");
    let boolean = |v: &Value| v.as_bool().expect("boolean");
    report(vec![
        ("hashtags", run(&doc, "hashtags", |t, want| compare(is_valid_hashtag(t), boolean(want)))),
        ("urls", run(&doc, "urls", |t, want| compare(is_valid_url(t, true), boolean(want)))),
        (
            "urls_without_protocol",
            run(&doc, "urls_without_protocol", |t, want| compare(is_valid_url(t, false), boolean(want))),
        ),
    ]);
}

#[test]
fn tlds_yml_every_tld() {
    let doc = load("tlds.yml");
    let sections: Vec<String> =
        doc["tests"].as_mapping().expect("tests").keys().map(|k| k.as_str().expect("section").to_owned()).collect();
    report(
        sections
            .iter()
            .map(|s| (s.as_str(), run(&doc, s, |text, want| compare(url_strings(text), strings(want)))))
            .collect(),
    );
}

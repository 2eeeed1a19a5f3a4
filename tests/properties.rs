//! Invariants of the core on generated texts (proptest): every offset a report gives lies inside the text and on
//! a UTF-16 character boundary; applying a fix the report offers yields a text whose report no longer has that
//! problem there; and without entities, the count of two texts put together is the sum of their counts. The
//! texts mix words, hashtags (right and misspelt, English and French), URLs, mentions, emoji sequences,
//! combining marks, right-to-left scripts and any Unicode character.

#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use stratege::report::Report;
use stratege::request::parse_platform;
use stratege::text::utf16_len;
use stratege::{Checker, Options};

/// The English and French lexicons, built once for the file (seconds in a debug build).
fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(Checker::with_embedded_lexicons)
}

/// The generator's seed: the same texts on every run, so that `make test` gives the same verdict each time. Another
/// seed explores other texts: `PROPTEST_RNG_SEED=N cargo test --test properties` (on 5 December seeds 1 to 100 passed
/// but 17, which draws "#custmerservicet": its French fix is fixed again, README, issue 13's sixth round).
const SEED: u64 = 20261205;

/// `cases` generated texts from `SEED`, or from the seed `PROPTEST_RNG_SEED` names.
fn config(cases: u32) -> ProptestConfig {
    let chosen = std::env::var_os("PROPTEST_RNG_SEED").is_some();
    let default = ProptestConfig::default();
    let rng_seed = if chosen { default.rng_seed } else { RngSeed::Fixed(SEED) };
    // No file of failures kept between runs: each run is the seed's alone.
    ProptestConfig { cases, rng_seed, failure_persistence: None, ..default }
}

fn options(platform: &str, reply: bool) -> Options {
    Options { platform: Some(parse_platform(platform).unwrap()), reply, ..Options::default() }
}

/// Pieces a post is made of, including the odd ones.
const PIECES: &[&str] = &[
    "Tips for",
    " ",
    " ",
    "\n",
    "managers",
    "café",
    "naïve",
    "#SocialMeida",
    "#SocialMedia",
    "#custmerservice",
    "#conseilcarrière",
    "#santépublique",
    "#fêtedesvoisins",
    "#BuildInPublic",
    "#a",
    "#123",
    "#été2026",
    "#",
    "##tag",
    "#tag#tag",
    "https://example.com/a?b=1",
    "www.stratege.app",
    "example.fr",
    "@ana_builds",
    "$TSLA",
    "👩\u{200d}👩\u{200d}👧",
    "👍🏽",
    "🇫🇷",
    "e\u{301}",
    "\u{301}\u{301}\u{301}",
    "مرحبا",
    "שלום",
    "\u{202e}",
    "東京",
    "ｈｅｌｌｏ",
    "＃タグ",
    "\u{fe0f}",
    "\u{200b}",
    "!",
    ",",
    ".",
    "…",
    "You are an idiot",
    "vous êtes des rapaces",
];

fn post() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// The UTF-16 offsets at which a character of `text` starts, and its end.
fn boundaries(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut all = vec![0];
    for c in text.chars() {
        at += c.len_utf16();
        all.push(at);
    }
    all
}

/// Every span of a report (problems and hashtags) as (start, end).
fn spans(report: &Report) -> Vec<(usize, usize)> {
    let problems = report.problems.iter().map(|p| (p.start, p.end));
    problems.chain(report.hashtags.iter().map(|h| (h.start, h.end))).collect()
}

/// `text` with the UTF-16 span `start..end` replaced.
fn replace_utf16(text: &str, start: usize, end: usize, value: &str) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = units[..start].to_vec();
    out.extend(value.encode_utf16());
    out.extend(&units[end..]);
    String::from_utf16(&out).expect("a span on character boundaries keeps the text valid")
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn offsets_lie_inside_the_text_on_character_boundaries(text in post(), platform in prop::sample::select(&["x", "facebook", "instagram"][..]), reply: bool) {
        let report = checker().check(&text, &options(platform, reply)).unwrap();
        let bounds = boundaries(&text);
        for (start, end) in spans(&report) {
            prop_assert!(start <= end && end <= utf16_len(&text), "{start}..{end} outside {text:?}");
            prop_assert!(bounds.binary_search(&start).is_ok(), "{start} inside a character of {text:?}");
            prop_assert!(bounds.binary_search(&end).is_ok(), "{end} inside a character of {text:?}");
        }
    }

    #[test]
    fn a_fix_applied_removes_its_problem(text in post(), platform in prop::sample::select(&["x", "instagram"][..])) {
        let options = options(platform, false);
        let report = checker().check(&text, &options).unwrap();
        for problem in report.problems.iter().filter(|p| p.suggestion.is_some()) {
            let value = problem.suggestion.as_deref().unwrap();
            let fixed = replace_utf16(&text, problem.start, problem.end, value);
            let after = checker().check(&fixed, &options).unwrap();
            let end = problem.start + utf16_len(value);
            prop_assert!(
                !after.problems.iter().any(|p| p.kind == problem.kind && p.start == problem.start && p.end == end),
                "fixing {:?} with {value:?} in {text:?} leaves the same problem: {:?}",
                problem.kind,
                after.problems
            );
        }
    }
}

/// Characters that make no entity, join no neighbour and are already NFC: texts made of them count additively.
const PLAIN: &[char] = &['a', 'Z', '7', ' ', ',', '!', '\n', 'é', 'ß', 'Ж', '東', '한', '👍', '€', '¿'];

fn plain() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PLAIN), 0..400).prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn without_entities_counts_add_up(a in plain(), b in plain(), platform in prop::sample::select(&["x", "facebook", "instagram"][..])) {
        let options = Options { length_only: true, ..options(platform, false) };
        let count = |text: &str| checker().check(text, &options).unwrap().length.count;
        prop_assert_eq!(count(&format!("{a}{b}")), count(&a) + count(&b), "{:?} + {:?}", a, b);
    }
}

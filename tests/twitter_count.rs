//! Conformance of the X weighted length with twitter-text's own suite (the three counter sections of
//! `validate.yml`, read from `../shared/twitter-text/` at test time), and the emoji policy beyond it: every RGI
//! sequence of Unicode 16 weighs 2, malformed sequences count as twitter-text 3.1.0 counts them.
use serde_yaml::Value;
use stratege::twitter::emoji::emoji_at;
use stratege::twitter::weighted::{parse_tweet, parse_tweet_with, v2, v3, Config, ParsedTweet};

/// The project's copy of the counting configuration is twitter-text's, value for value, and is what the core uses.
#[test]
fn v3_configuration_is_the_reference() {
    let read = |path: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        serde_json::from_str(&text).expect("JSON")
    };
    let ours = read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/twitter/v3.json"));
    assert_eq!(ours, read(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/twitter-text/v3.json")));
    let config = v3();
    let ranges: Vec<serde_json::Value> =
        config.ranges.iter().map(|r| serde_json::json!({"start": r.start, "end": r.end, "weight": r.weight})).collect();
    assert_eq!(ours["ranges"], serde_json::Value::from(ranges));
    assert_eq!(ours["maxWeightedTweetLength"], config.max_weighted_length);
    assert_eq!(ours["scale"], config.scale);
    assert_eq!(ours["defaultWeight"], config.default_weight);
    assert_eq!(ours["emojiParsingEnabled"], config.emoji_parsing);
    assert_eq!(ours["transformedURLLength"], config.transformed_url_length);
    assert!(!v2().emoji_parsing);
}

fn validate_yml() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/twitter-text/validate.yml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_yaml::from_str(&text).expect("validate.yml parses")
}

/// Runs every case of `section` with `config`; returns how many cases ran, panics listing each failing one.
fn run_section(section: &str, config: &Config) -> usize {
    let yml = validate_yml();
    let cases = yml["tests"][section].as_sequence().unwrap_or_else(|| panic!("no section {section}"));
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases {
        let description = case["description"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let expected = &case["expected"];
        let got = parse_tweet_with(text, config);
        let fields: [(&str, Value); 7] = [
            ("weightedLength", got.weighted_length.into()),
            ("valid", got.valid.into()),
            ("permillage", got.permillage.into()),
            ("displayRangeStart", got.display_range_start.into()),
            ("displayRangeEnd", got.display_range_end.into()),
            ("validRangeStart", got.valid_range_start.into()),
            ("validRangeEnd", got.valid_range_end.into()),
        ];
        let expected_fields = expected.as_mapping().map_or(0, |m| m.len());
        assert_eq!(expected_fields, fields.len(), "{section} / {description}: unexpected fields {expected:?}");
        for (name, value) in fields {
            if expected[name] != value {
                failures
                    .push(format!("{section} / {description}: {name} expected {:?}, got {value:?}", expected[name]));
            }
        }
    }
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
    cases.len()
}

#[test]
fn weighted_tweets_counter_v2() {
    assert_eq!(run_section("WeightedTweetsCounterTest", &v2()), 20);
}

#[test]
fn weighted_tweets_with_discounted_emoji_v3() {
    assert_eq!(run_section("WeightedTweetsWithDiscountedEmojiCounterTest", &v3()), 22);
}

#[test]
fn unicode_directional_marker_counter_v3() {
    assert_eq!(run_section("UnicodeDirectionalMarkerCounterTest", &v3()), 2);
}

fn weight(text: &str) -> u32 {
    parse_tweet(text).weighted_length
}

#[test]
fn unicode_16_sequences_newer_than_twemoji_weigh_2() {
    for seq in [
        "🐦‍⬛", // black bird, 15.0
        "🧑‍🧑‍🧒", // family adult adult child, 15.1
        "🧑‍🧑‍🧒‍🧒", // 15.1
        "🍋‍🟩", // lime, 15.1
        "🙂‍↕️", // head shaking vertically, 15.1
        "🚶🏽‍➡️", // person walking facing right, 15.1
        "🧑🏻‍🤝‍🧑🏿", // people holding hands with skin tones, 12.0
        "🧑‍🎤", // singer, 12.1
        "🫨", // shaking face, 15.0
        "🫩",  // face with bags under eyes, 16.0
        "🇨🇶", // flag of Sark, 16.0
        "🫆",  // fingerprint, 16.0
        "🤝🏽", // handshake with skin tone, 14.0
        "❤️‍🔥", // heart on fire, 13.1
        "👁️‍🗨️", // eye in speech bubble, fully qualified
    ] {
        assert_eq!(emoji_at(seq, 0), Some(seq.len()), "{seq:?} is one sequence");
        assert_eq!(weight(seq), 2, "{seq:?}");
        assert_eq!(weight(&format!("a{seq}b")), 4, "a{seq:?}b");
    }
    assert_eq!(weight("🐦‍⬛🐦‍⬛🐦‍⬛"), 6);
}

#[test]
fn malformed_sequences_follow_twitter_text() {
    // Expected values: twitter-text 3.1.0's parseTweet(text).weightedLength.
    for (text, expected) in [
        ("🏽", 2), // lone skin-tone modifier
        ("a🏽", 3),
        ("🏽🏽", 4), // modifier on a modifier
        ("🇦", 2),    // lone regional indicator
        ("🇦🇦", 4),   // two that are no flag
        ("🇺🇸🇦", 4),  // flag then a lone indicator
        ("1⃣", 2),    // keycap without U+FE0F
        ("1️⃣", 2),
        ("1\u{FE0F}", 3), // digit, then a lone U+FE0F
        ("©", 1),         // text-presentation characters
        ("©\u{FE0F}", 2),
        ("©\u{FE0E}", 3),
        ("™", 2),
        ("™\u{FE0F}", 2),
        ("↔", 2),
        ("↔\u{FE0F}", 2),
        ("⌚\u{FE0F}", 2),  // emoji presentation with a superfluous U+FE0F
        ("☝\u{FE0F}🏽", 2), // U+FE0F between base and modifier
        ("⛷🏽", 2),         // non-base with a modifier, grouped by the reference
        ("👁‍🗨", 2),          // unqualified ZWJ sequence known to the reference
        ("👨‍🦰‍🦰", 5),          // RGI part, ZWJ (1), then a hair component (2)
        ("😷\u{200D}", 3),  // trailing ZWJ
        ("\u{200D}😷", 3),  // leading ZWJ
        ("👩‍👩‍👩", 8),          // a chain of non-RGI parts: 2 + 1 + 2 + 1 + 2
    ] {
        assert_eq!(weight(text), expected, "{text:?}");
    }
}

#[test]
fn premium_limit_and_invalid_characters() {
    let long = "x".repeat(25_000);
    assert!(!parse_tweet(&long).valid);
    let premium = parse_tweet_with(&long, &v3().with_limit(25_000));
    assert!(premium.valid);
    assert_eq!(premium.weighted_length, 25_000);
    assert_eq!(premium.permillage, 1000);
    assert!(!parse_tweet_with(&format!("{long}y"), &v3().with_limit(25_000)).valid);

    let parsed: ParsedTweet = parse_tweet("a\u{FEFF}b\u{FFFE}é\u{FFFF}");
    assert!(!parsed.valid);
    assert_eq!(parsed.invalid_chars, vec![1, 5, 10]);
    assert_eq!(parse_tweet("e\u{301}\u{FEFF}").invalid_chars, vec![2], "offsets are in the NFC text");
    let empty = parse_tweet("");
    assert_eq!((empty.weighted_length, empty.valid, empty.valid_range_end, empty.display_range_end), (0, false, 0, 0));
}

#[test]
fn urls_without_protocol_are_skipped_by_the_length_of_their_string() {
    // twitter-text reports a URL without protocol as its last ASCII domain plus the path (`w.ελ/`) over the indices
    // of the whole match, and `parseTweet` skips the string's length: the rest is counted character by character.
    // Expected values: twitter-text 3.1.0's parseTweet(text).weightedLength (found by tests/diff/x-count.test.mjs).
    for (text, expected) in [
        ("w.ελ.онлайн/", 30),
        ("w.ελ.онлайн", 30),
        ("d.ファッション.淡马锡/", 30),
        ("x a.com.ж.b.ελ.онлайн/path?q=1 y", 60),
        ("ab.cd0😀ab.cd/x", 32),    // a repeated domain reported at its first occurrence
        ("w.ελ.😀.онлайн/a", 34),   // the skip ends inside 😀: its low surrogate weighs 2
        ("w.ελ.😀.онлайн/ab", 33),  // the skip ends right after 😀
        ("w.ελ.👨‍👩‍👧.онлайн/abc", 39), // inside a ZWJ sequence: the rest is no emoji of its own
        ("a.онлайн/", 23),
    ] {
        assert_eq!(weight(text), expected, "{text:?}");
    }
}

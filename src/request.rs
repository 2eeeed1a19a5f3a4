//! What a check is asked, as one type read two ways: `Options` are the flags of `stratege check` (clap) and the
//! fields of a JSON request (serde): a line of `stratege check --jsonl` (contracts.md §2) or the options the
//! extension passes with a text. A JSON line is a `Request`: the text and its options.

use clap::Args;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

use crate::lang::Lang;
use crate::platform::{Platform, RULES};
use crate::tone::Sensitivity;

/// How to check a text.
#[derive(Args, Clone, Debug, Default, Deserialize)]
pub struct Options {
    /// The platform: x, facebook, instagram, threads, bluesky, mastodon or linkedin (required in a JSON request).
    #[arg(long, value_parser = parse_platform)]
    #[serde(deserialize_with = "required_platform")]
    pub platform: Option<Platform>,
    /// The text is a reply or comment (its limit applies; its tone is checked unless --tone off).
    #[arg(long)]
    #[serde(default)]
    pub reply: bool,
    /// The language of the text, en or fr (default: detected).
    #[arg(long)]
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The account has X Premium: long posts up to 25,000.
    #[arg(long)]
    #[serde(default)]
    pub premium: bool,
    /// Leading @mentions of a reply were filled in by the platform and do not count (default: the value of reply).
    #[arg(long, value_name = "true|false")]
    #[serde(default)]
    pub auto_mentions: Option<bool>,
    /// Tone sensitivity: off, relaxed or strict (default: relaxed for replies, off for new posts).
    #[arg(long, value_parser = parse_tone, value_name = "off|relaxed|strict")]
    #[serde(default, deserialize_with = "tone")]
    pub tone: Option<Sensitivity>,
    /// Most hashtags wanted per post (default: the platform's rule or best practice).
    #[arg(long, value_name = "N")]
    #[serde(default)]
    pub hashtag_limit: Option<u32>,
    /// A word of your own, never flagged as misspelt in hashtags (repeat for more); added to the checker's
    /// dictionary for this text.
    #[arg(long = "dictionary", value_name = "WORD")]
    #[serde(default)]
    pub dictionary: Vec<String>,
    /// The language the reader of the tips speaks, en or fr (default: the text's language, else English): the
    /// extension passes its interface's language.
    #[arg(long, value_name = "en|fr")]
    #[serde(default)]
    pub ui_lang: Option<Lang>,
    /// Only the length is wanted (the live counter): hashtags and tone are left out of the report.
    #[arg(long)]
    #[serde(default)]
    pub length_only: bool,
}

/// One text to check with its options: a line of `stratege check --jsonl`. Unknown fields are ignored.
#[derive(Clone, Debug, Deserialize)]
pub struct Request {
    pub text: String,
    #[serde(flatten)]
    pub options: Options,
}

impl Request {
    /// Reads a JSON request. Unpaired UTF-16 surrogates (`"\ud83d"` alone), which JSON allows but no text can hold,
    /// are read as U+FFFD and counted, so one broken emoji does not lose the whole line. Answers the request and
    /// that count, or why the line is no request.
    pub fn from_json(line: &str) -> Result<(Request, usize), String> {
        match serde_json::from_str::<Request>(line) {
            Ok(request) => Ok((request, 0)),
            Err(e) => match repair_lone_surrogates(line) {
                Some((fixed, n)) => serde_json::from_str(&fixed).map(|r| (r, n)).map_err(|_| describe(e)),
                None => Err(describe(e)),
            },
        }
    }
}

/// The platform of an id such as `x` (also `twitter`, any case), or why not.
pub fn parse_platform(id: &str) -> Result<Platform, String> {
    Platform::from_id(id).ok_or_else(|| {
        let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        format!("unknown platform {id:?} (known: {})", known.join(", "))
    })
}

fn parse_tone(setting: &str) -> Result<Sensitivity, String> {
    Sensitivity::of_request(Some(setting), false)
}

fn required_platform<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Platform>, D::Error> {
    parse_platform(&String::deserialize(d)?).map(Some).map_err(D::Error::custom)
}

fn tone<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Sensitivity>, D::Error> {
    Option::<String>::deserialize(d)?.map(|s| parse_tone(&s)).transpose().map_err(D::Error::custom)
}

fn describe(e: serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => format!("not valid JSON: {e}"),
        Category::Data => format!("invalid request: {e}"),
    }
}

/// Rewrites `\uD800`–`\uDFFF` escapes that are not part of a pair as `\uFFFD`; None when there are none.
fn repair_lone_surrogates(line: &str) -> Option<(String, usize)> {
    fn escape_at(b: &[u8], i: usize) -> Option<u16> {
        let hex = b.get(i..i + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    }
    let b = line.as_bytes();
    let (mut out, mut i, mut last, mut repaired) = (String::with_capacity(line.len()), 0, 0, 0);
    while i < b.len() {
        if b[i] == b'\\' {
            let Some(unit) = escape_at(b, i) else {
                i += 2; // any other escape: skip the escaped byte so `\\u` is not read as an escape
                continue;
            };
            let paired = match unit {
                0xD800..=0xDBFF => matches!(escape_at(b, i + 6), Some(0xDC00..=0xDFFF)),
                0xDC00..=0xDFFF => false,
                _ => true,
            };
            if paired && (0xD800..=0xDBFF).contains(&unit) {
                i += 12;
            } else if paired {
                i += 6;
            } else {
                out.push_str(&line[last..i]);
                out.push_str("\\uFFFD");
                i += 6;
                last = i;
                repaired += 1;
            }
        } else {
            i += 1;
        }
    }
    out.push_str(&line[last..]);
    (repaired > 0).then_some((out, repaired))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        options: Options,
    }

    #[test]
    fn flags_and_json_fill_the_same_options() {
        let flags = Flags::try_parse_from([
            "stratege",
            "--platform=Twitter",
            "--reply",
            "--lang",
            "fr",
            "--tone",
            "strict",
            "--hashtag-limit",
            "3",
            "--dictionary",
            "#Zalando",
            "--dictionary",
            "doctolib",
            "--length-only",
            "--ui-lang",
            "en",
            "--auto-mentions",
            "false",
        ])
        .unwrap()
        .options;
        let (json, repaired) = Request::from_json(
            r##"{"platform":"x","text":"hi","reply":true,"lang":"fr","tone":"strict","hashtag_limit":3,
                "dictionary":["#Zalando","doctolib"],"length_only":true,"auto_mentions":false,"ui_lang":"en","id":42}"##,
        )
        .unwrap();
        assert_eq!(repaired, 0);
        assert_eq!(format!("{flags:?}"), format!("{:?}", json.options));
        assert_eq!(json.options.platform, Some(Platform::X));
        assert_eq!(json.options.tone, Some(Sensitivity::Strict));
    }

    #[test]
    fn bad_values_are_refused_with_their_reason_both_ways() {
        let json = |line: &str| Request::from_json(line).unwrap_err();
        assert!(json(r#"{"platform":"myspace","text":"hi"}"#).contains("unknown platform \"myspace\""));
        assert!(json(r#"{"platform":"x","text":"hi","lang":"de"}"#).contains("unknown language"));
        assert!(json(r#"{"platform":"x","text":"hi","tone":"loud"}"#).contains("unknown tone sensitivity"));
        assert!(json(r#"{"text":"hi"}"#).contains("missing field `platform`"));
        assert!(json(r#"{"platform":"x"}"#).starts_with("invalid request"));
        assert!(json("not json").starts_with("not valid JSON"));
        let flags = |args: &[&str]| Flags::try_parse_from([&["stratege"], args].concat()).err().unwrap().to_string();
        assert!(flags(&["--platform", "myspace"]).contains("unknown platform"));
        assert!(flags(&["--platform", "x", "--tone", "loud"]).contains("unknown tone sensitivity"));
        assert!(flags(&["--platform", "x", "--lang", "de"]).contains("unknown language"));
    }

    #[test]
    fn lone_surrogates_are_read_as_replacement_characters_and_counted() {
        let (request, repaired) =
            Request::from_json(r#"{"platform":"facebook","text":"a\ud83d b \ude00\\ud83d \ud83d\ude00"}"#).unwrap();
        assert_eq!(repaired, 2);
        assert_eq!(request.text, "a\u{FFFD} b \u{FFFD}\\ud83d \u{1F600}");
    }
}

//! Checks one text for one platform: the request the CLI and the extension send, and the Report it yields.

use serde::Deserialize;

use crate::lang::Lang;
use crate::measure::{self, Options};
use crate::platform::Platform;
use crate::report::{Length, LengthState, Problem, Report, Severity, Tone};
use crate::tone::{self, Sensitivity};
use crate::twitter::entities::Entities;

/// One text to check, as a JSON line of `stratege check --jsonl` (contracts.md §2) or a call from the extension.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Request {
    pub platform: String,
    pub text: String,
    #[serde(default)]
    pub reply: bool,
    /// "en" or "fr"; detected when absent.
    #[serde(default)]
    pub lang: Option<String>,
    /// The account has X Premium: long posts up to 25,000.
    #[serde(default)]
    pub premium: bool,
    /// Leading @mentions of a reply were filled in by the platform and do not count (default: `reply`).
    #[serde(default)]
    pub auto_mentions: Option<bool>,
    /// Tone sensitivity: "off", "relaxed" or "strict". Default: "relaxed" for replies, "off" for new posts.
    #[serde(default)]
    pub tone: Option<String>,
    /// Most hashtags the user wants per post (default: the platform's rule or best practice).
    #[serde(default)]
    pub hashtag_limit: Option<u32>,
    /// The user's own words: never flagged as misspelt in hashtags.
    #[serde(default)]
    pub dictionary: Vec<String>,
    /// Only the length is wanted (the live counter): hashtags and tone are left out of the report.
    #[serde(default)]
    pub length_only: bool,
}

/// Checks a request; the error says why it cannot be checked (unknown platform or language).
pub fn check(request: &Request) -> Result<Report, String> {
    let platform = Platform::from_id(&request.platform).ok_or_else(|| {
        let known: Vec<&str> = crate::platform::RULES.iter().map(|r| r.id).collect();
        format!("unknown platform {:?} (known: {})", request.platform, known.join(", "))
    })?;
    let lang = match &request.lang {
        Some(id) => Some(Lang::from_id(id).ok_or_else(|| format!("unknown language {id:?} (known: en, fr)"))?),
        None => None,
    };
    let sensitivity = Sensitivity::of_request(request.tone.as_deref(), request.reply)?;
    let options = Options {
        reply: request.reply,
        premium: request.premium,
        auto_mentions: request.auto_mentions.unwrap_or(request.reply),
    };
    let hashtags =
        crate::hashtags::Settings { platform, lang, limit: request.hashtag_limit, dictionary: &request.dictionary };
    let mut report = report(platform, &request.text, &options, (!request.length_only).then_some(&hashtags));
    if sensitivity != Sensitivity::Off && !request.length_only {
        let lang = lang.or_else(|| crate::lang::detect(&request.text));
        report.tone = tone::analyse(&request.text, lang, sensitivity);
    }
    Ok(report)
}

/// The report of a text: its length, and its hashtags unless only the length is wanted (`hashtags` None).
fn report(platform: Platform, text: &str, options: &Options, hashtags: Option<&crate::hashtags::Settings>) -> Report {
    let rules = platform.rules();
    let entities = Entities::new(text);
    let m = measure::measure(rules, &entities, options);
    let text_len = crate::text::utf16_len(text);
    let mut problems = Vec::new();
    if let Some(from) = m.over_from {
        problems.push(Problem {
            kind: "length",
            severity: Severity::Error,
            message: format!(
                "{} is over the {} limit of {} {} by {}",
                m.count,
                rules.name,
                m.limit,
                rules.unit.name(),
                m.count - m.limit
            ),
            start: from,
            end: text_len,
            suggestion: None,
        });
    }
    for &(at, c) in &m.invalid_chars {
        problems.push(Problem {
            kind: "invalid-char",
            severity: Severity::Error,
            message: format!("U+{:04X} is not allowed in a post on {}: remove it", u32::from(c), rules.name),
            start: at,
            end: at + 1,
            suggestion: None,
        });
    }
    if let Some(cut) = m.preview_cut {
        let p = rules.preview.expect("a cut comes from a preview rule");
        problems.push(Problem {
            kind: "preview-cut",
            severity: Severity::Info,
            message: format!(
                "The feed shows the first {} characters or {} lines; the rest is behind \u{201c}more\u{201d}",
                p.chars, p.lines
            ),
            start: cut,
            end: text_len,
            suggestion: None,
        });
    }
    let tags = hashtags.map(|settings| crate::hashtags::analyse(&entities, settings)).unwrap_or_default();
    problems.extend(tags.problems);
    Report {
        platform,
        length: Length {
            count: m.count,
            limit: m.limit,
            over: m.count > m.limit,
            valid: m.count > 0 && m.count <= m.limit && m.invalid_chars.is_empty(),
            state: LengthState::of(m.count, m.limit),
            unit: rules.unit.name(),
            preview_cut: m.preview_cut,
        },
        hashtags: tags.hashtags,
        tone: Tone::not_checked(),
        problems,
        lang: tags.lang,
        hashtag_languages: tags.languages,
    }
}

/// Checks a request given as JSON and answers JSON: the report, or `{"error": "<why>"}`.
/// Unpaired UTF-16 surrogates (`"\ud83d"` alone), which JSON allows but no text can hold, are read as U+FFFD
/// and reported, so one broken emoji does not lose the whole line.
pub fn check_json(line: &str) -> String {
    let (request, repaired) = match serde_json::from_str::<Request>(line) {
        Ok(request) => (Ok(request), 0),
        Err(e) => match repair_lone_surrogates(line) {
            Some((fixed, n)) => (serde_json::from_str::<Request>(&fixed).map_err(|_| e), n),
            None => (Err(e), 0),
        },
    };
    let answer = request.map_err(describe_json_error).and_then(|request| {
        let mut report = check(&request)?;
        if repaired > 0 {
            report.problems.push(Problem {
                kind: "lone-surrogate",
                severity: Severity::Warning,
                message: format!("{repaired} broken character(s) (unpaired UTF-16 surrogates) were read as U+FFFD"),
                start: 0,
                end: 0,
                suggestion: None,
            });
        }
        Ok(report)
    });
    answer_json(answer)
}

/// A report as JSON, or `{"error": "<why>"}`: what the CLI prints per line and the wasm `check` returns.
pub fn answer_json(answer: Result<Report, String>) -> String {
    match answer {
        Ok(report) => serde_json::to_string(&report).expect("a report always serializes"),
        Err(why) => serde_json::json!({ "error": why }).to_string(),
    }
}

fn describe_json_error(e: serde_json::Error) -> String {
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

    fn req(platform: &str, text: &str) -> Request {
        Request { platform: platform.into(), text: text.into(), ..Request::default() }
    }

    #[test]
    fn report_has_every_contract_field() {
        let json: serde_json::Value =
            serde_json::from_str(&check_json(r#"{"platform":"x","text":"Tips for #SocialMeida"}"#)).unwrap();
        assert_eq!(json["platform"], "x");
        assert_eq!(json["length"]["count"], 21);
        assert_eq!(json["length"]["limit"], 280);
        assert_eq!(json["length"]["over"], false);
        assert!(json["hashtags"].is_array());
        assert_eq!(json["tone"]["level"], "ok");
        assert_eq!(json["tone"]["score"], 0.0);
        assert!(json["tone"]["reasons"].is_array());
        assert!(json["problems"].is_array());
    }

    #[test]
    fn over_the_limit_is_an_error_spanning_the_excess() {
        let report = check(&req("x", &"a".repeat(300))).unwrap();
        assert!(report.length.over);
        assert_eq!(report.length.state, LengthState::Over);
        let p = &report.problems[0];
        assert_eq!((p.kind, p.severity, p.start, p.end), ("length", Severity::Error, 280, 300));
    }

    #[test]
    fn bad_requests_get_a_reason() {
        assert!(check_json(r#"{"platform":"myspace","text":"hi"}"#).contains("unknown platform"));
        assert!(check_json(r#"{"platform":"x","text":"hi","lang":"de"}"#).contains("unknown language"));
        assert!(check_json("not json").starts_with(r#"{"error":"not valid JSON"#));
        assert!(check_json(r#"{"platform":"x"}"#).contains("error"));
    }

    #[test]
    fn lone_surrogates_are_read_as_replacement_characters() {
        let json: serde_json::Value = serde_json::from_str(&check_json(
            r#"{"platform":"facebook","text":"a\ud83d b \ude00\\ud83d \ud83d\ude00"}"#,
        ))
        .unwrap();
        // "a\u{FFFD} b \u{FFFD}\\ud83d 😀": the escaped backslash keeps its literal text.
        assert_eq!(json["length"]["count"], 15);
        assert_eq!(json["problems"][0]["kind"], "lone-surrogate");
        assert!(json["problems"][0]["message"].as_str().unwrap().starts_with("2 broken"));
    }

    #[test]
    fn tone_is_checked_for_replies_by_default_and_for_posts_on_request() {
        let mut request = req("x", "You are an idiot");
        assert!(!check(&request).unwrap().tone.checked, "new posts: tone off by default");
        request.reply = true;
        let tone = check(&request).unwrap().tone;
        assert!(tone.checked && tone.reasons.iter().any(|r| r.kind == "insult"));
        request.reply = false;
        request.tone = Some("strict".into());
        assert!(check(&request).unwrap().tone.checked);
        request.tone = Some("off".into());
        request.reply = true;
        assert!(!check(&request).unwrap().tone.checked);
        request.tone = Some("loud".into());
        assert!(check(&request).unwrap_err().contains("unknown tone sensitivity"));
    }

    #[test]
    fn the_requested_language_picks_the_lists_and_the_tips() {
        let mut request = req("facebook", "Bande de nuls");
        request.reply = true;
        request.lang = Some("fr".into());
        let tone = check(&request).unwrap().tone;
        assert_eq!(tone.lang, Some(Lang::Fr));
        assert!(tone.reasons[0].tip.contains("\u{ab}"), "{:?}", tone.reasons);
    }

    #[test]
    fn instagram_reports_the_feed_cut() {
        let report = check(&req("instagram", &"word ".repeat(40))).unwrap();
        assert_eq!(report.length.preview_cut, Some(125));
        assert!(report.problems.iter().any(|p| p.kind == "preview-cut" && p.severity == Severity::Info));
    }

    #[test]
    fn the_counter_lane_gets_the_length_only() {
        let mut request = req("x", "You idiot #SocialMeida #a #b");
        request.reply = true;
        request.length_only = true;
        let report = check(&request).unwrap();
        assert!(report.hashtags.is_empty() && !report.tone.checked);
        assert_eq!(report.length.count, 28);
    }

    #[test]
    fn the_instagram_hashtag_limit_is_the_rule_unless_the_user_sets_another() {
        let six = "#travel #food #photography #nature #sunset #friends";
        let limited = |limit: Option<u32>| {
            let mut request = req("instagram", six);
            request.hashtag_limit = limit;
            check(&request).unwrap().problems.iter().filter(|p| p.kind == "hashtag-limit").count()
        };
        assert_eq!(limited(None), 1);
        assert_eq!(limited(Some(6)), 0);
        assert_eq!(limited(Some(3)), 3);
    }
}

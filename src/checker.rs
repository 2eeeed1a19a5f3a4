//! The `Checker`: what stays the same from one check to the next (the hashtag lexicons, the user's dictionary),
//! owned by one object that checks texts. The CLI builds one; the extension's service worker holds one with the
//! lexicons, the page's counter one without; each test builds its own.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::checks::{self, Input};
use crate::hashtags::{self, lexicon::Lexicon};
use crate::lang::{self, Lang};
use crate::measure;
use crate::report::{Report, Tone};
use crate::request::{Options, Request};
use crate::tone::Sensitivity;
use crate::twitter::entities::Entities;

/// Why a text without a platform cannot be checked.
pub const NO_PLATFORM: &str = "no platform: say which (x, facebook, instagram, ...)";

/// Checks texts with its lexicons and the user's dictionary. Cloning shares the lexicons.
#[derive(Clone, Default)]
pub struct Checker {
    /// At most one per language.
    lexicons: Vec<Arc<Lexicon>>,
    /// The user's words as tags are compared with them (`hashtags::dictionary_word`).
    dictionary: BTreeSet<String>,
}

impl Checker {
    /// A checker without lexicons (hashtags are found, their spelling left unchecked) and with no user words.
    pub fn new() -> Checker {
        Checker::default()
    }

    /// A checker with the lexicons of `data/hashtags/` compiled into native builds (tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_embedded_lexicons() -> Checker {
        let mut checker = Checker::new();
        checker.load_embedded_lexicons();
        checker
    }

    /// Loads the lexicons of `data/hashtags/` compiled into native builds (the CLI, tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load_embedded_lexicons(&mut self) {
        for lang in Lang::ALL {
            self.load_lexicon(hashtags::lexicon::embedded(lang));
        }
    }

    /// Checks hashtags' spelling with `lexicon` from now on, replacing any lexicon of its language.
    pub fn load_lexicon(&mut self, lexicon: Lexicon) {
        self.lexicons.retain(|l| l.lang != lexicon.lang);
        self.lexicons.push(Arc::new(lexicon));
    }

    /// The lexicon of `lang`, when loaded.
    pub fn lexicon(&self, lang: Lang) -> Option<&Lexicon> {
        self.lexicons.iter().find(|l| l.lang == lang).map(|l| &**l)
    }

    /// The languages whose lexicon is loaded.
    pub fn languages(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|&l| self.lexicon(l).is_some()).collect()
    }

    /// The user's own words (with or without `#`, any case), never flagged as misspelt: replaces the earlier ones.
    pub fn set_dictionary<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        self.dictionary = words.into_iter().map(|w| hashtags::dictionary_word(w.as_ref())).collect();
    }

    /// Checks `text`; the error says why it cannot be (no platform).
    pub fn check(&self, text: &str, options: &Options) -> Result<Report, String> {
        self.check_received(text, 0, options)
    }

    /// Checks a text received with `lone_surrogates` unpaired UTF-16 surrogates read as U+FFFD (JSON and
    /// JavaScript strings may hold them): the report says so. The one path of the CLI and the WebAssembly.
    pub fn check_received(&self, text: &str, lone_surrogates: usize, options: &Options) -> Result<Report, String> {
        let platform = options.platform.ok_or(NO_PLATFORM)?;
        let rules = platform.rules();
        let entities = Entities::new(text);
        let measured = measure::measure(
            rules,
            &entities,
            &measure::Options {
                reply: options.reply,
                premium: options.premium,
                auto_mentions: options.auto_mentions.unwrap_or(options.reply),
            },
        );
        let tone = match options.tone {
            _ if options.length_only => Sensitivity::Off,
            Some(setting) => setting,
            None => Sensitivity::of_request(None, options.reply)?,
        };
        let (lang, tags) = if options.length_only {
            (None, hashtags::Tags::default())
        } else {
            let lang = options.lang.or_else(|| lang::detect(text));
            let extra: Vec<String> = options.dictionary.iter().map(|w| hashtags::dictionary_word(w)).collect();
            let users = |lower: &str| self.dictionary.contains(lower) || extra.iter().any(|w| w == lower);
            (lang, hashtags::read(&entities, platform, lang, |l| self.lexicon(l), &users))
        };
        let mut report = Report {
            platform,
            length: measured.length(rules.unit),
            hashtags: tags.tags.iter().map(hashtags::Tag::to_report).collect(),
            tone: Tone::not_checked(),
            problems: Vec::new(),
            lang,
            hashtag_languages: tags.languages,
        };
        let input =
            Input { text, options, platform, rules, measure: measured, lang, tags: tags.tags, tone, lone_surrogates };
        checks::run_all(&input, &mut report);
        Ok(report)
    }

    /// Checks a JSON request (a line of `stratege check --jsonl`) and answers JSON: the report, or
    /// `{"error": "<why>"}`.
    pub fn answer_json(&self, line: &str) -> String {
        let answer = Request::from_json(line)
            .and_then(|(request, repaired)| self.check_received(&request.text, repaired, &request.options));
        match answer {
            Ok(report) => serde_json::to_string(&report).expect("a report always serializes"),
            Err(why) => serde_json::json!({ "error": why }).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;
    use crate::report::{LengthState, ProblemKind, Severity};

    fn options(platform: Platform) -> Options {
        Options { platform: Some(platform), ..Options::default() }
    }

    fn check(text: &str, options: &Options) -> Report {
        Checker::new().check(text, options).unwrap()
    }

    #[test]
    fn report_has_every_contract_field() {
        let json: serde_json::Value =
            serde_json::from_str(&Checker::new().answer_json(r#"{"platform":"x","text":"Tips for #SocialMeida"}"#))
                .unwrap();
        assert_eq!(json["platform"], "x");
        assert_eq!(json["length"]["count"], 21);
        assert_eq!(json["length"]["limit"], 280);
        assert_eq!(json["length"]["over"], false);
        assert_eq!(json["length"]["unit"], "weighted characters (twitter-text v3)");
        assert!(json["hashtags"].is_array());
        assert_eq!(json["tone"]["level"], "ok");
        assert_eq!(json["tone"]["score"], 0.0);
        assert!(json["tone"]["reasons"].is_array());
        assert!(json["problems"].is_array());
    }

    #[test]
    fn over_the_limit_is_an_error_spanning_the_excess() {
        let report = check(&"a".repeat(300), &options(Platform::X));
        assert!(report.length.over);
        assert_eq!(report.length.state, LengthState::Over);
        let p = &report.problems[0];
        assert_eq!((p.kind, p.severity, p.start, p.end), (ProblemKind::Length, Severity::Error, 280, 300));
    }

    #[test]
    fn bad_requests_get_a_reason() {
        let answer = |line: &str| Checker::new().answer_json(line);
        assert!(answer(r#"{"platform":"myspace","text":"hi"}"#).contains("unknown platform"));
        assert!(answer(r#"{"platform":"x","text":"hi","lang":"de"}"#).contains("unknown language"));
        assert!(answer("not json").starts_with(r#"{"error":"not valid JSON"#));
        assert!(answer(r#"{"platform":"x"}"#).contains("error"));
        assert!(Checker::new().check("hi", &Options::default()).unwrap_err().contains("no platform"));
    }

    #[test]
    fn lone_surrogates_are_read_as_replacement_characters() {
        let json: serde_json::Value = serde_json::from_str(
            &Checker::new().answer_json(r#"{"platform":"facebook","text":"a\ud83d b \ude00\\ud83d \ud83d\ude00"}"#),
        )
        .unwrap();
        // "a\u{FFFD} b \u{FFFD}\\ud83d 😀": the escaped backslash keeps its literal text.
        assert_eq!(json["length"]["count"], 15);
        assert_eq!(json["problems"][0]["kind"], "lone-surrogate");
        assert!(json["problems"][0]["message"].as_str().unwrap().starts_with("2 broken"));
    }

    #[test]
    fn tone_tips_are_in_the_readers_language_when_given_else_the_texts() {
        let mut request = Options { reply: true, ..options(Platform::X) };
        let text = "You are an idiot";
        let tip = |request: &Options| check(text, request).tone.reasons[0].tip.clone();
        let english = tip(&request);
        assert!(english.contains("idiot") && !english.contains("plut\u{f4}t"), "{english}");
        request.ui_lang = Some(crate::lang::Lang::Fr);
        let french = tip(&request);
        assert!(french.contains("\u{ab}\u{a0}idiot\u{a0}\u{bb}"), "{french}");
        assert_eq!(check(text, &request).tone.reasons[0].kind, "insult", "only the tip's language changes");
    }

    #[test]
    fn tone_is_checked_for_replies_by_default_and_for_posts_on_request() {
        let mut request = options(Platform::X);
        let text = "You are an idiot";
        assert!(!check(text, &request).tone.checked, "new posts: tone off by default");
        request.reply = true;
        let tone = check(text, &request).tone;
        assert!(tone.checked && tone.reasons.iter().any(|r| r.kind == "insult"));
        request.reply = false;
        request.tone = Some(Sensitivity::Strict);
        assert!(check(text, &request).tone.checked);
        request.tone = Some(Sensitivity::Off);
        request.reply = true;
        assert!(!check(text, &request).tone.checked);
        let loud = Checker::new().answer_json(r#"{"platform":"x","text":"hi","tone":"loud"}"#);
        assert!(loud.contains("unknown tone sensitivity"), "{loud}");
    }

    #[test]
    fn the_requested_language_picks_the_lists_and_the_tips() {
        let request = Options { reply: true, lang: Some(Lang::Fr), ..options(Platform::Facebook) };
        let tone = check("Bande de nuls", &request).tone;
        assert_eq!(tone.lang, Some(Lang::Fr));
        assert!(tone.reasons[0].tip.contains("\u{ab}"), "{:?}", tone.reasons);
    }

    #[test]
    fn instagram_reports_the_feed_cut() {
        let report = check(&"word ".repeat(40), &options(Platform::Instagram));
        assert_eq!(report.length.preview_cut, Some(125));
        assert!(report.problems.iter().any(|p| p.kind == ProblemKind::PreviewCut && p.severity == Severity::Info));
    }

    #[test]
    fn the_counter_lane_gets_the_length_only() {
        let request = Options { reply: true, length_only: true, ..options(Platform::X) };
        let report = check("You idiot #SocialMeida #a #b", &request);
        assert!(report.hashtags.is_empty() && !report.tone.checked);
        assert_eq!(report.length.count, 28);
    }

    #[test]
    fn the_instagram_hashtag_limit_is_the_rule_unless_the_user_sets_another() {
        let six = "#travel #food #photography #nature #sunset #friends";
        let limited = |limit: Option<u32>| {
            let request = Options { hashtag_limit: limit, ..options(Platform::Instagram) };
            check(six, &request).problems.iter().filter(|p| p.kind == ProblemKind::HashtagLimit).count()
        };
        assert_eq!(limited(None), 1);
        assert_eq!(limited(Some(6)), 0);
        assert_eq!(limited(Some(3)), 3);
    }

    #[test]
    fn the_problems_of_one_hashtag_stay_together() {
        let report = check("#Paris #a #paris #b #c #d #paris's", &options(Platform::Instagram));
        let kinds: Vec<(usize, &str)> = report.problems.iter().map(|p| (p.start, p.kind.id())).collect();
        assert_eq!(
            kinds,
            [
                (10, "hashtag-duplicate"),
                (23, "hashtag-limit"),
                (26, "hashtag-duplicate"),
                (26, "hashtag-limit"),
                (26, "hashtag-broken"),
            ]
        );
    }

    #[test]
    fn the_users_dictionary_is_set_once_and_normalised() {
        let mut checker = Checker::new();
        checker.set_dictionary(["#Zalando", "ＣＡＦÉ"]);
        assert!(checker.dictionary.contains("zalando") && checker.dictionary.contains("ｃａｆé"));
        checker.set_dictionary(Vec::<String>::new());
        assert!(checker.dictionary.is_empty());
    }
}

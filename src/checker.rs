//! The `Checker`: what stays the same from one check to the next (the hashtag lexicons, the user's dictionary),
//! owned by one object that checks texts. The CLI builds one; the extension's service worker holds one with the
//! lexicons, the page's counter one without; each test builds its own.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

use crate::checks::{self, Input};
use crate::hashtags::{self, lexicon::Lexicon, Budget, Verdicts};
use crate::lang::{self, Lang};
use crate::measure;
use crate::report::{Report, Tone};
use crate::request::{Options, Request};
use crate::tone::Sensitivity;
use crate::twitter::entities::Entities;

/// Why a text without a platform cannot be checked.
pub const NO_PLATFORM: &str = "no platform: say which (x, facebook, instagram, ...)";

/// Checks texts with its lexicons and the user's dictionary. Cloning shares the lexicons, not the verdicts kept.
#[derive(Default)]
pub struct Checker {
    /// At most one per language.
    lexicons: Vec<Arc<Lexicon>>,
    /// The user's words as tags are compared with them (`hashtags::dictionary_word`).
    dictionary: BTreeSet<String>,
    /// The hashtag spelling verdicts of earlier checks, for these lexicons and words (emptied when they change).
    verdicts: Mutex<Verdicts>,
}

impl Clone for Checker {
    fn clone(&self) -> Checker {
        Checker { lexicons: self.lexicons.clone(), dictionary: self.dictionary.clone(), verdicts: Mutex::default() }
    }
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
        self.forget_verdicts();
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
        self.forget_verdicts();
    }

    /// Drops the hashtag verdicts kept from earlier checks (the next check judges every tag again).
    pub fn forget_verdicts(&mut self) {
        self.verdicts.get_mut().unwrap_or_else(PoisonError::into_inner).clear();
    }

    /// Checks `text`; the error says why it cannot be (no platform).
    pub fn check(&self, text: &str, options: &Options) -> Result<Report, String> {
        self.check_received(text, 0, options)
    }

    /// Checks a text received with `lone_surrogates` unpaired UTF-16 surrogates read as U+FFFD (JSON and
    /// JavaScript strings may hold them): the report says so. No time limit: only the number of hashtags judged is
    /// bounded (`hashtags::MAX_JUDGED_TAGS`).
    pub fn check_received(&self, text: &str, lone_surrogates: usize, options: &Options) -> Result<Report, String> {
        self.check_within(text, lone_surrogates, options, &Budget::UNTIMED)
    }

    /// `check_received` within `budget`: hashtags not judged by then are reported `not_checked` (`time-budget`),
    /// and the verdicts reached are kept, so that checking the same text again goes on from there. The one path
    /// of the CLI and the WebAssembly.
    pub fn check_within(
        &self,
        text: &str,
        lone_surrogates: usize,
        options: &Options,
        budget: &Budget,
    ) -> Result<Report, String> {
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
            // The request's own words change verdicts: those are neither kept nor taken from the kept ones.
            let mut verdicts = self.verdicts.lock().unwrap_or_else(PoisonError::into_inner);
            let kept = if extra.is_empty() { Some(&mut *verdicts) } else { None };
            (lang, hashtags::read(&entities, platform, lang, |l| self.lexicon(l), &users, budget, kept))
        };
        let mut report = Report {
            platform,
            length: measured.length(rules.unit),
            hashtags: tags.tags.iter().map(hashtags::Tag::to_report).collect(),
            tone: Tone::not_checked(),
            problems: Vec::new(),
            lang,
            hashtag_languages: tags.languages,
            hashtags_not_checked: tags.tags.iter().filter(|t| t.not_checked.is_some()).count(),
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
    use crate::hashtags::{MAX_CHECKED_CHARS, MAX_JUDGED_TAGS};
    use crate::platform::Platform;
    use crate::report::{LengthState, NotChecked, ProblemKind, Severity};

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

    /// `n` different tags the lexicons judge (none allowlisted, none a word as typed).
    fn many_tags(n: usize) -> String {
        (0..n).map(|i| format!("#socialmeida{}x ", crate::hashtags::camel_case(&["tip", &i.to_string()]))).collect()
    }

    fn not_checked(report: &Report) -> Vec<Option<NotChecked>> {
        report.hashtags.iter().map(|h| h.not_checked).collect()
    }

    #[test]
    fn at_most_max_judged_tags_are_judged_per_check_and_the_rest_say_why() {
        let checker = Checker::with_embedded_lexicons();
        let report = checker.check(&many_tags(MAX_JUDGED_TAGS + 3), &options(Platform::Facebook)).unwrap();
        let reasons = not_checked(&report);
        assert!(reasons[..MAX_JUDGED_TAGS].iter().all(Option::is_none));
        assert_eq!(reasons[MAX_JUDGED_TAGS..], [Some(NotChecked::TooMany); 3]);
        assert!(!report.hashtags[MAX_JUDGED_TAGS].spelling_checked);
        assert_eq!(report.hashtags_not_checked, 3);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["hashtags_not_checked"], 3);
        assert_eq!(json["hashtags"][MAX_JUDGED_TAGS]["not_checked"], "too-many");
        assert!(json["hashtags"][0].get("not_checked").is_none(), "written only when a bound applied");
    }

    #[test]
    fn tags_longer_than_judged_say_so_and_short_reports_are_unchanged() {
        let checker = Checker::with_embedded_lexicons();
        let long = format!("#{} #SocialMeida", "a".repeat(MAX_CHECKED_CHARS + 1));
        let report = checker.check(&long, &options(Platform::X)).unwrap();
        assert_eq!(not_checked(&report), [Some(NotChecked::TooLong), None]);
        let json = serde_json::to_value(checker.check("#SocialMeida", &options(Platform::X)).unwrap()).unwrap();
        assert!(json.get("hashtags_not_checked").is_none());
        // Without a lexicon nothing was to be judged: no bound applied.
        assert_eq!(not_checked(&Checker::new().check(&long, &options(Platform::X)).unwrap()), [None, None]);
    }

    #[test]
    fn a_check_out_of_time_judges_nothing_new_and_the_next_goes_on_from_the_kept_verdicts() {
        let checker = Checker::with_embedded_lexicons();
        let text = many_tags(5);
        let out_of_time = Budget { expired: &|| true };
        let first = checker.check_within(&text, 0, &options(Platform::Facebook), &out_of_time).unwrap();
        assert_eq!(not_checked(&first), [Some(NotChecked::TimeBudget); 5]);
        assert!(first.problems.iter().all(|p| p.kind != ProblemKind::HashtagSpelling));
        // Two tags judged, then the time is up: the next check, also out of time, has those two and no more.
        let calls = std::cell::Cell::new(0);
        let two = Budget {
            expired: &|| {
                calls.set(calls.get() + 1);
                calls.get() > 2
            },
        };
        let part = checker.check_within(&text, 0, &options(Platform::Facebook), &two).unwrap();
        assert_eq!(part.hashtags_not_checked, 3);
        let again = checker.check_within(&text, 0, &options(Platform::Facebook), &out_of_time).unwrap();
        assert_eq!(not_checked(&again), not_checked(&part));
        // In time, every tag is judged, and the kept verdicts are those a fresh checker gives.
        let whole = checker.check(&text, &options(Platform::Facebook)).unwrap();
        assert_eq!(whole, Checker::with_embedded_lexicons().check(&text, &options(Platform::Facebook)).unwrap());
        assert_eq!(whole.hashtags_not_checked, 0);
        assert!(whole.problems.iter().filter(|p| p.kind == ProblemKind::HashtagSpelling).count() == 5);
    }

    #[test]
    fn kept_verdicts_follow_the_users_words_and_are_not_shared_by_clones() {
        let mut checker = Checker::with_embedded_lexicons();
        let flagged = |c: &Checker, options: &Options| {
            c.check("#Zalandoo", options).unwrap().problems.iter().any(|p| p.kind == ProblemKind::HashtagSpelling)
        };
        let facebook = options(Platform::Facebook);
        let before = flagged(&checker, &facebook);
        checker.set_dictionary(["zalandoo"]);
        assert!(!flagged(&checker, &facebook), "the user's word is taken at once, not the verdict kept");
        let with_words = Options { dictionary: vec!["zalandoo".into()], ..options(Platform::Facebook) };
        checker.set_dictionary(Vec::<String>::new());
        assert!(!flagged(&checker, &with_words), "the request's words are never judged from kept verdicts");
        assert_eq!(flagged(&checker, &facebook), before);
        let out_of_time = Budget { expired: &|| true };
        let clone = checker.clone();
        let report = clone.check_within("#Zalandoo", 0, &facebook, &out_of_time).unwrap();
        assert_eq!(not_checked(&report), [Some(NotChecked::TimeBudget)]);
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

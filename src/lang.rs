//! The language of a post, English or French: chosen by the user, or detected from its function words and
//! French letters. Detection says "unknown" rather than guess when a text gives no evidence either way.

use serde::{Deserialize, Serialize};

/// Written and read as its id, `"en"` or `"fr"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Lang {
    En,
    Fr,
}

/// Letters French writes and English does not.
const FRENCH_ONLY_LETTERS: &str = "éèêëàâçîïôûùüœæ";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// Whether the language never writes the lowercase letter `c` that the other one does (English: é, à, ç…).
    pub fn lacks_letter(self, c: char) -> bool {
        self == Lang::En && FRENCH_ONLY_LETTERS.contains(c)
    }

    /// Whether the language's tags take words of `other` as they are: French tags are full of English ones
    /// (#coworking, #lunchbox, #motivationmonday), English tags seldom hold a French word.
    pub fn borrows_from(self, other: Lang) -> bool {
        self == Lang::Fr && other == Lang::En
    }

    /// The endings of a regular plural: English -s, -es (cats, boxes); French -s, -x (chats, gâteaux).
    pub fn plural_endings(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["s", "es"],
            Lang::Fr => &["s", "x"],
        }
    }

    /// The words that join a noun to its complement inside a noun phrase (tri des déchets, coq au vin; bowl of rice):
    /// a rare short noun stands in a typo's fix only before one of them (segment.rs).
    pub fn noun_links(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["of", "in", "on", "for", "and"],
            Lang::Fr => &["de", "des", "du", "d", "à", "au", "aux", "en"],
        }
    }

    /// The words always elided before a vowel (de été is written d'été, le ami l'ami): right after one of them, a typo
    /// is never fixed into a word that begins with a vowel (segment.rs). Not ce and si, elided before some words only
    /// (c'est, s'il).
    pub fn elided_before_vowels(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[],
            Lang::Fr => &["de", "le", "la", "je", "me", "te", "se", "ne", "que"],
        }
    }

    /// Whether `a` is `b` with a regular plural ending added or taken away (`plural_endings`).
    pub fn is_other_number(self, a: &str, b: &str) -> bool {
        let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
        long.strip_prefix(short).is_some_and(|ending| self.plural_endings().contains(&ending))
    }

    pub fn from_id(id: &str) -> Option<Lang> {
        match id {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(id: &str) -> Result<Lang, String> {
        Lang::from_id(id).ok_or_else(|| format!("unknown language {id:?} (known: en, fr)"))
    }
}

impl TryFrom<String> for Lang {
    type Error = String;

    fn try_from(id: String) -> Result<Lang, String> {
        id.parse()
    }
}

/// Frequent function words found in one language and rare as words of the other.
const EN_WORDS: &[&str] = &[
    "the", "and", "you", "your", "is", "are", "was", "were", "this", "that", "with", "for", "of", "to", "in", "it",
    "not", "have", "has", "be", "we", "our", "they", "what", "why", "how", "can", "will", "just", "do", "don't", "my",
    "me", "at", "on", "so", "but", "or", "if", "from", "about", "all", "get", "thanks", "thank", "please", "sorry",
    "i", "i'm", "it's", "no", "yes", "who", "an", "a", "would", "should", "could", "been", "here",
];
const FR_WORDS: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "du",
    "un",
    "une",
    "et",
    "est",
    "sont",
    "vous",
    "votre",
    "vos",
    "nous",
    "notre",
    "je",
    "tu",
    "il",
    "elle",
    "ils",
    "elles",
    "ce",
    "cette",
    "ces",
    "pour",
    "avec",
    "dans",
    "sur",
    "pas",
    "ne",
    "que",
    "qui",
    "quoi",
    "mais",
    "ou",
    "où",
    "très",
    "merci",
    "bonjour",
    "au",
    "aux",
    "été",
    "être",
    "avoir",
    "fait",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "son",
    "sa",
    "ses",
    "c'est",
    "j'ai",
    "n'est",
    "plus",
    "moi",
    "toi",
    "lui",
    "leur",
    "on",
    "y",
    "en",
    "à",
    "désolé",
    "désolée",
    "bien",
    "aussi",
    "tout",
    "rien",
    "comme",
];

/// The words read to tell the language: a long post says it in its first lines, and a 1 MB paste stays cheap.
const WORDS_READ: usize = 400;

/// The language of `text`, or None when its words do not tell (too short, another language, only hashtags).
pub fn detect(text: &str) -> Option<Lang> {
    let (mut en, mut fr) = (0u32, 0u32);
    for word in text
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}' || c == '#' || c == '@'))
        .filter(|w| !w.is_empty() && !w.starts_with('#') && !w.starts_with('@'))
        .take(WORDS_READ)
    {
        let lower = word.to_lowercase().replace('\u{2019}', "'");
        if EN_WORDS.contains(&lower.as_str()) {
            en += 2;
        }
        if FR_WORDS.contains(&lower.as_str()) {
            fr += 2;
        }
        // French elisions (l'homme, qu'il, d'accord) and letters English does not use.
        if lower.len() > 2
            && matches!(lower.split_once('\''), Some((p, _)) if ["l", "d", "qu", "j", "n", "s", "m", "t", "c"].contains(&p))
        {
            fr += 2;
        }
        if lower.chars().any(|c| Lang::En.lacks_letter(c)) {
            fr += 1;
        }
    }
    match (en, fr) {
        (0, 0) => None,
        (en, fr) if en >= fr * 2 && en >= 2 => Some(Lang::En),
        (en, fr) if fr >= en * 2 && fr >= 2 => Some(Lang::Fr),
        (en, fr) if en > fr + 3 => Some(Lang::En),
        (en, fr) if fr > en + 3 => Some(Lang::Fr),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_french_posts() {
        assert_eq!(detect("Thanks for your patience, we are looking into it"), Some(Lang::En));
        assert_eq!(detect("Merci pour votre patience, nous regardons ça"), Some(Lang::Fr));
        assert_eq!(detect("Désolé, nous ne pouvons pas"), Some(Lang::Fr));
        assert_eq!(detect("C'est l'été à Paris"), Some(Lang::Fr));
        assert_eq!(detect("I can't believe it's Friday"), Some(Lang::En));
    }

    #[test]
    fn says_unknown_without_evidence() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("#SocialMedia #Marketing"), None);
        assert_eq!(detect("😀😀😀"), None);
        assert_eq!(detect("Привет как дела"), None);
        assert_eq!(detect("Bonjour and hello"), None);
    }

    #[test]
    fn reads_only_the_first_words_of_a_long_text() {
        let text = format!(
            "{}{}",
            "Merci pour votre patience. ".repeat(100),
            "Thanks for your patience and the rest. ".repeat(2000)
        );
        assert_eq!(detect(&text), Some(Lang::Fr));
    }

    #[test]
    fn ids_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_id(lang.id()), Some(lang));
        }
        assert_eq!(Lang::from_id("de"), None);
        assert_eq!(serde_json::from_str::<Lang>(r#""fr""#).unwrap(), Lang::Fr);
        assert!(serde_json::from_str::<Lang>(r#""de""#).unwrap_err().to_string().contains("unknown language \"de\""));
    }
}

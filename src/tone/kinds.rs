//! The kinds of tone reason, how much each weighs in the score, and the calmer phrasing suggested for each,
//! written in English and French (templates, never generated text).

use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Insult,
    Profanity,
    Contempt,
    Blame,
    Threat,
    Shouting,
    Punctuation,
    Sarcasm,
    Dismissive,
    /// Words the learned model reads as offensive where no list names them.
    Offensive,
}

impl Kind {
    pub fn from_id(id: &str) -> Option<Kind> {
        Some(match id {
            "insult" => Kind::Insult,
            "profanity" => Kind::Profanity,
            "contempt" => Kind::Contempt,
            "blame" => Kind::Blame,
            "threat" => Kind::Threat,
            "shouting" => Kind::Shouting,
            "punctuation" => Kind::Punctuation,
            "sarcasm" => Kind::Sarcasm,
            "dismissive" => Kind::Dismissive,
            "offensive" => Kind::Offensive,
            _ => return None,
        })
    }

    /// The `kind` of a reason in the report.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Insult => "insult",
            Kind::Profanity => "profanity",
            Kind::Contempt => "contempt",
            Kind::Blame => "blame",
            Kind::Threat => "threat",
            Kind::Shouting => "shouting",
            Kind::Punctuation => "punctuation",
            Kind::Sarcasm => "sarcasm",
            Kind::Dismissive => "dismissive",
            Kind::Offensive => "offensive",
        }
    }

    /// How much one reason of this kind raises the score (0–1); the model's own share is added apart.
    pub fn weight(self) -> f32 {
        match self {
            Kind::Threat => 0.85,
            Kind::Insult => 0.6,
            Kind::Contempt => 0.4,
            Kind::Profanity | Kind::Blame | Kind::Sarcasm | Kind::Dismissive => 0.3,
            Kind::Shouting => 0.25,
            Kind::Punctuation => 0.15,
            Kind::Offensive => 0.0,
        }
    }

    /// The reason targets a person (or reads as if it did), so the text can be hostile; swearing, capitals and
    /// punctuation alone make it at most a caution.
    pub fn aims_at_someone(self) -> bool {
        !matches!(self, Kind::Profanity | Kind::Shouting | Kind::Punctuation)
    }

    /// Words of this kind are attacks in any language we read, so they count even when the language is unknown.
    pub fn counts_without_language(self) -> bool {
        matches!(self, Kind::Insult | Kind::Profanity | Kind::Threat | Kind::Shouting | Kind::Punctuation)
    }

    /// A calmer way to say it, in the post's language; `{text}` stands for the flagged words.
    fn tip_template(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Insult, Lang::En) => "\u{201c}{text}\u{201d} attacks the person. Describe the problem instead: \u{201c}This is not what I expected, and here is why\u{2026}\u{201d}",
            (Kind::Insult, Lang::Fr) => "\u{ab}\u{a0}{text}\u{a0}\u{bb} attaque la personne. D\u{e9}crivez plut\u{f4}t le probl\u{e8}me\u{a0}: \u{ab}\u{a0}Ce n\u{2019}est pas ce que j\u{2019}attendais, voici pourquoi\u{2026}\u{a0}\u{bb}",
            (Kind::Profanity, Lang::En) => "Swearing (\u{201c}{text}\u{201d}) makes the reply sound angrier than you may mean. Drop it, or say how this affects you.",
            (Kind::Profanity, Lang::Fr) => "Le juron (\u{ab}\u{a0}{text}\u{a0}\u{bb}) rend la r\u{e9}ponse plus agressive que pr\u{e9}vu. Retirez-le, ou dites ce que cela vous cause.",
            (Kind::Contempt, Lang::En) => "\u{201c}{text}\u{201d} sounds condescending. Restate the point plainly: \u{201c}To recap: \u{2026}\u{201d}",
            (Kind::Contempt, Lang::Fr) => "\u{ab}\u{a0}{text}\u{a0}\u{bb} sonne condescendant. Reformulez simplement\u{a0}: \u{ab}\u{a0}Pour r\u{e9}sumer\u{a0}: \u{2026}\u{a0}\u{bb}",
            (Kind::Blame, Lang::En) => "\u{201c}{text}\u{201d} puts the blame on the reader. Focus on the fix: \u{201c}Here is what will sort it out: \u{2026}\u{201d}",
            (Kind::Blame, Lang::Fr) => "\u{ab}\u{a0}{text}\u{a0}\u{bb} rejette la faute sur l\u{2019}autre. Parlez de la solution\u{a0}: \u{ab}\u{a0}Voici ce qui va r\u{e9}gler le probl\u{e8}me\u{a0}: \u{2026}\u{a0}\u{bb}",
            (Kind::Threat, Lang::En) => "\u{201c}{text}\u{201d} can read as a threat. Remove it; if there is a dispute, say which step you will take next.",
            (Kind::Threat, Lang::Fr) => "\u{ab}\u{a0}{text}\u{a0}\u{bb} peut passer pour une menace. Retirez-le\u{a0}; en cas de litige, dites quelle d\u{e9}marche vous allez engager.",
            (Kind::Shouting, Lang::En) => "Capitals read as shouting. Write \u{201c}{text}\u{201d} in normal case.",
            (Kind::Shouting, Lang::Fr) => "Les majuscules donnent l\u{2019}impression de crier. \u{c9}crivez \u{ab}\u{a0}{text}\u{a0}\u{bb} en minuscules.",
            (Kind::Punctuation, Lang::En) => "\u{201c}{text}\u{201d} sounds exasperated. One \u{201c}?\u{201d} or \u{201c}!\u{201d} is enough.",
            (Kind::Punctuation, Lang::Fr) => "\u{ab}\u{a0}{text}\u{a0}\u{bb} sonne exasp\u{e9}r\u{e9}. Un seul \u{ab}\u{a0}?\u{a0}\u{bb} ou \u{ab}\u{a0}!\u{a0}\u{bb} suffit.",
            (Kind::Sarcasm, Lang::En) => "Sarcasm (\u{201c}{text}\u{201d}) is often misread in writing. Say what you actually mean.",
            (Kind::Sarcasm, Lang::Fr) => "L\u{2019}ironie (\u{ab}\u{a0}{text}\u{a0}\u{bb}) est souvent mal comprise \u{e0} l\u{2019}\u{e9}crit. Dites ce que vous pensez vraiment.",
            (Kind::Dismissive, Lang::En) => "\u{201c}{text}\u{201d} brushes the other person off. Acknowledge their point first: \u{201c}I see what you mean, but\u{2026}\u{201d}",
            (Kind::Dismissive, Lang::Fr) => "\u{ab}\u{a0}{text}\u{a0}\u{bb} balaie l\u{2019}avis de l\u{2019}autre. Reconnaissez d\u{2019}abord son point de vue\u{a0}: \u{ab}\u{a0}Je comprends, mais\u{2026}\u{a0}\u{bb}",
            (Kind::Offensive, Lang::En) => "\u{201c}{text}\u{201d} reads as offensive to many people. A neutral word keeps the focus on your point.",
            (Kind::Offensive, Lang::Fr) => "\u{ab}\u{a0}{text}\u{a0}\u{bb} est per\u{e7}u comme blessant par beaucoup. Un mot neutre garde l\u{2019}attention sur votre propos.",
        }
    }

    /// The tip for `text` flagged as this kind, in `lang`.
    pub fn tip(self, lang: Lang, text: &str) -> String {
        self.tip_template(lang).replace("{text}", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Kind; 10] = [
        Kind::Insult,
        Kind::Profanity,
        Kind::Contempt,
        Kind::Blame,
        Kind::Threat,
        Kind::Shouting,
        Kind::Punctuation,
        Kind::Sarcasm,
        Kind::Dismissive,
        Kind::Offensive,
    ];

    #[test]
    fn ids_round_trip_and_every_tip_quotes_the_words_in_both_languages() {
        for kind in ALL {
            assert_eq!(Kind::from_id(kind.id()), Some(kind));
            for lang in Lang::ALL {
                assert!(kind.tip(lang, "WORDS").contains("WORDS"), "{kind:?} {lang:?}");
            }
        }
        assert_ne!(Kind::Insult.tip(Lang::En, "x"), Kind::Insult.tip(Lang::Fr, "x"));
        assert_eq!(Kind::from_id("rudeness"), None);
    }
}

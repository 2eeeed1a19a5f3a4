//! French verbs of the first group told in the tenses of a wish or a story: a listed infinitive in -er ("tuer",
//! "exterminer") also matches its imperfect, conditional and simple future ("et si on tuait tous les …", "ils les
//! extermineraient"), which the lists cannot spell out for every verb. The other tenses are left to the lists: the
//! present and the participles have homographs that are no verb ("violent", "massacre" the noun), while these endings,
//! on a stem that makes a listed verb, have none in practice. Tokens are folded (no accents), as the lists are.

/// The endings, folded, longest first so that "tuerait" is read tu + erait: the imperfect (-ais, -ait, -ions, -iez,
/// -aient), the conditional (-erais, -erait, -erions, -eriez, -eraient) and the simple future (-erai, -eras, -era,
/// -erons, -erez, -eront) of the regular verbs in -er (French grammar; the -ions and -iez of the imperfect are left
/// out: "-ions" also ends nouns such as "millions").
const ENDINGS: [&str; 14] = [
    "eraient", "erions", "eriez", "erons", "eront", "erais", "erait", "aient", "erai", "eras", "erez", "era", "ais",
    "ait",
];

/// The infinitive in -er that `token` (folded) may be a form of, in these tenses: its stem and "er". A stem in -ge
/// keeps its e only before a and o ("egorgeait" is egorger); "c" stands for the ç of "lancait" once folded.
pub fn infinitive(token: &str) -> Option<String> {
    let (stem, ending) = ENDINGS.iter().find_map(|ending| token.strip_suffix(ending).map(|stem| (stem, *ending)))?;
    let stem = match stem.strip_suffix("ge") {
        Some(before) if ending.starts_with('a') => &stem[..before.len() + 1],
        _ => stem,
    };
    (stem.chars().count() >= 2).then(|| format!("{stem}er"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imperfect_conditional_and_future_forms_give_their_infinitive() {
        for (form, verb) in [
            ("tuait", "tuer"),
            ("tuaient", "tuer"),
            ("tuerait", "tuer"),
            ("extermineraient", "exterminer"),
            ("massacrerons", "massacrer"),
            ("egorgeait", "egorger"),
            ("egorgerait", "egorger"),
            ("lancait", "lancer"),
            ("gazera", "gazer"),
        ] {
            assert_eq!(infinitive(form).as_deref(), Some(verb), "{form}");
        }
        for other in ["violent", "tue", "massacre", "lait", "tuer", "millions", "ait"] {
            assert_eq!(infinitive(other), None, "{other}");
        }
    }
}

//! Whether a text is aimed at someone: it speaks to the reader ("you", "ur", "tu", "vous"…), names an account
//! (@mention), or calls someone a name ("what a moron", "espèce d'abruti", "…, idiot."). Swearing and offensive
//! wording aimed at nobody ("holy shit, what a game") weigh less in the score than the same words said to a person.

use super::fold::Token;
use crate::lang::Lang;

/// Folded words that address the reader.
fn second_person(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["you", "u", "ya", "ye", "yall", "your", "ur", "yours", "yourself", "yourselves", "youre", "urself"],
        Lang::Fr => &["tu", "t", "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos"],
    }
}

/// Folded words that, one or two words before a name-calling word, make it a vocative ("what a", "quel",
/// "espèce de").
fn name_calling_leads(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["what", "such", "hey", "dear", "listen"],
        Lang::Fr => &["quel", "quelle", "quels", "quelles", "espece", "pauvre", "sale", "bande", "eh", "he"],
    }
}

/// The text speaks to someone in one of `langs`: a second-person word, an @mention, or one of the name-calling
/// spans (`first..end` token ranges of listed insults) used as a vocative: a lead word one or two words before
/// it, or alone in its clause.
pub fn addressed(text: &str, tokens: &[Token], langs: &[Lang], name_calling: &[(usize, usize)]) -> bool {
    let has_word = |words: &dyn Fn(Lang) -> &'static [&'static str], token: &Token| {
        langs.iter().any(|&lang| words(lang).contains(&token.text.as_str()))
    };
    tokens.iter().any(|t| has_word(&second_person, t))
        || mentions_someone(text)
        || name_calling.iter().any(|&(first, end)| {
            let alone = tokens[first].clause_start && tokens.get(end).is_none_or(|t| t.clause_start);
            let led = tokens[first.saturating_sub(2)..first].iter().any(|t| has_word(&name_calling_leads, t));
            alone || led
        })
}

/// An `@name` at the start of the text or after a space.
fn mentions_someone(text: &str) -> bool {
    let mut before = ' ';
    for (i, c) in text.char_indices() {
        if c == '@' && before.is_whitespace() && text[i + 1..].chars().next().is_some_and(|n| n.is_alphanumeric() || n == '_') {
            return true;
        }
        before = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::fold::tokens;

    fn aimed(text: &str, lang: Lang, name_calling: &[(usize, usize)]) -> bool {
        addressed(text, &tokens(text), &[lang], name_calling)
    }

    #[test]
    fn second_person_words_and_mentions_address_the_reader() {
        assert!(aimed("ur so slow", Lang::En, &[]));
        assert!(aimed("You're wrong", Lang::En, &[]));
        assert!(aimed("t'es nul", Lang::Fr, &[]));
        assert!(aimed("@sam read the thread", Lang::En, &[]));
        assert!(!aimed("mail me at help@example.com", Lang::En, &[]));
        assert!(!aimed("holy shit this is good", Lang::En, &[]));
        assert!(!aimed("the mayor is a crook", Lang::En, &[]));
    }

    #[test]
    fn name_calling_is_a_vocative_after_a_lead_or_alone_in_its_clause() {
        assert!(aimed("what a moron", Lang::En, &[(2, 3)]));
        assert!(aimed("Read it again, idiot.", Lang::En, &[(3, 4)]));
        assert!(aimed("Espèce d'imbécile", Lang::Fr, &[(2, 3)]));
        assert!(aimed("pauvre CRETIN", Lang::Fr, &[(1, 2)]));
        assert!(!aimed("that referee was an idiot tonight", Lang::En, &[(4, 5)]));
    }
}

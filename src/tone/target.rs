//! Whether an English text is aimed at someone: it speaks to the reader ("you", "ur"…, or an imperative that opens
//! it: "shut up", "read the FAQ"), names an account (@mention), calls someone a name ("what a moron", "…, idiot.")
//! or a group ("they are vermin"). Swearing and offensive wording aimed at
//! nobody ("holy shit, what a game") weigh less in the score than the same words said to a person. The constants
//! that use it were chosen on an English development set; a French text is taken as aimed at someone, unless every
//! name it calls is one the writer calls themselves and it neither speaks to the reader nor names an account ("Quel
//! boulet je fais, désolé pour le retard": a self-deprecating apology, common in customer service).

use super::fold::Token;
use crate::lang::Lang;

/// Folded words that address the reader.
const SECOND_PERSON: &[&str] =
    &["you", "u", "ya", "ye", "yall", "your", "ur", "yours", "yourself", "yourselves", "youre", "urself"];

/// Folded words that, one or two words before a name-calling word, make it a vocative ("what a", "such an") or
/// say it of a group ("they are", "were all").
const NAME_CALLING_LEADS: &[&str] = &["what", "such", "hey", "dear", "listen", "are", "were", "r"];

/// Folded verbs that, opening the text, give an order to the reader (written from general knowledge, issue 13).
const IMPERATIVES: &[&str] = &[
    "shut", "get", "go", "read", "learn", "stop", "quit", "grow", "try", "use", "listen", "calm", "think", "piss",
    "fuck", "screw", "bite", "kiss", "eat", "die", "leave", "move", "cry", "deal", "suck",
];

/// Folded French words that address the reader (tu, vous, their objects and possessives; "t" as in t'es, t'as).
const SECOND_PERSON_FR: &[&str] = &["tu", "t", "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos", "vot", "toa"];

/// Whether the text in `lang` is aimed at someone (`addressed_en` in English; French: see the module's comment).
pub fn addressed(text: &str, tokens: &[Token], name_calling: &[(usize, usize)], lang: Option<Lang>) -> bool {
    match lang {
        Some(Lang::En) => addressed_en(text, tokens, name_calling),
        Some(Lang::Fr) => {
            name_calling.is_empty()
                || tokens.iter().any(|t| SECOND_PERSON_FR.contains(&t.text.as_str()))
                || mentions_someone(text)
                || name_calling.iter().any(|&(first, end)| {
                    !said_of_the_writer_fr(tokens, first, end) && !said_of_a_thing_fr(tokens, first)
                })
        }
        None => true,
    }
}

/// The text speaks to someone: a second-person word, an imperative as its first word, an @mention, or one of the
/// name-calling spans (`first..end` token ranges of listed insults) used as a vocative or said of a group: a lead
/// word one or two words before it, or alone in its clause; not one the writer says of themselves ("I'm such an
/// idiot, I left my keys at home", "what an idiot I am").
fn addressed_en(text: &str, tokens: &[Token], name_calling: &[(usize, usize)]) -> bool {
    tokens.iter().any(|t| SECOND_PERSON.contains(&t.text.as_str()))
        || tokens.first().is_some_and(|t| IMPERATIVES.contains(&t.text.as_str()))
        || mentions_someone(text)
        || name_calling.iter().any(|&(first, end)| {
            let alone = tokens[first].clause_start && tokens.get(end).is_none_or(|t| t.clause_start);
            // The words before it and its own first word: a group's insult ("are vermin") starts with its lead.
            let before = &tokens[first.saturating_sub(2)..=first];
            let led = before.iter().any(|t| NAME_CALLING_LEADS.contains(&t.text.as_str()));
            (alone || led) && !said_of_the_writer(tokens, first, end)
        })
}

/// The name-calling span `first..end` follows "I'm", "I am" or "I was" by at most three words in its clause ("I'm
/// such an idiot"), or is followed by "I am" or "I was" ("what an idiot I am").
fn said_of_the_writer(tokens: &[Token], first: usize, end: usize) -> bool {
    let text = |k: usize| word_at(tokens, k);
    // "I'm" is two tokens ("i", "m"), "Im" one.
    let is_i_am = |k: usize| text(k) == "im" || (text(k) == "i" && matches!(text(k + 1), "m" | "am" | "was"));
    writer_said_it(tokens, first, end, is_i_am, is_i_am)
}

/// The French name-calling span `first..end` follows "je suis", "j'étais", "suis-je" or "chuis" by at most three
/// words in its clause ("je suis vraiment nul", "suis-je bête"), or is followed by "je suis", "j'étais" or "je fais"
/// ("quelle idiote je suis", "quel boulet je fais"; "je fais" before the name is often about others: "je fais
/// affaire avec des escrocs").
fn said_of_the_writer_fr(tokens: &[Token], first: usize, end: usize) -> bool {
    let text = |k: usize| word_at(tokens, k);
    // "j'suis" and "j'étais" are two tokens ("j", "suis"); "suis-je" reads "suis", "je".
    let i_am = |k: usize, verbs: &[&str]| matches!(text(k), "je" | "j") && verbs.contains(&text(k + 1));
    let before = |k: usize| {
        i_am(k, &["suis", "etais"]) || matches!(text(k), "chui" | "chuis") || (text(k) == "suis" && text(k + 1) == "je")
    };
    writer_said_it(tokens, first, end, before, |k| i_am(k, &["suis", "etais", "fais", "faisais"]))
}

/// Folded French insults that are also adjectives, said of a thing as often as of a person ("une idée idiote",
/// "ce formulaire est débile"), written from general knowledge.
const ADJECTIVE_INSULTS_FR: &[&str] = &[
    "idiot", "idiote", "idiots", "idiotes", "debile", "debiles", "con", "conne", "cons", "connes", "stupide",
    "stupides", "bete", "betes", "cretin", "cretine", "nul", "nulle", "nuls", "nulles", "minable", "minables", "naze",
    "nase",
];

/// Folded French nouns of things a business writes about (rules, ideas, tools, prices, messages), written from
/// general knowledge: an adjective insult said of one of them criticises the thing, not a person.
#[rustfmt::skip] // a table of words, packed (rustfmt would give each its own line)
const THINGS_FR: &[&str] = &[
    "regle", "regles", "reglement", "idee", "idees", "systeme", "formulaire", "appli", "application", "site", "page",
    "procedure", "politique", "process", "processus", "decision", "choix", "question", "truc", "machin", "message",
    "mail", "bug", "erreur", "histoire", "situation", "delai", "prix", "tarif", "offre", "promo", "pub", "publicite",
    "campagne", "logo", "interface", "menu", "bouton", "option", "version", "loi", "plan", "projet", "concept",
    "design", "logiciel", "outil", "fonction", "methode", "consigne", "condition", "conditions", "horaire",
    "horaires", "planning", "texte", "film", "jeu", "livre", "produit", "article", "modele", "couleur", "nom",
    "slogan", "emballage", "code",
];

/// Folded French adverbs that may stand between "est" and the adjective ("est vraiment débile", "un peu" read as
/// its "peu").
const DEGREE_FR: &[&str] = &["vraiment", "completement", "totalement", "trop", "si", "tellement", "assez", "peu"];

/// The French name-calling word at `first` is an adjective said of a thing: right after a noun of `THINGS_FR` ("une
/// idée idiote"), or after "est", "était", "sont" or "étaient" (and adverbs of degree) whose clause names such a
/// thing before it, or after "c'est" ("cette règle est idiote", "le formulaire était complètement con", "c'est
/// débile de fermer le dimanche"); never "est un idiot", a name.
fn said_of_a_thing_fr(tokens: &[Token], first: usize) -> bool {
    if !ADJECTIVE_INSULTS_FR.contains(&word_at(tokens, first)) || tokens[first].clause_start {
        return false;
    }
    let mut k = first - 1;
    while k > 0 && DEGREE_FR.contains(&word_at(tokens, k)) && !tokens[k].clause_start {
        k -= if k > 1 && word_at(tokens, k) == "peu" && word_at(tokens, k - 1) == "un" { 2 } else { 1 };
    }
    let text = word_at(tokens, k);
    if THINGS_FR.contains(&text) && k + 1 == first {
        return true;
    }
    if !matches!(text, "est" | "etait" | "sont" | "etaient") || tokens[k].clause_start {
        return false;
    }
    // The clause before the verb: "c'est", or a thing named in it.
    (k >= 1 && word_at(tokens, k - 1) == "c")
        || clause_before(tokens, k).any(|j| THINGS_FR.contains(&word_at(tokens, j)))
}

/// The folded word of token `k`, "" past the end.
fn word_at(tokens: &[Token], k: usize) -> &str {
    tokens.get(k).map_or("", |t| t.text.as_str())
}

/// Whether `before` holds at one of the five tokens before `first` in its clause, or `after` at `end`, right after
/// the span in its clause: the writer's "I am" before or after a name-calling span.
fn writer_said_it(
    tokens: &[Token],
    first: usize,
    end: usize,
    before: impl Fn(usize) -> bool,
    after: impl Fn(usize) -> bool,
) -> bool {
    clause_before(tokens, first).take(5).any(before) || (tokens.get(end).is_some_and(|t| !t.clause_start) && after(end))
}

/// The tokens before `at` in its clause, nearest first (the one right before `at` always).
fn clause_before(tokens: &[Token], at: usize) -> impl Iterator<Item = usize> + '_ {
    (0..at).rev().take_while(move |&k| k + 1 == at || !tokens[k + 1].clause_start)
}

/// An `@name` at the start of the text or after a space.
fn mentions_someone(text: &str) -> bool {
    let mut before = ' ';
    for (i, c) in text.char_indices() {
        let named = || text[i + c.len_utf8()..].chars().next().is_some_and(|n| n.is_alphanumeric() || n == '_');
        if c == '@' && before.is_whitespace() && named() {
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

    fn aimed(text: &str, name_calling: &[(usize, usize)]) -> bool {
        addressed(text, &tokens(text), name_calling, Some(Lang::En))
    }

    fn aimed_fr(text: &str, name_calling: &[(usize, usize)]) -> bool {
        addressed(text, &tokens(text), name_calling, Some(Lang::Fr))
    }

    #[test]
    fn second_person_words_and_mentions_address_the_reader() {
        assert!(aimed("ur so slow", &[]));
        assert!(aimed("You're wrong", &[]));
        assert!(aimed("@sam read the thread", &[]));
        assert!(!aimed("mail me at help@example.com", &[]));
        assert!(!aimed("holy shit this is good", &[]));
        assert!(aimed("Fuck yourself.", &[]));
        assert!(aimed("shut the fuck up", &[]));
        assert!(aimed("Read the FAQ before wasting our time.", &[]));
        assert!(!aimed("the fucking game was great", &[]));
        assert!(!aimed("the mayor is a crook", &[]));
    }

    #[test]
    fn name_calling_is_a_vocative_after_a_lead_or_alone_in_its_clause() {
        assert!(aimed("what a moron", &[(2, 3)]));
        assert!(aimed("Read it again, idiot.", &[(3, 4)]));
        assert!(aimed("such an idiot", &[(2, 3)]));
        assert!(!aimed("that referee was an idiot tonight", &[(4, 5)]));
        assert!(aimed("they are vermin", &[(2, 3)]));
    }

    #[test]
    fn name_calling_the_writer_says_of_themselves_is_aimed_at_nobody() {
        assert!(!aimed("I'm such an idiot, I left my keys at home", &[(4, 5)]));
        assert!(!aimed("I am such an idiot", &[(4, 5)]));
        assert!(!aimed("what an idiot I am", &[(2, 3)]));
        assert!(aimed("I'm telling you, such an idiot", &[(6, 7)]));
        assert!(aimed("I think they are idiots", &[(4, 5)]));
    }

    #[test]
    fn a_french_text_is_aimed_at_someone_unless_it_calls_only_the_writer_names() {
        // Tokens: "je suis vraiment idiot , j ai oublie mes cles": the insult is the fourth.
        assert!(!aimed_fr("Je suis vraiment idiot, j'ai oublié mes clés.", &[(3, 4)]));
        assert!(!aimed_fr("Quel boulet je fais, désolé pour le retard.", &[(1, 2)]));
        assert!(!aimed_fr("Suis-je bête !", &[(2, 3)]));
        assert!(!aimed_fr("J'suis trop nulle, pardon.", &[(3, 4)]));
        // Spoken to the reader, of someone else, or with no name at all: aimed, as every French text was before.
        assert!(aimed_fr("Je suis désolé mais vous êtes idiot.", &[(6, 7)]));
        assert!(aimed_fr("Quel idiot, ce type.", &[(1, 2)]));
        assert!(aimed_fr("@sam quel boulet je fais", &[(1, 2)]));
        assert!(aimed_fr("Quel boulet je fais, t'es pareil", &[(1, 2)]));
        assert!(aimed_fr("Je fais affaire avec des escrocs.", &[(5, 6)]));
        assert!(aimed_fr("C'est honteux.", &[]));
        // An adjective insult said of a thing is aimed at nobody; said of a person, or as a name, it is.
        assert!(!aimed_fr("Franchement, cette règle est idiote, on la change.", &[(4, 5)]));
        assert!(!aimed_fr("C'était une idée idiote.", &[(4, 5)]));
        assert!(!aimed_fr("Le formulaire était complètement con.", &[(4, 5)]));
        assert!(!aimed_fr("C'est débile de fermer le dimanche.", &[(2, 3)]));
        assert!(aimed_fr("Ce vendeur est idiot.", &[(3, 4)]));
        assert!(aimed_fr("Ce site est un idiot.", &[(4, 5)]));
        assert!(aimed_fr("Idiote.", &[(0, 1)]));
        // Without a language, every text is aimed at someone.
        assert!(addressed("Quel boulet je fais", &tokens("Quel boulet je fais"), &[(1, 2)], None));
    }
}

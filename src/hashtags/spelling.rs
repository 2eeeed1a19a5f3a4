//! The spelling of one tag in one language: its words, and a fix when a typo-tolerant split is clearly more
//! probable than the tag as typed. Never a fix for a piece Hunspell accepts, an acronym, a short piece, or a term
//! of the allowlist or of the user's dictionary.

use super::case::{pieces, restyle, style, PieceKind, Style};
use super::lexicon::Lexicon;
use super::segment::split;

/// When the tag as typed splits into known words (`socialmeida` → social me ida), a fix must be this much more
/// probable (in nats) on top of the cost of its edits.
const KNOWN_SPLIT_MARGIN: f32 = 4.0;
/// Upper-case pieces up to this length are acronyms (TBT, OOTD, NYC, COP).
const MAX_ACRONYM_CHARS: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// The tag's words in order, lowercase (corrected when there is a fix); digit runs are words too.
    pub words: Vec<String>,
    pub fix: Option<Fix>,
    /// Every piece is positively correct: a dictionary word or split of them, an acronym, an accepted term.
    pub correct: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// The corrected tag body, in the case style typed.
    pub body: String,
    /// How much more probable the fix is than the tag as typed, in nats.
    pub gain: f32,
}

/// Judges `body` (a tag without its `#`); `accepted` says whether a lowercase term is the user's or allowlisted.
pub fn judge(lex: &Lexicon, body: &str, accepted: &dyn Fn(&str) -> bool) -> Judgement {
    let mut words = Vec::new();
    let mut fixed = String::with_capacity(body.len());
    let mut gain = 0.0;
    let mut correct = true;
    for piece in pieces(body) {
        match piece.kind {
            PieceKind::Digits => {
                words.push(piece.text.to_owned());
                fixed.push_str(piece.text);
            }
            PieceKind::Other => fixed.push_str(piece.text),
            PieceKind::Letters => {
                let lower = piece.text.to_lowercase();
                let chars: Vec<char> = lower.chars().collect();
                let piece_style = style(piece.text);
                if chars.len() <= 2
                    || (piece_style == Style::Upper && chars.len() <= MAX_ACRONYM_CHARS)
                    || accepted(&lower)
                {
                    words.push(lower);
                    fixed.push_str(piece.text);
                    continue;
                }
                let exact = split(lex, &chars, false);
                let whole_word = lex.is_word(&lower);
                let all_correct = whole_word || exact.words.iter().all(|w| lex.is_common_word(&w.text));
                correct &= all_correct;
                if !whole_word {
                    let typo = split(lex, &chars, true);
                    let margin = if all_correct { KNOWN_SPLIT_MARGIN } else { 0.0 };
                    if typo.edits() > 0 && typo.cost + margin < exact.cost {
                        let texts: Vec<&str> = typo.words.iter().map(|w| w.text.as_str()).collect();
                        fixed.push_str(&restyle(&texts, piece_style));
                        words.extend(texts.iter().map(|w| (*w).to_owned()));
                        gain += exact.cost - typo.cost;
                        continue;
                    }
                }
                if whole_word && exact.words.iter().any(|w| !w.known) {
                    words.push(lower);
                } else {
                    words.extend(exact.words.into_iter().map(|w| w.text));
                }
                fixed.push_str(piece.text);
            }
        }
    }
    let fix = (fixed != body).then_some(Fix { body: fixed, gain });
    Judgement { words, fix, correct }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashtags::lexicon::Sources;
    use crate::lang::Lang;

    fn lexicon() -> Lexicon {
        let words = "the\t100000\nsocial\t300\nmedia\t300\ntips\t200\nme\t200\nida\t1\nsmall\t200\nbusiness\t200\n";
        let sources = Sources { aff: "SET UTF-8\n", dic: "1\nzalando\n", words, bigrams: "social media\t200\n", words_from_dictionary: true };
        Lexicon::build(Lang::En, &sources).unwrap()
    }

    fn fix(body: &str) -> Option<String> {
        judge(&lexicon(), body, &|w| w == "ootd").fix.map(|f| f.body)
    }

    #[test]
    fn fixes_keep_the_case_style() {
        assert_eq!(fix("SocialMeida").as_deref(), Some("SocialMedia"));
        assert_eq!(fix("socialmeida").as_deref(), Some("socialmedia"));
        assert_eq!(fix("SOCIALMEIDA").as_deref(), Some("SOCIALMEDIA"));
        assert_eq!(fix("smallbuisness").as_deref(), Some("smallbusiness"));
    }

    #[test]
    fn correct_tags_acronyms_and_accepted_terms_are_left_alone() {
        for body in ["SocialMedia", "socialmediatips", "OOTD", "ootd", "TBT", "Zalando", "social_media", "B2B"] {
            assert_eq!(fix(body), None, "{body}");
        }
    }

    #[test]
    fn words_come_out_split_and_corrected() {
        let lex = lexicon();
        assert_eq!(judge(&lex, "socialmediatips", &|_| false).words, ["social", "media", "tips"]);
        assert_eq!(judge(&lex, "SocialMeida2024", &|_| false).words, ["social", "media", "2024"]);
    }
}

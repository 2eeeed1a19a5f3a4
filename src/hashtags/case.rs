//! The pieces a tag's own writing marks (CamelCase humps, digit runs, `_`), and case styles: a fix keeps the style
//! the user typed (#SocialMeida → #SocialMedia, #socialmeida → #socialmedia, #SOCIALMEIDA → #SOCIALMEDIA).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// socialmedia
    Lower,
    /// Socialmedia
    Capitalised,
    /// SOCIALMEDIA
    Upper,
    /// iPhone, mcDONALDS
    Mixed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Letters,
    Digits,
    /// `_` and anything else that is neither a letter nor a digit (joiners, marks of other scripts).
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub kind: PieceKind,
}

fn kind_of(c: char) -> PieceKind {
    if c.is_alphabetic() {
        PieceKind::Letters
    } else if c.is_numeric() {
        PieceKind::Digits
    } else {
        PieceKind::Other
    }
}

/// Splits a tag body at changes of kind and at CamelCase humps: `iPhone16` → i, Phone, 16; `NYCMarathon` → NYC,
/// Marathon; `social_media` → social, _, media.
pub fn pieces(body: &str) -> Vec<Piece<'_>> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=chars.len() {
        let boundary = k == chars.len() || {
            let (prev, cur) = (chars[k - 1].1, chars[k].1);
            let next = chars.get(k + 1).map(|&(_, c)| c);
            kind_of(prev) != kind_of(cur)
                || kind_of(cur) == PieceKind::Other
                || (prev.is_lowercase() && cur.is_uppercase())
                || (prev.is_uppercase() && cur.is_uppercase() && next.is_some_and(char::is_lowercase))
        };
        if boundary {
            let (from, to) = (chars[start].0, chars.get(k).map_or(body.len(), |&(i, _)| i));
            out.push(Piece { text: &body[from..to], kind: kind_of(chars[start].1) });
            start = k;
        }
    }
    out
}

pub fn style(text: &str) -> Style {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else { return Style::Lower };
    let rest: Vec<char> = letters.collect();
    if first.is_lowercase() && rest.iter().all(|c| c.is_lowercase()) {
        Style::Lower
    } else if rest.iter().all(|c| c.is_uppercase()) {
        if rest.is_empty() {
            Style::Capitalised
        } else {
            Style::Upper
        }
    } else if first.is_uppercase() && rest.iter().all(|c| c.is_lowercase()) {
        Style::Capitalised
    } else {
        Style::Mixed
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Lowercase `words` written as one piece in `style` (a mixed piece gets CamelCase).
pub fn restyle(words: &[&str], style: Style) -> String {
    let joined = words.concat();
    match style {
        Style::Lower => joined,
        Style::Capitalised => capitalise(&joined),
        Style::Upper => joined.to_uppercase(),
        Style::Mixed => camel_case(words),
    }
}

/// `social media tips` → SocialMediaTips, what screen readers read word by word.
pub fn camel_case(words: &[&str]) -> String {
    words.iter().map(|w| capitalise(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        pieces(body).iter().map(|p| p.text).collect()
    }

    #[test]
    fn pieces_follow_humps_digits_and_underscores() {
        assert_eq!(texts("iPhone16"), ["i", "Phone", "16"]);
        assert_eq!(texts("NYCMarathon"), ["NYC", "Marathon"]);
        assert_eq!(texts("SocialMediaTips"), ["Social", "Media", "Tips"]);
        assert_eq!(texts("social_media"), ["social", "_", "media"]);
        assert_eq!(texts("COP29"), ["COP", "29"]);
        assert_eq!(texts("ÉtéParis"), ["Été", "Paris"]);
        assert_eq!(texts(""), Vec::<&str>::new());
        assert_eq!(pieces("B2B").iter().map(|p| p.kind).collect::<Vec<_>>(), [
            PieceKind::Letters,
            PieceKind::Digits,
            PieceKind::Letters
        ]);
    }

    #[test]
    fn styles_are_recognised_and_kept() {
        assert_eq!(style("socialmeida"), Style::Lower);
        assert_eq!(style("Socialmeida"), Style::Capitalised);
        assert_eq!(style("SOCIALMEIDA"), Style::Upper);
        assert_eq!(style("iPhone"), Style::Mixed);
        assert_eq!(restyle(&["social", "media"], Style::Lower), "socialmedia");
        assert_eq!(restyle(&["social", "media"], Style::Capitalised), "Socialmedia");
        assert_eq!(restyle(&["social", "media"], Style::Upper), "SOCIALMEDIA");
        assert_eq!(restyle(&["été"], Style::Upper), "ÉTÉ");
        assert_eq!(camel_case(&["social", "media", "tips"]), "SocialMediaTips");
    }
}

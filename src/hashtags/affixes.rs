//! The forms a Hunspell dictionary accepts without a prefix, as `tools/hashtag_data.py` (`french_forms`) lists them:
//! each stem of the .dic (unless it needs an affix or is forbidden) and each form of each of its suffix rules, with
//! one more suffix when a rule's continuation classes allow it; and, for a dictionary whose prefixes make words of
//! letters (en_US: re, un, dis…), those forms with each prefix too (`Dic::forms`). Only what dictionary-fr
//! and en_US use is read: `SFX` and `PFX` rules (strip, add, a condition of `.`, letters, `[set]` and `[^set]` at the
//! stem's end or start), their cross-product mark, `NEEDAFFIX`, `FORBIDDENWORD`, and flags of one character or two
//! (`FLAG long`).

use std::collections::HashMap;

use foldhash::fast::FixedState;

/// A flag: its one or two characters.
type Flag = (char, char);

/// One character of a rule's condition.
enum Class {
    Any,
    Letter(char),
    Set { letters: Vec<char>, negated: bool },
}

impl Class {
    fn matches(&self, c: char) -> bool {
        match self {
            Class::Any => true,
            Class::Letter(letter) => c == *letter,
            Class::Set { letters, negated } => letters.contains(&c) != *negated,
        }
    }
}

struct Rule {
    strip: String,
    /// The rule before it (of the same flag) strips the same: whether the stem ends with it is known.
    same_strip: bool,
    add: String,
    /// Matched against the stem's last characters; empty for the condition `.` alone, which any stem meets.
    condition: Vec<Class>,
    /// The continuation classes that are suffix flags, as indices of their rule sets.
    continuation: Vec<u16>,
}

/// One prefix rule: `add` in place of `strip` at the start of a stem whose first characters meet `condition`.
struct Prefix {
    strip: String,
    add: String,
    condition: Vec<Class>,
}

/// The affix rules of an .aff file.
pub struct Affixes {
    /// Each suffix flag's rule set: `sets[index[flag]]`. The .dic's flags are turned into set indices once, when it
    /// is read (`read_dic`), so that expanding a stem looks nothing up by flag.
    index: HashMap<Flag, u16, FixedState>,
    sets: Vec<Vec<Rule>>,
    /// Whether each suffix set combines with a prefix (the `Y` of its header).
    cross: Vec<bool>,
    /// Each prefix flag's rules and whether they combine with a suffix.
    prefixes: HashMap<Flag, (Vec<Prefix>, bool), FixedState>,
    long_flags: bool,
    need_affix: Option<Flag>,
    forbidden: Option<Flag>,
}

/// A .dic's text with the rules that read it (`Affixes::read_dic`). Each pass parses its lines again, one at a
/// time, rather than holding the 84,000 entries of dictionary-fr at once: the wasm's memory keeps its peak.
pub struct Dic<'a> {
    affixes: &'a Affixes,
    text: &'a str,
}

impl<'a> Dic<'a> {
    /// Each stem that is a word by itself (no NEEDAFFIX, not forbidden), in the .dic's order, with a function that
    /// gives its forms of one suffix (no continuation, no prefix) in the order of its rules, expanded only if called.
    pub fn stems(&self, mut each: impl FnMut(&'a str, &dyn Fn(&mut dyn FnMut(&str)))) {
        self.affixes.entries(self.text, |stem, alone, sets, _| {
            if alone {
                each(stem, &|form: &mut dyn FnMut(&str)| {
                    self.affixes.suffixed(stem, sets, &mut [String::new()], &mut |f: &str| form(f))
                });
            }
        });
    }

    /// Each form of the .dic, some more than once: its stems (`stems`) and their suffixed forms (`false` beside
    /// each); and each stem with each of its prefixes (`true`), alone and before each suffix of a set that combines
    /// with it (both marked `Y`): "reorganizations" of organization's A (re) and S (s). Prefixes that add anything
    /// but letters (French elisions: l', d') are left out: no word of a hashtag has them.
    pub fn forms(&self, mut each: impl FnMut(&str, bool)) {
        let mut buffers = [String::new(), String::new()];
        let (mut prefixed, mut suffixed, mut cross_sets) = (String::new(), Vec::new(), Vec::new());
        self.affixes.entries(self.text, |stem, alone, sets, prefix_flags| {
            if alone {
                each(stem, false);
            }
            self.affixes.suffixed(stem, sets, &mut buffers, &mut |form: &str| each(form, false));
            let mut rules = prefix_flags
                .iter()
                .filter_map(|f| self.affixes.prefixes.get(f))
                .flat_map(|(rules, cross)| rules.iter().map(move |rule| (rule, *cross)))
                .filter(|(rule, _)| stem.starts_with(&rule.strip) && meets_start(stem, &rule.condition))
                .peekable();
            if rules.peek().is_none() {
                return;
            }
            cross_sets.clear();
            cross_sets.extend(sets.iter().copied().filter(|&set| self.affixes.cross[usize::from(set)]));
            suffixed.clear();
            self.affixes
                .suffixed(stem, &cross_sets, &mut buffers[..1], &mut |form: &str| suffixed.push(form.to_owned()));
            for (rule, cross) in rules {
                for form in std::iter::once(stem).chain(suffixed.iter().map(String::as_str).filter(|_| cross)) {
                    // A suffix's form keeps the stem's start (en_US's suffixes strip only at the end).
                    let Some(rest) = form.strip_prefix(rule.strip.as_str()) else { continue };
                    prefixed.clear();
                    prefixed.push_str(&rule.add);
                    prefixed.push_str(rest);
                    each(&prefixed, true);
                }
            }
        });
    }
}

impl Affixes {
    /// Reads the suffix rules and flags of an .aff file's text.
    pub fn parse(aff: &str) -> Result<Affixes, String> {
        let mut affixes = Affixes {
            index: HashMap::with_hasher(FixedState::default()),
            sets: Vec::new(),
            cross: Vec::new(),
            prefixes: HashMap::with_hasher(FixedState::default()),
            long_flags: false,
            need_affix: None,
            forbidden: None,
        };
        for line in aff.lines() {
            match line.split_whitespace().collect::<Vec<_>>()[..] {
                ["FLAG", "long"] => affixes.long_flags = true,
                ["FLAG", other, ..] => return Err(format!("unsupported affix flags {other:?}")),
                _ => {}
            }
        }
        let mut continuations: Vec<Vec<Vec<Flag>>> = Vec::new(); // by set, by rule: as written
        let mut suffix_cross: HashMap<Flag, bool> = HashMap::new(); // from the headers
        for line in aff.lines() {
            match line.split_whitespace().collect::<Vec<_>>()[..] {
                ["NEEDAFFIX", flag] => affixes.need_affix = affixes.flags(flag).first().copied(),
                ["FORBIDDENWORD", flag] => affixes.forbidden = affixes.flags(flag).first().copied(),
                [kind @ ("SFX" | "PFX"), flag, cross, _count] => {
                    let flag = affixes.flags(flag).first().copied().ok_or_else(|| format!("bad header {line:?}"))?;
                    if kind == "SFX" {
                        suffix_cross.insert(flag, cross == "Y");
                    } else {
                        affixes.prefixes.entry(flag).or_insert_with(|| (Vec::new(), false)).1 = cross == "Y";
                    }
                }
                ["PFX", flag, strip, add, condition, ..] => {
                    let flag = affixes.flags(flag).first().copied().ok_or_else(|| format!("bad rule {line:?}"))?;
                    let (add, _) = add.split_once('/').unwrap_or((add, ""));
                    if add != "0" && !add.chars().all(char::is_alphabetic) {
                        continue; // an elision (l', qu'): `Dic::forms` leaves its forms out
                    }
                    let rule = Prefix {
                        strip: if strip == "0" { String::new() } else { strip.to_owned() },
                        add: if add == "0" { String::new() } else { add.to_owned() },
                        condition: parse_condition(condition).ok_or_else(|| format!("bad condition in {line:?}"))?,
                    };
                    affixes.prefixes.entry(flag).or_insert_with(|| (Vec::new(), false)).0.push(rule);
                }
                ["SFX", flag, strip, add, condition, ..] => {
                    let flag = affixes.flags(flag).first().copied().ok_or_else(|| format!("bad rule {line:?}"))?;
                    let (add, continuation) = add.split_once('/').unwrap_or((add, ""));
                    let rule = Rule {
                        strip: if strip == "0" { String::new() } else { strip.to_owned() },
                        same_strip: false,
                        add: if add == "0" { String::new() } else { add.to_owned() },
                        condition: parse_condition(condition).ok_or_else(|| format!("bad condition in {line:?}"))?,
                        continuation: Vec::new(),
                    };
                    let next = affixes.sets.len();
                    let set = usize::from(*affixes.index.entry(flag).or_insert(next as u16));
                    if set == next {
                        affixes.sets.push(Vec::new());
                        continuations.push(Vec::new());
                    }
                    affixes.sets[set].push(rule);
                    continuations[set].push(affixes.flags(continuation));
                }
                _ => {}
            }
        }
        if affixes.sets.len() > usize::from(u16::MAX) {
            return Err(format!("{} suffix flags (at most {} are read)", affixes.sets.len(), u16::MAX));
        }
        // Continuation classes that name no suffix are dropped, once every rule is known. Whether the stem ends
        // with what a rule strips is compared once for a run of rules that strip the same (a verb's flag has
        // hundreds of rules, in runs: 791 runs of the 5,184 rules of dictionary-fr).
        affixes.cross = vec![false; affixes.sets.len()];
        for (flag, &set) in &affixes.index {
            affixes.cross[usize::from(set)] = suffix_cross.get(flag).copied().unwrap_or(false);
        }
        for (rules, written) in affixes.sets.iter_mut().zip(continuations) {
            for (k, flags) in written.into_iter().enumerate() {
                rules[k].continuation = flags.iter().filter_map(|f| affixes.index.get(f).copied()).collect();
                rules[k].same_strip = k > 0 && rules[k - 1].strip == rules[k].strip;
            }
        }
        Ok(affixes)
    }

    /// The flags of an entry or a continuation class: one character each, or two with `FLAG long` (an odd last
    /// character is no flag).
    fn flags(&self, text: &str) -> Vec<Flag> {
        let mut flags = Vec::new();
        self.push_flags(text, &mut flags);
        flags
    }

    /// `flags`, appended to `out`.
    fn push_flags(&self, text: &str, out: &mut Vec<Flag>) {
        let mut chars = text.chars();
        if self.long_flags {
            while let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                out.push((a, b));
            }
        } else {
            out.extend(chars.map(|c| (c, '\0')));
        }
    }

    /// The .dic's text as the passes over it read it (`Dic`).
    pub fn read_dic<'a>(&'a self, dic: &'a str) -> Dic<'a> {
        Dic { affixes: self, text: dic }
    }

    /// Each entry of a .dic's text (the first field of each line, `stem/flags`, after the count line), but for empty
    /// lines and forbidden entries: its stem, whether it is a word by itself (no NEEDAFFIX), the suffix rule sets
    /// its flags name, in their order, and its flags (the prefix flags among them).
    fn entries<'a>(&self, dic: &'a str, mut each: impl FnMut(&'a str, bool, &[u16], &[Flag])) {
        let (mut flags, mut sets) = (Vec::new(), Vec::new());
        for field in dic.lines().skip(1).filter_map(|line| line.split_whitespace().next()) {
            let (stem, written) = field.split_once('/').unwrap_or((field, ""));
            flags.clear();
            self.push_flags(written, &mut flags);
            if stem.is_empty() || self.forbidden.is_some_and(|f| flags.contains(&f)) {
                continue;
            }
            sets.clear();
            sets.extend(flags.iter().filter_map(|f| self.index.get(f).copied()));
            each(stem, !self.need_affix.is_some_and(|f| flags.contains(&f)), &sets, &flags);
        }
    }

    /// The forms of `stem` with each rule of `sets` it meets (built in the first buffer), and with the continuations
    /// of those while buffers are left: one more suffix with two.
    fn suffixed(&self, stem: &str, sets: &[u16], buffers: &mut [String], each: &mut impl FnMut(&str)) {
        let Some((buffer, deeper)) = buffers.split_first_mut() else {
            return;
        };
        let mut ends_with_strip = false;
        for rule in sets.iter().flat_map(|&set| &self.sets[usize::from(set)]) {
            if !rule.same_strip {
                ends_with_strip = stem.ends_with(&rule.strip);
            }
            if !ends_with_strip || !meets(stem, &rule.condition) {
                continue;
            }
            buffer.clear();
            buffer.push_str(&stem[..stem.len() - rule.strip.len()]);
            buffer.push_str(&rule.add);
            each(buffer);
            if !deeper.is_empty() && !rule.continuation.is_empty() {
                self.suffixed(buffer, &rule.continuation, deeper, each);
            }
        }
    }
}

/// The classes of a condition; empty for `.` alone (any stem, even an empty one); None when a `[` is not closed.
fn parse_condition(text: &str) -> Option<Vec<Class>> {
    if text == "." {
        return Some(Vec::new());
    }
    let mut classes = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        classes.push(match c {
            '.' => Class::Any,
            '[' => {
                let mut letters: Vec<char> = Vec::new();
                let mut negated = false;
                loop {
                    match chars.next()? {
                        ']' => break,
                        '^' if letters.is_empty() && !negated => negated = true,
                        letter => letters.push(letter),
                    }
                }
                Class::Set { letters, negated }
            }
            letter => Class::Letter(letter),
        });
    }
    Some(classes)
}

/// Whether the last characters of `stem` meet the condition's classes, one each.
fn meets(stem: &str, condition: &[Class]) -> bool {
    let mut last = stem.chars().rev();
    condition.iter().rev().all(|class| last.next().is_some_and(|c| class.matches(c)))
}

/// Whether the first characters of `stem` meet the condition's classes, one each (a prefix's condition).
fn meets_start(stem: &str, condition: &[Class]) -> bool {
    let mut first = stem.chars();
    condition.iter().all(|class| first.next().is_some_and(|c| class.matches(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rules of each condition kind, a strip, a continuation, a flag needing an affix and a forbidden one.
    const AFF: &str = "SET UTF-8\nFLAG long\nNEEDAFFIX ()\nFORBIDDENWORD {}\n\
        SFX S. Y 1\nSFX S. 0 s/x. [^sxz]\n\
        SFX x. Y 1\nSFX x. 0 x .\n\
        SFX E. Y 3\nSFX E. er é/S. er\nSFX E. er ant [^cg]er\nSFX E. er eant ger\n\
        SFX F. Y 2\nSFX F. 0 e [aeiou]n\nSFX F. 0 te .at\n";
    const DIC: &str = "6\nchanter/E.\nmanger/E.\nbon/F.S.\nchat/F.\nlapin/F.()\nbonx/S.{}\n";

    fn forms(aff: &str, dic: &str) -> Vec<String> {
        let mut out = Vec::new();
        let affixes = Affixes::parse(aff).unwrap();
        affixes.read_dic(dic).forms(|f, prefixed| {
            if !prefixed {
                out.push(f.to_owned())
            }
        });
        out
    }

    #[test]
    fn suffixes_follow_their_strip_condition_and_continuation() {
        let got = forms(AFF, DIC);
        // chanté takes S. (chantés) but not x., S.'s own continuation (one level only), which bons of bon takes;
        // [^cg]er rejects manger, which takes ger instead; bon takes F. by [aeiou]n and S. by [^sxz]; chat takes .at;
        // lapin needs an affix (not listed alone); bonx is forbidden.
        let want = [
            "chanter", "chanté", "chantés", "chantant", "manger", "mangé", "mangés", "mangeant", "bon", "bone", "bons",
            "bonsx", "chat", "chatte", "lapine",
        ];
        assert_eq!(got, want);
        let mut stems = Vec::new();
        let affixes = Affixes::parse(AFF).unwrap();
        affixes.read_dic(DIC).stems(|s, suffixed| {
            let mut forms = Vec::new();
            suffixed(&mut |f| forms.push(f.to_owned()));
            stems.push(format!("{s}: {}", forms.join(" ")));
        });
        // Forms of one suffix: chanté, not chantés; bons, not bonsx.
        assert_eq!(stems, ["chanter: chanté chantant", "manger: mangé mangeant", "bon: bone bons", "chat: chatte"]);
    }

    #[test]
    fn prefixes_make_forms_alone_and_with_the_suffixes_they_cross() {
        // en_US's shape: A (re) crosses S (s) but not D (ed), which is marked N; U needs a condition met at the start;
        // L (l') adds an apostrophe: left out.
        let aff = "PFX A Y 1\nPFX A 0 re .\nPFX U Y 1\nPFX U 0 un [^u]\nPFX L Y 1\nPFX L 0 l' .\n\
                   SFX S Y 1\nSFX S 0 s .\nSFX D N 1\nSFX D 0 ed .\n";
        let dic = "2\norganize/ASDL\nusable/U\n";
        let mut got = Vec::new();
        Affixes::parse(aff).unwrap().read_dic(dic).forms(|f, prefixed| got.push((f.to_owned(), prefixed)));
        let want = [
            ("organize", false),
            ("organizes", false),
            ("organizeed", false),
            ("reorganize", true),
            ("reorganizes", true),
            ("usable", false),
        ];
        assert_eq!(got, want.map(|(f, p)| (f.to_owned(), p)));
    }

    #[test]
    fn conditions_match_the_stem_end() {
        let classes = |c: &str| parse_condition(c).unwrap();
        assert!(meets("", &classes(".")) && meets("a", &classes(".")) && !meets("", &classes("a.")));
        assert!(meets("chat", &classes("[aeiou]t")) && !meets("chat", &classes("[^aeiou]t")));
        assert!(meets("chat", &classes("h.t")) && !meets("chat", &classes("ch")));
        assert!(parse_condition("[ab").is_none());
    }

    #[test]
    fn flags_are_one_character_without_flag_long() {
        let aff = "SFX s Y 1\nSFX s 0 s .\n";
        assert_eq!(forms(aff, "1\nchat/s\n"), ["chat", "chats"]);
        assert!(Affixes::parse("FLAG num\n").is_err());
    }
}

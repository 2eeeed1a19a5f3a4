//! `validAsciiDomain`, the regex twitter-text runs on the domain of a URL without protocol: only its ASCII (and
//! Latin-accented) domains become URLs.

use super::super::chars::is_latin_accent;
use super::tlds::match_tld;

/// Buffers of `ascii_domains`, kept from one URL to the next so that no URL allocates.
#[derive(Default)]
pub(super) struct DomainScratch {
    /// (start, end, dot) of each maximal run of ASCII label characters, plus empty runs right after dots.
    runs: Vec<(usize, usize, bool)>,
    /// `best[k]`: end of the match `(label\.)+tld` whose first label is run k, the most labels first.
    best: Vec<Option<usize>>,
    found: Vec<(usize, usize)>,
    /// The one match of a plain ASCII domain, the usual case, returned without touching `found` (no allocation).
    single: [(usize, usize); 1],
}

/// Every `validAsciiDomain` match in `text[from..to]` (the regex runs on the domain string alone).
pub(super) fn ascii_domains<'s>(
    text: &str,
    from: usize,
    to: usize,
    scratch: &'s mut DomainScratch,
) -> &'s [(usize, usize)] {
    if let Some(end) = plain_ascii_domain(text, from, to) {
        scratch.single = [(from, end)];
        return &scratch.single;
    }
    let DomainScratch { runs, best, found, .. } = scratch;
    found.clear();
    let is_ascii_label_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c);
    runs.clear();
    let mut run: Option<(usize, usize)> = None;
    let mut after_dot = false;
    for (j, c) in text[from..to].char_indices() {
        let i = from + j;
        if is_ascii_label_char(c) {
            let r = run.get_or_insert((i, i));
            r.1 = i + c.len_utf8();
        } else {
            if let Some((s, e)) = run.take() {
                runs.push((s, e, c == '.'));
            } else if after_dot {
                runs.push((i, i, c == '.'));
            }
            after_dot = c == '.';
        }
    }
    if let Some((s, e)) = run {
        runs.push((s, e, false));
    } else if after_dot {
        runs.push((to, to, false));
    }
    best.clear();
    best.resize(runs.len(), None);
    for k in (0..runs.len()).rev() {
        let (s, e, dot) = runs[k];
        if s < e && dot {
            best[k] = best[k + 1].or_else(|| match_tld(text, runs[k + 1].0, to));
        }
    }
    let mut last = from;
    for (k, &(s, e, _)) in runs.iter().enumerate() {
        let s = s.max(last);
        if s < e {
            if let Some(end) = best[k] {
                found.push((s, end));
                last = end;
            }
        }
    }
    found
}

/// The usual domain without protocol, `text[from..to]` made of ASCII letters, digits and `-` in non-empty labels
/// between dots, whose last label is a TLD ending at `to`: then the regex's only match is all of it (every label
/// but the last takes `(label\.)+`, the most labels first, and the TLD ends the string), found without the runs.
fn plain_ascii_domain(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[from..to];
    let mut last_label = None;
    let mut label_len = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'.' {
            if label_len == 0 {
                return None;
            }
            label_len = 0;
            last_label = Some(from + i + 1);
        } else if b.is_ascii_alphanumeric() || b == b'-' {
            label_len += 1;
        } else {
            return None;
        }
    }
    let tld = last_label.filter(|_| label_len > 0)?;
    (match_tld(text, tld, to) == Some(to)).then_some(to)
}

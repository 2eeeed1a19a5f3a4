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
}

/// Every `validAsciiDomain` match in `text[from..to]` (the regex runs on the domain string alone).
pub(super) fn ascii_domains<'s>(
    text: &str,
    from: usize,
    to: usize,
    scratch: &'s mut DomainScratch,
) -> &'s [(usize, usize)] {
    let is_ascii_label_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c);
    let DomainScratch { runs, best, found } = scratch;
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
    found.clear();
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

//! The domain part of twitter-text's `extractUrl` regex (`validDomain`: subdomains, a domain name and a TLD).
//!
//! The text is cut into domain labels around its dots; a right-to-left pass records, for each label, where the
//! regex's preferred domain match starting there ends, so that every candidate URL start costs O(log n).

use std::cell::Cell;

use super::super::chars::{char_at, decode_at, is_domain_char, is_label_char};
use super::tlds::match_tld;
use crate::text::find_byte;

const NONE: u32 = u32::MAX;

/// A maximal run of label characters; `dot` when a `.` follows it (the next label then starts right after).
struct Label {
    start: u32,
    end: u32,
    /// Byte offset of the last `_` in the label, `NONE` if there is none.
    last_underscore: u32,
    /// End of the reference's preferred domain match starting at this label's start, `NONE` if it fails.
    domain_end: u32,
    /// End of a TLD matched at this label's start (only for labels after a dot), `NONE` if none.
    tld_end: u32,
    dot: bool,
    /// The last character is a domain character (not `_` or `-`).
    last_is_domain_char: bool,
}

/// The text cut into labels, with each label's preferred domain match precomputed.
pub(super) struct Labels<'t> {
    pub(super) text: &'t str,
    labels: Vec<Label>,
    /// Index of the label found last: the scan moves forward, so lookups mostly walk a step or two from it.
    hint: Cell<usize>,
}

impl<'t> Labels<'t> {
    /// Only labels next to a dot can take part in a domain (a label without a dot on either side never has a
    /// preferred domain match nor a TLD), so the text is searched for dots and cut into labels only around them:
    /// each dot cluster runs from the start of the label before its first dot to the first character that is
    /// neither a label character nor a dot. The labels left out are the ones `domain_in` would reject.
    pub(super) fn new(text: &'t str) -> Self {
        let mut labels = Vec::with_capacity(16); // the labels of a short post, without growing
        let mut from = 0;
        while let Some(dot) = find_byte(text.as_bytes(), from, b'.') {
            from = match may_hold_tld(text, dot) {
                Ok(()) => {
                    let start = text[..dot]
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| !is_label_char(c))
                        .map_or(0, |(i, c)| i + c.len_utf8());
                    push_dot_cluster(text, start, &mut labels)
                }
                Err(end) => end,
            };
        }
        // A TLD is only looked for after a label that could be the domain name before it.
        for i in 1..labels.len() {
            if labels[i - 1].dot && labels[i - 1].last_is_domain_char {
                labels[i].tld_end = match_tld(text, labels[i].start as usize, text.len()).map_or(NONE, |e| e as u32);
            }
        }
        let mut me = Labels { text, labels, hint: Cell::new(0) };
        for i in (0..me.labels.len()).rev() {
            let start = me.labels[i].start as usize;
            me.labels[i].domain_end = me.domain_in(i, start, None).map_or(NONE, |e| e as u32);
        }
        me
    }

    /// The reference's `validDomain` match starting at byte `q` of label `i` (`subdomain* domainName tld`, the
    /// most labels first), optionally behind a `lead` domain character that only JavaScript sees.
    pub(super) fn domain_in(&self, i: usize, q: usize, lead: Option<()>) -> Option<usize> {
        let l = &self.labels[i];
        let end = l.end as usize;
        let first_ok = match lead {
            Some(()) => true,
            None => q < end && char_at(self.text, q).is_some_and(is_domain_char),
        };
        let last_ok = if q < end { l.last_is_domain_char } else { lead.is_some() };
        if !(first_ok && last_ok && l.dot) {
            return None;
        }
        let next = &self.labels[i + 1];
        let no_underscore = l.last_underscore == NONE || (l.last_underscore as usize) < q;
        let end = if next.domain_end != NONE {
            next.domain_end
        } else if no_underscore {
            next.tld_end
        } else {
            NONE
        };
        (end != NONE).then_some(end as usize)
    }

    /// Index of the label holding byte `q` (`q` strictly inside it).
    pub(super) fn label_at(&self, q: usize) -> Option<usize> {
        let labels = &self.labels;
        let mut i = self.hint.get();
        if i < labels.len() && labels[i].start as usize <= q {
            while i + 1 < labels.len() && labels[i + 1].start as usize <= q {
                i += 1;
            }
        } else {
            i = labels.partition_point(|l| l.start as usize <= q).checked_sub(1)?;
        }
        self.hint.set(i);
        (q < labels[i].end as usize).then_some(i)
    }

    /// The byte ranges (from a char boundary) where the regex's preceding character can be for a match to start,
    /// in order: from a protocol and its preceding character before a label to the label's end, for each label
    /// whose preferred domain match can succeed (a dot after it, and a domain or a TLD after the dot); with the
    /// label's start. Before it, only a match with a protocol can start: `domain_at` fails there.
    pub(super) fn windows(&self) -> Vec<Window> {
        const BEFORE: usize = "https://".len() + 4;
        self.labels
            .windows(2)
            .filter(|w| w[0].dot && (w[1].domain_end != NONE || w[1].tld_end != NONE))
            .map(|w| {
                let mut from = (w[0].start as usize).saturating_sub(BEFORE);
                while !self.text.is_char_boundary(from) {
                    from -= 1;
                }
                Window { from, label: w[0].start as usize, end: w[0].end as usize }
            })
            .collect()
    }

    pub(super) fn domain_at(&self, q: usize) -> Option<usize> {
        if !char_at(self.text, q).is_some_and(is_domain_char) {
            return None;
        }
        self.domain_in(self.label_at(q)?, q, None)
    }
}

/// Where a match can start around one label (`Labels::windows`): byte offsets.
pub(super) struct Window {
    pub(super) from: usize,
    pub(super) label: usize,
    pub(super) end: usize,
}

/// Whether some dot of the cluster from `dot` on is followed by a character a TLD can begin with (a letter: every
/// TLD, punycode included, begins with one), else `Err` with where the cluster ends. A cluster without one holds
/// no TLD, hence no domain: it is stepped over without being cut into labels (most dots in prose end a sentence).
fn may_hold_tld(text: &str, dot: usize) -> Result<(), usize> {
    let bytes = text.as_bytes();
    let mut at = dot;
    while at < bytes.len() {
        let (c, len) = decode_at(bytes, at);
        if c == '.' {
            if bytes.get(at + 1).is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80) {
                return Ok(());
            }
        } else if !is_label_char(c) {
            return Err(at + len);
        }
        at += len;
    }
    Err(bytes.len())
}

/// Cuts the dot cluster starting at `start` into labels (a maximal run of label characters each, plus an empty
/// label right after a dot that no run follows); returns where the cluster ends.
fn push_dot_cluster(text: &str, start: usize, labels: &mut Vec<Label>) -> usize {
    let new_label = |at: usize| Label {
        start: at as u32,
        end: at as u32,
        last_underscore: NONE,
        domain_end: NONE,
        tld_end: NONE,
        dot: false,
        last_is_domain_char: false,
    };
    let mut run: Option<Label> = None;
    let mut after_dot = false;
    for (j, c) in text[start..].char_indices() {
        let i = start + j;
        if is_label_char(c) {
            let label = run.get_or_insert_with(|| new_label(i));
            label.end = (i + c.len_utf8()) as u32;
            label.last_is_domain_char = c != '_' && c != '-';
            if c == '_' {
                label.last_underscore = i as u32;
            }
        } else {
            if let Some(mut label) = run.take() {
                label.dot = c == '.';
                labels.push(label);
            } else if after_dot {
                let mut empty = new_label(i);
                empty.dot = c == '.';
                labels.push(empty);
            }
            if c != '.' {
                return i + c.len_utf8();
            }
            after_dot = true;
        }
    }
    if let Some(label) = run {
        labels.push(label);
    } else if after_dot {
        labels.push(new_label(text.len()));
    }
    text.len()
}

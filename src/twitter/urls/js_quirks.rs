//! Behaviours of the reference that come from JavaScript strings (UTF-16 code units), reproduced on UTF-8.

use super::domain::Labels;
use super::extract::{finish, RawUrl};

/// The match JavaScript finds when an astral character at `p` (ending at `q`) is the preceding "character": it
/// starts on the character's low surrogate, a domain character glued to whatever follows.
pub(super) fn match_after_high_surrogate(labels: &Labels, p: usize, q: usize, c: char) -> Option<RawUrl> {
    let i = labels.label_at(p)?;
    let de = labels.domain_in(i, q, Some(()))?;
    let low = 0xDC00 + ((c as u32 - 0x10000) & 0x3FF);
    Some(finish(labels.text, q, q, de, Some(low)))
}

//! Hand-written ports of twitter-text 3.1.0 (Apache-2.0): URL and hashtag extraction and validation, emoji
//! sequences, the one entity scan the checks share (`entities`) and the v3 weighted length.
//!
//! Offsets in the public API are byte offsets into the `&str` given; the behaviour (which spans are found) matches
//! the JavaScript reference, whose regexes are reproduced by linear scanners instead of a regex engine.

pub(crate) mod chars;
pub mod emoji;
pub mod entities;
pub mod hashtags;
mod idna;
pub mod urls;
pub mod weighted;

//! URL extraction and validation, a port of twitter-text 3.1.0 `extractUrlsWithIndices` (with URLs without
//! protocol, as `parseTweet` uses it) and `isValidUrl`.
//!
//! The reference matches one big backtracking regex (`extractUrl`) and post-processes each match. Here the text is
//! first cut into domain labels; a right-to-left pass records, for each label, where the regex's preferred domain
//! match starting there ends, so every candidate start costs O(log n) and the whole scan is O(n log n), whatever the
//! input (a megabyte of dots or of `a.a.a.` included). Path, query and the post-processing are linear scans.
//!
//! One module per job: `extract` (the scan and the post-processing), `domain` and `tlds` (the domain part of the
//! regex), `path` (path and query), `ascii_domains` (URLs without protocol), `js_quirks` (UTF-16 behaviours) and
//! `validate` (`isValidUrl`).

mod ascii_domains;
mod domain;
mod extract;
mod js_quirks;
mod path;
mod tlds;
mod validate;

pub use extract::{extract_urls, UrlEntity};
pub use validate::is_valid_url;

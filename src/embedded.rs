//! Data files compiled into the core (`include_str!`) without their comment lines: the lines that begin with `#`
//! document a file for its readers, and every parser skips them, so the wasm does not carry them (3.2 KB of the zip
//! over the tone lexicons, the TLDs, the hashtag tables, the allowlist and the time zones).

/// A data file's text without its comment lines, computed when compiling: `uncommented!(include_str!("…"))`.
macro_rules! uncommented {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const BYTES: &[u8] =
            &$crate::embedded::without_comments::<{ $crate::embedded::uncommented_len(TEXT) }>(TEXT.as_bytes());
        const UNCOMMENTED: &str = match core::str::from_utf8(BYTES) {
            Ok(text) => text,
            Err(_) => panic!("whole lines were taken out of UTF-8 text"),
        };
        UNCOMMENTED
    }};
}
pub(crate) use uncommented;

/// Length of `text` without its comment lines (a line beginning with `#`, with its newline).
pub(crate) const fn uncommented_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut at, mut len) = (0, 0);
    while at < bytes.len() {
        let end = line_end(bytes, at);
        if bytes[at] != b'#' {
            len += end - at;
        }
        at = end;
    }
    len
}

/// `bytes` without their comment lines; `N` is their `uncommented_len`.
pub(crate) const fn without_comments<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut at, mut written) = (0, 0);
    while at < bytes.len() {
        let end = line_end(bytes, at);
        if bytes[at] != b'#' {
            while at < end {
                out[written] = bytes[at];
                written += 1;
                at += 1;
            }
        }
        at = end;
    }
    out
}

/// Where the line starting at `at` ends, past its newline.
const fn line_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at] != b'\n' {
        at += 1;
    }
    if at < bytes.len() {
        at + 1
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn comment_lines_are_taken_out_when_compiling_the_rest_is_kept() {
        const TEXT: &str = super::uncommented!("# about\nété\n#more\n\nlast # not a comment\n# end");
        assert_eq!(TEXT, "été\n\nlast # not a comment\n");
        assert_eq!(super::uncommented!("no newline"), "no newline");
        assert_eq!(super::uncommented!(""), "");
    }
}

//! The label-length check of twitter-text's `idna.toAscii` (punycode.js 1.4.1 `toASCII` on each DNS label):
//! every label, once punycode-encoded, must be 1 to 63 characters long.

const MAX_LABEL_LENGTH: usize = 63;

/// Whether every `.`-separated label of `domain` encodes to 1..=63 ASCII characters. `lead` is a code point that
/// JavaScript sees before the first label (the low surrogate half of an astral character that preceded the URL).
pub(crate) fn labels_fit(domain: &str, lead: Option<u32>) -> bool {
    // The usual case: printable ASCII is kept as is (and holds no other separator than `.`).
    if let Some(fit) = lead.is_none().then(|| printable_ascii_labels_fit(domain)).flatten() {
        return fit;
    }
    domain.split('.').enumerate().all(|(i, label)| {
        to_ascii_len(if i == 0 { lead } else { None }, label).is_some_and(|len| (1..=MAX_LABEL_LENGTH).contains(&len))
    })
}

/// Whether every `.`-separated label of `domain` is 1..=63 bytes long, in one pass over its bytes; `None` when the
/// domain is not all printable ASCII.
fn printable_ascii_labels_fit(domain: &str) -> Option<bool> {
    let (mut fit, mut label) = (true, 0);
    for &b in domain.as_bytes() {
        match b {
            b'.' => {
                fit &= (1..=MAX_LABEL_LENGTH).contains(&label);
                label = 0;
            }
            0x20..=0x7E => label += 1,
            _ => return None,
        }
    }
    Some(fit && (1..=MAX_LABEL_LENGTH).contains(&label))
}

/// Length of punycode.js `toASCII(label)`: sub-labels split at RFC 3490 separators, each kept if printable ASCII
/// or replaced by `xn--` + its encoding, joined by `.`; `lead` is prepended to the first sub-label.
/// `None` when the result is certainly too long (which also avoids punycode's overflow error).
fn to_ascii_len(lead: Option<u32>, label: &str) -> Option<usize> {
    let mut total = 0;
    for (i, sub) in label.split(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}']).enumerate() {
        // Every code point yields at least one output character: a longer sub-label never fits, and the code
        // points of one that may fit are gathered on the stack.
        let mut buf = [0u32; MAX_LABEL_LENGTH];
        let mut len = 0;
        for c in lead.filter(|_| i == 0).into_iter().chain(sub.chars().map(u32::from)) {
            *buf.get_mut(len)? = c;
            len += 1;
        }
        let cps = &buf[..len];
        total += usize::from(i > 0);
        total += if cps.iter().all(|c| (0x20..=0x7E).contains(c)) { cps.len() } else { 4 + encoded_len(cps)? };
        if total > MAX_LABEL_LENGTH {
            return None;
        }
    }
    Some(total)
}

/// Length of the RFC 3492 punycode encoding of `input` (code points), as punycode.js `encode` produces it.
fn encoded_len(input: &[u32]) -> Option<usize> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    if input.len() > MAX_LABEL_LENGTH {
        return None; // every code point yields at least one output character
    }
    let basic = input.iter().filter(|&&c| c < 0x80).count();
    let mut out = basic + usize::from(basic > 0);
    let (mut n, mut delta, mut bias, mut handled) = (128u32, 0u64, 72u32, basic);
    while handled < input.len() {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta += u64::from(m - n) * (handled as u64 + 1);
        n = m;
        for &c in input {
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < u64::from(t) {
                        break;
                    }
                    out += 1;
                    q = (q - u64::from(t)) / u64::from(BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, handled as u64 + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

fn adapt(delta: u64, num_points: u64, first: bool) -> u32 {
    const BASE_MINUS_T_MIN: u64 = 35;
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > BASE_MINUS_T_MIN * 26 / 2 {
        delta /= BASE_MINUS_T_MIN;
        k += 36;
    }
    (k + (BASE_MINUS_T_MIN + 1) * delta / (delta + 38)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_lengths_match_known_encodings() {
        let cps = |s: &str| s.chars().map(u32::from).collect::<Vec<_>>();
        assert_eq!(encoded_len(&cps("☃")), Some("n3h".len()));
        assert_eq!(encoded_len(&cps("bücher")), Some("bcher-kva".len()));
        assert_eq!(encoded_len(&cps("ああ")), Some("l8ja".len()));
        assert_eq!(encoded_len(&cps("日本語")), Some("wgv71a119e".len()));
        assert_eq!(to_ascii_len(None, "münchen。de"), Some("xn--mnchen-3ya.de".len()));
    }

    #[test]
    fn label_length_limits() {
        assert!(labels_fit("example.com", None));
        assert!(!labels_fit(&format!("{}.com", "a".repeat(64)), None));
        assert!(labels_fit(&format!("{}.com", "a".repeat(63)), None));
        assert!(!labels_fit(&format!("{}.com", "é".repeat(60)), None));
        assert!(!labels_fit("a..com", None) && !labels_fit("a.com.", None) && !labels_fit(".a.com", None));
        assert!(
            labels_fit(&format!("a.{}", "b".repeat(63)), None) && !labels_fit(&format!("a.{}", "b".repeat(64)), None)
        );
    }
}

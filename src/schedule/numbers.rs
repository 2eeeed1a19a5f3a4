//! Numbers as analytics exports write them: "1234", "1,234" or "1.234,5" (thousands separators), "1 234" with a
//! (narrow) no-break space, French decimal commas "12,5", percentages "3,2 %". Empty cells and dashes are absent
//! values, not errors.

/// How a file writes decimals, from its language (French headers, `;` delimiter → comma).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimal {
    Point,
    Comma,
}

/// A cell that is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// The number in a cell: `Ok(None)` for an empty cell, "-" or "—", `Err` when it is not a number.
pub fn parse_number(text: &str, decimal: Decimal) -> Result<Option<f64>, NotANumber> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’'))
        .collect();
    if cleaned.is_empty() || matches!(cleaned.as_str(), "-" | "—" | "–" | "N/A" | "n/a") {
        return Ok(None);
    }
    let last_point = cleaned.rfind('.');
    let last_comma = cleaned.rfind(',');
    let normal = match (last_point, last_comma) {
        // Both: the last one is the decimal separator.
        (Some(p), Some(c)) if p > c => cleaned.replace(',', ""),
        (Some(_), Some(_)) => cleaned.replace('.', "").replace(',', "."),
        (None, Some(_)) if decimal == Decimal::Comma && cleaned.matches(',').count() == 1 => cleaned.replace(',', "."),
        // "1,234,567" or an English "1,234": thousands.
        (None, Some(_)) if grouped_by_thousands(&cleaned, ',') => cleaned.replace(',', ""),
        (None, Some(_)) => cleaned.replace(',', "."),
        (Some(_), None) if decimal == Decimal::Comma && grouped_by_thousands(&cleaned, '.') => cleaned.replace('.', ""),
        _ => cleaned,
    };
    match normal.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(NotANumber),
    }
}

fn grouped_by_thousands(text: &str, separator: char) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut groups = digits.split(separator);
    let first = groups.next().unwrap_or("");
    !first.is_empty()
        && first.len() <= 3
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && digits.contains(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_numbers() {
        let p = |s, d| parse_number(s, d).unwrap();
        assert_eq!(p("1234", Decimal::Point), Some(1234.0));
        assert_eq!(p("1,234", Decimal::Point), Some(1234.0));
        assert_eq!(p("1,234,567", Decimal::Point), Some(1_234_567.0));
        assert_eq!(p("12.5", Decimal::Point), Some(12.5));
        assert_eq!(p("12,5", Decimal::Comma), Some(12.5));
        assert_eq!(p("1\u{202f}234,5", Decimal::Comma), Some(1234.5));
        assert_eq!(p("1 234", Decimal::Comma), Some(1234.0));
        assert_eq!(p("1.234,5", Decimal::Comma), Some(1234.5));
        assert_eq!(p("1.234", Decimal::Comma), Some(1234.0));
        assert_eq!(p("3,2 %", Decimal::Comma), Some(3.2));
        assert_eq!(p("0,05", Decimal::Point), Some(0.05));
        assert_eq!(p("", Decimal::Point), None);
        assert_eq!(p(" - ", Decimal::Point), None);
        assert!(parse_number("12x", Decimal::Point).is_err());
        assert!(parse_number("Lifetime", Decimal::Point).is_err());
    }
}

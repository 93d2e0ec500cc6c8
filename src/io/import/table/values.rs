//! The cells of a statement or payments file: amounts parsed exactly
//! (decimal comma or point, thousands grouped by spaces, dots or commas,
//! a sign, a trailing `€`/`EUR`; never rounded), dates in the usual French
//! and ISO shapes (a time after them ignored), and text cells cleaned.

use crate::domain::Money;
use crate::domain::text::{check_text, shown};
use chrono::NaiveDate;

/// Why an amount cell was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotANumber,
    TooManyDecimals,
    TooLarge,
}

/// Largest amount accepted, in cents (as `Money::parse`).
const MAX_CENTS: i64 = 999_999_999_999;

/// Parses an amount cell exactly.
pub fn parse_amount(raw: &str) -> Result<Money, AmountError> {
    let mut text = raw.trim();
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    for suffix in ["€", "EUR", "eur", "Eur"] {
        if let Some(rest) = text.strip_suffix(suffix) {
            text = rest.trim_end();
            break;
        }
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text).trim_start()),
    };
    let body: String = body
        .chars()
        .map(|c| {
            if matches!(c, '\u{a0}' | '\u{202f}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || ".,' ".contains(c))
    {
        return Err(AmountError::NotANumber);
    }
    // The decimal mark is the last `.` or `,` unless that kind of mark
    // occurs more than once (then every one groups thousands).
    let last_mark = body.rfind(['.', ',']);
    let (int_text, frac) = match last_mark {
        Some(at) => {
            let mark = body[at..].chars().next().unwrap_or('.');
            if body.matches(mark).count() > 1 {
                (body.as_str(), "")
            } else {
                (&body[..at], &body[at + 1..])
            }
        }
        None => (body.as_str(), ""),
    };
    if last_mark.is_some_and(|at| at + 1 == body.len()) || frac.contains(' ') {
        return Err(AmountError::NotANumber);
    }
    let digits = grouped_digits(int_text).ok_or(AmountError::NotANumber)?;
    if frac.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    if digits.is_empty() && frac.is_empty() {
        return Err(AmountError::NotANumber);
    }
    let digits = digits.trim_start_matches('0');
    if digits.len() > 10 {
        return Err(AmountError::TooLarge);
    }
    let units: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| AmountError::NotANumber)?
    };
    let cents_part: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| AmountError::NotANumber)? * 10,
        _ => frac.parse().map_err(|_| AmountError::NotANumber)?,
    };
    let cents = units * 100 + cents_part;
    if cents > MAX_CENTS {
        return Err(AmountError::TooLarge);
    }
    Ok(Money::from_cents(if negative { -cents } else { cents }))
}

/// The integer part's digits, thousands separators (space, `.`, `,`, `'`)
/// checked: groups of three after a first group of one to three digits.
fn grouped_digits(text: &str) -> Option<String> {
    let text = text.trim();
    let groups: Vec<&str> = text.split(['.', ',', ' ', '\'']).collect();
    if groups.len() == 1 {
        return Some(text.to_string());
    }
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let separators: Vec<char> = text.chars().filter(|c| !c.is_ascii_digit()).collect();
    let one_kind = separators.iter().all(|c| *c == separators[0]);
    (first_ok && rest_ok && one_kind).then(|| groups.concat())
}

/// A date format the user can force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    /// `jj/mm/aaaa` (also `jj-mm-aaaa`, `jj.mm.aaaa`).
    DayMonthYear,
    /// `aaaa-mm-jj`.
    Iso,
    /// `jj/mm/aa`, in the years 2000.
    DayMonthShortYear,
}

impl DateFormat {
    /// Reads `--date-format`.
    pub fn parse(value: &str) -> Result<DateFormat, String> {
        match value.trim().to_lowercase().as_str() {
            "jj/mm/aaaa" => Ok(DateFormat::DayMonthYear),
            "aaaa-mm-jj" => Ok(DateFormat::Iso),
            "jj/mm/aa" => Ok(DateFormat::DayMonthShortYear),
            _ => Err(format!(
                "format de date « {} » inconnu : attendu jj/mm/aaaa, aaaa-mm-jj ou jj/mm/aa",
                shown(value.trim())
            )),
        }
    }

    /// What the message says is expected.
    pub fn expected(format: Option<DateFormat>) -> &'static str {
        match format {
            None => "attendu une date comme 03/10/2025, 2025-10-03 ou 03/10/25",
            Some(DateFormat::DayMonthYear) => "attendu une date jj/mm/aaaa comme 03/10/2025",
            Some(DateFormat::Iso) => "attendu une date aaaa-mm-jj comme 2025-10-03",
            Some(DateFormat::DayMonthShortYear) => "attendu une date jj/mm/aa comme 03/10/25",
        }
    }
}

/// Parses a date cell; a time after the date (`T10:12:00Z`, ` 10:12`) is
/// ignored. `format` forces one shape, else each is tried.
pub fn parse_date(raw: &str, format: Option<DateFormat>) -> Option<NaiveDate> {
    let raw = raw.trim();
    let end = raw
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.')))
        .unwrap_or(raw.len());
    let (date, rest) = raw.split_at(end);
    if !(rest.is_empty() || rest.starts_with([' ', 'T'])) {
        return None;
    }
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if [a, b, c].iter().any(|p| p.is_empty()) {
        return None;
    }
    let separator = date.chars().find(|c| !c.is_ascii_digit())?;
    if date
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .any(|c| c != separator)
    {
        return None;
    }
    let number = |s: &str| s.parse::<u32>().ok();
    let short = |d: &str| d.len() <= 2;
    let iso = a.len() == 4 && separator == '-' && short(b) && short(c);
    let dmy = short(a) && short(b) && c.len() == 4;
    let dmy_short = short(a) && short(b) && c.len() == 2 && separator == '/';
    let (year, month, day) = match format {
        None | Some(DateFormat::Iso) if iso => (number(a)? as i32, number(b)?, number(c)?),
        None | Some(DateFormat::DayMonthYear) if dmy => (number(c)? as i32, number(b)?, number(a)?),
        None | Some(DateFormat::DayMonthShortYear) if dmy_short => {
            (2000 + number(c)? as i32, number(b)?, number(a)?)
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A text cell: a TAB or a line break (inside quotes) becomes a space,
/// trimmed; other control characters, or more than `max` characters
/// (`MAX_LABEL` for labels), refused with the line and the column.
pub fn text_cell(raw: &str, max: usize, line: usize, column: &str) -> Result<String, String> {
    let spaced = raw.replace("\r\n", " ").replace(['\t', '\n', '\r'], " ");
    check_text(&spaced, max)
        .map_err(|reason| format!("ligne {line} : colonne « {} » : {reason}", shown(column)))
}

/// The French message for a refused amount.
pub fn amount_message(error: AmountError, raw: &str, line: usize, column: &str) -> String {
    let (value, column) = (shown(raw.trim()), shown(column));
    match error {
        AmountError::Empty => format!(
            "ligne {line} : montant vide (colonne « {column} ») : attendu un nombre comme 12,50 ou -8.00"
        ),
        AmountError::NotANumber => format!(
            "ligne {line} : montant « {value} » illisible (colonne « {column} ») : attendu un nombre comme 12,50 ou -8.00"
        ),
        AmountError::TooManyDecimals => format!(
            "ligne {line} : montant « {value} » avec plus de deux décimales (colonne « {column} ») : les centimes s'arrêtent à 2 chiffres, rien n'est arrondi"
        ),
        AmountError::TooLarge => format!(
            "ligne {line} : montant « {value} » trop grand (colonne « {column} ») : au plus 9 999 999 999,99"
        ),
    }
}

/// The French message for a refused date.
pub fn date_message(raw: &str, format: Option<DateFormat>, line: usize, column: &str) -> String {
    let column = shown(column);
    if raw.trim().is_empty() {
        return format!(
            "ligne {line} : date vide (colonne « {column} ») : {}",
            DateFormat::expected(format)
        );
    }
    format!(
        "ligne {line} : date « {} » illisible (colonne « {column} ») : {}",
        shown(raw.trim()),
        DateFormat::expected(format)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(raw: &str) -> Result<i64, AmountError> {
        parse_amount(raw).map(Money::cents)
    }

    #[test]
    fn amounts_in_every_shape() {
        assert_eq!(cents("12,50"), Ok(1250));
        assert_eq!(cents("-12.5"), Ok(-1250));
        assert_eq!(cents("+3"), Ok(300));
        assert_eq!(cents("1 234,56"), Ok(123456));
        assert_eq!(cents("1\u{a0}234,56 €"), Ok(123456));
        assert_eq!(cents("-1\u{202f}234,56EUR"), Ok(-123456));
        assert_eq!(cents("1.234,56"), Ok(123456));
        assert_eq!(cents("1,234.56"), Ok(123456));
        assert_eq!(cents("1.234.567"), Ok(123456700));
        assert_eq!(cents("- 8,00"), Ok(-800));
        assert_eq!(cents("0,00"), Ok(0));
        assert_eq!(cents(",50"), Ok(50));
    }

    #[test]
    fn bad_amounts_are_refused_never_rounded() {
        assert_eq!(cents("12,345"), Err(AmountError::TooManyDecimals));
        assert_eq!(cents("1.250"), Err(AmountError::TooManyDecimals));
        assert_eq!(cents("12,3x"), Err(AmountError::NotANumber));
        assert_eq!(cents("12,"), Err(AmountError::NotANumber));
        assert_eq!(cents("1 23,00"), Err(AmountError::NotANumber));
        assert_eq!(cents("1.234 567,00"), Err(AmountError::NotANumber));
        assert_eq!(cents(""), Err(AmountError::Empty));
        assert_eq!(cents("-"), Err(AmountError::NotANumber));
        assert_eq!(cents("99999999999,00"), Err(AmountError::TooLarge));
    }

    #[test]
    fn dates_in_every_shape() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 3);
        for raw in [
            "03/10/2025",
            "2025-10-03",
            "03/10/25",
            "03-10-2025",
            "03.10.2025",
            "2025-10-03T10:12:00Z",
            "03/10/2025 10:12",
            "3/10/2025",
        ] {
            assert_eq!(parse_date(raw, None), d, "{raw}");
        }
        assert_eq!(parse_date("31/02/2025", None), None);
        assert_eq!(parse_date("2025/10/03", None), None);
        assert_eq!(parse_date("03/10/2025", Some(DateFormat::Iso)), None);
        assert_eq!(
            parse_date("03/10/25", Some(DateFormat::DayMonthShortYear)),
            d
        );
        assert_eq!(parse_date("03/10/25", Some(DateFormat::DayMonthYear)), None);
        assert_eq!(parse_date("03/10/2025x", None), None);
    }
}

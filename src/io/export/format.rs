//! The two CSV forms every export writes: `std` for programs, `fr` for
//! French spreadsheets; the cells they share (dates, amounts, texts).

use crate::domain::Money;
use std::borrow::Cow;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFormat {
    /// UTF-8, `,`, ISO dates, dot decimal, English-like machine headers,
    /// texts unchanged (for programs, which run no formula).
    Std,
    /// UTF-8 with BOM, `;`, jj/mm/aaaa, decimal comma, French headers.
    Fr,
}

impl CsvFormat {
    /// A CSV writer for this format: `,` for `std`; BOM and `;` for `fr`.
    pub fn writer<W: Write>(self, mut out: W) -> csv::Result<csv::Writer<W>> {
        let delimiter = match self {
            CsvFormat::Std => b',',
            CsvFormat::Fr => {
                out.write_all("\u{feff}".as_bytes())?;
                b';'
            }
        };
        Ok(csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(out))
    }

    /// A text cell: as typed for programs (`std`), neutralised for
    /// spreadsheets (`fr`), so that `-10 % sur la tombola` stays itself in
    /// the one and cannot run as a formula in the other.
    pub fn text(self, text: &str) -> Cow<'_, str> {
        match self {
            CsvFormat::Std => Cow::Borrowed(text),
            CsvFormat::Fr => neutralise(text),
        }
    }

    pub fn parse(input: &str) -> Option<CsvFormat> {
        match input.trim().to_lowercase().as_str() {
            "std" => Some(CsvFormat::Std),
            "fr" => Some(CsvFormat::Fr),
            _ => None,
        }
    }
}

/// Keeps spreadsheets from running a text cell as a formula (CSV injection).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Where digits are written: a `String` or the bytes of a CSV field (the
/// digits and signs written are ASCII, one byte each).
pub(super) trait Digits {
    fn put(&mut self, ascii: &[u8]);
}

impl Digits for Vec<u8> {
    fn put(&mut self, ascii: &[u8]) {
        self.extend_from_slice(ascii);
    }
}

impl Digits for String {
    fn put(&mut self, ascii: &[u8]) {
        self.extend(ascii.iter().map(|&b| char::from(b)));
    }
}

/// `2024-09-12` or `12/09/2024` into `buf`, digit by digit (a format
/// string costs more than the rest of a row).
pub(super) fn push_date(buf: &mut impl Digits, date: chrono::NaiveDate, format: CsvFormat) {
    use chrono::Datelike;
    let year = date.year().clamp(0, 9999) as u64;
    let (day, month) = (u64::from(date.day()), u64::from(date.month()));
    match format {
        CsvFormat::Std => {
            push_padded(buf, year, 4);
            buf.put(b"-");
            push_padded(buf, month, 2);
            buf.put(b"-");
            push_padded(buf, day, 2);
        }
        CsvFormat::Fr => {
            push_padded(buf, day, 2);
            buf.put(b"/");
            push_padded(buf, month, 2);
            buf.put(b"/");
            push_padded(buf, year, 4);
        }
    }
}

/// `-1234.50` (std) or `-1234,50` (fr) into `buf`.
pub(super) fn push_amount(buf: &mut impl Digits, amount: Money, format: CsvFormat) {
    let cents = amount.cents();
    if cents < 0 {
        buf.put(b"-");
    }
    let abs = cents.unsigned_abs();
    push_padded(buf, abs / 100, 1);
    buf.put(if format == CsvFormat::Std { b"." } else { b"," });
    push_padded(buf, abs % 100, 2);
}

/// `n` in decimal, left-padded with zeros to `width` digits.
pub(super) fn push_padded(buf: &mut impl Digits, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let start = at.min(digits.len().saturating_sub(width));
    buf.put(&digits[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn dates_and_amounts_are_written_digit_by_digit() {
        let mut buf = String::new();
        let d = NaiveDate::from_ymd_opt(2025, 3, 7).unwrap();
        push_date(&mut buf, d, CsvFormat::Std);
        buf.push(' ');
        push_date(&mut buf, d, CsvFormat::Fr);
        assert_eq!(buf, "2025-03-07 07/03/2025");
        for (cents, std, fr) in [
            (0, "0.00", "0,00"),
            (5, "0.05", "0,05"),
            (-1, "-0.01", "-0,01"),
            (123456, "1234.56", "1234,56"),
            (-100000, "-1000.00", "-1000,00"),
            (
                i64::MIN + 1,
                "-92233720368547758.07",
                "-92233720368547758,07",
            ),
        ] {
            let mut s = String::new();
            push_amount(&mut s, Money::from_cents(cents), CsvFormat::Std);
            assert_eq!(s, std);
            let mut f = String::new();
            push_amount(&mut f, Money::from_cents(cents), CsvFormat::Fr);
            assert_eq!(f, fr);
        }
        let mut n = String::new();
        push_padded(&mut n, u64::MAX, 1);
        assert_eq!(n, u64::MAX.to_string());
    }
}

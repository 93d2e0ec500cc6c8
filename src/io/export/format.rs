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

/// `2024-09-12` or `12/09/2024` into `buf`, without a format string.
pub(super) fn push_date(buf: &mut String, date: chrono::NaiveDate, format: CsvFormat) {
    use chrono::Datelike;
    use std::fmt::Write as _;
    let _ = match format {
        CsvFormat::Std => write!(
            buf,
            "{:04}-{:02}-{:02}",
            date.year(),
            date.month(),
            date.day()
        ),
        CsvFormat::Fr => write!(
            buf,
            "{:02}/{:02}/{:04}",
            date.day(),
            date.month(),
            date.year()
        ),
    };
}

/// `-1234.50` (std) or `-1234,50` (fr) into `buf`.
pub(super) fn push_amount(buf: &mut String, amount: Money, format: CsvFormat) {
    use std::fmt::Write as _;
    let cents = amount.cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let mark = if format == CsvFormat::Std { '.' } else { ',' };
    let _ = write!(buf, "{sign}{}{mark}{:02}", abs / 100, abs % 100);
}

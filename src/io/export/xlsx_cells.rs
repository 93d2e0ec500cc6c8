//! What both workbooks (the cahier, the CRF) put in their cells: amounts
//! as numbers, dates as dates, and cell names for their formulas.

use crate::domain::Money;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, XlsxError};

pub use rust_xlsxwriter::utility::{column_number_to_name as column_name, row_col_to_cell as cell};

/// An amount as the file's number: a binary float, cents / 100 being the
/// nearest one.
pub fn number(amount: Money) -> f64 {
    amount.cents() as f64 / 100.0
}

/// A date as a spreadsheet date.
pub fn date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_do() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(cell(2, 3), "D3");
        assert_eq!(number(Money::from_cents(-1_250)), -12.5);
    }
}

//! The cahier de comptabilité as an .xlsx workbook, written row by row in
//! the constant-memory mode of `rust_xlsxwriter` (a 100,000-row year never
//! sits in memory): amounts are numbers with a euro format, dates are
//! dates, texts are strings (never formulas), the header row is frozen,
//! and the totals are `SUM` formulas (with their computed value stored, for
//! readers that do not recalculate) that a vérificateur can check. Same
//! columns and rows as the CSV (see [`super::cahier`]).

use super::cahier::{CahierLayout, CahierRow, CahierTotals, TOTALS_LABEL, balance_label};
use super::format::CsvFormat;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, Formula, Workbook, XlsxError};

/// The euro format of amount cells.
pub const EURO_FORMAT: &str = "#,##0.00 €";
/// The format of date cells.
pub const DATE_FORMAT: &str = "dd/mm/yyyy";

/// Writes the cahier as a workbook, row by row.
pub struct CahierXlsx<'l> {
    workbook: Workbook,
    layout: &'l CahierLayout,
    totals: CahierTotals,
    /// Next row to write (0 is the header).
    next: u32,
    euro: Format,
    date: Format,
    bold_euro: Format,
    bold: Format,
}

pub use super::xlsx_cells::column_name;
use super::xlsx_cells::{date as excel_date, number};

impl<'l> CahierXlsx<'l> {
    /// A workbook with one sheet named `sheet` and its header row.
    pub fn new(layout: &'l CahierLayout, sheet: &str) -> Result<Self, XlsxError> {
        let mut workbook = Workbook::new();
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        let worksheet = workbook.add_worksheet_with_constant_memory()?;
        worksheet.set_name(sheet)?;
        let headers = layout.headers(CsvFormat::Fr);
        for (col, title) in headers.iter().enumerate() {
            let col = col as u16;
            let width = match col {
                0 => 10.0,
                1 => 11.0,
                2 => 42.0,
                3 => 12.0,
                _ => 15.0,
            };
            worksheet.set_column_width(col, width)?;
            worksheet.write_string_with_format(0, col, title, &header)?;
        }
        worksheet.set_row_height(0, 45)?;
        worksheet.set_freeze_panes(1, 0)?;
        Ok(CahierXlsx {
            workbook,
            layout,
            totals: CahierTotals::new(layout),
            next: 1,
            euro: Format::new().set_num_format(EURO_FORMAT),
            date: Format::new().set_num_format(DATE_FORMAT),
            bold_euro: Format::new().set_bold().set_num_format(EURO_FORMAT),
            bold: Format::new().set_bold(),
        })
    }

    /// One row (the report à nouveau or an entry), counted in the totals.
    pub fn row(&mut self, row: &CahierRow) -> Result<(), XlsxError> {
        self.totals.add(row);
        let at = self.next;
        let worksheet = self.workbook.worksheet_from_index(0)?;
        if !row.piece.is_empty() {
            worksheet.write_string(at, 0, &row.piece)?;
        }
        worksheet.write_datetime_with_format(at, 1, excel_date(row.date)?, &self.date)?;
        worksheet.write_string(at, 2, &row.label)?;
        if !row.cheque.is_empty() {
            worksheet.write_string(at, 3, &row.cheque)?;
        }
        for (i, amount) in row.cells.iter().enumerate() {
            if !amount.is_zero() {
                worksheet.write_number_with_format(
                    at,
                    4 + i as u16,
                    number(*amount),
                    &self.euro,
                )?;
            }
        }
        self.next += 1;
        Ok(())
    }

    /// The totals (SUM formulas) and balance rows; returns the workbook's
    /// bytes and the rows summed.
    pub fn finish(mut self, last_day: NaiveDate) -> Result<(Vec<u8>, usize), XlsxError> {
        let total_row = self.next;
        let (first, last) = (2, total_row); // 1-based rows of the data
        let worksheet = self.workbook.worksheet_from_index(0)?;
        worksheet.write_datetime_with_format(total_row, 1, excel_date(last_day)?, &self.date)?;
        worksheet.write_string_with_format(total_row, 2, TOTALS_LABEL, &self.bold)?;
        for (i, sum) in self.totals.sums.iter().enumerate() {
            let col = column_name(4 + i as u16);
            let formula =
                Formula::new(format!("=SUM({col}{first}:{col}{last})")).set_result(sum.std());
            worksheet.write_formula_with_format(
                total_row,
                4 + i as u16,
                formula,
                &self.bold_euro,
            )?;
        }
        let balance_row = total_row + 1;
        worksheet.write_datetime_with_format(balance_row, 1, excel_date(last_day)?, &self.date)?;
        worksheet.write_string_with_format(balance_row, 2, balance_label(last_day), &self.bold)?;
        for slot in 0..self.layout.accounts.len() {
            let (recette, depense) = (
                column_name(4 + 2 * slot as u16),
                column_name(5 + 2 * slot as u16),
            );
            let t = total_row + 1;
            let formula = Formula::new(format!("={recette}{t}-{depense}{t}"))
                .set_result(self.totals.balance(slot).std());
            worksheet.write_formula_with_format(
                balance_row,
                4 + 2 * slot as u16,
                formula,
                &self.bold_euro,
            )?;
        }
        let bytes = self.workbook.save_to_buffer()?;
        Ok((bytes, self.totals.rows))
    }
}

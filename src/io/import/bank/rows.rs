//! One record of a statement file read into a booked line, or left out
//! (a status that is not booked, a zero amount), or refused with its line.

use super::columns::{AmountColumns, Columns};
use super::status::{self, Status};
use crate::domain::Money;
use crate::domain::bank::BankRow;
use crate::domain::text::{MAX_LABEL, MAX_NAME, shown};
use crate::io::import::table::values::{DateFormat, date_message, parse_date};
use crate::io::import::table::{Cells, Row, check_width, header_key};

/// The key under which zero-amount lines are counted.
pub const ZERO: &str = "montant nul";

/// What became of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Booked(BankRow),
    /// Left out, counted under this key (the status as written, or [`ZERO`]).
    Left(String),
}

/// How to read the records of one file.
pub struct Reading<'a> {
    pub header: Cells<'a>,
    pub columns: &'a Columns,
    pub date_format: Option<DateFormat>,
    pub delimiter: u8,
}

impl Reading<'_> {
    /// Reads one record.
    pub fn read(&self, row: &Row) -> Result<Outcome, String> {
        check_width(row, self.header.width(), self.delimiter)?;
        let columns = self.columns;
        if let Some(i) = columns.status {
            let raw = self.header.cell(row, i);
            match status::classify(raw) {
                Some(Status::Booked) => {}
                Some(Status::NotBooked) => return Ok(Outcome::Left(status::french_name(raw))),
                None => return Err(status::unknown(raw, row.line, self.header.name(i))),
            }
        }
        let raw_date = self.header.cell(row, columns.date);
        let date = parse_date(raw_date, self.date_format).ok_or_else(|| {
            date_message(
                raw_date,
                self.date_format,
                row.line,
                self.header.name(columns.date),
            )
        })?;
        let amount = match columns.amount {
            AmountColumns::Signed(i) => self.signed(row, i)?,
            AmountColumns::Split { debit, credit } => self.split(row, debit, credit)?,
        };
        if let Some(i) = columns.currency {
            let raw = self.header.cell(row, i);
            if !matches!(header_key(raw).as_str(), "" | "eur" | "euro" | "euros") {
                return Err(format!(
                    "ligne {} : devise « {} » (colonne « {} ») : seuls les montants en euros sont acceptés",
                    row.line,
                    shown(raw),
                    shown(self.header.name(i))
                ));
            }
        }
        if amount.is_zero() {
            return Ok(Outcome::Left(ZERO.into()));
        }
        let id = self.header.text(row, columns.id, MAX_NAME)?;
        Ok(Outcome::Booked(BankRow {
            line_no: row.line,
            date,
            amount,
            label: self.header.text(row, columns.label, MAX_LABEL)?,
            reference: self.header.text(row, columns.reference, MAX_LABEL)?,
            counterparty: self.header.text(row, columns.counterparty, MAX_LABEL)?,
            bank_id: (!id.is_empty()).then_some(id),
        }))
    }

    /// A signed amount, or an unsigned one with a `Side`/`Sens` column.
    fn signed(&self, row: &Row, index: usize) -> Result<Money, String> {
        let amount = self.header.amount(row, index)?;
        let Some(side) = self.columns.side else {
            return Ok(amount);
        };
        let raw = self.header.cell(row, side);
        match header_key(raw).as_str() {
            "" => Ok(amount),
            "debit" | "d" => Ok(-amount.abs()),
            "credit" | "c" => Ok(amount.abs()),
            _ => Err(format!(
                "ligne {} : sens « {} » inconnu (colonne « {} ») : attendu Debit ou Credit",
                row.line,
                shown(raw),
                shown(self.header.name(side))
            )),
        }
    }

    /// Separate débit and crédit columns, one of them empty (or zero).
    fn split(&self, row: &Row, debit: usize, credit: usize) -> Result<Money, String> {
        let read = |i: usize| -> Result<Money, String> {
            if self.header.cell(row, i).is_empty() {
                Ok(Money::ZERO)
            } else {
                self.header.amount(row, i)
            }
        };
        let (out, into) = (read(debit)?, read(credit)?);
        if into.is_negative() {
            return Err(format!(
                "ligne {} : crédit « {} » négatif (colonne « {} ») : un crédit est une somme reçue, écrite sans signe",
                row.line,
                shown(self.header.cell(row, credit)),
                shown(self.header.name(credit))
            ));
        }
        if !out.is_zero() && !into.is_zero() {
            return Err(format!(
                "ligne {} : débit « {} » et crédit « {} » remplis tous les deux : une seule des deux colonnes est attendue par ligne",
                row.line,
                shown(self.header.cell(row, debit)),
                shown(self.header.cell(row, credit))
            ));
        }
        Ok(into - out.abs())
    }
}

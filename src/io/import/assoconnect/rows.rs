//! One record of a payments export read into a payment, or left out (a
//! payment neither paid nor refunded, a zero amount), or refused.

use super::columns::{Columns, FeeColumn, PayerColumns};
use crate::domain::Money;
use crate::domain::online::{PaymentRow, PaymentStatus};
use crate::domain::text::{MAX_LABEL, MAX_NAME, shown};
use crate::io::import::table::values::{
    amount_message, date_message, parse_amount, parse_date, text_cell,
};
use crate::io::import::table::{Row, check_width, header_key};

/// What became of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Counted(PaymentRow),
    /// Not counted, under this key (the status as written, or « montant nul »).
    Left(String),
}

enum Status {
    Counted(PaymentStatus),
    NotCounted,
}

fn classify(raw: &str) -> Option<Status> {
    match header_key(raw).as_str() {
        "paye" | "payee" | "paid" | "valide" | "validee" | "succeeded" => {
            Some(Status::Counted(PaymentStatus::Paid))
        }
        "rembourse" | "remboursee" | "refunded" => Some(Status::Counted(PaymentStatus::Refunded)),
        "en attente" | "pending" | "echoue" | "echouee" | "failed" | "annule" | "annulee"
        | "canceled" | "cancelled" => Some(Status::NotCounted),
        _ => None,
    }
}

/// How to read the records of one file.
pub struct Reading<'a> {
    pub header: &'a [String],
    pub columns: &'a Columns,
    pub delimiter: u8,
}

impl Reading<'_> {
    fn name(&self, index: usize) -> &str {
        self.header.get(index).map_or("", String::as_str)
    }

    fn cell<'r>(&self, row: &'r Row, index: usize) -> &'r str {
        row.cells.get(index).map_or("", String::as_str)
    }

    fn text(&self, row: &Row, index: Option<usize>, max: usize) -> Result<String, String> {
        match index {
            None => Ok(String::new()),
            Some(i) => text_cell(self.cell(row, i), max, row.line, self.name(i)),
        }
    }

    fn amount(&self, row: &Row, index: usize) -> Result<Money, String> {
        let raw = self.cell(row, index);
        parse_amount(raw).map_err(|e| amount_message(e, raw, row.line, self.name(index)))
    }

    /// Reads one record.
    pub fn read(&self, row: &Row) -> Result<Outcome, String> {
        check_width(row, self.header.len(), self.delimiter)?;
        let columns = self.columns;
        let status = match columns.status {
            None => PaymentStatus::Paid,
            Some(i) => match classify(self.cell(row, i)) {
                Some(Status::Counted(status)) => status,
                Some(Status::NotCounted) => {
                    return Ok(Outcome::Left(self.cell(row, i).to_string()));
                }
                None => {
                    let status = match self.cell(row, i) {
                        "" => "statut vide".to_string(),
                        raw => format!("statut « {} » inconnu", shown(raw)),
                    };
                    return Err(format!(
                        "ligne {} : {status} (colonne « {} ») : attendu Payé, Remboursé, En \
                         attente, Échoué ou Annulé (ou Paid, Refunded, Pending, Failed, Canceled)",
                        row.line,
                        shown(self.name(i))
                    ));
                }
            },
        };
        let ext_id = self.text(row, Some(columns.id), MAX_NAME)?;
        if ext_id.is_empty() {
            return Err(format!(
                "ligne {} : identifiant vide (colonne « {} ») : chaque paiement a son \
                 identifiant, c'est par lui qu'un paiement n'est jamais compté deux fois",
                row.line,
                shown(self.name(columns.id))
            ));
        }
        let raw_date = self.cell(row, columns.date);
        let date = parse_date(raw_date, None)
            .ok_or_else(|| date_message(raw_date, None, row.line, self.name(columns.date)))?;
        let amount = self.amount(row, columns.amount)?;
        if amount.is_negative() {
            return Err(format!(
                "ligne {} : montant « {} » négatif (colonne « {} ») : un paiement s'écrit sans \
                 signe (un remboursement a le statut Remboursé)",
                row.line,
                shown(self.cell(row, columns.amount)),
                shown(self.name(columns.amount))
            ));
        }
        if amount.is_zero() {
            return Ok(Outcome::Left(crate::io::import::bank::ZERO.into()));
        }
        let fee = self.fee(row, amount)?;
        let payout = self.text(row, columns.payout, MAX_NAME)?;
        Ok(Outcome::Counted(PaymentRow {
            line_no: row.line,
            ext_id,
            date,
            payer: self.payer(row)?,
            form: self.text(row, columns.form, MAX_LABEL)?,
            amount,
            fee,
            status,
            payout: (!payout.is_empty()).then_some(payout),
        }))
    }

    fn payer(&self, row: &Row) -> Result<String, String> {
        match self.columns.payer {
            PayerColumns::None => Ok(String::new()),
            PayerColumns::Single(i) => self.text(row, Some(i), MAX_NAME),
            PayerColumns::Names { first, last } => {
                let first = self.text(row, first, MAX_NAME)?;
                let last = self.text(row, last, MAX_NAME)?;
                Ok(format!("{first} {last}").trim().to_string())
            }
        }
    }

    /// The fee: its own column (a sign is ignored: a fee is a cost), or
    /// amount − net, or zero; never more than the amount.
    fn fee(&self, row: &Row, amount: Money) -> Result<Money, String> {
        let (fee, column) = match self.columns.fee {
            FeeColumn::None => return Ok(Money::ZERO),
            FeeColumn::Fee(i) if self.cell(row, i).is_empty() => return Ok(Money::ZERO),
            FeeColumn::Net(i) if self.cell(row, i).is_empty() => return Ok(Money::ZERO),
            FeeColumn::Fee(i) => (self.amount(row, i)?.abs(), i),
            FeeColumn::Net(i) => {
                let net = self.amount(row, i)?;
                if net > amount || net.is_negative() {
                    return Err(format!(
                        "ligne {} : montant net « {} » hors de 0 à {} (colonne « {} ») : le net est \
                         le montant moins les frais",
                        row.line,
                        shown(self.cell(row, i)),
                        amount.fr(),
                        shown(self.name(i))
                    ));
                }
                (amount - net, i)
            }
        };
        if fee > amount {
            return Err(format!(
                "ligne {} : frais « {} » plus grands que le montant ({}) (colonne « {} »)",
                row.line,
                shown(self.cell(row, column)),
                amount.fr(),
                shown(self.name(column))
            ));
        }
        Ok(fee)
    }
}

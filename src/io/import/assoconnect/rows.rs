//! One record of a payments export read into a payment, or left out (a
//! payment neither paid nor refunded, a zero amount), or refused.

use super::columns::{Columns, FeeColumn, PayerColumns};
use crate::domain::Money;
use crate::domain::online::{PaymentRow, PaymentStatus};
use crate::domain::text::{MAX_LABEL, MAX_NAME, shown};
use crate::io::import::table::values::{date_message, parse_date};
use crate::io::import::table::{Cells, Row, check_width, header_key};

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
    pub header: Cells<'a>,
    pub columns: &'a Columns,
    pub delimiter: u8,
}

impl Reading<'_> {
    /// Reads one record.
    pub fn read(&self, row: &Row) -> Result<Outcome, String> {
        check_width(row, self.header.width(), self.delimiter)?;
        let columns = self.columns;
        let status = match columns.status {
            None => PaymentStatus::Paid,
            Some(i) => match classify(self.header.cell(row, i)) {
                Some(Status::Counted(status)) => status,
                Some(Status::NotCounted) => {
                    return Ok(Outcome::Left(self.header.cell(row, i).to_string()));
                }
                None => {
                    let status = match self.header.cell(row, i) {
                        "" => "statut vide".to_string(),
                        raw => format!("statut « {} » inconnu", shown(raw)),
                    };
                    return Err(format!(
                        "ligne {} : {status} (colonne « {} ») : attendu Payé, Remboursé, En \
                         attente, Échoué ou Annulé (ou Paid, Refunded, Pending, Failed, Canceled)",
                        row.line,
                        shown(self.header.name(i))
                    ));
                }
            },
        };
        let ext_id = self.header.text(row, Some(columns.id), MAX_NAME)?;
        if ext_id.is_empty() {
            return Err(format!(
                "ligne {} : identifiant vide (colonne « {} ») : chaque paiement a son \
                 identifiant, c'est par lui qu'un paiement n'est jamais compté deux fois",
                row.line,
                shown(self.header.name(columns.id))
            ));
        }
        let raw_date = self.header.cell(row, columns.date);
        let date = parse_date(raw_date, None).ok_or_else(|| {
            date_message(raw_date, None, row.line, self.header.name(columns.date))
        })?;
        let amount = self.header.amount(row, columns.amount)?;
        if amount.is_negative() {
            return Err(format!(
                "ligne {} : montant « {} » négatif (colonne « {} ») : un paiement s'écrit sans \
                 signe (un remboursement a le statut Remboursé)",
                row.line,
                shown(self.header.cell(row, columns.amount)),
                shown(self.header.name(columns.amount))
            ));
        }
        if amount.is_zero() {
            return Ok(Outcome::Left(crate::io::import::bank::ZERO.into()));
        }
        let fee = self.fee(row, amount)?;
        let payout = self.header.text(row, columns.payout, MAX_NAME)?;
        Ok(Outcome::Counted(PaymentRow {
            line_no: row.line,
            ext_id,
            date,
            payer: self.payer(row)?,
            form: self.header.text(row, columns.form, MAX_LABEL)?,
            amount,
            fee,
            status,
            payout: (!payout.is_empty()).then_some(payout),
        }))
    }

    fn payer(&self, row: &Row) -> Result<String, String> {
        match self.columns.payer {
            PayerColumns::None => Ok(String::new()),
            PayerColumns::Single(i) => self.header.text(row, Some(i), MAX_NAME),
            PayerColumns::Names { first, last } => {
                let first = self.header.text(row, first, MAX_NAME)?;
                let last = self.header.text(row, last, MAX_NAME)?;
                Ok(format!("{first} {last}").trim().to_string())
            }
        }
    }

    /// The fee: its own column (a sign is ignored: a fee is a cost), or
    /// amount − net, or zero; never more than the amount.
    fn fee(&self, row: &Row, amount: Money) -> Result<Money, String> {
        let (fee, column) = match self.columns.fee {
            FeeColumn::None => return Ok(Money::ZERO),
            FeeColumn::Fee(i) if self.header.cell(row, i).is_empty() => return Ok(Money::ZERO),
            FeeColumn::Net(i) if self.header.cell(row, i).is_empty() => return Ok(Money::ZERO),
            FeeColumn::Fee(i) => (self.header.amount(row, i)?.abs(), i),
            FeeColumn::Net(i) => {
                let net = self.header.amount(row, i)?;
                if net > amount || net.is_negative() {
                    return Err(format!(
                        "ligne {} : montant net « {} » hors de 0 à {} (colonne « {} ») : le net est \
                         le montant moins les frais",
                        row.line,
                        shown(self.header.cell(row, i)),
                        amount.fr(),
                        shown(self.header.name(i))
                    ));
                }
                (amount - net, i)
            }
        };
        if fee > amount {
            return Err(format!(
                "ligne {} : frais « {} » plus grands que le montant ({}) (colonne « {} »)",
                row.line,
                shown(self.header.cell(row, column)),
                amount.fr(),
                shown(self.header.name(column))
            ));
        }
        Ok(fee)
    }
}

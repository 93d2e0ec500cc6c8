//! The statement check: books, reconciled balance, difference, and the
//! entries not yet on the statement.

use super::batches::bank_account;
use crate::book::Book;
use crate::book::write::Audit;
use crate::domain::bank::StatementCheck;
use crate::domain::{Field, FieldError, Money, MoneyKey, format_date};
use crate::store::reconcile::{lines, statements};
use crate::store::{self, Result};
use chrono::NaiveDate;
use std::collections::HashMap;

impl Book {
    /// Records a statement's balance at a date and checks it.
    pub fn check_statement(
        &mut self,
        account: MoneyKey,
        date: NaiveDate,
        balance: Money,
    ) -> Result<StatementCheck> {
        self.write(self.exercice(), |w| {
            let a = bank_account(w.chart, account)?;
            if !w.exercice.contains(date) {
                return Err(FieldError::new(
                    Field::Date,
                    format!(
                        "le {} est hors de l'exercice {} (du {} au {})",
                        format_date(date),
                        w.exercice,
                        format_date(w.exercice.first_day()),
                        format_date(w.exercice.last_day())
                    ),
                )
                .into());
            }
            statements::insert(w.tx, a.id, date, balance, None, w.now)?;
            let books = store::ledger::balances(w.tx, w.exercice, Some(date), w.chart)?
                .into_iter()
                .find(|(k, _)| *k == account)
                .map_or(Money::from_cents(0), |(_, m)| m);
            let opening = match store::ledger::opening_id(w.tx, w.exercice)? {
                Some(id) => store::entries::load_one(w.tx, id)?
                    .map_or(Money::from_cents(0), |e| e.amount_on(&a.code)),
                None => Money::from_cents(0),
            };
            let line_dates: HashMap<i64, NaiveDate> = lines::bank_lines(w.tx, w.exercice, a)?
                .into_iter()
                .map(|l| (l.id, l.date))
                .collect();
            let mut reconciled = opening;
            let mut not_on_statement = Vec::new();
            for b in lines::book_lines(w.tx, w.exercice, a)? {
                match b.matched_to.and_then(|l| line_dates.get(&l)) {
                    Some(line_date) if *line_date <= date => reconciled += b.amount,
                    Some(_) => {}
                    None if b.matched_to.is_none() && b.date <= date => {
                        not_on_statement.push(b);
                    }
                    None => {}
                }
            }
            let check = StatementCheck {
                account,
                date,
                statement: balance,
                books,
                reconciled,
                difference: balance - reconciled,
                not_on_statement,
            };
            let after = format!(
                "{} au {} : relevé {}, rapproché {}, écart {}",
                account.label(),
                format_date(date),
                balance.fr(),
                reconciled.fr(),
                check.difference.fr()
            );
            Ok((check, Audit::new("pointage", "releve").after(after)))
        })
    }

    /// The last statement balance recorded for the account, if any.
    pub fn last_statement(&self, account: MoneyKey) -> Result<Option<(NaiveDate, Money)>> {
        match self.account(account) {
            Some(a) => statements::last(&self.conn, a.id),
            None => Ok(None),
        }
    }
}

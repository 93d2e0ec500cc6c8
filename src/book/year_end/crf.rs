//! The compte rendu financier of an exercice: the store sums the lines,
//! the domain puts the CRF together.

use crate::book::Book;
use crate::domain::crf::{BankAtYearEnd, Crf, CrfParts, assemble};
use crate::domain::participation::regie::REGIE_ACCOUNT;
use crate::domain::{Exercice, Money, MoneyKey};
use crate::store::{Result, accounts, cash_counts, report};

impl Book {
    /// The CRF of `exercice`, read from the store (one read transaction,
    /// so that every part sees the same books).
    pub fn crf(&self, exercice: Exercice) -> Result<Crf> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        let accounts = accounts::all_accounts(&tx)?;
        let months = report::month_sums(&tx, exercice, &accounts)?;
        let special = report::special_sums(&tx, exercice)?;
        let used = |id: i64| months.iter().any(|m| m.account_id == id);
        let regies: Vec<i64> = accounts
            .iter()
            .filter(|a| a.code.starts_with(REGIE_ACCOUNT) && used(a.id))
            .map(|a| a.id)
            .collect();
        let mut regie_flows = Vec::new();
        let mut banks = Vec::new();
        for key in MoneyKey::ALL {
            let Some(account) = accounts.iter().find(|a| a.money_key == Some(key)) else {
                continue;
            };
            if !used(account.id) {
                continue;
            }
            regie_flows.push((
                key,
                report::regie_flows(&tx, exercice, account.id, &regies)?,
            ));
            if matches!(key, MoneyKey::Pro | MoneyKey::Lbp) {
                // `books` is filled in by `assemble`: the account's closing.
                banks.push(bank_at_year_end(
                    &tx,
                    exercice,
                    key,
                    account.id,
                    Money::ZERO,
                )?);
            }
        }
        let parts = CrfParts {
            exercice,
            last_cash_count: cash_counts::last(&tx, exercice)?,
            cheques_out: report::cheques_out(&tx, exercice)?,
            accounts,
            months,
            special,
            regie_flows,
            banks,
        };
        Ok(assemble(parts))
    }
}

/// A bank account at the end of `exercice` with `books` as its balance:
/// the statement balance pointed on the last day, whether a statement was
/// imported, and then the entries not yet on it. The CRF and the closing
/// list both read it here, so that they agree.
pub(crate) fn bank_at_year_end(
    conn: &rusqlite::Connection,
    exercice: Exercice,
    key: MoneyKey,
    account_id: i64,
    books: Money,
) -> Result<BankAtYearEnd> {
    let imported = report::statement_imported(conn, exercice, account_id)?;
    let not_on_statement = if imported {
        report::not_on_statement(conn, exercice, key, account_id)?
    } else {
        Vec::new()
    };
    Ok(BankAtYearEnd {
        account: key,
        books,
        statement: report::statement_on(conn, account_id, exercice.last_day())?,
        imported,
        not_on_statement,
    })
}

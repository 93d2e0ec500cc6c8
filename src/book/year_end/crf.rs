//! The compte rendu financier of an exercice: the store sums the lines,
//! the domain puts the CRF together.

use crate::book::Book;
use crate::domain::crf::{BankAtYearEnd, Crf, CrfParts, assemble};
use crate::domain::participation::regie::REGIE_ACCOUNT;
use crate::domain::{Exercice, MoneyKey};
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
                let imported = report::statement_imported(&tx, exercice, account.id)?;
                let not_on_statement = if imported {
                    report::not_on_statement(&tx, exercice, key, account.id)?
                } else {
                    Vec::new()
                };
                banks.push(BankAtYearEnd {
                    account: key,
                    // Filled in by `assemble`: the account's closing.
                    books: Default::default(),
                    statement: report::statement_on(&tx, account.id, exercice.last_day())?,
                    imported,
                    not_on_statement,
                });
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

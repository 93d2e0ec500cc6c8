//! Read-only views the screens cache: every money account's ledger, computed
//! from one load of the exercice's entries.

use super::Book;
use crate::domain::ledger::{LedgerRow, ledger_rows};
use crate::domain::{Money, MoneyKey};
use crate::store::Result;

impl Book {
    /// The ledger of each of the four money accounts over the current
    /// exercice, in [`MoneyKey::ALL`] order (an account missing from the chart
    /// has no rows). One query; the caller caches the result.
    pub fn ledgers(&self) -> Result<Vec<(MoneyKey, Vec<LedgerRow>)>> {
        let entries = self.entries(self.exercice())?;
        Ok(MoneyKey::ALL
            .iter()
            .map(|key| {
                let rows = match self.account(*key) {
                    Some(account) => ledger_rows(&entries, account, self.chart()),
                    None => Vec::new(),
                };
                (*key, rows)
            })
            .collect())
    }

    /// Balance of a ledger as computed by [`Book::ledgers`]: the running
    /// balance of its last row.
    pub fn ledger_balance(rows: &[LedgerRow]) -> Money {
        rows.last().map(|r| r.balance).unwrap_or_default()
    }
}

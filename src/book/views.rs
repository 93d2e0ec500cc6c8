//! Small read-only queries the screens need beyond the ledger reads.

use super::Book;
use crate::domain::MoneyKey;
use crate::store::Result;

impl Book {
    /// The first money account an entry touches (where the screen shows it),
    /// or `None` if the entry does not exist or touches none.
    pub fn money_account_of(&self, id: i64) -> Result<Option<MoneyKey>> {
        let Some(entry) = self.entry(id)? else {
            return Ok(None);
        };
        Ok(entry.lines.iter().find_map(|line| {
            self.chart()
                .iter()
                .find(|a| a.code == line.account_code)
                .and_then(|a| a.money_key)
        }))
    }
}

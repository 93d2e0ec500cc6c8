//! The opening entry of an exercice: the report à nouveau of each money account.

use super::accounts::{Account, MoneyKey};
use super::dates::Exercice;
use super::entry::{EntryKind, Line, NewEntry};
use super::entry_request::{REPORT_A_NOUVEAU, money_code};
use super::field::{Field, FieldError, FieldErrors};
use super::money::Money;

/// The opening entry (report à nouveau) of an exercice: one line per money
/// account with a non-zero balance, against account 110. `None` if all are zero.
pub fn build_opening(
    exercice: Exercice,
    balances: &[(MoneyKey, Money)],
    chart: &[Account],
) -> Result<Option<NewEntry>, FieldErrors> {
    let mut lines = Vec::new();
    for (key, amount) in balances.iter().filter(|(_, m)| !m.is_zero()) {
        if *key == MoneyKey::Caisse && amount.is_negative() {
            return Err(FieldError::new(
                Field::Ouverture,
                format!("Caisse « {amount} » : une caisse ne peut pas être négative"),
            )
            .into());
        }
        let code = money_code(chart, *key).ok_or_else(|| {
            FieldError::new(
                Field::Compte,
                format!("le compte « {} » manque au plan comptable", key.key()),
            )
        })?;
        lines.push(Line {
            account_code: code.to_string(),
            amount: *amount,
        });
    }
    if lines.is_empty() {
        return Ok(None);
    }
    let total: Money = lines.iter().map(|l| l.amount).sum();
    lines.push(Line {
        account_code: REPORT_A_NOUVEAU.to_string(),
        amount: -total,
    });
    if total.is_zero() {
        lines.pop();
    }
    NewEntry::new(
        exercice.first_day(),
        "AN".to_string(),
        EntryKind::Ouverture,
        format!("Report à nouveau {exercice}"),
        None,
        lines,
    )
    .map(Some)
    .map_err(|e| FieldError::new(Field::Ouverture, e.to_string()).into())
}

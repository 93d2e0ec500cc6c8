//! The opening entry of an exercice: the report à nouveau of each money account.

use super::accounts::{Account, MoneyKey};
use super::dates::Exercice;
use super::entry::{EntryKind, Line, NewEntry};
use super::entry_request::{REPORT_A_NOUVEAU, money_code};
use super::field::{Field, FieldError, FieldErrors};
use super::money::Money;

/// An opening balance the account can hold: the Caisse and the Collectes
/// en ligne cannot be below zero (a box of cash, an account that only
/// receives); the banks may open overdrawn.
pub fn check_opening(key: MoneyKey, amount: Money) -> Result<(), FieldError> {
    if !amount.is_negative() {
        return Ok(());
    }
    let what = match key {
        MoneyKey::Caisse => "une caisse ne peut pas être négative",
        MoneyKey::EnLigne => {
            "le compte des collectes en ligne ne peut pas être négatif (il reçoit les paiements puis les verse au Compte Pro)"
        }
        MoneyKey::Pro | MoneyKey::Lbp => return Ok(()),
    };
    Err(FieldError::new(
        Field::Ouverture,
        format!("{} « {amount} » : {what}", key.label()),
    ))
}

/// The opening entry (report à nouveau) of an exercice: one line per money
/// account with a non-zero balance, against account 110. `None` if all are zero.
pub fn build_opening(
    exercice: Exercice,
    balances: &[(MoneyKey, Money)],
    chart: &[Account],
) -> Result<Option<NewEntry>, FieldErrors> {
    let mut lines = Vec::new();
    for (key, amount) in balances.iter().filter(|(_, m)| !m.is_zero()) {
        check_opening(*key, *amount)?;
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

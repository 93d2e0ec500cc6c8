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

/// The opening entry (report à nouveau) of an exercice typed by the user:
/// one line per money account with a non-zero balance, each balance one
/// the account can hold, against account 110. `None` if all are zero.
pub fn build_opening(
    exercice: Exercice,
    balances: &[(MoneyKey, Money)],
    chart: &[Account],
) -> Result<Option<NewEntry>, FieldErrors> {
    for (key, amount) in balances {
        check_opening(*key, *amount)?;
    }
    carried_opening(exercice, balances, &[], chart)
}

/// The next exercice's opening entry (report à nouveau): the closing
/// balance of each money account, then the balance-sheet balances carried
/// (régies 467, OCCE advance 1680), against account 110. `None` when all
/// are zero.
pub fn carried_opening(
    next: Exercice,
    money: &[(MoneyKey, Money)],
    carried: &[(String, Money)],
    chart: &[Account],
) -> Result<Option<NewEntry>, FieldErrors> {
    let mut lines = Vec::new();
    // The closing balances as they are (never refused here: the opening
    // must mirror the closing; the checks of the year flag a wrong one).
    for (key, amount) in money.iter().filter(|(_, m)| !m.is_zero()) {
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
    for (code, amount) in carried.iter().filter(|(_, m)| !m.is_zero()) {
        lines.push(Line {
            account_code: code.clone(),
            amount: *amount,
        });
    }
    if lines.is_empty() {
        return Ok(None);
    }
    let total: Money = lines.iter().map(|l| l.amount).sum();
    if !total.is_zero() {
        lines.push(Line {
            account_code: REPORT_A_NOUVEAU.to_string(),
            amount: -total,
        });
    }
    NewEntry::new(
        next.first_day(),
        "AN".to_string(),
        EntryKind::Ouverture,
        format!("Report à nouveau {next}"),
        None,
        lines,
    )
    .map(Some)
    .map_err(|e| FieldError::new(Field::Ouverture, e.to_string()).into())
}

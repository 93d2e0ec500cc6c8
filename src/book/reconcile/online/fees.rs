//! AssoConnect's fees: one dépense on Collectes en ligne per payout (and one
//! for the payments not yet paid out), each payment's fee booked once.

use super::{clip, insert_entry, money_account, next_piece};
use crate::book::write::Writing;
use crate::domain::text::counted;
use crate::domain::{AccountKind, EntryKind, Line, Money, MoneyKey, NewEntry, PaymentMode};
use crate::store::online::payments;
use crate::store::{Result, StoreError};
use std::collections::BTreeMap;

/// The chart's bank-services category (services bancaires et frais AssoConnect).
pub const FEE_CATEGORY: &str = crate::domain::reconcile::BANK_FEES;

/// Books the fees of the counted payments whose fee is not yet booked;
/// returns their total.
pub(super) fn book_fees(w: &Writing<'_>, batch: i64) -> Result<Money> {
    let pending = payments::fees_to_book(w.tx)?;
    if pending.is_empty() {
        return Ok(Money::from_cents(0));
    }
    if !w
        .chart
        .iter()
        .any(|a| a.code == FEE_CATEGORY && a.kind == AccountKind::Charge)
    {
        return Err(StoreError::Refused(format!(
            "la catégorie {FEE_CATEGORY} « Services bancaires » est absente du plan comptable : ajoutez-la (charge) pour que les frais AssoConnect soient comptabilisés"
        )));
    }
    let online = money_account(w, MoneyKey::EnLigne)?.0;
    let mut groups: BTreeMap<Option<String>, Vec<_>> = BTreeMap::new();
    for p in pending {
        groups.entry(p.payout.clone()).or_default().push(p);
    }
    let mut total = Money::from_cents(0);
    for (payout, group) in groups {
        let fees: Money = group.iter().map(|p| p.fee).sum();
        let date = group
            .iter()
            .map(|p| p.date)
            .max()
            .unwrap_or(w.exercice.first_day());
        let what = counted(group.len(), "paiement", "paiements");
        let label = match &payout {
            Some(reference) => format!("Frais AssoConnect {reference} ({what})"),
            None => format!("Frais AssoConnect, pas encore versé ({what})"),
        };
        let entry = NewEntry::new(
            date,
            next_piece(w, EntryKind::Depense)?,
            EntryKind::Depense,
            clip(label),
            Some(PaymentMode::Prelevement),
            vec![
                Line {
                    account_code: FEE_CATEGORY.into(),
                    amount: fees,
                },
                Line {
                    account_code: online.clone(),
                    amount: -fees,
                },
            ],
        )
        .map_err(|e| StoreError::Refused(e.to_string()))?;
        let id = insert_entry(w, Some(batch), &entry)?;
        for p in &group {
            payments::set_fee_entry(w.tx, p.id, id)?;
        }
        total += fees;
    }
    Ok(total)
}

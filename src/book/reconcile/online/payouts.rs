//! Payouts: a reference groups payments (gross − fees = net); when the
//! Compte Pro line of that amount naming it arrives, the transfer
//! Collectes en ligne → Compte Pro is matched to it, or recorded.

use super::{clip, insert_entry, money_account, next_piece};
use crate::book::Book;
use crate::book::write::{Audit, Writing};
use crate::domain::online::PaymentStatus;
use crate::domain::reconcile::{PendingPayment, WINDOW_DAYS, propose_payout};
use crate::domain::{EntryKind, Line, Money, MoneyKey, NewEntry, PaymentMode, format_date};
use crate::store::online::payments::{self, StoredPayment};
use crate::store::online::payouts::{self, StoredPayout};
use crate::store::{Result, StoreError};
use chrono::NaiveDate;

/// The net of a payout: its paid payments' amounts less their fees.
pub(super) fn net_of(payments: &[StoredPayment]) -> (usize, Money, Money) {
    let paid: Vec<&StoredPayment> = payments
        .iter()
        .filter(|p| p.status == PaymentStatus::Paid)
        .collect();
    let gross = paid.iter().map(|p| p.amount).sum();
    let fees = paid.iter().map(|p| p.fee).sum();
    (paid.len(), gross, fees)
}

/// The payout row of a reference the file names (created by `batch`).
pub(super) fn ensure_payout(w: &Writing<'_>, batch: i64, reference: &str) -> Result<()> {
    // The export gives no payout date: none is made up (the path then
    // says "versement PO-…" and the bank line's date once it arrives).
    if payouts::by_ref(w.tx, reference)?.is_none() {
        payouts::insert(w.tx, reference, Some(batch), None)?;
    }
    Ok(())
}

/// Matches the payout's transfer to `line` (dated `on`): an open virement
/// Collectes en ligne → Compte Pro of that amount, or one recorded now.
fn settle_one(
    w: &Writing<'_>,
    payout: &StoredPayout,
    net: Money,
    line: i64,
    on: NaiveDate,
    batch: Option<i64>,
) -> Result<i64> {
    let (online, online_id) = money_account(w, MoneyKey::EnLigne)?;
    let (pro, pro_id) = money_account(w, MoneyKey::Pro)?;
    let transfer =
        match payouts::open_transfer(w.tx, online_id, pro_id, net.cents(), on, WINDOW_DAYS)? {
            Some(id) => id,
            None => {
                let entry = NewEntry::new(
                    on,
                    next_piece(w, EntryKind::Virement)?,
                    EntryKind::Virement,
                    clip(format!("Versement AssoConnect {}", payout.reference)),
                    Some(PaymentMode::Virement),
                    vec![
                        Line {
                            account_code: online,
                            amount: -net,
                        },
                        Line {
                            account_code: pro,
                            amount: net,
                        },
                    ],
                )
                .map_err(|e| StoreError::Refused(e.to_string()))?;
                insert_entry(w, batch, &entry)?
            }
        };
    crate::store::reconcile::matches::insert(w.tx, line, transfer, pro_id, batch, w.now)?;
    payouts::settle(w.tx, payout.id, transfer, line, batch)?;
    Ok(transfer)
}

/// Inside an import's transaction: recognises the payouts whose Compte Pro
/// line has arrived, and matches or records their transfers (carrying the
/// running import's `batch`). Returns how many bank lines were matched.
pub(crate) fn settle_payouts(w: &Writing<'_>, batch: Option<i64>) -> Result<usize> {
    let Some(pro_id) = w
        .chart
        .iter()
        .find(|a| a.money_key == Some(MoneyKey::Pro))
        .map(|a| a.id)
    else {
        return Ok(0);
    };
    let mut matched = 0;
    for payout in payouts::all(w.tx)? {
        if payout.bank_line_id.is_some() {
            continue;
        }
        let (count, gross, fees) = net_of(&payments::of_payout(w.tx, &payout.reference)?);
        let net = gross - fees;
        if count == 0 || !net.is_positive() {
            continue;
        }
        if let Some((line, on)) =
            payouts::arrived_line(w.tx, pro_id, net.cents(), &payout.reference)?
        {
            settle_one(w, &payout, net, line, on, batch)?;
            matched += 1;
        }
    }
    Ok(matched)
}

impl Book {
    /// The payments counted and not yet paid out, as the proposal sees them.
    fn pending_payments(&self) -> Result<Vec<PendingPayment>> {
        Ok(payments::all(&self.conn)?
            .into_iter()
            .filter(|p| p.is_counted() && p.payout.is_none())
            .map(|p| PendingPayment {
                id: p.id,
                date: p.date,
                amount: p.amount,
                fee: p.fee,
            })
            .collect())
    }

    /// The payments (ids) proposed for an unexplained AssoConnect credit on
    /// the Compte Pro: their sum minus fees equals the line.
    pub fn payout_proposal(&self, line: i64) -> Result<Option<Vec<i64>>> {
        let Some(pro) = self.account(MoneyKey::Pro) else {
            return Ok(None);
        };
        let Some((account, _, cents)) = payouts::unmatched_line(&self.conn, line)? else {
            return Ok(None);
        };
        if account != pro.id || cents <= 0 {
            return Ok(None);
        }
        Ok(propose_payout(
            Money::from_cents(cents),
            &self.pending_payments()?,
        ))
    }

    /// Groups the payments as the payout of that bank line: records the
    /// transfer Collectes en ligne → Compte Pro and matches it. Returns the
    /// transfer's id.
    pub fn accept_payout(&mut self, line: i64, ids: &[i64]) -> Result<i64> {
        let refuse = |m: String| StoreError::Refused(m);
        let pro = self
            .account(MoneyKey::Pro)
            .ok_or_else(|| refuse("le Compte Pro est absent du plan comptable".into()))?
            .id;
        let (account, on, cents) = payouts::unmatched_line(&self.conn, line)?.ok_or_else(|| {
            refuse(format!(
                "ligne de relevé n° {line} inconnue ou déjà rapprochée"
            ))
        })?;
        if account != pro || cents <= 0 {
            return Err(refuse(format!(
                "ligne de relevé n° {line} : un versement AssoConnect est un crédit du Compte Pro"
            )));
        }
        if ids.is_empty() {
            return Err(refuse("aucun paiement choisi pour ce versement".into()));
        }
        let mut chosen = Vec::new();
        for id in ids {
            let p = payments::one(&self.conn, *id)?
                .filter(|p| p.is_counted() && p.payout.is_none())
                .ok_or_else(|| {
                    refuse(format!("paiement n° {id} inconnu, remboursé ou déjà versé"))
                })?;
            chosen.push(p);
        }
        let (_, gross, fees) = net_of(&chosen);
        let net = gross - fees;
        if net.cents() != cents {
            return Err(refuse(format!(
                "les paiements choisis font {} net de frais, la ligne {} : écart de {}",
                net.fr(),
                Money::from_cents(cents).fr(),
                (Money::from_cents(cents) - net).fr()
            )));
        }
        let reference = format!("VERS-{on}");
        if payouts::by_ref(&self.conn, &reference)?.is_some() {
            return Err(refuse(format!(
                "un versement {reference} existe déjà ce jour-là"
            )));
        }
        self.write(crate::domain::Exercice::of(on), |w| {
            let id = payouts::insert(w.tx, &reference, None, Some(on))?;
            for p in &chosen {
                payments::set_payout(w.tx, p.id, Some(&reference))?;
            }
            let payout = StoredPayout {
                id,
                reference: reference.clone(),
                batch_id: None,
                date: Some(on),
                transfer_entry_id: None,
                bank_line_id: None,
            };
            let transfer = settle_one(w, &payout, net, line, on, None)?;
            let audit = Audit::new("versement", "paiements")
                .id(Some(id))
                .after(format!(
                    "{reference} du {} : {} paiements, net {}",
                    format_date(on),
                    chosen.len(),
                    net.std()
                ));
            Ok((transfer, audit))
        })
    }
}

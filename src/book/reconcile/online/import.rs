//! An AssoConnect export imported as one batch: new payments recorded or
//! linked, known ones updated (refunded, paid out), fees booked, payouts
//! recorded and settled when their bank line is there.

use super::super::PaymentImportSummary;
use super::record::{self, Refund};
use super::{fees, payouts};
use crate::book::Book;
use crate::book::write::Audit;
use crate::domain::online::{PaymentFile, PaymentRow, PaymentStatus};
use crate::domain::{Exercice, format_date};
use crate::store::online::{changes, payments};
use crate::store::reconcile::batches;
use crate::store::{Result, StoreError};
use std::collections::{BTreeSet, HashSet};

/// What a row of the file is to the books.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    New,
    /// Known, now refunded.
    Refunded,
    /// Known, its payout changed.
    PaidOut,
    Duplicate,
}

fn refuse_row(row: &PaymentRow, exercice: Exercice) -> Result<()> {
    let at = |what: String| StoreError::Refused(format!("ligne {} : {what}", row.line_no));
    if !exercice.contains(row.date) {
        return Err(at(format!(
            "paiement {} du {} hors de l'exercice {exercice} : importez-le dans son exercice",
            row.ext_id,
            format_date(row.date)
        )));
    }
    if row.ext_id.trim().is_empty() {
        return Err(at("identifiant du paiement vide".into()));
    }
    if !row.amount.is_positive() {
        return Err(at(format!(
            "montant « {} » : un paiement est positif",
            row.amount.fr()
        )));
    }
    if row.fee.is_negative() || row.fee >= row.amount {
        return Err(at(format!(
            "frais « {} » : attendu entre 0,00 € et le montant ({})",
            row.fee.fr(),
            row.amount.fr()
        )));
    }
    Ok(())
}

impl Book {
    /// Imports an AssoConnect payments export as one batch.
    pub fn import_payments(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        file: &PaymentFile,
    ) -> Result<PaymentImportSummary> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let mut seen = HashSet::new();
        let mut plan = Vec::with_capacity(file.rows.len());
        for row in &file.rows {
            refuse_row(row, exercice)?;
            let kind = if !seen.insert(row.ext_id.as_str()) {
                Kind::Duplicate
            } else {
                match payments::by_ext_id(&self.conn, &row.ext_id)? {
                    None => Kind::New,
                    Some(known) => {
                        if known.status == PaymentStatus::Paid
                            && row.status == PaymentStatus::Refunded
                        {
                            Kind::Refunded
                        } else if known.status == PaymentStatus::Paid
                            && row.payout.is_some()
                            && known.payout != row.payout
                        {
                            Kind::PaidOut
                        } else {
                            Kind::Duplicate
                        }
                    }
                }
            };
            plan.push((row, kind));
        }
        let mut summary = PaymentImportSummary {
            duplicates: plan.iter().filter(|(_, k)| *k == Kind::Duplicate).count(),
            not_counted: file.not_counted.clone(),
            ..PaymentImportSummary::default()
        };
        if summary.duplicates == plan.len() {
            return Ok(summary);
        }
        let refund_date = self.default_date();
        let sha = batches::fingerprint(bytes);
        let name = batches::base_name(file_name);
        let skipped: usize = file.not_counted.iter().map(|(_, n)| n).sum();
        self.write(exercice, |w| {
            let batch = batches::insert(
                w.tx,
                &batches::NewBatch {
                    kind: "assoconnect",
                    account_id: None,
                    file_name: &name,
                    sha256: &sha,
                    lines_read: file.rows.len() + skipped,
                },
                w.now,
            )?;
            summary.batch = Some(batch);
            let mut context = record::Context::load(w, batch)?;
            for (row, kind) in &plan {
                match kind {
                    Kind::Duplicate => {}
                    Kind::New => {
                        summary.payments += 1;
                        match record::new_payment(w, &mut context, row)? {
                            record::Outcome::Recorded { to_assign } => {
                                summary.recorded += 1;
                                summary.to_assign += usize::from(to_assign);
                            }
                            record::Outcome::Linked => summary.linked += 1,
                            record::Outcome::Refunded => summary.refunded += 1,
                        }
                    }
                    Kind::Refunded => {
                        summary.payments += 1;
                        summary.refunded += 1;
                        let known = payments::by_ext_id(w.tx, &row.ext_id)?
                            .ok_or_else(|| StoreError::Corrupt("paiement introuvable".into()))?;
                        record::refund(w, batch, &known, Refund { date: refund_date })?;
                    }
                    Kind::PaidOut => {
                        summary.payments += 1;
                        let known = payments::by_ext_id(w.tx, &row.ext_id)?
                            .ok_or_else(|| StoreError::Corrupt("paiement introuvable".into()))?;
                        changes::record(w.tx, batch, &known, None)?;
                        payments::set_payout(w.tx, known.id, row.payout.as_deref())?;
                    }
                }
            }
            summary.campaigns_created = context.campaigns_created;
            summary.fees = fees::book_fees(w, batch)?;
            let references: BTreeSet<&str> =
                file.rows.iter().filter_map(|row| row.payout.as_deref()).collect();
            summary.payouts = references.len();
            for reference in references {
                payouts::ensure_payout(w, batch, reference)?;
            }
            payouts::settle_payouts(w, Some(batch))?;
            batches::set_counts(w.tx, batch, summary.payments, summary.duplicates, skipped)?;
            let audit = Audit::new("import", "lot").id(Some(batch)).after(format!(
                "AssoConnect {name} : {} paiements ({} enregistrés, {} liés, {} remboursés, {} à attribuer), {} doublons, frais {}",
                summary.payments,
                summary.recorded,
                summary.linked,
                summary.refunded,
                summary.to_assign,
                summary.duplicates,
                summary.fees.std()
            ));
            Ok((summary, audit))
        })
    }
}

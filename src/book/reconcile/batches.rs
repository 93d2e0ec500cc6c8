//! Statement imports as batches, the list of batches, undoing one.

use super::{BankImportSummary, UndoSummary, matching, online};
use crate::book::Book;
use crate::book::write::{Audit, Writing};
use crate::domain::bank::{BankFile, BankRow, Batch};
use crate::domain::reconcile::BankItem;
use crate::domain::text::{counted, fold};
use crate::domain::{Account, Exercice, Money, MoneyKey};
use crate::store::reconcile::{batches, lines, statements, undo};
use crate::store::{self, Result, StoreError};
use rusqlite::Connection;
use std::collections::HashSet;

/// The bank account a statement is imported on, or the refusal.
pub(super) fn bank_account(chart: &[Account], key: MoneyKey) -> Result<&Account> {
    if !matches!(key, MoneyKey::Pro | MoneyKey::Lbp) {
        return Err(StoreError::Refused(format!(
            "{} n'a pas de relevé bancaire : un relevé s'importe sur le Compte Pro ou sur La Banque Postale",
            key.label()
        )));
    }
    chart
        .iter()
        .find(|a| a.money_key == Some(key))
        .ok_or_else(|| {
            StoreError::Refused(format!(
                "le compte {} manque au plan comptable",
                key.label()
            ))
        })
}

/// The content key of a line without bank id: identical lines are counted.
pub fn content_key(row: &BankRow) -> String {
    format!(
        "{}|{}|{}|{}",
        row.date,
        row.amount.cents(),
        fold(&row.label),
        fold(&row.reference)
    )
}

/// What an import would do: the rows to store, the duplicates, the rows
/// dated outside the exercice.
struct Plan {
    new: Vec<usize>,
    duplicates: usize,
    outside: usize,
}

fn plan(conn: &Connection, account_id: i64, exercice: Exercice, file: &BankFile) -> Result<Plan> {
    let mut plan = Plan {
        new: Vec::new(),
        duplicates: 0,
        outside: 0,
    };
    let lines::Known {
        bank_ids,
        mut contents,
    } = lines::known(conn, account_id)?;
    let mut ids_seen: HashSet<&str> = HashSet::new();
    for (index, row) in file.rows.iter().enumerate() {
        if !exercice.contains(row.date) {
            plan.outside += 1;
            continue;
        }
        // By the bank's id when there is one; otherwise, for each content
        // key, the first k_db occurrences of the file are the known lines.
        let duplicate = match row.bank_id.as_deref().filter(|id| !id.is_empty()) {
            Some(id) => !ids_seen.insert(id) || bank_ids.contains(id),
            None => match contents.get_mut(&content_key(row)) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    true
                }
                _ => false,
            },
        };
        if duplicate {
            plan.duplicates += 1;
        } else {
            plan.new.push(index);
        }
    }
    Ok(plan)
}

fn nothing_new(plan: &Plan) -> String {
    let mut parts = Vec::new();
    match plan.duplicates {
        0 => {}
        1 => parts.push("la ligne est déjà importée".to_string()),
        n => parts.push(format!("les {n} lignes sont déjà importées")),
    }
    match plan.outside {
        0 => {}
        1 => parts.push("1 ligne est hors de l'exercice".to_string()),
        n => parts.push(format!("{n} lignes sont hors de l'exercice")),
    }
    if parts.is_empty() {
        parts.push("le fichier n'a aucune ligne comptabilisée".to_string());
    }
    format!("rien de nouveau : {}", parts.join(", "))
}

/// The base name of the file, as the batch keeps it.
impl Book {
    /// Imports a statement's booked lines on `account` as one batch: lines
    /// already known (by the bank's id, or by counting identical lines) are
    /// left out; a file bringing nothing new keeps no batch.
    pub fn import_bank(
        &mut self,
        account: MoneyKey,
        file_name: &str,
        bytes: &[u8],
        file: &BankFile,
    ) -> Result<BankImportSummary> {
        let exercice = self.exercice();
        let known = {
            let a = bank_account(&self.chart, account)?;
            plan(&self.conn, a.id, exercice, file)?
        };
        let mut summary = BankImportSummary {
            duplicates: known.duplicates,
            skipped: file.skipped(),
            not_booked: file.not_booked.clone(),
            outside_exercice: known.outside,
            ..BankImportSummary::default()
        };
        if known.new.is_empty() {
            summary.note = Some(nothing_new(&known));
            return Ok(summary);
        }
        let sha = batches::fingerprint(bytes);
        let name = batches::base_name(file_name);
        self.write(exercice, |w| {
            let a = bank_account(w.chart, account)?;
            let plan = plan(w.tx, a.id, w.exercice, file)?;
            if plan.new.is_empty() {
                return Err(StoreError::Refused(nothing_new(&plan)));
            }
            let lines_read = file.rows.len() + file.skipped();
            let batch = batches::insert(
                w.tx,
                &batches::NewBatch {
                    kind: "banque",
                    account_id: Some(a.id),
                    file_name: &name,
                    sha256: &sha,
                    lines_read,
                },
                w.now,
            )?;
            let rows: Vec<(&BankRow, String)> = plan
                .new
                .iter()
                .map(|&i| (&file.rows[i], content_key(&file.rows[i])))
                .collect();
            let ids = lines::insert_many(w.tx, batch, a.id, &rows)?;
            let fresh: Vec<BankItem> = ids
                .iter()
                .zip(&rows)
                .map(|(&id, (row, _))| BankItem {
                    id,
                    date: row.date,
                    amount: row.amount,
                    text: lines::item_text(&row.label, &row.reference, &row.counterparty),
                })
                .collect();
            batches::set_counts(w.tx, batch, plan.new.len(), plan.duplicates, file.skipped())?;
            let mut matched = 0;
            if account == MoneyKey::Pro {
                matched += online::settle_payouts(w, Some(batch))?;
            }
            matched += matching::accept_unambiguous(
                w,
                a,
                Some(matching::Fresh {
                    batch,
                    lines: &fresh,
                }),
            )?;
            let mut summary = BankImportSummary {
                batch: Some(batch),
                imported: plan.new.len(),
                duplicates: plan.duplicates,
                outside_exercice: plan.outside,
                matched,
                ..summary.clone()
            };
            if let Some(stated) = file.statement {
                statements::insert(w.tx, a.id, stated.date, stated.balance, Some(batch), w.now)?;
                summary.statement = Some(stated);
                summary.implied_opening = Some(implied_opening(file, stated.date, stated.balance));
                summary.books_opening = Some(books_opening(w, a, file)?);
            }
            let after = format!(
                "{} « {name} » : {} nouvelle{}, {} déjà connue{}, {} rapprochée{}",
                crate::domain::bank::BatchKind::Bank(account).label(),
                counted(plan.new.len(), "ligne", "lignes"),
                plural(plan.new.len()),
                plan.duplicates,
                plural(plan.duplicates),
                matched,
                plural(matched),
            );
            Ok((
                summary,
                Audit::new("import", "lot").id(Some(batch)).after(after),
            ))
        })
    }

    /// Every import, newest first.
    pub fn batches(&self) -> Result<Vec<Batch>> {
        store::reconcile::batches::all(&self.conn)
    }

    /// Undoes an import exactly: its lines, payments, the entries and
    /// matches it created go; the batch stays listed as undone.
    pub fn undo_batch(&mut self, batch: i64) -> Result<UndoSummary> {
        self.write(self.exercice(), |w| {
            let Some(found) = batches::one(w.tx, batch)? else {
                return Err(StoreError::Refused(format!(
                    "l'import n° {batch} n'existe pas (voir « coopcompta imports »)"
                )));
            };
            if found.undone_at.is_some() {
                return Err(StoreError::Refused(format!(
                    "l'import n° {batch} est déjà défait"
                )));
            }
            refuse_closed(w.tx, batch)?;
            undo::refuse_if_used(w.tx, batch)?;
            let payments = online::undo_online(w.tx, batch)?;
            let removed = undo::remove(w.tx, batch)?;
            batches::set_undone(w.tx, batch, w.now)?;
            let mut before = format!(
                "{} « {} » : {}",
                found.kind.label(),
                found.file_name,
                counted(removed.lines, "ligne", "lignes")
            );
            if !removed.pieces.is_empty() {
                before.push_str(&format!(", écritures {}", removed.pieces.join(" ")));
            }
            if payments > 0 {
                before.push_str(&format!(", {}", counted(payments, "paiement", "paiements")));
            }
            Ok((
                UndoSummary {
                    lines: removed.lines,
                    payments,
                    entries: removed.pieces.len(),
                    matches: removed.matches,
                },
                Audit::new("annulation import", "lot")
                    .id(Some(batch))
                    .before(before),
            ))
        })
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// A batch whose entries or lines belong to a closed exercice stays.
fn refuse_closed(conn: &Connection, batch: i64) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT exercice FROM entry WHERE batch_id = ?1
         UNION SELECT CAST(substr(date, 1, 4) AS INTEGER)
                      - (CAST(substr(date, 6, 2) AS INTEGER) < 9)
               FROM bank_line WHERE batch_id = ?1",
    )?;
    let years: Vec<i32> = stmt
        .query_map([batch], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for year in years {
        let exercice = Exercice::new(year);
        if store::coop::is_closed(conn, exercice)? {
            return Err(crate::book::write::closed_error(exercice));
        }
    }
    Ok(())
}

/// The opening the stated balance implies: the balance less the file's
/// lines dated on or before it.
fn implied_opening(file: &BankFile, date: chrono::NaiveDate, balance: Money) -> Money {
    balance
        - file
            .rows
            .iter()
            .filter(|r| r.date <= date)
            .map(|r| r.amount)
            .sum::<Money>()
}

/// The books' balance of the account the day before the file's first line.
fn books_opening(w: &Writing<'_>, account: &Account, file: &BankFile) -> Result<Money> {
    let Some(first) = file.rows.iter().map(|r| r.date).min() else {
        return Ok(Money::from_cents(0));
    };
    let day_before = first.pred_opt().unwrap_or(first);
    let exercice = Exercice::of(first);
    let balances = store::ledger::balances(w.tx, exercice, Some(day_before), w.chart)?;
    Ok(balances
        .into_iter()
        .find(|(k, _)| Some(*k) == account.money_key)
        .map_or(Money::from_cents(0), |(_, m)| m))
}

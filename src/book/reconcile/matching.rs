//! Bank lines against the books: the two lists, suggestions, matching
//! (one or several entries to one line), un-matching, creating an entry
//! from a bank line, the automatic pass.

use super::AutoSummary;
use super::batches::bank_account;
use crate::book::Book;
use crate::book::write::{Audit, Writing};
use crate::domain::bank::{BankLine, BookLine};
use crate::domain::entry_request::{EntryRequest, SplitInput, build_entry, category_error};
use crate::domain::reconcile::{BankItem, Suggestion, selection_gap, suggest};
use crate::domain::text::{counted, fold, shown};
use crate::domain::{
    Account, AccountKind, Entry, EntryKind, Exercice, Field, FieldError, Money, MoneyKey,
    PaymentMode, format_date,
};
use crate::store::reconcile::{lines, matches};
use crate::store::{self, Result, StoreError};
use rusqlite::Connection;
use std::collections::HashSet;

/// The suggestions for the unmatched lines of an account, read on `conn`.
pub(super) fn suggestions_in(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
) -> Result<Vec<Suggestion>> {
    let lines = lines::unmatched_bank_items(conn, exercice, account, None)?;
    let books = lines::unmatched_book_items(conn, exercice, account)?;
    Ok(suggest(&lines, &books))
}

/// The lines an import has just stored, as the matcher reads them.
pub(super) struct Fresh<'a> {
    pub batch: i64,
    pub lines: &'a [BankItem],
}

/// Inside a transaction: accepts every unambiguous suggestion (of the
/// `fresh` lines of an import, when given: the other unmatched lines are
/// read, the fresh ones are taken as they are); the matches carry the
/// import's batch. Returns how many lines were matched.
pub(super) fn accept_unambiguous(
    w: &Writing<'_>,
    account: &Account,
    fresh: Option<Fresh<'_>>,
) -> Result<usize> {
    let books = lines::unmatched_book_items(w.tx, w.exercice, account)?;
    let batch = fresh.as_ref().map(|f| f.batch);
    let mut lines = lines::unmatched_bank_items(w.tx, w.exercice, account, batch)?;
    let mut only = None;
    if let Some(fresh) = &fresh {
        // The payouts settled by the import matched some of its lines.
        let taken = matches::lines_matched_by(w.tx, fresh.batch)?;
        lines.extend(
            fresh
                .lines
                .iter()
                .filter(|l| !taken.contains(&l.id) && w.exercice.contains(l.date))
                .cloned(),
        );
        only = Some(fresh.lines.iter().map(|l| l.id).collect::<HashSet<i64>>());
    }
    let mut matched = 0;
    for s in suggest(&lines, &books) {
        if !s.unambiguous || only.as_ref().is_some_and(|ids| !ids.contains(&s.line_id)) {
            continue;
        }
        matches::insert(w.tx, s.line_id, s.entry_id, account.id, batch, w.now)?;
        matched += 1;
    }
    Ok(matched)
}

fn refused(message: String) -> StoreError {
    StoreError::Refused(message)
}

/// A stored line of the exercice, on a bank account of the chart.
fn line_in<'c>(w: &Writing<'c>, line: i64) -> Result<(lines::StoredLine, &'c Account)> {
    let Some(stored) = lines::one(w.tx, line)? else {
        return Err(refused(format!(
            "la ligne de relevé n° {line} n'existe pas (voir « coopcompta bank lines »)"
        )));
    };
    let Some(account) = w.chart.iter().find(|a| a.id == stored.account_id) else {
        return Err(StoreError::Corrupt(format!(
            "la ligne de relevé n° {line} est sur un compte inconnu"
        )));
    };
    if !w.exercice.contains(stored.date) {
        return Err(refused(format!(
            "la ligne de relevé n° {line} du {} est hors de l'exercice {}",
            format_date(stored.date),
            w.exercice
        )));
    }
    Ok((stored, account))
}

fn pieces_of(conn: &Connection, ids: &[i64]) -> Result<String> {
    let mut pieces = Vec::new();
    for id in ids {
        if let Some(e) = store::entries::load_one(conn, *id)? {
            pieces.push(e.piece);
        }
    }
    Ok(pieces.join(" "))
}

fn refuse_if_line_matched(conn: &Connection, line: i64) -> Result<()> {
    let already = matches::entries_of_line(conn, line)?;
    if already.is_empty() {
        return Ok(());
    }
    Err(refused(format!(
        "la ligne de relevé n° {line} est déjà rapprochée ({}) : défaites d'abord ce rapprochement",
        pieces_of(conn, &already)?
    )))
}

/// An entry a bank line of `account` may be matched to.
fn matchable(w: &Writing<'_>, id: i64, account: &Account) -> Result<Entry> {
    let Some(entry) = store::entries::load_one(w.tx, id)? else {
        return Err(refused(format!("l'écriture n° {id} n'existe pas")));
    };
    let piece = &entry.piece;
    if entry.exercice != w.exercice {
        return Err(refused(format!(
            "l'écriture {piece} est de l'exercice {}, pas de l'exercice {}",
            entry.exercice, w.exercice
        )));
    }
    if entry.is_cancelled() || entry.reverses.is_some() {
        return Err(refused(format!(
            "l'écriture {piece} est annulée : elle ne se rapproche pas d'un relevé"
        )));
    }
    if entry.kind == EntryKind::Ouverture {
        return Err(refused(format!(
            "l'écriture {piece} est l'ouverture de l'exercice : elle ne se rapproche pas d'un relevé"
        )));
    }
    if entry.amount_on(&account.code).is_zero() {
        return Err(refused(format!(
            "l'écriture {piece} ne passe pas par {}",
            account.display()
        )));
    }
    if let Some(other) = matches::line_of_entry(w.tx, id, account.id)? {
        return Err(refused(format!(
            "l'écriture {piece} est déjà rapprochée de la ligne de relevé n° {other}"
        )));
    }
    Ok(entry)
}

/// The mode of an entry created from a bank line: a card payment by its
/// label, a direct debit, else a transfer.
fn mode_of(label: &str, account: MoneyKey, amount: Money) -> Option<PaymentMode> {
    let folded = fold(label);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let wanted = if has("carte") || has("cb") || has("card") {
        PaymentMode::Carte
    } else if amount.is_negative()
        && (has("prlv") || has("prelevement") || has("prel") || has("sepa") && has("dd"))
    {
        PaymentMode::Prelevement
    } else {
        PaymentMode::Virement
    };
    let allowed = PaymentMode::allowed_on(account);
    if allowed.contains(&wanted) {
        Some(wanted)
    } else {
        allowed.first().copied()
    }
}

/// The bank label, cut to what a label holds, controls replaced.
fn proposed_label(bank: &str) -> String {
    let clean: String = bank
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = clean.chars().take(crate::domain::text::MAX_LABEL).collect();
    if cut.is_empty() {
        "Opération du relevé".into()
    } else {
        cut
    }
}

impl Book {
    /// The account's bank lines (current exercice), oldest first.
    pub fn bank_lines(&self, account: MoneyKey) -> Result<Vec<BankLine>> {
        match self.account(account) {
            Some(a) => store::reconcile::lines::bank_lines(&self.conn, self.exercice(), a),
            None => Ok(Vec::new()),
        }
    }

    /// The entries' lines on the account (current exercice), oldest first,
    /// cancelled pairs and openings left out.
    pub fn book_lines(&self, account: MoneyKey) -> Result<Vec<BookLine>> {
        match self.account(account) {
            Some(a) => store::reconcile::lines::book_lines(&self.conn, self.exercice(), a),
            None => Ok(Vec::new()),
        }
    }

    /// Suggestions for the unmatched lines, one-to-one.
    pub fn suggestions(&self, account: MoneyKey) -> Result<Vec<Suggestion>> {
        match self.account(account) {
            Some(a) => suggestions_in(&self.conn, self.exercice(), a),
            None => Ok(Vec::new()),
        }
    }

    /// Accepts every unambiguous suggestion (one transaction).
    pub fn reconcile_auto(&mut self, account: MoneyKey) -> Result<AutoSummary> {
        let pending = {
            let a = bank_account(&self.chart, account)?;
            suggestions_in(&self.conn, self.exercice(), a)?
                .iter()
                .any(|s| s.unambiguous)
        };
        if !pending {
            return self.auto_summary(account, 0);
        }
        let matched = self.write(self.exercice(), |w| {
            let a = bank_account(w.chart, account)?;
            let matched = accept_unambiguous(w, a, None)?;
            Ok((
                matched,
                Audit::new("rapprochement automatique", "ligne").after(format!(
                    "{} : {} rapprochée{}",
                    account.label(),
                    counted(matched, "ligne", "lignes"),
                    if matched > 1 { "s" } else { "" }
                )),
            ))
        })?;
        self.auto_summary(account, matched)
    }

    fn auto_summary(&self, account: MoneyKey, matched: usize) -> Result<AutoSummary> {
        Ok(AutoSummary {
            matched,
            created: 0,
            unmatched_lines: self
                .bank_lines(account)?
                .iter()
                .filter(|l| !l.is_matched())
                .count(),
            unmatched_entries: self
                .book_lines(account)?
                .iter()
                .filter(|b| b.matched_to.is_none())
                .count(),
        })
    }

    /// Matches entries (by id) to one bank line: their total must equal it.
    pub fn match_line(&mut self, line: i64, entries: &[i64]) -> Result<()> {
        self.write(self.exercice(), |w| {
            let (stored, account) = line_in(w, line)?;
            refuse_if_line_matched(w.tx, line)?;
            if entries.is_empty() {
                return Err(refused(
                    "choisissez au moins une écriture à rapprocher de la ligne".into(),
                ));
            }
            let mut seen = HashSet::new();
            let mut amounts = Vec::new();
            let mut pieces = Vec::new();
            for id in entries {
                let entry = matchable(w, *id, account)?;
                if !seen.insert(*id) {
                    return Err(refused(format!(
                        "l'écriture {} est choisie deux fois",
                        entry.piece
                    )));
                }
                amounts.push(entry.amount_on(&account.code));
                pieces.push(entry.piece);
            }
            let gap = selection_gap(stored.amount, &amounts);
            if !gap.is_zero() {
                let total: Money = amounts.iter().copied().sum();
                return Err(refused(format!(
                    "les écritures choisies ({}) font {}, la ligne de relevé n° {line} fait {} : écart de {}",
                    pieces.join(" "),
                    total.fr(),
                    stored.amount.fr(),
                    gap.fr()
                )));
            }
            for id in entries {
                matches::insert(w.tx, line, *id, account.id, None, w.now)?;
            }
            Ok((
                (),
                Audit::new("rapprochement", "ligne")
                    .id(Some(line))
                    .after(format!(
                        "{} {} {} ↔ {}",
                        format_date(stored.date),
                        stored.amount.fr(),
                        shown(&stored.label),
                        pieces.join(" ")
                    )),
            ))
        })
    }

    /// Takes a bank line's matches away.
    pub fn unmatch_line(&mut self, line: i64) -> Result<()> {
        self.write(self.exercice(), |w| {
            let (stored, _) = line_in(w, line)?;
            let entries = matches::entries_of_line(w.tx, line)?;
            if entries.is_empty() {
                return Err(refused(format!(
                    "la ligne de relevé n° {line} n'est pas rapprochée"
                )));
            }
            let pieces = pieces_of(w.tx, &entries)?;
            matches::delete_for_line(w.tx, line)?;
            Ok((
                (),
                Audit::new("rapprochement defait", "ligne")
                    .id(Some(line))
                    .before(format!(
                        "{} {} {} ↔ {pieces}",
                        format_date(stored.date),
                        stored.amount.fr(),
                        shown(&stored.label)
                    )),
            ))
        })
    }

    /// Records the entry a bank line shows (a card purchase, bank fees) on
    /// `category`, numbered, and matches it; returns the entry id.
    pub fn create_from_line(
        &mut self,
        line: i64,
        category: &str,
        label: Option<&str>,
    ) -> Result<i64> {
        self.write(self.exercice(), |w| {
            let (stored, account) = line_in(w, line)?;
            refuse_if_line_matched(w.tx, line)?;
            let key = account.money_key.unwrap_or(MoneyKey::Pro);
            let kind = if stored.amount.is_positive() {
                EntryKind::Recette
            } else {
                EntryKind::Depense
            };
            let wanted = if kind == EntryKind::Recette {
                AccountKind::Produit
            } else {
                AccountKind::Charge
            };
            let code = category.trim();
            if let Some(message) = category_error(code, w.chart, wanted) {
                return Err(FieldError::new(Field::Categorie, message).into());
            }
            let request = EntryRequest {
                date: format_date(stored.date),
                kind,
                account: key,
                amount: stored.amount.abs().std(),
                label: label.map_or_else(|| proposed_label(&stored.label), str::to_string),
                mode: mode_of(&stored.label, key, stored.amount),
                splits: vec![SplitInput {
                    code: code.to_string(),
                    amount: String::new(),
                }],
                piece: store::entries::next_piece(w.tx, w.exercice, kind)?,
                cheque_no: String::new(),
            };
            let entry = build_entry(&request, w.chart, w.exercice)?;
            let (id, audit) = crate::book::insert_checked(w, &entry, "ecriture")?;
            matches::insert(w.tx, line, id, account.id, None, w.now)?;
            let after = format!(
                "{} ; rapprochée de la ligne de relevé n° {line}",
                audit.after.clone().unwrap_or_default()
            );
            Ok((id, audit.after(after)))
        })
    }
}

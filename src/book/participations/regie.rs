//! Régies d'avance of class coops: advance, class expenses, return, and the
//! balance of each class's régie (given − spent − returned).

use super::refused;
use crate::book::Book;
use crate::domain::participation::regie::build_regie_entry;
use crate::domain::participation::{RegieBalance, RegieKind, RegieMove, RegieRequest};

use crate::store::Result;
use crate::store::entries::next_piece;
use crate::store::participations::{pupils, regie};

impl Book {
    /// Records one move of a class's régie (advance from the Caisse, an
    /// expense of the class, or the return of what is left) as one balanced
    /// entry on account 467. Returns the entry's id.
    pub fn record_regie(&mut self, request: &RegieRequest) -> Result<i64> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let class = pupils::classes(&self.conn, exercice)?
            .into_iter()
            .find(|c| c.id == request.class_id)
            .ok_or_else(|| {
                refused(format!(
                    "Classe : n° {} inconnue dans l'exercice {exercice}",
                    request.class_id
                ))
            })?;
        let balance = self
            .regies()?
            .into_iter()
            .find(|r| r.class_id == class.id)
            .map(|r| r.balance())
            .unwrap_or_default();
        let mut request = request.clone();
        if request.piece.trim().is_empty() {
            request.piece = next_piece(&self.conn, exercice, request.kind.entry_kind())?;
        }
        let entry = build_regie_entry(&request, &class.name, balance, &self.chart, exercice)
            .map_err(refused)?;
        let now = self.clock.stamp();
        let tx = self.conn.transaction()?;
        let id = crate::book::insert_checked(&tx, exercice, &self.chart, &entry, &now, "regie")?;
        regie::insert(
            &tx,
            class.id,
            request.kind,
            id,
            request.receipt_no.trim(),
            &now,
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Every move of the régies of the exercice being kept, by date.
    pub fn regie_moves(&self) -> Result<Vec<RegieMove>> {
        regie::moves(&self.conn, self.exercice())
    }

    /// The régie of each class that has one: given, spent, returned and the
    /// balance (cancelled moves left out), by class name.
    pub fn regies(&self) -> Result<Vec<RegieBalance>> {
        let moves = self.regie_moves()?;
        let mut out: Vec<RegieBalance> = Vec::new();
        for class in pupils::classes(&self.conn, self.exercice())? {
            let mine: Vec<&RegieMove> = moves
                .iter()
                .filter(|m| m.class_id == class.id && !m.cancelled)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let mut balance = RegieBalance {
                class_id: class.id,
                class_name: class.name.clone(),
                teacher: class.teacher.clone(),
                given: Default::default(),
                spent: Default::default(),
                returned: Default::default(),
            };
            for m in mine {
                balance.add(m.kind, m.amount);
            }
            out.push(balance);
        }
        Ok(out)
    }

    /// Régies not settled (balance not zero): flagged at year end.
    pub fn unsettled_regies(&self) -> Result<Vec<RegieBalance>> {
        Ok(self
            .regies()?
            .into_iter()
            .filter(RegieBalance::is_unsettled)
            .collect())
    }
}

impl Book {
    /// Cancelling an advance its class has already partly spent would leave
    /// the régie below zero: refused, naming what to cancel first.
    pub(crate) fn refuse_emptying_a_regie(&self, entry_id: i64) -> Result<()> {
        if !regie::is_regie_entry(&self.conn, entry_id)? {
            return Ok(());
        }
        let moves = self.regie_moves()?;
        let Some(advance) = moves
            .iter()
            .find(|m| m.entry_id == entry_id && m.kind == RegieKind::Avance)
        else {
            return Ok(());
        };
        let Some(regie) = self
            .regies()?
            .into_iter()
            .find(|r| r.class_id == advance.class_id)
        else {
            return Ok(());
        };
        if regie.balance() < advance.amount {
            return Err(refused(format!(
                "{} : la régie {} n'a plus que {} sur cette avance de {} ; annulez d'abord ses dépenses ou enregistrez le reliquat rendu",
                advance.piece,
                regie.class_name,
                regie.balance(),
                advance.amount
            )));
        }
        Ok(())
    }

    /// Cancels a move of a régie by a reversing entry (nothing deleted).
    pub fn cancel_regie_move(&mut self, entry_id: i64) -> Result<i64> {
        if !self.regie_moves()?.iter().any(|m| m.entry_id == entry_id) {
            return Err(refused(format!(
                "Régie : l'écriture n° {entry_id} n'est pas un mouvement de régie"
            )));
        }
        self.cancel_entry(entry_id)
    }
}

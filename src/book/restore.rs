//! Undoing a mistaken cancellation: "rétablir" records a new entry equal
//! to the cancelled one (same date, lines and texts, a new pièce). Nothing
//! is deleted: the original and its reversal stay, the trail says why.

use super::Book;
use super::write::Audit;
use crate::domain::{Entry, NewEntry};
use crate::store::{self, Result, StoreError, audit};

fn refused(message: String) -> StoreError {
    StoreError::Refused(message)
}

impl Book {
    /// Restores a cancelled entry as a new one dated like it, numbered as
    /// usual in its exercice; the caisse rule applies. Returns the new id.
    pub fn restore_cancelled(&mut self, id: i64) -> Result<i64> {
        let original = self.restorable(id)?;
        let exercice = original.exercice;
        let piece = store::entries::next_piece(&self.conn, exercice, original.kind)?;
        let mut restored = NewEntry::new(
            original.date,
            piece,
            original.kind,
            original.label.clone(),
            original.mode,
            original.lines.clone(),
        )
        .map_err(|e| StoreError::Corrupt(format!("{} : {e}", original.piece)))?;
        restored.cheque_no = original.cheque_no.clone();
        self.write(exercice, |w| {
            let nid = store::entries::insert(w.tx, exercice, &restored, w.now)?;
            super::refuse_negative_caisse(
                w.tx,
                exercice,
                w.chart,
                restored.date,
                restored.lines(),
                &[],
            )?;
            store::entries::set_restored_as(w.tx, id, nid)?;
            let audit = Audit::new("retablissement", "ecriture")
                .id(Some(id))
                .before(audit::describe(&original))
                .after(format!(
                    "rétablie par {} (écriture n° {nid})",
                    restored.piece
                ));
            Ok((nid, audit))
        })
    }

    /// The cancelled entry `id` if it can be restored (asked before the
    /// question, so a refusal comes first); else the reason, in French.
    pub fn restorable(&self, id: i64) -> Result<Entry> {
        let original = self
            .entry(id)?
            .ok_or_else(|| refused(format!("l'écriture n° {id} n'existe pas")))?;
        if let Some(cancelled) = original.reverses {
            let cancelled = self
                .entry(cancelled)?
                .map(|e| e.piece)
                .unwrap_or_else(|| format!("l'écriture n° {cancelled}"));
            return Err(refused(format!(
                "{} est une écriture d'annulation : c'est l'écriture annulée ({cancelled}) qui se rétablit",
                original.piece
            )));
        }
        if !original.is_cancelled() {
            return Err(refused(format!(
                "{} n'est pas annulée : il n'y a rien à rétablir",
                original.piece
            )));
        }
        if let Some(again) = store::entries::restored_as(&self.conn, id)? {
            let again = self.entry(again)?.map(|e| e.piece).unwrap_or_default();
            return Err(refused(format!(
                "{} a déjà été rétablie par {again}",
                original.piece
            )));
        }
        let pupils = store::participations::contributions::linked_count(&self.conn, id)?;
        if pupils > 0 {
            return Err(refused(format!(
                "{} regroupait des participations d'élèves ({pupils}) : la rétablir les détacherait des élèves ; ressaisissez l'enveloppe (onglet Participations)",
                original.piece
            )));
        }
        if store::participations::regie::is_regie_entry(&self.conn, id)? {
            return Err(refused(format!(
                "{} était un mouvement de régie de classe : le rétablir le détacherait de la régie ; ressaisissez-le (onglet Participations)",
                original.piece
            )));
        }
        Ok(original)
    }
}

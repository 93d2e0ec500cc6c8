//! Recording, editing and cancelling entries.

use super::Book;
use super::write::Audit;
use crate::domain::entry_request::{EntryRequest, TransferRequest, build_entry, build_transfer};
use crate::domain::piece::reversal_piece;
use crate::domain::text::{self, shown};
use crate::domain::{AccountKind, ChartRow, Entry, EntryKind, Exercice, NewEntry};
use crate::store::{self, Result, StoreError, audit};

impl Book {
    /// The pièce number proposed for a new entry of `kind`.
    pub fn next_piece(&self, kind: EntryKind) -> Result<String> {
        store::entries::next_piece(&self.conn, self.exercice(), kind)
    }

    /// Refuses any change to a closed exercice.
    pub(crate) fn check_open(&self, exercice: Exercice) -> Result<()> {
        if store::coop::is_closed(&self.conn, exercice)? {
            return Err(super::write::closed_error(exercice));
        }
        Ok(())
    }

    fn insert_new(&mut self, entry: NewEntry) -> Result<i64> {
        self.write(self.exercice(), |w| {
            super::insert_checked(w, &entry, "ecriture")
        })
    }

    /// Records a recette or a dépense. An empty pièce takes the next number.
    pub fn add_entry(&mut self, request: &EntryRequest) -> Result<i64> {
        let entry = self.new_entry(request)?;
        self.insert_new(entry)
    }

    /// The entry a new recette or dépense makes (an empty pièce: the next).
    pub(super) fn new_entry(&self, request: &EntryRequest) -> Result<NewEntry> {
        let mut request = request.clone();
        if request.piece.trim().is_empty() {
            request.piece = self.next_piece(request.kind)?;
        }
        Ok(build_entry(&request, &self.chart, self.exercice())?)
    }

    /// Records a virement interne between two money accounts.
    pub fn add_transfer(&mut self, request: &TransferRequest) -> Result<i64> {
        let entry = self.new_transfer(request)?;
        self.insert_new(entry)
    }

    pub(super) fn new_transfer(&self, request: &TransferRequest) -> Result<NewEntry> {
        let mut request = request.clone();
        if request.piece.trim().is_empty() {
            request.piece = self.next_piece(EntryKind::Virement)?;
        }
        Ok(build_transfer(&request, &self.chart, self.exercice())?)
    }

    /// The entry if it may still be changed (edited or cancelled): of the open
    /// exercice, not cancelled, not itself a reversal, not the opening.
    /// Otherwise the reason, in French. Screens ask before opening a form.
    pub fn changeable(&self, id: i64) -> Result<Entry> {
        self.check_open(self.exercice())?;
        let entry = self
            .entry(id)?
            .ok_or_else(|| StoreError::Refused(format!("l'écriture n° {id} n'existe pas")))?;
        if entry.exercice != self.exercice() {
            return Err(StoreError::Refused(format!(
                "{} appartient à l'exercice {} : seul l'exercice {} est modifiable",
                entry.piece,
                entry.exercice,
                self.exercice()
            )));
        }
        if entry.is_cancelled() {
            return Err(StoreError::Refused(format!(
                "{} est annulée : elle ne peut plus changer",
                entry.piece
            )));
        }
        if entry.reverses.is_some() {
            return Err(StoreError::Refused(format!(
                "{} est une écriture d'annulation : elle ne se modifie pas",
                entry.piece
            )));
        }
        if entry.kind == EntryKind::Ouverture {
            return Err(StoreError::Refused(
                "le report à nouveau se corrige par une écriture, pas en le modifiant".into(),
            ));
        }
        Ok(entry)
    }

    /// The entry if it may be edited as a plain entry: changeable, and not
    /// the bordereau of an envelope or a régie move (those are cancelled and
    /// typed again from the Participations tab, so the pupils stay matched).
    pub fn editable(&self, id: i64) -> Result<Entry> {
        let entry = self.changeable(id)?;
        let pupils = store::participations::contributions::linked_count(&self.conn, id)?;
        if pupils > 0 {
            return Err(StoreError::Refused(format!(
                "{} regroupe {} : pour la corriger, annulez-la puis saisissez de nouveau l'enveloppe (onglet Participations)",
                entry.piece,
                if pupils > 1 {
                    format!("les participations de {pupils} élèves")
                } else {
                    "la participation d'un élève".into()
                }
            )));
        }
        if store::participations::regie::is_regie_entry(&self.conn, id)? {
            return Err(StoreError::Refused(format!(
                "{} appartient à une régie de classe : pour la corriger, annulez-la puis saisissez-la de nouveau (onglet Participations)",
                entry.piece
            )));
        }
        Ok(entry)
    }

    fn replace(&mut self, before: Entry, after: NewEntry) -> Result<()> {
        self.write(before.exercice, |w| replace_in(w, &before, &after))
    }

    /// Changes a recette or dépense.
    pub fn edit_entry(&mut self, id: i64, request: &EntryRequest) -> Result<()> {
        let (before, after) = self.edited_entry(id, request)?;
        self.replace(before, after)
    }

    /// The entry as it is and as the edit would make it.
    pub(super) fn edited_entry(
        &self,
        id: i64,
        request: &EntryRequest,
    ) -> Result<(Entry, NewEntry)> {
        let before = self.editable(id)?;
        if before.kind == EntryKind::Virement {
            return Err(StoreError::Refused(format!(
                "{} est un virement interne",
                before.piece
            )));
        }
        let after = build_entry(request, &self.chart, self.exercice())?;
        Ok((before, after))
    }

    /// Changes a virement interne.
    pub fn edit_transfer(&mut self, id: i64, request: &TransferRequest) -> Result<()> {
        let (before, after) = self.edited_transfer(id, request)?;
        self.replace(before, after)
    }

    pub(super) fn edited_transfer(
        &self,
        id: i64,
        request: &TransferRequest,
    ) -> Result<(Entry, NewEntry)> {
        let before = self.editable(id)?;
        if before.kind != EntryKind::Virement {
            return Err(StoreError::Refused(format!(
                "{} n'est pas un virement interne",
                before.piece
            )));
        }
        let after = build_transfer(request, &self.chart, self.exercice())?;
        Ok((before, after))
    }

    /// Cancels an entry by a reversing entry dated today (or the last day of
    /// the exercice if today is past it). Returns the reversal's id.
    pub fn cancel_entry(&mut self, id: i64) -> Result<i64> {
        self.refuse_cancelling_a_reversal(id)?;
        let original = self.changeable(id)?;
        self.refuse_emptying_a_regie(id)?;
        let used = store::entries::pieces(&self.conn, self.exercice())?;
        let piece = reversal_piece(&original.piece, used.iter().map(String::as_str));
        let date = self.default_date().max(original.date);
        let reversal = NewEntry::reversal_of(&original, date, piece);
        self.write(self.coop.current, |w| {
            let rid = store::entries::insert(w.tx, w.exercice, &reversal, w.now)?;
            store::reconcile::matches::release_entry(w.tx, id)?;
            super::refuse_negative_caisse(
                w.tx,
                w.exercice,
                w.chart,
                reversal.date,
                reversal.lines(),
                &[],
            )?;
            let audit = Audit::new("annulation", "ecriture")
                .id(Some(id))
                .before(audit::describe(&original))
                .after(format!(
                    "annulée par {} (écriture n° {rid})",
                    reversal.piece
                ));
            Ok((rid, audit))
        })
    }

    /// A reversal is not cancelled (that would hide the cancellation under
    /// a third entry): the original is restored instead.
    fn refuse_cancelling_a_reversal(&self, id: i64) -> Result<()> {
        let Some(reversal) = self.entry(id)? else {
            return Ok(());
        };
        let Some(original) = reversal.reverses else {
            return Ok(());
        };
        let original = self
            .entry(original)?
            .map(|e| e.piece)
            .unwrap_or_else(|| format!("l'écriture n° {original}"));
        Err(StoreError::Refused(format!(
            "{} annule {original} : une écriture d'annulation ne s'annule pas ; pour revenir sur l'annulation, rétablissez {original}",
            reversal.piece
        )))
    }

    /// Adds a category to the chart (or renames it if the code exists).
    pub fn save_category(
        &mut self,
        code: &str,
        label: &str,
        kind: AccountKind,
        heading: Option<&str>,
    ) -> Result<()> {
        let code = &text::check_code(code).map_err(|e| StoreError::Refused(e.message))?;
        let label = &text::check_text(label, text::MAX_LABEL)
            .map_err(|reason| StoreError::Refused(format!("libellé de catégorie : {reason}")))?;
        if label.is_empty() {
            return Err(StoreError::Refused("libellé de catégorie vide".into()));
        }
        let heading = match heading {
            Some(typed) => self.known_heading(typed)?,
            None => None,
        };
        let wanted_prefix = match kind {
            AccountKind::Charge => '6',
            AccountKind::Produit => '7',
            _ => {
                return Err(StoreError::Refused(
                    "seules les charges (6…) et produits (7…) s'ajoutent ici".into(),
                ));
            }
        };
        if !code.starts_with(wanted_prefix) {
            return Err(StoreError::Refused(format!(
                "code « {} » : {} commence par {wanted_prefix}",
                shown(code),
                if kind == AccountKind::Charge {
                    "une charge"
                } else {
                    "un produit"
                }
            )));
        }
        self.write(self.exercice(), |w| {
            let tx = w.tx;
            let existing = store::accounts::id_of(tx, code)?;
            let before = match existing {
                Some(_) => {
                    let old: String =
                        tx.query_row("SELECT label FROM account WHERE code = ?1", [code], |r| {
                            r.get(0)
                        })?;
                    store::accounts::rename(tx, code, label)?;
                    if let Some(heading) = &heading {
                        store::accounts::set_heading(tx, code, Some(heading))?;
                    }
                    Some(format!("{code} {old}"))
                }
                None => None,
            };
            if existing.is_none() {
                let row = ChartRow {
                    code: code.into(),
                    label: label.into(),
                    kind,
                    money_key: None,
                    crf_heading: heading,
                };
                store::accounts::insert_chart(tx, &[row])?;
            }
            let mut audit = Audit::new(
                if existing.is_some() {
                    "renommage"
                } else {
                    "ajout"
                },
                "compte",
            )
            .id(store::accounts::id_of(tx, code)?)
            .after(format!("{code} {label}"));
            audit.before = before;
            Ok(((), audit))
        })?;
        self.reload_chart()
    }
}

/// Replaces an entry inside the write path (or a dry run): the pièce must
/// stay free, the caisse must never go below zero.
pub(super) fn replace_in(
    w: &super::write::Writing<'_>,
    before: &Entry,
    after: &NewEntry,
) -> Result<((), Audit)> {
    store::entries::check_piece_free(w.tx, before.exercice, &after.piece, Some(before.id))?;
    store::entries::replace(w.tx, before.id, after)?;
    store::reconcile::matches::release_unpaid(w.tx, before.id)?;
    super::refuse_negative_caisse(
        w.tx,
        before.exercice,
        w.chart,
        before.date.min(after.date),
        after.lines(),
        &before.lines,
    )?;
    let stored = store::entries::load_one(w.tx, before.id)?
        .ok_or(StoreError::Corrupt("écriture introuvable".into()))?;
    let audit = Audit::new("modification", "ecriture")
        .id(Some(before.id))
        .before(audit::describe(before))
        .after(audit::describe(&stored));
    Ok(((), audit))
}

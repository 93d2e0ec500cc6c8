//! Closing an exercice (blockers, lock, fingerprint, next exercice's
//! opening) and reopening it.
//!
//! The next exercice opens with one report à nouveau entry (`AN`): the
//! closing balance of each money account, then the balance-sheet balances
//! carried as they are: the régies not settled (467) and the OCCE advance
//! still owed (1680), all against 110. Closing again after a reopening
//! replaces that entry (never a second one). A reopening puts the app back
//! on the reopened exercice; the next one keeps its opening until the next
//! closing recomputes it.

mod blockers;

use crate::book::Book;
use crate::book::write::Audit;
use crate::domain::closing::{
    Blocker, CarryOver, CloseSummary, Override, apply_overrides, refusal,
};
use crate::domain::opening::carried_opening;
use crate::domain::participation::pupils::class_key;
use crate::domain::participation::regie::REGIE_ACCOUNT;
use crate::domain::text::clean_text;
use crate::domain::{Exercice, Field, Money};
use crate::store::{self, Result, StoreError, closing, fingerprint};

/// The OCCE advance (balance-sheet account), carried into the next exercice.
const OCCE_ADVANCE: &str = crate::book::checklist::OCCE_ADVANCE;
/// Length of a reason kept in the audit.
const MAX_REASON: usize = 300;

fn refused(text: impl Into<String>) -> StoreError {
    StoreError::Refused(text.into())
}

/// A reason as the audit keeps it: one line, something said.
fn reason(typed: &str, what: &str) -> Result<String> {
    let text = clean_text(Field::Note, typed, MAX_REASON)
        .map_err(|e| refused(format!("raison de {what} : {}", e.message)))?;
    if text.is_empty() {
        return Err(refused(format!(
            "{what} demande une raison (--reason TEXTE), gardée au journal"
        )));
    }
    Ok(text)
}

impl Book {
    /// What is missing before `exercice` can be closed (overridden ones
    /// included, with their reason, when `overrides` names them).
    pub fn closing_blockers(
        &self,
        exercice: Exercice,
        overrides: &[Override],
    ) -> Result<Vec<Blocker>> {
        let mut cleaned = Vec::new();
        for o in overrides {
            cleaned.push(Override {
                key: o.key,
                reason: reason(&o.reason, &format!("passer outre « {} »", o.key.key()))?,
            });
        }
        let found = blockers::blockers(&self.conn, &self.chart, exercice)?;
        apply_overrides(found, &cleaned).map_err(refused)
    }

    /// Closes `exercice` when nothing blocks (or every blocker is
    /// overridden): locks it, records its fingerprint, opens the next one.
    pub fn close_exercice(
        &mut self,
        exercice: Exercice,
        overrides: &[Override],
        carry: &CarryOver,
    ) -> Result<CloseSummary> {
        if !closing::exists(&self.conn, exercice)? {
            return Err(refused(format!(
                "l'exercice {exercice} n'existe pas dans cette base"
            )));
        }
        self.check_open(exercice)?;
        let next = exercice.next();
        if store::coop::is_closed(&self.conn, next)? {
            return Err(refused(format!(
                "l'exercice suivant {next} est clôturé : rouvrez-le d'abord"
            )));
        }
        self.check_carry(exercice, carry)?;
        let blockers = self.closing_blockers(exercice, overrides)?;
        if let Some(text) = refusal(exercice, &blockers) {
            return Err(refused(text));
        }
        let money = store::ledger::balances(&self.conn, exercice, None, &self.chart)?;
        let mut carried: Vec<(String, Money)> = Vec::new();
        for code in [REGIE_ACCOUNT, OCCE_ADVANCE] {
            if self.chart.iter().any(|a| a.code == code) {
                carried.push((
                    code.to_string(),
                    closing::code_balance(&self.conn, exercice, code)?,
                ));
            }
        }
        let opening = carried_opening(next, &money, &carried, &self.chart)?;
        let current = self.coop.current;
        let summary = self.write(exercice, |w| {
            // A fingerprint left current by a reopening done outside the
            // app gives way to this one (kept, marked superseded).
            fingerprint::supersede(w.tx, exercice, w.now, "nouvelle clôture")?;
            let print = fingerprint::record(w.tx, exercice, w.now)?;
            store::coop::ensure_exercice(w.tx, next)?;
            match (store::ledger::opening_id(w.tx, next)?, &opening) {
                (Some(id), Some(new)) => store::entries::replace(w.tx, id, new)?,
                (None, Some(new)) => {
                    store::entries::insert(w.tx, next, new, w.now)?;
                }
                // Nothing to carry: an opening left by an earlier closing
                // stays (an entry needs two lines); nothing else to do.
                (_, None) => {}
            }
            if current < next {
                closing::set_current(w.tx, next)?;
            }
            let pupils_carried = if carry.pupils {
                closing::carry_pupils(w.tx, exercice, next, &carry.renames, &carry.leaving, w.now)?
            } else {
                0
            };
            closing::mark_closed(w.tx, exercice, w.now)?;
            let mut after = format!(
                "exercice {exercice} clôturé ; empreinte {} ({} écritures) ; ouverture de {next}",
                print.last_link, print.entries
            );
            for b in blockers.iter().filter(|b| b.overridden.is_some()) {
                after.push_str(&format!(
                    " ; outre « {} » ({}) : {}",
                    b.key.key(),
                    b.what,
                    b.overridden.as_deref().unwrap_or("")
                ));
            }
            if carry.pupils {
                after.push_str(&format!(" ; {pupils_carried} élèves reportés"));
            }
            let summary = CloseSummary {
                exercice,
                next,
                fingerprint: print.last_link,
                entries: print.entries as usize,
                pupils_carried,
            };
            let audit = Audit::new("cloture", "exercice")
                .id(Some(exercice.start_year.into()))
                .after(after);
            Ok((summary, audit))
        })?;
        self.coop = store::coop::require(&self.conn)?;
        Ok(summary)
    }

    /// Undoes the lock of a closed exercice, the reason kept in the audit.
    pub fn reopen_exercice(&mut self, exercice: Exercice, reason_typed: &str) -> Result<()> {
        let why = reason(reason_typed, "la réouverture")?;
        if !store::coop::is_closed(&self.conn, exercice)? {
            return Err(refused(format!("l'exercice {exercice} n'est pas clôturé")));
        }
        if let Some(last) = closing::last_closed(&self.conn)?
            && last != exercice
        {
            return Err(refused(format!(
                "seul le dernier exercice clôturé ({last}) peut être rouvert"
            )));
        }
        self.write_on_closed(exercice, |w| {
            closing::mark_open(w.tx, exercice)?;
            fingerprint::supersede(w.tx, exercice, w.now, &why)?;
            closing::set_current(w.tx, exercice)?;
            let audit = Audit::new("reouverture", "exercice")
                .id(Some(exercice.start_year.into()))
                .after(format!("exercice {exercice} rouvert : {why}"));
            Ok(((), audit))
        })?;
        self.coop = store::coop::require(&self.conn)?;
        Ok(())
    }

    /// The classes a carry-over renames or drops must exist.
    fn check_carry(&self, exercice: Exercice, carry: &CarryOver) -> Result<()> {
        if !carry.pupils {
            if !carry.renames.is_empty() || !carry.leaving.is_empty() {
                return Err(refused(
                    "renommer ou laisser partir des classes demande de reporter les élèves (--carry-pupils)",
                ));
            }
            return Ok(());
        }
        let classes = store::participations::pupils::classes(&self.conn, exercice)?;
        let names: Vec<String> = classes.iter().map(|k| k.name.clone()).collect();
        let known = |name: &str| {
            classes
                .iter()
                .any(|k| class_key(&k.name) == class_key(name))
        };
        let unknown = |name: &str| {
            refused(format!(
                "classe « {} » inconnue dans l'exercice {exercice} (classes : {})",
                crate::domain::text::shown(name.trim()),
                if names.is_empty() {
                    "aucune".to_string()
                } else {
                    names.join(", ")
                }
            ))
        };
        for (old, new) in &carry.renames {
            if !known(old) {
                return Err(unknown(old));
            }
            let new = clean_text(Field::Classe, new, 40)?;
            if new.is_empty() {
                return Err(refused(format!(
                    "nouveau nom de la classe « {} » vide : écrivez ANCIEN=NOUVEAU (ex. CP=CE1)",
                    old.trim()
                )));
            }
        }
        for name in &carry.leaving {
            if !known(name) {
                return Err(unknown(name));
            }
        }
        Ok(())
    }
}

//! The one write path: every change to the books goes through
//! [`Book::write`]. It opens an IMMEDIATE transaction (the write lock is
//! taken before anything is read, so what the action checks stays true until
//! it commits), refuses a closed exercice, runs the action, writes its audit
//! row, commits, and bumps the generation so that screens reload.

use super::Book;
use crate::domain::{Account, Exercice};
use crate::store::{self, Result, StoreError, audit};
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The audit row an action leaves: what was done, to what, before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Audit {
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Audit {
    pub fn new(action: &'static str, entity: &'static str) -> Self {
        Audit {
            action,
            entity,
            entity_id: None,
            before: None,
            after: None,
        }
    }

    pub fn id(mut self, id: Option<i64>) -> Self {
        self.entity_id = id;
        self
    }

    pub fn before(mut self, before: impl Into<String>) -> Self {
        self.before = Some(before.into());
        self
    }

    pub fn after(mut self, after: impl Into<String>) -> Self {
        self.after = Some(after.into());
        self
    }
}

/// What an action sees inside its transaction.
pub(crate) struct Writing<'a> {
    pub tx: &'a Transaction<'a>,
    /// The audit timestamp (also the rows' `created_at`).
    pub now: &'a str,
    pub chart: &'a [Account],
    /// The exercice written (checked open).
    pub exercice: Exercice,
}

/// Which state of the exercice the action needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    /// Every change to the accounts: the exercice must be open.
    Open(Exercice),
    /// Year-end work on a closed exercice (anonymising its pupils).
    Closed(Exercice),
}

/// The refusal of a change to a closed exercice.
pub(crate) fn closed_error(exercice: Exercice) -> StoreError {
    StoreError::Refused(format!(
        "l'exercice {exercice} est clôturé : il ne peut plus être modifié"
    ))
}

/// The store's lock refusal (a trigger of migration 9) with the exercice
/// named: `written` when it is closed, else the latest closed one; any
/// other error as it is.
fn name_locked(conn: &Connection, written: Exercice, error: StoreError) -> StoreError {
    match &error {
        StoreError::Refused(text) if text == store::closing::LOCKED => {
            let closed = if store::coop::is_closed(conn, written).unwrap_or(false) {
                Some(written)
            } else {
                store::closing::last_closed(conn).ok().flatten()
            };
            closed.map_or(error, closed_error)
        }
        _ => error,
    }
}

/// The write path on a bare connection (the first launch has no `Book`
/// yet): IMMEDIATE transaction, exercice check, action, audit row, commit.
/// A refusal anywhere rolls everything back.
pub(crate) fn write_in<T>(
    conn: &mut Connection,
    chart: &[Account],
    now: &str,
    needs: Needs,
    action: impl FnOnce(&Writing<'_>) -> Result<(T, Audit)>,
) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let exercice = match needs {
        Needs::Open(exercice) => {
            if store::coop::is_closed(&tx, exercice)? {
                return Err(closed_error(exercice));
            }
            exercice
        }
        Needs::Closed(exercice) => {
            if !store::coop::is_closed(&tx, exercice)? {
                return Err(StoreError::Refused(format!(
                    "l'exercice {exercice} n'est pas clôturé"
                )));
            }
            exercice
        }
    };
    let writing = Writing {
        tx: &tx,
        now,
        chart,
        exercice,
    };
    let (value, row) = action(&writing).map_err(|e| name_locked(&tx, exercice, e))?;
    audit::record(
        &tx,
        now,
        row.action,
        row.entity,
        row.entity_id,
        row.before.as_deref(),
        row.after.as_deref(),
    )?;
    tx.commit()?;
    Ok(value)
}

impl Book {
    /// Runs one user action on an open exercice through the write path;
    /// the generation rises by one when it commits.
    pub(crate) fn write<T>(
        &mut self,
        exercice: Exercice,
        action: impl FnOnce(&Writing<'_>) -> Result<(T, Audit)>,
    ) -> Result<T> {
        self.write_needing(Needs::Open(exercice), action)
    }

    /// Same, for the year-end work that needs the exercice closed.
    pub(crate) fn write_on_closed<T>(
        &mut self,
        exercice: Exercice,
        action: impl FnOnce(&Writing<'_>) -> Result<(T, Audit)>,
    ) -> Result<T> {
        self.write_needing(Needs::Closed(exercice), action)
    }

    /// Runs an action as [`Book::write`] would, then rolls it back: what it
    /// would refuse, the caisse rule included, with nothing written (no
    /// audit row, the generation unchanged).
    pub(crate) fn dry_run<T>(
        &mut self,
        exercice: Exercice,
        action: impl FnOnce(&Writing<'_>) -> Result<(T, Audit)>,
    ) -> Result<T> {
        let now = self.clock.stamp();
        let tx = self.conn.transaction()?;
        if store::coop::is_closed(&tx, exercice)? {
            return Err(closed_error(exercice));
        }
        let writing = Writing {
            tx: &tx,
            now: &now,
            chart: &self.chart,
            exercice,
        };
        let (value, _) = action(&writing).map_err(|e| name_locked(&tx, exercice, e))?;
        tx.rollback()?;
        Ok(value)
    }

    fn write_needing<T>(
        &mut self,
        needs: Needs,
        action: impl FnOnce(&Writing<'_>) -> Result<(T, Audit)>,
    ) -> Result<T> {
        let now = self.clock.stamp();
        let value = write_in(&mut self.conn, &self.chart, &now, needs, action)?;
        self.bump_generation();
        Ok(value)
    }
}

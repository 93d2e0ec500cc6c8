//! The coop's books as the user acts on them: each method is one user action,
//! run as one SQL transaction through the domain rules. The TUI and the CLI
//! both call these, so they behave the same.

mod checklist;
pub mod demo;
mod entries;
pub mod generate;
mod headings;
mod participations;
pub mod reconcile;
mod restore;
mod settings;
mod setup;
mod views;
mod warnings;
pub(crate) mod write;
pub mod year_end;

pub use participations::{EnvelopeReceipt, ImportSummary};
pub use settings::SettingsRequest;
pub use setup::{SetupRequest, check_coop_name, check_exercice_start, create_book, create_coop};

use crate::domain::ledger::{LedgerPoint, LedgerRow, RowDetail};
use crate::domain::{Account, Entry, Exercice, Money, MoneyKey};
use crate::store::{self, Result, coop::CoopInfo};
use chrono::{Local, NaiveDate};
use rusqlite::Connection;
use std::collections::HashMap;

/// Where "now" comes from: the wall clock, or a fixed instant in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(chrono::NaiveDateTime),
}

impl Clock {
    pub fn now(self) -> chrono::NaiveDateTime {
        match self {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(at) => at,
        }
    }

    pub fn today(self) -> NaiveDate {
        self.now().date()
    }

    /// Timestamp written in the audit trail.
    pub fn stamp(self) -> String {
        self.now().format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// An open database with its chart and coop settings loaded.
pub struct Book {
    conn: Connection,
    chart: Vec<Account>,
    coop: CoopInfo,
    clock: Clock,
    /// Bumped by every committed change: a screen whose copy was read at an
    /// older generation reloads it.
    generation: u64,
    /// Another exercice shown instead of the current one (in memory only;
    /// a closed one is read only: the write path refuses it).
    viewing: Option<Exercice>,
}

impl Book {
    /// Opens the books of an initialised database.
    pub fn load(conn: Connection, clock: Clock) -> Result<Book> {
        let coop = store::coop::require(&conn)?;
        let chart = store::accounts::load_chart(&conn)?;
        Ok(Book {
            conn,
            chart,
            coop,
            clock,
            generation: 0,
            viewing: None,
        })
    }

    /// How many changes were committed since the books were opened: a view
    /// loaded at an older generation is stale.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Marks the books changed (after a commit of the write path).
    pub(crate) fn bump_generation(&mut self) {
        self.generation += 1;
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn chart(&self) -> &[Account] {
        &self.chart
    }

    pub fn coop(&self) -> &CoopInfo {
        &self.coop
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The exercice being kept (or the one shown instead, see
    /// [`Book::view_exercice`]).
    pub fn exercice(&self) -> Exercice {
        self.viewing.unwrap_or(self.coop.current)
    }

    /// The coop's current exercice, whichever is shown.
    pub fn current_exercice(&self) -> Exercice {
        self.coop.current
    }

    /// Shows another exercice of the base (the current one: back to it).
    /// Nothing is written; every screen reloads (the generation moves).
    pub fn view_exercice(&mut self, exercice: Exercice) -> Result<()> {
        if !store::coop::exercices(&self.conn)?.contains(&exercice) {
            return Err(store::StoreError::Refused(format!(
                "l'exercice {exercice} n'existe pas dans cette base"
            )));
        }
        self.viewing = (exercice != self.coop.current).then_some(exercice);
        self.bump_generation();
        Ok(())
    }

    /// Whether `exercice` is closed (its books locked).
    pub fn is_closed(&self, exercice: Exercice) -> Result<bool> {
        store::coop::is_closed(&self.conn, exercice)
    }

    /// The exercices of the base, newest first, each with whether it is
    /// closed.
    pub fn exercices(&self) -> Result<Vec<(Exercice, bool)>> {
        store::coop::exercices_closed(&self.conn)
    }

    /// Today if it falls in the current exercice, else its last day (or first
    /// day if the exercice has not begun): the default date of a new entry.
    pub fn default_date(&self) -> NaiveDate {
        let today = self.clock.today();
        let ex = self.exercice();
        today.clamp(ex.first_day(), ex.last_day())
    }

    pub fn account(&self, key: MoneyKey) -> Option<&Account> {
        self.chart.iter().find(|a| a.money_key == Some(key))
    }

    pub fn entries(&self, exercice: Exercice) -> Result<Vec<Entry>> {
        store::entries::load_exercice(&self.conn, exercice)
    }

    pub fn entry(&self, id: i64) -> Result<Option<Entry>> {
        store::entries::load_one(&self.conn, id)
    }

    /// Balance of each money account over an exercice (up to `at` if given).
    pub fn balances(
        &self,
        exercice: Exercice,
        at: Option<NaiveDate>,
    ) -> Result<Vec<(MoneyKey, Money)>> {
        store::ledger::balances(&self.conn, exercice, at, &self.chart)
    }

    /// The rows of a money account's ledger in the current exercice, as points
    /// (date, amount, running balance); texts come from [`Book::row_details`].
    pub fn ledger_points(&self, key: MoneyKey) -> Result<Vec<LedgerPoint>> {
        match self.account(key) {
            Some(account) => store::ledger::points(&self.conn, self.exercice(), account),
            None => Ok(Vec::new()),
        }
    }

    /// Texts of some rows of a money account's ledger (the rows on screen).
    pub fn row_details(&self, key: MoneyKey, ids: &[i64]) -> Result<HashMap<i64, RowDetail>> {
        match self.account(key) {
            Some(account) => {
                store::ledger::details(&self.conn, self.exercice(), account, ids, &self.chart)
            }
            None => Ok(HashMap::new()),
        }
    }

    /// Every row of a money account's ledger with its texts (for searching).
    pub fn ledger_rows(&self, key: MoneyKey) -> Result<Vec<LedgerRow>> {
        match self.account(key) {
            Some(account) => store::ledger::rows(&self.conn, self.exercice(), account, &self.chart),
            None => Ok(Vec::new()),
        }
    }

    /// Parents' cheques received and not given back yet (every exercice).
    pub fn cheques_to_return(&self) -> Result<usize> {
        store::participations::contributions::cheques_to_return(&self.conn)
    }

    fn reload_chart(&mut self) -> Result<()> {
        self.chart = store::accounts::load_chart(&self.conn)?;
        Ok(())
    }
}

/// A cash box cannot hold less than nothing: refuses, inside the action's
/// transaction, a change that would leave the Caisse below zero at the end of
/// any day from `from` on. `added` and `removed` are the lines the action adds
/// and takes away; the ledger is read only when they touch the Caisse. (A
/// free function: it runs while the transaction borrows the connection.)
pub(crate) fn refuse_negative_caisse(
    tx: &Connection,
    exercice: Exercice,
    chart: &[Account],
    from: NaiveDate,
    added: &[crate::domain::Line],
    removed: &[crate::domain::Line],
) -> Result<()> {
    let Some(caisse) = chart.iter().find(|a| a.money_key == Some(MoneyKey::Caisse)) else {
        return Ok(());
    };
    let on_caisse = |lines: &[crate::domain::Line]| -> Money {
        lines
            .iter()
            .filter(|l| l.account_code == caisse.code)
            .map(|l| l.amount)
            .sum()
    };
    let touches = added
        .iter()
        .chain(removed)
        .any(|l| l.account_code == caisse.code);
    // A new line taking cash out, or an edit of a caisse line (its date may move).
    let may_drop = (on_caisse(added) - on_caisse(removed)).is_negative() || !removed.is_empty();
    if !(touches && may_drop) {
        return Ok(());
    }
    match store::ledger::first_negative_from(tx, exercice, caisse, from)? {
        None => Ok(()),
        Some((date, balance)) => Err(crate::domain::FieldError::new(
            crate::domain::Field::Montant,
            format!(
                "la Caisse passerait à {balance} le {} : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)",
                crate::domain::format_date(date)
            ),
        )
        .into()),
    }
}

/// Stores a new entry inside the action's transaction and checks the caisse
/// rule; returns its id and the audit row holding what was written.
pub(crate) fn insert_checked(
    w: &write::Writing<'_>,
    entry: &crate::domain::NewEntry,
    entity: &'static str,
) -> Result<(i64, write::Audit)> {
    let id = store::entries::insert(w.tx, w.exercice, entry, w.now)?;
    refuse_negative_caisse(w.tx, w.exercice, w.chart, entry.date, entry.lines(), &[])?;
    let stored = store::entries::load_one(w.tx, id)?
        .ok_or(store::StoreError::Corrupt("écriture introuvable".into()))?;
    let audit = write::Audit::new("ajout", entity)
        .id(Some(id))
        .after(store::audit::describe(&stored));
    Ok((id, audit))
}

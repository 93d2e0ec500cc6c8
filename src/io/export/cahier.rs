//! The OCCE cahier de comptabilité: one row per entry, the money in and
//! out of each account side by side, then the ventilation per category.
//!
//! Columns: n° de pièce, date, libellé, n° de chèque; a recette and a
//! dépense column for the Compte Pro ("Banque") and the Caisse, and for the
//! Collectes en ligne and the old LBP account when the exercice uses them;
//! then a recette and a dépense column for each class's régie d'avance;
//! then one column per category used (`LABEL (CODE)`), by code.
//!
//! Rows: the report à nouveau first (the opening balances in the money
//! columns), one row per entry, the totals (every column summed, the
//! report à nouveau included), then each account's balance at the end of
//! the exercice (total recettes − total dépenses, in its recette column).
//!
//! **Régies.** A class's régie is shown as a small caisse held by the
//! teacher, with its own pair of columns `Régie CLASSE recette` /
//! `Régie CLASSE dépense`: the advance is a dépense of the Caisse and a
//! recette of the régie (like a virement interne, no category); the
//! class's purchase is a dépense of the régie, ventilated on its charge
//! (6…); the reliquat given back is a dépense of the régie and a recette of
//! the Caisse. So the régie's balance (given − spent − returned) is read on
//! the balance row, and every charge appears once, on the row of its
//! purchase. Moves on 467 linked to no class (an opening carried over, an
//! entry typed by hand) go to a `Régies d'avance (467)` pair.
//!
//! **Signs.** Amounts are positive in the column of their side: a recette
//! in the recette column, its categories positive. A cancelled entry stays
//! with its reversal (`Annulation de …`), written in the same columns as
//! the entry it cancels with negative amounts, so that totals count it
//! once, as zero. Each row's ventilation (the sum of its category cells)
//! equals its amount: recettes − dépenses of its money columns for a
//! recette, dépenses − recettes for a dépense (zero for a virement).

use super::format::{CsvFormat, push_amount, push_date};
use crate::domain::participation::regie::REGIE_ACCOUNT;
use crate::domain::{Account, AccountKind, Entry, EntryKind, Money, MoneyKey, format_date};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::Write;

/// A pair of columns (recette, dépense) for money held somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CahierAccount {
    /// Header stem for people: `Banque`, `Caisse`, `Régie CE1`.
    pub title: String,
    /// Header stem for programs: `banque`, `caisse`, `regie_CE1`.
    pub key: String,
}

/// A category column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CahierCategory {
    pub code: String,
    pub label: String,
}

impl CahierCategory {
    /// `Participation volontaire des familles (75620008)`.
    pub fn header(&self) -> String {
        format!("{} ({})", self.label, self.code)
    }
}

/// Which columns the cahier of an exercice has, and where each line goes.
#[derive(Debug, Clone)]
pub struct CahierLayout {
    pub accounts: Vec<CahierAccount>,
    pub categories: Vec<CahierCategory>,
    /// Money account code → index in `accounts`.
    money: HashMap<String, usize>,
    /// Class name → index in `accounts`.
    regies: HashMap<String, usize>,
    /// The pair for 467 lines of no class.
    regie_other: Option<usize>,
    /// Category code → index in `categories`.
    category: HashMap<String, usize>,
}

/// Why an entry does not fit the layout (an account the layout was not
/// built with): a bug or a base changed while exporting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotInLayout(pub String);

/// One row: texts and one amount per amount column (zero = empty cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CahierRow {
    pub piece: String,
    pub date: NaiveDate,
    pub label: String,
    pub cheque: String,
    /// `2 × accounts` money cells (recette, dépense), then one per category.
    pub cells: Vec<Money>,
}

impl CahierLayout {
    /// The columns for an exercice whose entries use the accounts `used`
    /// (codes, openings included) and, openings left out, `ventilated`;
    /// with régie moves of the classes `regie_classes`; `regie_other`: 467
    /// lines that are no class's.
    pub fn new(
        chart: &[Account],
        used: &[String],
        ventilated: &[String],
        regie_classes: &[String],
        regie_other: bool,
    ) -> CahierLayout {
        let mut layout = CahierLayout {
            accounts: Vec::new(),
            categories: Vec::new(),
            money: HashMap::new(),
            regies: HashMap::new(),
            regie_other: None,
            category: HashMap::new(),
        };
        let is_used = |code: &str| used.iter().any(|u| u == code);
        for key in [
            MoneyKey::Pro,
            MoneyKey::Caisse,
            MoneyKey::EnLigne,
            MoneyKey::Lbp,
        ] {
            let Some(account) = chart.iter().find(|a| a.money_key == Some(key)) else {
                continue;
            };
            let always = matches!(key, MoneyKey::Pro | MoneyKey::Caisse);
            if !always && !is_used(&account.code) {
                continue;
            }
            let (title, std_key) = match key {
                MoneyKey::Pro => ("Banque", "banque"),
                MoneyKey::Caisse => ("Caisse", "caisse"),
                MoneyKey::EnLigne => ("Collectes en ligne", "en_ligne"),
                MoneyKey::Lbp => ("LBP", "lbp"),
            };
            layout
                .money
                .insert(account.code.clone(), layout.accounts.len());
            layout.accounts.push(CahierAccount {
                title: title.into(),
                key: std_key.into(),
            });
        }
        let mut classes: Vec<&String> = regie_classes.iter().collect();
        classes.sort();
        classes.dedup();
        for class in classes {
            layout.regies.insert(class.clone(), layout.accounts.len());
            layout.accounts.push(CahierAccount {
                title: format!("Régie {class}"),
                key: format!("regie_{class}"),
            });
        }
        if regie_other {
            layout.regie_other = Some(layout.accounts.len());
            layout.accounts.push(CahierAccount {
                title: "Régies d'avance (467)".into(),
                key: "regies_467".into(),
            });
        }
        let mut codes: Vec<&String> = ventilated
            .iter()
            .filter(|c| *c != REGIE_ACCOUNT)
            .filter(|c| {
                chart
                    .iter()
                    .find(|a| &a.code == *c)
                    .is_none_or(|a| a.kind != AccountKind::Tresorerie)
            })
            .collect();
        codes.sort();
        codes.dedup();
        for code in codes {
            let label = chart
                .iter()
                .find(|a| &a.code == code)
                .map(|a| a.label.clone())
                .unwrap_or_default();
            layout
                .category
                .insert(code.clone(), layout.categories.len());
            layout.categories.push(CahierCategory {
                code: code.clone(),
                label,
            });
        }
        layout
    }

    /// How many amount cells a row has.
    pub fn width(&self) -> usize {
        2 * self.accounts.len() + self.categories.len()
    }

    /// The whole header row.
    pub fn headers(&self, format: CsvFormat) -> Vec<String> {
        let mut headers: Vec<String> = match format {
            CsvFormat::Std => ["piece", "date", "libelle", "cheque"],
            CsvFormat::Fr => ["N° de pièce", "Date", "Libellé", "N° de chèque"],
        }
        .iter()
        .map(|h| h.to_string())
        .collect();
        for account in &self.accounts {
            match format {
                CsvFormat::Std => {
                    headers.push(format!("{}_recette", account.key));
                    headers.push(format!("{}_depense", account.key));
                }
                CsvFormat::Fr => {
                    headers.push(format!("{} recette", account.title));
                    headers.push(format!("{} dépense", account.title));
                }
            }
        }
        headers.extend(self.categories.iter().map(CahierCategory::header));
        headers
    }

    /// An empty row for this layout.
    pub fn blank_row(&self, date: NaiveDate) -> CahierRow {
        CahierRow {
            piece: String::new(),
            date,
            label: String::new(),
            cheque: String::new(),
            cells: vec![Money::ZERO; self.width()],
        }
    }

    /// The report à nouveau row: the opening balance of each account
    /// (`sums`: opening lines summed per code) in its recette column (its
    /// dépense column if below zero).
    pub fn opening_row(&self, sums: &[(String, Money)], first_day: NaiveDate) -> CahierRow {
        let mut row = self.blank_row(first_day);
        row.label = EntryKind::Ouverture.label().to_string();
        for (code, amount) in sums {
            let slot = match code.as_str() {
                REGIE_ACCOUNT => self.regie_other,
                _ => self.money.get(code).copied(),
            };
            if let Some(slot) = slot {
                if amount.is_negative() {
                    row.cells[2 * slot + 1] += -*amount;
                } else {
                    row.cells[2 * slot] += *amount;
                }
            }
        }
        row
    }

    /// Fills `row` with `entry` (not an opening); `regie_class`: the class
    /// whose régie it moves, if it is a régie move.
    pub fn fill(
        &self,
        entry: &Entry,
        regie_class: Option<&str>,
        row: &mut CahierRow,
    ) -> Result<(), NotInLayout> {
        row.piece.clear();
        row.piece.push_str(&entry.piece);
        row.date = entry.date;
        row.label.clear();
        row.label.push_str(&entry.label);
        row.cheque.clear();
        if let Some(cheque) = &entry.cheque_no {
            row.cheque.push_str(cheque);
        }
        row.cells.clear();
        row.cells.resize(self.width(), Money::ZERO);
        let reversal = entry.reverses.is_some();
        // Categories are read from the side of the entry: a dépense's charge
        // is positive, a recette's produit too.
        let charge_side = entry.kind == EntryKind::Depense;
        for line in &entry.lines {
            let code = line.account_code.as_str();
            let slot = if code == REGIE_ACCOUNT {
                match regie_class {
                    Some(class) => self.regies.get(class).copied(),
                    None => self.regie_other,
                }
                .ok_or_else(|| NotInLayout(code.to_string()))
                .map(Some)?
            } else {
                self.money.get(code).copied()
            };
            match slot {
                Some(slot) => {
                    // A reversal goes in the columns of what it cancels, negative.
                    let original = if reversal { -line.amount } else { line.amount };
                    let shown = if reversal {
                        -original.abs()
                    } else {
                        original.abs()
                    };
                    let column = if original.is_positive() {
                        2 * slot
                    } else {
                        2 * slot + 1
                    };
                    row.cells[column] += shown;
                }
                None => {
                    let index = *self
                        .category
                        .get(code)
                        .ok_or_else(|| NotInLayout(code.to_string()))?;
                    let value = if charge_side {
                        line.amount
                    } else {
                        -line.amount
                    };
                    row.cells[2 * self.accounts.len() + index] += value;
                }
            }
        }
        Ok(())
    }
}

/// Column sums, for the totals and balance rows.
#[derive(Debug, Clone)]
pub struct CahierTotals {
    pub sums: Vec<Money>,
    /// Rows summed (the report à nouveau and the entries).
    pub rows: usize,
}

impl CahierTotals {
    pub fn new(layout: &CahierLayout) -> CahierTotals {
        CahierTotals {
            sums: vec![Money::ZERO; layout.width()],
            rows: 0,
        }
    }

    pub fn add(&mut self, row: &CahierRow) {
        for (sum, cell) in self.sums.iter_mut().zip(&row.cells) {
            if !cell.is_zero() {
                *sum += *cell;
            }
        }
        self.rows += 1;
    }

    /// Balance of the account pair `slot`: recettes − dépenses.
    pub fn balance(&self, slot: usize) -> Money {
        self.sums[2 * slot] - self.sums[2 * slot + 1]
    }
}

/// The label of the totals row.
pub const TOTALS_LABEL: &str = "Totaux";

/// The label of the balance row: `Solde au 31/08/2025`.
pub fn balance_label(last_day: NaiveDate) -> String {
    format!("Solde au {}", format_date(last_day))
}

/// Writes the cahier as CSV, row by row.
pub struct CahierCsv<'l, W: Write> {
    writer: csv::Writer<W>,
    layout: &'l CahierLayout,
    format: CsvFormat,
    totals: CahierTotals,
    buf: Vec<String>,
}

impl<'l, W: Write> CahierCsv<'l, W> {
    /// Starts the file with its header row.
    pub fn new(out: W, layout: &'l CahierLayout, format: CsvFormat) -> csv::Result<Self> {
        let mut writer = format.writer(out)?;
        writer.write_record(layout.headers(format))?;
        Ok(CahierCsv {
            writer,
            layout,
            format,
            totals: CahierTotals::new(layout),
            buf: vec![String::new(); 4 + layout.width()],
        })
    }

    /// One row (the report à nouveau or an entry), counted in the totals.
    pub fn row(&mut self, row: &CahierRow) -> csv::Result<()> {
        self.totals.add(row);
        self.write(row, false)
    }

    fn write(&mut self, row: &CahierRow, zeros: bool) -> csv::Result<()> {
        let format = self.format;
        for cell in &mut self.buf {
            cell.clear();
        }
        self.buf[0].push_str(&format.text(&row.piece));
        push_date(&mut self.buf[1], row.date, format);
        self.buf[2].push_str(&format.text(&row.label));
        self.buf[3].push_str(&format.text(&row.cheque));
        for (cell, amount) in self.buf[4..].iter_mut().zip(&row.cells) {
            if zeros || !amount.is_zero() {
                push_amount(cell, *amount, format);
            }
        }
        self.writer.write_record(&self.buf)
    }

    /// The totals and balance rows; returns the rows summed.
    pub fn finish(mut self, last_day: NaiveDate) -> csv::Result<usize> {
        let mut totals = self.layout.blank_row(last_day);
        totals.label = TOTALS_LABEL.to_string();
        totals.cells.clone_from(&self.totals.sums);
        self.write(&totals, true)?;
        let mut balance = self.layout.blank_row(last_day);
        balance.label = balance_label(last_day);
        for slot in 0..self.layout.accounts.len() {
            balance.cells[2 * slot] = self.totals.balance(slot);
        }
        let accounts = self.layout.accounts.len();
        let format = self.format;
        for cell in &mut self.buf {
            cell.clear();
        }
        push_date(&mut self.buf[1], last_day, format);
        self.buf[2].push_str(&balance.label);
        for slot in 0..accounts {
            push_amount(&mut self.buf[4 + 2 * slot], balance.cells[2 * slot], format);
        }
        self.writer.write_record(&self.buf)?;
        self.writer.flush()?;
        Ok(self.totals.rows)
    }
}

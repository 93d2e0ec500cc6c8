//! One money account's ledger as the screen keeps it: every row's point
//! (date, amount, running balance) loaded at once from the store's index,
//! and the texts (pièce, libellé, catégorie) fetched only for the rows around
//! the cursor, or for all rows when a filter needs them. Loaded in `update`,
//! never while drawing.

use crate::book::Book;
use crate::domain::ledger::{LedgerPoint, LedgerRow, RowDetail, RowStatus, row_matches};
use crate::domain::{Money, MoneyKey};
use crate::store::Result;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub struct Ledger {
    pub points: Vec<LedgerPoint>,
    details: HashMap<i64, RowDetail>,
    /// Every row with its texts, loaded the first time a filter needs them.
    rows: Option<Vec<LedgerRow>>,
    pub balance: Money,
    /// Widest amount (signed, with "+" for money in), money in, money out
    /// and balance, in characters: the columns do not move while scrolling.
    pub amount_width: usize,
    pub in_width: usize,
    pub out_width: usize,
    pub balance_width: usize,
}

fn width(m: Money) -> usize {
    m.fr_plain_width()
}

impl Ledger {
    pub fn load(book: &Book, key: MoneyKey) -> Result<Ledger> {
        let points = book.ledger_points(key)?;
        let max = |f: &dyn Fn(&LedgerPoint) -> usize| points.iter().map(f).max().unwrap_or(0);
        Ok(Ledger {
            balance: points.last().map(|p| p.balance).unwrap_or_default(),
            amount_width: max(&|p| width(p.amount) + usize::from(p.amount.is_positive())),
            in_width: max(&|p| {
                if p.amount.is_positive() {
                    width(p.amount)
                } else {
                    0
                }
            }),
            out_width: max(&|p| {
                if p.amount.is_negative() {
                    width(-p.amount)
                } else {
                    0
                }
            }),
            balance_width: max(&|p| width(p.balance)),
            points,
            details: HashMap::new(),
            rows: None,
        })
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    pub fn detail(&self, id: i64) -> Option<&RowDetail> {
        self.details.get(&id)
    }

    /// The full row at `index`, if its texts are loaded.
    pub fn row(&self, index: usize) -> Option<LedgerRow> {
        let point = self.points.get(index)?;
        let detail = self.details.get(&point.entry_id)?;
        Some(LedgerRow::from_parts(point, detail))
    }

    pub fn position(&self, id: i64) -> Option<usize> {
        self.points.iter().position(|p| p.entry_id == id)
    }

    /// Loads the texts of the rows at these indices that are not loaded yet;
    /// returns whether any was missing.
    pub fn fetch(
        &mut self,
        book: &Book,
        key: MoneyKey,
        indices: impl Iterator<Item = usize>,
    ) -> Result<bool> {
        let missing: Vec<i64> = indices
            .filter_map(|i| self.points.get(i))
            .map(|p| p.entry_id)
            .filter(|id| !self.details.contains_key(id))
            .collect();
        if !missing.is_empty() {
            self.details.extend(book.row_details(key, &missing)?);
        }
        Ok(!missing.is_empty())
    }

    /// Indices of the rows matching a filter (all texts loaded once).
    pub fn matching(&mut self, book: &Book, key: MoneyKey, query: &str) -> Result<Vec<usize>> {
        if self.rows.is_none() {
            let rows = book.ledger_rows(key)?;
            for row in &rows {
                self.details
                    .entry(row.entry_id)
                    .or_insert_with(|| RowDetail {
                        piece: row.piece.clone(),
                        label: row.label.clone(),
                        kind: row.kind,
                        category: row.category.clone(),
                        parts: row.parts.clone(),
                        status: row.status,
                    });
            }
            self.rows = Some(rows);
        }
        let ids: HashSet<i64> = self
            .rows
            .iter()
            .flatten()
            .filter(|r| row_matches(r, query))
            .map(|r| r.entry_id)
            .collect();
        Ok((0..self.points.len())
            .filter(|i| ids.contains(&self.points[*i].entry_id))
            .collect())
    }

    /// Money in, money out and their difference over these rows, leaving
    /// out cancelled entries and their reversals (they make no money move).
    pub fn totals(&self, indices: &[usize]) -> Totals {
        let mut totals = Totals::default();
        for point in indices.iter().filter_map(|i| self.points.get(*i)) {
            let live = self
                .details
                .get(&point.entry_id)
                .is_none_or(|d| d.status == RowStatus::Active);
            if !live {
                totals.left_out += 1;
            } else if point.amount.is_positive() {
                totals.money_in += point.amount;
            } else {
                totals.money_out -= point.amount;
            }
        }
        totals
    }
}

/// What the rows kept by a filter add up to.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub money_in: Money,
    pub money_out: Money,
    /// Cancelled entries and reversals among the rows, not counted.
    pub left_out: usize,
}

impl Totals {
    pub fn net(&self) -> Money {
        self.money_in - self.money_out
    }
}

//! A money account's ledger as the user reads it: rows in date order with
//! money in, money out and the running balance; and balances of all accounts.

use super::accounts::{Account, AccountKind, MoneyKey};
use super::entry::{Entry, EntryKind};
use super::money::Money;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Whether a row is live, cancelled, or the reversal that cancels another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    Active,
    Cancelled,
    Reversal,
}

/// One row of a money account's ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    pub entry_id: i64,
    pub date: NaiveDate,
    pub piece: String,
    pub label: String,
    pub kind: EntryKind,
    /// Category code(s), "ventilé (n)", or the other account of a transfer.
    pub category: String,
    /// The categories of a recette or dépense, with their labels and amounts
    /// (several for a split entry); empty for a transfer or the opening.
    pub parts: Vec<CategoryPart>,
    /// Signed amount on this account: money in > 0.
    pub amount: Money,
    pub balance: Money,
    pub status: RowStatus,
}

/// One category of a ledger row: its code, its label in the chart and the
/// amount it takes (positive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryPart {
    pub code: String,
    pub label: String,
    pub amount: Money,
}

impl LedgerRow {
    pub fn money_in(&self) -> Option<Money> {
        self.amount.is_positive().then_some(self.amount)
    }

    pub fn money_out(&self) -> Option<Money> {
        self.amount.is_negative().then_some(-self.amount)
    }
}

/// Where a row stands in a money account's ledger: enough to draw the
/// balance column and to scroll, without the entry's texts. Built from the
/// store's covering index, so a 100,000-entry year loads in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerPoint {
    pub entry_id: i64,
    pub date: NaiveDate,
    /// Signed amount on this account: money in > 0.
    pub amount: Money,
    pub balance: Money,
}

/// The texts of a ledger row, loaded for the rows on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowDetail {
    pub piece: String,
    pub label: String,
    pub kind: EntryKind,
    pub category: String,
    pub parts: Vec<CategoryPart>,
    pub status: RowStatus,
}

/// Orders `(entry id, date, amount)` items the way the ledger shows them (by
/// date; the opening first on its day; then by recording order) and adds the
/// running balance.
pub fn running_points(
    mut items: Vec<(i64, NaiveDate, Money)>,
    opening_id: Option<i64>,
) -> Vec<LedgerPoint> {
    items.sort_by_key(|(id, date, _)| (*date, Some(*id) != opening_id, *id));
    let mut balance = Money::ZERO;
    items
        .into_iter()
        .map(|(entry_id, date, amount)| {
            balance += amount;
            LedgerPoint {
                entry_id,
                date,
                amount,
                balance,
            }
        })
        .collect()
}

/// The texts of `entry` as a row of `account`'s ledger.
pub fn row_detail(entry: &Entry, account_code: &str, chart: &[Account]) -> RowDetail {
    let by_code: HashMap<&str, &Account> = chart.iter().map(|a| (a.code.as_str(), a)).collect();
    RowDetail {
        piece: entry.piece.clone(),
        label: entry.label.clone(),
        kind: entry.kind,
        category: category_text(entry, account_code, &by_code),
        parts: category_parts(entry, account_code, &by_code),
        status: status_of(entry),
    }
}

fn status_of(entry: &Entry) -> RowStatus {
    if entry.reverses.is_some() {
        RowStatus::Reversal
    } else if entry.is_cancelled() {
        RowStatus::Cancelled
    } else {
        RowStatus::Active
    }
}

impl LedgerRow {
    /// A full row from its point and its texts.
    pub fn from_parts(point: &LedgerPoint, detail: &RowDetail) -> LedgerRow {
        LedgerRow {
            entry_id: point.entry_id,
            date: point.date,
            piece: detail.piece.clone(),
            label: detail.label.clone(),
            kind: detail.kind,
            category: detail.category.clone(),
            parts: detail.parts.clone(),
            amount: point.amount,
            balance: point.balance,
            status: detail.status,
        }
    }
}

/// Builds the ledger of one money account from entries in any order; rows come
/// out by date, then pièce order of recording (id), with running balances.
pub fn ledger_rows(entries: &[Entry], account: &Account, chart: &[Account]) -> Vec<LedgerRow> {
    let by_code: HashMap<&str, &Account> = chart.iter().map(|a| (a.code.as_str(), a)).collect();
    let mut touching: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.lines.iter().any(|l| l.account_code == account.code))
        .collect();
    touching.sort_by_key(|e| (e.date, e.kind != EntryKind::Ouverture, e.id));
    let mut balance = Money::ZERO;
    touching
        .into_iter()
        .map(|entry| {
            let amount = entry.amount_on(&account.code);
            balance += amount;
            LedgerRow {
                entry_id: entry.id,
                date: entry.date,
                piece: entry.piece.clone(),
                label: entry.label.clone(),
                kind: entry.kind,
                category: category_text(entry, &account.code, &by_code),
                parts: category_parts(entry, &account.code, &by_code),
                amount,
                balance,
                status: status_of(entry),
            }
        })
        .collect()
}

fn category_text(entry: &Entry, own_code: &str, by_code: &HashMap<&str, &Account>) -> String {
    let others: Vec<&str> = entry
        .lines
        .iter()
        .map(|l| l.account_code.as_str())
        .filter(|code| *code != own_code)
        .collect();
    match entry.kind {
        EntryKind::Virement => {
            let other = others.first().and_then(|c| by_code.get(c));
            let name = other
                .and_then(|a| a.money_key)
                .map(MoneyKey::label)
                .unwrap_or("?");
            let arrow = if entry.amount_on(own_code).is_negative() {
                "→"
            } else {
                "←"
            };
            format!("{arrow} {name}")
        }
        EntryKind::Ouverture => "Report à nouveau".to_string(),
        _ => match others.as_slice() {
            [one] => (*one).to_string(),
            many => format!("ventilé ({})", many.len()),
        },
    }
}

/// The categories of a recette or dépense (the lines not on `own_code`),
/// merged by code, in the entry's order.
fn category_parts(
    entry: &Entry,
    own_code: &str,
    by_code: &HashMap<&str, &Account>,
) -> Vec<CategoryPart> {
    if matches!(entry.kind, EntryKind::Virement | EntryKind::Ouverture) {
        return Vec::new();
    }
    let mut parts: Vec<CategoryPart> = Vec::new();
    for line in entry.lines.iter().filter(|l| l.account_code != own_code) {
        match parts.iter_mut().find(|p| p.code == line.account_code) {
            Some(part) => part.amount += line.amount.abs(),
            None => parts.push(CategoryPart {
                code: line.account_code.clone(),
                label: by_code
                    .get(line.account_code.as_str())
                    .map(|a| a.label.clone())
                    .unwrap_or_default(),
                amount: line.amount.abs(),
            }),
        }
    }
    parts
}

impl CategoryPart {
    /// The label, or the code if the chart has no label for it.
    pub fn name(&self) -> &str {
        if self.label.is_empty() {
            &self.code
        } else {
            &self.label
        }
    }
}

impl LedgerRow {
    /// The category as a person reads it: its label, the labels of a split
    /// entry joined by " + ", the other account of a transfer.
    pub fn category_name(&self) -> String {
        match self.parts.as_slice() {
            [] => self.category.clone(),
            parts => parts
                .iter()
                .map(CategoryPart::name)
                .collect::<Vec<_>>()
                .join(" + "),
        }
    }

    /// The whole ventilation, for the selected row's detail line: each
    /// category's code, label and amount ("606 Fournitures 62,40 €"), or
    /// the category text of a transfer or the opening.
    pub fn ventilation(&self) -> String {
        match self.parts.as_slice() {
            [] => self.category.clone(),
            [one] => format!("{} {}", one.code, one.label).trim_end().to_string(),
            parts => parts
                .iter()
                .map(|p| format!("{} {} {}", p.code, p.label, p.amount.fr()))
                .collect::<Vec<_>>()
                .join(" + "),
        }
    }
}

/// Balance of each money account from the entries (all of them, or up to and
/// including `at`).
pub fn balances(
    entries: &[Entry],
    chart: &[Account],
    at: Option<NaiveDate>,
) -> Vec<(MoneyKey, Money)> {
    let codes: HashMap<&str, MoneyKey> = chart
        .iter()
        .filter(|a| a.kind == AccountKind::Tresorerie)
        .filter_map(|a| a.money_key.map(|k| (a.code.as_str(), k)))
        .collect();
    let mut totals: HashMap<MoneyKey, Money> = HashMap::new();
    for entry in entries.iter().filter(|e| at.is_none_or(|d| e.date <= d)) {
        for line in &entry.lines {
            if let Some(key) = codes.get(line.account_code.as_str()) {
                *totals.entry(*key).or_default() += line.amount;
            }
        }
    }
    MoneyKey::ALL
        .iter()
        .map(|k| (*k, totals.get(k).copied().unwrap_or_default()))
        .collect()
}

/// Case- and accent-insensitive filter on a row: label, pièce, any of its
/// categories (code or label), amount (typed as `12,50` or `12.50`), or date.
pub fn row_matches(row: &LedgerRow, query: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    if let Ok(amount) = Money::parse(query)
        && (amount.abs() == row.amount.abs())
    {
        return true;
    }
    let mut text = format!(
        "{} {} {} {} {}",
        super::dates::format_date(row.date),
        row.piece,
        row.label,
        row.category,
        row.amount.abs().fr_plain()
    );
    for part in &row.parts {
        text.push(' ');
        text.push_str(&part.code);
        text.push(' ');
        text.push_str(&part.label);
    }
    let haystack = super::text::fold(&text);
    super::text::fold(query)
        .split_whitespace()
        .all(|w| haystack.contains(w))
}

//! AssoConnect payments through `Book`: each paid payment recorded on
//! Collectes en ligne (or linked to the contribution recorded by hand),
//! its pupil found or left "à attribuer", refunds reversed, fees booked
//! once per payout, payouts settled when their Compte Pro line arrives,
//! and Collectes en ligne's balance equal to what AssoConnect still holds.

#![allow(dead_code)]

mod payouts;
mod props;
mod record;
mod refunds;
mod undo;

pub use crate::support::participations::*;
use chrono::NaiveDate;
use coopcompta::book::Book;
use coopcompta::domain::Money;
use coopcompta::domain::online::{PaymentFile, PaymentRow, PaymentStatus};

pub fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%d/%m/%Y").unwrap()
}

/// A paid payment on "Sortie zoo".
pub fn paid(
    id: &str,
    date: &str,
    payer: &str,
    cents: i64,
    fee: i64,
    payout: Option<&str>,
) -> PaymentRow {
    PaymentRow {
        line_no: 2,
        ext_id: id.into(),
        date: day(date),
        payer: payer.into(),
        form: "Sortie zoo".into(),
        amount: Money::from_cents(cents),
        fee: Money::from_cents(fee),
        status: PaymentStatus::Paid,
        payout: payout.map(str::to_string),
    }
}

pub fn refunded(row: PaymentRow) -> PaymentRow {
    PaymentRow {
        status: PaymentStatus::Refunded,
        ..row
    }
}

pub fn file(rows: Vec<PaymentRow>) -> PaymentFile {
    PaymentFile {
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| PaymentRow {
                line_no: i + 2,
                ..r
            })
            .collect(),
        not_counted: Vec::new(),
    }
}

pub fn import(
    book: &mut Book,
    rows: Vec<PaymentRow>,
) -> coopcompta::book::reconcile::PaymentImportSummary {
    let file = file(rows);
    let bytes = format!("{file:?}");
    book.import_payments("paiements.csv", bytes.as_bytes(), &file)
        .unwrap()
}

/// The integrity check finds nothing to say.
pub fn clean(book: &Book) {
    let report = coopcompta::store::integrity::check(book.conn()).unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

pub fn online_balance(book: &Book) -> String {
    balances(book)[2].clone()
}

pub fn entry_by_piece(book: &Book, piece: &str) -> coopcompta::domain::Entry {
    book.entries(EX)
        .unwrap()
        .into_iter()
        .find(|e| e.piece == piece)
        .unwrap_or_else(|| panic!("no entry {piece}"))
}

pub fn lines_of(entry: &coopcompta::domain::Entry) -> Vec<(String, String)> {
    entry
        .lines
        .iter()
        .map(|l| (l.account_code.clone(), l.amount.std()))
        .collect()
}

pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    crate::support::book::pairs(list)
}

/// A Compte Pro statement line, as the statement import would store it.
pub fn pro_line(book: &Book, date: &str, cents: i64, label: &str) -> i64 {
    let conn = book.conn();
    conn.execute(
        "INSERT INTO import_batch (kind, account_id, file_name, sha256, imported_at)
         VALUES ('banque', (SELECT id FROM account WHERE money_key = 'pro'), 'releve.csv', 'x', '2025-03-15 10:00:00')",
        [],
    )
    .unwrap();
    let batch = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO bank_line (batch_id, account_id, date, amount_cents, label, content_key)
         VALUES (?1, (SELECT id FROM account WHERE money_key = 'pro'), ?2, ?3, ?4, ?4)",
        rusqlite::params![batch, day(date).to_string(), cents, label],
    )
    .unwrap();
    conn.last_insert_rowid()
}

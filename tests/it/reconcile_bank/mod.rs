//! Bank statements in the books: imports as batches (de-duplication,
//! lines outside the exercice), undo, matching one-to-one, entries created
//! from bank lines, the statement check. Files are given as `BankFile`s
//! (what any parser hands over), so these tests hold whatever the parser.

mod imports;
mod matching;
mod props;
mod undo;

use crate::support::participations::refusal;
use crate::support::{book::balances, clock, new_coop};
use chrono::NaiveDate;
use coopcompta::book::Book;
use coopcompta::domain::bank::{BankFile, BankRow, LineState, StatementBalance};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::{EntryKind, Exercice, Money, MoneyKey, PaymentMode};
use coopcompta::io::export::{CsvFormat, write_ledger};
use coopcompta::store::integrity;

pub fn book() -> Book {
    new_coop(
        coopcompta::store::open_in_memory().unwrap(),
        "Coopérative des Lilas",
        Exercice::new(2024),
        &[
            (MoneyKey::Caisse, 5_000),
            (MoneyKey::Pro, 100_000),
            (MoneyKey::Lbp, 20_000),
        ],
        clock(),
    )
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn row(date: &str, amount: &str, label: &str) -> BankRow {
    BankRow {
        line_no: 0,
        date: day(date),
        amount: Money::parse(amount).unwrap(),
        label: label.into(),
        reference: String::new(),
        counterparty: String::new(),
        bank_id: None,
    }
}

pub fn with_id(mut r: BankRow, id: &str) -> BankRow {
    r.bank_id = Some(id.into());
    r
}

pub fn file(rows: Vec<BankRow>) -> BankFile {
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.line_no = i + 2;
            r
        })
        .collect();
    BankFile {
        rows,
        ..BankFile::default()
    }
}

pub fn import(
    book: &mut Book,
    account: MoneyKey,
    f: &BankFile,
) -> coopcompta::book::reconcile::BankImportSummary {
    book.import_bank(account, "/tmp/telechargements/releve.csv", b"bytes", f)
        .unwrap()
}

pub fn entry(
    book: &mut Book,
    date: &str,
    kind: EntryKind,
    account: MoneyKey,
    amount: &str,
    code: &str,
    label: &str,
) -> i64 {
    book.add_entry(&EntryRequest {
        date: date.into(),
        kind,
        account,
        amount: amount.into(),
        label: label.into(),
        mode: Some(if account == MoneyKey::Caisse {
            PaymentMode::Especes
        } else {
            PaymentMode::Virement
        }),
        splits: vec![SplitInput {
            code: code.into(),
            amount: String::new(),
        }],
        piece: String::new(),
        cheque_no: String::new(),
    })
    .unwrap()
}

pub fn depense(book: &mut Book, date: &str, amount: &str, label: &str) -> i64 {
    entry(
        book,
        date,
        EntryKind::Depense,
        MoneyKey::Pro,
        amount,
        "606",
        label,
    )
}

pub fn piece(book: &Book, id: i64) -> String {
    book.entry(id).unwrap().unwrap().piece
}

pub fn line_ids(book: &Book, account: MoneyKey) -> Vec<i64> {
    book.bank_lines(account)
        .unwrap()
        .iter()
        .map(|l| l.id)
        .collect()
}

/// Every row of every table a reconciliation action may write.
pub fn dump(book: &Book) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "entry",
        "entry_line",
        "audit",
        "contribution",
        "import_batch",
        "bank_line",
        "bank_match",
        "statement_balance",
    ] {
        let mut stmt = book
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .unwrap();
        let width = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..width)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

pub fn ledger(book: &Book) -> String {
    let mut bytes = Vec::new();
    write_ledger(
        &mut bytes,
        &book.entries(book.exercice()).unwrap(),
        book.chart(),
        CsvFormat::Std,
    )
    .unwrap();
    String::from_utf8(bytes).unwrap()
}

pub fn check_is_clean(book: &Book) {
    let report = integrity::check(book.conn()).unwrap();
    assert_eq!(report.findings, [], "check after the action");
}

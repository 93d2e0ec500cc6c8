//! The demo school year shipped in `sample-data/`, loaded through the same
//! code paths as the user's own entries.

use crate::book::{Book, Clock, SetupRequest, create_book};
use crate::domain::entry_request::{EntryRequest, TransferRequest, parse_split};
use crate::domain::{EntryKind, Exercice, Money, MoneyKey, PaymentMode};
use crate::io::chart_csv::default_chart;
use crate::store::StoreError;
use rusqlite::Connection;

pub const DEMO_YEAR: &str = include_str!("../../sample-data/annee-demo-2024-2025.csv");
pub const DEMO_COOP: &str = "Coopérative scolaire OCCE de l'école des Tilleuls";
pub const DEMO_EXERCICE: Exercice = Exercice { start_year: 2024 };

/// One row of the demo file, checked.
enum DemoRow {
    Opening(MoneyKey, Money),
    Entry(EntryRequest),
    Transfer(TransferRequest),
}

fn parse_rows(text: &str) -> Result<Vec<DemoRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let bad = |what: String| format!("année de démonstration, ligne {line} : {what}");
        let record = record.map_err(|e| bad(super::french_csv(&e)))?;
        let f = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let account = MoneyKey::parse(&f(1)).ok_or_else(|| bad(format!("compte « {} »", f(1))))?;
        let kind = EntryKind::parse(&f(2)).ok_or_else(|| bad(format!("nature « {} »", f(2))))?;
        let mode = match f(5).as_str() {
            "" => None,
            m => Some(PaymentMode::parse(m).ok_or_else(|| bad(format!("mode « {m} »")))?),
        };
        rows.push(match kind {
            EntryKind::Ouverture => DemoRow::Opening(
                account,
                Money::parse(&f(3)).map_err(|e| bad(e.to_string()))?,
            ),
            EntryKind::Virement => DemoRow::Transfer(TransferRequest {
                date: f(0),
                from: account,
                to: MoneyKey::parse(&f(7)).ok_or_else(|| bad(format!("vers « {} »", f(7))))?,
                amount: f(3),
                label: f(4),
                piece: f(8),
            }),
            EntryKind::Recette | EntryKind::Depense => DemoRow::Entry(EntryRequest {
                date: f(0),
                kind,
                account,
                amount: f(3),
                label: f(4),
                mode,
                splits: f(6).split('|').map(parse_split).collect(),
                piece: f(8),
                cheque_no: String::new(),
            }),
        });
    }
    Ok(rows)
}

/// Creates the demo coop in an empty database and records its year.
pub fn load_demo(conn: Connection, clock: Clock) -> Result<Book, StoreError> {
    let rows = parse_rows(DEMO_YEAR).map_err(StoreError::Refused)?;
    let openings = rows
        .iter()
        .filter_map(|r| match r {
            DemoRow::Opening(key, amount) => Some((*key, *amount)),
            _ => None,
        })
        .collect();
    let request = SetupRequest {
        coop_name: DEMO_COOP.to_string(),
        exercice: DEMO_EXERCICE,
        openings,
    };
    let mut book = create_book(conn, &request, &default_chart(), clock)?;
    for row in &rows {
        let result = match row {
            DemoRow::Opening(..) => continue,
            DemoRow::Entry(request) => book.add_entry(request),
            DemoRow::Transfer(request) => book.add_transfer(request),
        };
        result.map_err(|e| {
            let date = match row {
                DemoRow::Entry(r) => r.date.clone(),
                DemoRow::Transfer(r) => r.date.clone(),
                DemoRow::Opening(..) => String::new(),
            };
            StoreError::Refused(format!("année de démonstration, opération du {date} : {e}"))
        })?;
    }
    Ok(book)
}

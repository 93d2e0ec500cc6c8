//! Shared by the closing tests (`closing`, `closing_locks`): the demo year
//! on a file, every blocker of it overridden, an expense to try, the next
//! exercice's opening.

use super::clock;
use coopcompta::book::Book;
use coopcompta::book::demo::load_demo;
use coopcompta::domain::closing::{BlockerKey, Override};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput};
use coopcompta::domain::{EntryKind, Exercice, MoneyKey, PaymentMode};
use coopcompta::store;
use std::path::Path;

pub const NEXT: Exercice = Exercice { start_year: 2025 };
pub const CLOSED: &str = "l'exercice 2024-2025 est clôturé : il ne peut plus être modifié";

pub fn demo_at(path: &Path) -> Book {
    load_demo(store::open(path).unwrap(), clock()).unwrap()
}

pub fn reopen_book(path: &Path) -> Book {
    Book::load(store::open(path).unwrap(), clock()).unwrap()
}

/// Every blocker of the demo year overridden, with a reason.
pub fn all_overridden() -> Vec<Override> {
    [
        (
            BlockerKey::CashCount,
            "comptée le 02/09, feuille au classeur",
        ),
        (
            BlockerKey::Statement(MoneyKey::Pro),
            "frais de carte de 0,80 € à l'étranger",
        ),
        (BlockerKey::Cheques, "rendu à la rentrée"),
        (BlockerKey::Regies, "reçus rapportés en septembre"),
        (BlockerKey::OnlinePayments, "versement AssoConnect du 03/09"),
    ]
    .into_iter()
    .map(|(key, reason)| Override {
        key,
        reason: reason.into(),
    })
    .collect()
}

pub fn expense(date: &str, amount: &str, account: MoneyKey) -> EntryRequest {
    EntryRequest {
        date: date.into(),
        kind: EntryKind::Depense,
        account,
        amount: amount.into(),
        label: "Fournitures".into(),
        mode: Some(PaymentMode::default_for(account)),
        splits: vec![SplitInput {
            code: "606".into(),
            amount: String::new(),
        }],
        piece: String::new(),
        cheque_no: String::new(),
    }
}

/// The lines (code, amount) of the next exercice's opening entries.
pub fn next_opening(book: &Book) -> Vec<(String, String)> {
    let openings: Vec<_> = book
        .entries(NEXT)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == EntryKind::Ouverture)
        .collect();
    assert_eq!(openings.len(), 1, "one opening entry: {openings:?}");
    assert_eq!(openings[0].piece, "AN");
    openings[0]
        .lines
        .iter()
        .map(|l| (l.account_code.clone(), l.amount.std()))
        .collect()
}

pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

pub fn closed_at(book: &Book, year: i32) -> Option<String> {
    book.conn()
        .query_row(
            "SELECT closed_at FROM exercice WHERE start_year = ?1",
            [year],
            |r| r.get(0),
        )
        .unwrap()
}

//! Reading a `Book` back: row counts, balances, the lines of an entry.
#![allow(dead_code)]

use coopcompta::book::Book;

pub fn count(book: &Book, table: &str) -> i64 {
    book.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// `std` balances of the current exercice in the order caisse, pro,
/// en-ligne, lbp.
pub fn balances(book: &Book) -> Vec<String> {
    book.balances(book.exercice(), None)
        .unwrap()
        .into_iter()
        .map(|(_, m)| m.std())
        .collect()
}

/// The (account code, `std` amount) lines of an entry.
pub fn lines(book: &Book, id: i64) -> Vec<(String, String)> {
    book.entry(id)
        .unwrap()
        .unwrap()
        .lines
        .into_iter()
        .map(|l| (l.account_code, l.amount.std()))
        .collect()
}

pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

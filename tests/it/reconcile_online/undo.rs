//! Undoing an AssoConnect import (through the bank side's `undo_batch`).

use super::*;
use coopcompta::domain::online::{PaymentStatus, PayoutState};

/// Needs the bank side's `undo_batch` (it calls `undo_online` first).
#[test]
fn undoing_an_assoconnect_import_restores_the_ledger_and_balances_exactly() {
    let mut book = book();
    let row = paid(
        "PAY-090",
        "01/10/2024",
        "Lefèvre Sophie",
        1_200,
        47,
        Some("PO-1"),
    );
    let first = import(&mut book, vec![row.clone()]);
    let export = |book: &Book| {
        let mut out = Vec::new();
        coopcompta::io::export::write_ledger(
            &mut out,
            &book.entries(EX).unwrap(),
            book.chart(),
            coopcompta::io::export::CsvFormat::Std,
        )
        .unwrap();
        (
            String::from_utf8(out).unwrap(),
            balances(book),
            count(book, "contribution"),
        )
    };
    let after_first = export(&book);
    let mut c = paid("PAY-091", "02/10/2024", "Martin Paul", 900, 41, None);
    c.form = "Kermesse".into();
    pro_line(&book, "05/10/2024", 1_153, "PO-1");
    let second = import(&mut book, vec![refunded(row), c]);
    assert_ne!(export(&book), after_first);
    book.undo_batch(second.batch.unwrap()).unwrap();
    assert_eq!(export(&book), after_first);
    assert_eq!(book.payments().unwrap()[0].status, PaymentStatus::Paid);
    assert!(
        book.find_campaign("Kermesse").is_err(),
        "the campaign it created is gone"
    );
    clean(&book);
    book.undo_batch(first.batch.unwrap()).unwrap();
    assert_eq!(count(&book, "online_payment"), 0);
    assert_eq!(online_balance(&book), "0.00");
    clean(&book);
}

/// Needs the bank side's `undo_batch` (it calls `undo_online` first).
#[test]
fn undoing_the_import_that_settled_a_payout_unsettles_it_and_an_earlier_one_waits() {
    let mut book = book();
    let row = paid(
        "PAY-095",
        "01/10/2024",
        "Lefèvre Sophie",
        1_200,
        47,
        Some("PO-1"),
    );
    let first = import(&mut book, vec![row.clone()]);
    let line = pro_line(&book, "05/10/2024", 1_153, "VIR PO-1");
    let before = (
        balances(&book),
        count(&book, "entry"),
        count(&book, "bank_match"),
    );
    let second = import(
        &mut book,
        vec![paid("PAY-096", "06/10/2024", "Durand Zoé", 500, 0, None)],
    );
    assert!(matches!(
        book.payouts().unwrap()[0].state,
        PayoutState::Received { .. }
    ));
    book.undo_batch(second.batch.unwrap()).unwrap();
    assert_eq!(book.payouts().unwrap()[0].state, PayoutState::Announced);
    assert_eq!(
        (
            balances(&book),
            count(&book, "entry"),
            count(&book, "bank_match")
        ),
        before
    );
    let unmatched: i64 = book
        .conn()
        .query_row(
            "SELECT count(*) FROM bank_line b WHERE id = ?1
             AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.bank_line_id = b.id)",
            [line],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unmatched, 1);
    // A later import refunded the first one's payment: undo it first.
    let third = import(&mut book, vec![refunded(row)]);
    let third = third.batch.unwrap();
    assert_eq!(
        refusal(book.undo_batch(first.batch.unwrap())),
        format!(
            "l'import n° {third} a annulé l'écriture R001 de cet import : défaites d'abord l'import n° {third}"
        )
    );
    book.undo_batch(third).unwrap();
    book.undo_batch(first.batch.unwrap()).unwrap();
    assert_eq!(count(&book, "online_payment"), 0);
    assert_eq!(count(&book, "payout"), 0);
    clean(&book);
}

//! Undoing an import exactly, its refusals, and `check` afterwards.

use super::*;

#[test]
fn undo_gives_back_the_exact_books_and_leaves_check_clean() {
    let mut book = book();
    depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let ledger_before = ledger(&book);
    let balances_before = balances(&book);
    let mut f = file(vec![
        row("2024-10-04", "-12.50", "CARTE PAPETERIE"),
        row("2024-10-05", "-3.20", "FRAIS"),
    ]);
    f.statement = Some(StatementBalance {
        date: day("2024-10-31"),
        balance: Money::parse("984.30").unwrap(),
    });
    import(&mut book, MoneyKey::Pro, &f);
    let created = book
        .create_from_line(line_ids(&book, MoneyKey::Pro)[1], "627", None)
        .unwrap();
    let undone = book.undo_batch(1).unwrap();
    assert_eq!((undone.lines, undone.entries, undone.matches), (2, 0, 2));
    // The entry the user created from a line is hers: it stays, unmatched.
    assert!(book.entry(created).unwrap().is_some());
    book.cancel_entry(created).unwrap();
    let cancelled_pair: Vec<i64> = book
        .entries(book.exercice())
        .unwrap()
        .iter()
        .filter(|e| e.id >= created)
        .map(|e| e.id)
        .collect();
    assert_eq!(cancelled_pair.len(), 2);
    // Without that pair, the ledger is the one before the import.
    let mut probe = self::book();
    depense(&mut probe, "04/10/2024", "12,50", "Papeterie");
    assert_eq!(ledger(&probe), ledger_before);
    assert_eq!(balances(&book), balances_before);
    assert!(book.bank_lines(MoneyKey::Pro).unwrap().is_empty());
    assert_eq!(book.last_statement(MoneyKey::Pro).unwrap(), None);
    assert!(book.batches().unwrap()[0].undone_at.is_some());
    check_is_clean(&book);
    // The same file can come again.
    assert_eq!(import(&mut book, MoneyKey::Pro, &f).imported, 2);
    // Undone twice: refused.
    assert_eq!(refusal(book.undo_batch(1)), "l'import n° 1 est déjà défait");
    assert_eq!(
        refusal(book.undo_batch(9)),
        "l'import n° 9 n'existe pas (voir « coopcompta imports »)"
    );
}

/// What the AssoConnect import writes for an entry it records: the entry
/// with its batch, and no audit row of its own (the batch has one).
fn as_if_imported(book: &Book, entry: i64, batch: i64) {
    book.conn()
        .execute(
            "UPDATE entry SET batch_id = ?1 WHERE id = ?2",
            [batch, entry],
        )
        .unwrap();
    book.conn()
        .execute(
            "DELETE FROM audit WHERE entity = 'ecriture' AND entity_id = ?1",
            [entry],
        )
        .unwrap();
}

#[test]
fn undo_takes_away_the_entries_of_its_batch_exactly() {
    let mut book = book();
    let ledger_before = ledger(&book);
    let balances_before = balances(&book);
    let before = dump(&book);
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-07", "120.00", "VIR ASSOCONNECT PO-1")]),
    );
    let transfer = book
        .add_transfer(&TransferRequest {
            date: "07/10/2024".into(),
            from: MoneyKey::EnLigne,
            to: MoneyKey::Pro,
            amount: "120".into(),
            label: "Versement PO-1".into(),
            piece: String::new(),
        })
        .unwrap();
    as_if_imported(&book, transfer, 1);
    book.conn()
        .execute("DELETE FROM audit WHERE action <> 'import' AND id > 2", [])
        .unwrap();
    book.match_line(line_ids(&book, MoneyKey::Pro)[0], &[transfer])
        .unwrap();
    let undone = book.undo_batch(1).unwrap();
    assert_eq!((undone.lines, undone.entries, undone.matches), (1, 1, 1));
    assert_eq!(ledger(&book), ledger_before);
    assert_eq!(balances(&book), balances_before);
    let after: Vec<String> = dump(&book)
        .into_iter()
        .filter(|r| !r.starts_with("audit") && !r.starts_with("import_batch"))
        .collect();
    let before: Vec<String> = before
        .into_iter()
        .filter(|r| !r.starts_with("audit"))
        .collect();
    assert_eq!(after, before);
    check_is_clean(&book);
}

#[test]
fn undo_is_refused_when_what_it_created_is_used_since() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-07", "120.00", "VIR PO-1")]),
    );
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-08", "-5.00", "FRAIS")]),
    );
    let recorded = entry(
        &mut book,
        "07/10/2024",
        EntryKind::Recette,
        MoneyKey::Pro,
        "120",
        "7062",
        "Versement",
    );
    as_if_imported(&book, recorded, 2);
    book.match_line(line_ids(&book, MoneyKey::Pro)[0], &[recorded])
        .unwrap();
    let before = dump(&book);
    let p = piece(&book, recorded);
    assert_eq!(
        refusal(book.undo_batch(1)),
        format!(
            "l'écriture {p} de l'import n° 2 est rapprochée d'une ligne de cet import : défaites d'abord l'import n° 2"
        )
    );
    assert_eq!(dump(&book), before, "nothing written");
    // Cancelled since: import 2 cannot be undone.
    let reversal = book.cancel_entry(recorded).unwrap();
    let r = piece(&book, reversal);
    let before = dump(&book);
    assert_eq!(
        refusal(book.undo_batch(2)),
        format!(
            "l'écriture {p} de cet import a été annulée depuis (pièce {r}) : l'import ne peut plus être défait"
        )
    );
    assert_eq!(dump(&book), before);
}

#[test]
fn undo_is_refused_when_the_user_changed_an_entry_of_the_batch() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-07", "120.00", "VIR PO-1")]),
    );
    let recorded = entry(
        &mut book,
        "07/10/2024",
        EntryKind::Recette,
        MoneyKey::Pro,
        "120",
        "7062",
        "Versement",
    );
    book.conn()
        .execute("UPDATE entry SET batch_id = 1 WHERE id = ?1", [recorded])
        .unwrap();
    let p = piece(&book, recorded);
    assert_eq!(
        refusal(book.undo_batch(1)),
        format!(
            "l'écriture {p} de cet import a été modifiée depuis : l'import ne peut plus être défait"
        )
    );
}

#[test]
fn check_finds_matches_that_do_not_pay_their_line_and_rows_of_undone_imports() {
    let mut book = book();
    depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-04", "-12.50", "PAPETERIE")]),
    );
    check_is_clean(&book);
    book.conn()
        .execute("UPDATE bank_line SET amount_cents = -1300", [])
        .unwrap();
    book.conn()
        .execute(
            "UPDATE import_batch SET undone_at = '2025-03-15T10:00:00'",
            [],
        )
        .unwrap();
    let found: Vec<String> = integrity::check(book.conn())
        .unwrap()
        .findings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "ligne de relevé n° 1 : la ligne (-13,00 €) est rapprochée d'écritures qui font -12,50 € sur son compte",
            "ligne de relevé n° 1 : elle vient de l'import n° 1, qui a été défait",
        ]
    );
}

#[test]
fn undo_keeps_an_earlier_import_s_entry_matched_to_its_line() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-01", "-1.00", "FRAIS")]),
    );
    let earlier = entry(
        &mut book,
        "07/10/2024",
        EntryKind::Recette,
        MoneyKey::Pro,
        "120",
        "7062",
        "Versement",
    );
    as_if_imported(&book, earlier, 1);
    // The statement of import 2 brings the line the entry of import 1 pays.
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-07", "120.00", "VIR PO-1")]),
    );
    assert!(book.bank_lines(MoneyKey::Pro).unwrap()[1].is_matched());
    let undone = book.undo_batch(2).unwrap();
    assert_eq!((undone.lines, undone.entries, undone.matches), (1, 0, 1));
    assert!(
        book.entry(earlier).unwrap().is_some(),
        "import 1's entry stays"
    );
    check_is_clean(&book);
    assert_eq!(book.undo_batch(1).unwrap().entries, 1);
    check_is_clean(&book);
}

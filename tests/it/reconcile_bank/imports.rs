//! Statement imports: de-duplication, lines outside the exercice, the
//! automatic pass and the stated balance.

use super::*;

#[test]
fn the_same_file_twice_adds_nothing_and_keeps_no_batch() {
    let mut book = book();
    let f = file(vec![
        row("2024-10-04", "-12.50", "CARTE X1234 PAPETERIE"),
        row("2024-10-05", "-3.20", "FRAIS"),
    ]);
    let first = import(&mut book, MoneyKey::Pro, &f);
    assert_eq!(
        (first.batch, first.imported, first.duplicates),
        (Some(1), 2, 0)
    );
    let before = dump(&book);
    let generation = book.generation();
    let again = import(&mut book, MoneyKey::Pro, &f);
    assert_eq!(
        (again.batch, again.imported, again.duplicates),
        (None, 0, 2)
    );
    assert_eq!(
        again.note.as_deref(),
        Some("rien de nouveau : les 2 lignes sont déjà importées")
    );
    assert_eq!(dump(&book), before, "nothing written");
    assert_eq!(book.generation(), generation);
    let listed = book.batches().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].file_name, "releve.csv", "the base name only");
    assert_eq!(
        listed[0].sha256, "277089d91c0bdf4f2e6862ba7e4a07605119431f5d13f726dd352b06f1b206a9",
        "SHA-256 of the bytes"
    );
    assert_eq!(
        (
            listed[0].imported,
            listed[0].duplicates,
            listed[0].lines_read
        ),
        (2, 0, 2)
    );
}

#[test]
fn an_overlapping_file_adds_only_its_new_lines() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-04", "-12.50", "A"),
            row("2024-10-05", "-3.20", "B"),
        ]),
    );
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-05", "-3.20", "B"),
            row("2024-10-06", "40.00", "C"),
            row("2024-10-04", "-12.50", "A"),
        ]),
    );
    assert_eq!((s.batch, s.imported, s.duplicates), (Some(2), 1, 2));
    let labels: Vec<String> = book
        .bank_lines(MoneyKey::Pro)
        .unwrap()
        .into_iter()
        .map(|l| l.label)
        .collect();
    assert_eq!(labels, ["A", "B", "C"]);
    // The same lines on the other bank account are that account's own.
    let s = import(
        &mut book,
        MoneyKey::Lbp,
        &file(vec![row("2024-10-04", "-12.50", "A")]),
    );
    assert_eq!((s.imported, s.duplicates), (1, 0));
}

#[test]
fn identical_card_payments_on_one_day_are_counted_not_merged() {
    let mut book = book();
    let card = || row("2024-10-04", "-2.40", "CARTE X1234 BOULANGERIE");
    let s = import(&mut book, MoneyKey::Pro, &file(vec![card(), card()]));
    assert_eq!(s.imported, 2, "two payments, two lines");
    // A later file holding the same day with a third one adds one.
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            card(),
            card(),
            row("2024-10-05", "-1.00", "X"),
            card(),
        ]),
    );
    assert_eq!((s.imported, s.duplicates), (2, 2));
    assert_eq!(
        book.bank_lines(MoneyKey::Pro)
            .unwrap()
            .iter()
            .filter(|l| l.amount.std() == "-2.40")
            .count(),
        3
    );
    // Case and accents of the label do not make a line new.
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-05", "-1.00", "x")]),
    );
    assert_eq!((s.batch, s.duplicates), (None, 1));
}

#[test]
fn a_bank_id_decides_what_is_known() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![with_id(row("2024-10-04", "-2.40", "CARTE"), "TX-1")]),
    );
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            // Known by its id although the bank rewrote its label.
            with_id(
                row("2024-10-04", "-2.40", "CARTE BOULANGERIE DU PARC"),
                "TX-1",
            ),
            // Same content, another id: another payment.
            with_id(row("2024-10-04", "-2.40", "CARTE"), "TX-2"),
        ]),
    );
    assert_eq!((s.imported, s.duplicates), (1, 1));
    let ids: Vec<Option<String>> = book
        .bank_lines(MoneyKey::Pro)
        .unwrap()
        .into_iter()
        .map(|l| l.bank_id)
        .collect();
    assert_eq!(ids, [Some("TX-1".to_string()), Some("TX-2".to_string())]);
}

#[test]
fn lines_outside_the_exercice_are_counted_not_imported() {
    let mut book = book();
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-08-30", "-1.00", "AVANT"),
            row("2024-09-02", "-2.00", "DEDANS"),
            row("2025-09-01", "-3.00", "APRES"),
        ]),
    );
    assert_eq!((s.imported, s.outside_exercice), (1, 2));
    let before = dump(&book);
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-08-30", "-1.00", "AVANT")]),
    );
    assert_eq!(s.batch, None);
    assert_eq!(
        s.note.as_deref(),
        Some("rien de nouveau : 1 ligne est hors de l'exercice")
    );
    assert_eq!(dump(&book), before);
}

#[test]
fn only_bank_accounts_take_a_statement() {
    let mut book = book();
    let before = dump(&book);
    for key in [MoneyKey::Caisse, MoneyKey::EnLigne] {
        let refused = refusal(book.import_bank(
            key,
            "r.csv",
            b"x",
            &file(vec![row("2024-10-04", "-1.00", "A")]),
        ));
        assert_eq!(
            refused,
            format!(
                "{} n'a pas de relevé bancaire : un relevé s'importe sur le Compte Pro ou sur La Banque Postale",
                key.label()
            )
        );
    }
    assert_eq!(dump(&book), before);
}

#[test]
fn an_import_matches_what_is_unambiguous_and_records_the_stated_balance() {
    let mut book = book();
    let paper = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let mut f = file(vec![
        row("2024-10-04", "-12.50", "CARTE X1234 PAPETERIE"),
        row("2024-10-05", "-3.20", "FRAIS"),
    ]);
    f.statement = Some(StatementBalance {
        date: day("2024-10-31"),
        balance: Money::parse("984.30").unwrap(),
    });
    let s = import(&mut book, MoneyKey::Pro, &f);
    assert_eq!(s.matched, 1);
    assert_eq!(
        s.implied_opening.unwrap().std(),
        "1000.00",
        "984,30 + 12,50 + 3,20"
    );
    assert_eq!(
        s.books_opening.unwrap().std(),
        "1000.00",
        "the books on 03/10"
    );
    let lines = book.bank_lines(MoneyKey::Pro).unwrap();
    assert_eq!(
        lines[0].state,
        LineState::Matched(vec![piece(&book, paper)])
    );
    assert_eq!(lines[1].state, LineState::ToMatch);
    assert_eq!(
        book.last_statement(MoneyKey::Pro).unwrap(),
        Some((day("2024-10-31"), Money::parse("984.30").unwrap()))
    );
    let carried: i64 = book
        .conn()
        .query_row(
            "SELECT count(*) FROM bank_match WHERE batch_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(carried, 1, "the import's match carries its batch");
}

#[test]
fn an_empty_bank_id_is_no_id() {
    let mut book = book();
    let card = || with_id(row("2024-10-04", "-2.40", "CARTE"), "");
    let s = import(&mut book, MoneyKey::Pro, &file(vec![card(), card()]));
    assert_eq!(
        (s.imported, s.duplicates),
        (2, 0),
        "two payments, counted by content"
    );
    let s = import(&mut book, MoneyKey::Pro, &file(vec![card(), card()]));
    assert_eq!((s.batch, s.duplicates), (None, 2));
    let ids: Vec<Option<String>> = book
        .bank_lines(MoneyKey::Pro)
        .unwrap()
        .into_iter()
        .map(|l| l.bank_id)
        .collect();
    assert_eq!(ids, [None, None]);
}

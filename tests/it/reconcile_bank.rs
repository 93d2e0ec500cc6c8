//! Bank statements in the books: imports as batches (de-duplication,
//! lines outside the exercice), undo, matching one-to-one, entries created
//! from bank lines, the statement check. Files are given as `BankFile`s
//! (what any parser hands over), so these tests hold whatever the parser.

use crate::support::participations::refusal;
use crate::support::{book::balances, clock, new_coop};
use chrono::NaiveDate;
use coopcompta::book::Book;
use coopcompta::domain::bank::{BankFile, BankRow, LineState, StatementBalance};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::{EntryKind, Exercice, Money, MoneyKey, PaymentMode};
use coopcompta::io::export::{CsvFormat, write_ledger};
use coopcompta::store::integrity;
use proptest::prelude::*;

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

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn row(date: &str, amount: &str, label: &str) -> BankRow {
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

fn with_id(mut r: BankRow, id: &str) -> BankRow {
    r.bank_id = Some(id.into());
    r
}

fn file(rows: Vec<BankRow>) -> BankFile {
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

fn import(book: &mut Book, account: MoneyKey, f: &BankFile) -> coopcompta::book::reconcile::BankImportSummary {
    book.import_bank(account, "/tmp/telechargements/releve.csv", b"bytes", f)
        .unwrap()
}

fn entry(book: &mut Book, date: &str, kind: EntryKind, account: MoneyKey, amount: &str, code: &str, label: &str) -> i64 {
    book.add_entry(&EntryRequest {
        date: date.into(),
        kind,
        account,
        amount: amount.into(),
        label: label.into(),
        mode: Some(if account == MoneyKey::Caisse { PaymentMode::Especes } else { PaymentMode::Virement }),
        splits: vec![SplitInput { code: code.into(), amount: String::new() }],
        piece: String::new(),
        cheque_no: String::new(),
    })
    .unwrap()
}

fn depense(book: &mut Book, date: &str, amount: &str, label: &str) -> i64 {
    entry(book, date, EntryKind::Depense, MoneyKey::Pro, amount, "606", label)
}

fn piece(book: &Book, id: i64) -> String {
    book.entry(id).unwrap().unwrap().piece
}

fn line_ids(book: &Book, account: MoneyKey) -> Vec<i64> {
    book.bank_lines(account).unwrap().iter().map(|l| l.id).collect()
}

/// Every row of every table a reconciliation action may write.
fn dump(book: &Book) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "entry", "entry_line", "audit", "contribution", "import_batch", "bank_line",
        "bank_match", "statement_balance",
    ] {
        let mut stmt = book.conn().prepare(&format!("SELECT * FROM {table} ORDER BY rowid")).unwrap();
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

fn ledger(book: &Book) -> String {
    let mut bytes = Vec::new();
    write_ledger(&mut bytes, &book.entries(book.exercice()).unwrap(), book.chart(), CsvFormat::Std).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn check_is_clean(book: &Book) {
    let report = integrity::check(book.conn()).unwrap();
    assert_eq!(report.findings, [], "check after the action");
}


#[test]
fn the_same_file_twice_adds_nothing_and_keeps_no_batch() {
    let mut book = book();
    let f = file(vec![row("2024-10-04", "-12.50", "CARTE X1234 PAPETERIE"), row("2024-10-05", "-3.20", "FRAIS")]);
    let first = import(&mut book, MoneyKey::Pro, &f);
    assert_eq!((first.batch, first.imported, first.duplicates), (Some(1), 2, 0));
    let before = dump(&book);
    let generation = book.generation();
    let again = import(&mut book, MoneyKey::Pro, &f);
    assert_eq!((again.batch, again.imported, again.duplicates), (None, 0, 2));
    assert_eq!(again.note.as_deref(), Some("rien de nouveau : les 2 lignes sont déjà importées"));
    assert_eq!(dump(&book), before, "nothing written");
    assert_eq!(book.generation(), generation);
    let listed = book.batches().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].file_name, "releve.csv", "the base name only");
    assert_eq!(listed[0].sha256, "277089d91c0bdf4f2e6862ba7e4a07605119431f5d13f726dd352b06f1b206a9", "SHA-256 of the bytes");
    assert_eq!((listed[0].imported, listed[0].duplicates, listed[0].lines_read), (2, 0, 2));
}

#[test]
fn an_overlapping_file_adds_only_its_new_lines() {
    let mut book = book();
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-04", "-12.50", "A"), row("2024-10-05", "-3.20", "B")]));
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-05", "-3.20", "B"), row("2024-10-06", "40.00", "C"), row("2024-10-04", "-12.50", "A")]),
    );
    assert_eq!((s.batch, s.imported, s.duplicates), (Some(2), 1, 2));
    let labels: Vec<String> = book.bank_lines(MoneyKey::Pro).unwrap().into_iter().map(|l| l.label).collect();
    assert_eq!(labels, ["A", "B", "C"]);
    // The same lines on the other bank account are that account's own.
    let s = import(&mut book, MoneyKey::Lbp, &file(vec![row("2024-10-04", "-12.50", "A")]));
    assert_eq!((s.imported, s.duplicates), (1, 0));
}

#[test]
fn identical_card_payments_on_one_day_are_counted_not_merged() {
    let mut book = book();
    let card = || row("2024-10-04", "-2.40", "CARTE X1234 BOULANGERIE");
    let s = import(&mut book, MoneyKey::Pro, &file(vec![card(), card()]));
    assert_eq!(s.imported, 2, "two payments, two lines");
    // A later file holding the same day with a third one adds one.
    let s = import(&mut book, MoneyKey::Pro, &file(vec![card(), card(), row("2024-10-05", "-1.00", "X"), card()]));
    assert_eq!((s.imported, s.duplicates), (2, 2));
    assert_eq!(book.bank_lines(MoneyKey::Pro).unwrap().iter().filter(|l| l.amount.std() == "-2.40").count(), 3);
    // Case and accents of the label do not make a line new.
    let s = import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-05", "-1.00", "x")]));
    assert_eq!((s.batch, s.duplicates), (None, 1));
}

#[test]
fn a_bank_id_decides_what_is_known() {
    let mut book = book();
    import(&mut book, MoneyKey::Pro, &file(vec![with_id(row("2024-10-04", "-2.40", "CARTE"), "TX-1")]));
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            // Known by its id although the bank rewrote its label.
            with_id(row("2024-10-04", "-2.40", "CARTE BOULANGERIE DU PARC"), "TX-1"),
            // Same content, another id: another payment.
            with_id(row("2024-10-04", "-2.40", "CARTE"), "TX-2"),
        ]),
    );
    assert_eq!((s.imported, s.duplicates), (1, 1));
    let ids: Vec<Option<String>> = book.bank_lines(MoneyKey::Pro).unwrap().into_iter().map(|l| l.bank_id).collect();
    assert_eq!(ids, [Some("TX-1".to_string()), Some("TX-2".to_string())]);
}

#[test]
fn lines_outside_the_exercice_are_counted_not_imported() {
    let mut book = book();
    let s = import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-08-30", "-1.00", "AVANT"), row("2024-09-02", "-2.00", "DEDANS"), row("2025-09-01", "-3.00", "APRES")]),
    );
    assert_eq!((s.imported, s.outside_exercice), (1, 2));
    let before = dump(&book);
    let s = import(&mut book, MoneyKey::Pro, &file(vec![row("2024-08-30", "-1.00", "AVANT")]));
    assert_eq!(s.batch, None);
    assert_eq!(s.note.as_deref(), Some("rien de nouveau : 1 ligne est hors de l'exercice"));
    assert_eq!(dump(&book), before);
}

#[test]
fn only_bank_accounts_take_a_statement() {
    let mut book = book();
    let before = dump(&book);
    for key in [MoneyKey::Caisse, MoneyKey::EnLigne] {
        let refused = refusal(book.import_bank(key, "r.csv", b"x", &file(vec![row("2024-10-04", "-1.00", "A")])));
        assert_eq!(
            refused,
            format!("{} n'a pas de relevé bancaire : un relevé s'importe sur le Compte Pro ou sur La Banque Postale", key.label())
        );
    }
    assert_eq!(dump(&book), before);
}

#[test]
fn an_import_matches_what_is_unambiguous_and_records_the_stated_balance() {
    let mut book = book();
    let paper = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let mut f = file(vec![row("2024-10-04", "-12.50", "CARTE X1234 PAPETERIE"), row("2024-10-05", "-3.20", "FRAIS")]);
    f.statement = Some(StatementBalance { date: day("2024-10-31"), balance: Money::parse("984.30").unwrap() });
    let s = import(&mut book, MoneyKey::Pro, &f);
    assert_eq!(s.matched, 1);
    assert_eq!(s.implied_opening.unwrap().std(), "1000.00", "984,30 + 12,50 + 3,20");
    assert_eq!(s.books_opening.unwrap().std(), "1000.00", "the books on 03/10");
    let lines = book.bank_lines(MoneyKey::Pro).unwrap();
    assert_eq!(lines[0].state, LineState::Matched(vec![piece(&book, paper)]));
    assert_eq!(lines[1].state, LineState::ToMatch);
    assert_eq!(book.last_statement(MoneyKey::Pro).unwrap(), Some((day("2024-10-31"), Money::parse("984.30").unwrap())));
    let carried: i64 = book.conn().query_row("SELECT count(*) FROM bank_match WHERE batch_id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(carried, 1, "the import's match carries its batch");
}

#[test]
fn undo_gives_back_the_exact_books_and_leaves_check_clean() {
    let mut book = book();
    depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let ledger_before = ledger(&book);
    let balances_before = balances(&book);
    let mut f = file(vec![row("2024-10-04", "-12.50", "CARTE PAPETERIE"), row("2024-10-05", "-3.20", "FRAIS")]);
    f.statement = Some(StatementBalance { date: day("2024-10-31"), balance: Money::parse("984.30").unwrap() });
    import(&mut book, MoneyKey::Pro, &f);
    let created = book.create_from_line(line_ids(&book, MoneyKey::Pro)[1], "627", None).unwrap();
    let undone = book.undo_batch(1).unwrap();
    assert_eq!((undone.lines, undone.entries, undone.matches), (2, 0, 2));
    // The entry the user created from a line is hers: it stays, unmatched.
    assert!(book.entry(created).unwrap().is_some());
    book.cancel_entry(created).unwrap();
    let cancelled_pair: Vec<i64> = book.entries(book.exercice()).unwrap().iter().filter(|e| e.id >= created).map(|e| e.id).collect();
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
    assert_eq!(refusal(book.undo_batch(9)), "l'import n° 9 n'existe pas (voir « coopcompta imports »)");
}

/// What the AssoConnect import writes for an entry it records: the entry
/// with its batch, and no audit row of its own (the batch has one).
fn as_if_imported(book: &Book, entry: i64, batch: i64) {
    book.conn().execute("UPDATE entry SET batch_id = ?1 WHERE id = ?2", [batch, entry]).unwrap();
    book.conn().execute("DELETE FROM audit WHERE entity = 'ecriture' AND entity_id = ?1", [entry]).unwrap();
}

#[test]
fn undo_takes_away_the_entries_of_its_batch_exactly() {
    let mut book = book();
    let ledger_before = ledger(&book);
    let balances_before = balances(&book);
    let before = dump(&book);
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-07", "120.00", "VIR ASSOCONNECT PO-1")]));
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
    book.conn().execute("DELETE FROM audit WHERE action <> 'import' AND id > 2", []).unwrap();
    book.match_line(line_ids(&book, MoneyKey::Pro)[0], &[transfer]).unwrap();
    let undone = book.undo_batch(1).unwrap();
    assert_eq!((undone.lines, undone.entries, undone.matches), (1, 1, 1));
    assert_eq!(ledger(&book), ledger_before);
    assert_eq!(balances(&book), balances_before);
    let after: Vec<String> = dump(&book).into_iter().filter(|r| !r.starts_with("audit") && !r.starts_with("import_batch")).collect();
    let before: Vec<String> = before.into_iter().filter(|r| !r.starts_with("audit")).collect();
    assert_eq!(after, before);
    check_is_clean(&book);
}

#[test]
fn undo_is_refused_when_what_it_created_is_used_since() {
    let mut book = book();
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-07", "120.00", "VIR PO-1")]));
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-08", "-5.00", "FRAIS")]));
    let recorded = entry(&mut book, "07/10/2024", EntryKind::Recette, MoneyKey::Pro, "120", "7062", "Versement");
    as_if_imported(&book, recorded, 2);
    book.match_line(line_ids(&book, MoneyKey::Pro)[0], &[recorded]).unwrap();
    let before = dump(&book);
    let p = piece(&book, recorded);
    assert_eq!(
        refusal(book.undo_batch(1)),
        format!("l'écriture {p} de l'import n° 2 est rapprochée d'une ligne de cet import : défaites d'abord l'import n° 2")
    );
    assert_eq!(dump(&book), before, "nothing written");
    // Cancelled since: import 2 cannot be undone.
    let reversal = book.cancel_entry(recorded).unwrap();
    let r = piece(&book, reversal);
    let before = dump(&book);
    assert_eq!(
        refusal(book.undo_batch(2)),
        format!("l'écriture {p} de cet import a été annulée depuis (pièce {r}) : l'import ne peut plus être défait")
    );
    assert_eq!(dump(&book), before);
}

#[test]
fn undo_is_refused_when_the_user_changed_an_entry_of_the_batch() {
    let mut book = book();
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-07", "120.00", "VIR PO-1")]));
    let recorded = entry(&mut book, "07/10/2024", EntryKind::Recette, MoneyKey::Pro, "120", "7062", "Versement");
    book.conn().execute("UPDATE entry SET batch_id = 1 WHERE id = ?1", [recorded]).unwrap();
    let p = piece(&book, recorded);
    assert_eq!(
        refusal(book.undo_batch(1)),
        format!("l'écriture {p} de cet import a été modifiée depuis : l'import ne peut plus être défait")
    );
}

#[test]
fn matching_rules_and_their_refusals() {
    let mut book = book();
    let a = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let b = depense(&mut book, "04/10/2024", "7,50", "Colle");
    let cash = entry(&mut book, "04/10/2024", EntryKind::Depense, MoneyKey::Caisse, "3", "606", "Timbres");
    let cancelled = depense(&mut book, "05/10/2024", "1,00", "Erreur");
    book.cancel_entry(cancelled).unwrap();
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-06", "-20.00", "CARTE LIBRAIRIE"), row("2024-10-06", "-9.99", "AUTRE")]));
    let lines = line_ids(&book, MoneyKey::Pro);
    let (pa, pb, pc, px) = (piece(&book, a), piece(&book, b), piece(&book, cash), piece(&book, cancelled));
    let before = dump(&book);
    let cases: Vec<(i64, Vec<i64>, String)> = vec![
        (lines[0], vec![a], format!("les écritures choisies ({pa}) font -12,50 €, la ligne de relevé n° {} fait -20,00 € : écart de -7,50 €", lines[0])),
        (lines[0], vec![], "choisissez au moins une écriture à rapprocher de la ligne".into()),
        (lines[0], vec![cash], format!("l'écriture {pc} ne passe pas par 512 Compte Pro (Swan)")),
        (lines[0], vec![cancelled], format!("l'écriture {px} est annulée : elle ne se rapproche pas d'un relevé")),
        (lines[0], vec![a, a], format!("l'écriture {pa} est choisie deux fois")),
        (lines[0], vec![999], "l'écriture n° 999 n'existe pas".into()),
        (77, vec![a], "la ligne de relevé n° 77 n'existe pas (voir « coopcompta bank lines »)".into()),
    ];
    for (line, entries, message) in cases {
        assert_eq!(refusal(book.match_line(line, &entries)), message);
        assert_eq!(dump(&book), before, "nothing written: {message}");
    }
    // Two entries pay one line exactly.
    book.match_line(lines[0], &[a, b]).unwrap();
    assert_eq!(book.bank_lines(MoneyKey::Pro).unwrap()[0].state, LineState::Matched(vec![pa.clone(), pb.clone()]));
    let before = dump(&book);
    assert_eq!(
        refusal(book.match_line(lines[0], &[cash])),
        format!("la ligne de relevé n° {} est déjà rapprochée ({pa} {pb}) : défaites d'abord ce rapprochement", lines[0])
    );
    assert_eq!(
        refusal(book.match_line(lines[1], &[a])),
        format!("l'écriture {pa} est déjà rapprochée de la ligne de relevé n° {}", lines[0])
    );
    assert_eq!(refusal(book.unmatch_line(lines[1])), format!("la ligne de relevé n° {} n'est pas rapprochée", lines[1]));
    assert_eq!(dump(&book), before);
    book.unmatch_line(lines[0]).unwrap();
    assert!(book.bank_lines(MoneyKey::Pro).unwrap().iter().all(|l| !l.is_matched()));
    check_is_clean(&book);
}

#[test]
fn the_opening_is_never_matched() {
    let mut book = book();
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-09-01", "1000.00", "SOLDE")]));
    let opening: i64 = book.conn().query_row("SELECT id FROM entry WHERE kind = 'ouverture'", [], |r| r.get(0)).unwrap();
    let p = piece(&book, opening);
    assert_eq!(
        refusal(book.match_line(line_ids(&book, MoneyKey::Pro)[0], &[opening])),
        format!("l'écriture {p} est l'ouverture de l'exercice : elle ne se rapproche pas d'un relevé")
    );
    assert!(book.suggestions(MoneyKey::Pro).unwrap().is_empty());
}

#[test]
fn a_matched_line_or_entry_is_never_suggested_again() {
    let mut book = book();
    let a = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let b = depense(&mut book, "05/10/2024", "8,00", "Colle");
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-20", "-12.50", "X"), row("2024-10-21", "-8.00", "Y")]));
    let lines = line_ids(&book, MoneyKey::Pro);
    // Far from their dates: nothing matched on the way; matched by hand.
    book.match_line(lines[0], &[a]).unwrap();
    let suggested = book.suggestions(MoneyKey::Pro).unwrap();
    assert!(suggested.iter().all(|s| s.line_id != lines[0] && s.entry_id != a), "{suggested:?}");
    // A second line of the same amount as a matched entry is not offered it.
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-04", "-12.50", "X BIS")]));
    let suggested = book.suggestions(MoneyKey::Pro).unwrap();
    assert!(suggested.iter().all(|s| s.entry_id != a), "{suggested:?}");
    book.match_line(lines[1], &[b]).unwrap();
    let auto = book.reconcile_auto(MoneyKey::Pro).unwrap();
    assert_eq!((auto.matched, auto.unmatched_lines, auto.unmatched_entries), (0, 1, 0));
}

#[test]
fn reconcile_auto_accepts_the_unambiguous_pairs() {
    let mut book = book();
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-04", "-12.50", "PAPETERIE"), row("2024-10-05", "-8.00", "COLLE"), row("2024-10-06", "-1.00", "FRAIS")]));
    depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    depense(&mut book, "05/10/2024", "8,00", "Colle");
    let auto = book.reconcile_auto(MoneyKey::Pro).unwrap();
    assert_eq!((auto.matched, auto.created, auto.unmatched_lines, auto.unmatched_entries), (2, 0, 1, 0));
    let audits: i64 = book.conn().query_row("SELECT count(*) FROM audit WHERE action = 'rapprochement automatique'", [], |r| r.get(0)).unwrap();
    assert_eq!(audits, 1, "one action, one audit row");
    // Nothing left to accept: nothing written.
    let before = dump(&book);
    assert_eq!(book.reconcile_auto(MoneyKey::Pro).unwrap().matched, 0);
    assert_eq!(dump(&book), before);
}

#[test]
fn a_virement_interne_is_matched_on_each_side() {
    let mut book = book();
    let transfer = book
        .add_transfer(&TransferRequest {
            date: "10/10/2024".into(),
            from: MoneyKey::Lbp,
            to: MoneyKey::Pro,
            amount: "200".into(),
            label: "Solde LBP vers le Compte Pro".into(),
            piece: String::new(),
        })
        .unwrap();
    import(&mut book, MoneyKey::Lbp, &file(vec![row("2024-10-10", "-200.00", "VIREMENT VERS COMPTE PRO")]));
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-10", "200.00", "VIREMENT DE LBP")]));
    let p = piece(&book, transfer);
    for key in [MoneyKey::Lbp, MoneyKey::Pro] {
        assert_eq!(book.bank_lines(key).unwrap()[0].state, LineState::Matched(vec![p.clone()]), "{key:?}");
        assert!(book.book_lines(key).unwrap().iter().all(|b| b.matched_to.is_some()));
    }
}

#[test]
fn an_entry_created_from_a_line_is_numbered_and_matched() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-04", "-3.20", "CB X1234 FRAIS TENUE"), row("2024-10-05", "45.00", "VIR MAIRIE SUBVENTION"), row("2024-10-06", "-1.00", "PRLV SEPA FRAIS")]),
    );
    let lines = line_ids(&book, MoneyKey::Pro);
    let fees = book.create_from_line(lines[0], "627", None).unwrap();
    let e = book.entry(fees).unwrap().unwrap();
    assert_eq!((e.piece.as_str(), e.kind, e.label.as_str(), e.mode), ("D001", EntryKind::Depense, "CB X1234 FRAIS TENUE", Some(PaymentMode::Carte)));
    assert_eq!(e.date, day("2024-10-04"));
    assert_eq!(e.amount_on("512").std(), "-3.20");
    let grant = book.create_from_line(lines[1], "7443", Some("Subvention de la mairie")).unwrap();
    let e = book.entry(grant).unwrap().unwrap();
    assert_eq!((e.piece.as_str(), e.kind, e.label.as_str(), e.mode), ("R001", EntryKind::Recette, "Subvention de la mairie", Some(PaymentMode::Virement)));
    let debit = book.create_from_line(lines[2], "627", None).unwrap();
    assert_eq!(book.entry(debit).unwrap().unwrap().mode, Some(PaymentMode::Prelevement));
    assert!(book.bank_lines(MoneyKey::Pro).unwrap().iter().all(|l| l.is_matched()));
    check_is_clean(&book);
}

#[test]
fn creating_from_a_line_refuses_a_wrong_category_or_a_matched_line() {
    let mut book = book();
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-04", "-3.20", "FRAIS"), row("2024-10-05", "45.00", "VIR")]));
    let lines = line_ids(&book, MoneyKey::Pro);
    let before = dump(&book);
    assert_eq!(refusal(book.create_from_line(lines[0], "7062", None)), "Catégorie : « 7062 Participation des familles aux sorties et voyages » n'est pas un compte de charges (6…) pour une dépense");
    assert_eq!(refusal(book.create_from_line(lines[1], "627", None)), "Catégorie : « 627 Services bancaires et frais AssoConnect » n'est pas un compte de produits (7…) pour une recette");
    assert_eq!(refusal(book.create_from_line(lines[0], "999", None)), "Catégorie : « 999 » n'existe pas dans le plan comptable");
    assert_eq!(refusal(book.create_from_line(lines[0], "627", Some("   "))), "Libellé : vide : décrivez l'opération (ex. « Sortie cinéma CP »)");
    assert_eq!(dump(&book), before);
    book.create_from_line(lines[0], "627", None).unwrap();
    assert_eq!(
        refusal(book.create_from_line(lines[0], "627", None)),
        format!("la ligne de relevé n° {} est déjà rapprochée (D001) : défaites d'abord ce rapprochement", lines[0])
    );
}

#[test]
fn the_statement_check_tells_the_difference_and_what_is_not_on_it() {
    let mut book = book();
    let a = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    depense(&mut book, "28/10/2024", "30,00", "Livres");
    depense(&mut book, "05/11/2024", "5,00", "Après le relevé");
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-04", "-12.50", "PAPETERIE"), row("2024-10-30", "-3.20", "FRAIS")]));
    let check = book.check_statement(MoneyKey::Pro, day("2024-10-31"), Money::parse("984.30").unwrap()).unwrap();
    assert_eq!(check.books.std(), "957.50");
    assert_eq!(check.reconciled.std(), "987.50", "opening 1 000 − 12,50");
    assert_eq!(check.difference.std(), "-3.20", "the bank fees not yet entered");
    let missing: Vec<&str> = check.not_on_statement.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(missing, ["Livres"]);
    assert_eq!(book.last_statement(MoneyKey::Pro).unwrap(), Some((day("2024-10-31"), Money::parse("984.30").unwrap())));
    // The fees entered from their line: the difference reaches zero.
    let fees = line_ids(&book, MoneyKey::Pro)[1];
    book.create_from_line(fees, "627", None).unwrap();
    let check = book.check_statement(MoneyKey::Pro, day("2024-10-31"), Money::parse("984.30").unwrap()).unwrap();
    assert_eq!(check.difference.std(), "0.00");
    let _ = a;
    let before = dump(&book);
    assert_eq!(
        refusal(book.check_statement(MoneyKey::Pro, day("2025-09-01"), Money::parse("1").unwrap())),
        "Date : le 01/09/2025 est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)"
    );
    assert_eq!(
        refusal(book.check_statement(MoneyKey::Caisse, day("2024-10-31"), Money::parse("1").unwrap())),
        "Caisse n'a pas de relevé bancaire : un relevé s'importe sur le Compte Pro ou sur La Banque Postale"
    );
    assert_eq!(dump(&book), before);
}

#[derive(Debug, Clone)]
enum Op {
    Import(Vec<(u8, u8)>),
    Match(usize, Vec<usize>),
    Unmatch(usize),
    Auto,
    Undo(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        prop::collection::vec((0u8..6, 0u8..4), 1..5).prop_map(Op::Import),
        (0usize..20, prop::collection::vec(0usize..12, 1..3)).prop_map(|(l, e)| Op::Match(l, e)),
        (0usize..20).prop_map(Op::Unmatch),
        Just(Op::Auto),
        (0usize..6).prop_map(Op::Undo),
    ]
}

/// Every entry line matched at most once; every matched line's entries
/// sum to it exactly.
fn one_to_one(book: &Book) -> Result<(), TestCaseError> {
    let twice: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM (SELECT 1 FROM bank_match GROUP BY entry_id, account_id HAVING count(*) > 1)", [], |r| r.get(0))
        .unwrap();
    prop_assert_eq!(twice, 0);
    let pro = book.account(MoneyKey::Pro).unwrap().code.clone();
    let lines = book.bank_lines(MoneyKey::Pro).unwrap();
    for l in &lines {
        let ids: Vec<i64> = book.conn().prepare("SELECT entry_id FROM bank_match WHERE bank_line_id = ?1").unwrap()
            .query_map([l.id], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        let total: Money = ids.iter().map(|id| book.entry(*id).unwrap().unwrap().amount_on(&pro)).sum();
        prop_assert_eq!(ids.is_empty(), !l.is_matched());
        if !ids.is_empty() {
            prop_assert_eq!(total, l.amount, "line {}", l.id);
        }
    }
    let dangling: i64 = book.conn().query_row(
        "SELECT count(*) FROM bank_match WHERE bank_line_id NOT IN (SELECT id FROM bank_line) OR entry_id NOT IN (SELECT id FROM entry)",
        [], |r| r.get(0)).unwrap();
    prop_assert_eq!(dangling, 0);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn matching_stays_one_to_one_whatever_the_order(ops in prop::collection::vec(op(), 1..14)) {
        let mut book = book();
        let amounts = ["-5.00", "-7.50", "-12.50", "-20.00"];
        let mut entries = Vec::new();
        for (i, amount) in amounts.iter().chain(amounts.iter()).chain(["-2.50", "-10.00", "-12.50", "-15.00"].iter()).enumerate() {
            let date = format!("{:02}/10/2024", 2 + i % 6);
            entries.push(depense(&mut book, &date, &amount[1..].replace('.', ","), &format!("Achat {i}")));
        }
        for op in ops {
            match op {
                Op::Import(rows) => {
                    let rows = rows.into_iter().map(|(d, a)| row(&format!("2024-10-{:02}", 2 + d), amounts[a as usize], "CARTE")).collect();
                    let _ = book.import_bank(MoneyKey::Pro, "r.csv", b"x", &file(rows));
                }
                Op::Match(l, es) => {
                    let lines = line_ids(&book, MoneyKey::Pro);
                    if let Some(line) = lines.get(l % lines.len().max(1)) {
                        let ids: Vec<i64> = es.iter().map(|e| entries[*e]).collect();
                        let _ = book.match_line(*line, &ids);
                    }
                }
                Op::Unmatch(l) => {
                    let lines = line_ids(&book, MoneyKey::Pro);
                    if let Some(line) = lines.get(l % lines.len().max(1)) {
                        let _ = book.unmatch_line(*line);
                    }
                }
                Op::Auto => { book.reconcile_auto(MoneyKey::Pro).unwrap(); }
                Op::Undo(b) => { let _ = book.undo_batch(b as i64 + 1); }
            }
            one_to_one(&book)?;
        }
        let report = integrity::check(book.conn()).unwrap();
        prop_assert_eq!(report.findings, vec![]);
    }
}

#[test]
fn check_finds_matches_that_do_not_pay_their_line_and_rows_of_undone_imports() {
    let mut book = book();
    depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    import(&mut book, MoneyKey::Pro, &file(vec![row("2024-10-04", "-12.50", "PAPETERIE")]));
    check_is_clean(&book);
    book.conn().execute("UPDATE bank_line SET amount_cents = -1300", []).unwrap();
    book.conn().execute("UPDATE import_batch SET undone_at = '2025-03-15T10:00:00'", []).unwrap();
    let found: Vec<String> = integrity::check(book.conn()).unwrap().findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "ligne de relevé n° 1 : la ligne (-13,00 €) est rapprochée d'écritures qui font -12,50 € sur son compte",
            "ligne de relevé n° 1 : elle vient de l'import n° 1, qui a été défait",
        ]
    );
}
